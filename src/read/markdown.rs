//! The Markdown reader: CommonMark through pulldown-cmark, plus the quirks of WeChat exports
//! (Cubox, Obsidian's clipper, SimpRead): stray `**`/`****` runs left over from broken bold,
//! every paragraph made a `#####` heading, a whole answer underlined into a setext heading,
//! lines of one paragraph that are really paragraphs of their own, captions glued to images,
//! HTML blocks (`<div>`, `<p>`, `<section><span>`) read for their text by the HTML reader.
//! The repairs made to the source and to the blocks around the parse are
//! [`super::markdown_repair`]'s; the walk over the parser's events is this module's.

use super::markdown_repair::{
    ESCAPED_STAR, ZWSP, demote_heading_flood, flank_cjk_emphasis, strip_star_debris,
};
use super::{Block, BlockKind, Document, Span, merge_spans, trim_spans};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub fn read(source: &str) -> Document {
    let source = &flank_cjk_emphasis(source);
    let starts = line_starts(source);
    let line_of = |offset: usize| starts.partition_point(|&s| s <= offset);
    let mut r = Builder::default();
    let opts = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    // An HTML block's source, gathered until it ends, and its line: its text is read by
    // the HTML reader (with its inline markup), never dropped.
    let mut html_block: Option<(String, usize)> = None;
    for (event, range) in Parser::new_ext(source, opts).into_offset_iter() {
        let line = line_of(range.start);
        match event {
            Event::Start(Tag::HtmlBlock) => html_block = Some((String::new(), line)),
            Event::Html(h) if html_block.is_some() => {
                if let Some((text, _)) = &mut html_block {
                    text.push_str(&h);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((text, at)) = html_block.take() {
                    r.flush();
                    r.blocks.extend(super::html::fragment_blocks(&text, at));
                }
            }
            Event::Start(tag) => r.start(tag, line),
            Event::End(tag) => r.end(tag),
            Event::Text(t) => {
                // An escaped `\*` is text; other literal `*` may be debris of broken bold,
                // judged when the block ends (`strip_star_debris`).
                let raw = &source[range.clone()];
                let text = if raw == "\\*" {
                    ESCAPED_STAR.to_string()
                } else {
                    t.replace(ZWSP, "")
                };
                r.text(&text, line)
            }
            Event::Code(t) => r.text(&t, line),
            Event::SoftBreak => r.soft_break(),
            Event::HardBreak => r.hard_break(),
            Event::Html(h) | Event::InlineHtml(h)
                if h.trim_start().to_ascii_lowercase().starts_with("<br") =>
            {
                r.hard_break()
            }
            Event::Rule => r.push_block(BlockKind::Rule, Vec::new(), line),
            _ => {}
        }
    }
    r.flush();
    Document {
        blocks: demote_heading_flood(r.blocks),
        ..Document::default()
    }
}

fn line_starts(s: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(s.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// A piece of a paragraph: spans, or a line break between them.
enum Piece {
    Spans(Vec<Span>),
    Break { hard: bool },
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    kind: Option<BlockKind>,
    line: usize,
    pieces: Vec<Piece>,
    current: Vec<Span>,
    strong: usize,
    emphasis: usize,
    link: usize,
    /// The targets of the links the text is in, innermost last.
    hrefs: Vec<String>,
    quote: usize,
    /// Ordered-list counters, innermost last (`None` for bullets).
    lists: Vec<Option<u64>>,
    /// Inside an image: its alt text is not paragraph text.
    image: usize,
}

impl Builder {
    fn start(&mut self, tag: Tag, line: usize) {
        match tag {
            Tag::Paragraph => self.open(self.block_kind(), line),
            Tag::Heading { level, .. } => self.open(BlockKind::Heading(level as u8), line),
            Tag::BlockQuote(_) => self.quote += 1,
            Tag::List(start) => self.lists.push(start),
            Tag::Item => {
                self.open(BlockKind::Item, line);
                if let Some(Some(n)) = self.lists.last_mut() {
                    self.current.push(Span::plain(format!("{n}. ")));
                    *n += 1;
                }
            }
            Tag::Strong => self.strong += 1,
            Tag::Emphasis => self.emphasis += 1,
            Tag::Link { dest_url, .. } => {
                self.link += 1;
                self.hrefs.push(dest_url.to_string());
            }
            Tag::Image { dest_url, .. } => {
                // An image ends the text before it; what follows in the same paragraph is
                // its caption.
                let kind = self.kind;
                self.flush();
                self.push_block(BlockKind::Image, Vec::new(), line);
                if let Some(b) = self.blocks.last_mut() {
                    b.image = Some(super::ImageSource {
                        src: dest_url.trim().to_string(),
                        alt: String::new(),
                    });
                }
                self.kind = kind;
                self.line = line;
                self.image += 1;
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => self.flush(),
            TagEnd::Item => self.flush(),
            TagEnd::BlockQuote(_) => self.quote = self.quote.saturating_sub(1),
            TagEnd::List(_) => {
                self.lists.pop();
            }
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::Link => {
                self.link = self.link.saturating_sub(1);
                self.hrefs.pop();
            }
            TagEnd::Image => self.image = self.image.saturating_sub(1),
            _ => {}
        }
    }

    fn block_kind(&self) -> BlockKind {
        if self.quote > 0 {
            BlockKind::Quote
        } else if !self.lists.is_empty() {
            BlockKind::Item
        } else {
            BlockKind::Paragraph
        }
    }

    fn open(&mut self, kind: BlockKind, line: usize) {
        // A paragraph inside a list item continues the item.
        if self.kind == Some(BlockKind::Item) && kind == BlockKind::Item {
            self.flush();
        }
        self.kind = Some(kind);
        self.line = line;
    }

    fn text(&mut self, t: &str, line: usize) {
        if self.image > 0 {
            // The image's alt text: not paragraph text.
            let last = self.blocks.last_mut().and_then(|b| b.image.as_mut());
            if let Some(image) = last {
                image.alt.push_str(t);
            }
            return;
        }
        if self.kind.is_none() {
            self.open(self.block_kind(), line);
        }
        self.current.push(Span {
            text: t.to_string(),
            strong: self.strong > 0,
            emphasis: self.emphasis > 0,
            link: self.link > 0,
            href: self.hrefs.last().cloned(),
        });
    }

    fn soft_break(&mut self) {
        self.pieces
            .push(Piece::Spans(std::mem::take(&mut self.current)));
        self.pieces.push(Piece::Break { hard: false });
    }

    fn hard_break(&mut self) {
        self.pieces
            .push(Piece::Spans(std::mem::take(&mut self.current)));
        self.pieces.push(Piece::Break { hard: true });
    }

    fn push_block(&mut self, kind: BlockKind, spans: Vec<Span>, line: usize) {
        self.blocks.push(Block::new(kind, spans, line));
    }

    /// End the current block: its lines become one paragraph or several (see `split_lines`).
    fn flush(&mut self) {
        let Some(kind) = self.kind.take() else {
            self.pieces.clear();
            self.current.clear();
            return;
        };
        self.pieces
            .push(Piece::Spans(std::mem::take(&mut self.current)));
        let pieces = std::mem::take(&mut self.pieces);
        // A caption glued after an image stays with it.
        let after_image = self.blocks.last().is_some_and(|b| {
            b.kind == BlockKind::Image && b.spans.is_empty() && b.line == self.line
        });
        let mut line = self.line;
        for spans in split_lines(pieces) {
            let spans = trim_spans(merge_spans(strip_star_debris(spans)));
            if spans.is_empty() {
                continue;
            }
            if after_image && line == self.line {
                if let Some(img) = self.blocks.last_mut() {
                    img.spans = spans;
                }
            } else {
                self.blocks.push(Block::new(kind, spans, line));
            }
            line += 1;
        }
    }
}

/// The lines of one Markdown paragraph: a hard break always starts a new paragraph; a soft
/// break does when the line before closes a sentence or a label, or the next line opens in
/// bold — WeChat exports put one paragraph per line; otherwise the lines are joined (a
/// hard-wrapped paragraph), with no space between Chinese characters.
fn split_lines(pieces: Vec<Piece>) -> Vec<Vec<Span>> {
    let mut out: Vec<Vec<Span>> = vec![Vec::new()];
    let mut pending_soft = false;
    for piece in pieces {
        match piece {
            Piece::Break { hard: true } => {
                out.push(Vec::new());
                pending_soft = false;
            }
            Piece::Break { hard: false } => pending_soft = true,
            Piece::Spans(spans) => {
                if pending_soft {
                    pending_soft = false;
                    // Only the line's last characters matter: never its whole text (a
                    // paragraph of 50,000 joined lines would make this quadratic).
                    let prev = out.last().map(|s| last_chars(s)).unwrap_or_default();
                    let opens_bold = spans.iter().find(|s| !s.text.trim().is_empty());
                    let split = prev
                        .trim_end()
                        .ends_with(|c: char| "。！？!?…”」』）)：:".contains(c))
                        || opens_bold.is_some_and(|s| s.strong)
                        || out
                            .last()
                            .is_some_and(|s| s.last().is_some_and(|l| l.strong));
                    if split {
                        out.push(Vec::new());
                    } else if let Some(last) = out.last_mut() {
                        let latin_join = prev
                            .chars()
                            .last()
                            .is_some_and(|c| c.is_ascii_alphanumeric())
                            && spans_text(&spans)
                                .chars()
                                .next()
                                .is_some_and(|c| c.is_ascii_alphanumeric());
                        if latin_join {
                            last.push(Span::plain(" "));
                        }
                    }
                }
                if let Some(last) = out.last_mut() {
                    last.extend(spans);
                }
            }
        }
    }
    out
}

/// The end of a line's text: its last characters up to and including the last one that is
/// not whitespace (enough to tell how the line ends).
fn last_chars(spans: &[Span]) -> String {
    let mut tail: Vec<char> = Vec::new();
    for span in spans.iter().rev() {
        for c in span.text.chars().rev() {
            tail.push(c);
            if !c.is_whitespace() {
                return tail.into_iter().rev().collect();
            }
        }
    }
    tail.into_iter().rev().collect()
}

fn spans_text(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
