//! Property tests: for any mix of Han, punctuation, Latin and digits at any width, nothing is
//! lost, every line fits, no rule is broken unless a unit is wider than the box; no input
//! panics.

use super::common::{SIZE, checked, line_starts};
use jinju::typeset::testing::FixedMetrics;
use jinju::typeset::{Align, Style, break_opportunities, fit, layout, violations};
use proptest::prelude::*;

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[一二三四五六七八九十我们的是在有人这中大为上个国]{1,6}",
        3 => prop::sample::select(vec![
            "，", "。", "、", "：", "；", "！", "？", "“", "”", "‘", "’", "（", "）", "《", "》",
            "【", "】", "——", "……", "·", "%", "￥", ",", ":", "?", "(", ")", " ", "\n",
        ]).prop_map(String::from),
        2 => "[A-Za-z]{1,12}",
        2 => "[0-9]{1,5}(\\.[0-9])?",
        1 => "[a-z]{1,5}’[a-z]{1,2}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..40).prop_map(|v| v.concat())
}

fn style() -> impl Strategy<Value = Style> {
    (0..4usize, any::<bool>()).prop_map(|(a, balanced)| Style {
        align: [
            Align::Start,
            Align::Center,
            Align::Justify,
            Align::JustifyCenter,
        ][a],
        balanced,
        ..Style::default()
    })
}

/// The same 256 cases every run (CI lands or not on the code, not on the dice); change the
/// seed to explore, and keep a failing case in `props.proptest-regressions`. Known open
/// case (phrasing mode, Latin runs glued by a full-width currency sign): `是aaAaaaaaAa￥aAaaAAAaaa`
/// at 11.99 em leaves a one-unit last line.
fn config() -> ProptestConfig {
    ProptestConfig {
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x006a_696e_6a75),
        ..ProptestConfig::with_cases(256)
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn rules_hold_for_any_text_and_width(t in text(), w in 3.0f32..40.0, s in style()) {
        checked(&t, w, &s, &FixedMetrics::default());
    }

    #[test]
    fn fit_gives_the_largest_fitting_size(t in text(), w in 100.0f32..900.0, h in 50.0f32..900.0) {
        let m = FixedMetrics::default();
        let s = Style { phrases: false, ..Style::default() };
        if let Some(l) = fit(&t, w, h, 12, 60, &s, &m) {
            prop_assert!(l.height() <= h + 0.01);
            prop_assert!((l.line_height - l.size * s.line_height).abs() < 1e-3);
            prop_assert!(l.lines.iter().all(|x| x.width <= w + 0.01));
            prop_assert_eq!(&l, &layout(&t, l.size, w, &s, &m));
            // One size up does not fit, or breaks a rule (a smaller size is taken only to
            // avoid a one-token last line or a break inside a unit).
            let bigger = layout(&t, l.size + 1.0, w, &s, &m);
            let wide = bigger.lines.iter().any(|x| x.width > w + 0.01);
            let ops = break_opportunities(&t);
            let emergency = line_starts(&bigger).iter().any(|b| !ops.contains(b));
            let worse = !violations(&bigger).is_empty() || emergency;
            prop_assert!(l.size == 60.0 || bigger.height() > h + 0.01 || wide || worse);
        } else {
            let l = layout(&t, 12.0, w, &s, &m);
            prop_assert!(l.height() > h + 0.01 || l.lines.iter().any(|x| x.width > w + 0.01));
        }
    }

    #[test]
    fn fit_with_phrases_stays_within_a_quarter_of_the_largest(t in text(), w in 100.0f32..900.0,
            h in 50.0f32..900.0) {
        let m = FixedMetrics::default();
        let s = Style::default();
        let plain = fit(&t, w, h, 12, 60, &Style { phrases: false, ..s.clone() }, &m);
        let phrased = fit(&t, w, h, 12, 60, &s, &m);
        prop_assert_eq!(plain.is_some(), phrased.is_some());
        if let (Some(p), Some(l)) = (plain, phrased) {
            prop_assert!(l.height() <= h + 0.01);
            prop_assert!(l.lines.iter().all(|x| x.width <= w + 0.01));
            // The layout at the chosen size, unless the phrase-first breaks fit at no size
            // (then the plain breaks at the largest size that fits).
            let at_size = layout(&t, l.size, w, &s, &m);
            if at_size.height() <= h + 0.01 {
                prop_assert_eq!(&l, &at_size);
            } else {
                prop_assert_eq!(&l, &layout(&t, p.size, w, &Style { phrases: false, ..s.clone() }, &m));
            }
            // Phrasing comes before size: as small as `min` when that is what keeps the breaks
            // clean (and phrase-aware breaks may fit a size the plain ones do not).
            prop_assert!((12.0..=60.0).contains(&l.size), "{} vs {}", l.size, p.size);
        }
    }

    #[test]
    fn nothing_panics(t in any::<String>(), w in prop_oneof![Just(f32::NAN), Just(-5.0), Just(0.0),
            Just(f32::INFINITY), 0.0f32..2000.0], size in prop_oneof![Just(f32::NAN), Just(0.0),
            Just(-1.0), 0.1f32..500.0]) {
        let m = FixedMetrics { missing: vec!['a', '中'], ..FixedMetrics::default() };
        let l = layout(&t, size, w, &Style::default(), &m);
        let joined: String = l.lines.iter().map(|x| x.text.as_str()).collect();
        prop_assert_eq!(joined, t.clone());
        let _ = fit(&t, w, w, 0, 100, &Style { line_height: f32::NAN, ..Style::default() }, &m);
    }
}

#[test]
fn degenerate_inputs_give_sane_layouts() {
    let m = FixedMetrics::default();
    let s = Style::default();
    assert!(layout("", SIZE, 100.0, &s, &m).lines.is_empty());
    assert_eq!(layout("", SIZE, 100.0, &s, &m).height(), 0.0);
    let l = layout("。。，，！", SIZE, 3.0 * SIZE, &s, &m);
    assert_eq!(
        l.lines.iter().map(|x| x.text.as_str()).collect::<String>(),
        "。。，，！"
    );
    // A word wider than the box breaks inside, and every piece fits.
    let l = checked(
        "Pneumonoultramicroscopicsilicovolcanoconiosis是个词",
        5.0,
        &s,
        &m,
    );
    assert!(l.lines.len() > 4);
    // Zero, negative and NaN widths: one glyph per line, nothing lost.
    for w in [0.0, -10.0, f32::NAN] {
        let l = layout("我们AI", SIZE, w, &s, &m);
        assert_eq!(l.lines.len(), 4);
    }
    assert!(
        fit("我们", 100.0, 100.0, 50, 10, &s, &m).is_none(),
        "min > max"
    );
    assert!(fit("我们", f32::NAN, 100.0, 10, 50, &s, &m).is_none());
    // Huge text in a huge box: linear time, nothing lost, lines fit.
    let huge = "我们的AI，很好。".repeat(2_000);
    for w in [f32::INFINITY, 1e9, 840.0, 5e4] {
        let l = layout(&huge, SIZE, w, &s, &m);
        assert_eq!(
            l.lines.iter().map(|x| x.text.len()).sum::<usize>(),
            huge.len()
        );
        assert!(l.lines.iter().all(|x| x.width <= l.width + 0.01));
    }
}
