//! Packaging with epub-builder: metadata, manifest, spine, nav with landmarks, cover, font and
//! stylesheet. It owns the EPUB 3 package; the pages come ready from `xhtml`, and `repack`
//! makes the archive reproducible afterwards.

use super::EpubError;
use super::font::Subset;
use super::xhtml::{COVER_IMAGE, COVER_PAGE, COVER_TITLE, Page, PageKind, STYLESHEET_HREF};
use crate::interview::Interview;
use chrono::{DateTime, Utc};
use epub_builder::{EpubBuilder, EpubContent, EpubVersion, ReferenceType, ZipLibrary};
use uuid::Uuid;

/// The name of the table of contents (nav and the inline 目录 page).
pub const TOC_NAME: &str = "目录";

/// The namespace of the book identifiers: UUID v5 of "jinju" in the URL namespace.
fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"https://jinju.invalid/epub")
}

/// Everything that goes into the package.
pub struct Parts<'a> {
    pub interview: &'a Interview,
    pub pages: &'a [Page],
    pub css: &'a str,
    pub fonts: &'a [Subset],
    pub cover_png: Option<&'a [u8]>,
    pub date: DateTime<Utc>,
    pub subjects: &'a [String],
}

/// A text replacement in one archive entry, applied by `repack`: what epub-builder 0.8.2
/// cannot be told to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Patch {
    pub entry: &'static str,
    pub find: String,
    pub replace: String,
}

/// The `<html>` start tag epub-builder writes in its nav pages, and ours with the language.
const CRATE_HTML_TAG: &str =
    "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\">";

/// The patches the package needs: creators' MARC roles (the crate writes `aut` for every
/// creator: `ivr` interviewer, `ive` interviewee instead) and the language on the nav pages
/// (readers pick CJK glyph shapes by it), the landmarks list hidden from the reader (it is
/// for the reading system; the inline 目录 page would otherwise show it), and the 目录 freed
/// of entries for itself and the cover (both stay in the landmarks).
fn patches(roles: &[&str], cover: bool) -> Vec<Patch> {
    let role = |i: usize, role: &str| {
        format!(
            "<meta refines=\"#epub-creator-{i}\" property=\"role\" scheme=\"marc:relators\">{role}</meta>"
        )
    };
    let mut out: Vec<Patch> = (0..)
        .zip(roles)
        .map(|(i, r)| Patch {
            entry: "OEBPS/content.opf",
            find: role(i, "aut"),
            replace: role(i, r),
        })
        .collect();
    for entry in ["OEBPS/nav.xhtml", "OEBPS/toc.xhtml"] {
        out.push(Patch {
            entry,
            find: CRATE_HTML_TAG.to_string(),
            replace: CRATE_HTML_TAG.replace('>', " lang=\"zh-CN\" xml:lang=\"zh-CN\">"),
        });
        out.push(Patch {
            entry,
            find: "<nav epub:type = \"landmarks\">".to_string(),
            replace: "<nav epub:type=\"landmarks\" hidden=\"hidden\">".to_string(),
        });
        let own = [("toc.xhtml", TOC_NAME)].into_iter();
        for (href, title) in own.chain(cover.then_some((COVER_PAGE, COVER_TITLE))) {
            out.push(Patch {
                entry,
                find: format!("<li><a href=\"{href}\">{title}</a></li>\n"),
                replace: String::new(),
            });
        }
    }
    out
}

/// The book's identifier: UUID v5 of every page, the stylesheet and the fonts, so the same
/// content always gets the same identifier and different content a different one.
pub fn identifier(parts: &Parts<'_>) -> Uuid {
    let mut content = Vec::new();
    for page in parts.pages {
        content.extend_from_slice(page.file.as_bytes());
        content.push(0);
        content.extend_from_slice(page.xhtml.as_bytes());
        content.push(0);
    }
    content.extend_from_slice(parts.css.as_bytes());
    for font in parts.fonts {
        content.extend_from_slice(&font.bytes);
    }
    if let Some(cover) = parts.cover_png {
        content.extend_from_slice(cover);
    }
    Uuid::new_v5(&namespace(), &content)
}

fn reference(kind: PageKind) -> Option<ReferenceType> {
    match kind {
        PageKind::Cover => Some(ReferenceType::Cover),
        PageKind::TitlePage => Some(ReferenceType::TitlePage),
        PageKind::Intro => Some(ReferenceType::Text),
        PageKind::About => Some(ReferenceType::Colophon),
        PageKind::Chapter | PageKind::Highlights => None,
    }
}

/// Assemble the package. The archive's entries are stamped "now" by the crate; `repack`
/// re-stamps them and applies the returned patches.
pub fn assemble(parts: &Parts<'_>) -> Result<(Vec<u8>, Vec<Patch>), EpubError> {
    let meta = &parts.interview.meta;
    let mut builder = EpubBuilder::new(ZipLibrary::new()?)?;
    builder.epub_version(EpubVersion::V30);
    builder.set_title(meta.title.as_str());
    builder.set_lang("zh-CN");
    builder.set_generator("jinju");
    builder.set_toc_name(TOC_NAME);
    if !meta.summary.is_empty() {
        builder.add_description(meta.summary.as_str());
    }
    for subject in parts.subjects {
        builder.add_subject(subject.as_str());
    }
    let mut roles = Vec::new();
    for (name, role) in [(&meta.interviewer, "ivr"), (&meta.interviewee, "ive")] {
        if !name.is_empty() {
            builder.add_author(name.as_str());
            roles.push(role);
        }
    }
    builder.set_publication_date(parts.date);
    builder.set_modified_date(parts.date);
    builder.set_uuid(identifier(parts));
    builder.stylesheet(parts.css.as_bytes())?;
    debug_assert_eq!(STYLESHEET_HREF, "stylesheet.css");
    for font in parts.fonts {
        builder.add_resource(&font.file, font.bytes.as_slice(), font.media_type)?;
    }
    if let Some(png) = parts.cover_png {
        builder.add_cover_image(COVER_IMAGE, png, "image/png")?;
    }
    for page in parts.pages {
        let mut content =
            EpubContent::new(page.file.as_str(), page.xhtml.as_bytes()).title(page.title.as_str());
        if let Some(reftype) = reference(page.kind) {
            content = content.reftype(reftype);
        }
        builder.add_content(content)?;
        if page.kind == PageKind::TitlePage {
            builder.inline_toc();
        }
    }
    let mut out = Vec::new();
    builder.generate(&mut out)?;
    Ok((out, patches(&roles, parts.cover_png.is_some())))
}
