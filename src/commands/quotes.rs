//! `jinju quotes`: list the selection as an 80-column table, the JSON contract, or YAML
//! entries ready to paste into quotes.yaml.

use super::{load_interview, select_quotes};
use crate::cli::{QuotesArgs, QuotesFormat};
use crate::select::{Quote, QuoteKind, Selection};
use crate::settings::SelectSettings;
use std::fmt::Write;
use unicode_width::UnicodeWidthChar;

pub fn run(args: &QuotesArgs) -> anyhow::Result<()> {
    let input = crate::settings::InputSettings::from_args(&args.input)?;
    let iv = load_interview(&input)?;
    let select = SelectSettings::from_args(&args.select)?;
    let sel = select_quotes(&iv, &select, input.is_bundled())?;
    let out = match args.format {
        QuotesFormat::Table => table(&sel, args.explain),
        QuotesFormat::Json => json(&sel, args.explain)?,
        QuotesFormat::Yaml => yaml(&sel.quotes),
    };
    super::emit(&out)
}

/// Cut `text` to `width` terminal columns, ending with … when cut.
fn truncate(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let total: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if total > width && used + w > width - 1 {
            out.push('…');
            break;
        }
        out.push(c);
        used += w;
    }
    out
}

/// id (18) address (9) chars (5) text (the rest of 80 columns).
pub fn table(sel: &Selection, explain: bool) -> String {
    let mut s = format!("{:<18} {:<9} {:>5}  {}\n", "id", "address", "chars", "text");
    for q in &sel.quotes {
        let id = truncate(&crate::printable::escape(&q.id), 18);
        let pad = 18usize.saturating_sub(id.chars().map(|c| c.width().unwrap_or(0)).sum());
        let _ = writeln!(
            s,
            "{id}{} {:<9} {:>5}  {}",
            " ".repeat(pad),
            truncate(&q.address_text(), 9),
            q.chars,
            truncate(&crate::printable::escape(&q.text), 44)
        );
        if let (true, Some(parts)) = (explain, sel.explain.get(&q.id)) {
            if let Some(why) = sel.why.get(&q.id) {
                let _ = writeln!(s, "{:>36}picked: {why}", "");
                for line in wrapped("passed:", &crate::select::passed(parts), 44) {
                    let _ = writeln!(s, "{:>36}{line}", "");
                }
            }
            let parts: Vec<String> = parts.iter().map(|(k, v)| format!("{k} {v:+.2}")).collect();
            let _ = writeln!(
                s,
                "{:>36}score {:.2} = {}",
                "",
                q.score.unwrap_or(0.0),
                parts.join(" ")
            );
        }
    }
    let _ = writeln!(s, "{} quotes", sel.quotes.len());
    if explain && !sel.rejected.is_empty() {
        let counts: Vec<String> = sel
            .rejected
            .iter()
            .map(|(rule, n)| format!("{rule} {n}"))
            .collect();
        let _ = writeln!(s, "rejected by the filters: {}", counts.join(", "));
    }
    s
}

/// `words` after `head`, space-separated, in lines of at most `width` columns (the
/// following ones indented as far as `head` and its space).
fn wrapped(head: &str, words: &[&str], width: usize) -> Vec<String> {
    let indent = " ".repeat(head.len() + 1);
    let mut lines = vec![head.to_string()];
    for w in words {
        let last = lines.last_mut().expect("one line at least");
        if last.len() + 1 + w.len() > width && last.len() > indent.len() {
            lines.push(format!("{indent}{w}"));
        } else {
            last.push(' ');
            last.push_str(w);
        }
    }
    lines
}

pub fn json(sel: &Selection, explain: bool) -> anyhow::Result<String> {
    let mut v = serde_json::to_value(&sel.quotes)?;
    if explain && let Some(items) = v.as_array_mut() {
        for item in items {
            let parts = item["id"].as_str().and_then(|id| sel.explain.get(id));
            if let Some(parts) = parts {
                let map: serde_json::Map<String, serde_json::Value> = parts
                    .iter()
                    .map(|(k, v)| (k.to_string(), (*v).into()))
                    .collect();
                item["explain"] = map.into();
            }
            let why = item["id"].as_str().and_then(|id| sel.why.get(id));
            if let (Some(why), Some(parts)) = (why, parts) {
                item["why"] = (*why).into();
                item["passed"] = crate::select::passed(parts).into();
            }
        }
    }
    Ok(crate::printable::json(&serde_json::to_string_pretty(&v)?) + "\n")
}

/// YAML entries for quotes.yaml (double-quoted JSON strings are valid YAML scalars).
pub fn yaml(quotes: &[Quote]) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut s = String::from("quotes:\n");
    for quote in quotes {
        let _ = match quote.kind {
            QuoteKind::PullQuote => writeln!(s, "  - pull_quotes: [{}]", quote.section.number),
            QuoteKind::Adhoc => writeln!(s, "  - id: {}\n    adhoc: {}", quote.id, q(&quote.text)),
            _ => writeln!(
                s,
                "  - id: {}\n    text: {}   # {} · {} · {}",
                quote.id,
                q(&quote.text),
                quote.address_text(),
                crate::printable::escape(&quote.speaker),
                crate::printable::escape(&quote.section.title)
            ),
        };
    }
    s
}
