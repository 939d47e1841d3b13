//! The command line as a user runs it: exit codes, messages, and the JSON contract.

use assert_cmd::Command;
use std::fs;

fn jinju() -> Command {
    Command::cargo_bin("jinju").unwrap()
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn inspect_json_is_the_contract() {
    let out = jinju()
        .args(["inspect", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["meta"]["interviewer"], "张小珺");
    assert_eq!(v["meta"]["interviewee"], "张鹏");
    assert_eq!(v["speakers"], serde_json::json!(["张小珺", "张鹏"]));
    assert_eq!(v["meta"]["intro"].as_array().unwrap().len(), 9);
    let sections = v["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 5);
    assert_eq!(sections[0]["number"], 1);
    assert_eq!(sections[0]["title"], "谈上市");
    assert_eq!(sections[0]["pull_quote"], "我觉得祝大家好运吧");
    let p = &sections[0]["paragraphs"][0];
    assert_eq!(
        (
            p["address"].as_str(),
            p["kind"].as_str(),
            p["speaker"].as_str()
        ),
        (Some("1.1"), Some("turn"), Some("张小珺"))
    );
    assert!(p["text"].as_str().unwrap().starts_with("我想了想，"));
    assert!(v["errata_applied"].as_u64().unwrap() >= 12);
    assert_eq!(v["dropped"][0], "AI 前线");
}

#[test]
fn inspect_text_and_raw_options() {
    let out = jinju()
        .args(["inspect", "--no-errata", "--keep-punctuation"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("市前夕,智谱CEO") && text.contains("errata:      0 applied"),
        "{text}"
    );
}

#[test]
fn inspect_reads_another_file() {
    let out = jinju()
        .args([
            "inspect",
            "--format",
            "json",
            "--input",
            "tests/data/two_sections.txt",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["meta"]["interviewee"], "韩梅梅");
    assert_eq!(v["sections"].as_array().unwrap().len(), 2);
}

#[test]
fn help_version_and_usage_errors() {
    assert!(jinju().arg("--help").output().unwrap().status.success());
    let out = jinju().arg("--version").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("jinju "));
    let out = jinju().arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Bad interview inputs: each exits 1 with a message naming the problem, never a panic.
#[test]
fn bad_interview_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        fs::write(&p, bytes).unwrap();
        p.display().to_string()
    };
    // A title and nothing else: no turns, and no text to read as a talk.
    let no_turns = "标题\n";
    let errata = write(
        "errata.yaml",
        "- find: 不存在的文字\n  replace: x\n  why: test\n".as_bytes(),
    );
    let misspelt = write(
        "errata2.yaml",
        "- find: 市前夕\n  replce: x\n  why: test\n".as_bytes(),
    );
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "--input".into(),
                dir.path().join("missing.txt").display().to_string(),
            ],
            "cannot read interview",
        ),
        (
            vec!["--input".into(), dir.path().display().to_string()],
            "is a directory",
        ),
        (
            vec!["--input".into(), write("latin1.txt", b"caf\xe9 \xff")],
            "not UTF-8 (line 1, byte 3)",
        ),
        (
            vec!["--input".into(), write("binary.bin", b"\x00\x01\x02abc")],
            "binary",
        ),
        (
            vec!["--input".into(), write("empty.txt", b"  \n\n")],
            "input is empty",
        ),
        (
            vec![
                "--input".into(),
                write("oneline.txt", "只有一行字。\n".as_bytes()),
            ],
            "no speaker turns",
        ),
        (
            vec!["--input".into(), write("noturns.txt", no_turns.as_bytes())],
            "no speaker turns",
        ),
        (
            vec!["--errata".into(), errata],
            "matches 0 time(s), expected 1",
        ),
        (
            vec!["--errata".into(), misspelt.clone()],
            "errata2.yaml:2:3: .[0]: unknown field `replce`",
        ),
    ];
    for (args, message) in cases {
        let out = jinju().arg("inspect").args(&args).output().unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains(message),
            "{args:?}: expected {message:?} in {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn quotes_json_contract_and_table_width() {
    let out = jinju()
        .args(["quotes", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v.as_array().unwrap();
    assert!(items.len() >= 17);
    for q in items {
        for key in ["id", "text", "speaker", "address", "kind", "chars"] {
            assert!(!q[key].is_null(), "{key} missing in {q}");
        }
        assert!(q["section"]["number"].is_u64() && q["section"]["title"].is_string());
    }
    let out = jinju().args(["quotes"]).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    for line in table.lines() {
        let cols: usize = line
            .chars()
            .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
            .sum();
        assert!(cols <= 80, "{cols} columns: {line}");
    }
    let out = jinju()
        .args(["quotes", "--auto", "5", "--format", "json", "--explain"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v[0]["score"].is_f64() && v[0]["explain"]["length"].is_f64(),
        "{v}"
    );
}

#[test]
fn quotes_yaml_output_pastes_back() {
    let out = jinju()
        .args(["quotes", "--auto", "8", "--format", "yaml"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("q.yaml");
    fs::write(&file, &out.stdout).unwrap();
    let json = |args: &[&str]| -> Vec<String> {
        let out = jinju().args(args).output().unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|q| q["text"].as_str().unwrap().to_string())
            .collect()
    };
    let file = file.display().to_string();
    assert_eq!(
        json(&["quotes", "--auto", "8", "--format", "json"]),
        json(&["quotes", "--quotes", &file, "--format", "json"])
    );
}

#[test]
fn quotes_errors_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.yaml");
    fs::write(&file, "quotes:\n  - text: \"就是,一个开车的人。\"\n").unwrap();
    let out = jinju()
        .args(["quotes", "--quotes"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr_of(&out).contains("closest: 就是，一个开路的人。 (at 5.25)"),
        "{}",
        stderr_of(&out)
    );
    let out = jinju().args(["quotes", "--grep", "("]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("not a valid regular expression"));
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "_jinju()"),
        ("zsh", "#compdef jinju"),
        ("fish", "complete -c jinju"),
    ] {
        let out = jinju().args(["completions", shell]).output().unwrap();
        assert!(out.status.success());
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(marker),
            "{shell}"
        );
    }
}

#[test]
fn pull_quotes_from_the_command_line() {
    let ids = |args: &[&str]| -> Vec<String> {
        let out = jinju()
            .args(["quotes", "--format", "json"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|q| q["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        ids(&["--pull-quotes"]),
        ["pull-1", "pull-2", "pull-3", "pull-4", "pull-5"]
    );
    assert_eq!(ids(&["--pull-quotes", "2,5"]), ["pull-2", "pull-5"]);
    let out = jinju()
        .args(["quotes", "--pull-quotes", "9"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("there is no section 9"));
}

#[test]
fn epub_command_writes_one_book() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.epub");
    let out = jinju()
        .args(["epub", "--no-embed-font", "--out"])
        .arg(&book)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let bytes = fs::read(&book).unwrap();
    assert!(
        bytes.starts_with(b"PK") && bytes[30..38] == *b"mimetype",
        "mimetype first"
    );
    assert!(
        !bytes.windows(4).any(|w| w == b".otf"),
        "--no-embed-font embeds no font"
    );
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "only the book, no temp file: {names:?}");
}

#[test]
fn compression_levels_are_lossless_and_trade_size() {
    let render = |level: &str| {
        let dir = tempfile::tempdir().unwrap();
        let out = jinju()
            .args([
                "cards",
                "--quiet",
                "--at",
                "5.18",
                "--at",
                "1.3.2",
                "-t",
                "portrait",
                "--compression",
                level,
                "--out",
            ])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        let mut files: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "png"))
            .collect();
        files.sort();
        let bytes: u64 = files.iter().map(|p| fs::metadata(p).unwrap().len()).sum();
        let pixels: Vec<Vec<u8>> = files
            .iter()
            .map(|p| image::open(p).unwrap().to_rgba8().into_raw())
            .collect();
        (bytes, pixels)
    };
    let (fast, fast_px) = render("fast");
    let (balanced, balanced_px) = render("balanced");
    assert_eq!(fast_px, balanced_px, "the same pixels at every level");
    assert!(balanced < fast, "balanced {balanced} bytes vs fast {fast}");
}

#[test]
fn a_bad_line_is_skipped_with_a_warning_and_strict_makes_it_fail() {
    let dir = tempfile::tempdir().unwrap();
    let lines = dir.path().join("lines.txt");
    fs::write(
        &lines,
        "慢就是快，快就是慢。\n\n这一行有\u{2CEB0}字。\n一个开路的人。\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let run = |strict: bool| {
        let mut cmd = jinju();
        cmd.args(["cards", "--quiet", "-t", "portrait", "--lines"])
            .arg(&lines)
            .arg("--out")
            .arg(&out);
        if strict {
            cmd.arg("--strict");
        }
        cmd.output().unwrap()
    };
    let o = run(false);
    let err = stderr_of(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(
        err.contains("warning: skipped: line 3 of --lines")
            && err.contains("这一行有\u{2CEB0}字")
            && err.contains("U+2CEB0"),
        "{err}"
    );
    assert!(
        err.contains("1 card was skipped") && err.contains("--strict"),
        "{err}"
    );
    assert_eq!(
        super::run::card_texts(&out),
        ["慢就是快，快就是慢。", "一个开路的人。"]
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap();
    for a in manifest["artifacts"].as_array().unwrap() {
        assert!(out.join(a["path"].as_str().unwrap()).is_file());
    }
    fs::remove_dir_all(&out).unwrap();
    let o = run(true);
    assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
    assert!(!out.join("manifest.json").exists());
}
