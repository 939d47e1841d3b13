//! Any errata YAML applied to any text: the first NUL byte splits the input into the errata
//! file and the interview. Loading, applying and parsing give a result or an error, never a
//! panic, and the corrected text never exceeds the errata cap.
#![no_main]
use jinju::interview::{ParseOptions, errata, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    let (yaml, text) = data.split_once('\0').unwrap_or((data, ""));
    let Ok(entries) = errata::load(yaml, "errata.yaml") else {
        return;
    };
    if let Ok((corrected, _)) = errata::apply(text, &entries) {
        assert!(corrected.len() <= errata::MAX_CORRECTED_BYTES.max(text.len()));
    }
    let _ = parse(text, &ParseOptions { clean: true, errata: Some(entries), people: Default::default() });
});
