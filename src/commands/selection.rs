//! Turning the selection flags into a `Spec` and running the selector.

use super::read_text;
use crate::cli::SelectArgs;
use crate::interview::Interview;
use crate::select::{self, AllKeyword, Entry, Filters, PullQuotes, Selection, Spec};
use anyhow::Context;

/// Select quotes as the flags say. Sources: `--pull-quotes`, `--at`, `--text`, `--lines`,
/// `--auto` (plus
/// `--quotes FILE` when given); with none of them, filters alone select every matching
/// sentence; with neither, the quotes file (default: the bundled one).
pub fn select_quotes(iv: &Interview, args: &SelectArgs) -> anyhow::Result<Selection> {
    let mut entries: Vec<Entry> = Vec::new();
    if let Some(sections) = &args.pull_quotes {
        let which = if sections.is_empty() {
            PullQuotes::All(AllKeyword::All)
        } else {
            PullQuotes::Sections(sections.clone())
        };
        entries.push(Entry {
            pull_quotes: Some(which),
            ..Entry::default()
        });
    }
    entries.extend(args.at.iter().map(|a| Entry {
        at: Some(a.clone()),
        ..Entry::default()
    }));
    // Ad hoc text is credited to `--speaker` or to no one.
    entries.extend(args.text.iter().map(|t| Entry {
        adhoc: Some(t.clone()),
        speaker: args.speaker.clone(),
        ..Entry::default()
    }));
    if let Some(path) = &args.lines {
        let text = read_text(path, "lines file", 4 << 20)?;
        entries.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| Entry {
                    adhoc: Some(l.to_string()),
                    speaker: args.speaker.clone(),
                    ..Entry::default()
                }),
        );
    }
    if let Some(n) = args.auto {
        entries.push(Entry {
            auto: Some(n),
            ..Entry::default()
        });
    }
    let grep = match &args.grep {
        Some(re) => Some(
            regex::Regex::new(re)
                .with_context(|| format!("--grep {re:?} is not a valid regular expression"))?,
        ),
        None => None,
    };
    let filters = Filters {
        section: args.section,
        speaker: args.speaker.clone(),
        grep,
        min_chars: args.min_chars,
        max_chars: args.max_chars,
    };
    let cli_sources = !entries.is_empty();
    let mut spec = match (&args.quotes, cli_sources || !filters.is_empty()) {
        (Some(path), _) => {
            let text = read_text(path, "quotes file", crate::yaml::MAX_YAML_BYTES as u64)?;
            let origin = path.display().to_string();
            Spec::from_file(select::load(&text, &origin)?, &origin)
        }
        (None, false) => Spec::bundled()?,
        (None, true) => Spec {
            origin: "the command line".into(),
            ..Spec::default()
        },
    };
    spec.filters = filters;
    spec.all_sentences = spec.entries.is_empty() && entries.is_empty();
    spec.entries.extend(entries);
    Ok(select::select(iv, &spec)?)
}
