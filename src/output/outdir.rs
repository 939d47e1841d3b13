//! An output folder and the staged run that fills it.
//!
//! The staging design: a run writes every file (cards as they are rendered, the EPUB, the
//! gallery) into `DIR/.jinju-staging-XXXXXX/`, never into `DIR` itself. Only when all of them
//! are written does `commit` check every target, remove the old `manifest.json`, rename the
//! staged files into place, remove the files the old manifest named that this run did not
//! make, and write the new `manifest.json` last. So a run that fails or is interrupted before
//! the commit leaves `DIR` exactly as it was (the staging folder is removed), and one
//! interrupted during the commit leaves no manifest at all: a manifest in `DIR` always
//! agrees with the files. Before the swap the journal `manifest.partial.json` names every
//! file it may leave, so a plain rerun finishes an interrupted swap (see `recovery`). The folder is locked (`flock` on the folder itself) for the whole
//! run, so a second run on it fails at once instead of interleaving.

use super::guard::{self, Ownership, Policy, shown};
use super::{fault, recovery, temps};
use anyhow::{Context, bail};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// An output folder, resolved once and locked. Every path written is relative, made of safe
/// components, and inside it.
#[derive(Debug)]
pub struct OutDir {
    root: PathBuf,
    /// The folder as the user named it, for messages.
    given: PathBuf,
    policy: Policy,
    _lock: std::fs::File,
}

impl OutDir {
    /// Create (if needed), resolve and lock an output folder.
    pub fn create(given: &Path, policy: &Policy) -> anyhow::Result<OutDir> {
        if given.as_os_str().is_empty() {
            bail!("the output folder is empty: give a folder name");
        }
        guard::refuse_links(given)?;
        if given.exists() && !given.is_dir() {
            bail!(
                "output `{}` exists and is not a folder: choose another --out",
                shown(given)
            );
        }
        std::fs::create_dir_all(given).with_context(|| {
            format!(
                "cannot create output folder `{}`: check its permissions or choose another --out",
                shown(given)
            )
        })?;
        let root = given
            .canonicalize()
            .with_context(|| format!("cannot open output folder `{}`", shown(given)))?;
        let lock = std::fs::File::open(&root)
            .with_context(|| format!("cannot open output folder `{}`", shown(given)))?;
        if let Err(e) = lock.try_lock() {
            match e {
                std::fs::TryLockError::WouldBlock => bail!(
                    "another jinju run is writing to `{}`: wait for it to finish, or choose \
                     another --out",
                    shown(given)
                ),
                std::fs::TryLockError::Error(e) => {
                    return Err(e).with_context(|| format!("cannot lock `{}`", shown(given)));
                }
            }
        }
        refuse_inside_another_run(&root, given)?;
        recovery::clean_leftovers(&root);
        Ok(OutDir {
            root,
            given: given.to_path_buf(),
            policy: policy.clone(),
            _lock: lock,
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Start a staged run in this folder.
    pub fn stage(&self) -> anyhow::Result<Staging<'_>> {
        let dir = temps::folder_in(&self.root).with_context(|| {
            format!(
                "cannot write in `{}`: check its permissions or choose another --out",
                shown(&self.given)
            )
        })?;
        Ok(Staging {
            out: self,
            dir,
            staged: Mutex::new(Vec::new()),
        })
    }

    /// The absolute path of `rel`, creating its folders: no `..`, no absolute parts, no
    /// symbolic link on the way.
    fn resolve(&self, rel: &str) -> anyhow::Result<PathBuf> {
        if !guard::is_safe_relative(rel) {
            bail!("refusing to write `{rel}`: output paths must stay inside the output folder");
        }
        let rel_path = Path::new(rel);
        let mut dir = self.root.clone();
        if let Some(parent) = rel_path.parent() {
            for c in parent.components() {
                dir.push(c);
                match std::fs::symlink_metadata(&dir) {
                    Ok(m) if m.file_type().is_symlink() => bail!(
                        "refusing to write through the symbolic link `{}`",
                        shown(&dir)
                    ),
                    Ok(m) if !m.is_dir() => bail!("`{}` is not a folder", shown(&dir)),
                    Ok(_) => {}
                    Err(_) => std::fs::create_dir(&dir)
                        .with_context(|| format!("cannot create folder `{}`", shown(&dir)))?,
                }
            }
        }
        Ok(self.root.join(rel_path))
    }
}

/// A run being written into the staging folder of an [`OutDir`]; dropped without
/// [`Staging::commit`], it leaves the folder as it was.
pub struct Staging<'a> {
    out: &'a OutDir,
    dir: tempfile::TempDir,
    staged: Mutex<Vec<String>>,
}

impl Staging<'_> {
    /// Stage `bytes` as `rel`; returns their sha256 in hex. Safe to call from many threads.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> anyhow::Result<String> {
        Ok(self.write_with(rel, |w| w.write_all(bytes))?.0)
    }

    /// Stage what `fill` writes as `rel` (streamed: never whole in memory); returns its
    /// sha256 in hex and its length.
    pub fn write_with(
        &self,
        rel: &str,
        fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> anyhow::Result<(String, usize)> {
        if !guard::is_safe_relative(rel) {
            bail!("refusing to write `{rel}`: output paths must stay inside the output folder");
        }
        let written = temps::create_staged(self.dir.path(), rel).and_then(|f| {
            let mut w = super::HashingWriter::new(std::io::BufWriter::new(f));
            fill(&mut w)?;
            w.finish()
        });
        let (sha256, len) = written.with_context(|| {
            format!(
                "cannot write `{}` (staged in `{}`)",
                shown(&self.out.given.join(rel)),
                shown(self.dir.path())
            )
        })?;
        self.staged
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(rel.to_string());
        Ok((sha256, len))
    }

    /// A temp file in the output folder, not among the outputs, for the manifest's card
    /// entries (it outlives the staging folder, for the summary and `--format json`).
    pub fn spill(&self) -> anyhow::Result<super::manifest::EntryWriter> {
        let file = temps::file_in(&self.out.root)
            .with_context(|| format!("cannot write in `{}`", shown(&self.out.given)))?;
        Ok(super::manifest::EntryWriter::new(file)?)
    }

    /// Swap the staged files into the folder and write `manifest` as `manifest.json`, last
    /// (serialised straight into the file: no copy of it in memory).
    pub fn commit(self, manifest: &super::Manifest) -> anyhow::Result<()> {
        let out = self.out;
        let mut staged = self.staged.into_inner().unwrap_or_else(|e| e.into_inner());
        staged.sort();
        let mut ownership = Ownership::default();
        for rel in staged.iter().map(String::as_str).chain(["manifest.json"]) {
            guard::check_target(&out.root.join(rel), &out.policy, || {
                ownership.owns(&out.root.join(rel))
            })?;
        }
        let previous = guard::written_by_jinju(&out.root);
        let journal = out.root.join(recovery::JOURNAL);
        guard::check_target(&journal, &out.policy, || {
            recovery::journaled(&out.root).is_some()
        })?;
        recovery::write_journal(&out.root, previous.iter().chain(&staged))?;
        temps::committing(&out.given);
        let manifest_path = out.root.join("manifest.json");
        match std::fs::remove_file(&manifest_path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(e).with_context(|| {
                    format!(
                        "cannot replace `{}`",
                        shown(&out.given.join("manifest.json"))
                    )
                });
            }
            _ => {}
        }
        for (step, rel) in staged.iter().enumerate() {
            let to = out.resolve(rel)?;
            fault::at_swap_step(step)
                .and_then(|()| std::fs::rename(self.dir.path().join(rel), &to))
                .with_context(|| {
                    format!(
                        "cannot write `{}`; the files swapped in so far are listed in `{}`: \
                         run again to finish",
                        shown(&out.given.join(rel)),
                        shown(&out.given.join(recovery::JOURNAL))
                    )
                })?;
        }
        remove_stale(out, &previous, &staged);
        fault::at_swap_step(staged.len()).context("cannot write manifest.json")?;
        let folder = recovery::folder_id(&out.root);
        write_atomic(&out.root, &manifest_path, |w| {
            manifest.write_json_in(w, folder.as_deref())
        })?;
        recovery::finish_journal(&out.root);
        temps::committed();
        temps::done(self.dir.path());
        Ok(())
    }
}

/// Remove the files the previous manifest named that this run did not make again (cards of
/// quotes no longer selected), so no unlisted card of an earlier run stays behind.
/// A folder whose files another run's manifest lists (`jinju cards --out BUILD/cards`)
/// is that run's: writing there would leave its manifest untrue, so it is refused.
fn refuse_inside_another_run(root: &Path, given: &Path) -> anyhow::Result<()> {
    for above in root.ancestors().skip(1) {
        let Ok(inner) = root.strip_prefix(above) else {
            continue;
        };
        let inner = inner.to_string_lossy().replace('\\', "/");
        let listed = guard::written_by_jinju(above)
            .into_iter()
            .any(|f| f.starts_with(&format!("{inner}/")));
        if listed {
            bail!(
                "output folder `{}` is inside the output of another jinju run (`{}`, whose \
                 manifest.json lists files in it): writing here would leave that manifest \
                 untrue; rerun the command that made that folder, or choose another --out",
                shown(given),
                shown(above)
            );
        }
    }
    Ok(())
}

fn remove_stale(out: &OutDir, previous: &HashSet<String>, staged: &[String]) {
    for rel in previous {
        if rel == "manifest.json" || staged.binary_search(rel).is_ok() {
            continue;
        }
        let path = out.root.join(rel);
        let is_plain_file = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file());
        let inside = path
            .parent()
            .and_then(|p| p.canonicalize().ok())
            .is_some_and(|p| p.starts_with(&out.root));
        if is_plain_file && inside && guard::check_target(&path, &out.policy, || true).is_ok() {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Write `path` atomically: `fill` writes into a registered temp file in `dir` (buffered),
/// then it is synced and renamed into place.
pub fn write_atomic(
    dir: &Path,
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let tmp = temps::file_in(dir).with_context(|| {
        format!(
            "cannot write in `{}`: check its permissions or choose another output",
            shown(dir)
        )
    })?;
    let tmp_path = tmp.path().to_path_buf();
    // Temp files are created private (0600); the result is an ordinary file (0644).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = tmp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut writer = std::io::BufWriter::new(tmp);
    let result = fill(&mut writer)
        .and_then(|_| writer.into_inner().map_err(|e| e.into_error()))
        .and_then(|tmp| tmp.as_file().sync_data().map(|_| tmp))
        .map_err(anyhow::Error::from)
        .and_then(|tmp| tmp.persist(path).map(|_| ()).map_err(|e| e.error.into()));
    temps::done(&tmp_path);
    result.with_context(|| format!("cannot write `{}`", shown(path)))
}

/// Write one file (`jinju epub -o FILE`) atomically. An existing file is replaced only when it
/// is an EPUB (or with `--force`); links, devices, FIFOs and the run's inputs never.
pub fn write_file(path: &Path, bytes: &[u8], policy: &Policy) -> anyhow::Result<()> {
    let name = path
        .file_name()
        .with_context(|| format!("`{}` names no file: give a file name", shown(path)))?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    guard::refuse_links(dir)?;
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create folder `{}`", shown(dir)))?;
    let target = dir.join(name);
    guard::check_target(&target, policy, || guard::is_epub(&target))?;
    write_atomic(dir, &target, |w| w.write_all(bytes))
}
