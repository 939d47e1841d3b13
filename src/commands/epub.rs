//! `jinju epub`: build the EPUB of the whole interview.

use super::produce;
use super::{load_interview, select_quotes};
use crate::cli::EpubArgs;
use crate::settings::{BookSettings, CardSettings, InputSettings, SelectSettings};
use anyhow::bail;
use std::io::IsTerminal;
use std::path::PathBuf;

pub fn run(args: &EpubArgs) -> anyhow::Result<()> {
    // What every book needs and no input changes is made on the pool's second thread while
    // this one reads the interview: that core would otherwise wait for the fonts' subsets.
    rayon::join(|| build(args), crate::pipeline::prepare_book).0
}

fn build(args: &EpubArgs) -> anyhow::Result<()> {
    let input = InputSettings::from_args(&args.input)?;
    let iv = load_interview(&input)?;
    let select = SelectSettings::from_args(&args.select)?;
    let s = CardSettings::default();
    let to_stdout = args.out.as_deref().is_some_and(crate::input_file::is_stdin);
    // Fetched images are kept beside the book (none kept for a book on standard output).
    let out_folder = match args.out.as_deref() {
        _ if to_stdout => None,
        Some(path) => Some(match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }),
        None => Some(PathBuf::from("output")),
    };
    let b = BookSettings::from_args(
        &input,
        &args.book,
        !args.no_embed_font,
        out_folder.as_deref(),
    )?;
    if to_stdout && std::io::stdout().is_terminal() {
        bail!("--out -: an EPUB is binary, not for a terminal: redirect it (`> book.epub`)");
    }
    let bytes = crate::pipeline::book_selecting(&iv, &s, &b, || {
        select_quotes(&iv, &select, input.is_bundled())
    })?;
    if to_stdout {
        super::emit_bytes(&bytes)?;
        if !args.quiet {
            eprintln!(
                "wrote the EPUB ({:.0} KB) to standard output",
                bytes.len() as f64 / 1024.0
            );
        }
        return Ok(());
    }
    let path = args.out.clone().unwrap_or_else(|| {
        let title = b.meta.title_of(&iv);
        PathBuf::from("output").join(format!("{}.epub", produce::book_slug(&title)))
    });
    let policy = super::output_policy(args.force, &input, &select, &s, None);
    crate::output::write_file(&path, &bytes, &policy)?;
    if !args.quiet {
        eprintln!(
            "wrote {} ({:.0} KB)",
            crate::printable::escape(&path.display().to_string()),
            bytes.len() as f64 / 1024.0
        );
    }
    Ok(())
}
