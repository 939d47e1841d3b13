//! Which syntax a text is in: by the file's extension, else by sniffing its content
//! (`--from` forces one).

use std::fmt;
use std::path::Path;

/// An input syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    /// SubRip subtitles.
    Srt,
    /// WebVTT subtitles.
    Vtt,
    /// A "speaker + timestamp line, words below" export (飞书妙记, 讯飞听见, 通义听悟, 腾讯会议).
    Transcript,
    /// A Word document (Word, WPS, Feishu's Word export).
    Docx,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Srt => "srt",
            Format::Vtt => "vtt",
            Format::Transcript => "transcript",
            Format::Docx => "docx",
        })
    }
}

/// Zip's and OLE2's (legacy `.doc`) first bytes.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE2_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// A binary input's format, before any text is decoded: `.docx`/`.doc` by extension, or a
/// zip or OLE2 file by its first bytes, is [`Format::Docx`] (whose reader refuses a `.doc`
/// with the fix). `None`: a text, for [`detect`].
pub fn detect_bytes(path: Option<&Path>, bytes: &[u8]) -> Option<Format> {
    let ext = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let by_name = matches!(ext.as_deref(), Some("docx" | "doc" | "wps"));
    (by_name || bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(OLE2_MAGIC))
        .then_some(Format::Docx)
}

/// A legacy Word (`.doc`, OLE2) file.
pub fn is_legacy_doc(bytes: &[u8]) -> bool {
    bytes.starts_with(OLE2_MAGIC)
}

/// The format of `source`, named `path` (if any): `.html`/`.htm` → HTML, `.md`/`.markdown` →
/// Markdown, `.srt`, `.vtt`; otherwise (`.txt`, stdin, no extension) the content decides: a
/// text opening with `WEBVTT` is WebVTT, one opening with a cue number and a timing line is
/// SRT; a page that opens with `<!DOCTYPE`/`<html` or is mostly tags is HTML; speaker lines
/// with timestamps (`说话人 1  00:00:05`) make a transcript export; Markdown syntax on several lines
/// (`**bold**`, `![image](…)`, `[link](…)`, `#` headings, setext underlines) is Markdown;
/// anything else is plain text.
pub fn detect(path: Option<&Path>, source: &str) -> Format {
    let ext = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => return Format::Html,
        Some("md" | "markdown" | "mdown" | "mkd") => return Format::Markdown,
        Some("srt") => return Format::Srt,
        Some("vtt" | "webvtt") => return Format::Vtt,
        _ => {}
    }
    sniff(source)
}

fn sniff(source: &str) -> Format {
    let head: String = source
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return Format::Html;
    }
    let body = source.trim_start_matches('\u{feff}').trim_start();
    if super::transcript::vtt::looks_like(body.lines().next().unwrap_or("")) {
        return Format::Vtt;
    }
    if super::transcript::srt::looks_like(body) {
        return Format::Srt;
    }
    let lines: Vec<&str> = source.lines().take(4000).collect();
    let tagged = lines
        .iter()
        .filter(|l| {
            let t = l.trim_start();
            t.starts_with("<p") || t.starts_with("<div") || t.starts_with("<section")
        })
        .count();
    if tagged >= 3 && tagged * 3 >= lines.iter().filter(|l| !l.trim().is_empty()).count() {
        return Format::Html;
    }
    if super::transcript::blocks::looks_like(source) {
        return Format::Transcript;
    }
    let markdown = lines
        .iter()
        .filter(|l| {
            let t = l.trim();
            t.contains("**")
                || t.contains("![")
                || t.contains("](")
                || t.starts_with("# ")
                || t.starts_with("## ")
                || t.starts_with("### ")
                || t.starts_with("> ")
                || (t.len() >= 3 && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-')))
        })
        .count();
    if markdown >= 3 {
        Format::Markdown
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_wins() {
        assert_eq!(detect(Some(Path::new("a.HTML")), "plain"), Format::Html);
        assert_eq!(detect(Some(Path::new("a.md")), "plain"), Format::Markdown);
    }

    #[test]
    fn content_decides_for_txt_and_stdin() {
        let md = "标题\n=====\n\n**问：**好\n\n**答：**好\n\n![](x.png)\n";
        assert_eq!(detect(Some(Path::new("a.txt")), md), Format::Markdown);
        assert_eq!(detect(None, "<!DOCTYPE html><html></html>"), Format::Html);
        assert_eq!(detect(None, "标题\n张鹏:你好\n李雷:好\n"), Format::Text);
    }

    #[test]
    fn transcripts_are_recognised_without_their_extension() {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\n张三：你好\n";
        assert_eq!(detect(Some(Path::new("a.txt")), srt), Format::Srt);
        assert_eq!(
            detect(None, "WEBVTT\n\n00:01.000 --> 00:02.000\n好\n"),
            Format::Vtt
        );
        let blocks = "访谈\n\n说话人 1  00:00:05\n你好。\n\n张三 00:00:09\n好。\n";
        assert_eq!(detect(None, blocks), Format::Transcript);
        assert_eq!(detect(Some(Path::new("a.srt")), "x"), Format::Srt);
    }

    #[test]
    fn word_files_by_name_or_first_bytes() {
        assert_eq!(
            detect_bytes(Some(Path::new("a.DOCX")), b"x"),
            Some(Format::Docx)
        );
        assert_eq!(detect_bytes(None, b"PK\x03\x04rest"), Some(Format::Docx));
        assert!(is_legacy_doc(&[
            0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0
        ]));
        assert_eq!(detect_bytes(Some(Path::new("a.md")), b"# x"), None);
    }
}
