//! The book as readers and their tools see it (issue 12): accessibility metadata and roles,
//! navigation only to spine pages, the NCX, the stylesheet's first rules, the cover page,
//! Latin phrases, the colophon, and the caller's title, author, date and language.

use super::fixture::{sample, sample_quotes};
use super::{entries, entry, epubcheck, full_options};
use crate::epub::{BookMeta, EpubOptions, build};

fn spine_files(opf: &str) -> Vec<String> {
    opf.split("<itemref idref=\"page-")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|stem| format!("{stem}.xhtml"))
        .collect()
}

#[test]
fn the_package_carries_accessibility_metadata_and_its_language() {
    let epub = build(&sample(), &sample_quotes(), &full_options()).expect("build");
    let opf = entry(&epub, "OEBPS/content.opf");
    assert!(opf.contains("<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"book-id\" xml:lang=\"zh-CN\">"));
    for (property, value) in [
        ("schema:accessMode", "textual"),
        ("schema:accessMode", "visual"),
        ("schema:accessModeSufficient", "textual"),
        ("schema:accessibilityFeature", "structuralNavigation"),
        ("schema:accessibilityFeature", "tableOfContents"),
        ("schema:accessibilityFeature", "readingOrder"),
        ("schema:accessibilityFeature", "displayTransformability"),
        ("schema:accessibilityFeature", "alternativeText"),
        ("schema:accessibilityHazard", "none"),
        (
            "dcterms:conformsTo",
            "EPUB Accessibility 1.1 - WCAG 2.1 Level AA",
        ),
    ] {
        let meta = format!("<meta property=\"{property}\">{value}</meta>");
        assert!(opf.contains(&meta), "{meta}");
    }
    assert!(opf.contains("<meta property=\"schema:accessibilitySummary\">本书为可重排的文字书"));
    let plain = build(&sample(), &[], &EpubOptions::default()).expect("build");
    let opf = entry(&plain, "OEBPS/content.opf");
    assert!(
        !opf.contains("visual") && !opf.contains("alternativeText"),
        "no image, no claim"
    );
}

#[test]
fn the_guide_and_landmarks_point_only_at_spine_pages() {
    let epub = build(&sample(), &sample_quotes(), &full_options()).expect("build");
    let opf = entry(&epub, "OEBPS/content.opf");
    let spine = spine_files(&opf);
    assert_eq!(spine[..3], ["cover.xhtml", "title.xhtml", "toc.xhtml"]);
    let guide = opf.split("<guide>").nth(1).expect("a guide");
    let nav = entry(&epub, "OEBPS/nav.xhtml");
    let landmarks = nav
        .split("epub:type=\"landmarks\"")
        .nth(1)
        .expect("landmarks");
    for links in [guide, landmarks] {
        let hrefs: Vec<&str> = links
            .split("href=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        assert!(hrefs.len() >= 5, "{hrefs:?}");
        for href in hrefs {
            assert!(
                spine.iter().any(|f| f == href),
                "{href} is not in the spine"
            );
        }
    }
    assert!(guide.contains("<reference type=\"toc\" title=\"目录\" href=\"toc.xhtml\"/>"));
}

#[test]
fn the_ncx_has_the_book_title_and_identifier() {
    let epub = build(&sample(), &[], &EpubOptions::default()).expect("build");
    let ncx = entry(&epub, "OEBPS/toc.ncx");
    assert!(ncx.contains(
        "<docTitle><text>上市访谈：R&amp;D &lt;与&gt; &quot;AGI&quot;</text></docTitle>"
    ));
    assert!(ncx.contains("<meta name=\"dtb:uid\" content=\"urn:uuid:"));
    assert!(ncx.contains("playOrder=\"1\"><navLabel><text>上市访谈"));
}

#[test]
fn the_stylesheet_opens_with_charset_and_namespace() {
    let opts = EpubOptions {
        font: Some(super::font::repo_text_font("serif").into()),
        ..EpubOptions::default()
    };
    let epub = build(&sample(), &[], &opts).expect("build");
    let css = entry(&epub, "OEBPS/stylesheet.css");
    assert!(css.starts_with(
        "@charset \"UTF-8\";\n@namespace epub \"http://www.idpf.org/2007/ops\";\n@font-face {"
    ));
    assert!(css.contains("text-spacing-trim: normal;") && css.contains("text-autospace: normal;"));
}

/// An interviewer known only by a role label is credited to nobody, yet its turns are still
/// the questions.
#[test]
fn a_role_label_still_asks_and_is_named_nowhere() {
    let mut iv = sample();
    let rename = |s: &mut String| {
        if s == "张小珺" {
            *s = "问".into();
        }
    };
    rename(&mut iv.meta.interviewer);
    iv.speakers.iter_mut().for_each(rename);
    for p in iv.people.iter_mut().filter(|p| p.label == "张小珺") {
        p.label = "问".into();
        p.name = String::new();
    }
    iv.roles = iv
        .roles
        .into_iter()
        .map(|(mut k, v)| {
            rename(&mut k);
            (k, v)
        })
        .collect();
    for p in iv.sections.iter_mut().flat_map(|s| s.paragraphs.iter_mut()) {
        p.speaker.as_mut().map(rename);
    }
    let mut quotes = sample_quotes();
    quotes[0].speaker = "答".into();
    quotes[0].attribution = None;
    let epub = build(&iv, &quotes, &EpubOptions::default()).expect("build");
    let ch = entry(&epub, "OEBPS/ch01.xhtml");
    assert!(ch.contains("<p class=\"q open\" id=\"p1-1\"><span class=\"who\">问：</span>"));
    let hl = entry(&epub, "OEBPS/quotes.xhtml");
    assert!(
        !hl.contains("——答"),
        "a role label is no name under a quote: {hl}"
    );
    let opf = entry(&epub, "OEBPS/content.opf");
    assert!(!opf.contains(">问</dc:creator>"), "{opf}");
}

/// A photo's caption stays in the text (the photo does not), set off as a caption.
#[test]
fn captions_are_set_off_from_the_answers() {
    let mut iv = sample();
    let mut caption = iv.sections[0].paragraphs[0].clone();
    caption.kind = crate::interview::Kind::Caption;
    caption.speaker = None;
    caption.opens_turn = false;
    caption.text = "妙鸭团队合影｜截图".into();
    caption.address.paragraph = iv.sections[0].paragraphs.len() as u32 + 1;
    iv.sections[0].paragraphs.push(caption);
    let epub = build(&iv, &[], &EpubOptions::default()).expect("build");
    let id = format!("p1-{}", iv.sections[0].paragraphs.len());
    assert!(entry(&epub, "OEBPS/ch01.xhtml").contains(&format!(
        "<p class=\"caption\" id=\"{id}\">妙鸭团队合影｜截图</p>"
    )));
    let css = entry(&epub, "OEBPS/stylesheet.css");
    let rule = css.split(".caption {").nth(1).expect("a .caption rule");
    let rule = &rule[..rule.find('}').expect("closed")];
    assert!(
        rule.contains("text-indent: 0;") && rule.contains("text-align: center;"),
        "{rule}"
    );
}

/// Every `epub:type` with a DPUB-ARIA counterpart carries that role.
#[test]
fn every_epub_type_has_its_aria_role() {
    let epub = build(&sample(), &sample_quotes(), &full_options()).expect("build");
    let roles = [
        ("chapter", "doc-chapter"),
        ("introduction", "doc-introduction"),
        ("pullquote", "doc-pullquote"),
        ("colophon", "doc-colophon"),
        ("toc", "doc-toc"),
        ("noteref", "doc-noteref"),
        ("footnote", "doc-footnote"),
    ];
    let mut seen = 0;
    for (name, data) in entries(&epub) {
        if !name.ends_with(".xhtml") || name.ends_with("nav.xhtml") {
            continue;
        }
        let page = String::from_utf8_lossy(&data).to_string();
        for tag in page.split('<').filter(|t| t.contains("epub:type=\"")) {
            let kind = tag
                .split("epub:type=\"")
                .nth(1)
                .and_then(|s| s.split('"').next());
            let role = roles
                .iter()
                .find(|(k, _)| Some(*k) == kind)
                .map(|(_, r)| *r);
            if let Some(role) = role {
                assert!(tag.contains(&format!("role=\"{role}\"")), "{name}: <{tag}");
                seen += 1;
            }
        }
    }
    assert!(seen >= 7, "only {seen} typed elements");
}

#[test]
fn the_cover_page_scales_the_whole_image_and_names_title_and_quote() {
    let epub = build(&sample(), &sample_quotes(), &full_options()).expect("build");
    let cover = entry(&epub, "OEBPS/cover.xhtml");
    assert!(cover.contains("<body class=\"cover-page duokan-page-fullscreen\">"));
    assert!(
        cover.contains("viewBox=\"0 0 60 75\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\"")
    );
    assert!(cover.contains("aria-label=\"封面：《上市访谈：R&amp;D &lt;与&gt; &quot;AGI&quot;》，金句“就是，一个开路的人。”\""));
    let opf = entry(&epub, "OEBPS/content.opf");
    assert!(
        opf.contains(
            "href=\"cover.xhtml\" media-type=\"application/xhtml+xml\" properties=\"svg\""
        )
    );
    assert!(opf.contains("properties=\"cover-image\""));
}

#[test]
fn latin_phrases_are_english_and_the_colophon_is_cleaned_and_labelled() {
    let opts = EpubOptions {
        font: Some(super::font::repo_text_font("serif").into()),
        font_bold: Some(super::font::repo_text_font("serif-bold").into()),
        ..EpubOptions::default()
    };
    let mut iv = sample();
    iv.corrections[0].find = "张鹏可能有一些人认为:".into();
    let epub = build(&iv, &[], &opts).expect("build");
    let ch = entry(&epub, "OEBPS/ch01.xhtml");
    assert!(ch.contains("为什么 <span lang=\"en\" xml:lang=\"en\">AGI</span> 还没有实现"));
    let about = entry(&epub, "OEBPS/about.xhtml");
    assert!(
        about.contains("<span class=\"was\">张鹏可能有一些人认为：</span>"),
        "{about}"
    );
    let text = crate::epub::text_content(&about);
    assert!(
        text.contains("正文字体：Noto Serif CJK SC（SIL Open Font License 1.1）。"),
        "{text}"
    );
    assert!(text.contains(
        "粗体（说话人、提问与标题）：Noto Serif CJK SC Bold（SIL Open Font License 1.1）。"
    ));
    assert!(
        about.contains("本书据访谈《上市访谈"),
        "names the source by its title"
    );
    let kept = EpubOptions {
        keep_punctuation: true,
        ..EpubOptions::default()
    };
    let about = entry(&build(&iv, &[], &kept).expect("build"), "OEBPS/about.xhtml");
    assert!(about.contains("<span class=\"was\">张鹏可能有一些人认为:</span>"));
}

/// A book with every metadata field the caller can set.
fn book_with_caller_metadata() -> Vec<u8> {
    let opts = EpubOptions {
        meta: BookMeta {
            title: Some("另一个书名".into()),
            authors: vec!["Jane Doe".into()],
            date: Some("2026-01-08".into()),
            language: Some("zh-TW".into()),
            source_url: Some("https://example.com/a?b=1&c=2".into()),
            subjects: vec!["访谈".into()],
            ..BookMeta::default()
        },
        ..full_options()
    };
    build(&sample(), &sample_quotes(), &opts).expect("build")
}

#[test]
#[ignore = "needs epubcheck"]
fn a_book_with_every_metadata_field_passes_epubcheck() {
    epubcheck(&book_with_caller_metadata());
}

#[test]
fn the_caller_sets_title_author_date_language_and_source() {
    let epub = book_with_caller_metadata();
    let opf = entry(&epub, "OEBPS/content.opf");
    assert!(opf.contains("<dc:title id=\"title\">另一个书名</dc:title>"));
    assert!(opf.contains("<dc:creator id=\"creator-1\">Jane Doe</dc:creator>\n<meta refines=\"#creator-1\" property=\"role\" scheme=\"marc:relators\">aut</meta>\n<meta refines=\"#creator-1\" property=\"file-as\">Doe, Jane</meta>"));
    assert!(opf.contains("<dc:date>2026-01-08</dc:date>"));
    assert!(opf.contains("<meta property=\"dcterms:modified\">2026-01-08T00:00:00Z</meta>"));
    assert!(opf.contains("<dc:language>zh-TW</dc:language>") && opf.contains("xml:lang=\"zh-TW\""));
    assert!(opf.contains("<dc:subject>访谈</dc:subject>"));
    assert!(opf.contains("<dc:source>https://example.com/a?b=1&amp;c=2</dc:source>"));
    let title = entry(&epub, "OEBPS/title.xhtml");
    assert!(
        title.contains("lang=\"zh-TW\"")
            && title.contains("<h1 class=\"book-title\">另一个书名</h1>")
    );
    let about = entry(&epub, "OEBPS/about.xhtml");
    assert!(about.contains("<a href=\"https://example.com/a?b=1&amp;c=2\">"));
}
