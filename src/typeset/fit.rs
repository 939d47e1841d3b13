//! From a prepared paragraph to a `Layout` at one size (breaking, balancing, setting,
//! alignment), and fitting: the largest integer size whose layout fits a box, found by
//! bisection over one prepared paragraph (widths are measured once, in em), then the size
//! just below it, if any, that saves breaking inside words.

use super::choose::{OVERFULL, balance, break_lines};
use super::measure::PHRASE;
use super::measure::Para;
use super::set::{SetOpts, set_line};
use super::{Align, Layout, MAX_STRETCH, Style};

/// Lays out a prepared paragraph at `size` px in a box `width` px wide; `phrases`: breaks
/// inside phrases cost (see `break_lines`).
pub(crate) fn layout_para(
    para: &Para,
    text: &str,
    (size, width): (f32, f32),
    style: &Style,
    phrases: bool,
) -> Layout {
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
    let mut breaking = break_lines(para, box_em, false, phrases);
    let mut measure = box_em;
    if style.balanced {
        (measure, breaking) = balance(para, box_em, breaking, phrases);
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
            // A line that would need more than MAX_STRETCH em at each place justification
            // spreads (after the spaces and gaps it widens first; a Latin word's letters are
            // never spread) is set ragged rather than letter-spaced: a long Latin word pushed
            // to the next line, a phrase kept whole.
            let acc = para.measure(a, b).acc;
            let rest = measure - acc.width - acc.st1 - acc.st2;
            let too_loose = rest > 0.0 && (acc.slots < 0.5 || rest / acc.slots > MAX_STRETCH);
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
            spread: 0.0,
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
pub(crate) fn fits_layout(layout: &Layout, width: f32, height: f32) -> bool {
    layout.height() <= height + 0.01 && layout.lines.iter().all(|l| l.width <= width + 0.01)
}

/// How far below the largest size that fits `fit` looks for breaks between phrases, and in
/// how many steps at most.
const PHRASE_SIZES: f32 = 0.75;
const PHRASE_STEPS: u32 = 8;

/// The largest integer size in `min..=max` whose layout fits, by bisection; then, down to
/// `PHRASE_SIZES` × that size (further down if none of those fit), the largest whose breaks
/// have the fewest rejected breaks and split fewest phrases. Only if the phrase-first breaks
/// fit at no size in `min..=max` are the plain breaks at the largest size used.
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
    let fits = |s: u32, phrases: bool| {
        let size = s as f32;
        let breaking = break_lines(para, width / size, false, phrases);
        let lines = if para.len() == 0 {
            0
        } else {
            breaking.starts.len()
        };
        let fit = super::block_height(lines, size, size * leading(style)) <= height + 0.01
            && breaking.cost.faults < OVERFULL;
        fit.then_some(breaking.cost)
    };
    let fits_at = |s: u32| fits(s, false).is_some();
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
    // With phrase costs the breaks may take another line: the largest size (of the few
    // below) at which they still fit and split fewest phrases, with no more faults.
    // At most `PHRASE_STEPS` sizes are tried, evenly spread; if the phrase-first breaks fit
    // at none of them, smaller sizes down to `min` in the same steps (a smaller size beats
    // a rejected break).
    let floor = ((lo as f32 * PHRASE_SIZES).ceil() as u32).max(min);
    let step = ((lo - floor) / PHRASE_STEPS).max(1) as usize;
    let mut best: Option<(u32, super::choose::Cost)> = None;
    let below = (min..floor).rev().step_by(step);
    for s in (floor..=lo).rev().step_by(step).chain(below) {
        if s < floor && best.is_some() {
            break;
        }
        let Some(cost) = fits(s, true) else { continue };
        // Fewer faults, then fewer rejected breaks, win outright; a smaller size must
        // otherwise save at least half a word split: not a hair of phrase cost.
        let better = best.is_none_or(|(_, b)| {
            (cost.faults, cost.rejected) < (b.faults, b.rejected)
                || ((cost.faults, cost.rejected) == (b.faults, b.rejected)
                    && cost.splits < b.splits - 0.5 * PHRASE)
        });
        if better {
            best = Some((s, cost));
        }
        if cost.faults == 0.0 && cost.rejected == 0.0 && cost.splits < 0.5 * PHRASE {
            break; // nothing to gain below
        }
    }
    let size = best.map_or(lo, |(s, _)| s);
    let layout = layout_para(para, text, (size as f32, width), style, best.is_some());
    if fits_layout(&layout, width, height) {
        return Some(layout);
    }
    let layout = layout_para(para, text, (lo as f32, width), style, false);
    fits_layout(&layout, width, height).then_some(layout)
}
