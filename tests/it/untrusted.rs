//! Untrusted input reaching output: only http(s) links from a page reach the book, and
//! what jinju prints (its own messages, clap's usage errors, `inspect`) never carries a
//! raw control character to the terminal.

use super::clobber::run;
use std::fs;
use std::io::Read;

/// A saved page whose og:url is `url`, with a short interview.
fn page(url: &str) -> String {
    let turns: String = (1..=4)
        .map(|i| {
            format!(
                "<p>李雷：第{i}个问题是什么？</p><p>韩梅梅：这是第{i}个回答，我们说得很好。</p>"
            )
        })
        .collect();
    format!(
        "<html><head><title>访谈</title><meta property=\"og:url\" content=\"{url}\">\
         <link rel=\"canonical\" href=\"{url}\"></head><body><article><h1>访谈</h1>{turns}\
         </article></body></html>"
    )
}

/// Every text file of the EPUB at `path`, concatenated.
fn epub_text(path: &std::path::Path) -> String {
    let mut zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut all = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().ends_with(".xhtml") || f.name().ends_with(".opf") {
            f.read_to_string(&mut all).unwrap();
        }
    }
    all
}

#[test]
fn only_http_links_from_a_page_reach_the_book() {
    let dir = tempfile::tempdir().unwrap();
    for (url, kept) in [
        ("javascript:alert(1)", false),
        ("data:text/html,hi", false),
        ("file:///etc/passwd", false),
        ("https://example.com/a", true),
    ] {
        let input = dir.path().join("page.html");
        fs::write(&input, page(url)).unwrap();
        let book = dir.path().join("b.epub");
        let (code, err) = run(&[
            "epub",
            "--input",
            input.to_str().unwrap(),
            "--auto",
            "1",
            "--force",
            "-o",
            book.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{url}: {err}");
        let text = epub_text(&book);
        assert_eq!(text.contains(url), kept, "{url}");
        assert_eq!(text.contains("<dc:source>"), kept, "{url}");
        assert_eq!(err.contains("not an http(s) link"), !kept, "{url}: {err}");
    }
}

/// True when `text` holds a character that must not reach a terminal raw.
fn has_raw_control(text: &str) -> bool {
    text.chars()
        .any(|c| (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}'))
}

#[test]
fn usage_errors_quote_what_was_typed_escaped() {
    let esc = "\u{1b}]0;pwned\u{7}\u{202e}";
    for args in [
        vec![esc.to_string()],
        vec!["quotes".into(), "--format".into(), esc.into()],
        vec!["quotes".into(), "--auto".into(), esc.into()],
        vec!["quotes".into(), format!("--{esc}")],
        vec!["completions".into(), esc.into()],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(!has_raw_control(&err), "{args:?}: {err:?}");
        assert!(err.contains("\\u{"), "{args:?}: {err}");
    }
}

#[test]
fn inspect_shows_bidi_controls_escaped_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("i.txt");
    let turns: String = (1..=3)
        .map(|i| format!("李雷：第{i}个问题？\n\n韩梅梅：回答\u{202e}{i}\u{1b}[2J。\n\n"))
        .collect();
    fs::write(&input, format!("标题\n\n{turns}")).unwrap();
    for format in ["text", "json"] {
        let o = assert_cmd::Command::cargo_bin("jinju")
            .unwrap()
            .args(["inspect", "--format", format, "--input"])
            .arg(&input)
            .output()
            .unwrap();
        assert!(o.status.success(), "{format}");
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(!has_raw_control(&out), "{format}: {out:?}");
        assert!(out.to_lowercase().contains("202e"), "{format}: {out}");
    }
}

/// A character no font has, in a footer, a cover title or a title too long for the cover,
/// is left out of the image with a warning; the run succeeds and the book keeps the text.
#[test]
fn a_character_no_font_has_never_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cards");
    let (code, err) = run(&[
        "cards",
        "--text",
        "慢就是快",
        "--source",
        "标题\u{2CEB0}",
        "-t",
        "square",
        "--scale",
        "0.2",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "footer: {err}");
    assert!(err.contains("U+2CEB0") && err.contains("left out"), "{err}");
    let long = "长".repeat(220);
    for title in ["书名\u{2CEB0}\u{202e}", long.as_str()] {
        let book = dir.path().join("b.epub");
        let (code, err) = run(&[
            "epub",
            "--auto",
            "2",
            "--title",
            title,
            "--force",
            "-o",
            book.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{title}: {err}");
        assert!(err.contains("warning"), "{err}");
        assert!(!has_raw_control(&err), "{err:?}");
        assert!(
            epub_text(&book).contains(title.trim_end_matches('\u{202e}')),
            "{title}"
        );
    }
}
