//! One or more tests per rule, each swept over widths 3–30 em on the §5 strings.

use super::common::{SIZE, cases, checked, forced_break, fullwidth, line_starts, texts, widths};
use jinju::typeset::testing::FixedMetrics;
use jinju::typeset::{Align, Layout, Line, Style, layout};

const EPS: f32 = 0.01;

fn sweep(style: &Style, m: &FixedMetrics, mut each: impl FnMut(&str, f32, &Layout)) {
    for text in cases() {
        for w in widths() {
            let l = checked(&text, w, style, m);
            each(&text, w, &l);
        }
    }
}

fn em(px: f32) -> f32 {
    px / SIZE
}

fn last_visible(line: &Line) -> Option<&jinju::typeset::Glyph> {
    line.glyphs.iter().rev().find(|g| !g.ch.is_whitespace())
}

#[test]
fn no_faults_at_any_width_in_any_style() {
    let mut count = 0;
    for align in [
        Align::Start,
        Align::Center,
        Align::Justify,
        Align::JustifyCenter,
    ] {
        for balanced in [false, true] {
            let style = Style {
                align,
                balanced,
                ..Style::default()
            };
            for m in [FixedMetrics::default(), FixedMetrics::proportional_quotes()] {
                sweep(&style, &m, |_, _, _| count += 1);
            }
        }
    }
    assert_eq!(count, 16 * 18 * 55);
}

#[test]
fn quotes_break_like_brackets_next_to_han() {
    let text = "他说:“AGI的先行者。”我们都笑了。";
    let (mut before_open, mut after_close) = (false, false);
    sweep(&Style::default(), &FixedMetrics::default(), |t, _, l| {
        if t != fullwidth(text) {
            return;
        }
        let lines = texts(l);
        before_open |= lines.iter().any(|s| s.ends_with('：'));
        after_close |= lines.iter().any(|s| s.ends_with('”'));
        for s in &lines[1..] {
            assert!(!s.starts_with('”') && !s.starts_with('。'), "{lines:?}");
        }
    });
    assert!(
        before_open && after_close,
        "UAX #14 alone glues 说“ and ”我"
    );
}

#[test]
fn units_are_never_split() {
    let units = [
        "——", "……", "100元", "3.5%", "2024年", "￥1,000", "20 km", "Bubble", "GPT-4o",
    ];
    let (style, m) = (Style::default(), FixedMetrics::default());
    sweep(&style, &m, |text, w, l| {
        for at in line_starts(l) {
            for u in units {
                for (start, _) in text.match_indices(u) {
                    let split = start < at && at < start + u.len();
                    let forced = forced_break(text, at, l, &style, &m);
                    assert!(!split || forced, "{u} split at {w}: {:?}", texts(l));
                }
            }
        }
    });
}

#[test]
fn justified_lines_fill_the_box_and_the_last_is_start_aligned() {
    sweep(&Style::default(), &FixedMetrics::default(), |_, w, l| {
        let (last, body) = l.lines.split_last().expect("lines");
        for line in body {
            let visible = line.text.chars().filter(|c| !c.is_whitespace()).count();
            if visible > 1
                && line
                    .text
                    .chars()
                    .any(|c| c >= '\u{2E80}' || "“”".contains(c))
            {
                assert!(
                    (line.width - w * SIZE).abs() < EPS,
                    "{:?} {} at {w}",
                    line.text,
                    em(line.width)
                );
            }
            assert_eq!(line.x, 0.0);
        }
        assert!((last.width - last.natural_width).abs() < EPS || last.natural_width > w * SIZE);
        assert_eq!(last.x, 0.0);
    });
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
fn a_forced_break_pulls_a_character_down_or_compresses() {
    let m = FixedMetrics::default();
    // Greedy would start line 2 with 。.
    let text = "一二三，四五六七八九。十一";
    let l = checked(text, 10.0, &Style::default(), &m);
    assert!(!l.lines[1].text.starts_with('。'), "{:?}", texts(&l));
    assert!((l.lines[0].width - 10.0 * SIZE).abs() < EPS);
    // Only compression keeps 十 off the next line without loosening: the comma gives way.
    let text = "一二，三四，五六七八九十。十一二三四五六七八九";
    let l = checked(text, 11.0, &Style::default(), &m);
    assert!(
        (l.lines[0].width - 11.0 * SIZE).abs() < EPS,
        "{:?}",
        texts(&l)
    );
}

#[test]
fn the_last_line_is_never_a_lone_character() {
    let m = FixedMetrics::default();
    for text in [
        "一二三四五六七八九十。",
        "我觉得祝大家好运吧。",
        "一个开路的人",
    ] {
        for w in widths() {
            let l = checked(text, w, &Style::default(), &m);
            if l.lines.len() > 1 {
                let last = l.lines.last().expect("lines");
                assert!(
                    last.text.chars().filter(|c| c.is_alphanumeric()).count() >= 2,
                    "{:?}",
                    texts(&l)
                );
            }
        }
    }
}

#[test]
fn balanced_lines_are_near_equal() {
    let m = FixedMetrics::default();
    let style = Style {
        balanced: true,
        ..Style::default()
    };
    let text = fullwidth(super::common::CASES[0]);
    for w in widths().filter(|&w| w >= 8.0) {
        let plain = checked(&text, w, &Style::default(), &m);
        let l = checked(&text, w, &style, &m);
        assert_eq!(l.lines.len(), plain.lines.len(), "same line count");
        if l.lines.len() > 1 {
            let nat: Vec<f32> = l.lines.iter().map(|x| em(x.natural_width)).collect();
            let spread = nat.iter().cloned().fold(0.0, f32::max)
                - nat.iter().cloned().fold(f32::MAX, f32::min);
            assert!(spread <= 3.0, "{nat:?} at {w}: {:?}", texts(&l));
        }
    }
}

/// Counts the metric look-ups: fitting measures each character once, whatever the sizes tried.
struct Counting(std::cell::Cell<usize>, FixedMetrics);

impl jinju::typeset::Metrics for Counting {
    fn advance(&self, c: char) -> Option<(f32, u16)> {
        self.0.set(self.0.get() + 1);
        self.1.advance(c)
    }
}

#[test]
fn fit_takes_the_largest_size_measuring_each_character_once() {
    let m = Counting(std::cell::Cell::new(0), FixedMetrics::default());
    let text = fullwidth(super::common::CASES[0]);
    let l = jinju::typeset::fit(&text, 840.0, 500.0, 20, 120, &Style::default(), &m).expect("fits");
    assert_eq!(m.0.get(), text.chars().count());
    assert!(l.height() <= 500.0 && l.size > 20.0);
    let bigger = layout(&text, l.size + 1.0, 840.0, &Style::default(), &m.1);
    assert!(bigger.height() > 500.0, "{} px would fit too", l.size + 1.0);
    assert_eq!(l.line_height, l.size * 1.6);
}

#[test]
fn newlines_force_breaks_and_end_paragraphs() {
    let m = FixedMetrics::default();
    let l = checked("一二三四五六七八\n九十", 5.0, &Style::default(), &m);
    assert_eq!(texts(&l), ["一二三四五", "六七八\n", "九十"]);
    assert_eq!(
        l.lines[1].glyphs[3].advance, 0.0,
        "the newline takes no room"
    );
    // Before a newline a line is a paragraph's last: not justified, and not a lone letter.
    let l = checked("一二三四五六七八九十一\n九十", 10.0, &Style::default(), &m);
    assert_eq!(texts(&l), ["一二三四五六七八九", "十一\n", "九十"]);
    assert!((l.lines[1].width - 2.0 * SIZE).abs() < EPS);
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
fn violations_reports_each_fault() {
    use jinju::typeset::{Violation, violations};
    let m = FixedMetrics::default();
    let mut l = layout(
        "我们说“好”。是——的AI很好",
        SIZE,
        100.0 * SIZE,
        &Style::default(),
        &m,
    );
    assert!(violations(&l).is_empty());
    // Re-cut the one line by hand at faulty places.
    let cut = |l: &Layout, at: &[usize]| -> Vec<Line> {
        let t = &l.lines[0].text;
        let mut out = Vec::new();
        let mut from = 0;
        for &b in at.iter().chain([t.len()].iter()) {
            out.push(Line {
                text: t[from..b].to_string(),
                glyphs: Vec::new(),
                natural_width: 0.0,
                width: 0.0,
                x: 0.0,
            });
            from = b;
        }
        out
    };
    let text = l.lines[0].text.clone();
    let at = |s: &str| text.find(s).expect("in text");
    l.lines = cut(
        &l,
        &[
            at("好"),
            at("。"),
            at("—") + 3,
            at("I"),
            text.rfind('好').expect("in text"),
        ],
    );
    let v = violations(&l);
    assert!(
        v.contains(&Violation::ProhibitedEnd { line: 0, ch: '“' }),
        "{v:?}"
    );
    assert!(
        v.contains(&Violation::ProhibitedStart { line: 2, ch: '。' }),
        "{v:?}"
    );
    assert!(
        v.contains(&Violation::SplitUnit {
            line: 2,
            pair: ['—', '—']
        }),
        "{v:?}"
    );
    assert!(
        v.contains(&Violation::SplitUnit {
            line: 3,
            pair: ['A', 'I']
        }),
        "{v:?}"
    );
    assert!(v.contains(&Violation::Orphan { line: 5 }), "{v:?}");
    l.lines[0].width = 101.0 * SIZE;
    assert!(
        violations(&l)
            .iter()
            .any(|v| matches!(v, Violation::Overflow { line: 0, .. }))
    );
}
