//! The package document (`content.opf`): epub-builder writes it — manifest (every content
//! document, the stylesheet, the fonts, the cover image with `cover-image`), spine, the
//! description, subjects, `dcterms:modified`, the EPUB Accessibility 1.1 `meta` entries
//! ([`accessibility`], given to the crate through `add_metadata_opf`) and the `cover` meta —
//! and [`patch`] then rewrites what epub-builder 0.8 cannot be told:
//!
//! - the `package` tag: `xml:lang` and the identifier's id (`book-id`);
//! - the head of the metadata: the crate gives the language and the first creator the same
//!   id (`epub-creator-0`, invalid), writes every creator as `aut` only, no `file-as`, no
//!   title id, and dates only as full timestamps (a book's date may be `2026` or `2026-01`);
//!   `dc:source` has no setter;
//! - the manifest items: readable ids (`page-ch01`, `font-text-bold`) and `properties="svg"`
//!   on the SVG cover page (the crate has no item properties besides `cover-image`);
//! - the EPUB 2 guide: the crate always points `toc` at `nav.xhtml`, which is not in the
//!   spine (calibre then adds a stray 目录 page); ours names spine pages only.

use super::EpubError;
use super::inline::escape;
use super::meta::Resolved;
use super::xhtml::{COVER_PAGE, Page, PageKind};
use epub_builder::{EpubBuilder, MetadataOpf, MetadataOpfV3, ZipLibrary};
use std::collections::HashMap;
use std::fmt::Write as _;

/// What the patch needs to know of the book.
pub struct Contents<'a> {
    pub meta: &'a Resolved,
    /// `urn:uuid:…`
    pub uid: &'a str,
    pub pages: &'a [Page],
}

/// The generator's name, in the package and the nav.
pub const GENERATOR: &str = "jinju";

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

/// The EPUB Accessibility 1.1 entries and the generator, given to the crate's
/// `add_metadata_opf`.
pub fn accessibility(builder: &mut EpubBuilder<ZipLibrary>, language: &str, cover: bool) {
    let mut modes = vec![("accessMode", "textual")];
    if cover {
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
    if cover {
        modes.push(("accessibilityFeature", "alternativeText"));
    }
    modes.push(("accessibilityHazard", "none"));
    // The crate escapes the property, not the content.
    let mut meta = |property: &str, content: &str| {
        builder.add_metadata_opf(Box::new(MetadataOpfV3::new(
            property.to_string(),
            escape(content),
        )));
    };
    for (property, value) in modes {
        meta(&format!("schema:{property}"), value);
    }
    meta(
        "schema:accessibilitySummary",
        accessibility_summary(language, cover),
    );
    meta(
        "dcterms:conformsTo",
        "EPUB Accessibility 1.1 - WCAG 2.1 Level AA",
    );
    meta("a11y:certifiedBy", GENERATOR);
    builder.add_metadata_opf(Box::new(MetadataOpf {
        name: "generator".to_string(),
        content: GENERATOR.to_string(),
    }));
}

/// The package tag and the head of the metadata, up to `dcterms:modified` (the crate's).
fn head(c: &Contents<'_>) -> String {
    let m = c.meta;
    let mut out = format!(
        "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"book-id\" \
         xml:lang=\"{}\">\n<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n",
        escape(&m.language)
    );
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
    let people = [("creator", &m.creators), ("contributor", &m.contributors)];
    for (element, list) in people {
        for (n, person) in (1..).zip(list.iter()) {
            let id = format!("{element}-{n}");
            let _ = writeln!(
                out,
                "<dc:{element} id=\"{id}\">{}</dc:{element}>",
                escape(&person.name)
            );
            for role in &person.roles {
                let _ = writeln!(
                    out,
                    "<meta refines=\"#{id}\" property=\"role\" scheme=\"marc:relators\">{role}</meta>"
                );
            }
            if let Some(file_as) = &person.file_as {
                let _ = writeln!(
                    out,
                    "<meta refines=\"#{id}\" property=\"file-as\">{}</meta>",
                    escape(file_as)
                );
            }
        }
    }
    if let Some(publisher) = &m.publisher {
        let _ = writeln!(out, "<dc:publisher>{}</dc:publisher>", escape(publisher));
    }
    if let Some(date) = &m.date {
        let _ = writeln!(out, "<dc:date>{}</dc:date>", escape(date));
    }
    if let Some(url) = &m.source_url {
        let _ = writeln!(out, "<dc:source>{}</dc:source>", escape(url));
    }
    out
}

/// The value of attribute `name` in the tag `tag`.
fn attr<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[at..].split('"').next()
}

/// A manifest id for an item: `page-ch01`, `font-text-bold`; the crate's fixed ids stay.
fn item_id(crate_id: &str, href: &str, media: &str) -> String {
    if matches!(crate_id, "ncx" | "nav" | "cover-image") {
        return crate_id.to_string();
    }
    let stem = href.rsplit('/').next().unwrap_or(href);
    let stem = stem.split('.').next().unwrap_or(stem);
    let prefix = match media {
        "application/xhtml+xml" => "page",
        "text/css" => return "css".to_string(),
        m if m.starts_with("image/") => "image",
        _ => "font",
    };
    format!("{prefix}-{stem}")
}

/// The manifest and spine with readable ids, `svg` on the cover page.
fn items(manifest_and_spine: &str) -> Result<String, EpubError> {
    let mut ids = HashMap::new();
    let mut out = String::with_capacity(manifest_and_spine.len());
    for line in manifest_and_spine.lines() {
        let tag = line.trim();
        if tag.starts_with("<item ") {
            let get = |name| attr(tag, name).ok_or(EpubError::Patch("content.opf manifest"));
            let (id, href, media) = (get("id")?, get("href")?, get("media-type")?);
            let new_id = item_id(id, href, media);
            let props = match attr(tag, "properties") {
                Some(p) => format!(" properties=\"{p}\""),
                None if href == COVER_PAGE => " properties=\"svg\"".to_string(),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "<item id=\"{new_id}\" href=\"{href}\" media-type=\"{media}\"{props}/>"
            );
            ids.insert(id.to_string(), new_id);
        } else if tag.starts_with("<itemref ") {
            let id = attr(tag, "idref").ok_or(EpubError::Patch("content.opf spine"))?;
            let new_id = ids.get(id).ok_or(EpubError::Patch("content.opf spine"))?;
            let _ = writeln!(out, "<itemref idref=\"{new_id}\"/>");
        } else if !tag.is_empty() {
            out.push_str(tag);
            out.push('\n');
        }
    }
    Ok(out)
}

/// The EPUB 2 guide, for Kindle and calibre: only spine pages.
fn guide_of(pages: &[Page]) -> String {
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

/// The crate's package document with what it cannot write patched in (see the module doc).
pub fn patch(crate_opf: &str, c: &Contents<'_>) -> Result<String, EpubError> {
    let cut = |text: &str, mark: &str| -> Result<usize, EpubError> {
        text.find(mark).ok_or(EpubError::Patch("content.opf"))
    };
    let package = cut(crate_opf, "<package")?;
    let modified = cut(crate_opf, "<meta property=\"dcterms:modified\">")?;
    let manifest = cut(crate_opf, "<manifest>")?;
    let guide = cut(crate_opf, "<guide>")?;
    let mut out = String::with_capacity(crate_opf.len() + 2048);
    out.push_str(&crate_opf[..package]);
    out.push_str(&head(c));
    out.push_str(&crate_opf[modified..manifest]);
    out.push_str(&items(&crate_opf[manifest..guide])?);
    out.push_str(&guide_of(c.pages));
    out.push_str("</package>\n");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    /// The package document epub-builder writes for a fixed one-page book.
    fn crate_opf() -> String {
        let mut builder = EpubBuilder::new(ZipLibrary::new().expect("zip")).expect("builder");
        builder.epub_version(epub_builder::EpubVersion::V30);
        builder.set_title("书");
        builder.add_language("zh-CN");
        builder.set_generator(GENERATOR);
        builder.set_uuid(uuid::Uuid::nil());
        builder.set_modified_date(chrono::DateTime::UNIX_EPOCH);
        builder.stylesheet(&b"p {}"[..]).expect("stylesheet");
        builder
            .add_content(epub_builder::EpubContent::new(
                "ch01.xhtml",
                &b"<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"[..],
            ))
            .expect("content");
        let mut raw = Vec::new();
        builder.generate(&mut raw).expect("generate");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(raw)).expect("zip");
        let mut opf = String::new();
        std::io::Read::read_to_string(
            &mut zip
                .by_name(super::super::archive::PACKAGE_PATH)
                .expect("opf"),
            &mut opf,
        )
        .expect("read");
        opf
    }

    /// `patch` cuts the crate's package at four marks and rewrites its item lines: an
    /// epub-builder that writes anything else must fail here, not in a user's build
    /// (`Cargo.toml` pins the crate to the version this was checked against).
    #[test]
    fn the_pinned_crate_writes_the_package_the_patch_was_written_for() {
        let opf = crate_opf();
        for mark in [
            "<package",
            "<meta property=\"dcterms:modified\">",
            "<manifest>",
            "<guide>",
        ] {
            assert_eq!(opf.matches(mark).count(), 1, "{mark} in {opf}");
        }
        let digest = format!("{:x}", Sha256::digest(opf.as_bytes()));
        assert_eq!(
            digest, "b26a26f475261ac7586c1ad59a964da1f272a02332443d3f489d09527c5547d7",
            "epub-builder's package document changed: check package::patch against it, \
             then update this digest\n{opf}"
        );
        let meta = crate::epub::BookMeta::default()
            .resolve(&crate::epub::tests::fixture::sample())
            .expect("resolve");
        let patched = patch(
            &opf,
            &Contents {
                meta: &meta,
                uid: "urn:uuid:0",
                pages: &[],
            },
        )
        .expect("patch");
        roxmltree::Document::parse(&patched).expect("the patched package is well-formed XML");
    }

    #[test]
    fn the_crate_s_items_get_readable_ids_and_the_cover_page_svg() {
        let crate_items = "<manifest>\n  <item media-type=\"font/otf\" id=\"id_fonts_text_bold_otf\" href=\"fonts/text-bold.otf\"/>\n  \
            <item media-type=\"application/xhtml+xml\" id=\"id_cover_xhtml\" href=\"cover.xhtml\"/>\n</manifest>\n\
            <spine toc=\"ncx\">\n  <itemref idref=\"id_cover_xhtml\"/>\n</spine>\n";
        let out = items(crate_items).expect("patched");
        assert!(out.contains(
            "<item id=\"font-text-bold\" href=\"fonts/text-bold.otf\" media-type=\"font/otf\"/>"
        ));
        assert!(out.contains("<item id=\"page-cover\" href=\"cover.xhtml\" media-type=\"application/xhtml+xml\" properties=\"svg\"/>"));
        assert!(out.contains("<itemref idref=\"page-cover\"/>"));
        assert!(items("<spine>\n<itemref idref=\"unknown\"/>\n</spine>").is_err());
    }
}
