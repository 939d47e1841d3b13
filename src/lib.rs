//! jinju (金句): a long Chinese interview → quote cards (PNG) and an EPUB.
//!
//! The pipeline: read → structure → model → select → (typeset → raster) | (xhtml → epub) → write.
//!
//! - [`read`]: Markdown, HTML or plain text → a flat [`read::Document`] (syntax only).
//! - [`interview`]: document → [`interview::Interview`] (title, byline, sections, speakers
//!   and roles, turns, notes, emphasis; boilerplate dropped), with cleaning and errata.
//! - [`select`]: the interview + a selection spec → `Vec<Quote>`.
//! - [`typeset`]: pure Chinese paragraph layout (clreq rules), lines or vertical columns, no pixels.
//! - [`card`]: templates + embedded fonts + typeset lines or columns → PNG quote cards.
//! - [`epub`]: the whole interview → an EPUB 3 book.
#![forbid(unsafe_code)]

pub mod card;
pub mod cli;
pub mod commands;
pub mod epub;
pub mod input_file;
pub mod interview;
pub mod output;
pub mod paint;
pub mod printable;
pub mod read;
pub mod script;
pub mod select;
pub mod typeset;
pub mod version;
pub mod yaml;
