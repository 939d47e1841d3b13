//! Notices in doubt. A call to the reader (`点击阅读原文`, `回复关键词`, `在看`) is found by a
//! few words that a speaker may also say. Where such a paragraph stands inside an answer —
//! the same speaker's words before and after it, between the first and the last turn — and
//! reads as a sentence in which the call is only a small part, it is kept as speech and the
//! doubt is said, never dropped silently.

use super::Para;
use super::furniture::{Piece, WHY_CALL, call_len};
use super::trailing::reads_as_sentence;
use crate::interview::people::Doubt;
use crate::read::BlockKind;

/// A call taking up less than this share of a paragraph's characters leaves it in doubt.
const CALL_SHARE: f64 = 0.25;
/// The longest excerpt of the paragraph quoted in a doubt, in characters.
const EXCERPT: usize = 24;

/// `found` without the pieces in doubt, and a doubt for each of those.
pub fn sift(
    paras: &[Para],
    speaker_at: &[Option<String>],
    found: Vec<Piece>,
) -> (Vec<Piece>, Vec<Doubt>) {
    let opens = |i: usize| speaker_at.get(i).is_some_and(Option::is_some);
    let (Some(first), Some(last)) = (
        speaker_at.iter().position(Option::is_some),
        speaker_at.iter().rposition(Option::is_some),
    ) else {
        return (found, Vec::new());
    };
    let lifted: Vec<usize> = found.iter().map(|p| p.at).collect();
    let text_near = |mut range: Box<dyn Iterator<Item = usize>>| {
        range.find(|&j| !lifted.contains(&j) && paras[j].kind != BlockKind::Image)
    };
    let (mut keep, mut doubts) = (Vec::new(), Vec::new());
    for piece in found {
        let i = piece.at;
        let t = paras[i].text();
        let inside = first < i
            && i < last
            && text_near(Box::new((first..i).rev())).is_some_and(|j| in_answer(paras, j))
            && text_near(Box::new(i + 1..=last)).is_some_and(|j| !opens(j) && in_answer(paras, j));
        if piece.why == WHY_CALL && paras[i].kind == BlockKind::Paragraph && inside && speech(&t) {
            doubts.push(doubt(paras[i].line, &t));
        } else {
            keep.push(piece);
        }
    }
    (keep, doubts)
}

/// A paragraph that can be part of an answer (not a heading, rule or image).
fn in_answer(paras: &[Para], j: usize) -> bool {
    matches!(
        paras[j].kind,
        BlockKind::Paragraph | BlockKind::Item | BlockKind::Quote
    ) && !paras[j].m.all_bold()
}

/// A sentence in which the call is a small part.
fn speech(t: &str) -> bool {
    let n = t.trim().chars().count();
    reads_as_sentence(t) && call_len(t).is_some_and(|c| (c as f64) < CALL_SHARE * n as f64)
}

fn doubt(line: usize, text: &str) -> Doubt {
    let mut excerpt: String = text.trim().chars().take(EXCERPT).collect();
    if text.trim().chars().count() > EXCERPT {
        excerpt.push('…');
    }
    let at = match line {
        0 => String::new(),
        n => format!("line {n}: "),
    };
    Doubt {
        what: format!(
            "{at}“{excerpt}” reads like a notice to the reader (a button to press, a subscription) but stands inside an answer: kept as speech"
        ),
        fix: "if it is the page's, delete that paragraph from the input".to_string(),
    }
}
