//! Quote cards: templates, embedded fonts, rasterisation to PNG (issue 5). Owns pixels and
//! PNG bytes; does not lay out text (that is `typeset`) and writes no files (the caller does).
//!
//! ```text
//! Template::load("portrait") ─┐
//! FontBook::embedded() ───────┼─► render(&CardText, …) ─► coverage check ─► typeset::fit
//! CardText ───────────────────┘        ─► background, mark, lines, rule, attribution, footer
//!                                      ─► PNG (indexed / grey / RGB, iTXt alt text) = Card
//! ```

mod carousel;
mod colour_glyphs;
mod embedded;
mod emoji;
mod encode;
mod error;
mod font_tables;
mod fonts;
mod glyph_cache;
mod highlight;
mod image_format;
mod ink;
mod line;
mod long_image;
mod mark;
mod page;
mod parts;
mod pixels;
mod qr;
mod raster;
mod render;
mod scanlines;
#[cfg(test)]
mod script_tests;
mod slots;
mod source;
mod template;
mod template_files;
mod text;
mod validate;
mod vertical;
mod wording;

pub use carousel::{
    CAROUSELS, CarouselImage, CarouselPreset, carousel_preset, plan_sets, render_carousel,
};
pub use encode::{PngFormat, PngKind, PngLevel, encode_png};
pub use error::{Error, Result};
pub use fonts::{FontBook, FontChain, embedded_font_bytes, embedded_names, load_font_file};
pub use highlight::phrase_ranges;
pub use image_format::{DEFAULT_JPEG_QUALITY, EncodedImage, Encoding, ImageFormat, encode_image};
pub use long_image::{LONG_WIDTH, LongImage, LongLimits, render_long};
pub use parts::{drawable_quote, expand, quote_chain, shows};
pub use pixels::COVERAGE_LEVELS;
pub use qr::{MAX_LINK_BYTES, QrModules};
pub use raster::{Canvas, Color};
pub use render::{Painted, paint};
pub use slots::{Corner, ImageSlot, Slot};
pub use source::{CardFields, SourceInfo};
pub use template::{
    Background, Direction, Gradient, LineAlign, MAX_IMAGE_PIXELS, MAX_SIDE, Mark, PLACEHOLDERS,
    PresetInfo, QuoteStyle, Rule, SizeRange, Template, TextLine, image_pixels, presets,
};

pub use text::CardText;

/// How to render: scale factor (2 for retina), book title for `{title}`, the file format.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderOptions {
    /// Multiplies every size of the template (0.1–8; the result must stay ≤ 8192 px).
    pub scale: f32,
    /// Fills the `{title}` placeholder (a line left with nothing else is not drawn).
    pub title: Option<String>,
    /// The file format (PNG by default) and its settings.
    pub encoding: Encoding,
    /// The interview the quote comes from, for `{date}`, `{outlet}`, `{guests}`, `{link}`
    /// and the `qr:` slot (none for ad hoc text).
    pub source: Option<SourceInfo>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            scale: 1.0,
            title: None,
            encoding: Encoding::default(),
            source: None,
        }
    }
}

/// A rendered card.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// The file's bytes in `format` (deterministic: same input, same bytes).
    pub bytes: Vec<u8>,
    pub format: ImageFormat,
    pub width: u32,
    pub height: u32,
    /// The quote's lines as typeset (for the manifest).
    pub lines: Vec<String>,
    /// The quote's font size, px.
    pub size_px: u32,
    /// For the manifest: the characters drawn with the rare-character fallback face.
    pub note: Option<String>,
    /// How a PNG stored its pixels (none for JPEG and WebP).
    pub kind: Option<PngKind>,
}

/// Renders `quote` as a card file (PNG unless `options.encoding` says otherwise). Nothing is drawn unless every character is in the fonts.
pub fn render(
    quote: &CardText,
    template: &Template,
    fonts: &FontBook,
    options: &RenderOptions,
) -> Result<Card> {
    let fields = CardFields {
        title: options.title.as_deref(),
        source: options.source.as_ref(),
    };
    let painted = paint(quote, template, fonts, options.scale, fields)?;
    let alt = quote.text.trim();
    let file = encode_image(
        &painted.canvas,
        &[("Description", alt), ("Author", quote.credit.as_str())],
        &options.encoding,
    )?;
    Ok(Card {
        bytes: file.bytes,
        format: file.format,
        kind: file.png_kind,
        width: painted.canvas.width(),
        height: painted.canvas.height(),
        lines: painted.lines,
        size_px: painted.size_px,
        note: fonts::rare_note(&painted.rare),
    })
}

/// Renders many cards on all cores (each card is independent); results in input order, the
/// same bytes as one by one.
pub fn render_all(
    quotes: &[CardText],
    template: &Template,
    fonts: &FontBook,
    options: &RenderOptions,
) -> Vec<Result<Card>> {
    use rayon::prelude::*;
    quotes
        .par_iter()
        .map(|q| render(q, template, fonts, options))
        .collect()
}
