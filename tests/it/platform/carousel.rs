//! Carousels: a cover, the quotes numbered `n/N`, an end card whose QR code scans to the
//! source; within the platform's count, more quotes making more sets.

use crate::cards::common::quote;
use assert_cmd::Command;
use jinju::card::{self, FontBook, RenderOptions, SourceInfo, Template};
use std::fs;
use std::path::Path;

fn source(link: Option<&str>) -> SourceInfo {
    SourceInfo {
        title: "对话某某：慢就是快，少就是多".into(),
        guests: vec!["王小明".into()],
        outlet: Some("某某科技".into()),
        date: Some("2024-05-01".into()),
        link: link.map(str::to_string),
        ..SourceInfo::default()
    }
}

fn quotes(n: usize) -> Vec<jinju::card::CardText> {
    (0..n)
        .map(|i| {
            let mut q = quote(&format!(
                "第{}句：真正的门槛从来不是技术，而是耐心。",
                i + 1
            ));
            q.id = format!("q{i}");
            q
        })
        .collect()
}

fn rgb(bytes: &[u8]) -> image::RgbImage {
    image::load_from_memory(bytes).unwrap().into_rgb8()
}

#[test]
fn a_set_is_cover_numbered_pages_and_end_card() {
    let t = Template::load("xiaohongshu").unwrap();
    let book = FontBook::embedded();
    let opts = RenderOptions::default();
    let qs = quotes(3);
    let images = card::render_carousel(&qs, &source(None), &t, &book, &opts).unwrap();
    assert_eq!(images.len(), 5);
    let ids: Vec<_> = images.iter().map(|i| i.quote.as_deref()).collect();
    assert_eq!(ids, [None, Some("q0"), Some("q1"), Some("q2"), None]);
    assert!(images.iter().all(|i| (i.width, i.height) == (1242, 1660)));
    // A page is the quote's card plus its number in the top padding, and nothing else.
    let top = t.padding[0];
    let card = rgb(&card::render(&qs[1], &t, &book, &opts).unwrap().bytes);
    let page = rgb(&images[2].file.bytes);
    let changed: Vec<u32> = card
        .enumerate_pixels()
        .filter(|(x, y, p)| page.get_pixel(*x, *y) != *p)
        .map(|(_, y, _)| y)
        .collect();
    assert!(!changed.is_empty(), "the page number is drawn");
    assert!(
        changed.iter().all(|&y| y < top),
        "only the top padding changes"
    );
    // Numbers differ from page to page: 1/3 and 2/3 are not the same pixels.
    let band = |i: usize| {
        let img = rgb(&images[i].file.bytes);
        image::imageops::crop_imm(&img, 0, 0, 1242, top).to_image()
    };
    assert_ne!(band(1), band(2));
    // Cover and end card differ from each other and from the pages.
    assert_ne!(images[0].file.bytes, images[4].file.bytes);
}

#[test]
fn the_end_card_has_a_code_only_with_a_link() {
    let t = Template::load("portrait").unwrap();
    let book = FontBook::embedded();
    let opts = RenderOptions::default();
    let qs = quotes(1);
    let dark = |s: &SourceInfo| {
        let images = card::render_carousel(&qs, s, &t, &book, &opts).unwrap();
        let end = rgb(&images.last().unwrap().file.bytes);
        end.pixels().filter(|p| p.0.iter().all(|&v| v < 40)).count()
    };
    // A QR code is thousands of near-black module pixels; the title alone is not.
    let (without, with) = (
        dark(&source(None)),
        dark(&source(Some("https://example.com/a"))),
    );
    assert!(with > without + 20_000, "{without} → {with}");
}

/// `jinju cards --carousel xiaohongshu` on `n` ad hoc lines.
fn run_carousel(out: &Path, n: usize, extra: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let lines = dir.path().join("lines.txt");
    let body: String = (0..n)
        .map(|i| format!("第{i}句，真正的门槛是耐心。\n"))
        .collect();
    fs::write(&lines, body).unwrap();
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args([
            "cards",
            "--quiet",
            "-t",
            "square",
            "--carousel",
            "xiaohongshu",
        ])
        .arg("--lines")
        .arg(&lines)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap()
}

fn carousel_paths(m: &serde_json::Value) -> Vec<String> {
    m["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "carousel")
        .map(|a| a["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn more_quotes_than_a_post_takes_make_even_sets() {
    let out = tempfile::tempdir().unwrap();
    let m = run_carousel(out.path(), 20, &["--link", "https://example.com/a"]);
    let paths = carousel_paths(&m);
    // 20 quotes in 18-image posts: two sets of 10 quotes, each with a cover and an end card.
    assert_eq!(paths.len(), 24, "{paths:?}");
    for (set, folder) in ["carousel/xiaohongshu", "carousel/xiaohongshu-2"]
        .iter()
        .enumerate()
    {
        let these: Vec<_> = paths
            .iter()
            .filter(|p| p.starts_with(&format!("{folder}/")))
            .collect();
        assert_eq!(these.len(), 12, "set {set}: {these:?}");
        assert_eq!(these[0], &format!("{folder}/01.png"));
        assert_eq!(these[11], &format!("{folder}/12.png"));
        for p in these {
            assert!(out.path().join(p).is_file(), "{p}");
        }
    }
    let one = tempfile::tempdir().unwrap();
    let m = run_carousel(one.path(), 16, &[]);
    assert_eq!(carousel_paths(&m).len(), 18, "16 quotes fill one post");
}

#[test]
fn an_unknown_carousel_or_a_bad_link_is_refused() {
    let out = tempfile::tempdir().unwrap();
    for (args, says) in [
        (&["--carousel", "tiktok"][..], "xiaohongshu, instagram"),
        (
            &["--carousel", "instagram", "--link", "javascript:alert(1)"][..],
            "http(s)",
        ),
    ] {
        let o = Command::cargo_bin("jinju")
            .unwrap()
            .args(["cards", "--text", "一句话"])
            .args(args)
            .arg("--out")
            .arg(out.path().join("x"))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(says), "{err}");
        assert!(!out.path().join("x").exists());
    }
}

#[test]
#[ignore = "needs zbarimg (Debian zbar-tools)"]
fn the_end_cards_qr_code_scans_to_the_link() {
    let link = "https://mp.weixin.qq.com/s/0_wiRFV-ZTF9pWvk_CCkkQ";
    for preset in ["xiaohongshu", "portrait", "story"] {
        let t = Template::load(preset).unwrap();
        let images = card::render_carousel(
            &quotes(2),
            &source(Some(link)),
            &t,
            &FontBook::embedded(),
            &RenderOptions::default(),
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("end.png");
        fs::write(&file, &images.last().unwrap().file.bytes).unwrap();
        assert_eq!(crate::platform::zbar(&file), [link.to_string()], "{preset}");
    }
}
