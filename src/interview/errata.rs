//! Errata: corrections of scrape damage, `{find, replace, why, count}` entries applied to the
//! source text before its structure is read. Each must match exactly `count` times.
//!
//! Entries apply in order, each to the text the earlier ones left. Done one by one that is
//! O(entries × text) (20,000 entries took 8 s), so [`apply`] first finds every entry's
//! matches in one Aho–Corasick pass (`errata_index`) and splices them all at once
//! when that provably gives the same text — no match of one entry touches another's, and
//! no replacement makes a match for a later entry; only otherwise (or on an error, to name
//! the entry exactly) does it apply them one by one.

use super::model::Correction;
use crate::yaml;
use serde::Deserialize;

/// The bundled errata for the bundled interview.
pub const DEFAULT_ERRATA: &str = include_str!("../../content/errata.yaml");

/// One errata entry as written in YAML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub find: String,
    pub replace: String,
    pub why: String,
    #[serde(default = "one")]
    pub count: usize,
}

fn one() -> usize {
    1
}

/// Largest text the errata may produce (32 MiB: twice the interview cap). Replacements that
/// would grow the text past it are refused before any memory is asked for.
pub const MAX_CORRECTED_BYTES: usize = 32 << 20;

/// Why errata could not be applied.
#[derive(Debug, thiserror::Error)]
pub enum ErrataError {
    #[error(transparent)]
    Yaml(#[from] yaml::YamlError),
    #[error(
        "errata entry {index} (find {find:?}) matches {found} time(s), expected {expected}: \
         correct the entry's `find` or `count`, or run with --no-errata"
    )]
    Count {
        index: usize,
        find: String,
        found: usize,
        expected: usize,
    },
    #[error(
        "errata entry {index} (find {find:?}) would grow the text to {bytes} bytes; corrected \
         text is limited to {MAX_CORRECTED_BYTES} bytes: check its `replace` and `count`"
    )]
    TooLarge {
        index: usize,
        find: String,
        bytes: usize,
    },
    #[error("errata entry {index} has an empty `find`")]
    EmptyFind { index: usize },
}

/// Read errata entries from YAML text.
pub fn load(text: &str, origin: &str) -> Result<Vec<Entry>, ErrataError> {
    let entries: Option<Vec<Entry>> = yaml::parse(text, origin)?;
    Ok(entries.unwrap_or_default())
}

/// Apply `entries` in order to `text`; every entry must match exactly its `count`.
pub fn apply(text: &str, entries: &[Entry]) -> Result<(String, Vec<Correction>), ErrataError> {
    if entries.iter().all(|e| !e.find.is_empty())
        && let Some(out) = super::errata_index::apply_at_once(text, entries)
    {
        return Ok((out, entries.iter().map(correction).collect()));
    }
    apply_in_turn(text, entries)
}

fn correction(e: &Entry) -> Correction {
    Correction {
        find: e.find.clone(),
        replace: e.replace.clone(),
        why: e.why.clone(),
    }
}

/// The text an entry may grow to, checked before any memory is asked for.
pub(super) fn grown_size(len: usize, found: usize, e: &Entry) -> usize {
    (len - found * e.find.len()).saturating_add(found.saturating_mul(e.replace.len()))
}

/// [`apply`] one entry after another: the definition, and the exact error.
fn apply_in_turn(text: &str, entries: &[Entry]) -> Result<(String, Vec<Correction>), ErrataError> {
    let mut text = text.to_string();
    let applied = apply_each(&mut [&mut text], entries)?;
    Ok((text, applied))
}

/// Apply `entries` in order to several texts (a Word document's runs) as if to one: an
/// entry's `count` is its matches in all of them (a match never spans two texts).
pub fn apply_each(
    texts: &mut [&mut String],
    entries: &[Entry],
) -> Result<Vec<Correction>, ErrataError> {
    let mut applied = Vec::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        let index = i + 1;
        if e.find.is_empty() {
            return Err(ErrataError::EmptyFind { index });
        }
        let found: usize = texts
            .iter()
            .map(|t| t.matches(e.find.as_str()).count())
            .sum();
        if found != e.count {
            return Err(ErrataError::Count {
                index,
                find: crate::printable::excerpt(&e.find, 40),
                found,
                expected: e.count,
            });
        }
        let len: usize = texts.iter().map(|t| t.len()).sum();
        let bytes = grown_size(len, found, e);
        if bytes > MAX_CORRECTED_BYTES {
            return Err(ErrataError::TooLarge {
                index,
                find: crate::printable::excerpt(&e.find, 40),
                bytes,
            });
        }
        for t in texts.iter_mut() {
            if t.contains(e.find.as_str()) {
                **t = t.replace(e.find.as_str(), &e.replace);
            }
        }
        applied.push(correction(e));
    }
    Ok(applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(find: &str, replace: &str, count: usize) -> Entry {
        Entry {
            find: find.into(),
            replace: replace.into(),
            why: "test".into(),
            count,
        }
    }

    #[test]
    fn applies_in_order_and_counts() {
        let (out, applied) = apply(
            "市前夕,为什什么",
            &[entry("市前夕", "上市前夕", 1), entry("什什", "什", 1)],
        )
        .unwrap();
        assert_eq!(out, "上市前夕,为什么");
        assert_eq!(applied.len(), 2);
    }

    #[test]
    fn a_mismatch_names_the_entry() {
        let err = apply("aa", &[entry("a", "b", 1)]).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("entry 1") && msg.contains("2 time(s)") && msg.contains("expected 1"),
            "{msg}"
        );
        assert!(apply("x", &[entry("y", "z", 1)]).is_err());
    }

    #[test]
    fn amplification_is_refused_before_allocating() {
        let text = "a".repeat(2000);
        let err = apply(&text, &[entry("a", &"b".repeat(1 << 20), 2000)]).unwrap_err();
        assert!(
            matches!(err, ErrataError::TooLarge { index: 1, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("limited to"), "{err}");
    }

    #[test]
    fn interacting_entries_keep_their_order() {
        // The second entry matches only after the first; the third's match is destroyed by
        // the second; the fourth overlaps nothing.
        let entries = [
            entry("ab", "abc", 1),
            entry("bc", "X", 1),
            entry("cd", "Y", 0),
            entry("zz", "Z", 2),
        ];
        let (out, _) = apply("abd zz zz", &entries).unwrap();
        assert_eq!(out, "aXd Z Z");
        let err = apply("abd", &[entry("bd", "Q", 1), entry("ab", "P", 1)]).unwrap_err();
        assert!(matches!(err, ErrataError::Count { index: 2, .. }), "{err}");
    }

    #[test]
    fn many_independent_entries_match_one_by_one() {
        let text: String = (0..2000).map(|i| format!("第{i}段错字{i}。\n")).collect();
        let entries: Vec<Entry> = (0..2000)
            .map(|i| entry(&format!("错字{i}。"), &format!("正字{i}。"), 1))
            .collect();
        let (fast, _) = apply(&text, &entries).unwrap();
        let (slow, _) = apply_in_turn(&text, &entries).unwrap();
        assert_eq!(fast, slow);
        assert!(fast.contains("第1999段正字1999。") && !fast.contains("错字"));
    }

    #[test]
    fn a_long_find_is_quoted_short() {
        let long = "缺".repeat(100_000);
        let err = apply("x", &[entry(&long, "y", 1)]).unwrap_err().to_string();
        assert!(err.len() < 400, "{}", err.len());
    }

    #[test]
    fn the_bundled_errata_load() {
        let entries = load(DEFAULT_ERRATA, "content/errata.yaml").unwrap();
        assert!(entries.len() >= 12);
        assert!(entries.iter().all(|e| !e.why.trim().is_empty()));
    }
}
