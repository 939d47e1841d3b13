//! Any text read as markdown: the reader and the structure return an interview or an error,
//! never panic; the interview's paragraphs hold valid emphasis ranges.
#![no_main]
use jinju::interview::{ParseOptions, parse_as};
use jinju::read::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    let opts = ParseOptions::default();
    if let Ok(iv) = parse_as(data, Format::Markdown, &opts) {
        for p in iv.paragraphs() {
            let n = p.text.chars().count();
            assert!(p.emphasis.iter().all(|[a, b]| a < b && *b <= n));
        }
    }
});
