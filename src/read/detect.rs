//! Which syntax a text is in: by the file's extension, else by sniffing its content
//! (`--from` forces one).

use std::fmt;
use std::path::Path;

/// An input syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        })
    }
}

/// The format of `source`, named `path` (if any): `.html`/`.htm` → HTML, `.md`/`.markdown` →
/// Markdown; otherwise (`.txt`, stdin, no extension) the content decides: a page that opens
/// with `<!DOCTYPE`/`<html` or is mostly tags is HTML; Markdown syntax on several lines
/// (`**bold**`, `![image](…)`, `[link](…)`, `#` headings, setext underlines) is Markdown;
/// anything else is plain text.
pub fn detect(path: Option<&Path>, source: &str) -> Format {
    let ext = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => return Format::Html,
        Some("md" | "markdown" | "mdown" | "mkd") => return Format::Markdown,
        _ => {}
    }
    sniff(source)
}

fn sniff(source: &str) -> Format {
    let head: String = source
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return Format::Html;
    }
    let lines: Vec<&str> = source.lines().take(4000).collect();
    let tagged = lines
        .iter()
        .filter(|l| {
            let t = l.trim_start();
            t.starts_with("<p") || t.starts_with("<div") || t.starts_with("<section")
        })
        .count();
    if tagged >= 3 && tagged * 3 >= lines.iter().filter(|l| !l.trim().is_empty()).count() {
        return Format::Html;
    }
    let markdown = lines
        .iter()
        .filter(|l| {
            let t = l.trim();
            t.contains("**")
                || t.contains("![")
                || t.contains("](")
                || t.starts_with("# ")
                || t.starts_with("## ")
                || t.starts_with("### ")
                || t.starts_with("> ")
                || (t.len() >= 3 && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-')))
        })
        .count();
    if markdown >= 3 {
        Format::Markdown
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_wins() {
        assert_eq!(detect(Some(Path::new("a.HTML")), "plain"), Format::Html);
        assert_eq!(detect(Some(Path::new("a.md")), "plain"), Format::Markdown);
    }

    #[test]
    fn content_decides_for_txt_and_stdin() {
        let md = "标题\n=====\n\n**问：**好\n\n**答：**好\n\n![](x.png)\n";
        assert_eq!(detect(Some(Path::new("a.txt")), md), Format::Markdown);
        assert_eq!(detect(None, "<!DOCTYPE html><html></html>"), Format::Html);
        assert_eq!(detect(None, "标题\n张鹏:你好\n李雷:好\n"), Format::Text);
    }
}
