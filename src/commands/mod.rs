//! The commands: each turns raw CLI arguments into settings, runs the pipeline, and writes
//! or prints the result. Only this layer (and `output`) touches the filesystem.

mod build;
mod cards;
mod data_url;
mod epub;
mod fit;
mod image_bytes;
pub(crate) mod images;
mod input;
mod inspect;
mod job;
mod platform;
pub(crate) mod produce;
pub use produce::Skipped;
mod quotes;
pub mod remote;
mod selection;

use crate::cli::{Cli, Command};

pub use input::{load_document, load_interview, read_text};
pub use selection::{select_for_cards, select_quotes};

/// Run one command.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    one_stdin(&cli.command)?;
    match cli.command {
        Command::Inspect(args) => inspect::run(&args),
        Command::Quotes(args) => quotes::run(&args),
        Command::Cards(args) => cards::run(&args),
        Command::Epub(args) => with_threads(None, || epub::run(&args)),
        Command::Build(args) => build::run(&args),
        Command::Templates => templates(),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "jinju", &mut script);
            emit(&String::from_utf8_lossy(&script))
        }
        Command::Manpage => {
            use clap::CommandFactory;
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            emit(&String::from_utf8_lossy(&page))
        }
    }
}

/// Every input flag reads standard input for `-`, but standard input can be read once: two
/// such flags in one run are refused before anything is read.
fn one_stdin(command: &Command) -> anyhow::Result<()> {
    use crate::cli::{InputArgs, SelectArgs};
    let input = |a: &InputArgs| [("--input", a.input.clone()), ("--errata", a.errata.clone())];
    let select = |a: &SelectArgs| [("--quotes", a.quotes.clone()), ("--lines", a.lines.clone())];
    let flags: Vec<_> = match command {
        Command::Inspect(a) => input(&a.input).to_vec(),
        Command::Quotes(a) => [input(&a.input), select(&a.select)].concat(),
        Command::Cards(a) => [input(&a.input), select(&a.select)].concat(),
        Command::Epub(a) => [input(&a.input), select(&a.select)].concat(),
        Command::Build(a) => [
            input(&a.input).as_slice(),
            select(&a.select).as_slice(),
            &[("--job", a.job.clone())],
        ]
        .concat(),
        Command::Templates | Command::Completions { .. } | Command::Manpage => Vec::new(),
    };
    let stdin: Vec<&str> = flags
        .iter()
        .filter(|(_, p)| p.as_deref().is_some_and(crate::input_file::is_stdin))
        .map(|(flag, _)| *flag)
        .collect();
    if stdin.len() > 1 {
        anyhow::bail!(
            "{} ask for standard input (`-`), which can be read once: give all but one \
             as files",
            stdin.join(" and ")
        );
    }
    Ok(())
}

/// The error of a run that selected nothing to make cards of.
pub const NO_QUOTES: &str =
    "no quotes selected: loosen the filters, or give --text, --at or --auto";

/// Print to stdout; a closed pipe (`jinju quotes | head`) is not an error, a full disk is.
/// (A stdout closed at start, `>&-`, is reopened on `/dev/null` by Rust's runtime before
/// `main`, so it cannot be told from `> /dev/null`: the README documents it.)
pub fn emit(text: &str) -> anyhow::Result<()> {
    emit_bytes(text.as_bytes())
}

/// [`emit`] for bytes (a book written with `--out -`).
pub fn emit_bytes(bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(anyhow::anyhow!(
            "cannot write to standard output: {e} ({} bytes were to be printed)",
            bytes.len()
        )),
        Ok(()) => Ok(()),
    }
}

/// What the run's outputs may replace: never one of its inputs (the interview, errata,
/// quotes, lines, font, template files, job file); files jinju did not write only with
/// `--force`.
pub fn output_policy(
    force: bool,
    input: &crate::settings::InputSettings,
    select: &crate::settings::SelectSettings,
    card: &produce::CardSettings,
    job_file: Option<&std::path::Path>,
) -> crate::output::Policy {
    let templates = card.templates.iter().map(std::path::Path::new);
    let paths = [
        input.input.as_deref(),
        input.errata_file(),
        select.quotes.as_deref(),
        select.lines.as_deref(),
        card.font.as_deref(),
        job_file,
    ];
    crate::output::Policy::new(force, paths.into_iter().flatten().chain(templates))
}

/// `jinju templates`: the presets with their sizes.
fn templates() -> anyhow::Result<()> {
    let presets = crate::card::presets();
    let width = presets.iter().map(|p| p.name.len()).max().unwrap_or(0);
    let mut s = String::new();
    for p in presets {
        s.push_str(&format!(
            "{:<width$} {:>4}×{:<5} {}\n",
            p.name, p.width, p.height, p.description
        ));
    }
    emit(&s)
}

/// Most threads `--jobs` may ask for.
pub const MAX_JOBS: usize = 256;

/// Run `f` on a pool of `jobs` threads (default: rayon's, one per core).
pub fn with_threads<T: Send>(
    jobs: Option<usize>,
    f: impl FnOnce() -> anyhow::Result<T> + Send,
) -> anyhow::Result<T> {
    // The thread count comes from --jobs or the machine, never from RAYON_NUM_THREADS
    // (rayon's global pool reads it: 100000 would spawn 100000 threads).
    let jobs = jobs.or_else(|| {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Some(cores.min(MAX_JOBS))
    });
    match jobs {
        None => f(),
        Some(0) => anyhow::bail!("--jobs 0: give at least 1 thread"),
        Some(n) if n > MAX_JOBS => {
            anyhow::bail!("--jobs {n} is too many threads: give 1 to {MAX_JOBS}")
        }
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()?
            .install(f),
    }
}
