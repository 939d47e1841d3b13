//! The decorative quotation mark of a card: its size follows the quote's — at most
//! [`MARK_TO_TEXT`] times the text size, never more than the template's — so a long quote set
//! small does not sit under a huge mark, and it *hangs* in the left margin beside the first
//! line when the quote is set flush left and the margin holds it (then it takes no height
//! above the quote); otherwise it sits above the quote (over the first column of a vertical
//! card), its gap scaled with it.

use super::fonts::FontChain;
use super::line::{line_ink, set_line};
use super::template::Mark;
use crate::typeset::{Glyph, Layout};

/// The mark's em is at most this many times the quote's.
pub const MARK_TO_TEXT: f32 = 2.0;

/// Room between a hanging mark's ink and the text, in the mark's em.
const HANG_GAP: f32 = 0.12;

/// A mark set at one size, and where it goes.
pub(super) struct PlacedMark {
    pub em: f32,
    pub glyphs: Vec<Glyph>,
    /// Ink box (left, top, right, bottom) relative to the glyphs' origin.
    pub ink: (f32, f32, f32, f32),
    /// Space between the mark and the quote below it.
    pub gap: f32,
    pub hang: bool,
}

impl PlacedMark {
    /// The mark's `text` at `em` px (its gap scaled from the template's `gap` at `full` px);
    /// hanging when `margin` (the free width left of the text, if the quote is flush left)
    /// holds it.
    pub fn new(
        text: &str,
        chain: &FontChain,
        (em, full): (f32, f32),
        gap: f32,
        margin: Option<f32>,
    ) -> Option<PlacedMark> {
        let (glyphs, _) = set_line(text, chain, em);
        let ink = line_ink(&glyphs, chain, em)?;
        let hang = margin.is_some_and(|room| ink.2 - ink.0 + HANG_GAP * em <= room);
        Some(PlacedMark {
            em,
            glyphs,
            ink,
            gap: gap * em / full.max(1.0),
            hang,
        })
    }

    /// The height it takes above the quote.
    pub fn above(&self) -> f32 {
        if self.hang {
            0.0
        } else {
            self.ink.3 - self.ink.1 + self.gap
        }
    }

    /// The glyphs' origin for a mark whose ink starts at (`x`, `y`) above the quote, or,
    /// hanging, ends left of `text_left` with its top at the first line's ink top `y`.
    pub fn origin(&self, x: f32, y: f32, text_left: f32) -> (f32, f32) {
        let (l, t, r, _) = self.ink;
        let left = if self.hang {
            text_left - HANG_GAP * self.em - (r - l)
        } else {
            x
        };
        (left - l, y - t)
    }
}

/// The mark's size for a quote set at `text_em`: the template's, or less to keep within
/// [`MARK_TO_TEXT`] × the text.
pub fn scaled_em(full: f32, text_em: f32) -> f32 {
    full.min(MARK_TO_TEXT * text_em)
}

/// A placed mark with the template's mark and the chain it is drawn with.
pub(super) type Placed<'t> = (PlacedMark, &'t Mark, &'t FontChain);

/// Fits the quote under the mark at the template's size `full` (none: no mark), then under the
/// mark scaled to the text size that gave ([`scaled_em`]), which leaves the text more room:
/// the text keeps that size when it fits. Both directions of card place their mark so.
pub(super) fn fit_beside_mark<'t>(
    full: Option<f32>,
    mark_at: impl Fn(f32) -> Option<Placed<'t>>,
    fit_under: impl Fn(&Option<Placed<'t>>) -> Option<Layout>,
) -> Option<(Option<Placed<'t>>, Layout)> {
    let mut placed = full.and_then(&mark_at);
    let mut layout = fit_under(&placed)?;
    if let Some((p, _, _)) = &placed {
        let em = scaled_em(p.em, layout.size);
        let smaller = mark_at(em);
        if em < p.em
            && let Some(l) = fit_under(&smaller)
        {
            (placed, layout) = (smaller, l);
        }
    }
    Some((placed, layout))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mark_follows_the_text_size_up_to_the_templates() {
        assert_eq!(scaled_em(200.0, 120.0), 200.0);
        assert_eq!(scaled_em(200.0, 44.0), 88.0);
        assert!(scaled_em(200.0, 60.0) < scaled_em(200.0, 80.0));
    }
}

#[cfg(test)]
mod placement {
    use super::*;
    use crate::card::fonts::{FontBook, Script};

    #[test]
    fn the_mark_hangs_only_where_the_margin_holds_it_and_its_gap_scales() {
        let book = FontBook::embedded();
        let chain = book.chain(book.get("serif-bold").unwrap(), Script::Simplified);
        let wide = PlacedMark::new("“", &chain, (200.0, 200.0), 40.0, Some(160.0)).unwrap();
        assert!(wide.hang && wide.above() == 0.0);
        let narrow = PlacedMark::new("“", &chain, (200.0, 200.0), 40.0, Some(30.0)).unwrap();
        assert!(!narrow.hang && narrow.above() > 40.0);
        let centred = PlacedMark::new("“", &chain, (100.0, 200.0), 40.0, None).unwrap();
        assert!(!centred.hang);
        assert_eq!(centred.gap, 20.0, "half the size, half the gap");
        // Hanging, its ink ends left of the text.
        let (x, _) = wide.origin(0.0, 0.0, 300.0);
        assert!(x + wide.ink.2 < 300.0);
    }
}
