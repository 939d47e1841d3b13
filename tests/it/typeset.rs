//! The typesetting engine from outside: every rule swept over widths 3–30 em on the test
//! strings of TYPOGRAPHY.md §5, invariants by property tests, the 138-sentence corpus, and
//! the display setting of cards, and the same rules in vertical columns.

pub mod common;
mod corpus;
mod display;
mod phrasing;
mod props;
mod rules;
mod vertical;
mod widths;
