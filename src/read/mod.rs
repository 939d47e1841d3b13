//! Readers: one per input syntax (Markdown, HTML, plain text), all producing the same flat
//! [`Document`] — headings, paragraphs with inline spans (plain, strong, emphasis, link text),
//! images with their captions, rules and quotes — with the source line of each block.
//! A reader knows its syntax and the quirks of real exports (WeChat via Cubox, Obsidian,
//! SimpRead, a browser's "save page", 飞书妙记 and Whisper transcripts, Word); it knows nothing
//! about interviews: labels, sections and roles are `interview::structure`'s. Transcripts
//! state who speaks and when: their blocks carry a typed `speaker` and `time`. Front matter
//! (`---` YAML, `+++` TOML) is read as the document's metadata before either text reader runs
//! (`front_matter`).

mod detect;
mod docx;
mod front_matter;
mod html;
mod html_page;
mod markdown;
mod markdown_repair;
mod nesting;
#[cfg(test)]
pub(crate) mod sample_lines;
mod text;
mod timecode;
mod transcript;

pub use detect::{Format, detect, detect_bytes, is_legacy_doc};
pub use docx::{DocxError, MAX_DOCX_XML_BYTES, docx_media, read_docx};
pub use timecode::Timecode;
pub use transcript::{TranscriptError, is_anonymous_speaker};

/// Why a text could not be read in its syntax.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("the {0} input holds no text: give an interview with paragraphs")]
    NoText(Format),
    #[error(
        "the HTML is nested {depth} elements deep (the limit is {limit}): this is not an \
         article page; save the page again or convert it to Markdown"
    )]
    TooDeep { depth: usize, limit: usize },
    #[error(transparent)]
    Transcript(#[from] TranscriptError),
    #[error(transparent)]
    Docx(DocxError),
    #[error(
        "a Word (.docx) file is binary: read it with `read_docx` (the command line does this \
         for a `.docx` file or `--from docx`)"
    )]
    Binary,
    #[error(
        "the {syntax} front matter (lines 1–{last}, between the `{fence}` lines) cannot be \
         read{line}: {message}; fix it, or delete the block"
    )]
    FrontMatter {
        syntax: &'static str,
        fence: String,
        last: usize,
        line: String,
        message: String,
    },
    #[error(
        "line {line} of the Markdown opens {depth} nested lists or quotes (the limit is \
         {limit}): this is not an interview; remove the repeated `1.`, `-` or `>` markers"
    )]
    MarkdownTooDeep {
        line: usize,
        depth: usize,
        limit: usize,
    },
}

/// A document as a reader sees it: blocks in reading order, plus what the page says of itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// The page's own title (HTML `<title>`, WeChat's `#activity-name`), when the syntax has one.
    pub title: Option<String>,
    /// The page's address (canonical link, `og:url`), when known.
    pub url: Option<String>,
    /// The publication date the page states (`YYYY-MM-DD`), when known.
    pub date: Option<String>,
    /// The publishing account or author the page names (`#js_name`, `author` meta).
    pub author: Option<String>,
    /// The tags or keywords the front matter lists.
    pub tags: Vec<String>,
}

/// One block with the 1-based source line it starts on (0 when the syntax has no lines).
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub spans: Vec<Span>,
    pub line: usize,
    /// Who says this block, when the syntax states it (a transcript's speaker line, a
    /// WebVTT voice tag, an SRT cue's `Name:` prefix); `None` when the text must tell.
    pub speaker: Option<String>,
    /// When the block starts in the recording (its first cue's timestamp), for transcripts.
    pub time: Option<Timecode>,
    /// An image block's source and alt text, when the syntax states them.
    pub image: Option<ImageSource>,
}

/// Where an image comes from, as the source writes it, and its alt text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImageSource {
    /// The address as written: a relative path, a `_files/` path, an http(s) URL.
    pub src: String,
    pub alt: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of level 1–6.
    Heading(u8),
    Paragraph,
    /// A paragraph inside a block quote.
    Quote,
    /// An item of a list (ordered items carry their number in the text).
    Item,
    /// An image; its spans are the caption glued to it (often empty).
    Image,
    /// A thematic break (`***`, `<hr>`).
    Rule,
}

/// A run of text with one style.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub strong: bool,
    pub emphasis: bool,
    pub link: bool,
    /// The link's target as written (any scheme: the book keeps http(s) links only).
    pub href: Option<String>,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            ..Span::default()
        }
    }
}

impl Block {
    /// A block of a syntax that states neither speakers nor times.
    pub fn new(kind: BlockKind, spans: Vec<Span>, line: usize) -> Block {
        Block {
            kind,
            spans,
            line,
            speaker: None,
            time: None,
            image: None,
        }
    }

    /// The block's visible text.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// Read `source` in `format` into a document.
pub fn read(source: &str, format: Format) -> Result<Document, ReadError> {
    let source = source.trim_start_matches('\u{feff}');
    let (front, body) = match format {
        Format::Text | Format::Markdown => front_matter::split(source)?,
        _ => (None, source.to_string()),
    };
    if format == Format::Markdown {
        let limit = nesting::MAX_MARKDOWN_DEPTH;
        if let Some((line, depth)) = nesting::markdown_too_deep(&body, limit) {
            return Err(ReadError::MarkdownTooDeep { line, depth, limit });
        }
        // HTML blocks inside it are parsed by html5ever too.
        if let Some(depth) = nesting::html_too_deep(&body, nesting::MAX_HTML_SCAN_DEPTH) {
            let limit = nesting::MAX_HTML_SCAN_DEPTH;
            return Err(ReadError::TooDeep { depth, limit });
        }
    }
    let mut doc = match format {
        Format::Text => text::read(&body),
        Format::Markdown => markdown::read(&body),
        Format::Html => html::read(&body)?,
        Format::Srt => transcript::srt::read(&body)?,
        Format::Vtt => transcript::vtt::read(&body)?,
        Format::Transcript => transcript::blocks::read(&body)?,
        Format::Docx => return Err(ReadError::Binary),
    };
    if let Some(front) = front {
        front.fill(&mut doc);
    }
    check_text(doc, format)
}

/// A document read by any reader, refused when it holds no text.
pub(crate) fn check_text(doc: Document, format: Format) -> Result<Document, ReadError> {
    let has_text = doc
        .blocks
        .iter()
        .any(|b| b.kind != BlockKind::Image && !b.text().trim().is_empty());
    if !has_text {
        return Err(ReadError::NoText(format));
    }
    Ok(doc)
}

/// Merge neighbouring spans of the same style and drop empty ones.
pub(crate) fn merge_spans(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        if s.text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(l)
                if l.strong == s.strong
                    && l.emphasis == s.emphasis
                    && l.link == s.link
                    && l.href == s.href =>
            {
                l.text.push_str(&s.text)
            }
            _ => out.push(s),
        }
    }
    out
}

/// Trim whitespace at both ends of a span list (inner spans untouched).
pub(crate) fn trim_spans(mut spans: Vec<Span>) -> Vec<Span> {
    while let Some(f) = spans.first_mut() {
        let t = f.text.trim_start().to_string();
        if t.is_empty() {
            spans.remove(0);
        } else {
            f.text = t;
            break;
        }
    }
    while let Some(l) = spans.last_mut() {
        let t = l.text.trim_end().to_string();
        if t.is_empty() {
            spans.pop();
        } else {
            l.text = t;
            break;
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_merge_by_style_and_trim() {
        let s = merge_spans(vec![
            Span::plain(" a"),
            Span::plain("b"),
            Span {
                text: "c ".into(),
                strong: true,
                ..Span::default()
            },
            Span::plain(""),
        ]);
        assert_eq!(s.len(), 2);
        let t = trim_spans(s);
        assert_eq!(t[0].text, "ab");
        assert_eq!(t[1].text, "c");
    }

    #[test]
    fn a_document_without_text_is_an_error() {
        assert!(matches!(
            read("<html><body><img src=x></body></html>", Format::Html),
            Err(ReadError::NoText(Format::Html))
        ));
        assert!(read("\n\n  \n", Format::Text).is_err());
    }
}
