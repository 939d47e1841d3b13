//! Tests of the whole book: validity (epubcheck), reproducibility, completeness, escaping, links.
//! These run on a hand-made interview (`fixture`); `bundled` runs on the real one.

mod bundled;
pub(super) mod fixture;
mod font;
mod package;
mod reader;
mod whole;

use super::inline::text_content;
use super::*;
use fixture::{sample, sample_quotes};
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// A tiny valid PNG (the cover).
pub(super) fn png() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(60, 75, image::Rgb([246, 241, 231]));
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("encode a png in memory");
    out.into_inner()
}

/// Every entry of an archive by name, in archive order.
pub(super) fn entries(epub: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(epub)).expect("the epub is a zip");
    (0..zip.len())
        .map(|i| {
            let mut e = zip.by_index(i).expect("entry");
            let mut data = Vec::new();
            e.read_to_end(&mut data).expect("read entry");
            (e.name().to_string(), data)
        })
        .collect()
}

pub(super) fn entry(epub: &[u8], name: &str) -> String {
    let found = entries(epub).into_iter().find(|(n, _)| n == name);
    String::from_utf8(found.unwrap_or_else(|| panic!("no {name}")).1).expect("utf-8")
}

/// The text of the spine, in reading order, with the pages' text joined.
pub(super) fn book_text(epub: &[u8]) -> String {
    let files: BTreeMap<String, Vec<u8>> = entries(epub).into_iter().collect();
    let opf = String::from_utf8_lossy(&files["OEBPS/content.opf"]).to_string();
    let href_of = |id: &str| {
        let tag = format!("id=\"{id}\" href=\"");
        let at = opf
            .find(&tag)
            .map(|i| i + tag.len())
            .expect("manifest item");
        opf[at..].split('"').next().unwrap_or_default().to_string()
    };
    opf.split("<itemref idref=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|id| {
            text_content(&String::from_utf8_lossy(
                &files[&format!("OEBPS/{}", href_of(id))],
            ))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Assert that every paragraph of the interview appears in the text, in order, and no debris.
pub(super) fn assert_complete(interview: &Interview, text: &str) {
    let mut from = 0;
    for p in interview.paragraphs() {
        // The book sets the Han–Latin gap as a character.
        let spaced = super::gap::spaced(&p.text);
        match text[from..].find(&spaced) {
            Some(at) => from += at + spaced.len(),
            None => panic!(
                "paragraph {} missing or out of order: {}",
                p.address, p.text
            ),
        }
    }
    for debris in &interview.dropped {
        let debris = debris.trim();
        assert!(
            debris.is_empty() || !text.contains(debris),
            "debris in the book: {debris}"
        );
    }
}

/// The command that runs epubcheck: `$EPUBCHECK_JAR` or the `epubcheck` on `PATH`, through
/// `java -jar` when it is a jar (Debian installs the jar itself as `epubcheck`).
fn epubcheck_command() -> Option<std::process::Command> {
    let jar = std::env::var_os("EPUBCHECK_JAR").map(std::path::PathBuf::from);
    let found = jar.or_else(|| {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path)
            .map(|d| d.join("epubcheck"))
            .find(|p| p.is_file())
    })?;
    let is_jar = std::fs::read(&found).is_ok_and(|b| b.starts_with(b"PK"));
    Some(if is_jar {
        let mut java = std::process::Command::new("java");
        // A short-lived JVM: the client compiler and serial GC halve epubcheck's run time.
        java.args(["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar"])
            .arg(found);
        java
    } else {
        std::process::Command::new(found)
    })
}

/// Run epubcheck and require 0 fatals, 0 errors, 0 warnings. Fails (never skips) when it is
/// missing, in CI and out of it.
pub(super) fn epubcheck(epub: &[u8]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("book.epub");
    std::fs::write(&path, epub).expect("write the book");
    let ci = std::env::var("CI").is_ok();
    let hint = "install it (apt-get install epubcheck) or set EPUBCHECK_JAR to its jar";
    let Some(mut command) = epubcheck_command() else {
        panic!("epubcheck is required and was not found on PATH (CI: {ci}); {hint}");
    };
    let out = command
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("epubcheck could not be run ({e}; CI: {ci}); {hint}"));
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "epubcheck failed:\n{report}");
    assert!(
        report.contains("No errors or warnings detected"),
        "epubcheck:\n{report}"
    );
    assert!(
        !report.contains("WARNING") && !report.contains("ERROR"),
        "epubcheck:\n{report}"
    );
}

pub(super) fn full_options() -> EpubOptions {
    EpubOptions {
        cover_png: Some(png()),
        cover_quote: Some("就是，一个开路的人。".into()),
        ..EpubOptions::default()
    }
}

#[test]
#[ignore = "needs epubcheck"]
fn epubcheck_finds_nothing() {
    let epub = build(&sample(), &sample_quotes(), &full_options()).expect("build");
    epubcheck(&epub);
}

#[test]
fn two_builds_are_byte_identical() {
    let one = build(&sample(), &sample_quotes(), &full_options()).expect("build");
    let two = build(&sample(), &sample_quotes(), &full_options()).expect("build");
    assert!(one == two, "two builds differ");
}

#[test]
fn mimetype_comes_first_and_stored() {
    let epub = build(&sample(), &[], &EpubOptions::default()).expect("build");
    assert_eq!(&epub[30..38], b"mimetype");
    assert_eq!(&epub[38..58], b"application/epub+zip");
}

/// epub-builder is given names and types only: every file of the book must still arrive whole,
/// fonts and images stored (compressed already, or by too little to pay), text deflated.
#[test]
fn every_file_is_zipped_once_with_its_bytes() {
    let opts = EpubOptions {
        font: Some(BOOK_REGULAR.into()),
        ..full_options()
    };
    let epub = build(&sample(), &sample_quotes(), &opts).expect("build");
    let mut zip = zip::ZipArchive::new(Cursor::new(&epub)).expect("the epub is a zip");
    let mut seen = Vec::new();
    for i in 0..zip.len() {
        let e = zip.by_index(i).expect("entry");
        let name = e.name().to_string();
        assert!(e.size() > 0, "{name} is empty");
        let binary = name.ends_with(".png") || name.ends_with(".otf");
        let want = match (name.as_str(), binary) {
            ("mimetype", _) | (_, true) => zip::CompressionMethod::Stored,
            _ => zip::CompressionMethod::Deflated,
        };
        assert_eq!(e.compression(), want, "{name}");
        seen.push(name);
    }
    let png_bytes = entries(&epub)
        .into_iter()
        .find(|(n, _)| n == "OEBPS/images/cover.png")
        .expect("the cover image")
        .1;
    assert_eq!(png_bytes, png());
    assert!(seen.contains(&"OEBPS/fonts/text.otf".to_string()));
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "a file twice in {seen:?}");
    assert!(entry(&epub, "OEBPS/ch01.xhtml").contains("<section epub:type=\"chapter\""));
    assert!(entry(&epub, "OEBPS/stylesheet.css").starts_with("@charset"));
}

#[test]
fn every_paragraph_in_order_and_no_debris() {
    let interview = sample();
    let epub = build(&interview, &sample_quotes(), &full_options()).expect("build");
    assert_complete(&interview, &book_text(&epub));
}

#[test]
fn markup_characters_survive_as_text() {
    let epub = build(&sample(), &[], &EpubOptions::default()).expect("build");
    let ch = entry(&epub, "OEBPS/ch01.xhtml");
    assert!(ch.contains("</span> &amp;&amp; <span"));
    assert!(ch.contains("，还有&quot;引号&quot;和&#39;撇号&#39;"));
    assert!(text_content(&ch).contains("公式里写 a<b && c>d，还有\"引号\"和'撇号'。"));
}

#[test]
fn questions_answers_notes_and_anchors_are_marked() {
    let epub = build(&sample(), &[], &EpubOptions::default()).expect("build");
    let ch = entry(&epub, "OEBPS/ch01.xhtml");
    assert!(ch.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    assert!(ch.contains("lang=\"zh-CN\" xml:lang=\"zh-CN\""));
    assert!(ch.contains("<section epub:type=\"chapter\" role=\"doc-chapter\""));
    assert!(
        ch.contains("<p class=\"q open\" id=\"p1-1\"><span class=\"who\">张小珺：</span>为什么")
    );
    assert!(ch.contains("<p class=\"a open\" id=\"p1-2\"><span class=\"who\">张鹏：</span>确实"));
    assert!(ch.contains("<p class=\"a\" id=\"p1-3\">在不同"));
    // The editor's note after 1.3 is its footnote, referenced from the end of 1.3.
    assert!(ch.contains("度过这一段。<a class=\"duokan-footnote noteref\" epub:type=\"noteref\" role=\"doc-noteref\" id=\"ref-p1-4\" href=\"#p1-4\">注</a></p>"));
    assert!(ch.contains("<aside epub:type=\"footnote\" role=\"doc-footnote\" class=\"footnote\" id=\"p1-4\"><ol class=\"duokan-footnote-content\"><li class=\"duokan-footnote-item\"><p class=\"note\">（访谈当天"));
    assert!(ch.contains(
        "<blockquote class=\"pull\" epub:type=\"pullquote\" role=\"doc-pullquote\"><p>我觉得祝大家好运吧</p>"
    ));
    assert!(entry(&epub, "OEBPS/ch02.xhtml").contains("<p class=\"gap\" id=\"p2-2\">……</p>"));
}

#[test]
fn quotes_link_back_to_their_paragraphs() {
    let epub = build(&sample(), &sample_quotes(), &EpubOptions::default()).expect("build");
    let hl = entry(&epub, "OEBPS/quotes.xhtml");
    assert!(hl.contains("<a href=\"ch02.xhtml#p2-3\">出自 02 谈希冀</a>"));
    assert!(hl.contains("<a href=\"ch01.xhtml#p1-2\">出自 01 谈上市</a>"));
    assert!(
        hl.contains("<a href=\"ch01.xhtml\">出自 01 谈上市</a>"),
        "ad hoc quote links its chapter"
    );
    for href in hl
        .split("href=\"")
        .skip(2)
        .filter_map(|s| s.split('"').next())
    {
        let (file, anchor) = href.split_once('#').unwrap_or((href, ""));
        let page = entry(&epub, &format!("OEBPS/{file}"));
        assert!(
            anchor.is_empty() || page.contains(&format!("id=\"{anchor}\"")),
            "{href}"
        );
    }
}

#[test]
fn metadata_has_roles_language_dates_and_a_content_identifier() {
    let opts = EpubOptions {
        meta: BookMeta {
            source_date_epoch: Some(1_700_000_000),
            ..BookMeta::default()
        },
        ..EpubOptions::default()
    };
    let epub = build(&sample(), &[], &opts).expect("build");
    let opf = entry(&epub, "OEBPS/content.opf");
    // The interviewer is the author (calibre and Kindle show `aut` creators) and interviewer.
    assert!(opf.contains("<dc:creator id=\"creator-1\">张小珺</dc:creator>\n<meta refines=\"#creator-1\" property=\"role\" scheme=\"marc:relators\">aut</meta>\n<meta refines=\"#creator-1\" property=\"role\" scheme=\"marc:relators\">ivr</meta>"));
    assert!(opf.contains("<dc:creator id=\"creator-2\">张鹏</dc:creator>\n<meta refines=\"#creator-2\" property=\"role\" scheme=\"marc:relators\">ive</meta>"));
    assert!(opf.contains("<dc:language>zh-CN</dc:language>"));
    assert!(opf.contains("<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>"));
    assert!(opf.contains("<dc:date>2023-11-14</dc:date>"));
    assert!(opf.contains("<dc:description>本文是对智谱"));
    assert!(
        !opf.contains("<dc:subject>"),
        "no subject unless one is given"
    );
    assert!(entry(&epub, "OEBPS/nav.xhtml").contains("lang=\"zh-CN\" xml:lang=\"zh-CN\""));
    let id = |epub: &[u8]| {
        let opf = entry(epub, "OEBPS/content.opf");
        opf.split("urn:uuid:")
            .nth(1)
            .map(|s| s[..36].to_string())
            .expect("identifier")
    };
    let mut other = sample();
    other.sections[0].paragraphs[2].text.push('！');
    let changed = build(&other, &[], &opts).expect("build");
    assert_eq!(id(&epub), id(&build(&sample(), &[], &opts).expect("build")));
    assert_ne!(id(&epub), id(&changed));
    assert!(entry(&epub, "OEBPS/toc.ncx").contains(&format!("content=\"urn:uuid:{}\"", id(&epub))));
}

#[test]
fn the_date_stamps_the_zip_entries() {
    let at = |epoch| {
        let opts = EpubOptions {
            meta: BookMeta {
                source_date_epoch: Some(epoch),
                ..BookMeta::default()
            },
            ..EpubOptions::default()
        };
        let epub = build(&sample(), &[], &opts).expect("build");
        let mut zip = zip::ZipArchive::new(Cursor::new(epub)).expect("zip");
        let stamp = zip
            .by_index(3)
            .expect("entry")
            .last_modified()
            .expect("stamp");
        (stamp.year(), stamp.month(), stamp.day())
    };
    assert_eq!(at(1_700_000_000), (2023, 11, 14));
    assert_eq!(at(0), (1980, 1, 1));
}

#[test]
fn a_cover_that_is_not_png_is_refused() {
    let opts = EpubOptions {
        cover_png: Some(b"GIF89a".to_vec()),
        ..EpubOptions::default()
    };
    let err = build(&sample(), &[], &opts).expect_err("not a png");
    assert!(matches!(err, EpubError::CoverNotPng));
    assert!(err.to_string().starts_with("the cover is not a png"));
}

#[test]
fn the_nav_lists_the_reading_order_and_keeps_landmarks_hidden() {
    let interview = sample();
    let epub = build(&interview, &sample_quotes(), &full_options()).expect("build");
    let title = interview.meta.title.as_str();
    for name in ["OEBPS/nav.xhtml", "OEBPS/toc.xhtml"] {
        let nav = entry(&epub, name);
        let (toc, landmarks) = nav
            .split_once("epub:type=\"landmarks\"")
            .unwrap_or((nav.as_str(), ""));
        let titles: Vec<String> = toc
            .split("<li><a href=\"")
            .skip(1)
            .filter_map(|s| s.split_once("\">")?.1.split_once("</a>"))
            .map(|(t, _)| text_content(t))
            .collect();
        let expected = [title, "导语", "01 谈上市", "02 谈希冀", "金句", "关于本书"];
        assert_eq!(titles, expected, "{name}");
        assert!(
            toc.contains("<nav epub:type=\"toc\" role=\"doc-toc\""),
            "{name}"
        );
        if name == "OEBPS/toc.xhtml" {
            assert!(landmarks.is_empty(), "the inline 目录 has no landmarks");
            continue;
        }
        assert!(
            landmarks.starts_with(" id=\"landmarks\" hidden=\"hidden\""),
            "{name}"
        );
        for (kind, file) in [
            ("cover", "cover.xhtml"),
            ("titlepage", "title.xhtml"),
            ("toc", "toc.xhtml"),
            ("bodymatter", "intro.xhtml"),
            ("colophon", "about.xhtml"),
        ] {
            let link = format!("epub:type=\"{kind}\" href=\"{file}\"");
            assert!(landmarks.contains(&link), "{name}: {link}");
        }
    }
}
