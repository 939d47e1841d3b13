//! Phrasing before size: the breaks an editor rejects — inside a word, before a particle,
//! inside a number and its unit or a date, between a Latin name and its number — are avoided
//! at every width where another break exists, and `fit` takes a smaller size rather than make
//! one; a longer quote never gets a larger size.

use super::common::texts;
use jinju::typeset::testing::FixedMetrics;
use jinju::typeset::{Align, Style, fit, layout};

/// Card-like style: ragged, centred, balanced, display setting.
fn card() -> Style {
    Style {
        align: Align::Center,
        balanced: true,
        display: true,
        ..Style::default()
    }
}

/// Fitted in boxes 6 to 24 em (of the largest size) wide, in both styles: no line ends with
/// `before` where the next one starts with `after`.
fn never_split(text: &str, before: &str, after: &str) {
    let m = FixedMetrics::default();
    for style in [Style::default(), card()] {
        for tenths in (60..=240).step_by(5) {
            let width = tenths as f32 * 4.0; // 40 px em
            let l = fit(text, width, 400.0, 10, 40, &style, &m).expect("fits at 10 px");
            assert_eq!(l, layout(text, l.size, width, &style, &m));
            let lines = texts(&l);
            for pair in lines.windows(2) {
                assert!(
                    !(pair[0].trim_end().ends_with(before) && pair[1].starts_with(after)),
                    "{before}|{after} split at {} em: {lines:?}",
                    tenths as f32 / 10.0
                );
            }
        }
    }
}

#[test]
fn a_word_is_never_split() {
    never_split(
        "实现它不是一个短期目标，而是一个马拉松，一个长跑。",
        "马",
        "拉松",
    );
    never_split(
        "实现它不是一个短期目标，而是一个马拉松，一个长跑。",
        "马拉",
        "松",
    );
}

#[test]
fn a_particle_never_opens_a_line() {
    let text = "很多事情起源于人和人之间的认知的差距和互相的不理解，我们都明白了。";
    for particle in ["的", "了"] {
        never_split(text, "", particle);
    }
}

#[test]
fn a_number_keeps_its_unit() {
    let text = "我们花了整整18个月做这款产品，又用了3个小时讨论定价。";
    never_split(text, "18个", "月");
    never_split(text, "3个", "小时");
    never_split(text, "3个小", "时");
}

#[test]
fn a_date_stays_whole() {
    let text = "这款模型在2024年3月发布，比原计划晚了很久很久。";
    never_split(text, "2024年", "3月");
    never_split(text, "2024年3", "月");
}

#[test]
fn a_latin_name_keeps_its_number() {
    let text = "我们测试了iPhone 15 Pro和Llama 3.1，还有GPT-4o的效果。";
    never_split(text, "iPhone", "15");
    never_split(text, "15", "Pro");
    never_split(text, "Llama", "3.1");
}

#[test]
fn fit_takes_a_smaller_size_rather_than_a_rejected_break() {
    // At the largest size that fits the box at all, the plain breaks open a line with 的.
    let text = "它是真的能走到产业级的事情。";
    let m = FixedMetrics::default();
    let plain = fit(
        text,
        600.0,
        400.0,
        20,
        200,
        &Style {
            phrases: false,
            ..card()
        },
        &m,
    )
    .unwrap();
    let phrased = fit(text, 600.0, 400.0, 20, 200, &card(), &m).unwrap();
    let lines = texts(&phrased);
    assert!(
        lines.iter().skip(1).all(|l| !l.starts_with('的')),
        "{lines:?}"
    );
    assert!(
        phrased.size <= plain.size,
        "{} vs {}",
        phrased.size,
        plain.size
    );
}

#[test]
fn a_longer_quote_never_gets_a_larger_size() {
    let clauses = [
        "我们不是为了上市而上市，",
        "上市只是一个阶段性的结果，",
        "更重要的是我们能不能持续地做出好的产品，",
        "让更多的企业和个人真正用上大模型，",
        "这件事情本身是一个马拉松，",
        "需要很长时间的投入和耐心。",
    ];
    let m = FixedMetrics::default();
    let mut text = String::new();
    let mut last = f32::INFINITY;
    for clause in clauses {
        text.push_str(clause);
        let l = fit(&text, 840.0, 1000.0, 30, 136, &card(), &m).unwrap();
        assert!(l.size <= last, "{} px after {last} px for {text}", l.size);
        last = l.size;
    }
    assert!(last < 100.0, "the longest is set smaller: {last}");
}
