//! The embedded font: a small subset that still has a glyph for every character the book
//! shows, the layout tables Chinese punctuation needs, and a U+2014 that joins.

use super::{book_text, entries};
use crate::epub::{BOOK_BOLD, BOOK_REGULAR, EpubOptions, build};
use crate::interview::parse_default;
use ab_glyph::{Font, FontRef};

/// The text face the book embeds: the book's regular or bold face (the bytes the binary
/// carries, so these tests read no font from disk).
pub(super) fn repo_text_font(name: &str) -> Vec<u8> {
    match name {
        "serif" => BOOK_REGULAR.to_vec(),
        "serif-bold" => BOOK_BOLD.to_vec(),
        _ => panic!("no book face `{name}`"),
    }
}

/// The table tags of an OpenType font (its table directory).
fn tables(font: &[u8]) -> Vec<String> {
    let count = u16::from_be_bytes([font[4], font[5]]) as usize;
    (0..count)
        .map(|i| String::from_utf8_lossy(&font[12 + 16 * i..16 + 16 * i]).to_string())
        .collect()
}

#[test]
fn the_subsets_keep_layout_and_vertical_tables_and_a_joining_dash() {
    let interview = parse_default().expect("parse");
    let opts = EpubOptions {
        font: Some(repo_text_font("serif").into()),
        font_bold: Some(repo_text_font("serif-bold").into()),
        ..EpubOptions::default()
    };
    let epub = build(&interview, &[], &opts).expect("build");
    for file in ["OEBPS/fonts/text.otf", "OEBPS/fonts/text-bold.otf"] {
        let (_, subset) = entries(&epub)
            .into_iter()
            .find(|(n, _)| n == file)
            .expect(file);
        let tags = tables(&subset);
        for tag in ["GSUB", "GPOS", "vhea", "vmtx", "VORG", "cmap", "CFF "] {
            assert!(
                tags.iter().any(|t| t == tag),
                "{file} lacks {tag}: {tags:?}"
            );
        }
        let face = FontRef::try_from_slice(&subset).expect("the subset parses");
        let em = face.units_per_em().expect("units per em");
        let dash = face.glyph_id('—');
        assert_ne!(dash.0, 0, "{file}: no U+2014");
        assert_eq!(
            face.h_advance_unscaled(dash),
            em,
            "{file}: U+2014 is not 1 em"
        );
        let bounds = face.outline(dash).expect("dash outline").bounds;
        assert!(
            bounds.min.x <= 0.0 && bounds.max.x >= em,
            "{file}: the dash has side bearings"
        );
    }
}

#[test]
fn the_subsets_are_small_reproducible_and_have_every_character_of_the_book() {
    let interview = parse_default().expect("parse");
    let (regular, bold) = (repo_text_font("serif"), repo_text_font("serif-bold"));
    let opts = EpubOptions {
        font: Some(regular.clone().into()),
        font_bold: Some(bold.clone().into()),
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
    assert!(css.contains("ops\";\n@font-face {\n  font-family: \"Jinju Text\""));
    assert!(css.contains("font-weight: bold;\n  src: url(\"fonts/text-bold.otf\")"));
}

#[test]
fn the_characters_the_book_face_lacks_are_named() {
    use crate::epub::font::{lacking, lacking_warning};
    let chars = "我们的聯絡方式 😀".chars().collect();
    let missing = lacking(BOOK_REGULAR, 0, &chars);
    assert_eq!(missing, ['絡', '聯', '😀'], "sorted, the space aside");
    let warning = lacking_warning(&missing).unwrap();
    assert!(warning.contains("lacks 3 characters (絡聯😀)"), "{warning}");
    assert!(lacking_warning(&[]).is_none());
    let many: Vec<char> = ('\u{E000}'..'\u{E030}').collect();
    assert!(lacking_warning(&many).unwrap().contains("and 24 more"));
}

/// The `CFF ` table of an OpenType font.
fn cff_table(font: &[u8]) -> &[u8] {
    let be32 =
        |at: usize| u32::from_be_bytes(font[at..at + 4].try_into().expect("4 bytes")) as usize;
    let at = tables(font)
        .iter()
        .position(|t| t == "CFF ")
        .expect("a CFF table");
    let (offset, length) = (be32(12 + 16 * at + 8), be32(12 + 16 * at + 12));
    &font[offset..offset + length]
}

/// Where the CFF INDEX at `at` ends.
fn index_end(cff: &[u8], at: usize) -> usize {
    let count = u16::from_be_bytes([cff[at], cff[at + 1]]) as usize;
    if count == 0 {
        return at + 2;
    }
    let size = cff[at + 2] as usize;
    let offset = |i: usize| (0..size).fold(0, |v, k| v << 8 | cff[at + 3 + i * size + k] as usize);
    at + 3 + (count + 1) * size + offset(count) - 1
}

/// The bundled faces are stored desubroutinized (`fonts/book.py`): HarfBuzz then has no
/// subroutines to flatten when it subsets them. Their global subroutine INDEX, after the
/// header and the Name, Top DICT and String INDEXes, is empty.
#[test]
fn the_bundled_faces_have_no_cff_subroutines() {
    for face in [BOOK_REGULAR, BOOK_BOLD] {
        let cff = cff_table(face);
        let names = cff[2] as usize;
        let strings = index_end(cff, index_end(cff, names));
        let globals = index_end(cff, strings);
        assert_eq!(u16::from_be_bytes([cff[globals], cff[globals + 1]]), 0);
    }
}

/// A subset's file name is known before it is made, and matches what HarfBuzz makes: CFF
/// outlines (`OTTO`) in `.otf`, TrueType ones in `.ttf`.
#[test]
fn the_subset_file_is_named_from_its_face_before_subsetting() {
    use crate::epub::font::{Weight, file_of, subset};
    let chars = "金句的书".chars().collect();
    for (face, weight) in [
        (BOOK_BOLD, Weight::Bold),
        (jinju_fonts_kai::REGULAR, Weight::Regular),
    ] {
        let made = subset(face, 0, &chars, weight).expect("subset");
        let (file, media_type) = file_of(face, 0, weight);
        assert_eq!(
            (made.file.as_str(), made.media_type),
            (file.as_str(), media_type)
        );
        assert_eq!(made.bytes.starts_with(b"OTTO"), file.ends_with(".otf"));
    }
    assert_eq!(
        file_of(BOOK_REGULAR, 0, Weight::Regular).0,
        "fonts/text.otf"
    );
    let kai = file_of(jinju_fonts_kai::REGULAR, 0, Weight::Bold);
    assert_eq!(kai, ("fonts/text-bold.ttf".to_string(), "font/ttf"));
}
