//! Any text: the parser returns an interview or an error, never panics; with the bundled
//! errata too.
#![no_main]
use jinju::interview::{ParseOptions, errata, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    let _ = parse(data, &ParseOptions::default());
    let entries = errata::load(errata::DEFAULT_ERRATA, "errata.yaml").ok();
    let _ = parse(data, &ParseOptions { clean: false, errata: entries, people: Default::default() });
});
