//! Card templates: the YAML format (`templates/cards/*.yaml`, `deny_unknown_fields`), the
//! embedded presets, loading by name or path, and validation. The fonts and background image
//! a template names by file are [`super::template_files`]' to read, once, at load time.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::error::{Error, Result};
use super::raster::Color;
pub(crate) use super::template_files::Files;
#[cfg(test)]
use super::template_files::font_file_spec;
pub use super::template_files::image_pixels;
use crate::typeset::Align;

/// The presets: name and YAML source.
const PRESETS: [(&str, &str); 9] = [
    ("square", include_str!("../../templates/cards/square.yaml")),
    (
        "portrait",
        include_str!("../../templates/cards/portrait.yaml"),
    ),
    ("story", include_str!("../../templates/cards/story.yaml")),
    (
        "xiaohongshu",
        include_str!("../../templates/cards/xiaohongshu.yaml"),
    ),
    (
        "landscape",
        include_str!("../../templates/cards/landscape.yaml"),
    ),
    (
        "wechat-cover",
        include_str!("../../templates/cards/wechat-cover.yaml"),
    ),
    ("cover", include_str!("../../templates/cards/cover.yaml")),
    (
        "story-vertical",
        include_str!("../../templates/cards/story-vertical.yaml"),
    ),
    (
        "xiaohongshu-vertical",
        include_str!("../../templates/cards/xiaohongshu-vertical.yaml"),
    ),
];

/// Largest card side, px (also after `--scale`).
pub const MAX_SIDE: u32 = 8192;

/// Most pixels a template's background image may decode to (a 4096×4096 image, 64 MiB).
pub const MAX_IMAGE_PIXELS: u64 = 1 << 24;

/// Largest template, background image or font file read (64 MiB).
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// Placeholders a text line may use.
pub const PLACEHOLDERS: [&str; 9] = [
    "speaker",
    "section_title",
    "section_number",
    "title",
    "address",
    "date",
    "outlet",
    "guests",
    "link",
];

/// A card template. Sizes are px at scale 1.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Width and height.
    pub size: [u32; 2],
    /// Horizontal lines (default) or vertical columns, right to left (竖排).
    #[serde(default)]
    pub direction: Direction,
    pub background: Background,
    /// Top, right, bottom, left (CSS order): the text stays inside.
    pub padding: [u32; 4],
    pub quote: QuoteStyle,
    /// A decorative quotation mark above the quote.
    pub mark: Option<Mark>,
    /// An accent rule between the quote and the attribution.
    pub rule: Option<Rule>,
    /// The line under the quote (`—— {speaker}`).
    pub attribution: Option<TextLine>,
    /// A brand line centred in the bottom padding (above `safe_area`'s bottom band).
    pub footer: Option<TextLine>,
    /// Top and bottom bands a platform covers with its own controls (story apps): nothing is
    /// drawn there — the padding must cover them, and the footer sits above the bottom band.
    #[serde(default)]
    pub safe_area: Option<[u32; 2]>,
    /// A QR code of the source's link (`--link`, else the interview's) in a corner.
    #[serde(default)]
    pub qr: Option<super::slots::Slot>,
    /// A logo image in a corner.
    #[serde(default)]
    pub logo: Option<super::slots::ImageSlot>,
    /// An avatar image, drawn round, in a corner.
    #[serde(default)]
    pub avatar: Option<super::slots::ImageSlot>,
    /// Fonts and images named by file, read at load time.
    #[serde(skip)]
    pub(crate) files: Files,
}

/// The writing direction of a card.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Lines top to bottom, each left to right.
    #[default]
    Horizontal,
    /// Columns right to left, each top to bottom (竖排): punctuation in vertical forms, Latin
    /// turned, 1–2 digits upright in one cell, the attribution in its own column at the left.
    Vertical,
}

/// The card's background: exactly one of `color`, `gradient`, `image`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Background {
    #[serde(default)]
    pub color: Option<Color>,
    #[serde(default)]
    pub gradient: Option<Gradient>,
    /// A PNG or JPEG file, scaled to cover the card (relative to the template file).
    #[serde(default)]
    pub image: Option<PathBuf>,
    /// A translucent colour laid over the background (e.g. `#00000066` over a photo).
    #[serde(default)]
    pub overlay: Option<Color>,
}

/// A linear gradient; `angle` in degrees as in CSS (180: top to bottom).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gradient {
    pub from: Color,
    pub to: Color,
    #[serde(default = "default_angle")]
    pub angle: f32,
}

/// How the quote is set.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteStyle {
    /// An embedded font name or a font file (`file.ttc#2` for face 2).
    pub font: String,
    /// Font size range in px: the largest size that fits is used.
    pub size: SizeRange,
    #[serde(default = "default_line_height")]
    pub line_height: f32,
    pub color: Color,
    #[serde(default)]
    pub align: Align,
    /// Make all lines near equal length.
    #[serde(default = "yes")]
    pub balanced: bool,
    /// The longest quote the template takes, in characters as the length filters count them
    /// (a Latin word is one); a longer one is refused. For small formats (a cover wants a
    /// phrase, not a paragraph).
    #[serde(default)]
    pub max_chars: Option<usize>,
    /// Vertical cards: keep “”‘’ (turned with the column) instead of the corner brackets
    /// 「」『』 that vertical Chinese uses (the default).
    #[serde(default)]
    pub keep_quotes: bool,
}

/// Font size bounds, px, and how much of the text box a quote may fill.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SizeRange {
    pub min: u32,
    pub max: u32,
    /// The largest share (0.1–1) of the text box's height the quote's lines may take: the
    /// size is the largest in `min..=max` that keeps within it (short quotes reach `max`,
    /// long ones get smaller), or, when even `min` does not, the largest that fits at all.
    #[serde(default)]
    pub fill: Option<f32>,
}

/// A decorative quotation mark, drawn above the quote (its ink `gap` px above the text).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    #[serde(default = "default_mark")]
    pub text: String,
    pub font: String,
    pub size: u32,
    pub color: Color,
    #[serde(default)]
    pub gap: u32,
}

/// An accent rule: `width`×`height` px, `gap` px above and below it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub width: u32,
    pub height: u32,
    pub color: Color,
    #[serde(default = "default_gap")]
    pub gap: u32,
}

/// A one-line text (attribution, footer) with placeholders; shrunk to fit, never wrapped.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextLine {
    pub text: String,
    pub font: String,
    pub size: u32,
    pub color: Color,
    #[serde(default)]
    pub align: LineAlign,
    /// Attribution: space above it. Footer: ignored (centred in the bottom padding).
    #[serde(default = "default_gap")]
    pub gap: u32,
}

/// Horizontal placement of a one-line text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineAlign {
    #[default]
    Start,
    Center,
    End,
}

fn default_angle() -> f32 {
    180.0
}
fn default_line_height() -> f32 {
    1.6
}
fn yes() -> bool {
    true
}
fn default_mark() -> String {
    "“".to_string()
}
fn default_gap() -> u32 {
    48
}

/// A preset as listed by `jinju templates`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PresetInfo {
    pub name: &'static str,
    pub width: u32,
    pub height: u32,
    pub description: String,
}

/// The built-in templates with their sizes.
pub fn presets() -> Vec<PresetInfo> {
    PRESETS
        .iter()
        .filter_map(|&(name, _)| {
            let t = Template::load(name).ok()?;
            Some(PresetInfo {
                name,
                width: t.size[0],
                height: t.size[1],
                description: t.description,
            })
        })
        .collect()
}

impl Template {
    /// A preset by name, or a template file (`.yaml`) by path.
    pub fn load(name_or_path: &str) -> Result<Template> {
        if let Some((name, yaml)) = PRESETS.iter().find(|(n, _)| *n == name_or_path) {
            return Template::parse(yaml, &format!("templates/cards/{name}.yaml"), None);
        }
        let path = Path::new(name_or_path);
        if !path.exists() && !name_or_path.ends_with(".yaml") && !name_or_path.ends_with(".yml") {
            let known: Vec<&str> = PRESETS.iter().map(|(n, _)| *n).collect();
            return Err(Error::UnknownTemplate {
                name: name_or_path.to_string(),
                known: known.join(", "),
            });
        }
        let read = |source| Error::Read {
            path: path.to_path_buf(),
            source,
        };
        let bytes = crate::input_file::read_bytes(path, crate::yaml::MAX_YAML_BYTES as u64)
            .map_err(read)?;
        let yaml = crate::input_file::decode::decode(bytes, None).map_err(|e| {
            let shown = crate::printable::escape(&path.display().to_string());
            Error::TemplateInvalid {
                file: path.display().to_string(),
                message: e.message("template", &shown, false),
            }
        })?;
        Template::parse(&yaml, &path.display().to_string(), path.parent())
    }

    /// Parses and validates template YAML; `file` names it in errors; font and image files
    /// are resolved against `dir`.
    pub fn parse(yaml: &str, file: &str, dir: Option<&Path>) -> Result<Template> {
        let mut t: Template = crate::yaml::parse(yaml, file)?;
        t.validate(file)?;
        t.read_files(file, dir.unwrap_or(Path::new("")))?;
        Ok(t)
    }
}

#[cfg(test)]
#[path = "template_tests.rs"]
mod tests;
