//! Character classes for Chinese layout: what each character is for breaking, spacing and
//! punctuation width, and the line-start/line-end prohibitions (禁则). No widths, no lines.

/// What a character is to the typesetter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Ideographs, kana, hangul: take the Han–Latin gap against `Latin`.
    Han,
    /// Letters and digits outside CJK, and apostrophes inside Latin words.
    Latin,
    /// Whitespace that is not a line separator.
    Space,
    /// A mandatory line break (LF, CR, U+2028, U+2029).
    Newline,
    /// Full-width opening punctuation: a 1-em box, ink in the right half.
    Open,
    /// Full-width stops and closing punctuation: a 1-em box, ink in the left half.
    Close,
    /// Middle dots: a 1-em box, ink centred.
    Middle,
    /// Dashes: 1-em boxes (a pair is one 2-em rule), never split, never expanded inside.
    Dash,
    /// Ellipses: 1-em boxes (a pair is one 2-em unit).
    Ellipsis,
    /// Everything else (ASCII punctuation, symbols): set at its natural advance.
    Other,
}

impl Kind {
    /// Full-width punctuation whose blank half may be trimmed.
    pub(crate) fn is_trimmable(self) -> bool {
        matches!(self, Kind::Open | Kind::Close | Kind::Middle)
    }

    /// Characters that count as content for the orphan rule.
    pub(crate) fn is_letter(self) -> bool {
        matches!(self, Kind::Han | Kind::Latin)
    }

    /// Latin-like runs, inside which nothing is ever expanded.
    pub(crate) fn is_latin_run(self) -> bool {
        matches!(self, Kind::Latin | Kind::Other)
    }

    pub(crate) fn is_blank(self) -> bool {
        matches!(self, Kind::Space | Kind::Newline)
    }
}

/// Characters that must never begin a line (strict level of the Simplified-Chinese list).
pub fn is_prohibited_start(c: char) -> bool {
    matches!(
        c,
        // stops and pauses
        '、' | '。' | '，' | '．' | '：' | '；' | '！' | '？' | '‼' | '⁇' | '⁈' | '⁉'
        | '!' | ',' | '.' | ':' | ';' | '?'
        // closing quotes and brackets
        | '”' | '’' | '）' | '》' | '〉' | '】' | '」' | '』' | '〕' | '〗' | '〙' | '〛'
        | '］' | '｝' | '｠' | '〞' | '〟' | ')' | ']' | '}'
        // connectors and interpuncts
        | '～' | '〜' | '–' | '·' | '・' | '‧' | '／'
        // postfix units, iteration marks
        | '%' | '％' | '‰' | '℃' | '°' | '′' | '″' | '々' | '〃'
        // strict: dashes and ellipses
        | '—' | '⸺' | '⸻' | '―' | '…' | '⋯'
    )
}

/// Characters that must never end a line.
pub fn is_prohibited_end(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '（'
            | '《'
            | '〈'
            | '【'
            | '「'
            | '『'
            | '〔'
            | '〖'
            | '〘'
            | '〚'
            | '［'
            | '｛'
            | '｟'
            | '〝'
            | '('
            | '['
            | '{'
            | '$'
            | '＄'
            | '£'
            | '￡'
            | '¥'
            | '￥'
            | '€'
    )
}

/// Han, kana, hangul and other CJK letters (full-width Latin letters and digits too: they
/// take no Han–Latin gap; `script::is_cjk_letter`), and emoji, which set and break like
/// ideographs (UAX #14 class ID): pictographs, dingbats, and the Plane 15 characters emoji
/// sequences fold to. The card's own class: text elsewhere has no folded emoji.
pub(crate) fn is_cjk_letter(c: char) -> bool {
    crate::script::is_cjk_letter(c)
        || matches!(c as u32, 0x2600..=0x27BF | 0x1F000..=0x1FAFF | 0xF0000..=0xF0FFF)
}

fn is_latin(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk_letter(c)
}

/// Classifies every character; curly quotes by context (`’` between Latin letters is an
/// apostrophe, otherwise quotes are full-width Chinese punctuation).
pub(crate) fn classify(chars: &[char]) -> Vec<Kind> {
    (0..chars.len())
        .map(|i| {
            let c = chars[i];
            match c {
                '‘' | '’' => {
                    let before = i.checked_sub(1).and_then(|j| chars.get(j));
                    let after = chars.get(i + 1);
                    if before.is_some_and(|&b| is_latin(b)) && after.is_some_and(|&a| is_latin(a)) {
                        Kind::Latin
                    } else if c == '‘' {
                        Kind::Open
                    } else {
                        Kind::Close
                    }
                }
                _ => kind_of(c),
            }
        })
        .collect()
}

fn kind_of(c: char) -> Kind {
    match c {
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' | '\u{85}' => Kind::Newline,
        '“' | '（' | '《' | '〈' | '【' | '「' | '『' | '〔' | '〖' | '〘' | '〚' | '［' | '｛'
        | '｟' | '〝' => Kind::Open,
        '、' | '。' | '，' | '．' | '：' | '；' | '！' | '？' | '”' | '）' | '》' | '〉' | '】'
        | '」' | '』' | '〕' | '〗' | '〙' | '〛' | '］' | '｝' | '｠' | '〞' | '〟' => {
            Kind::Close
        }
        '·' | '・' | '‧' => Kind::Middle,
        '—' | '―' | '⸺' | '⸻' => Kind::Dash,
        '…' | '⋯' => Kind::Ellipsis,
        c if c.is_whitespace() => Kind::Space,
        c if is_cjk_letter(c) => Kind::Han,
        c if c.is_alphanumeric() => Kind::Latin,
        _ => Kind::Other,
    }
}

/// Does a token (for the orphan rule) start at `kinds[i]`: a Han character, or the first
/// letter of a Latin word or number (`V6`, `GPT-4o`, `3.5`: symbols between letters join)?
pub(crate) fn starts_token(kinds: &[Kind], i: usize) -> bool {
    let joined = |j: usize| kinds[j] == Kind::Other && j > 0 && kinds[j - 1] == Kind::Latin;
    let run = kinds[i] == Kind::Latin && i > 0 && (kinds[i - 1] == Kind::Latin || joined(i - 1));
    kinds[i].is_letter() && !run
}

/// The width of a dash's box in em (U+2E3A is a two-em dash, U+2E3B a three-em dash).
pub(crate) fn dash_ems(c: char) -> f32 {
    match c {
        '⸺' => 2.0,
        '⸻' => 3.0,
        _ => 1.0,
    }
}

/// Connectors: never expanded around.
pub(crate) fn is_connector(c: char) -> bool {
    matches!(c, '～' | '〜' | '–' | '·' | '・' | '‧' | '／' | '-' | '/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_chinese_next_to_han_and_apostrophes_inside_words() {
        let chars: Vec<char> = "说“AGI”。I’m don’t ‘x’".chars().collect();
        let kinds = classify(&chars);
        assert_eq!(kinds[1], Kind::Open);
        assert_eq!(kinds[5], Kind::Close);
        assert_eq!(kinds[8], Kind::Latin); // I’m
        assert_eq!(kinds[14], Kind::Latin); // don’t
        assert_eq!(kinds[17], Kind::Open); // ‘x’
        assert_eq!(kinds[19], Kind::Close);
    }

    #[test]
    fn prohibitions_cover_the_lists() {
        for c in "、。，：；！？”’）》】·—…%々!,.:;?)".chars() {
            assert!(is_prohibited_start(c), "{c} may not start a line");
            assert!(!is_prohibited_end(c), "{c} may end a line");
        }
        for c in "“‘（《【「$￥(".chars() {
            assert!(is_prohibited_end(c), "{c} may not end a line");
            assert!(!is_prohibited_start(c), "{c} may start a line");
        }
        assert!(!is_prohibited_start('我') && !is_prohibited_end('我'));
    }
}
