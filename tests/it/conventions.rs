//! The scripting conventions: `-` for standard input and output, one JSON value per run,
//! `--keep-going` batches, `-q`, `--version`, the man page, `--color` and `NO_COLOR`.

use super::run::{card_texts, succeeds};
use assert_cmd::Command;
use std::fs;
use std::path::Path;

fn jinju() -> Command {
    Command::cargo_bin("jinju").unwrap()
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A folder of `names` copied from the reader fixtures, plus `bad.md`, binary, when `bad`.
fn batch_folder(dir: &Path, names: &[&str], bad: bool) -> std::path::PathBuf {
    let input = dir.join("in");
    fs::create_dir(&input).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/readers");
    for name in names {
        fs::copy(fixtures.join(name), input.join(name)).unwrap();
    }
    if bad {
        fs::write(input.join("bad.md"), b"\x00\x01 not text").unwrap();
    }
    input
}

/// `jinju build -q --format json FLAGS --input INPUT --out OUT`.
fn build_batch(flags: &[&str], input: &Path, out: &Path) -> std::process::Output {
    jinju()
        .args(["build", "-q", "--format", "json"])
        .args(flags)
        .arg("--input")
        .arg(input)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

#[test]
fn a_folder_batch_prints_one_json_array_even_of_one() {
    let dir = tempfile::tempdir().unwrap();
    let input = batch_folder(dir.path(), &["panel.txt"], false);
    let out = build_batch(&[], &input, &dir.path().join("out"));
    assert!(out.status.success(), "{}", stderr_of(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let list = v.as_array().expect("an array for a batch");
    assert_eq!(list.len(), 1);
    assert!(list[0]["artifacts"].is_array());
}

#[test]
fn keep_going_builds_every_good_file_and_names_the_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let input = batch_folder(dir.path(), &["panel.txt", "wechat.md"], true);
    let out_dir = dir.path().join("out");
    let out = build_batch(&["--keep-going"], &input, &out_dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(
        err.contains("1 of 3 builds failed") && err.contains("bad.md"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(
        v.as_array().unwrap().len(),
        2,
        "the two good files' manifests"
    );
    for good in ["panel", "wechat"] {
        assert!(out_dir.join(good).join("manifest.json").is_file(), "{good}");
    }
    assert!(!out_dir.join("bad").exists());
}

#[test]
fn without_keep_going_the_first_failure_stops_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let input = batch_folder(dir.path(), &["panel.txt"], true);
    let out_dir = dir.path().join("out");
    let out = build_batch(&[], &input, &out_dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("bad.md"), "{}", stderr_of(&out));
    // `bad.md` sorts first: nothing after it was built.
    assert!(!out_dir.join("panel").exists());
}

#[test]
fn epub_out_dash_writes_the_same_book_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.epub");
    succeeds([
        "epub".as_ref(),
        "-q".as_ref(),
        "--out".as_ref(),
        file.as_os_str(),
    ]);
    let piped = succeeds(["epub", "--out", "-"]);
    assert!(piped.stdout.starts_with(b"PK\x03\x04"), "a zip on stdout");
    assert_eq!(piped.stdout, fs::read(&file).unwrap(), "the same bytes");
    assert!(stderr_of(&piped).contains("standard output"));
    assert!(!Path::new("-").exists(), "no file named `-`");
}

#[test]
fn lines_and_quotes_read_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let out = jinju()
        .args(["cards", "-q", "-t", "square", "--lines", "-", "--out"])
        .arg(dir.path())
        .write_stdin("慢一点，才能走得远。\n好的船是等出来的。\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(
        card_texts(dir.path()),
        ["慢一点，才能走得远。", "好的船是等出来的。"]
    );

    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/quotes.yaml");
    let from_file = jinju()
        .args(["quotes", "--format", "json", "--quotes"])
        .arg(&bundled)
        .output()
        .unwrap();
    let from_stdin = jinju()
        .args(["quotes", "--format", "json", "--quotes", "-"])
        .write_stdin(fs::read(&bundled).unwrap())
        .output()
        .unwrap();
    assert!(from_stdin.status.success(), "{}", stderr_of(&from_stdin));
    assert_eq!(from_stdin.stdout, from_file.stdout);
}

#[test]
fn dashes_that_cannot_work_are_refused_with_the_reason() {
    let cases: [(&[&str], &str); 5] = [
        (
            &["cards", "--lines", "-", "--quotes", "-"],
            "--quotes and --lines ask for standard input",
        ),
        (
            &["cards", "--text", "慢就是快", "--out", "-"],
            "a folder of PNG files",
        ),
        (&["build", "--out", "-"], "not one stream"),
        (
            &["cards", "--text", "慢就是快", "--font", "-"],
            "a font is not read from standard input",
        ),
        (
            &["cards", "--text", "慢就是快", "-t", "-"],
            "a template is not read from standard input",
        ),
    ];
    for (args, why) in cases {
        let out = jinju().args(args).write_stdin("").output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr_of(&out).contains(why),
            "{args:?}: {}",
            stderr_of(&out)
        );
    }
}

#[test]
fn dash_q_is_quiet_and_no_longer_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let out = jinju()
        .args(["cards", "-q", "--text", "慢就是快，快就是慢。", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "", "quiet");
    let out = jinju()
        .args(["quotes", "-q", "content/quotes.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "`-q` is not `--quotes`");
}

#[test]
fn version_names_the_commit_and_the_bundled_data() {
    let out = jinju().arg("--version").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with(&format!("jinju {} (commit ", env!("CARGO_PKG_VERSION"))),
        "{text}"
    );
    let commit = text
        .split("(commit ")
        .nth(1)
        .unwrap()
        .split(')')
        .next()
        .unwrap();
    assert!(
        commit == "unknown"
            || (commit.len() == 12 && commit.chars().all(|c| c.is_ascii_hexdigit())),
        "{commit}"
    );
    assert!(text.contains("NotoSerifSC-Regular.otf 2.001"), "{text}");
    assert!(text.contains("bundled content: interview.txt "), "{text}");
}

#[test]
fn the_man_page_is_roff_with_every_command() {
    let out = jinju().arg("manpage").output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.contains(".TH jinju 1"), "{page}");
    for command in ["inspect", "quotes", "cards", "epub", "build"] {
        assert!(page.contains(&format!("jinju\\-{command}(1)")), "{command}");
    }
    let help = jinju().arg("--help").output().unwrap();
    assert!(
        !String::from_utf8_lossy(&help.stdout).contains("manpage"),
        "hidden"
    );
}

#[test]
fn color_follows_the_flag_then_no_color() {
    let run = |args: &[&str], no_color: bool| {
        let mut cmd = jinju();
        cmd.args(args)
            .args(["inspect", "--input", "/nonexistent/x.md"]);
        if no_color {
            cmd.env("NO_COLOR", "1");
        } else {
            cmd.env_remove("NO_COLOR");
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        stderr_of(&out)
    };
    let red = "\x1b[1;31merror:\x1b[0m";
    assert!(run(&["--color", "always"], false).starts_with(red));
    assert!(
        run(&["--color=always"], true).starts_with(red),
        "the flag wins"
    );
    assert!(run(&["--color", "never"], false).starts_with("error:"));
    assert!(!run(&[], true).contains('\x1b'), "NO_COLOR");
    assert!(!run(&[], false).contains('\x1b'), "auto: not a terminal");
}
