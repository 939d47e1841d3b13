//! The quote selector: curated YAML entries, CLI filters and automatic ranking → `Vec<Quote>`.
//! Every quote taken from the interview is verified against it; nothing is accepted silently.

mod address;
mod bold_clause;
pub mod card;
mod card_cues;
mod dedupe;
mod emphasis;
mod entry;
pub mod features;
pub mod framing;
mod ids;
mod learned;
mod lines;
mod locate;
mod near;
mod pick;
mod quote;
mod rank;
mod sources;
pub use sources::adhoc;
mod spec;
mod standalone;
mod worth;

pub use address::{AddressError, PassageAddress, QuoteAddress};
pub use entry::{Entry, Phrases, Source};
pub use ids::{adhoc_id, count_chars, unsafe_id};
pub use lines::{LineQuotes, Lines};
pub use near::{near_duplicate, similarity};
pub use quote::{Quote, QuoteKind, SectionRef};
pub use rank::CONTEXT_OPENERS;
pub use spec::{AllKeyword, DEFAULT_QUOTES, Defaults, Filters, PullQuotes, QuotesFile, Spec, load};

use crate::interview::Interview;
use std::collections::{BTreeMap, HashMap};

/// Length limits of automatic selection when no filter sets them (characters as counted by
/// [`count_chars`]).
pub const AUTO_MIN_CHARS: usize = 8;
pub const AUTO_MAX_CHARS: usize = 60;

/// The least chance, by the card model ([`card`]), that a line jinju picks on its own (not
/// the editor's) stands alone on a card: at 0.5, two in three such lines were publishable
/// in `tools/train_card.py`'s held-out figures, against under one in two of all the lines
/// that pass the hard filters.
pub const DEFAULT_MIN_CARD: f64 = 0.5;

/// The card logit of a chance `p` (0 and below: every line; 1 and above: none of jinju's
/// own but the single best when nothing else is picked).
fn card_floor(p: f64) -> f64 {
    if p <= 0.0 {
        f64::NEG_INFINITY
    } else if p >= 1.0 {
        f64::INFINITY
    } else {
        (p / (1.0 - p)).ln()
    }
}

/// Why a ranked quote was picked when the editor's emphasis did not pick it.
pub const TEXT_ONLY: &str = "the learned ranker scored its text (no emphasis marks it)";

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
    pub address: PassageAddress,
    pub diff: String,
}

/// The selected quotes, and for ranked ones the parts of their scores. [`Selection::iter`]
/// gives them all, in order.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// The quotes, but for the lines file's.
    pub quotes: Vec<Quote>,
    /// The lines file's quotes (made as they are iterated), after `quotes[..at]`.
    pub lines: Option<LineQuotes>,
    /// The id of the quote for the EPUB's cover, from `defaults.cover`.
    pub cover: Option<String>,
    pub explain: BTreeMap<String, Vec<(&'static str, f64)>>,
    /// For ranked quotes: why each was picked (the editor's emphasis, or the text alone).
    pub why: BTreeMap<String, &'static str>,
    /// For automatic selection: how many candidate passages (paragraphs, for the paragraph
    /// rules) each filter of `standalone` rejected; every ranked quote passed them all
    /// ([`filters`]).
    pub rejected: rank::Rejected,
    /// Automatic entries that came back short, as (asked, picked): too few lines clear the
    /// card floor ([`Filters::min_card`]).
    pub short: Vec<(usize, usize)>,
}

/// The names of the filters every automatic pick passed: the length limits, then the
/// `standalone` rules.
pub fn filters() -> impl Iterator<Item = &'static str> {
    std::iter::once("length").chain(standalone::all_names())
}

/// The filters an automatic pick with score parts `parts` passed: all of [`filters`] but a
/// rule the editor's bold overrode for it (named in its parts).
pub fn passed(parts: &[(&'static str, f64)]) -> Vec<&'static str> {
    filters()
        .filter(|f| !parts.iter().any(|(name, _)| name == f))
        .collect()
}

/// Select quotes from `iv` as `spec` says.
pub fn select(iv: &Interview, spec: &Spec) -> Result<Selection, SelectError> {
    let mut sel = Selection {
        cover: spec.defaults.cover.clone(),
        ..Selection::default()
    };
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
    // The texts taken so far (for `auto` to skip; indexed only when an `auto` entry needs
    // them, up to `indexed`), and each speaker's ranking, made once.
    let mut taken = near::NearIndex::default();
    let mut indexed = 0;
    let mut ranked: HashMap<String, pick::Ranked> = HashMap::new();
    // The lines file's entry, and how many quotes come before its lines.
    let mut lines: Option<(&Lines, &Entry, usize)> = None;
    let mut lines_indexed = false;
    for (i, entry) in spec.entries.iter().enumerate() {
        let index = i + 1;
        let mut found: Vec<Quote> = Vec::new();
        if let Source::PullQuotes(pq) = &entry.source {
            found = sources::pull_quotes(iv, pq).map_err(|m| err(index, m))?;
        } else if let Source::At(at) = entry.source {
            let p = locate::at(iv, at).map_err(|m| err(index, m))?;
            found.push(sources::from_passage(iv, &p));
        } else if let Source::Text(text) = &entry.source {
            found.push(sources::by_text(iv, text).map_err(|e| e.at(spec, index))?);
        } else if let Source::Lines(file) = &entry.source {
            if lines.is_some() || entry.id.is_some() {
                return Err(err(
                    index,
                    "one lines file, and no `id`, per selection".into(),
                ));
            }
            lines = Some((file, entry, sel.quotes.len()));
            continue;
        } else if let Source::Adhoc(text) = &entry.source {
            found.push(sources::adhoc(text, entry.speaker.as_deref().unwrap_or("")));
        } else if let Source::Auto(n) = entry.source {
            let speaker = entry
                .speaker
                .as_deref()
                .or(spec.filters.speaker.as_deref())
                .unwrap_or(&default_speaker);
            let ranking = ranked.entry(speaker.to_string()).or_insert_with(|| {
                pick::Ranked::new(candidates(iv, speaker, spec, &mut sel.rejected))
            });
            for q in &sel.quotes[indexed..] {
                taken.insert(&q.text);
            }
            indexed = sel.quotes.len();
            // (The index does not depend on the order texts are inserted in.)
            if let Some((file, ..)) = lines.filter(|_| !lines_indexed) {
                for line in file.each() {
                    taken.insert(&sources::adhoc(line, "").text);
                }
                lines_indexed = true;
            }
            let floor = card_floor(spec.filters.min_card.unwrap_or(DEFAULT_MIN_CARD));
            let picks = ranking.pick(n, &taken, floor);
            if picks.len() < n {
                sel.short.push((n, picks.len()));
            }
            for c in picks {
                let mut q = sources::from_passage(iv, &c.passage);
                q.score = Some(c.score);
                q.from_emphasis = Some(c.emphasis.is_some());
                let why = c.emphasis.map_or(TEXT_ONLY, emphasis::Why::describe);
                sel.why.insert(q.id.clone(), why);
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
            settings(q, entry, spec);
            // A phrase that is not in the quote is a typo: it would highlight nothing.
            if let Some(missing) = q.highlights.iter().find(|h| !q.text.contains(h.trim())) {
                return Err(err(
                    index,
                    format!(
                        "`highlight: {}` does not occur in the quote “{}”: copy the phrase \
                         from the quote exactly",
                        crate::printable::excerpt(missing, 30),
                        crate::printable::excerpt(&q.text, 30)
                    ),
                ));
            }
        }
        for q in found {
            if q.kind == QuoteKind::Adhoc
                || q.kind == QuoteKind::PullQuote
                || passes(&q, &spec.filters)
            {
                sel.quotes.push(q);
            }
        }
    }
    if spec.entries.is_empty() && spec.all_sentences {
        let speaker = spec.filters.speaker.as_deref().unwrap_or(&default_speaker);
        for c in candidates(iv, speaker, spec, &mut sel.rejected) {
            let single = !c.passage.address.is_run();
            if single {
                sel.quotes.push(sources::from_passage(iv, &c.passage));
            }
        }
    }
    dedupe(&mut sel, lines, spec)?;
    credit_people(iv, &mut sel.quotes);
    Ok(sel)
}

/// Each quote of the interview is credited to the person's full name (`陳` → `陳美齡`, `A` →
/// the guest the title names) unless the quote names its own attribution; a speaker known
/// only by a role label stays uncredited.
fn credit_people(iv: &Interview, quotes: &mut [Quote]) {
    for q in quotes.iter_mut().filter(|q| q.attribution.is_none()) {
        let name = iv.name_of(&q.speaker);
        if !name.is_empty() && name != q.speaker {
            q.attribution = Some(name.to_string());
        }
    }
}

/// Drop exact repeats (the same text selected twice), widen colliding ad hoc ids, refuse one
/// id for two texts — in selection order, the lines file's lines (after the number of
/// quotes `lines` gives) checked one at a time and kept as [`LineQuotes`].
fn dedupe(
    sel: &mut Selection,
    lines: Option<(&Lines, &Entry, usize)>,
    spec: &Spec,
) -> Result<(), SelectError> {
    let mut seen = dedupe::Dedupe::new(&spec.origin);
    let held = std::mem::take(&mut sel.quotes);
    let at = lines.map_or(held.len(), |(.., at)| at);
    let mut rest = held.into_iter();
    for mut q in rest.by_ref().take(at) {
        if seen.admit(&mut q)? {
            sel.quotes.push(q);
        }
    }
    if let Some((file, entry, _)) = lines {
        let mut like = sources::adhoc("", entry.speaker.as_deref().unwrap_or(""));
        settings(&mut like, entry, spec);
        sel.lines = Some(LineQuotes::new(file, like, sel.quotes.len(), &mut seen)?);
    }
    for mut q in rest {
        if seen.admit(&mut q)? {
            sel.quotes.push(q);
        }
    }
    Ok(())
}

/// The templates and attribution `entry` (or the defaults) give its quotes.
fn settings(q: &mut Quote, entry: &Entry, spec: &Spec) {
    q.templates = if entry.templates.is_empty() {
        spec.defaults.templates.clone()
    } else {
        entry.templates.clone()
    };
    q.attribution = entry
        .attribution
        .clone()
        .or_else(|| spec.defaults.attribution.clone());
    if let Some(h) = &entry.highlight {
        q.highlights = h.list();
    }
}

/// Ranked candidates of `speaker` within the filters' section, pattern and length, and no
/// longer than the chosen templates show.
fn candidates<'a>(
    iv: &'a Interview,
    speaker: &str,
    spec: &Spec,
    rejected: &mut rank::Rejected,
) -> Vec<rank::Candidate<'a>> {
    let f = &spec.filters;
    let (min, max) = (
        f.min_chars.unwrap_or(AUTO_MIN_CHARS),
        f.max_chars
            .unwrap_or(AUTO_MAX_CHARS)
            .min(spec.auto_max_chars.unwrap_or(usize::MAX)),
    );
    // A speaker the user named is theirs to quote, however much they ask.
    let named = speaker != iv.meta.interviewee;
    let mut all = rank::candidates(iv, Some(speaker), named, min, max, rejected);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pick_passed_every_filter_but_one_its_bold_overrode() {
        let all: Vec<&str> = filters().collect();
        assert_eq!(passed(&[("bias", 0.1), ("card", 1.2)]), all);
        let overridden = passed(&[("bias", 0.1), ("demonstrative", -4.0)]);
        assert!(!overridden.contains(&"demonstrative"));
        assert_eq!(overridden.len() + 1, all.len());
    }
}
