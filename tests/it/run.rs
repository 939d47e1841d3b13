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

/// The `text` of every artifact the manifest in `out` lists (the cards' quotes), in order.
pub fn card_texts(out: &Path) -> Vec<String> {
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    m["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["text"].as_str().map(str::to_string))
        .collect()
}

/// (speaker, text) of every paragraph of `inspect --format json` output that opens a turn.
pub fn opening_turns(iv: &serde_json::Value) -> Vec<(String, String)> {
    iv["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["paragraphs"].as_array().unwrap())
        .filter(|p| p["opens_turn"] == true)
        .map(|p| {
            let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
            (s(&p["speaker"]), s(&p["text"]))
        })
        .collect()
}
