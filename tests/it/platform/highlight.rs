//! Highlighted key phrases: the editor's bold inside a quote or `highlight:` in a quotes
//! file, drawn in the accent colour with the lines exactly as without it.

use crate::cards::common::quote;
use assert_cmd::Command;
use jinju::card::{self, FontBook, RenderOptions, Template};
use std::fs;

#[test]
fn a_highlight_recolours_its_glyphs_and_moves_no_line() {
    let book = FontBook::embedded();
    let opts = RenderOptions::default();
    let text = "我们花了三年才明白，真正的门槛从来不是技术，而是耐心。";
    for name in ["portrait", "square", "xiaohongshu", "story"] {
        let t = Template::load(name).unwrap();
        let plain = card::render(&quote(text), &t, &book, &opts).unwrap();
        let mut q = quote(text);
        q.highlights = vec!["而是耐心".into()];
        let marked = card::render(&q, &t, &book, &opts).unwrap();
        // The same lines at the same size: the phrasing rules are untouched.
        assert_eq!(plain.lines, marked.lines, "{name}");
        assert_eq!(plain.size_px, marked.size_px, "{name}");
        let (a, b) = (
            image::load_from_memory(&plain.bytes).unwrap().into_rgb8(),
            image::load_from_memory(&marked.bytes).unwrap().into_rgb8(),
        );
        let changed: Vec<_> = a
            .enumerate_pixels()
            .filter(|(x, y, p)| b.get_pixel(*x, *y) != *p)
            .collect();
        assert!(changed.len() > 500, "{name}: {} pixels", changed.len());
        // Only ink changes: the background around the text is untouched.
        let ground = a.get_pixel(2, 2);
        assert!(changed.iter().all(|(_, _, p)| *p != ground), "{name}");
    }
}

fn quotes_json(dir: &std::path::Path, interview: &str, quotes: &str) -> std::process::Output {
    let (iv, q) = (dir.join("iv.md"), dir.join("quotes.yaml"));
    fs::write(&iv, interview).unwrap();
    fs::write(&q, quotes).unwrap();
    Command::cargo_bin("jinju")
        .unwrap()
        .args(["quotes", "--format", "json", "-i"])
        .arg(&iv)
        .arg("--quotes")
        .arg(&q)
        .output()
        .unwrap()
}

const INTERVIEW: &str = "# 对话王小明：慢就是快\n\n\
**问：**你们学到了什么？\n\n\
**王小明：**我们花了三年才明白，真正的门槛从来不是技术，**而是耐心**。后来的事大家都知道了。\n\n\
**问：**还有呢？\n\n\
**王小明：**别急。**慢慢来才快**。\n";

#[test]
fn the_editors_bold_or_the_quotes_file_names_the_phrase() {
    let dir = tempfile::tempdir().unwrap();
    let o = quotes_json(
        dir.path(),
        INTERVIEW,
        "quotes:\n  - text: 真正的门槛从来不是技术，而是耐心。\n  - text: 后来的事大家都知道了。\n    highlight: [大家]\n  - text: 慢慢来才快。\n",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let quotes = v["quotes"]
        .as_array()
        .unwrap_or_else(|| v.as_array().unwrap());
    let highlights: Vec<_> = quotes.iter().map(|q| q["highlights"].clone()).collect();
    assert_eq!(highlights[0], serde_json::json!(["而是耐心"]), "{v}");
    assert_eq!(highlights[1], serde_json::json!(["大家"]), "{v}");
    // A sentence bold but for its stop is the whole quote: nothing stands out in it.
    assert_eq!(highlights[2], serde_json::Value::Null, "{v}");
}

#[test]
fn a_highlight_not_in_the_quote_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let o = quotes_json(
        dir.path(),
        INTERVIEW,
        "quotes:\n  - text: 后来的事大家都知道了。\n    highlight: 大伙\n",
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("highlight: 大伙") && err.contains("entry 1"),
        "{err}"
    );
}
