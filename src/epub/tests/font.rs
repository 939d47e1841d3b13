//! The embedded font: a small subset that still has a glyph for every character the book shows.

use super::{book_text, entries};
use crate::epub::{EpubOptions, build};
use crate::interview::parse_default;
use ab_glyph::{Font, FontRef};
use std::path::Path;

/// A text face the repository ships: the first Serif face of `weight` (`regular`, `bold`)
/// under `fonts/`. Fails (never skips) when there is none.
pub(super) fn repo_text_font(weight: &str) -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the repository's fonts/ directory is missing ({e})"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().to_lowercase());
            name.is_some_and(|n| {
                n.contains("serif")
                    && n.contains(weight)
                    && (n.ends_with(".otf") || n.ends_with(".ttf"))
            })
        })
        .collect();
    found.sort();
    let path = found
        .first()
        .unwrap_or_else(|| panic!("no Serif {weight} font under fonts/"));
    std::fs::read(path).expect("read the font")
}

#[test]
fn the_subsets_are_small_reproducible_and_have_every_character_of_the_book() {
    let interview = parse_default().expect("parse");
    let (regular, bold) = (repo_text_font("regular"), repo_text_font("bold"));
    let opts = EpubOptions {
        font: Some(regular.clone()),
        font_bold: Some(bold.clone()),
        ..EpubOptions::default()
    };
    let epub = build(&interview, &[], &opts).expect("build");
    assert!(
        epub == build(&interview, &[], &opts).expect("build"),
        "the subsets differ"
    );
    let files = entries(&epub);
    let text = book_text(&epub);
    let mut total = 0;
    for (file, whole) in [
        ("OEBPS/fonts/text.otf", &regular),
        ("OEBPS/fonts/text-bold.otf", &bold),
    ] {
        let (_, subset) = files.iter().find(|(n, _)| n == file).expect(file);
        total += subset.len();
        assert!(
            subset.len() * 4 < whole.len(),
            "{file} is not much smaller than its font"
        );
        let whole = FontRef::try_from_slice(whole).expect("the repository font parses");
        let face = FontRef::try_from_slice(subset).expect("the subset parses");
        let mut checked = 0;
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            if whole.glyph_id(c).0 != 0 {
                assert_ne!(face.glyph_id(c).0, 0, "no glyph for {c:?} in {file}");
                checked += 1;
            }
        }
        assert!(checked > 1000, "only {checked} characters checked");
    }
    assert!(total < 1024 * 1024, "the fonts take {total} bytes");
    let css = files
        .iter()
        .find(|(n, _)| n == "OEBPS/stylesheet.css")
        .expect("css");
    let css = String::from_utf8_lossy(&css.1);
    assert!(css.starts_with("@font-face {\n  font-family: \"Jinju Text\""));
    assert!(css.contains("font-weight: bold;\n  src: url(\"fonts/text-bold.otf\")"));
}
