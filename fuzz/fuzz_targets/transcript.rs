//! Any text read as SRT, WebVTT and a transcript export: the readers and the structure
//! return an interview or an error, never panic; paragraphs hold valid emphasis ranges and
//! every stated speaker is one of the interview's speakers.
#![no_main]
use jinju::interview::{ParseOptions, parse_as};
use jinju::read::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    let opts = ParseOptions::default();
    for format in [Format::Srt, Format::Vtt, Format::Transcript] {
        if let Ok(iv) = parse_as(data, format, &opts) {
            for p in iv.paragraphs() {
                let n = p.text.chars().count();
                assert!(p.emphasis.iter().all(|[a, b]| a < b && *b <= n));
                if let Some(s) = &p.speaker {
                    assert!(iv.speakers.contains(s), "{s} is no speaker");
                }
            }
        }
    }
});
