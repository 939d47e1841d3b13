//! The editor's own picks, read from the interview: a candidate is emphasised when each of
//! its sentences is bold — mostly inside bold spans, or holding a whole bold span (so a span
//! is trimmed, or extended, to whole sentences; the model has merged adjacent runs
//! already) — or when its section's title or pull quote quotes it verbatim. Emphasised candidates rank before all others. Short of a verbatim quote, a
//! title still echoes the points its section makes: [`Marks::echo`] measures how much of it a
//! candidate repeats.

use super::locate::{Passage, sentence_ranges};
use crate::interview::{Interview, Paragraph};

/// Why a candidate counts as the editor's pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// It lies in (or holds) a bold span.
    Bold,
    /// A bold span from the clause it opens, past a preamble or a signpost the editor left
    /// out of the bold ([`super::bold_clause`]).
    BoldClause,
    /// Its section's title quotes it.
    Title,
    /// Its section's pull quote quotes it.
    PullQuote,
}

impl Why {
    pub fn describe(self) -> &'static str {
        match self {
            Why::Bold => "the editor set it in bold",
            Why::BoldClause => {
                "the editor set it in bold; quoted from where the bold thought starts (the words before it left out)"
            }
            Why::Title => "its section's title quotes it",
            Why::PullQuote => "its section's pull quote quotes it",
        }
    }
}

/// Shortest bold span, in characters, that stands for the sentence holding it (a bold word
/// or two is emphasis of a term, not of a sentence).
const MIN_OVERLAP: usize = 8;
/// Share of a sentence that must be bold for the sentence to be.
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

/// True when the sentence at bytes `start..end` of `para` is the editor's: at least 60% of
/// its characters lie in bold spans, or it holds a whole bold span of 8 characters or more
/// (a bold phrase stands for its sentence).
fn bold_sentence(para: &Paragraph, start: usize, end: usize) -> bool {
    let s = para.text[..start].chars().count();
    let e = s + para.text[start..end].chars().count();
    let inside: usize = para
        .emphasis
        .iter()
        .map(|&[a, b]| e.min(b).saturating_sub(s.max(a)))
        .sum();
    let holds = para
        .emphasis
        .iter()
        .any(|&[a, b]| a >= s && b <= e && b - a >= MIN_OVERLAP);
    holds || (inside >= MIN_OVERLAP.min(e - s) && inside as f64 >= SHARE * (e - s) as f64)
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
            let title = s.title.as_deref().unwrap_or("");
            let grams = bigrams(title);
            if grams.len() >= 3 {
                titles.push((s.number, grams));
            }
            for (why, text) in [
                (Why::Title, title),
                (Why::PullQuote, s.pull_quote.as_deref().unwrap_or("")),
            ] {
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
        let bold = !para.emphasis.is_empty()
            && sentence_ranges(p.text())
                .iter()
                .all(|&(a, b)| bold_sentence(para, p.start + a, p.start + b));
        if bold {
            return Some(Why::Bold);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::{Address, Kind};
    use crate::select::locate::passage;

    fn para(text: &str, bold: &str) -> Paragraph {
        let at = text.find(bold).unwrap();
        let a = text[..at].chars().count();
        Paragraph {
            address: Address {
                section: 1,
                paragraph: 1,
            },
            kind: Kind::Turn,
            speaker: Some("陈远".into()),
            opens_turn: true,
            text: text.into(),
            emphasis: vec![[a, a + bold.chars().count()]],
            time: None,
        }
    }

    fn why(p: &Paragraph, sentence: &str) -> Option<Why> {
        let marks = Marks {
            quoted: vec![(1, Why::Title, letters("手艺这东西心诚比手巧更重要"))],
            titles: Vec::new(),
        };
        let start = p.text.find(sentence).unwrap();
        marks.why(&passage(p, start, start + sentence.len()))
    }

    #[test]
    fn bold_sentences_and_quoted_titles_are_picks() {
        let p = para(
            "三十年了。一条船要做半年，急不得，也省不了一道工序。这个行当就是这样。",
            "一条船要做半年，急不得，",
        );
        // Mostly bold: the sentence is the editor's; its neighbours are not, nor a pair.
        assert_eq!(
            why(&p, "一条船要做半年，急不得，也省不了一道工序。"),
            Some(Why::Bold)
        );
        assert_eq!(why(&p, "这个行当就是这样。"), None);
        assert_eq!(
            why(
                &p,
                "一条船要做半年，急不得，也省不了一道工序。这个行当就是这样。"
            ),
            None
        );
        // A bold phrase of 8 characters or more stands for its sentence; a bold word does not.
        let phrase = para(
            "我觉得这件事的关键是耐心和时间，别的都次要。",
            "关键是耐心和时间",
        );
        assert_eq!(why(&phrase, &phrase.text.clone()), Some(Why::Bold));
        let word = para("我觉得这件事的关键是耐心和时间，别的都次要。", "耐心");
        assert_eq!(why(&word, &word.text.clone()), None);
        // A title that quotes the line verbatim (punctuation aside).
        let t = para("他自己找上门的。手艺这东西，心诚比手巧更重要。", "他自己");
        assert_eq!(why(&t, "手艺这东西，心诚比手巧更重要。"), Some(Why::Title));
    }
}
