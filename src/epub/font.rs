//! The embedded text font: a subset holding only the characters the book uses (allsorts keeps
//! the cmap, so readers can use it; typst's `subsetter` does not).
//!
//! It owns reading the font's name and licence, choosing glyphs and the `@font-face` rule; it
//! does not decide where the font goes in the book (`book` does).

use super::EpubError;
use super::xhtml::{Page, text_content};
use ab_glyph::{Font as _, FontRef};
use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset as allsorts_subset};
use allsorts::tables::{FontTableProvider, NameTable};
use allsorts::tag;
use std::collections::BTreeSet;

/// What 关于本书 says about the font.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FontInfo {
    /// The font's full name (name id 4), or its family name.
    pub name: String,
    /// `SIL Open Font License 1.1` when the font says so, else its licence description.
    pub licence: String,
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

fn provider(
    bytes: &[u8],
    index: u32,
) -> Result<impl FontTableProvider + allsorts::tables::SfntVersion + '_, EpubError> {
    let data = ReadScope::new(bytes)
        .read::<FontData<'_>>()
        .map_err(|e| EpubError::Font(e.to_string()))?;
    data.table_provider(index as usize)
        .map_err(|e| EpubError::Font(e.to_string()))
}

/// The font's name and licence, read from its `name` table.
pub fn describe(bytes: &[u8], index: u32) -> Result<FontInfo, EpubError> {
    let provider = provider(bytes, index)?;
    let table = provider
        .read_table_data(tag::NAME)
        .map_err(|e| EpubError::Font(format!("no name table ({e})")))?;
    let names = ReadScope::new(&table)
        .read::<NameTable<'_>>()
        .map_err(|e| EpubError::Font(e.to_string()))?;
    let name = names
        .string_for_id(NameTable::FULL_FONT_NAME)
        .or_else(|| names.string_for_id(NameTable::FONT_FAMILY_NAME))
        .unwrap_or_else(|| "未命名字体".to_string());
    let description = names.string_for_id(NameTable::LICENSE_DESCRIPTION);
    let licence = match description {
        Some(d) if d.contains("Open Font License") => "SIL Open Font License 1.1".to_string(),
        Some(d) if !d.trim().is_empty() => d.trim().to_string(),
        _ => "见字体自带的许可声明".to_string(),
    };
    Ok(FontInfo { name, licence })
}

/// Subset the font to the glyphs of `chars`.
pub fn subset(
    bytes: &[u8],
    index: u32,
    chars: &BTreeSet<char>,
    weight: Weight,
) -> Result<Subset, EpubError> {
    let face = FontRef::try_from_slice_and_index(bytes, index)
        .map_err(|e| EpubError::Font(e.to_string()))?;
    // Characters the font lacks are left to the readers' fallback fonts.
    let mut glyphs: BTreeSet<u16> = BTreeSet::from([0]);
    glyphs.extend(chars.iter().map(|&c| face.glyph_id(c).0));
    let glyphs: Vec<u16> = glyphs.into_iter().collect();
    let provider = provider(bytes, index)?;
    let cff = provider.has_table(tag::CFF) || provider.has_table(tag::CFF2);
    let bytes = allsorts_subset(
        &provider,
        &glyphs,
        &SubsetProfile::Minimal,
        CmapTarget::Unicode,
    )
    .map_err(|e| EpubError::FontSubset(e.to_string()))?;
    let (ext, media_type) = if cff {
        ("otf", "font/otf")
    } else {
        ("ttf", "font/ttf")
    };
    let stem = match weight {
        Weight::Regular => "text",
        Weight::Bold => "text-bold",
    };
    Ok(Subset {
        bytes,
        file: format!("fonts/{stem}.{ext}"),
        weight,
        media_type,
    })
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
