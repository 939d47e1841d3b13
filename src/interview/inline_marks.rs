//! The source's italics and link targets, found again in the finished paragraphs: the reader
//! keeps them on its spans (`Span::emphasis`, `Span::href`), but structure and cleaning
//! carry only bold through to the model. Each marked span, cleaned the way its paragraph was,
//! is looked up in the paragraphs in reading order from where the last one was found (a few
//! paragraphs ahead at most), so a span in dropped furniture marks nothing. It owns the
//! matching only; the EPUB renders the marks (`<em>`, `<a>`).

use super::model::{Address, Interview};
use crate::read::Document;
use serde::Serialize;

/// What a mark says about its characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkKind {
    /// Set in italics in the source (a paper's or a book's title).
    Italic,
    /// A link, with its target as written (any scheme: the book keeps http(s) only).
    Link(String),
}

/// Italics or a link over `[start, end)` characters of the paragraph at `at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InlineMark {
    pub at: Address,
    pub range: [usize; 2],
    pub kind: MarkKind,
}

/// How many paragraphs past the last mark a span is looked for.
const LOOK_AHEAD: usize = 40;

/// The marks of `doc`'s spans in `iv`'s paragraphs; `clean`: the paragraphs went through
/// the typographic cleaning (`clean::text`), so the spans' texts do too before the lookup.
pub fn find(doc: &Document, iv: &Interview, clean: bool) -> Vec<InlineMark> {
    let paragraphs: Vec<_> = iv.paragraphs().collect();
    let mut out = Vec::new();
    // Where the last mark ended: paragraph index and byte offset in its text.
    let (mut at, mut from) = (0usize, 0usize);
    for span in doc.blocks.iter().flat_map(|b| &b.spans) {
        let kind = match &span.href {
            Some(href) if !href.trim().is_empty() => MarkKind::Link(href.trim().to_string()),
            _ if span.emphasis => MarkKind::Italic,
            _ => continue,
        };
        let needle = if clean {
            super::clean::text(&span.text)
        } else {
            span.text.trim().to_string()
        };
        if needle.chars().count() < 2 {
            continue;
        }
        let end = (at + LOOK_AHEAD).min(paragraphs.len());
        let found = (at..end).find_map(|i| {
            let start = if i == at { from } else { 0 };
            let text = &paragraphs[i].text;
            text.get(start..)?
                .find(&needle)
                .map(|b| (i, start + b, start + b + needle.len()))
        });
        let Some((i, a, b)) = found else { continue };
        let text = &paragraphs[i].text;
        let chars = |byte: usize| text[..byte].chars().count();
        out.push(InlineMark {
            at: paragraphs[i].address,
            range: [chars(a), chars(b)],
            kind,
        });
        (at, from) = (i, b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::{ParseOptions, parse_as};
    use crate::read::Format;

    #[test]
    fn italics_and_links_are_found_in_their_paragraphs_in_order() {
        let md = "对话李雷：谈论文\n====\n\n\
                  [36kr.com](https://36kr.com/p/1)关注\n\n\
                  今年春天，我们和王小明聊了3个小时，从*Attention Is All You Need*谈起。\n\n\
                  **李雷：你读过哪些论文？**\n\n\
                  **王小明：**先读[这篇博客](https://example.com/blog)，再读*Attention Is All You Need*。\n\n\
                  **李雷：链接呢？**\n\n\
                  **王小明：**[点这里](javascript:alert(1))就行。\n";
        let opts = ParseOptions::default();
        let iv = parse_as(md, Format::Markdown, &opts).expect("parse");
        let seen: Vec<(String, String, MarkKind)> = iv
            .marks
            .iter()
            .map(|m| {
                let p = iv.paragraph(m.at).expect("paragraph");
                let text: String = p
                    .text
                    .chars()
                    .skip(m.range[0])
                    .take(m.range[1] - m.range[0])
                    .collect();
                (m.at.to_string(), text, m.kind.clone())
            })
            .collect();
        let link = |h: &str| MarkKind::Link(h.to_string());
        assert_eq!(
            seen.iter()
                .map(|(_, t, k)| (t.as_str(), k.clone()))
                .collect::<Vec<_>>(),
            [
                ("Attention Is All You Need", MarkKind::Italic),
                ("这篇博客", link("https://example.com/blog")),
                ("Attention Is All You Need", MarkKind::Italic),
                ("点这里", link("javascript:alert(1)")),
            ],
            "the byline's link is furniture, not text: {seen:?}"
        );
        assert_ne!(seen[0].0, seen[2].0, "each italic in its own paragraph");
    }
}
