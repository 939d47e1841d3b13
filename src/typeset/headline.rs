//! Where a headline breaks by its shape: a name, a colon, that person's words.

/// Where a headline of the commonest shape of an interview's title — a name, a colon, that
/// person's words (`陳美齡：我而家唔係做教育局長，亦唔會做教育局長`, `Sam Altman: …`) — breaks
/// when it takes more than one line: after the colon, so the name stands on its line and the
/// words on theirs and neither half is cut (a break after `陳美齡：我` splits the sentence's
/// subject from its verb). Returns the name with its colon, and the words. `None` for any
/// other shape: no colon among the first 12 characters, a clause before it (`，。！？；` — then
/// the colon is inside a sentence, not after a name), nothing after it, or a colon between
/// digits (`10:30`). The cards' pages and the book's title page break there.
pub fn headline_break(title: &str) -> Option<(&str, &str)> {
    let (i, colon) = title
        .char_indices()
        .take(13)
        .find(|&(_, c)| c == '：' || c == ':')?;
    let (name, rest) = (title[..i].trim(), title[i + colon.len_utf8()..].trim());
    let clause = |c: char| "，。！？；,.!?;".contains(c);
    let digits = colon == ':'
        && name.ends_with(|c: char| c.is_ascii_digit())
        && rest.starts_with(|c: char| c.is_ascii_digit());
    (!name.is_empty() && !rest.is_empty() && !name.contains(clause) && !digits)
        .then(|| (&title[..i + colon.len_utf8()], rest))
}

#[cfg(test)]
mod tests {
    use super::headline_break;

    #[test]
    fn a_name_and_their_words_break_after_the_colon() {
        assert_eq!(
            headline_break("陳美齡：我而家唔係做教育局長，亦唔會做教育局長"),
            Some(("陳美齡：", "我而家唔係做教育局長，亦唔會做教育局長"))
        );
        assert_eq!(
            headline_break("Sam Altman: AI 会改变一切"),
            Some(("Sam Altman:", "AI 会改变一切"))
        );
    }

    #[test]
    fn other_titles_keep_their_breaks() {
        // A colon after a clause is inside a sentence; one far in is not after a name.
        assert_eq!(headline_break("我们聊了很多，结论是：慢就是快"), None);
        assert_eq!(
            headline_break("一个做了三十年木船的老师傅和他的学徒们说：慢就是快"),
            None
        );
        assert_eq!(headline_break("对话张三："), None);
        assert_eq!(headline_break("10:30 开始的对话"), None);
        assert_eq!(headline_break("没有冒号的标题"), None);
    }
}
