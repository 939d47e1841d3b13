//! Recovery: a swap of outputs stopped at any step — an I/O error, SIGKILL, SIGINT (driven
//! deterministically by `JINJU_TEST_FAULT`, honoured in debug builds) — is finished by a
//! plain rerun without `--force`; a killed run's leftovers are cleaned by the next run; a
//! `manifest.json` that is not jinju's own for the folder never makes jinju delete a file.

use super::clobber::{assert_manifest_true, jinju, temps_under};
use std::fs;
use std::path::Path;

/// `jinju build` of `texts` into `out`, with `fault` (`None`: a plain run); (exit, stderr).
fn build(out: &Path, texts: &[&str], fault: Option<&str>, extra: &[&str]) -> (i32, String) {
    let mut cmd = jinju();
    cmd.args(["build", "--quiet", "--template", "square", "--scale", "0.3"]);
    for t in texts {
        cmd.args(["--text", t]);
    }
    cmd.args(extra).arg("--out").arg(out);
    match fault {
        Some(f) => cmd.env("JINJU_TEST_FAULT", f),
        None => cmd.env_remove("JINJU_TEST_FAULT"),
    };
    let o = cmd.output().unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Every file under `dir` (relative paths), sorted.
fn files_under(dir: &Path, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap().flatten() {
        let name = format!("{prefix}{}", e.file_name().to_string_lossy());
        if e.path().is_dir() {
            out.extend(files_under(&e.path(), &format!("{name}/")));
        } else {
            out.push(name);
        }
    }
    out.sort();
    out
}

/// The paths the folder's manifest names, with the manifest, sorted.
fn named(dir: &Path) -> Vec<String> {
    let m: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let mut out: Vec<String> = m["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap().to_string())
        .chain(["manifest.json".to_string()])
        .collect();
    out.sort();
    out
}

const FIRST: [&str; 2] = ["慢就是快", "一个开路的人"];
const SECOND: [&str; 3] = ["先行者就是创新者", "慢就是快", "我们说得很好"];

#[test]
fn a_swap_stopped_at_any_step_is_finished_by_a_plain_rerun() {
    for fault in ["swap-io", "swap-kill", "swap-signal"] {
        for step in [0, 1, 3] {
            let dir = tempfile::tempdir().unwrap();
            let out = dir.path().join("out");
            let (code, err) = build(&out, &FIRST, None, &[]);
            assert_eq!(code, 0, "{err}");
            let spec = format!("{fault}:{step}");
            let (code, err) = build(&out, &SECOND, Some(&spec), &[]);
            assert_ne!(code, 0, "{spec}: the fault did not stop the run");
            assert!(!err.contains("panicked"), "{spec}: {err}");
            assert!(
                !out.join("manifest.json").exists(),
                "{spec}: a false manifest"
            );
            assert!(
                out.join("manifest.partial.json").exists(),
                "{spec}: no journal"
            );
            if fault != "swap-kill" {
                assert!(err.contains("run again to finish"), "{spec}: {err}");
            }
            let (code, err) = build(&out, &SECOND, None, &[]);
            assert_eq!(code, 0, "{spec}: the rerun failed: {err}");
            assert_eq!(
                assert_manifest_true(&out),
                5,
                "{spec}: 3 cards, EPUB, gallery"
            );
            assert_eq!(temps_under(&out), Vec::<String>::new(), "{spec}");
            assert_eq!(
                files_under(&out, ""),
                named(&out),
                "{spec}: stale or journal left"
            );
        }
    }
}

#[test]
fn a_killed_runs_leftovers_are_cleaned_and_a_users_kept() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let (code, err) = build(&out, &FIRST, None, &[]);
    assert_eq!(code, 0, "{err}");
    // Killed after staging: a staging folder, the card-entry spill and the journal stay.
    let (code, _) = build(&out, &SECOND, Some("swap-kill:0"), &[]);
    assert_ne!(code, 0);
    assert!(temps_under(&out).len() >= 2, "{:?}", temps_under(&out));
    // A user's file that only looks like jinju's by name is kept.
    fs::write(out.join(".jinju-notes.tmp"), "my notes").unwrap();
    let (code, err) = build(&out, &FIRST, None, &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        temps_under(&out),
        vec![out.join(".jinju-notes.tmp").display().to_string()]
    );
    assert_eq!(fs::read(out.join(".jinju-notes.tmp")).unwrap(), b"my notes");
    assert_manifest_true(&out);
}

#[test]
fn a_foreign_manifest_never_deletes_a_users_file() {
    let dir = tempfile::tempdir().unwrap();
    // A manifest from another folder, made to name the user's file.
    let elsewhere = dir.path().join("elsewhere");
    let (code, err) = build(&elsewhere, &FIRST, None, &[]);
    assert_eq!(code, 0, "{err}");
    let mut m: serde_json::Value =
        serde_json::from_slice(&fs::read(elsewhere.join("manifest.json")).unwrap()).unwrap();
    m["artifacts"][0]["path"] = "notes.txt".into();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("manifest.json"), m.to_string()).unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();
    let (code, err) = build(&out, &SECOND, None, &[]);
    assert_eq!(code, 1, "its manifest.json is not jinju's own here: {err}");
    assert!(
        err.contains("manifest.json") && err.contains("--force"),
        "{err}"
    );
    let (code, err) = build(&out, &SECOND, None, &["--force"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(fs::read(out.join("notes.txt")).unwrap(), b"mine");
    assert!(assert_manifest_true(&out) >= 5);
}
