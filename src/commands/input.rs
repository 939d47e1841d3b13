//! Reading user files and standard input safely (size caps, directories, binary and
//! non-UTF-8 bytes) and loading the interview in its syntax with its errata.

use crate::interview::{self, Interview, ParseOptions, errata};
use crate::read;
use crate::settings::{Errata, InputSettings};
use anyhow::Context;
use std::path::Path;

/// Largest interview text accepted (16 MiB).
pub const MAX_TEXT_BYTES: u64 = 16 << 20;

/// Largest Word file accepted (128 MiB): its photos make it large; its text parts have their
/// own cap ([`read::MAX_DOCX_XML_BYTES`]) and each picture that of an image.
pub const MAX_DOCX_BYTES: u64 = 128 << 20;

/// How many bytes of `path` are read: a Word file's cap when it is one by its name, its
/// first bytes or `--from docx`, else the text's.
pub fn input_cap(path: &Path, forced: Option<read::Format>) -> u64 {
    // Only a regular file is peeked at: a pipe's bytes would be consumed.
    let zipped = || {
        let mut head = [0u8; 4];
        std::fs::metadata(path).is_ok_and(|m| m.is_file())
            && std::fs::File::open(path)
                .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
                .is_ok()
            && read::detect_bytes(None, &head).is_some()
    };
    if forced == Some(read::Format::Docx)
        || read::detect_bytes(Some(path), &[]).is_some()
        || zipped()
    {
        MAX_DOCX_BYTES
    } else {
        MAX_TEXT_BYTES
    }
}

/// Read a UTF-8 text file of at most `limit` bytes, with errors that say what to do (the
/// bounded reader of `crate::input_file`: pipes and devices are capped or refused).
pub fn read_text(path: &Path, what: &str, limit: u64) -> anyhow::Result<String> {
    crate::input_file::read_text(path, what, limit)
}

/// The interview's source as read, before its structure: the text of a text syntax, or the
/// document a binary reader (Word) made.
pub struct Source {
    /// How errors name it: `` `x.srt` ``, `standard input`, `the bundled interview`.
    pub origin: String,
    pub format: read::Format,
    pub body: Body,
}

pub enum Body {
    Text(String),
    Document(read::Document),
}

/// Read the input the arguments name — `--input FILE`, `--input -` (standard input) or the
/// bundled interview — in the syntax `--from` names or the file's extension and content show.
/// A `.docx` (or a zip, or `--from docx`) is read as Word; a legacy `.doc` is refused with the
/// fix; anything else must be UTF-8 text.
pub fn load_source(args: &InputSettings) -> anyhow::Result<Source> {
    let forced: Option<read::Format> = args.format;
    let (bytes, origin, shown) = match &args.input {
        Some(path) if path.as_os_str() == "-" => {
            let stdin = Path::new("/dev/stdin");
            let cap = match forced {
                Some(read::Format::Docx) => MAX_DOCX_BYTES,
                _ => MAX_TEXT_BYTES,
            };
            let bytes = crate::input_file::read_file(stdin, "interview", cap)?;
            (bytes, "standard input".to_string(), stdin)
        }
        Some(path) => (
            crate::input_file::read_file(path, "interview", input_cap(path, forced))?,
            format!(
                "`{}`",
                crate::printable::escape(&path.display().to_string())
            ),
            path.as_path(),
        ),
        None => (
            interview::DEFAULT_INTERVIEW.as_bytes().to_vec(),
            "the bundled interview".to_string(),
            Path::new("interview.txt"),
        ),
    };
    let file = args.input.as_deref().filter(|p| p.as_os_str() != "-");
    let binary = match forced {
        Some(f) => (f == read::Format::Docx || read::is_legacy_doc(&bytes)).then_some(f),
        None => read::detect_bytes(file, &bytes),
    };
    if binary.is_some() {
        let doc = read::read_docx(&bytes)
            .with_context(|| format!("cannot read {origin} as a Word document"))?;
        return Ok(Source {
            origin,
            format: read::Format::Docx,
            body: Body::Document(doc),
        });
    }
    let text = crate::input_file::decode_text(bytes, shown, "interview", args.encoding)?;
    let format = forced.unwrap_or_else(|| read::detect(file, &text));
    Ok(Source {
        origin,
        format,
        body: Body::Text(text),
    })
}

/// Load the interview the arguments name (see `load_source`), with errata (the bundled
/// errata go with the bundled text only) and cleaning.
pub fn load_interview(args: &InputSettings) -> anyhow::Result<Interview> {
    let source = load_source(args)?;
    let errata = match &args.errata {
        Errata::None => None,
        Errata::File(path) => {
            let yaml = read_text(path, "errata file", crate::yaml::MAX_YAML_BYTES as u64)?;
            Some(errata::load(&yaml, &path.display().to_string())?)
        }
        Errata::Bundled => Some(errata::load(errata::DEFAULT_ERRATA, "content/errata.yaml")?),
    };
    let opts = ParseOptions {
        clean: !args.keep_punctuation,
        errata,
        people: args.people.clone(),
    };
    let Source {
        origin,
        format,
        body,
    } = source;
    let mut iv = match body {
        Body::Text(text) => interview::parse_as(&text, format, &opts),
        Body::Document(doc) => interview::parse_document(doc, format, &opts),
    }
    .with_context(|| format!("cannot read {origin} as an interview ({format})"))?;
    crate::pipeline::entitle(&mut iv, args.input.as_deref());
    Ok(iv)
}

/// The document the reader extracts from the input (`inspect --format document`): blocks
/// and spans, before errata and structure.
pub fn load_document(args: &InputSettings) -> anyhow::Result<(read::Format, read::Document)> {
    let Source {
        origin,
        format,
        body,
    } = load_source(args)?;
    let doc = match body {
        Body::Text(text) => read::read(&text.replace("\r\n", "\n").replace('\r', "\n"), format)
            .with_context(|| format!("cannot read {origin} ({format})"))?,
        Body::Document(doc) => doc,
    };
    Ok((format, doc))
}
