//! Validated settings between the command line (or a job entry) and the pipeline, after
//! ripgrep's raw → validated split: `cli` holds what the user typed, these hold values that
//! were checked once (an address parsed, a regular expression compiled), so the stages take
//! no clap types and an embedder builds them without a command line. A job entry's keys go
//! over the flags through the same checks.
//!
//! - [`InputSettings`]: which interview, in which syntax, with which errata and names.
//! - [`SelectSettings`]: which quotes.
//! - [`CardSettings`]: how cards are made.
//! - [`BookSettings`]: how the book is made.

use crate::cli::SelectArgs;
use crate::select::{Filters, PassageAddress};
use anyhow::Context;
use std::path::PathBuf;

mod book;
mod card;
mod input;

pub use book::BookSettings;
pub use card::{CardEntry, CardSettings};
pub use input::{Errata, InputSettings};

/// Which quotes to select: the sources (a quotes file, pull quotes, addresses, ad hoc text, a
/// lines file, the ranking) and the filters. All empty: the quotes file for the bundled
/// interview, else the best lines by the ranking.
#[derive(Debug, Clone, Default)]
pub struct SelectSettings {
    /// A quotes file (`-`: standard input).
    pub quotes: Option<PathBuf>,
    /// Pull quotes: of every section (empty) or of those named.
    pub pull_quotes: Option<Vec<u32>>,
    pub at: Vec<PassageAddress>,
    /// Ad hoc texts, credited to `filters.speaker` or to no one.
    pub text: Vec<String>,
    /// A file of ad hoc quotes, one a line (`-`: standard input).
    pub lines: Option<PathBuf>,
    /// The N best lines by the ranking.
    pub auto: Option<usize>,
    pub filters: Filters,
}

impl SelectSettings {
    /// The `best` lines by the ranking, nothing else.
    pub fn best(best: usize) -> SelectSettings {
        SelectSettings {
            auto: Some(best),
            ..SelectSettings::default()
        }
    }

    /// The selection flags, checked: `--at` addresses parsed, `--grep` compiled.
    pub fn from_args(args: &SelectArgs) -> anyhow::Result<SelectSettings> {
        let at = args
            .at
            .iter()
            .map(|at| at.parse().map_err(|e| anyhow::anyhow!("--at: {e}")))
            .collect::<anyhow::Result<_>>()?;
        let grep = match &args.grep {
            Some(re) => Some(
                regex::Regex::new(re)
                    .with_context(|| format!("--grep {re:?} is not a valid regular expression"))?,
            ),
            None => None,
        };
        Ok(SelectSettings {
            quotes: args.quotes.clone(),
            pull_quotes: args.pull_quotes.clone(),
            at,
            text: args.text.clone(),
            lines: args.lines.clone(),
            auto: args.auto,
            filters: Filters {
                section: args.section,
                speaker: args.speaker.clone(),
                grep,
                min_chars: args.min_chars,
                max_chars: args.max_chars,
                min_card: args.min_card,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_are_checked_once_with_a_message_naming_the_flag() {
        let args = |at: &str, grep: &str| SelectArgs {
            at: vec![at.into()],
            grep: Some(grep.into()),
            ..SelectArgs::default()
        };
        let ok = SelectSettings::from_args(&args("3.12.2-3", "快")).unwrap();
        assert_eq!(ok.at[0].to_string(), "3.12.2-3");
        assert!(ok.filters.grep.unwrap().is_match("慢就是快"));
        let at = SelectSettings::from_args(&args("3", "快")).unwrap_err();
        assert!(
            at.to_string().starts_with("--at: `3` is not an address"),
            "{at}"
        );
        let grep = SelectSettings::from_args(&args("3.1", "(")).unwrap_err();
        assert!(
            grep.to_string().starts_with("--grep \"(\" is not a valid"),
            "{grep}"
        );
    }
}
