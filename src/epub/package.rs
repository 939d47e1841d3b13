//! The package document (`content.opf`): epub-builder writes it — manifest (every content
//! document, the stylesheet, the fonts, the cover image with `cover-image`), spine, the
//! description, subjects, `dcterms:modified`, the EPUB Accessibility 1.1 `meta` entries
//! ([`accessibility`], given to the crate through `add_metadata_opf`) and the `cover` meta —
//! and [`patch`] then reads it as XML (roxmltree: no string marks, so its whitespace, quotes
//! or attribute order may change) and writes it again with what epub-builder 0.8 cannot be
//! told:
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
use roxmltree::Node;
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

/// The package tag and the head of the metadata: identifier, title, language, creators and
/// contributors, publisher, date, source (the rest of the metadata is the crate's).
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

/// The package document's namespace, and Dublin Core's.
const OPF_NS: &str = "http://www.idpf.org/2007/opf";
const DC_NS: &str = "http://purl.org/dc/elements/1.1/";

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

/// The child elements of `node` named `name` in the package's namespace.
fn children<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
        .filter(|c| c.tag_name().namespace() == Some(OPF_NS))
}

/// The one child element `name` of `node`.
fn child<'a, 'i: 'a>(node: Node<'a, 'i>, name: &'static str) -> Result<Node<'a, 'i>, EpubError> {
    let mut found = children(node, name);
    match (found.next(), found.next()) {
        (Some(one), None) => Ok(one),
        _ => Err(EpubError::Patch("content.opf")),
    }
}

/// Whether `head` writes this metadata element in place of the crate's.
fn written_by_head(node: Node<'_, '_>) -> bool {
    let name = node.tag_name().name();
    match node.tag_name().namespace() {
        Some(DC_NS) => matches!(
            name,
            "identifier" | "title" | "language" | "creator" | "contributor" | "date" | "source"
        ),
        _ => name == "meta" && node.has_attribute("refines"),
    }
}

/// Attributes as markup: ` name="value"`…, none of them in a namespace.
fn attributes(node: Node<'_, '_>, part: &'static str) -> Result<String, EpubError> {
    let mut out = String::new();
    for a in node.attributes() {
        if a.namespace().is_some() {
            return Err(EpubError::Patch(part));
        }
        let _ = write!(out, " {}=\"{}\"", a.name(), escape(a.value()));
    }
    Ok(out)
}

/// A metadata element of the crate's as markup (`dc:` elements and `meta`, attributes and
/// text only).
fn metadata_element(node: Node<'_, '_>) -> Result<String, EpubError> {
    const PART: &str = "content.opf metadata";
    let local = node.tag_name().name();
    let name = match node.tag_name().namespace() {
        Some(DC_NS) => format!("dc:{local}"),
        Some(OPF_NS) if local == "meta" => local.to_string(),
        _ => return Err(EpubError::Patch(PART)),
    };
    if node.children().any(|c| c.is_element()) {
        return Err(EpubError::Patch(PART));
    }
    let mut out = format!("<{name}{}", attributes(node, PART)?);
    match node.text() {
        Some(text) if !text.is_empty() => {
            let _ = writeln!(out, ">{}</{name}>", escape(text));
        }
        _ => out.push_str("/>\n"),
    }
    Ok(out)
}

/// The manifest and spine with readable ids, `svg` on the cover page.
fn items(manifest: Node<'_, '_>, spine: Node<'_, '_>) -> Result<String, EpubError> {
    let mut ids = HashMap::new();
    let mut out = String::from("<manifest>\n");
    for item in children(manifest, "item") {
        let get = |name| {
            item.attribute(name)
                .ok_or(EpubError::Patch("content.opf manifest"))
        };
        let (id, href, media) = (get("id")?, get("href")?, get("media-type")?);
        let new_id = item_id(id, href, media);
        let props = match item.attribute("properties") {
            Some(p) => format!(" properties=\"{}\"", escape(p)),
            None if href == COVER_PAGE => " properties=\"svg\"".to_string(),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "<item id=\"{new_id}\" href=\"{}\" media-type=\"{}\"{props}/>",
            escape(href),
            escape(media)
        );
        ids.insert(id, new_id);
    }
    let _ = writeln!(
        out,
        "</manifest>\n<spine{}>",
        attributes(spine, "content.opf spine")?
    );
    for itemref in children(spine, "itemref") {
        let new_id = itemref
            .attribute("idref")
            .and_then(|id| ids.get(id))
            .ok_or(EpubError::Patch("content.opf spine"))?;
        let _ = writeln!(out, "<itemref idref=\"{new_id}\"/>");
    }
    out.push_str("</spine>\n");
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

/// The crate's package document, read as XML, with what it cannot write patched in (see the
/// module doc): [`head`] in place of its identifier, title, language, creators and date; the
/// rest of its metadata as it wrote it; its manifest and spine with readable ids; a guide of
/// spine pages.
pub fn patch(crate_opf: &str, c: &Contents<'_>) -> Result<String, EpubError> {
    let doc = roxmltree::Document::parse(crate_opf).map_err(|_| EpubError::Patch("content.opf"))?;
    let package = doc.root_element();
    if package.tag_name().name() != "package" || package.tag_name().namespace() != Some(OPF_NS) {
        return Err(EpubError::Patch("content.opf"));
    }
    let metadata = child(package, "metadata")?;
    let mut out = String::with_capacity(crate_opf.len() + 2048);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&head(c));
    for node in metadata.children().filter(|n| n.is_element()) {
        if !written_by_head(node) {
            out.push_str(&metadata_element(node)?);
        }
    }
    out.push_str("</metadata>\n");
    out.push_str(&items(
        child(package, "manifest")?,
        child(package, "spine")?,
    )?);
    out.push_str(&guide_of(c.pages));
    out.push_str("</package>\n");
    Ok(out)
}
