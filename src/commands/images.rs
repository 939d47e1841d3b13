//! The interview's images for the book, from where the source keeps them: a Markdown's
//! relative paths and a saved page's `_files/` folder (resolved against the input's folder
//! and never outside it: an untrusted page must not put `/etc/passwd` or `~/.ssh` into a
//! book), a Word file's media (its drawings), images inlined as `data:` addresses
//! ([`super::data_url`]), and remote http(s) images — these only from
//! the output folder's cache or, with `--fetch-images`, fetched ([`super::remote`]). Every
//! image is bounded, sniffed and scaled ([`super::image_bytes`]). An image that cannot be
//! had gets `None` and a warning naming it and why: the book shows a placeholder where it
//! stood and 关于本书 says that images are left out.

use super::data_url::is_data_url;
use super::image_bytes::{MAX_IMAGE_BYTES, checked};
use super::remote::cache::{CACHE_DIR, ImageCache};
use super::remote::{FetchPolicy, Fetcher, scheme};
use crate::epub::ImageFile;
use crate::interview::figures::Figure;
use crate::printable::excerpt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where the book's images come from.
#[derive(Debug, Clone, Default)]
pub struct ImageSources {
    /// The input file (`None`: standard input or the bundled interview): relative paths
    /// lead to its folder; a Word file's drawings are read from it.
    pub input: Option<PathBuf>,
    /// Remote images are fetched under this policy (`--fetch-images`); `None`: they are
    /// only read from the cache.
    pub fetch: Option<FetchPolicy>,
    /// The output folder, whose `.jinju-images/` keeps fetched images (`None`: the book
    /// goes to standard output and nothing is kept).
    pub out_folder: Option<PathBuf>,
}

impl ImageSources {
    /// The images of `input`, for a book written into `out_folder`, fetched when the
    /// command line says so.
    pub fn new(
        input: Option<&Path>,
        args: &crate::cli::BookArgs,
        out_folder: Option<&Path>,
    ) -> ImageSources {
        ImageSources {
            input: input
                .filter(|p| p.as_os_str() != "-")
                .map(Path::to_path_buf),
            fetch: args.fetch_images.then(|| FetchPolicy {
                allow_local: args.allow_local_images,
                ..FetchPolicy::default()
            }),
            out_folder: out_folder.map(Path::to_path_buf),
        }
    }

    /// The folder relative paths lead to.
    fn folder(&self) -> Option<PathBuf> {
        let input = self.input.as_deref()?;
        Some(match input.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        })
    }

    /// The input's bytes when it is a Word file (a zip), read under the input's cap.
    fn word_package(&self) -> Option<Vec<u8>> {
        let input = self.input.as_deref()?;
        let mut head = [0u8; 4];
        std::fs::File::open(input)
            .and_then(|mut f| f.read_exact(&mut head))
            .ok()?;
        if &head != b"PK\x03\x04" {
            return None;
        }
        crate::input_file::read_file(input, "interview", super::input::MAX_DOCX_BYTES).ok()
    }
}

/// Why an image is not in the book.
enum Missing {
    /// A remote image neither fetched nor cached.
    NotFetched,
    Because(String),
}

impl From<String> for Missing {
    fn from(why: String) -> Missing {
        Missing::Because(why)
    }
}

impl From<&str> for Missing {
    fn from(why: &str) -> Missing {
        Missing::Because(why.to_string())
    }
}

/// The files of `figures`, in order.
pub fn load(figures: &[Figure], sources: &ImageSources) -> Vec<Option<ImageFile>> {
    let folder = sources.folder();
    let any_local = figures.iter().any(|f| remote_url(&f.src).is_none());
    let word = any_local.then(|| sources.word_package()).flatten();
    let cache = sources.out_folder.as_deref().map(ImageCache::in_folder);
    let mut fetcher = sources.fetch.clone().map(Fetcher::new);
    let mut unfetched = 0;
    let files = figures
        .iter()
        .map(|f| {
            let got = match (remote_url(&f.src), &word) {
                _ if is_data_url(&f.src) => inline(&f.src),
                (Some(url), _) => remote(&url, cache.as_ref(), fetcher.as_mut()),
                (None, Some(package)) => word_media(package, &f.src),
                (None, None) => file(&f.src, folder.as_deref()),
            };
            match got {
                Ok(image) => Some(image),
                Err(Missing::NotFetched) => {
                    unfetched += 1;
                    None
                }
                Err(Missing::Because(why)) => {
                    eprintln!(
                        "warning: {} is not in the book ({why}); a placeholder stands in",
                        named(f)
                    );
                    None
                }
            }
        })
        .collect();
    if unfetched > 0 {
        eprintln!(
            "warning: {unfetched} remote image(s) are not in the book (jinju fetches none \
             unless asked: pass --fetch-images, and rebuilds read them from the output \
             folder's {CACHE_DIR}/); placeholders stand in"
        );
    }
    files
}

/// How a warning names the image of `f`: by its address, or — a drawing that names no
/// picture, an image inlined as `data:` (its address is its bytes) — by its description.
fn named(f: &Figure) -> String {
    let alt = f.alt.trim();
    let described = |what: String| match alt {
        "" => what,
        alt => format!("{what} “{}”", excerpt(alt, 40)),
    };
    if is_data_url(&f.src) {
        let kb = f.src.len().div_ceil(1024);
        described(format!("the inlined `data:` image ({kb} KB of text)"))
    } else if !f.src.is_empty() {
        format!("image `{}`", excerpt(&f.src, 200))
    } else if alt.is_empty() {
        "an image".to_string()
    } else {
        described("the image".to_string())
    }
}

/// An image inlined in the source as a `data:` address.
fn inline(src: &str) -> Result<ImageFile, Missing> {
    let bytes = super::data_url::decode(src, MAX_IMAGE_BYTES).map_err(|e| e.to_string())?;
    Ok(checked(bytes)?)
}

/// The http(s) address of a remote image (`//host/…` is taken as https), else `None`.
fn remote_url(src: &str) -> Option<String> {
    let src = src.trim();
    if src.starts_with("//") {
        return Some(format!("https:{src}"));
    }
    let scheme = scheme(src)?.to_ascii_lowercase();
    matches!(scheme.as_str(), "http" | "https").then(|| src.to_string())
}

/// A remote image: its cached copy, else fetched (and kept) when fetching is on.
fn remote(
    url: &str,
    cache: Option<&ImageCache>,
    fetcher: Option<&mut Fetcher>,
) -> Result<ImageFile, Missing> {
    let cached = cache.and_then(|c| c.get(url, MAX_IMAGE_BYTES));
    let stale = match cached.map(checked) {
        Some(Ok(image)) => return Ok(image),
        Some(Err(why)) => Some(format!("its copy in {CACHE_DIR}/: {why}")),
        None => None,
    };
    let Some(fetcher) = fetcher else {
        return Err(stale.map_or(Missing::NotFetched, Missing::Because));
    };
    let fetched = fetcher.fetch(url).map_err(|e| e.to_string())?;
    if let Some(cache) = cache
        && let Err(why) = cache.put(url, &fetched.bytes, fetched.media_type)
    {
        eprintln!(
            "warning: image `{}` is in the book but not kept in {CACHE_DIR}/ ({why}): a \
             rebuild fetches it again",
            excerpt(url, 200)
        );
    }
    Ok(checked(fetched.bytes)?)
}

/// A drawing of a Word file: its media part.
fn word_media(package: &[u8], part: &str) -> Result<ImageFile, Missing> {
    if part.is_empty() {
        return Err("the drawing names no picture in the file".into());
    }
    let bytes = crate::read::docx_media(package, part, MAX_IMAGE_BYTES).map_err(|e| match e {
        crate::read::DocxError::TooLarge { .. } => {
            format!("larger than {} MB", MAX_IMAGE_BYTES >> 20)
        }
        e => e.to_string(),
    })?;
    Ok(checked(bytes)?)
}

/// Where a source address points on disk, inside `base`.
fn local_path(src: &str, base: Option<&Path>) -> Result<PathBuf, Missing> {
    // A one-letter scheme is a Windows drive (`C:`), refused below as absolute.
    if let Some(s) = scheme(src).filter(|s| s.len() > 1) {
        return Err(format!("a `{s}:` address, not a file").into());
    }
    if src.is_empty() {
        return Err("the source names no file".into());
    }
    if src.starts_with('/') || src.starts_with('\\') || scheme(src).is_some() {
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

/// One local image read, checked and made fit for the book.
fn file(src: &str, base: Option<&Path>) -> Result<ImageFile, Missing> {
    let path = local_path(src, base)?;
    let f = std::fs::File::open(&path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    f.take(MAX_IMAGE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    Ok(checked(bytes)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::ImageFormat;

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

    fn sources(input: Option<PathBuf>) -> ImageSources {
        ImageSources {
            input,
            ..ImageSources::default()
        }
    }

    #[test]
    fn local_images_are_read_sniffed_and_scaled_and_the_rest_refused() {
        let dir = tempfile::tempdir().expect("dir");
        let input = dir.path().join("article");
        std::fs::create_dir_all(input.join("page_files")).expect("mkdir");
        std::fs::write(input.join("page_files/small.png"), png(40, 30)).expect("write");
        std::fs::write(input.join("big image.jpg.png"), png(3200, 800)).expect("write");
        std::fs::create_dir_all(input.join("c")).expect("mkdir");
        std::fs::write(input.join("c/filters:no_upscale()"), png(20, 10)).expect("write");
        std::fs::write(input.join("fake.png"), b"<html>not an image</html>").expect("write");
        std::fs::write(dir.path().join("secret.png"), png(4, 4)).expect("write");
        let srcs = [
            "page_files/small.png",
            "big%20image.jpg.png",
            "c/filters:no_upscale()?imageUrl=https%3A%2F%2Fimg.example%2Fa.png",
            "fake.png",
            "C:\\Users\\secret.png",
            "../secret.png",
            "missing.png",
            "https://example.com/a.png",
            "data:image/png;base64,AAAA",
        ];
        let figures: Vec<Figure> = srcs.iter().map(|s| figure(s)).collect();
        let files = load(&figures, &sources(Some(input.join("article.md"))));
        let small = files[0].as_ref().expect("the small one");
        assert_eq!(small.media_type, "image/png");
        assert_eq!(small.bytes, png(40, 30), "a small image goes in as it is");
        let big = files[1].as_ref().expect("the big one, sniffed as PNG");
        let dims = image::load_from_memory(&big.bytes).expect("decodes");
        assert_eq!((dims.width(), dims.height()), (1600, 400));
        assert_eq!(
            files[2].as_ref().map(|f| &f.bytes),
            Some(&png(20, 10)),
            "a colon in a path is no scheme"
        );
        for (i, f) in files.iter().enumerate().skip(3) {
            assert!(f.is_none(), "{} must be refused", srcs[i]);
        }
        assert!(
            load(&figures[..1], &sources(None))[0].is_none(),
            "standard input: no folder"
        );
    }

    #[test]
    fn a_remote_image_comes_from_the_cache_without_fetching() {
        let out = tempfile::tempdir().expect("dir");
        let url = "https://example.com/photo.png?imageMogr2/quality/90";
        ImageCache::in_folder(out.path())
            .put(url, &png(30, 20), "image/png")
            .expect("kept");
        let figures = [figure(url), figure("//example.com/other.png")];
        let files = load(
            &figures,
            &ImageSources {
                out_folder: Some(out.path().to_path_buf()),
                ..ImageSources::default()
            },
        );
        assert_eq!(files[0].as_ref().map(|f| &f.bytes), Some(&png(30, 20)));
        assert!(files[1].is_none(), "not cached, not fetched");
    }
}
