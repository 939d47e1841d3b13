//! The markup of a vertical book (竖排): runs of one or two Western digits in the pages' text
//! wrapped in `<span class="tcy">` so that they stand upright in one cell (纵中横) in readers
//! that lack `text-combine-upright: digits 2` (Chromium, hence calibre and most Readium
//! readers, support only `all`). Which runs combine is `typeset::vertical`'s rule, the one
//! the vertical cards use. Only text in `<body>` is touched, never tags or entities.

use super::gap::GAP;
use crate::interview::clean::is_han;
use crate::typeset::vertical::{Orient, orientations};

/// The class of a combined digit run (the stylesheet sets it upright in one cell).
pub const TCY_CLASS: &str = "tcy";

/// `xhtml` with every combining digit run of its body's text in a `tcy` span.
pub fn combine_digits(xhtml: &str) -> String {
    let Some(body) = xhtml.find("<body") else {
        return xhtml.to_string();
    };
    let mut out = String::with_capacity(xhtml.len() + 256);
    out.push_str(&xhtml[..body]);
    let mut rest = &xhtml[body..];
    while let Some(open) = rest.find('<') {
        let (text, tail) = rest.split_at(open);
        out.push_str(&combine_text(text));
        let close = tail.find('>').map_or(tail.len(), |c| c + 1);
        out.push_str(&tail[..close]);
        rest = &tail[close..];
    }
    out.push_str(&combine_text(rest));
    out
}

/// One text node (escaped XML text; entities hold no digits a reader sees as such).
fn combine_text(text: &str) -> String {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    // The Han–Latin gap (`gap`) between Han and a digit: decided as if it were a Han
    // character (the rule looks at a run's neighbours), and dropped when the run is set
    // upright in one cell, which is a Han character's width already.
    let at = |k: usize| chars.get(k).copied();
    let digit_gap = |i: usize| {
        chars[i] == GAP
            && i > 0
            && (at(i - 1).is_some_and(is_han) && at(i + 1).is_some_and(|c| c.is_ascii_digit())
                || at(i - 1).is_some_and(|c| c.is_ascii_digit()) && at(i + 1).is_some_and(is_han))
    };
    // Entities (`&#12;`) are opaque: replaced by a letter while deciding.
    let mut masked = String::with_capacity(text.len());
    let mut in_entity = false;
    for (i, &c) in chars.iter().enumerate() {
        in_entity |= c == '&';
        masked.push(match () {
            _ if in_entity => 'x',
            _ if digit_gap(i) => '一',
            _ => c,
        });
        in_entity &= c != ';';
    }
    let orients = orientations(&masked, false);
    let combined = |k: usize| matches!(orients.get(k), Some(Orient::Combined { .. }));
    let mut out = String::with_capacity(text.len() + 64);
    for (i, (&c, o)) in chars.iter().zip(&orients).enumerate() {
        if digit_gap(i) && (combined(i - 1) || combined(i + 1)) {
            continue;
        }
        if let Orient::Combined { first: true, .. } = o {
            out.push_str("<span class=\"");
            out.push_str(TCY_CLASS);
            out.push_str("\">");
        }
        out.push(c);
        if let Orient::Combined { first, len } = *o
            && (len == 1 || !first)
        {
            out.push_str("</span>");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_digit_runs_in_the_body_are_combined() {
        let page = "<html><head><title>01 谈</title></head><body id=\"b1\">\
                    <h1>01 谈上市</h1><p>第3章有12个人，2022年，GPT-4和<span>AI</span>7年&#160;8</p></body></html>";
        let out = combine_digits(page);
        assert!(out.contains("<title>01 谈</title>"), "{out}");
        assert!(out.contains("<body id=\"b1\">"), "{out}");
        assert!(out.contains("第<span class=\"tcy\">3</span>章"), "{out}");
        assert!(out.contains("有<span class=\"tcy\">12</span>个"), "{out}");
        assert!(out.contains("，2022年"), "four digits turn: {out}");
        assert!(out.contains("GPT-4和"), "a digit in a word turns: {out}");
        assert!(out.contains("<span class=\"tcy\">7</span>年"), "{out}");
        assert!(out.contains("&#160;8<"), "entities stay whole: {out}");
        assert_eq!(combine_digits("<p>没有数字</p>"), "<p>没有数字</p>");
        let spaced = combine_digits("<body><p>第 3 章，有 12 个，2022 年，GPT-4 和</p></body>");
        assert!(
            spaced.contains("<p>第<span class=\"tcy\">3</span>章，有<span class=\"tcy\">12</span>个，2022 年，GPT-4 和</p>"),
            "no gap beside an upright cell, the others stay: {spaced}"
        );
    }
}
