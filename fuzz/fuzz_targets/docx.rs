//! Any bytes read as a Word file: the reader returns a document or an error (corrupt zip,
//! no document part, bad XML, too large), never panics or unpacks without bound; a document
//! goes through the structure the same way.
#![no_main]
use jinju::interview::{ParseOptions, parse_document};
use jinju::read::{Format, read_docx};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = read_docx(data) {
        let opts = ParseOptions::default();
        let _ = parse_document(doc, Format::Docx, &opts);
    }
});
