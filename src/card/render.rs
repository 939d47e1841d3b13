//! Composition of one card: the entry point for both directions, the horizontal card (mark,
//! quote, rule and attribution top to bottom), and the drawing both directions share
//! (background, accent, the footer; one-line texts and glyph runs are [`super::line`]'s).

use super::emoji;
use super::error::Result;
use super::fonts::{EM_ASCENT, FontBook, FontChain};
use super::highlight::{draw_line_highlighted, phrase_ranges};
use super::line::{draw_glyphs, draw_line, place};
use super::mark::{PlacedMark, fit_beside_mark};
use super::parts::{Parts, does_not_fit, fit_share, prepare};
use super::raster::{Canvas, Color};
use super::slots::draw_slots;
use super::source::CardFields;
use super::template::{Direction, LineAlign, Mark, Template};
use super::text::CardText;
use crate::typeset::{self, Align};

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
