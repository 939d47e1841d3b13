//! Signals: SIGINT, SIGTERM and SIGHUP, alone or in a storm, at any point of a long run,
//! leave no temp file, exit 130, and the message tells the truth about the output folder.

use super::clobber::{assert_manifest_true, temps_under};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::Duration;

/// Every file under `dir` with its bytes' length and first bytes (a cheap snapshot).
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(snapshot(&p));
            } else if let Ok(bytes) = fs::read(&p) {
                out.insert(p.display().to_string(), bytes);
            }
        }
    }
    out
}

#[cfg(unix)]
#[test]
fn a_signal_storm_leaves_no_temp_and_the_message_is_true() {
    let dir = tempfile::tempdir().unwrap();
    let lines = dir.path().join("lines.txt");
    let text: String = (0..5000)
        .map(|i| format!("第{i}句，我们说得很好。\n"))
        .collect();
    fs::write(&lines, text).unwrap();
    let out = dir.path().join("out");
    let signals = ["-INT", "-TERM", "-HUP"];
    // A fixed pseudo-random sequence: the same points every run of the test.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        seed >> 33
    };
    let mut interrupted = 0;
    for round in 0..20 {
        let before = snapshot(&out);
        let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("jinju"))
            .args([
                "cards",
                "--quiet",
                "--template",
                "square",
                "--scale",
                "0.2",
                "--lines",
            ])
            .arg(&lines)
            .arg("--out")
            .arg(&out)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(next() % 2500));
        let pid = child.id().to_string();
        for k in 0..(1 + next() % 5) {
            let sig = signals[((next() + k) % 3) as usize];
            // The shell's own `kill` (no procps needed).
            let _ = std::process::Command::new("sh")
                .args(["-c", &format!("kill {sig} {pid}")])
                .status();
        }
        let o = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "round {round}: {err}");
        assert_eq!(
            temps_under(&out),
            Vec::<String>::new(),
            "round {round}: {err}"
        );
        assert_manifest_true(&out);
        match o.status.code() {
            Some(0) => {}
            Some(130) => {
                interrupted += 1;
                assert!(err.contains("interrupted"), "round {round}: {err}");
                if err.contains("no output was changed") {
                    assert!(
                        snapshot(&out) == before,
                        "round {round}: the folder changed"
                    );
                } else {
                    assert!(
                        err.contains("manifest.json was removed"),
                        "round {round}: {err}"
                    );
                    assert!(!out.join("manifest.json").exists(), "round {round}");
                }
            }
            other => panic!("round {round}: exit {other:?}: {err}"),
        }
    }
    assert!(
        interrupted >= 10,
        "only {interrupted} of 20 runs were interrupted"
    );
}
