//! Line-breaking rules, swept over widths 3–30 em on the §5 strings: 禁则, quotes, unbroken
//! units, forced breaks, orphans, balance, newlines; fitting; the violation checker.

use super::common::{
    EPS, SIZE, checked, em, forced_break, fullwidth, line_starts, sweep, texts, widths,
};
use jinju::typeset::testing::FixedMetrics;
use jinju::typeset::{Align, Layout, Line, Style, layout};

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
fn a_forced_break_pulls_a_character_down_or_compresses() {
    let m = FixedMetrics::default();
    // Greedy would start line 2 with 。.
    // Phrase costs off: the choice between pulling down and compressing alone.
    let style = Style {
        phrases: false,
        ..Style::default()
    };
    let text = "一二三，四五六七八九。十一";
    let l = checked(text, 10.0, &style, &m);
    assert!(!l.lines[1].text.starts_with('。'), "{:?}", texts(&l));
    assert!((l.lines[0].width - 10.0 * SIZE).abs() < EPS);
    // Pulling 八 down would spread 1 em over 8 slots (⅛ em each); compressing nothing can
    // take 九。 in: the pull-down wins.
    assert_eq!(texts(&l)[0], "一二三，四五六七八");
    // In a short measure pulling 四 down leaves 1½ em over 3 slots; compressing the comma
    // takes 四。 in: the compression wins.
    let l = checked("一二三，四。五六七八", 5.0, &style, &m);
    assert_eq!(texts(&l), ["一二三，四。", "五六七八"]);
    let comma = &l.lines[0].glyphs[3];
    assert!((em(comma.advance) - 0.5).abs() < 1e-4, "{comma:?}");
    assert!((l.lines[0].width - 5.0 * SIZE).abs() < EPS);
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
    // Phrase costs off: balance alone (with them it also keeps words whole, see below).
    let plain_style = Style {
        phrases: false,
        ..Style::default()
    };
    let style = Style {
        balanced: true,
        ..plain_style.clone()
    };
    let text = fullwidth(super::common::CASES[0]);
    for w in widths().filter(|&w| w >= 8.0) {
        let plain = checked(&text, w, &plain_style, &m);
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
    // Phrase costs off: the largest size exactly (with them, see `props`).
    let style = Style {
        phrases: false,
        ..Style::default()
    };
    let l = jinju::typeset::fit(&text, 840.0, 500.0, 20, 120, &style, &m).expect("fits");
    assert_eq!(m.0.get(), text.chars().count());
    assert!(l.height() <= 500.0 && l.size > 20.0);
    let bigger = layout(&text, l.size + 1.0, 840.0, &style, &m.1);
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
    // (The phrase model keeps the numeral 九十一 whole: the break goes before it.)
    let l = checked("一二三四五六七八九十一\n九十", 10.0, &Style::default(), &m);
    assert_eq!(texts(&l), ["一二三四五六七八", "九十一\n", "九十"]);
    assert!((l.lines[1].width - 3.0 * SIZE).abs() < EPS);
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
                spread: 0.0,
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
