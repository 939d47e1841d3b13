//! The words of a cue: who a `Name:` prefix names (and whether that is a name at all),
//! anonymous speaker labels (`说话人 1`, `Speaker 2`, `SPEAKER_00`), and the styling tags
//! and entities subtitle files put around words.

use regex::Regex;
use std::sync::LazyLock;

static ANONYMOUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(说话人|发言人|讲话人|参会人|与会者|(?i:speaker|spk))[ _]?(\d{1,3}|[A-Z])$")
        .expect("static regex")
});

/// A label that numbers a voice instead of naming a person: `说话人 1`, `发言人2`,
/// `Speaker 3`, `Speaker A`, `SPEAKER_00`. Such a label says who speaks but is no name to
/// print.
pub fn is_anonymous_speaker(label: &str) -> bool {
    ANONYMOUS.is_match(label.trim())
}

/// `label` trimmed and its spaces collapsed, if it has a speaker label's shape: at most 24
/// characters, no sentence punctuation, at most four words; `[SPEAKER_00]` and `(张三)`
/// lose their brackets.
pub fn speaker_name(label: &str) -> Option<String> {
    let t = label.trim();
    let t = match (t.chars().next(), t.chars().last()) {
        (Some('[' | '【' | '(' | '（'), Some(']' | '】' | ')' | '）')) if t.chars().count() > 2 =>
        {
            let mut it = t.chars();
            it.next();
            it.next_back();
            it.as_str().trim()
        }
        _ => t,
    };
    let name = t.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = name.chars().count();
    let shaped = (1..=24).contains(&n)
        && name.split(' ').count() <= 4
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.' | '·' | '•' | '\''));
    shaped.then_some(name)
}

/// A cue's `Name：` / `Name:` prefix: the name and the words after it.
pub fn split_prefix(text: &str) -> Option<(String, &str)> {
    let (i, colon) = text
        .char_indices()
        .take(26)
        .find(|&(_, c)| c == ':' || c == '：')?;
    let name = speaker_name(&text[..i])?;
    Some((name, text[i + colon.len_utf8()..].trim_start()))
}

/// The text without styling tags (`<i>`, `<c.yellow>`, `<00:00:01.000>`, `{\an8}`) and with
/// the entities subtitle files use decoded.
pub fn plain_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['<', '{']) {
        out.push_str(&rest[..i]);
        let close = if rest[i..].starts_with('<') { '>' } else { '}' };
        let tagged = rest[i + 1..]
            .find(close)
            .filter(|&j| close == '>' || rest[i + 1..].starts_with('\\') && j < 40);
        match tagged {
            Some(j) => rest = &rest[i + 1 + j + 1..],
            None => {
                out.push_str(&rest[i..i + 1]);
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&lrm;", "")
        .replace("&rlm;", "")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anonymous_labels() {
        for l in [
            "说话人 1",
            "说话人1",
            "发言人 2",
            "Speaker 3",
            "Speaker A",
            "SPEAKER_00",
            "spk2",
        ] {
            assert!(is_anonymous_speaker(l), "{l}");
        }
        for l in ["张三", "Speaker", "说话人", "Lex Fridman", "说话人 1 张三"] {
            assert!(!is_anonymous_speaker(l), "{l}");
        }
    }

    #[test]
    fn prefixes_name_speakers_not_sentences() {
        assert_eq!(split_prefix("张三：你好"), Some(("张三".into(), "你好")));
        assert_eq!(
            split_prefix("[SPEAKER_01]: hi"),
            Some(("SPEAKER_01".into(), "hi"))
        );
        assert_eq!(split_prefix("我觉得，这件事：不好"), None);
        assert_eq!(split_prefix("12:30 开会"), None);
        assert_eq!(split_prefix("没有冒号"), None);
    }

    #[test]
    fn tags_and_entities_go() {
        assert_eq!(plain_words("<i>我</i>说<c.yellow>好</c>"), "我说好");
        assert_eq!(
            plain_words("{\\an8}上方 a &amp; b &lt;c&gt;"),
            "上方 a & b <c>"
        );
        assert_eq!(plain_words("1 < 2 {x}"), "1 < 2 {x}");
    }
}
