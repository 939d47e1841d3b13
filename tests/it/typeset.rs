//! The typesetting engine from outside: every rule swept over widths 3–30 em on the test
//! strings of TYPOGRAPHY.md §5, invariants by property tests, the 138-sentence corpus, and
//! the display setting of cards.

pub mod common;
mod corpus;
mod display;
mod props;
mod rules;
mod widths;
