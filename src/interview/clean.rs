//! Typographic cleaning (`TYPOGRAPHY.md` §0): ASCII punctuation that touches Chinese text
//! becomes full-width, straight quotes in Chinese become “…”, `--`/`------` between Chinese
//! becomes ——, zero-width characters and full-width spaces go, and typed spaces between
//! Chinese and Latin go (the layout sets its own ¼-em gap; the book's CSS its own). Latin runs
//! (`AI 1.0`, `P2P`, `straight forward`) keep theirs. It owns these rules only; errata and
//! structure live elsewhere. Every rule works on `Marked` text so bold survives it.

use super::marked::Marked;

/// The whole cleaning of a plain string (what quotes given by the user go through too).
pub fn text(s: &str) -> String {
    marked(&Marked::plain(s)).text()
}

/// The whole cleaning, keeping each character's bold mark.
pub fn marked(m: &Marked) -> Marked {
    let m = invisible(m);
    let m = dashes(&m);
    let m = ellipses(&m);
    let m = straight_quotes(&m);
    let converted = punctuation(&m.text());
    let m = Marked::from_pairs(converted.chars().zip(m.bold.iter().copied()));
    spaces(&m)
}

/// Zero-width characters and BOMs removed — except a zero-width joiner inside an emoji
/// sequence (`👩‍💻`, `🏳️‍🌈`), which is part of the one picture; no-break spaces and tabs
/// become spaces; full-width spaces (typed indentation) removed; control characters (C0, DEL,
/// C1 — terminal escapes pasted with a text) removed, so no output (terminal, XML, PNG text)
/// ever carries one.
fn invisible(m: &Marked) -> Marked {
    let cs = &m.chars;
    Marked::from_pairs(m.pairs().enumerate().filter_map(|(i, (c, b))| match c {
        '\u{200D}'
            if i > 0 && is_emoji_part(cs[i - 1]) && cs.get(i + 1).is_some_and(|&n| is_emoji(n)) =>
        {
            Some((c, b))
        }
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{3000}' => None,
        '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\t' => Some((' ', b)),
        c if c.is_control() && c != '\n' => None,
        _ => Some((c, b)),
    }))
}

/// A pictograph a zero-width joiner may join (the blocks of emoji and symbols).
fn is_emoji(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}' | '\u{2190}'..='\u{21FF}')
}

/// What may stand before a joiner in an emoji sequence: a pictograph, the emoji variation
/// selector or a skin-tone modifier (those are in the pictographs' block).
fn is_emoji_part(c: char) -> bool {
    is_emoji(c) || c == '\u{FE0F}'
}

/// `--` or `---` (spaces around allowed) with Chinese on a side, and any run of four or more
/// `-` inside a line, become ——.
fn dashes(m: &Marked) -> Marked {
    let cs = &m.chars;
    let mut out = Vec::with_capacity(cs.len());
    let mut i = 0;
    while i < cs.len() {
        if cs[i] == '-' && cs.get(i + 1) == Some(&'-') {
            let mut j = i;
            while j < cs.len() && cs[j] == '-' {
                j += 1;
            }
            let before = cs[..i].iter().rev().find(|c| **c != ' ').copied();
            let after = cs[j..].iter().find(|c| **c != ' ').copied();
            let long = j - i >= 4 && before.is_some() && after.is_some();
            if long || before.is_some_and(is_cjk_context) || after.is_some_and(is_cjk_context) {
                while out.last().is_some_and(|&(c, _)| c == ' ') {
                    out.pop();
                }
                let b = m.bold[i];
                out.push(('—', b));
                out.push(('—', b));
                while j < cs.len() && cs[j] == ' ' {
                    j += 1;
                }
                i = j;
                continue;
            }
        }
        out.push((cs[i], m.bold[i]));
        i += 1;
    }
    Marked::from_pairs(out)
}

/// A run of three or more `.`, `。` or `．` with Chinese on a side (or alone in the text)
/// becomes ……, the Chinese ellipsis (`好......走吧`, `。。。`); `1...3` and `etc...` stay.
fn ellipses(m: &Marked) -> Marked {
    let cs = &m.chars;
    let dot = |c: char| matches!(c, '.' | '。' | '．');
    let mut out = Vec::with_capacity(cs.len());
    let mut i = 0;
    while i < cs.len() {
        let mut j = i;
        while j < cs.len() && dot(cs[j]) {
            j += 1;
        }
        if j - i >= 3 {
            let before = cs[..i].iter().rev().find(|c| **c != ' ').copied();
            let after = cs[j..].iter().find(|c| **c != ' ').copied();
            let chinese = |c: Option<char>| c.is_some_and(is_cjk_context);
            let ascii_only = cs[i..j].iter().all(|&c| c == '.');
            let alone = before.is_none() && after.is_none();
            if chinese(before) || chinese(after) || alone || !ascii_only {
                let b = m.bold[i];
                out.extend([('…', b), ('…', b)]);
                i = j;
                continue;
            }
        }
        let end = j.max(i + 1);
        out.extend((i..end).map(|k| (cs[k], m.bold[k])));
        i = end;
    }
    Marked::from_pairs(out)
}

/// Straight double quotes in pairs; a pair with Chinese inside or beside it becomes “…”.
fn straight_quotes(m: &Marked) -> Marked {
    let at: Vec<usize> = (0..m.len()).filter(|&i| m.chars[i] == '"').collect();
    let mut out = m.clone();
    for pair in at.chunks(2) {
        let [open, close] = *pair else { break };
        let around = out.chars[open.saturating_sub(1)..(close + 2).min(out.len())]
            .iter()
            .any(|&c| is_han(c) || is_cjk_context(c) && c != '"');
        if around {
            out.chars[open] = '“';
            out.chars[close] = '”';
        }
    }
    out
}

/// Spaces: runs become one; spaces touching CJK punctuation or quotes, and spaces between
/// Chinese and Latin, go; the ends are trimmed.
fn spaces(m: &Marked) -> Marked {
    let cs = &m.chars;
    let mut out: Vec<(char, bool)> = Vec::with_capacity(cs.len());
    for i in 0..cs.len() {
        let c = cs[i];
        if c != ' ' && c != '\t' {
            out.push((c, m.bold[i]));
            continue;
        }
        let prev = out.last().map(|&(p, _)| p);
        let next = cs[i + 1..]
            .iter()
            .find(|c| **c != ' ' && **c != '\t')
            .copied();
        let (Some(p), Some(n)) = (prev, next) else {
            continue;
        };
        if p == ' ' {
            continue;
        }
        let cjk_punct = |c: char| is_cjk_context(c) && !is_han(c);
        let han_latin = |a: char, b: char| is_han(a) && b.is_ascii_alphanumeric();
        if cjk_punct(p)
            || cjk_punct(n)
            || han_latin(p, n)
            || han_latin(n, p)
            || is_han(p) && is_han(n)
        {
            continue;
        }
        out.push((' ', m.bold[i]));
    }
    Marked::from_pairs(out)
}

pub use crate::script::{is_cjk_context, is_han};

fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ':' => '：',
        '?' => '？',
        ';' => '；',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// Convert ASCII `, : ? ; ! ( )` to full-width where they touch a Chinese character.
/// A bracket pair converts as a pair: if either bracket touches Chinese, both convert.
pub fn punctuation(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let touches = |i: usize| {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        before.is_some_and(is_cjk_context) || after.is_some_and(is_cjk_context)
    };
    let mut convert: Vec<bool> = (0..chars.len())
        .map(|i| full_width(chars[i]).is_some() && touches(i))
        .collect();
    // Pair the brackets: a pair converts together.
    let mut open: Vec<usize> = Vec::new();
    for i in 0..chars.len() {
        match chars[i] {
            '(' => open.push(i),
            ')' => {
                if let Some(o) = open.pop() {
                    let either = convert[o] || convert[i];
                    convert[o] = either;
                    convert[i] = either;
                }
            }
            _ => {}
        }
    }
    chars
        .iter()
        .zip(convert)
        .map(|(&c, conv)| if conv { full_width(c).unwrap_or(c) } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{punctuation, text};

    #[test]
    fn dot_runs_beside_chinese_become_the_chinese_ellipsis() {
        assert_eq!(text("好......走吧"), "好……走吧");
        assert_eq!(text("好。。。"), "好……");
        assert_eq!(text("......"), "……");
        assert_eq!(text("谈到 GPT... 他说"), "谈到GPT……他说");
        assert_eq!(text("1...3 and etc... ok"), "1...3 and etc... ok");
        assert_eq!(text("两点..好"), "两点..好");
    }

    #[test]
    fn export_debris_is_cleaned() {
        assert_eq!(text("焦点------苹果公司"), "焦点——苹果公司");
        assert_eq!(text("现在 -- 其实"), "现在——其实");
        assert_eq!(text("a--b"), "a--b");
        assert_eq!(text("AI------Life-long"), "AI——Life-long");
        assert_eq!(text("他说\"好的\"，然后"), "他说“好的”，然后");
        assert_eq!(text("say \"hi\" now"), "say \"hi\" now");
        assert_eq!(
            text("\u{3000}\u{3000}智谱 CEO 张鹏\u{200B}说： 好"),
            "智谱CEO张鹏说：好"
        );
        assert_eq!(text("研究， 做完"), "研究，做完");
        assert_eq!(text("AI 1.0 的  时代"), "AI 1.0的时代");
        assert_eq!(text("说 “好”"), "说“好”");
        assert_eq!(text("慢\u{1b}]0;X\u{7}就是\u{9b}快\u{7f}"), "慢]0;X就是快");
        assert_eq!(text("慢\t快\n"), "慢快\n");
    }

    #[test]
    fn a_joiner_inside_an_emoji_sequence_stays() {
        // 👩‍💻 (woman, ZWJ, laptop), 🏳️‍🌈 (flag, VS16, ZWJ, rainbow), 👨🏽‍🚀 (skin tone).
        for seq in [
            "\u{1F469}\u{200D}\u{1F4BB}",
            "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}",
            "\u{1F468}\u{1F3FD}\u{200D}\u{1F680}",
        ] {
            assert_eq!(
                text(&format!("程序员{seq}很多。")),
                format!("程序员{seq}很多。")
            );
        }
        // Between letters, or at an emoji's edge with text, it goes.
        assert_eq!(text("智\u{200D}谱"), "智谱");
        assert_eq!(text("\u{1F469}\u{200D}好"), "\u{1F469}好");
    }

    #[test]
    fn converts_marks_between_han() {
        assert_eq!(
            punctuation("我想了想,智谱有可能?对;好!"),
            "我想了想，智谱有可能？对；好！"
        );
        assert_eq!(punctuation("说:这个"), "说：这个");
    }

    #[test]
    fn converts_marks_touching_han_on_one_side() {
        assert_eq!(punctuation("定义Bubble?什么"), "定义Bubble？什么");
        assert_eq!(punctuation("能救AI吗?"), "能救AI吗？");
        assert_eq!(
            punctuation("Paper to Project,或者"),
            "Paper to Project，或者"
        );
    }

    #[test]
    fn brackets_convert_as_a_pair() {
        assert_eq!(
            punctuation("straight forward(直截了当)的逻辑"),
            "straight forward（直截了当）的逻辑"
        );
        assert_eq!(punctuation("看(ChatGPT)吧"), "看（ChatGPT）吧");
        assert_eq!(punctuation("(王)小川"), "（王）小川");
    }

    #[test]
    fn latin_runs_keep_ascii() {
        for s in [
            "AI 1.0",
            "2025 年",
            "straight forward",
            "P2P——Paper to Project",
            "f(x), g(y): ok?",
        ] {
            assert_eq!(punctuation(s), s);
        }
        assert_eq!(punctuation("1,000元"), "1,000元");
        assert_eq!(punctuation("18:20:20"), "18:20:20");
    }

    #[test]
    fn marks_next_to_chinese_punctuation_convert() {
        assert_eq!(punctuation("”,“"), "”，“");
        assert_eq!(punctuation("说,“好”"), "说，“好”");
    }
}
