//! `jinju epub`: build the EPUB of the whole interview.

use super::produce::{self, BookSettings, CardSettings};
use super::{load_interview, select_quotes};
use crate::cli::EpubArgs;
use crate::output::OutDir;
use anyhow::Context;
use std::path::PathBuf;

pub fn run(args: &EpubArgs) -> anyhow::Result<()> {
    let iv = load_interview(&args.input)?;
    let sel = select_quotes(&iv, &args.select, args.input.input.is_none())?;
    let s = CardSettings {
        scale: 1.0,
        ..CardSettings::default()
    };
    let b = BookSettings {
        embed_font: !args.no_embed_font,
        keep_punctuation: args.input.keep_punctuation,
        meta: produce::book_meta(&args.input, &args.book)?,
    };
    let bytes = produce::book(&iv, &sel, &s, &b)?;
    let path = args.out.clone().unwrap_or_else(|| {
        let title = produce::book_title(&iv, &b.meta);
        PathBuf::from("output").join(format!("{}.epub", produce::book_slug(&title)))
    });
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .with_context(|| format!("--out `{}` names no file", path.display()))?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), PathBuf::from);
    OutDir::create(&dir)?.write(name, &bytes)?;
    eprintln!(
        "wrote {} ({:.0} KB)",
        path.display(),
        bytes.len() as f64 / 1024.0
    );
    Ok(())
}
