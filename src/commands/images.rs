//! The interview's images for the book, from local files: a Markdown's relative paths and a
//! saved page's `_files/` folder, resolved against the input's folder and never outside it
//! (an untrusted page must not put `/etc/passwd` or `~/.ssh` into a book). Each file is
//! bounded in size, sniffed (PNG, JPEG, GIF, WebP by their signatures, whatever the name
//! says) and, when wider or taller than [`MAX_SIDE`], scaled down and recompressed for
//! e-readers. An image that cannot be had — a remote one (they are not fetched), a missing
//! or unreadable file, one that is no image — gets `None` and a warning: the book shows a
//! placeholder where it stood and 关于本书 says that images are left out.

use crate::epub::ImageFile;
use crate::interview::figures::Figure;
use crate::printable::excerpt;
use image::ImageFormat;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The longest side an image keeps in the book, in pixels.
pub const MAX_SIDE: u32 = 1600;

/// The largest image file read, in bytes.
pub const MAX_IMAGE_BYTES: u64 = 20 * 1024 * 1024;

/// The files of `figures`, in order; `base`: the input's folder (`None` for standard
/// input, where no relative path can be resolved).
pub fn load(figures: &[Figure], base: Option<&Path>) -> Vec<Option<ImageFile>> {
    let mut remote = 0;
    let files = figures
        .iter()
        .map(|f| match file(&f.src, base) {
            Ok(image) => Some(image),
            Err(Refused::Remote) => {
                remote += 1;
                None
            }
            Err(Refused::Other(why)) => {
                eprintln!(
                    "warning: image `{}` is not in the book ({why}); a placeholder stands in",
                    excerpt(&f.src, 80)
                );
                None
            }
        })
        .collect();
    if remote > 0 {
        eprintln!(
            "warning: {remote} remote image(s) are not in the book (jinju does not fetch them; \
             save the page with its images to keep them); placeholders stand in"
        );
    }
    files
}

/// Why an image is not in the book.
enum Refused {
    /// An http(s) address: not fetched.
    Remote,
    Other(String),
}

impl From<String> for Refused {
    fn from(why: String) -> Refused {
        Refused::Other(why)
    }
}

impl From<&str> for Refused {
    fn from(why: &str) -> Refused {
        Refused::Other(why.to_string())
    }
}

/// The media type an image's first bytes say it is.
fn sniff(bytes: &[u8]) -> Option<&'static str> {
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

/// Where a source address points on disk, inside `base`.
fn local_path(src: &str, base: Option<&Path>) -> Result<PathBuf, Refused> {
    let scheme = src.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    match scheme.as_deref() {
        Some("http" | "https") => return Err(Refused::Remote),
        Some(s) if s.len() > 1 => return Err(format!("a `{s}:` address, not a file").into()),
        _ => {}
    }
    if src.is_empty() {
        return Err("the source names no file".into());
    }
    if src.starts_with('/') || src.starts_with('\\') {
        return Err("an absolute path: only files beside the input are read".into());
    }
    let base = base.ok_or("the input is standard input: no folder to find it in")?;
    let path = src
        .split(['?', '#'])
        .next()
        .unwrap_or(src)
        .replace("%20", " ");
    let joined = base.join(&path);
    let root = base
        .canonicalize()
        .map_err(|e| format!("the input's folder: {e}"))?;
    let real = joined
        .canonicalize()
        .map_err(|_| format!("no file {}", excerpt(&joined.display().to_string(), 80)))?;
    if !real.starts_with(&root) {
        return Err("it lies outside the input's folder".into());
    }
    if !real.is_file() {
        return Err("not a file".into());
    }
    Ok(real)
}

/// One image read, checked and made fit for the book.
fn file(src: &str, base: Option<&Path>) -> Result<ImageFile, Refused> {
    let path = local_path(src, base)?;
    let f = std::fs::File::open(&path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    f.take(MAX_IMAGE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_IMAGE_BYTES {
        return Err(format!("larger than {} MB", MAX_IMAGE_BYTES >> 20).into());
    }
    let media_type = sniff(&bytes).ok_or("not a PNG, JPEG, GIF or WebP image")?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(w, h, image::Rgb([200, 30, 30]));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png).expect("png");
        out.into_inner()
    }

    fn figure(src: &str) -> Figure {
        Figure {
            before: None,
            src: src.into(),
            alt: String::new(),
        }
    }

    #[test]
    fn local_images_are_read_sniffed_and_scaled_and_the_rest_refused() {
        let dir = tempfile::tempdir().expect("dir");
        let input = dir.path().join("article");
        std::fs::create_dir_all(input.join("page_files")).expect("mkdir");
        std::fs::write(input.join("page_files/small.png"), png(40, 30)).expect("write");
        std::fs::write(input.join("big image.jpg.png"), png(3200, 800)).expect("write");
        std::fs::write(input.join("fake.png"), b"<html>not an image</html>").expect("write");
        std::fs::write(dir.path().join("secret.png"), png(4, 4)).expect("write");
        let srcs = [
            "page_files/small.png",
            "big%20image.jpg.png",
            "fake.png",
            "../secret.png",
            "missing.png",
            "https://example.com/a.png",
            "data:image/png;base64,AAAA",
        ];
        let figures: Vec<Figure> = srcs.iter().map(|s| figure(s)).collect();
        let files = load(&figures, Some(&input));
        let small = files[0].as_ref().expect("the small one");
        assert_eq!(small.media_type, "image/png");
        assert_eq!(small.bytes, png(40, 30), "a small image goes in as it is");
        let big = files[1].as_ref().expect("the big one, sniffed as PNG");
        let dims = image::load_from_memory(&big.bytes).expect("decodes");
        assert_eq!((dims.width(), dims.height()), (1600, 400));
        for (i, f) in files.iter().enumerate().skip(2) {
            assert!(f.is_none(), "{} must be refused", srcs[i]);
        }
        assert!(
            load(&figures[..1], None)[0].is_none(),
            "standard input: no folder"
        );
    }
}
