//! Writing results: staged, atomic writes confined to a locked output folder, the rules of
//! what may be replaced, the temp registry the signal handler cleans, the manifest, and the
//! gallery page. The only module (with `commands`) that touches the filesystem for output.

mod fault;
mod gallery;
mod guard;
mod manifest;
mod outdir;
mod recovery;
mod temps;

pub use gallery::gallery;
pub use guard::Policy;
pub use manifest::{Artifact, ArtifactKind, Entries, EntryWriter, Manifest};
pub use outdir::{OutDir, Staging, write_atomic, write_file};
pub use recovery::folder_id;
pub use temps::{install_signal_handler, interrupted, wait_for_handler};

use sha2::{Digest, Sha256};

/// Hex sha256 of bytes.
pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A writer that hashes (sha256) and counts what goes through it.
pub struct HashingWriter<W: std::io::Write> {
    inner: W,
    sha: Sha256,
    len: usize,
}

impl<W: std::io::Write> HashingWriter<W> {
    pub fn new(inner: W) -> Self {
        HashingWriter {
            inner,
            sha: Sha256::new(),
            len: 0,
        }
    }

    /// Flush; the hex sha256 and the length of everything written.
    pub fn finish(mut self) -> std::io::Result<(String, usize)> {
        self.inner.flush()?;
        Ok((hex(&self.sha.finalize()), self.len))
    }
}

impl<W: std::io::Write> std::io::Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.sha.update(&buf[..n]);
        self.len += n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// A manifest naming `paths`.
    fn naming(paths: &[&str]) -> Manifest {
        let artifacts = paths
            .iter()
            .map(|p| Artifact::plain(p.to_string(), ArtifactKind::Card, 1, String::new()))
            .collect();
        Manifest::new("t", None, 0, artifacts)
    }

    fn open(dir: &std::path::Path) -> OutDir {
        OutDir::create(dir, &Policy::default()).unwrap()
    }

    #[test]
    fn staged_writes_appear_only_on_commit_and_are_confined() {
        let dir = tempfile::tempdir().unwrap();
        let out = open(&dir.path().join("out"));
        let run = out.stage().unwrap();
        run.write("cards/a.png", b"x").unwrap();
        for bad in ["../x", "/etc/x", "a/../../x", ""] {
            assert!(run.write(bad, b"y").is_err(), "{bad}");
        }
        assert!(
            !out.root().join("cards/a.png").exists(),
            "not before commit"
        );
        run.commit(&naming(&["cards/a.png"])).unwrap();
        assert_eq!(fs::read(out.root().join("cards/a.png")).unwrap(), b"x");
        let names: Vec<_> = fs::read_dir(out.root())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        let mut names = names;
        names.sort();
        assert_eq!(names, ["cards", "manifest.json"], "no temp or staging left");
    }

    #[test]
    fn a_dropped_run_leaves_the_folder_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let out = open(dir.path());
        out.stage().unwrap().write("a.png", b"x").unwrap();
        assert_eq!(fs::read_dir(out.root()).unwrap().count(), 0);
    }

    #[test]
    fn files_jinju_did_not_write_are_refused_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("index.html"), b"mine").unwrap();
        let out = open(dir.path());
        let run = out.stage().unwrap();
        run.write("index.html", b"gallery").unwrap();
        let err = run.commit(&naming(&[])).unwrap_err().to_string();
        assert!(
            err.contains("--force") && err.contains("index.html"),
            "{err}"
        );
        assert_eq!(fs::read(dir.path().join("index.html")).unwrap(), b"mine");
        drop(out);
        let forced = OutDir::create(dir.path(), &Policy::new(true, [])).unwrap();
        let run = forced.stage().unwrap();
        run.write("index.html", b"gallery").unwrap();
        run.commit(&naming(&[])).unwrap();
        assert_eq!(fs::read(dir.path().join("index.html")).unwrap(), b"gallery");
    }

    #[test]
    fn a_second_run_on_a_locked_folder_fails_clearly() {
        let dir = tempfile::tempdir().unwrap();
        let _first = open(dir.path());
        let err = OutDir::create(dir.path(), &Policy::default()).unwrap_err();
        assert!(err.to_string().contains("another jinju run"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn symlinked_folders_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let out = open(&dir.path().join("out"));
        std::os::unix::fs::symlink(outside.path(), out.root().join("cards")).unwrap();
        let run = out.stage().unwrap();
        run.write("cards/a.png", b"x").unwrap();
        let err = run.commit(&naming(&[])).unwrap_err().to_string();
        assert!(err.contains("symbolic link"), "{err}");
        assert_eq!(fs::read_dir(outside.path()).unwrap().count(), 0);
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(outside.path(), &link).unwrap();
        let err = OutDir::create(&link.join("sub"), &Policy::default()).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
    }
}
