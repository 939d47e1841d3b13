//! Images inlined in the source as `data:` addresses (a page saved with its images inlined):
//! a Markdown and an HTML article of my own, each with a base64 PNG, a percent-encoded GIF, a
//! base64 photo too large for the page (scaled like any other) and a malformed address, built
//! with `jinju epub`: the good ones in the book at their places, the malformed one a
//! placeholder and a warning that says what is wrong without printing the address's bytes.

use super::book_images::assert_in_reading_order;
use super::epub::entry;
use super::readers::epubcheck;
use base64::Engine as _;

fn encoded(img: image::DynamicImage, format: image::ImageFormat) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

fn base64_url(media_type: &str, bytes: &[u8]) -> String {
    let data = base64::engine::general_purpose::STANDARD.encode(bytes);
    format!("data:{media_type};base64,{data}")
}

fn percent_url(media_type: &str, bytes: &[u8]) -> String {
    let data: String = bytes.iter().map(|b| format!("%{b:02X}")).collect();
    format!("data:{media_type},{data}")
}

struct Inlined {
    png: Vec<u8>,
    gif: Vec<u8>,
    urls: [String; 4],
}

fn inlined() -> Inlined {
    let flat =
        |w, h, rgb| image::DynamicImage::from(image::RgbImage::from_pixel(w, h, image::Rgb(rgb)));
    let png = encoded(flat(120, 80, [40, 90, 160]), image::ImageFormat::Png);
    let gif = encoded(flat(60, 40, [200, 60, 40]), image::ImageFormat::Gif);
    let photo = encoded(flat(2000, 1000, [90, 160, 40]), image::ImageFormat::Jpeg);
    let urls = [
        base64_url("image/png", &png),
        percent_url("image/gif", &gif),
        // The declared type is not trusted: the bytes say JPEG.
        base64_url("image/png", &photo),
        "data:image/png;base64,iVBORw0KGgo*broken*".to_string(),
    ];
    Inlined { png, gif, urls }
}

const TURNS: [&str; 4] = [
    "2019年，我们读到GPT-2的论文，觉得这件事值得做。",
    "后来把GPT-3扩大100倍，才发现问题不在规模，而在数据。",
    "因为好的数据要人去整理，我们花了2年。",
    "先把评测做对，再谈规模。",
];

/// The article: its opening, a question, an answer and an image a turn (`turn(n, answer,
/// address)`), its close.
fn article(head: &str, turn: impl Fn(usize, &str, &str) -> String, tail: &str) -> String {
    let urls = inlined().urls;
    let turns: String = (urls.iter().zip(TURNS).enumerate())
        .map(|(i, (url, answer))| turn(i + 1, answer, url))
        .collect();
    format!("{head}{turns}{tail}")
}

fn markdown() -> String {
    article(
        "对话王小明：把GPT-3扩大100倍之后\n=====\n\n今年春天，我们和王小明聊了3个小时。\n\n**01 从论文开始**\n\n",
        |n, answer, url| {
            format!("**李雷：第{n}个问题是什么？**\n\n**王小明：**{answer}\n\n![图{n}]({url})\n\n")
        },
        "**李雷：最后呢？**\n\n**王小明：**我们还在路上。\n",
    )
}

fn html() -> String {
    article(
        "<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>t</title></head><body><article>\
         <h1>对话王小明：把GPT-3扩大100倍之后</h1><p>今年春天，我们和王小明聊了3个小时。</p><h2>01 从论文开始</h2>",
        |n, answer, url| {
            format!(
                "<p><strong>李雷：第{n}个问题是什么？</strong></p><p><strong>王小明：</strong>{answer}</p>\
                 <p><img src=\"{url}\" alt=\"图{n}\"></p>"
            )
        },
        "<p><strong>李雷：最后呢？</strong></p><p><strong>王小明：</strong>我们还在路上。</p></article></body></html>",
    )
}

/// The Markdown and the HTML article built into books in `dir`: (name, book, stderr).
fn books(dir: &std::path::Path) -> Vec<(&'static str, std::path::PathBuf, String)> {
    [("a.md", markdown()), ("a.html", html())]
        .into_iter()
        .map(|(name, text)| {
            let input = dir.join(name);
            std::fs::write(&input, text).unwrap();
            let epub = dir.join(format!("{name}.epub"));
            let out = crate::run::succeeds([
                "epub".as_ref(),
                "--input".as_ref(),
                input.as_os_str(),
                "--out".as_ref(),
                epub.as_os_str(),
            ]);
            (
                name,
                epub,
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        })
        .collect()
}

#[test]
fn data_images_are_decoded_into_the_book_and_a_malformed_one_leaves_a_placeholder() {
    let dir = tempfile::tempdir().unwrap();
    let images = inlined();
    for (name, epub, stderr) in books(dir.path()) {
        assert_in_reading_order(
            &epub,
            &[
                "觉得这件事值得做",
                "<img src=\"images/fig01.png\" alt=\"图1\"/>",
                "而在数据",
                "<img src=\"images/fig02.gif\" alt=\"图2\"/>",
                "要人去整理",
                "<img src=\"images/fig03.jpg\" alt=\"图3\"/>",
                "再谈规模",
                "此处原有一幅图片：图",
            ],
        );
        assert_eq!(entry(&epub, "OEBPS/images/fig01.png"), images.png, "{name}");
        assert_eq!(entry(&epub, "OEBPS/images/fig02.gif"), images.gif, "{name}");
        let photo = image::load_from_memory(&entry(&epub, "OEBPS/images/fig03.jpg")).unwrap();
        assert_eq!((photo.width(), photo.height()), (1600, 800), "{name}");
        assert!(
            stderr.contains("warning: the inlined `data:` image (1 KB of text) “图4” is not in the book (a malformed `data:` address: its base64 data is broken"),
            "{name}: {stderr}"
        );
        assert!(
            !stderr.contains("iVBOR"),
            "the address's bytes are not printed: {stderr}"
        );
    }
}

#[test]
#[ignore = "needs epubcheck"]
fn books_with_data_images_are_valid() {
    let dir = tempfile::tempdir().unwrap();
    for (_, epub, _) in books(dir.path()) {
        epubcheck(&epub);
    }
}
