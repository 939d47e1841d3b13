//! Any quotes YAML against the bundled interview: a selection or an error, never a panic.
#![no_main]
use jinju::interview::parse_default;
use jinju::select::{Spec, load, select};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static INTERVIEW: OnceLock<jinju::interview::Interview> = OnceLock::new();

fuzz_target!(|data: &str| {
    let iv = INTERVIEW.get_or_init(|| parse_default().expect("bundled interview parses"));
    if let Ok(file) = load(data, "fuzz.yaml") {
        let spec = Spec::from_file(file, "fuzz.yaml");
        let _ = select(iv, &spec);
    }
});
