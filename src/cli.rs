//! The command line as clap sees it: raw arguments only. Validation happens when the
//! commands turn these into settings.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// jinju (金句): Chinese interview → quote cards (PNG) and an EPUB.
#[derive(Debug, Parser)]
#[command(name = "jinju", version, about, long_about = None,
    after_help = "Exit codes: 0 success, 1 failure (bad input, a misquote, an unwritable output), 2 usage error.")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the structure of an interview: meta, sections, paragraphs with their addresses.
    Inspect(InspectArgs),
}

/// Where the interview comes from and how it is read.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Interview text to read instead of the bundled one.
    #[arg(long, short, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Keep the source's ASCII punctuation (no conversion to full-width in Chinese context).
    #[arg(long)]
    pub keep_punctuation: bool,
    /// Do not apply errata (read the text as scraped).
    #[arg(long)]
    pub no_errata: bool,
    /// Errata file to apply (default: the bundled errata for the bundled interview; none for
    /// another --input).
    #[arg(long, value_name = "FILE")]
    pub errata: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = InspectFormat::Text)]
    pub format: InspectFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InspectFormat {
    Text,
    Json,
}
