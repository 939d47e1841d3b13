//! A key phrase inside a quote, drawn in the template's accent colour. Only the colour
//! changes: the glyphs keep their places, so the lines break exactly as without the
//! highlight and every phrasing rule (禁则, no split words or dashes) holds as it did.

use super::fonts::FontChain;
use super::line::draw_glyphs;
use super::raster::{Canvas, Color};
use crate::typeset::Line;
use std::ops::Range;

/// The byte ranges of `text` that the phrases cover (each occurrence of each phrase; empty
/// phrases ignored), sorted.
pub fn phrase_ranges(text: &str, phrases: &[String]) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = phrases
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .flat_map(|p| text.match_indices(p).map(|(i, m)| i..i + m.len()))
        .collect();
    ranges.sort_by_key(|r| (r.start, r.end));
    ranges
}

/// For each glyph of `line` (whose text starts at byte `start` of the set text), whether it
/// falls in one of `ranges`. Glyphs are matched to the line's characters in order (a space
/// or a control character may have no glyph).
pub fn highlighted_glyphs(line: &Line, start: usize, ranges: &[Range<usize>]) -> Vec<bool> {
    let mut chars = line.text.char_indices();
    line.glyphs
        .iter()
        .map(|g| {
            let at = chars
                .by_ref()
                .find(|&(_, c)| c == g.ch)
                .map(|(i, _)| start + i);
            at.is_some_and(|i| ranges.iter().any(|r| r.contains(&i)))
        })
        .collect()
}

/// Draws a set line, the glyphs in `ranges` (bytes of the set text; the line starts at byte
/// `start`) in `accent`, the others in `color`.
#[allow(clippy::too_many_arguments)]
pub(super) fn draw_line_highlighted(
    canvas: &mut Canvas,
    line: &Line,
    start: usize,
    ranges: &[Range<usize>],
    chain: &FontChain,
    em: f32,
    (x, baseline): (f32, f32),
    (color, accent): (Color, Color),
) {
    if ranges.is_empty() {
        draw_glyphs(canvas, &line.glyphs, chain, em, x, baseline, color);
        return;
    }
    let marked = highlighted_glyphs(line, start, ranges);
    let mut i = 0;
    while i < line.glyphs.len() {
        let end = (i..line.glyphs.len())
            .find(|&j| marked[j] != marked[i])
            .unwrap_or(line.glyphs.len());
        let c = if marked[i] { accent } else { color };
        draw_glyphs(canvas, &line.glyphs[i..end], chain, em, x, baseline, c);
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::Glyph;

    fn line(text: &str) -> Line {
        let glyphs = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .enumerate()
            .map(|(i, ch)| Glyph {
                ch,
                x: i as f32,
                advance: 1.0,
                font: 0,
            })
            .collect();
        Line {
            text: text.to_string(),
            glyphs,
            natural_width: 0.0,
            width: 0.0,
            x: 0.0,
            spread: 0.0,
        }
    }

    #[test]
    fn phrases_mark_their_glyphs_across_lines() {
        let text = "慢就是快，少就是多。慢就是快。";
        let ranges = phrase_ranges(text, &["慢就是快".into(), "  ".into()]);
        assert_eq!(ranges.len(), 2);
        let (a, b) = ("慢就是快，少就", "是多。慢就是快。");
        assert_eq!(
            highlighted_glyphs(&line(a), 0, &ranges),
            [true, true, true, true, false, false, false]
        );
        let second = highlighted_glyphs(&line(b), a.len(), &ranges);
        assert_eq!(second, [false, false, false, true, true, true, true, false]);
    }

    #[test]
    fn a_glyphless_space_does_not_shift_the_marks() {
        let text = "AI 的门槛是耐心";
        let ranges = phrase_ranges(text, &["耐心".into()]);
        let marked = highlighted_glyphs(&line(text), 0, &ranges);
        assert_eq!(marked.iter().filter(|m| **m).count(), 2);
        assert!(marked[marked.len() - 2] && marked[marked.len() - 1]);
    }
}
