//! From a prepared paragraph to a `Layout` at one size (breaking, balancing, setting,
//! alignment), and fitting: the largest integer size whose layout fits a box, found by
//! bisection over one prepared paragraph (widths are measured once, in em).

use super::para::Para;
use super::paragraph::{OVERFULL, balance, break_lines};
use super::set::{SetOpts, set_line};
use super::{Align, Layout, MAX_STRETCH, Style};

/// Lays out a prepared paragraph at `size` px in a box `width` px wide.
pub(crate) fn layout_para(para: &Para, text: &str, size: f32, width: f32, style: &Style) -> Layout {
    let line_height = leading(style);
    let width_px = if width.is_finite() {
        width.max(0.0)
    } else if width > 0.0 {
        f32::MAX
    } else {
        0.0
    };
    if !(size.is_finite() && size > 0.0) {
        return degenerate(para, text, width_px);
    }
    let line_height = size * line_height;
    if para.len() == 0 {
        return Layout {
            size,
            line_height,
            width: width_px,
            lines: Vec::new(),
        };
    }
    let box_em = (width_px / size).min(1e6);
    let mut breaking = break_lines(para, box_em, false);
    let mut measure = box_em;
    if style.balanced {
        (measure, breaking) = balance(para, box_em, breaking);
    }
    let centred = matches!(style.align, Align::Center | Align::JustifyCenter);
    let block_x = if centred {
        (width_px - measure * size).max(0.0) * 0.5
    } else {
        0.0
    };
    let n = para.len();
    let count = breaking.starts.len();
    let lines = breaking
        .lines(n)
        .enumerate()
        .map(|(k, (a, b))| {
            let last = k + 1 == count || para.ends_paragraph(b);
            // A line that would need more than MAX_STRETCH em between characters (a long
            // Latin word pushed to the next line) is set ragged rather than letter-spaced.
            let natural = para.measure(a, b).acc.width;
            let visible = text[para.bytes[a]..para.bytes[b]]
                .chars()
                .filter(|c| !c.is_whitespace())
                .count();
            let too_loose =
                (measure - natural) / visible.saturating_sub(1).max(1) as f32 > MAX_STRETCH;
            let justify =
                !last && !too_loose && matches!(style.align, Align::Justify | Align::JustifyCenter);
            let mut line = set_line(
                para,
                text,
                a,
                b,
                SetOpts {
                    width: measure,
                    justify,
                    size,
                },
            );
            line.x = match style.align {
                Align::Center => (width_px - line.width).max(0.0) * 0.5,
                Align::JustifyCenter if !justify => {
                    block_x + (measure * size - line.width).max(0.0) * 0.5
                }
                _ => block_x,
            };
            line
        })
        .collect();
    Layout {
        size,
        line_height,
        width: width_px,
        lines,
    }
}

/// The style's line height as a multiple of the size (1 if unusable).
fn leading(style: &Style) -> f32 {
    if style.line_height.is_finite() && style.line_height > 0.0 {
        style.line_height
    } else {
        1.0
    }
}

/// An unusable size: the whole text on one line with zero-width glyphs, nothing lost.
fn degenerate(para: &Para, text: &str, width: f32) -> Layout {
    let glyphs = para
        .cells
        .iter()
        .map(|c| super::Glyph {
            ch: c.ch,
            x: 0.0,
            advance: 0.0,
            font: c.font,
        })
        .collect();
    let lines = if text.is_empty() {
        Vec::new()
    } else {
        vec![super::Line {
            text: text.to_string(),
            glyphs,
            natural_width: 0.0,
            width: 0.0,
            x: 0.0,
        }]
    };
    Layout {
        size: 0.0,
        line_height: 0.0,
        width,
        lines,
    }
}

/// Does `layout` fit `width`×`height` px?
pub(crate) fn fits(layout: &Layout, width: f32, height: f32) -> bool {
    layout.height() <= height + 0.01 && layout.lines.iter().all(|l| l.width <= width + 0.01)
}

/// The largest integer size in `min..=max` whose layout fits, by bisection.
pub(crate) fn fit_para(
    para: &Para,
    text: &str,
    (width, height): (f32, f32),
    (min, max): (u32, u32),
    style: &Style,
) -> Option<Layout> {
    let (min, max) = (min.max(1), max.min(100_000));
    if min > max || !(width.is_finite() && height.is_finite()) {
        return None;
    }
    // Only the breaks are computed while searching (no glyphs); balancing keeps the line
    // count, so it is applied to the winner only.
    let fits_at = |s: u32| {
        let size = s as f32;
        let breaking = break_lines(para, width / size, false);
        let lines = if para.len() == 0 {
            0
        } else {
            breaking.starts.len()
        };
        super::block_height(lines, size, size * leading(style)) <= height + 0.01
            && breaking.cost.faults < OVERFULL
    };
    // Short quotes fit at the largest size: try it first. Then bisect below it; `lo` fits
    // (or is `min - 1`, nothing known to fit yet), the answer is in `lo..=hi`.
    let (mut lo, mut hi) = if fits_at(max) {
        (max, max)
    } else {
        (min - 1, max - 1)
    };
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if fits_at(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo < min {
        return None;
    }
    let best = layout_para(para, text, lo as f32, width, style);
    fits(&best, width, height).then_some(best)
}
