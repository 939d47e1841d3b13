//! The source's images in the book: a Markdown of my own in the shape of the real articles
//! (a header picture, photos between the answers with their caption lines, one missing, one
//! remote) built with `jinju epub`: every image at its place with its alt text and caption,
//! a placeholder and a warning where one cannot be had, a valid and reproducible book.

use super::epub::entry;
use super::readers::epubcheck;
use std::path::Path;

/// A flat-colour PNG of `w`×`h`.
fn png(w: u32, h: u32, rgb: [u8; 3]) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(w, h, image::Rgb(rgb));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

const ARTICLE: &str = "对话王小明：把GPT-3扩大100倍之后\n=====================\n\n\
![头图](images/head.png)\n\n**文丨李雷  编辑丨韩梅梅**\n\n\
今年春天，我们和王小明聊了3个小时，从一篇论文谈起。\n\n\
**01 从论文开始**\n\n\
**李雷：你最早是怎么开始做大模型的？**\n\n\
**王小明：**2019年，我们读到GPT-2的论文，觉得这件事值得做。\n\n\
![王小明在实验室](images/lab%20photo.png)\n\n王小明在实验室｜受访者供图\n\n\
**李雷：后来呢？**\n\n\
**王小明：**后来把GPT-3扩大100倍，才发现问题不在规模，而在数据。\n\n\
![训练曲线](images/missing.png)\n\n\
**李雷：数据为什么难？**\n\n\
**王小明：**因为好的数据要人去整理，我们花了2年。\n\n\
![远程图片](https://example.com/remote.png)\n";

/// Asserts that each of `needles` is in the book's 导语 and first chapter, in this order.
pub fn assert_in_reading_order(epub: &Path, needles: &[&str]) {
    let all: String = ["intro", "ch01"]
        .iter()
        .map(|p| String::from_utf8_lossy(&entry(epub, &format!("OEBPS/{p}.xhtml"))).into_owned())
        .collect();
    let order: Vec<usize> = needles
        .iter()
        .map(|needle| {
            all.find(needle)
                .unwrap_or_else(|| panic!("{needle:?} not in the book: {all}"))
        })
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "out of order: {order:?} for {needles:?}"
    );
}

/// The article and its images in `dir`; the book built from it, with stderr.
fn build(dir: &Path, out: &str) -> (std::path::PathBuf, String) {
    std::fs::create_dir_all(dir.join("images")).unwrap();
    std::fs::write(dir.join("images/head.png"), png(2400, 1200, [200, 60, 40])).unwrap();
    std::fs::write(
        dir.join("images/lab photo.png"),
        png(300, 200, [40, 90, 160]),
    )
    .unwrap();
    let md = dir.join("article.md");
    std::fs::write(&md, ARTICLE).unwrap();
    let epub = dir.join(out);
    let output = crate::run::succeeds([
        "epub".as_ref(),
        "--input".as_ref(),
        md.as_os_str(),
        "--out".as_ref(),
        epub.as_os_str(),
    ]);
    (epub, String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
#[ignore = "needs epubcheck"]
fn every_local_image_is_in_the_book_at_its_place_and_the_others_leave_a_placeholder() {
    let dir = tempfile::tempdir().unwrap();
    let (epub, stderr) = build(dir.path(), "book.epub");
    // In reading order, each before the paragraph that followed it in the source.
    assert_in_reading_order(
        &epub,
        &[
            "<img src=\"images/fig01.png\" alt=\"头图\"/>",
            "今年春天",
            "觉得这件事值得做",
            "<img src=\"images/fig02.png\" alt=\"王小明在实验室\"/>",
            "王小明在实验室｜受访者供图",
            "而在数据",
            "此处原有一幅图片：训练曲线",
            "数据为什么难",
            "此处原有一幅图片：远程图片，",
        ],
    );
    let ch01 = String::from_utf8_lossy(&entry(&epub, "OEBPS/ch01.xhtml")).into_owned();
    assert!(
        ch01.contains("alt=\"王小明在实验室\"/><figcaption class=\"caption\" id=\"p1-3\">王小明在实验室｜受访者供图</figcaption></figure>"),
        "the caption line is the image's figcaption, once: {ch01}"
    );
    assert_eq!(ch01.matches("受访者供图").count(), 1, "{ch01}");
    let head = image::load_from_memory(&entry(&epub, "OEBPS/images/fig01.png")).unwrap();
    assert_eq!(
        (head.width(), head.height()),
        (1600, 800),
        "scaled to 1600 px"
    );
    let lab = entry(&epub, "OEBPS/images/fig02.png");
    assert_eq!(
        lab,
        png(300, 200, [40, 90, 160]),
        "a small image goes in as it is"
    );
    assert!(
        stderr.contains("warning: image `images/missing.png` is not in the book"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: 1 remote image(s) are not in the book"),
        "{stderr}"
    );
    let about = String::from_utf8_lossy(&entry(&epub, "OEBPS/about.xhtml")).into_owned();
    assert!(
        about.contains("原文中的图片有一部分未能收入本书，书中以方括号注明其位置"),
        "the colophon says so: {about}"
    );
    epubcheck(&epub);
    let (again, _) = build(dir.path(), "again.epub");
    assert!(
        std::fs::read(&epub).unwrap() == std::fs::read(&again).unwrap(),
        "two builds differ"
    );
}
