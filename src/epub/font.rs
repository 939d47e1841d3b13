//! The embedded text faces: the book's own Noto Serif CJK SC pair (`fonts/book/`, with the
//! OpenType layout Chinese needs and a U+2014 that joins), each subset to the characters the
//! book uses, and their `@font-face` rules.
//!
//! The subsetter is HarfBuzz's hb-subset (through the `mkwebfont_hb-subset` binding, which
//! bundles HarfBuzz and needs no bindgen). It was chosen for what it keeps: GSUB/GPOS/GDEF
//! with the features named in [`LAYOUT_FEATURES`], and `vhea`/`vmtx`/`VORG` for vertical
//! text. allsorts 0.17 writes only cmap, CFF, head, hhea, hmtx, maxp, name, OS/2 and post
//! (no layout, so `），` showed wide gaps and `——` a hole), and typst's `subsetter` drops the
//! cmap. It owns reading the font's name and licence, the subset and the `@font-face`; where
//! the font goes in the book is `package`'s.

use super::EpubError;
use super::inline::text_content;
use super::xhtml::Page;
use hb_subset::{Blob, FontFace, SubsetInput, Tag};
use std::collections::BTreeSet;

/// The book's regular face (see `fonts/README.md`).
pub const BOOK_REGULAR: &[u8] = jinju_fonts_book::REGULAR;
/// The book's bold face.
pub const BOOK_BOLD: &[u8] = jinju_fonts_book::BOLD;

/// The layout features a subset keeps: punctuation compression (`halt`, `chws`, their vertical
/// twins), kerning and vertical forms.
pub const LAYOUT_FEATURES: [&[u8; 4]; 8] = [
    b"halt", b"chws", b"vhal", b"vchw", b"kern", b"vkrn", b"vert", b"vrt2",
];

/// What 关于本书 says about a font.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FontInfo {
    /// The font's full name (name id 4), or its family name.
    pub name: String,
    /// `SIL Open Font License 1.1` when the font says so, else its licence description.
    pub licence: String,
    pub weight: Weight,
}

/// Which face a subset is: it names the file and the `@font-face` weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// A subset ready to embed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subset {
    pub bytes: Vec<u8>,
    /// File name inside the book (`fonts/text.otf`, `fonts/text-bold.ttf`…).
    pub file: String,
    pub weight: Weight,
    /// The media type for the manifest.
    pub media_type: &'static str,
}

/// Every character a reader can see in the book: the pages' text and their titles.
pub fn chars_of(pages: &[Page], extra: &str) -> BTreeSet<char> {
    let mut chars: BTreeSet<char> = extra.chars().collect();
    for page in pages {
        chars.extend(page.title.chars());
        chars.extend(text_content(&page.xhtml).chars());
    }
    chars.retain(|c| !c.is_control());
    chars
}

fn face(bytes: &[u8], index: u32) -> Result<FontFace<'_>, EpubError> {
    let blob = Blob::from_bytes(bytes).map_err(|e| EpubError::Font(e.to_string()))?;
    let face = FontFace::new_with_index(blob, index).map_err(|e| EpubError::Font(e.to_string()))?;
    if face.glyph_count() == 0 {
        return Err(EpubError::Font(format!(
            "face {index} has no glyphs (not an OpenType font, or no such face in the collection)"
        )));
    }
    Ok(face)
}

/// The font's name and licence, read from its `name` table.
pub fn describe(bytes: &[u8], index: u32, weight: Weight) -> Result<FontInfo, EpubError> {
    let face = face(bytes, index)?;
    let name = [face.full_name(), face.font_family()]
        .into_iter()
        .find(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "未命名字体".to_string());
    let description = face.license();
    let licence = match description.trim() {
        d if d.contains("Open Font License") => "SIL Open Font License 1.1".to_string(),
        "" => "见字体自带的许可声明".to_string(),
        d => d.to_string(),
    };
    Ok(FontInfo {
        name,
        licence,
        weight,
    })
}

/// The characters of `chars` the face has no glyph for (control and space characters aside):
/// readers draw them with their own fonts, in another design.
pub fn lacking(bytes: &[u8], index: u32, chars: &BTreeSet<char>) -> Vec<char> {
    use ab_glyph::Font;
    let Ok(font) = ab_glyph::FontRef::try_from_slice_and_index(bytes, index) else {
        return Vec::new();
    };
    chars
        .iter()
        .copied()
        .filter(|&c| !c.is_whitespace() && !c.is_control() && font.glyph_id(c).0 == 0)
        .collect()
}

/// The warning for the characters a book's face lacks, if any.
pub fn lacking_warning(lacking: &[char]) -> Option<String> {
    const SHOWN: usize = 24;
    let (first, more) = lacking.split_at(lacking.len().min(SHOWN));
    (!first.is_empty()).then(|| {
        let listed: String = first.iter().collect();
        let more = match more.len() {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        format!(
            "warning: the book's embedded font (Simplified Chinese) lacks {} character{} \
             ({listed}{more}): readers draw them with their own fonts",
            lacking.len(),
            if lacking.len() == 1 { "" } else { "s" }
        )
    })
}

/// Subset the font to `chars` (characters it lacks are left to the readers' fallback fonts),
/// keeping [`LAYOUT_FEATURES`] and the vertical metrics.
pub fn subset(
    bytes: &[u8],
    index: u32,
    chars: &BTreeSet<char>,
    weight: Weight,
) -> Result<Subset, EpubError> {
    let face = face(bytes, index)?;
    let failed = |e: &dyn std::fmt::Display| EpubError::FontSubset(e.to_string());
    let mut input = SubsetInput::new().map_err(|e| failed(&e))?;
    {
        let mut unicodes = input.unicode_set();
        for &c in chars {
            unicodes.insert(c);
        }
    }
    {
        let mut features = input.layout_feature_tag_set();
        features.clear();
        for tag in LAYOUT_FEATURES {
            features.insert(Tag::new(tag));
        }
    }
    {
        // Keep the names 关于本书 reads and the licence (ids 0–14).
        let mut names = input.name_id_set();
        for id in 0..=14 {
            names.insert(id);
        }
    }
    // Desubroutinized CFF is both smaller for a book's few hundred glyphs (222 KB against
    // 236 KB for the bundled book) and twice as fast to make (no subroutine closure).
    input
        .flags()
        .remove_hinting()
        .remove_subroutines()
        .retain_notdef_outline();
    let out = input.subset_font(&face).map_err(|e| failed(&e))?;
    let (file, media_type) = file_of(bytes, index, weight);
    Ok(Subset {
        bytes: out.underlying_blob().to_vec(),
        file,
        weight,
        media_type,
    })
}

/// The subset's file name in the book and its media type, known before it is made: HarfBuzz
/// keeps the face's outline format, so a CFF face (`OTTO`, also inside a collection) gives
/// `fonts/text.otf` (`font/otf`) and any other `fonts/text.ttf`.
pub fn file_of(bytes: &[u8], index: u32, weight: Weight) -> (String, &'static str) {
    let tag_at = |at: usize| bytes.get(at..at + 4);
    let face_at = if tag_at(0) == Some(b"ttcf") {
        let entry = 12 + 4 * usize::try_from(index).unwrap_or(usize::MAX / 8);
        tag_at(entry).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
    } else {
        Some(0)
    };
    let cff = face_at.and_then(tag_at) == Some(b"OTTO");
    let (ext, media_type) = if cff {
        ("otf", "font/otf")
    } else {
        ("ttf", "font/ttf")
    };
    let stem = match weight {
        Weight::Regular => "text",
        Weight::Bold => "text-bold",
    };
    (format!("fonts/{stem}.{ext}"), media_type)
}

/// The `@font-face` rule declaring the subset under `family`, at its weight.
pub fn font_face(family: &str, subset: &Subset) -> String {
    let weight = match subset.weight {
        Weight::Regular => "normal",
        Weight::Bold => "bold",
    };
    let format = if subset.media_type == "font/otf" {
        "opentype"
    } else {
        "truetype"
    };
    format!(
        "@font-face {{\n  font-family: \"{family}\";\n  font-style: normal;\n  font-weight: {weight};\n  \
         src: url(\"{}\") format(\"{format}\");\n}}\n\n",
        subset.file
    )
}
