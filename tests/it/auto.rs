//! Automatic selection as a user runs it: the editor's emphasis first and said so, the JSON's
//! `score` and `from_emphasis`, every guest of a panel, no questions, the bundled interview's
//! sections, and agreement with editors on the shared samples (`../shared/tools/editor_agreement.py`).

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/readers")
        .join(name)
}

fn auto(args: &[&str]) -> Vec<serde_json::Value> {
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args(["quotes", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn the_editors_bold_is_picked_first_and_explained() {
    let md = fixture("wechat.md");
    let picks = auto(&["--input", md.to_str().unwrap(), "--auto", "2", "--explain"]);
    assert_eq!(picks.len(), 2);
    for q in &picks {
        assert!(q["score"].is_f64(), "{q}");
        assert_eq!(q["from_emphasis"], true, "{q}");
        assert!(q["why"].as_str().unwrap().contains("bold"), "{q}");
        assert!(q["explain"].is_object(), "{q}");
    }
    // Each is one of the fixture's bold sentences, one per section (it has two).
    let bold = [
        "一条船要做半年，急不得，也省不了一道工序。",
        "现在来订船的，大多是想留个念想的人。",
        "手艺这东西，心诚比手巧更重要。",
    ];
    for q in &picks {
        let text = q["text"].as_str().unwrap();
        assert!(bold.contains(&text), "{text}");
    }
    let sections: Vec<u64> = picks
        .iter()
        .map(|q| q["section"]["number"].as_u64().unwrap())
        .collect();
    assert_eq!(sections, [1, 2], "{picks:?}");
    // The same interview with its bold removed: the text alone decides, and says so.
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.md");
    fs::write(&plain, fs::read_to_string(&md).unwrap().replace("**", "")).unwrap();
    // (Every line that passes the filters: the card floor is tested on its own.)
    let picks = auto(&[
        "--input",
        plain.to_str().unwrap(),
        "--auto",
        "2",
        "--explain",
        "--min-card",
        "0",
    ]);
    assert_eq!(picks.len(), 2);
    for q in &picks {
        assert_eq!(q["from_emphasis"], false, "{q}");
        assert!(q["why"].as_str().unwrap().contains("learned ranker"), "{q}");
    }
}

#[test]
fn the_editors_bold_is_quoted_from_where_its_thought_starts() {
    // Bold set after a preamble (`有个…事实是，`), an item number (`第一，`) and a contrast
    // (`但`): the card line is the bold clause to its sentence's end; a bold consequence
    // (`那么…`) is never cut from its condition.
    let md = fixture("bold_clauses.md");
    let picks = auto(&["--input", md.to_str().unwrap(), "--auto", "6", "--explain"]);
    let texts: Vec<&str> = picks.iter().map(|q| q["text"].as_str().unwrap()).collect();
    for clause in [
        "木船的寿命其实比钢船长得多，修得好能用五十年。",
        "手艺人最怕的不是没活干，而是没人愿意坐下来学。",
        "我觉得小船坞会比大船厂活得更久一些。",
    ] {
        let q = picks.iter().find(|q| q["text"] == clause);
        let q = q.unwrap_or_else(|| panic!("{clause} not in {texts:?}"));
        assert_eq!(q["from_emphasis"], true, "{q}");
        let why = q["why"].as_str().unwrap();
        assert!(why.contains("where the bold thought starts"), "{why}");
    }
    assert!(
        texts
            .iter()
            .all(|t| !t.starts_with("那么") && !t.contains("有个很多人")),
        "{texts:?}"
    );
}

#[test]
fn every_guest_of_a_panel_is_represented() {
    let picks = auto(&[
        "--input",
        fixture("panel.txt").to_str().unwrap(),
        "--auto",
        "3",
    ]);
    let mut speakers: Vec<&str> = picks
        .iter()
        .map(|q| q["speaker"].as_str().unwrap())
        .collect();
    speakers.sort_unstable();
    assert_eq!(speakers, ["周医生", "小林", "老陈"], "{picks:?}");
}

#[test]
fn the_bundled_interview_covers_its_sections_without_questions() {
    // Every line that passes the filters (the card floor is tested on its own).
    let picks = auto(&["--auto", "20", "--explain", "--min-card", "0"]);
    assert_eq!(picks.len(), 20);
    let mut sections: Vec<u64> = picks
        .iter()
        .map(|q| q["section"]["number"].as_u64().unwrap())
        .collect();
    sections.dedup();
    assert_eq!(sections, [1, 2, 3, 4, 5]);
    for q in &picks {
        let text = q["text"].as_str().unwrap();
        assert!(!text.contains('？') && !text.contains('?'), "{text}");
        assert_eq!(q["speaker"], "张鹏");
        // The bundled text has no bold: only a pull quote can be the editor's pick.
        if q["from_emphasis"] == true {
            assert!(q["why"].as_str().unwrap().contains("pull quote"), "{q}");
        }
        assert!((8..=60).contains(&q["chars"].as_u64().unwrap()), "{text}");
    }
}

/// Mean P@10 over the shared `dirs` (`samples`, `targets`) as `editor_agreement.py` prints it.
fn agreement(emphasis: bool, dirs: &[&str]) -> (f64, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let tool = root.join("tools/editor_agreement.py");
    let dirs: Vec<PathBuf> = dirs.iter().map(|d| root.join("content").join(d)).collect();
    assert!(
        tool.is_file() && dirs.iter().all(|d| d.is_dir()),
        "the shared interviews and tool are required beside the repository (../shared/content/{{samples,targets}}, ../shared/tools/editor_agreement.py)"
    );
    let mut cmd = std::process::Command::new("python3");
    cmd.arg(&tool).arg("--all").args(&dirs);
    if emphasis {
        cmd.arg("--emphasis");
    }
    let o = cmd
        .env("JINJU", assert_cmd::cargo::cargo_bin("jinju"))
        .output()
        .expect("python3 is required to run the editor agreement tool");
    let report = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        o.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!report.contains("jinju failed"), "{report}");
    let mean = report
        .lines()
        .find_map(|l| l.strip_prefix("editor agreement: mean P@10 = "))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no mean in:\n{report}"));
    (mean, report)
}

#[test]
#[ignore = "needs python3 and ../shared"]
fn with_emphasis_the_picks_agree_with_editors() {
    let (mean, report) = agreement(true, &["samples"]);
    assert!(mean >= 0.80, "{report}");
}

#[test]
#[ignore = "needs python3 and ../shared"]
fn with_emphasis_the_picks_agree_with_editors_on_samples_and_targets() {
    let (mean, report) = agreement(true, &["samples", "targets"]);
    assert!(mean >= 0.70, "{report}");
}

#[test]
fn automatic_picks_fit_the_chosen_templates() {
    // `wechat-cover` shows at most 24 characters: automatic picks are no longer, so every
    // card is drawn; an explicit quote that is longer is still refused, not cut.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cards");
    let manifest = crate::run::cards_manifest(
        &out,
        &[
            "--template",
            "wechat-cover",
            "--auto",
            "6",
            "--min-card",
            "0",
        ],
    );
    let cards = manifest["artifacts"].as_array().unwrap();
    // Every card the manifest names is a PNG on disk.
    let pngs = cards
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .filter(|p| p.ends_with(".png") && out.join(p).is_file())
        .count();
    assert_eq!(pngs, 6);
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args([
            "cards",
            "--template",
            "wechat-cover",
            "--at",
            "1.3.2",
            "--out",
        ])
        .arg(dir.path().join("long"))
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("at most 24"));
}

#[test]
fn automatic_picks_skip_lines_the_card_fonts_cannot_draw() {
    // The guest's best lines carry a CJK Extension F character no embedded font has: a build with automatic
    // picks leaves them out (saying so) and makes cards of the others; a quote the user
    // names with such a character is still refused by the card, as before.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("emoji.md");
    fs::write(
        &input,
        "# 写代码的人\n\n**甲**：你是做什么的？\n\n\
         **乙**：**我是一名程序员\u{2CEB0}，每天都在写代码，我觉得写代码是世界上最有意思的事情。**\n\n\
         **甲**：你怎么看待人工智能？\n\n\
         **乙**：**人工智能会改变每一个行业\u{2CEB0}，但真正重要的是人如何使用它。**\n\n\
         **甲**：最后一个问题呢？\n\n\
         **乙**：坚持做自己喜欢的事情，时间会给出答案，这是我这些年最深的体会。\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args(["build", "--auto", "3", "--input"])
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(stderr.contains("2 automatic pick(s) skipped"), "{stderr}");
    // Only the line without an emoji (paragraph 1.6) became cards.
    let cards: Vec<String> = fs::read_dir(out.join("cards"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!cards.is_empty());
    assert!(cards.iter().all(|c| c.starts_with("q1-6")), "{cards:?}");
    let named = Command::cargo_bin("jinju")
        .unwrap()
        .args(["cards", "--at", "1.2", "--input"])
        .arg(&input)
        .arg("--out")
        .arg(dir.path().join("named"))
        .output()
        .unwrap();
    assert!(!named.status.success());
    assert!(String::from_utf8_lossy(&named.stderr).contains("no font has"));
}

/// An interview whose editor bolded a line holding an unresolved demonstrative (`这种说法`)
/// and one that stands alone.
const OVERRIDDEN: &str = "对话造船人：慢一点\n=====\n\n在福建的一个小渔村，陈远做了三十年木船。\n\n\
**海风周刊：有人说木船要被淘汰了，你怎么看？**\n\n\
**陈远：**其实不会。**我从来不相信这种说法，村里的人也不相信。**\n\n\
**海风周刊：那你怎么看手艺？**\n\n\
**陈远：**我们镇上以前有二十多家船厂。**好的船不是造出来的，而是修出来的。**\n\n\
**海风周刊：年轻人呢？**\n\n\
**陈远：**年轻人坐得住的不多，坐得住的都成了好师傅。\n";

#[test]
fn the_editors_bold_overrides_a_demonstrative_but_ranks_below_what_stands_alone() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("boat.md");
    fs::write(&md, OVERRIDDEN).unwrap();
    let picks = auto(&["--input", md.to_str().unwrap(), "--auto", "2", "--explain"]);
    let texts: Vec<&str> = picks.iter().map(|q| q["text"].as_str().unwrap()).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    // Bold first, the one that stands alone before the one that points outside itself.
    let best = picks
        .iter()
        .max_by(|a, b| {
            a["score"]
                .as_f64()
                .partial_cmp(&b["score"].as_f64())
                .unwrap()
        })
        .unwrap();
    assert_eq!(
        best["text"], "好的船不是造出来的，而是修出来的。",
        "{picks:?}"
    );
    let overridden = picks
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("这种说法"))
        .unwrap_or_else(|| panic!("{texts:?}"));
    assert!(
        overridden["explain"]["demonstrative"].as_f64().unwrap() < 0.0,
        "{overridden}"
    );
    let passed: Vec<&str> = overridden["passed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        !passed.contains(&"demonstrative") && passed.contains(&"reference"),
        "{passed:?}"
    );
    // No editor marked it: the line is rejected, however many picks are asked for.
    let plain = dir.path().join("plain.md");
    let bold = "**我从来不相信这种说法，村里的人也不相信。**";
    fs::write(&plain, OVERRIDDEN.replace(bold, bold.trim_matches('*'))).unwrap();
    let picks = auto(&["--input", plain.to_str().unwrap(), "--auto", "10"]);
    assert!(!picks.is_empty());
    assert!(
        picks
            .iter()
            .all(|q| !q["text"].as_str().unwrap().contains("这种说法")),
        "{picks:?}"
    );
}

#[test]
fn lines_of_jinjus_own_must_stand_on_a_card_and_a_short_selection_says_so() {
    // The bundled interview (no bold): with every line allowed, 40 picks; at the default
    // card floor fewer, and a note naming the flag that takes weaker lines.
    let all = auto(&["--auto", "40", "--min-card", "0"]);
    assert_eq!(all.len(), 40);
    let run = |floor: Option<&str>| {
        let mut cmd = Command::cargo_bin("jinju").unwrap();
        cmd.args(["quotes", "--format", "json", "--auto", "40"]);
        if let Some(p) = floor {
            cmd.args(["--min-card", p]);
        }
        let o = cmd.output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let picks: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
        (picks, String::from_utf8_lossy(&o.stderr).into_owned())
    };
    let (strict, err) = run(None);
    assert!(
        !strict.is_empty() && strict.len() < all.len(),
        "{}",
        strict.len()
    );
    assert!(
        err.contains("of the 40 automatic picks asked for") && err.contains("lower --min-card"),
        "{err}"
    );
    // Where no line clears the floor, the best of the weaker ones, said so: never none.
    let (weaker, err) = run(Some("1"));
    assert_eq!(weaker.len(), 40);
    assert!(err.contains("best of weaker lines"), "{err}");
    // A chance is between 0 and 1.
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args(["quotes", "--auto", "4", "--min-card", "1.5"])
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a chance between 0 and 1"));
}
