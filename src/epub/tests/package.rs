//! The package patch against the pinned epub-builder: its output digest, what the patch keeps
//! of it, and markup written otherwise (`package::patch` reads it as XML).

use crate::epub::EpubError;
use crate::epub::package::{Contents, GENERATOR, accessibility, patch};
use epub_builder::{EpubBuilder, ZipLibrary};
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
    accessibility(&mut builder, "zh-CN", true);
    builder
        .add_cover_image("images/cover.png", &b""[..], "image/png")
        .expect("cover");
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
            .by_name(crate::epub::archive::PACKAGE_PATH)
            .expect("opf"),
        &mut opf,
    )
    .expect("read");
    opf
}

/// What `patch` needs of a book: the fixture's metadata, no pages.
fn patched(opf: &str) -> Result<String, EpubError> {
    let meta = crate::epub::BookMeta::default()
        .resolve(&crate::epub::tests::fixture::sample())
        .expect("resolve");
    let contents = Contents {
        meta: &meta,
        uid: "urn:uuid:0",
        pages: &[],
    };
    patch(opf, &contents)
}

/// `patch` reads the crate's package as XML and keeps its metadata, manifest and spine:
/// an epub-builder that writes anything else must fail here, not in a user's build
/// (`Cargo.toml` pins the crate to the version this was checked against).
#[test]
fn the_pinned_crate_writes_the_package_the_patch_was_written_for() {
    let opf = crate_opf();
    let digest = format!("{:x}", Sha256::digest(opf.as_bytes()));
    assert_eq!(
        digest, "1fcd6f17dda48b058a7fe60f04b6cf273369eb3a412b48c1c9e245a635a79d4e",
        "epub-builder's package document changed: check package::patch against it, \
         then update this digest\n{opf}"
    );
    let out = patched(&opf).expect("patch");
    roxmltree::Document::parse(&out).expect("the patched package is well-formed XML");
    assert_eq!(out.matches("<dc:language>").count(), 1, "{out}");
    assert!(!out.contains("epub-creator-"), "{out}");
    for kept in [
        "<meta property=\"dcterms:modified\">1970-01-01T00:00:00Z</meta>",
        "<meta name=\"generator\" content=\"jinju\"/>",
        "<meta property=\"schema:accessMode\">visual</meta>",
        "<meta name=\"cover\" content=\"cover-image\"/>",
        "<item id=\"cover-image\" href=\"images/cover.png\" media-type=\"image/png\" properties=\"cover-image\"/>",
        "<item id=\"css\" href=\"stylesheet.css\" media-type=\"text/css\"/>",
        "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>",
        "<spine toc=\"ncx\" page-progression-direction=\"ltr\">\n<itemref idref=\"page-ch01\"/>\n</spine>",
    ] {
        assert!(out.contains(kept), "no {kept} in\n{out}");
    }
}

/// The crate's markup read as XML: attribute order, quotes, whitespace and prefixes may
/// differ from what epub-builder 0.8.3 writes and the patch is the same.
#[test]
fn the_crate_s_items_get_readable_ids_and_the_cover_page_svg_however_written() {
    let opf = "<?xml version='1.0'?>\n<opf:package xmlns:opf='http://www.idpf.org/2007/opf' \
        xmlns:purl='http://purl.org/dc/elements/1.1/'><opf:metadata>\
        <purl:title>x</purl:title><opf:meta property='dcterms:modified'>2026</opf:meta>\
        <purl:subject>访谈 &amp; 对话</purl:subject></opf:metadata><opf:manifest>\
        <opf:item href='fonts/text-bold.otf' id='id_fonts_text_bold_otf' media-type='font/otf'/>\
        <opf:item id='id_cover_xhtml' media-type='application/xhtml+xml' href='cover.xhtml'/>\
        </opf:manifest><opf:spine toc='ncx'>   <opf:itemref idref='id_cover_xhtml'/></opf:spine>\
        </opf:package>";
    let out = patched(opf).expect("patched");
    assert!(out.contains(
        "<item id=\"font-text-bold\" href=\"fonts/text-bold.otf\" media-type=\"font/otf\"/>"
    ));
    assert!(out.contains("<item id=\"page-cover\" href=\"cover.xhtml\" media-type=\"application/xhtml+xml\" properties=\"svg\"/>"));
    assert!(out.contains("<itemref idref=\"page-cover\"/>"));
    assert!(out.contains("<dc:subject>访谈 &amp; 对话</dc:subject>"));
    assert!(out.contains("<meta property=\"dcterms:modified\">2026</meta>"));
    assert!(
        !out.contains("<dc:title>x</dc:title>"),
        "the head writes the title"
    );
}

#[test]
fn a_package_the_patch_does_not_know_is_an_error_not_a_broken_book() {
    let package = |body: &str| {
        format!(
            "<package xmlns=\"http://www.idpf.org/2007/opf\" \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\">{body}</package>"
        )
    };
    let spine_to = |id: &str| {
        package(&format!(
            "<metadata/><manifest><item id=\"a\" href=\"a.xhtml\" media-type=\"application/xhtml+xml\"/>\
             </manifest><spine><itemref idref=\"{id}\"/></spine>"
        ))
    };
    assert!(patched(&spine_to("a")).is_ok());
    for opf in [
        spine_to("unknown"),
        package("<metadata/><spine/>"),
        package("<metadata/><metadata/><manifest/><spine/>"),
        package("<metadata><dc:subject><b>x</b></dc:subject></metadata><manifest/><spine/>"),
        package("<metadata/><manifest><item id=\"a\"/></manifest><spine/>"),
        "<package><metadata/><manifest/><spine/></package>".to_string(),
        "not xml".to_string(),
    ] {
        assert!(
            matches!(patched(&opf), Err(EpubError::Patch(_))),
            "patched: {opf}"
        );
    }
}
