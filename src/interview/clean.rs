//! Typographic cleaning: ASCII punctuation that touches Chinese text becomes full-width
//! (`TYPOGRAPHY.md` §0). Latin runs (`AI 1.0`, `P2P`, `straight forward`) keep theirs.
//! It owns the punctuation mapping only; errata and structure live elsewhere.

/// True for Han ideographs (CJK Unified Ideographs, extensions A–H, compatibility).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F | 0x31350..=0x323AF)
}

/// True for characters that make a Chinese context: Han, CJK punctuation, full-width forms,
/// and the curly quotes and marks Chinese text uses (“”‘’——……).
pub fn is_cjk_context(c: char) -> bool {
    is_han(c)
        || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

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
    use super::punctuation;

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
