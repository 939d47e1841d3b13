//! Dumps the card model's feature vectors for labelled lines, so `tools/train_card.py` fits
//! on exactly the features jinju computes ([`jinju::select::card::vector`]).
//!
//! Input on stdin: JSON Lines `{"key": …, "text": …}`. Output on stdout, one line per input:
//! `KEY RULE INDEX:VALUE …`, where `RULE` is the first hard filter of automatic selection the
//! text fails (`-` when it passes them all).
//!
//! cargo run --release --example card_features < lines.jsonl

use jinju::select::card;
use std::io::{BufRead, BufWriter, Write};

#[derive(serde::Deserialize)]
struct Line {
    key: String,
    text: String,
}

fn main() -> anyhow::Result<()> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in std::io::stdin().lock().lines() {
        let l: Line = serde_json::from_str(&line?)?;
        let rule = card::rejects(&l.text).unwrap_or("-");
        write!(out, "{} {rule}", l.key)?;
        for (i, v) in card::vector(&l.text) {
            write!(out, " {i}:{v:.4}")?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}
