//! The book's pages as complete XHTML5 documents: the cover, the title page, the chapters with
//! their Q&A classes, paragraph anchors and footnotes, each section marked with its
//! `epub:type` and the matching DPUB-ARIA `role`.
//!
//! It owns the page markup only; packaging (manifest, nav, zip) is `package`'s and `nav`'s,
//! character-level markup `inline`'s, the back matter `back`'s. Every paragraph carries the id
//! `Address::anchor` gives it (`p3-12`), so quotes and readers can link to it.

use super::back::{self, About};
use super::figure::{self, Placed};
use super::gap::spaced;
use super::inline::{Styles, escape, phrase, styled};
use super::meta::is_web_link;
use crate::interview::inline_marks::{InlineMark, MarkKind};
use crate::interview::{Address, Interview, Kind, Paragraph, Section};
use crate::select::Quote;
use std::fmt::Write as _;

/// The stylesheet every page links to.
pub const STYLESHEET_HREF: &str = "stylesheet.css";

/// Where a page sits in the book; `package` and `nav` map it to landmarks and the guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Cover,
    TitlePage,
    Contents,
    Intro,
    Chapter,
    Highlights,
    /// The links' addresses, for readers that cannot follow a link.
    Links,
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

/// The cover page, its title and its image's path inside the book.
pub const COVER_PAGE: &str = "cover.xhtml";
pub const COVER_TITLE: &str = "封面";
pub const COVER_IMAGE: &str = "images/cover.png";

/// The inline table of contents (a spine page; `nav.xhtml` is the reading system's copy).
pub const CONTENTS_PAGE: &str = "toc.xhtml";
pub const CONTENTS_TITLE: &str = "目录";

/// The cover image as the cover page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverImage {
    pub width: u32,
    pub height: u32,
    /// The alt text: the title and the quote on the cover.
    pub alt: String,
}

/// What every page needs to know about the book.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    pub title: &'a str,
    pub language: &'a str,
    /// Their turns are questions (class `q`).
    pub interviewers: &'a [String],
    /// The source's italics and links (`Interview::marks`).
    pub marks: &'a [InlineMark],
    /// The source's images at their places.
    pub figures: &'a [Placed],
    /// The first turns that introduce their speaker (`Interview::first_turns_introduced`).
    pub introduced: &'a [(Address, String)],
}

/// The page that lists the links' addresses.
pub const LINKS_PAGE: &str = "links.xhtml";

/// The http(s) links of the paragraph at `p`'s address, in order.
pub fn web_links<'m>(marks: &'m [InlineMark], p: &Paragraph) -> Vec<([usize; 2], &'m str)> {
    marks
        .iter()
        .filter(|m| m.at == p.address)
        .filter_map(|m| match &m.kind {
            MarkKind::Link(href) if is_web_link(href) => Some((m.range, href.as_str())),
            _ => None,
        })
        .collect()
}

/// The file a section's chapter is written to: `ch03.xhtml`; section 0 is the intro.
pub fn chapter_file(section: u32) -> String {
    match section {
        0 => "intro.xhtml".to_string(),
        n => format!("ch{n:02}.xhtml"),
    }
}

/// A section's title as the table of contents shows it: `03 谈泡沫`.
/// A section's name in the contents and the highlights: `03 谈上市`, `谈上市`, `03`, or
/// `正文` for an interview without headings.
pub fn section_label(section: &Section) -> String {
    match section.heading() {
        h if h.is_empty() => "正文".to_string(),
        h => spaced(&h),
    }
}

impl Page {
    /// A page of `kind` around `body`.
    pub fn new(file: &str, title: &str, kind: PageKind, body: &str, language: &str) -> Page {
        let class = (kind == PageKind::Cover).then_some("cover-page duokan-page-fullscreen");
        Page {
            file: file.to_string(),
            title: title.to_string(),
            kind,
            xhtml: document(title, body, language, class),
        }
    }
}

/// The cover page, for an image of that size and alt text.
pub fn cover_page(cover: &CoverImage, language: &str) -> Page {
    Page::new(
        COVER_PAGE,
        COVER_TITLE,
        PageKind::Cover,
        &cover_body(cover),
        language,
    )
}

/// All pages in reading order but the cover and the 目录 (`book` adds the cover once it is
/// rendered, `nav` makes the 目录 from these pages' titles).
pub fn pages(
    interview: &Interview,
    quotes: &[Quote],
    about: &About,
    cx: &Context<'_>,
) -> Vec<Page> {
    let mut out = Vec::new();
    let mut push = |file: &str, title: &str, kind, body: String| {
        out.push(Page::new(file, title, kind, &body, cx.language));
    };
    push(
        "title.xhtml",
        cx.title,
        PageKind::TitlePage,
        super::title_page::title_page(interview, cx),
    );
    let intro = &interview.meta.intro_paragraphs;
    if !intro.is_empty() {
        let mut body = String::from(
            "<section epub:type=\"introduction\" role=\"doc-introduction\" class=\"intro\" id=\"intro\">\n<h1>导语</h1>\n",
        );
        body.push_str(&paragraphs(intro, cx));
        body.push_str("</section>");
        push("intro.xhtml", "导语", PageKind::Intro, body);
    }
    let last = interview.sections.last().map(|s| s.number);
    for section in &interview.sections {
        let mut body = chapter(section, cx);
        if Some(section.number) == last {
            // The images after the last paragraph close the last chapter.
            let trailing: String = (cx.figures.iter())
                .filter(|f| f.before.is_none())
                .map(|f| figure::markup(f, cx.language, None))
                .collect();
            if let Some(end) = body.rfind("</section>") {
                body.insert_str(end, &trailing);
            }
        }
        push(
            &chapter_file(section.number),
            &section_label(section),
            PageKind::Chapter,
            body,
        );
    }
    if !quotes.is_empty() {
        let body = back::highlights(interview, quotes, cx.language);
        push("quotes.xhtml", "金句", PageKind::Highlights, body);
    }
    if let Some(body) = back::links(interview, cx) {
        push(LINKS_PAGE, "链接", PageKind::Links, body);
    }
    push(
        "about.xhtml",
        "关于本书",
        PageKind::About,
        back::about(interview, about, cx.language),
    );
    out
}

/// A complete XHTML5 document around `body`, in `language`.
pub(super) fn document(title: &str, body: &str, language: &str, class: Option<&str>) -> String {
    let class = class.map_or(String::new(), |c| format!(" class=\"{c}\""));
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n\
         <html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" \
         lang=\"{language}\" xml:lang=\"{language}\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <title>{}</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"{STYLESHEET_HREF}\"/>\n\
         </head>\n<body{class}>\n{body}\n</body>\n</html>\n",
        escape(title)
    )
}

/// The cover: the image in an SVG wrapper that scales it whole into any viewport. It is an
/// `img` with the alt text as its label; the landmarks and the guide say it is the cover
/// (epubcheck allows no `doc-cover` role on `svg`, and Ace wants one wherever
/// `epub:type="cover"` is).
fn cover_body(cover: &CoverImage) -> String {
    let (w, h) = (cover.width, cover.height);
    format!(
        "<div class=\"cover\">\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
         version=\"1.1\" width=\"100%\" height=\"100%\" viewBox=\"0 0 {w} {h}\" \
         preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"{alt}\">\n\
         <image width=\"{w}\" height=\"{h}\" xlink:href=\"{COVER_IMAGE}\"/>\n</svg>\n</div>",
        alt = escape(&cover.alt)
    )
}

fn chapter(section: &Section, cx: &Context<'_>) -> String {
    let number = match section.printed_number() {
        Some(n) => format!("<span class=\"chapter-num\">{n:02}</span> "),
        None => String::new(),
    };
    let title = match (section.title.as_deref(), section.printed_number()) {
        (None, Some(_)) => String::new(),
        (None, None) => "<span class=\"chapter-title\">正文</span>".to_string(),
        (Some(t), _) => format!(
            "<span class=\"chapter-title\">{}</span>",
            phrase(t, cx.language)
        ),
    };
    let mut body = format!(
        "<section epub:type=\"chapter\" role=\"doc-chapter\" class=\"chapter\" id=\"ch{n:02}\">\n<header>\n\
         <h1>{number}{title}</h1>\n",
        n = section.number,
    );
    if let Some(pull_quote) = &section.pull_quote {
        let _ = writeln!(
            body,
            "<blockquote class=\"pull\" epub:type=\"pullquote\" role=\"doc-pullquote\"><p>{}</p></blockquote>",
            phrase(pull_quote, cx.language)
        );
    }
    body.push_str("</header>\n");
    body.push_str(&paragraphs(&section.paragraphs, cx));
    body.push_str("</section>");
    body
}

/// Whether the note at `i` is a separate aside: an editor's note after a paragraph of text,
/// which then carries the reference to it.
fn is_footnote(ps: &[Paragraph], i: usize) -> bool {
    ps[i].kind == Kind::Note && i > 0 && matches!(ps[i - 1].kind, Kind::Turn | Kind::Prose)
}

/// A run of paragraphs; an editor's note that follows text becomes a pop-up footnote
/// (`noteref` at the end of that text, the note in an `aside`, with 多看's classes); a
/// caption line right under images becomes the last one's `figcaption`.
fn paragraphs(ps: &[Paragraph], cx: &Context<'_>) -> String {
    let mut out = String::new();
    for (i, p) in ps.iter().enumerate() {
        let caption = || styled(&p.text, &styles(p, cx), cx.language);
        let (figures, captioned) = figure::above(cx.figures, p, cx.language, caption);
        out.push_str(&figures);
        if captioned {
            continue;
        }
        if is_footnote(ps, i) {
            let id = p.address.anchor();
            let _ = writeln!(
                out,
                "<aside epub:type=\"footnote\" role=\"doc-footnote\" class=\"footnote\" id=\"{id}\">\
                 <ol class=\"duokan-footnote-content\"><li class=\"duokan-footnote-item\">\
                 <p class=\"note\">{}</p></li></ol></aside>",
                phrase(&p.text, cx.language)
            );
            continue;
        }
        let noteref = (i + 1 < ps.len() && is_footnote(ps, i + 1)).then(|| {
            let to = ps[i + 1].address.anchor();
            format!(
                "<a class=\"duokan-footnote noteref\" epub:type=\"noteref\" role=\"doc-noteref\" \
                 id=\"ref-{to}\" href=\"#{to}\">注</a>"
            )
        });
        out.push_str(&paragraph(p, cx, noteref.as_deref().unwrap_or("")));
    }
    out
}

/// One paragraph, with its anchor; a turn's first paragraph carries the speaker label and the
/// interviewers' turns are class `q` (answers `a`).
fn paragraph(p: &Paragraph, cx: &Context<'_>, after: &str) -> String {
    let id = p.address.anchor();
    let text = styled(&p.text, &styles(p, cx), cx.language);
    let speaker = p.speaker.as_deref().unwrap_or("");
    let class = match p.kind {
        Kind::Turn if cx.interviewers.iter().any(|i| i == speaker) => "q",
        Kind::Turn => "a",
        Kind::Note => "note",
        Kind::Gap => "gap",
        Kind::Prose => "prose",
        Kind::Caption => "caption",
    };
    if p.kind == Kind::Turn && p.opens_turn && !speaker.is_empty() {
        let who = match cx.introduced.iter().find(|(at, _)| *at == p.address) {
            Some((_, affiliation)) => format!("{speaker}（{affiliation}）"),
            None => speaker.to_string(),
        };
        format!(
            "<p class=\"{class} open\" id=\"{id}\"><span class=\"who\">{}：</span>{text}{after}</p>\n",
            phrase(&who, cx.language)
        )
    } else {
        format!("<p class=\"{class}\" id=\"{id}\">{text}{after}</p>\n")
    }
}

/// A paragraph's bold, italics and links.
fn styles<'m>(p: &Paragraph, cx: &Context<'m>) -> Styles<'m> {
    Styles {
        bold: p.emphasis.clone(),
        italic: (cx.marks.iter())
            .filter(|m| m.at == p.address && m.kind == MarkKind::Italic)
            .map(|m| m.range)
            .collect(),
        links: web_links(cx.marks, p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::epub::inline::text_content;

    #[test]
    fn text_content_strips_tags_and_head() {
        let page = document(
            "标题",
            "<p class=\"a\">甲<span>乙</span>&amp;</p>",
            "zh-CN",
            None,
        );
        assert_eq!(text_content(&page).trim(), "甲乙&");
        assert!(page.contains("lang=\"zh-CN\" xml:lang=\"zh-CN\""));
    }
}
