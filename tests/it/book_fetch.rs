//! `--fetch-images` through the command line, on three articles of my own in the shapes of
//! the shared samples with photos — a news write-up with `图片` alt texts and image-service
//! query strings (腾讯科技), a 问/答 interview whose captions are glued to their images (极客
//! 公园), and a panel whose images go through an image proxy with an encoded address (Founder
//! Park) — served by the test's own server on 127.0.0.1: every image in the book at its
//! place with its caption, kept in the output folder so a rebuild without the flag makes
//! the same bytes with no request; refused (placeholders, warnings naming the URL and the
//! reason, the colophon saying so) without `--allow-local-images`; the same articles with
//! their images as local files; epubcheck and DAISY Ace clean where they are installed.

use super::epub::{ace_violations, entry};
use super::fetch_limits::png;
use super::image_server::{ImageServer, Reply};
use super::readers::epubcheck;
use std::path::{Path, PathBuf};

/// An article with `{base}` where the server's address goes, and its images: (path on the
/// server, width, height) in reading order, with the text each image comes before.
struct Article {
    name: &'static str,
    markdown: &'static str,
    images: &'static [(&'static str, u32, u32, &'static str)],
}

const NEWS: Article = Article {
    name: "news",
    markdown: "马斯克股东大会：我们会做自己的软件\n\n\
[news.example](https://news.example/a/1)腾讯科技\n\n\
![图片]({base}/article/2023/48163.jpg?imageMogr2/quality/90/ignore-error/1)\n\n\
**丨划重点**\n\n\
* 软件团队做得非常不错。\n\n\
![图片]({base}/article/2023/89039.jpg?imageMogr2/quality/90/ignore-error/1)\n\n\
腾讯科技讯 5月17日，一家车企召开股东大会，CEO回答现场股东提问。\n\n\
**问：你们为什么自己做软件？**\n\n\
埃隆·马斯克：我们希望自己来做这些软件，做非常棒的软件，这件事外包做不好。\n\n\
![图片]({base}/article/2023/81810.png?imageMogr2/quality/90/ignore-error/1)\n\n\
很多公司认为外包做软件会更好一些，但是我们认为自己做会更好一些。\n\n\
**问：机器人的需求会有多大？**\n\n\
埃隆·马斯克：人形机器人的需求，可能会远远超过对汽车的需求。\n",
    images: &[
        (
            "/article/2023/48163.jpg?imageMogr2/quality/90/ignore-error/1",
            2400,
            1200,
            "软件团队",
        ),
        (
            "/article/2023/89039.jpg?imageMogr2/quality/90/ignore-error/1",
            900,
            500,
            "腾讯科技讯",
        ),
        (
            "/article/2023/81810.png?imageMogr2/quality/90/ignore-error/1",
            640,
            360,
            "很多公司认为",
        ),
    ],
};

const QA: Article = Article {
    name: "qa",
    markdown: "对话一家相机创业公司：20 张照片就够了\n\n\
![图片]({base}/article/2023/50253.jpg?imageMogr2/quality/90/ignore-error/1)\n\n\
国内第一个真正破圈的 AIGC 产品，揭开了神秘面纱的一角。\n\n\
**问：这个项目是怎么开始的？**\n\n\
**答：**最初是一个兴趣小组，我和五六个同学一起研究图像技术方面的前沿知识。\n\n\
![图片]({base}/article/2023/47780.jpg?imageMogr2/quality/90/ignore-error/1)团队合影｜公司公众号\n\n\
我们花了三个多月的时间来打磨这个方向，包括技术和美学上的模板。\n\n\
**问：为什么要用户提供 20 张照片？**\n\n\
**答：**为了达到理想的效果，20 张是目前这个阶段的最优解。\n\n\
![图片]({base}/article/2023/70269.png?imageMogr2/quality/90/ignore-error/1)相机需要用户提供 20 张及以上照片｜应用截图\n\n\
**问：数据会用来训练吗？**\n\n\
**答：**我们没有把这个数据用来作为训练数据，从来没有用过，也不会用。\n",
    images: &[
        (
            "/article/2023/50253.jpg?imageMogr2/quality/90/ignore-error/1",
            1200,
            800,
            "真正破圈",
        ),
        (
            "/article/2023/47780.jpg?imageMogr2/quality/90/ignore-error/1",
            800,
            600,
            "团队合影｜公司公众号",
        ),
        (
            "/article/2023/70269.png?imageMogr2/quality/90/ignore-error/1",
            400,
            800,
            "相机需要用户提供",
        ),
    ],
};

const PANEL: Article = Article {
    name: "panel",
    markdown: "三个人聊 AI 产品：人类登月和带轮的行李箱\n\n\
![]({base}/c/filters:no_upscale()?imageUrl=https%3A%2F%2Fimg.example%2Fa%2F640%3Fwx_fmt%3Dpng)\n\n\
> 这期对谈发生在一场发布会之后，聚焦于 AI 产品的用户交互。\n\n\
**主持人：现在我们说到手机，这里有一个元问题：谁最有优势？**\n\n\
**嘉宾甲：**我觉得最有优势的是已经有用户的人，他们只要把模型接进来。\n\n\
![]({base}/c/filters:no_upscale()?imageUrl=https%3A%2F%2Fimg.example%2Fb%2F640%3Fwx_fmt%3Dwebp%26from%3Dappmsg)\n\n\
**嘉宾乙：**我同意一半。1969 年人类实现登月，1972 年才有第一个带轮子的行李箱专利。\n\n\
**主持人：那普通人什么时候获益？**\n\n\
**嘉宾甲：**要等到有人把技术组合成一个简单的产品。\n",
    images: &[
        (
            "/c/filters:no_upscale()?imageUrl=https%3A%2F%2Fimg.example%2Fa%2F640%3Fwx_fmt%3Dpng",
            640,
            320,
            "这期对谈",
        ),
        (
            "/c/filters:no_upscale()?imageUrl=https%3A%2F%2Fimg.example%2Fb%2F640%3Fwx_fmt%3Dwebp%26from%3Dappmsg",
            1800,
            900,
            "1969 年",
        ),
    ],
};

const ARTICLES: [&Article; 3] = [&NEWS, &QA, &PANEL];

/// A photo-like JPEG (a gradient: flat colour would hide a scaling fault) of `w`×`h`.
fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, 120])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

/// The server for `article`: each image, a JPEG, PNG or WebP as its path says.
fn serve(article: &Article) -> ImageServer {
    let routes = article
        .images
        .iter()
        .map(|&(path, w, h, _)| {
            let reply = if path.contains(".png") || path.contains("wx_fmt%3Dpng") {
                Reply::Image(png(w, h, [40, 90, 160]), "image/png")
            } else if path.contains("wx_fmt%3Dwebp") {
                let img = image::load_from_memory(&jpeg(w, h)).unwrap();
                let mut webp = std::io::Cursor::new(Vec::new());
                img.write_to(&mut webp, image::ImageFormat::WebP).unwrap();
                Reply::Image(webp.into_inner(), "image/webp")
            } else {
                Reply::Image(jpeg(w, h), "image/jpeg")
            };
            (path, reply)
        })
        .collect();
    ImageServer::start(routes)
}

/// `jinju epub` of `md` into `out/book.epub` with `flags`, at a fixed date; its stderr.
fn epub(md: &Path, out: &Path, flags: &[&str]) -> String {
    let output = assert_cmd::Command::cargo_bin("jinju")
        .unwrap()
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .arg("epub")
        .arg("--input")
        .arg(md)
        .arg("--out")
        .arg(out.join("book.epub"))
        .args(flags)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    stderr
}

/// The article's Markdown in `dir`, pointing at `server`.
fn write_article(dir: &Path, article: &Article, server: &ImageServer) -> PathBuf {
    let md = dir.join(format!("{}.md", article.name));
    let base = format!("http://127.0.0.1:{}", server.port);
    std::fs::write(&md, article.markdown.replace("{base}", &base)).unwrap();
    md
}

/// The text of the book's chapters in reading order.
fn chapters(epub: &Path) -> String {
    let file = std::fs::File::open(epub).unwrap();
    let zip = zip::ZipArchive::new(file).unwrap();
    let mut names: Vec<String> = zip
        .file_names()
        .filter(|n| n.ends_with(".xhtml") && (n.contains("/ch") || n.contains("/intro")))
        .map(str::to_string)
        .collect();
    names.sort_by_key(|n| (!n.contains("intro"), n.clone()));
    names
        .iter()
        .map(|n| String::from_utf8_lossy(&entry(epub, n)).into_owned())
        .collect()
}

/// Asserts that every image of `article` is in `book`, each before the text that followed
/// it in the source, and no placeholder; returns the images' names in the book.
fn assert_in_place(book: &Path, article: &Article) -> Vec<String> {
    let text = chapters(book);
    let name = article.name;
    assert!(!text.contains("此处原有一幅图片"), "{name}: a placeholder");
    let mut last = 0;
    let mut names = Vec::new();
    for (n, &(_, _, _, after)) in (1..).zip(article.images) {
        let png = format!("images/fig{n:02}.png");
        let file = if text.contains(&png) {
            png
        } else {
            format!("images/fig{n:02}.jpg")
        };
        let img = text
            .find(&format!("<img src=\"{file}\""))
            .unwrap_or_else(|| panic!("{name}: {file} not in the book: {text}"));
        let next = text[img..]
            .find(after)
            .unwrap_or_else(|| panic!("{name}: {after:?} after {file}"));
        assert!(img > last, "{name}: {file} out of order");
        last = img + next;
        names.push(file);
    }
    names
}

/// The book of `article` with its images as local files beside it, in `dir`.
fn local_book(dir: &Path, article: &Article) -> PathBuf {
    for &(path, w, h, _) in article.images {
        let file = dir.join("images").join(&path[1..path.find('?').unwrap()]);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, png(w, h, [90, 140, 60])).unwrap();
    }
    let md = dir.join(format!("{}.md", article.name));
    std::fs::write(&md, article.markdown.replace("{base}", "images")).unwrap();
    let stderr = epub(&md, dir, &[]);
    assert!(!stderr.contains("warning"), "{}: {stderr}", article.name);
    dir.join("book.epub")
}

/// The book of `article` with its images fetched from `server`, in `dir/out`.
fn fetched_book(dir: &Path, article: &Article, server: &ImageServer) -> PathBuf {
    let md = write_article(dir, article, server);
    let out = dir.join("out");
    let stderr = epub(&md, &out, &["--fetch-images", "--allow-local-images"]);
    assert!(!stderr.contains("warning"), "{}: {stderr}", article.name);
    out.join("book.epub")
}

#[test]
fn the_three_articles_with_local_images_are_books_with_every_image_in_place() {
    for article in ARTICLES {
        let dir = tempfile::tempdir().unwrap();
        assert_in_place(&local_book(dir.path(), article), article);
    }
    // The captions glued to their images are the figures' figcaptions.
    let dir = tempfile::tempdir().unwrap();
    let text = chapters(&local_book(dir.path(), &QA));
    for caption in ["团队合影｜公司公众号", "相机需要用户提供"] {
        let at = text.find(caption).unwrap();
        let figure = &text[text[..at].rfind("<figure").unwrap()..at];
        assert!(
            figure.contains("<img ") && figure.ends_with("\">"),
            "{caption}: {figure}"
        );
        assert!(figure.contains("<figcaption class=\"caption\""), "{figure}");
    }
}

#[test]
#[ignore = "needs epubcheck"]
fn the_books_with_local_and_fetched_images_pass_epubcheck() {
    for article in ARTICLES {
        let dir = tempfile::tempdir().unwrap();
        epubcheck(&local_book(dir.path(), article));
        let server = serve(article);
        let dir = tempfile::tempdir().unwrap();
        epubcheck(&fetched_book(dir.path(), article, &server));
    }
}

#[test]
fn fetched_images_are_in_the_book_in_place_and_a_rebuild_from_the_cache_is_identical() {
    for article in ARTICLES {
        let server = serve(article);
        let dir = tempfile::tempdir().unwrap();
        let book = fetched_book(dir.path(), article, &server);
        let (md, out) = (
            dir.path().join(format!("{}.md", article.name)),
            dir.path().join("out"),
        );
        let names = assert_in_place(&book, article);
        for (name, &(_, w, h, _)) in names.iter().zip(article.images) {
            let shown = image::load_from_memory(&entry(&book, &format!("OEBPS/{name}"))).unwrap();
            let scale = (1600.0 / w.max(h) as f64).min(1.0);
            let fitted = ((w as f64 * scale).round(), (h as f64 * scale).round());
            assert_eq!(
                (shown.width(), shown.height()),
                (fitted.0 as u32, fitted.1 as u32),
                "{}: {name} at most 1600 px",
                article.name
            );
        }
        let about = String::from_utf8_lossy(&entry(&book, "OEBPS/about.xhtml")).into_owned();
        assert!(
            !about.contains("图片"),
            "{}: nothing left out: {about}",
            article.name
        );
        let cache = out.join(".jinju-images");
        let index = std::fs::read_to_string(cache.join("index.json")).unwrap();
        assert_eq!(
            std::fs::read_dir(&cache).unwrap().count(),
            article.images.len() + 1,
            "{}: one file an image, and the index: {index}",
            article.name
        );
        let fetched = server.requests();
        assert_eq!(fetched, article.images.len(), "{}", article.name);
        // Offline: without the flag, and with it, the cache answers; the same bytes.
        let first = std::fs::read(&book).unwrap();
        let again = dir.path().join("again");
        std::fs::create_dir_all(&again).unwrap();
        std::fs::rename(&cache, again.join(".jinju-images")).unwrap();
        let stderr = epub(&md, &again, &[]);
        assert!(!stderr.contains("warning"), "{}: {stderr}", article.name);
        assert!(
            first == std::fs::read(again.join("book.epub")).unwrap(),
            "{}",
            article.name
        );
        epub(&md, &again, &["--fetch-images", "--allow-local-images"]);
        assert!(
            first == std::fs::read(again.join("book.epub")).unwrap(),
            "{}",
            article.name
        );
        assert_eq!(
            server.requests(),
            fetched,
            "{}: the rebuilds made no request",
            article.name
        );
    }
}

#[test]
fn without_allow_local_images_the_test_server_is_refused_and_the_book_says_so() {
    let server = serve(&QA);
    let dir = tempfile::tempdir().unwrap();
    let md = write_article(dir.path(), &QA, &server);
    let stderr = epub(&md, dir.path(), &["--fetch-images"]);
    for (path, ..) in QA.images {
        let shown = format!("warning: image `{}", server.url(path));
        assert!(stderr.contains(&shown), "{shown} in {stderr}");
    }
    assert!(
        stderr.contains("a loopback address: not fetched without --allow-local-images"),
        "{stderr}"
    );
    assert_eq!(server.requests(), 0, "no request reached the server");
    let book = dir.path().join("book.epub");
    let text = chapters(&book);
    assert_eq!(
        text.matches("此处原有一幅图片").count(),
        QA.images.len(),
        "{text}"
    );
    let about = String::from_utf8_lossy(&entry(&book, "OEBPS/about.xhtml")).into_owned();
    assert!(about.contains("原文中的图片未收入本书"), "{about}");
    // No flag at all: nothing fetched, one warning that says how.
    let stderr = epub(&md, dir.path(), &[]);
    assert!(
        stderr.contains("warning: 3 remote image(s) are not in the book")
            && stderr.contains("--fetch-images"),
        "{stderr}"
    );
    assert_eq!(server.requests(), 0);
}

#[test]
#[ignore = "needs DAISY Ace and chromium"]
fn daisy_ace_finds_no_violation_in_the_books_with_fetched_images() {
    for article in ARTICLES {
        let server = serve(article);
        let dir = tempfile::tempdir().unwrap();
        let violations = ace_violations(&fetched_book(dir.path(), article, &server));
        assert!(
            violations.is_empty(),
            "{}: Ace: {violations:#?}",
            article.name
        );
    }
}

#[test]
fn build_keeps_the_fetched_images_in_its_output_folder_and_rebuilds_offline() {
    let server = serve(&QA);
    let dir = tempfile::tempdir().unwrap();
    let md = write_article(dir.path(), &QA, &server);
    let out = dir.path().join("out");
    let build = |flags: &[&str]| {
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "build".as_ref(),
            "--quiet".as_ref(),
            "--input".as_ref(),
            md.as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
            "--template".as_ref(),
            "square".as_ref(),
        ];
        args.extend(flags.iter().map(std::ffi::OsStr::new));
        crate::run::succeeds(args);
        let epub = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "epub"))
            .unwrap();
        std::fs::read(epub).unwrap()
    };
    let first = build(&["--fetch-images", "--allow-local-images"]);
    let cached = std::fs::read_dir(out.join(".jinju-images"))
        .unwrap()
        .count();
    assert_eq!(cached, QA.images.len() + 1, "each image and the index");
    assert_eq!(server.requests(), QA.images.len());
    assert!(first == build(&[]), "the rebuild from the cache differs");
    assert_eq!(
        server.requests(),
        QA.images.len(),
        "the rebuild made no request"
    );
}
