//! Running the `jinju` binary from the tests: a command that must succeed, and `jinju cards`
//! into a folder, read back through its manifest.

use assert_cmd::Command;
use std::ffi::OsStr;
use std::path::Path;

/// Runs `jinju` with `args` and asserts it succeeded (its stderr is the failure message).
pub fn succeeds<I, S>(args: I) -> std::process::Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let out = Command::cargo_bin("jinju")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `jinju cards --quiet ARGS --out OUT`; returns the manifest it wrote, less the folder's
/// identity (`"folder"`: no two folders share it).
pub fn cards_manifest<S: AsRef<OsStr>>(out: &Path, args: &[S]) -> serde_json::Value {
    let mut all: Vec<&OsStr> = vec!["cards".as_ref(), "--quiet".as_ref()];
    all.extend(args.iter().map(|a| a.as_ref()));
    all.extend(["--out".as_ref(), out.as_os_str()]);
    succeeds(all);
    let mut m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert!(m["folder"].is_string(), "the manifest records its folder");
    m.as_object_mut().unwrap().remove("folder");
    m
}
