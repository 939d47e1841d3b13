//! The fetched images kept beside the book: `OUT/.jinju-images/<sha256 of the URL>.<ext>`,
//! the bytes as the server sent them, and `index.json` naming each file's URL (for people;
//! the files are found by their names). A rebuild reads an image from here before it
//! would fetch it, with or without `--fetch-images`, so it needs no network and makes the
//! same book. The folder is the user's and is treated as untrusted input: links are not
//! followed, files are bounded in size, and their bytes are checked like a local file's.

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The cache's folder inside the output folder.
pub const CACHE_DIR: &str = ".jinju-images";
const INDEX: &str = "index.json";
const EXTENSIONS: [&str; 4] = ["png", "jpg", "gif", "webp"];
/// The largest index read (a few hundred bytes an image).
const MAX_INDEX_BYTES: u64 = 4 << 20;

/// The cache of one output folder.
#[derive(Debug, Clone)]
pub struct ImageCache {
    dir: PathBuf,
}

/// The extension a cached image of `media_type` gets.
fn extension(media_type: &str) -> &'static str {
    match media_type {
        "image/png" => "png",
        "image/gif" => "gif",
        "image/webp" => "webp",
        _ => "jpg",
    }
}

/// True when `path` is a link (which the cache never follows).
fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

impl ImageCache {
    /// The cache of the output folder `out`.
    pub fn in_folder(out: &Path) -> ImageCache {
        ImageCache {
            dir: out.join(CACHE_DIR),
        }
    }

    /// A URL's file name without its extension.
    fn stem(url: &str) -> String {
        let digest = Sha256::digest(url.as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The bytes kept for `url`, if any (at most `limit` bytes; a larger file, a link or an
    /// unreadable one counts as none).
    pub fn get(&self, url: &str, limit: u64) -> Option<Vec<u8>> {
        if is_link(&self.dir) {
            return None;
        }
        let stem = Self::stem(url);
        EXTENSIONS.iter().find_map(|ext| {
            let path = self.dir.join(format!("{stem}.{ext}"));
            let meta = std::fs::symlink_metadata(&path).ok()?;
            if !meta.is_file() || meta.len() > limit {
                return None;
            }
            let mut bytes = Vec::new();
            std::fs::File::open(&path)
                .ok()?
                .take(limit + 1)
                .read_to_end(&mut bytes)
                .ok()?;
            (bytes.len() as u64 <= limit).then_some(bytes)
        })
    }

    /// Keep `bytes` (of `media_type`) for `url`: written whole or not at all, and named in
    /// the index.
    pub fn put(&self, url: &str, bytes: &[u8], media_type: &str) -> Result<(), String> {
        if is_link(&self.dir) {
            return Err(format!(
                "`{CACHE_DIR}` is a link, which jinju does not follow"
            ));
        }
        std::fs::create_dir_all(&self.dir).map_err(|e| format!("cannot create it: {e}"))?;
        let name = format!("{}.{}", Self::stem(url), extension(media_type));
        self.write(&name, bytes)?;
        let mut index = self.index();
        index.insert(name, url.to_string());
        let json = serde_json::to_vec_pretty(&index).map_err(|e| e.to_string())?;
        self.write(INDEX, &json)
    }

    /// The index as read (file → URL); empty when missing or unreadable.
    fn index(&self) -> BTreeMap<String, String> {
        let path = self.dir.join(INDEX);
        if is_link(&path) {
            return BTreeMap::new();
        }
        let mut bytes = Vec::new();
        let read = std::fs::File::open(&path)
            .and_then(|f| f.take(MAX_INDEX_BYTES).read_to_end(&mut bytes));
        match read {
            Ok(_) => serde_json::from_slice(&bytes).unwrap_or_default(),
            Err(_) => BTreeMap::new(),
        }
    }

    /// Write `name` in the cache through a temporary file renamed into place.
    fn write(&self, name: &str, bytes: &[u8]) -> Result<(), String> {
        crate::output::write_atomic(&self.dir, &self.dir.join(name), |w| w.write_all(bytes))
            .map_err(|e| format!("{e:#}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_image_is_kept_under_its_url_and_found_again() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ImageCache::in_folder(dir.path());
        let url = "https://example.com/a.jpg?imageMogr2/quality/90";
        assert_eq!(cache.get(url, 100), None, "nothing kept yet");
        cache.put(url, b"\xFF\xD8\xFFjpeg", "image/jpeg").unwrap();
        assert_eq!(
            cache.get(url, 100).as_deref(),
            Some(&b"\xFF\xD8\xFFjpeg"[..])
        );
        assert_eq!(cache.get(url, 3), None, "larger than the cap: not read");
        assert_eq!(cache.get("https://example.com/b.jpg", 100), None);
        let index = std::fs::read_to_string(dir.path().join(CACHE_DIR).join(INDEX)).unwrap();
        assert!(index.contains(url), "the index names the URL: {index}");
        assert!(
            index.contains(&format!("{}.jpg", ImageCache::stem(url))),
            "{index}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_cache_folder_or_file_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir_all(&elsewhere).unwrap();
        let url = "https://example.com/a.png";
        let stem = ImageCache::stem(url);
        std::fs::write(elsewhere.join(format!("{stem}.png")), b"\x89PNG").unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir_all(&out).unwrap();
        std::os::unix::fs::symlink(&elsewhere, out.join(CACHE_DIR)).unwrap();
        let cache = ImageCache::in_folder(&out);
        assert_eq!(cache.get(url, 100), None, "a linked folder is not read");
        assert!(cache.put(url, b"\x89PNG", "image/png").is_err());
        let plain = dir.path().join("plain");
        std::fs::create_dir_all(plain.join(CACHE_DIR)).unwrap();
        std::os::unix::fs::symlink(
            elsewhere.join(format!("{stem}.png")),
            plain.join(CACHE_DIR).join(format!("{stem}.png")),
        )
        .unwrap();
        assert_eq!(
            ImageCache::in_folder(&plain).get(url, 100),
            None,
            "nor a linked file"
        );
    }
}
