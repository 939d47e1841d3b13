//! The `jinju` binary: parse the command line, run, map errors to messages and exit codes.

use clap::{CommandFactory, FromArgMatches};
use jinju::cli::Cli;
use jinju::paint::Paint;
use std::process::ExitCode;

/// mimalloc rather than the system's: a book took 4,000 page faults with glibc's, 1,150 with
/// it, and 2–3 ms less (README, "Speed").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let choice = jinju::paint::color_choice(&args);
    let paint = Paint::for_stderr(choice);
    let parsed = Cli::command()
        .color(choice)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            // Usage errors quote what was typed (a subcommand, a value): escaped like every
            // other message, so an argument cannot drive the terminal (colours are jinju's).
            let text = jinju::printable::escape_lines(&e.render().to_string());
            let text = text
                .strip_prefix("error:")
                .map_or(text.clone(), |rest| format!("{}{rest}", paint.error()));
            eprint!("{text}");
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
            eprintln!("{} {e}", paint.warning());
            ExitCode::from(3)
        }
        Err(e) => {
            // Errors quote user text (titles, paths, quotes): no control character gets through.
            let shown = |m: &dyn std::fmt::Display| jinju::printable::escape_lines(&m.to_string());
            eprintln!("{} {}", paint.error(), shown(&e));
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {}", shown(&cause));
            }
            ExitCode::from(1)
        }
    }
}
