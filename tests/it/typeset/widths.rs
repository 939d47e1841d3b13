//! Widths and spacing, swept over widths 3–30 em on the §5 strings: justification and
//! alignment, half-width punctuation at line edges, compression of adjacent punctuation,
//! padding of proportional glyphs, the Han–Latin gap, font indices.

use super::common::{EPS, SIZE, em, last_visible, sweep};
use jinju::typeset::testing::FixedMetrics;
use jinju::typeset::{Align, MAX_STRETCH, Style, layout};

#[test]
fn justified_lines_fill_the_box_and_the_last_is_start_aligned() {
    let mut justified = 0;
    sweep(&Style::default(), &FixedMetrics::default(), |_, w, l| {
        let (last, body) = l.lines.split_last().expect("lines");
        for line in body {
            let visible = line.text.chars().filter(|c| !c.is_whitespace()).count();
            let cjk = line
                .text
                .chars()
                .any(|c| c >= '\u{2E80}' || "“”".contains(c));
            // Justified: the box filled, never spread more than MAX_STRETCH at a place; else
            // (it would have needed more) ragged, at its natural width.
            if (line.width - w * SIZE).abs() < EPS && line.width - line.natural_width > EPS {
                justified += 1;
                assert!(
                    line.spread <= MAX_STRETCH * SIZE + EPS,
                    "{:?} spread {} at {w}",
                    line.text,
                    em(line.spread)
                );
            } else if visible > 1 && cjk && line.natural_width < w * SIZE - EPS {
                assert!(
                    (line.width - line.natural_width).abs() < EPS && line.spread == 0.0,
                    "{:?} neither justified nor ragged at {w}",
                    line.text
                );
            }
            assert_eq!(line.x, 0.0);
        }
        assert!((last.width - last.natural_width).abs() < EPS || last.natural_width > w * SIZE);
        assert_eq!(last.x, 0.0);
    });
    assert!(
        justified > 100,
        "only {justified} justified lines in the sweep"
    );
}

#[test]
fn centred_styles_centre_their_lines() {
    let style = Style {
        align: Align::JustifyCenter,
        ..Style::default()
    };
    sweep(&style, &FixedMetrics::default(), |_, w, l| {
        let last = l.lines.last().expect("lines");
        assert!(
            (2.0 * last.x + last.width - w * SIZE).abs() < EPS,
            "last line centred"
        );
    });
    let style = Style {
        align: Align::Center,
        ..Style::default()
    };
    sweep(&style, &FixedMetrics::default(), |_, w, l| {
        for line in &l.lines {
            assert!((2.0 * line.x + line.width - w * SIZE).abs() < EPS);
            assert!((line.width - line.natural_width).abs() < EPS || line.natural_width > w * SIZE);
        }
    });
}

#[test]
fn stops_and_closers_end_lines_half_width_and_openers_start_trimmed() {
    let mut seen = (0, 0);
    sweep(&Style::default(), &FixedMetrics::default(), |_, _, l| {
        for line in &l.lines {
            if let Some(g) = last_visible(line).filter(|g| "。，、：”）》】".contains(g.ch))
            {
                assert!(em(g.advance) <= 0.5 + 1e-4, "{:?} ends {:?}", g, line.text);
                seen.0 += 1;
            }
            if let Some(g) = line.glyphs.first().filter(|g| "“（《【".contains(g.ch)) {
                assert!(
                    em(g.advance) <= 0.5 + 1e-4,
                    "{:?} starts {:?}",
                    g,
                    line.text
                );
                seen.1 += 1;
            }
        }
    });
    assert!(seen.0 > 100 && seen.1 > 10, "{seen:?}");
}

/// Natural widths on one wide line (no justification): the compression table of §3.
#[test]
fn adjacent_punctuation_is_compressed() {
    let m = FixedMetrics::default();
    let one = |t: &str| {
        let l = layout(t, SIZE, 100.0 * SIZE, &Style::default(), &m);
        assert_eq!(l.lines.len(), 1);
        em(l.lines[0].natural_width)
    };
    // 。” = 1.5, the final 。 half: 2 + 1 + 1.5 + ¼ + 4 + 1.5 + 5 + ½.
    assert!((one("他说“AGI的先行者。”我们都笑了。") - 15.75).abs() < 1e-4);
    assert!((one("说，“好”吗") - 5.5).abs() < 1e-4, "，“ = 1.5, ” = 1");
    assert!((one("书（著）。好") - 5.5).abs() < 1e-4, "）。 = 1.5");
    assert!((one("好”“好") - 3.5).abs() < 1e-4, "”“ = 1.5");
    assert!((one("好。·好") - 3.5).abs() < 1e-4, "closer + middle dot");
}

#[test]
fn proportional_punctuation_is_padded_to_a_one_em_box() {
    let m = FixedMetrics::proportional_quotes();
    let l = layout("说“好”吗·是", SIZE, 100.0 * SIZE, &Style::default(), &m);
    let g = &l.lines[0].glyphs;
    let xs: Vec<f32> = g.iter().map(|g| em(g.x)).collect();
    let expect = [0.0, 1.65, 2.0, 3.0, 4.0, 5.325, 6.0];
    for (x, e) in xs.iter().zip(expect) {
        assert!((x - e).abs() < 1e-4, "{xs:?}");
    }
    assert!(
        g[1..6].iter().all(|g| (em(g.advance) - 1.0).abs() < 1e-4),
        "1-em boxes"
    );
    // An opener at line start, trimmed: the ink (0.35 em) fills the remaining half box.
    let l = layout("“好”", SIZE, 100.0 * SIZE, &Style::default(), &m);
    assert!((em(l.lines[0].glyphs[0].x) - 0.15).abs() < 1e-4);
    assert!((em(l.lines[0].glyphs[1].x) - 0.5).abs() < 1e-4);
}

#[test]
fn han_latin_gaps_are_quarter_em_and_never_at_edges_or_by_punctuation() {
    let m = FixedMetrics::default();
    let xs = |t: &str| -> Vec<f32> {
        let l = layout(t, SIZE, 100.0 * SIZE, &Style::default(), &m);
        l.lines[0].glyphs.iter().map(|g| em(g.x)).collect()
    };
    assert_eq!(xs("在2024年"), [0.0, 1.25, 1.75, 2.25, 2.75, 3.5]);
    assert_eq!(
        xs("在 AI 时"),
        [0.0, 1.0, 1.25, 1.75, 2.25, 2.5],
        "a space becomes the gap"
    );
    assert_eq!(
        xs("AI，我"),
        [0.0, 0.5, 1.0, 2.0],
        "none next to punctuation"
    );
    assert_eq!(
        xs("约20 km"),
        [0.0, 1.25, 1.75, 2.25, 2.55, 3.05],
        "Latin space stays"
    );
    // At line edges: no line starts with a gap.
    sweep(&Style::default(), &m, |_, _, l| {
        for line in &l.lines {
            let g = &line.glyphs[0];
            assert!(
                g.x <= 0.0 + 1e-3 || "“（《【".contains(g.ch),
                "{:?}",
                line.text
            );
        }
    });
}

#[test]
fn glyphs_carry_the_font_index_and_uncovered_characters_are_one_em() {
    let m = FixedMetrics {
        missing: vec!['☃'],
        ..FixedMetrics::default()
    };
    let l = layout("中A☃", SIZE, 100.0 * SIZE, &Style::default(), &m);
    let g = &l.lines[0].glyphs;
    assert_eq!((g[0].font, g[1].font, g[2].font), (0, 1, 0));
    assert!((em(g[2].advance) - 1.0).abs() < 1e-4);
}

#[test]
fn a_line_too_loose_to_justify_is_set_ragged() {
    // At 9 em, 当然我也不评价 (7 em) cannot take MiniMax (3.5 em): justifying it would put
    // a third of an em between its characters, so it is set at its natural width. So is
    // MiniMax怎么样， on the next line: its Latin letters are never spread, so the 1.25 em
    // left would all go between 怎么样's three characters.
    let text = "当然我也不评价MiniMax怎么样，至少从我们内心来讲。";
    let l = layout(
        text,
        SIZE,
        9.0 * SIZE,
        &Style::default(),
        &FixedMetrics::default(),
    );
    assert_eq!(l.lines[0].text, "当然我也不评价");
    assert!((l.lines[0].width - l.lines[0].natural_width).abs() < EPS);
    assert!((l.lines[0].width - 7.0 * SIZE).abs() < EPS);
    assert_eq!(l.lines[1].text, "MiniMax怎么样，");
    assert!((l.lines[1].width - l.lines[1].natural_width).abs() < EPS);
    assert_eq!(l.lines[1].spread, 0.0);
    // A line of Han that needs only a little spreading is still justified.
    let han = layout(
        "渡口船厂木料水手码头渡口船厂木料水手码头。",
        SIZE,
        9.3 * SIZE,
        &Style::default(),
        &FixedMetrics::default(),
    );
    let first = &han.lines[0];
    assert!((first.width - 9.3 * SIZE).abs() < EPS, "{:?}", first.text);
    assert!(first.spread > 0.0 && first.spread <= MAX_STRETCH * SIZE + EPS);
}
