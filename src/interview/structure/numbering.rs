//! Section numbers in every form an article prints them: `01`, `1.`, `01、`, `一、`,
//! `第一部分`, `第3章`, `Part 1`, `PART 01`, `#01`, `# 09`, `No.3` — alone on a line or before the title on the same
//! line. The number is the section's (kept as a number); the rest is its title.

use regex::Regex;
use std::sync::LazyLock;

pub(super) static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:",
        r"(?:[#＃]\s*|(?i:no)\.\s*)?(?P<digits>\d{1,2})(?:\s*[.、．|丨:：]\s*|\s+|$)",
        r"|(?P<han>[一二三四五六七八九十]{1,3})\s*[、．.:：]\s*",
        r"|第\s*(?P<ordinal>[一二三四五六七八九十]{1,3}|\d{1,2})\s*(?:部分|章|节|節|部|篇|回|幕|讲|講)?(?:\s*[、．.:：|丨]\s*|\s+|$)",
        r"|(?i:part|chapter)\s*(?P<part>\d{1,2})(?:\s*[.:：|丨]\s*|\s+|$)",
        r")"
    ))
    .expect("static regex")
});

/// A Chinese numeral from 1 to 99 (`一`, `十`, `十二`, `二十三`).
fn han_number(s: &str) -> Option<u32> {
    let d = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    let cs: Vec<char> = s.chars().collect();
    match cs.as_slice() {
        [a] if *a == '十' => Some(10),
        [a] => d(*a),
        ['十', b] => Some(10 + d(*b)?),
        [a, '十'] => Some(d(*a)? * 10),
        [a, '十', b] => Some(d(*a)? * 10 + d(*b)?),
        _ => None,
    }
}

/// The number a line opens with and the rest of the line (empty for a number alone).
pub fn leading(text: &str) -> Option<(u32, String)> {
    let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    let c = NUMBER.captures(t)?;
    let n = if let Some(m) = c.name("digits").or(c.name("part")) {
        m.as_str().parse().ok()?
    } else {
        let m = c.name("han").or(c.name("ordinal"))?;
        m.as_str().parse().ok().or_else(|| han_number(m.as_str()))?
    };
    let rest = t[c.get(0)?.end()..].trim().to_string();
    (n > 0).then_some((n, rest))
}

/// A line that is a number and nothing else (`01`, `**01.**`, `第二部分`, `PART 02`).
pub fn alone(text: &str) -> Option<u32> {
    leading(text).and_then(|(n, rest)| rest.is_empty().then_some(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_every_form() {
        for (line, n) in [
            ("01", 1),
            ("01.", 1),
            ("05\u{a0}", 5),
            ("第二部分", 2),
            ("第十一章", 11),
            ("PART 03", 3),
            ("Part 1", 1),
            ("#01", 1),
            ("# 09", 9),
            ("No.3", 3),
        ] {
            assert_eq!(alone(line), Some(n), "{line}");
        }
        for (line, n, title) in [
            ("01 谈上市", 1, "谈上市"),
            ("1. 最初的决定", 1, "最初的决定"),
            ("一、耳朵是练出来的", 1, "耳朵是练出来的"),
            ("二十三、尾声", 23, "尾声"),
            ("第三部分：增长", 3, "增长"),
            ("Part 2: Growth", 2, "Growth"),
            ("03|开源", 3, "开源"),
        ] {
            assert_eq!(leading(line), Some((n, title.to_string())), "{line}");
        }
        for not in [
            "2025",
            "00",
            "2024年的计划",
            "一个人的战争",
            "18个月",
            "十分重要",
            "#MeToo",
            "No 2",
        ] {
            assert!(alone(not).is_none(), "{not}");
            assert!(
                leading(not).is_none_or(|(_, rest)| rest.is_empty()),
                "{not}"
            );
        }
    }
}
