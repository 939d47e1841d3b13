//! Output hygiene and clear messages: control characters never reach the terminal, errors
//! quote files only in short escaped excerpts, dates are validated, ignored or conflicting
//! flags are refused, and the doubtful cases behave as the README decides.

use super::clobber::{jinju, run};
use std::fs;
use std::path::Path;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let evil = "\u{1b}]0;PWNED\u{7}慢就是快\u{1b}[2J";
    let o = jinju().args(["quotes", "--text", evil]).output().unwrap();
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(out.contains("\\u{1b}"), "{out}");
    for args in [
        vec!["quotes", "--at", evil],
        vec!["quotes", "--grep", "(\u{1b}]0;X"],
        vec!["quotes", "--quotes", "/nonexistent/\u{1b}[31m.yaml"],
    ] {
        let o = jinju().args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(!err.contains('\u{1b}'), "{args:?}: {err:?}");
    }
}

/// The data of a PNG's tEXt/iTXt/zTXt chunks.
fn png_text_chunks(png: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut at = 8;
    while at + 8 <= png.len() {
        let n = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
        let kind = &png[at + 4..at + 8];
        if [&b"tEXt"[..], b"iTXt", b"zTXt"].contains(&kind) {
            out.push(png[at + 8..at + 8 + n].to_vec());
        }
        at += 12 + n;
    }
    assert!(!out.is_empty(), "a card without alt text");
    out
}

/// Rows 16 and 17: control characters in an interview (title, answers) reach neither the
/// book's XML, the cards' PNG text, nor the printed quotes.
#[test]
fn control_characters_in_an_interview_reach_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("i.md");
    fs::write(
        &input,
        "# 标题\u{1b}]0;X\u{7}测试\n\n**问：** 你好吗？\n\n**张三：** 我很好，\u{1b}[31m谢谢你的关心，\
         这是一个很长的回答句子。\n\n**问：** 还有呢？\n\n**张三：** 慢就是快，这是我们一直坚持的原则。\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let (code, err) = run(&["build", "--quiet", "--input", s(&input), "--out", s(&out)]);
    assert_eq!(code, 0, "{err}");
    let mut seen = 0;
    let mut stack = vec![out.clone()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let bytes = fs::read(&p).unwrap();
            let texts: Vec<Vec<u8>> = if p.extension().is_some_and(|x| x == "epub") {
                let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
                (0..zip.len())
                    .filter_map(|i| {
                        let mut f = zip.by_index(i).unwrap();
                        let name = f.name().to_string();
                        let text = [".opf", ".ncx", ".xhtml"].iter().any(|x| name.ends_with(x));
                        let mut buf = Vec::new();
                        std::io::Read::read_to_end(&mut f, &mut buf).unwrap();
                        text.then_some(buf)
                    })
                    .collect()
            } else if p.extension().is_some_and(|x| x == "png") {
                png_text_chunks(&bytes)
            } else {
                vec![bytes]
            };
            for t in texts {
                seen += 1;
                assert!(!t.contains(&0x1b) && !t.contains(&0x07), "{}", p.display());
            }
        }
    }
    assert!(seen >= 8, "only {seen} outputs looked at");
    let o = jinju()
        .args(["quotes", "--auto", "2", "-i", s(&input)])
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(
        !o.stdout.contains(&0x1b),
        "{:?}",
        String::from_utf8_lossy(&o.stdout)
    );
}

#[test]
fn errors_about_a_file_show_only_a_short_excerpt() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    let line = "SECRET-".repeat(40);
    fs::write(&secret, format!("{line}\n{line}\n")).unwrap();
    let (code, err) = run(&[
        "cards",
        "--quiet",
        "--text",
        "慢就是快",
        "--template",
        s(&secret),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("secret.txt"), "{err}");
    assert!(err.matches("SECRET").count() <= 8, "{err}");
}

#[test]
fn source_date_epoch_is_validated() {
    let dir = tempfile::tempdir().unwrap();
    let o = jinju()
        .env("SOURCE_DATE_EPOCH", "-99999999999")
        .args(["epub", "--auto", "1", "-o"])
        .arg(dir.path().join("b.epub"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("SOURCE_DATE_EPOCH") && err.contains("out of range"),
        "{err}"
    );
    assert!(!dir.path().join("b.epub").exists());
}

#[test]
fn a_job_says_only_what_it_made_and_refuses_to_make_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("job.yaml");
    fs::write(
        &job,
        "jobs:\n  - out: o\n    auto: 1\n    cards: false\n    epub: false\n",
    )
    .unwrap();
    let (code, err) = run(&["build", "--job", s(&job)]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("leave nothing to build"), "{err}");
    fs::write(&job, "jobs:\n  - out: o\n    auto: 1\n    cards: false\n").unwrap();
    let (code, err) = run(&["build", "--job", s(&job)]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("EPUB, manifest, gallery") && !err.contains("cards"),
        "{err}"
    );
    fs::write(&job, "jobs:\n  - out: \"\"\n").unwrap();
    let (code, err) = run(&["build", "--job", s(&job)]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("`out` is empty"), "{err}");
}

#[test]
fn ignored_flags_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("job.yaml");
    fs::write(&job, "jobs:\n  - out: o\n").unwrap();
    for flag in [["--input", "x.txt"], ["--out", "y"]] {
        let (code, err) = run(&["build", "--job", s(&job), flag[0], flag[1]]);
        assert_eq!(code, 2, "{flag:?}: {err}");
        assert!(err.contains("cannot be used with"), "{err}");
    }
    let (code, err) = run(&["cards", "--text", "慢就是快", "--font-index", "5"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--font"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_full_stdout_is_an_error() {
    let bin = assert_cmd::cargo::cargo_bin("jinju");
    if Path::new("/dev/full").exists() {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let o = std::process::Command::new(&bin)
            .args(["quotes", "--format", "json"])
            .stdout(full)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(err.contains("cannot write to standard output"), "{err}");
    }
}

#[test]
fn unclear_yaml_messages_say_what_to_write() {
    let dir = tempfile::tempdir().unwrap();
    let q = dir.path().join("pq.yaml");
    fs::write(&q, "quotes:\n  - pull_quotes: [18446744073709551615]\n").unwrap();
    let (code, err) = run(&["quotes", "--quotes", s(&q)]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("section numbers") && !err.contains("untagged"),
        "{err}"
    );
    let e = dir.path().join("errata.yaml");
    fs::write(
        &e,
        "- find: a\n  replace: b\n  why: c\n  count: 18446744073709551616\n",
    )
    .unwrap();
    let (code, err) = run(&["inspect", "--errata", s(&e)]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("too large"), "{err}");
    fs::write(&q, "quotes:\n  - adhoc: !!binary aGk=\n").unwrap();
    let (code, err) = run(&["quotes", "--quotes", s(&q)]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("!!binary"), "{err}");
}

#[test]
fn doubtful_cases_behave_as_documented() {
    let dir = tempfile::tempdir().unwrap();
    // An empty quotes file selects nothing silently no more.
    let q = dir.path().join("empty.yaml");
    for empty in ["", "~\n", "quotes: []\n"] {
        fs::write(&q, empty).unwrap();
        let (code, err) = run(&["quotes", "--quotes", s(&q)]);
        assert_eq!(code, 1, "{empty:?}: {err}");
        assert!(err.contains("lists no quotes"), "{err}");
    }
    // `build` with nothing selected fails as `cards` does.
    let (code, err) = run(&[
        "build",
        "--quiet",
        "--grep",
        "不会出现的词组",
        "--out",
        s(&dir.path().join("o")),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("no quotes selected"), "{err}");
    // Template files named in a quotes file are relative to it, not to the current folder.
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    fs::write(
        sub.join("mine.yaml"),
        include_str!("../../templates/cards/square.yaml"),
    )
    .unwrap();
    fs::write(
        sub.join("q.yaml"),
        "quotes:\n  - adhoc: 慢就是快\n    templates: [mine.yaml]\n",
    )
    .unwrap();
    let out = dir.path().join("cards");
    let o = jinju()
        .current_dir(dir.path())
        .args(["cards", "--quiet", "--quotes", "sub/q.yaml", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
