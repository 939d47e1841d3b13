//! What a run may write over. jinju replaces only files it wrote itself — those a jinju
//! `manifest.json` (or unfinished swap's journal) for that very folder names, in the file's
//! folder or the one above — and, for `jinju epub -o`,
//! an existing EPUB. Anything else that exists (a user's `index.html`, the interview itself)
//! is refused unless `--force`; a symbolic link, a folder, a device, a FIFO or one of the
//! run's own inputs is refused always.

use anyhow::bail;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

/// The file identity (device, inode) of each input, so no output lands on one even through
/// another name.
type FileId = (u64, u64);

/// What a run may replace.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// `--force`: replace files jinju did not write (never links, devices or inputs).
    pub force: bool,
    inputs: Vec<FileId>,
}

impl Policy {
    /// A policy protecting `inputs` (paths that do not exist are skipped).
    pub fn new<'a>(force: bool, inputs: impl IntoIterator<Item = &'a Path>) -> Policy {
        Policy {
            force,
            inputs: inputs
                .into_iter()
                .filter_map(|p| std::fs::metadata(p).ok())
                .filter_map(|m| file_id(&m))
                .collect(),
        }
    }

    fn is_input(&self, meta: &std::fs::Metadata) -> bool {
        file_id(meta).is_some_and(|id| self.inputs.contains(&id))
    }
}

#[cfg(unix)]
fn file_id(meta: &std::fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(_: &std::fs::Metadata) -> Option<FileId> {
    None
}

/// Refuse a path whose folders, as the user wrote them, include a symbolic link: output
/// stays inside the folder named, not wherever a link points.
pub fn refuse_links(given: &Path) -> anyhow::Result<()> {
    let mut at = PathBuf::new();
    for c in given.components() {
        at.push(c);
        if !matches!(c, Component::Normal(_)) {
            continue;
        }
        if let Ok(m) = std::fs::symlink_metadata(&at)
            && m.file_type().is_symlink()
        {
            let real = std::fs::canonicalize(&at)
                .map_or_else(|_| "?".to_string(), |p| p.display().to_string());
            bail!(
                "refusing to write through the symbolic link `{}` (it points to `{}`): give the \
                 real folder instead",
                shown(&at),
                crate::printable::escape(&real)
            );
        }
    }
    Ok(())
}

/// `path` for a message, escaped.
pub fn shown(path: &Path) -> String {
    crate::printable::escape(&path.display().to_string())
}

/// Why an existing `path` may not be replaced (`None`: it does not exist, or it may).
/// `owned` says whether jinju wrote it; `replaceable` covers other files jinju may replace.
pub fn check_target(
    path: &Path,
    policy: &Policy,
    owned: impl FnOnce() -> bool,
) -> anyhow::Result<()> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => bail!("cannot check `{}` before replacing it: {e}", shown(path)),
    };
    let kind = meta.file_type();
    if kind.is_symlink() {
        bail!(
            "refusing to replace `{}`: it is a symbolic link; jinju writes only regular files \
             (remove the link or choose another output)",
            shown(path)
        );
    }
    if !kind.is_file() {
        let what = if kind.is_dir() {
            "a folder"
        } else {
            "a device, FIFO or socket"
        };
        bail!(
            "refusing to replace `{}`: it is {what}, not a file (choose another output)",
            shown(path)
        );
    }
    if policy.is_input(&meta) {
        bail!(
            "refusing to write `{}`: it is one of this run's inputs; choose another output",
            shown(path)
        );
    }
    if policy.force || owned() {
        return Ok(());
    }
    bail!(
        "refusing to replace `{}`: it exists and no jinju manifest.json names it, so jinju did \
         not write it; move it away, choose another output, or pass --force to replace it",
        shown(path)
    )
}

/// True when `path` starts like an EPUB (a zip whose first entry is `mimetype`).
pub fn is_epub(path: &Path) -> bool {
    let head = std::fs::File::open(path)
        .and_then(|f| crate::input_file::read_bounded(std::io::Read::take(f, 58), 58));
    head.is_ok_and(|h| {
        h.starts_with(b"PK\x03\x04") && h[30..].starts_with(b"mimetypeapplication/epub+zip")
    })
}

/// The manifest fields that say who wrote which file.
#[derive(Deserialize)]
struct Written {
    generator: String,
    /// The identity of the folder it was written in ([`super::recovery::folder_id`]).
    #[serde(default)]
    folder: Option<String>,
    artifacts: Vec<WrittenFile>,
}

#[derive(Deserialize)]
struct WrittenFile {
    path: String,
}

/// Largest manifest.json read back (a million cards' worth).
pub const MAX_MANIFEST_BYTES: u64 = 1 << 30;

/// The files jinju wrote in `dir`, relative to it (safe paths only): those its
/// `manifest.json` names, with `manifest.json` itself, and those the journal of an
/// unfinished swap names — each only when it is jinju's own for this folder (it records the
/// folder's identity). Empty when there is neither.
pub fn written_by_jinju(dir: &Path) -> HashSet<String> {
    let mut names = super::recovery::journaled(dir).unwrap_or_default();
    let path = dir.join("manifest.json");
    let read = crate::input_file::read_bytes(&path, MAX_MANIFEST_BYTES)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Written>(&bytes).ok());
    if let Some(m) = read
        && m.generator.starts_with("jinju")
        && m.folder.is_some()
        && m.folder == super::recovery::folder_id(dir)
    {
        names.extend(m.artifacts.into_iter().map(|a| a.path));
        names.insert("manifest.json".into());
    }
    names.retain(|p| is_safe_relative(p));
    names
}

/// A relative path of plain components (no `..`, no root).
pub fn is_safe_relative(rel: &str) -> bool {
    !rel.is_empty()
        && Path::new(rel)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// Which files jinju wrote, by the manifests of their folder and the folder above it (a
/// `build`'s manifest names `cards/x.png`, a `cards` run's names `x.png`).
#[derive(Default)]
pub struct Ownership {
    manifests: HashMap<PathBuf, HashSet<String>>,
}

impl Ownership {
    pub fn owns(&mut self, path: &Path) -> bool {
        let mut rel = PathBuf::new();
        let mut at = path;
        for _ in 0..2 {
            let (Some(dir), Some(name)) = (at.parent(), at.file_name()) else {
                return false;
            };
            rel = Path::new(name).join(&rel);
            let names = self
                .manifests
                .entry(dir.to_path_buf())
                .or_insert_with(|| written_by_jinju(dir));
            let key = rel.to_string_lossy();
            if names.contains(key.trim_end_matches('/')) {
                return true;
            }
            at = dir;
        }
        false
    }
}
