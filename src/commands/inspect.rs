//! `jinju inspect`: print the interview's structure as text or as the JSON contract, or what
//! the reader extracted before any structure (`--format document`).

use super::{load_document, load_interview};
use crate::cli::{InspectArgs, InspectFormat};
use crate::interview::{Interview, Kind};
use crate::read::{BlockKind, Document, Format};
use std::fmt::Write;

pub fn run(args: &InspectArgs) -> anyhow::Result<()> {
    let input = crate::settings::InputSettings::from_args(&args.input)?;
    let out = match args.format {
        InspectFormat::Json => {
            crate::printable::json(&serde_json::to_string_pretty(&load_interview(&input)?)?) + "\n"
        }
        // The outline quotes the interview: control characters escaped, lines kept.
        InspectFormat::Text => crate::printable::escape_lines(&text(&load_interview(&input)?)),
        InspectFormat::Document => {
            let (format, doc) = load_document(&input)?;
            document(format, &doc)
        }
    };
    super::emit(&out)
}

/// The reader's document: one line per block — source line, kind, the speaker and time a
/// transcript states, and the text with its spans marked (`**strong**`, `*emphasis*`,
/// `[link]`).
pub fn document(format: Format, doc: &Document) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "format: {format}");
    for (what, value) in [
        ("title", &doc.title),
        ("url", &doc.url),
        ("date", &doc.date),
        ("author", &doc.author),
    ] {
        if let Some(v) = value {
            let _ = writeln!(s, "{what}: {v}");
        }
    }
    let _ = writeln!(s, "blocks: {}\n", doc.blocks.len());
    for b in &doc.blocks {
        let kind = match b.kind {
            BlockKind::Heading(n) => format!("h{n}"),
            BlockKind::Paragraph => "p".into(),
            BlockKind::Quote => "quote".into(),
            BlockKind::Item => "item".into(),
            BlockKind::Image => "image".into(),
            BlockKind::Rule => "rule".into(),
        };
        let who = match (&b.speaker, b.time) {
            (Some(sp), Some(t)) => format!("[{sp} {t}] "),
            (Some(sp), None) => format!("[{sp}] "),
            (None, Some(t)) => format!("[{t}] "),
            (None, None) => String::new(),
        };
        let spans: String = b
            .spans
            .iter()
            .map(|sp| {
                let mut t = sp.text.clone();
                if sp.link {
                    t = format!("[{t}]");
                }
                if sp.emphasis {
                    t = format!("*{t}*");
                }
                if sp.strong {
                    t = format!("**{t}**");
                }
                t
            })
            .collect();
        let line = if b.line > 0 {
            format!("L{}", b.line)
        } else {
            "-".into()
        };
        let _ = writeln!(s, "  {line:<6} {kind:<5} {who}{spans}");
    }
    s
}

/// A readable outline: one line per paragraph, with its address, kind and speaker.
pub fn text(iv: &Interview) -> String {
    let mut s = String::new();
    let m = &iv.meta;
    let _ = writeln!(s, "title:       {}", m.title);
    for p in &iv.people {
        let role = match p.role {
            crate::interview::Role::Interviewer => "interviewer",
            crate::interview::Role::Guest => "guest",
        };
        let name = match p.print_name() {
            "" => "(no name: a role label)".to_string(),
            n if n == p.label => n.to_string(),
            n => format!("{n} (label `{}`)", p.label),
        };
        let _ = writeln!(s, "{role:<12} {name}");
    }
    // Speakers known only by a label (`说话人 1`, `答`): what each says first, to name them by.
    for sp in iv
        .people
        .iter()
        .filter(|p| p.print_name().is_empty())
        .map(|p| &p.label)
    {
        let first = iv
            .paragraphs()
            .find(|p| p.opens_turn && p.speaker.as_ref() == Some(sp))
            .map_or(String::new(), |p| crate::printable::excerpt(&p.text, 30));
        let _ = writeln!(s, "unnamed:     {sp} — first says “{first}”");
    }
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
        let pull = match &sec.pull_quote {
            None => String::new(),
            Some(q) => format!(" — “{q}”"),
        };
        let _ = writeln!(s, "\n{heading}{pull} ({} paragraphs)", sec.paragraphs.len());
        for p in &sec.paragraphs {
            para(&mut s, p);
        }
    }
    if !iv.doubts.is_empty() {
        let _ = writeln!(s, "\ndoubts:");
        for d in &iv.doubts {
            let _ = writeln!(s, "  {} — fix: {}", d.what, d.fix);
        }
    }
    if !iv.dropped.is_empty() {
        let _ = writeln!(s, "\ndropped:");
        for d in &iv.dropped {
            match iv.furniture.iter().find(|f| &f.text == d) {
                Some(f) => {
                    let _ = writeln!(s, "  {d}    ← {}", f.why);
                }
                None => {
                    let _ = writeln!(s, "  {d}");
                }
            }
        }
    }
    s
}
