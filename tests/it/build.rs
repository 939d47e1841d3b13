//! `jinju build` end to end: the files it promises, the manifest's truth, determinism, batch
//! jobs.

use assert_cmd::Command;
use sha2::{Digest, Sha256};
use std::fs;
use std::path::Path;

fn jinju() -> Command {
    Command::cargo_bin("jinju").unwrap()
}

fn build(out: &Path, extra: &[&str]) -> serde_json::Value {
    let o = jinju()
        .args(["build", "--quiet", "--format", "json", "--out"])
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn build_writes_cards_book_manifest_and_gallery_truthfully() {
    let dir = tempfile::tempdir().unwrap();
    let m = build(dir.path(), &[]);
    let on_disk: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("manifest.json")).unwrap()).unwrap();
    assert_eq!(m, on_disk, "stdout and manifest.json agree");
    let artifacts = m["artifacts"].as_array().unwrap();
    let cards: Vec<_> = artifacts.iter().filter(|a| a["kind"] == "card").collect();
    assert!(cards.len() >= 2 * 17, "{} cards", cards.len());
    assert_eq!(artifacts.iter().filter(|a| a["kind"] == "epub").count(), 1);
    assert_eq!(
        artifacts.iter().filter(|a| a["kind"] == "gallery").count(),
        1
    );
    for a in artifacts {
        let bytes = fs::read(dir.path().join(a["path"].as_str().unwrap())).unwrap();
        assert_eq!(bytes.len() as u64, a["bytes"].as_u64().unwrap());
        let sha: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(sha, a["sha256"].as_str().unwrap(), "{}", a["path"]);
    }
    let html = fs::read_to_string(dir.path().join("index.html")).unwrap();
    for c in &cards {
        assert!(html.contains(c["path"].as_str().unwrap()));
    }
    // Every card is named <id>.<template>.png and its lines give its text back.
    for c in &cards {
        let name = format!(
            "cards/{}.{}.png",
            c["quote"].as_str().unwrap(),
            c["template"].as_str().unwrap()
        );
        assert_eq!(c["path"].as_str().unwrap(), name);
        let lines: String = c["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        assert_eq!(lines, c["text"].as_str().unwrap());
    }
    // No temp file is left.
    let leftovers: Vec<_> = fs::read_dir(dir.path().join("cards"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".jinju-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn two_builds_are_byte_identical() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let ma = build(a.path(), &["--template", "square"]);
    let mb = build(b.path(), &["--template", "square", "--jobs", "1"]);
    let shas = |m: &serde_json::Value| {
        m["artifacts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| (x["path"].clone(), x["sha256"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(shas(&ma), shas(&mb));
}

#[test]
fn a_batch_job_runs_every_entry() {
    let dir = tempfile::tempdir().unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/two_sections.txt");
    fs::copy(&data, dir.path().join("other.txt")).unwrap();
    let job = "jobs:\n  - auto: 3\n    templates: [landscape]\n    epub: false\n    out: a\n  - input: other.txt\n    auto: 2\n    templates: [square]\n    out: b\n";
    fs::write(dir.path().join("job.yaml"), job).unwrap();
    let o = jinju()
        .args(["build", "--quiet", "--format", "json", "--job"])
        .arg(dir.path().join("job.yaml"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ms: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(ms.as_array().unwrap().len(), 2);
    let a: Vec<_> = fs::read_dir(dir.path().join("a/cards"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().into_string().unwrap())
        .collect();
    assert_eq!(a.len(), 3);
    assert!(a.iter().all(|n| n.ends_with(".landscape.png")));
    assert!(
        !fs::read_dir(dir.path().join("a"))
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().ends_with(".epub"))
    );
    assert_eq!(ms[1]["title"], "一场关于长跑的对话：慢就是快？");
    assert!(
        dir.path()
            .join("b/一场关于长跑的对话-慢就是快.epub")
            .exists()
    );
    let bad = "jobs:\n  - out: x\n    tempaltes: [square]\n";
    fs::write(dir.path().join("bad.yaml"), bad).unwrap();
    let o = jinju()
        .args(["build", "--job"])
        .arg(dir.path().join("bad.yaml"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("bad.yaml:3:5: jobs[0]: unknown field `tempaltes`"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn jobs_must_be_at_least_one() {
    let dir = tempfile::tempdir().unwrap();
    let o = jinju()
        .args(["build", "--jobs", "0", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--jobs 0"));
}

/// A job file is checked before the first job is built: a missing input in the last job or
/// two jobs writing to one folder fail at once and build nothing.
#[test]
fn jobs_are_checked_before_any_is_built() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        include_str!("../data/two_sections.txt"),
    )
    .unwrap();
    for (job, expect) in [
        (
            "jobs:\n  - input: a.txt\n    auto: 1\n    epub: false\n    out: a\n  - input: missing.txt\n    auto: 1\n    out: b\n",
            "job 2: input",
        ),
        (
            "jobs:\n  - input: a.txt\n    auto: 1\n    epub: false\n    out: a\n  - input: a.txt\n    auto: 2\n    epub: false\n    out: ./a\n",
            "jobs 1 and 2 both write",
        ),
    ] {
        std::fs::write(dir.path().join("job.yaml"), job).unwrap();
        let o = assert_cmd::Command::cargo_bin("jinju")
            .unwrap()
            .args(["build", "--quiet", "--job"])
            .arg(dir.path().join("job.yaml"))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(
            err.contains(expect) && err.contains("no job was built"),
            "{err}"
        );
        assert!(!dir.path().join("a").exists(), "the first job was built");
    }
}
