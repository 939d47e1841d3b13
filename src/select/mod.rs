//! The quote selector: curated YAML entries, CLI filters and automatic ranking → `Vec<Quote>`.
//! Every quote taken from the interview is verified against it; nothing is accepted silently.

mod ids;
mod locate;
mod quote;
mod rank;
mod spec;

pub use ids::{count_chars, unsafe_id};
pub use quote::{Quote, QuoteKind, SectionRef};
pub use rank::{CONTEXT_OPENERS, near_duplicate};
pub use spec::{
    AllKeyword, DEFAULT_QUOTES, Defaults, Entry, Filters, PullQuotes, QuotesFile, Spec, load,
};

use crate::interview::{Interview, Kind, clean};
use locate::Passage;
use std::collections::BTreeMap;

/// Length limits of automatic selection when no filter sets them (characters as counted by
/// [`count_chars`]).
pub const AUTO_MIN_CHARS: usize = 8;
pub const AUTO_MAX_CHARS: usize = 60;

/// Why a selection failed.
#[derive(Debug, thiserror::Error)]
pub enum SelectError {
    #[error(transparent)]
    Yaml(#[from] crate::yaml::YamlError),
    #[error("{origin} entry {index}: {message}")]
    Entry {
        origin: String,
        index: usize,
        message: String,
    },
    #[error(
        "{} entry {}: the text is not in the interview\n  given:   {}\n  closest: {} (at {})\n  diff:    {}\nquote the interview exactly (ASCII or full-width punctuation both match), or use `adhoc:` for text that is not a quote",
        .0.origin, .0.index, .0.given, .0.closest, .0.address, .0.diff
    )]
    Misquote(Box<Misquote>),
    #[error(
        "quote id `{id}` is used twice ({origin}): ids name the card files, so they must be unique"
    )]
    DuplicateId { origin: String, id: String },
}

/// A quote that is not in the interview, with the closest real passage.
#[derive(Debug)]
pub struct Misquote {
    pub origin: String,
    pub index: usize,
    pub given: String,
    pub closest: String,
    pub address: String,
    pub diff: String,
}

/// The selected quotes, and for ranked ones the parts of their scores.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub quotes: Vec<Quote>,
    pub explain: BTreeMap<String, Vec<(&'static str, f64)>>,
}

/// Select quotes from `iv` as `spec` says.
pub fn select(iv: &Interview, spec: &Spec) -> Result<Selection, SelectError> {
    let mut sel = Selection::default();
    let err = |index: usize, message: String| SelectError::Entry {
        origin: spec.origin.clone(),
        index,
        message,
    };
    let default_speaker = spec
        .defaults
        .speaker
        .clone()
        .unwrap_or_else(|| iv.meta.interviewee.clone());
    for (i, entry) in spec.entries.iter().enumerate() {
        let index = i + 1;
        let sources = [
            entry.pull_quotes.is_some(),
            entry.at.is_some(),
            entry.text.is_some(),
            entry.adhoc.is_some(),
            entry.auto.is_some(),
        ];
        if sources.iter().filter(|s| **s).count() != 1 {
            return Err(err(
                index,
                "give exactly one of `pull_quotes`, `at`, `text`, `adhoc`, `auto`".into(),
            ));
        }
        let mut found: Vec<Quote> = Vec::new();
        if let Some(pq) = &entry.pull_quotes {
            found = pull_quotes(iv, pq).map_err(|m| err(index, m))?;
        } else if let Some(at) = &entry.at {
            let p = locate::at(iv, at).map_err(|m| err(index, m))?;
            found.push(from_passage(iv, &p));
        } else if let Some(text) = &entry.text {
            found.push(by_text(iv, text).map_err(|e| e.at(spec, index))?);
        } else if let Some(text) = &entry.adhoc {
            found.push(adhoc(text, entry.speaker.as_deref().unwrap_or("")));
        } else if let Some(n) = entry.auto {
            let speaker = entry
                .speaker
                .as_deref()
                .or(spec.filters.speaker.as_deref())
                .unwrap_or(&default_speaker);
            let taken: Vec<String> = sel.quotes.iter().map(|q| q.text.clone()).collect();
            for c in rank::pick(candidates(iv, speaker, &spec.filters), n, &taken) {
                let mut q = from_passage(iv, &c.passage);
                q.score = Some(c.score);
                sel.explain.insert(q.id.clone(), c.parts);
                found.push(q);
            }
        }
        if let Some(id) = &entry.id {
            if found.len() != 1 {
                return Err(err(
                    index,
                    format!(
                        "`id: {id}` names one quote, but this entry selects {}",
                        found.len()
                    ),
                ));
            }
            if let Some(why) = unsafe_id(id) {
                return Err(err(
                    index,
                    format!("`id: {id:?}` is not a safe file name: {why}"),
                ));
            }
            found[0].id = id.clone();
        }
        for q in &mut found {
            q.templates = if entry.templates.is_empty() {
                spec.defaults.templates.clone()
            } else {
                entry.templates.clone()
            };
            q.attribution = entry
                .attribution
                .clone()
                .or_else(|| spec.defaults.attribution.clone());
        }
        sel.quotes.extend(found.into_iter().filter(|q| {
            q.kind == QuoteKind::Adhoc || q.kind == QuoteKind::PullQuote || passes(q, &spec.filters)
        }));
    }
    if spec.entries.is_empty() && spec.all_sentences {
        let speaker = spec.filters.speaker.as_deref().unwrap_or(&default_speaker);
        for c in candidates(iv, speaker, &spec.filters) {
            let single = !c.passage.address.contains('-');
            if single {
                sel.quotes.push(from_passage(iv, &c.passage));
            }
        }
    }
    dedupe(&mut sel, &spec.origin)?;
    Ok(sel)
}

/// Ranked candidates of `speaker` within the filters' section, pattern and length.
fn candidates<'a>(iv: &'a Interview, speaker: &str, f: &Filters) -> Vec<rank::Candidate<'a>> {
    let (min, max) = (
        f.min_chars.unwrap_or(AUTO_MIN_CHARS),
        f.max_chars.unwrap_or(AUTO_MAX_CHARS),
    );
    let mut all = rank::candidates(iv, Some(speaker), min, max);
    all.retain(|c| {
        f.section
            .is_none_or(|s| c.passage.paragraph.address.section == s)
            && f.grep
                .as_ref()
                .is_none_or(|re| re.is_match(c.passage.text()))
    });
    all
}

fn passes(q: &Quote, f: &Filters) -> bool {
    f.section.is_none_or(|s| q.section.number == s)
        && f.speaker.as_ref().is_none_or(|s| &q.speaker == s)
        && f.grep.as_ref().is_none_or(|re| re.is_match(&q.text))
        && f.min_chars.is_none_or(|m| q.chars >= m)
        && f.max_chars.is_none_or(|m| q.chars <= m)
}

/// Drop exact repeats (the same text selected twice); refuse one id for two texts.
fn dedupe(sel: &mut Selection, origin: &str) -> Result<(), SelectError> {
    let mut kept: Vec<Quote> = Vec::with_capacity(sel.quotes.len());
    for q in sel.quotes.drain(..) {
        match kept.iter().find(|k| k.id == q.id) {
            Some(k) if k.text == q.text => continue,
            Some(_) => {
                return Err(SelectError::DuplicateId {
                    origin: origin.to_string(),
                    id: q.id,
                });
            }
            None if kept.iter().any(|k| k.text == q.text) => continue,
            None => kept.push(q),
        }
    }
    sel.quotes = kept;
    Ok(())
}

fn section_ref(iv: &Interview, number: u32) -> SectionRef {
    let title = iv
        .section(number)
        .map(|s| s.title.clone())
        .unwrap_or_default();
    SectionRef { number, title }
}

fn from_passage(iv: &Interview, p: &Passage) -> Quote {
    let text = p.text().to_string();
    Quote {
        id: ids::address_id(&p.address),
        chars: count_chars(&text),
        speaker: p.paragraph.speaker.clone().unwrap_or_default(),
        section: section_ref(iv, p.paragraph.address.section),
        address: p.address.clone(),
        kind: if p.whole {
            QuoteKind::Paragraph
        } else {
            QuoteKind::Sentence
        },
        text,
        score: None,
        templates: Vec::new(),
        attribution: None,
    }
}

fn adhoc(text: &str, speaker: &str) -> Quote {
    let text = clean::punctuation(text.trim());
    Quote {
        id: ids::adhoc_id(&text),
        chars: count_chars(&text),
        speaker: speaker.to_string(),
        section: SectionRef {
            number: 0,
            title: String::new(),
        },
        address: String::new(),
        kind: QuoteKind::Adhoc,
        text,
        score: None,
        templates: Vec::new(),
        attribution: None,
    }
}

fn pull_quotes(iv: &Interview, which: &PullQuotes) -> Result<Vec<Quote>, String> {
    let numbers: Vec<u32> = match which {
        PullQuotes::All(_) => iv.sections.iter().map(|s| s.number).collect(),
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
            // The pull quote's address is where it is said, when it is said verbatim.
            let said = s
                .paragraphs
                .iter()
                .find(|p| p.kind == Kind::Turn && p.text.contains(&s.pull_quote));
            let (speaker, address) = match said {
                Some(p) => {
                    let start = p.text.find(&s.pull_quote).unwrap_or(0);
                    (
                        p.speaker.clone().unwrap_or_default(),
                        locate::passage(p, start, start + s.pull_quote.len()).address,
                    )
                }
                None => (iv.meta.interviewee.clone(), n.to_string()),
            };
            Ok(Quote {
                id: format!("pull-{n}"),
                text: s.pull_quote.clone(),
                speaker,
                section: section_ref(iv, n),
                address,
                kind: QuoteKind::PullQuote,
                chars: count_chars(&s.pull_quote),
                score: None,
                templates: Vec::new(),
                attribution: None,
            })
        })
        .collect()
}

/// A text lookup that failed, before it knows which entry it was.
enum TextError {
    Misquote {
        given: String,
        closest: String,
        address: String,
        diff: String,
    },
    Other(String),
}

impl TextError {
    fn at(self, spec: &Spec, index: usize) -> SelectError {
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
fn by_text(iv: &Interview, text: &str) -> Result<Quote, TextError> {
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
                .map(|p| p.address.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let joined = found
        .iter()
        .map(|p| p.text())
        .collect::<Vec<_>>()
        .join("……");
    let address = found
        .iter()
        .map(|p| p.address.as_str())
        .collect::<Vec<_>>()
        .join("+");
    let mut q = from_passage(iv, &found[0]);
    q.id = ids::address_id(&address);
    q.chars = count_chars(&joined);
    q.text = joined;
    q.address = address;
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
