//! The EPUB back end: the whole interview as an EPUB 3 book, in memory (issue 6, issue 12).
//!
//! [`build`] is a pure function: interview + selected quotes + options → the bytes of the book.
//! The same input gives a byte-identical book (dates only from what the caller passes, a
//! content-derived identifier, fixed zip stamps). epub-builder writes the package (`crate_package`):
//! metadata, manifest and spine, from the files' names and types only (it gets empty bodies);
//! `archive` zips the book once, reproducibly, with the real files, while `package` and `nav`
//! patch or replace what the crate cannot write (each module says what and why). It owns the metadata (`meta`), the markup
//! (`xhtml`, `inline`, `back`, `nav`) and the font subsets (`font`); it does not touch the
//! filesystem or read the environment (the CLI passes `SOURCE_DATE_EPOCH` through
//! [`BookMeta::source_date_epoch`]).
//!
//! Reading order: cover → title page → 目录 → 导语 → one chapter per section → 金句 → 关于本书.
//! What readers get: EPUB Accessibility 1.1 metadata and DPUB-ARIA roles, an `aut` creator,
//! an NCX and guide for Kindle, editor's notes as pop-up footnotes, and fonts that keep the
//! layout features of Chinese punctuation.

mod archive;
mod back;
mod book;
mod crate_package;
mod credits;
mod figure;
mod font;
mod gap;
mod inline;
mod meta;
mod nav;
mod package;
mod title_page;
mod vertical;
pub(crate) mod xhtml;

#[cfg(test)]
mod tests;

pub use figure::ImageFile;
pub use font::{BOOK_BOLD, BOOK_REGULAR, LAYOUT_FEATURES};
pub use gap::{GAP, spaced};
pub use inline::{escape, text_content};
pub use meta::{BookMeta, DEFAULT_LANGUAGE, MAX_EPOCH, is_web_link};

use crate::interview::Interview;
use crate::select::Quote;
use std::borrow::Cow;

/// The stylesheet of the book, embedded; the `@font-face` rules go in at its mark.
pub const STYLESHEET: &str = include_str!("../../templates/epub/style.css");

/// The rules a vertical book adds after [`STYLESHEET`], embedded.
pub const VERTICAL_STYLESHEET: &str = include_str!("../../templates/epub/vertical.css");

/// The CSS family name the embedded font is declared under (first in the font stack).
pub const FONT_FAMILY: &str = "Jinju Text";

/// How to build the book.
#[derive(Debug, Clone, Default)]
pub struct EpubOptions {
    /// The cover image (a rendered card), PNG bytes. `None`: no cover.
    pub cover_png: Option<Vec<u8>>,
    /// The quote on the cover, for its alt text.
    pub cover_quote: Option<String>,
    /// The text font to embed (OTF/TTF/TTC bytes, e.g. [`BOOK_REGULAR`], borrowed: the
    /// bundled faces are not copied); it is subset to the characters the book uses. `None`:
    /// no font is embedded and readers use their own.
    pub font: Option<Cow<'static, [u8]>>,
    /// The bold face of the same family (questions, speaker labels, headings), subset the same
    /// way. `None`: readers embolden the regular face.
    pub font_bold: Option<Cow<'static, [u8]>>,
    /// Which face of a font collection (`.ttc`) to embed, for both weights; 0 for a single font.
    pub font_index: u32,
    /// The body keeps the source's ASCII punctuation; 关于本书 shows corrections the same way.
    pub keep_punctuation: bool,
    /// Vertical writing (竖排): `writing-mode: vertical-rl`, pages right to left
    /// (`page-progression-direction="rtl"`), digits upright in short runs.
    pub vertical: bool,
    /// Title, creators, language, dates, source: what the book says about itself.
    pub meta: BookMeta,
    /// The files of the interview's images (`Interview::figures`), in the same order;
    /// `None` (or a missing entry): the image could not be had, a placeholder stands in.
    pub figures: Vec<Option<ImageFile>>,
}

/// Why a book could not be built.
#[derive(Debug, thiserror::Error)]
pub enum EpubError {
    /// The cover bytes are not a PNG image.
    #[error("the cover is not a png image (it must start with the png signature)")]
    CoverNotPng,
    /// The cover could not be made.
    #[error("{0}")]
    Cover(String),
    /// The text font could not be read.
    #[error("could not read the text font: {0}")]
    Font(String),
    /// The text font could not be subset.
    #[error("could not subset the text font: {0}")]
    FontSubset(String),
    /// `SOURCE_DATE_EPOCH` is outside what a book can carry.
    #[error(
        "SOURCE_DATE_EPOCH={0} is out of range: give seconds since 1970-01-01 (0 to 253402300799), e.g. 1767830400"
    )]
    Date(i64),
    /// The book's date is not a calendar date.
    #[error("the date {0:?} is not a date: write YYYY-MM-DD (or YYYY-MM, YYYY), e.g. 2026-01-08")]
    BadDate(String),
    /// The language is not a language tag.
    #[error("the language {0:?} is not a BCP 47 language tag: write e.g. zh-CN, zh-TW or en")]
    Language(String),
    /// epub-builder could not assemble the book.
    #[error("could not assemble the epub: {0}")]
    Assemble(#[from] epub_builder::Error),
    /// The crate's package, nav or NCX did not look as expected, so a patch did not apply.
    #[error("could not patch the epub's {0}: epub-builder wrote something unexpected")]
    Patch(&'static str),
    /// Writing the zip archive failed.
    #[error("could not write the epub archive: {0}")]
    Zip(#[from] zip::result::ZipError),
    /// An in-memory read or write failed.
    #[error("could not write the epub archive: {0}")]
    Io(#[from] std::io::Error),
}

/// Compile, ahead of a book, the pattern its metadata always uses (the byline's credit
/// labels), as [`crate::interview::compile_patterns`] does for the parse.
pub fn compile_patterns() {
    std::sync::LazyLock::force(&credits::CREDIT);
}

/// Build the EPUB of `interview`, with `quotes` gathered in the 金句 chapter and
/// [`EpubOptions::cover_png`] as its cover.
pub fn build(
    interview: &Interview,
    quotes: &[Quote],
    opts: &EpubOptions,
) -> Result<Vec<u8>, EpubError> {
    build_with_cover(interview, quotes, opts, || Ok(opts.cover_png.clone()))
}

/// [`build`] with the cover made by `cover` (a PNG, or `None` for no cover; an error message
/// otherwise), run while the fonts are subset.
pub fn build_with_cover(
    interview: &Interview,
    quotes: &[Quote],
    opts: &EpubOptions,
    cover: impl FnOnce() -> Result<Option<Vec<u8>>, String> + Send,
) -> Result<Vec<u8>, EpubError> {
    let meta = opts.meta.resolve(interview)?;
    book::assemble(interview, quotes, opts, &meta, cover)
}
