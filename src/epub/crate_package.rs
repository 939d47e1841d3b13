//! What epub-builder is told, and the archive it writes from that: the book's files by name
//! and media type with empty bodies (the bodies go in once, in `archive::repack`), and the
//! metadata it writes itself — title, language, generator, reading direction and writing
//! mode, modified date, description, subjects, the accessibility entries. The archive is
//! made while the fonts are subset: it names them from their faces before they exist
//! (`font::file_of`), and it carries a stand-in identifier, since `package::patch` writes
//! the book's own (a hash of every file, fonts included) and `nav` the NCX.

use super::figure::ImageFile;
use super::meta::Resolved;
use super::package::{self, GENERATOR};
use super::xhtml::{self, CONTENTS_TITLE, Page};
use super::{EpubError, EpubOptions};
use crate::interview::Interview;
use epub_builder::{EpubBuilder, EpubContent, EpubVersion, ZipLibrary};

/// The files the package lists, besides the stylesheet and the nav.
pub struct Listed<'a> {
    /// Each font's file name and media type.
    pub fonts: &'a [(String, &'static str)],
    pub cover: bool,
    pub images: &'a [(String, &'a ImageFile)],
    pub pages: &'a [Page],
}

/// epub-builder's archive of the book's names and metadata.
pub fn archive(
    interview: &Interview,
    opts: &EpubOptions,
    meta: &Resolved,
    listed: &Listed<'_>,
) -> Result<Vec<u8>, EpubError> {
    let mut builder = EpubBuilder::new(ZipLibrary::new()?)?;
    builder.epub_version(EpubVersion::V30);
    builder.set_title(meta.title.as_str());
    builder.add_language(meta.language.as_str());
    builder.set_generator(GENERATOR);
    builder.set_toc_name(CONTENTS_TITLE);
    if opts.vertical {
        // Vertical Chinese reads right to left, and so do its pages (the spine's
        // page-progression-direction; the crate's `epub_direction` sets a field it never reads).
        builder.metadata("direction", "rtl")?;
        // Kindle (and calibre's AZW3) read the writing mode from this meta, not the CSS.
        builder.add_metadata_opf(Box::new(epub_builder::MetadataOpf {
            name: "primary-writing-mode".to_string(),
            content: "vertical-rl".to_string(),
        }));
    }
    // A stand-in: the patched package and the NCX carry the book's identifier.
    builder.set_uuid(uuid::Uuid::nil());
    builder.set_modified_date(meta.modified);
    if !interview.meta.summary.is_empty() {
        builder.add_description(super::gap::spaced(&interview.meta.summary));
    }
    for subject in &meta.subjects {
        builder.add_subject(subject.as_str());
    }
    let pictures = listed.cover || !listed.images.is_empty();
    package::accessibility(&mut builder, &meta.language, pictures);
    debug_assert_eq!(xhtml::STYLESHEET_HREF, "stylesheet.css");
    let empty: &[u8] = &[];
    builder.stylesheet(empty)?;
    for (file, media_type) in listed.fonts {
        builder.add_resource(file, empty, *media_type)?;
    }
    if listed.cover {
        builder.add_cover_image(xhtml::COVER_IMAGE, empty, "image/png")?;
    }
    for (name, f) in listed.images {
        builder.add_resource(name.as_str(), empty, f.media_type)?;
    }
    // No titles: the crate's nav and NCX are replaced (see `nav`).
    for page in listed.pages {
        builder.add_content(EpubContent::new(page.file.as_str(), empty))?;
    }
    let mut raw = Vec::new();
    builder.generate(&mut raw)?;
    Ok(raw)
}
