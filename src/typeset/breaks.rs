//! Break opportunities: UAX #14 (`unicode-linebreak`) tailored for Simplified Chinese — quotes
//! as openers/closers next to Han, the strict 禁则 lists, dashes, ellipses and numbers with their
//! units kept whole. Says where a line may break, not where it does.

use super::chars::{Kind, is_prohibited_end, is_prohibited_start};
use unicode_linebreak::{BreakOpportunity, linebreaks};

/// How a line may end before a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Brk {
    /// No break here.
    None,
    /// A break is allowed.
    Allowed,
    /// A break is required (after a newline).
    Mandatory,
}

/// `result[i]` says whether a line may break before character `i` (`i` in `1..n`; entries 0
/// and n are `None`: the paragraph edges are not breaks).
pub(crate) fn opportunities(text: &str, chars: &[char], kinds: &[Kind]) -> Vec<Brk> {
    let n = chars.len();
    let mut out = vec![Brk::None; n + 1];
    if n == 0 {
        return out;
    }
    // Proxy: Chinese curly quotes become full-width brackets of equal byte length, so UAX #14
    // treats them as OP/CL instead of QU (which glues both sides).
    let proxy: String = chars
        .iter()
        .zip(kinds)
        .map(|(&c, &k)| match (c, k) {
            ('“' | '‘', Kind::Open) => '（',
            ('”' | '’', Kind::Close) => '）',
            _ => c,
        })
        .collect();
    debug_assert_eq!(proxy.len(), text.len());
    let mut char_at = vec![usize::MAX; proxy.len() + 1];
    for (ci, (bi, _)) in proxy.char_indices().enumerate() {
        char_at[bi] = ci;
    }
    for (bi, opp) in linebreaks(&proxy) {
        let ci = char_at.get(bi).copied().unwrap_or(usize::MAX);
        if ci == 0 || ci >= n {
            continue;
        }
        out[ci] = match opp {
            BreakOpportunity::Mandatory => Brk::Mandatory,
            BreakOpportunity::Allowed if tailored_allows(chars, kinds, ci) => Brk::Allowed,
            BreakOpportunity::Allowed => Brk::None,
        };
    }
    out
}

/// The Chinese tailoring of an allowed UAX #14 break before `chars[i]`.
fn tailored_allows(chars: &[char], kinds: &[Kind], i: usize) -> bool {
    let c = chars[i];
    // The last visible character before the break (trailing spaces are invisible).
    let Some(p) = (0..i).rev().find(|&j| !kinds[j].is_blank()) else {
        return true;
    };
    let pc = chars[p];
    let apostrophe = kinds[i] == Kind::Latin;
    if (is_prohibited_start(c) && !apostrophe) || is_prohibited_end(pc) {
        return false;
    }
    let digit_before = pc.is_ascii_digit() || ('０'..='９').contains(&pc);
    // A number with its unit: `100元`, `2024年`, `20 km`.
    if digit_before && (kinds[i] == Kind::Han || (p + 1 < i && kinds[i] == Kind::Latin)) {
        return false;
    }
    // Dash and ellipsis pairs (also covered by the strict list above).
    !(kinds[p] == kinds[i] && matches!(kinds[i], Kind::Dash | Kind::Ellipsis) && p + 1 == i)
}

/// Byte offsets in `text` where the typesetter may break a line (the tailored opportunities,
/// mandatory ones included), for tests and diagnostics.
pub fn break_opportunities(text: &str) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    let kinds = super::chars::classify(&chars);
    let brk = opportunities(text, &chars, &kinds);
    text.char_indices()
        .enumerate()
        .filter(|&(ci, _)| brk[ci] != Brk::None)
        .map(|(_, (bi, _))| bi)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text split at every opportunity.
    fn pieces(text: &str) -> Vec<&str> {
        let mut cuts = break_opportunities(text);
        cuts.insert(0, 0);
        cuts.push(text.len());
        cuts.windows(2).map(|w| &text[w[0]..w[1]]).collect()
    }

    #[test]
    fn quotes_open_and_close_next_to_han() {
        let p = pieces("他说“AGI的先行者。”我们");
        assert!(p.contains(&"说"), "{p:?}");
        assert!(p.contains(&"“AGI"), "{p:?}");
        assert!(p.contains(&"者。”"), "{p:?}");
        assert!(p.contains(&"我"), "{p:?}");
    }

    #[test]
    fn dashes_ellipses_and_units_stay_whole() {
        let p = pieces("这是——我认为——很重要的……事情……");
        assert!(p.contains(&"是——") && p.contains(&"为——"), "{p:?}");
        assert!(p.contains(&"的……") && p.contains(&"情……"), "{p:?}");
        let p = pieces("价格是100元,增长了3.5%,约20 km,即2024年的￥1,000。");
        for unit in ["100元,", "3.5%,", "20 km,", "2024年", "￥1,000。"] {
            assert!(p.contains(&unit), "{unit} in {p:?}");
        }
    }

    #[test]
    fn latin_words_are_never_split() {
        let p = pieces("GPT-4o和iPhone 15 Pro都在2024年发布。I’m fine,他说don’t worry。");
        for word in [
            "GPT-4o", "iPhone ", "15 Pro", "I’m ", "fine,", "don’t ", "worry。",
        ] {
            assert!(p.contains(&word), "{word} in {p:?}");
        }
    }

    #[test]
    fn newlines_are_mandatory() {
        let text = "一二\n三四";
        let chars: Vec<char> = text.chars().collect();
        let kinds = super::super::chars::classify(&chars);
        let brk = opportunities(text, &chars, &kinds);
        assert_eq!(brk[3], Brk::Mandatory);
        assert_eq!(brk[1], Brk::Allowed);
    }
}
