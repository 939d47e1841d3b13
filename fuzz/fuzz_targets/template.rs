//! Any template YAML: a template or an error, never a panic (file references resolve against
//! an empty folder, so nothing outside is read).
#![no_main]
use jinju::card::Template;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    let _ = Template::parse(data, "fuzz.yaml", Some(std::path::Path::new("/nonexistent-jinju-fuzz")));
});
