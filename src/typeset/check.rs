//! Checking a finished layout against the rules (禁则, unbroken units, orphans, overflow), so
//! the card and manifest code and the tests can assert zero faults. Changes nothing.

use super::Layout;
use super::chars::{classify, is_cjk_letter, is_prohibited_end, is_prohibited_start, starts_token};

const NEWLINES: [char; 4] = ['\n', '\r', '\u{2028}', '\u{2029}'];

/// One rule broken by a layout (`line` counts from 0).
#[derive(Debug, Clone, PartialEq)]
pub enum Violation {
    /// A line (not the first) starts with a character that must not start a line.
    ProhibitedStart { line: usize, ch: char },
    /// A line (not the last) ends with a character that must not end a line.
    ProhibitedEnd { line: usize, ch: char },
    /// A break between `line` and the next splits ——, ……, a Latin word or a number from its
    /// unit; `pair` is the two characters around the break.
    SplitUnit { line: usize, pair: [char; 2] },
    /// A paragraph's last line (not also its first) holds fewer than two tokens — Han
    /// characters, Latin words or numbers — (孤字, `Midjourney / V6。`).
    Orphan { line: usize },
    /// A line is wider than the box, px.
    Overflow { line: usize, excess: f32 },
}

fn latin(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk_letter(c)
}

/// Every rule the layout breaks. At widths where a rule cannot be kept (a unit wider than the
/// box, a tail of one letter plus an unbreakable unit wider than the box) it is reported all
/// the same: callers decide what is acceptable.
pub fn violations(layout: &Layout) -> Vec<Violation> {
    let mut out = Vec::new();
    let lines = &layout.lines;
    for (k, line) in lines.iter().enumerate() {
        let excess = line.x + line.width - layout.width;
        if excess > 0.01 {
            out.push(Violation::Overflow { line: k, excess });
        }
        let Some(next) = lines.get(k + 1) else {
            continue;
        };
        if line.text.ends_with(NEWLINES) {
            continue; // a mandatory break
        }
        if let Some(c) = line.text.trim_end().chars().next_back()
            && is_prohibited_end(c)
        {
            out.push(Violation::ProhibitedEnd { line: k, ch: c });
        }
        let (Some(p), Some(c)) = (line.text.chars().next_back(), next.text.chars().next()) else {
            continue;
        };
        if is_prohibited_start(c) {
            out.push(Violation::ProhibitedStart { line: k + 1, ch: c });
        }
        let same = |set: &[char]| set.contains(&p) && set.contains(&c);
        let split = same(&['—', '⸺', '―'])
            || same(&['…', '⋯'])
            || (latin(p) && latin(c))
            || (p.is_ascii_digit() && is_cjk_letter(c));
        if split {
            out.push(Violation::SplitUnit {
                line: k,
                pair: [p, c],
            });
        }
    }
    // Each paragraph's last line (the text's end or a newline) that is not also its first.
    for (k, line) in lines.iter().enumerate().skip(1) {
        let ends = k + 1 == lines.len() || line.text.ends_with(NEWLINES);
        if ends && !lines[k - 1].text.ends_with(NEWLINES) {
            let chars: Vec<char> = line.text.chars().collect();
            let kinds = classify(&chars);
            if (0..kinds.len())
                .filter(|&i| starts_token(&kinds, i))
                .count()
                < 2
            {
                out.push(Violation::Orphan { line: k });
            }
        }
    }
    out
}
