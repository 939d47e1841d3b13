//! The library's front door: an interview's text → [`Interview`] → the quotes → PNG cards and
//! an EPUB, in four calls with the command line's defaults (the embedded fonts, the preset
//! templates, the book's cover card and font subset). The CLI (`commands`) adds files, flags,
//! staging and batches on top of the same stages; an embedder needs only these.
//!
//! Beneath the four calls, by concept: [`cards`](render_cards) in parallel rounds to a
//! [`CardSink`], the [`book`](book_with) with its cover and metadata (or [`book_selecting`]:
//! the cover drawn while the quotes are selected), the file name a title gives
//! ([`book_slug`]).

mod book;
mod cards;
mod cover;

pub use book::{
    book_selecting, book_slug, book_with, prepare_book, source_date_epoch,
    source_date_epoch_from_env, with_interview,
};
pub use cards::{
    CardSink, DEFAULT_TEMPLATES, MAX_TOTAL_IMAGE_PIXELS, Skipped, fonts, render_cards, source_info,
};
pub use cover::{cover, cover_quote};

use crate::card::{Card, Template};
use crate::interview::{Interview, ParseOptions};
use crate::read::Format;
use crate::select::{Quote, Selection};
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

/// Render every selected quote in each of `templates` (preset names or template files; none:
/// each quote's own, else portrait and square) as `jinju cards` does, on all cores, each card
/// handed to `sink` in the selection's order (a folder, a zip, a network reply); the first
/// card that cannot be made is the error. Returns how many were made.
pub fn cards(
    iv: &Interview,
    sel: &Selection,
    templates: &[&str],
    sink: impl FnMut(CardFile) -> anyhow::Result<()> + Send,
) -> anyhow::Result<usize> {
    let settings = CardSettings {
        templates: templates.iter().map(|t| t.to_string()).collect(),
        strict: true,
        ..CardSettings::default()
    };
    let mut to = Callback {
        sink: std::sync::Mutex::new(sink),
        made: 0,
    };
    render_cards(sel, &source_info(iv, &settings), &settings, &mut to)?;
    Ok(to.made)
}

/// The sink of [`cards`]: the caller's function, called in order from one thread at a time.
struct Callback<F> {
    sink: std::sync::Mutex<F>,
    made: usize,
}

impl<F: FnMut(CardFile) -> anyhow::Result<()> + Send> CardSink for Callback<F> {
    type Kept = CardFile;

    fn store(&self, q: &Quote, t: &Template, card: Card) -> anyhow::Result<CardFile> {
        let ext = card.format.extension();
        Ok(CardFile {
            name: format!("{}.{}.{ext}", q.id, t.name),
            png: card.bytes,
        })
    }

    fn keep(&mut self, file: CardFile) -> anyhow::Result<()> {
        let sink = self
            .sink
            .get_mut()
            .map_err(|_| anyhow::anyhow!("the card sink panicked"))?;
        sink(file)?;
        self.made += 1;
        Ok(())
    }

    fn skipped(&mut self, _: &Quote, _: Option<usize>, _: &anyhow::Error) {}
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

#[cfg(test)]
mod tests {
    /// The front door's cards: each quote in the default templates, in the selection's order,
    /// named as `jinju cards` names them; a template that does not exist is the error.
    #[test]
    fn cards_come_in_order_in_the_default_templates() {
        let text = "# 对话造船人\n\n**海风周刊：你做木船多少年了？**\n\n**陈远：**三十年了。\
            一条船要做半年，急不得。好的木头要等它自己干透，人急了，船就会裂。\n\n\
            **海风周刊：年轻人还学吗？**\n\n**陈远：**学的人少了。可是手上的功夫，\
            总要有人接着做下去，不然就断了。\n";
        let iv = super::load(text, None).unwrap();
        let sel = super::select(&iv, 2).unwrap();
        let ids: Vec<String> = sel.iter().map(|q| q.id).collect();
        assert!(!ids.is_empty());
        let mut names = Vec::new();
        let made = super::cards(&iv, &sel, &[], |card| {
            assert!(card.png.starts_with(b"\x89PNG"));
            names.push(card.name);
            Ok(())
        })
        .unwrap();
        let expected: Vec<String> = ids
            .iter()
            .flat_map(|id| [format!("{id}.portrait.png"), format!("{id}.square.png")])
            .collect();
        assert_eq!((made, &names), (expected.len(), &expected));
        let err = super::cards(&iv, &sel, &["no-such-template"], |_| Ok(())).unwrap_err();
        assert!(err.to_string().contains("no-such-template"), "{err}");
    }
}
