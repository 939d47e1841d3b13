//! A lines file's quotes, made as they are used: the selection keeps the file's text and one
//! byte per line (kept, kept under the wide id, or dropped as a repeat — decided once, when
//! the selection is made, by [`Dedupe`]), and each line becomes a `Quote` only when it is
//! iterated. So a selection of 20,000 lines holds about the file, not 20,000 quotes, and the
//! cards are rendered from the stream ([`Selection::iter`]).

use super::dedupe::Dedupe;
use super::{Quote, SelectError, Selection, adhoc, ids};
use std::borrow::Cow;
use std::sync::Arc;

/// The text of a lines file: each non-blank line is an ad hoc quote. An entry of its own
/// ([`super::Source::Lines`]), made by `--lines`, not by quotes files.
#[derive(Debug, Clone)]
pub struct Lines(Arc<String>);

impl Lines {
    pub fn new(text: String) -> Lines {
        Lines(Arc::new(text))
    }

    /// The lines that are quotes.
    pub fn each(&self) -> impl Iterator<Item = &str> {
        self.0.lines().filter(|l| !l.trim().is_empty())
    }

    /// The lines that are quotes with their line numbers in the file (from 1).
    fn numbered(&self) -> impl Iterator<Item = (usize, &str)> {
        self.0
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| (i + 1, l))
    }

    /// True when no line is a quote.
    pub fn is_blank(&self) -> bool {
        self.each().next().is_none()
    }
}

/// What the selection made of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Repeat,
    Kept,
    /// Kept, under [`ids::wide_adhoc_id`]: its hashed id was another text's.
    Widened,
}

/// The lines file's quotes in a selection, between `quotes[..at]` and the rest.
#[derive(Debug, Clone)]
pub struct LineQuotes {
    lines: Lines,
    fates: Vec<Fate>,
    kept: usize,
    /// The settings every line's quote gets (its text and id aside).
    like: Quote,
    /// How many of the selection's other quotes come before these.
    pub(super) at: usize,
}

impl LineQuotes {
    /// The quotes of `lines`, each made like `like` (speaker, templates, attribution), coming
    /// after `at` other quotes that `dedupe` has seen.
    pub(super) fn new(
        lines: &Lines,
        like: Quote,
        at: usize,
        dedupe: &mut Dedupe,
    ) -> Result<LineQuotes, SelectError> {
        let mut fates = Vec::new();
        let mut kept = 0;
        for line in lines.each() {
            let mut q = made(line, &like);
            let short = q.id.len();
            let fate = match dedupe.admit(&mut q)? {
                false => Fate::Repeat,
                true if q.id.len() != short => Fate::Widened,
                true => Fate::Kept,
            };
            kept += usize::from(fate != Fate::Repeat);
            fates.push(fate);
        }
        Ok(LineQuotes {
            lines: lines.clone(),
            fates,
            kept,
            like,
            at,
        })
    }

    /// The number of quotes (repeats dropped).
    pub fn len(&self) -> usize {
        self.kept
    }

    pub fn is_empty(&self) -> bool {
        self.kept == 0
    }

    /// The quotes, in the file's order, each made as it is reached.
    pub fn iter(&self) -> impl Iterator<Item = Quote> + '_ {
        self.lines
            .each()
            .zip(&self.fates)
            .filter(|(_, fate)| **fate != Fate::Repeat)
            .map(|(line, fate)| {
                let mut q = made(line, &self.like);
                if *fate == Fate::Widened {
                    q.id = ids::wide_adhoc_id(&q.text);
                }
                q
            })
    }
}

impl LineQuotes {
    /// The line number (from 1) of the line that made the quote with `id`, for a warning.
    pub fn line_of(&self, id: &str) -> Option<usize> {
        self.lines
            .numbered()
            .zip(&self.fates)
            .filter(|(_, fate)| **fate != Fate::Repeat)
            .find_map(|((n, line), fate)| {
                let q = made(line, &self.like);
                let made_id = match fate {
                    Fate::Widened => ids::wide_adhoc_id(&q.text),
                    _ => q.id,
                };
                (made_id == id).then_some(n)
            })
    }
}

/// The ad hoc quote of `line`, with `like`'s speaker, templates and attribution.
fn made(line: &str, like: &Quote) -> Quote {
    Quote {
        templates: like.templates.clone(),
        attribution: like.attribution.clone(),
        highlights: like.highlights.clone(),
        ..adhoc(line, &like.speaker)
    }
}

impl Selection {
    /// The number of quotes, the lines file's included.
    pub fn len(&self) -> usize {
        self.quotes.len() + self.lines.as_ref().map_or(0, LineQuotes::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The line of the `--lines` file that made the quote with `id`, if one did.
    pub fn line_of(&self, id: &str) -> Option<usize> {
        self.lines.as_ref()?.line_of(id)
    }

    /// Every quote in order; the lines file's are made as they are reached.
    pub fn iter(&self) -> impl Iterator<Item = Quote> + '_ {
        let at = self.lines.as_ref().map_or(self.quotes.len(), |l| l.at);
        let (before, after) = self.quotes.split_at(at);
        before
            .iter()
            .cloned()
            .chain(self.lines.iter().flat_map(LineQuotes::iter))
            .chain(after.iter().cloned())
    }

    /// Every quote in order, in one list (made when there is a lines file).
    pub fn all(&self) -> Cow<'_, [Quote]> {
        match self.lines {
            None => Cow::Borrowed(&self.quotes),
            Some(_) => Cow::Owned(self.iter().collect()),
        }
    }

    /// The selection with the lines file's quotes in `quotes`, for commands that list them.
    pub fn collected(mut self) -> Selection {
        if self.lines.is_some() {
            self.quotes = self.iter().collect();
            self.lines = None;
        }
        self
    }
}
