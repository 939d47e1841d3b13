//! Every script in the same design, end to end: a Hong Kong interview (the shared target
//! `hkc_chenmeiling.md`, Traditional with written Cantonese) builds its cards with the
//! bundled faces alone, and a lines file of emoji and rare characters makes every card, the
//! rare ones noted in the manifest.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn shared(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel)
}

fn manifest(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(dir.join("manifest.json")).unwrap()).unwrap()
}

#[test]
#[ignore = "needs ../shared"]
fn a_hong_kong_interview_builds_its_cards_with_the_bundled_faces() {
    let dir = tempfile::tempdir().unwrap();
    let input = shared("content/targets/hkc_chenmeiling.md");
    let out = Command::cargo_bin("jinju")
        .unwrap()
        .args([
            "cards",
            "--quiet",
            "--strict",
            "--auto",
            "6",
            "--min-card",
            "0",
            "-t",
            "portrait",
            "--input",
        ])
        .arg(&input)
        .arg("--out")
        .arg(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let m = manifest(dir.path());
    let cards = m["artifacts"].as_array().unwrap();
    assert_eq!(cards.len(), 6, "{m}");
    let text: String = cards.iter().filter_map(|a| a["text"].as_str()).collect();
    assert!(
        text.chars().any(|c| "們說這個會國長陳齡".contains(c)),
        "{text}"
    );
    assert!(cards.iter().all(|a| a.get("note").is_none()), "{m}");
}

#[test]
fn emoji_and_rare_characters_make_cards_and_the_rare_are_noted() {
    let dir = tempfile::tempdir().unwrap();
    let lines = dir.path().join("lines.txt");
    fs::write(
        &lines,
        "开心😀，点赞👍🏻！\n我爱🇨🇳，也爱一家👨‍👩‍👧❤️\n這個字𠀀很少見，還有𰻞𰻞麵。\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args(["cards", "--quiet", "--strict", "-t", "square", "--lines"])
        .arg(&lines)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let m = manifest(&out);
    let cards = m["artifacts"].as_array().unwrap();
    assert_eq!(cards.len(), 3, "{m}");
    let notes: Vec<&str> = cards.iter().filter_map(|a| a["note"].as_str()).collect();
    assert_eq!(notes.len(), 1, "{m}");
    assert!(
        notes[0].contains("U+20000") && !notes[0].contains("U+30EDE"),
        "{}",
        notes[0]
    );
    let lines: String = cards
        .iter()
        .flat_map(|a| a["lines"].as_array().unwrap())
        .filter_map(|l| l.as_str())
        .collect();
    assert!(lines.contains("👨‍👩‍👧") && lines.contains("👍🏻"), "{lines}");
}
