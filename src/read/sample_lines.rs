//! The lines of the shared sample interviews (`../shared/content/samples`), trimmed, with a
//! test's own shapes: what the tests of the literal gates in front of the reading patterns
//! run over (a gate must never refuse a line its pattern matches).

/// `own`, and with `shared` every line of every shared sample after it (which needs
/// `../shared`: a gate test runs its own lines everywhere and the samples under `.ci/run`).
pub fn lines(own: &[&str], shared: bool) -> Vec<String> {
    if !shared {
        return own.iter().map(|s| s.to_string()).collect();
    }
    with_samples(own)
}

/// `own` followed by every line of every shared sample.
fn with_samples(own: &[&str]) -> Vec<String> {
    let samples =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/content/samples");
    let mut lines: Vec<String> = own.iter().map(|s| s.to_string()).collect();
    let entries = std::fs::read_dir(&samples).expect("the shared samples");
    for entry in entries.flatten() {
        if let Ok(text) = std::fs::read_to_string(entry.path()) {
            lines.extend(text.lines().map(|l| l.trim().to_string()));
        }
    }
    lines
}

/// The two tests of a gate, in a module named `$name`: `own_lines` runs `$check(false)` (the
/// test's own lines) everywhere; `over_the_shared_samples` runs `$check(true)`, which needs
/// `../shared` (`.ci/run` runs it).
macro_rules! gate_tests {
    ($name:ident => $check:ident) => {
        mod $name {
            #[test]
            fn own_lines() {
                super::$check(false);
            }

            #[test]
            #[ignore = "needs ../shared"]
            fn over_the_shared_samples() {
                super::$check(true);
            }
        }
    };
}
pub(crate) use gate_tests;
