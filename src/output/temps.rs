//! Every temporary file and staging folder jinju creates, tracked in one registry so that
//! SIGINT, SIGTERM and SIGHUP remove all of them, and the message printed on an interrupt
//! says what state the output folder is in.
//!
//! A temp is created while the registry's lock is held, and the signal handler takes the same
//! lock, marks the run interrupted and removes everything: a worker thread cannot create a
//! temp after the handler has cleaned up, so none is ever left behind.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

#[derive(Default)]
struct Registry {
    files: Vec<PathBuf>,
    folders: Vec<PathBuf>,
    /// The output folder whose files are being swapped in (manifest.json is absent then).
    committing: Option<PathBuf>,
    /// Outputs of this run already complete (earlier jobs of a batch).
    finished: usize,
    interrupted: bool,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry {
    files: Vec::new(),
    folders: Vec::new(),
    committing: None,
    finished: 0,
    interrupted: false,
});

fn registry() -> std::sync::MutexGuard<'static, Registry> {
    REGISTRY.lock().unwrap_or_else(|e| e.into_inner())
}

/// Create a temp file in `dir` (`.jinju-XXXXXX.tmp`), registered for removal on a signal.
pub fn file_in(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut reg = registry();
    refuse_if_interrupted(&reg)?;
    let tmp = tempfile::Builder::new()
        .prefix(".jinju-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    reg.files.push(tmp.path().to_path_buf());
    Ok(tmp)
}

/// Create the file `rel` (and its folders) inside the registered staging folder `staging`
/// unless the run was interrupted, so nothing reappears in a folder the handler removed.
pub fn create_staged(staging: &Path, rel: &str) -> std::io::Result<std::fs::File> {
    let reg = registry();
    refuse_if_interrupted(&reg)?;
    let path = staging.join(rel);
    if let Some(parent) = path.parent().filter(|p| *p != staging) {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::File::create_new(path)
}

/// Create a staging folder in `dir` (`.jinju-staging-XXXXXX`), registered for removal.
pub fn folder_in(dir: &Path) -> std::io::Result<tempfile::TempDir> {
    let mut reg = registry();
    refuse_if_interrupted(&reg)?;
    let tmp = tempfile::Builder::new()
        .prefix(".jinju-staging-")
        .tempdir_in(dir)?;
    reg.folders.push(tmp.path().to_path_buf());
    std::fs::write(
        tmp.path().join(super::recovery::STAGING_MARKER),
        super::recovery::STAGING_MARKER_TEXT,
    )?;
    Ok(tmp)
}

/// Forget a temp that was renamed into place or removed.
pub fn done(path: &Path) {
    let mut reg = registry();
    reg.files.retain(|p| p != path);
    reg.folders.retain(|p| p != path);
}

/// Mark `out` as being swapped in, for the interrupt message.
pub fn committing(out: &Path) {
    registry().committing = Some(out.to_path_buf());
}

/// The output being swapped in is complete.
pub fn committed() {
    let mut reg = registry();
    reg.committing = None;
    reg.finished += 1;
}

fn refuse_if_interrupted(reg: &Registry) -> std::io::Result<()> {
    if reg.interrupted {
        return Err(std::io::Error::new(
            std::io::ErrorKind::Interrupted,
            "the run was interrupted",
        ));
    }
    Ok(())
}

/// Remove every registered temp and say what the output is left as. Later calls (and temp
/// creation after this) do nothing: the run is over.
pub fn remove_all() -> String {
    let mut reg = registry();
    reg.interrupted = true;
    let mut removed = 0;
    for f in reg.files.drain(..) {
        removed += usize::from(std::fs::remove_file(f).is_ok());
    }
    for d in reg.folders.drain(..) {
        removed += usize::from(std::fs::remove_dir_all(d).is_ok());
    }
    let temps = match removed {
        0 => "no temporary file was left".to_string(),
        1 => "its temporary file was removed".to_string(),
        n => format!("its {n} temporary files and folders were removed"),
    };
    match &reg.committing {
        Some(out) => format!(
            "interrupted while replacing the files in `{}`: {temps}; its manifest.json was \
             removed first, so no manifest disagrees with the files; run again to finish (the \
             files swapped in so far are listed in manifest.partial.json)",
            crate::printable::escape(&out.display().to_string())
        ),
        None if reg.finished > 0 => format!(
            "interrupted: {temps}; the {} output(s) this run finished before are complete, the \
             one in progress was not changed",
            reg.finished
        ),
        None => format!("interrupted: {temps}; no output was changed"),
    }
}

/// Whether a signal ended the run: the handler is removing the temps and will exit 130.
pub fn interrupted() -> bool {
    registry().interrupted
}

/// Called by a thread that failed because the run was interrupted: wait for the signal
/// handler to finish its cleanup and exit 130 with the true message, so the failure it
/// caused is not reported as an error of its own (exit 1).
pub fn wait_for_handler() -> ! {
    // The handler exits within moments; this bound only guards against a handler that died.
    std::thread::sleep(std::time::Duration::from_secs(10));
    std::process::exit(130);
}

/// Install the handler for SIGINT, SIGTERM and SIGHUP: remove every temp, say so, exit 130.
pub fn install_signal_handler() {
    let _ = ctrlc::set_handler(|| {
        let message = remove_all();
        eprintln!("{message}");
        std::process::exit(130);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registered_temps_are_tracked_and_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = file_in(dir.path()).unwrap();
        let path = tmp.path().to_path_buf();
        assert!(registry().files.contains(&path));
        done(&path);
        assert!(!registry().files.contains(&path));
    }
}
