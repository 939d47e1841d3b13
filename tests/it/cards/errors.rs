//! Bad input: characters no font has, quotes too long, font and template files.

use std::path::Path;

use jinju::card::{self, Error, FontBook, RenderOptions, Template};

use super::common::quote;

#[test]
fn characters_missing_from_the_fonts_are_named_and_nothing_is_drawn() {
    let book = FontBook::embedded();
    let t = Template::load("square").unwrap();
    for (text, c) in [("笑😀了", '😀'), ("𠀀字", '𠀀')] {
        let err = card::render(&quote(text), &t, &book, &RenderOptions::default()).unwrap_err();
        assert!(matches!(err, Error::MissingGlyphs { .. }), "{err}");
        let msg = err.to_string();
        assert!(msg.contains("--font FILE"), "{msg}");
        assert!(msg.contains(&format!("U+{:04X}", c as u32)), "{msg}");
    }
}

#[test]
fn a_quote_too_long_for_the_card_is_an_error() {
    let book = FontBook::embedded();
    let t = Template::load("wechat-cover").unwrap();
    let long = "一个很长的句子，".repeat(40);
    let err = card::render(&quote(&long), &t, &book, &RenderOptions::default()).unwrap_err();
    assert!(
        err.to_string()
            .contains("does not fit template `wechat-cover`"),
        "{err}"
    );
    let err = card::render(&quote("  "), &t, &book, &RenderOptions::default()).unwrap_err();
    assert!(matches!(err, Error::EmptyQuote { .. }), "{err}");
}

#[test]
fn templates_may_name_font_files() {
    let kai = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/JinjuKai-Regular.ttf");
    let dir = tempfile::tempdir().unwrap();
    let yaml = format!(
        r##"name: mine
size: [600, 400]
background: {{ color: "#101010" }}
padding: [40, 40, 40, 40]
quote: {{ font: "{}", size: {{ min: 12, max: 48 }}, color: "#FAFAFA" }}
"##,
        kai.display()
    );
    let path = dir.path().join("mine.yaml");
    std::fs::write(&path, yaml).unwrap();
    let t = Template::load(path.to_str().unwrap()).unwrap();
    let book = FontBook::embedded().with_font_file(&kai, 0).unwrap();
    let card = card::render(
        &quote("就是，一个开路的人。"),
        &t,
        &book,
        &RenderOptions::default(),
    );
    assert_eq!(card.unwrap().width, 600);
    let err = FontBook::embedded()
        .with_font_file(&dir.path().join("none.ttf"), 0)
        .err()
        .unwrap();
    assert!(err.to_string().contains("cannot read"), "{err}");
    let err = FontBook::embedded().with_font_file(&path, 0).err().unwrap();
    assert!(matches!(err, Error::BadFont { .. }), "{err}");
}

#[test]
fn template_files_report_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.yaml");
    std::fs::write(
        &path,
        "name: typo\nsize: [100, 100]\nbackgrund: { color: \"#FFFFFF\" }\n",
    )
    .unwrap();
    let err = Template::load(path.to_str().unwrap())
        .unwrap_err()
        .to_string();
    assert!(err.contains("typo.yaml:3:1"), "{err}");
    assert!(err.contains("backgrund"), "{err}");
}
