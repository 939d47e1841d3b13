//! `index.html`: a self-contained gallery of the cards (no network, no scripts), each with its
//! text, template and size, and a link to the EPUB.

use super::{ArtifactKind, Manifest};
use std::io::Write;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Writes the gallery page for a manifest, one card at a time.
pub fn gallery(m: &Manifest, w: &mut dyn Write) -> std::io::Result<()> {
    let books: String = m
        .artifacts
        .iter()
        .filter(|a| a.kind == ArtifactKind::Epub)
        .map(|a| {
            format!(
                "<a class=\"book\" href=\"{p}\">EPUB · {p}</a> ",
                p = escape(&a.path)
            )
        })
        .collect();
    let count = m.cards.len()
        + m.artifacts
            .iter()
            .filter(|a| a.kind == ArtifactKind::Card)
            .count();
    write!(
        w,
        r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · jinju</title>
<style>
body {{ margin: 2rem; font-family: system-ui, "Noto Sans CJK SC", sans-serif; background: #202124; color: #e8e6e3; }}
header {{ margin-bottom: 1.5rem; }}
h1 {{ font-size: 1.4rem; margin: 0 0 .5rem; }}
.book {{ display: inline-block; padding: .3rem .8rem; border: 1px solid #777; border-radius: .4rem; color: inherit; text-decoration: none; }}
main {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 1.25rem; }}
.card {{ margin: 0; background: #2d2e31; border-radius: .5rem; box-shadow: 0 1px 4px rgba(0,0,0,.12); overflow: hidden; }}
.card img {{ display: block; width: 100%; height: auto; }}
figcaption {{ padding: .5rem .75rem; font-size: .85rem; }}
.text {{ margin: 0 0 .3rem; line-height: 1.5; }}
.meta {{ margin: 0; color: #a8a49f; font-size: .75rem; }}
</style>
</head>
<body>
<header><h1>{title}</h1><p>{count} cards · {quotes} quotes · {books}</p></header>
<main>
"#,
        title = escape(&m.title),
        quotes = m.quotes,
    )?;
    m.each(|a| {
        if a.kind != ArtifactKind::Card {
            return Ok(());
        }
        let [cw, ch] = a.size.unwrap_or([0, 0]);
        writeln!(
            w,
            "<figure class=\"card\"><a href=\"{p}\"><img src=\"{p}\" width=\"{cw}\" height=\"{ch}\" loading=\"lazy\" alt=\"{t}\"></a>\
             <figcaption><p class=\"text\">{t}</p><p class=\"meta\">{id} · {tpl} · {cw}×{ch}</p></figcaption></figure>",
            p = escape(&a.path),
            t = escape(a.text.as_deref().unwrap_or("")),
            id = escape(a.quote.as_deref().unwrap_or("")),
            tpl = escape(a.template.as_deref().unwrap_or("")),
        )
    })?;
    w.write_all(b"</main>\n</body>\n</html>\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Artifact;

    #[test]
    fn gallery_escapes_and_links() {
        let card = Artifact {
            path: "cards/a.portrait.png".into(),
            kind: ArtifactKind::Card,
            quote: Some("a".into()),
            text: Some("<b>&".into()),
            template: Some("portrait".into()),
            size: Some([1080, 1350]),
            lines: vec![],
            font_px: None,
            note: None,
            bytes: 1,
            sha256: String::new(),
        };
        let book = Artifact {
            path: "book.epub".into(),
            kind: ArtifactKind::Epub,
            quote: None,
            text: None,
            template: None,
            size: None,
            ..card.clone()
        };
        let m = Manifest::new("T", None, 1, vec![card, book]);
        let mut out = Vec::new();
        gallery(&m, &mut out).unwrap();
        let html = String::from_utf8(out).unwrap();
        assert!(
            html.contains("1 cards") && html.ends_with("</html>\n"),
            "{html}"
        );
        assert!(html.contains("&lt;b&gt;&amp;") && !html.contains("<b>&"));
        assert!(
            html.contains("src=\"cards/a.portrait.png\"") && html.contains("href=\"book.epub\"")
        );
        assert!(!html.contains("http"), "no network references");
    }
}
