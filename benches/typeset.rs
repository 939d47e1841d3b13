//! Layout and fit over the 138 answer sentences with the fixed-advance fake font; the card
//! setting (display, balanced, ragged) with and without phrase costs; and the cost of the
//! phrase scores alone (a one-line layout, which does little else).

use criterion::{Criterion, criterion_group, criterion_main};
use jinju::typeset::testing::FixedMetrics;
use jinju::typeset::{Align, Style, fit, layout};
use std::hint::black_box;

const ANSWERS: &str = include_str!("../tests/data/answers138.txt");

fn bench(c: &mut Criterion) {
    let quotes: Vec<&str> = ANSWERS.lines().filter(|l| !l.trim().is_empty()).collect();
    let m = FixedMetrics::default();
    let plain = Style::default();
    let balanced = Style {
        balanced: true,
        ..Style::default()
    };
    let mut g = c.benchmark_group("typeset138");
    g.bench_function("layout_64px", |b| {
        b.iter(|| {
            for q in &quotes {
                black_box(layout(black_box(q), 64.0, 840.0, &plain, &m));
            }
        })
    });
    g.bench_function("fit_40_84", |b| {
        b.iter(|| {
            for q in &quotes {
                black_box(fit(black_box(q), 840.0, 900.0, 40, 84, &plain, &m));
            }
        })
    });
    g.bench_function("fit_40_84_balanced", |b| {
        b.iter(|| {
            for q in &quotes {
                black_box(fit(black_box(q), 840.0, 900.0, 40, 84, &balanced, &m));
            }
        })
    });
    let card = |phrases| Style {
        balanced: true,
        display: true,
        align: Align::Start,
        phrases,
        ..Style::default()
    };
    for (name, style) in [
        ("fit_card", card(true)),
        ("fit_card_no_phrases", card(false)),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                for q in &quotes {
                    black_box(fit(black_box(q), 840.0, 700.0, 40, 136, &style, &m));
                }
            })
        });
    }
    for (name, phrases) in [("one_line_phrases", true), ("one_line_no_phrases", false)] {
        let style = Style {
            phrases,
            ..Style::default()
        };
        g.bench_function(name, |b| {
            b.iter(|| {
                for q in &quotes {
                    black_box(layout(black_box(q), 10.0, 1e6, &style, &m));
                }
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
