//! Tests of every script in the same design: the Traditional faces, colour emoji as one
//! glyph each, and rare characters from the fallback face with a note.

use super::fonts::{FontBook, Script};
use super::{RenderOptions, Template, emoji, render};

/// Ad hoc text as a card draws it.
fn adhoc(text: &str, credit: &str) -> super::CardText {
    super::CardText::from(&crate::select::adhoc(text, credit))
}

fn book() -> FontBook {
    FontBook::embedded()
}

/// The name of the face the chain draws `c` with.
fn face_of(book: &FontBook, primary: &str, script: Script, c: char) -> String {
    let chain = book.chain(book.get(primary).unwrap(), script);
    let (index, id) = chain.lookup(c).unwrap();
    let font = chain.font(index).clone();
    [
        "serif",
        "serif-tc",
        "serif-bold",
        "serif-bold-tc",
        "sans",
        "sans-tc",
        "kai",
    ]
    .into_iter()
    .chain(["emoji", "rare", "sans-bold", "sans-bold-tc"])
    .find(|n| {
        let f = &book.get(n).unwrap().font;
        std::ptr::eq(
            ab_glyph::Font::font_data(f).as_ptr(),
            ab_glyph::Font::font_data(&font).as_ptr(),
        ) && ab_glyph::Font::glyph_id(f, c) == id
    })
    .unwrap()
    .to_string()
}

#[test]
fn a_traditional_text_is_set_traditional() {
    let b = book();
    assert_eq!(b.script_of("我們的聯絡方式"), Script::Traditional);
    assert_eq!(b.script_of("佢哋嘅嘢"), Script::Traditional);
    assert_eq!(b.script_of("我们的联系方式"), Script::Simplified);
    assert_eq!(b.script_of("OpenAI 2024"), Script::Simplified);
}

#[test]
fn the_tc_face_draws_every_traditional_form_and_its_partner_the_shared_glyphs() {
    let b = book();
    // 聯 exists only in the TC face; 我 has a Taiwan form of its own in Noto (the 丿 of 戈),
    // so a Traditional card takes it from the TC face and a Simplified one from the SC face.
    assert_eq!(
        face_of(&b, "serif-bold", Script::Traditional, '聯'),
        "serif-bold-tc"
    );
    assert_eq!(
        face_of(&b, "serif-bold", Script::Simplified, '聯'),
        "serif-bold-tc"
    );
    let shared = "人大中的是了不在有个上这来到时"
        .chars()
        .filter(|&c| face_of(&b, "sans", Script::Traditional, c) == "sans")
        .count();
    assert!(shared > 0, "some glyphs are the SC face's own");
    // Punctuation stays the SC face's (the typesetter compresses for its positions).
    assert_eq!(face_of(&b, "sans", Script::Traditional, '，'), "sans");
    // Kai holds both scripts in one face.
    assert_eq!(face_of(&b, "kai", Script::Traditional, '聯'), "kai");
}

#[test]
fn the_tc_faces_hold_the_common_traditional_set_and_written_cantonese() {
    let b = book();
    let set = "陳美齡說近日坊間討論她是否出任教育局長令港人多認識當歌手以外的另一面假設性問題不應回答\
               嘅咗喺嘢啲哋嚟冇唔佢乜咁嗰噉啱諗攞睇搵";
    for name in ["serif", "serif-bold", "sans", "sans-bold", "kai"] {
        let chain = b.chain(b.get(name).unwrap(), Script::Traditional);
        chain.check(set, "quote").unwrap();
        assert!(chain.rare_chars(set).is_empty(), "{name}");
    }
}

#[test]
fn emoji_are_one_colour_glyph_each() {
    let b = book();
    let chain = b.chain(b.get("serif-bold").unwrap(), Script::Simplified);
    for seq in ["😀", "👍🏻", "🇨🇳", "👨‍👩‍👧", "❤️"] {
        let folded = emoji::fold(seq);
        let mut chars = folded.chars();
        let c = chars.next().unwrap();
        assert!(chars.next().is_none(), "{seq} is one character");
        let (index, id) = chain.lookup(c).unwrap();
        let layers = chain
            .layers(index, id)
            .unwrap_or_else(|| panic!("{seq} in colour"));
        assert!(layers.iter().any(|l| l.colour.is_some()), "{seq}");
    }
}

/// Pixels of `png` whose colour is within 40 of `rgb` on every channel.
fn count_near(png: &[u8], rgb: [u8; 3]) -> usize {
    let img = image::load_from_memory(png).unwrap().to_rgb8();
    img.pixels()
        .filter(|p| (0..3).all(|i| p.0[i].abs_diff(rgb[i]) < 40))
        .count()
}

#[test]
fn a_card_draws_emoji_in_colour() {
    let template = Template::load("portrait").unwrap();
    let options = RenderOptions::default();
    let with = render(
        &adhoc("今天很开心😀，给你点个赞👍🏻", ""),
        &template,
        &book(),
        &options,
    );
    let card = with.unwrap();
    // Twemoji's face yellow, which the template never uses.
    assert!(count_near(&card.bytes, [0xFF, 0xCC, 0x4D]) > 500);
    assert_eq!(card.lines.concat(), "今天很开心😀，给你点个赞👍🏻");
    let without = render(
        &adhoc("今天很开心，给你点个赞", ""),
        &template,
        &book(),
        &options,
    );
    assert_eq!(count_near(&without.unwrap().bytes, [0xFF, 0xCC, 0x4D]), 0);
}

#[test]
fn rare_characters_come_from_the_fallback_face_with_a_note() {
    let template = Template::load("square").unwrap();
    let card = render(
        &adhoc("这个字𠀀很少见", ""),
        &template,
        &book(),
        &RenderOptions::default(),
    )
    .unwrap();
    let note = card.note.unwrap();
    assert!(
        note.contains("U+20000") && note.contains("Jinju Rare"),
        "{note}"
    );
    let plain = render(
        &adhoc("这个字很少见", ""),
        &template,
        &book(),
        &RenderOptions::default(),
    );
    assert!(plain.unwrap().note.is_none());
    assert_eq!(
        face_of(&book(), "sans", Script::Traditional, '\u{30EDE}'),
        "sans-tc"
    );
}
