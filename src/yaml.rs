//! The one place YAML is read: size cap, nesting-depth cap, alias-bomb protection, no binary
//! tags, and errors located as `file:line:col`. Every struct read through here uses
//! `deny_unknown_fields`.
//!
//! The depth scan is written by hand: the YAML parser itself takes time quadratic in the
//! nesting depth (`[` × 40,000 took 12 s) before its own recursion limit can stop it, so the
//! depth is measured in one pass over the text first.

use serde::de::DeserializeOwned;
use std::fmt;

/// Largest YAML document accepted (4 MiB).
pub const MAX_YAML_BYTES: usize = 4 << 20;

/// Deepest nesting accepted (block indentation levels, `- ` markers and flow brackets
/// together); jinju's files need fewer than 8.
pub const MAX_YAML_DEPTH: usize = 64;

/// Where a YAML error happened and what it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// The file name (or `<embedded name>` for built-in documents).
    pub origin: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{}:{}: {}", self.origin, l, c, self.message),
            (Some(l), None) => write!(f, "{}:{}: {}", self.origin, l, self.message),
            _ => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

impl std::error::Error for YamlError {}

/// Parse `text` (read from `origin`) as `T`.
pub fn parse<T: DeserializeOwned>(text: &str, origin: &str) -> Result<T, YamlError> {
    let fail = |message: String| YamlError {
        origin: origin.to_string(),
        line: None,
        column: None,
        message,
    };
    if text.len() > MAX_YAML_BYTES {
        return Err(fail(format!(
            "the file is {} bytes; YAML files are limited to {} bytes",
            text.len(),
            MAX_YAML_BYTES
        )));
    }
    if let Some((line, depth)) = too_deep(text) {
        return Err(YamlError {
            origin: origin.to_string(),
            line: Some(line),
            column: None,
            message: format!(
                "the YAML nests deeper than {MAX_YAML_DEPTH} levels ({depth} here): flatten it"
            ),
        });
    }
    if let Some(line) = binary_tag(text) {
        return Err(YamlError {
            origin: origin.to_string(),
            line: Some(line),
            column: None,
            message: "`!!binary` values are not accepted: write the text out".into(),
        });
    }
    // Expanding into a plain value first stops alias bombs (serde_yaml's repetition limit)
    // whatever the target type, before a typed parse could reject the keys one by one.
    serde_yaml::from_str::<serde_yaml::Value>(text)
        .and_then(|_| serde_yaml::from_str(text))
        .map_err(|e| {
            let location = e.location();
            let message = e.to_string();
            // serde_yaml writes " at line L column C"; the location is printed in front instead.
            let message = match location {
                Some(_) => regex::Regex::new(r" at line \d+ column \d+")
                    .map(|re| re.replace_all(&message, "").into_owned())
                    .unwrap_or(message),
                None => message,
            };
            let message = crate::printable::excerpt(&explain(message), 200);
            YamlError {
                origin: origin.to_string(),
                line: location.as_ref().map(|l| l.line()),
                column: location.as_ref().map(|l| l.column()),
                message,
            }
        })
}

/// Say what serde_yaml's terse messages mean for the user.
fn explain(message: String) -> String {
    // serde_yaml quotes the offending value whole (`invalid type: string "root:x:0:0…"`): a
    // file that is not YAML at all would be shown; keep a short excerpt of it.
    let message = regex::Regex::new(r#""((?:[^"\\]|\\.){40})(?:[^"\\]|\\.)+""#)
        .map(|re| re.replace_all(&message, "\"$1…\"").into_owned())
        .unwrap_or(message);
    if message.contains("repetition limit") {
        format!("{message} (YAML aliases expand too far; write the values out instead)")
    } else if message.contains("recursion limit") {
        format!("{message} (the YAML nests too deep; flatten it)")
    } else if message.contains("as u128") || message.contains("as i128") {
        format!("{message} (the number is too large for this field)")
    } else {
        message
    }
}

/// The first line and depth where `text` nests deeper than [`MAX_YAML_DEPTH`]: indentation
/// levels plus `- ` markers plus open flow brackets (`[`, `{` where a value starts, outside
/// quotes and comments).
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let mut indents: Vec<usize> = Vec::new();
    let mut flow = 0usize;
    for (n, line) in text.lines().enumerate() {
        let body = line.trim_start_matches(' ');
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let mut depth = flow;
        if flow == 0 {
            let indent = line.len() - body.len();
            while indents.last().is_some_and(|&i| i >= indent) {
                indents.pop();
            }
            indents.push(indent);
            let (mut rest, mut markers) = (body, 0);
            while let Some(r) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("? ")) {
                markers += 1;
                rest = r.trim_start_matches(' ');
            }
            depth = indents.len() + markers;
        }
        let (mut quote, mut prev) = (None::<char>, ' ');
        let mut value_start = true;
        for c in body.chars() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') if value_start => quote = Some(c),
                (None, '#') if prev == ' ' => break,
                (None, '[' | '{') if value_start => flow += 1,
                (None, ']' | '}') if flow > 0 => flow -= 1,
                _ => {}
            }
            if c != ' ' {
                value_start = quote.is_none() && matches!(c, ':' | '-' | ',' | '[' | '{' | '?');
                prev = c;
            } else {
                prev = ' ';
            }
            if depth.max(flow + indents.len()) > MAX_YAML_DEPTH {
                return Some((n + 1, depth.max(flow + indents.len())));
            }
        }
        if depth > MAX_YAML_DEPTH {
            return Some((n + 1, depth));
        }
    }
    None
}

/// The line of a `!!binary` tag, outside quotes.
fn binary_tag(text: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            l.split(['"', '\''])
                .step_by(2)
                .any(|unquoted| unquoted.contains("!!binary"))
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Entry {
        find: String,
    }

    #[test]
    fn unknown_key_is_located() {
        let err = parse::<Vec<Entry>>("- find: a\n- fnd: b\n", "errata.yaml").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.to_string().starts_with("errata.yaml:2:"), "{err}");
        assert!(err.message.contains("unknown field `fnd`"), "{err}");
    }

    #[test]
    fn alias_bomb_is_rejected() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..9 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("l{}", i - 1)
            };
            bomb.push_str(&format!("l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        let err = parse::<serde_yaml::Value>(&bomb, "bomb.yaml").unwrap_err();
        assert!(err.message.contains("aliases"), "{err}");
    }

    #[test]
    fn deep_nesting_is_rejected_quickly_and_shallow_passes() {
        for deep in [
            "[".repeat(200_000),
            "{a: ".repeat(100),
            { (0..100).map(|i| format!("{}a:\n", " ".repeat(i))).collect() },
            "- ".repeat(100) + "x",
        ] {
            let err = parse::<serde_yaml::Value>(&deep, "deep.yaml").unwrap_err();
            assert!(err.message.contains("nests deeper"), "{err}");
            assert!(!err.message.contains("aliases"), "{err}");
        }
        let ok = "quotes:\n  - text: \"[[[[引号里的括号]]]]\"\n    templates: [a, b]\n  - at: \"1.2\"  # [x\n";
        parse::<serde_yaml::Value>(ok, "ok.yaml").unwrap();
        let flow = "[".repeat(40) + &"]".repeat(40);
        parse::<serde_yaml::Value>(&flow, "flow.yaml").unwrap();
    }

    #[test]
    fn binary_tags_are_refused() {
        let err = parse::<serde_yaml::Value>("a: !!binary aGk=\n", "b.yaml").unwrap_err();
        assert!(err.to_string().starts_with("b.yaml:1:"), "{err}");
        parse::<serde_yaml::Value>("a: \"!!binary is text here\"\n", "b.yaml").unwrap();
    }

    #[test]
    fn oversized_input_is_rejected() {
        let big = "#".repeat(MAX_YAML_BYTES + 1);
        let err = parse::<serde_yaml::Value>(&big, "big.yaml").unwrap_err();
        assert!(err.message.contains("limited"), "{err}");
    }
}
