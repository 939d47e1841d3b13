//! Composition of one card: the entry point for both directions, the horizontal card (mark,
//! quote, rule and attribution top to bottom), and the drawing both directions share
//! (background, one-line texts, the footer, glyph runs with continuous dashes).

use super::emoji;
use super::error::Result;
use super::fonts::{EM_ASCENT, FontBook, FontChain};
use super::highlight::{draw_line_highlighted, phrase_ranges};
use super::mark::{PlacedMark, fit_beside_mark};
use super::parts::{Parts, does_not_fit, fit_share, prepare};
use super::raster::{Canvas, Color, ink_bounds};
use super::slots::draw_slots;
use super::source::CardFields;
use super::template::{Direction, LineAlign, Mark, Template};
use super::text::CardText;
use crate::typeset::{self, Align, Glyph, Metrics};

/// A card as pixels, before encoding.
pub struct Painted {
    pub canvas: Canvas,
    /// The quote's lines as typeset.
    pub lines: Vec<String>,
    /// The quote's font size, px (after scaling).
    pub size_px: u32,
    /// Characters drawn with the rare-character fallback face.
    pub rare: Vec<char>,
}

impl Painted {
    /// The painted card with its typeset lines (emoji unfolded for the manifest) and what
    /// the rare-character face drew.
    pub(super) fn new(
        canvas: Canvas,
        parts: &Parts,
        lines: &[typeset::Line],
        size: f32,
    ) -> Painted {
        let mut rare = parts.quote_chain.rare_chars(&parts.text);
        for (_, chain, text) in parts.attribution.iter().chain(&parts.footer) {
            for c in chain.rare_chars(text) {
                if !rare.contains(&c) {
                    rare.push(c);
                }
            }
        }
        Painted {
            canvas,
            lines: lines.iter().map(|l| emoji::unfold(&l.text)).collect(),
            size_px: size.round() as u32,
            rare,
        }
    }
}

/// Draws `quote` with `template`; `scale` multiplies every size; `fields` fill `{title}`,
/// `{date}`, `{outlet}`, `{guests}`, `{link}` and the `qr:` slot.
pub fn paint<'a>(
    quote: &CardText,
    template: &Template,
    book: &FontBook,
    scale: f32,
    fields: impl Into<CardFields<'a>>,
) -> Result<Painted> {
    let fields = fields.into();
    let parts = prepare(quote, template, book, scale, fields)?;
    let mut painted = match template.direction {
        Direction::Horizontal => horizontal(quote, template, parts),
        Direction::Vertical => super::vertical::paint(quote, template, parts),
    }?;
    draw_slots(&mut painted.canvas, template, scale, fields.source);
    Ok(painted)
}

/// Composes a horizontal card: mark, lines, rule and attribution top to bottom.
fn horizontal(quote: &CardText, template: &Template, parts: Parts) -> Result<Painted> {
    let Parts {
        width,
        height,
        text,
        quote_chain,
        mark,
        attribution,
        names,
        ..
    } = &parts;
    let (width, height, text) = (*width, *height, text.as_str());
    let px = |v: u32| parts.px(v);

    // The content box and the blocks around the quote.
    let [pt, pr, pb, pl] = template.padding;
    let (left, top) = (px(pl), px(pt));
    let (cw, ch) = (
        width as f32 - px(pl) - px(pr),
        height as f32 - px(pt) - px(pb),
    );
    let q = &template.quote;
    let centred = matches!(q.align, Align::Center | Align::JustifyCenter);
    // A flush-left quote's mark may hang in the left padding.
    let margin = (!centred).then_some(left);
    let mark_at = |em: f32| {
        mark.as_ref().and_then(|(m, c)| {
            PlacedMark::new(&m.text, c, (em, px(m.size)), px(m.gap), margin).map(|p| (p, *m, c))
        })
    };
    let rule = template.rule.as_ref().map(|r| (r, px(r.gap), px(r.height)));
    let attribution_em = attribution.as_ref().map(|(l, _, _)| px(l.size));
    let below = match (rule, &attribution) {
        (Some((_, gap, rh)), Some(_)) => 2.0 * gap + rh,
        (Some((_, gap, rh)), None) => gap + rh,
        (None, Some((l, _, _))) => px(l.gap),
        (None, None) => 0.0,
    } + attribution_em.unwrap_or(0.0);
    let style = Parts::style(template);
    let (min, max) = parts.sizes(template);
    let fit = |height: f32| {
        typeset::fit_keeping(text, names, (cw, height), (min, max), &style, quote_chain)
    };
    let fit_under = |placed: &Option<(PlacedMark, &Mark, &FontChain)>| {
        let above = placed.as_ref().map_or(0.0, |(p, _, _)| p.above());
        fit_share(q.size.fill, ch - above - below, min, fit)
    };
    // Fit under the template's mark, then under a mark scaled to the text (which leaves the
    // text more room: it keeps that size).
    let (placed, layout) =
        fit_beside_mark(mark.as_ref().map(|(m, _)| px(m.size)), mark_at, fit_under)
            .ok_or_else(|| does_not_fit(quote, template, text))?;
    let above = placed.as_ref().map_or(0.0, |(p, _, _)| p.above());

    // Draw, top to bottom, the group centred vertically in the content box.
    let mut canvas = background(template, width, height);
    let mut y = top + (ch - (above + layout.height() + below)) / 2.0;
    // Balanced lines may be narrower than the box: centre the block, and align the mark,
    // rule and attribution with it.
    let span = layout.lines.iter().fold((f32::MAX, f32::MIN), |(a, b), l| {
        (a.min(l.x), b.max(l.x + l.width))
    });
    let block = (left + (cw - (span.1 - span.0)) / 2.0, span.1 - span.0);
    let shift = block.0 - span.0;
    if let Some((p, m, c)) = &placed {
        let (l, _, r, _) = p.ink;
        let x = if centred {
            block.0 + (block.1 - (r - l)) / 2.0
        } else {
            block.0
        };
        // Hanging, its top meets the first line's ink (≈ 0.08 em below the em box).
        let top_y = if p.hang { y + 0.08 * layout.size } else { y };
        let (ox, oy) = p.origin(x, top_y, block.0);
        draw_glyphs(&mut canvas, &p.glyphs, c, p.em, ox, oy, m.color);
        y += p.above();
    }
    // Key phrases in the accent colour: the same glyphs in the same places.
    let ranges = phrase_ranges(text, &quote.highlights);
    let colors = (q.color, accent(template));
    let mut start = 0;
    for (i, line) in layout.lines.iter().enumerate() {
        let baseline = y + i as f32 * layout.line_height + EM_ASCENT * layout.size;
        let at = (shift + line.x, baseline);
        draw_line_highlighted(
            &mut canvas,
            line,
            start,
            &ranges,
            quote_chain,
            layout.size,
            at,
            colors,
        );
        start += line.text.len();
    }
    y += layout.height();
    let align = attribution.as_ref().map_or(
        if centred {
            LineAlign::Center
        } else {
            LineAlign::Start
        },
        |(l, _, _)| l.align,
    );
    if let Some((r, gap, rh)) = rule {
        let x = place(align, block, (left, cw), px(r.width));
        canvas.rect(x, y + gap, x + px(r.width), y + gap + rh, r.color);
        y += 2.0 * gap + rh;
    } else if let Some((l, _, _)) = &attribution {
        y += px(l.gap);
    }
    if let Some((l, c, t)) = &attribution {
        draw_line(
            &mut canvas,
            t,
            c,
            px(l.size),
            (block, (left, cw)),
            y,
            l.align,
            l.color,
        );
    }
    draw_footer(&mut canvas, &parts, template);
    Ok(Painted::new(canvas, &parts, &layout.lines, layout.size))
}

/// The template's accent colour: its rule's, else its mark's, else the quote's (a mark is
/// often a pale ornament; a rule is drawn to be seen).
pub(super) fn accent(template: &Template) -> Color {
    let from_mark = || template.mark.as_ref().map(|m| m.color);
    (template.rule.as_ref().map(|r| r.color))
        .or_else(from_mark)
        .unwrap_or(template.quote.color)
}

/// Draws the footer, one line centred in the bottom padding (the part of it above the
/// template's bottom safe band), as both directions do.
pub(super) fn draw_footer(canvas: &mut Canvas, parts: &Parts, template: &Template) {
    let Some((l, c, t)) = &parts.footer else {
        return;
    };
    let [_, pr, pb, pl] = template.padding;
    let px = |v: u32| parts.px(v);
    let safe = template.safe_area.map_or(0, |[_, b]| b.min(pb));
    let top = parts.height as f32 - px(safe) - px(pb - safe) / 2.0 - px(l.size) / 2.0;
    let content = (px(pl), parts.width as f32 - px(pl) - px(pr));
    draw_line(
        canvas,
        t,
        c,
        px(l.size),
        (content, content),
        top,
        l.align,
        l.color,
    );
}

pub(super) fn background(template: &Template, width: u32, height: u32) -> Canvas {
    let bg = &template.background;
    let base = bg.color.unwrap_or(Color([255, 255, 255, 255]));
    let mut canvas = match (&bg.gradient, &template.files.image) {
        (Some(g), _) => Canvas::gradient(width, height, g.from, g.to, g.angle),
        (None, Some(image)) => Canvas::cover(width, height, image, base),
        (None, None) => Canvas::solid(width, height, base),
    };
    if let Some(overlay) = bg.overlay {
        canvas.overlay(overlay);
    }
    canvas
}

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
    use crate::card::fonts::Script;

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
