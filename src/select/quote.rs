//! The `Quote`: one selected line, as both back ends receive it.

use super::address::QuoteAddress;
use crate::interview::is_role_label;
use serde::Serialize;

/// What a quote was taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A section's pull quote.
    PullQuote,
    /// One sentence (`S.P.N`) or a run of sentences (`S.P.N-M`).
    Sentence,
    /// A whole paragraph (`S.P`).
    Paragraph,
    /// Passages of one turn joined with `……`.
    Excerpt,
    /// Text given on the command line or in a lines file; not verified against the interview.
    Adhoc,
}

/// The section a quote comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionRef {
    pub number: u32,
    pub title: String,
}

/// A selected quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// File-name-safe slug, unique within a selection.
    pub id: String,
    pub text: String,
    pub speaker: String,
    pub section: SectionRef,
    /// Where in the interview; `None` for ad hoc quotes (serialized as an empty string).
    #[serde(serialize_with = "super::address::serialize_shown")]
    pub address: Option<QuoteAddress>,
    pub kind: QuoteKind,
    /// Number of characters as counted for length filters.
    pub chars: usize,
    /// Ranking score, for automatically selected quotes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// For automatically selected quotes: true when the editor's emphasis (bold, or a
    /// section title or pull quote quoting it) picked it, false when the text alone did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_emphasis: Option<bool>,
    /// Card templates this quote asks for (empty: the command's defaults).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<String>,
    /// Attribution override (replaces the template's attribution text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// Key phrases inside the quote, drawn in the accent colour: `highlight:` in a quotes
    /// file, else the editor's bold inside the quote (not when the whole quote is bold).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<String>,
}

impl Quote {
    /// The address as tables, cards and the YAML comments print it: empty for an ad hoc quote.
    pub fn address_text(&self) -> String {
        self.address
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    /// Who the quote is printed as said by: the attribution override, else the speaker —
    /// empty when the text knows the speaker only by a role label (`答`, `A`, `嘉宾`), which
    /// is no name to print.
    pub fn credit(&self) -> &str {
        match self.attribution.as_deref() {
            Some(a) => a,
            None if is_role_label(&self.speaker) => "",
            None => &self.speaker,
        }
    }
}
