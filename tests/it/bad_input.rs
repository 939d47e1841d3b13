//! Bad input, as a user would give it to `jinju build` / `jinju cards`: each row exits with
//! the stated code and message, never panics, and leaves no file behind.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

struct Case {
    name: &'static str,
    args: Vec<String>,
    code: i32,
    message: &'static str,
}

/// Every file under `dir` (none expected after a failure).
fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files_under(&p));
            } else {
                out.push(p.display().to_string());
            }
        }
    }
    out
}

#[test]
fn bad_inputs_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let file = |name: &str, bytes: &[u8]| {
        let p = d.join(name);
        fs::write(&p, bytes).unwrap();
        p.display().to_string()
    };
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 0..9 {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            format!("l{}", i - 1)
        };
        bomb.push_str(&format!("l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    let portrait = include_str!("../../templates/cards/portrait.yaml");
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let input = |p: String| vec!["--input".to_string(), p];
    let quotes = |p: String| vec!["--quotes".to_string(), p];
    let cases = vec![
        Case {
            name: "missing input",
            args: input(d.join("nope.txt").display().to_string()),
            code: 1,
            message: "cannot read interview",
        },
        Case {
            name: "a folder without interviews",
            args: input({
                let empty = d.join("no-interviews");
                fs::create_dir_all(&empty).unwrap();
                fs::write(empty.join("notes.yaml"), b"x: 1\n").unwrap();
                empty.display().to_string()
            }),
            code: 1,
            message: "holds no interview",
        },
        Case {
            name: "binary",
            args: input(file("bin.txt", b"\x00\x01PNG")),
            code: 1,
            message: "binary",
        },
        Case {
            name: "non-UTF-8",
            args: input(file("gbk.txt", b"\xd6\xd0\xce\xc4")),
            code: 1,
            message: "not UTF-8 (line 1, byte 0); it looks like GB18030",
        },
        Case {
            name: "empty input",
            args: input(file("empty.txt", b"")),
            code: 1,
            message: "input is empty",
        },
        Case {
            name: "a title and nothing to read",
            args: input(file("flat.txt", "标题\n".as_bytes())),
            code: 1,
            message: "no speaker turns found",
        },
        Case {
            name: "malformed YAML",
            args: quotes(file("bad.yaml", b"quotes:\n  - text: [unclosed\n")),
            code: 1,
            message: "bad.yaml:3:1: did not find expected ',' or ']', while parsing a flow sequence",
        },
        Case {
            name: "unknown key",
            args: quotes(file("key.yaml", b"quotes:\n  - txet: x\n")),
            code: 1,
            message: "key.yaml:2:5: quotes[0]: unknown field `txet`",
        },
        Case {
            name: "alias bomb",
            args: quotes(file("bomb.yaml", bomb.as_bytes())),
            code: 1,
            message: "aliases",
        },
        Case {
            name: "template alias bomb",
            args: vec!["--template".into(), file("tbomb.yaml", bomb.as_bytes())],
            code: 1,
            message: "aliases",
        },
        Case {
            name: "misquote",
            args: quotes(file(
                "mis.yaml",
                "quotes:\n  - text: 我们是最先吃螃蟹的人。\n".as_bytes(),
            )),
            code: 1,
            message: "closest: 我们是首先吃螃蟹的人。 (at 2.21)",
        },
        Case {
            name: "unsafe id",
            args: quotes(file(
                "id.yaml",
                b"quotes:\n  - id: ../evil\n    at: \"5.18\"\n",
            )),
            code: 1,
            message: "not a safe file name",
        },
        Case {
            name: "unknown template",
            args: s(&["--template", "poster"]),
            code: 1,
            message: "unknown template `poster`",
        },
        Case {
            name: "template size 0",
            args: vec![
                "--template".into(),
                file(
                    "zero.yaml",
                    portrait
                        .replace("size: [1080, 1350]", "size: [0, 1350]")
                        .as_bytes(),
                ),
            ],
            code: 1,
            message: "zero.yaml",
        },
        Case {
            name: "absurd template size",
            args: vec![
                "--template".into(),
                file(
                    "huge.yaml",
                    portrait
                        .replace("size: [1080, 1350]", "size: [9000, 1350]")
                        .as_bytes(),
                ),
            ],
            code: 1,
            message: "8192",
        },
        Case {
            name: "missing font",
            args: vec!["--font".into(), d.join("none.ttf").display().to_string()],
            code: 1,
            message: "none.ttf",
        },
        Case {
            name: "corrupt font",
            args: vec!["--font".into(), file("corrupt.ttf", b"not a font at all")],
            code: 1,
            message: "not a usable font",
        },
        Case {
            name: "missing glyph",
            args: s(&["--text", "一个开路的人\u{2CEB0}"]),
            code: 1,
            message: "--font FILE",
        },
        Case {
            name: "absurd scale",
            args: s(&["--scale", "100"]),
            code: 1,
            message: "--scale",
        },
        Case {
            name: "bad flag",
            args: s(&["--frobnicate"]),
            code: 2,
            message: "unexpected argument",
        },
    ];
    for case in cases {
        let out_dir = d.join(format!("out-{}", case.name.replace(' ', "-")));
        let out = Command::cargo_bin("jinju")
            .unwrap()
            .arg("build")
            .args(&case.args)
            .arg("--out")
            .arg(&out_dir)
            .arg("--quiet")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(case.code), "{}: {err}", case.name);
        assert!(
            err.contains(case.message),
            "{}: expected {:?} in: {err}",
            case.name,
            case.message
        );
        assert!(!err.contains("panicked"), "{}: {err}", case.name);
        assert_eq!(
            files_under(&out_dir),
            Vec::<String>::new(),
            "{}: files left behind",
            case.name
        );
    }
}

#[test]
fn an_unwritable_output_folder_fails_without_partial_files() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    fs::write(&blocker, b"x").unwrap();
    let out = Command::cargo_bin("jinju")
        .unwrap()
        .args(["cards", "--text", "慢就是快", "--quiet", "--out"])
        .arg(blocker.join("cards"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("cannot create output folder"), "{err}");
    assert_eq!(fs::read(&blocker).unwrap(), b"x");
}
