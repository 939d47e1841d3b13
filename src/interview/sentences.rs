//! Sentences of a paragraph: where a sentence ends in Chinese and Latin text (after 。！？!?
//! or ……, closing quotes and brackets kept with it). Addresses (`S.P.N`), candidates and the
//! standalone rules count sentences this way.

/// Split a paragraph into sentences: a sentence ends after 。！？!? or …… (with any closing
/// quotes or brackets that follow). Sentence N of paragraph `S.P` has address `S.P.N`.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = matches!(c, '。' | '！' | '？' | '!' | '?')
            || (c == '…' && chars.peek().is_some_and(|&(_, n)| n != '…'))
            || (c == '…' && chars.peek().is_none());
        if !ends {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, n)) = chars.peek() {
            if matches!(
                n,
                '”' | '’' | '）' | ')' | '》' | '」' | '』' | '！' | '？' | '!' | '?' | '。'
            ) {
                end = j + n.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let s = text[start..end].trim();
        if !s.is_empty() {
            out.push(s);
        }
        start = end;
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_after_stops_and_keep_closing_quotes() {
        let s = sentences("他说“AGI的先行者。”我们都笑了。对吗？好……走吧");
        assert_eq!(
            s,
            vec![
                "他说“AGI的先行者。”",
                "我们都笑了。",
                "对吗？",
                "好……",
                "走吧"
            ]
        );
    }

    #[test]
    fn sentences_rejoin_to_the_paragraph() {
        let text = "确实这里面有好多原因。实现AGI不简单——是一个马拉松,一个长跑。你一定要坚持下去。";
        assert_eq!(sentences(text).concat(), text);
    }
}
