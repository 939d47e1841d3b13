//! The EPUB back end: the whole interview as an EPUB 3 book, in memory (issue 6).
//!
//! [`build`] is a pure function: interview + selected quotes + options → the bytes of the book.
//! The same input gives a byte-identical book (fixed dates, a content-derived identifier, zip
//! entries re-stamped). It owns the markup ([`xhtml`], `back`), the packaging (`book`,
//! `repack`) and the font subsets (`font`); it does not touch the filesystem or read the
//! environment (the CLI passes `SOURCE_DATE_EPOCH` through [`EpubOptions::source_date_epoch`]).
//!
//! Reading order: cover → title page → 目录 → 导语 → one chapter per section → 金句 → 关于本书.

mod back;
mod book;
mod font;
mod repack;
pub mod xhtml;

#[cfg(test)]
mod tests;

use crate::interview::Interview;
use crate::select::Quote;
use chrono::{DateTime, Utc};

/// The stylesheet of the book, embedded; the `@font-face` rule is prepended when a font is.
pub const STYLESHEET: &str = include_str!("../../templates/epub/style.css");

/// The CSS family name the embedded font is declared under (first in the font stack).
pub const FONT_FAMILY: &str = "Jinju Text";

/// The date used when no `SOURCE_DATE_EPOCH` is given: 2026-01-08T00:00:00Z, the listing day
/// the bundled interview speaks of. Never "now", so two builds are identical.
pub const DEFAULT_SOURCE_DATE_EPOCH: i64 = 1_767_830_400;

/// How to build the book.
#[derive(Debug, Clone)]
pub struct EpubOptions {
    /// The cover image (a rendered quote card), PNG bytes. `None`: no cover.
    pub cover_png: Option<Vec<u8>>,
    /// The text font to embed (OTF/TTF/TTC bytes); it is subset to the characters the book
    /// uses. `None`: no font is embedded and readers use their own.
    pub font: Option<Vec<u8>>,
    /// The bold face of the same family (questions, speaker labels, headings), subset the same
    /// way. `None`: readers embolden the regular face.
    pub font_bold: Option<Vec<u8>>,
    /// Which face of a font collection (`.ttc`) to embed, for both weights; 0 for a single font.
    pub font_index: u32,
    /// Seconds since the Unix epoch for the book's dates and its zip entries
    /// (`SOURCE_DATE_EPOCH`). `None`: [`DEFAULT_SOURCE_DATE_EPOCH`].
    pub source_date_epoch: Option<i64>,
    /// Where the interview comes from, for 关于本书. `None`: a generic sentence.
    pub source_note: Option<String>,
    /// `dc:subject` entries.
    pub subjects: Vec<String>,
}

impl Default for EpubOptions {
    fn default() -> Self {
        EpubOptions {
            cover_png: None,
            font: None,
            font_bold: None,
            font_index: 0,
            source_date_epoch: None,
            source_note: None,
            subjects: vec!["访谈".to_string()],
        }
    }
}

/// Why a book could not be built.
#[derive(Debug, thiserror::Error)]
pub enum EpubError {
    /// The cover bytes are not a PNG image.
    #[error("the cover is not a png image (it must start with the png signature)")]
    CoverNotPng,
    /// The text font could not be read.
    #[error("could not read the text font: {0}")]
    Font(String),
    /// The text font could not be subset.
    #[error("could not subset the text font: {0}")]
    FontSubset(String),
    /// The date is outside what a book can carry.
    #[error("source date epoch {0} is out of range (give seconds since 1970, e.g. 1767830400)")]
    Date(i64),
    /// epub-builder failed to assemble the book.
    #[error("could not assemble the epub: {0}")]
    Assemble(#[from] epub_builder::Error),
    /// Re-packing the zip archive failed.
    #[error("could not write the epub archive: {0}")]
    Zip(#[from] zip::result::ZipError),
    /// epub-builder's output no longer has what the package patches (a crate upgrade?).
    #[error("internal error: could not patch `{0}` in epub-builder's output (pinned =0.8.2?)")]
    Patch(&'static str),
    /// An in-memory read or write failed.
    #[error("could not write the epub archive: {0}")]
    Io(#[from] std::io::Error),
}

/// Build the EPUB of `interview`, with `quotes` gathered in the 金句 chapter.
pub fn build(
    interview: &Interview,
    quotes: &[Quote],
    opts: &EpubOptions,
) -> Result<Vec<u8>, EpubError> {
    if let Some(png) = &opts.cover_png
        && !png.starts_with(b"\x89PNG\r\n\x1a\n")
    {
        return Err(EpubError::CoverNotPng);
    }
    let epoch = opts.source_date_epoch.unwrap_or(DEFAULT_SOURCE_DATE_EPOCH);
    let date: DateTime<Utc> = DateTime::from_timestamp(epoch, 0).ok_or(EpubError::Date(epoch))?;

    // The bold face only comes with a regular one.
    let faces: Vec<(&[u8], font::Weight)> = match (&opts.font, &opts.font_bold) {
        (Some(regular), bold) => std::iter::once((regular.as_slice(), font::Weight::Regular))
            .chain(bold.as_deref().map(|b| (b, font::Weight::Bold)))
            .collect(),
        (None, _) => Vec::new(),
    };
    let about = back::About {
        source_note: opts.source_note.clone(),
        fonts: faces
            .iter()
            .map(|(bytes, _)| font::describe(bytes, opts.font_index))
            .collect::<Result<_, _>>()?,
    };
    let pages = xhtml::pages(interview, quotes, &about, opts.cover_png.is_some());

    let chars = font::chars_of(&pages, book::TOC_NAME);
    let subsets = faces
        .iter()
        .map(|&(bytes, weight)| font::subset(bytes, opts.font_index, &chars, weight))
        .collect::<Result<Vec<_>, _>>()?;
    let mut css: String = subsets
        .iter()
        .map(|s| font::font_face(FONT_FAMILY, s))
        .collect();
    css.push_str(STYLESHEET);

    let (raw, patches) = book::assemble(&book::Parts {
        interview,
        pages: &pages,
        css: &css,
        fonts: &subsets,
        cover_png: opts.cover_png.as_deref(),
        date,
        subjects: &opts.subjects,
    })?;
    repack::repack(&raw, date, &patches)
}
