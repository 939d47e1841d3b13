//! The sources a quote comes from: pull quotes, passages (address or verified text),
//! excerpts of one turn, and ad hoc text — each made into a `Quote`.

use super::address::{PassageAddress, QuoteAddress};
use super::ids::{self, count_chars};
use super::locate::{self, Passage};
use super::{Misquote, PullQuotes, Quote, QuoteKind, SectionRef, SelectError, Spec};
use crate::interview::{Interview, Kind, clean};

pub(super) fn section_ref(iv: &Interview, number: u32) -> SectionRef {
    let title = iv
        .section(number)
        .and_then(|s| s.title.clone())
        .unwrap_or_default();
    SectionRef { number, title }
}

pub(super) fn from_passage(iv: &Interview, p: &Passage) -> Quote {
    let text = p.text().to_string();
    let highlights = bold_inside(p.paragraph, &text);
    Quote {
        id: QuoteAddress::from(p.address).id(),
        chars: count_chars(&text),
        speaker: p.paragraph.speaker.clone().unwrap_or_default(),
        section: section_ref(iv, p.paragraph.address.section),
        address: Some(p.address.into()),
        kind: if p.whole {
            QuoteKind::Paragraph
        } else {
            QuoteKind::Sentence
        },
        text,
        score: None,
        from_emphasis: None,
        highlights,
        templates: Vec::new(),
        attribution: None,
    }
}

/// The editor's bold spans of `para` that lie inside `text` and are not the whole of it
/// (punctuation aside: a bold sentence without its stop is the whole sentence): the key
/// phrases a card highlights.
fn bold_inside(para: &crate::interview::Paragraph, text: &str) -> Vec<String> {
    let words = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    let whole = words(text);
    let chars: Vec<char> = para.text.chars().collect();
    let mut phrases: Vec<String> = Vec::new();
    for &[a, b] in &para.emphasis {
        let span: String = chars[a.min(chars.len())..b.min(chars.len())]
            .iter()
            .collect();
        let span = span.trim();
        if !span.is_empty()
            && words(span) != whole
            && text.contains(span)
            && !phrases.iter().any(|p| p == span)
        {
            phrases.push(span.to_string());
        }
    }
    phrases
}

/// A quote of any text (kind `adhoc`): cleaned, not verified, id from a hash of the text.
pub fn adhoc(text: &str, speaker: &str) -> Quote {
    let text = clean::punctuation(text.trim());
    Quote {
        id: ids::adhoc_id(&text),
        chars: count_chars(&text),
        speaker: speaker.to_string(),
        section: SectionRef {
            number: 0,
            title: String::new(),
        },
        address: None,
        kind: QuoteKind::Adhoc,
        text,
        score: None,
        from_emphasis: None,
        highlights: Vec::new(),
        templates: Vec::new(),
        attribution: None,
    }
}

pub(super) fn pull_quotes(iv: &Interview, which: &PullQuotes) -> Result<Vec<Quote>, String> {
    // `all` takes the sections that have one; a section named without one is an error.
    let numbers: Vec<u32> = match which {
        PullQuotes::All(_) => iv
            .sections
            .iter()
            .filter(|s| s.pull_quote.is_some())
            .map(|s| s.number)
            .collect(),
        PullQuotes::Sections(list) => list.clone(),
    };
    numbers
        .into_iter()
        .map(|n| {
            let s = iv.section(n).ok_or_else(|| {
                format!(
                    "pull_quotes: there is no section {n} (sections 1–{})",
                    iv.sections.len()
                )
            })?;
            let Some(pull_quote) = &s.pull_quote else {
                return Err(format!("pull_quotes: section {n} has no pull quote"));
            };
            // The pull quote's address is where it is said, when it is said verbatim.
            let said = s
                .paragraphs
                .iter()
                .find(|p| p.kind == Kind::Turn && p.text.contains(pull_quote.as_str()));
            let (speaker, address) = match said {
                Some(p) => {
                    let start = p.text.find(pull_quote.as_str()).unwrap_or(0);
                    (
                        p.speaker.clone().unwrap_or_default(),
                        locate::passage(p, start, start + pull_quote.len())
                            .address
                            .into(),
                    )
                }
                None => (iv.meta.interviewee.clone(), QuoteAddress::Section(n)),
            };
            Ok(Quote {
                id: format!("pull-{n}"),
                text: pull_quote.clone(),
                speaker,
                section: section_ref(iv, n),
                address: Some(address),
                kind: QuoteKind::PullQuote,
                chars: count_chars(pull_quote),
                score: None,
                from_emphasis: None,
                highlights: Vec::new(),
                templates: Vec::new(),
                attribution: None,
            })
        })
        .collect()
}

/// A text lookup that failed, before it knows which entry it was.
pub(super) enum TextError {
    Misquote {
        given: String,
        closest: String,
        address: PassageAddress,
        diff: String,
    },
    Other(String),
}

impl TextError {
    pub(super) fn at(self, spec: &Spec, index: usize) -> SelectError {
        let origin = spec.origin.clone();
        match self {
            TextError::Misquote {
                given,
                closest,
                address,
                diff,
            } => SelectError::Misquote(Box::new(Misquote {
                origin,
                index,
                given,
                closest,
                address,
                diff,
            })),
            TextError::Other(message) => SelectError::Entry {
                origin,
                index,
                message,
            },
        }
    }
}

fn misquote(iv: &Interview, given: &str) -> TextError {
    match locate::closest(iv, given) {
        Some((closest, address, diff)) => TextError::Misquote {
            given: given.to_string(),
            closest,
            address,
            diff,
        },
        None => TextError::Other(format!("the text {given:?} is not in the interview")),
    }
}

/// A quote by its exact text, or an excerpt `A……B` of one turn.
pub(super) fn by_text(iv: &Interview, text: &str) -> Result<Quote, TextError> {
    if let Some(p) = locate::find(iv, text) {
        return Ok(from_passage(iv, &p));
    }
    let parts: Vec<&str> = text
        .split("……")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if parts.len() < 2 {
        return Err(misquote(iv, text));
    }
    let mut found = Vec::new();
    for part in &parts {
        found.push(locate::find(iv, part).ok_or_else(|| misquote(iv, part))?);
    }
    let turn = |p: &Passage| turn_start(iv, p);
    let first = turn(&found[0]);
    let in_order = found
        .windows(2)
        .all(|w| (w[0].paragraph.address, w[0].end) <= (w[1].paragraph.address, w[1].start));
    if !found.iter().all(|p| turn(p) == first) || !in_order {
        return Err(TextError::Other(format!(
            "the parts of the excerpt {text:?} must come from one speaker's turn, in order (found at {})",
            found
                .iter()
                .map(|p| p.address.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let joined = found
        .iter()
        .map(|p| p.text())
        .collect::<Vec<_>>()
        .join("……");
    let address = QuoteAddress::Excerpt(found.iter().map(|p| p.address).collect());
    let mut q = from_passage(iv, &found[0]);
    q.id = address.id();
    q.chars = count_chars(&joined);
    q.text = joined;
    q.address = Some(address);
    q.kind = QuoteKind::Excerpt;
    Ok(q)
}

/// The address of the paragraph that opens the turn `p` belongs to.
fn turn_start(iv: &Interview, p: &Passage) -> Option<crate::interview::Address> {
    let section = iv.section(p.paragraph.address.section)?;
    let idx = p.paragraph.address.paragraph as usize - 1;
    section.paragraphs[..=idx]
        .iter()
        .rev()
        .find(|q| q.opens_turn)
        .map(|q| q.address)
}
