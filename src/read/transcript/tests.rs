//! Tests of cue merging and paragraphs.
