//! Setting chosen lines: each glyph's box after edge trims, compression or justification
//! (shrink punctuation and Han–Latin gaps first; expand Latin spaces, then Han–Latin gaps,
//! then every inter-character slot), its origin, and the line's alignment offset.

use super::chars::Kind;
use super::para::Para;
use super::{Glyph, Line};

/// How a line is to be set.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SetOpts {
    /// Box width (or the balanced measure), em.
    pub width: f32,
    /// Expand to `width`.
    pub justify: bool,
    /// The font size, px per em.
    pub size: f32,
}

/// Sets the line `[a, b)` of `para`; `x` is left 0 (alignment is the caller's).
pub(crate) fn set_line(para: &Para, text: &str, a: usize, b: usize, opts: SetOpts) -> Line {
    let m = para.measure(a, b);
    let acc = m.acc;
    let end = m.end;
    let diff = opts.width - acc.width;
    // Compression ratio (of each item's capacity) and expansion per tier.
    let squeeze = if diff < 0.0 && acc.shrink > 0.0 {
        (-diff / acc.shrink).min(1.0)
    } else {
        0.0
    };
    let (mut r1, mut r2, mut per_slot) = (0.0, 0.0, 0.0);
    if diff > 0.0 && opts.justify {
        let t1 = diff.min(acc.st1);
        r1 = if acc.st1 > 0.0 { t1 / acc.st1 } else { 0.0 };
        let t2 = (diff - t1).min(acc.st2);
        r2 = if acc.st2 > 0.0 { t2 / acc.st2 } else { 0.0 };
        let rest = diff - t1 - t2;
        if rest > 0.0 && acc.slots > 0.5 {
            per_slot = rest / acc.slots;
        }
    }
    let (start_trim, stop_trim) = if end > a {
        para.edge_trims(a, end)
    } else {
        (0.0, 0.0)
    };
    let mut glyphs = Vec::with_capacity(b - a);
    let mut x = 0.0f32;
    for i in a..b {
        let c = &para.cells[i];
        if i >= end {
            // Trailing blanks take no room.
            glyphs.push(Glyph {
                ch: c.ch,
                x: x * opts.size,
                advance: 0.0,
                font: c.font,
            });
            continue;
        }
        if i > a {
            x += c.gap * (1.0 - 0.5 * squeeze + r2) + if c.slot { per_slot } else { 0.0 };
        }
        let mut trim_l = c.trim_l + if i == a { start_trim } else { 0.0 };
        let mut trim_r = c.trim_r + if i + 1 == end { stop_trim } else { 0.0 };
        let mut width = c.full;
        if c.kind.is_trimmable() && trim_l + trim_r == 0.0 {
            let s = 0.5 * squeeze;
            match c.kind {
                Kind::Open => trim_l = s,
                Kind::Close => trim_r = s,
                _ => (trim_l, trim_r) = (s * 0.5, s * 0.5),
            }
        } else if c.hl_space {
            width *= 1.0 - 0.5 * squeeze + r2;
        } else if c.kind == Kind::Space {
            width += (0.5 - c.full).max(0.0) * r1;
        }
        let advance = width - trim_l - trim_r;
        glyphs.push(Glyph {
            ch: c.ch,
            x: (x + c.offset - trim_l) * opts.size,
            advance: advance * opts.size,
            font: c.font,
        });
        x += advance;
    }
    Line {
        text: text[para.bytes[a]..para.bytes[b]].to_string(),
        glyphs,
        natural_width: acc.width * opts.size,
        width: x * opts.size,
        x: 0.0,
    }
}
