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
//!
//! [`pipeline`] joins the stages for an embedder, with the command line's defaults:
//!
//! ```
//! let text = "# 对话造船人\n\n**海风周刊：你做木船多少年了？**\n\n**陈远：**三十年了。\
//!     一条船要做半年，急不得。好的木头要等它自己干透，人急了，船就会裂。\n";
//! let interview = jinju::pipeline::load(text, None)?;
//! let quotes = jinju::pipeline::select(&interview, 3)?;
//! let mut cards = Vec::new();
//! jinju::pipeline::cards(&interview, &quotes, &["square"], |card| {
//!     cards.push(card);
//!     Ok(())
//! })?;
//! let book = jinju::pipeline::book(&interview, &quotes)?;
//! assert!(cards[0].png.starts_with(b"\x89PNG") && book.starts_with(b"PK"));
//! # Ok::<(), anyhow::Error>(())
//! ```
#![forbid(unsafe_code)]

// The public API: the pipeline and its settings, and the stages an embedder may call one by
// one (listed in README's "Library" section).
pub mod card;
pub mod epub;
pub mod interview;
pub mod pipeline;
pub mod read;
pub mod select;
pub mod settings;
pub mod typeset;

// The command line: owned by the `jinju` binary (src/main.rs), which is its only user. It
// stays in the library, hidden from the docs, because the commands reach every stage through
// `crate::` paths: moved into the binary, all of those internals would have to be public.
#[doc(hidden)]
pub mod cli;
#[doc(hidden)]
pub mod commands;
#[doc(hidden)]
pub mod output;
#[doc(hidden)]
pub mod paint;
#[doc(hidden)]
pub mod printable;

mod input_file;
mod script;
mod version;
mod yaml;
