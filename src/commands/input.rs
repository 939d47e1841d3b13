//! Reading user files and standard input safely (size caps, directories, binary and
//! non-UTF-8 bytes) and loading the interview in its syntax with its errata.

use crate::cli::InputArgs;
use crate::interview::{self, Interview, ParseOptions, errata};
use crate::read;
use anyhow::Context;
use std::path::Path;

/// Largest interview text accepted (16 MiB).
pub const MAX_TEXT_BYTES: u64 = 16 << 20;

/// Read a UTF-8 text file of at most `limit` bytes, with errors that say what to do (the
/// bounded reader of [`crate::input_file`]: pipes and devices are capped or refused).
pub fn read_text(path: &Path, what: &str, limit: u64) -> anyhow::Result<String> {
    crate::input_file::read_text(path, what, limit)
}

/// Load the interview the arguments name: `--input FILE`, `--input -` (standard input) or
/// the bundled one, in the syntax `--from` names or the file's extension and content show,
/// with errata (the bundled errata go with the bundled text only) and cleaning.
pub fn load_interview(args: &InputArgs) -> anyhow::Result<Interview> {
    let (text, origin) = match &args.input {
        Some(path) if path.as_os_str() == "-" => (
            crate::input_file::read_text_in(
                Path::new("/dev/stdin"),
                "interview",
                MAX_TEXT_BYTES,
                args.encoding,
            )?,
            "standard input".to_string(),
        ),
        Some(path) => (
            crate::input_file::read_text_in(path, "interview", MAX_TEXT_BYTES, args.encoding)?,
            format!("`{}`", path.display()),
        ),
        None => (
            interview::DEFAULT_INTERVIEW.to_string(),
            "the bundled interview".to_string(),
        ),
    };
    let file = args.input.as_deref().filter(|p| p.as_os_str() != "-");
    let format = match args.from {
        Some(f) => f.into(),
        None => read::detect(file, &text),
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
    interview::parse_as(&text, format, &opts)
        .with_context(|| format!("cannot read {origin} as an interview ({format})"))
}
