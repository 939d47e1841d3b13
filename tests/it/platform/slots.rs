//! The source on a card: `{date}`, `{outlet}`, `{guests}`, `{link}` in a template's lines,
//! a `qr:` slot that scans to the link, logo and avatar images in corners.

use crate::cards::common::quote;
use jinju::card::{self, CardFields, FontBook, RenderOptions, SourceInfo, Template};
use std::fs;

const LINK: &str = "https://36kr.com/p/2192373415363458";

fn source() -> SourceInfo {
    SourceInfo {
        title: "对话某某".into(),
        guests: vec!["王小明".into(), "李四".into()],
        outlet: Some("某某科技".into()),
        date: Some("2024-05-01".into()),
        link: Some(LINK.into()),
        ..SourceInfo::default()
    }
}

/// A template in `dir` with the slots given as YAML lines.
fn template(dir: &std::path::Path, slots: &str) -> Template {
    let yaml = format!(
        "name: sourced\nsize: [1080, 1350]\nbackground: {{ color: \"#F6F1E7\" }}\n\
         padding: [200, 120, 240, 120]\n\
         quote: {{ font: serif, size: {{ min: 40, max: 96 }}, color: \"#1F1C19\" }}\n\
         footer: {{ text: \"{{outlet}} · {{date}}\", font: sans, size: 28, color: \"#71695D\" }}\n\
         {slots}"
    );
    let file = dir.join("t.yaml");
    fs::write(&file, yaml).unwrap();
    Template::load(file.to_str().unwrap()).unwrap()
}

fn render(t: &Template, source: Option<SourceInfo>) -> image::RgbImage {
    let opts = RenderOptions {
        source,
        ..RenderOptions::default()
    };
    let card = card::render(
        &quote("慢就是快，少就是多。"),
        t,
        &FontBook::embedded(),
        &opts,
    )
    .unwrap();
    image::load_from_memory(&card.bytes).unwrap().into_rgb8()
}

#[test]
fn source_fields_fill_placeholders() {
    let q = quote("一句话");
    let s = source();
    let fields = CardFields {
        title: Some("书名"),
        source: Some(&s),
    };
    let expand = |t: &str| card::expand(t, &q, fields);
    assert_eq!(
        expand("{outlet} · {date}").as_deref(),
        Some("某某科技 · 2024-05-01")
    );
    assert_eq!(
        expand("嘉宾 {guests}").as_deref(),
        Some("嘉宾 王小明、李四")
    );
    assert_eq!(expand("{link}").as_deref(), Some(LINK));
    // Unknown fields leave nothing dangling.
    assert_eq!(card::expand("{title} · {date}", &q, None).as_deref(), None);
}

#[test]
fn a_qr_slot_draws_only_with_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let t = template(
        dir.path(),
        "qr: { size: 160, corner: bottom-right, margin: 30 }\n",
    );
    let dark = |img: &image::RgbImage| {
        let corner = image::imageops::crop_imm(img, 1080 - 190, 1350 - 190, 160, 160).to_image();
        corner.pixels().filter(|p| p.0[0] < 40).count()
    };
    let without = dark(&render(&t, None));
    let with = dark(&render(&t, Some(source())));
    assert_eq!(without, 0);
    assert!(with > 4000, "{with} dark pixels");
}

#[test]
fn logo_and_avatar_fill_their_corners() {
    let dir = tempfile::tempdir().unwrap();
    image::RgbImage::from_pixel(40, 20, image::Rgb([20, 90, 200]))
        .save(dir.path().join("logo.png"))
        .unwrap();
    image::RgbImage::from_pixel(30, 30, image::Rgb([200, 40, 40]))
        .save(dir.path().join("face.jpg"))
        .unwrap();
    let t = template(
        dir.path(),
        "logo: { file: logo.png, size: 100, corner: top-left }\n\
         avatar: { file: face.jpg, size: 100, corner: top-right }\n",
    );
    let img = render(&t, None);
    // The logo keeps its 2:1 shape: blue across the middle of its square, not at its top.
    assert_eq!(img.get_pixel(90, 90).0, [20, 90, 200]);
    assert_ne!(img.get_pixel(90, 45).0, [20, 90, 200]);
    // The avatar is round: red at its centre, the background at its square's corner.
    let red = img.get_pixel(1080 - 40 - 50, 90).0;
    assert!(red[0] > 180 && red[1] < 70, "{red:?}");
    assert_eq!(img.get_pixel(1080 - 40 - 99, 41).0, [0xF6, 0xF1, 0xE7]);
}

#[test]
fn a_slot_image_that_is_not_an_image_is_named() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("logo.png"), b"not a png").unwrap();
    fs::write(
        dir.path().join("t.yaml"),
        "name: x\nsize: [600, 600]\nbackground: { color: \"#FFFFFF\" }\npadding: [60, 60, 60, 60]\n\
         quote: { font: serif, size: { min: 20, max: 40 }, color: \"#000000\" }\n\
         logo: { file: logo.png, size: 80 }\n",
    )
    .unwrap();
    let e = Template::load(dir.path().join("t.yaml").to_str().unwrap())
        .unwrap_err()
        .to_string();
    assert!(e.contains("logo.png") && e.contains("logo"), "{e}");
}

#[test]
#[ignore = "needs zbarimg (Debian zbar-tools)"]
fn the_cards_qr_code_scans_to_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let t = template(dir.path(), "qr: { size: 150, corner: bottom-left }\n");
    let file = dir.path().join("card.png");
    render(&t, Some(source())).save(&file).unwrap();
    assert_eq!(crate::platform::zbar(&file), [LINK.to_string()]);
}
