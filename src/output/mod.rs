//! Writing results: atomic file writes confined to the output folder, the manifest, and the
//! gallery page. The only module (with `commands`) that touches the filesystem for output.

mod gallery;
mod manifest;

pub use gallery::gallery;
pub use manifest::{Artifact, Manifest};

use anyhow::{Context, bail};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// Temp files being written, removed by the Ctrl-C handler so an interrupt leaves nothing.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Remove every temp file still being written (called on Ctrl-C).
pub fn remove_pending() {
    if let Ok(mut pending) = PENDING.lock() {
        for p in pending.drain(..) {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Install the Ctrl-C handler: remove temp files, exit 130.
pub fn install_interrupt_handler() {
    let _ = ctrlc::set_handler(|| {
        remove_pending();
        eprintln!("interrupted: no partial file was left");
        std::process::exit(130);
    });
}

/// An output folder. Every path written is relative, made of safe components, and inside it.
#[derive(Debug, Clone)]
pub struct OutDir {
    root: PathBuf,
}

impl OutDir {
    /// Create (if needed) and open an output folder.
    pub fn create(root: &Path) -> anyhow::Result<OutDir> {
        if root.exists() && !root.is_dir() {
            bail!(
                "output `{}` exists and is not a folder: choose another --out",
                root.display()
            );
        }
        std::fs::create_dir_all(root).with_context(|| {
            format!(
                "cannot create output folder `{}`: check its permissions or choose another --out",
                root.display()
            )
        })?;
        let root = root
            .canonicalize()
            .with_context(|| format!("cannot open output folder `{}`", root.display()))?;
        Ok(OutDir { root })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Resolve a relative path: no `..`, no absolute parts, no symlinked folder on the way.
    fn resolve(&self, rel: &str) -> anyhow::Result<PathBuf> {
        let rel_path = Path::new(rel);
        if rel.is_empty()
            || !rel_path
                .components()
                .all(|c| matches!(c, Component::Normal(_)))
        {
            bail!("refusing to write `{rel}`: output paths must stay inside the output folder");
        }
        let mut dir = self.root.clone();
        let parts: Vec<_> = rel_path.components().collect();
        for c in &parts[..parts.len() - 1] {
            dir.push(c);
            match std::fs::symlink_metadata(&dir) {
                Ok(m) if m.file_type().is_symlink() => bail!(
                    "refusing to write through the symbolic link `{}`",
                    dir.display()
                ),
                Ok(m) if !m.is_dir() => bail!("`{}` is not a folder", dir.display()),
                Ok(_) => {}
                Err(_) => std::fs::create_dir(&dir)
                    .with_context(|| format!("cannot create folder `{}`", dir.display()))?,
            }
        }
        Ok(self.root.join(rel_path))
    }

    /// Write `bytes` to `rel` atomically: a temp file in the same folder, then a rename, so a
    /// failure or an interrupt never leaves a truncated file. Returns the sha256 in hex.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> anyhow::Result<String> {
        let path = self.resolve(rel)?;
        let dir = path.parent().unwrap_or(&self.root);
        let mut tmp = tempfile::Builder::new()
            .prefix(".jinju-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .with_context(|| {
                format!(
                    "cannot write in `{}`: check its permissions or choose another --out",
                    dir.display()
                )
            })?;
        let tmp_path = tmp.path().to_path_buf();
        if let Ok(mut p) = PENDING.lock() {
            p.push(tmp_path.clone());
        }
        // Temp files are created private (0600); the result is an ordinary file (0644).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = tmp
                .as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644));
        }
        let result = tmp
            .write_all(bytes)
            .and_then(|_| tmp.as_file().sync_data())
            .map_err(anyhow::Error::from)
            .and_then(|_| tmp.persist(&path).map(|_| ()).map_err(|e| e.error.into()));
        if let Ok(mut p) = PENDING.lock() {
            p.retain(|q| q != &tmp_path);
        }
        result.with_context(|| format!("cannot write `{}`", path.display()))?;
        Ok(sha256(bytes))
    }
}

/// Hex sha256 of bytes.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_are_atomic_and_confined() {
        let dir = tempfile::tempdir().unwrap();
        let out = OutDir::create(&dir.path().join("out")).unwrap();
        out.write("cards/a.png", b"x").unwrap();
        assert_eq!(std::fs::read(out.root().join("cards/a.png")).unwrap(), b"x");
        for bad in ["../x", "/etc/x", "a/../../x", ""] {
            assert!(out.write(bad, b"y").is_err(), "{bad}");
        }
        let names: Vec<_> = std::fs::read_dir(out.root().join("cards"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temp file left: {names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn symlinked_folders_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let out = OutDir::create(&dir.path().join("out")).unwrap();
        std::os::unix::fs::symlink(outside.path(), out.root().join("cards")).unwrap();
        let err = out.write("cards/a.png", b"x").unwrap_err().to_string();
        assert!(err.contains("symbolic link"), "{err}");
        assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
    }
}
