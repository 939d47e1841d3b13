//! Where sections start and what they are called, in every shape real interviews use: a
//! number line (`01`, `**01**`, `## 01`) followed by its title (one to three bold lines, or
//! the next line and a pull quote in plain text); a number and title on one line
//! (`**01 谈上市**`); Markdown headings (`###`, setext); unnumbered bold lines between turns
//! (`**自动驾驶有五级台阶**`); none at all (the interview is one untitled section).

use super::{Para, numbering, sentence_headings};
use crate::read::BlockKind;

/// Who opens each paragraph's turn (`None`: no turn opens there).
pub type Openers<'a> = &'a [Option<String>];

/// A section's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Start {
    /// The first paragraph of the heading.
    pub at: usize,
    /// The first paragraph of the body.
    pub body: usize,
    pub number: Option<u32>,
    /// Raw (uncleaned) title and pull quote; empty when absent.
    pub title: String,
    pub pull_quote: String,
}

/// The sections' starts among `paras[..end]`. `turn[i]` says whether paragraph `i` opens a
/// speaker's turn; `meta[i]` whether it is the article's title or a cast line (never a heading); `first_turn` is the first that does; `plain` is true for plain text (no
/// bold to tell a title from a pull quote).
pub fn find(
    paras: &[Para],
    openers: Openers,
    meta: &[bool],
    first_turn: usize,
    end: usize,
    plain: bool,
) -> Vec<Start> {
    let turn: Vec<bool> = openers.iter().map(Option::is_some).collect();
    let numbered = numbered(paras, &turn, meta, end, plain);
    if !numbered.is_empty() {
        return numbered;
    }
    let found = runs(paras, &turn, meta, first_turn, end);
    let mut more = sentence_headings::find(paras, openers, meta, first_turn, end, &found);
    if more.is_empty() {
        return found;
    }
    more.extend(found);
    more.sort_by_key(|s| s.at);
    more
}

/// Unnumbered titles: runs of heading lines — Markdown headings and wholly bold short lines
/// without a sentence's end, images and rules between them skipped — joined into one title
/// each. A run is a section's title when it holds a Markdown heading, when a turn follows it,
/// or when it stands between turns without a comma; runs in the intro (more than three
/// prose paragraphs before the first turn) are not.
fn runs(paras: &[Para], turn: &[bool], meta: &[bool], first_turn: usize, end: usize) -> Vec<Start> {
    let skip = |i: usize| matches!(paras[i].kind, BlockKind::Image | BlockKind::Rule);
    let line =
        |i: usize| !meta[i] && heading_line(paras, turn, i) && !ends_sentence(&paras[i].text());
    let mut out = Vec::new();
    let mut i = 1;
    while i < end {
        if !line(i) {
            i += 1;
            continue;
        }
        let mut members = vec![i];
        let mut k = i + 1;
        while k < end && members.len() < 3 {
            if skip(k) {
                k += 1;
                continue;
            }
            if !line(k) {
                break;
            }
            members.push(k);
            k += 1;
        }
        let body = *members.last().unwrap_or(&i) + 1;
        let title: String = members
            .iter()
            .map(|&m| paras[m].text().trim().to_string())
            .collect();
        let marked = members
            .iter()
            .any(|&m| matches!(paras[m].kind, BlockKind::Heading(_)));
        let next = (body..paras.len()).find(|&j| !skip(j));
        let before_turn = next.is_some_and(|j| turn[j]);
        let between = i > first_turn && !title.contains(['，', ',']);
        let question = title.trim_end().ends_with(['？', '?']);
        let heading = if marked {
            heading_text(&paras[i], turn[i])
        } else {
            (before_turn || between) && !question && (2..=80).contains(&title.chars().count())
        };
        if heading && in_conversation(paras, turn, first_turn, i) {
            out.push(Start {
                at: i,
                body,
                number: None,
                title,
                pull_quote: String::new(),
            });
        }
        i = k.max(i + 1);
    }
    out
}

/// A line that may be (part of) a heading: a Markdown heading or a wholly bold paragraph,
/// short, not a turn, not a credit, not the text of an own-line label. (Whether it may end
/// like a sentence is the caller's question.)
pub(super) fn heading_line(paras: &[Para], turn: &[bool], i: usize) -> bool {
    let p = &paras[i];
    let t = p.text();
    let t = t.trim();
    if turn[i]
        || !(matches!(p.kind, BlockKind::Heading(_))
            || p.kind == BlockKind::Paragraph && p.m.all_bold())
        || !(1..=60).contains(&t.chars().count())
        || super::front::is_credit(t)
    {
        return false;
    }
    !(i > 0 && paras[i - 1].label.as_ref().is_some_and(|l| l.alone) && turn[i - 1])
}

/// A heading counts from the one that opens the conversation: a candidate with more than
/// three prose paragraphs between it and the first turn belongs to the intro.
fn in_conversation(paras: &[Para], turn: &[bool], first_turn: usize, i: usize) -> bool {
    i >= first_turn
        || (i + 1..first_turn)
            .filter(|&j| !turn[j] && !matches!(paras[j].kind, BlockKind::Image | BlockKind::Rule))
            .count()
            <= 3
}

/// `01`, `01\u{a0}`, `**01**`, `第二部分` → the number.
fn number_only(text: &str) -> Option<u32> {
    numbering::alone(text)
}

/// `01 谈上市`, `01. 谈上市`, `一、谈上市`, `Part 1 谈上市` in a heading or a bold line →
/// (1, `谈上市`).
fn number_and_title(p: &Para) -> Option<(u32, String)> {
    if !(matches!(p.kind, BlockKind::Heading(_)) || p.m.all_bold()) {
        return None;
    }
    let (n, rest) = numbering::leading(&p.text())?;
    (!rest.is_empty() && rest.chars().count() <= 40).then_some((n, rest))
}

fn numbered(paras: &[Para], turn: &[bool], meta: &[bool], end: usize, plain: bool) -> Vec<Start> {
    let mut out: Vec<Start> = Vec::new();
    let mut i = 0;
    while i < end {
        let p = &paras[i];
        if turn[i]
            || meta[i]
            || matches!(
                p.kind,
                BlockKind::Item | BlockKind::Image | BlockKind::Quote
            )
        {
            i += 1;
            continue;
        }
        if let Some(n) = number_only(&p.text()) {
            let (title, pull_quote, body) = titles_after(paras, turn, i + 1, end, plain);
            out.push(Start {
                at: i,
                body,
                number: Some(n),
                title,
                pull_quote,
            });
            i = body;
            continue;
        }
        if let Some((n, title)) = number_and_title(p) {
            out.push(Start {
                at: i,
                body: i + 1,
                number: Some(n),
                title,
                pull_quote: String::new(),
            });
        }
        i += 1;
    }
    // A table of contents lists numbered titles with nothing between them: no sections.
    let next_at: Vec<usize> = out.iter().skip(1).map(|s| s.at).chain([end]).collect();
    let out = out
        .into_iter()
        .zip(next_at)
        .filter(|(s, next)| s.body < *next)
        .map(|(s, _)| s)
        .collect();
    increasing_run(out)
}

/// The section numbers that count: the longest run of increasing numbers among the
/// candidates (a numbered list inside an answer, `**1. 第一点**`, breaks no numbering), at
/// least two of them.
fn increasing_run(cands: Vec<Start>) -> Vec<Start> {
    let n = cands.len();
    let mut len = vec![1usize; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        for j in 0..i {
            if cands[j].number < cands[i].number && len[j] + 1 > len[i] {
                len[i] = len[j] + 1;
                prev[i] = j;
            }
        }
    }
    let Some(mut at) = (0..n).max_by_key(|&i| (len[i], usize::MAX - i)) else {
        return Vec::new();
    };
    if len[at] < 2 {
        return Vec::new();
    }
    let mut keep = Vec::new();
    while at != usize::MAX {
        keep.push(at);
        at = prev[at];
    }
    cands
        .into_iter()
        .enumerate()
        .filter(|(i, _)| keep.contains(i))
        .map(|(_, s)| s)
        .collect()
}

/// The title after a number line: the next line (and a pull quote) in plain text; else one to
/// three bold or heading lines, fragments joined; else one short plain line.
fn titles_after(
    paras: &[Para],
    turn: &[bool],
    from: usize,
    end: usize,
    plain: bool,
) -> (String, String, usize) {
    let mut j = from;
    while j < end && matches!(paras[j].kind, BlockKind::Image | BlockKind::Rule) {
        j += 1;
    }
    if j >= end || turn[j] && !label_in_title(paras, turn, j, end) {
        return (String::new(), String::new(), j);
    }
    if plain {
        let title = paras[j].text();
        let next = j + 1;
        if next < end && !turn[next] && number_only(&paras[next].text()).is_none() {
            return (title, paras[next].text(), next + 1);
        }
        return (title, String::new(), next);
    }
    let mut title = String::new();
    let mut k = j;
    while k < end
        && k < j + 3
        && (fragment(&paras[k], turn[k]) || label_in_title(paras, turn, k, end))
    {
        title.push_str(paras[k].text().trim());
        k += 1;
    }
    if k > j {
        return (title, String::new(), k);
    }
    let t = paras[j].text();
    if t.chars().count() <= 50 && !ends_sentence(&t) {
        return (t, String::new(), j + 1);
    }
    (String::new(), String::new(), j)
}

/// A speaker's label set as a heading line with a title line after it and no text of its
/// own (`**朱军：**` / `**18 个月，在 L4 取得进展**` under a number) is part of the title:
/// the turn that follows is someone else's.
fn label_in_title(paras: &[Para], turn: &[bool], k: usize, end: usize) -> bool {
    let p = &paras[k];
    matches!(p.kind, BlockKind::Heading(_))
        && p.label.as_ref().is_some_and(|l| l.alone)
        && k + 1 < end
        && fragment(&paras[k + 1], turn[k + 1])
}

fn fragment(p: &Para, turn: bool) -> bool {
    let t = p.text();
    !turn
        && (matches!(p.kind, BlockKind::Heading(_)) || p.m.all_bold())
        && t.chars().count() <= 50
        && !ends_sentence(&t)
        && number_only(&t).is_none()
}

pub(super) fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['。', '！', '!', '…', '；', ';'])
}

/// A Markdown heading's text reads as a title: short, no sentence end, not a turn.
fn heading_text(p: &Para, turn: bool) -> bool {
    let t = p.text();
    !turn && (1..=60).contains(&t.chars().count()) && !ends_sentence(&t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number_only("01\u{a0}"), Some(1));
        assert_eq!(number_only("05"), Some(5));
        assert_eq!(number_only("2025"), None);
        assert_eq!(number_only("00"), None);
    }
}
