//! The one place YAML is read: size cap, alias-bomb protection, and errors located as
//! `file:line:col`. Every struct read through here uses `deny_unknown_fields`.

use serde::de::DeserializeOwned;
use std::fmt;

/// Largest YAML document accepted (4 MiB).
pub const MAX_YAML_BYTES: usize = 4 << 20;

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
            let message = shorten(&message);
            YamlError {
                origin: origin.to_string(),
                line: location.as_ref().map(|l| l.line()),
                column: location.as_ref().map(|l| l.column()),
                message: if message.contains("repetition limit")
                    || message.contains("recursion limit")
                {
                    format!("{message} (YAML aliases expand too far; write the values out instead)")
                } else {
                    message
                },
            }
        })
}

/// Keep an error message printable: control characters escaped, long quotes of the user's
/// text cut to 200 characters.
fn shorten(message: &str) -> String {
    let mut out: String = message
        .chars()
        .take(200)
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect();
    if message.chars().count() > 200 {
        out.push('…');
    }
    out
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
    fn oversized_input_is_rejected() {
        let big = "#".repeat(MAX_YAML_BYTES + 1);
        let err = parse::<serde_yaml::Value>(&big, "big.yaml").unwrap_err();
        assert!(err.message.contains("limited"), "{err}");
    }
}
