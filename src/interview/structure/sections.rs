//! Where sections start and what they are called, in every shape real interviews use: a
//! number line (`01`, `**01**`, `## 01`) followed by its title (one to three bold lines, or
//! the next line and a pull quote in plain text); a number and title on one line
//! (`**01 谈上市**`); Markdown headings (`###`, setext); unnumbered bold lines between turns
//! (`**自动驾驶有五级台阶**`); none at all (the interview is one untitled section).

use super::Para;
use crate::read::BlockKind;

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
/// speaker's turn; `first_turn` is the first that does; `plain` is true for plain text (no
/// bold to tell a title from a pull quote).
pub fn find(
    paras: &[Para],
    turn: &[bool],
    first_turn: usize,
    end: usize,
    plain: bool,
) -> Vec<Start> {
    let numbered = numbered(paras, turn, end, plain);
    if !numbered.is_empty() {
        return numbered;
    }
    let headings: Vec<usize> = (1..end)
        .filter(|&i| {
            matches!(paras[i].kind, BlockKind::Heading(_)) && heading_text(&paras[i], turn[i])
        })
        .collect();
    let headings = from_the_conversation(paras, turn, first_turn, headings);
    let starts = if headings.is_empty() {
        let bold: Vec<usize> = (1..end)
            .filter(|&i| bold_line(paras, turn, i, first_turn))
            .collect();
        from_the_conversation(paras, turn, first_turn, bold)
    } else {
        headings
    };
    starts
        .into_iter()
        .map(|i| Start {
            at: i,
            body: i + 1,
            number: None,
            title: paras[i].text().trim().to_string(),
            pull_quote: String::new(),
        })
        .collect()
}

/// `01`, `01\u{a0}`, `**01**` → 1.
fn number_only(text: &str) -> Option<u32> {
    let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    ((1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
        .filter(|&n| n > 0)
}

/// `01 谈上市`, `01. 谈上市`, `01、谈上市` in a heading or a bold line → (1, `谈上市`).
fn number_and_title(p: &Para) -> Option<(u32, String)> {
    if !(matches!(p.kind, BlockKind::Heading(_)) || p.m.all_bold()) {
        return None;
    }
    let t = p.text();
    let t = t.trim();
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let rest = t[digits.len()..].trim_start_matches(['.', '、', '．', ' ', '\u{a0}', '|', '丨']);
    let n: u32 = digits.parse().ok()?;
    (n > 0 && rest.len() < t.len() - digits.len() && !rest.is_empty() && rest.chars().count() <= 40)
        .then(|| (n, rest.to_string()))
}

fn numbered(paras: &[Para], turn: &[bool], end: usize, plain: bool) -> Vec<Start> {
    let mut out: Vec<Start> = Vec::new();
    let mut i = 0;
    while i < end {
        let p = &paras[i];
        if turn[i]
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
    let increasing = out.windows(2).all(|w| w[0].number < w[1].number);
    if out.len() >= 2 && increasing {
        out
    } else {
        Vec::new()
    }
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
    if j >= end || turn[j] {
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
    while k < end && k < j + 3 && fragment(&paras[k], turn[k]) {
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

fn fragment(p: &Para, turn: bool) -> bool {
    let t = p.text();
    !turn
        && (matches!(p.kind, BlockKind::Heading(_)) || p.m.all_bold())
        && t.chars().count() <= 50
        && !ends_sentence(&t)
        && number_only(&t).is_none()
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['。', '！', '!', '…', '；', ';'])
}

/// A Markdown heading's text reads as a title: short, no sentence end, not a turn.
fn heading_text(p: &Para, turn: bool) -> bool {
    let t = p.text();
    !turn && (1..=60).contains(&t.chars().count()) && !ends_sentence(&t)
}

/// An unnumbered bold line used as a heading: wholly bold, short, not a sentence or a
/// question, not the text of an own-line label, and either followed by a turn or standing
/// between turns without a comma.
fn bold_line(paras: &[Para], turn: &[bool], i: usize, first_turn: usize) -> bool {
    let p = &paras[i];
    let t = p.text();
    let t = t.trim();
    if turn[i]
        || p.kind != BlockKind::Paragraph
        || !p.m.all_bold()
        || !(2..=40).contains(&t.chars().count())
        || ends_sentence(t)
        || t.ends_with(['？', '?', '，', ','])
    {
        return false;
    }
    if i > 0 && paras[i - 1].label.as_ref().is_some_and(|l| l.alone) && turn[i - 1] {
        return false;
    }
    let next = (i + 1..paras.len())
        .find(|&j| !matches!(paras[j].kind, BlockKind::Image | BlockKind::Rule));
    let before_turn = next.is_some_and(|j| turn[j]);
    let between = i > first_turn && !t.contains(['，', ',']);
    before_turn || between
}

/// Headings count from the one that opens the conversation: a candidate with more than three
/// prose paragraphs between it and the first turn belongs to the intro.
fn from_the_conversation(
    paras: &[Para],
    turn: &[bool],
    first_turn: usize,
    cands: Vec<usize>,
) -> Vec<usize> {
    cands
        .into_iter()
        .filter(|&i| {
            i >= first_turn
                || (i + 1..first_turn)
                    .filter(|&j| {
                        !turn[j] && !matches!(paras[j].kind, BlockKind::Image | BlockKind::Rule)
                    })
                    .count()
                    <= 3
        })
        .collect()
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
