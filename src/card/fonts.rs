//! Fonts for cards: the embedded subsets by name, font files, fallback chains by script, the
//! coverage check (no tofu, ever) and `typeset::Metrics` over ab_glyph. Drawing lives in
//! `raster`; which faces are bundled, in `embedded`.
//!
//! One typeface per script: a card whose text holds a character only the Traditional faces
//! have is set Traditional, and every chain then tries the Traditional face before its
//! Simplified partner (the partner draws the glyphs both share, identically); otherwise the
//! Simplified face comes first and its Traditional partner only supplies what it lacks. After
//! the text faces come the emoji face (in colour) and the rare-character face.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use ab_glyph::{Font, FontArc, FontRef, FontVec, GlyphId, PxScale};

use super::colour_glyphs::{ColourGlyphs, Layer};
use super::embedded::{EMBEDDED, Role, simplified_of, traditional_of, with_role};
use super::error::{Error, Result, describe_chars};
use crate::typeset::Metrics;

/// The bytes of an embedded font by name (the EPUB embeds a subset of one).
pub fn embedded_font_bytes(name: &str) -> Option<&'static [u8]> {
    EMBEDDED.iter().find(|e| e.name == name).map(|e| e.bytes)
}

/// Names of the embedded fonts, for messages and `jinju templates`.
pub fn embedded_names() -> Vec<&'static str> {
    EMBEDDED.iter().map(|e| e.name).collect()
}

/// Baseline position in the ideographic em box (OS/2 typo 880/−120 per 1000 in every bundled
/// font; BASE `ideo` −120): the baseline sits 0.88 em below the top of a line's em box.
pub const EM_ASCENT: f32 = 0.88;

/// One font with the name it is known by.
#[derive(Clone)]
pub struct NamedFont {
    pub name: String,
    pub font: FontArc,
    /// Its colour glyphs (the bundled emoji face only).
    pub colour: Option<Arc<ColourGlyphs>>,
}

impl NamedFont {
    /// An outline font.
    pub fn outline(name: &str, font: FontArc) -> NamedFont {
        NamedFont {
            name: name.to_string(),
            font,
            colour: None,
        }
    }
}

/// The script a card is set in, which decides the order of its faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Simplified,
    Traditional,
}

/// The fonts a render may use: the embedded ones by name, plus font files added as fallbacks
/// (`--font FILE`).
#[derive(Clone)]
pub struct FontBook {
    embedded: Vec<NamedFont>,
    extra: Vec<NamedFont>,
}

impl FontBook {
    /// The embedded fonts only: renders identically on a machine with no fonts installed.
    /// They are read once a process (the faces' tables, the emoji face's colour layers) and
    /// shared: each call is a copy of the same handles.
    pub fn embedded() -> FontBook {
        static EMBEDDED_BOOK: OnceLock<FontBook> = OnceLock::new();
        EMBEDDED_BOOK.get_or_init(Self::read_embedded).clone()
    }

    fn read_embedded() -> FontBook {
        let embedded = EMBEDDED
            .iter()
            .filter_map(|e| {
                // The subsets are checked by a unit test; one that failed to parse would be
                // left out rather than panic.
                let font = FontRef::try_from_slice(e.bytes).ok()?;
                let mut named = NamedFont::outline(e.name, FontArc::new(font));
                if e.role == Role::Emoji {
                    named.colour = ColourGlyphs::parse(e.bytes).map(Arc::new);
                }
                Some(named)
            })
            .collect();
        FontBook {
            embedded,
            extra: Vec::new(),
        }
    }

    /// Adds a font file (TTF/OTF, or face `index` of a TTC) as a fallback, tried after a
    /// template's own font and before the embedded fallbacks.
    pub fn with_font_file(mut self, path: &Path, index: u32) -> Result<FontBook> {
        let font = load_font_file(path, index)?;
        self.extra
            .push(NamedFont::outline(&path.display().to_string(), font));
        Ok(self)
    }

    /// An embedded font by name.
    pub fn get(&self, name: &str) -> Option<&NamedFont> {
        self.embedded.iter().find(|f| f.name == name)
    }

    /// The script of a card's text: Traditional when it holds a character that the
    /// Simplified sans lacks and the Traditional sans has (聯, 們, 嘅…).
    pub fn script_of(&self, text: &str) -> Script {
        let (Some(sc), Some(tc)) = (
            self.get("sans"),
            traditional_of("sans").and_then(|n| self.get(n)),
        ) else {
            return Script::Simplified;
        };
        let traditional = text.chars().any(|c| {
            u32::from(c) >= 0x3400 && sc.font.glyph_id(c).0 == 0 && tc.font.glyph_id(c).0 != 0
        });
        if traditional {
            Script::Traditional
        } else {
            Script::Simplified
        }
    }

    /// An embedded text face and its Traditional partner, in the script's order.
    fn pair(&self, name: &str, script: Script) -> Vec<NamedFont> {
        let sc = simplified_of(name);
        let tc = traditional_of(sc);
        let order = match script {
            Script::Simplified => [Some(sc), tc],
            Script::Traditional => [tc, Some(sc)],
        };
        order
            .into_iter()
            .flatten()
            .filter_map(|n| self.get(n))
            .cloned()
            .collect()
    }

    /// The fallback chain for a primary font: the primary (with its Traditional partner),
    /// the added font files, the embedded sans and serif (with theirs), the emoji face and
    /// the rare-character face (each font once).
    pub fn chain(&self, primary: &NamedFont, script: Script) -> FontChain {
        let mut fonts = match self.get(&primary.name) {
            Some(_) => self.pair(&primary.name, script),
            None => vec![primary.clone()],
        };
        let fallbacks = self
            .extra
            .iter()
            .cloned()
            .chain(
                ["sans", "serif"]
                    .iter()
                    .flat_map(|name| self.pair(name, script)),
            )
            .chain(
                [Role::Emoji, Role::Rare]
                    .into_iter()
                    .filter_map(|r| self.get(with_role(r)?).cloned()),
            );
        for font in fallbacks {
            if !fonts.iter().any(|f| f.name == font.name) {
                fonts.push(font);
            }
        }
        FontChain { fonts }
    }
}

/// Reads and parses a font file; face `index` of a collection.
pub fn load_font_file(path: &Path, index: u32) -> Result<FontArc> {
    let data =
        crate::input_file::read_bytes(path, super::template::MAX_FILE_BYTES).map_err(|source| {
            Error::Read {
                path: path.to_path_buf(),
                source,
            }
        })?;
    let colour = super::font_tables::colour_tables(&data, index);
    if !colour.is_empty() {
        return Err(Error::ColourFont {
            path: PathBuf::from(path),
            index,
            tables: colour.join(", "),
        });
    }
    let font = FontVec::try_from_vec_and_index(data, index).map_err(|e| Error::BadFont {
        path: PathBuf::from(path),
        index,
        reason: e.to_string(),
    })?;
    Ok(FontArc::new(font))
}

/// Fonts tried in order for each character.
#[derive(Clone)]
pub struct FontChain {
    fonts: Vec<NamedFont>,
}

impl FontChain {
    /// The font at `index` in the chain (as returned by `Metrics::advance`).
    pub fn font(&self, index: u16) -> &FontArc {
        let i = usize::from(index).min(self.fonts.len() - 1);
        &self.fonts[i].font
    }

    /// The colour layers of glyph `id` of the font at `index`, if it is a colour glyph.
    pub fn layers(&self, index: u16, id: GlyphId) -> Option<&[Layer]> {
        let font = self.fonts.get(usize::from(index))?;
        font.colour.as_ref()?.layers(id)
    }

    /// The characters of `text` drawn with the rare-character face (for the manifest).
    pub fn rare_chars(&self, text: &str) -> Vec<char> {
        let rare = with_role(Role::Rare);
        let mut found: Vec<char> = Vec::new();
        for c in text.chars() {
            let drawn_by = self
                .lookup(c)
                .map(|(i, _)| self.fonts[usize::from(i)].name.as_str());
            if drawn_by.is_some() && drawn_by == rare && !found.contains(&c) {
                found.push(c);
            }
        }
        found
    }

    /// The first font with a glyph for `c`, and that glyph.
    pub fn lookup(&self, c: char) -> Option<(u16, GlyphId)> {
        self.fonts.iter().enumerate().find_map(|(i, f)| {
            let id = f.font.glyph_id(c);
            (id.0 != 0).then_some((i as u16, id))
        })
    }

    /// Checks that the chain can draw every character of `text` (control characters aside);
    /// the error names the missing characters.
    pub fn check(&self, text: &str, part: &'static str) -> Result<()> {
        let mut missing: Vec<char> = Vec::new();
        for c in text.chars() {
            if !c.is_control() && self.lookup(c).is_none() && !missing.contains(&c) {
                missing.push(c);
            }
        }
        if missing.is_empty() {
            return Ok(());
        }
        let names: Vec<&str> = self.fonts.iter().map(|f| f.name.as_str()).collect();
        Err(Error::MissingGlyphs {
            part,
            chars: describe_chars(&missing),
            fonts: names.join(", "),
        })
    }
}

impl FontChain {
    /// `text` without the characters no font of the chain has, for a line that only labels
    /// a card (footer, attribution, a cover's title): such a character is left out of the
    /// image, with one warning per character and part, and never fails the run (the book
    /// keeps the text).
    pub fn without_missing(&self, text: &str, part: &'static str) -> String {
        let (kept, missing): (String, String) = text
            .chars()
            .partition(|&c| c.is_control() || self.lookup(c).is_some());
        if !missing.is_empty() {
            warn_missing(&missing, part);
        }
        kept.chars().filter(|c| !c.is_control()).collect()
    }
}

/// The manifest's note for characters drawn with the rare-character face, if any.
pub fn rare_note(rare: &[char]) -> Option<String> {
    let face = EMBEDDED.iter().find(|e| e.role == Role::Rare)?;
    (!rare.is_empty()).then(|| {
        format!(
            "{} drawn with the fallback face {}: no text face has them",
            describe_chars(rare),
            face.description
        )
    })
}

/// Warn once per run for each (part, characters) left out of the images.
fn warn_missing(missing: &str, part: &'static str) {
    static WARNED: std::sync::Mutex<Vec<(&'static str, String)>> =
        std::sync::Mutex::new(Vec::new());
    let mut warned = WARNED.lock().unwrap_or_else(|e| e.into_inner());
    let key = (part, missing.to_string());
    if warned.contains(&key) || warned.len() > 64 {
        return;
    }
    let chars: Vec<char> = missing.chars().collect();
    let message = format!(
        "warning: no font has {} (in the {part}): left out of the card images; add a font \
         that has them with --font FILE (cards, build)",
        describe_chars(&chars)
    );
    eprintln!("{}", crate::printable::escape(&message));
    warned.push(key);
}

/// The ab_glyph scale giving an em of `em_px` pixels (`PxScale` is hhea ascent − descent,
/// not the em: 64 would give a 44 px em in Noto).
pub fn px_scale(font: &FontArc, em_px: f32) -> PxScale {
    let upem = font.units_per_em().unwrap_or(1000.0);
    PxScale::from(em_px * font.height_unscaled() / upem)
}

impl Metrics for FontChain {
    fn advance(&self, c: char) -> Option<(f32, u16)> {
        let (index, id) = self.lookup(c)?;
        let font = self.font(index);
        let upem = font.units_per_em().unwrap_or(1000.0);
        Some((font.h_advance_unscaled(id) / upem, index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_font_parses_and_has_the_charset() {
        let book = FontBook::embedded();
        assert_eq!(book.embedded.len(), EMBEDDED.len());
        let charset = include_str!("../../fonts/charset/tongyong-8105.txt");
        let interview = include_str!("../../content/interview.txt");
        let text_faces = EMBEDDED.iter().filter(|e| e.role == Role::Text);
        for f in text_faces.filter_map(|e| book.get(e.name)) {
            let chain = FontChain {
                fonts: vec![f.clone()],
            };
            chain.check(charset.trim(), "charset").unwrap();
            chain.check(interview, "interview").unwrap();
            chain
                .check("，。、：；！？“”‘’（）《》——……·％", "punctuation")
                .unwrap();
        }
    }

    #[test]
    fn metrics_are_in_em() {
        let book = FontBook::embedded();
        let chain = book.chain(book.get("serif-bold").unwrap(), Script::Simplified);
        assert_eq!(chain.advance('中'), Some((1.0, 0)));
        let (dash, _) = chain.advance('—').unwrap();
        assert!(dash > 0.85 && dash < 0.95, "{dash}");
        // PxScale for a 100 px em is larger than 100 (hhea box > em).
        let scale = px_scale(chain.font(0), 100.0);
        assert!(scale.y > 130.0 && scale.y < 150.0, "{scale:?}");
    }

    #[test]
    fn the_chain_falls_back_in_order() {
        let book = FontBook::embedded();
        let kai = book.chain(book.get("kai").unwrap(), Script::Simplified);
        // 〚 is in Noto Sans but not in LXGW WenKai: the embedded sans draws it.
        assert_eq!(kai.lookup('中').map(|(i, _)| i), Some(0));
        assert_eq!(kai.lookup('〚').map(|(i, _)| i), Some(1));
        assert!(kai.check("中〚", "quote").is_ok());
    }

    #[test]
    fn missing_characters_are_named() {
        let book = FontBook::embedded();
        let chain = book.chain(book.get("sans").unwrap(), Script::Simplified);
        let err = chain
            .check("好\u{E000}\u{2CEB0}好", "quote")
            .unwrap_err()
            .to_string();
        assert!(err.contains("U+E000") && err.contains("U+2CEB0"), "{err}");
        assert!(err.contains("--font FILE"), "{err}");
    }

    #[test]
    fn bad_font_files_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.ttf");
        std::fs::write(&bad, b"not a font").unwrap();
        let err = FontBook::embedded().with_font_file(&bad, 0).err().unwrap();
        assert!(matches!(err, Error::BadFont { .. }), "{err}");
        let err = load_font_file(&dir.path().join("none.ttf"), 0)
            .err()
            .unwrap();
        assert!(matches!(err, Error::Read { .. }), "{err}");
    }
}
