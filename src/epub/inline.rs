//! Text to inline XHTML: escaping, Latin-script phrases marked `lang="en"` so screen
//! readers speak them with an English voice ("Break a leg" in a Chinese book), and a
//! paragraph's styles — the editor's bold, the source's italics and links — as elements. It
//! owns character-level markup only; paragraphs and pages are `xhtml`'s.

use super::gap::{spaced, spaced_with};
use super::meta::is_cjk;

/// Escape text for XHTML element content and attribute values, and drop the characters XML
/// forbids (C0 controls other than tab and newline, U+FFFE, U+FFFF), so any input stays
/// well-formed.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            '\r' => out.push('\n'),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The text a reader sees in a page: tags removed, the entities [`escape`] writes decoded.
pub fn text_content(xhtml: &str) -> String {
    let body = xhtml.find("<body").map_or(xhtml, |i| &xhtml[i..]);
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = rest[open..]
            .find('>')
            .map_or("", |close| &rest[open + close + 1..]);
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// A letter of the Latin script (ASCII, Latin-1, Latin Extended-A/B).
fn latin_letter(c: char) -> bool {
    c.is_alphabetic() && (c as u32) < 0x0250 && !is_cjk(c)
}

fn word_char(c: char) -> bool {
    latin_letter(c) || c.is_ascii_digit()
}

/// What may join two Latin words inside one phrase: `Break a leg`, `R&D`, `AI 1.0`,
/// `don't`, `P2P-Paper`.
fn joiner(c: char) -> bool {
    matches!(c, ' ' | '\'' | '’' | '-' | '.' | '&' | ',' | '/')
}

/// Byte ranges of the Latin-script phrases in `text`: runs of Latin words (letters and
/// digits, joined by spaces and the marks of [`joiner`]) with at least one letter.
pub fn latin_phrases(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !word_char(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i; // index of the last word character of the phrase
        let mut j = i;
        while j < chars.len() {
            if word_char(chars[j].1) {
                end = j;
                j += 1;
            } else if joiner(chars[j].1) && chars.get(j + 1).is_some_and(|&(_, c)| word_char(c)) {
                j += 1;
            } else {
                break;
            }
        }
        if chars[start..=end].iter().any(|&(_, c)| latin_letter(c)) {
            let last = chars[end];
            out.push((chars[start].0, last.0 + last.1.len_utf8()));
        }
        i = end + 1;
    }
    out
}

/// `text` with the Han–Latin gap ([`spaced`]), escaped, with each Latin-script phrase in
/// `<span lang="en">` — unless the book itself is in English (`language` starts with `en`),
/// where nothing needs marking.
pub fn phrase(text: &str, language: &str) -> String {
    let text = &spaced(text);
    if language == "en" || language.starts_with("en-") {
        return escape(text);
    }
    let mut out = String::with_capacity(text.len() + 32);
    let mut at = 0;
    for (start, end) in latin_phrases(text) {
        out.push_str(&escape(&text[at..start]));
        out.push_str("<span lang=\"en\" xml:lang=\"en\">");
        out.push_str(&escape(&text[start..end]));
        out.push_str("</span>");
        at = end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// The styles of a paragraph's characters: `[start, end)` character ranges of its text.
#[derive(Debug, Clone, Default)]
pub struct Styles<'a> {
    /// The editor's bold: `<strong class="em">`.
    pub bold: Vec<[usize; 2]>,
    /// The source's italics: `<em>`.
    pub italic: Vec<[usize; 2]>,
    /// Links, each with its http(s) target: `<a href>`.
    pub links: Vec<([usize; 2], &'a str)>,
}

/// `text` with the Han–Latin gap, escaped, each run of one style in its elements
/// (`<a>` outside `<strong>` outside `<em>`), Latin phrases marked as [`phrase`] does.
pub fn styled(text: &str, styles: &Styles<'_>, language: &str) -> String {
    // The gap first, over the whole text: a styled run may end where Latin meets Han.
    let all: Vec<[usize; 2]> = (styles.bold.iter().chain(&styles.italic))
        .copied()
        .chain(styles.links.iter().map(|(r, _)| *r))
        .collect();
    let (text, moved) = spaced_with(text, &all);
    let chars: Vec<char> = text.chars().collect();
    let (nb, ni) = (styles.bold.len(), styles.italic.len());
    // Each character's style: bold, italic, which link.
    let mut style = vec![(false, false, None::<usize>); chars.len()];
    for (k, &[a, b]) in moved.iter().enumerate() {
        for s in &mut style[a.min(chars.len())..b.min(chars.len())] {
            match k {
                k if k < nb => s.0 = true,
                k if k < nb + ni => s.1 = true,
                k => s.2 = Some(k - nb - ni),
            }
        }
    }
    let mut out = String::with_capacity(text.len() + all.len() * 48);
    let mut at = 0;
    while at < chars.len() {
        let (bold, italic, link) = style[at];
        let end = (at..chars.len())
            .find(|&i| style[i] != style[at])
            .unwrap_or(chars.len());
        let piece: String = chars[at..end].iter().collect();
        let mut html = phrase(&piece, language);
        if italic {
            html = format!("<em>{html}</em>");
        }
        if bold {
            html = format!("<strong class=\"em\">{html}</strong>");
        }
        if let Some(href) = link.map(|l| styles.links[l].1) {
            html = format!(
                "<a class=\"link\" href=\"{}\">{html}</a>",
                escape(href.trim())
            );
        }
        out.push_str(&html);
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_become_elements_over_the_spaced_text() {
        let styles = Styles {
            bold: vec![[0, 2]],
            italic: vec![[4, 29]],
            links: vec![([32, 36], "https://example.com/a?b=1&c=2")],
        };
        let text = "先读一下Attention Is All You Need，再看这篇博客。";
        let html = styled(text, &styles, "zh-CN");
        assert_eq!(
            html,
            "<strong class=\"em\">先读</strong>一下 <em><span lang=\"en\" xml:lang=\"en\">Attention Is All You Need</span></em>，再看\
             <a class=\"link\" href=\"https://example.com/a?b=1&amp;c=2\">这篇博客</a>。"
        );
        assert_eq!(
            styled("用AI做事", &Styles::default(), "zh-CN"),
            phrase("用AI做事", "zh-CN")
        );
    }

    #[test]
    fn escape_keeps_text_and_drops_what_xml_forbids() {
        assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
        assert_eq!(escape("x\u{1}y\u{FFFF}z"), "xyz");
        assert_eq!(text_content(&escape("<&>\"'")), "<&>\"'");
    }

    #[test]
    fn latin_phrases_are_marked_english_and_numbers_are_not() {
        fn found(t: &str) -> Vec<&str> {
            latin_phrases(t)
                .into_iter()
                .map(|(a, b)| &t[a..b])
                .collect()
        }
        assert_eq!(found("他说Break a leg，祝好运。"), ["Break a leg"]);
        assert_eq!(found("智谱 CEO 张鹏、AI 1.0 和 2025 年"), ["CEO", "AI 1.0"]);
        assert_eq!(found("R&D 与 P2P——Paper，3小时"), ["R&D", "P2P", "Paper"]);
        assert_eq!(found("句末的 AGI。"), ["AGI"]);
        assert!(found("二〇二五年，1,000 人").is_empty());
        let marked = phrase("说 Break a leg & <b>", "zh-CN");
        assert_eq!(
            marked,
            "说 <span lang=\"en\" xml:lang=\"en\">Break a leg</span> &amp; &lt;<span lang=\"en\" xml:lang=\"en\">b</span>&gt;"
        );
        assert_eq!(text_content(&marked), "说 Break a leg & <b>");
        assert_eq!(phrase("Break a leg", "en-GB"), "Break a leg");
    }

    #[test]
    fn text_content_strips_tags_and_head() {
        let page = "<html><head><title>标题</title></head><body><p class=\"a\">甲<span>乙</span>&amp;</p></body></html>";
        assert_eq!(text_content(page).trim(), "甲乙&");
    }
}
