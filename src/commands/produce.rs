//! Producing a run's cards: the pipeline's card rounds ([`crate::pipeline::render_cards`])
//! into a [`Staging`] run, each card written as soon as it is done and listed in the manifest,
//! with a progress bar and a warning per card left out; and the book's metadata from the
//! command line (or a job entry). A failure here leaves the output folder untouched.

use crate::card::{Card, Template};
use crate::output::{Artifact, Entries, EntryWriter, Staging};
use crate::pipeline::CardSink;
use crate::select::{Quote, Selection};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub use crate::pipeline::{DEFAULT_TEMPLATES, Skipped, book_slug, book_with, fonts};
pub use crate::settings::CardSettings;

/// The cards of a run: the manifest entries of those made, and how many were skipped.
#[derive(Debug, Default)]
pub struct Rendered {
    pub entries: Entries,
    pub skipped: usize,
}

pub use super::fit::template_fit;

/// The cards of a run staged in `run` as `<prefix><id>.<template>.<ext>`: their manifest
/// entries spilled to the staging folder round by round, a progress bar (unless quiet).
struct StagedCards<'r> {
    run: &'r Staging<'r>,
    prefix: &'r str,
    spill: EntryWriter,
    quiet: bool,
    bar: Option<ProgressBar>,
}

impl CardSink for StagedCards<'_> {
    type Kept = Artifact;

    fn start(&mut self, cards: u64) {
        let bar = if self.quiet {
            ProgressBar::hidden()
        } else {
            ProgressBar::with_draw_target(Some(cards), ProgressDrawTarget::stderr())
        };
        if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} cards {msg}") {
            bar.set_style(style);
        }
        self.bar = Some(bar);
    }

    fn store(&self, q: &Quote, t: &Template, card: Card) -> anyhow::Result<Artifact> {
        let ext = card.format.extension();
        let path = format!("{}{}.{}.{ext}", self.prefix, q.id, t.name);
        let sha256 = self.run.write(&path, &card.bytes)?;
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
        Ok(Artifact {
            path,
            kind: crate::output::ArtifactKind::Card,
            quote: Some(q.id.clone()),
            text: Some(q.text.clone()),
            template: Some(t.name.clone()),
            size: Some([card.width, card.height]),
            lines: card.lines,
            font_px: Some(card.size_px as f32),
            note: card.note,
            bytes: card.bytes.len(),
            sha256,
        })
    }

    fn keep(&mut self, a: Artifact) -> anyhow::Result<()> {
        self.spill
            .push(&a)
            .context("cannot write the manifest's entries in the staging folder")
    }

    fn skipped(&mut self, q: &Quote, line: Option<usize>, e: &anyhow::Error) {
        match &self.bar {
            Some(bar) => bar.suspend(|| warn_skipped(q, line, e)),
            None => warn_skipped(q, line, e),
        }
    }
}

/// Render every quote of `sel` in its templates (the pipeline's rounds), staging each card
/// in `run` as `<prefix><id>.<template>.<ext>` as soon as it is rendered; memory holds the
/// manifest entries of one round (the rest are spilled to the staging folder). A card that
/// cannot be rendered is skipped with a warning naming the quote, its text and the template
/// (counted in [`Rendered::skipped`]); with `s.strict`, the first error wins (and the staged
/// run is then dropped).
pub fn render_cards(
    sel: &Selection,
    source: &crate::card::SourceInfo,
    s: &CardSettings,
    run: &Staging,
    prefix: &str,
) -> anyhow::Result<Rendered> {
    let mut sink = StagedCards {
        run,
        prefix,
        spill: run.spill()?,
        quiet: s.quiet,
        bar: None,
    };
    let skipped = crate::pipeline::render_cards(sel, source, s, &mut sink)?;
    if let Some(bar) = &sink.bar {
        bar.finish_and_clear();
    }
    Ok(Rendered {
        entries: sink.spill.finish()?,
        skipped,
    })
}

/// The warning for a card left out: the error names the quote and the template, `line` the
/// line of the `--lines` file it came from, and the text's start which text it was.
fn warn_skipped(q: &Quote, line: Option<usize>, e: &anyhow::Error) {
    let text: String = q.text.chars().take(24).collect();
    let more = if q.text.chars().count() > 24 {
        "…"
    } else {
        ""
    };
    let shown = |m: &dyn std::fmt::Display| crate::printable::escape_lines(&m.to_string());
    let at = line.map_or(String::new(), |n| format!("line {n} of --lines: "));
    eprintln!(
        "warning: skipped: {at}{} (“{}{more}”)",
        shown(e),
        shown(&text)
    );
    for cause in e.chain().skip(1) {
        eprintln!("  caused by: {}", shown(&cause));
    }
}
