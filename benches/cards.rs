//! Card rendering speed: drawing, encoding and whole portrait cards over sentences of the
//! bundled interview (`tests/data/answers138.txt`).

use criterion::{Criterion, criterion_group, criterion_main};
use jinju::card::{self, CardText, FontBook, PngFormat, PngLevel, RenderOptions, Template};

fn quotes() -> Vec<CardText> {
    include_str!("../tests/data/answers138.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .step_by(10)
        .enumerate()
        .map(|(i, text)| CardText::new(format!("q{i}"), text).credited("张鹏"))
        .collect()
}

fn cards(c: &mut Criterion) {
    let quotes = quotes();
    let template = Template::load("portrait").expect("preset");
    let book = FontBook::embedded();
    let options = RenderOptions::default();
    let mut group = c.benchmark_group("portrait");
    group.sample_size(20);
    group.bench_function("paint", |b| {
        b.iter(|| {
            for q in &quotes {
                card::paint(q, &template, &book, 1.0, None).expect("paint");
            }
        })
    });
    let images: Vec<_> = quotes
        .iter()
        .map(|q| {
            card::paint(q, &template, &book, 1.0, None)
                .expect("paint")
                .canvas
        })
        .collect();
    for level in [PngLevel::Fast, PngLevel::Balanced] {
        group.bench_function(format!("encode-{level:?}"), |b| {
            b.iter(|| {
                for image in &images {
                    card::encode_png(image, &[], PngFormat::Auto, level).expect("encode");
                }
            })
        });
    }
    group.bench_function("render", |b| {
        b.iter(|| {
            for q in &quotes {
                card::render(q, &template, &book, &options).expect("render");
            }
        })
    });
    group.finish();
}

criterion_group!(benches, cards);
criterion_main!(benches);
