//! Nesting measured before parsing, in one linear pass, so a small hostile file cannot make
//! a parser quadratic: pulldown-cmark's memory grows with the square of list/quote nesting
//! (`1. 1. 1. …` 16,000 deep in 48 KB took 751 MB) and html5ever's time with the square of
//! element depth (100,000 `<div>`s took 17–74 s). Both scans over-estimate a little (they
//! know fewer rules than the parsers), so their limits sit well above any real article's.

/// Deepest Markdown container nesting (`>` quotes and list markers opened on one line)
/// accepted; real exports stay under 5 (each level costs pulldown-cmark memory on every line).
pub const MAX_MARKDOWN_DEPTH: usize = 16;

/// Deepest HTML nesting the pre-scan accepts (the reader's exact limit after parsing is
/// lower: `html::MAX_DEPTH`).
pub const MAX_HTML_SCAN_DEPTH: usize = 2048;

/// The deepest line of Markdown: (1-based line, containers it opens), for the first line
/// past `limit`, or `None`.
pub fn markdown_too_deep(source: &str, limit: usize) -> Option<(usize, usize)> {
    source.lines().enumerate().find_map(|(k, line)| {
        let depth = containers_opened(line.as_bytes(), limit + 1);
        (depth > limit).then_some((k + 1, depth))
    })
}

/// How many block containers (`>`, `-`/`*`/`+`, `1.`/`1)` each followed by a space) open at
/// the start of `line`, counting up to `stop`.
fn containers_opened(line: &[u8], stop: usize) -> usize {
    let mut at = 0;
    let mut depth = 0;
    while depth < stop {
        while at < line.len() && matches!(line[at], b' ' | b'\t') {
            at += 1;
        }
        let rest = &line[at..];
        let marker = match rest.first() {
            Some(b'>') => 1,
            Some(b'-' | b'*' | b'+') if rest.get(1).is_some_and(|c| matches!(c, b' ' | b'\t')) => 2,
            Some(c) if c.is_ascii_digit() => {
                let digits = rest
                    .iter()
                    .take(10)
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                let closes = matches!(rest.get(digits), Some(b'.' | b')'));
                let spaced = rest
                    .get(digits + 1)
                    .is_some_and(|c| matches!(c, b' ' | b'\t'));
                if closes && spaced { digits + 2 } else { 0 }
            }
            _ => 0,
        };
        if marker == 0 {
            break;
        }
        at += marker;
        depth += 1;
    }
    depth
}

/// Elements that never hold others (void), or whose end tag is implied by the next sibling:
/// they do not deepen the nesting the scan counts.
const FLAT: [&str; 24] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "rt", "rp",
];

/// The deepest nesting of start tags over end tags in `source` when it passes `limit`
/// (comments, doctypes and script/style contents skipped), or `None`.
pub fn html_too_deep(source: &str, limit: usize) -> Option<usize> {
    let b = source.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(off) = memchr_lt(&b[at..]) {
        at += off + 1;
        let rest = &b[at..];
        if rest.starts_with(b"!--") {
            at += find(rest, b"-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_at = usize::from(closing);
        let name_len = rest[name_at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = String::from_utf8_lossy(&rest[name_at..name_at + name_len]).to_lowercase();
        let end = find(rest, b">").unwrap_or(rest.len());
        let self_closing = end > 0 && rest[end - 1] == b'/';
        at += end;
        if FLAT.contains(&name.as_str()) || self_closing {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            at += find_ascii_ci(&b[at..], close.as_bytes()).unwrap_or(b.len() - at);
            continue;
        }
        depth += 1;
        if depth > limit {
            return Some(depth);
        }
    }
    None
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_lines_that_open_too_many_containers_are_found() {
        let deep = format!("正文\n\n{}深\n", "1. ".repeat(150));
        assert_eq!(markdown_too_deep(&deep, 100), Some((3, 101)));
        let quotes = format!("{}引\n", "> ".repeat(101));
        assert_eq!(markdown_too_deep(&quotes, 100), Some((1, 101)));
        let fine = "> 1. - 问：你好\n2025. 年\n- 列表\n   - 子项\n**粗体** *斜体*\n";
        assert_eq!(markdown_too_deep(fine, 2), Some((1, 3)));
        assert_eq!(markdown_too_deep(fine, 3), None);
    }

    #[test]
    fn html_depth_is_counted_without_parsing() {
        let deep = "<div>".repeat(3000);
        assert_eq!(html_too_deep(&deep, 2048), Some(2049));
        let flat = "<p>一<p>二<br><img src=x/><!-- <div><div> --><script>if (a<b) {}</script>"
            .repeat(5000);
        assert_eq!(html_too_deep(&flat, 10), None);
        let closed = "<div><span>字</span></div>".repeat(5000);
        assert_eq!(html_too_deep(&closed, 2), None);
    }
}
