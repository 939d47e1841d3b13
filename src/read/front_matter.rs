//! Front matter: the metadata block a static-site archive or a web clipper puts above the
//! article — YAML between `---` lines (Jekyll, Hugo, Obsidian's web clipper) or TOML between
//! `+++` lines (Hugo). It is read as metadata (title, author, date, source URL, tags), never
//! as text; the block's lines are blanked so every later line keeps its number. Hugo
//! shortcodes (`{{< figure … >}}`, `{{% notice %}}`) are template calls, not text: they go
//! too, the text between a pair stays.

use super::{BlockKind, Document, ReadError};
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

/// The most lines a front-matter block may hold before its closing fence; a `---` further
/// down is a thematic break, not the end of a metadata block.
const MAX_LINES: usize = 400;

/// What a front-matter block says of the article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub author: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// An `http(s)` address of the article.
    pub url: Option<String>,
    pub tags: Vec<String>,
}

/// A line that sets a field metadata blocks have (Jekyll, Hugo, Obsidian's clipper, Pandoc).
static META_KEY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(title|date|author|authors|tags|keywords|categories|category|url|source|link|",
        r"original_url|canonical_url|description|summary|slug|draft|layout|lang|published|",
        r"publishDate|created|updated|lastmod|permalink|aliases|type|id)\s*[:=]",
    ))
    .expect("static regex")
});
static SHORTCODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{[<%].*?[%>]\}\}").expect("static regex"));
static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})").expect("static regex"));

/// Split `source` into its front matter (if it opens with one) and the text to read: the
/// block blanked line by line, Hugo shortcodes removed. A block between `---` lines that
/// sets none of the fields metadata blocks have (`title:`, `date:`, `tags:` …) is not front
/// matter (thematic breaks around text, even `Q: …` lines) and stays text; one that does, or
/// any `+++` block, must parse.
pub fn split(source: &str) -> Result<(Option<FrontMatter>, String), ReadError> {
    let lines: Vec<&str> = source.split('\n').collect();
    let fence = lines.first().map_or("", |l| l.trim_end());
    let syntax = match fence {
        "---" => Syntax::Yaml,
        "+++" => Syntax::Toml,
        _ => return Ok((None, strip_shortcodes(source))),
    };
    let close = lines
        .iter()
        .take(MAX_LINES + 2)
        .skip(1)
        .position(|l| {
            let l = l.trim_end();
            l == fence || syntax == Syntax::Yaml && l == "..."
        })
        .map(|k| k + 1);
    let Some(close) = close else {
        return Ok((None, strip_shortcodes(source)));
    };
    let block = lines[1..close].join("\n");
    if syntax == Syntax::Yaml && !block.lines().any(|l| META_KEY_LINE.is_match(l)) {
        return Ok((None, strip_shortcodes(source)));
    }
    let fail = |line: Option<usize>, message: String| ReadError::FrontMatter {
        syntax: syntax.name(),
        fence: fence.to_string(),
        last: close + 1,
        line: line.map_or(String::new(), |l| format!(" at line {}", l + 1)),
        message,
    };
    let value: Value = match syntax {
        Syntax::Yaml => {
            crate::yaml::parse(&block, "front matter").map_err(|e| fail(e.line, e.message))?
        }
        Syntax::Toml => toml::from_str(&block).map_err(|e| {
            let line = e.span().map(|s| block[..s.start].matches('\n').count() + 1);
            fail(line, e.message().to_string())
        })?,
    };
    let Value::Object(fields) = value else {
        return Err(fail(
            None,
            "it is not a list of `key: value` fields".to_string(),
        ));
    };
    let text_of = |keys: &[&str]| keys.iter().find_map(|k| fields.get(*k).and_then(scalar));
    let front = FrontMatter {
        title: text_of(&["title"]),
        author: text_of(&["author", "authors", "creator"]),
        date: text_of(&["date", "published", "publishDate", "created"]).and_then(|d| {
            DATE.captures(&d)
                .map(|c| format!("{}-{}-{}", &c[1], &c[2], &c[3]))
        }),
        url: ["source", "original_url", "canonical_url", "url", "link"]
            .iter()
            .filter_map(|k| fields.get(*k).and_then(scalar))
            .find(|u| u.starts_with("http://") || u.starts_with("https://")),
        tags: ["tags", "keywords"]
            .iter()
            .find_map(|k| fields.get(*k))
            .map(list)
            .unwrap_or_default(),
    };
    let body: Vec<&str> = (0..lines.len())
        .map(|i| if i <= close { "" } else { lines[i] })
        .collect();
    Ok((Some(front), strip_shortcodes(&body.join("\n"))))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Yaml,
    Toml,
}

impl Syntax {
    fn name(self) -> &'static str {
        match self {
            Syntax::Yaml => "YAML",
            Syntax::Toml => "TOML",
        }
    }
}

impl FrontMatter {
    /// Fill what the document does not say itself. The title is the article's own `#` title
    /// when the text opens with one, else the front matter's.
    pub fn fill(self, doc: &mut Document) {
        let first = doc.blocks.iter().find(|b| !b.text().trim().is_empty());
        let own_title = first.is_some_and(|b| b.kind == BlockKind::Heading(1));
        if doc.title.is_none() && !own_title {
            doc.title = self.title;
        }
        doc.author = doc.author.take().or(self.author);
        doc.date = doc.date.take().or(self.date);
        doc.url = doc.url.take().or(self.url);
        doc.tags.extend(self.tags);
    }
}

/// A field's text: a string, a number, a list (joined with `、`), or a TOML date.
fn scalar(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items
            .iter()
            .filter_map(scalar)
            .collect::<Vec<_>>()
            .join("、"),
        // The `toml` crate hands dates over as a one-field table.
        Value::Object(o) if o.len() == 1 => o.values().next().and_then(scalar)?,
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// A tag list: a sequence, or one string of comma-separated tags.
fn list(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items.iter().filter_map(scalar).collect(),
        Value::String(s) => s
            .split([',', '，', '、'])
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
        _ => Vec::new(),
    }
}

/// `text` without Hugo shortcodes.
fn strip_shortcodes(text: &str) -> String {
    if !text.contains("{{") {
        return text.to_string();
    }
    SHORTCODE.replace_all(text, "").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_is_metadata_and_keeps_line_numbers() {
        let src = "---\ntitle: \"為什麼檔案會消失？\"\ndate: \"2017-04-01\"\nauthor: 記者\ntags:\n  - 檔案\n  - 歷史\nurl: \"https://example.org/a/1\"\n---\n\n問：你好？\n";
        let (fm, body) = split(src).unwrap();
        let fm = fm.unwrap();
        assert_eq!(fm.title.as_deref(), Some("為什麼檔案會消失？"));
        assert_eq!(fm.date.as_deref(), Some("2017-04-01"));
        assert_eq!(fm.author.as_deref(), Some("記者"));
        assert_eq!(fm.url.as_deref(), Some("https://example.org/a/1"));
        assert_eq!(fm.tags, ["檔案", "歷史"]);
        assert_eq!(body.lines().count(), src.lines().count());
        assert_eq!(body.lines().nth(10), Some("問：你好？"));
        assert!(!body.contains("title"));
    }

    #[test]
    fn toml_front_matter_with_a_date_and_a_relative_url() {
        let src = "+++\ntitle = \"A talk\"\ndate = 2023-05-06T10:00:00Z\nurl = \"/posts/a-talk/\"\ntags = [\"AI\", \"创业\"]\n+++\nText {{< youtube abc >}} here.\n";
        let (fm, body) = split(src).unwrap();
        let fm = fm.unwrap();
        assert_eq!(fm.title.as_deref(), Some("A talk"));
        assert_eq!(fm.date.as_deref(), Some("2023-05-06"));
        assert_eq!(fm.url, None, "a relative permalink is not the source");
        assert_eq!(fm.tags, ["AI", "创业"]);
        assert_eq!(body.lines().last(), Some("Text  here."));
    }

    #[test]
    fn a_thematic_break_is_not_front_matter() {
        for src in [
            "---\n\n他说：这是第一段。\n\n---\n",
            "---\nQ: 第一个问题？\nA: 回答: 是的。\n---\n",
        ] {
            let (fm, body) = split(src).unwrap();
            assert!(fm.is_none());
            assert_eq!(body, src);
        }
    }

    #[test]
    fn broken_front_matter_is_an_error_with_its_line() {
        let e = split("---\ntitle: \"open\nauthor: x\n---\ntext\n").unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("YAML") && msg.contains("`---`"), "{msg}");
        let e = split("+++\ntitle = \n+++\ntext\n").unwrap_err().to_string();
        assert!(e.contains("TOML") && e.contains("line 2"), "{e}");
    }

    #[test]
    fn shortcodes_go_and_the_text_between_a_pair_stays() {
        assert_eq!(
            strip_shortcodes("{{% notice %}}注意这一点。{{% /notice %}}"),
            "注意这一点。"
        );
    }
}
