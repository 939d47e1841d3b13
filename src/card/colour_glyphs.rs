//! Colour glyphs of a COLRv0/CPAL font (the bundled emoji face): a colour glyph is a stack of
//! outline glyphs, each filled with one palette colour (or the text's colour), painted
//! bottom to top. The layers are outlines like any other glyph, so the rasteriser and glyph
//! cache draw them unchanged. Parsed by hand (the two tables are a few fixed-size records);
//! ab_glyph reads neither. COLRv1 (gradients, transforms) is not read: a font with only v1
//! records has no colour glyphs here and is refused by `font_tables` as before.

use ab_glyph::GlyphId;

use super::font_tables::{table, u16_at, u32_at};

/// One layer: an outline glyph and its colour (`None`: the text's colour).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layer {
    pub glyph: GlyphId,
    pub colour: Option<[u8; 4]>,
}

/// The colour glyphs of one font.
#[derive(Debug, Default)]
pub struct ColourGlyphs {
    /// Base glyph and its layers' range in `layers`, by glyph (COLR lists them so; a
    /// sorted list is read in one pass, where a map of the emoji face's 2,000-odd glyphs
    /// took a millisecond to build).
    bases: Vec<(u16, (usize, usize))>,
    layers: Vec<Layer>,
}

/// Palette index meaning "the text colour".
const FOREGROUND: u16 = 0xFFFF;

impl ColourGlyphs {
    /// The COLRv0 glyphs of `font` (an sfnt, not a collection) with palette 0 of its CPAL;
    /// `None` when it has none or the tables are malformed.
    pub fn parse(font: &[u8]) -> Option<ColourGlyphs> {
        let colr = table(font, b"COLR")?;
        let palette = palette(table(font, b"CPAL")?)?;
        let bases_at = u32_at(colr, 4)? as usize;
        let layers_at = u32_at(colr, 8)? as usize;
        let mut layers = Vec::with_capacity(usize::from(u16_at(colr, 12)?));
        for k in 0..usize::from(u16_at(colr, 12)?) {
            let at = layers_at + 4 * k;
            let index = u16_at(colr, at + 2)?;
            let colour = match index {
                FOREGROUND => None,
                i => Some(*palette.get(usize::from(i))?),
            };
            layers.push(Layer {
                glyph: GlyphId(u16_at(colr, at)?),
                colour,
            });
        }
        let count = usize::from(u16_at(colr, 2)?);
        let mut bases = Vec::with_capacity(count);
        for k in 0..count {
            let at = bases_at + 6 * k;
            let first = usize::from(u16_at(colr, at + 2)?);
            let end = first + usize::from(u16_at(colr, at + 4)?);
            if end > layers.len() {
                return None;
            }
            bases.push((u16_at(colr, at)?, (first, end)));
        }
        // Sorted already in a well-made font; a glyph listed twice (a malformed table) keeps
        // its first record.
        bases.sort_by_key(|&(glyph, _)| glyph);
        bases.dedup_by_key(|&mut (glyph, _)| glyph);
        (!bases.is_empty()).then_some(ColourGlyphs { bases, layers })
    }

    /// The layers of glyph `id`, bottom first; `None` for a glyph that is not in colour.
    pub fn layers(&self, id: GlyphId) -> Option<&[Layer]> {
        let at = self
            .bases
            .binary_search_by_key(&id.0, |&(glyph, _)| glyph)
            .ok()?;
        let (first, end) = self.bases[at].1;
        self.layers.get(first..end)
    }
}

/// Palette 0 of a CPAL table as RGBA.
fn palette(cpal: &[u8]) -> Option<Vec<[u8; 4]>> {
    let entries = usize::from(u16_at(cpal, 2)?);
    let records_at = u32_at(cpal, 8)? as usize;
    let first = usize::from(u16_at(cpal, 12)?);
    (0..entries)
        .map(|i| {
            let at = records_at + 4 * (first + i);
            let bgra = cpal.get(at..at + 4)?;
            Some([bgra[2], bgra[1], bgra[0], bgra[3]])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ab_glyph::{Font, FontRef};

    #[test]
    fn the_bundled_emoji_face_has_layers_in_colour() {
        let data = super::super::embedded::EMBEDDED
            .iter()
            .find(|e| e.name == "emoji")
            .unwrap()
            .bytes;
        let colour = ColourGlyphs::parse(data).unwrap();
        let font = FontRef::try_from_slice(data).unwrap();
        let grin = colour.layers(font.glyph_id('😀')).unwrap();
        assert!(grin.len() >= 2, "{grin:?}");
        // The face is yellow (Twemoji #FFCC4D), the features dark.
        assert!(
            grin.iter()
                .any(|l| l.colour == Some([0xFF, 0xCC, 0x4D, 0xFF]))
        );
        assert!(grin.iter().all(|l| font.outline(l.glyph).is_some()));
        assert!(
            colour
                .layers(font.glyph_id('#'))
                .is_none_or(|l| !l.is_empty())
        );
    }

    #[test]
    fn fonts_without_colour_tables_have_no_colour_glyphs() {
        let kai = jinju_fonts_kai::REGULAR;
        assert!(ColourGlyphs::parse(kai).is_none());
        assert!(ColourGlyphs::parse(b"not a font").is_none());
    }
}
