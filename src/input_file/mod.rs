//! The one bounded reader for every file jinju reads (interview, errata, quotes, lines, job,
//! template, font, background image): the cap counts the bytes actually read, so a pipe, a
//! device or a file that grows while it is read cannot exceed it, and FIFOs, devices and
//! sockets are refused before they are opened (a FIFO would block, `/dev/zero` never ends).
//!
//! Written by hand: it is a `Read::take` plus a file-type check, which no crate packages with
//! the messages jinju needs. Text is decoded by [`decode`] (UTF-8/16/32, BOMs, line ends,
//! legacy encodings named).

pub mod decode;

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Read at most `limit` bytes of the regular file (or process substitution pipe) at `path`.
///
/// Errors are `io::Error`s whose message says what was wrong: not found, a folder, a FIFO or
/// device (refused: jinju reads only regular files and anonymous pipes), or over the limit
/// (kind `FileTooLarge`).
pub fn read_bytes(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let meta = std::fs::metadata(path)?;
    refuse_special(path, &meta)?;
    let file = File::open(path)?;
    read_bounded(file, limit)
}

/// Read at most `limit` bytes from `reader`; one byte more is an error.
pub fn read_bounded(reader: impl Read, limit: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!("it holds more than {limit} bytes, the limit for this kind of file"),
        ));
    }
    Ok(bytes)
}

/// Refuse folders, FIFOs, devices and sockets. An anonymous pipe (`<(…)`, `/dev/stdin` on a
/// pipe) is allowed: it ends, and the bounded read caps it.
fn refuse_special(path: &Path, meta: &std::fs::Metadata) -> io::Result<()> {
    let kind = meta.file_type();
    let what = if kind.is_dir() {
        Some("a directory")
    } else {
        special_kind(path, meta)
    };
    match what {
        Some(what) => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("it is {what}, not a regular file: give a file"),
        )),
        None => Ok(()),
    }
}

#[cfg(unix)]
fn special_kind(path: &Path, meta: &std::fs::Metadata) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_block_device() || kind.is_char_device() {
        Some("a device")
    } else if kind.is_socket() {
        Some("a socket")
    } else if kind.is_fifo() && !is_anonymous_pipe(path) {
        Some("a named pipe (FIFO), which could block forever")
    } else {
        None
    }
}

#[cfg(not(unix))]
fn special_kind(_: &Path, _: &std::fs::Metadata) -> Option<&'static str> {
    None
}

/// An anonymous pipe is reached through links (`/dev/stdin` → `/proc/self/fd/0` →
/// `pipe:[…]`, `/dev/fd/63` from `<(…)`); a named FIFO is a file in a folder.
#[cfg(unix)]
fn is_anonymous_pipe(path: &Path) -> bool {
    let mut at = path.to_path_buf();
    for _ in 0..8 {
        match std::fs::read_link(&at) {
            Ok(target) if target.to_string_lossy().starts_with("pipe:[") => return true,
            Ok(target) => at = at.parent().unwrap_or(Path::new("/")).join(target),
            Err(_) => return false,
        }
    }
    false
}

/// Read a text file of at most `limit` bytes (see [`read_bytes`]) as UTF-8, UTF-16 or
/// UTF-32 (see [`decode`]); `what` names it in errors (`interview`, `quotes file`).
pub fn read_text(path: &Path, what: &str, limit: u64) -> anyhow::Result<String> {
    read_text_in(path, what, limit, None)
}

/// [`read_text`] in a legacy `encoding` the user named (`--encoding`; a BOM still wins).
pub fn read_text_in(
    path: &Path,
    what: &str,
    limit: u64,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> anyhow::Result<String> {
    let bytes = read_file(path, what, limit)?;
    decode_text(bytes, path, what, encoding)
}

/// `-`: standard input, as every input flag takes it.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Read a file of at most `limit` bytes (see [`read_bytes`]), or standard input for `-`, with
/// errors that name it.
pub fn read_file(path: &Path, what: &str, limit: u64) -> anyhow::Result<Vec<u8>> {
    if is_stdin(path) {
        return read_bounded(io::stdin().lock(), limit)
            .map_err(|e| anyhow::anyhow!("cannot read {what} from standard input: {e}"));
    }
    let shown = crate::printable::escape(&path.display().to_string());
    read_bytes(path, limit).map_err(|e| {
        let hint = if e.kind() == io::ErrorKind::NotFound {
            ": check the path"
        } else {
            ""
        };
        anyhow::anyhow!("cannot read {what} `{shown}`: {e}{hint}")
    })
}

/// The bytes read from `path` as text (see [`decode`]: UTF-8/16/32, or the legacy
/// `encoding` the user named); binary and unnamed legacy encodings are refused with the fix.
pub fn decode_text(
    bytes: Vec<u8>,
    path: &Path,
    what: &str,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> anyhow::Result<String> {
    let shown = crate::printable::escape(&path.display().to_string());
    decode::decode(bytes, encoding)
        .map_err(|e| anyhow::anyhow!(e.message(what, &shown, what == "interview")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_counts_bytes_read() {
        let data = [b'a'; 100];
        assert_eq!(read_bounded(&data[..], 100).unwrap().len(), 100);
        let err = read_bounded(&data[..], 99).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
        // An endless source stops at the cap.
        let err = read_bounded(io::repeat(0), 1 << 20).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_folders_are_refused() {
        let err = read_bytes(Path::new("/dev/zero"), 10).unwrap_err();
        assert!(err.to_string().contains("a device"), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let err = read_bytes(dir.path(), 10).unwrap_err();
        assert!(err.to_string().contains("a directory"), "{err}");
    }

    #[test]
    fn text_errors_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        std::fs::write(&p, "x".repeat(20)).unwrap();
        let err = read_text(&p, "interview", 10).unwrap_err().to_string();
        assert!(err.contains("big.txt") && err.contains("10 bytes"), "{err}");
        let err = read_text(&dir.path().join("none"), "interview", 10)
            .unwrap_err()
            .to_string();
        assert!(err.contains("check the path"), "{err}");
    }
}
