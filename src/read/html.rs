//! The HTML reader: html5ever (through scraper) parses the page; a saved WeChat article is
//! read from its `#js_content`, any other page from its main content — `<article>`/`<main>`,
//! else the element whose paragraphs hold the most text (readability's parent scoring, kept
//! to the one decision we need: which container is the article). Block elements become
//! blocks, `<br>` splits paragraphs, `<strong>`/`<b>`/bold styles are strong spans,
//! `<img>` an image, `<hr>` a rule; scripts, styles, navigation and forms are skipped.
//! The title, URL, date and account come from the page's own markup when present.

use super::html_page::{attr, date, main_content, max_depth, meta, select_one, text_of, title};
use super::{Block, BlockKind, Document, ReadError, Span, merge_spans, trim_spans};
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

/// Deeper nesting than this is refused (no article needs it; it costs time and stack).
pub const MAX_DEPTH: usize = 512;

pub fn read(source: &str) -> Result<Document, ReadError> {
    // html5ever's time grows with the square of the depth: a linear scan first.
    if let Some(depth) = super::nesting::html_too_deep(source, super::nesting::MAX_HTML_SCAN_DEPTH)
    {
        return Err(ReadError::TooDeep {
            depth,
            limit: MAX_DEPTH,
        });
    }
    let page = Html::parse_document(source);
    let depth = max_depth(&page);
    if depth > MAX_DEPTH {
        return Err(ReadError::TooDeep {
            depth,
            limit: MAX_DEPTH,
        });
    }
    let container = select_one(&page, "#js_content")
        .or_else(|| main_content(&page))
        .or_else(|| select_one(&page, "body"))
        .unwrap_or_else(|| page.root_element());
    let mut w = Walker::default();
    w.walk(container);
    w.flush();
    Ok(Document {
        blocks: w.blocks,
        title: title(&page),
        url: meta(&page, "meta[property='og:url']")
            .or_else(|| attr(&page, "link[rel='canonical']", "href")),
        date: date(&page),
        author: text_of(&page, "#js_name")
            .or_else(|| meta(&page, "meta[name='author']"))
            .or_else(|| meta(&page, "meta[property='og:article:author']")),
        tags: Vec::new(),
    })
}

const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "iframe", "svg", "nav", "form", "button",
    "select", "textarea", "object", "video", "audio", "canvas",
];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "center",
];

/// The blocks of an HTML fragment (an HTML block inside Markdown: `<div>`, `<p>`,
/// `<section><span>`…), read as the HTML reader reads a page's content, each given `line`.
pub fn fragment_blocks(source: &str, line: usize) -> Vec<Block> {
    let fragment = Html::parse_fragment(source);
    let mut w = Walker::default();
    w.walk(fragment.root_element());
    w.flush();
    w.blocks.into_iter().map(|b| Block { line, ..b }).collect()
}

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    spans: Vec<Span>,
    kind: Option<BlockKind>,
    strong: usize,
    emphasis: usize,
    link: usize,
    /// The targets of the links the text is in, innermost last (empty: no `href`).
    hrefs: Vec<String>,
    quote: usize,
    item: usize,
    /// Closing an element pops what its opening pushed.
    stack: Vec<Pushed>,
    skip: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pushed {
    Nothing,
    Skip,
    Strong,
    Emphasis,
    Link,
    Quote,
    Item,
    Block,
    Heading,
}

fn is_bold_style(style: &str) -> bool {
    let s: String = style.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.to_ascii_lowercase();
    s.contains("font-weight:bold") || s.contains("font-weight:700") || s.contains("font-weight:600")
}

impl Walker {
    fn walk(&mut self, root: ElementRef) {
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if self.skip > 0 {
                        if node.value().is_element() {
                            self.skip += 1;
                            self.stack.push(Pushed::Skip);
                        }
                        continue;
                    }
                    match node.value() {
                        Node::Text(t) => self.text(&t.text),
                        Node::Element(e) => {
                            let pushed = self.open(e.name(), e.attr("style").unwrap_or(""));
                            if e.name() == "img"
                                && let Some(b) = self.blocks.last_mut()
                            {
                                b.image = Some(super::ImageSource {
                                    src: (e.attr("data-src").or(e.attr("src")))
                                        .unwrap_or("")
                                        .trim()
                                        .to_string(),
                                    alt: e.attr("alt").unwrap_or("").trim().to_string(),
                                });
                            }
                            if pushed == Pushed::Link {
                                self.hrefs
                                    .push(e.attr("href").unwrap_or("").trim().to_string());
                            }
                            self.stack.push(pushed);
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if node.value().is_element() {
                        let pushed = self.stack.pop().unwrap_or(Pushed::Nothing);
                        self.close(pushed);
                    }
                }
            }
        }
    }

    fn open(&mut self, name: &str, style: &str) -> Pushed {
        match name {
            n if SKIP.contains(&n) => {
                self.skip += 1;
                Pushed::Skip
            }
            "br" => {
                self.flush();
                Pushed::Nothing
            }
            "hr" => {
                self.flush();
                self.push(BlockKind::Rule, Vec::new());
                Pushed::Nothing
            }
            "img" => {
                self.flush();
                self.push(BlockKind::Image, Vec::new());
                Pushed::Nothing
            }
            "strong" | "b" => {
                self.strong += 1;
                Pushed::Strong
            }
            "em" | "i" => {
                self.emphasis += 1;
                Pushed::Emphasis
            }
            "a" => {
                self.link += 1;
                Pushed::Link
            }
            "blockquote" => {
                self.flush();
                self.quote += 1;
                Pushed::Quote
            }
            "li" => {
                self.flush();
                self.item += 1;
                Pushed::Item
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let level = name[1..].parse().unwrap_or(2);
                self.kind = Some(BlockKind::Heading(level));
                Pushed::Heading
            }
            n if BLOCK.contains(&n) => {
                self.flush();
                if is_bold_style(style) {
                    self.strong += 1;
                    return Pushed::Strong;
                }
                Pushed::Block
            }
            _ if is_bold_style(style) => {
                self.strong += 1;
                Pushed::Strong
            }
            _ => Pushed::Nothing,
        }
    }

    fn close(&mut self, pushed: Pushed) {
        match pushed {
            Pushed::Skip => self.skip = self.skip.saturating_sub(1),
            Pushed::Strong => self.strong = self.strong.saturating_sub(1),
            Pushed::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            Pushed::Link => {
                self.link = self.link.saturating_sub(1);
                self.hrefs.pop();
            }
            Pushed::Quote => {
                self.flush();
                self.quote = self.quote.saturating_sub(1)
            }
            Pushed::Item => {
                self.flush();
                self.item = self.item.saturating_sub(1)
            }
            Pushed::Block | Pushed::Heading => self.flush(),
            Pushed::Nothing => {}
        }
    }

    fn text(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        self.spans.push(Span {
            text: t.to_string(),
            strong: self.strong > 0,
            emphasis: self.emphasis > 0,
            link: self.link > 0,
            href: self.hrefs.last().filter(|h| !h.is_empty()).cloned(),
        });
    }

    fn push(&mut self, kind: BlockKind, spans: Vec<Span>) {
        self.blocks.push(Block::new(kind, spans, 0));
    }

    fn flush(&mut self) {
        let spans = std::mem::take(&mut self.spans);
        let kind = self.kind.take().unwrap_or(if self.quote > 0 {
            BlockKind::Quote
        } else if self.item > 0 {
            BlockKind::Item
        } else {
            BlockKind::Paragraph
        });
        let spans = trim_spans(merge_spans(collapse_whitespace(spans)));
        if spans.is_empty() {
            return;
        }
        self.push(kind, spans);
    }
}

/// HTML whitespace: runs become one space, and a run with a line break between two Chinese
/// characters (source formatting) disappears.
fn collapse_whitespace(spans: Vec<Span>) -> Vec<Span> {
    let joined: String = spans.iter().map(|s| s.text.as_str()).collect();
    let chars: Vec<char> = joined.chars().collect();
    let mut keep = vec![true; chars.len()];
    let mut replace = vec![None; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() && chars[i] != '\u{3000}' {
            let start = i;
            while i < chars.len() && chars[i].is_whitespace() && chars[i] != '\u{3000}' {
                i += 1;
            }
            let newline = chars[start..i].contains(&'\n');
            let cjk = |c: Option<&char>| c.is_some_and(|&c| crate::script::is_cjk_context(c));
            let drop_all = newline
                && cjk(start.checked_sub(1).and_then(|j| chars.get(j)))
                && cjk(chars.get(i));
            for (k, slot) in keep.iter_mut().enumerate().take(i).skip(start) {
                *slot = !drop_all && k == start;
            }
            if !drop_all {
                replace[start] = Some(' ');
            }
        } else {
            i += 1;
        }
    }
    let mut out = Vec::with_capacity(spans.len());
    let mut k = 0;
    for s in spans {
        let mut text = String::with_capacity(s.text.len());
        for c in s.text.chars() {
            if keep[k] {
                text.push(replace[k].unwrap_or(c));
            }
            k += 1;
        }
        out.push(Span { text, ..s });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(d: &Document) -> Vec<String> {
        d.blocks.iter().map(|b| b.text()).collect()
    }

    #[test]
    fn wechat_page_reads_js_content_with_title_and_bold() {
        let page = r#"<!DOCTYPE html><html><head><title>微信号</title>
            <meta property="og:title" content="对话张三：做难的事">
            <meta property="og:url" content="https://mp.weixin.qq.com/s/abc"></head>
            <body><div id="page"><h1 id="activity-name"> 对话张三：做难的事 </h1>
            <a id="js_name">某某科技</a><em id="publish_time">2024-07-03</em>
            <div id="js_content"><section><p><strong>问：</strong>你好&amp;再见？</p>
            <p><span style="font-weight: bold;">张三：</span>我们
            做了很久。<br>第二段。</p><script>var x = 1;</script></section></div>
            <div id="js_pc_qr_code">扫码关注</div></div></body></html>"#;
        let d = read(page).unwrap();
        assert_eq!(d.title.as_deref(), Some("对话张三：做难的事"));
        assert_eq!(d.url.as_deref(), Some("https://mp.weixin.qq.com/s/abc"));
        assert_eq!(d.date.as_deref(), Some("2024-07-03"));
        assert_eq!(d.author.as_deref(), Some("某某科技"));
        assert_eq!(
            texts(&d),
            vec!["问：你好&再见？", "张三：我们做了很久。", "第二段。"]
        );
        assert!(d.blocks[0].spans[0].strong);
        assert!(d.blocks[1].spans[0].strong && !d.blocks[1].spans[1].strong);
    }

    #[test]
    fn an_article_page_reads_its_main_content_only() {
        let filler = "这是一段足够长的正文，用来让正文容器胜出。".repeat(4);
        let page = format!(
            "<html><body><nav><p>首页 关于我们 联系方式 很多导航链接在这里</p></nav>\
             <div class=side><p>广告：点击这里获得更多精彩内容和优惠信息</p></div>\
             <div class=post><p>{filler}</p><p>李雷：{filler}</p><hr><img src=a.png></div>\
             <footer><p>版权所有，转载请注明出处，谢谢合作支持</p></footer></body></html>"
        );
        let d = read(&page).unwrap();
        let t = texts(&d);
        assert_eq!(t.len(), 4, "{t:?}");
        assert!(t[1].starts_with("李雷："));
        assert_eq!(d.blocks[2].kind, BlockKind::Rule);
        assert_eq!(d.blocks[3].kind, BlockKind::Image);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let page = format!(
            "<html><body>{}文字</body></html>",
            "<div>".repeat(MAX_DEPTH + 10)
        );
        assert!(matches!(read(&page), Err(ReadError::TooDeep { .. })));
    }
}
