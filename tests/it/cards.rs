//! The card back end from outside: every preset renders without clipping, output is
//! deterministic and carries alt text, errors are clear, quotes are sized by length with
//! legible credits, vertical cards draw columns from the right with Latin turned, and four
//! presets (two of them vertical) match reference images (`JINJU_BLESS=1 cargo test
//! --test it cards` regenerates them).

pub mod common;
mod composition;
mod design;
mod errors;
mod presets;
mod reference;
mod scripts;
mod vertical;
