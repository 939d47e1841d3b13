//! The selection spec: what `content/quotes.yaml` says and what CLI flags say, as one type.

use super::entry::{Entry, RawEntry};
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

/// A quotes file, each entry's source checked.
#[derive(Debug, Clone, Default)]
pub struct QuotesFile {
    pub defaults: Defaults,
    pub quotes: Vec<Entry>,
}

/// A quotes file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuotesFile {
    #[serde(default)]
    defaults: Defaults,
    #[serde(default)]
    quotes: Vec<RawEntry>,
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
    let Some(file) = yaml::parse::<Option<RawQuotesFile>>(text, origin)? else {
        return Ok(QuotesFile::default());
    };
    let quotes = file
        .quotes
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            entry.checked().map_err(|message| YamlError {
                origin: origin.to_string(),
                line: None,
                column: None,
                message: format!("entry {} of `quotes`: {message}", i + 1),
            })
        })
        .collect::<Result<_, _>>()?;
    Ok(QuotesFile {
        defaults: file.defaults,
        quotes,
    })
}
