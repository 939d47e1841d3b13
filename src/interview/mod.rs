//! Document → model: interview structure (labels, speakers and roles, sections, front and
//! trailing furniture), typographic cleaning and errata. Syntax is `read`'s.

pub mod clean;
pub mod errata;
mod errata_index;
pub mod marked;
pub mod model;
mod speakers;
mod structure;

pub use model::{Address, Correction, Interview, Kind, Meta, Paragraph, Role, Section, sentences};
pub use structure::{ParseError, ParseOptions, is_role_label, parse, parse_as};

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
