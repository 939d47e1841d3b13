//! The vertical book (`jinju epub --vertical`, 竖排): epubcheck-clean, its spine turning pages
//! right to left, its stylesheet vertical, its font subset keeping the vertical tables, short
//! digit runs marked upright — and headless Chromium drawing a chapter in columns that start
//! at the right, where the horizontal book's same chapter is drawn in lines from the top
//! (ink profiles of screenshots); `build --vertical` and a job's `vertical: true` do the same.
//! Chromium and epubcheck are required (`.ci/run` installs
//! them); without them these tests fail, they do not skip.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use image::GrayImage;

use super::epub::{entry, headless};
use super::readers::epubcheck;

/// `jinju epub` of the bundled interview into `dir`, vertical or not.
fn book(dir: &Path, vertical: bool) -> PathBuf {
    let epub = dir.join(if vertical { "v.epub" } else { "h.epub" });
    let mut cmd = Command::cargo_bin("jinju").unwrap();
    cmd.args(["epub", "--out"]).arg(&epub);
    if vertical {
        cmd.arg("--vertical");
    }
    let run = cmd.output().unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    epub
}

fn text(epub: &Path, name: &str) -> String {
    String::from_utf8(entry(epub, name)).unwrap()
}

/// The table tags of an OpenType font.
fn tables(font: &[u8]) -> Vec<String> {
    let count = usize::from(u16::from_be_bytes([font[4], font[5]]));
    (0..count)
        .map(|i| String::from_utf8_lossy(&font[12 + 16 * i..16 + 16 * i]).to_string())
        .collect()
}

#[test]
#[ignore = "needs epubcheck"]
fn the_vertical_book_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    epubcheck(&book(dir.path(), true));
}

#[test]
fn the_vertical_book_turns_right_to_left_and_keeps_vertical_tables() {
    let dir = tempfile::tempdir().unwrap();
    let (v, h) = (book(dir.path(), true), book(dir.path(), false));
    let opf = text(&v, "OEBPS/content.opf");
    assert!(
        opf.contains("<spine toc=\"ncx\" page-progression-direction=\"rtl\">"),
        "{opf}"
    );
    assert!(
        opf.contains("<meta name=\"primary-writing-mode\" content=\"vertical-rl\"/>"),
        "Kindle's writing mode: {opf}"
    );
    let css = text(&v, "OEBPS/stylesheet.css");
    for rule in [
        "writing-mode: vertical-rl;",
        "-epub-writing-mode: vertical-rl;",
        "text-combine-upright: digits 2;",
        "text-combine-upright: all;",
    ] {
        assert!(css.contains(rule), "vertical stylesheet lacks {rule}");
    }
    let chapter = text(&v, "OEBPS/ch01.xhtml");
    assert!(chapter.contains("<span class=\"chapter-num\"><span class=\"tcy\">01</span>"));
    assert!(
        chapter.contains("也就是<span class=\"tcy\">6</span>年"),
        "{chapter}"
    );
    let font = entry(&v, "OEBPS/fonts/text.otf");
    let tags = tables(&font);
    for tag in ["GSUB", "vhea", "vmtx", "VORG"] {
        assert!(
            tags.iter().any(|t| t == tag),
            "the subset lacks {tag}: {tags:?}"
        );
    }
    // The horizontal book has none of it.
    assert!(text(&h, "OEBPS/content.opf").contains("page-progression-direction=\"ltr\""));
    assert!(!text(&h, "OEBPS/stylesheet.css").contains("vertical-rl"));
    assert!(!text(&h, "OEBPS/content.opf").contains("vertical-rl"));
    assert!(!text(&h, "OEBPS/ch01.xhtml").contains("class=\"tcy\""));
}

/// Screenshot of the book's first chapter, 900×700 CSS px, through a horizontal page that
/// frames it (headless Chromium paints nothing when the screenshot's own root is vertical).
fn screenshot(epub: &Path, dir: &Path) -> GrayImage {
    for name in [
        "stylesheet.css",
        "fonts/text.otf",
        "fonts/text-bold.otf",
        "ch01.xhtml",
    ] {
        let to = dir.join(name);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::write(to, entry(epub, &format!("OEBPS/{name}"))).unwrap();
    }
    let frame = dir.join("frame.html");
    std::fs::write(
        &frame,
        "<!DOCTYPE html><html><head><style>html,body{margin:0}\
         iframe{border:0;width:900px;height:700px;display:block}</style></head>\
         <body><iframe src=\"ch01.xhtml\"></iframe></body></html>",
    )
    .unwrap();
    let png = dir.join("shot.png");
    let out = headless(&dir.join("profile"))
        .args(["--hide-scrollbars", "--window-size=900,700"])
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", frame.display()))
        .output()
        .unwrap();
    image::open(&png)
        .unwrap_or_else(|e| {
            panic!(
                "no screenshot ({e}): {}",
                String::from_utf8_lossy(&out.stderr)
            )
        })
        .into_luma8()
}

/// Bands of ink along one axis: (start, end) of each run of ink-bearing lines (columns when
/// `by_x`), runs closer than 4 px joined.
fn bands(img: &GrayImage, by_x: bool) -> Vec<(u32, u32)> {
    let (w, h) = img.dimensions();
    let (n, m) = if by_x { (w, h) } else { (h, w) };
    let inked = |i: u32| {
        (0..m).any(|j| {
            let (x, y) = if by_x { (i, j) } else { (j, i) };
            img.get_pixel(x, y).0[0] < 128
        })
    };
    let mut out: Vec<(u32, u32)> = Vec::new();
    for i in (0..n).filter(|&i| inked(i)) {
        match out.last_mut() {
            Some(last) if i - last.1 < 5 => last.1 = i,
            _ => out.push((i, i)),
        }
    }
    out
}

#[test]
#[ignore = "needs chromium"]
fn chromium_sets_the_vertical_chapter_in_columns_from_the_right() {
    let dir = tempfile::tempdir().unwrap();
    let shot = |vertical: bool| {
        let epub = book(dir.path(), vertical);
        let into = dir.path().join(if vertical { "v" } else { "h" });
        screenshot(&epub, &into)
    };
    let (v, h) = (shot(true), shot(false));
    let (v_cols, v_rows) = (bands(&v, true), bands(&v, false));
    let (h_cols, h_rows) = (bands(&h, true), bands(&h, false));
    // Vertical: many columns of ink side by side, each running down the page.
    assert!(
        v_cols.len() >= 12 && v_rows.len() <= 3,
        "vertical: {} column bands, {} row bands",
        v_cols.len(),
        v_rows.len()
    );
    // The horizontal book, as a control: lines of ink one under the other.
    assert!(
        h_rows.len() >= 12 && h_cols.len() <= 3,
        "horizontal: {} column bands, {} row bands",
        h_cols.len(),
        h_rows.len()
    );
    // The chapter starts at the right: its widest column (the chapter number, 2.8 em) lies
    // in the right third, as the widest line of the horizontal chapter lies in the top third.
    let widest = |b: &[(u32, u32)]| *b.iter().max_by_key(|(a, e)| e - a).unwrap();
    let (a, e) = widest(&v_cols);
    assert!(
        a > 600,
        "the chapter number is at x {a}–{e}, not at the right"
    );
    let (a, e) = widest(&h_rows);
    assert!(e < 233, "the horizontal chapter number is at y {a}–{e}");
}

/// The spine of the one EPUB a `build` output folder holds.
fn spine_of(out: &Path) -> String {
    let epub = std::fs::read_dir(out)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "epub"))
        .unwrap_or_else(|| panic!("no epub in {}", out.display()));
    let opf = text(&epub, "OEBPS/content.opf");
    opf.lines()
        .find(|l| l.contains("<spine"))
        .unwrap()
        .to_string()
}

#[test]
fn build_takes_vertical_as_a_flag_and_as_a_job_key() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let o = Command::cargo_bin("jinju")
            .unwrap()
            .current_dir(dir.path())
            .args(["build", "--quiet"])
            .args(args)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    run(&[
        "--vertical",
        "--template",
        "story-vertical",
        "--out",
        "flag",
    ]);
    assert!(spine_of(&dir.path().join("flag")).contains("\"rtl\""));
    let cards = std::fs::read_dir(dir.path().join("flag/cards"))
        .unwrap()
        .count();
    assert!(cards >= 17, "{cards} vertical cards");
    std::fs::write(
        dir.path().join("job.yaml"),
        "jobs:\n  - out: v\n    cards: false\n    vertical: true\n  - out: h\n    cards: false\n",
    )
    .unwrap();
    run(&["--job", "job.yaml"]);
    assert!(spine_of(&dir.path().join("v")).contains("\"rtl\""));
    assert!(spine_of(&dir.path().join("h")).contains("\"ltr\""));
}
