//! Text that remembers which characters were bold: a paragraph's spans flattened to
//! characters with an emphasis mark each, so labels can be cut and the text cleaned without
//! losing the editor's emphasis. It owns the flattening and the ranges; the cleaning rules
//! are `clean`'s.

use crate::read::Span;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marked {
    pub chars: Vec<char>,
    pub bold: Vec<bool>,
}

impl Marked {
    pub fn from_spans(spans: &[Span]) -> Marked {
        let mut m = Marked::default();
        for s in spans {
            for c in s.text.chars() {
                m.chars.push(c);
                m.bold.push(s.strong);
            }
        }
        m
    }

    pub fn plain(text: &str) -> Marked {
        Marked {
            chars: text.chars().collect(),
            bold: vec![false; text.chars().count()],
        }
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// True when every non-space character is bold.
    pub fn all_bold(&self) -> bool {
        let mut any = false;
        for (c, b) in self.chars.iter().zip(&self.bold) {
            if !c.is_whitespace() {
                any = true;
                if !b {
                    return false;
                }
            }
        }
        any
    }

    /// The characters from `start` on, with leading whitespace dropped.
    pub fn tail(&self, start: usize) -> Marked {
        let mut start = start.min(self.len());
        while start < self.len() && is_space(self.chars[start]) {
            start += 1;
        }
        Marked {
            chars: self.chars[start..].to_vec(),
            bold: self.bold[start..].to_vec(),
        }
    }

    /// The characters before `end`, with trailing whitespace dropped.
    pub fn head(&self, end: usize) -> Marked {
        let mut end = end.min(self.len());
        while end > 0 && is_space(self.chars[end - 1]) {
            end -= 1;
        }
        Marked {
            chars: self.chars[..end].to_vec(),
            bold: self.bold[..end].to_vec(),
        }
    }

    /// Rebuild from (char, bold) pairs.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (char, bool)>) -> Marked {
        let (chars, bold) = pairs.into_iter().unzip();
        Marked { chars, bold }
    }

    pub fn pairs(&self) -> impl Iterator<Item = (char, bool)> + '_ {
        self.chars.iter().copied().zip(self.bold.iter().copied())
    }

    /// The bold runs as `[start, end)` character ranges. Runs separated only by spaces or
    /// punctuation are merged; spaces and punctuation at a run's ends are not part of it
    /// (closing punctuation is).
    pub fn emphasis(&self) -> Vec<[usize; 2]> {
        let mut out: Vec<[usize; 2]> = Vec::new();
        let n = self.len();
        let mut i = 0;
        while i < n {
            if !self.bold[i] || is_space(self.chars[i]) || is_opening_or_inner(self.chars[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < n && self.bold[i] {
                i += 1;
            }
            let mut end = i;
            while end > start && is_space(self.chars[end - 1]) {
                end -= 1;
            }
            match out.last_mut() {
                Some(last)
                    if self.chars[last[1]..start]
                        .iter()
                        .all(|&c| is_space(c) || is_punct(c)) =>
                {
                    last[1] = end
                }
                _ => out.push([start, end]),
            }
        }
        out
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

fn is_punct(c: char) -> bool {
    !c.is_alphanumeric() && !is_space(c)
}

/// A run does not start on a comma or closing mark left over from the bold before it.
fn is_opening_or_inner(c: char) -> bool {
    "，。、；：？！,.;:?!）」』》”’".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(parts: &[(&str, bool)]) -> Vec<Span> {
        parts
            .iter()
            .map(|(t, b)| Span {
                text: t.to_string(),
                strong: *b,
                ..Span::default()
            })
            .collect()
    }

    #[test]
    fn emphasis_runs_merge_across_punctuation() {
        let m = Marked::from_spans(&spans(&[
            ("他说", false),
            ("换脸本身", true),
            (" ", false),
            ("，", true),
            (" ", false),
            ("是我们坚决不去做的事情，", true),
            ("然后", false),
        ]));
        let e = m.emphasis();
        assert_eq!(e.len(), 1);
        let [s, t] = e[0];
        let got: String = m.chars[s..t].iter().collect();
        assert_eq!(got, "换脸本身 ， 是我们坚决不去做的事情，");
    }

    #[test]
    fn head_and_tail_cut_and_trim() {
        let m = Marked::from_spans(&spans(&[("问：", true), (" 为什么", false)]));
        assert_eq!(m.tail(2).text(), "为什么");
        assert_eq!(m.head(1).text(), "问");
        assert!(!m.all_bold());
        assert!(m.head(2).all_bold());
    }
}
