//! The whole article in the book: the source's italics and links, the 链接 page, and a
//! colophon that says truthfully what the book leaves out.

use super::*;
use crate::interview::Address;
use crate::interview::inline_marks::{InlineMark, MarkKind};

/// The sample with marks on its intro paragraph (`就在这个意味深长的历史时刻，我与张鹏…`).
fn marked() -> Interview {
    let mut iv = sample();
    let at = Address {
        section: 0,
        paragraph: 1,
    };
    let mark = |range, kind| InlineMark { at, range, kind };
    iv.marks = vec![
        mark([4, 8], MarkKind::Italic),
        mark([9, 11], MarkKind::Link("javascript:alert(1)".into())),
        mark(
            [16, 18],
            MarkKind::Link("https://example.com/?a=1&b=2".into()),
        ),
    ];
    iv
}

#[test]
#[ignore = "needs epubcheck"]
fn italics_and_web_links_are_kept_and_listed_and_the_book_stays_valid() {
    let epub = build(&marked(), &sample_quotes(), &full_options()).expect("build");
    let intro = entry(&epub, "OEBPS/intro.xhtml");
    assert!(intro.contains("<em>意味深长</em>"), "{intro}");
    assert!(
        intro.contains("<a class=\"link\" href=\"https://example.com/?a=1&amp;b=2\">张鹏</a>"),
        "{intro}"
    );
    assert!(!intro.contains("javascript"), "only http(s) links: {intro}");
    let links = entry(&epub, "OEBPS/links.xhtml");
    assert!(
        links.contains("<a href=\"intro.xhtml#p0-1\">张鹏</a>"),
        "{links}"
    );
    assert!(
        links.contains("https://example.com/?a=1&amp;b=2"),
        "{links}"
    );
    assert!(!links.contains("javascript"), "{links}");
    let nav = entry(&epub, "OEBPS/nav.xhtml");
    assert!(nav.contains("links.xhtml"), "the 链接 page is in the 目录");
    epubcheck(&epub);
    // Without links there is no 链接 page.
    let plain = build(&sample(), &[], &full_options()).expect("build");
    assert!(
        !entries(&plain)
            .iter()
            .any(|(n, _)| n.ends_with("links.xhtml"))
    );
}

#[test]
fn the_colophon_says_what_the_book_leaves_out() {
    let mut iv = sample();
    iv.dropped.clear();
    let whole = build(&iv, &[], &EpubOptions::default()).expect("build");
    let about = entry(&whole, "OEBPS/about.xhtml");
    assert!(about.contains("收录正文全文，未作删节。"), "{about}");
    assert!(!about.contains("图片"), "{about}");
    iv.figures = vec![crate::interview::figures::Figure {
        before: None,
        src: "https://example.com/a.jpg".into(),
        alt: String::new(),
    }];
    iv.dropped = vec!["扫码关注".into()];
    let cut = build(&iv, &[], &EpubOptions::default()).expect("build");
    let about = entry(&cut, "OEBPS/about.xhtml");
    assert!(
        about.contains("收录正文全文，未作删节；原文中的图片未收入本书；网页上正文以外的导航、推广等文字已略去。"),
        "{about}"
    );
}

#[test]
fn a_quote_from_the_intro_comes_from_the_intro() {
    let mut quotes = sample_quotes();
    quotes[0].section.number = 0;
    quotes[0].section.title = String::new();
    quotes[0].address = "0.1".parse().ok();
    let epub = build(&sample(), &quotes, &full_options()).expect("build");
    let highlights = entry(&epub, "OEBPS/quotes.xhtml");
    assert!(highlights.contains("出自 导语"), "{highlights}");
    assert!(!highlights.contains("出自 00"), "{highlights}");
}

#[test]
fn a_name_colon_words_title_breaks_after_the_colon_on_the_title_page() {
    let mut iv = sample();
    iv.meta.title = "林小满：面包要等面团自己醒好".into();
    let epub = build(&iv, &[], &EpubOptions::default()).expect("build");
    let title = entry(&epub, "OEBPS/title.xhtml");
    assert!(
        title.contains("林小满：<br/>面包要等面团自己醒好"),
        "{title}"
    );
    // Any other title is one run the reader breaks.
    iv.meta.title = "面包要等面团自己醒好，人急了面包就硬了".into();
    let epub = build(&iv, &[], &EpubOptions::default()).expect("build");
    assert!(!entry(&epub, "OEBPS/title.xhtml").contains("<br/>"));
}
