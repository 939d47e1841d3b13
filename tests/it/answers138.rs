//! The 138 sentences of the interviewee (as scraped, ASCII punctuation included) through the
//! cards back end — the portrait preset's lines and both vertical presets' columns — and the
//! bundled selection in columns: the typesetting rules hold on every line or column of every
//! card, and the manifest's lines give the text back.

use jinju::typeset::{is_prohibited_end, is_prohibited_start};

fn is_latin(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

const ANSWERS: [&str; 2] = ["--lines", "tests/data/answers138.txt"];

#[test]
fn the_138_answers_set_without_a_fault() {
    without_a_fault(&ANSWERS, "portrait", [1080, 1350], 138);
}

#[test]
fn the_138_answers_set_in_story_columns_without_a_fault() {
    without_a_fault(&ANSWERS, "story-vertical", [1080, 1920], 138);
}

#[test]
fn the_138_answers_set_in_xiaohongshu_columns_without_a_fault() {
    without_a_fault(&ANSWERS, "xiaohongshu-vertical", [1080, 1440], 138);
}

#[test]
fn the_bundled_selection_sets_in_columns_without_a_fault() {
    without_a_fault(&[], "story-vertical", [1080, 1920], 22);
    without_a_fault(&[], "xiaohongshu-vertical", [1080, 1440], 22);
}

/// Renders the quotes `source` selects (none: the bundled selection) with `template` and
/// checks every line of the `cards` cards.
fn without_a_fault(source: &[&str], template: &str, size: [u32; 2], cards: usize) {
    let dir = tempfile::tempdir().unwrap();
    let mut args = source.to_vec();
    args.extend(["--template", template]);
    let manifest = crate::run::cards_manifest(dir.path(), &args);
    let artifacts = manifest["artifacts"].as_array().unwrap();
    assert_eq!(artifacts.len(), cards, "{template}");
    let mut faults = Vec::new();
    for card in artifacts {
        let text = card["text"].as_str().unwrap();
        let lines: Vec<&str> = card["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        assert_eq!(lines.concat(), text, "lines lose or add text");
        assert_eq!(card["size"], serde_json::json!(size));
        for (i, line) in lines.iter().enumerate() {
            let (first, last) = (
                line.chars().next().unwrap(),
                line.trim_end().chars().last().unwrap(),
            );
            if i > 0 && is_prohibited_start(first) {
                faults.push(format!("starts with {first}: {line}"));
            }
            if i + 1 < lines.len() && is_prohibited_end(last) {
                faults.push(format!("ends with {last}: {line}"));
            }
            if let Some(next) = lines.get(i + 1) {
                let n = next.chars().next().unwrap();
                if (last == '—' && n == '—') || (last == '…' && n == '…') {
                    faults.push(format!("splits {last}{n}: {line} | {next}"));
                }
                // A break at a space between two Latin words is fine; inside one it is not.
                if line.chars().last().is_some_and(is_latin) && is_latin(n) {
                    faults.push(format!("splits a Latin word: {line} | {next}"));
                }
            }
        }
        if lines.len() > 1 {
            let last_line: String = lines[lines.len() - 1]
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            if last_line.chars().count() < 2 {
                faults.push(format!("orphan: {}", lines[lines.len() - 1]));
            }
        }
    }
    assert!(
        faults.is_empty(),
        "{template}: {} faults:\n{}",
        faults.len(),
        faults.join("\n")
    );
}
