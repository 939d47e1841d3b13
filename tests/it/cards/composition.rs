//! Composition for the platforms: legible footers, one dash in the credit, the story safe
//! bands left empty, and the WeChat cover's centred 1:1 crop holding the whole quote.

use jinju::card::{self, FontBook, RenderOptions, Template};

use super::common::quote;

const SHORT: &str = "慢就是快。";
const LONG: &str = "实现AGI我从来不认为非常简单，也不是非常短期就能实现的目标——是一个马拉松，一个长跑，需要很长时间的投入和耐心。";

/// Two cards of `template` that differ in every text (quote, speaker, title).
fn two_cards(template: &str, texts: [&str; 2]) -> [image::RgbImage; 2] {
    let book = FontBook::embedded();
    let t = Template::load(template).unwrap();
    let one = |text: &str, speaker: &str, title: &str| {
        let mut q = quote(text);
        q.credit = speaker.to_string();
        let opts = RenderOptions {
            title: Some(title.to_string()),
            ..RenderOptions::default()
        };
        let card = card::render(&q, &t, &book, &opts).unwrap();
        image::load_from_memory(&card.bytes).unwrap().into_rgb8()
    };
    [
        one(texts[0], "张鹏", "对话：智谱的上市之路"),
        one(texts[1], "王小川", "访谈"),
    ]
}

#[test]
fn footers_are_legible_at_1080_wide() {
    for name in card::presets().iter().map(|p| p.name) {
        let t = Template::load(name).unwrap();
        if let Some(f) = &t.footer {
            let at_1080 = f.size as f32 * 1080.0 / t.size[0] as f32;
            assert!(
                at_1080 >= 26.0 - 0.5,
                "{name}: footer {at_1080:.1} px at 1080 wide"
            );
        }
    }
}

#[test]
fn the_credit_has_one_dash() {
    for name in card::presets().iter().map(|p| p.name) {
        let t = Template::load(name).unwrap();
        if let (Some(_), Some(a)) = (&t.rule, &t.attribution) {
            assert!(
                !a.text.contains('—'),
                "{name}: a rule and a dash: {}",
                a.text
            );
        }
    }
}

#[test]
fn stories_leave_the_platform_bands_empty() {
    for name in ["story", "story-vertical"] {
        assert_eq!(Template::load(name).unwrap().safe_area, Some([250, 340]));
        for texts in [[SHORT, LONG], [LONG, SHORT]] {
            let [a, b] = two_cards(name, texts);
            let h = a.height();
            for y in (0..250).chain(h - 340..h) {
                for x in 0..a.width() {
                    assert_eq!(
                        a.get_pixel(x, y),
                        b.get_pixel(x, y),
                        "{name}: ink at ({x}, {y})"
                    );
                }
            }
            // And something is drawn just outside them.
            let differs = (250..h - 340)
                .any(|y| (0..a.width()).any(|x| a.get_pixel(x, y) != b.get_pixel(x, y)));
            assert!(differs, "{name}");
        }
    }
}

#[test]
fn the_wechat_cover_crop_holds_the_whole_quote() {
    let long = "每个人都是自己人生的开路者，慢就是快。"; // within the cover's 24 characters
    let [a, b] = two_cards("wechat-cover", [SHORT, long]);
    let (w, h) = (a.width(), a.height());
    let crop = ((w - h) / 2, (w + h) / 2);
    for x in (0..crop.0).chain(crop.1..w) {
        for y in 0..h {
            assert_eq!(
                a.get_pixel(x, y),
                b.get_pixel(x, y),
                "ink outside the crop at ({x}, {y})"
            );
        }
    }
}
