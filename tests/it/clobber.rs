//! Never lose a user's file: outputs onto the run's inputs, devices, links and files jinju
//! did not write are refused; a failed run (a blocked card, a full disk, a second run at
//! once) leaves the previous manifest true to the files; output stays in the folder named.

use assert_cmd::Command;
use sha2::{Digest, Sha256};
use std::fs;
use std::path::Path;

const INTERVIEW: &str = include_str!("../data/two_sections.txt");

pub fn jinju() -> Command {
    Command::cargo_bin("jinju").unwrap()
}

/// Run jinju; (exit code, stderr).
pub fn run(args: &[&str]) -> (i32, String) {
    let o = jinju().args(args).output().unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Every file the folder's manifest names exists with its sha256 (true when there is no
/// manifest: none is as good as a true one). Returns the number of files named.
pub fn assert_manifest_true(dir: &Path) -> usize {
    let Ok(text) = fs::read(dir.join("manifest.json")) else {
        return 0;
    };
    let m: serde_json::Value = serde_json::from_slice(&text).unwrap();
    let artifacts = m["artifacts"].as_array().unwrap();
    for a in artifacts {
        let path = dir.join(a["path"].as_str().unwrap());
        let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            sha(&bytes),
            a["sha256"].as_str().unwrap(),
            "{}",
            path.display()
        );
    }
    artifacts.len()
}

/// Temp files or staging folders left anywhere under `dir`.
pub fn temps_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with(".jinju-") {
                out.push(e.path().display().to_string());
            } else if e.path().is_dir() {
                out.extend(temps_under(&e.path()));
            }
        }
    }
    out
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn the_epub_is_never_written_over_its_own_input() {
    let dir = tempfile::tempdir().unwrap();
    let my = dir.path().join("my.txt");
    fs::write(&my, INTERVIEW).unwrap();
    for force in [false, true] {
        let mut args = vec!["epub", "-i", s(&my), "--auto", "2", "-o", s(&my)];
        if force {
            args.push("--force");
        }
        let (code, err) = run(&args);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains("one of this run's inputs"), "{err}");
        assert_eq!(fs::read_to_string(&my).unwrap(), INTERVIEW);
    }
    // Through another name (a hard link) too.
    let other = dir.path().join("other-name.txt");
    fs::hard_link(&my, &other).unwrap();
    let (code, err) = run(&["epub", "-i", s(&my), "--auto", "2", "-o", s(&other)]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(fs::read_to_string(&my).unwrap(), INTERVIEW);
}

#[cfg(unix)]
#[test]
fn devices_links_and_other_files_are_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = run(&["epub", "--auto", "1", "-o", "/dev/null"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("device"), "{err}");
    let target = dir.path().join("target.txt");
    fs::write(&target, "keep").unwrap();
    let link = dir.path().join("book.epub");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (code, err) = run(&["epub", "--auto", "1", "-o", s(&link), "--force"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(fs::read_to_string(&target).unwrap(), "keep");
    // A plain file that is not an EPUB needs --force; an EPUB is replaced.
    let notes = dir.path().join("notes.epub");
    fs::write(&notes, "my notes").unwrap();
    let (code, err) = run(&["epub", "--auto", "1", "-o", s(&notes)]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(fs::read_to_string(&notes).unwrap(), "my notes");
    let (code, err) = run(&["epub", "--auto", "1", "-o", s(&notes), "--force"]);
    assert_eq!(code, 0, "{err}");
    let (code, err) = run(&["epub", "--auto", "2", "-o", s(&notes)]);
    assert_eq!(code, 0, "an EPUB is replaced: {err}");
}

#[test]
fn a_users_own_files_in_the_output_folder_are_kept_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("index.html"), "mine").unwrap();
    let build = |extra: &[&str]| {
        let mut args = vec!["build", "--quiet", "--text", "慢就是快", "--out", s(&out)];
        args.extend(extra);
        run(&args)
    };
    let (code, err) = build(&[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("index.html") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "mine");
    assert!(!out.join("manifest.json").exists());
    assert_eq!(temps_under(&out), Vec::<String>::new());
    let (code, err) = build(&["--force"]);
    assert_eq!(code, 0, "{err}");
    // Now jinju's own: a plain rebuild replaces it.
    let (code, err) = build(&[]);
    assert_eq!(code, 0, "{err}");
    assert!(assert_manifest_true(&out) >= 3);
}

#[test]
fn a_run_that_fails_part_way_leaves_the_previous_manifest_true() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let texts = ["慢就是快", "一个开路的人", "先行者就是创新者"];
    let cards = |scale: &str, n: usize| {
        let mut args = vec!["cards", "--quiet", "--template", "square", "--scale", scale];
        for t in &texts[..n] {
            args.extend(["--text", t]);
        }
        args.extend(["--out", s(&out)]);
        run(&args)
    };
    let (code, err) = cards("0.5", 2);
    assert_eq!(code, 0, "{err}");
    assert_eq!(assert_manifest_true(&out), 2);
    // The third card's path is blocked by a folder: the run fails after rendering (and, in
    // a write-as-you-go design, after replacing the first two cards).
    let o = jinju()
        .args(["quotes", "--format", "json", "--text", texts[2]])
        .output()
        .unwrap();
    let q: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let blocked = out.join(format!("{}.square.png", q[0]["id"].as_str().unwrap()));
    fs::create_dir(&blocked).unwrap();
    let (code, err) = cards("0.6", 3);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("folder"), "{err}");
    assert_eq!(
        assert_manifest_true(&out),
        2,
        "the old manifest still holds"
    );
    assert_eq!(temps_under(&out), Vec::<String>::new());
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_leaves_the_previous_manifest_true() {
    // A 1 MiB tmpfs where the test may mount one (root), else an injected failure part way
    // (a missing glyph in the last card): either way the run fails after staging cards.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("small");
    fs::create_dir(&out).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(&out)
        .output()
        .is_ok_and(|o| o.status.success());
    struct Unmount<'a>(&'a Path, bool);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            if self.1 {
                let _ = std::process::Command::new("umount").arg(self.0).status();
            }
        }
    }
    let _guard = Unmount(&out, mounted);
    let (code, err) = run(&[
        "cards",
        "--quiet",
        "--text",
        "慢就是快",
        "--scale",
        "0.5",
        "--out",
        s(&out),
    ]);
    assert_eq!(code, 0, "{err}");
    let lines = dir.path().join("lines.txt");
    let many: String = (0..150)
        .map(|i| format!("第{i}句：慢就是快，快就是慢。\n"))
        .collect();
    // Without the small disk, a character no font has fails the run after many cards.
    let last = if mounted { "" } else { "\u{2CEB0}\n" };
    fs::write(&lines, format!("慢就是快\n{many}{last}")).unwrap();
    let (code, err) = run(&[
        "cards",
        "--quiet",
        "--strict",
        "--lines",
        s(&lines),
        "--out",
        s(&out),
    ]);
    assert_eq!(code, 1, "{err}");
    if mounted {
        assert!(err.contains("No space left"), "{err}");
    }
    assert_eq!(
        assert_manifest_true(&out),
        2,
        "card + the old manifest's count"
    );
    assert_eq!(temps_under(&out), Vec::<String>::new());
}

#[test]
fn concurrent_runs_on_one_folder_never_leave_a_false_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    for round in 0..6 {
        let scale = format!("0.{}", 3 + round % 2);
        let spawn = |text: &str| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("jinju"))
                .args(["cards", "--quiet", "--text", text, "--text", "一个开路的人"])
                .args(["--scale", &scale, "--out", s(&out)])
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn("慢就是快"), spawn("快就是慢"));
        for child in [a, b] {
            let o = child.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(
                o.status.success() || err.contains("another jinju run"),
                "round {round}: {err}"
            );
        }
        assert!(assert_manifest_true(&out) >= 2, "round {round}");
        assert_eq!(temps_under(&out), Vec::<String>::new());
    }
}

#[cfg(unix)]
#[test]
fn output_stays_inside_the_folder_named() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    for out in [link.clone(), link.join("sub/out")] {
        let (code, err) = run(&["cards", "--quiet", "--text", "慢就是快", "--out", s(&out)]);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains("symbolic link"), "{err}");
    }
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
    let jobs = dir.path().join("jobs");
    fs::create_dir(&jobs).unwrap();
    let abs = dir.path().join("abs");
    for bad in ["../../x", abs.to_str().unwrap()] {
        let job = jobs.join("job.yaml");
        fs::write(&job, format!("jobs:\n  - out: \"{bad}\"\n    auto: 1\n")).unwrap();
        let (code, err) = run(&["build", "--quiet", "--job", s(&job)]);
        assert_eq!(code, 1, "{bad}: {err}");
        assert!(err.contains("outside the job file's folder"), "{err}");
    }
    assert!(!abs.exists());
    let (code, err) = run(&[
        "build",
        "--quiet",
        "--job",
        s(&jobs.join("job.yaml")),
        "--allow-absolute-paths",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(assert_manifest_true(&abs) >= 2);
}

#[test]
fn cards_of_earlier_runs_are_removed_and_other_files_kept() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let (code, err) = run(&[
        "cards",
        "--quiet",
        "--text",
        "慢就是快",
        "--text",
        "一个开路的人",
        "--out",
        s(&out),
    ]);
    assert_eq!(code, 0, "{err}");
    fs::write(out.join("notes.txt"), "mine").unwrap();
    let before = fs::read_dir(&out).unwrap().count();
    let (code, err) = run(&["cards", "--quiet", "--text", "慢就是快", "--out", s(&out)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(assert_manifest_true(&out), 2);
    assert_eq!(
        fs::read_dir(&out).unwrap().count(),
        before - 2,
        "the second quote's cards went"
    );
    assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
}

#[test]
fn a_run_inside_another_runs_folder_is_refused_and_that_manifest_stays_true() {
    let dir = tempfile::tempdir().unwrap();
    let build = dir.path().join("book");
    let (code, err) = run(&["build", "--auto", "2", "--out", s(&build)]);
    assert_eq!(code, 0, "{err}");
    let manifest = fs::read(build.join("manifest.json")).unwrap();
    let cards: Vec<_> = fs::read_dir(build.join("cards"))
        .unwrap()
        .map(|e| fs::read(e.unwrap().path()).unwrap())
        .collect();
    // Re-rendering the build's cards in its cards folder would leave its checksums stale.
    let inner = build.join("cards");
    let (code, err) = run(&[
        "cards",
        "--auto",
        "2",
        "--template",
        "square",
        "--out",
        s(&inner),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("inside the output of another jinju run"),
        "{err}"
    );
    assert_eq!(fs::read(build.join("manifest.json")).unwrap(), manifest);
    let after: Vec<_> = fs::read_dir(&inner)
        .unwrap()
        .map(|e| fs::read(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(after, cards, "the build's cards are untouched");
    // A folder beside the build's own files is free.
    let beside = build.join("more");
    let (code, err) = run(&["cards", "--auto", "1", "--out", s(&beside)]);
    assert_eq!(code, 0, "{err}");
}
