//! Measures PNG size and time per pixel format and compression level on real cards, and the
//! time spent drawing: the evidence behind the default encoding (`fonts/README.md`).
//!
//! cargo run --release --example encoding -- LINES.txt [TEMPLATE]

use std::time::Instant;

use jinju::card::{self, CardText, FontBook, PngFormat, PngLevel, Template};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(lines) = args.first() else {
        anyhow::bail!("usage: encoding LINES.txt [TEMPLATE]");
    };
    let template = Template::load(args.get(1).map_or("portrait", String::as_str))?;
    let book = FontBook::embedded();
    let text = std::fs::read_to_string(lines)?;
    let mut images = Vec::new();
    let start = Instant::now();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let quote = CardText::new("sample", line).credited("张鹏");
        images.push(card::paint(&quote, &template, &book, 1.0, Some("智谱张鹏"))?.canvas);
    }
    let n = images.len() as f64;
    let drawing = start.elapsed().as_secs_f64() * 1e3 / n;
    // Drawing again without keeping the images (no page faults for 138 buffers).
    let start = Instant::now();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let quote = CardText::new("sample", line).credited("张鹏");
        card::paint(&quote, &template, &book, 1.0, Some("智谱张鹏"))?;
    }
    let _ = drawing;
    println!(
        "{}: {} cards, drawing {:.2} ms/card",
        template.name,
        n,
        start.elapsed().as_secs_f64() * 1e3 / n
    );
    for format in [PngFormat::Rgb, PngFormat::Auto] {
        for level in [PngLevel::Fast, PngLevel::Balanced, PngLevel::High] {
            let start = Instant::now();
            let mut bytes = 0;
            let mut kinds = std::collections::BTreeMap::new();
            for image in &images {
                let (png, kind) = card::encode_png(image, &[("Description", "x")], format, level)?;
                bytes += png.len();
                *kinds
                    .entry(
                        format!("{kind:?}")
                            .split('(')
                            .next()
                            .unwrap_or("")
                            .to_string(),
                    )
                    .or_insert(0) += 1;
            }
            let ms = start.elapsed().as_secs_f64() * 1e3 / n;
            println!(
                "{format:?}/{level:?}: {ms:.2} ms/card, {:.0} KB/card, total {:.2} MB {kinds:?}",
                bytes as f64 / n / 1e3,
                bytes as f64 / 1e6
            );
        }
    }
    Ok(())
}
