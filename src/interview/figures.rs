//! The source's images and where they stand in the text: each image block (with the source
//! and alt text the reader found) is placed before the paragraph that follows it, found the
//! way `inline_marks` finds a span — the next text block's opening, cleaned, looked up in
//! the paragraphs in reading order. An image in the page's furniture (a header picture
//! before the title) goes before the next paragraph in order. It owns the placing only;
//! loading the files is the command's, the markup the EPUB's.

use super::model::{Address, Interview};
use crate::read::{BlockKind, Document};
use serde::Serialize;

/// One image of the source at its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// The paragraph the image comes before; `None`: after the last one.
    pub before: Option<Address>,
    /// The address as written (a relative path, a URL); empty when the syntax gives none
    /// (a `.docx` drawing).
    pub src: String,
    pub alt: String,
}

/// How many text blocks after an image are tried, and how many paragraphs ahead.
const NEXT_BLOCKS: usize = 3;
const LOOK_AHEAD: usize = 40;

/// The images of `doc` placed in `iv`'s paragraphs.
pub fn place(doc: &Document, iv: &Interview, clean: bool) -> Vec<Figure> {
    let paragraphs: Vec<_> = iv.paragraphs().collect();
    let mut out = Vec::new();
    let mut at = 0usize;
    for (i, block) in doc.blocks.iter().enumerate() {
        if block.kind != BlockKind::Image {
            continue;
        }
        // A caption glued to the image (its block's own text) is what follows it first.
        let texts: Vec<String> = std::iter::once(block)
            .chain(&doc.blocks[i + 1..])
            .map(|b| b.text())
            .filter(|t| !t.trim().is_empty())
            .take(NEXT_BLOCKS)
            .collect();
        // The end of a block's text, which the paragraph has whole.
        let found = texts.iter().find_map(|t| {
            let t = if clean {
                super::clean::text(t)
            } else {
                t.trim().to_string()
            };
            // A speaker label (`李雷：`) is not in the paragraph: past it.
            let label_end = t
                .char_indices()
                .take(15)
                .find(|&(_, c)| c == '：' || c == ':')
                .map_or(0, |(b, c)| b + c.len_utf8());
            let chars: Vec<char> = t[label_end..].chars().collect();
            let tail: String = chars[chars.len().saturating_sub(12)..].iter().collect();
            let end = (at + LOOK_AHEAD).min(paragraphs.len());
            (!tail.is_empty())
                .then(|| (at..end).find(|&k| paragraphs[k].text.contains(&tail)))
                .flatten()
        });
        // No text after it: the image closes the article.
        let k = if texts.is_empty() {
            paragraphs.len()
        } else {
            found.unwrap_or(at)
        };
        at = k.min(paragraphs.len().saturating_sub(1));
        let image = block.image.clone().unwrap_or_default();
        out.push(Figure {
            before: paragraphs.get(k).map(|p| p.address),
            src: image.src,
            alt: image.alt.trim().to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::interview::{ParseOptions, parse_as};
    use crate::read::Format;

    #[test]
    fn each_image_comes_before_the_paragraph_that_follows_it() {
        let md = "对话李雷：谈论文\n====\n\n![头图](img/head.jpg)\n\n\
                  今年春天，我们和王小明聊了3个小时。\n\n\
                  ![](img/team.png)\n\n\
                  ![](img/glued.png)王小明团队合影｜受访者供图\n\n\
                  **李雷：你读过哪些论文？**\n\n\
                  **王小明：**先读这篇博客。\n\n![末图](https://example.com/end.jpg)\n";
        let opts = ParseOptions::default();
        let iv = parse_as(md, Format::Markdown, &opts).expect("parse");
        let placed: Vec<(String, &str, &str)> = iv
            .figures
            .iter()
            .map(|f| {
                let before = f.before.and_then(|a| iv.paragraph(a));
                let text = before.map_or(String::new(), |p| p.text.chars().take(6).collect());
                (text, f.src.as_str(), f.alt.as_str())
            })
            .collect();
        assert_eq!(
            placed,
            [
                ("今年春天，我".to_string(), "img/head.jpg", "头图"),
                ("王小明团队合".to_string(), "img/team.png", ""),
                ("王小明团队合".to_string(), "img/glued.png", ""),
                (String::new(), "https://example.com/end.jpg", "末图"),
            ],
            "{:?}",
            iv.figures
        );
    }
}
