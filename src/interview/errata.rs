//! Errata: corrections of scrape damage, `{find, replace, why, count}` entries applied to the
//! source text before its structure is read. Each must match exactly `count` times.

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
                find: e.find.clone(),
                found,
                expected: e.count,
            });
        }
        let len: usize = texts.iter().map(|t| t.len()).sum();
        let bytes =
            (len - found * e.find.len()).saturating_add(found.saturating_mul(e.replace.len()));
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
        applied.push(Correction {
            find: e.find.clone(),
            replace: e.replace.clone(),
            why: e.why.clone(),
        });
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
    fn the_bundled_errata_load() {
        let entries = load(DEFAULT_ERRATA, "content/errata.yaml").unwrap();
        assert!(entries.len() >= 12);
        assert!(entries.iter().all(|e| !e.why.trim().is_empty()));
    }
}
