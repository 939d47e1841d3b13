//! What an HTML page says about itself, and where its article is: the title, date, URL and
//! account from the page's own markup (WeChat's ids first, then Open Graph and `<meta>`), the
//! nesting depth (checked before the walk), and the container that holds the article when the
//! page is not a WeChat export. The walk over that container is `html`'s.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Selector};

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

pub(super) fn select_one<'a>(page: &'a Html, s: &str) -> Option<ElementRef<'a>> {
    page.select(&sel(s)).next()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn text_of(page: &Html, s: &str) -> Option<String> {
    select_one(page, s)
        .map(|e| squash(&e.text().collect::<String>()))
        .filter(|t| !t.is_empty())
}

pub(super) fn attr(page: &Html, s: &str, name: &str) -> Option<String> {
    select_one(page, s)
        .and_then(|e| e.value().attr(name))
        .map(squash)
        .filter(|t| !t.is_empty())
}

pub(super) fn meta(page: &Html, s: &str) -> Option<String> {
    attr(page, s, "content")
}

/// WeChat's `#activity-name`, else `og:title`, else `<title>`, else the first `<h1>`.
pub(super) fn title(page: &Html) -> Option<String> {
    text_of(page, "#activity-name")
        .or_else(|| meta(page, "meta[property='og:title']"))
        .or_else(|| text_of(page, "title"))
        .or_else(|| text_of(page, "h1"))
}

/// `#publish_time` or `article:published_time` as `YYYY-MM-DD`.
pub(super) fn date(page: &Html) -> Option<String> {
    let raw = text_of(page, "#publish_time")
        .or_else(|| meta(page, "meta[property='article:published_time']"))?;
    let digits: Vec<u32> = raw
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(3)
        .filter_map(|s| s.parse().ok())
        .collect();
    match digits.as_slice() {
        [y, m, d] if (1900..=2200).contains(y) && (1..=12).contains(m) && (1..=31).contains(d) => {
            Some(format!("{y:04}-{m:02}-{d:02}"))
        }
        _ => None,
    }
}

pub(super) fn max_depth(page: &Html) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for edge in page.root_element().traverse() {
        match edge {
            Edge::Open(_) => {
                depth += 1;
                max = max.max(depth);
            }
            Edge::Close(_) => depth = depth.saturating_sub(1),
        }
    }
    max
}

/// `<article>` or `<main>` with real text, else the element whose `<p>` children carry the
/// most text (a paragraph counts fully for its parent, half for its grandparent).
pub(super) fn main_content(page: &Html) -> Option<ElementRef<'_>> {
    let text_len = |e: ElementRef| e.text().map(|t| t.trim().chars().count()).sum::<usize>();
    for s in ["article", "main", "[role='main']"] {
        if let Some(e) = page.select(&sel(s)).max_by_key(|e| text_len(*e))
            && text_len(e) >= 200
        {
            return Some(e);
        }
    }
    let mut scores: std::collections::HashMap<ego_tree::NodeId, usize> = Default::default();
    for p in page.select(&sel("p")) {
        let n = text_len(p);
        if n < 10 {
            continue;
        }
        if let Some(parent) = p.parent().and_then(ElementRef::wrap) {
            *scores.entry(parent.id()).or_default() += n * 2;
            if let Some(g) = parent.parent().and_then(ElementRef::wrap) {
                *scores.entry(g.id()).or_default() += n;
            }
        }
    }
    let best = scores.into_iter().max_by_key(|&(id, s)| (s, id))?.0;
    page.tree.get(best).and_then(ElementRef::wrap)
}
