//! [`InputSettings`]: which interview to read and how, checked once from `--input`,
//! `--from`, the errata flags, who is who and `--encoding` (or a job entry's same keys).

use crate::cli::InputArgs;
use crate::interview::Overrides;
use crate::read::Format;
use anyhow::bail;
use std::path::PathBuf;

/// Which errata a reading applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Errata {
    /// None (`--no-errata`, or another interview than the bundled one without `--errata`).
    None,
    /// The bundled errata, for the bundled interview.
    Bundled,
    /// An errata file (`-`: standard input).
    File(PathBuf),
}

/// How the interview is read.
#[derive(Debug, Clone)]
pub struct InputSettings {
    /// The interview's file (`-`: standard input); `None`: the bundled interview.
    pub input: Option<PathBuf>,
    /// Its syntax; `None`: told from the file's extension and content.
    pub format: Option<Format>,
    /// Keep the source's ASCII punctuation (no conversion to full-width in Chinese context).
    pub keep_punctuation: bool,
    pub errata: Errata,
    /// Who asks, who answers, and the names to print for labels.
    pub people: Overrides,
    /// The text's encoding when it is not UTF-8, UTF-16 or UTF-32.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

impl Default for InputSettings {
    /// The bundled interview with its errata, cleaned.
    fn default() -> InputSettings {
        InputSettings {
            input: None,
            format: None,
            keep_punctuation: false,
            errata: Errata::Bundled,
            people: Overrides::default(),
            encoding: None,
        }
    }
}

impl InputSettings {
    /// The input flags, checked: the errata the run applies decided once.
    pub fn from_args(a: &InputArgs) -> anyhow::Result<InputSettings> {
        if a.input.as_deref().is_some_and(|p| p.as_os_str().is_empty()) {
            bail!("--input is empty: give the interview's file, or `-` for standard input");
        }
        let errata = match (&a.errata, a.no_errata) {
            (Some(_), true) => {
                bail!("--errata and --no-errata contradict each other: give one of them")
            }
            (Some(path), false) => Errata::File(path.clone()),
            (None, true) => Errata::None,
            (None, false) if a.input.is_none() => Errata::Bundled,
            (None, false) => Errata::None,
        };
        Ok(InputSettings {
            input: a.input.clone(),
            format: a.from.map(Into::into),
            keep_punctuation: a.keep_punctuation,
            errata,
            people: a.people(),
            encoding: a.encoding,
        })
    }

    /// True when the bundled interview is read.
    pub fn is_bundled(&self) -> bool {
        self.input.is_none()
    }

    /// The errata file the run reads, if any (an input the outputs must never replace).
    pub fn errata_file(&self) -> Option<&std::path::Path> {
        match &self.errata {
            Errata::File(path) => Some(path),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errata_are_decided_once_and_contradictions_refused() {
        let args = |input: Option<&str>, errata: Option<&str>, no_errata| InputArgs {
            input: input.map(PathBuf::from),
            errata: errata.map(PathBuf::from),
            no_errata,
            ..InputArgs::default()
        };
        let bundled = InputSettings::from_args(&args(None, None, false)).unwrap();
        assert_eq!(bundled.errata, Errata::Bundled);
        let other = InputSettings::from_args(&args(Some("a.md"), None, false)).unwrap();
        assert_eq!(other.errata, Errata::None);
        let file = InputSettings::from_args(&args(Some("a.md"), Some("e.yaml"), false)).unwrap();
        assert_eq!(file.errata_file(), Some(std::path::Path::new("e.yaml")));
        let both = InputSettings::from_args(&args(None, Some("e.yaml"), true)).unwrap_err();
        assert!(
            both.to_string().contains("--errata and --no-errata"),
            "{both}"
        );
        let empty = InputSettings::from_args(&args(Some(""), None, false)).unwrap_err();
        assert!(empty.to_string().starts_with("--input is empty"), "{empty}");
    }
}
