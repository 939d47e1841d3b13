//! Emoji sequences as one character each. A ZWJ sequence (👨‍👩‍👧), a skin tone (👍🏻), a flag
//! (🇨🇳) or a keycap is one picture made of several code points; the bundled emoji face
//! (`fonts/JinjuEmoji-Regular.ttf`) draws each as one glyph, which `fonts/emoji.py` gave a
//! Plane 15 private-use code point listed in `fonts/emoji/sequences.txt`. Before a card's
//! texts are typeset they are *folded*: each sequence becomes its one character (longest
//! match first), and the variation selectors U+FE0E/U+FE0F, which draw nothing, are dropped.
//! The typesetter then sees one unbreakable ideograph-like character per emoji, and the font
//! chain maps it to the ligature glyph like any other character. `unfold` gives the original
//! text back for the manifest.
//!
//! Why a hand-written matcher and not shaping with rustybuzz: jinju lays out every character
//! itself (clreq rules, phrasing, punctuation compression), one advance per `char`; the only
//! shaping its faces need is the emoji face's ligatures, which are 2,309 fixed sequences — a
//! table lookup, with no new dependency and no second layout model.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Code point → the sequence it stands for (`fonts/emoji.py` writes it).
const TABLE: &str = jinju_fonts_extra::SEQUENCES;

/// Variation selectors: text or emoji presentation, nothing to draw.
fn is_selector(c: char) -> bool {
    matches!(c, '\u{FE0E}' | '\u{FE0F}')
}

struct Sequences {
    /// First character → (rest of the sequence without selectors, its character), longest
    /// first.
    by_first: HashMap<char, Vec<(Vec<char>, char)>>,
    /// Folded character → the sequence as the font lists it.
    by_char: HashMap<char, String>,
}

fn sequences() -> &'static Sequences {
    static SEQUENCES: OnceLock<Sequences> = OnceLock::new();
    SEQUENCES.get_or_init(|| {
        let mut by_first: HashMap<char, Vec<(Vec<char>, char)>> = HashMap::new();
        let mut by_char = HashMap::new();
        let hex = |s: &str| u32::from_str_radix(s, 16).ok().and_then(char::from_u32);
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let Some((code, seq)) = line.split_once('\t') else {
                continue;
            };
            let (Some(folded), Some(seq)) = (
                hex(code),
                seq.split(' ').map(hex).collect::<Option<Vec<char>>>(),
            ) else {
                continue;
            };
            let key: Vec<char> = seq.iter().copied().filter(|&c| !is_selector(c)).collect();
            by_char.insert(folded, seq.iter().collect());
            if let Some((&first, rest)) = key.split_first() {
                by_first
                    .entry(first)
                    .or_default()
                    .push((rest.to_vec(), folded));
            }
        }
        for list in by_first.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        }
        Sequences { by_first, by_char }
    })
}

/// Could `c` start an emoji sequence or be a selector (the cheap test before any lookup)?
/// Sequences start with a keycap base (`#`, `*`, a digit), a dingbat (U+2600–27BF: ☝ ⛹ ✊ ❤)
/// or a character of the supplementary planes (people, flags); Han text never folds.
fn may_fold(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '#' | '*' | '\u{FE0E}' | '\u{FE0F}' | '\u{2600}'..='\u{27BF}'
        )
        || u32::from(c) >= 0x1F000
}

/// `text` with every emoji sequence as its one character and the variation selectors gone.
pub fn fold(text: &str) -> Cow<'_, str> {
    if !text.chars().any(may_fold) {
        return Cow::Borrowed(text);
    }
    let table = sequences();
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if is_selector(c) {
            continue;
        }
        let found = table.by_first.get(&c).and_then(|list| {
            list.iter()
                .find_map(|(rest, folded)| matches_at(&chars, i, rest).map(|end| (end, *folded)))
        });
        match found {
            Some((end, folded)) => {
                out.push(folded);
                i = end;
            }
            None => out.push(c),
        }
    }
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// Where `rest` ends if it follows at `chars[at..]` (selectors in the text skipped).
fn matches_at(chars: &[char], mut at: usize, rest: &[char]) -> Option<usize> {
    for &want in rest {
        while chars.get(at).is_some_and(|&c| is_selector(c)) {
            at += 1;
        }
        (chars.get(at) == Some(&want)).then_some(())?;
        at += 1;
    }
    Some(at)
}

/// Could `c` be a folded sequence: a character of Plane 15's private use area, where
/// `fonts/emoji.py` numbers them (the cheap test before the table is built).
fn may_unfold(c: char) -> bool {
    ('\u{F0000}'..='\u{FFFFD}').contains(&c)
}

/// `text` with each folded character back as its sequence.
pub fn unfold(text: &str) -> String {
    if !text.chars().any(may_unfold) {
        return text.to_string();
    }
    let table = sequences();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match table.by_char.get(&c) {
            Some(seq) => out.push_str(seq),
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequences_fold_to_one_character_each() {
        for seq in ["👍🏻", "🇨🇳", "👨‍👩‍👧", "❤️‍🔥", "1️⃣"] {
            let folded = fold(seq);
            assert_eq!(folded.chars().count(), 1, "{seq}: {folded:?}");
            assert_eq!(unfold(&folded), seq);
        }
        // A single emoji stays itself; its presentation selector goes.
        assert_eq!(fold("😀"), "😀");
        assert_eq!(fold("❤️"), "❤");
        // A flag pair, then a lone regional indicator left as it is.
        assert_eq!(fold("🇨🇳🇺").chars().count(), 2);
    }

    /// Every folded character is one `unfold` looks up: none is passed over by its quick test.
    #[test]
    fn every_folded_character_is_in_the_range_unfold_looks_at() {
        let table = sequences();
        assert!(table.by_char.len() > 2000, "{}", table.by_char.len());
        for (&c, seq) in &table.by_char {
            assert!(may_unfold(c), "U+{:X}", u32::from(c));
            assert_eq!(unfold(&c.to_string()), *seq);
        }
        assert_eq!(unfold("全球大模型第一股"), "全球大模型第一股");
    }

    #[test]
    fn text_without_emoji_is_not_copied() {
        assert!(matches!(fold("我们在2024年发布了V2"), Cow::Borrowed(_)));
        assert!(matches!(fold("——“引号”"), Cow::Borrowed(_)));
        assert!(
            !"我们在2024年发布了V2"
                .chars()
                .any(|c| may_fold(c) && !c.is_ascii_digit())
        );
        assert_eq!(fold("第1名"), "第1名");
    }

    #[test]
    fn a_family_is_matched_before_its_first_person() {
        let folded = fold("一家人👨‍👩‍👧来了");
        assert_eq!(folded.chars().count(), 6, "{folded}");
        assert_eq!(unfold(&folded), "一家人👨‍👩‍👧来了");
        // Without its selector the sequence is still found.
        assert_eq!(fold("❤\u{200D}🔥"), fold("❤️‍🔥"));
    }
}
