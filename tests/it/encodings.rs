//! Encodings: UTF-16 and UTF-32 (either order, with or without a BOM), CR-only line ends
//! and a UTF-8 BOM are read in every input; a GB18030 file is named as such, with its line
//! and the `iconv` command, and read with `--encoding`.

use super::clobber::{jinju, run};
use std::fs;
use std::path::Path;

const INTERVIEW: &str = include_str!("../data/two_sections.txt");

/// `jinju quotes --auto 3 --format json --input FILE` (stdout; the run must succeed).
fn auto_quotes(input: &Path, extra: &[&str]) -> String {
    let o = jinju()
        .args(["quotes", "--auto", "3", "--format", "json", "--input"])
        .arg(input)
        .args(extra)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{}: {err}", input.display());
    String::from_utf8(o.stdout).unwrap()
}

fn bom_utf8(text: &str) -> Vec<u8> {
    let mut out = b"\xef\xbb\xbf".to_vec();
    out.extend(text.as_bytes());
    out
}

#[test]
fn wide_encodings_and_cr_line_ends_read_as_utf8_does() {
    let dir = tempfile::tempdir().unwrap();
    let file = |name: &str, bytes: Vec<u8>| {
        let p = dir.path().join(name);
        fs::write(&p, bytes).unwrap();
        p
    };
    let expected = auto_quotes(&file("utf8.txt", INTERVIEW.into()), &[]);
    let utf16le: Vec<u8> = INTERVIEW
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let mut utf16be_bom = vec![0xfe, 0xff];
    utf16be_bom.extend(INTERVIEW.encode_utf16().flat_map(u16::to_be_bytes));
    let utf32le: Vec<u8> = INTERVIEW
        .chars()
        .flat_map(|c| (c as u32).to_le_bytes())
        .collect();
    for (name, bytes) in [
        ("utf16le.txt", utf16le),
        ("utf16be-bom.txt", utf16be_bom),
        ("utf32le.txt", utf32le),
        ("cr.txt", INTERVIEW.replace('\n', "\r").into_bytes()),
        ("bom.txt", bom_utf8(INTERVIEW)),
    ] {
        assert_eq!(auto_quotes(&file(name, bytes), &[]), expected, "{name}");
    }
}

#[test]
fn gb18030_is_named_with_line_and_command_and_read_with_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = dir.path().join("utf8.txt");
    fs::write(&utf8, INTERVIEW).unwrap();
    let gbk = dir.path().join("gbk.txt");
    let (bytes, _, _) = encoding_rs::GB18030.encode(INTERVIEW);
    fs::write(&gbk, &bytes).unwrap();
    let (code, err) = run(&["quotes", "--input", gbk.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    for part in [
        "not UTF-8 (line 1,",
        "GB18030",
        "iconv -f GB18030 -t UTF-8",
        "--encoding",
    ] {
        assert!(err.contains(part), "{part}: {err}");
    }
    assert_eq!(
        auto_quotes(&gbk, &["--encoding", "gb18030"]),
        auto_quotes(&utf8, &[])
    );
    let (code, err) = run(&["quotes", "--encoding", "klingon"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("unknown encoding"), "{err}");
}

#[test]
fn a_bom_is_dropped_in_errata_quotes_lines_jobs_and_templates() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let write = |name: &str, text: &str| {
        let p = d.join(name);
        fs::write(&p, bom_utf8(text)).unwrap();
        p.display().to_string()
    };
    let interview = d.join("i.txt");
    fs::write(&interview, INTERVIEW).unwrap();
    let i = interview.display().to_string();
    let errata = write(
        "errata.yaml",
        "- find: \"跑完了她的第十个马拉松\"\n  replace: \"跑完了她的第十一个马拉松\"\n  why: 笔误\n",
    );
    let (code, err) = run(&["quotes", "--input", &i, "--errata", &errata, "--auto", "1"]);
    assert_eq!(code, 0, "errata: {err}");
    let quotes = write("quotes.yaml", "quotes:\n  - adhoc: 慢就是快\n");
    let (code, err) = run(&["quotes", "--input", &i, "--quotes", &quotes]);
    assert_eq!(code, 0, "quotes: {err}");
    let lines = write("lines.txt", "第一句\n第二句\n");
    let o = jinju()
        .args(["quotes", "--format", "json", "--lines", &lines])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["text"], "第一句", "lines");
    let template = write("t.yaml", include_str!("../../templates/cards/square.yaml"));
    let out = d.join("out");
    let (code, err) = run(&[
        "cards",
        "--quiet",
        "--text",
        "慢就是快",
        "--template",
        &template,
        "--scale",
        "0.2",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "template: {err}");
    fs::write(d.join("other.txt"), INTERVIEW).unwrap();
    write(
        "job.yaml",
        "jobs:\n  - input: other.txt\n    auto: 1\n    templates: [square]\n    epub: false\n    out: b\n",
    );
    let (code, err) = run(&[
        "build",
        "--quiet",
        "--job",
        d.join("job.yaml").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "job: {err}");
}
