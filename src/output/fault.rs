//! Fault injection for the recovery tests: `JINJU_TEST_FAULT=swap-io:N`, `swap-kill:N` or
//! `swap-signal:N` makes the swap of outputs fail with an I/O error, die as under SIGKILL
//! (no handler runs), or be interrupted as by SIGINT, just before its step `N` (step `k <
//! files` renames the k-th staged file; step `files` writes the manifest). Honoured only in
//! debug builds (the test builds); a release binary ignores the variable.

/// The variable naming the fault.
pub const VARIABLE: &str = "JINJU_TEST_FAULT";

/// Inject the configured fault, if it is at `step` of the swap.
pub fn at_swap_step(step: usize) -> std::io::Result<()> {
    if !cfg!(debug_assertions) {
        return Ok(());
    }
    let Ok(spec) = std::env::var(VARIABLE) else {
        return Ok(());
    };
    let Some((kind, n)) = spec.split_once(':') else {
        return Ok(());
    };
    if n.parse::<usize>().ok() != Some(step) {
        return Ok(());
    }
    match kind {
        "swap-io" => Err(std::io::Error::other("injected I/O error")),
        "swap-kill" => std::process::abort(),
        "swap-signal" => {
            eprintln!("{}", super::temps::remove_all());
            std::process::exit(130)
        }
        _ => Ok(()),
    }
}
