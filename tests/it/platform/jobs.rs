//! `build` makes carousels and the long image from its flags and from a job file's
//! `carousel:` and `long:` keys, into the build's folder beside `cards/`.

use assert_cmd::Command;
use std::fs;

fn paths(m: &serde_json::Value, kind: &str) -> Vec<String> {
    m["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == kind)
        .map(|a| a["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_job_entry_asks_for_carousels_and_the_long_image() {
    let dir = tempfile::tempdir().unwrap();
    let job = "jobs:\n  - auto: 3\n    templates: [portrait]\n    epub: false\n    \
               carousel: [instagram]\n    long: true\n    out: a\n";
    fs::write(dir.path().join("job.yaml"), job).unwrap();
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args(["build", "--quiet", "--format", "json", "--job"])
        .arg(dir.path().join("job.yaml"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ms: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let m = &ms[0];
    let carousel = paths(m, "carousel");
    assert_eq!(carousel.len(), 5, "cover, 3 pages, end card: {carousel:?}");
    assert_eq!(carousel[0], "carousel/instagram/01.png");
    assert_eq!(paths(m, "long"), ["long/01.png"]);
    for p in carousel.iter().chain(&paths(m, "long")) {
        assert!(dir.path().join("a").join(p).is_file(), "{p}");
    }
    // Each carousel page is 4:5, Instagram's portrait.
    assert!(
        m["artifacts"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["kind"] == "carousel")
            .all(|a| a["size"] == serde_json::json!([1080, 1350]))
    );
    let bad = "jobs:\n  - out: x\n    carousel: tiktok\n";
    fs::write(dir.path().join("bad.yaml"), bad).unwrap();
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args(["build", "--job"])
        .arg(dir.path().join("bad.yaml"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("job 1") && err.contains("unknown carousel `tiktok`"),
        "{err}"
    );
}

/// A job entry's card keys go through the flags' checks, and the message names the file, the
/// entry and the key: nothing is built.
#[test]
fn a_job_entry_s_card_keys_are_checked_like_the_flags() {
    let dir = tempfile::tempdir().unwrap();
    for (entry, expect) in [
        (
            "templates: ['-']",
            "job 1: `templates: -`: a template is not read from standard input",
        ),
        (
            "templates: ['  ']",
            "job 1: `templates: \"\"`: a template's name is empty",
        ),
        (
            "carousel: [instagram, tiktok]",
            "job 1: unknown carousel `tiktok`",
        ),
    ] {
        let job = format!("jobs:\n  - auto: 1\n    epub: false\n    {entry}\n    out: a\n");
        fs::write(dir.path().join("job.yaml"), job).unwrap();
        let o = Command::cargo_bin("jinju")
            .unwrap()
            .args(["build", "--quiet", "--job"])
            .arg(dir.path().join("job.yaml"))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{entry}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("job.yaml: job 1: ") && err.contains(expect),
            "{entry}: {err}"
        );
        assert!(
            !dir.path().join("a").exists(),
            "{entry}: something was built"
        );
    }
}
