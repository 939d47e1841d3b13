//! Limits everywhere: every input read through one bounded reader (devices and FIFOs
//! refused, pipes capped by the bytes read), errata growth, YAML nesting, image pixels,
//! `--jobs`, and selection work linear in its input (1,000 `auto` entries, a 4 MiB
//! interview). The hang guards are generous bounds that only a hang or quadratic work
//! reaches, not speed measurements.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

const INTERVIEW: &str = include_str!("../data/two_sections.txt");

/// Run jinju with `stdin` fed, killed (and the test failed) after `guard`.
fn run_guarded(args: &[&str], stdin: Option<Vec<u8>>, guard: Duration) -> Output {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("jinju"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        });
    }
    // Drain the pipes while waiting (a full pipe would block jinju, not a hang of its own).
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(guard) {
        Ok(output) => output.unwrap(),
        Err(_) => {
            let _ = Command::new("sh")
                .args(["-c", &format!("kill -KILL {pid}")])
                .status();
            panic!("jinju {args:?} still running after {guard:?}: a hang");
        }
    }
}

fn fails_with(args: &[&str], message: &str) {
    let o = run_guarded(args, None, Duration::from_secs(60));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
    assert!(
        err.contains(message),
        "{args:?}: expected {message:?} in {err}"
    );
}

/// A template with `image` as its background.
fn with_background(template: &str, image: &str) -> String {
    let line = template
        .lines()
        .find(|l| l.starts_with("background:"))
        .unwrap();
    template.replace(line, &format!("background: {{ image: \"{image}\" }}"))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[cfg(unix)]
#[test]
fn devices_and_fifos_are_refused_for_every_input() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = dir.path().join("out");
    for flag in [
        "--input",
        "--quotes",
        "--errata",
        "--lines",
        "--font",
        "--template",
        "--job",
    ] {
        for (path, what) in [("/dev/zero", "a device"), (s(&fifo), "named pipe")] {
            let mut args = vec!["build", "--quiet", flag, path];
            if flag != "--job" {
                args.extend(["--out", s(&out)]);
            }
            fails_with(&args, what);
        }
    }
    // A template's background image too.
    let tpl = dir.path().join("bg.yaml");
    let portrait = include_str!("../../templates/cards/portrait.yaml");
    fs::write(&tpl, with_background(portrait, "/dev/zero")).unwrap();
    fails_with(
        &[
            "cards",
            "--quiet",
            "--text",
            "慢就是快",
            "--template",
            s(&tpl),
        ],
        "a device",
    );
}

#[test]
fn a_pipe_is_capped_by_the_bytes_read() {
    let big = "韩梅梅：慢就是快。\n".repeat((17 << 20) / 28).into_bytes();
    let o = run_guarded(
        &["inspect", "--input", "/dev/stdin"],
        Some(big),
        Duration::from_secs(60),
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("more than 16777216 bytes"), "{err}");
    // A small pipe is read.
    let o = run_guarded(
        &["inspect", "--input", "/dev/stdin"],
        Some(INTERVIEW.as_bytes().to_vec()),
        Duration::from_secs(60),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn errata_that_would_grow_the_text_without_bound_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    let text = format!("{INTERVIEW}韩梅梅：{}。\n", "哈".repeat(2011));
    fs::write(&input, &text).unwrap();
    let n = text.matches('哈').count();
    let errata = dir.path().join("errata.yaml");
    let replace = "嘿".repeat(1 << 20);
    fs::write(
        &errata,
        format!("- find: 哈\n  replace: {replace}\n  why: test\n  count: {n}\n"),
    )
    .unwrap();
    fails_with(
        &["inspect", "-i", s(&input), "--errata", s(&errata)],
        "limited to",
    );
}

#[test]
fn deep_yaml_is_refused_at_once_without_blaming_aliases() {
    let dir = tempfile::tempdir().unwrap();
    let q = dir.path().join("deep.yaml");
    fs::write(&q, "[".repeat(200_000)).unwrap();
    let o = run_guarded(
        &["quotes", "--quotes", s(&q)],
        None,
        Duration::from_secs(30),
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("nests deeper than 64"), "{err}");
    assert!(!err.contains("aliases"), "{err}");
}

#[test]
fn a_thousand_auto_entries_select_distinct_lines_without_quadratic_work() {
    let dir = tempfile::tempdir().unwrap();
    let q = dir.path().join("auto.yaml");
    fs::write(&q, format!("quotes:\n{}", "  - auto: 1\n".repeat(1000))).unwrap();
    let o = run_guarded(
        &[
            "quotes",
            "--quotes",
            s(&q),
            "--format",
            "json",
            "--min-card",
            "0",
        ],
        None,
        Duration::from_secs(120),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let quotes: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    // The bundled interview has a few dozen distinct lines that pass the standalone filters
    // (a two-sentence pick rules out both of its sentences; questions, replies, connectives
    // and references are never picked): most entries find none, and together the entries
    // find every line one entry asking for 1000 finds.
    let all = run_guarded(
        &[
            "quotes",
            "--auto",
            "1000",
            "--format",
            "json",
            "--min-card",
            "0",
        ],
        None,
        Duration::from_secs(120),
    );
    let pool: Vec<serde_json::Value> = serde_json::from_slice(&all.stdout).unwrap();
    assert!(pool.len() > 30, "{} lines pass the filters", pool.len());
    assert_eq!(quotes.len(), pool.len());
    let texts: Vec<&str> = quotes.iter().map(|q| q["text"].as_str().unwrap()).collect();
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            assert!(!jinju::select::near_duplicate(a, b), "{a} ~ {b}");
        }
    }
}

#[test]
fn a_big_interview_selects_a_section_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let head: Vec<&str> = INTERVIEW.lines().take(16).collect();
    let mut text = head.join("\n") + "\n";
    let mut i = 0;
    while text.len() < 4 << 20 {
        text.push_str(&format!(
            "李雷：第{i}次训练你有什么感受？\n韩梅梅：第{i}次长跑的时候，我觉得慢就是快，坚持才是最重要的事情。\n"
        ));
        i += 1;
    }
    let input = dir.path().join("big.txt");
    fs::write(&input, &text).unwrap();
    let o = run_guarded(
        &[
            "quotes",
            "-i",
            s(&input),
            "--section",
            "1",
            "--format",
            "json",
        ],
        None,
        Duration::from_secs(150),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let quotes: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(quotes.len() >= i, "{} quotes of {i} answers", quotes.len());
}

#[test]
fn background_images_are_capped_in_pixels() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("huge.png");
    image::RgbaImage::from_pixel(5000, 5000, image::Rgba([200, 200, 200, 255]))
        .save(&png)
        .unwrap();
    let portrait = include_str!("../../templates/cards/portrait.yaml");
    let tpl = dir.path().join("huge.yaml");
    fs::write(&tpl, with_background(portrait, "huge.png")).unwrap();
    fails_with(
        &[
            "cards",
            "--quiet",
            "--text",
            "慢就是快",
            "--template",
            s(&tpl),
            "--out",
            s(&dir.path().join("o")),
        ],
        "limited to 16777216 pixels",
    );
}

#[test]
fn jobs_are_bounded() {
    fails_with(
        &["cards", "--quiet", "--text", "慢就是快", "--jobs", "100000"],
        "give 1 to 256",
    );
}

/// RAYON_NUM_THREADS does not bypass --jobs: 100,000 would spawn as many threads. (The
/// timeout only keeps a regression from hanging the suite.)
#[test]
fn rayon_num_threads_does_not_set_the_thread_count() {
    for cmd in [
        &["cards", "--quiet", "--text", "慢就是快", "--scale", "0.2"][..],
        &["epub", "--auto", "2"][..],
        &["build", "--quiet", "--text", "慢就是快", "--scale", "0.2"][..],
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir
            .path()
            .join(if cmd[0] == "epub" { "b.epub" } else { "out" });
        let flag = if cmd[0] == "epub" { "-o" } else { "--out" };
        assert_cmd::Command::cargo_bin("jinju")
            .unwrap()
            .env("RAYON_NUM_THREADS", "100000")
            .args(cmd)
            .arg(flag)
            .arg(&out)
            .timeout(std::time::Duration::from_secs(300))
            .assert()
            .success();
    }
}

/// Nesting is measured before parsing: 16,000 nested lists or quotes on one Markdown line
/// (once 751 MB) and 100,000 nested `<div>`s (once 17–74 s) are refused with the line or
/// the depth and what to do.
#[test]
fn deep_nesting_is_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text, expect) in [
        (
            "lists.md",
            format!("问：你好\n\n{}深\n", "1. ".repeat(16_000)),
            "line 3",
        ),
        (
            "quotes.md",
            format!("{}深\n", "> ".repeat(16_000)),
            "line 1",
        ),
        (
            "divs.html",
            format!("<html><body>{}字", "<div>".repeat(100_000)),
            "nested",
        ),
    ] {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        let o = assert_cmd::Command::cargo_bin("jinju")
            .unwrap()
            .args(["inspect", "--input"])
            .arg(&p)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{name}: {err}");
        assert!(
            err.contains(expect) && err.contains("limit"),
            "{name}: {err}"
        );
    }
}

/// A template named twice makes its card once (it once failed with "File exists").
#[test]
fn a_template_named_twice_makes_one_card() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = assert_cmd::Command::cargo_bin("jinju")
        .unwrap()
        .args(["cards", "--quiet", "--text", "慢就是快", "--scale", "0.2"])
        .args(["-t", "square", "-t", "square", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pngs = std::fs::read_dir(&out)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "png")
        })
        .count();
    assert_eq!(pngs, 1);
}
