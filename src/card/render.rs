//! Composition of one card: texts with placeholders, the coverage check, vertical layout of
//! mark, quote, rule and attribution, and drawing them in order onto the background.

use super::error::{Error, Result};
use super::fonts::{EM_ASCENT, FontBook, FontChain, NamedFont};
use super::raster::{Canvas, Color, ink_bounds};
use super::template::{Direction, LineAlign, Mark, Template, TextLine};
use crate::select::Quote;
use crate::typeset::{self, Align, Glyph, Layout, Metrics, Style};

/// A card as pixels, before encoding.
pub struct Painted {
    pub canvas: Canvas,
    /// The quote's lines as typeset.
    pub lines: Vec<String>,
    /// The quote's font size, px (after scaling).
    pub size_px: u32,
}

/// What a card draws, resolved and checked before anything is drawn: sizes, texts with their
/// placeholders filled, and the font chain of each part.
pub(super) struct Parts<'t> {
    pub width: u32,
    pub height: u32,
    pub scale: f32,
    pub text: &'t str,
    pub quote_chain: FontChain,
    pub mark: Option<(&'t Mark, FontChain)>,
    pub attribution: Option<(&'t TextLine, FontChain, String)>,
    pub footer: Option<(&'t TextLine, FontChain, String)>,
}

impl Parts<'_> {
    /// `v` px of the template at the card's scale.
    pub fn px(&self, v: u32) -> f32 {
        v as f32 * self.scale
    }

    /// The quote's style as the typesetter takes it.
    pub fn style(template: &Template) -> Style {
        let q = &template.quote;
        Style {
            line_height: q.line_height,
            align: q.align,
            balanced: q.balanced,
            display: true,
            ..Style::default()
        }
    }

    /// The quote's size bounds at this scale.
    pub fn sizes(&self, template: &Template) -> (u32, u32) {
        let q = &template.quote;
        (
            scaled(q.size.min, self.scale).max(1),
            scaled(q.size.max, self.scale).max(1),
        )
    }
}

/// Draws `quote` with `template`; `scale` multiplies every size; `title` fills `{title}`.
pub fn paint(
    quote: &Quote,
    template: &Template,
    book: &FontBook,
    scale: f32,
    title: Option<&str>,
) -> Result<Painted> {
    let parts = prepare(quote, template, book, scale, title)?;
    match template.direction {
        Direction::Horizontal => horizontal(quote, template, parts),
        Direction::Vertical => super::vertical::paint(quote, template, parts),
    }
}

/// Sizes, texts and fonts; every character must be drawable before anything is drawn.
fn prepare<'t>(
    quote: &'t Quote,
    template: &'t Template,
    book: &FontBook,
    scale: f32,
    title: Option<&str>,
) -> Result<Parts<'t>> {
    let [w, h] = template.size;
    let (width, height) = (scaled(w, scale), scaled(h, scale));
    let sides = 1..=super::template::MAX_SIDE;
    if !(0.1..=8.0).contains(&scale) || !sides.contains(&width) || !sides.contains(&height) {
        return Err(Error::Size {
            width: w,
            height: h,
            scale,
        });
    }
    let text = quote.text.trim();
    if text.is_empty() {
        return Err(Error::EmptyQuote {
            id: quote.id.clone(),
        });
    }
    let chain = |name: &str| resolve(name, template, book).map(|f| book.chain(&f));
    let quote_chain = chain(&template.quote.font)?;
    quote_chain.check(text, "quote")?;
    if let Some(max) = template.quote.max_chars
        && quote.chars > max
    {
        return Err(Error::TooLong {
            id: quote.id.clone(),
            chars: quote.chars,
            template: template.name.clone(),
            max,
        });
    }
    // A quote that opens with its own quotation mark gets no decorative one on top.
    let mark = match &template.mark {
        Some(m) if !opens_with_quotation_mark(text) => Some((m, chain(&m.font)?)),
        _ => None,
    };
    if let Some((m, c)) = &mark {
        c.check(&m.text, "quote mark")?;
    }
    let mut lines = Vec::new();
    for (part, line) in [
        ("attribution", &template.attribution),
        ("footer", &template.footer),
    ] {
        let Some(line) = line else {
            lines.push(None);
            continue;
        };
        let expanded = expand(&line.text, quote, title);
        let c = chain(&line.font)?;
        if let Some(t) = &expanded {
            c.check(t, part)?;
        }
        lines.push(expanded.map(|t| (line, c, t)));
    }
    let (attribution, footer) = (lines[0].take(), lines[1].take());
    Ok(Parts {
        width,
        height,
        scale,
        text,
        quote_chain,
        mark,
        attribution,
        footer,
    })
}

/// The error for a quote that does not fit the template even at its smallest size.
pub(super) fn does_not_fit(quote: &Quote, template: &Template, text: &str) -> Error {
    Error::DoesNotFit {
        id: quote.id.clone(),
        chars: text.chars().count(),
        template: template.name.clone(),
        min: template.quote.size.min,
    }
}

/// Composes a horizontal card: mark, lines, rule and attribution top to bottom.
fn horizontal(quote: &Quote, template: &Template, parts: Parts) -> Result<Painted> {
    let Parts {
        width,
        height,
        text,
        quote_chain,
        mark,
        attribution,
        ..
    } = &parts;
    let (width, height, text) = (*width, *height, *text);
    let px = |v: u32| parts.px(v);

    // The content box and the blocks around the quote.
    let [pt, pr, pb, pl] = template.padding;
    let (left, top) = (px(pl), px(pt));
    let (cw, ch) = (
        width as f32 - px(pl) - px(pr),
        height as f32 - px(pt) - px(pb),
    );
    let mark_ink = mark.as_ref().and_then(|(m, c)| {
        let (glyphs, _) = set_line(&m.text, c, px(m.size));
        line_ink(&glyphs, c, px(m.size)).map(|ink| (ink, px(m.gap)))
    });
    let above = mark_ink.map_or(0.0, |((_, t, _, b), gap)| b - t + gap);
    let rule = template.rule.as_ref().map(|r| (r, px(r.gap), px(r.height)));
    let attribution_em = attribution.as_ref().map(|(l, _, _)| px(l.size));
    let below = match (rule, &attribution) {
        (Some((_, gap, rh)), Some(_)) => 2.0 * gap + rh,
        (Some((_, gap, rh)), None) => gap + rh,
        (None, Some((l, _, _))) => px(l.gap),
        (None, None) => 0.0,
    } + attribution_em.unwrap_or(0.0);
    let q = &template.quote;
    let style = Parts::style(template);
    let (min, max) = parts.sizes(template);
    let available = ch - above - below;
    let fit = |height: f32| typeset::fit(text, cw, height, min, max, &style, quote_chain);
    let layout = fit_share(q.size.fill, available, min, fit)
        .ok_or_else(|| does_not_fit(quote, template, text))?;

    // Draw, top to bottom, the group centred vertically in the content box.
    let mut canvas = background(template, width, height);
    let mut y = top + (ch - (above + layout.height() + below)) / 2.0;
    let centred = matches!(q.align, Align::Center | Align::JustifyCenter);
    // Balanced lines may be narrower than the box: centre the block, and align the mark,
    // rule and attribution with it.
    let span = layout.lines.iter().fold((f32::MAX, f32::MIN), |(a, b), l| {
        (a.min(l.x), b.max(l.x + l.width))
    });
    let block = (left + (cw - (span.1 - span.0)) / 2.0, span.1 - span.0);
    let shift = block.0 - span.0;
    if let (Some((m, c)), Some(((l, t, r, b), gap))) = (&mark, mark_ink) {
        let x = if centred {
            block.0 + (block.1 - (r - l)) / 2.0
        } else {
            block.0
        };
        let (glyphs, _) = set_line(&m.text, c, px(m.size));
        draw_glyphs(
            &mut canvas,
            &glyphs,
            c,
            px(m.size),
            x - l,
            y + (b - t) - b,
            m.color,
        );
        y += b - t + gap;
    }
    for (i, line) in layout.lines.iter().enumerate() {
        let baseline = y + i as f32 * layout.line_height + EM_ASCENT * layout.size;
        let x = shift + line.x;
        draw_glyphs(
            &mut canvas,
            &line.glyphs,
            quote_chain,
            layout.size,
            x,
            baseline,
            q.color,
        );
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
    Ok(Painted {
        canvas,
        lines: layout.lines.iter().map(|l| l.text.clone()).collect(),
        size_px: layout.size.round() as u32,
    })
}

/// Draws the footer, one line centred in the bottom padding, as both directions do.
pub(super) fn draw_footer(canvas: &mut Canvas, parts: &Parts, template: &Template) {
    let Some((l, c, t)) = &parts.footer else {
        return;
    };
    let [_, pr, pb, pl] = template.padding;
    let px = |v: u32| parts.px(v);
    let top = parts.height as f32 - px(pb) / 2.0 - px(l.size) / 2.0;
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

/// The layout that takes at most `fill` of `available` (the size-by-length rule), or, when
/// even the smallest size does not, the largest that fits `available` at all.
pub(super) fn fit_share(
    fill: Option<f32>,
    available: f32,
    min: u32,
    fit: impl Fn(f32) -> Option<Layout>,
) -> Option<Layout> {
    let filled = fill.filter(|&f| f < 1.0).map(|f| available * f);
    (available >= min as f32)
        .then(|| filled.and_then(&fit).or_else(|| fit(available)))
        .flatten()
}

/// Does the quote open with a quotation mark (so that a decorative one would stack on it)?
fn opens_with_quotation_mark(text: &str) -> bool {
    text.starts_with(['“', '‘', '「', '『', '"', '\'', '〝'])
}

fn scaled(v: u32, scale: f32) -> u32 {
    (v as f32 * scale).round() as u32
}

/// An embedded font or one the template read from a file.
fn resolve(name: &str, template: &Template, book: &FontBook) -> Result<NamedFont> {
    if let Some(f) = book.get(name) {
        return Ok(f.clone());
    }
    match template.file_font(name) {
        Some(font) => Ok(NamedFont {
            name: name.to_string(),
            font: font.clone(),
        }),
        None => Err(Error::UnknownFont {
            file: template.name.clone(),
            name: name.to_string(),
            known: super::fonts::embedded_names().join(", "),
        }),
    }
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

/// Fills the placeholders of a one-line text; `None` if nothing worth drawing is left (a
/// dash and separators without a name). A quote's attribution override stands for
/// `{speaker}`.
pub fn expand(text: &str, quote: &Quote, title: Option<&str>) -> Option<String> {
    let speaker = quote.attribution.as_deref().unwrap_or(&quote.speaker);
    let number = match quote.section.number {
        0 => String::new(),
        n => format!("{n:02}"),
    };
    let out = text
        .replace("{speaker}", speaker)
        .replace("{section_title}", &quote.section.title)
        .replace("{section_number}", &number)
        .replace("{title}", title.unwrap_or(""))
        .replace("{address}", &quote.address);
    let out = out.trim_end_matches(|c: char| c.is_whitespace() || "·|/,，、:：-–".contains(c));
    let out = out.trim_start_matches(|c: char| c.is_whitespace() || "·|/,，、".contains(c));
    out.chars()
        .any(char::is_alphanumeric)
        .then(|| out.to_string())
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
fn draw_line(
    canvas: &mut Canvas,
    text: &str,
    chain: &FontChain,
    em: f32,
    (anchor, (left, width)): ((f32, f32), (f32, f32)),
    top: f32,
    align: LineAlign,
    color: Color,
) {
    let (mut glyphs, mut w) = set_line(text, chain, em);
    let mut size = em;
    if w > width {
        size = em * width / w;
        (glyphs, w) = set_line(text, chain, size);
    }
    let baseline = top + EM_ASCENT * em - (em - size) / 2.0;
    let x = place(align, anchor, (left, width), w.min(width));
    draw_glyphs(canvas, &glyphs, chain, size, x, baseline, color);
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
        canvas.glyph(font, id, em, x + g.x, baseline, color);
        i += 1;
    }
}
