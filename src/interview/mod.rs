//! Document → model: interview structure (labels, speakers and roles, sections, front and
//! trailing furniture), typographic cleaning and errata. Syntax is `read`'s.

pub mod clean;
pub mod errata;
mod errata_index;
pub(crate) mod figures;
pub(crate) mod inline_marks;
pub(crate) mod marked;
pub mod model;
pub mod people;
mod sentences;
mod speakers;
mod structure;

pub use model::{Address, Correction, Furniture, Interview, Kind, Meta, Paragraph, Role, Section};
pub use people::{Doubt, Evidence, Overrides, Person};
pub use sentences::sentences;
pub use structure::{ParseError, ParseOptions, compile_patterns, is_role_label, parse, parse_as};

/// Read a document a binary reader made (a `.docx`) as an interview: the errata apply to its
/// runs' text (an entry's match never spans two runs), then the structure is read as for
/// any syntax.
pub fn parse_document(
    mut doc: crate::read::Document,
    format: crate::read::Format,
    opts: &ParseOptions,
) -> Result<Interview, ParseError> {
    let corrections = match &opts.errata {
        Some(entries) => {
            let mut texts: Vec<&mut String> = doc
                .blocks
                .iter_mut()
                .flat_map(|b| b.spans.iter_mut().map(|s| &mut s.text))
                .collect();
            errata::apply_each(&mut texts, entries)?
        }
        None => Vec::new(),
    };
    let mut iv = structure::structure(&doc, "", format, opts.clean, &opts.people)?;
    iv.corrections = corrections;
    iv.marks = inline_marks::find(&doc, &iv, opts.clean);
    iv.figures = figures::place(&doc, &iv, opts.clean);
    Ok(iv)
}

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
            people: Overrides::default(),
        },
    )
}
