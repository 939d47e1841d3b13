//! Setting chosen lines: each glyph's box after edge trims, compression or justification
//! (shrink punctuation and Han–Latin gaps first; expand Latin spaces, then Han–Latin gaps,
//! then every inter-character slot), its origin, and the line's alignment offset.

use super::chars::Kind;
use super::measure::Para;
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
    let mut x = 0.0f64; // f64: no drift over very long lines
    for i in a..b {
        let c = &para.cells[i];
        if i >= end {
            // Trailing blanks take no room.
            glyphs.push(Glyph {
                ch: c.ch,
                x: x as f32 * opts.size,
                advance: 0.0,
                font: c.font,
            });
            continue;
        }
        if i > a {
            x +=
                f64::from(c.gap * (1.0 - 0.5 * squeeze + r2) + if c.slot { per_slot } else { 0.0 });
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
            x: (x + f64::from(c.offset - trim_l)) as f32 * opts.size,
            advance: advance * opts.size,
            font: c.font,
        });
        x += f64::from(advance);
    }
    Line {
        text: text[para.bytes[a]..para.bytes[b]].to_string(),
        glyphs,
        natural_width: acc.width * opts.size,
        width: x as f32 * opts.size,
        x: 0.0,
        spread: per_slot * opts.size,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::testing::FixedMetrics;

    fn set(text: &str, width: f32, justify: bool) -> Line {
        let para = Para::new(
            text,
            &FixedMetrics::default(),
            &crate::typeset::Style::default(),
        );
        set_line(
            &para,
            text,
            0,
            para.len(),
            SetOpts {
                width,
                justify,
                size: 1.0,
            },
        )
    }

    fn advances(line: &Line) -> Vec<f32> {
        line.glyphs.iter().map(|g| g.advance).collect()
    }

    #[test]
    fn shrinks_punctuation_and_gaps_first() {
        // 6 em of Han and commas, AI 1 em, 2 gaps of ¼; capacity: 2 × ½ + 2 × ⅛.
        let line = set("一，二AI三，四", 6.25, true);
        assert!(
            (line.natural_width - 7.5).abs() < 1e-4,
            "{}",
            line.natural_width
        );
        assert!((line.width - 6.25).abs() < 1e-4, "{}", line.width);
        assert!(
            (line.glyphs[3].x - 2.625).abs() < 1e-4,
            "gap ⅛: {:?}",
            line.glyphs[3]
        );
        let adv = advances(&line);
        assert!((adv[1] - 0.5).abs() < 1e-4, "{adv:?}");
        assert!(
            adv[0] == 1.0 && adv[2] == 1.0 && adv[7] == 1.0,
            "Han never shrinks: {adv:?}"
        );
    }

    #[test]
    fn expands_latin_spaces_then_gaps_then_slots() {
        // Latin spaces (0.3 em) may grow to ½ em: 2 × 0.2 em of room.
        let line = set("我说a b c好", 6.0, true);
        let nat = line.natural_width;
        let glyph_x = |l: &Line, i: usize| l.glyphs[i].x;
        let small = set("我说a b c好", nat + 0.3, true);
        assert!(
            (small.glyphs[1].x - 1.0).abs() < 1e-4,
            "Han spacing untouched first"
        );
        assert!(
            (small.glyphs[3].advance - 0.45).abs() < 1e-4,
            "spaces took it"
        );
        // More than the spaces and gaps can take: every slot gets the rest equally.
        let wide = set("我说a b c好", nat + 1.4, true);
        let first_slot = glyph_x(&wide, 1) - 1.0;
        assert!(first_slot > 0.0);
        assert!((wide.glyphs[3].advance - 0.5).abs() < 1e-4);
        assert!((wide.width - (nat + 1.4)).abs() < 1e-4);
        // Never inside Latin: a and the space stay adjacent.
        assert!((wide.glyphs[3].x - (wide.glyphs[2].x + 0.5)).abs() < 1e-4);
        let _ = line;
    }

    #[test]
    fn dash_pairs_are_continuous_two_em_units() {
        let line = set("是——我们", 8.0, true);
        let (d1, d2) = (&line.glyphs[1], &line.glyphs[2]);
        assert!((d1.advance + d2.advance - 2.0).abs() < 1e-4);
        assert!(
            (d2.x - (d1.x + d1.advance)).abs() < 1e-4,
            "no gap inside ——"
        );
    }

    #[test]
    fn trailing_blanks_take_no_room() {
        let line = set("我们 ", 10.0, false);
        assert_eq!(line.glyphs.len(), 3);
        assert_eq!(line.glyphs[2].advance, 0.0);
        assert!((line.width - 2.0).abs() < 1e-4);
    }
}
