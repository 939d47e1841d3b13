//! The book's pages as complete XHTML5 documents: escaping, Q&A classes, paragraph anchors.
//!
//! It owns the markup only; packaging (manifest, nav, zip) is `book`'s, the font `font`'s.
//! Every text that reaches a page goes through [`escape`]; every paragraph carries the id
//! [`Address::anchor`] gives it (`p3-12`), so quotes and readers can link to it.

use super::back::{self, About};
use crate::interview::{Interview, Kind, Paragraph, Section};
use crate::select::Quote;
use std::fmt::Write as _;

/// The stylesheet every page links to (epub-builder's nav uses the same name).
pub const STYLESHEET_HREF: &str = "stylesheet.css";

/// Where a page sits in the book; `book` maps it to landmarks and the table of contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Cover,
    TitlePage,
    Intro,
    Chapter,
    Highlights,
    About,
}

/// One XHTML file of the book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// File name inside the book, e.g. `ch03.xhtml`.
    pub file: String,
    /// Title for the table of contents, e.g. `03 谈泡沫`.
    pub title: String,
    pub kind: PageKind,
    pub xhtml: String,
}

/// The cover page and its title.
pub const COVER_PAGE: &str = "cover.xhtml";
pub const COVER_TITLE: &str = "封面";

/// The cover image's path inside the book.
pub const COVER_IMAGE: &str = "images/cover.png";

/// Escape text for XHTML element content and attribute values, and drop the characters XML
/// forbids (C0 controls other than tab and newline, U+FFFE, U+FFFF), so any input stays
/// well-formed.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            '\r' => out.push('\n'),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The text a reader sees in a page: tags removed, the entities [`escape`] writes decoded.
pub fn text_content(xhtml: &str) -> String {
    let body = xhtml.find("<body").map_or(xhtml, |i| &xhtml[i..]);
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = rest[open..]
            .find('>')
            .map_or("", |close| &rest[open + close + 1..]);
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The file a section's chapter is written to: `ch03.xhtml`; section 0 is the intro.
pub fn chapter_file(section: u32) -> String {
    match section {
        0 => "intro.xhtml".to_string(),
        n => format!("ch{n:02}.xhtml"),
    }
}

/// A section's title as the table of contents shows it: `03 谈泡沫`.
pub fn section_label(section: &Section) -> String {
    format!("{:02} {}", section.number, section.title)
}

/// All pages in reading order.
pub fn pages(interview: &Interview, quotes: &[Quote], about: &About, cover: bool) -> Vec<Page> {
    let mut out = Vec::new();
    let mut push = |file: &str, title: &str, kind, body: String| {
        out.push(Page {
            file: file.to_string(),
            title: title.to_string(),
            kind,
            xhtml: document(title, &body),
        });
    };
    let meta = &interview.meta;
    if cover {
        let body = format!(
            "<section epub:type=\"cover\" class=\"cover\">\n<img src=\"{COVER_IMAGE}\" alt=\"{}\"/>\n</section>",
            escape(&meta.title)
        );
        push(COVER_PAGE, COVER_TITLE, PageKind::Cover, body);
    }
    push(
        "title.xhtml",
        &meta.title,
        PageKind::TitlePage,
        title_page(interview),
    );
    let intro = &meta.intro_paragraphs;
    if !intro.is_empty() {
        let mut body = String::from(
            "<section epub:type=\"introduction\" class=\"intro\" id=\"intro\">\n<h1>导语</h1>\n",
        );
        for p in intro {
            body.push_str(&paragraph(p, &meta.interviewer));
        }
        body.push_str("</section>");
        push("intro.xhtml", "导语", PageKind::Intro, body);
    }
    for section in &interview.sections {
        let label = section_label(section);
        let file = chapter_file(section.number);
        push(
            &file,
            &label,
            PageKind::Chapter,
            chapter(section, &meta.interviewer),
        );
    }
    if !quotes.is_empty() {
        push(
            "quotes.xhtml",
            "金句",
            PageKind::Highlights,
            back::highlights(interview, quotes),
        );
    }
    push(
        "about.xhtml",
        "关于本书",
        PageKind::About,
        back::about(interview, about),
    );
    out
}

/// A complete XHTML5 document around `body`.
pub(super) fn document(title: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n\
         <html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" \
         lang=\"zh-CN\" xml:lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <title>{}</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"{STYLESHEET_HREF}\"/>\n\
         </head>\n<body>\n{body}\n</body>\n</html>\n",
        escape(title)
    )
}

fn title_page(interview: &Interview) -> String {
    let meta = &interview.meta;
    let mut body = format!(
        "<section epub:type=\"titlepage\" class=\"titlepage\">\n<h1 class=\"book-title\">{}</h1>\n",
        escape(&meta.title)
    );
    let names: Vec<&str> = [meta.interviewer.as_str(), meta.interviewee.as_str()]
        .into_iter()
        .filter(|n| !n.is_empty())
        .collect();
    if !names.is_empty() {
        let _ = writeln!(
            body,
            "<p class=\"byline\">访谈：{}</p>",
            escape(&names.join(" × "))
        );
    }
    if !meta.summary.is_empty() {
        let _ = writeln!(body, "<p class=\"summary\">{}</p>", escape(&meta.summary));
    }
    body.push_str("</section>");
    body
}

fn chapter(section: &Section, interviewer: &str) -> String {
    let mut body = format!(
        "<section epub:type=\"chapter\" class=\"chapter\" id=\"ch{n:02}\">\n<header>\n\
         <h1><span class=\"chapter-num\">{n:02}</span> <span class=\"chapter-title\">{title}</span></h1>\n",
        n = section.number,
        title = escape(&section.title),
    );
    if !section.pull_quote.is_empty() {
        let _ = writeln!(
            body,
            "<blockquote class=\"pull\" epub:type=\"pullquote\"><p>{}</p></blockquote>",
            escape(&section.pull_quote)
        );
    }
    body.push_str("</header>\n");
    for p in &section.paragraphs {
        body.push_str(&paragraph(p, interviewer));
    }
    body.push_str("</section>");
    body
}

/// `——` as one unbroken 2-em rule: the first dash of each pair is pulled 0.2 em into the
/// second (CJK fonts draw U+2014 short of its em box, so a pair shows a gap). The text is
/// unchanged; readers without CSS see the plain pair.
pub fn join_dashes(escaped: &str) -> String {
    escaped.replace("——", "<span class=\"dash\">—</span>—")
}

/// `text` escaped, with the editor's emphasis (`[start, end)` character ranges) as
/// `<strong class="em">`.
fn emphasised(text: &str, ranges: &[[usize; 2]]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + ranges.len() * 32);
    let mut at = 0;
    for &[a, b] in ranges {
        let (a, b) = (a.clamp(at, chars.len()), b.min(chars.len()));
        if a >= b {
            continue;
        }
        out.push_str(&escape(&chars[at..a].iter().collect::<String>()));
        out.push_str("<strong class=\"em\">");
        out.push_str(&escape(&chars[a..b].iter().collect::<String>()));
        out.push_str("</strong>");
        at = b;
    }
    out.push_str(&escape(&chars[at..].iter().collect::<String>()));
    out
}

/// One paragraph, with its anchor; a turn's first paragraph carries the speaker label and the
/// interviewer's turns are class `q` (answers `a`).
fn paragraph(p: &Paragraph, interviewer: &str) -> String {
    let id = p.address.anchor();
    let text = join_dashes(&emphasised(&p.text, &p.emphasis));
    let speaker = p.speaker.as_deref().unwrap_or("");
    let asks = !speaker.is_empty() && interviewer.split('、').any(|n| n == speaker);
    let class = match p.kind {
        Kind::Turn if asks => "q",
        Kind::Turn => "a",
        Kind::Note => "note",
        Kind::Gap => "gap",
        Kind::Prose => "prose",
        Kind::Caption => "caption",
    };
    if p.kind == Kind::Turn && p.opens_turn && !speaker.is_empty() {
        format!(
            "<p class=\"{class} open\" id=\"{id}\"><span class=\"who\">{}：</span>{text}</p>\n",
            escape(speaker)
        )
    } else {
        format!("<p class=\"{class}\" id=\"{id}\">{text}</p>\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_keeps_text_and_drops_what_xml_forbids() {
        assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
        assert_eq!(escape("x\u{1}y\u{FFFF}z"), "xyz");
        assert_eq!(text_content(&escape("<&>\"'")), "<&>\"'");
    }

    #[test]
    fn dash_pairs_are_joined_without_changing_the_text() {
        let marked = join_dashes("甲——乙————丙—丁");
        assert_eq!(marked.matches("class=\"dash\"").count(), 3);
        assert_eq!(text_content(&marked), "甲——乙————丙—丁");
    }

    #[test]
    fn text_content_strips_tags_and_head() {
        let page = document("标题", "<p class=\"a\">甲<span>乙</span>&amp;</p>");
        assert_eq!(text_content(&page).trim(), "甲乙&");
    }
}
