//! One entry of a selection: where its quotes come from (exactly one [`Source`], checked as
//! the entry is read, with a message naming what it gave) and how they are shown.

use super::address::PassageAddress;
use super::spec::PullQuotes;
use serde::Deserialize;

/// Where an entry's quotes come from.
#[derive(Debug, Clone)]
pub enum Source {
    /// Section pull quotes.
    PullQuotes(PullQuotes),
    /// The passage at an address.
    At(PassageAddress),
    /// Text that must occur in the interview; `A……B` joins passages of one turn.
    Text(String),
    /// Any text, not verified (kind `adhoc`).
    Adhoc(String),
    /// The N best lines by the ranking.
    Auto(usize),
    /// Every non-blank line of a lines file, each an ad hoc quote (`--lines`; not in quotes
    /// files).
    Lines(super::Lines),
}

/// The keys of a quotes file entry that name its source, in the order messages list them.
const SOURCE_KEYS: &str = "`pull_quotes`, `at`, `text`, `adhoc`, `auto`";

/// One entry of `quotes:` (or of the command line's selection).
#[derive(Debug, Clone)]
pub struct Entry {
    pub source: Source,
    pub id: Option<String>,
    /// Card templates for this quote.
    pub templates: Vec<String>,
    /// Attribution override for this quote.
    pub attribution: Option<String>,
    /// Key phrases to highlight inside the quote: one phrase or a list (default: the
    /// editor's bold inside it).
    pub highlight: Option<Phrases>,
    /// Speaker override (for `adhoc` and `lines`, or the speaker `auto` draws from).
    pub speaker: Option<String>,
}

impl Entry {
    /// An entry of `source` with nothing else said.
    pub fn new(source: Source) -> Entry {
        Entry {
            source,
            id: None,
            templates: Vec::new(),
            attribution: None,
            highlight: None,
            speaker: None,
        }
    }

    /// For an `auto` entry: how many lines it asks for.
    pub fn auto(&self) -> Option<usize> {
        match self.source {
            Source::Auto(n) => Some(n),
            _ => None,
        }
    }
}

/// An entry as written, before its source is checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEntry {
    id: Option<String>,
    pull_quotes: Option<PullQuotes>,
    at: Option<String>,
    text: Option<String>,
    adhoc: Option<String>,
    auto: Option<usize>,
    #[serde(default)]
    templates: Vec<String>,
    attribution: Option<String>,
    highlight: Option<Phrases>,
    speaker: Option<String>,
}

impl RawEntry {
    /// The entry, if it names exactly one source; else what it gave and what to write.
    pub(super) fn checked(self) -> Result<Entry, String> {
        let raw = self;
        let at = match raw.at {
            Some(at) => Some(at.parse::<PassageAddress>().map_err(|e| e.to_string())?),
            None => None,
        };
        let given: Vec<(&str, Source)> = [
            ("pull_quotes", raw.pull_quotes.map(Source::PullQuotes)),
            ("at", at.map(Source::At)),
            ("text", raw.text.map(Source::Text)),
            ("adhoc", raw.adhoc.map(Source::Adhoc)),
            ("auto", raw.auto.map(Source::Auto)),
        ]
        .into_iter()
        .filter_map(|(key, source)| Some((key, source?)))
        .collect();
        let mut given = given.into_iter();
        let source = match (given.next(), given.next()) {
            (Some((_, source)), None) => source,
            (None, _) => {
                return Err(format!(
                    "it names no quote: give exactly one of {SOURCE_KEYS}"
                ));
            }
            (Some((first, _)), Some((second, _))) => {
                return Err(format!(
                    "it gives both `{first}` and `{second}`: give exactly one of \
                     {SOURCE_KEYS} (one entry per quote source)"
                ));
            }
        };
        Ok(Entry {
            source,
            id: raw.id,
            templates: raw.templates,
            attribution: raw.attribution,
            highlight: raw.highlight,
            speaker: raw.speaker,
        })
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn read(yaml: &str) -> Result<Vec<Entry>, String> {
        crate::select::load(yaml, "q.yaml")
            .map(|f| f.quotes)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn an_entry_has_exactly_one_source() {
        let entries = read("quotes:\n  - at: \"3.12.2\"\n    id: x\n  - auto: 4\n").unwrap();
        assert!(matches!(&entries[0].source, Source::At(a) if a.to_string() == "3.12.2"));
        assert_eq!(entries[1].auto(), Some(4));
    }

    #[test]
    fn an_entry_with_none_or_two_sources_says_which_and_how_to_fix_it() {
        let none = read("quotes:\n  - at: \"1.1\"\n  - templates: [portrait]\n").unwrap_err();
        assert_eq!(
            none,
            "q.yaml: entry 2 of `quotes`: it names no quote: give exactly one of `pull_quotes`, \
             `at`, `text`, `adhoc`, `auto`"
        );
        let two = read("quotes:\n  - text: 一句话\n    auto: 3\n").unwrap_err();
        assert_eq!(
            two,
            "q.yaml: entry 1 of `quotes`: it gives both `text` and `auto`: give exactly one of \
             `pull_quotes`, `at`, `text`, `adhoc`, `auto` (one entry per quote source)"
        );
    }

    #[test]
    fn a_bad_address_is_refused_as_the_file_is_read() {
        let err = read("quotes:\n  - at: \"x.y\"\n").unwrap_err();
        assert!(
            err.starts_with("q.yaml: entry 1 of `quotes`: `x.y` is not an address: write `S.P`"),
            "{err}"
        );
    }
}
