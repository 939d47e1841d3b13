//! A template's corner slots: a QR code of the source's link, a logo and a round avatar,
//! each a square of `size` px set `margin` px in from a corner of the card. Drawn over the
//! finished card; the template's padding is where they belong.

use super::qr::QrModules;
use super::raster::{Canvas, Color};
use super::source::SourceInfo;
use super::template::Template;
use image::RgbaImage;
use image::imageops::FilterType;
use serde::Deserialize;
use std::path::PathBuf;

/// A corner of the card.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Corner {
    TopLeft,
    TopRight,
    BottomLeft,
    #[default]
    BottomRight,
}

/// Where a square slot sits: its side and its corner, `margin` px in from both edges.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slot {
    pub size: u32,
    #[serde(default)]
    pub corner: Corner,
    #[serde(default = "default_margin")]
    pub margin: u32,
}

/// An image slot: a PNG or JPEG file (relative to the template file) scaled into the square,
/// keeping its aspect.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageSlot {
    pub file: PathBuf,
    #[serde(flatten)]
    pub slot: Slot,
}

fn default_margin() -> u32 {
    40
}

impl Slot {
    /// The slot's top-left corner and side on a `width`×`height` card at `scale`, px.
    fn place(&self, width: u32, height: u32, scale: f32) -> (f32, f32, f32) {
        let (side, m) = (self.size as f32 * scale, self.margin as f32 * scale);
        let (w, h) = (width as f32, height as f32);
        let (x, y) = match self.corner {
            Corner::TopLeft => (m, m),
            Corner::TopRight => (w - m - side, m),
            Corner::BottomLeft => (m, h - m - side),
            Corner::BottomRight => (w - m - side, h - m - side),
        };
        (x.round(), y.round(), side)
    }
}

/// Draws the template's slots that have something to show: the QR code when `source` has a
/// link, the logo and avatar when the template read their files.
pub(super) fn draw_slots(
    canvas: &mut Canvas,
    template: &Template,
    scale: f32,
    source: Option<&SourceInfo>,
) {
    let (w, h) = (canvas.width(), canvas.height());
    let link = source.and_then(|s| s.link.as_deref());
    if let (Some(slot), Some(link)) = (&template.qr, link) {
        // A link too long for a code was refused before any card (`QrModules::new`).
        if let Ok(q) = QrModules::new(link) {
            let (x, y, side) = slot.place(w, h, scale);
            let module = q.module_px(side);
            q.draw(canvas, (x, y), module);
        }
    }
    if let (Some(s), Some(img)) = (&template.logo, &template.files.logo) {
        let (x, y, side) = s.slot.place(w, h, scale);
        draw_image(canvas, img, (x, y), side, false);
    }
    if let (Some(s), Some(img)) = (&template.avatar, &template.files.avatar) {
        let (x, y, side) = s.slot.place(w, h, scale);
        draw_image(canvas, img, (x, y), side, true);
    }
}

/// Draws `img` scaled into the `side`-px square at (`x`, `y`), centred, composited by its
/// alpha; `round` masks it to the inscribed circle (an avatar), anti-aliased.
fn draw_image(canvas: &mut Canvas, img: &RgbaImage, (x, y): (f32, f32), side: f32, round: bool) {
    let (iw, ih) = (img.width().max(1) as f32, img.height().max(1) as f32);
    let k = if round {
        (side / iw).max(side / ih)
    } else {
        (side / iw).min(side / ih)
    };
    let (sw, sh) = (
        ((iw * k).round() as u32).max(1),
        ((ih * k).round() as u32).max(1),
    );
    let scaled = image::imageops::resize(img, sw, sh, FilterType::CatmullRom);
    let n = side.round() as u32;
    let (ox, oy) = ((sw as i64 - n as i64) / 2, (sh as i64 - n as i64) / 2);
    let r = side / 2.0;
    for py in 0..n {
        for px in 0..n {
            let (sx, sy) = (px as i64 + ox, py as i64 + oy);
            if sx < 0 || sy < 0 || sx >= i64::from(sw) || sy >= i64::from(sh) {
                continue;
            }
            let [cr, cg, cb, ca] = scaled.get_pixel(sx as u32, sy as u32).0;
            let mask = if round {
                let d = ((px as f32 + 0.5 - r).powi(2) + (py as f32 + 0.5 - r).powi(2)).sqrt();
                (r - d + 0.5).clamp(0.0, 1.0)
            } else {
                1.0
            };
            let a = (f32::from(ca) * mask).round() as u8;
            let (fx, fy) = (x + px as f32, y + py as f32);
            canvas.rect(fx, fy, fx + 1.0, fy + 1.0, Color([cr, cg, cb, a]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corners_place_the_square_inside_the_card() {
        let slot = |corner| Slot {
            size: 100,
            corner,
            margin: 40,
        };
        assert_eq!(
            slot(Corner::TopLeft).place(1080, 1350, 1.0),
            (40.0, 40.0, 100.0)
        );
        assert_eq!(
            slot(Corner::BottomRight).place(1080, 1350, 1.0),
            (940.0, 1210.0, 100.0)
        );
        assert_eq!(
            slot(Corner::TopRight).place(2160, 2700, 2.0),
            (1880.0, 80.0, 200.0)
        );
    }

    #[test]
    fn an_avatar_is_round_and_a_logo_square() {
        let img = RgbaImage::from_pixel(50, 50, image::Rgba([200, 0, 0, 255]));
        let red = |round| {
            let mut c = Canvas::solid(200, 200, Color([255, 255, 255, 255]));
            draw_image(&mut c, &img, (50.0, 50.0), 100.0, round);
            let rgb = c.to_rgb();
            let corner = *rgb.get_pixel(52, 52);
            let centre = *rgb.get_pixel(100, 100);
            (corner, centre)
        };
        let (corner, centre) = red(true);
        assert_eq!(corner.0, [255, 255, 255], "outside the circle");
        assert_eq!(centre.0, [200, 0, 0]);
        assert_eq!(red(false).0.0, [200, 0, 0], "a logo fills its corner");
    }
}
