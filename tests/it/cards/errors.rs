//! Bad input: characters no font has, quotes too long, font and template files.

use std::path::Path;

use jinju::card::{self, Error, FontBook, RenderOptions, Template};

use super::common::quote;

#[test]
fn characters_missing_from_the_fonts_are_named_and_nothing_is_drawn() {
    let book = FontBook::embedded();
    let t = Template::load("square").unwrap();
    // No bundled face has Extension F's 𬺰 or a BMP private-use character (emoji and
    // Extension B are drawn: `cards::scripts`).
    for (text, c) in [("笑\u{E000}了", '\u{E000}'), ("\u{2CEB0}字", '\u{2CEB0}')] {
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
    let t = Template::load("landscape").unwrap();
    let long = "一个很长的句子，".repeat(100);
    let err = card::render(&quote(&long), &t, &book, &RenderOptions::default()).unwrap_err();
    assert!(
        err.to_string()
            .contains("does not fit template `landscape`"),
        "{err}"
    );
    let err = card::render(&quote("  "), &t, &book, &RenderOptions::default()).unwrap_err();
    assert!(matches!(err, Error::EmptyQuote { .. }), "{err}");
}

#[test]
fn small_formats_refuse_quotes_longer_than_their_limit() {
    // wechat-cover takes at most 24 characters (a Latin word counts as one).
    let book = FontBook::embedded();
    let t = Template::load("wechat-cover").unwrap();
    assert_eq!(t.quote.max_chars, Some(24));
    let fits = "一二三四五六七八九十，一二三四五六七八九十一AGI。"; // AGI counts one
    let mut q = quote(fits);
    q.chars = jinju::select::count_chars(fits);
    assert_eq!(q.chars, 24);
    card::render(&q, &t, &book, &RenderOptions::default()).expect("24 characters fit");
    let long = "这是一个为微信公众号封面而写的太长太长的句子，超过了封面能容下的字数。";
    let mut q = quote(long);
    q.chars = jinju::select::count_chars(long);
    let err = card::render(&q, &t, &book, &RenderOptions::default()).unwrap_err();
    assert!(matches!(err, Error::TooLong { max: 24, .. }), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("at most 24") && msg.contains("--max-chars 24"),
        "{msg}"
    );
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

#[test]
fn a_colour_font_is_refused_before_any_card() {
    // The bundled Kai face with one table record renamed `CBDT`: a colour (bitmap) font as
    // far as its table directory says.
    let kai = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/JinjuKai-Regular.ttf");
    let mut data = std::fs::read(&kai).unwrap();
    let tables = u16::from_be_bytes([data[4], data[5]]) as usize;
    let record = (0..tables)
        .map(|k| 12 + 16 * k)
        .find(|&at| &data[at..at + 4] == b"post")
        .expect("the Kai face has a post table");
    data[record..record + 4].copy_from_slice(b"CBDT");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("emoji.ttf");
    std::fs::write(&path, data).unwrap();
    let err = match FontBook::embedded().with_font_file(&path, 0) {
        Err(e) => e,
        Ok(_) => panic!("a colour font was accepted"),
    };
    assert!(matches!(err, Error::ColourFont { .. }), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("CBDT") && msg.contains("colour emoji are not supported"),
        "{msg}"
    );
}
