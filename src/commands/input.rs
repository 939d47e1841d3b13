//! Reading user files safely (size caps, directories, binary and non-UTF-8 bytes) and loading
//! the interview with its errata.

use crate::cli::InputArgs;
use crate::interview::{self, Interview, ParseOptions, errata};
use anyhow::{Context, bail};
use std::path::Path;

/// Largest interview text accepted (16 MiB).
pub const MAX_TEXT_BYTES: u64 = 16 << 20;

/// Read a UTF-8 text file of at most `limit` bytes, with errors that say what to do.
pub fn read_text(path: &Path, what: &str, limit: u64) -> anyhow::Result<String> {
    let shown = path.display();
    let meta = std::fs::metadata(path)
        .with_context(|| format!("cannot read {what} `{shown}`: check the path"))?;
    if meta.is_dir() {
        bail!("{what} `{shown}` is a directory: give a file");
    }
    if meta.len() > limit {
        bail!(
            "{what} `{shown}` is {} bytes; the limit is {limit} bytes",
            meta.len()
        );
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {what} `{shown}`"))?;
    if bytes.contains(&0) {
        bail!("{what} `{shown}` is binary (it holds NUL bytes): give a UTF-8 text file");
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        anyhow::anyhow!("{what} `{shown}` is not valid UTF-8 (at byte {at}): save it as UTF-8")
    })
}

/// Load the interview the arguments name: `--input FILE` or the bundled one, with errata
/// (the bundled errata go with the bundled text only) and cleaning.
pub fn load_interview(args: &InputArgs) -> anyhow::Result<Interview> {
    let (text, origin) = match &args.input {
        Some(path) => (
            read_text(path, "interview", MAX_TEXT_BYTES)?,
            path.display().to_string(),
        ),
        None => (
            interview::DEFAULT_INTERVIEW.to_string(),
            "the bundled interview".to_string(),
        ),
    };
    let errata = if args.no_errata {
        None
    } else if let Some(path) = &args.errata {
        let yaml = read_text(path, "errata file", crate::yaml::MAX_YAML_BYTES as u64)?;
        Some(errata::load(&yaml, &path.display().to_string())?)
    } else if args.input.is_none() {
        Some(errata::load(errata::DEFAULT_ERRATA, "content/errata.yaml")?)
    } else {
        None
    };
    let opts = ParseOptions {
        clean: !args.keep_punctuation,
        errata,
    };
    interview::parse(&text, &opts).with_context(|| format!("cannot read {origin} as an interview"))
}
