//! The library's front door: an interview's text → [`Interview`] → the quotes → PNG cards and
//! an EPUB, in four calls with the command line's defaults (the embedded fonts, the preset
//! templates, the book's cover card and font subset). The CLI (`commands`) adds files, flags,
//! staging and batches on top of the same stages; an embedder needs only these.
//!
//! Beneath the four calls, by concept: [`cards`](render_cards) in parallel rounds to a
//! [`CardSink`], the [`book`](book_with) with its cover and metadata, the file name a title gives
//! ([`book_slug`]).

mod book;
mod cards;
mod cover;

pub use book::{
    book_slug, book_with, source_date_epoch, source_date_epoch_from_env, with_interview,
};
pub use cards::{
    CardSink, DEFAULT_TEMPLATES, MAX_TOTAL_IMAGE_PIXELS, Skipped, fonts, render_cards,
};
pub use cover::{cover, cover_quote};

use crate::card::{self, CardText, FontBook, RenderOptions, Template};
use crate::interview::{Interview, ParseOptions};
use crate::read::Format;
use crate::select::Selection;
use crate::settings::{BookSettings, CardSettings};
use anyhow::Context;

/// Read an interview from its text in `format` (`None`: told from the text, as for standard
/// input), cleaned (full-width punctuation in Chinese context), with no errata.
pub fn load(text: &str, format: Option<Format>) -> anyhow::Result<Interview> {
    let format = format.unwrap_or_else(|| crate::read::detect(None, text));
    let opts = ParseOptions::default();
    let mut iv = crate::interview::parse_as(text, format, &opts)
        .with_context(|| format!("cannot read the text as an interview ({format})"))?;
    entitle(&mut iv, None);
    Ok(iv)
}

/// Give an interview that states no title (an SRT, a WebVTT without one) the name of the file
/// it was read from, without its extension, else `访谈`.
pub(crate) fn entitle(iv: &mut Interview, input: Option<&std::path::Path>) {
    if !iv.meta.title.trim().is_empty() {
        return;
    }
    iv.meta.title = input
        .filter(|p| p.as_os_str() != "-")
        .and_then(|p| p.file_stem())
        .map(|s| s.to_string_lossy().trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "访谈".to_string());
}

/// The `best` lines of the interview by jinju's ranking (as `jinju quotes --auto N`).
pub fn select(iv: &Interview, best: usize) -> anyhow::Result<Selection> {
    crate::commands::select_quotes(iv, &crate::settings::SelectSettings::best(best), false)
}

/// One rendered card: its file name (`<quote id>.<template>.png`) and its PNG bytes.
#[derive(Debug, Clone)]
pub struct CardFile {
    pub name: String,
    pub png: Vec<u8>,
}

/// Render every selected quote in each of `templates` (preset names or template files), one
/// at a time into `sink` (a folder, a zip, a network reply); returns how many were made.
pub fn cards(
    iv: &Interview,
    sel: &Selection,
    templates: &[&str],
    mut sink: impl FnMut(CardFile) -> anyhow::Result<()>,
) -> anyhow::Result<usize> {
    let fonts = FontBook::embedded();
    let templates: Vec<Template> = templates
        .iter()
        .map(|name| Template::load(name))
        .collect::<Result<_, _>>()?;
    let opts = RenderOptions {
        title: Some(iv.meta.title.clone()),
        ..RenderOptions::default()
    };
    let mut made = 0;
    for quote in sel.iter() {
        for t in &templates {
            let card =
                card::render(&CardText::from(&quote), t, &fonts, &opts).with_context(|| {
                    format!("cannot render quote `{}` as a {} card", quote.id, t.name)
                })?;
            sink(CardFile {
                name: format!("{}.{}.png", quote.id, t.name),
                png: card.bytes,
            })?;
            made += 1;
        }
    }
    Ok(made)
}

/// The EPUB of the whole interview with the selection as its 金句 chapter: the cover card and
/// the embedded font subset included, metadata from the interview.
pub fn book(iv: &Interview, sel: &Selection) -> anyhow::Result<Vec<u8>> {
    let book = BookSettings {
        embed_font: true,
        keep_punctuation: false,
        vertical: false,
        meta: Default::default(),
        images: Default::default(),
    };
    book_with(iv, sel, &CardSettings::default(), &book)
}
