//! Vertical presentation forms (竖排): which character a vertical column draws for a
//! horizontal one — stops and pauses as U+FE10–FE19 (ink in the upper right of the cell),
//! brackets as U+FE35–FE48, Chinese quotes as corner brackets (“”‘’ → ﹁﹂﹃﹄, the vertical
//! forms of 「」『』) unless the quotes are kept. By code point: `TYPOGRAPHY.md` §4 measured
//! that this gives the same glyphs as GSUB `vert` in the bundled fonts. Positions nothing.

/// The vertical presentation form of `c`, if it has one. `keep_quotes`: “”‘’ have none (they
/// are drawn rotated); otherwise they become the vertical corner brackets.
pub fn vertical_form(c: char, keep_quotes: bool) -> Option<char> {
    Some(match c {
        '，' => '\u{FE10}',
        '、' => '\u{FE11}',
        '。' => '\u{FE12}',
        '：' => '\u{FE13}',
        '；' => '\u{FE14}',
        '！' => '\u{FE15}',
        '？' => '\u{FE16}',
        '〖' => '\u{FE17}',
        '〗' => '\u{FE18}',
        '…' | '⋯' => '\u{FE19}',
        '‥' => '\u{FE30}',
        '–' => '\u{FE32}',
        '（' => '\u{FE35}',
        '）' => '\u{FE36}',
        '｛' => '\u{FE37}',
        '｝' => '\u{FE38}',
        '〔' => '\u{FE39}',
        '〕' => '\u{FE3A}',
        '【' => '\u{FE3B}',
        '】' => '\u{FE3C}',
        '《' => '\u{FE3D}',
        '》' => '\u{FE3E}',
        '〈' => '\u{FE3F}',
        '〉' => '\u{FE40}',
        '「' => '\u{FE41}',
        '」' => '\u{FE42}',
        '『' => '\u{FE43}',
        '』' => '\u{FE44}',
        '［' => '\u{FE47}',
        '］' => '\u{FE48}',
        '“' if !keep_quotes => '\u{FE41}',
        '”' if !keep_quotes => '\u{FE42}',
        '‘' if !keep_quotes => '\u{FE43}',
        '’' if !keep_quotes => '\u{FE44}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_brackets_and_quotes_have_vertical_forms() {
        let mapped: String = "，。、：；！？（）《》【】「」『』…"
            .chars()
            .map(|c| vertical_form(c, false).unwrap())
            .collect();
        assert_eq!(mapped, "︐︒︑︓︔︕︖︵︶︽︾︻︼﹁﹂﹃﹄︙");
        // Quotes become corner brackets by default, and keep no form when kept.
        assert_eq!(vertical_form('“', false), vertical_form('「', false));
        assert_eq!(vertical_form('’', false), vertical_form('』', false));
        assert_eq!(vertical_form('“', true), None);
        assert_eq!(vertical_form('中', false), None);
        assert_eq!(vertical_form('A', false), None);
    }
}
