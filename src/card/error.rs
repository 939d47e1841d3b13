//! The card back end's errors: what failed, where, and how to fix it.

use std::path::PathBuf;

/// Everything that can go wrong loading a template or a font, or rendering a card.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A template name that is neither a preset nor an existing file.
    #[error("unknown template `{name}`: use a preset ({known}) or the path of a .yaml file")]
    UnknownTemplate { name: String, known: String },
    /// A carousel preset that does not exist.
    #[error("unknown carousel `{name}`: use one of {known}")]
    UnknownCarousel { name: String, known: String },
    /// A file (template, font, background image) could not be read.
    #[error("cannot read `{path}`: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A template is not valid YAML, is too large, or has an unknown or mistyped key
    /// (`file:line:col: message`).
    #[error(transparent)]
    TemplateSyntax(#[from] crate::yaml::YamlError),
    /// A template parses but a value is out of range or inconsistent.
    #[error("{file}: {message}")]
    TemplateInvalid { file: String, message: String },
    /// A font name that is not embedded and does not look like a font file.
    #[error(
        "{file}: unknown font `{name}`: use one of {known}, or a font file (.ttf, .otf, .ttc; `file.ttc#2` picks face 2)"
    )]
    UnknownFont {
        file: String,
        name: String,
        known: String,
    },
    /// A font file that cannot be parsed (corrupt, not a font, no such face).
    #[error(
        "`{path}` face {index} is not a usable font: {reason}; pass a TrueType/OpenType file (and the face index of a .ttc)"
    )]
    BadFont {
        path: PathBuf,
        index: u32,
        reason: String,
    },
    /// A colour font (emoji): its glyphs are colour layers or bitmaps that jinju does not
    /// draw, so they would come out blank or as bare outlines — refused before any card.
    #[error(
        "`{path}` face {index} is a colour font ({tables} tables): jinju draws outlines in one colour only, so its glyphs would come out blank or wrong; colour emoji are not supported yet — remove the emoji from the quote or pass an outline font (e.g. Symbola) with --font"
    )]
    ColourFont {
        path: PathBuf,
        index: u32,
        tables: String,
    },
    /// A template image (background, logo, avatar) that cannot be decoded.
    #[error(
        "`{path}` is not a usable template image (background, logo or avatar): {reason}; use a PNG or JPEG file"
    )]
    BadImage { path: PathBuf, reason: String },
    /// Characters that no font of a chain can draw (we never draw tofu).
    #[error(
        "no font has {chars} (needed for the {part}; fonts tried: {fonts}); add a font that has them with --font FILE"
    )]
    MissingGlyphs {
        part: &'static str,
        chars: String,
        fonts: String,
    },
    /// A quote with no text to draw.
    #[error("quote `{id}` has no text to draw")]
    EmptyQuote { id: String },
    /// A quote too long for the template even at its minimum size.
    #[error(
        "quote `{id}` ({chars} characters) does not fit template `{template}` even at {min} px; shorten it, lower quote.size.min or use a taller template"
    )]
    DoesNotFit {
        id: String,
        chars: usize,
        template: String,
        min: u32,
    },
    /// The quote is longer than the template shows at a legible size (`quote.max_chars`).
    #[error(
        "quote `{id}` has {chars} characters; template `{template}` shows at most {max} (quote.max_chars): pick a shorter quote (--max-chars {max}) or a larger template"
    )]
    TooLong {
        id: String,
        chars: usize,
        template: String,
        max: usize,
    },
    /// The scale factor or the scaled card size is out of range.
    #[error(
        "a {width}×{height} card at scale {scale} is out of range: each side must be 1–8192 px and the scale 0.1–8"
    )]
    Size { width: u32, height: u32, scale: f32 },
    /// The PNG encoder failed (should not happen for in-memory output).
    #[error("cannot encode the card as PNG: {0}")]
    Encode(String),
}

/// Results of the card back end.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Characters listed for an error message: each quoted with its code point, control and
/// invisible characters shown only by code point.
pub(crate) fn describe_chars(chars: &[char]) -> String {
    const MAX: usize = 12;
    let mut out: Vec<String> = chars
        .iter()
        .take(MAX)
        .map(|&c| {
            if c.is_control() || c.is_whitespace() || ('\u{FE00}'..='\u{FE0F}').contains(&c) {
                format!("U+{:04X}", c as u32)
            } else {
                format!("`{c}` U+{:04X}", c as u32)
            }
        })
        .collect();
    if chars.len() > MAX {
        out.push(format!("and {} more", chars.len() - MAX));
    }
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_are_named_with_code_points() {
        assert_eq!(describe_chars(&['😀', '\u{7}']), "`😀` U+1F600, U+0007");
        let many: Vec<char> = ('a'..='z').collect();
        assert!(describe_chars(&many).ends_with("and 14 more"));
    }
}
