//! The files a card template names: font files (`path.ttf`, `path.ttc#2`) and a background
//! image, read once when the template loads, each bounded in size ([`MAX_FILE_BYTES`]; an
//! image's pixels by [`MAX_IMAGE_PIXELS`] before any pixel memory is asked for), and looked
//! up by the card when it draws.

use std::path::Path;
use std::sync::Arc;

use ab_glyph::FontArc;
use image::RgbaImage;

use super::error::{Error, Result};
use super::fonts::{embedded_names, load_font_file};
use super::template::{MAX_FILE_BYTES, MAX_IMAGE_PIXELS, Template};

/// What a template read from files.
#[derive(Debug, Clone, Default)]
pub(crate) struct Files {
    pub fonts: Vec<(String, FontArc)>,
    pub image: Option<Arc<RgbaImage>>,
    pub logo: Option<Arc<RgbaImage>>,
    pub avatar: Option<Arc<RgbaImage>>,
}

impl Template {
    /// Every font a template names, with what it is for.
    fn font_names(&self) -> Vec<&str> {
        let mut names = vec![self.quote.font.as_str()];
        names.extend(self.mark.as_ref().map(|m| m.font.as_str()));
        names.extend(self.attribution.as_ref().map(|l| l.font.as_str()));
        names.extend(self.footer.as_ref().map(|l| l.font.as_str()));
        names
    }

    /// Loads the font files and the background image the template names.
    pub(super) fn read_files(&mut self, file: &str, dir: &Path) -> Result<()> {
        let known = embedded_names();
        let mut fonts = Vec::new();
        for name in self.font_names() {
            if known.contains(&name) || fonts.iter().any(|(n, _)| n == name) {
                continue;
            }
            let Some((path, index)) = font_file_spec(name) else {
                return Err(Error::UnknownFont {
                    file: file.to_string(),
                    name: name.to_string(),
                    known: known.join(", "),
                });
            };
            fonts.push((name.to_string(), load_font_file(&dir.join(path), index)?));
        }
        self.files.fonts = fonts;
        let read = |rel: Option<&Path>| rel.map(|rel| read_image(&dir.join(rel))).transpose();
        self.files.image = read(self.background.image.as_deref())?;
        self.files.logo = read(self.logo.as_ref().map(|s| s.file.as_path()))?;
        self.files.avatar = read(self.avatar.as_ref().map(|s| s.file.as_path()))?;
        Ok(())
    }

    /// A font the template read from a file, by the name it gave.
    pub(crate) fn file_font(&self, name: &str) -> Option<&FontArc> {
        self.files
            .fonts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, f)| f)
    }
}

/// Reads and decodes an image file the template names, bounded in bytes and pixels.
fn read_image(path: &Path) -> Result<Arc<RgbaImage>> {
    let bytes =
        crate::input_file::read_bytes(path, MAX_FILE_BYTES).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
    let image = decode_bounded(&bytes).map_err(|reason| Error::BadImage {
        path: path.to_path_buf(),
        reason,
    })?;
    Ok(Arc::new(image.into_rgba8()))
}

/// Decode an image whose header promises at most [`MAX_IMAGE_PIXELS`] pixels; the size is
/// checked before any pixel memory is asked for.
fn decode_bounded(bytes: &[u8]) -> std::result::Result<image::DynamicImage, String> {
    let reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let (w, h) = reader.into_dimensions().map_err(|e| e.to_string())?;
    if u64::from(w) * u64::from(h) > MAX_IMAGE_PIXELS {
        return Err(format!(
            "it is {w}×{h} pixels; template images are limited to {MAX_IMAGE_PIXELS} pixels \
             (4096×4096): scale it down"
        ));
    }
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_IMAGE_PIXELS * 4 + (16 << 20));
    reader.limits(limits);
    reader.decode().map_err(|e| e.to_string())
}

/// Pixels of the template's background image (0 without one).
pub fn image_pixels(t: &Template) -> u64 {
    t.files
        .image
        .as_ref()
        .map_or(0, |i| u64::from(i.width()) * u64::from(i.height()))
}

/// `path.ttf`, `path.otf`, `path.ttc#2` → (path, face index).
pub(super) fn font_file_spec(spec: &str) -> Option<(&str, u32)> {
    let (path, index) = match spec.rsplit_once('#') {
        Some((p, i)) => (p, i.parse().ok()?),
        None => (spec, 0),
    };
    let lower = path.to_ascii_lowercase();
    [".ttf", ".otf", ".ttc", ".otc"]
        .iter()
        .any(|ext| lower.ends_with(ext))
        .then_some((path, index))
}
