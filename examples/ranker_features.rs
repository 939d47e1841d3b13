//! Dumps the learned ranker's feature vectors for labelled sentences, so the training script
//! fits weights on exactly the features jinju computes (`tools/train_ranker.py` runs this).
//!
//! Input on stdin: JSON Lines of the emphasis data set (`a`, `s`, `ns`, `pos`, `label`,
//! `text`), grouped by article. Output on stdout, one line per sentence:
//! `LABEL ARTICLE INDEX:VALUE …` (indices as in `jinju::select::features`).
//!
//! gzip -dc ../shared/data/emphasis/sentences.jsonl.gz | cargo run --release --example ranker_features

use jinju::select::features::{self, Place, Vocabulary};
use std::io::{BufRead, BufWriter, Write};

#[derive(serde::Deserialize)]
struct Row {
    a: String,
    s: usize,
    ns: usize,
    pos: f64,
    label: u8,
    text: String,
}

fn flush(rows: &mut Vec<Row>, out: &mut impl Write) -> std::io::Result<()> {
    let vocab = Vocabulary::new(rows.iter().map(|r| r.text.as_str()));
    for r in rows.iter() {
        let place = Place {
            sentence: r.s,
            sentences: r.ns,
            position: r.pos,
        };
        write!(out, "{} {}", r.label, r.a)?;
        for (i, v) in features::extract(&r.text, place, &vocab) {
            write!(out, " {i}:{v:.4}")?;
        }
        writeln!(out)?;
    }
    rows.clear();
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let stdin = std::io::stdin().lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut rows: Vec<Row> = Vec::new();
    for line in stdin.lines() {
        let row: Row = serde_json::from_str(&line?)?;
        if rows.last().is_some_and(|r| r.a != row.a) {
            flush(&mut rows, &mut out)?;
        }
        rows.push(row);
    }
    flush(&mut rows, &mut out)?;
    out.flush()?;
    Ok(())
}
