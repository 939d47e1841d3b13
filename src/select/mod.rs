//! The quote selector: curated YAML, CLI filters and automatic ranking → `Vec<Quote>`.

mod quote;

pub use quote::{Quote, QuoteKind, SectionRef};
