//! An image's bytes made fit for the book, wherever they came from (a local file, a Word
//! file's media, a fetched URL or its cached copy): sniffed (PNG, JPEG, GIF, WebP by their
//! signatures, whatever the name or the server says) and, when wider or taller than
//! [`MAX_SIDE`], scaled down and recompressed for e-readers.

use crate::epub::ImageFile;
use image::ImageFormat;

/// The longest side an image keeps in the book, in pixels.
pub const MAX_SIDE: u32 = 1600;

/// The largest image file read, in bytes (local, in a Word file, or fetched).
pub const MAX_IMAGE_BYTES: u64 = 20 * 1024 * 1024;

/// What is said of bytes that are no image the book can hold.
pub const NOT_AN_IMAGE: &str = "not a PNG, JPEG, GIF or WebP image";

/// The media type an image's first bytes say it is.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0x89, b'P', b'N', b'G', ..] => Some("image/png"),
        [0xFF, 0xD8, 0xFF, ..] => Some("image/jpeg"),
        [b'G', b'I', b'F', b'8', ..] => Some("image/gif"),
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'E',
            b'B',
            b'P',
            ..,
        ] => Some("image/webp"),
        _ => None,
    }
}

/// `bytes` checked and made fit for the book.
pub fn checked(bytes: Vec<u8>) -> Result<ImageFile, String> {
    if bytes.len() as u64 > MAX_IMAGE_BYTES {
        return Err(format!("larger than {} MB", MAX_IMAGE_BYTES >> 20));
    }
    let media_type = sniff(&bytes).ok_or(NOT_AN_IMAGE)?;
    let format = match media_type {
        "image/png" => ImageFormat::Png,
        "image/jpeg" => ImageFormat::Jpeg,
        // GIF and WebP go in as they are (no decoder here to scale them).
        _ => return Ok(ImageFile { bytes, media_type }),
    };
    Ok(ImageFile {
        bytes: fit(bytes, format)?,
        media_type,
    })
}

/// `bytes` as they are when the image fits in [`MAX_SIDE`], else scaled down to it and
/// recompressed in the same format.
fn fit(bytes: Vec<u8>, format: ImageFormat) -> Result<Vec<u8>, String> {
    let reader = image::ImageReader::with_format(std::io::Cursor::new(&bytes), format);
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| format!("unreadable image: {e}"))?;
    if w.max(h) <= MAX_SIDE {
        return Ok(bytes);
    }
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(512 * 1024 * 1024);
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(&bytes), format);
    reader.limits(limits);
    let img = reader
        .decode()
        .map_err(|e| format!("unreadable image: {e}"))?;
    let small = img.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Triangle);
    let mut out = std::io::Cursor::new(Vec::new());
    match format {
        ImageFormat::Jpeg => {
            let rgb = small.to_rgb8();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
                .encode_image(&rgb)
                .map_err(|e| e.to_string())?;
        }
        _ => small
            .write_to(&mut out, ImageFormat::Png)
            .map_err(|e| e.to_string())?,
    }
    Ok(out.into_inner())
}
