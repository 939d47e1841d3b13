//! Building the EPUB of the bundled interview: without a font, and with the text font subset
//! to the book's characters (the font the repository ships under `fonts/`, when present).

use criterion::{Criterion, criterion_group, criterion_main};
use jinju::epub::{EpubOptions, build};
use jinju::select::{self, Spec};
use std::hint::black_box;
use std::path::Path;

/// The text font the book embeds: the first Serif regular face under `fonts/`.
fn repo_font() -> Option<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().to_lowercase());
            name.is_some_and(|n| n.contains("serif") && n.contains("regular"))
        })
        .collect();
    names.sort();
    std::fs::read(names.first()?).ok()
}

fn bench(c: &mut Criterion) {
    let interview = jinju::interview::parse_default().expect("the bundled interview parses");
    let file = select::load(select::DEFAULT_QUOTES, "content/quotes.yaml").expect("quotes");
    let spec = Spec {
        origin: "content/quotes.yaml".into(),
        defaults: file.defaults,
        entries: file.quotes,
        ..Spec::default()
    };
    let quotes = select::select(&interview, &spec).expect("select").quotes;

    let plain = EpubOptions::default();
    c.bench_function("epub/no-font", |b| {
        b.iter(|| build(black_box(&interview), black_box(&quotes), &plain).expect("build"))
    });
    if let Some(font) = repo_font() {
        let with_font = EpubOptions {
            font: Some(font),
            ..EpubOptions::default()
        };
        c.bench_function("epub/subset-font", |b| {
            b.iter(|| build(black_box(&interview), black_box(&quotes), &with_font).expect("build"))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
