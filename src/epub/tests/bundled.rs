//! The bundled interview as a book: valid, complete, free of debris, every quote linked.

use super::font::repo_text_font;
use super::{assert_complete, book_text, entries, epubcheck, png};
use crate::epub::{EpubOptions, build};
use crate::interview::{Interview, parse_default};
use crate::select::{self, Quote, Spec};

fn bundled() -> (Interview, Vec<Quote>) {
    let interview = parse_default().expect("the bundled interview parses");
    let spec = Spec::bundled().expect("the bundled quotes load");
    let quotes = select::select(&interview, &spec).expect("select").quotes;
    (interview, quotes)
}

#[test]
fn bundled_book_is_complete_and_free_of_debris() {
    let (interview, quotes) = bundled();
    assert_eq!(interview.sections.len(), 5);
    assert!(
        !interview.dropped.is_empty(),
        "the parser drops the page debris"
    );
    let epub = build(&interview, &quotes, &EpubOptions::default()).expect("build");
    let text = book_text(&epub);
    assert_complete(&interview, &text);
    for label in ["01 谈上市", "05 谈希冀", "导语", "金句", "关于本书"] {
        assert!(text.contains(label), "{label}");
    }
}

#[test]
#[ignore = "needs epubcheck"]
fn bundled_book_with_fonts_and_cover_passes_epubcheck() {
    let (interview, quotes) = bundled();
    let opts = EpubOptions {
        cover_png: Some(png()),
        font: Some(repo_text_font("serif").into()),
        font_bold: Some(repo_text_font("serif-bold").into()),
        ..EpubOptions::default()
    };
    epubcheck(&build(&interview, &quotes, &opts).expect("build"));
}

#[test]
fn every_quote_links_to_an_existing_anchor() {
    let (interview, quotes) = bundled();
    let epub = build(&interview, &quotes, &EpubOptions::default()).expect("build");
    let files = entries(&epub);
    let page = |name: &str| {
        let found = files.iter().find(|(n, _)| n == &format!("OEBPS/{name}"));
        String::from_utf8_lossy(&found.unwrap_or_else(|| panic!("no {name}")).1).to_string()
    };
    let hl = page("quotes.xhtml");
    let links: Vec<&str> = hl
        .split("<a href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(links.len(), quotes.len(), "one link per quote");
    for href in links {
        let (file, anchor) = href.split_once('#').unwrap_or((href, ""));
        assert!(
            anchor.is_empty() || page(file).contains(&format!("id=\"{anchor}\"")),
            "{href}"
        );
    }
}
