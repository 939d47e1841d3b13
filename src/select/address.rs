//! Where a quote is in the interview, as a value: a passage's address (`S.P`, `S.P.N`,
//! `S.P.N-M`), a section (a pull quote the text does not say verbatim) or an excerpt's passages
//! (`A+B`). Parsed once from what the user writes, printed back the same way (and serialized as
//! that string), so no stage re-parses an address from a string.

use crate::interview::Address;
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// A passage's address: a whole paragraph (`S.P`) or its sentences `first..=last` (from 1),
/// printed `S.P.N` for one sentence and `S.P.N-M` for a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PassageAddress {
    pub paragraph: Address,
    /// `None` for the whole paragraph.
    pub sentences: Option<(u32, u32)>,
}

impl PassageAddress {
    /// A whole paragraph.
    pub fn whole(paragraph: Address) -> Self {
        PassageAddress {
            paragraph,
            sentences: None,
        }
    }

    /// Sentences `first..=last` (from 1) of a paragraph.
    pub fn sentences(paragraph: Address, first: u32, last: u32) -> Self {
        PassageAddress {
            paragraph,
            sentences: Some((first, last)),
        }
    }

    /// True for a run of two or more sentences (`S.P.N-M`).
    pub fn is_run(&self) -> bool {
        self.sentences.is_some_and(|(first, last)| first != last)
    }
}

impl fmt::Display for PassageAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.sentences {
            None => write!(f, "{}", self.paragraph),
            Some((first, last)) if first == last => write!(f, "{}.{first}", self.paragraph),
            Some((first, last)) => write!(f, "{}.{first}-{last}", self.paragraph),
        }
    }
}

/// Text that is not an address; the message says how to write one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not an address: write `S.P` (paragraph), `S.P.N` (sentence) or `S.P.N-M` (sentences)"
)]
pub struct AddressError(pub String);

impl FromStr for PassageAddress {
    type Err = AddressError;

    /// `S.P`, `S.P.N` or `S.P.N-M` (spaces around it ignored). Only the syntax: whether the
    /// paragraph and sentences exist is the interview's to say.
    fn from_str(spec: &str) -> Result<Self, AddressError> {
        let bad = || AddressError(spec.to_string());
        let num = |s: &str| s.parse::<u32>().map_err(|_| bad());
        let parts: Vec<&str> = spec.trim().split('.').collect();
        let (section, paragraph, run) = match parts.as_slice() {
            [s, p] => (num(s)?, num(p)?, None),
            [s, p, run] => (num(s)?, num(p)?, Some(*run)),
            _ => return Err(bad()),
        };
        let paragraph = Address { section, paragraph };
        let Some(run) = run else {
            return Ok(PassageAddress::whole(paragraph));
        };
        let (first, last) = match run.split_once('-') {
            Some((a, b)) => (num(a)?, num(b)?),
            None => (num(run)?, num(run)?),
        };
        Ok(PassageAddress::sentences(paragraph, first, last))
    }
}

/// Where a selected quote is. Ad hoc quotes have none (`Option<QuoteAddress>`, printed empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteAddress {
    /// One passage: `S.P`, `S.P.N` or `S.P.N-M`.
    Passage(PassageAddress),
    /// Passages of one turn joined with `……`: `4.28.1+4.30`.
    Excerpt(Vec<PassageAddress>),
    /// Only the section (`4`): a pull quote the section does not say verbatim.
    Section(u32),
}

impl QuoteAddress {
    /// The paragraph the quote starts in (none for a section's pull quote).
    pub fn paragraph(&self) -> Option<Address> {
        match self {
            QuoteAddress::Passage(p) => Some(p.paragraph),
            QuoteAddress::Excerpt(parts) => parts.first().map(|p| p.paragraph),
            QuoteAddress::Section(_) => None,
        }
    }

    /// The quote id this address gives: `3.12.2-3` → `q3-12-2-3`.
    pub fn id(&self) -> String {
        format!("q{}", self.to_string().replace(['.', '+'], "-"))
    }
}

impl From<PassageAddress> for QuoteAddress {
    fn from(p: PassageAddress) -> Self {
        QuoteAddress::Passage(p)
    }
}

impl fmt::Display for QuoteAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuoteAddress::Passage(p) => p.fmt(f),
            QuoteAddress::Excerpt(parts) => {
                for (i, p) in parts.iter().enumerate() {
                    if i > 0 {
                        f.write_str("+")?;
                    }
                    p.fmt(f)?;
                }
                Ok(())
            }
            QuoteAddress::Section(n) => write!(f, "{n}"),
        }
    }
}

impl FromStr for QuoteAddress {
    type Err = AddressError;

    /// What [`Display`](fmt::Display) prints: a passage, passages joined with `+`, or a
    /// section number.
    fn from_str(spec: &str) -> Result<Self, AddressError> {
        let spec = spec.trim();
        if let Ok(n) = spec.parse::<u32>() {
            return Ok(QuoteAddress::Section(n));
        }
        if !spec.contains('+') {
            return Ok(QuoteAddress::Passage(spec.parse()?));
        }
        let parts = spec
            .split('+')
            .map(str::parse)
            .collect::<Result<Vec<PassageAddress>, _>>()
            .map_err(|_| AddressError(spec.to_string()))?;
        Ok(QuoteAddress::Excerpt(parts))
    }
}

impl Serialize for QuoteAddress {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Serialize a quote's optional address as its string, empty when there is none.
pub(super) fn serialize_shown<S: serde::Serializer>(
    address: &Option<QuoteAddress>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match address {
        Some(address) => s.collect_str(address),
        None => s.serialize_str(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_prints_as_it_was_written() {
        for text in ["3.12", "0.1", "3.12.2", "3.12.2-3", "4.28.1+4.30", "4"] {
            let address: QuoteAddress = text.parse().unwrap();
            assert_eq!(address.to_string(), text);
            assert_eq!(
                serde_json::to_string(&address).unwrap(),
                format!("\"{text}\"")
            );
        }
        // A run of one sentence is that sentence.
        assert_eq!(
            "3.12.2-2".parse::<PassageAddress>().unwrap().to_string(),
            "3.12.2"
        );
    }

    #[test]
    fn the_parts_are_values() {
        let at = |section, paragraph| Address { section, paragraph };
        let run: PassageAddress = " 3.12.2-4 ".parse().unwrap();
        assert_eq!(run, PassageAddress::sentences(at(3, 12), 2, 4));
        assert!(run.is_run() && !"3.12.2".parse::<PassageAddress>().unwrap().is_run());
        let excerpt: QuoteAddress = "4.28.1+4.30".parse().unwrap();
        assert_eq!(excerpt.paragraph(), Some(at(4, 28)));
        assert_eq!(excerpt.id(), "q4-28-1-4-30");
        assert_eq!(QuoteAddress::Section(4).paragraph(), None);
    }

    #[test]
    fn what_is_not_an_address_says_how_to_write_one() {
        for text in ["", "3", "3.x", "3.12.2.1", "3.12.", "a-b"] {
            let err = text.parse::<PassageAddress>().unwrap_err();
            assert!(
                err.to_string()
                    .starts_with(&format!("`{text}` is not an address: write `S.P`"))
            );
        }
        assert!("3.12+".parse::<QuoteAddress>().is_err());
    }
}
