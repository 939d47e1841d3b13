//! Text → model: the interview parser, typographic cleaning and errata.

pub mod clean;
pub mod errata;
pub mod model;
mod parse;
mod speakers;

pub use model::{Address, Correction, Interview, Kind, Meta, Paragraph, Section, sentences};
pub use parse::{ParseError, ParseOptions, parse};

/// The bundled interview (the embedded default input).
pub const DEFAULT_INTERVIEW: &str = include_str!("../../content/interview.txt");

/// Parse the bundled interview with its errata and cleaning.
pub fn parse_default() -> Result<Interview, ParseError> {
    let errata = errata::load(errata::DEFAULT_ERRATA, "content/errata.yaml")?;
    parse(
        DEFAULT_INTERVIEW,
        &ParseOptions {
            clean: true,
            errata: Some(errata),
        },
    )
}
