//! The embedded font: a small subset that still has a glyph for every character the book shows.

use super::{book_text, entries};
use crate::epub::{EpubOptions, build};
use crate::interview::parse_default;
use ab_glyph::{Font, FontRef};

/// The text face the book embeds: the bundled Serif `serif` or `serif-bold` (the bytes the
/// binary carries, so these tests read no font from disk).
pub(super) fn repo_text_font(name: &str) -> Vec<u8> {
    crate::card::embedded_font_bytes(name)
        .unwrap_or_else(|| panic!("no embedded font `{name}`"))
        .to_vec()
}

#[test]
fn the_subsets_are_small_reproducible_and_have_every_character_of_the_book() {
    let interview = parse_default().expect("parse");
    let (regular, bold) = (repo_text_font("serif"), repo_text_font("serif-bold"));
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
