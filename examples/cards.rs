//! Renders one card per line of a text file, as `jinju cards --lines` will (used by
//! `benches/peers.sh` when the CLI lacks the command, and to look at templates).
//!
//! cargo run --release --example cards -- LINES.txt TEMPLATE OUTDIR [SCALE]

use std::time::Instant;

use jinju::card::{self, FontBook, RenderOptions, Template};
use jinju::select::{Quote, QuoteKind, SectionRef};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [lines, template, out, rest @ ..] = args.as_slice() else {
        anyhow::bail!("usage: cards LINES.txt TEMPLATE OUTDIR [SCALE]");
    };
    let scale = rest.first().map_or(Ok(1.0), |s| s.parse())?;
    let template = Template::load(template)?;
    let book = FontBook::embedded();
    let options = RenderOptions {
        scale,
        title: Some("智谱张鹏：AGI 是一场马拉松".to_string()),
        ..RenderOptions::default()
    };
    std::fs::create_dir_all(out)?;
    let text = std::fs::read_to_string(lines)?;
    let start = Instant::now();
    let quotes: Vec<Quote> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(i, line)| Quote {
            id: format!("{i:04}"),
            text: line.to_string(),
            speaker: "张鹏".to_string(),
            section: SectionRef {
                number: 3,
                title: "谈上市".to_string(),
            },
            address: String::new(),
            kind: QuoteKind::Adhoc,
            chars: line.chars().count(),
            score: None,
            templates: Vec::new(),
            attribution: None,
        })
        .collect();
    let (mut count, mut bytes) = (0, 0);
    for (quote, card) in quotes
        .iter()
        .zip(card::render_all(&quotes, &template, &book, &options))
    {
        let card = card?;
        std::fs::write(
            format!("{out}/{}.{}.png", quote.id, template.name),
            &card.png,
        )?;
        count += 1;
        bytes += card.png.len();
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    eprintln!(
        "{count} cards in {ms:.0} ms = {:.2} ms/card, {bytes} bytes",
        ms / count.max(1) as f64
    );
    Ok(())
}
