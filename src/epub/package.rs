//! The package document (`content.opf`): metadata — title, creators with MARC roles and
//! `file-as`, language, dates, EPUB Accessibility 1.1 — the manifest, the spine and the
//! EPUB 2 guide. Written by hand: epub-builder could not write roles, accessibility metadata,
//! `xml:lang` on the package or a guide limited to spine pages, and patching its output cost
//! a second pass over the archive.

use super::font::Subset;
use super::inline::escape;
use super::meta::{Resolved, w3c_datetime};
use super::nav::{NAV_FILE, NCX_FILE};
use super::xhtml::{COVER_IMAGE, Page, PageKind, STYLESHEET_HREF};
use std::fmt::Write as _;

/// What the package lists besides the pages.
pub struct Contents<'a> {
    pub meta: &'a Resolved,
    /// `urn:uuid:…`
    pub uid: &'a str,
    pub summary: &'a str,
    pub pages: &'a [Page],
    pub fonts: &'a [Subset],
    pub cover: bool,
    pub generator: &'a str,
}

/// The accessibility summary, in the book's language when it is Chinese.
fn accessibility_summary(language: &str, cover: bool) -> &'static str {
    match (language.starts_with("zh"), cover) {
        (true, true) => {
            "本书为可重排的文字书：全部内容均为文字，有目录、章节标题、问答与注释的语义标记和合乎逻辑的阅读顺序，字号、字体与配色可由阅读器调整；封面图片附有说明其书名与金句的替代文字。"
        }
        (true, false) => {
            "本书为可重排的文字书：全部内容均为文字，有目录、章节标题、问答与注释的语义标记和合乎逻辑的阅读顺序，字号、字体与配色可由阅读器调整。"
        }
        (false, true) => {
            "A reflowable text book: all content is text, with a table of contents, semantic markup for chapters, headings, questions and answers and notes, and a logical reading order; text size, font and colours can be changed by the reader. The cover image has alternative text naming its title and quote."
        }
        (false, false) => {
            "A reflowable text book: all content is text, with a table of contents, semantic markup for chapters, headings, questions and answers and notes, and a logical reading order; text size, font and colours can be changed by the reader."
        }
    }
}

/// A manifest id for a file: `page-ch01`, `font-text-bold`.
fn item_id(prefix: &str, file: &str) -> String {
    let stem = file.rsplit('/').next().unwrap_or(file);
    let stem = stem.split('.').next().unwrap_or(stem);
    format!("{prefix}-{stem}")
}

fn metadata(c: &Contents<'_>) -> String {
    let m = c.meta;
    let mut out = String::from("<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
    let _ = writeln!(
        out,
        "<dc:identifier id=\"book-id\">{}</dc:identifier>",
        c.uid
    );
    let _ = writeln!(
        out,
        "<dc:title id=\"title\">{}</dc:title>",
        escape(&m.title)
    );
    let _ = writeln!(out, "<dc:language>{}</dc:language>", escape(&m.language));
    for (n, creator) in (1..).zip(&m.creators) {
        let _ = writeln!(
            out,
            "<dc:creator id=\"creator-{n}\">{}</dc:creator>",
            escape(&creator.name)
        );
        for role in &creator.roles {
            let _ = writeln!(
                out,
                "<meta refines=\"#creator-{n}\" property=\"role\" scheme=\"marc:relators\">{role}</meta>"
            );
        }
        if let Some(file_as) = &creator.file_as {
            let _ = writeln!(
                out,
                "<meta refines=\"#creator-{n}\" property=\"file-as\">{}</meta>",
                escape(file_as)
            );
        }
    }
    if let Some(date) = &m.date {
        let _ = writeln!(out, "<dc:date>{}</dc:date>", escape(date));
    }
    if !c.summary.is_empty() {
        let _ = writeln!(
            out,
            "<dc:description>{}</dc:description>",
            escape(c.summary)
        );
    }
    for subject in &m.subjects {
        let _ = writeln!(out, "<dc:subject>{}</dc:subject>", escape(subject));
    }
    if let Some(url) = &m.source_url {
        let _ = writeln!(out, "<dc:source>{}</dc:source>", escape(url));
    }
    let _ = writeln!(
        out,
        "<meta property=\"dcterms:modified\">{}</meta>",
        w3c_datetime(m.modified)
    );
    // EPUB Accessibility 1.1.
    let mut modes = vec![("accessMode", "textual")];
    if c.cover {
        modes.push(("accessMode", "visual"));
    }
    modes.push(("accessModeSufficient", "textual"));
    for feature in [
        "structuralNavigation",
        "tableOfContents",
        "readingOrder",
        "displayTransformability",
    ] {
        modes.push(("accessibilityFeature", feature));
    }
    if c.cover {
        modes.push(("accessibilityFeature", "alternativeText"));
    }
    modes.push(("accessibilityHazard", "none"));
    for (property, value) in modes {
        let _ = writeln!(out, "<meta property=\"schema:{property}\">{value}</meta>");
    }
    let _ = writeln!(
        out,
        "<meta property=\"schema:accessibilitySummary\">{}</meta>",
        accessibility_summary(&m.language, c.cover)
    );
    out.push_str(
        "<meta property=\"dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>\n",
    );
    let _ = writeln!(
        out,
        "<meta property=\"a11y:certifiedBy\">{}</meta>",
        escape(c.generator)
    );
    if c.cover {
        out.push_str("<meta name=\"cover\" content=\"cover-image\"/>\n");
    }
    let _ = writeln!(
        out,
        "<meta name=\"generator\" content=\"{}\"/>",
        escape(c.generator)
    );
    out.push_str("</metadata>\n");
    out
}

fn manifest(c: &Contents<'_>) -> String {
    let mut out = String::from("<manifest>\n");
    let mut item = |id: &str, href: &str, media: &str, properties: Option<&str>| {
        let props = properties.map_or(String::new(), |p| format!(" properties=\"{p}\""));
        let _ = writeln!(
            out,
            "<item id=\"{id}\" href=\"{href}\" media-type=\"{media}\"{props}/>"
        );
    };
    item("ncx", NCX_FILE, "application/x-dtbncx+xml", None);
    item("nav", NAV_FILE, "application/xhtml+xml", Some("nav"));
    item("css", STYLESHEET_HREF, "text/css", None);
    for font in c.fonts {
        item(
            &item_id("font", &font.file),
            &font.file,
            font.media_type,
            None,
        );
    }
    if c.cover {
        item("cover-image", COVER_IMAGE, "image/png", Some("cover-image"));
    }
    for page in c.pages {
        let props = (page.kind == PageKind::Cover).then_some("svg");
        item(
            &item_id("page", &page.file),
            &page.file,
            "application/xhtml+xml",
            props,
        );
    }
    out.push_str("</manifest>\n");
    out
}

/// The EPUB 2 guide, for Kindle and calibre: only spine pages.
fn guide(pages: &[Page]) -> String {
    let mut out = String::from("<guide>\n");
    let mut seen_text = false;
    for page in pages {
        let kind = match page.kind {
            PageKind::Cover => "cover",
            PageKind::TitlePage => "title-page",
            PageKind::Contents => "toc",
            PageKind::Intro | PageKind::Chapter if !seen_text => {
                seen_text = true;
                "text"
            }
            PageKind::About => "colophon",
            _ => continue,
        };
        let _ = writeln!(
            out,
            "<reference type=\"{kind}\" title=\"{}\" href=\"{}\"/>",
            escape(&page.title),
            escape(&page.file)
        );
    }
    out.push_str("</guide>\n");
    out
}

/// The whole package document.
pub fn opf(c: &Contents<'_>) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"book-id\" \
         xml:lang=\"{}\">\n",
        escape(&c.meta.language)
    );
    out.push_str(&metadata(c));
    out.push_str(&manifest(c));
    out.push_str("<spine toc=\"ncx\">\n");
    for page in c.pages {
        let _ = writeln!(out, "<itemref idref=\"{}\"/>", item_id("page", &page.file));
    }
    out.push_str("</spine>\n");
    out.push_str(&guide(c.pages));
    out.push_str("</package>\n");
    out
}
