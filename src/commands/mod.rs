//! The commands: each turns raw CLI arguments into settings, runs the pipeline, and writes
//! or prints the result. Only this layer (and `output`) touches the filesystem.

mod input;
mod inspect;
mod quotes;
mod selection;

use crate::cli::{Cli, Command};

pub use input::{load_interview, read_text};
pub use selection::select_quotes;

/// Run one command.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Inspect(args) => inspect::run(&args),
        Command::Quotes(args) => quotes::run(&args),
    }
}
