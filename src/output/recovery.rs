//! Recovering from a run that stopped part-way: the swap journal, the output folder's
//! identity, and the cleaning of a killed run's leftovers.
//!
//! Before the staged files are swapped in, `commit` writes `manifest.partial.json` (the
//! journal): every file the swap may leave in the folder — the previous manifest's files
//! and this run's — with the folder's identity. A swap stopped at any point (a signal,
//! SIGKILL, an I/O error, a file-size limit) leaves the journal behind, so the next plain
//! run knows those files are jinju's, replaces them, removes the stale ones, writes a true
//! manifest and then removes the journal. A manifest or journal is trusted only when it
//! records this folder's identity (device and inode), so a `manifest.json` copied or
//! planted from elsewhere never makes jinju replace or delete a user's file.
//!
//! A killed run's `.jinju-staging-*` folders and `.jinju-*.tmp` files are removed by the
//! next run in that folder, but only those that are jinju's by name *and* content: a
//! staging folder holds the [`STAGING_MARKER`] file, a temp file starts like a jinju
//! manifest, journal or card-entry spill (or is empty).

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::Path;

/// The journal of a swap in progress, next to `manifest.json`.
pub const JOURNAL: &str = "manifest.partial.json";

/// The file inside every staging folder that says it is jinju's.
pub const STAGING_MARKER: &str = ".jinju-staging";

/// What [`STAGING_MARKER`] holds.
pub const STAGING_MARKER_TEXT: &[u8] = b"jinju staging folder: removed by the next jinju run\n";

/// How every jinju manifest and journal starts (`Manifest::write_json`, [`write_journal`]).
pub const MANIFEST_HEAD: &[u8] = b"{\n  \"generator\": \"jinju";

/// The first line of a card-entry spill file.
pub const SPILL_HEAD: &[u8] = b"{\"generator\":\"jinju card entries\"}\n";

/// The identity of the folder `dir`: its device and inode, so a manifest moved or copied
/// from another folder does not match. `None` when it cannot be read.
pub fn folder_id(dir: &Path) -> Option<String> {
    let meta = std::fs::metadata(dir).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(format!("{}:{}", meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        dir.canonicalize().ok().map(|p| p.display().to_string())
    }
}

/// The journal as written.
#[derive(Serialize, Deserialize)]
struct Journal {
    generator: String,
    complete: bool,
    folder: String,
    files: Vec<String>,
}

/// Write the journal naming `files` for the folder `root` (atomically: it is whole or absent).
pub fn write_journal<'a>(
    root: &Path,
    files: impl IntoIterator<Item = &'a String>,
) -> anyhow::Result<()> {
    let journal = Journal {
        generator: format!("jinju {}", env!("CARGO_PKG_VERSION")),
        complete: false,
        folder: folder_id(root).unwrap_or_default(),
        files: files.into_iter().cloned().collect(),
    };
    super::outdir::write_atomic(root, &root.join(JOURNAL), |w| {
        serde_json::to_writer_pretty(&mut *w, &journal).map_err(std::io::Error::other)?;
        w.write_all(b"\n")
    })
}

/// The files the journal in `dir` names, when it is jinju's own for this folder.
pub fn journaled(dir: &Path) -> Option<HashSet<String>> {
    let bytes =
        crate::input_file::read_bytes(&dir.join(JOURNAL), super::guard::MAX_MANIFEST_BYTES).ok()?;
    let j: Journal = serde_json::from_slice(&bytes).ok()?;
    let ours = j.generator.starts_with("jinju") && Some(j.folder) == folder_id(dir);
    ours.then(|| j.files.into_iter().collect())
}

/// Remove the journal: the swap it recorded is complete.
pub fn finish_journal(root: &Path) {
    let _ = std::fs::remove_file(root.join(JOURNAL));
}

/// Remove the leftovers of killed jinju runs directly in `dir` (the caller holds its lock,
/// so none belongs to a run in progress). Returns how many were removed.
pub fn clean_leftovers(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        let gone = if kind.is_dir() && name.starts_with(".jinju-staging-") {
            is_staging_folder(&path) && std::fs::remove_dir_all(&path).is_ok()
        } else if kind.is_file() && name.starts_with(".jinju-") && name.ends_with(".tmp") {
            is_jinju_temp(&path) && std::fs::remove_file(&path).is_ok()
        } else {
            false
        };
        removed += usize::from(gone);
    }
    removed
}

/// A staging folder: it holds the marker, or is empty (killed before the marker was made).
fn is_staging_folder(path: &Path) -> bool {
    let marker = std::fs::read(path.join(STAGING_MARKER));
    marker.is_ok_and(|m| m == STAGING_MARKER_TEXT)
        || std::fs::read_dir(path).is_ok_and(|mut d| d.next().is_none())
}

/// A temp file jinju wrote: empty, or starting (as far as it was written) like a manifest,
/// journal or spill.
fn is_jinju_temp(path: &Path) -> bool {
    let head = std::fs::File::open(path)
        .and_then(|f| crate::input_file::read_bounded(std::io::Read::take(f, 64), 64));
    let Ok(head) = head else { return false };
    head.is_empty()
        || [MANIFEST_HEAD, SPILL_HEAD].iter().any(|sig| {
            let n = head.len().min(sig.len());
            head[..n] == sig[..n]
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn only_jinju_leftovers_are_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let staging = d.join(".jinju-staging-abc");
        fs::create_dir(&staging).unwrap();
        fs::write(staging.join(STAGING_MARKER), STAGING_MARKER_TEXT).unwrap();
        fs::write(staging.join("a.png"), b"png").unwrap();
        fs::create_dir(d.join(".jinju-staging-empty")).unwrap();
        let foreign = d.join(".jinju-staging-mine");
        fs::create_dir(&foreign).unwrap();
        fs::write(foreign.join("notes.txt"), b"keep").unwrap();
        fs::write(
            d.join(".jinju-a.tmp"),
            b"{\n  \"generator\": \"jinju 0.1.0\",\n  \"ti",
        )
        .unwrap();
        fs::write(d.join(".jinju-b.tmp"), SPILL_HEAD).unwrap();
        fs::write(d.join(".jinju-c.tmp"), b"").unwrap();
        fs::write(d.join(".jinju-d.tmp"), b"my diary").unwrap();
        fs::write(d.join("e.tmp"), b"").unwrap();
        assert_eq!(clean_leftovers(d), 5);
        let mut left: Vec<_> = fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, [".jinju-d.tmp", ".jinju-staging-mine", "e.tmp"]);
    }

    #[test]
    fn a_journal_is_trusted_only_in_its_own_folder() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let files = ["cards/x.png".to_string(), "book.epub".to_string()];
        write_journal(a.path(), &files).unwrap();
        let names = journaled(a.path()).unwrap();
        assert!(names.contains("cards/x.png") && names.contains("book.epub"));
        fs::copy(a.path().join(JOURNAL), b.path().join(JOURNAL)).unwrap();
        assert!(journaled(b.path()).is_none(), "copied from another folder");
        finish_journal(a.path());
        assert!(journaled(a.path()).is_none());
    }
}
