//! Quote ids (file-name-safe slugs) and the character count used by length filters.

/// Why an id is not a safe file-name stem, if it is not.
pub fn unsafe_id(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        Some("it is empty")
    } else if id.len() > 64 {
        Some("it is longer than 64 bytes")
    } else if id.starts_with('.') {
        Some("it starts with a dot")
    } else if id.chars().any(char::is_control) {
        Some("it holds control characters")
    } else if id
        .chars()
        .any(|c| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        Some(
            "only letters, digits, `-`, `_` and `.` are allowed (no `/`, `\\`, spaces or punctuation)",
        )
    } else {
        None
    }
}

/// A stable id for ad hoc text: `adhoc-` and 8 hex digits of an FNV-1a hash of the text.
pub fn adhoc_id(text: &str) -> String {
    format!("adhoc-{:08x}", fnv1a(text) >> 32)
}

/// The id of ad hoc text whose short id another text of the run already has (at 20,000
/// lines two 32-bit hashes meet about once in twenty runs): all 16 hex digits of the hash.
pub fn wide_adhoc_id(text: &str) -> String {
    format!("adhoc-{:016x}", fnv1a(text))
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Characters as length filters count them: every Chinese character and punctuation mark is
/// one; a Latin word or number (a run of ASCII letters and digits, with `.`, `-`, `'` inside)
/// is one, like a word processor's 字数; spaces do not count.
pub fn count_chars(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let joiner = matches!(c, '.' | '-' | '\'' | '’')
            && in_word
            && chars.get(i + 1).is_some_and(|d| d.is_ascii_alphanumeric());
        if c.is_ascii_alphanumeric() || joiner {
            if !in_word {
                n += 1;
            }
            in_word = true;
        } else {
            in_word = false;
            if !c.is_whitespace() {
                n += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_ids_are_named() {
        for bad in [
            "",
            "../x",
            "a/b",
            "a\\b",
            ".hidden",
            "a b",
            "x\u{7}",
            &"a".repeat(65),
        ] {
            assert!(unsafe_id(bad).is_some(), "{bad:?}");
        }
        for good in ["pioneer", "q3-12-2", "开路的人", "a_b.c"] {
            assert_eq!(unsafe_id(good), None, "{good}");
        }
    }

    #[test]
    fn latin_words_count_once() {
        assert_eq!(count_chars("我觉得祝大家好运吧。"), 10);
        assert_eq!(count_chars("假设它是一个Bubble，"), 8);
        assert_eq!(count_chars("AI 1.0时代"), 4);
        assert_eq!(count_chars("don’t worry"), 2);
    }

    #[test]
    fn ids_are_stable() {
        assert_eq!(adhoc_id("你好"), adhoc_id("你好"));
        assert_ne!(adhoc_id("你好"), adhoc_id("您好"));
        assert_eq!(wide_adhoc_id("你好")[..14], adhoc_id("你好"));
    }
}
