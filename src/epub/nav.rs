//! The book's navigation: the EPUB 3 nav document (table of contents and landmarks), the
//! inline 目录 page of the spine, and the EPUB 2 NCX for older readers and Kindle conversion.
//!
//! The nav document and the NCX replace the ones epub-builder 0.8 writes (in `archive`'s
//! re-packing): its nav has no language (readers pick CJK glyph shapes by it), no DPUB-ARIA
//! roles, no `lang="en"` phrases, and shows its landmarks; its NCX has no `dtb:uid`, the
//! 目录's name as the book's title and no language; and its templates cannot be changed.
//!
//! Every entry and landmark points at a spine page (`nav.xhtml` itself is not in the spine:
//! a guide or landmark pointing at it makes calibre add a stray 目录 page). The table of
//! contents lists the reading order without the cover and the 目录 page itself.

use super::inline::{escape, phrase};
use super::xhtml::{CONTENTS_TITLE, Page, PageKind, document};
use std::fmt::Write as _;

/// The nav document's file name.
pub const NAV_FILE: &str = "nav.xhtml";
/// The NCX's file name.
pub const NCX_FILE: &str = "toc.ncx";

/// A titled link to a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub file: String,
    pub title: String,
}

/// The table of contents: every page but the cover and the 目录, in reading order.
pub fn entries(pages: &[Page]) -> Vec<Entry> {
    pages
        .iter()
        .filter(|p| !matches!(p.kind, PageKind::Cover | PageKind::Contents))
        .map(|p| Entry {
            file: p.file.clone(),
            title: p.title.clone(),
        })
        .collect()
}

/// The landmarks: `epub:type`, label, file.
pub fn landmarks(pages: &[Page]) -> Vec<(&'static str, &'static str, String)> {
    let first = |kinds: &[PageKind]| pages.iter().find(|p| kinds.contains(&p.kind));
    let mut out = Vec::new();
    let mut add = |kind, label, page: Option<&Page>| {
        if let Some(p) = page {
            out.push((kind, label, p.file.clone()));
        }
    };
    add("cover", "封面", first(&[PageKind::Cover]));
    add("titlepage", "扉页", first(&[PageKind::TitlePage]));
    add("toc", CONTENTS_TITLE, first(&[PageKind::Contents]));
    add(
        "bodymatter",
        "正文",
        first(&[PageKind::Intro, PageKind::Chapter]),
    );
    add("colophon", "关于本书", first(&[PageKind::About]));
    out
}

/// The `<nav epub:type="toc">` element.
fn toc_nav(entries: &[Entry], language: &str) -> String {
    let mut out = format!(
        "<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\" aria-labelledby=\"toc-title\">\n\
         <h1 id=\"toc-title\">{CONTENTS_TITLE}</h1>\n<ol>\n"
    );
    for e in entries {
        let _ = writeln!(
            out,
            "<li><a href=\"{}\">{}</a></li>",
            escape(&e.file),
            phrase(&e.title, language)
        );
    }
    out.push_str("</ol>\n</nav>");
    out
}

/// The body of the inline 目录 page.
pub fn contents_body(entries: &[Entry], language: &str) -> String {
    toc_nav(entries, language)
}

/// The nav document: the table of contents and the landmarks (hidden: they are for the
/// reading system).
pub fn nav_document(
    entries: &[Entry],
    landmarks: &[(&str, &str, String)],
    language: &str,
) -> String {
    let mut body = toc_nav(entries, language);
    body.push_str(
        "\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\" aria-labelledby=\"landmarks-title\">\n\
         <h2 id=\"landmarks-title\">导览</h2>\n<ol>\n",
    );
    for (kind, label, file) in landmarks {
        let _ = writeln!(
            body,
            "<li><a epub:type=\"{kind}\" href=\"{}\">{label}</a></li>",
            escape(file)
        );
    }
    body.push_str("</ol>\n</nav>");
    document(CONTENTS_TITLE, &body, language, None)
}

/// The NCX: the book's title, its identifier as `dtb:uid`, one navPoint per entry.
pub fn ncx(entries: &[Entry], title: &str, uid: &str, language: &str) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"{language}\">\n\
         <head>\n<meta name=\"dtb:uid\" content=\"{uid}\"/>\n<meta name=\"dtb:depth\" content=\"1\"/>\n\
         <meta name=\"dtb:totalPageCount\" content=\"0\"/>\n<meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n\
         </head>\n<docTitle><text>{}</text></docTitle>\n<navMap>\n",
        escape(title)
    );
    for (n, e) in (1..).zip(entries) {
        let _ = writeln!(
            out,
            "<navPoint id=\"nav-{n}\" playOrder=\"{n}\"><navLabel><text>{}</text></navLabel>\
             <content src=\"{}\"/></navPoint>",
            escape(&e.title),
            escape(&e.file)
        );
    }
    out.push_str("</navMap>\n</ncx>\n");
    out
}
