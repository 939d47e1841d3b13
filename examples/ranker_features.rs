//! Dumps the learned ranker's feature vectors for labelled sentences, so the training script
//! fits weights on exactly the features jinju computes (`tools/train_ranker.py` runs this).
//!
//! Input on stdin: JSON Lines of the emphasis data set (`a`, `s`, `ns`, `pos`, `label`,
//! `speaker`, `text`), grouped by article. Output on stdout, one line per sentence:
//! `LABEL ARTICLE ECHO INDEX:VALUE …` (indices as in `jinju::select::features`; `ECHO` the
//! framing echo, `Framing::echo`).
//!
//! The framing echo is measured in interviews only (articles with at least 5 sentences under a
//! speaker label, as the training script counts them), for the sentences from the first
//! labelled paragraph on, against the sentences before it (the intro; the data keeps no title);
//! elsewhere it is 0.
//!
//! gzip -dc ../shared/data/emphasis/sentences.jsonl.gz | cargo run --release --example ranker_features

use jinju::select::features::{self, Place, Vocabulary};
use jinju::select::framing::Framing;
use std::io::{BufRead, BufWriter, Write};

/// Sentences under a speaker label that make an article an interview.
const INTERVIEW_LABELS: usize = 5;

#[derive(serde::Deserialize)]
struct Row {
    a: String,
    s: usize,
    ns: usize,
    pos: f64,
    label: u8,
    speaker: Option<String>,
    text: String,
}

fn flush(rows: &mut Vec<Row>, out: &mut impl Write) -> std::io::Result<()> {
    let vocab = Vocabulary::new(rows.iter().map(|r| r.text.as_str()));
    let labelled = rows.iter().filter(|r| r.speaker.is_some()).count();
    let first_turn = rows
        .iter()
        .position(|r| r.speaker.is_some())
        .filter(|_| labelled >= INTERVIEW_LABELS)
        .unwrap_or(rows.len());
    let framing = Framing::new(rows[..first_turn].iter().map(|r| r.text.as_str()));
    for (k, r) in rows.iter().enumerate() {
        let place = Place {
            sentence: r.s,
            sentences: r.ns,
            position: r.pos,
        };
        let echo = if k >= first_turn {
            framing.echo(&r.text)
        } else {
            0.0
        };
        write!(out, "{} {} {echo:.4}", r.label, r.a)?;
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
