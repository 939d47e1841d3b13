//! Re-zip epub-builder's archive reproducibly: `mimetype` first and stored, every entry in
//! the crate's order stamped with the book's date (clamped to the zip era, 1980–2107) and the
//! same permissions (the crate stamps them "now"). Images and fonts are stored (see
//! [`stored_as_is`]); everything else is deflated. `edit` gets each entry on the way: that is
//! where the crate's empty placeholders get the book's files (the crate is given names and
//! media types only, so nothing big is compressed twice) and the package, nav and NCX what
//! the crate cannot write (`package`, `nav`). The pages are deflated [`ahead`], while the
//! fonts are subset, and copied in compressed.

use super::EpubError;
use chrono::{DateTime, Datelike, Timelike, Utc};
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// Where epub-builder puts the package document.
pub const PACKAGE_PATH: &str = "OEBPS/content.opf";

/// A zip timestamp for `date`, clamped to what the format can hold.
fn zip_time(date: DateTime<Utc>) -> zip::DateTime {
    let clamped = |y: i32| y.clamp(1980, 2107);
    let (year, month, day, hour, minute, second) = if date.year() != clamped(date.year()) {
        (clamped(date.year()), 1, 1, 0, 0, 0)
    } else {
        (
            date.year(),
            date.month(),
            date.day(),
            date.hour(),
            date.minute(),
            date.second(),
        )
    };
    let narrow = |v: u32| u8::try_from(v).unwrap_or(0);
    zip::DateTime::from_date_and_time(
        u16::try_from(year).unwrap_or(1980),
        narrow(month),
        narrow(day),
        narrow(hour),
        narrow(minute),
        narrow(second),
    )
    .unwrap_or_default()
}

/// Whether an entry goes in without deflate: images, already compressed, and fonts, which
/// deflate by a fifth only (the two subsets of the bundled book: 447 KB to 353 KB, for about
/// 18 ms of CPU — a third of the whole build's).
fn stored_as_is(name: &str) -> bool {
    let ext = name.rsplit('.').next().unwrap_or("");
    [
        "png", "jpg", "jpeg", "gif", "webp", "otf", "ttf", "woff", "woff2",
    ]
    .iter()
    .any(|e| ext.eq_ignore_ascii_case(e))
}

/// How an entry named `name` goes in: stamped with the book's date, deflated unless
/// [`stored_as_is`].
fn options(name: &str, date: DateTime<Utc>) -> SimpleFileOptions {
    let base = SimpleFileOptions::default()
        .last_modified_time(zip_time(date))
        .unix_permissions(0o644);
    base.compression_method(if stored_as_is(name) {
        CompressionMethod::Stored
    } else {
        CompressionMethod::Deflated
    })
}

/// `files` compressed ahead of [`repack`], each as `repack` would (a zip of their own, whose
/// entries `repack` copies without compressing them again): the pages are deflated while the
/// fonts are subset rather than after.
pub fn ahead<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    date: DateTime<Utc>,
) -> Result<Vec<u8>, EpubError> {
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in files {
        out.start_file(name, options(name, date))?;
        out.write_all(bytes)?;
    }
    Ok(out.finish()?.into_inner())
}

/// The crate's archive `raw`, rewritten byte-for-byte reproducibly: an entry [`ahead`] made
/// (`made`) is copied from there as it is, every other one's bytes pass through `edit`
/// (name, bytes).
pub fn repack(
    raw: &[u8],
    made: &[u8],
    date: DateTime<Utc>,
    mut edit: impl FnMut(&str, Vec<u8>) -> Result<Vec<u8>, EpubError>,
) -> Result<Vec<u8>, EpubError> {
    let mut archive = ZipArchive::new(Cursor::new(raw))?;
    let mut made = ZipArchive::new(Cursor::new(made))?;
    let stored = options("mimetype", date).compression_method(CompressionMethod::Stored);
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(raw.len())));
    out.start_file("mimetype", stored)?;
    out.write_all(b"application/epub+zip")?;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i)?;
        let name = entry.name().to_string();
        if name == "mimetype" {
            continue;
        }
        if let Some(i) = made.index_for_name(&name) {
            out.raw_copy_file(made.by_index_raw(i)?)?;
            continue;
        }
        let mut data = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
        entry.read_to_end(&mut data)?;
        let data = edit(&name, data)?;
        out.start_file(name.as_str(), options(&name, date))?;
        out.write_all(&data)?;
    }
    Ok(out.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An entry deflated ahead and copied is the same, byte for byte, as one deflated in
    /// `repack`; the entries `ahead` did not make still pass through `edit`.
    #[test]
    fn entries_made_ahead_are_copied_as_repack_would_make_them() {
        let date = DateTime::from_timestamp(1_767_830_400, 0).unwrap_or_default();
        let page = "<p>金句</p>".repeat(200);
        let files = [
            ("OEBPS/a.xhtml", page.as_bytes()),
            ("OEBPS/b.otf", b"OTTO font".as_slice()),
        ];
        let mut crate_zip = ZipWriter::new(Cursor::new(Vec::new()));
        for name in [
            "mimetype",
            "OEBPS/content.opf",
            "OEBPS/a.xhtml",
            "OEBPS/b.otf",
        ] {
            crate_zip
                .start_file(name, SimpleFileOptions::default())
                .expect("entry");
        }
        let raw = crate_zip.finish().expect("zip").into_inner();
        let body = |name: &str, data: Vec<u8>| {
            let known = files.iter().find(|(n, _)| *n == name);
            Ok(known.map_or(data, |(_, b)| b.to_vec()))
        };
        let nothing_ahead = ahead([], date).expect("empty");
        let made = ahead(files, date).expect("ahead");
        let direct = repack(&raw, &nothing_ahead, date, body).expect("direct");
        let mut edited = Vec::new();
        let copied = repack(&raw, &made, date, |name, data| {
            edited.push(name.to_string());
            Ok(data)
        })
        .expect("copied");
        assert_eq!(copied, direct);
        assert_eq!(edited, ["OEBPS/content.opf"]);
        let mut book = ZipArchive::new(Cursor::new(copied)).expect("book");
        let mut text = String::new();
        book.by_name("OEBPS/a.xhtml")
            .expect("page")
            .read_to_string(&mut text)
            .expect("read");
        assert_eq!(text, page);
    }

    #[test]
    fn zip_times_are_clamped_to_the_zip_era() {
        let at = |s| zip_time(DateTime::from_timestamp(s, 0).unwrap_or_default());
        assert_eq!(at(0).year(), 1980);
        assert_eq!(at(1_767_830_400).year(), 2026);
        assert_eq!(at(1_767_830_400).month(), 1);
        assert_eq!(at(1_767_830_400).day(), 8);
        assert_eq!(at(10_000_000_000).year(), 2107);
    }
}
