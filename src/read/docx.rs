//! Word (`.docx`; WPS and Feishu's Word export write the same): the zip's
//! `word/document.xml` read with a real XML parser. Paragraphs with their bold, italic and
//! link runs; headings by paragraph style (`Heading1`, `标题 1`, `Title`, any style or
//! paragraph with an outline level); list paragraphs as items; a line break (`<w:br/>`)
//! starts a new block; each table row is one paragraph of its cells' text; each drawing is
//! an image block at its place, naming its picture's part (`word/media/image1.png`, through
//! `word/_rels/document.xml.rels`; a linked picture's URL) and its description as alt text,
//! which [`docx_media`] reads back for the book. Every part is unpacked under a cap
//! ([`MAX_DOCX_XML_BYTES`]): a zip bomb is refused, not unpacked. A legacy `.doc` is refused
//! with the fix.

use super::{Block, BlockKind, Document, ReadError, Span, merge_spans, trim_spans};
pub use media::docx_media;
use media::{RELS, picture, relationships};
use roxmltree::Node;
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// The largest a part of a `.docx` may unpack to (64 MiB; a long interview's
/// `document.xml` is well under 5 MiB).
pub const MAX_DOCX_XML_BYTES: u64 = 64 << 20;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Why a Word file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error(
        "this is a legacy Word document (.doc), which jinju does not read: open it in Word, WPS \
         or LibreOffice and save it as .docx (or `soffice --headless --convert-to docx FILE`)"
    )]
    LegacyDoc,
    #[error(
        "this is not a readable .docx: the zip is corrupt or cut short ({0}); open it in Word or \
         WPS and save it again as .docx"
    )]
    Zip(String),
    #[error(
        "this zip holds no `word/document.xml`, so it is not a Word document: give a .docx, or \
         the interview as Markdown, HTML or text"
    )]
    NotWord,
    #[error(
        "`{part}` unpacks to more than {limit} bytes, far more than any interview: the file is \
         damaged or a zip bomb; save the document again as .docx"
    )]
    TooLarge { part: String, limit: u64 },
    #[error("the file has no part `{0}` (the drawing's picture is missing from it)")]
    NoPart(String),
    #[error(
        "`{part}` is not well-formed XML ({detail}): open the file in Word or WPS and save it again"
    )]
    Xml { part: String, detail: String },
}

/// Read a `.docx` file's bytes into a document.
pub fn read_docx(bytes: &[u8]) -> Result<Document, ReadError> {
    let doc = read_parts(bytes).map_err(ReadError::Docx)?;
    super::check_text(doc, super::Format::Docx)
}

fn read_parts(bytes: &[u8]) -> Result<Document, DocxError> {
    if super::is_legacy_doc(bytes) {
        return Err(DocxError::LegacyDoc);
    }
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::Zip(e.to_string()))?;
    let body = part(&mut zip, "word/document.xml")?.ok_or(DocxError::NotWord)?;
    let styles = match part(&mut zip, "word/styles.xml")? {
        Some(xml) => heading_styles(&xml)?,
        None => BTreeMap::new(),
    };
    let title = match part(&mut zip, "docProps/core.xml")? {
        Some(xml) => core_title(&xml),
        None => None,
    };
    let pictures = match part(&mut zip, RELS)? {
        Some(xml) => relationships(&xml)?,
        None => BTreeMap::new(),
    };
    let xml = parse("word/document.xml", &body)?;
    let mut reader = BodyReader {
        styles: &styles,
        pictures: &pictures,
        blocks: Vec::new(),
    };
    if let Some(body) = child(xml.root_element(), "body") {
        reader.container(body);
    }
    Ok(Document {
        blocks: reader.blocks,
        title,
        ..Document::default()
    })
}

/// One part of the zip, unpacked under `limit`; `None` when the zip lacks it.
fn part_bytes(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: u64,
) -> Result<Option<Vec<u8>>, DocxError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(DocxError::Zip(e.to_string())),
    };
    let too_large = || DocxError::TooLarge {
        part: name.to_string(),
        limit,
    };
    if file.size() > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| DocxError::Zip(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(Some(bytes))
}

/// One part of the zip as text, unpacked under the cap; `None` when the zip lacks it.
fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, DocxError> {
    let Some(bytes) = part_bytes(zip, name, MAX_DOCX_XML_BYTES)? else {
        return Ok(None);
    };
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|e| DocxError::Xml {
            part: name.to_string(),
            detail: format!("not UTF-8 at byte {}", e.utf8_error().valid_up_to()),
        })
}

fn parse<'a>(name: &str, xml: &'a str) -> Result<roxmltree::Document<'a>, DocxError> {
    roxmltree::Document::parse(xml).map_err(|e| DocxError::Xml {
        part: name.to_string(),
        detail: e.to_string(),
    })
}

fn is(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is(*c, name))
}

fn val<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    node.attribute((W, "val"))
}

/// Paragraph style id → heading level, from `styles.xml`: by the style's name (`heading 2`,
/// `标题 2`, `Title`) or its outline level.
fn heading_styles(xml: &str) -> Result<BTreeMap<String, u8>, DocxError> {
    let doc = parse("word/styles.xml", xml)?;
    let mut out = BTreeMap::new();
    for style in doc.descendants().filter(|n| is(*n, "style")) {
        let Some(id) = style.attribute((W, "styleId")) else {
            continue;
        };
        let name = child(style, "name").and_then(val).unwrap_or("");
        let outline = child(style, "pPr")
            .and_then(|p| child(p, "outlineLvl"))
            .and_then(val)
            .and_then(|v| v.parse::<u8>().ok());
        if let Some(level) = level_of_name(name)
            .or(level_of_name(id))
            .or(outline.map(|o| o + 1))
            && (1..=6).contains(&level)
        {
            out.insert(id.to_string(), level);
        }
    }
    Ok(out)
}

/// `heading 1`, `Heading1`, `标题 1`, `标题1` → 1; `Title`, `标题` → 1.
fn level_of_name(name: &str) -> Option<u8> {
    let n = name.trim().to_lowercase();
    if n == "title" || n == "标题" {
        return Some(1);
    }
    let rest = n
        .strip_prefix("heading")
        .or_else(|| n.strip_prefix("标题"))?;
    rest.trim().parse().ok()
}

fn core_title(xml: &str) -> Option<String> {
    let doc = roxmltree::Document::parse(xml).ok()?;
    let t = doc
        .descendants()
        .find(|n| n.is_element() && n.tag_name().name() == "title")?
        .text()?
        .trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Walks the body in reading order.
struct BodyReader<'s> {
    styles: &'s BTreeMap<String, u8>,
    /// Relationship id → picture part or URL.
    pictures: &'s BTreeMap<String, String>,
    blocks: Vec<Block>,
}

/// What a paragraph's runs hold, in order.
enum Piece {
    Text(Span),
    Break,
    /// A drawing: its picture's relationship id and its description.
    Image {
        id: Option<String>,
        alt: String,
    },
}

impl BodyReader<'_> {
    fn container(&mut self, node: Node) {
        for c in node.children().filter(Node::is_element) {
            if is(c, "p") {
                self.paragraph(c);
            } else if is(c, "tbl") {
                self.table(c);
            } else if is(c, "sdt")
                && let Some(content) = child(c, "sdtContent")
            {
                self.container(content);
            }
        }
    }

    fn kind(&self, p: Node) -> BlockKind {
        let Some(props) = child(p, "pPr") else {
            return BlockKind::Paragraph;
        };
        let by_style = child(props, "pStyle")
            .and_then(val)
            .and_then(|id| self.styles.get(id).copied().or_else(|| level_of_name(id)));
        let by_outline = child(props, "outlineLvl")
            .and_then(val)
            .and_then(|v| v.parse::<u8>().ok())
            .map(|o| o + 1);
        match by_style.or(by_outline) {
            Some(level) if (1..=6).contains(&level) => BlockKind::Heading(level),
            _ if child(props, "numPr").is_some() => BlockKind::Item,
            _ => BlockKind::Paragraph,
        }
    }

    fn paragraph(&mut self, p: Node) {
        let kind = self.kind(p);
        let mut pieces = Vec::new();
        runs(p, false, &mut pieces);
        let mut spans = Vec::new();
        for piece in pieces.into_iter().chain([Piece::Break]) {
            let image = match piece {
                Piece::Text(s) => {
                    spans.push(s);
                    continue;
                }
                Piece::Image { id, alt } => Some((id, alt)),
                Piece::Break => None,
            };
            // A drawing ends the line before it: it stands between that text and the rest.
            let line = trim_spans(merge_spans(std::mem::take(&mut spans)));
            if !line.is_empty() {
                self.blocks.push(Block::new(kind, line, 0));
            }
            if let Some((id, alt)) = image {
                let mut block = Block::new(BlockKind::Image, Vec::new(), 0);
                let src = id.and_then(|id| self.pictures.get(&id).cloned());
                block.image = Some(super::ImageSource {
                    src: src.unwrap_or_default(),
                    alt,
                });
                self.blocks.push(block);
            }
        }
    }

    fn table(&mut self, tbl: Node) {
        for row in tbl.children().filter(|n| is(*n, "tr")) {
            let cells: Vec<String> = row
                .children()
                .filter(|n| is(*n, "tc"))
                .map(|cell| {
                    let paras: Vec<String> = cell
                        .descendants()
                        .filter(|n| is(*n, "p"))
                        .map(|p| runs_text(p).trim().to_string())
                        .filter(|t| !t.is_empty())
                        .collect();
                    paras.join(" ")
                })
                .filter(|t| !t.is_empty())
                .collect();
            if !cells.is_empty() {
                self.blocks.push(Block::new(
                    BlockKind::Paragraph,
                    vec![Span::plain(cells.join(" | "))],
                    0,
                ));
            }
        }
    }
}

/// A paragraph's plain text.
fn runs_text(p: Node) -> String {
    let mut pieces = Vec::new();
    runs(p, false, &mut pieces);
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(s) => s.text.as_str(),
            Piece::Break => " ",
            Piece::Image { .. } => "",
        })
        .collect()
}

/// The runs under `node` (through hyperlinks, insertions, fields and content controls;
/// deletions and nested paragraphs' properties skipped).
fn runs(node: Node, link: bool, out: &mut Vec<Piece>) {
    for c in node.children().filter(Node::is_element) {
        if is(c, "r") {
            run(c, link, out);
        } else if is(c, "hyperlink") {
            runs(c, true, out);
        } else if [
            "ins",
            "smartTag",
            "fldSimple",
            "sdt",
            "sdtContent",
            "customXml",
        ]
        .iter()
        .any(|n| is(c, n))
        {
            runs(c, link, out);
        }
    }
}

fn run(r: Node, link: bool, out: &mut Vec<Piece>) {
    let props = child(r, "rPr");
    let on = |name: &str| {
        props
            .and_then(|p| child(p, name))
            .is_some_and(|b| !matches!(val(b), Some("0" | "false" | "off" | "none")))
    };
    let style = Span {
        text: String::new(),
        strong: on("b"),
        emphasis: on("i"),
        link,
        href: None,
    };
    for c in r.children().filter(Node::is_element) {
        let text = if is(c, "t") {
            c.text().unwrap_or("")
        } else if is(c, "tab") {
            " "
        } else if is(c, "noBreakHyphen") {
            "-"
        } else {
            if (is(c, "br") && c.attribute((W, "type")) != Some("page")) || is(c, "cr") {
                out.push(Piece::Break);
            } else if is(c, "drawing") || is(c, "pict") {
                out.push(picture(c));
            }
            continue;
        };
        out.push(Piece::Text(Span {
            text: text.to_string(),
            ..style.clone()
        }));
    }
}

mod media;
#[cfg(test)]
mod tests;
