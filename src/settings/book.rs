//! [`BookSettings`]: how the book is made — its font, punctuation, direction, metadata and
//! images — from the book flags (or a job entry's book keys over them) and the environment's
//! `SOURCE_DATE_EPOCH`, checked once.

use super::InputSettings;
use crate::cli::BookArgs;
use crate::commands::images::ImageSources;
use crate::epub::BookMeta;
use std::path::Path;

/// How the book is made, beyond the card settings its cover uses.
#[derive(Debug, Clone, Default)]
pub struct BookSettings {
    pub embed_font: bool,
    pub keep_punctuation: bool,
    /// Vertical writing (竖排) and right-to-left page order.
    pub vertical: bool,
    /// What the book says about itself (the command line fills it with `book_meta`).
    pub meta: BookMeta,
    /// Where the interview's images come from (its folder, its Word file, the web).
    pub images: ImageSources,
}

impl BookSettings {
    /// The book flags for the interview `input` names: `embed_font` unless `--no-embed-font`;
    /// fetched images are kept in `out_folder` (none: not kept).
    pub fn from_args(
        input: &InputSettings,
        args: &BookArgs,
        embed_font: bool,
        out_folder: Option<&Path>,
    ) -> anyhow::Result<BookSettings> {
        Ok(BookSettings {
            embed_font,
            keep_punctuation: input.keep_punctuation,
            vertical: args.vertical,
            meta: book_meta(input, args)?,
            images: ImageSources::new(input.input.as_deref(), args, out_folder),
        })
    }
}

/// The book's metadata from the command line (or a job entry) and the environment; the
/// interview's own (date, outlet, source URL, roles) is added by the pipeline's book.
fn book_meta(input: &InputSettings, args: &BookArgs) -> anyhow::Result<BookMeta> {
    let source_note = input
        .is_bundled()
        .then(|| "文本来自jinju附带的访谈（网页抓取稿），经排版清理与勘误。".to_string());
    Ok(BookMeta {
        title: args.title.clone(),
        authors: args.author.clone(),
        language: args.language.clone(),
        date: args.date.clone(),
        source_date_epoch: crate::pipeline::source_date_epoch_from_env()?,
        source_note,
        ..BookMeta::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_book_flags_and_the_input_make_the_settings() {
        let args = BookArgs {
            title: Some("书名".into()),
            vertical: true,
            ..BookArgs::default()
        };
        let bundled = BookSettings::from_args(&InputSettings::default(), &args, true, None);
        let bundled = bundled.unwrap();
        assert!(bundled.embed_font && bundled.vertical);
        assert_eq!(bundled.meta.title.as_deref(), Some("书名"));
        assert!(
            bundled.meta.source_note.is_some(),
            "the bundled text says where it is from"
        );
        let file = InputSettings {
            input: Some("a.md".into()),
            keep_punctuation: true,
            ..InputSettings::default()
        };
        let other = BookSettings::from_args(&file, &BookArgs::default(), false, None).unwrap();
        assert!(!other.embed_font && !other.vertical && other.keep_punctuation);
        assert_eq!(other.meta.source_note, None);
    }
}
