//! The source on a card as a QR code (the `qrcode` crate): the modules of a link, drawn as
//! whole-pixel squares, dark on a light plate with the 4-module quiet zone the standard
//! asks for, so it scans on any background.

use super::error::{Error, Result};
use super::raster::{Canvas, Color};

/// The longest link put in a QR code: at error-correction level M a version-25 code (117
/// modules) holds about 1,000 bytes, and a longer one would need modules too small to scan
/// on a phone screen.
pub const MAX_LINK_BYTES: usize = 1000;

/// The quiet zone around the code, in modules (ISO/IEC 18004).
const QUIET: u32 = 4;

/// A QR code's modules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrModules {
    /// Modules on a side.
    pub side: u32,
    /// Row by row, true for a dark module.
    pub dark: Vec<bool>,
}

impl QrModules {
    /// The code for `link` (error correction M: a link scans even when a corner is smudged).
    pub fn new(link: &str) -> Result<QrModules> {
        if link.len() > MAX_LINK_BYTES {
            return Err(Error::Encode(format!(
                "the link for the QR code is {} bytes; at most {MAX_LINK_BYTES} scan reliably: \
                 give a shorter link with --link",
                link.len()
            )));
        }
        let code = qrcode::QrCode::with_error_correction_level(link, qrcode::EcLevel::M)
            .map_err(|e| Error::Encode(format!("cannot make a QR code of the link: {e}")))?;
        let side = code.width() as u32;
        Ok(QrModules {
            side,
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == qrcode::Color::Dark)
                .collect(),
        })
    }

    /// The side of the code with its quiet zone, in modules.
    pub fn side_with_quiet_zone(&self) -> u32 {
        self.side + 2 * QUIET
    }

    /// The largest whole-pixel module size (at least 2 px) that keeps the code and its
    /// quiet zone within `px`.
    pub fn module_px(&self, px: f32) -> u32 {
        ((px / self.side_with_quiet_zone() as f32).floor() as u32).max(2)
    }

    /// Draws the code with its top-left corner (of the quiet zone) at (`x`, `y`), modules of
    /// `module` px: near-black modules on a white plate, which scans on any background.
    /// Returns the side drawn, px.
    pub fn draw(&self, canvas: &mut Canvas, (x, y): (f32, f32), module: u32) -> f32 {
        let (ink, plate) = (Color([17, 17, 17, 255]), Color([255, 255, 255, 255]));
        let (x, y, m) = (x.round(), y.round(), module as f32);
        let total = self.side_with_quiet_zone() as f32 * m;
        canvas.rect(x, y, x + total, y + total, plate);
        let origin = (x + QUIET as f32 * m, y + QUIET as f32 * m);
        for (i, _) in self.dark.iter().enumerate().filter(|(_, d)| **d) {
            let (col, row) = ((i as u32 % self.side) as f32, (i as u32 / self.side) as f32);
            let (x0, y0) = (origin.0 + col * m, origin.1 + row * m);
            canvas.rect(x0, y0, x0 + m, y0 + m, ink);
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_square_code_with_finder_patterns() {
        let q = QrModules::new("https://36kr.com/p/2718263811112345").unwrap();
        assert!(
            q.side >= 21 && (q.side - 21).is_multiple_of(4),
            "{}",
            q.side
        );
        assert_eq!(q.dark.len(), (q.side * q.side) as usize);
        // The top-left finder pattern: a dark 7×7 ring around a light ring.
        let at = |x: u32, y: u32| q.dark[(y * q.side + x) as usize];
        assert!((0..7).all(|i| at(i, 0) && at(0, i) && at(i, 6) && at(6, i)));
        assert!((1..6).all(|i| !at(i, 1) && !at(1, i)));
        assert_eq!(q.module_px(400.0), 400 / q.side_with_quiet_zone());
    }

    #[test]
    fn an_overlong_link_is_refused_with_the_fix() {
        let e = QrModules::new(&"x".repeat(MAX_LINK_BYTES + 1))
            .unwrap_err()
            .to_string();
        assert!(e.contains("--link"), "{e}");
    }
}
