//! Rasterised glyphs, cached per (font, glyph, size, quarter-pixel offset) across the cards
//! one thread draws: a run of cards sets the same few hundred characters at a few integer
//! sizes, so each is rasterised once instead of once per occurrence (outline parsing,
//! tessellation and coverage accumulation were a third of a card's CPU).
//!
//! To make a rasterised glyph reusable, positions are quantised as Skia (Chromium) does for
//! text: the horizontal offset to a quarter pixel (an error of at most ⅛ px), the baseline
//! to a whole pixel (at most ½ px, the same for every glyph of a line). A glyph is always
//! rasterised at its canonical offset, never at the first position it was met, so a card's
//! pixels do not depend on which cards came before it or on the thread that drew it.
//!
//! Written by hand: ab_glyph has no glyph cache for CPU rasters (its users cache into GPU
//! textures), and the cache must be bounded — it holds at most [`MAX_BYTES`] of coverage per
//! thread and starts over when full, so memory does not grow with the number of cards. 24 MiB
//! holds the 2,700 rasters of the 138-card benchmark; at 8 MiB it started over three times.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use ab_glyph::{Font, FontArc, GlyphId, OutlineCurve, Point, ScaleFont, point};
use ab_glyph_rasterizer::Rasterizer;

use super::fonts::px_scale;
use super::pixels::level;

/// Quarter-pixel horizontal positions.
const SUBPIXELS: f32 = 4.0;

/// The coverage one thread keeps (bytes of levels); past it the cache starts over.
pub const MAX_BYTES: usize = 24 << 20;

/// A glyph's coverage levels (0–31), row-major over its pixel box, with the box's offset
/// from the glyph's pixel origin.
pub struct Coverage {
    pub left: i64,
    pub top: i64,
    pub width: usize,
    pub levels: Vec<u8>,
}

#[derive(Hash, PartialEq, Eq, Clone, Copy)]
struct Key {
    font: usize,
    font_len: usize,
    glyph: u16,
    em: u32,
    sub: u8,
}

/// Fonts a thread keeps at once; past it the cache starts over.
const MAX_FONTS: usize = 16;

#[derive(Default)]
struct Cache {
    map: HashMap<Key, Option<Arc<Coverage>>>,
    bytes: usize,
    /// The fonts the keys point into, kept alive so that no other font can take their
    /// address while their glyphs are cached.
    fonts: HashMap<(usize, usize), FontArc>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// Where a glyph placed at (`x`, `baseline`) is drawn: its whole-pixel origin and its
/// quarter-pixel horizontal offset (0–3).
pub fn quantise(x: f32, baseline: f32) -> (i64, i64, u8) {
    let whole = x.floor();
    let sub = ((x - whole) * SUBPIXELS).round();
    let (whole, sub) = if sub >= SUBPIXELS {
        (whole + 1.0, 0.0)
    } else {
        (whole, sub)
    };
    (whole as i64, baseline.round() as i64, sub as u8)
}

/// The coverage of glyph `id` of `font` at `em` px and quarter-pixel offset `sub`, from the
/// cache or rasterised now; `None` for a glyph without ink.
pub fn coverage(font: &FontArc, id: GlyphId, em: f32, sub: u8) -> Option<Arc<Coverage>> {
    let data = font.font_data();
    let key = Key {
        font: data.as_ptr() as usize,
        font_len: data.len(),
        glyph: id.0,
        em: em.to_bits(),
        sub,
    };
    CACHE.with(|cache| {
        if let Some(found) = cache.borrow().map.get(&key) {
            return found.clone();
        }
        let made = rasterise(font, id, em, sub).map(Arc::new);
        let mut cache = cache.borrow_mut();
        let size = made.as_ref().map_or(0, |c| c.levels.len()) + 64;
        let font_key = (key.font, key.font_len);
        let new_font = !cache.fonts.contains_key(&font_key);
        if cache.bytes + size > MAX_BYTES || new_font && cache.fonts.len() >= MAX_FONTS {
            *cache = Cache::default();
        }
        cache.fonts.entry(font_key).or_insert_with(|| font.clone());
        cache.bytes += size;
        cache.map.insert(key, made.clone());
        made
    })
}

thread_local! {
    /// The thread's rasteriser, reused: its accumulation buffer is allocated once.
    static RASTERIZER: RefCell<Rasterizer> = RefCell::new(Rasterizer::new(0, 0));
}

/// Rasterises a glyph with its origin at (`sub` / 4, 0). This is `OutlinedGlyph::draw` of
/// ab_glyph (the same bounds, curves and coverage, so the same pixels) with two costs taken
/// out: the rasteriser's buffer is the thread's, not allocated for each glyph, and the
/// coverage is read in row-major order instead of through `for_each_pixel_2d`, which
/// divides for every pixel to find its column and row.
fn rasterise(font: &FontArc, id: GlyphId, em: f32, sub: u8) -> Option<Coverage> {
    let origin = point(f32::from(sub) / SUBPIXELS, 0.0);
    let outline = font.outline(id)?;
    let factor = font.as_scaled(px_scale(font, em)).scale_factor();
    let b = outline.px_bounds(factor, origin);
    let (width, height) = (b.width() as usize, b.height() as usize);
    let offset = origin - b.min;
    let (h, v) = (factor.horizontal, -factor.vertical);
    let at = |p: &Point| point(p.x * h, p.y * v) + offset;
    RASTERIZER.with(|r| {
        let mut r = r.borrow_mut();
        r.reset(width, height);
        for curve in &outline.curves {
            match curve {
                OutlineCurve::Line(p0, p1) => r.draw_line(at(p0), at(p1)),
                OutlineCurve::Quad(p0, p1, p2) => r.draw_quad(at(p0), at(p1), at(p2)),
                OutlineCurve::Cubic(p0, p1, p2, p3) => r.draw_cubic(at(p0), at(p1), at(p2), at(p3)),
            }
        }
        let mut levels = vec![0u8; width * height];
        r.for_each_pixel(|i, cov| {
            if let Some(l) = levels.get_mut(i) {
                *l = level(cov) as u8;
            }
        });
        Some(Coverage {
            left: b.min.x as i64,
            top: b.min.y as i64,
            width,
            levels,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::FontBook;

    #[test]
    fn positions_quantise_to_quarter_pixels_and_whole_baselines() {
        assert_eq!(quantise(10.0, 20.4), (10, 20, 0));
        assert_eq!(quantise(10.3, 20.6), (10, 21, 1));
        assert_eq!(quantise(10.9, -0.2), (11, 0, 0));
        assert_eq!(quantise(-0.6, 0.0), (-1, 0, 2));
    }

    #[test]
    fn a_glyph_is_rasterised_once_and_the_same_wherever_it_was_first_met() {
        let book = FontBook::embedded();
        let font = &book.get("serif").or_else(|| book.get("sans")).unwrap().font;
        let id = font.glyph_id('永');
        let a = coverage(font, id, 61.0, 1).unwrap();
        let b = coverage(font, id, 61.0, 1).unwrap();
        assert!(Arc::ptr_eq(&a, &b), "the second lookup rasterised again");
        assert!(a.levels.contains(&31) && a.levels.contains(&0));
        let shifted = coverage(font, id, 61.0, 2).unwrap();
        assert!(!Arc::ptr_eq(&a, &shifted));
        assert_ne!(
            a.levels, shifted.levels,
            "a quarter pixel changes the edges"
        );
        let other = std::thread::spawn(move || {
            let book = FontBook::embedded();
            let font = &book.get("serif").or_else(|| book.get("sans")).unwrap().font;
            coverage(font, font.glyph_id('永'), 61.0, 1)
                .unwrap()
                .levels
                .clone()
        });
        assert_eq!(other.join().unwrap(), a.levels);
        assert!(coverage(font, font.glyph_id(' '), 61.0, 0).is_none());
    }
}
