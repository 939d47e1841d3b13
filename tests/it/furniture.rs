//! Page furniture and front matter through the command line: fixtures of our own (a
//! Traditional Chinese article with YAML front matter, widgets and a card mid-text and an
//! appeal after the last turn; a TOML front-matter panel with Hugo shortcodes, players,
//! reference links and promotions), broken front matter, and the shared targets whose
//! furniture and front matter jinju now reads right, through the structure checker.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/furniture")
        .join(name)
}

fn shared(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel)
}

fn inspect(input: &Path) -> Value {
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args(["inspect", "--format", "json", "--input"])
        .arg(input)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Every paragraph text, intro included.
fn texts(iv: &Value) -> Vec<String> {
    let intro = iv["meta"]["intro"].as_array().unwrap().iter();
    let body = iv["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["paragraphs"].as_array().unwrap())
        .map(|p| &p["text"]);
    intro
        .chain(body)
        .map(|t| t.as_str().unwrap().to_string())
        .collect()
}

fn turns(iv: &Value) -> Vec<(String, String)> {
    crate::run::opening_turns(iv)
}

#[test]
fn a_traditional_article_with_yaml_front_matter_widgets_and_an_appeal() {
    let iv = inspect(&fixture("traditional_yaml.md"));
    let meta = &iv["meta"];
    assert_eq!(meta["title"], "林小雨：我不做局長，也不會做局長");
    assert_eq!(meta["date"], "2019-03-02");
    assert_eq!(meta["source_url"], "https://example.org/article/1234");
    assert_eq!(meta["outlet"], "港島週報記者");
    assert_eq!(meta["tags"], serde_json::json!(["教育", "林小雨"]));
    let t = turns(&iv);
    assert_eq!(t.len(), 8, "{t:?}");
    assert_eq!(t[7], ("林".to_string(), "多謝大家。".to_string()));
    assert!(t[5].1.contains("點擊閱讀原文"), "a turn is speech: {t:?}");
    let all = texts(&iv).join("\n");
    for gone in [
        "讚 56",
        "原創內容",
        "公眾號",
        "請加入",
        "title:",
        "教育局",
        "^1^",
    ] {
        assert!(!all.contains(gone), "{gone} kept");
    }
    assert!(all.contains("呢個模型我都用過"));
    let furniture = iv["furniture"].as_array().unwrap();
    assert_eq!(furniture.len(), 7, "{furniture:?}");
    assert!(
        furniture
            .iter()
            .all(|f| f["why"].as_str().unwrap().len() > 10)
    );
    assert!(furniture.iter().any(|f| f["text"] == "，讚 56"));
    let dropped: Vec<&str> = iv["dropped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert!(dropped.iter().any(|d| d.starts_with("請加入成為")));
    assert!(dropped.iter().any(|d| d == &"12篇原創內容"));
}

#[test]
fn toml_front_matter_players_links_and_promotions_after_the_last_turn() {
    let iv = inspect(&fixture("toml_talk_panel.md"));
    let meta = &iv["meta"];
    assert_eq!(meta["title"], "三位创始人谈产品");
    assert_eq!(meta["date"], "2024-05-06");
    assert_eq!(meta["source_url"], "https://example.com/posts/panel");
    assert_eq!(meta["tags"], serde_json::json!(["产品", "创业"]));
    let t = turns(&iv);
    let who: Vec<&str> = t.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(who, ["主持人", "张三", "李四", "主持人", "张三", "李四"]);
    assert_eq!(t[1].1, "我觉得Agent会改变很多事情。这是我们内部的看法。");
    let all = texts(&iv).join("\n");
    for gone in [
        "视频加载失败",
        "文章地址",
        "都看到这里了",
        "更多阅读",
        "{{",
        "+++",
    ] {
        assert!(!all.contains(gone), "{gone} kept");
    }
}

#[test]
fn the_toml_panel_builds_cards_and_a_book() {
    let out = tempfile::tempdir().unwrap();
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args(["build", "--input"])
        .arg(fixture("toml_talk_panel.md"))
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let files: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let epub = files.iter().find(|f| f.ends_with(".epub")).expect("a book");
    assert!(epub.starts_with("三位创始人谈产品"), "{files:?}");
    // The front matter's tags are the book's subjects, its date the book's.
    let file = std::fs::File::open(out.path().join(epub)).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut opf = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("OEBPS/content.opf").unwrap(), &mut opf)
        .unwrap();
    assert!(opf.contains("<dc:subject>产品</dc:subject>"), "{opf}");
    assert!(opf.contains("<dc:date>2024-05-06</dc:date>"), "{opf}");
}

#[test]
fn broken_front_matter_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("broken.md");
    std::fs::write(&f, "---\ntitle: \"open\nauthor: x\n---\n\n张三：你好。\n").unwrap();
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args(["inspect", "--input"])
        .arg(&f)
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("YAML front matter") && err.contains("lines 1–4"),
        "{err}"
    );
}

/// The shared targets whose furniture and front matter are read right: the checker passes
/// on them, or (the Hong Kong article, whose legend is another issue's) on the title and
/// the appeal after the last answer.
#[test]
#[ignore = "needs python3 and ../shared"]
fn shared_targets_furniture_and_front_matter() {
    let targets = shared("content/targets");
    let checker = shared("tools/structure.py");
    assert!(
        targets.is_dir() && checker.is_file(),
        "../shared is required"
    );
    let exe = assert_cmd::cargo::cargo_bin("jinju");
    let json_dir = tempfile::tempdir().unwrap();
    for name in ["karpathy", "spotify_panel"] {
        let iv = inspect(&targets.join(format!("{name}.md")));
        let json = json_dir.path().join(format!("{name}.json"));
        std::fs::write(&json, serde_json::to_vec(&iv).unwrap()).unwrap();
        let o = std::process::Command::new("python3")
            .arg(&checker)
            .arg(targets.join(format!("{name}.md")))
            .arg(targets.join(format!("{name}.truth.json")))
            .arg(&json)
            .env("JINJU", &exe)
            .output()
            .expect("python3 is required");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    }
    let iv = inspect(&targets.join("hkc_chenmeiling.md"));
    assert_eq!(
        iv["meta"]["title"],
        "陳美齡：我而家唔係做教育局長，亦唔會做教育局長"
    );
    let all = texts(&iv).join("\n");
    assert!(!all.contains("月費訂戶") && !all.contains("title:"));
    assert!(
        iv["sections"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["title"].is_null())
    );
}
