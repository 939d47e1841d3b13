//! Building the EPUB of the bundled interview: without a font, and with the text font subset
//! to the book's characters (the book's regular face, then both faces).

use criterion::{Criterion, criterion_group, criterion_main};
use jinju::epub::{EpubOptions, build};
use jinju::select::{self, Spec};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let interview = jinju::interview::parse_default().expect("the bundled interview parses");
    let spec = Spec::bundled().expect("the bundled quotes load");
    let quotes = select::select(&interview, &spec).expect("select").quotes;

    let plain = EpubOptions::default();
    c.bench_function("epub/no-font", |b| {
        b.iter(|| build(black_box(&interview), black_box(&quotes), &plain).expect("build"))
    });
    let with_font = EpubOptions {
        font: Some(jinju::epub::BOOK_REGULAR.into()),
        ..EpubOptions::default()
    };
    c.bench_function("epub/subset-font", |b| {
        b.iter(|| build(black_box(&interview), black_box(&quotes), &with_font).expect("build"))
    });
    let both = EpubOptions {
        font: Some(jinju::epub::BOOK_REGULAR.into()),
        font_bold: Some(jinju::epub::BOOK_BOLD.into()),
        ..EpubOptions::default()
    };
    c.bench_function("epub/subset-both-faces", |b| {
        b.iter(|| build(black_box(&interview), black_box(&quotes), &both).expect("build"))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
