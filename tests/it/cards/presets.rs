//! Every preset: no clipping, determinism, alt text, scale.

use jinju::card::{self, CardText, FontBook, RenderOptions, Template, presets};

macro_rules! padding_tests {
    ($($test:ident: $name:literal,)*) => {
        $(#[test]
        fn $test() {
            keeps_text_inside_its_padding($name);
        })*

        #[test]
        fn every_preset_is_checked() {
            let mut names: Vec<&str> = presets().iter().map(|p| p.name).collect();
            let mut tested = vec![$($name),*];
            names.sort();
            tested.sort();
            assert_eq!(names, tested);
        }
    };
}

padding_tests! {
    square_keeps_text_inside: "square",
    portrait_keeps_text_inside: "portrait",
    story_keeps_text_inside: "story",
    xiaohongshu_keeps_text_inside: "xiaohongshu",
    landscape_keeps_text_inside: "landscape",
    wechat_cover_keeps_text_inside: "wechat-cover",
    cover_keeps_text_inside: "cover",
    story_vertical_keeps_text_inside: "story-vertical",
    xiaohongshu_vertical_keeps_text_inside: "xiaohongshu-vertical",
}

use super::common::{SAMPLES, background_only, quote};

/// Renders the samples with preset `name` and checks that nothing but the footer is drawn
/// outside the padding.
fn keeps_text_inside_its_padding(name: &str) {
    let book = FontBook::embedded();
    {
        let t = Template::load(name).unwrap();
        let bg = card::paint(&quote("空"), &background_only(&t), &book, 1.0, None)
            .unwrap()
            .canvas
            .to_rgb();
        let [top, right, bottom, left] = t.padding;
        let (w, h) = (t.size[0], t.size[1]);
        // The footer lives in the bottom padding, above the safe band: skip its band.
        let safe = t.safe_area.map_or(0, |[_, b]| b);
        let footer = t.footer.as_ref().map_or(0..0, |f| {
            let mid = h - safe - (bottom - safe) / 2;
            mid - f.size..mid + f.size
        });
        // Small formats take short quotes only (`quote.max_chars`; refusing is tested apart).
        let max = t.quote.max_chars.unwrap_or(usize::MAX);
        for &text in SAMPLES.iter().filter(|s| s.chars().count() <= max) {
            let painted = card::paint(&quote(text), &t, &book, 1.0, Some("书名")).unwrap();
            let img = &painted.canvas.to_rgb();
            assert_eq!((img.width(), img.height()), (w, h));
            // Compare rows as byte slices (fast even in debug builds).
            let row = |im: &image::RgbImage, y: u32, x0: u32, x1: u32| {
                let start = ((y * w + x0) * 3) as usize;
                im.as_raw()[start..start + ((x1 - x0) * 3) as usize].to_vec()
            };
            let mut inked_rows = 0;
            // A flush-left quote's mark may hang in the left padding beside the first line
            // (`card::mark`), within a mark's height of the first ink and clear of the
            // outer quarter of the padding.
            let hang = t.mark.as_ref().map_or(0, |m| m.size);
            let mut first_ink = None;
            for y in 0..h {
                let ok = if y < top || y >= h - bottom {
                    footer.contains(&y) || row(img, y, 0, w) == row(&bg, y, 0, w)
                } else {
                    let inked = row(img, y, 0, w) != row(&bg, y, 0, w);
                    inked_rows += usize::from(inked);
                    if inked && first_ink.is_none() {
                        first_ink = Some(y);
                    }
                    let first = first_ink.unwrap_or(h);
                    let margin = if y >= first && y < first.saturating_add(hang) {
                        left / 4
                    } else {
                        left
                    };
                    row(img, y, 0, margin) == row(&bg, y, 0, margin)
                        && row(img, y, w - right, w) == row(&bg, y, w - right, w)
                };
                assert!(
                    ok,
                    "{}: ink outside the padding in row {y} for `{text}`",
                    name
                );
            }
            assert!(inked_rows > 40, "{}: nothing drawn for `{text}`", name);
            assert_eq!(painted.lines.concat(), text, "{}", name);
        }
    }
}

#[test]
fn cards_are_deterministic_and_carry_alt_text() {
    let book = FontBook::embedded();
    let t = Template::load("portrait").unwrap();
    let q = quote(SAMPLES[1]);
    let options = RenderOptions::default();
    let a = card::render(&q, &t, &book, &options).unwrap();
    let b = card::render(&q, &t, &book, &options).unwrap();
    assert_eq!(a.bytes, b.bytes);
    assert_eq!((a.width, a.height), (1080, 1350));
    assert!(!a.lines.is_empty() && a.size_px >= 40);
    let decoder = png::Decoder::new(std::io::Cursor::new(&a.bytes));
    let reader = decoder.read_info().unwrap();
    let text: Vec<(String, String)> = reader
        .info()
        .utf8_text
        .iter()
        .map(|t| (t.keyword.clone(), t.get_text().unwrap()))
        .collect();
    assert!(
        text.contains(&("Description".to_string(), SAMPLES[1].to_string())),
        "{text:?}"
    );
}

#[test]
fn scale_multiplies_the_size() {
    let book = FontBook::embedded();
    let t = Template::load("wechat-cover").unwrap();
    let options = RenderOptions {
        scale: 2.0,
        ..RenderOptions::default()
    };
    let one = card::render(&quote(SAMPLES[0]), &t, &book, &RenderOptions::default()).unwrap();
    let two = card::render(&quote(SAMPLES[0]), &t, &book, &options).unwrap();
    assert_eq!((two.width, two.height), (1800, 766));
    assert!(
        two.size_px.abs_diff(2 * one.size_px) <= 2,
        "{} vs {}",
        two.size_px,
        one.size_px
    );
    let err = card::render(
        &quote(SAMPLES[0]),
        &t,
        &book,
        &RenderOptions {
            scale: 10.0,
            ..options
        },
    );
    assert!(err.unwrap_err().to_string().contains("1–8192"));
}

#[test]
fn attribution_override_and_missing_placeholders() {
    let mut q = quote("就是，一个开路的人。");
    assert_eq!(
        card::expand("—— {speaker} · {section_title}", &q, None).as_deref(),
        Some("—— 张鹏 · 谈上市")
    );
    q.credit = "张鹏 · 智谱 CEO".to_string();
    q.section_title.clear();
    assert_eq!(
        card::expand("—— {speaker} · {section_title}", &q, None).as_deref(),
        Some("—— 张鹏 · 智谱 CEO")
    );
    assert_eq!(card::expand("{title}", &q, None), None);
    assert_eq!(
        card::expand("—— {title}", &q, Some("金句")).as_deref(),
        Some("—— 金句")
    );
}

#[test]
fn a_role_label_is_no_name_to_print() {
    let mut q = jinju::select::adhoc("更垂直的方向更容易实现。", "答");
    q.section.title = "谈上市".to_string();
    let line = |t: &str, q: &jinju::select::Quote| card::expand(t, &CardText::from(q), None);
    assert_eq!(
        line("—— {speaker} · {section_title}", &q).as_deref(),
        Some("—— 谈上市")
    );
    assert_eq!(
        line("{speaker}  ·  {section_title}", &q).as_deref(),
        Some("谈上市")
    );
    assert_eq!(
        line("{section_title} / {speaker}", &q).as_deref(),
        Some("谈上市")
    );
    assert_eq!(line("—— {speaker}", &q), None);
    // Nor is it the PNG's Author.
    let card = card::render(
        &CardText::from(&q),
        &Template::load("square").unwrap(),
        &FontBook::embedded(),
        &RenderOptions::default(),
    )
    .unwrap();
    let info = png::Decoder::new(std::io::Cursor::new(&card.bytes))
        .read_info()
        .unwrap();
    let keys: Vec<&str> = info
        .info()
        .utf8_text
        .iter()
        .map(|t| t.keyword.as_str())
        .collect();
    assert_eq!(keys, ["Description"]);
    // An attribution given by the user is printed as given.
    q.attribution = Some("A".to_string());
    assert_eq!(line("—— {speaker}", &q).as_deref(), Some("—— A"));
}

#[test]
fn image_backgrounds_cover_the_card_under_an_overlay() {
    let dir = tempfile::tempdir().unwrap();
    let photo = image::RgbImage::from_fn(40, 20, |x, _| {
        image::Rgb(if x < 20 { [240, 0, 0] } else { [0, 0, 240] })
    });
    photo.save(dir.path().join("bg.png")).unwrap();
    let yaml = r##"name: photo
size: [300, 300]
background: { image: bg.png, overlay: "#00000080" }
padding: [60, 40, 60, 40]
quote: { font: sans-bold, size: { min: 12, max: 40 }, color: "#FFFFFF", align: center }
"##;
    let path = dir.path().join("photo.yaml");
    std::fs::write(&path, yaml).unwrap();
    let t = Template::load(path.to_str().unwrap()).unwrap();
    let img = card::paint(
        &quote("就是，一个开路的人。"),
        &t,
        &FontBook::embedded(),
        1.0,
        None,
    )
    .unwrap()
    .canvas
    .to_rgb();
    // Cover fit: the 2:1 photo is scaled to 600×300 and its middle shown; the overlay halves it.
    let (left, right) = (img.get_pixel(5, 150).0, img.get_pixel(294, 150).0);
    assert!(left[0] > 100 && left[0] < 140 && left[2] < 10, "{left:?}");
    assert!(
        right[2] > 100 && right[2] < 140 && right[0] < 10,
        "{right:?}"
    );
}

#[test]
fn render_all_keeps_order_and_bytes() {
    let book = FontBook::embedded();
    let t = Template::load("landscape").unwrap();
    let options = RenderOptions::default();
    let quotes: Vec<_> = SAMPLES.iter().map(|s| quote(s)).collect();
    let all = card::render_all(&quotes, &t, &book, &options);
    assert_eq!(all.len(), quotes.len());
    for (q, c) in quotes.iter().zip(all) {
        assert_eq!(
            c.unwrap().bytes,
            card::render(q, &t, &book, &options).unwrap().bytes
        );
    }
}
