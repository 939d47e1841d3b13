//! Where a card on a solid background was drawn on: for each row, the span of columns any
//! glyph or rule touched. Outside those spans every pixel is still the background, which
//! lets the PNG filter skip what it already knows (two untouched rows are equal; filtering
//! a row can stop at its ink) and lets the next card reuse the pixel buffer by clearing only
//! the spans instead of the whole card.
//!
//! Written by hand: it is bookkeeping about jinju's own canvas.

use std::cell::RefCell;

/// Per row, the columns `[start, end)` drawn on; `start >= end` when none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ink {
    width: u32,
    rows: Vec<(u32, u32)>,
}

const CLEAN: (u32, u32) = (u32::MAX, 0);

impl Ink {
    /// A card of `height` rows of `width` pixels, nothing drawn.
    pub fn new(width: u32, height: u32) -> Ink {
        Ink {
            width,
            rows: vec![CLEAN; height as usize],
        }
    }

    /// Pixels `[x0, x1)` of row `y` were drawn on (already clipped to the card).
    #[inline]
    pub fn touch(&mut self, y: usize, x0: u32, x1: u32) {
        let span = &mut self.rows[y];
        span.0 = span.0.min(x0);
        span.1 = span.1.max(x1);
    }

    /// The columns drawn on in row `y`, if any.
    #[inline]
    pub fn row(&self, y: usize) -> Option<(usize, usize)> {
        let (a, b) = self.rows[y];
        (a < b).then_some((a as usize, b as usize))
    }

    /// Sets what was drawn of `data` (a byte a pixel) back to `value`, and forgets it.
    fn clear(&mut self, data: &mut [u8], value: u8) {
        let w = self.width as usize;
        for (y, span) in self.rows.iter_mut().enumerate() {
            if span.0 < span.1 {
                data[y * w + span.0 as usize..y * w + span.1 as usize].fill(value);
            }
            *span = CLEAN;
        }
    }
}

thread_local! {
    /// The pixel buffer and ink of the last solid card this thread finished.
    static SPARE: RefCell<Option<(Vec<u8>, Ink)>> = const { RefCell::new(None) };
}

/// A buffer of `width` × `height` zeros and its (empty) ink: the thread's spare one cleared
/// where it was drawn if it has the size, else a new one.
pub fn zeroed(width: u32, height: u32) -> (Vec<u8>, Ink) {
    let n = width as usize * height as usize;
    let spare = SPARE.with(|s| s.borrow_mut().take());
    match spare {
        Some((mut data, mut ink)) if data.len() == n && ink.width == width => {
            ink.clear(&mut data, 0);
            (data, ink)
        }
        _ => (vec![0; n], Ink::new(width, height)),
    }
}

/// Keeps a finished card's buffer (a byte a pixel, the background at 0 outside `ink`) for the
/// thread's next card.
pub fn recycle(data: Vec<u8>, ink: Ink) {
    SPARE.with(|s| *s.borrow_mut() = Some((data, ink)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_grow_to_cover_every_touch() {
        let mut ink = Ink::new(10, 3);
        assert_eq!(ink.row(0), None);
        ink.touch(1, 4, 6);
        ink.touch(1, 2, 3);
        ink.touch(1, 5, 9);
        assert_eq!(ink.row(1), Some((2, 9)));
        assert_eq!(ink.row(2), None);
    }

    #[test]
    fn a_recycled_buffer_comes_back_zeroed() {
        let (mut data, mut ink) = zeroed(8, 4);
        assert!(data.iter().all(|&b| b == 0));
        data[8 + 2..8 + 5].fill(7);
        ink.touch(1, 2, 5);
        data[3 * 8 + 7] = 9;
        ink.touch(3, 7, 8);
        recycle(data, ink);
        let (again, ink) = zeroed(8, 4);
        assert!(again.iter().all(|&b| b == 0), "{again:?}");
        assert_eq!((0..4).filter_map(|y| ink.row(y)).count(), 0);
        // Another size gets a fresh buffer.
        let (other, _) = zeroed(3, 3);
        assert_eq!(other, vec![0; 9]);
    }
}
