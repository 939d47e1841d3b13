//! A Word file's pictures: which part (or linked URL) each drawing shows, through
//! `word/_rels/document.xml.rels`, with the drawing's description as alt text; and the
//! picture's bytes read back from the package under a cap, for the book.

use super::{DocxError, Piece, parse, part_bytes};
use roxmltree::Node;
use std::collections::BTreeMap;
use std::io::Cursor;

/// The document's relationships: which part (or URL) each id names.
pub const RELS: &str = "word/_rels/document.xml.rels";
/// The namespace of relationship ids (`r:embed`, `r:id`).
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Relationship id → the part it names, from `word/`'s point of view made a path in the zip
/// (`media/image1.png` → `word/media/image1.png`), or an external target (a linked
/// picture's URL) as written.
pub fn relationships(xml: &str) -> Result<BTreeMap<String, String>, DocxError> {
    let doc = parse(RELS, xml)?;
    let mut out = BTreeMap::new();
    for rel in doc
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "Relationship")
    {
        let (Some(id), Some(target)) = (rel.attribute("Id"), rel.attribute("Target")) else {
            continue;
        };
        let target = if rel.attribute("TargetMode") == Some("External") {
            target.to_string()
        } else {
            in_package(target)
        };
        out.insert(id.to_string(), target);
    }
    Ok(out)
}

/// A target relative to `word/` as a path in the zip (`../x`, `/x` and `./x` resolved).
fn in_package(target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        vec!["word"]
    };
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The bytes of a picture part (`word/media/image1.png`) of a Word file's `package`, at
/// most `limit` of them.
pub fn docx_media(package: &[u8], name: &str, limit: u64) -> Result<Vec<u8>, DocxError> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(package)).map_err(|e| DocxError::Zip(e.to_string()))?;
    part_bytes(&mut zip, name, limit)?.ok_or_else(|| DocxError::NoPart(name.into()))
}

/// A drawing's picture (`a:blip`'s `r:embed` or `r:link`, a VML `v:imagedata`'s `r:id`)
/// and its description (`wp:docPr`'s `descr`, else its `title`).
pub fn picture(drawing: Node) -> Piece {
    let id = drawing.descendants().find_map(|n| {
        n.attribute((R, "embed"))
            .or_else(|| n.attribute((R, "link")))
            .or_else(|| n.attribute((R, "id")))
    });
    let described = |attr: &str| {
        drawing
            .descendants()
            .filter(|n| n.tag_name().name() == "docPr")
            .find_map(|n| n.attribute(attr))
            .map(str::trim)
            .filter(|t| !t.is_empty())
    };
    Piece::Image {
        id: id.map(str::to_string),
        alt: described("descr")
            .or_else(|| described("title"))
            .unwrap_or("")
            .to_string(),
    }
}
