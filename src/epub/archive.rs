//! The EPUB container, written reproducibly: `mimetype` first and stored, then
//! `META-INF/container.xml` and the book's files in the order given, every entry stamped with
//! the book's date (clamped to the zip era, 1980–2107) and the same permissions. Images,
//! already compressed, are stored; everything else is deflated.

use super::EpubError;
use chrono::{DateTime, Datelike, Timelike, Utc};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// Where the package document is, for `container.xml`.
pub const PACKAGE_PATH: &str = "OEBPS/content.opf";

const CONTAINER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n\
<rootfiles>\n<rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/>\n\
</rootfiles>\n</container>\n";

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

/// The archive of `files` (path inside the book, bytes), in that order.
pub fn write(files: &[(String, &[u8])], date: DateTime<Utc>) -> Result<Vec<u8>, EpubError> {
    let size: usize = files.iter().map(|(_, b)| b.len()).sum();
    let base = SimpleFileOptions::default()
        .last_modified_time(zip_time(date))
        .unix_permissions(0o644);
    let stored = base.compression_method(CompressionMethod::Stored);
    let deflated = base.compression_method(CompressionMethod::Deflated);
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(size / 2 + 4096)));
    out.start_file("mimetype", stored)?;
    out.write_all(b"application/epub+zip")?;
    out.start_file("META-INF/container.xml", deflated)?;
    out.write_all(CONTAINER.as_bytes())?;
    for (name, data) in files {
        let compressed = name.ends_with(".png") || name.ends_with(".jpg");
        out.start_file(name.as_str(), if compressed { stored } else { deflated })?;
        out.write_all(data)?;
    }
    Ok(out.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

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
