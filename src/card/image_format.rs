//! The file format a card is written in: PNG (lossless, the default), JPEG (lossy, a
//! quality from 1 to 100) or WebP (lossless), each deterministic — the same canvas gives the
//! same bytes. PNG is [`super::encode`]'s; JPEG and WebP are the `image` crate's encoders.

use super::encode::{PngFormat, PngKind, PngLevel, encode_png};
use super::error::{Error, Result};
use super::raster::Canvas;

/// A card file's format, as `--image-format` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImageFormat {
    /// Lossless, smallest for flat cards; alt text in iTXt chunks.
    #[default]
    Png,
    /// Lossy (baseline, YCbCr 4:2:2): accepted by every platform; for photo backgrounds.
    Jpeg,
    /// Lossless WebP: smaller than an RGB PNG (photo backgrounds), larger than an indexed one
    /// (flat cards); not accepted by every platform (Instagram).
    Webp,
}

impl ImageFormat {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Webp => "webp",
        }
    }

    /// The MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            ImageFormat::Png => "image/png",
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Webp => "image/webp",
        }
    }
}

/// The JPEG quality used unless told otherwise: small files without visible ringing around
/// the strokes of 28 px text.
pub const DEFAULT_JPEG_QUALITY: u8 = 90;

/// How a card is encoded: the format and its settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Encoding {
    pub format: ImageFormat,
    /// PNG only: which pixel format.
    pub png: PngFormat,
    /// PNG only: how hard to compress.
    pub level: PngLevel,
    /// JPEG only: 1 (smallest) to 100 (best).
    pub jpeg_quality: u8,
}

impl Default for Encoding {
    fn default() -> Self {
        Encoding {
            format: ImageFormat::Png,
            png: PngFormat::Auto,
            level: PngLevel::default(),
            jpeg_quality: DEFAULT_JPEG_QUALITY,
        }
    }
}

/// An encoded card file.
#[derive(Debug, Clone, PartialEq)]
pub struct EncodedImage {
    pub bytes: Vec<u8>,
    pub format: ImageFormat,
    /// How a PNG stored its pixels (none for JPEG and WebP).
    pub png_kind: Option<PngKind>,
}

/// Encodes `canvas`; `text` (keyword, value) is written into a PNG as iTXt chunks (JPEG and
/// WebP carry none).
pub fn encode_image(canvas: &Canvas, text: &[(&str, &str)], e: &Encoding) -> Result<EncodedImage> {
    let err = |e: image::ImageError| Error::Encode(e.to_string());
    let (bytes, png_kind) = match e.format {
        ImageFormat::Png => {
            let (bytes, kind) = encode_png(canvas, text, e.png, e.level)?;
            (bytes, Some(kind))
        }
        ImageFormat::Jpeg => {
            if !(1..=100).contains(&e.jpeg_quality) {
                return Err(Error::Encode(format!(
                    "JPEG quality {} is out of range: give 1 to 100",
                    e.jpeg_quality
                )));
            }
            let mut out = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, e.jpeg_quality)
                .encode_image(&canvas.to_rgb())
                .map_err(err)?;
            (out, None)
        }
        ImageFormat::Webp => {
            let mut out = Vec::new();
            let rgb = canvas.to_rgb();
            image::codecs::webp::WebPEncoder::new_lossless(&mut out)
                .encode(
                    rgb.as_raw(),
                    rgb.width(),
                    rgb.height(),
                    image::ExtendedColorType::Rgb8,
                )
                .map_err(err)?;
            (out, None)
        }
    };
    Ok(EncodedImage {
        bytes,
        format: e.format,
        png_kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::RgbImage;

    /// A card-like image: a light ground with dark strokes.
    fn canvas() -> Canvas {
        Canvas::from_rgb(RgbImage::from_fn(400, 300, |x, y| {
            if (x / 7 + y / 11) % 5 == 0 {
                image::Rgb([30, 30, 40])
            } else {
                image::Rgb([250, 246, 238])
            }
        }))
    }

    fn with(format: ImageFormat) -> Encoding {
        Encoding {
            format,
            ..Encoding::default()
        }
    }

    #[test]
    fn each_format_decodes_back_as_itself() {
        let c = canvas();
        let original = c.to_rgb();
        for (format, expected) in [
            (ImageFormat::Png, image::ImageFormat::Png),
            (ImageFormat::Jpeg, image::ImageFormat::Jpeg),
            (ImageFormat::Webp, image::ImageFormat::WebP),
        ] {
            let file = encode_image(&c, &[("Description", "金句")], &with(format)).unwrap();
            assert_eq!(image::guess_format(&file.bytes).unwrap(), expected);
            let back = image::load_from_memory(&file.bytes).unwrap().into_rgb8();
            assert_eq!(back.dimensions(), (400, 300));
            let worst = back
                .as_raw()
                .iter()
                .zip(original.as_raw())
                .map(|(a, b)| a.abs_diff(*b))
                .max()
                .unwrap();
            match format {
                ImageFormat::Jpeg => {
                    let mean = back
                        .as_raw()
                        .iter()
                        .zip(original.as_raw())
                        .map(|(a, b)| u64::from(a.abs_diff(*b)))
                        .sum::<u64>()
                        / original.as_raw().len() as u64;
                    assert!(mean < 8, "{format:?} mean error {mean}");
                }
                _ => assert_eq!(worst, 0, "{format:?} is lossless"),
            }
        }
    }

    #[test]
    fn a_rerun_gives_the_same_bytes_and_quality_changes_the_size() {
        let c = canvas();
        for format in [ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::Webp] {
            let a = encode_image(&c, &[], &with(format)).unwrap();
            let b = encode_image(&c, &[], &with(format)).unwrap();
            assert_eq!(a, b, "{format:?}");
            // Far below the raw 360 kB: the platforms' upload limits are a few MB.
            assert!(a.bytes.len() < 100_000, "{format:?}: {}", a.bytes.len());
        }
        let q = |jpeg_quality| {
            let e = Encoding {
                jpeg_quality,
                ..with(ImageFormat::Jpeg)
            };
            encode_image(&c, &[], &e).unwrap().bytes.len()
        };
        assert!(q(40) < q(95));
        let bad = Encoding {
            jpeg_quality: 0,
            ..with(ImageFormat::Jpeg)
        };
        let e = encode_image(&c, &[], &bad).unwrap_err().to_string();
        assert!(e.contains("1 to 100"), "{e}");
    }
}
