//! The editor's own picks, read from the interview: a candidate is emphasised when it is
//! mostly inside, or wholly holds, a bold span of its paragraph (candidates are whole
//! sentences, so a span is in effect trimmed or extended to the sentences it covers; the
//! model has merged adjacent runs already), or when its section's title or pull quote quotes
//! it verbatim. Emphasised candidates rank before all others. Short of a verbatim quote, a
//! title still echoes the points its section makes: [`Marks::echo`] measures how much of it a
//! candidate repeats.

use super::locate::Passage;
use crate::interview::Interview;

/// Why a candidate counts as the editor's pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// It lies in (or holds) a bold span.
    Bold,
    /// Its section's title quotes it.
    Title,
    /// Its section's pull quote quotes it.
    PullQuote,
}

impl Why {
    pub fn describe(self) -> &'static str {
        match self {
            Why::Bold => "the editor set it in bold",
            Why::Title => "its section's title quotes it",
            Why::PullQuote => "its section's pull quote quotes it",
        }
    }
}

/// Shortest overlap, in characters, that makes a bold span a pick (a bold word or two is
/// emphasis of a term, not of a sentence).
const MIN_OVERLAP: usize = 8;
/// Share of the shorter of candidate and span that must overlap.
const SHARE: f64 = 0.6;
/// Shortest title or pull quote (letters and digits) read as quoting a guest.
const MIN_QUOTED: usize = 6;

/// Letters and digits only, lowercased: titles drop punctuation and spaces.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The editor's marks of one interview, prepared once.
pub struct Marks {
    /// Per section number: its title's and pull quote's letters (when long enough).
    quoted: Vec<(u32, Why, String)>,
    /// Per section number: its title's distinct Han bigrams.
    titles: Vec<(u32, Vec<(char, char)>)>,
}

/// Distinct bigrams of adjacent Han characters.
fn bigrams(text: &str) -> Vec<(char, char)> {
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<(char, char)> = chars
        .windows(2)
        .filter(|w| han(w[0]) && han(w[1]))
        .map(|w| (w[0], w[1]))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl Marks {
    pub fn new(iv: &Interview) -> Marks {
        let mut quoted = Vec::new();
        let mut titles = Vec::new();
        for s in &iv.sections {
            let grams = bigrams(&s.title);
            if grams.len() >= 3 {
                titles.push((s.number, grams));
            }
            for (why, text) in [(Why::Title, &s.title), (Why::PullQuote, &s.pull_quote)] {
                let l = letters(text);
                if l.chars().count() >= MIN_QUOTED {
                    quoted.push((s.number, why, l));
                }
            }
        }
        Marks { quoted, titles }
    }

    /// The share (0–1) of its section title's Han bigrams that `p` repeats (0 when the
    /// section has no title of three bigrams or more).
    pub fn echo(&self, p: &Passage) -> f64 {
        let section = p.paragraph.address.section;
        let Some((_, title)) = self.titles.iter().find(|(s, _)| *s == section) else {
            return 0.0;
        };
        let mine = bigrams(p.text());
        let shared = title
            .iter()
            .filter(|g| mine.binary_search(g).is_ok())
            .count();
        shared as f64 / title.len() as f64
    }

    /// Why `p` is an editor's pick, if it is.
    pub fn why(&self, p: &Passage) -> Option<Why> {
        let para = p.paragraph;
        if !para.emphasis.is_empty() {
            let start = para.text[..p.start].chars().count();
            let len = p.text().chars().count();
            let end = start + len;
            let hit = para.emphasis.iter().any(|&[a, b]| {
                let overlap = end.min(b).saturating_sub(start.max(a));
                overlap >= MIN_OVERLAP && overlap as f64 >= SHARE * len.min(b - a) as f64
            });
            if hit {
                return Some(Why::Bold);
            }
        }
        let section = para.address.section;
        let mine = letters(p.text());
        self.quoted
            .iter()
            .filter(|(s, _, _)| *s == section)
            .find(|(_, _, q)| mine.contains(q.as_str()) || q.contains(mine.as_str()))
            .map(|(_, why, _)| *why)
    }
}
