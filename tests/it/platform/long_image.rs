//! The long image: 1080 wide, every quote once and in order, split between quotes under the
//! height and byte limits, a quote too tall for any image refused by name.

use crate::cards::common::quote;
use jinju::card::{self, FontBook, LongLimits, RenderOptions, SourceInfo, Template};

fn quotes(n: usize) -> Vec<jinju::card::CardText> {
    (0..n)
        .map(|i| {
            let mut q = quote(&format!(
                "第{i}句：我们花了三年才明白，真正的门槛从来不是技术，而是耐心和对用户的理解。"
            ));
            q.id = format!("q{i}");
            q
        })
        .collect()
}

fn source(link: Option<&str>) -> SourceInfo {
    SourceInfo {
        title: "对话某某：慢就是快".into(),
        guests: vec!["王小明".into()],
        outlet: Some("某某科技".into()),
        date: None,
        link: link.map(str::to_string),
        ..SourceInfo::default()
    }
}

fn long(n: usize, limits: LongLimits) -> card::Result<Vec<card::LongImage>> {
    let t = Template::load("portrait").unwrap();
    let book = FontBook::embedded();
    card::render_long(
        &quotes(n),
        &source(None),
        &t,
        &book,
        &RenderOptions::default(),
        limits,
    )
}

fn ids(images: &[card::LongImage]) -> Vec<String> {
    images.iter().flat_map(|i| i.quotes.clone()).collect()
}

#[test]
fn one_image_holds_a_few_quotes_at_1080_wide() {
    let images = long(4, LongLimits::default()).unwrap();
    assert_eq!(images.len(), 1);
    let img = image::load_from_memory(&images[0].file.bytes).unwrap();
    assert_eq!((img.width(), img.height()), (1080, images[0].height));
    assert!(images[0].height > 1500, "{}", images[0].height);
    assert_eq!(ids(&images), ["q0", "q1", "q2", "q3"]);
}

#[test]
fn over_the_height_limit_it_splits_between_quotes() {
    let limits = LongLimits {
        max_height: 2500,
        ..LongLimits::default()
    };
    let images = long(14, limits).unwrap();
    assert!(images.len() >= 3, "{} images", images.len());
    assert!(images.iter().all(|i| i.height <= 2500 && i.width == 1080));
    let expected: Vec<String> = (0..14).map(|i| format!("q{i}")).collect();
    assert_eq!(ids(&images), expected, "every quote once, in order");
    // Split images are filled: no two neighbours would have fitted in one.
    assert!(images.windows(2).all(|w| w[0].height + w[1].height > 2500));
}

#[test]
fn over_the_byte_limit_it_splits_again() {
    let whole = long(8, LongLimits::default()).unwrap();
    assert_eq!(whole.len(), 1);
    let max_bytes = whole[0].file.bytes.len() / 2;
    let images = long(
        8,
        LongLimits {
            max_bytes,
            ..LongLimits::default()
        },
    )
    .unwrap();
    assert!(images.len() >= 2);
    assert!(images.iter().all(|i| i.file.bytes.len() <= max_bytes));
    assert_eq!(ids(&images).len(), 8);
}

#[test]
fn a_quote_taller_than_any_image_is_named() {
    let e = long(
        2,
        LongLimits {
            max_height: 600,
            ..LongLimits::default()
        },
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("600 px") && e.contains("shorten"), "{e}");
}

#[test]
#[ignore = "needs zbarimg (Debian zbar-tools)"]
fn the_foot_carries_a_code_that_scans() {
    let link = "https://36kr.com/p/2192373415363458";
    let t = Template::load("portrait").unwrap();
    let images = card::render_long(
        &quotes(3),
        &source(Some(link)),
        &t,
        &FontBook::embedded(),
        &RenderOptions::default(),
        LongLimits::default(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.png");
    std::fs::write(&file, &images[0].file.bytes).unwrap();
    assert_eq!(crate::platform::zbar(&file), [link.to_string()]);
}
