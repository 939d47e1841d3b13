//! jinju's integration tests, one binary with a module per area: the interview model, the
//! selector and automatic selection, the typesetting engine, the cards, the command line, `build`, bad input, the
//! 138 answers through the card back end, the gallery and the EPUB's font in a browser, and
//! real interviews in Markdown, HTML and plain text (readers).
//!
//! `cargo test --test it cards` runs one area; `JINJU_BLESS=1 cargo test --test it cards`
//! regenerates the reference images.

mod answers138;
mod auto;
mod bad_input;
mod book_data_images;
mod book_docx_images;
mod book_fetch;
mod book_images;
mod book_readers;
mod build;
mod cards;
mod cli;
mod clobber;
mod conventions;
mod encodings;
mod epub;
mod fetch_limits;
mod furniture;
mod gallery;
mod image_server;
mod interrupt;
mod interview;
mod limits;
mod messages;
mod people;
mod platform;
mod readers;
mod recovery;
mod run;
mod select;
mod standalone;
mod transcripts;
mod typeset;
mod untrusted;
mod vertical_book;
