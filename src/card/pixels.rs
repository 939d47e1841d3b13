//! Pixel storage for a card: indexed (a palette of ≤ 256 colours, a byte a pixel) while the
//! card has few colours, RGB from the first colour too many. A solid card with a few text
//! colours stays indexed and goes to PNG without a colour-counting pass.

use super::raster::Color;

/// Anti-aliasing coverage levels (5 bits). Each colour then blends with the background in at
/// most 31 steps, so a card with a few colours stays within a 256-colour palette (indexed
/// PNG: about half the bytes of RGB, faster to encode); the error is at most 1/62 of the
/// contrast (≤ 4 of 255 for black on white), below what anyone sees at an anti-aliased edge.
pub const COVERAGE_LEVELS: u32 = 32;
const TOP: u32 = COVERAGE_LEVELS - 1;

/// The quantised coverage level (0–31) of a coverage in 0–1.
#[inline]
pub fn level(cov: f32) -> u32 {
    (cov.clamp(0.0, 1.0) * TOP as f32 + 0.5) as u32
}

/// The pixels of a card, row-major.
pub enum Pixels {
    /// Palette indices, the palette (in `Table`) and a memo of blends already computed.
    Indexed {
        data: Vec<u8>,
        table: Table,
        memo: Memo,
    },
    /// 8-bit RGB triples.
    Rgb(Vec<u8>),
}

impl Pixels {
    /// `n` pixels of one colour.
    #[cfg(test)]
    pub fn solid(n: usize, rgb: [u8; 3]) -> Pixels {
        Pixels::solid_in(vec![0; n], rgb)
    }

    /// Pixels of one colour in `zeros`, a buffer of zeros.
    pub fn solid_in(zeros: Vec<u8>, rgb: [u8; 3]) -> Pixels {
        let mut table = Table::default();
        table.index(rgb);
        Pixels::Indexed {
            data: zeros,
            table,
            memo: Memo::default(),
        }
    }

    /// Blends `color` at coverage `level` (1–31) onto pixel `i`.
    #[inline]
    pub fn put(&mut self, i: usize, color: Color, level: u32) {
        let Pixels::Indexed { data, table, memo } = self else {
            if let Pixels::Rgb(rgb) = self {
                blend_level(&mut rgb[i * 3..i * 3 + 3], color, level);
            }
            return;
        };
        let src = data[i];
        if let Some(index) = memo.get(src, level, color) {
            data[i] = index;
            return;
        }
        let mut rgb = table.colors[usize::from(src)];
        blend_level(&mut rgb, color, level);
        match table.index(rgb) {
            Some(index) => {
                memo.set(src, level, color, index);
                data[i] = index;
            }
            None => {
                // A 257th colour: continue in RGB.
                *self = Pixels::Rgb(self.to_rgb());
                self.put(i, color, level);
            }
        }
    }

    /// `put_row` onto pixels that are all still index 0 (a solid card's untouched
    /// background): once every level of `color` on the background is known, a table lookup
    /// a pixel without a branch.
    pub fn put_row_on_background(&mut self, start: usize, levels: &[u8], color: Color) {
        if let Pixels::Indexed { data, memo, .. } = self {
            let (lut, known) = memo.on_background(color);
            if known == u32::MAX {
                let row = &mut data[start..start + levels.len()];
                for (px, &level) in row.iter_mut().zip(levels) {
                    *px = lut[usize::from(level & 31)];
                }
                return;
            }
        }
        self.put_row(start, levels, color);
    }

    /// Blends `color` at coverage `levels[k]` (0–31; 0 leaves the pixel) onto pixel
    /// `start + k`: a glyph's row, with the storage matched once for the row.
    pub fn put_row(&mut self, start: usize, levels: &[u8], color: Color) {
        if let Pixels::Indexed { data, table, memo } = self {
            let row = &mut data[start..start + levels.len()];
            // Most of a glyph lands on background (index 0): its blends are a 32-entry table
            // for this colour, with level 0 leaving the pixel as it is.
            let (mut lut, mut known) = memo.on_background(color);
            for (k, (px, &level)) in row.iter_mut().zip(levels).enumerate() {
                if *px == 0 && known >> (level & 31) & 1 != 0 {
                    *px = lut[usize::from(level & 31)];
                    continue;
                }
                if level == 0 {
                    continue;
                }
                let level = u32::from(level);
                let index = match memo.get(*px, level, color) {
                    Some(index) => index,
                    None => {
                        let mut rgb = table.colors[usize::from(*px)];
                        blend_level(&mut rgb, color, level);
                        let Some(index) = table.index(rgb) else {
                            // A 257th colour: the rest of the row in RGB.
                            *self = Pixels::Rgb(self.to_rgb());
                            return self.put_row(start + k, &levels[k..], color);
                        };
                        memo.set(*px, level, color, index);
                        index
                    }
                };
                if *px == 0 {
                    lut[level as usize] = index;
                    known |= 1 << level;
                }
                *px = index;
            }
            memo.keep_background(color, lut, known);
        } else if let Pixels::Rgb(rgb) = self {
            let row = &mut rgb[start * 3..(start + levels.len()) * 3];
            for (px, &level) in row.chunks_exact_mut(3).zip(levels) {
                blend_level(px, color, u32::from(level));
            }
        }
    }

    /// Replaces every colour `c` by `f(c)` (an overlay over the whole card).
    pub fn map(&mut self, f: impl Fn([u8; 3]) -> [u8; 3]) {
        match self {
            Pixels::Indexed { table, memo, .. } => {
                let colors: Vec<[u8; 3]> = table.colors.iter().map(|&c| f(c)).collect();
                // Colours may merge; the palette may then hold duplicates, which PNG allows.
                *table = Table::default();
                for c in &colors {
                    table.index(*c);
                }
                table.colors = colors;
                *memo = Memo::default();
            }
            Pixels::Rgb(rgb) => {
                for px in rgb.chunks_exact_mut(3) {
                    px.copy_from_slice(&f([px[0], px[1], px[2]]));
                }
            }
        }
    }

    /// The pixels as RGB triples.
    pub fn to_rgb(&self) -> Vec<u8> {
        match self {
            Pixels::Indexed { data, table, .. } => {
                let mut rgb = Vec::with_capacity(data.len() * 3);
                for &i in data {
                    rgb.extend_from_slice(&table.colors[usize::from(i)]);
                }
                rgb
            }
            Pixels::Rgb(rgb) => rgb.clone(),
        }
    }
}

/// Blends `color` at coverage `level` onto one RGB pixel (sRGB values, source-over, rounded
/// to nearest, as browsers and Pillow do).
#[inline]
pub fn blend_level(px: &mut [u8], color: Color, level: u32) {
    let [r, g, b, a] = color.0;
    if level == TOP && a == 255 {
        px.copy_from_slice(&[r, g, b]);
    } else if level > 0 {
        blend(px, [r, g, b], (level * u32::from(a) + TOP / 2) / TOP);
    }
}

/// Source-over blending of an opaque colour at `alpha` (0–255) onto `dst`.
pub fn blend(dst: &mut [u8], src: [u8; 3], alpha: u32) {
    if alpha == 0 {
        return;
    }
    for (d, s) in dst.iter_mut().zip(src) {
        let v = u32::from(*d) * (255 - alpha) + u32::from(s) * alpha;
        *d = ((v + 127) / 255) as u8;
    }
}

/// Blends already computed: (palette index, level, colour) → palette index.
pub struct Memo {
    tags: Vec<u64>,
    values: Vec<u8>,
    /// The blends of one colour onto the background (index 0) by level, for the levels
    /// whose bit is set in `bg_known`.
    bg_color: Color,
    bg: [u8; COVERAGE_LEVELS as usize],
    bg_known: u32,
}

impl Default for Memo {
    fn default() -> Memo {
        Memo {
            tags: vec![0; 256 * COVERAGE_LEVELS as usize],
            values: vec![0; 256 * COVERAGE_LEVELS as usize],
            bg_color: Color([0; 4]),
            bg: [0; COVERAGE_LEVELS as usize],
            bg_known: 1,
        }
    }
}

impl Memo {
    /// The background blends known for `color`: the table and its bit set (level 0, which
    /// leaves index 0, is always known).
    #[inline]
    fn on_background(&self, color: Color) -> ([u8; COVERAGE_LEVELS as usize], u32) {
        if self.bg_color == color {
            (self.bg, self.bg_known)
        } else {
            ([0; COVERAGE_LEVELS as usize], 1)
        }
    }

    fn keep_background(&mut self, color: Color, lut: [u8; COVERAGE_LEVELS as usize], known: u32) {
        (self.bg_color, self.bg, self.bg_known) = (color, lut, known);
    }

    fn key(src: u8, level: u32, color: Color) -> (usize, u64) {
        let slot = usize::from(src) * COVERAGE_LEVELS as usize + level as usize;
        (slot, u64::from(u32::from_le_bytes(color.0)) | 1 << 32)
    }

    #[inline]
    fn get(&self, src: u8, level: u32, color: Color) -> Option<u8> {
        let (slot, tag) = Memo::key(src, level, color);
        (self.tags[slot] == tag).then(|| self.values[slot])
    }

    fn set(&mut self, src: u8, level: u32, color: Color, index: u8) {
        let (slot, tag) = Memo::key(src, level, color);
        self.tags[slot] = tag;
        self.values[slot] = index;
    }
}

/// An open-addressing colour → index table that holds up to 256 colours.
pub struct Table {
    keys: Vec<u32>,
    values: Vec<u8>,
    pub colors: Vec<[u8; 3]>,
}

impl Default for Table {
    fn default() -> Table {
        Table {
            keys: vec![0; 1024],
            values: vec![0; 1024],
            colors: Vec::with_capacity(256),
        }
    }
}

impl Table {
    /// The index of `rgb`, adding it if new; `None` once a 257th colour appears.
    pub fn index(&mut self, rgb: [u8; 3]) -> Option<u8> {
        // Key 0 marks an empty slot, so store colour + 1.
        let key = (u32::from(rgb[0]) << 16 | u32::from(rgb[1]) << 8 | u32::from(rgb[2])) + 1;
        let mut slot = (key.wrapping_mul(0x9E37_79B1) >> 22) as usize;
        loop {
            match self.keys[slot] {
                0 => {
                    if self.colors.len() == 256 {
                        return None;
                    }
                    self.keys[slot] = key;
                    self.values[slot] = self.colors.len() as u8;
                    self.colors.push(rgb);
                    return Some(self.values[slot]);
                }
                k if k == key => return Some(self.values[slot]),
                _ => slot = (slot + 1) & 1023,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blending_is_exact_at_the_ends() {
        let mut p = [200, 100, 0];
        blend(&mut p, [0, 0, 0], 0);
        assert_eq!(p, [200, 100, 0]);
        blend(&mut p, [10, 20, 30], 255);
        assert_eq!(p, [10, 20, 30]);
        let mut q = [0, 0, 0];
        blend(&mut q, [255, 255, 255], 128);
        assert_eq!(q, [128, 128, 128]);
    }

    #[test]
    fn indexed_pixels_turn_rgb_at_the_257th_colour() {
        let mut px = Pixels::solid(300, [0, 0, 0]);
        for i in 0..255 {
            px.put(i, Color([i as u8 + 1, 0, 0, 255]), TOP);
        }
        assert!(matches!(px, Pixels::Indexed { .. }));
        px.put(299, Color([0, 9, 9, 255]), TOP);
        assert!(matches!(px, Pixels::Rgb(_)));
        let rgb = px.to_rgb();
        assert_eq!(&rgb[..6], &[1, 0, 0, 2, 0, 0]);
        assert_eq!(&rgb[299 * 3..], &[0, 9, 9]);
        assert_eq!(&rgb[298 * 3..299 * 3], &[0, 0, 0]);
    }

    #[test]
    fn rows_on_the_background_blend_as_any_row_does() {
        // Every level, so that the fast table fills up and is then used.
        let levels: Vec<u8> = (0..64).map(|i| (i * 5 % 32) as u8).collect();
        let mut general = Pixels::solid(64 * 40, [250, 240, 230]);
        let mut fast = Pixels::solid(64 * 40, [250, 240, 230]);
        for row in 0..40 {
            let color = [Color([20, 20, 20, 255]), Color([180, 40, 40, 200])][row / 20];
            general.put_row(row * 64, &levels, color);
            fast.put_row_on_background(row * 64, &levels, color);
        }
        let Pixels::Indexed { memo, .. } = &fast else {
            panic!("two colours stay indexed")
        };
        assert_eq!(memo.bg_known, u32::MAX, "the table was complete");
        let (
            Pixels::Indexed {
                data: a, table: ta, ..
            },
            Pixels::Indexed {
                data: b, table: tb, ..
            },
        ) = (&general, &fast)
        else {
            panic!("indexed")
        };
        assert_eq!(
            (a, &ta.colors),
            (b, &tb.colors),
            "same indices, same palette order"
        );
    }

    #[test]
    fn rows_blend_as_pixels_do_and_turn_rgb_mid_row() {
        let levels: Vec<u8> = (0..40).map(|i| (i * 7 % 32) as u8).collect();
        let colors = [Color([20, 20, 20, 255]), Color([200, 30, 90, 160])];
        let mut one = Pixels::solid(300, [250, 240, 230]);
        let mut row = Pixels::solid(300, [250, 240, 230]);
        // Enough distinct colours that the 257th appears in the middle of a row.
        for (n, start) in (0..260).step_by(13).enumerate() {
            let color = Color([n as u8 * 9, 255 - n as u8 * 5, 7, 255]);
            for color in [color, colors[n % 2]] {
                for (k, &l) in levels.iter().enumerate() {
                    if l > 0 {
                        one.put(start + k, color, u32::from(l));
                    }
                }
                row.put_row(start, &levels, color);
            }
        }
        assert!(matches!(row, Pixels::Rgb(_)));
        assert_eq!(one.to_rgb(), row.to_rgb());
    }

    #[test]
    fn memoised_blends_match_computed_ones() {
        let mut px = Pixels::solid(4, [250, 240, 230]);
        let ink = Color([20, 20, 20, 255]);
        for i in 0..4 {
            px.put(i, ink, 16);
        }
        let mut expected = [250, 240, 230];
        blend_level(&mut expected, ink, 16);
        assert_eq!(px.to_rgb(), expected.repeat(4));
    }
}
