//! Text → model: the interview parser, typographic cleaning and errata.

pub mod model;

pub use model::{Address, Correction, Interview, Kind, Meta, Paragraph, Section, sentences};
