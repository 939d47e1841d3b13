//! Real interviews in: the Markdown, HTML and plain-text readers and the structure, through
//! the command line as a user runs it — `inspect` on fixtures of each shape, `build` on each
//! (cards, a valid EPUB with the emphasis, nothing of the bundled interview, no local file
//! name), `--input -`, `--from`, `--input DIR`, bad inputs, and the shared samples through
//! the structure checker.

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};

fn jinju() -> Command {
    Command::cargo_bin("jinju").unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/readers")
        .join(name)
}

fn inspect(args: &[&str], stdin: Option<&[u8]>) -> serde_json::Value {
    let mut cmd = jinju();
    cmd.args(["inspect", "--format", "json"]).args(args);
    if let Some(bytes) = stdin {
        cmd.write_stdin(bytes.to_vec());
    }
    let o = cmd.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

use crate::run::opening_turns;

#[test]
fn markdown_export_structure_and_contract() {
    let iv = inspect(&["--input", fixture("wechat.md").to_str().unwrap()], None);
    assert_eq!(iv["meta"]["format"], "markdown");
    assert_eq!(iv["meta"]["title"], "对话造船人：慢一点，才能走得远");
    assert_eq!(iv["meta"]["byline"], "文丨周行 编辑| 林舟");
    assert_eq!(iv["speakers"], serde_json::json!(["海风周刊", "陈远"]));
    assert_eq!(iv["roles"]["海风周刊"], "interviewer");
    assert_eq!(iv["roles"]["陈远"], "guest");
    let sections = iv["sections"].as_array().unwrap();
    let titles: Vec<_> = sections
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["三十年，只做一件事", "手艺怎么传下去"]);
    assert_eq!(sections[0]["number"], 1);
    assert!(sections[0]["pull_quote"].is_null());
    assert_eq!(opening_turns(&iv).len(), 10);
    // The account card, source line and the page's tail are dropped, verbatim.
    let dropped: Vec<&str> = iv["dropped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert!(dropped.contains(&"321篇原创内容"), "{dropped:?}");
    assert!(dropped.iter().any(|d| d.contains("跳转到 Cubox")));
    let intro = iv["meta"]["intro"].as_array().unwrap();
    assert_eq!(intro.len(), 3, "{intro:?}");
    // Emphasis: character ranges of the editor's bold inside the answer.
    let p = &sections[0]["paragraphs"][1];
    let text: Vec<char> = p["text"].as_str().unwrap().chars().collect();
    let spans: Vec<String> = p["emphasis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let (a, b) = (
                r[0].as_u64().unwrap() as usize,
                r[1].as_u64().unwrap() as usize,
            );
            text[a..b].iter().collect()
        })
        .collect();
    assert_eq!(spans, ["一条船要做半年，急不得，也省不了一道工序。"]);
    assert!(p["text"].as_str().unwrap().contains("这样——你慢下来"));
}

#[test]
fn html_page_and_plain_panel() {
    let iv = inspect(&["--input", fixture("wechat.html").to_str().unwrap()], None);
    assert_eq!(iv["meta"]["format"], "html");
    assert_eq!(iv["meta"]["title"], "对话调音师：声音里没有捷径");
    assert_eq!(iv["meta"]["date"], "2024-05-20");
    assert_eq!(
        iv["meta"]["source_url"],
        "https://mp.weixin.qq.com/s/jinju-html-fixture"
    );
    assert_eq!(iv["roles"]["声场"], "interviewer");
    assert_eq!(opening_turns(&iv).len(), 8);
    let titles: Vec<_> = iv["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["耳朵是练出来的", "没有捷径"]);
    let numbers: Vec<_> = iv["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["number"].as_u64())
        .collect();
    assert_eq!(
        numbers,
        [Some(1), Some(2)],
        "`一、` and `二、` are the sections' numbers"
    );
    assert_eq!(iv["dropped"], serde_json::json!(["-END-"]));

    let iv = inspect(&["--input", fixture("panel.txt").to_str().unwrap()], None);
    assert_eq!(iv["meta"]["format"], "text");
    assert_eq!(
        iv["speakers"],
        serde_json::json!(["主持人", "周医生", "老陈", "小林"])
    );
    assert_eq!(iv["roles"]["主持人"], "interviewer");
    for guest in ["周医生", "老陈", "小林"] {
        assert_eq!(iv["roles"][guest], "guest");
    }
    let sections = iv["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 1);
    assert!(sections[0]["number"].is_null() && sections[0]["title"].is_null());
}

#[test]
fn standard_input_and_from() {
    let md = fs::read(fixture("wechat.md")).unwrap();
    let iv = inspect(&["--input", "-", "--from", "markdown"], Some(&md));
    assert_eq!(iv["meta"]["format"], "markdown");
    assert_eq!(opening_turns(&iv).len(), 10);
    // Sniffed without a name: still Markdown.
    let iv = inspect(&["--input", "-"], Some(&md));
    assert_eq!(iv["meta"]["format"], "markdown");
    // Forced to plain text, the Markdown's bold stays literal `**`, so no label is found: the
    // text is read as one speaker's talk, and inspect says so.
    let iv = inspect(&["--input", "-", "--from", "text"], Some(&md));
    assert_eq!(iv["meta"]["format"], "text");
    assert_eq!(iv["speakers"].as_array().unwrap().len(), 1);
    let doubt = iv["doubts"][0]["what"].as_str().unwrap();
    assert!(doubt.contains("no speaker turns found"), "{doubt}");
}

/// Run epubcheck on a file; 0 errors and 0 warnings required (fails when it is missing).
pub fn epubcheck(path: &Path) {
    let jar = "/usr/share/java/epubcheck.jar";
    let out = std::process::Command::new("java")
        .args(["-jar", jar])
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("epubcheck (java -jar {jar}) is required: {e}"));
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("0 fatals / 0 errors / 0 warnings"),
        "epubcheck on {}:\n{text}",
        path.display()
    );
}

/// `jinju build` on `input` into `out`: at least three cards and an EPUB; the EPUB's path
/// and the manifest's artifacts (epubcheck runs in the tests that need it).
pub fn build_cards_and_book(input: &Path, out: &Path) -> (PathBuf, Vec<serde_json::Value>) {
    let name = input.display();
    let o = jinju()
        .args(["build", "--quiet", "--format", "json", "--input"])
        .arg(input)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let m: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let artifacts = m["artifacts"].as_array().unwrap();
    let cards = artifacts.iter().filter(|a| a["kind"] == "card").count();
    assert!(cards >= 3, "{name}: {cards} cards");
    let epub = artifacts.iter().find(|a| a["kind"] == "epub").unwrap();
    let path = out.join(epub["path"].as_str().unwrap());
    (path, artifacts.clone())
}

/// The books `build` makes of `inputs` pass epubcheck.
pub fn books_pass_epubcheck(inputs: impl IntoIterator<Item = PathBuf>) {
    for input in inputs {
        let dir = tempfile::tempdir().unwrap();
        let (path, _) = build_cards_and_book(&input, dir.path());
        epubcheck(&path);
    }
}

#[test]
#[ignore = "needs epubcheck"]
fn the_book_of_each_syntax_passes_epubcheck() {
    books_pass_epubcheck(["wechat.md", "wechat.html", "panel.txt"].map(fixture));
}

fn unzip(path: &Path) -> Vec<(String, String)> {
    let file = fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
            (
                f.name().to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            )
        })
        .collect()
}

#[test]
fn build_on_each_syntax_makes_cards_and_a_valid_book_of_that_interview() {
    for (name, chapters) in [("wechat.md", 2), ("wechat.html", 2), ("panel.txt", 1)] {
        let dir = tempfile::tempdir().unwrap();
        let (path, artifacts) = build_cards_and_book(&fixture(name), dir.path());
        let files = unzip(&path);
        let ch = files
            .iter()
            .filter(|(n, _)| n.contains("/ch") && n.ends_with(".xhtml"))
            .count();
        assert_eq!(ch, chapters, "{name}: chapters");
        let all: String = files
            .iter()
            .filter(|(n, _)| !n.ends_with(".otf") && !n.ends_with(".png"))
            .map(|(_, t)| t.as_str())
            .collect();
        if name != "panel.txt" {
            assert!(
                all.contains("<strong class=\"em\">"),
                "{name}: emphasis shown"
            );
        }
        // Nothing of the bundled interview, no local file name.
        for bundled in ["全球大模型第一股", "张小珺", "智谱", "人工智能"] {
            assert!(!all.contains(bundled), "{name}: {bundled} in the book");
        }
        assert!(!all.contains(name), "{name}: the file name is in the book");
        for a in artifacts.iter().filter(|a| a["kind"] == "card") {
            let t = a["text"].as_str().unwrap();
            assert!(!t.contains("智谱"), "{name}: {t}");
        }
    }
}

#[test]
fn build_a_folder_makes_one_output_folder_per_interview() {
    let src = tempfile::tempdir().unwrap();
    for n in ["wechat.md", "panel.txt"] {
        fs::copy(fixture(n), src.path().join(n)).unwrap();
    }
    fs::write(src.path().join("notes.yaml"), "not: an interview\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = jinju()
        .args(["build", "--quiet", "--input"])
        .arg(src.path())
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for stem in ["wechat", "panel"] {
        let m: serde_json::Value =
            serde_json::from_slice(&fs::read(out.path().join(stem).join("manifest.json")).unwrap())
                .unwrap();
        assert!(
            m["artifacts"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["kind"] == "epub"),
            "{stem}"
        );
    }
    assert!(!out.path().join("notes").exists());
}

#[test]
fn bad_inputs_in_every_syntax_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let write = |name: &str, bytes: &[u8]| {
        let p = d.join(name);
        fs::write(&p, bytes).unwrap();
        p
    };
    let deep = format!("<html><body>{}字</body></html>", "<div>".repeat(5000));
    let mut big = "标题\n\n张三：你好。\n\n李四：好。\n".to_string();
    big.push_str(&"正文。".repeat((16 << 20) / 9 + 10));
    let cases: Vec<(PathBuf, &str)> = vec![
        (
            write("noturns.md", "# 标题\n".as_bytes()),
            "no speaker turns found",
        ),
        (
            write(
                "empty.html",
                b"<!DOCTYPE html><html><head><title>x</title></head><body></body></html>",
            ),
            "holds no text",
        ),
        (write("binary.html", b"<html>\x00\x01\x02</html>"), "binary"),
        (write("deep.html", deep.as_bytes()), "nested"),
        (write("big.md", big.as_bytes()), "more than 16777216 bytes"),
    ];
    for (path, message) in cases {
        let out_dir = d.join(format!(
            "out-{}",
            path.file_name().unwrap().to_string_lossy()
        ));
        let o = jinju()
            .args(["build", "--quiet", "--input"])
            .arg(&path)
            .arg("--out")
            .arg(&out_dir)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{}: {err}", path.display());
        assert!(
            err.contains(message),
            "{}: expected {message:?} in {err}",
            path.display()
        );
        assert!(!err.contains("panicked"), "{err}");
        assert!(
            !out_dir.exists() || fs::read_dir(&out_dir).unwrap().next().is_none(),
            "{}: files written",
            path.display()
        );
    }
}

/// The hand-checked truth of the shared real interviews, through `../shared/tools/structure.py`
/// (it fails, not skips, when the samples or python3 are missing).
#[test]
#[ignore = "needs python3 and ../shared"]
fn shared_samples_match_their_truth() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let samples = root.join("content/samples");
    let checker = root.join("tools/structure.py");
    assert!(
        samples.is_dir() && checker.is_file(),
        "the shared samples and checker are required beside the repository (../shared/content/samples, ../shared/tools/structure.py)"
    );
    let exe = assert_cmd::cargo::cargo_bin("jinju");
    let o = std::process::Command::new("python3")
        .arg(&checker)
        .arg("--all")
        .arg(&samples)
        .env("JINJU", &exe)
        .output()
        .expect("python3 is required to run the structure checker");
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "structure check failed:\n{report}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        report.contains("interviews match") && !report.contains("FAIL"),
        "{report}"
    );
}

/// The shared targets that read right (a ratchet: the list only grows), through the checker
/// one file at a time, with the reasons of any failure.
const PASSING_TARGETS: &[&str] = &[
    "cursor",
    "hkc_chenmeiling",
    "huang_zuck",
    "huggingface",
    "karpathy",
    "o1_roundtable",
    "onboard_llm",
    "qukai_qa",
    "spotify_panel",
    "tangdaosheng",
    "zhouhongyi",
];

#[test]
#[ignore = "needs python3 and ../shared"]
fn shared_targets_that_pass_keep_passing() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let targets = root.join("content/targets");
    let checker = root.join("tools/structure.py");
    assert!(
        targets.is_dir() && checker.is_file(),
        "the shared targets and checker are required beside the repository (../shared/content/targets)"
    );
    let exe = assert_cmd::cargo::cargo_bin("jinju");
    let mut failed = Vec::new();
    for name in PASSING_TARGETS {
        let file = targets.join(format!("{name}.md"));
        let truth = targets.join(format!("{name}.truth.json"));
        let inspect = std::process::Command::new(&exe)
            .args(["inspect", "--format", "json", "--input"])
            .arg(&file)
            .output()
            .unwrap();
        let json = tempfile::NamedTempFile::new().unwrap();
        fs::write(json.path(), &inspect.stdout).unwrap();
        let o = std::process::Command::new("python3")
            .arg(&checker)
            .args([&file, &truth, &json.path().to_path_buf()])
            .output()
            .expect("python3 is required to run the structure checker");
        if !o.status.success() {
            failed.push(String::from_utf8_lossy(&o.stdout).to_string());
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Turns wrapped in HTML blocks inside Markdown (`<div>`, `<p>`, `<section><span>`) are read,
/// not dropped, and `build` says in one line what it dropped as furniture.
#[test]
fn html_blocks_in_markdown_are_read_and_build_names_what_it_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("i.md");
    let turns: String = (1..=3)
        .map(|i| {
            format!(
                "<div>李雷：第{i}个问题是什么？</div>\n\n<p><strong>韩梅梅：</strong>第{i}个回答藏在段落里。</p>\n\n\
                 <section><span>李雷：还有第{i}个追问吗？</span></section>\n\n韩梅梅：有的，第{i}个。\n\n"
            )
        })
        .collect();
    std::fs::write(&md, format!("# 标题\n\n{turns}")).unwrap();
    let o = assert_cmd::Command::cargo_bin("jinju")
        .unwrap()
        .args(["inspect", "--input"])
        .arg(&md)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for i in 1..=3 {
        for text in [
            format!("第{i}个问题是什么？"),
            format!("第{i}个回答藏在段落里。"),
            format!("还有第{i}个追问吗？"),
        ] {
            assert!(out.contains(&text), "{text}: {out}");
        }
    }
    let o = assert_cmd::Command::cargo_bin("jinju")
        .unwrap()
        .args([
            "build",
            "--text",
            "慢就是快",
            "-t",
            "square",
            "--scale",
            "0.2",
            "--out",
        ])
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("dropped") && err.contains("jinju inspect"),
        "{err}"
    );
}
