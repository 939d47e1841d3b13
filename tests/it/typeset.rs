//! The typesetting engine from outside: every rule swept over widths 3–30 em on the test
//! strings of TYPOGRAPHY.md §5, invariants by property tests, and the 138-sentence corpus.

pub mod common;
mod corpus;
mod props;
mod rules;
mod widths;
