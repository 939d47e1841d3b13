//! jinju (金句): a long Chinese interview → quote cards (PNG) and an EPUB.
//!
//! The pipeline: parse → model → select → (typeset → raster) | (xhtml → epub) → write.
//!
//! - [`interview`]: text → [`interview::Interview`] (sections, speaker turns, notes, gaps),
//!   with typographic cleaning and errata.
//! - [`select`]: the interview + a selection spec → `Vec<Quote>`.
//! - [`typeset`]: pure Chinese paragraph layout (clreq rules), no pixels.
//! - [`card`]: templates + embedded fonts + typeset lines → PNG quote cards.
//! - [`epub`]: the whole interview → an EPUB 3 book.
#![forbid(unsafe_code)]

pub mod card;
pub mod cli;
pub mod commands;
pub mod epub;
pub mod input_file;
pub mod interview;
pub mod output;
pub mod printable;
pub mod select;
pub mod typeset;
pub mod yaml;
