//! Composition of a vertical card (竖排, `direction: vertical`): the quote in columns right to
//! left (laid out by `typeset::vertical`), the mark's vertical form over the first column, an
//! optional rule, the attribution in its own column at the left end, and drawing a column —
//! upright glyphs centred across it, punctuation as vertical forms, Latin turned 90°
//! clockwise, 1–2 digits side by side in one cell, dashes as one continuous vertical rule.

use super::error::Result;
use super::fonts::{EM_ASCENT, FontChain};
use super::line::{draw_glyph, draw_glyphs, place};
use super::mark::{PlacedMark, fit_beside_mark};
use super::parts::{Parts, does_not_fit, fit_share};
use super::raster::{Canvas, Color, ink_bounds};
use super::render::{Painted, background, draw_footer};
use super::template::{LineAlign, Mark, Template};
use super::text::CardText;
use crate::typeset::vertical::{Orient, fit_vertical, layout_vertical, orientations};
use crate::typeset::vforms::vertical_form;
use crate::typeset::{Align, Glyph, Layout, Style, is_prohibited_end};
use ab_glyph::Font;

/// A turned glyph's baseline, from its column's left edge, em: the ideographic em box's
/// descent, so that the turned em box fills the column as an upright one does.
const TURNED_BASELINE: f32 = 1.0 - EM_ASCENT;

/// The widest two digits set side by side in one cell, em (wider ones are narrowed).
const COMBINED_WIDTH: f32 = 0.9;

/// Composes a vertical card.
pub(super) fn paint(quote: &CardText, template: &Template, parts: Parts) -> Result<Painted> {
    let px = |v: u32| parts.px(v);
    let [pt, pr, pb, pl] = template.padding;
    let (left, top) = (px(pl), px(pt));
    let (cw, ch) = (
        parts.width as f32 - px(pl) - px(pr),
        parts.height as f32 - px(pt) - px(pb),
    );
    let keep = template.quote.keep_quotes;
    let text = parts.text.as_str();
    let forms: String = text
        .chars()
        .filter_map(|c| vertical_form(c, keep))
        .collect();
    parts.quote_chain.check(&forms, "quote")?;

    // The mark is drawn as its vertical form over the first column, scaled to the text.
    let mark_text: String = parts.mark.as_ref().map_or(String::new(), |(m, _)| {
        m.text
            .chars()
            .map(|ch| vertical_form(ch, keep).unwrap_or(ch))
            .collect()
    });
    if let Some((_, c)) = &parts.mark {
        c.check(&mark_text, "quote mark")?;
    }
    let mark_at = |em: f32| {
        parts.mark.as_ref().and_then(|(m, c)| {
            PlacedMark::new(&mark_text, c, (em, px(m.size)), px(m.gap), None).map(|p| (p, *m, c))
        })
    };
    // Across the card, left of the quote: gap, rule, gap, attribution column.
    let rule = template.rule.as_ref().map(|r| (r, px(r.gap), px(r.height)));
    let attribution_em = parts.attribution.as_ref().map(|(l, _, _)| px(l.size));
    let side = match (rule, &parts.attribution) {
        (Some((_, gap, rh)), Some(_)) => 2.0 * gap + rh,
        (Some((_, gap, rh)), None) => gap + rh,
        (None, Some((l, _, _))) => px(l.gap),
        (None, None) => 0.0,
    } + attribution_em.unwrap_or(0.0);

    let style = Parts::style(template);
    let (min, max) = parts.sizes(template);
    let chain = &parts.quote_chain;
    let fit_under = |placed: &Option<(PlacedMark, &Mark, &FontChain)>| {
        let length = ch - placed.as_ref().map_or(0.0, |(p, _, _)| p.above());
        let fit =
            |breadth: f32| fit_vertical(text, (breadth, length), (min, max), &style, keep, chain);
        fit_share(template.quote.size.fill, cw - side, min, fit)
    };
    let (placed, layout) = fit_beside_mark(
        parts.mark.as_ref().map(|(m, _)| px(m.size)),
        mark_at,
        fit_under,
    )
    .ok_or_else(|| does_not_fit(quote, template, text))?;
    let above = placed.as_ref().map_or(0.0, |(p, _, _)| p.above());

    // The group (attribution, rule, columns) centred across the content box, the mark and
    // the columns centred along it.
    let mut canvas = background(template, parts.width, parts.height);
    let em = layout.size;
    let span = layout.lines.iter().fold((f32::MAX, f32::MIN), |(a, b), l| {
        (a.min(l.x), b.max(l.x + l.width))
    });
    let group_left = left + (cw - (layout.height() + side)) / 2.0;
    let block_right = group_left + side + layout.height();
    let group_top = top + (ch - (above + span.1 - span.0)) / 2.0;
    let text_top = group_top + above - span.0;
    let color = template.quote.color;
    if let Some((p, m, c)) = &placed {
        let (l, t, r, _) = p.ink;
        let x = block_right - em / 2.0 - (r - l) / 2.0 - l;
        let baseline = group_top - t;
        draw_glyphs(&mut canvas, &p.glyphs, c, p.em, x, baseline, m.color);
    }
    let orients = orientations(text, keep);
    let mut at = 0;
    for (k, line) in layout.lines.iter().enumerate() {
        let col_left = block_right - k as f32 * layout.line_height - em;
        let n = line.glyphs.len();
        let column = (&line.glyphs[..], &orients[at..at + n]);
        draw_column(
            &mut canvas,
            column,
            chain,
            em,
            (col_left, text_top + line.x),
            color,
        );
        at += n;
    }

    // The rule and the attribution, aligned with the columns along the card.
    let block = (text_top + span.0, span.1 - span.0);
    let align = parts
        .attribution
        .as_ref()
        .map_or(LineAlign::Start, |(l, _, _)| l.align);
    let mut x = group_left;
    if let Some((l, c, t)) = &parts.attribution {
        let column = attribution_column(t, c, px(l.size), ch, keep);
        let y = place(align, block, (top, ch), column.lines[0].width);
        let orients = orientations(t, keep);
        let glyphs = (&column.lines[0].glyphs[..], &orients[..]);
        draw_column(&mut canvas, glyphs, c, column.size, (x, y), l.color);
        x += px(l.size) + rule.map_or(0.0, |(_, gap, _)| gap);
    }
    if let Some((r, _, rh)) = rule {
        let y = place(align, block, (top, ch), px(r.width));
        canvas.rect(x, y, x + rh, y + px(r.width), r.color);
    }
    draw_footer(&mut canvas, &parts, template);
    Ok(Painted::new(canvas, &parts, &layout.lines, em))
}

/// The attribution as one column at `em` px, shrunk to `length` px if it is longer.
fn attribution_column(text: &str, chain: &FontChain, em: f32, length: f32, keep: bool) -> Layout {
    let style = Style {
        align: Align::Start,
        display: true,
        phrases: false,
        ..Style::default()
    };
    let one = |em: f32| layout_vertical(text, em, f32::INFINITY, &style, keep, chain);
    let column = one(em);
    match column.lines.first() {
        Some(line) if line.width > length => one(em * length / line.width),
        _ => column,
    }
}

/// The horizontal advance of `c` in `chain`, px at `em` (and its font and glyph).
fn advance(chain: &FontChain, c: char, em: f32) -> Option<(u16, ab_glyph::GlyphId, f32)> {
    let (index, id) = chain.lookup(c)?;
    let font = chain.font(index);
    let upem = font.units_per_em().unwrap_or(1000.0);
    Some((index, id, font.h_advance_unscaled(id) / upem * em))
}

/// Draws one column whose cells start at `top` (plus each glyph's `x`), its em box from
/// `left` to `left + em`.
fn draw_column(
    canvas: &mut Canvas,
    (glyphs, orients): (&[Glyph], &[Orient]),
    chain: &FontChain,
    em: f32,
    (left, top): (f32, f32),
    color: Color,
) {
    let mut i = 0;
    while i < glyphs.len() {
        let g = &glyphs[i];
        let y = top + g.x;
        // The run of cells of the same kind starting here (digits in one cell, a rule).
        let run = |same: fn(&Orient) -> bool| {
            i + orients[i..].iter().take_while(|o| same(o)).count().max(1)
        };
        match orients[i] {
            Orient::Blank => {}
            Orient::Upright(c) => {
                if let Some((index, id, adv)) = advance(chain, c, em) {
                    let (x, baseline) = (left + (em - adv) / 2.0, y + EM_ASCENT * em);
                    draw_glyph(canvas, chain, (index, id), em, (x, baseline), color);
                }
            }
            Orient::Rotated => {
                if let Some((index, id, adv)) = advance(chain, g.ch, em) {
                    // A proportional opener sits at the end of its 1-em cell, as it would
                    // at the right of a horizontal one.
                    let pad = if is_prohibited_end(g.ch) {
                        (g.advance.max(em) - adv).max(0.0)
                    } else {
                        0.0
                    };
                    let origin = (left + TURNED_BASELINE * em, y + pad);
                    canvas.glyph_turned(chain.font(index), id, em, origin, color);
                }
            }
            Orient::Combined { .. } => {
                let end = run(|o| matches!(o, Orient::Combined { .. }));
                let digits: Vec<_> = glyphs[i..end]
                    .iter()
                    .filter_map(|d| advance(chain, d.ch, em))
                    .collect();
                let width: f32 = digits.iter().map(|d| d.2).sum();
                let squeeze = (COMBINED_WIDTH * em / width.max(1e-3)).min(1.0);
                let mut x = left + (em - width * squeeze) / 2.0;
                for (index, id, adv) in digits {
                    let origin = (x, y + EM_ASCENT * em);
                    canvas.glyph_squeezed(chain.font(index), id, (em, squeeze), origin, color);
                    x += adv * squeeze;
                }
                i = end;
                continue;
            }
            Orient::Rule => {
                let end = run(|o| *o == Orient::Rule);
                let last = &glyphs[end - 1];
                let thick = advance(chain, g.ch, em)
                    .and_then(|(index, id, _)| ink_bounds(chain.font(index), id, em))
                    .map_or(0.06 * em, |(_, t, _, b)| b - t);
                // One dash alone is inset like its glyph; two or more join their cells.
                let inset = if end - i == 1 { 0.06 * em } else { 0.0 };
                let (y0, y1) = (y + inset, top + last.x + last.advance - inset);
                let cx = left + em / 2.0;
                canvas.rect(cx - thick / 2.0, y0, cx + thick / 2.0, y1, color);
                i = end;
                continue;
            }
        }
        i += 1;
    }
}
