//! An image's bytes made fit for the book, wherever they came from (a local file, a Word
//! file's media, a fetched URL or its cached copy): sniffed (PNG, JPEG, GIF, WebP by their
//! signatures, whatever the name or the server says) and, when wider or taller than
//! [`MAX_SIDE`], scaled down and recompressed for e-readers. A WebP (WeChat serves most
//! photos so) becomes a JPEG, or a PNG when it has transparency: many readers and calibre's
//! Kindle formats show no WebP. A GIF within [`MAX_SIDE`] goes in as it is, animation and
//! all (a reader that animates GIFs shows it moving, one that does not its first frame). A
//! larger one becomes its first frame, scaled, as a PNG: scaling every frame would cost
//! memory and time by the number of frames (a hundred 2000 px frames are 1.6 GB of pixels),
//! and a PNG keeps a GIF's flat colours without the GIF encoder's palette reduction.

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
        "image/webp" => return from_webp(&bytes),
        _ => return from_gif(bytes),
    };
    Ok(ImageFile {
        bytes: fit(bytes, format)?,
        media_type,
    })
}

/// A WebP as a JPEG (a PNG when any pixel is not opaque), scaled to [`MAX_SIDE`].
fn from_webp(bytes: &[u8]) -> Result<ImageFile, String> {
    let img = decode(bytes, ImageFormat::WebP)?;
    let img = if img.width().max(img.height()) > MAX_SIDE {
        img.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Triangle)
    } else {
        img
    };
    let opaque = !img.color().has_alpha() || img.to_rgba8().pixels().all(|p| p[3] == 255);
    let (format, media_type) = if opaque {
        (ImageFormat::Jpeg, "image/jpeg")
    } else {
        (ImageFormat::Png, "image/png")
    };
    Ok(ImageFile {
        bytes: encode(&img, format)?,
        media_type,
    })
}

/// A GIF as it is when it fits in [`MAX_SIDE`], else its first frame scaled, as a PNG.
fn from_gif(bytes: Vec<u8>) -> Result<ImageFile, String> {
    if longest_side(&bytes, ImageFormat::Gif)? <= MAX_SIDE {
        return Ok(ImageFile {
            bytes,
            media_type: "image/gif",
        });
    }
    let first = decode(&bytes, ImageFormat::Gif)?;
    let small = first.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Triangle);
    Ok(ImageFile {
        bytes: encode(&small, ImageFormat::Png)?,
        media_type: "image/png",
    })
}

/// An image's longer side, read from its header.
fn longest_side(bytes: &[u8], format: ImageFormat) -> Result<u32, String> {
    let reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| format!("unreadable image: {e}"))?;
    Ok(w.max(h))
}

/// An image decoded, within a memory bound.
fn decode(bytes: &[u8], format: ImageFormat) -> Result<image::DynamicImage, String> {
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(512 * 1024 * 1024);
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    reader.limits(limits);
    reader
        .decode()
        .map_err(|e| format!("unreadable image: {e}"))
}

/// `img` as a JPEG (quality 85) or a PNG.
fn encode(img: &image::DynamicImage, format: ImageFormat) -> Result<Vec<u8>, String> {
    let mut out = std::io::Cursor::new(Vec::new());
    match format {
        ImageFormat::Jpeg => {
            let rgb = img.to_rgb8();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
                .encode_image(&rgb)
                .map_err(|e| e.to_string())?;
        }
        _ => img
            .write_to(&mut out, ImageFormat::Png)
            .map_err(|e| e.to_string())?,
    }
    Ok(out.into_inner())
}

/// `bytes` as they are when the image fits in [`MAX_SIDE`], else scaled down to it and
/// recompressed in the same format.
fn fit(bytes: Vec<u8>, format: ImageFormat) -> Result<Vec<u8>, String> {
    if longest_side(&bytes, format)? <= MAX_SIDE {
        return Ok(bytes);
    }
    let img = decode(&bytes, format)?;
    let small = img.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Triangle);
    encode(&small, format)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn webp(img: image::DynamicImage) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::WebP).unwrap();
        out.into_inner()
    }

    #[test]
    fn a_webp_becomes_a_jpeg_or_with_transparency_a_png_scaled_to_1600_px() {
        let photo = image::RgbImage::from_fn(2000, 1000, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 80])
        });
        let got = checked(webp(photo.into())).unwrap();
        assert_eq!(got.media_type, "image/jpeg");
        let shown = image::load_from_memory_with_format(&got.bytes, ImageFormat::Jpeg).unwrap();
        assert_eq!((shown.width(), shown.height()), (1600, 800));
        let mut sticker = image::RgbaImage::from_pixel(40, 20, image::Rgba([200, 30, 30, 255]));
        sticker.put_pixel(0, 0, image::Rgba([0, 0, 0, 0]));
        let got = checked(webp(sticker.into())).unwrap();
        assert_eq!(got.media_type, "image/png");
        let shown = image::load_from_memory_with_format(&got.bytes, ImageFormat::Png).unwrap();
        assert_eq!((shown.width(), shown.height()), (40, 20));
        assert_eq!(
            shown.to_rgba8().get_pixel(0, 0)[3],
            0,
            "the transparency kept"
        );
        assert!(
            checked(b"RIFF\0\0\0\0WEBPjunk".to_vec()).is_err(),
            "a broken WebP"
        );
    }

    /// An animated GIF of `w`×`h`, one flat-colour frame a colour.
    fn gif(w: u32, h: u32, colours: &[[u8; 3]]) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut encoder = image::codecs::gif::GifEncoder::new_with_speed(&mut out, 30);
            encoder
                .set_repeat(image::codecs::gif::Repeat::Infinite)
                .unwrap();
            for &[r, g, b] in colours {
                let frame = image::RgbaImage::from_pixel(w, h, image::Rgba([r, g, b, 255]));
                encoder.encode_frame(image::Frame::new(frame)).unwrap();
            }
        }
        out
    }

    #[test]
    fn a_gif_stays_as_it_is_within_bounds_and_beyond_them_is_its_first_frame_scaled() {
        let small = gif(60, 40, &[[200, 30, 30], [30, 30, 200]]);
        let got = checked(small.clone()).unwrap();
        assert_eq!(got.media_type, "image/gif");
        assert_eq!(got.bytes, small, "the animation kept, byte for byte");
        let large = gif(2000, 500, &[[200, 30, 30], [30, 30, 200]]);
        let got = checked(large).unwrap();
        assert_eq!(got.media_type, "image/png");
        let shown = image::load_from_memory_with_format(&got.bytes, ImageFormat::Png).unwrap();
        assert_eq!((shown.width(), shown.height()), (1600, 400));
        let [r, _, b, _] = shown.to_rgba8().get_pixel(800, 200).0;
        assert!(r > 150 && b < 80, "the first frame's red: {r}, {b}");
        assert!(
            checked(b"GIF89a\x10\x00junk".to_vec()).is_err(),
            "a broken GIF"
        );
        // A 1×1 frame on a 65535×65535 screen: 17 GB of pixels, refused, not allocated.
        let mut bomb = b"GIF89a\xff\xff\xff\xff\x00\x00\x00".to_vec();
        bomb.extend_from_slice(b"\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x4c\x01\x00\x3b");
        let refused = checked(bomb).unwrap_err();
        assert!(
            refused.contains("unreadable image") && refused.contains("limit"),
            "{refused}"
        );
    }
}
