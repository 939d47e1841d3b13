//! Drawing: the opaque canvas of a card, backgrounds (solid, gradient, image with cover fit)
//! and anti-aliased glyphs and rules by coverage. No layout decisions here.

use ab_glyph::{Font, FontArc, GlyphId, point};
use image::{RgbImage, RgbaImage, imageops::FilterType};

use super::fonts::px_scale;
use super::glyph_cache;
use super::ink::{self, Ink};
use super::pixels::{Pixels, blend, level};

/// An sRGB colour with alpha, written `#RRGGBB` or `#RRGGBBAA` in templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct Color(pub [u8; 4]);

impl std::str::FromStr for Color {
    type Err = String;
    fn from_str(s: &str) -> Result<Color, String> {
        let hex = s.strip_prefix('#').unwrap_or("");
        let valid = matches!(hex.len(), 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit());
        if !valid {
            return Err(format!(
                "invalid colour `{s}`: write #RRGGBB or #RRGGBBAA (hex)"
            ));
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
        let alpha = if hex.len() == 8 { byte(6) } else { 255 };
        Ok(Color([byte(0), byte(2), byte(4), alpha]))
    }
}

impl TryFrom<String> for Color {
    type Error = String;
    fn try_from(s: String) -> Result<Color, String> {
        s.parse()
    }
}

/// The card being drawn.
pub struct Canvas {
    width: u32,
    height: u32,
    pub(crate) px: Pixels,
    /// Where it was drawn on, for a solid background (see [`ink`]).
    ink: Option<Ink>,
}

impl Drop for Canvas {
    /// A solid card's buffer is kept for the thread's next card.
    fn drop(&mut self) {
        if let (Some(ink), Pixels::Indexed { data, .. }) = (self.ink.take(), &mut self.px) {
            ink::recycle(std::mem::take(data), ink);
        }
    }
}

impl Canvas {
    /// A canvas filled with one colour (alpha ignored: cards are opaque).
    pub fn solid(width: u32, height: u32, color: Color) -> Canvas {
        let [r, g, b, _] = color.0;
        let (data, ink) = ink::zeroed(width, height);
        let px = Pixels::solid_in(data, [r, g, b]);
        Canvas {
            width,
            height,
            px,
            ink: Some(ink),
        }
    }

    /// A canvas holding an RGB image.
    pub fn from_rgb(img: RgbImage) -> Canvas {
        let (width, height) = img.dimensions();
        let px = Pixels::Rgb(img.into_raw());
        Canvas {
            width,
            height,
            px,
            ink: None,
        }
    }

    /// Where the card was drawn on, if its background is solid.
    pub fn ink(&self) -> Option<&Ink> {
        self.ink.as_ref()
    }

    pub fn width(&self) -> u32 {
        self.width
    }

    pub fn height(&self) -> u32 {
        self.height
    }

    /// The card as an RGB image.
    pub fn to_rgb(&self) -> RgbImage {
        let raw = self.px.to_rgb();
        // `to_rgb` returns exactly width × height pixels, so this cannot fail.
        RgbImage::from_raw(self.width, self.height, raw).unwrap_or_default()
    }

    /// A linear gradient from `from` to `to`; `angle` in degrees as in CSS (180 = top to
    /// bottom, 90 = left to right).
    pub fn gradient(width: u32, height: u32, from: Color, to: Color, angle: f32) -> Canvas {
        let (w, h) = (width as f32, height as f32);
        let rad = angle.to_radians();
        let (dx, dy) = (rad.sin(), -rad.cos());
        // CSS gradient line length: the corners sit at t = 0 and t = 1.
        let len = (w * dx.abs() + h * dy.abs()).max(1.0);
        let lerp = |t: f32, i: usize| {
            let (a, b) = (f32::from(from.0[i]), f32::from(to.0[i]));
            (a + (b - a) * t).round() as u8
        };
        Canvas::from_rgb(RgbImage::from_fn(width, height, |x, y| {
            let (px, py) = (x as f32 + 0.5 - w / 2.0, y as f32 + 0.5 - h / 2.0);
            let t = ((px * dx + py * dy) / len + 0.5).clamp(0.0, 1.0);
            image::Rgb([lerp(t, 0), lerp(t, 1), lerp(t, 2)])
        }))
    }

    /// An image scaled to cover the card and centred (CSS `object-fit: cover`), composited
    /// on `base`.
    pub fn cover(width: u32, height: u32, image: &RgbaImage, base: Color) -> Canvas {
        let (iw, ih) = (image.width().max(1) as f32, image.height().max(1) as f32);
        let k = (width as f32 / iw).max(height as f32 / ih);
        let (sw, sh) = (
            ((iw * k).ceil() as u32).max(width),
            ((ih * k).ceil() as u32).max(height),
        );
        let scaled = image::imageops::resize(image, sw, sh, FilterType::CatmullRom);
        let (ox, oy) = ((sw - width) / 2, (sh - height) / 2);
        let [r, g, b, _] = base.0;
        Canvas::from_rgb(RgbImage::from_fn(width, height, |x, y| {
            let s = scaled.get_pixel(x + ox, y + oy).0;
            let mut p = [r, g, b];
            blend(&mut p, [s[0], s[1], s[2]], u32::from(s[3]));
            image::Rgb(p)
        }))
    }

    /// Covers the whole canvas with a translucent colour (to calm a photo under text).
    pub fn overlay(&mut self, color: Color) {
        let [r, g, b, a] = color.0;
        self.px.map(|mut p| {
            blend(&mut p, [r, g, b], u32::from(a));
            p
        });
    }

    /// Blends `color` at coverage `cov` (0–1) onto pixel (x, y); outside pixels are ignored.
    fn put(&mut self, x: i64, y: i64, color: Color, cov: f32) {
        let (w, h) = (u64::from(self.width), u64::from(self.height));
        let level = level(cov);
        // Negative coordinates wrap to huge values and fail the test too.
        if level > 0 && (x as u64) < w && (y as u64) < h {
            self.px
                .put(y as usize * w as usize + x as usize, color, level);
            if let Some(ink) = &mut self.ink {
                ink.touch(y as usize, x as u32, x as u32 + 1);
            }
        }
    }

    /// Draws glyph `id` of `font` at `em` px with its origin at (`x`, `baseline`), from the
    /// thread's glyph cache (positions quantised as `glyph_cache` says).
    pub fn glyph(
        &mut self,
        font: &FontArc,
        id: GlyphId,
        em: f32,
        x: f32,
        baseline: f32,
        color: Color,
    ) {
        let (ox, oy, sub) = glyph_cache::quantise(x, baseline);
        let Some(cov) = glyph_cache::coverage(font, id, em, sub) else {
            return;
        };
        let (w, h) = (i64::from(self.width), i64::from(self.height));
        let (x0, y0) = (ox + cov.left, oy + cov.top);
        // Only the part of the glyph's box inside the canvas.
        let (cx0, cx1) = ((-x0).max(0), (w - x0).min(cov.width as i64));
        if cx0 >= cx1 {
            return;
        }
        for (gy, row) in cov.levels.chunks_exact(cov.width).enumerate() {
            let y = y0 + gy as i64;
            if (0..h).contains(&y) {
                let start = (y * w + x0 + cx0) as usize;
                let levels = &row[cx0 as usize..cx1 as usize];
                let (a, b) = ((x0 + cx0) as u32, (x0 + cx1) as u32);
                // Nothing drawn there yet: all background.
                let untouched = self.ink.as_ref().is_some_and(|ink| {
                    ink.row(y as usize)
                        .is_none_or(|(s, e)| e as u32 <= a || s as u32 >= b)
                });
                if untouched {
                    self.px.put_row_on_background(start, levels, color);
                } else {
                    self.px.put_row(start, levels, color);
                }
                if let Some(ink) = &mut self.ink {
                    ink.touch(y as usize, a, b);
                }
            }
        }
    }

    /// Draws glyph `id` at `em` px, its width multiplied by `squeeze` (digits side by side
    /// in one vertical cell), with its origin at (`x`, `baseline`); not cached (rare).
    pub fn glyph_squeezed(
        &mut self,
        font: &FontArc,
        id: GlyphId,
        (em, squeeze): (f32, f32),
        (x, baseline): (f32, f32),
        color: Color,
    ) {
        if squeeze == 1.0 {
            return self.glyph(font, id, em, x, baseline, color);
        }
        let mut scale = px_scale(font, em);
        scale.x *= squeeze;
        let glyph = id.with_scale_and_position(scale, point(x, baseline));
        let Some(outline) = font.outline_glyph(glyph) else {
            return;
        };
        let b = outline.px_bounds();
        let (x0, y0) = (b.min.x as i64, b.min.y as i64);
        outline.draw(|gx, gy, cov| {
            self.put(x0 + i64::from(gx), y0 + i64::from(gy), color, cov);
        });
    }

    /// Draws glyph `id` at `em` px turned 90° clockwise (vertical Latin): its baseline runs
    /// down the vertical line `x`, its origin at `y`, its top towards the right. The glyph is
    /// rasterised upright at the fractional offsets that make the turn a pixel transpose.
    pub fn glyph_turned(
        &mut self,
        font: &FontArc,
        id: GlyphId,
        em: f32,
        (x, y): (f32, f32),
        color: Color,
    ) {
        // Upright glyph point (gx, gy) lands on (x − gy, y + gx).
        let (fx, fy) = (y - y.floor(), x.ceil() - x);
        let glyph = id.with_scale_and_position(px_scale(font, em), point(fx, fy));
        let Some(outline) = font.outline_glyph(glyph) else {
            return;
        };
        let b = outline.px_bounds();
        let (bx, by) = (b.min.x as i64, b.min.y as i64);
        let (right, row) = (x.ceil() as i64, y.floor() as i64);
        outline.draw(|gx, gy, cov| {
            let (i, j) = (bx + i64::from(gx), by + i64::from(gy));
            self.put(right - j - 1, row + i, color, cov);
        });
    }

    /// Fills the rectangle [x0, x1) × [y0, y1) (fractional edges are anti-aliased).
    pub fn rect(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, color: Color) {
        let span = |a: f32, b: f32, i: i64| (b.min(i as f32 + 1.0) - a.max(i as f32)).max(0.0);
        for y in y0.floor() as i64..y1.ceil() as i64 {
            let cy = span(y0, y1, y);
            for x in x0.floor() as i64..x1.ceil() as i64 {
                self.put(x, y, color, cy * span(x0, x1, x));
            }
        }
    }
}

/// The exact ink box of glyph `id` at `em` px drawn at the origin, if it has ink: (left,
/// top, right, bottom) in px relative to the origin, y down.
pub fn ink_bounds(font: &FontArc, id: GlyphId, em: f32) -> Option<(f32, f32, f32, f32)> {
    // ab_glyph's unscaled bounds hold the top (y_max, y up) in `min.y`.
    let b = font.outline(id)?.bounds;
    let k = em / font.units_per_em().unwrap_or(1000.0);
    Some((b.min.x * k, -b.min.y * k, b.max.x * k, -b.max.y * k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_or_explain() {
        assert_eq!("#1E1E1E".parse(), Ok(Color([30, 30, 30, 255])));
        assert_eq!("#ff000080".parse(), Ok(Color([255, 0, 0, 128])));
        for bad in ["1E1E1E", "#12345", "#GGGGGG", "#ééé"] {
            assert!(
                bad.parse::<Color>().unwrap_err().contains("#RRGGBB"),
                "{bad}"
            );
        }
    }

    #[test]
    fn rect_covers_fractional_edges() {
        let mut c = Canvas::solid(4, 1, Color([0, 0, 0, 255]));
        c.rect(0.5, 0.0, 2.0, 1.0, Color([255, 255, 255, 255]));
        let row: Vec<u8> = c.to_rgb().pixels().map(|p| p.0[0]).collect();
        // Half coverage, quantised to 16/31.
        assert_eq!(row, [132, 255, 0, 0]);
    }

    #[test]
    fn overlays_darken_indexed_and_rgb_canvases_alike() {
        let dark = Color([0, 0, 0, 128]);
        let mut indexed = Canvas::solid(2, 2, Color([200, 100, 50, 255]));
        indexed.rect(0.0, 0.0, 1.0, 1.0, Color([0, 0, 250, 255]));
        let mut rgb = Canvas::from_rgb(indexed.to_rgb());
        indexed.overlay(dark);
        rgb.overlay(dark);
        assert_eq!(indexed.to_rgb(), rgb.to_rgb());
        assert_eq!(indexed.to_rgb().get_pixel(1, 1).0, [100, 50, 25]);
        assert_eq!(indexed.to_rgb().get_pixel(0, 0).0, [0, 0, 125]);
    }

    #[test]
    fn gradient_runs_from_one_colour_to_the_other() {
        let c = Canvas::gradient(
            2,
            100,
            Color([0, 0, 0, 255]),
            Color([200, 0, 0, 255]),
            180.0,
        );
        let img = c.to_rgb();
        assert!(img.get_pixel(0, 0).0[0] < 3);
        assert!(img.get_pixel(1, 99).0[0] > 197);
    }
}
