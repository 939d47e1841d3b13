//! Vertical cards drawn (竖排): columns from the right, Latin turned on its side, quotes as
//! corner brackets unless the template keeps them — measured on the pixels of a plain test
//! template (black on white, no mark, no attribution).

use image::RgbImage;
use jinju::card::{self, FontBook, Template};

use super::common::quote;

fn template(keep_quotes: bool, balanced: bool) -> Template {
    aligned(keep_quotes, balanced, "start")
}

fn aligned(keep_quotes: bool, balanced: bool, align: &str) -> Template {
    let yaml = format!(
        "name: test-vertical\nsize: [600, 900]\ndirection: vertical\n\
         background: {{ color: \"#FFFFFF\" }}\npadding: [50, 50, 50, 50]\n\
         quote: {{ font: serif, size: {{ min: 40, max: 40 }}, color: \"#000000\", \
         align: {align}, balanced: {balanced}, keep_quotes: {keep_quotes} }}\n"
    );
    Template::parse(&yaml, "test-vertical.yaml", None).unwrap()
}

fn paint(text: &str, t: &Template) -> (RgbImage, Vec<String>) {
    let p = card::paint(&quote(text), t, &FontBook::embedded(), 1.0, None).unwrap();
    (p.canvas.to_rgb(), p.lines)
}

/// The ink's bounding box (x0, y0, x1, y1), inclusive.
fn ink_box(img: &RgbImage) -> (u32, u32, u32, u32) {
    let mut b = (u32::MAX, u32::MAX, 0, 0);
    for (x, y, p) in img.enumerate_pixels() {
        if p.0[0] < 128 {
            b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
        }
    }
    b
}

/// Runs of inked pixel columns (x0, x1) and, for each, how far down its ink reaches.
fn columns(img: &RgbImage) -> Vec<(u32, u32, u32)> {
    let mut out: Vec<(u32, u32, u32)> = Vec::new();
    for x in 0..img.width() {
        let Some(bottom) = (0..img.height())
            .rev()
            .find(|&y| img.get_pixel(x, y).0[0] < 128)
        else {
            continue;
        };
        match out.last_mut() {
            Some(c) if x - c.1 < 8 => (c.1, c.2) = (x, c.2.max(bottom)),
            _ => out.push((x, x, bottom)),
        }
    }
    out
}

#[test]
fn columns_run_top_to_bottom_from_the_right() {
    // 23 characters at 40 px in 800-px columns, justified: a full column, then the rest.
    let text = "我".repeat(23);
    let (img, lines) = paint(&text, &aligned(false, false, "justify"));
    assert_eq!(lines.len(), 2, "{lines:?}");
    let (first, second) = (lines[0].chars().count(), lines[1].chars().count());
    assert!(first >= second + 3, "{lines:?}");
    let cols = columns(&img);
    assert_eq!(cols.len(), 2, "{cols:?}");
    let (left, right) = (cols[0], cols[1]);
    let longer = (first - second - 1) as u32 * 40;
    assert!(
        right.2 > left.2 + longer,
        "the first, longer column is at the right: {cols:?} {lines:?}"
    );
    // Both columns start at the top of the content box.
    let tops: Vec<u32> = cols
        .iter()
        .map(|c| {
            (0..img.height())
                .find(|&y| (c.0..=c.1).any(|x| img.get_pixel(x, y).0[0] < 128))
                .unwrap()
        })
        .collect();
    assert!(tops[0].abs_diff(tops[1]) < 8, "{tops:?}");
}

#[test]
fn latin_is_turned_on_its_side() {
    let t = template(false, true);
    let (img, _) = paint("ABCDEFGHIJ", &t);
    let (x0, y0, x1, y1) = ink_box(&img);
    assert!(
        y1 - y0 > 4 * (x1 - x0),
        "a turned word is tall and narrow: {x0} {y0} {x1} {y1}"
    );
    // The same word in a horizontal card is wide and flat.
    let mut flat = t.clone();
    flat.direction = card::Direction::Horizontal;
    let (img, _) = paint("ABCDEFGHIJ", &flat);
    let (x0, y0, x1, y1) = ink_box(&img);
    assert!(x1 - x0 > 4 * (y1 - y0), "{x0} {y0} {x1} {y1}");
}

#[test]
fn quotes_become_corner_brackets_unless_kept() {
    let corner = paint("他说「好」", &template(false, true)).0;
    assert_eq!(
        paint("他说“好”", &template(false, true)).0,
        corner,
        "“” are drawn as the vertical forms of 「」"
    );
    let kept = paint("他说“好”", &template(true, true)).0;
    assert_ne!(kept, corner, "keep_quotes draws the curly quotes");
    let ink = |img: &RgbImage| img.pixels().filter(|p| p.0[0] < 128).count();
    assert!(ink(&kept) > ink(&paint("他说好", &template(true, true)).0));
}
