//! The selection spec: what `content/quotes.yaml` says and what CLI flags say, as one type.

use crate::yaml::{self, YamlError};
use serde::Deserialize;

/// Settings that apply to every quote unless the entry overrides them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// The speaker automatic selection and filters take lines from (default: the interviewee).
    pub speaker: Option<String>,
    /// Attribution text for every card (default: the template's, e.g. `—— {speaker}`).
    pub attribution: Option<String>,
    /// Card templates for every quote (default: the command's).
    #[serde(default)]
    pub templates: Vec<String>,
    /// The id of the quote on the EPUB's cover (default: the first quote).
    pub cover: Option<String>,
}

/// Which section pull quotes: `all` or a list of section numbers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "RawPullQuotes")]
pub enum PullQuotes {
    All(AllKeyword),
    Sections(Vec<u32>),
}

/// `pull_quotes:` as written, before it is checked (so a bad value gets a message that says
/// what to write, not "did not match any variant").
#[derive(Deserialize)]
#[serde(untagged)]
enum RawPullQuotes {
    Word(String),
    Numbers(Vec<i128>),
    Other(serde::de::IgnoredAny),
}

impl TryFrom<RawPullQuotes> for PullQuotes {
    type Error = String;

    fn try_from(raw: RawPullQuotes) -> Result<PullQuotes, String> {
        let expected =
            "write `pull_quotes: all` or a list of section numbers (1 to 4294967295) like [1, 4]";
        match raw {
            RawPullQuotes::Word(w) if w == "all" => Ok(PullQuotes::All(AllKeyword::All)),
            RawPullQuotes::Word(w) => Err(format!(
                "`pull_quotes: {}` is not understood: {expected}",
                crate::printable::excerpt(&w, 40)
            )),
            RawPullQuotes::Numbers(list) => list
                .into_iter()
                .map(|n| {
                    u32::try_from(n)
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or_else(|| format!("`pull_quotes`: {n} is not a section number"))
                })
                .collect::<Result<Vec<u32>, String>>()
                .map(PullQuotes::Sections),
            RawPullQuotes::Other(_) => Err(format!("`pull_quotes` is not understood: {expected}")),
        }
    }
}

/// The word `all`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AllKeyword {
    All,
}

/// One entry of `quotes:`. Exactly one of `pull_quotes`, `at`, `text`, `adhoc`, `auto` (or,
/// from the command line, `lines`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: Option<String>,
    pub pull_quotes: Option<PullQuotes>,
    /// An address: `3.12`, `3.12.2` or `3.12.2-3`.
    pub at: Option<String>,
    /// Text that must occur in the interview; `A……B` joins passages of one turn.
    pub text: Option<String>,
    /// Any text, not verified (kind `adhoc`).
    pub adhoc: Option<String>,
    /// The N best lines by the ranking.
    pub auto: Option<usize>,
    /// Card templates for this quote.
    #[serde(default)]
    pub templates: Vec<String>,
    /// Attribution override for this quote.
    pub attribution: Option<String>,
    /// Key phrases to highlight inside the quote: one phrase or a list (default: the
    /// editor's bold inside it).
    pub highlight: Option<Phrases>,
    /// Speaker override (for `adhoc` and `lines`, or the speaker `auto` draws from).
    pub speaker: Option<String>,
    /// Every non-blank line of a lines file, each an ad hoc quote (`--lines`; not in quotes
    /// files).
    #[serde(skip)]
    pub lines: Option<super::Lines>,
}

/// One phrase or a list of phrases.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Phrases {
    One(String),
    Many(Vec<String>),
}

impl Phrases {
    pub fn list(&self) -> Vec<String> {
        match self {
            Phrases::One(p) => vec![p.clone()],
            Phrases::Many(p) => p.clone(),
        }
    }
}

/// A quotes file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuotesFile {
    #[serde(default)]
    pub defaults: Defaults,
    #[serde(default)]
    pub quotes: Vec<Entry>,
}

/// Filters applied to the selection (not to ad hoc text or pull quotes).
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub section: Option<u32>,
    /// Keep only this speaker's lines (set explicitly; automatic selection defaults to the
    /// interviewee on its own).
    pub speaker: Option<String>,
    pub grep: Option<regex::Regex>,
    pub min_chars: Option<usize>,
    pub max_chars: Option<usize>,
    /// Automatic selection: the least chance (0–1, by the card model) that a line of jinju's
    /// own choosing stands alone on a card; [`super::DEFAULT_MIN_CARD`] when `None`.
    pub min_card: Option<f64>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.section.is_none()
            && self.speaker.is_none()
            && self.grep.is_none()
            && self.min_chars.is_none()
            && self.max_chars.is_none()
    }
}

/// Everything the selector needs.
#[derive(Debug, Clone, Default)]
pub struct Spec {
    /// Where the entries come from, for error messages (`content/quotes.yaml`, `--text`).
    pub origin: String,
    pub defaults: Defaults,
    pub entries: Vec<Entry>,
    pub filters: Filters,
    /// With no entries: select every sentence that passes the filters.
    pub all_sentences: bool,
    /// The longest quote the chosen card templates show (`quote.max_chars`): automatic
    /// picks are no longer, so no card must refuse one. Other sources are not cut.
    pub auto_max_chars: Option<usize>,
}

impl Spec {
    /// The spec a quotes file describes, its errors naming `origin`.
    pub fn from_file(file: QuotesFile, origin: &str) -> Spec {
        Spec {
            origin: origin.to_string(),
            defaults: file.defaults,
            entries: file.quotes,
            ..Spec::default()
        }
    }

    /// The bundled selection, `content/quotes.yaml`.
    pub fn bundled() -> Result<Spec, YamlError> {
        Ok(Spec::from_file(
            load(DEFAULT_QUOTES, "content/quotes.yaml")?,
            "content/quotes.yaml",
        ))
    }
}

/// The bundled default selection.
pub const DEFAULT_QUOTES: &str = include_str!("../../content/quotes.yaml");

/// Read a quotes file.
pub fn load(text: &str, origin: &str) -> Result<QuotesFile, YamlError> {
    let file: Option<QuotesFile> = yaml::parse(text, origin)?;
    Ok(file.unwrap_or_default())
}
