//! `jinju inspect`: print the interview's structure as text or as the JSON contract.

use super::load_interview;
use crate::cli::{InspectArgs, InspectFormat};
use crate::interview::{Interview, Kind};
use std::fmt::Write;

pub fn run(args: &InspectArgs) -> anyhow::Result<()> {
    let interview = load_interview(&args.input)?;
    let out = match args.format {
        InspectFormat::Json => {
            crate::printable::json(&serde_json::to_string_pretty(&interview)?) + "\n"
        }
        // The outline quotes the interview: control characters escaped, lines kept.
        InspectFormat::Text => crate::printable::escape_lines(&text(&interview)),
    };
    super::emit(&out)
}

/// A readable outline: one line per paragraph, with its address, kind and speaker.
pub fn text(iv: &Interview) -> String {
    let mut s = String::new();
    let m = &iv.meta;
    let _ = writeln!(s, "title:       {}", m.title);
    let _ = writeln!(
        s,
        "interviewer: {}\ninterviewee: {}",
        m.interviewer, m.interviewee
    );
    let _ = writeln!(s, "summary:     {}", m.summary);
    if let Some(b) = &m.byline {
        let _ = writeln!(s, "byline:      {b}");
    }
    let _ = writeln!(s, "format:      {}", m.format);
    let _ = writeln!(
        s,
        "errata:      {} applied; dropped {} debris lines\n",
        iv.corrections.len(),
        iv.dropped.len()
    );
    let _ = writeln!(s, "00 导语 ({} paragraphs)", m.intro_paragraphs.len());
    let para = |s: &mut String, p: &crate::interview::Paragraph| {
        let who = match (p.kind, &p.speaker) {
            (Kind::Turn, Some(sp)) if p.opens_turn => format!("{sp}:"),
            (Kind::Turn, _) => "  …".to_string(),
            (Kind::Note, _) => "(note)".to_string(),
            (Kind::Gap, _) => "(gap)".to_string(),
            (Kind::Caption, _) => "(caption)".to_string(),
            (Kind::Prose, _) => String::new(),
        };
        let _ = writeln!(s, "  {:<6} {:<8} {}", p.address.to_string(), who, p.text);
    };
    for p in &m.intro_paragraphs {
        para(&mut s, p);
    }
    for sec in &iv.sections {
        let heading = match sec.heading() {
            h if h.is_empty() => format!("({})", sec.number),
            h => h,
        };
        let pull = match sec.pull_quote.as_str() {
            "" => String::new(),
            q => format!(" — “{q}”"),
        };
        let _ = writeln!(s, "\n{heading}{pull} ({} paragraphs)", sec.paragraphs.len());
        for p in &sec.paragraphs {
            para(&mut s, p);
        }
    }
    if !iv.dropped.is_empty() {
        let _ = writeln!(s, "\ndropped:");
        for d in &iv.dropped {
            let _ = writeln!(s, "  {d}");
        }
    }
    s
}
