//! Turning the selection flags into a `Spec` and running the selector.

use super::fit::Fit;
use super::read_text;
use crate::interview::Interview;
use crate::select::{self, AllKeyword, Entry, Lines, PullQuotes, Selection, Source, Spec};
use crate::settings::SelectSettings;
use std::path::Path;

/// How many quotes an interview without a quotes file gets by default.
pub const DEFAULT_AUTO: usize = 12;

/// Select quotes as the flags say, every quote in [`Selection::quotes`]. Sources: `--pull-quotes`, `--at`, `--text`, `--lines`,
/// `--auto` (plus `--quotes FILE` when given); with none of them, filters alone select every
/// matching sentence; with neither, the quotes file — the bundled one for the bundled
/// interview (`bundled`), else the best `DEFAULT_AUTO` lines by the ranking.
pub fn select_quotes(
    iv: &Interview,
    args: &SelectSettings,
    bundled: bool,
) -> anyhow::Result<Selection> {
    Ok(select_for_cards(iv, args, bundled, None)?.collected())
}

/// [`select_quotes`] for cards whose templates `fit` says what they show: automatic picks
/// are no longer than the templates take and hold only characters their fonts have. A lines
/// file's quotes are not collected: [`Selection::iter`] makes them as it reaches them.
pub fn select_for_cards(
    iv: &Interview,
    args: &SelectSettings,
    bundled: bool,
    fit: Option<Fit>,
) -> anyhow::Result<Selection> {
    let mut entries: Vec<Entry> = Vec::new();
    if let Some(sections) = &args.pull_quotes {
        let which = if sections.is_empty() {
            PullQuotes::All(AllKeyword::All)
        } else {
            PullQuotes::Sections(sections.clone())
        };
        entries.push(Entry::new(Source::PullQuotes(which)));
    }
    entries.extend(args.at.iter().map(|&at| Entry::new(Source::At(at))));
    // Ad hoc text is credited to `--speaker` or to no one.
    entries.extend(args.text.iter().map(|t| Entry {
        speaker: args.filters.speaker.clone(),
        ..Entry::new(Source::Adhoc(t.clone()))
    }));
    if let Some(path) = &args.lines {
        // The text stays in memory (at most 4 MiB); its lines become quotes as the cards
        // are made (`Selection::iter`).
        let lines = Lines::new(read_text(path, "lines file", 4 << 20)?);
        if !lines.is_blank() {
            entries.push(Entry {
                speaker: args.filters.speaker.clone(),
                ..Entry::new(Source::Lines(lines))
            });
        }
    }
    if let Some(n) = args.auto {
        entries.push(Entry::new(Source::Auto(n)));
    }
    let filters = args.filters.clone();
    let cli_sources = !entries.is_empty();
    let mut spec = match (&args.quotes, cli_sources || !filters.is_empty()) {
        (Some(path), _) => {
            let text = read_text(path, "quotes file", crate::yaml::MAX_YAML_BYTES as u64)?;
            let origin = path.display().to_string();
            let mut spec = Spec::from_file(select::load(&text, &origin)?, &origin);
            if spec.entries.is_empty() && !cli_sources {
                anyhow::bail!(
                    "quotes file `{}` lists no quotes (`quotes:` is empty or missing): add \
                     entries, or give --auto, --at or --text",
                    crate::printable::escape(&origin)
                );
            }
            relative_templates(&mut spec, path.parent().unwrap_or(Path::new("")));
            spec
        }
        (None, false) if bundled => Spec::bundled()?,
        (None, false) => Spec {
            origin: "the automatic selection".into(),
            entries: vec![Entry::new(Source::Auto(DEFAULT_AUTO))],
            ..Spec::default()
        },
        (None, true) => Spec {
            origin: "the command line".into(),
            ..Spec::default()
        },
    };
    spec.filters = filters;
    spec.auto_max_chars = fit.as_ref().and_then(|f| f.max_chars);
    spec.all_sentences = spec.entries.is_empty() && entries.is_empty();
    spec.entries.extend(entries);
    let min_card = spec.filters.min_card.unwrap_or(select::DEFAULT_MIN_CARD);
    let asked = spec.entries.iter().any(|e| e.auto().is_some());
    let run = |spec: &Spec| match &fit {
        Some(fit) => drawable_picks(iv, spec.clone(), fit),
        None => Ok(select::select(iv, spec)?),
    };
    let mut sel = run(&spec)?;
    let mut floor = min_card;
    if asked && min_card > 0.0 && !sel.quotes.iter().any(|q| q.score.is_some()) {
        eprintln!(
            "note: no line jinju would pick on its own stands alone on a card by its model \
             (--min-card {min_card}): these automatic picks are the best of weaker lines"
        );
        spec.filters.min_card = Some(0.0);
        floor = 0.0;
        sel = run(&spec)?;
    }
    for &(asked, got) in sel.short.iter().filter(|_| floor > 0.0) {
        eprintln!(
            "note: {got} of the {asked} automatic picks asked for: no other line passes the \
             filters and stands alone on a card by jinju's model (--min-card {floor}); a lower \
             --min-card takes weaker lines too"
        );
    }
    Ok(sel)
}

/// Rounds of asking the ranking for more picks to replace those the fonts cannot draw.
const MORE_ROUNDS: usize = 6;

/// The selection with automatic picks the templates cannot draw left out and replaced by the
/// next ones in the ranking (as many as the ranking has, within [`MORE_ROUNDS`] asks).
fn drawable_picks(iv: &Interview, mut spec: Spec, fit: &Fit) -> anyhow::Result<Selection> {
    let auto = |q: &select::Quote| q.score.is_some();
    let wanted: usize = spec.entries.iter().filter_map(Entry::auto).sum();
    let mut sel = select::select(iv, &spec)?;
    let mut skipped = Vec::new();
    for _ in 0..MORE_ROUNDS {
        let unfit = sel
            .quotes
            .iter()
            .filter(|q| auto(q) && !fit.shows(&q.text))
            .count();
        let picked = sel.quotes.iter().filter(|q| auto(q)).count();
        if unfit == 0 || picked - unfit >= wanted {
            break;
        }
        for e in spec.entries.iter_mut() {
            if let Source::Auto(n) = &mut e.source {
                *n += unfit;
            }
        }
        let more = select::select(iv, &spec)?;
        let grew = more.quotes.iter().filter(|q| auto(q)).count() > picked;
        sel = more;
        if !grew {
            break;
        }
    }
    let mut kept_auto = 0;
    sel.quotes.retain(|q| {
        if !auto(q) {
            return true;
        }
        let keep = fit.shows(&q.text) && kept_auto < wanted;
        kept_auto += usize::from(keep);
        if !fit.shows(&q.text) {
            skipped.push(q.id.clone());
        }
        keep
    });
    // Short of the number asked (not of the number asked again for the skipped).
    sel.short = if kept_auto < wanted && !sel.short.is_empty() {
        vec![(wanted, kept_auto)]
    } else {
        Vec::new()
    };
    let ids: Vec<&str> = sel.quotes.iter().map(|q| q.id.as_str()).collect();
    sel.why.retain(|id, _| ids.contains(&id.as_str()));
    sel.explain.retain(|id, _| ids.contains(&id.as_str()));
    if !skipped.is_empty() {
        eprintln!(
            "note: {} automatic pick(s) skipped: the card fonts lack some of their characters \
             (add a font that has them with --font FILE to allow them)",
            skipped.len()
        );
    }
    Ok(sel)
}

/// Template files a quotes file names (`my/card.yaml`) are relative to the quotes file's
/// folder, as every other path in a YAML file is; preset names stay names.
fn relative_templates(spec: &mut Spec, dir: &Path) {
    let fix = |t: &mut String| {
        let is_file = t.contains('/') || t.ends_with(".yaml") || t.ends_with(".yml");
        if is_file && Path::new(t.as_str()).is_relative() {
            *t = dir.join(t.as_str()).display().to_string();
        }
    };
    spec.defaults.templates.iter_mut().for_each(fix);
    for e in &mut spec.entries {
        e.templates.iter_mut().for_each(fix);
    }
}
