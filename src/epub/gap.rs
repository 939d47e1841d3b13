//! The gap between Han and Latin letters or digits (`把 GPT-3 扩大 100 倍`) as a character
//! in the book's text, not only as CSS `text-autospace`: calibre's AZW3 and PDF conversion,
//! Kindle and most e-ink readers ignore the property and otherwise run the scripts together.
//!
//! The gap is U+0020. Measured in Chromium 156 with `text-autospace: normal` (the book's
//! stylesheet) and the book's Noto Serif SC: a typed space is 0.256 em and the property adds
//! nothing beside it (no doubling); U+2005, U+2006, U+2009, U+200A and U+202F are not in the
//! font, so their width and shape depend on each reader's fallback font (0.17–0.25 em in
//! Chromium, a box where a reader has no fallback). U+0020 is in every font, a quarter em
//! as `TYPOGRAPHY.md` asks, and a line may break at it as at any Han character.
//! It owns the rule only; `inline` and `xhtml` apply it.

use crate::interview::clean::is_han;

/// The character set between Han and Latin.
pub const GAP: char = ' ';

/// A letter of the Latin script or a Western digit: what the gap separates from Han.
fn latin(c: char) -> bool {
    c.is_ascii_alphanumeric() || (c.is_alphabetic() && (c as u32) < 0x0250)
}

/// Whether a gap goes between `a` and `b`.
fn needs_gap(a: char, b: char) -> bool {
    is_han(a) && latin(b) || latin(a) && is_han(b)
}

/// `text` with the gap between each Han character and a Latin letter or digit beside it.
pub fn spaced(text: &str) -> String {
    spaced_with(text, &[]).0
}

/// [`spaced`], and `ranges` (`[start, end)` character ranges of `text`, e.g. the editor's
/// bold) moved to cover the same characters of the spaced text.
pub fn spaced_with(text: &str, ranges: &[[usize; 2]]) -> (String, Vec<[usize; 2]>) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    // at[i]: where char i of `text` lands in the output; at[len]: the output's length.
    let mut at = Vec::with_capacity(chars.len() + 1);
    let mut n = 0;
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 && needs_gap(chars[i - 1], c) {
            out.push(GAP);
            n += 1;
        }
        at.push(n);
        out.push(c);
        n += 1;
    }
    at.push(n);
    let moved = ranges
        .iter()
        .map(|&[a, b]| {
            let end = b.min(chars.len());
            let start = a.min(end);
            // An empty range stays empty; a gap just before `end` stays outside.
            let last = if end > start {
                at[end - 1] + 1
            } else {
                at[start]
            };
            [at[start], last]
        })
        .collect();
    (out, moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gap_goes_between_han_and_latin_only() {
        assert_eq!(spaced("把GPT-3扩大100倍"), "把 GPT-3 扩大 100 倍");
        assert_eq!(
            spaced("智谱 CEO 张鹏"),
            "智谱 CEO 张鹏",
            "typed gaps stay single"
        );
        assert_eq!(
            spaced("“AI”，说GPT。"),
            "“AI”，说 GPT。",
            "none beside punctuation"
        );
        assert_eq!(spaced("Café里的naïve"), "Café 里的 naïve");
        assert_eq!(spaced("no Han here"), "no Han here");
        assert_eq!(
            spaced(&spaced("用AI做事")),
            "用 AI 做事",
            "spacing twice is spacing once"
        );
    }

    #[test]
    fn ranges_follow_their_characters() {
        let (text, moved) = spaced_with("用AI做事很好", &[[1, 3], [3, 4], [5, 5]]);
        assert_eq!(text, "用 AI 做事很好");
        let chars: Vec<char> = text.chars().collect();
        let pick = |[a, b]: [usize; 2]| chars[a..b].iter().collect::<String>();
        assert_eq!(pick(moved[0]), "AI");
        assert_eq!(pick(moved[1]), "做");
        assert_eq!(pick(moved[2]), "");
    }
}
