//! A Word file's drawings in the book: a `.docx` of my own built here (a title, a lead
//! photo, a photo with its caption in the same paragraph, a drawing whose picture is
//! missing from the file, a linked picture fetched from the test's own server) through
//! `jinju epub`: each picture at its place, scaled to 1600 px, the linked one fetched with
//! `--fetch-images`, the missing one a placeholder with a warning; a Word file larger than a
//! text's cap read; epubcheck clean.

use super::book_images::assert_in_reading_order;
use super::epub::entry;
use super::fetch_limits::png;
use super::image_server::{ImageServer, Reply};
use super::readers::epubcheck;
use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};

const NAMESPACES: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
    xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
    xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
    xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
    xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

fn text(t: &str, bold: bool) -> String {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!("<w:r>{props}<w:t xml:space=\"preserve\">{t}</w:t></w:r>")
}

fn paragraph(runs: &str) -> String {
    format!("<w:p>{runs}</w:p>")
}

/// A turn: the speaker's label in bold, then the answer.
fn turn(label: &str, words: &str) -> String {
    paragraph(&(text(label, true) + &text(words, false)))
}

/// A picture as Word writes it: `r:embed` (in the file) or `r:link` (a linked picture).
fn drawing(how: &str, id: &str, descr: &str) -> String {
    format!(
        "<w:r><w:drawing><wp:inline><wp:extent cx=\"5000000\" cy=\"3000000\"/>\
         <wp:docPr id=\"{n}\" name=\"图片 {n}\" descr=\"{descr}\"/><a:graphic>\
         <a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>\
         <pic:blipFill><a:blip r:{how}=\"{id}\"/></pic:blipFill></pic:pic></a:graphicData>\
         </a:graphic></wp:inline></w:drawing></w:r>",
        n = id.trim_start_matches("rId")
    )
}

/// The Word file, its linked picture at `linked`, with an embedded object of `padding`
/// bytes (stored, as a video or a spreadsheet would make it large).
fn word_file(linked: &str, padding: usize) -> Vec<u8> {
    let body = [
        "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>".to_string()
            + &text("对话王小明：把模型做小", false)
            + "</w:p>",
        paragraph(&drawing("embed", "rId11", "实验室外景")),
        paragraph(&text(
            "今年春天，我们和王小明聊了3个小时，从一篇论文谈起。",
            false,
        )),
        turn("李雷：", "你最早是怎么开始做模型的？"),
        turn("王小明：", "2019年，我们读到一篇论文，觉得这件事值得做。"),
        paragraph(
            &(drawing("embed", "rId12", "")
                + "<w:r><w:br/></w:r>"
                + &text("王小明团队合影｜受访者供图", false)),
        ),
        turn("李雷：", "后来呢？"),
        turn("王小明：", "后来发现问题不在规模，而在数据。"),
        paragraph(&drawing("embed", "rId13", "训练曲线")),
        turn("李雷：", "数据为什么难？"),
        turn("王小明：", "因为好的数据要人去整理。"),
        paragraph(&drawing("link", "rId14", "会场")),
        turn("王小明：", "我们为此花了2年。"),
    ]
    .concat();
    let rels = format!(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId11\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image1.jpeg\"/>\
         <Relationship Id=\"rId12\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image2.png\"/>\
         <Relationship Id=\"rId13\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image3.png\"/>\
         <Relationship Id=\"rId14\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"{linked}\" TargetMode=\"External\"/>\
         </Relationships>"
    );
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", opts).unwrap();
    write!(
        zip,
        "<w:document {NAMESPACES}><w:body>{body}</w:body></w:document>"
    )
    .unwrap();
    zip.start_file("word/_rels/document.xml.rels", opts)
        .unwrap();
    zip.write_all(rels.as_bytes()).unwrap();
    let photo = image::RgbImage::from_fn(2400, 1600, |x, y| {
        image::Rgb([(x / 10) as u8, (y / 7) as u8, 90])
    });
    let mut jpeg = std::io::Cursor::new(Vec::new());
    photo.write_to(&mut jpeg, image::ImageFormat::Jpeg).unwrap();
    zip.start_file("word/media/image1.jpeg", opts).unwrap();
    zip.write_all(jpeg.get_ref()).unwrap();
    zip.start_file("word/media/image2.png", opts).unwrap();
    zip.write_all(&png(300, 200, [40, 90, 160])).unwrap();
    if padding > 0 {
        let stored = opts.compression_method(zip::CompressionMethod::Stored);
        zip.start_file("word/embeddings/oleObject1.bin", stored)
            .unwrap();
        zip.write_all(&vec![0u8; padding]).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

/// `jinju epub` of the Word file (see [`word_file`]) in `dir`, with `flags`: the book, and
/// what the run said.
fn word_book(dir: &Path, linked: &str, padding: usize, flags: &[&str]) -> (PathBuf, String) {
    // No extension: known by its first bytes.
    let input = dir.join("interview");
    std::fs::write(&input, word_file(linked, padding)).unwrap();
    let epub = dir.join("book.epub");
    let mut args = vec![
        OsStr::new("epub"),
        OsStr::new("--input"),
        input.as_os_str(),
        OsStr::new("--out"),
        epub.as_os_str(),
    ];
    args.extend(flags.iter().map(OsStr::new));
    let output = crate::run::succeeds(args);
    (epub, String::from_utf8_lossy(&output.stderr).into_owned())
}

fn linked_server() -> ImageServer {
    ImageServer::start(vec![(
        "/linked.png",
        Reply::Image(png(500, 250, [200, 160, 40]), "image/png"),
    )])
}

#[test]
fn a_word_file_s_pictures_are_in_the_book_at_their_places() {
    let server = linked_server();
    let dir = tempfile::tempdir().unwrap();
    let flags = ["--fetch-images", "--allow-local-images"];
    let (epub, stderr) = word_book(dir.path(), &server.url("/linked.png"), 0, &flags);
    assert!(
        stderr.contains(
            "warning: image `word/media/image3.png` is not in the book (the file has no part"
        ),
        "{stderr}"
    );
    assert_eq!(stderr.matches("warning").count(), 1, "{stderr}");
    assert_in_reading_order(
        &epub,
        &[
            "<img src=\"images/fig01.jpg\" alt=\"实验室外景\"/>",
            "今年春天",
            "觉得这件事值得做",
            "<img src=\"images/fig02.png\" alt=\"图片\"/>",
            "王小明团队合影｜受访者供图",
            "而在数据",
            "此处原有一幅图片：训练曲线",
            "数据为什么难",
            "要人去整理",
            "<img src=\"images/fig04.png\" alt=\"会场\"/>",
            "花了",
        ],
    );
    let lead = image::load_from_memory(&entry(&epub, "OEBPS/images/fig01.jpg")).unwrap();
    assert_eq!(
        (lead.width(), lead.height()),
        (1600, 1067),
        "scaled to 1600 px"
    );
    assert_eq!(
        entry(&epub, "OEBPS/images/fig02.png"),
        png(300, 200, [40, 90, 160])
    );
    assert_eq!(
        entry(&epub, "OEBPS/images/fig04.png"),
        png(500, 250, [200, 160, 40])
    );
    assert_eq!(server.requests(), 1, "the linked picture, fetched once");
}

#[test]
#[ignore = "needs epubcheck"]
fn the_word_file_s_book_passes_epubcheck() {
    let server = linked_server();
    let dir = tempfile::tempdir().unwrap();
    let flags = ["--fetch-images", "--allow-local-images"];
    epubcheck(&word_book(dir.path(), &server.url("/linked.png"), 0, &flags).0);
}

#[test]
fn a_word_file_larger_than_a_text_is_read_for_its_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let (epub, _) = word_book(dir.path(), "http://127.0.0.1:9/linked.png", 17 << 20, &[]);
    assert!(
        std::fs::metadata(dir.path().join("interview"))
            .unwrap()
            .len()
            > 16 << 20,
        "larger than the text's cap"
    );
    assert_in_reading_order(
        &epub,
        &[
            "<img src=\"images/fig01.jpg\" alt=\"实验室外景\"/>",
            "<img src=\"images/fig02.png\" alt=\"图片\"/>",
        ],
    );
}
