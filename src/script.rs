//! Unicode classes of Chinese text, in one place: which characters are Han, which letters take
//! no Han–Latin gap, which make a Chinese context. The ranges differ on purpose, one named
//! function for each question; every stage asks here (the readers included, so `read/` needs
//! nothing of `interview/`). Not owned here: punctuation rules (`typeset::chars`).

/// Han ideographs: CJK Unified Ideographs, extensions A–H, compatibility ideographs and their
/// supplement.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F | 0x31350..=0x323AF)
}

/// Characters that make a Chinese context (where ASCII punctuation becomes full-width): Han,
/// CJK punctuation, full-width forms, and the curly quotes and marks Chinese text uses
/// (“”‘’——……·).
pub fn is_cjk_context(c: char) -> bool {
    is_han(c)
        || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

/// Han, kana, hangul and other CJK letters, full-width Latin letters and digits too: the
/// letters that take no Han–Latin gap in a line.
pub fn is_cjk_letter(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3005..=0x3007 | 0x3021..=0x3029 | 0x3031..=0x3035 | 0x3038..=0x303C
        | 0x3041..=0x30FA | 0x30FC..=0x30FF | 0x3100..=0x312F | 0x3190..=0x31FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF
        | 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A | 0xFF66..=0xFF9F
        | 0x20000..=0x3FFFF)
}

/// Han, kana, hangul, CJK punctuation and full-width forms: any character of CJK script,
/// as a book's metadata (a name's sort key) asks.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF | 0x3000..=0x30FF | 0x3100..=0x31FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_classes_differ_where_they_mean_to() {
        // Han in every class; kana a CJK letter but not Han; a full-width comma a Chinese
        // context but no letter; a curly quote a context only.
        for f in [is_han, is_cjk_context, is_cjk_letter, is_cjk] {
            assert!(f('中') && f('\u{20000}'));
            assert!(!f('a'));
        }
        assert!(is_cjk_letter('あ') && !is_han('あ'));
        assert!(is_cjk_context('，') && !is_cjk_letter('，') && is_cjk('，'));
        assert!(is_cjk_context('“') && !is_cjk('“'));
        assert!(is_cjk_letter('Ａ') && !is_han('Ａ'));
    }
}
