//! Layout and fit over the 138 answer sentences with the fixed-advance fake font.

use criterion::{Criterion, criterion_group, criterion_main};
use jinju::typeset::testing::FixedMetrics;
use jinju::typeset::{Style, fit, layout};
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
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
