//! Making user text safe to print: control characters (ESC, OSC, BEL, C1, bidi overrides
//! excepted) escaped as `\u{1b}` so a title or a quote can never drive the terminal, and
//! excerpts cut short. Everything jinju prints about user input goes through here.

/// `text` with every control character escaped (`\n` and `\t` too: one line out).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push(&mut out, c, false);
    }
    out
}

/// A message of several lines: control characters escaped except the line breaks.
pub fn escape_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push(&mut out, c, true);
    }
    out
}

/// At most `max` characters of `text`, escaped, with `…` when cut.
pub fn excerpt(text: &str, max: usize) -> String {
    let cut: String = text.chars().take(max).collect();
    let mut out = escape_lines(&cut);
    if text.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

/// True for a character that must not reach a terminal raw: C0, DEL, C1, and the Unicode
/// bidi controls that reorder what is shown.
pub fn is_unprintable(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
        )
}

/// JSON text with the characters serde_json leaves raw (DEL, C1, bidi controls) escaped as
/// `\uXXXX` too: the same string to a parser, and inert on a terminal. (Such characters occur
/// only inside JSON strings, where `\uXXXX` means them.)
pub fn json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unprintable(c) && !matches!(c, '\n' | '\t' | '\r') {
            let _ = std::fmt::Write::write_fmt(&mut out, format_args!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn push(out: &mut String, c: char, keep_newlines: bool) {
    if keep_newlines && c == '\n' {
        out.push(c);
    } else if is_unprintable(c) {
        out.extend(c.escape_unicode());
    } else {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_controls() {
        assert_eq!(escape("a\u{1b}]0;X\u{7}b"), "a\\u{1b}]0;X\\u{7}b");
        assert_eq!(escape("行\n"), "行\\u{a}");
        assert_eq!(escape_lines("a\nb\u{9b}"), "a\nb\\u{9b}");
        assert_eq!(escape("\u{202e}abc"), "\\u{202e}abc");
        assert_eq!(escape("金句 ok"), "金句 ok");
    }

    #[test]
    fn json_escapes_bidi_and_c1_and_stays_the_same_value() {
        let v = serde_json::json!({"t": "a\u{202e}b\u{85}c\u{7f}\u{200f}"});
        let shown = json(&serde_json::to_string_pretty(&v).unwrap());
        assert!(
            shown.chars().all(|c| !is_unprintable(c) || c == '\n'),
            "{shown}"
        );
        assert!(shown.contains("\\u202e"), "{shown}");
        let back: serde_json::Value = serde_json::from_str(&shown).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn excerpts_are_short() {
        assert_eq!(excerpt("一二三四五", 3), "一二三…");
        assert_eq!(excerpt("一二", 3), "一二");
    }
}
