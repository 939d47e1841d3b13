//! The `jinju` binary: parse the command line, run, map errors to messages and exit codes.

use clap::Parser;
use jinju::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            // Usage errors quote what was typed (a subcommand, a value): escaped like every
            // other message, so an argument cannot drive the terminal (no colours either).
            eprint!(
                "{}",
                jinju::printable::escape_lines(&e.render().to_string())
            );
            return ExitCode::from(2);
        }
        Err(e) => {
            // --help and --version: jinju's own text.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
    };
    jinju::output::install_signal_handler();
    match jinju::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) if jinju::output::interrupted() => jinju::output::wait_for_handler(),
        Err(e) if e.is::<jinju::commands::Skipped>() => {
            eprintln!("warning: {e}");
            ExitCode::from(3)
        }
        Err(e) => {
            // Errors quote user text (titles, paths, quotes): no control character gets through.
            let shown = |m: &dyn std::fmt::Display| jinju::printable::escape_lines(&m.to_string());
            eprintln!("error: {}", shown(&e));
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {}", shown(&cause));
            }
            ExitCode::from(1)
        }
    }
}
