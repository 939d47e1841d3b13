//! Reference images: four presets (two horizontal, two vertical) compared by pixels, ±2 per channel on at least 99.9% of
//! pixels (encoder changes do not matter; layout and drawing changes do). On failure a diff
//! image (mismatches red over the faded reference) is written under the target directory.
//! `JINJU_BLESS=1 cargo test --test it cards` rewrites the references.

use std::path::{Path, PathBuf};

use image::{Rgb, RgbImage};
use jinju::card::{self, FontBook, Template};

use super::common::{SAMPLES, quote};

const TOLERANCE: u8 = 2;
const MIN_MATCHING: f64 = 0.999;

fn check(preset: &str) {
    let t = Template::load(preset).unwrap();
    let painted = card::paint(
        &quote(SAMPLES[1]),
        &t,
        &FontBook::embedded(),
        1.0,
        Some("金句"),
    );
    let canvas = painted.unwrap().canvas;
    let actual = canvas.to_rgb();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/reference/{preset}.png"));
    if std::env::var_os("JINJU_BLESS").is_some() {
        let level = card::PngLevel::High;
        let (png, _) = card::encode_png(&canvas, &[], card::PngFormat::Auto, level).unwrap();
        std::fs::write(&path, png).unwrap();
        return;
    }
    let expected = image::open(&path)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e}; run with JINJU_BLESS=1 to create it",
                path.display()
            )
        })
        .into_rgb8();
    assert_eq!(expected.dimensions(), actual.dimensions(), "{preset}");
    if expected.as_raw() == actual.as_raw() {
        return;
    }
    let mut diff = RgbImage::new(actual.width(), actual.height());
    let mut bad = 0usize;
    for (x, y, e) in expected.enumerate_pixels() {
        let a = actual.get_pixel(x, y);
        let close =
            e.0.iter()
                .zip(a.0)
                .all(|(&e, a)| e.abs_diff(a) <= TOLERANCE);
        bad += usize::from(!close);
        let faded = e.0.map(|v| 192 + v / 4);
        diff.put_pixel(x, y, if close { Rgb(faded) } else { Rgb([255, 0, 0]) });
    }
    let total = (actual.width() * actual.height()) as f64;
    let matching = 1.0 - bad as f64 / total;
    if matching < MIN_MATCHING {
        let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{preset}.diff.png"));
        diff.save(&out).unwrap();
        panic!(
            "{preset}: {bad} pixels differ by more than ±{TOLERANCE} ({:.3}% match); diff in {}",
            matching * 100.0,
            out.display()
        );
    }
}

#[test]
fn portrait_matches_its_reference() {
    check("portrait");
}

#[test]
fn xiaohongshu_matches_its_reference() {
    check("xiaohongshu");
}

#[test]
fn story_vertical_matches_its_reference() {
    check("story-vertical");
}

#[test]
fn xiaohongshu_vertical_matches_its_reference() {
    check("xiaohongshu-vertical");
}
