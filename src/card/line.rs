//! One-line texts and glyph runs on a card: a label set as the typesetter sets a quote
//! (Han–Latin gaps, punctuation widths), shrunk to fit its bounds, aligned, and drawn —
//! colour glyphs layer by layer, a pair of em dashes as one continuous rule.

use super::fonts::{EM_ASCENT, FontChain};
use super::raster::{Canvas, Color, ink_bounds};
use super::template::LineAlign;
use crate::typeset::{self, Align, Glyph, Metrics};

/// Sets `text` on one line at `em` px: glyphs at their natural advances, and the width.
pub(super) fn set_line(text: &str, chain: &FontChain, em: f32) -> (Vec<Glyph>, f32) {
    let mut x = 0.0;
    let glyphs = text
        .chars()
        .filter(|c| !c.is_control())
        .map(|ch| {
            let (advance, font) = chain.advance(ch).unwrap_or((1.0, 0));
            let glyph = Glyph {
                ch,
                x,
                advance: advance * em,
                font,
            };
            x += advance * em;
            glyph
        })
        .collect();
    (glyphs, x)
}

/// Sets a label line (attribution, footer) on one line at `em` px as the typesetter sets the
/// quote: Han–Latin gaps (`陈美龄 · Jinju`), punctuation widths; glyphs and the width.
fn set_label(text: &str, chain: &FontChain, em: f32) -> (Vec<Glyph>, f32) {
    let style = typeset::Style {
        align: Align::Start,
        balanced: false,
        phrases: false,
        ..typeset::Style::default()
    };
    let text: String = text.chars().filter(|c| !c.is_control()).collect();
    // A middle dot is set in a 1-em box: the spaces typed around it would double its room.
    let text = text.replace(" · ", "·");
    let layout = typeset::layout(&text, em, 1.0e6, &style, chain);
    match layout.lines.into_iter().next() {
        Some(line) if !text.contains('\n') => (line.glyphs, line.width),
        _ => set_line(&text, chain, em),
    }
}

/// Union of the glyphs' ink boxes (left, top, right, bottom) relative to the line origin.
pub(super) fn line_ink(
    glyphs: &[Glyph],
    chain: &FontChain,
    em: f32,
) -> Option<(f32, f32, f32, f32)> {
    glyphs
        .iter()
        .filter_map(|g| {
            let (index, id) = chain.lookup(g.ch)?;
            let (l, t, r, b) = ink_bounds(chain.font(index), id, em)?;
            Some((g.x + l, t, g.x + r, b))
        })
        .reduce(|a, b| (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3)))
}

/// The left edge of something `w` wide aligned with `anchor` (left, width), kept inside
/// `bounds` (left, width) when it fits.
pub(super) fn place(align: LineAlign, anchor: (f32, f32), bounds: (f32, f32), w: f32) -> f32 {
    let x = match align {
        LineAlign::Start => anchor.0,
        LineAlign::Center => anchor.0 + (anchor.1 - w) / 2.0,
        LineAlign::End => anchor.0 + anchor.1 - w,
    };
    x.min(bounds.0 + bounds.1 - w).max(bounds.0)
}

/// Draws a one-line text whose em box starts at `top`, aligned with `anchor` inside `bounds`
/// (each left, width), shrunk to the bounds' width if needed.
#[allow(clippy::too_many_arguments)]
pub(super) fn draw_line(
    canvas: &mut Canvas,
    text: &str,
    chain: &FontChain,
    em: f32,
    (anchor, (left, width)): ((f32, f32), (f32, f32)),
    top: f32,
    align: LineAlign,
    color: Color,
) {
    let (mut glyphs, mut w) = set_label(text, chain, em);
    let mut size = em;
    if w > width {
        size = em * width / w;
        (glyphs, w) = set_label(text, chain, size);
    }
    let baseline = top + EM_ASCENT * em - (em - size) / 2.0;
    let x = place(align, anchor, (left, width), w.min(width));
    draw_glyphs(canvas, &glyphs, chain, size, x, baseline, color);
}

/// Draws glyph `id` of the chain's font `index` with its origin at `at`: a colour glyph
/// layer by layer (bottom first, `color` where the palette says the text's colour).
pub(super) fn draw_glyph(
    canvas: &mut Canvas,
    chain: &FontChain,
    (index, id): (u16, ab_glyph::GlyphId),
    em: f32,
    (x, baseline): (f32, f32),
    color: Color,
) {
    let font = chain.font(index);
    match chain.layers(index, id) {
        Some(layers) => {
            for layer in layers {
                let c = layer.colour.map_or(color, Color);
                canvas.glyph(font, layer.glyph, em, x, baseline, c);
            }
        }
        None => canvas.glyph(font, id, em, x, baseline, color),
    }
}

/// Draws positioned glyphs; a pair of em dashes becomes one continuous rule (Noto's U+2014
/// is 0.894 em, so two glyphs would show a gap).
pub(super) fn draw_glyphs(
    canvas: &mut Canvas,
    glyphs: &[Glyph],
    chain: &FontChain,
    em: f32,
    x: f32,
    baseline: f32,
    color: Color,
) {
    let mut i = 0;
    while i < glyphs.len() {
        let g = &glyphs[i];
        // The glyph id belongs to the font that has the character (`g.font` says the same).
        let Some((index, id)) = chain.lookup(g.ch) else {
            i += 1;
            continue;
        };
        let font = chain.font(index);
        if g.ch == '—' && glyphs.get(i + 1).is_some_and(|n| n.ch == '—') {
            let next = &glyphs[i + 1];
            if let Some((_, top, _, bottom)) = ink_bounds(font, id, em) {
                let (x0, x1) = (x + g.x, x + next.x + next.advance);
                canvas.rect(x0, baseline + top, x1, baseline + bottom, color);
            }
            i += 2;
            continue;
        }
        draw_glyph(canvas, chain, (index, id), em, (x + g.x, baseline), color);
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::fonts::{FontBook, Script};

    #[test]
    fn label_lines_get_the_han_latin_gap_and_one_em_middle_dots() {
        let book = FontBook::embedded();
        let chain = book.chain(book.get("sans").unwrap(), Script::Simplified);
        let (_, natural) = set_line("访谈Jinju", &chain, 100.0);
        let (glyphs, spaced) = set_label("访谈Jinju", &chain, 100.0);
        assert!(spaced - natural > 15.0, "{natural} → {spaced}");
        assert_eq!(glyphs.iter().map(|g| g.ch).collect::<String>(), "访谈Jinju");
        let (typed, _) = set_label("张鹏 · 谈上市", &chain, 100.0);
        assert!(typed.iter().all(|g| g.ch != ' '), "the spaces around · go");
    }
}
