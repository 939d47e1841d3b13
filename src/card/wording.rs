//! The fixed words the pages around the cards print — `嘉宾｜`, `原文出处`, `扫码阅读原文`,
//! `则金句 · 左滑阅读`, `原文：`, `（长图）` — in the script of the quotes they stand with.
//!
//! A carousel or long image of Traditional quotes (a Hong Kong or Taiwan interview) is read
//! by readers of Traditional characters: a Simplified label on it reads as a stray from another
//! edition, so every fixed word has both forms, written out here (a handful of words: a
//! conversion table or crate would be more than they need, and could not be checked by eye).

use super::fonts::Script;

/// A fixed word of the extra pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fixed {
    /// Before the guests' names: `嘉宾｜张三、李四`.
    Guests,
    /// Above the source's title on a carousel's end card.
    Source,
    /// Under a QR code.
    ScanToRead,
    /// After the number of quotes on a carousel's cover: `8 则金句`.
    Quotes,
    /// The cover's hint that more pages follow.
    Swipe,
    /// Before the title in the long image's foot: `原文：标题`.
    SourceTitle,
    /// After the title in the long image's description: `标题（长图）`.
    LongImage,
}

impl Fixed {
    /// Every fixed word (for tests and for checking a face holds them).
    #[cfg(test)]
    pub const ALL: [Fixed; 7] = [
        Fixed::Guests,
        Fixed::Source,
        Fixed::ScanToRead,
        Fixed::Quotes,
        Fixed::Swipe,
        Fixed::SourceTitle,
        Fixed::LongImage,
    ];

    /// The word in `script`.
    pub fn text(self, script: Script) -> &'static str {
        let (simplified, traditional) = match self {
            Fixed::Guests => ("嘉宾｜", "嘉賓｜"),
            Fixed::Source => ("原文出处", "原文出處"),
            Fixed::ScanToRead => ("扫码阅读原文", "掃碼閱讀原文"),
            Fixed::Quotes => ("则金句", "則金句"),
            Fixed::Swipe => ("左滑阅读", "左滑閱讀"),
            Fixed::SourceTitle => ("原文：", "原文："),
            Fixed::LongImage => ("（长图）", "（長圖）"),
        };
        match script {
            Script::Simplified => simplified,
            Script::Traditional => traditional,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::FontBook;

    #[test]
    fn traditional_pages_get_traditional_words() {
        assert_eq!(Fixed::Source.text(Script::Traditional), "原文出處");
        assert_eq!(Fixed::Source.text(Script::Simplified), "原文出处");
        assert_eq!(Fixed::ScanToRead.text(Script::Traditional), "掃碼閱讀原文");
        assert_eq!(Fixed::Guests.text(Script::Traditional), "嘉賓｜");
    }

    #[test]
    fn each_word_is_read_as_the_script_it_is_written_for() {
        // The font book's own judgement of a text's script: a Traditional word must hold no
        // Simplified-only form (it would be set Simplified), and both forms of each word say
        // the same thing (the same length).
        let book = FontBook::embedded();
        for word in Fixed::ALL {
            let (s, t) = (
                word.text(Script::Simplified),
                word.text(Script::Traditional),
            );
            assert_eq!(s.chars().count(), t.chars().count(), "{word:?}");
            assert_eq!(book.script_of(s), Script::Simplified, "{word:?}: {s}");
            if s != t {
                assert_eq!(book.script_of(t), Script::Traditional, "{word:?}: {t}");
            }
        }
    }
}
