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
        Command::Completions { shell } => {
            use clap::CommandFactory;
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "jinju", &mut script);
            emit(&String::from_utf8_lossy(&script))
        }
    }
}

/// Print to stdout; a closed pipe (`jinju quotes | head`) is not an error.
pub fn emit(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
