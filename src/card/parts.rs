//! What a card draws, resolved before anything is drawn, for either direction: the sizes at
//! the card's scale, the texts with their placeholders filled, the font chain of each part
//! and the coverage check (no tofu), the quote's style and size bounds, and the size-by-length
//! fit. Draws nothing.

use super::emoji;
use super::error::{Error, Result};
use super::fonts::{FontBook, FontChain, NamedFont, Script};
use super::source::CardFields;
use super::template::{Mark, Template, TextLine};
use super::text::CardText;
use crate::typeset::{Layout, Style};

/// What a card draws, resolved and checked before anything is drawn: sizes, texts with their
/// placeholders filled, and the font chain of each part.
pub(super) struct Parts<'t> {
    pub width: u32,
    pub height: u32,
    pub scale: f32,
    /// The quote, emoji sequences folded to one character each (`emoji`).
    pub text: String,
    pub quote_chain: FontChain,
    pub mark: Option<(&'t Mark, FontChain)>,
    pub attribution: Option<(&'t TextLine, FontChain, String)>,
    pub footer: Option<(&'t TextLine, FontChain, String)>,
    /// Names the quote's lines keep whole (the source's).
    pub names: &'t [String],
}

impl Parts<'_> {
    /// `v` px of the template at the card's scale.
    pub fn px(&self, v: u32) -> f32 {
        v as f32 * self.scale
    }

    /// The quote's style as the typesetter takes it.
    pub fn style(template: &Template) -> Style {
        let q = &template.quote;
        Style {
            line_height: q.line_height,
            align: q.align,
            balanced: q.balanced,
            display: true,
            ..Style::default()
        }
    }

    /// The quote's size bounds at this scale.
    pub fn sizes(&self, template: &Template) -> (u32, u32) {
        let q = &template.quote;
        (
            scaled(q.size.min, self.scale).max(1),
            scaled(q.size.max, self.scale).max(1),
        )
    }
}

/// Sizes, texts and fonts; every character must be drawable before anything is drawn.
pub(super) fn prepare<'t>(
    quote: &'t CardText,
    template: &'t Template,
    book: &FontBook,
    scale: f32,
    fields: CardFields<'t>,
) -> Result<Parts<'t>> {
    let [w, h] = template.size;
    let (width, height) = (scaled(w, scale), scaled(h, scale));
    let sides = 1..=super::template::MAX_SIDE;
    if !(0.1..=8.0).contains(&scale) || !sides.contains(&width) || !sides.contains(&height) {
        return Err(Error::Size {
            width: w,
            height: h,
            scale,
        });
    }
    let text = emoji::fold(quote.text.trim()).into_owned();
    if text.is_empty() {
        return Err(Error::EmptyQuote {
            id: quote.id.clone(),
        });
    }
    let script = book.script_of(&format!("{text}{}", quote.section_title));
    let chain = |name: &str| resolve(name, template, book).map(|f| book.chain(&f, script));
    let quote_chain = chain(&template.quote.font)?;
    quote_chain.check(&text, "quote")?;
    if let Some(max) = template.quote.max_chars
        && quote.chars > max
    {
        return Err(Error::TooLong {
            id: quote.id.clone(),
            chars: quote.chars,
            template: template.name.clone(),
            max,
        });
    }
    // A quote that opens with its own quotation mark gets no decorative one on top.
    let mark = match &template.mark {
        Some(m) if !opens_with_quotation_mark(&text) => Some((m, chain(&m.font)?)),
        _ => None,
    };
    if let Some((m, c)) = &mark {
        c.check(&m.text, "quote mark")?;
    }
    let mut lines = Vec::new();
    for (part, line) in [
        ("attribution", &template.attribution),
        ("footer", &template.footer),
    ] {
        let Some(line) = line else {
            lines.push(None);
            continue;
        };
        let c = chain(&line.font)?;
        // A character no font has in a label line is left out of the image, not an error.
        let expanded =
            expand(&line.text, quote, fields).map(|t| c.without_missing(&emoji::fold(&t), part));
        lines.push(expanded.map(|t| (line, c, t)));
    }
    let (attribution, footer) = (lines[0].take(), lines[1].take());
    Ok(Parts {
        width,
        height,
        scale,
        text,
        quote_chain,
        mark,
        attribution,
        footer,
        names: fields.source.map_or(&[], |s| s.names.as_slice()),
    })
}

/// The error for a quote that does not fit the template even at its smallest size.
pub(super) fn does_not_fit(quote: &CardText, template: &Template, text: &str) -> Error {
    Error::DoesNotFit {
        id: quote.id.clone(),
        chars: text.chars().count(),
        template: template.name.clone(),
        min: template.quote.size.min,
    }
}

/// The layout that takes at most `fill` of `available` (the size-by-length rule), or, when
/// even the smallest size does not, the largest that fits `available` at all.
pub(super) fn fit_share(
    fill: Option<f32>,
    available: f32,
    min: u32,
    fit: impl Fn(f32) -> Option<Layout>,
) -> Option<Layout> {
    let filled = fill.filter(|&f| f < 1.0).map(|f| available * f);
    (available >= min as f32)
        .then(|| filled.and_then(&fit).or_else(|| fit(available)))
        .flatten()
}

/// Does the quote open with a quotation mark (so that a decorative one would stack on it)?
fn opens_with_quotation_mark(text: &str) -> bool {
    text.starts_with(['“', '‘', '「', '『', '"', '\'', '〝'])
}

fn scaled(v: u32, scale: f32) -> u32 {
    (v as f32 * scale).round() as u32
}

/// An embedded font or one the template read from a file.
/// `text` as `template`'s quote font can draw it: characters no font has left out (with a
/// warning), for a quote jinju made itself (the EPUB cover's title).
pub fn drawable_quote(text: &str, template: &Template, book: &FontBook) -> Result<String> {
    let text = emoji::fold(text);
    let chain = book.chain(
        &resolve(&template.quote.font, template, book)?,
        book.script_of(&text),
    );
    Ok(emoji::unfold(&chain.without_missing(&text, "cover title")))
}

/// The font chain `template` draws its quote with, for either script (to ask which
/// characters it can show): the Traditional chain holds the Simplified face too.
pub fn quote_chain(template: &Template, book: &FontBook) -> Result<FontChain> {
    Ok(book.chain(
        &resolve(&template.quote.font, template, book)?,
        Script::Traditional,
    ))
}

/// `chain` draws every character of `text` (controls aside; an emoji sequence as its one
/// glyph).
pub fn shows(chain: &FontChain, text: &str) -> bool {
    emoji::fold(text)
        .chars()
        .all(|c| c.is_control() || chain.lookup(c).is_some())
}

pub(super) fn resolve(name: &str, template: &Template, book: &FontBook) -> Result<NamedFont> {
    if let Some(f) = book.get(name) {
        return Ok(f.clone());
    }
    match template.file_font(name) {
        Some(font) => Ok(NamedFont::outline(name, font.clone())),
        None => Err(Error::UnknownFont {
            file: template.name.clone(),
            name: name.to_string(),
            known: super::fonts::embedded_names().join(", "),
        }),
    }
}

/// Fills the placeholders of a one-line text; `None` if nothing worth drawing is left (a
/// dash and separators without a name). A quote's attribution override stands for
/// `{speaker}`; a speaker known only by a role label (`答`, `A`, `嘉宾`) has no name to
/// print, so `{speaker}` goes with the separator beside it (`—— 答 · 标题` → `—— 标题`).
pub fn expand<'a>(
    text: &str,
    quote: &CardText,
    fields: impl Into<CardFields<'a>>,
) -> Option<String> {
    let fields = fields.into();
    let speaker = quote.credit.as_str();
    let number = quote
        .section_number
        .map_or(String::new(), |n| format!("{n:02}"));
    let text = if speaker.trim().is_empty() {
        without_speaker(text)
    } else {
        text.to_string()
    };
    let out = text
        .replace("{speaker}", speaker)
        .replace("{section_title}", &quote.section_title)
        .replace("{section_number}", &number)
        .replace("{address}", &quote.address);
    let out = ["title", "date", "outlet", "guests", "link"]
        .iter()
        .fold(out, |t, name| {
            t.replace(&format!("{{{name}}}"), &fields.get(name))
        });
    let out = out.trim_end_matches(|c: char| c.is_whitespace() || "·|/,，、:：-–".contains(c));
    let out = out.trim_start_matches(|c: char| c.is_whitespace() || "·|/,，、".contains(c));
    out.chars()
        .any(char::is_alphanumeric)
        .then(|| out.to_string())
}

/// `text` with `{speaker}` and one separator beside it (`·`, `|`, `/`, with their spaces)
/// taken out: `—— {speaker} · {section_title}` → `—— {section_title}`.
fn without_speaker(text: &str) -> String {
    let Some(at) = text.find("{speaker}") else {
        return text.to_string();
    };
    let (before, after) = (&text[..at], &text[at + "{speaker}".len()..]);
    let is_sep = |c: char| "·|/".contains(c);
    let rest = after.trim_start();
    if let Some(sep) = rest.chars().next().filter(|c| is_sep(*c)) {
        return format!("{before}{}", rest[sep.len_utf8()..].trim_start());
    }
    let head = before.trim_end();
    if let Some(sep) = head.chars().last().filter(|c| is_sep(*c)) {
        return format!("{}{after}", head[..head.len() - sep.len_utf8()].trim_end());
    }
    format!("{before}{after}")
}
