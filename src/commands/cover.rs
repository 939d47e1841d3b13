//! The EPUB's cover: the book's title and the guest drawn on the `book-cover` template
//! (large enough to read at shelf size; no quote, which could not be). A character no font has is left out of the cover image and a title too long
//! for it is shortened there (with a warning); the book keeps both whole.

use super::produce::{CardSettings, fonts};
use crate::card::{self, Encoding, ImageFormat, RenderOptions, Template};
use crate::interview::Interview;
use crate::select::{self, Quote, QuoteKind};
use anyhow::Context;

/// The EPUB cover's template: the title leads, the quote is secondary.
const BOOK_COVER: &str = include_str!("../../templates/cards/book-cover.yaml");

/// The quote on the EPUB's cover: the one `defaults.cover` names, else the first quote from
/// the interview; none when there is none.
pub fn cover_quote(quotes: &[Quote], cover_id: Option<&str>) -> anyhow::Result<Option<String>> {
    let chosen = match cover_id {
        Some(id) => Some(
            quotes
                .iter()
                .find(|q| q.id == id)
                .with_context(|| format!("the cover quote `{id}` is not in the selection"))?,
        ),
        None => quotes.iter().find(|q| q.kind != QuoteKind::Adhoc),
    };
    Ok(chosen.map(|q| q.text.trim().to_string()))
}

/// The most characters of a long title the EPUB cover shows.
const COVER_TITLE_CHARS: usize = 40;

/// The EPUB's cover: the title and the guest on the `book-cover` template.
pub fn cover(iv: &Interview, s: &CardSettings, title: &str) -> anyhow::Result<Vec<u8>> {
    let t = Template::parse(BOOK_COVER, "templates/cards/book-cover.yaml", None)?;
    let book = fonts(s)?;
    let opts = RenderOptions {
        scale: 1.0,
        // The EPUB cover is a PNG whatever format the cards are.
        encoding: Encoding {
            format: ImageFormat::Png,
            ..s.encoding
        },
        ..RenderOptions::default()
    };
    // The guests by the names a card prints (a role label nothing names is left out).
    let guests = iv.names_by_role(crate::interview::Role::Guest).join("、");
    let render = |title: &str| {
        let mut card = select::adhoc(title, &guests);
        card.attribution = Some(guests.clone());
        card::render(&card, &t, &book, &opts)
    };
    // A character no font has is left out of the cover image (the book keeps the title); a
    // title too long for the cover is shortened on it.
    let drawn = card::drawable_quote(title, &t, &book)?;
    let rendered = match render(&drawn) {
        Err(card::Error::DoesNotFit { .. } | card::Error::TooLong { .. }) => {
            let short: String = drawn.chars().take(COVER_TITLE_CHARS).collect();
            eprintln!(
                "warning: the title is too long for the EPUB cover; the cover shows its first \
                 {COVER_TITLE_CHARS} characters (the book keeps it whole)"
            );
            render(&format!("{}…", short.trim_end()))
        }
        other => other,
    };
    Ok(rendered.context("cannot render the EPUB cover")?.bytes)
}
