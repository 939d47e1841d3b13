//! The embedded font: a small subset that still has a glyph for every character the book shows.

use super::{book_text, entries};
use crate::epub::{EpubOptions, build};
use crate::interview::parse_default;
use ab_glyph::{Font, FontRef};
use std::path::Path;

/// The text font the repository ships: the first Serif regular face under `fonts/`.
/// Fails (never skips) when there is none.
pub(super) fn repo_text_font() -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the repository's fonts/ directory is missing ({e})"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().to_lowercase());
            name.is_some_and(|n| {
                n.contains("serif")
                    && n.contains("regular")
                    && (n.ends_with(".otf") || n.ends_with(".ttf"))
            })
        })
        .collect();
    found.sort();
    let path = found.first().expect("a Serif regular font under fonts/");
    std::fs::read(path).expect("read the font")
}

#[test]
fn the_subset_is_small_and_has_every_character_of_the_book() {
    let interview = parse_default().expect("parse");
    let font = repo_text_font();
    let whole = FontRef::try_from_slice(&font).expect("the repository font parses");
    let opts = EpubOptions {
        font: Some(font.clone()),
        ..EpubOptions::default()
    };
    let epub = build(&interview, &[], &opts).expect("build");
    let files = entries(&epub);
    let (name, subset) = files
        .iter()
        .find(|(n, _)| n.starts_with("OEBPS/fonts/"))
        .expect("the font is embedded");
    assert!(
        subset.len() < 1024 * 1024,
        "{name} is {} bytes",
        subset.len()
    );
    assert!(
        subset.len() * 4 < font.len(),
        "the subset is not much smaller than the font"
    );
    let face = FontRef::try_from_slice(subset).expect("the subset parses");
    let text = book_text(&epub);
    let mut checked = 0;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if whole.glyph_id(c).0 != 0 {
            assert_ne!(face.glyph_id(c).0, 0, "no glyph for {c:?} in the subset");
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} characters checked");
    let css = files
        .iter()
        .find(|(n, _)| n == "OEBPS/stylesheet.css")
        .expect("css");
    assert!(
        String::from_utf8_lossy(&css.1).starts_with("@font-face {\n  font-family: \"Jinju Text\"")
    );
}
