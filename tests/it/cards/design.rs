//! How the presets set a quote: size by length, no decorative mark on a quote that opens with
//! its own, legible attribution and footer (WCAG 4.5:1), and ad hoc cards credited from the
//! flags only.

use jinju::card::{self, Color, FontBook, RenderOptions, Template, presets};
use jinju::select;

use super::common::quote;

/// Quotes of growing length, each the one before plus a sentence.
fn growing() -> Vec<String> {
    let parts = [
        "慢就是快。",
        "我们做了半年多。",
        "实现AGI我从来不认为非常简单，",
        "也不是非常短期就能实现的目标——是一个马拉松，一个长跑。",
        "在不同阶段，用不同方式去度过这一段。",
        "包括我们要怎么去做商业化，怎么去做收入，成本投入怎么控制，团队怎么发展，这些同步进行。",
        "从资本市场的角度，你在一级市场都算没有离开学校，还是在学习、培养、成长的阶段。",
    ];
    (1..=parts.len()).map(|n| parts[..n].concat()).collect()
}

#[test]
fn size_falls_as_the_quote_grows_and_short_quotes_are_set_large() {
    let book = FontBook::embedded();
    for p in presets() {
        let t = Template::load(p.name).unwrap();
        let max = t.quote.max_chars.unwrap_or(usize::MAX);
        let sizes: Vec<(usize, u32)> = growing()
            .iter()
            .filter(|s| s.chars().count() <= max)
            .map(|s| {
                let c = card::render(&quote(s), &t, &book, &RenderOptions::default());
                (s.chars().count(), c.expect("renders").size_px)
            })
            .collect();
        assert!(sizes.len() >= 2, "{}: {sizes:?}", p.name);
        assert!(
            sizes.windows(2).all(|w| w[1].1 <= w[0].1),
            "{}: size must not grow with length: {sizes:?}",
            p.name
        );
        // A five-character quote is set at the template's largest size.
        assert_eq!(sizes[0].1, t.quote.size.max, "{}: {sizes:?}", p.name);
        // Templates that take long quotes set the longest smaller (a small format takes short
        // quotes only, all at its largest size).
        let (first, last) = (sizes[0].1, sizes[sizes.len() - 1].1);
        assert!(max < 100 || last < first, "{}: {sizes:?}", p.name);
    }
}

#[test]
fn the_marquee_quote_keeps_its_words_whole() {
    // Before phrase costs: `…的目标——是一个马 / 拉松，一个长跑。`
    let text =
        "实现AGI我从来不认为非常简单，也不是非常短期就能实现的目标——是一个马拉松，一个长跑。";
    let book = FontBook::embedded();
    for name in [
        "portrait",
        "square",
        "story",
        "xiaohongshu",
        "landscape",
        "cover",
    ] {
        let t = Template::load(name).unwrap();
        let c = card::render(&quote(text), &t, &book, &RenderOptions::default()).unwrap();
        assert_eq!(c.lines.concat(), text);
        for words in ["马拉松", "简单", "短期", "目标", "长跑"] {
            assert!(
                c.lines.iter().any(|l| l.contains(words)),
                "{name} splits {words}: {:?}",
                c.lines
            );
        }
    }
}

#[test]
fn a_quote_opening_with_a_quotation_mark_gets_no_decorative_one() {
    let book = FontBook::embedded();
    for name in ["portrait", "square", "xiaohongshu"] {
        let t = Template::load(name).unwrap();
        assert!(t.mark.is_some(), "{name} has a mark");
        let mut bare = t.clone();
        bare.mark = None;
        let pixels = |text: &str, t: &Template| {
            card::paint(&quote(text), t, &book, 1.0, None)
                .unwrap()
                .canvas
                .to_rgb()
        };
        for quoted in ["“AGI的先行者。”我们都笑了。", "「慢就是快」，他说。"]
        {
            assert!(
                pixels(quoted, &t) == pixels(quoted, &bare),
                "{name}: a mark drawn over {quoted}"
            );
        }
        let plain = "他说，AGI的先行者。";
        assert!(
            pixels(plain, &t) != pixels(plain, &bare),
            "{name}: the mark is drawn on other quotes"
        );
    }
}

/// WCAG 2 relative luminance of an sRGB colour.
fn luminance(c: Color) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0[0]) + 0.7152 * lin(c.0[1]) + 0.0722 * lin(c.0[2])
}

fn contrast(a: Color, b: Color) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn attribution_and_footer_reach_4_5_to_1_in_every_preset() {
    for p in presets() {
        let t = Template::load(p.name).unwrap();
        let bg = &t.background;
        // Against every colour the background passes through (a gradient's two ends).
        let grounds: Vec<Color> = match (&bg.color, &bg.gradient) {
            (Some(c), _) => vec![*c],
            (None, Some(g)) => vec![g.from, g.to],
            _ => panic!("{}: presets have no image background", p.name),
        };
        for (part, line) in [("attribution", &t.attribution), ("footer", &t.footer)] {
            let Some(line) = line else { continue };
            for &ground in &grounds {
                let ratio = contrast(line.color, ground);
                assert!(ratio >= 4.5, "{} {part}: {ratio:.2}:1", p.name);
            }
        }
        assert!(contrast(t.quote.color, grounds[0]) >= 7.0, "{}", p.name);
    }
    // The check can fail: the old square attribution colour was 3.65:1.
    assert!(
        contrast(
            Color([0x85, 0x78, 0x68, 255]),
            Color([0xF2, 0xEC, 0xE0, 255])
        ) < 4.5
    );
}

/// Renders `args` with the CLI into a temporary folder and returns the card's pixels.
fn cli_card(args: &[&str]) -> image::RgbImage {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec!["--template", "square"];
    all.extend(args);
    let manifest = crate::run::cards_manifest(dir.path(), &all);
    let path = manifest["artifacts"][0]["path"].as_str().unwrap();
    let name = std::path::Path::new(path).file_name().unwrap();
    image::open(dir.path().join(name)).unwrap().into_rgb8()
}

#[test]
fn ad_hoc_cards_are_credited_from_the_flags_or_not_at_all() {
    let text = "慢就是快，这是我们学到的。";
    let book = FontBook::embedded();
    let t = Template::load("square").unwrap();
    let paint = |speaker: &str, title: Option<&str>| {
        let q = card::CardText::from(&select::adhoc(text, speaker));
        card::paint(&q, &t, &book, 1.0, title)
            .unwrap()
            .canvas
            .to_rgb()
    };
    // No flags: no attribution, no footer — not the bundled interview's title.
    let bare = cli_card(&["--text", text]);
    assert!(bare == paint("", None), "an ad hoc card carries no credit");
    let bundled = jinju::interview::parse_default().unwrap().meta.title;
    assert!(bare != paint("", Some(&bundled)));
    // --speaker and --source credit it.
    let credited = cli_card(&["--text", text, "--speaker", "王五", "--source", "某次对谈"]);
    assert!(credited == paint("王五", Some("某次对谈")));
    assert!(credited != bare);
}
