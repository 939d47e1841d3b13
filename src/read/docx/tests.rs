//! Tests of the Word reader on small `.docx` files built here: styles, runs, breaks,
//! tables, and files that are no Word document.

use super::*;
use std::io::Write;

const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

fn docx(body: &str, styles: Option<&str>) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", opts).unwrap();
    write!(zip, "<w:document {NS}><w:body>{body}</w:body></w:document>").unwrap();
    if let Some(styles) = styles {
        zip.start_file("word/styles.xml", opts).unwrap();
        write!(zip, "<w:styles {NS}>{styles}</w:styles>").unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

fn blocks(body: &str, styles: Option<&str>) -> Vec<(BlockKind, Vec<Span>)> {
    read_docx(&docx(body, styles))
        .unwrap()
        .blocks
        .into_iter()
        .map(|b| (b.kind, b.spans))
        .collect()
}

fn run(text: &str, props: &str) -> String {
    format!("<w:r><w:rPr>{props}</w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

#[test]
fn headings_by_style_name_or_outline_level() {
    let styles = "<w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"标题 1\"/></w:style>\
                  <w:style w:type=\"paragraph\" w:styleId=\"Custom\"><w:name w:val=\"章节\"/><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>";
    let body = format!(
        "<w:p><w:pPr><w:pStyle w:val=\"1\"/></w:pPr>{}</w:p>\
         <w:p><w:pPr><w:pStyle w:val=\"Custom\"/></w:pPr>{}</w:p>\
         <w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr>{}</w:p>\
         <w:p><w:pPr><w:pStyle w:val=\"Heading4\"/></w:pPr>{}</w:p>\
         <w:p><w:pPr><w:numPr/></w:pPr>{}</w:p>",
        run("一", ""),
        run("二", ""),
        run("三", ""),
        run("四", ""),
        run("项", "")
    );
    let kinds: Vec<BlockKind> = blocks(&body, Some(styles))
        .into_iter()
        .map(|b| b.0)
        .collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Heading(1),
            BlockKind::Heading(2),
            BlockKind::Heading(3),
            BlockKind::Heading(4),
            BlockKind::Item
        ]
    );
}

#[test]
fn runs_keep_bold_italic_and_links_and_breaks_split() {
    let body = format!(
        "<w:p>{}{}{}<w:hyperlink>{}</w:hyperlink><w:del>{}</w:del><w:r><w:br/></w:r>{}</w:p>",
        run("张三：", "<w:b/>"),
        run("好，", "<w:b w:val=\"0\"/>"),
        run("真的", "<w:i/>"),
        run("链接", ""),
        run("删掉的", ""),
        run("李四：嗯", "<w:b w:val=\"true\"/>"),
    );
    let got = blocks(&body, None);
    assert_eq!(got.len(), 2);
    let spans = &got[0].1;
    assert_eq!(spans[0].text, "张三：");
    assert!(spans[0].strong);
    assert!(!spans[1].strong && spans[1].text == "好，");
    assert!(spans[2].emphasis && spans[2].text == "真的");
    assert!(spans[3].link && spans[3].text == "链接");
    assert!(spans.iter().all(|s| !s.text.contains("删掉")));
    assert_eq!(got[1].1[0].text, "李四：嗯");
    assert!(got[1].1[0].strong);
}

#[test]
fn table_rows_are_paragraphs_and_a_lone_image_is_an_image() {
    let cell = |t: &str| format!("<w:tc><w:p>{}</w:p></w:tc>", run(t, ""));
    let body = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl><w:p><w:r><w:drawing/></w:r></w:p><w:p>{}</w:p>",
        cell("时间"),
        cell("2024年"),
        cell("地点"),
        cell("北京"),
        run("正文", "")
    );
    let got = blocks(&body, None);
    let texts: Vec<String> = got
        .iter()
        .map(|(_, s)| s.iter().map(|s| s.text.as_str()).collect())
        .collect();
    assert_eq!(texts, ["时间 | 2024年", "地点 | 北京", "", "正文"]);
    assert_eq!(got[2].0, BlockKind::Image);
}

#[test]
fn files_that_are_no_word_document_are_refused_with_the_fix() {
    let err = |bytes: &[u8]| read_docx(bytes).unwrap_err().to_string();
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    assert!(err(&ole).contains("save it as .docx"));
    assert!(err(b"PK\x03\x04 not really").contains("corrupt"));
    let mut other = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut other);
    zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"<x/>").unwrap();
    zip.finish().unwrap();
    assert!(err(&other.into_inner()).contains("not a Word document"));
    // Not XML, and XML with a DTD (entity expansion) are refused, not expanded.
    let mut broken = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut broken);
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]><w:document>&a;</w:document>")
        .unwrap();
    zip.finish().unwrap();
    assert!(err(&broken.into_inner()).contains("not well-formed XML"));
    // A document with no text.
    assert!(err(&docx("<w:p/>", None)).contains("no text"));
}

proptest::proptest! {
    /// A Word file with bytes changed anywhere is read or refused, never a panic.
    #[test]
    fn damaged_files_are_read_or_refused(flips in proptest::collection::vec((0usize..4000, proptest::num::u8::ANY), 1..8)) {
        let mut bytes = docx(&format!("<w:p>{}</w:p><w:p>{}</w:p>", run("张三：你好", "<w:b/>"), run("好。", "")), None);
        for (at, b) in flips {
            let n = bytes.len();
            bytes[at % n] = b;
        }
        let _ = read_docx(&bytes);
    }
}

#[test]
fn each_drawing_names_its_picture_part_and_description_at_its_place() {
    let ns = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
              xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
              xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"";
    let drawing = |attr: &str, id: &str, descr: &str| {
        format!(
            "<w:r><w:drawing><wp:inline {ns}><wp:docPr id=\"1\" name=\"图片 1\" descr=\"{descr}\"/>\
             <a:graphic><a:graphicData><a:blip r:{attr}=\"{id}\"/></a:graphicData></a:graphic>\
             </wp:inline></w:drawing></w:r>"
        )
    };
    let body = format!(
        "<w:p>{}</w:p><w:p>{}<w:r><w:br/></w:r>{}</w:p><w:p>{}{}</w:p>",
        drawing("embed", "rId7", "实验室外景"),
        drawing("embed", "rId8", ""),
        run("团队合影｜受访者供图", ""),
        run("正文", ""),
        drawing("link", "rId9", "会场"),
    );
    let mut out = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", opts).unwrap();
    write!(zip, "<w:document {NS}><w:body>{body}</w:body></w:document>").unwrap();
    zip.start_file(RELS, opts).unwrap();
    write!(
        zip,
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId7\" Type=\"image\" Target=\"media/image1.jpeg\"/>\
         <Relationship Id=\"rId8\" Type=\"image\" Target=\"../word/./media/image2.png\"/>\
         <Relationship Id=\"rId9\" Type=\"image\" Target=\"https://example.com/p.png\" TargetMode=\"External\"/>\
         </Relationships>"
    )
    .unwrap();
    zip.start_file("word/media/image1.jpeg", opts).unwrap();
    zip.write_all(b"\xFF\xD8\xFFjpeg").unwrap();
    zip.finish().unwrap();
    let package = out.into_inner();
    let doc = read_docx(&package).unwrap();
    type Seen = (BlockKind, String, Option<(String, String)>);
    let got: Vec<Seen> = doc
        .blocks
        .iter()
        .map(|b| {
            let text = b.spans.iter().map(|s| s.text.as_str()).collect();
            let image = b.image.as_ref().map(|i| (i.src.clone(), i.alt.clone()));
            (b.kind, text, image)
        })
        .collect();
    let image = |src: &str, alt: &str| Some((src.to_string(), alt.to_string()));
    assert_eq!(
        got,
        [
            (
                BlockKind::Image,
                String::new(),
                image("word/media/image1.jpeg", "实验室外景")
            ),
            (
                BlockKind::Image,
                String::new(),
                image("word/media/image2.png", "")
            ),
            (BlockKind::Paragraph, "团队合影｜受访者供图".into(), None),
            (BlockKind::Paragraph, "正文".into(), None),
            (
                BlockKind::Image,
                String::new(),
                image("https://example.com/p.png", "会场")
            ),
        ]
    );
    assert_eq!(
        docx_media(&package, "word/media/image1.jpeg", 100).unwrap(),
        b"\xFF\xD8\xFFjpeg"
    );
    let err = |name: &str, limit: u64| docx_media(&package, name, limit).unwrap_err().to_string();
    assert!(err("word/media/image1.jpeg", 4).contains("more than 4 bytes"));
    assert!(err("word/media/image2.png", 100).contains("no part `word/media/image2.png`"));
}
