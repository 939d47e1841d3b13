//! Deep nesting for the Markdown and HTML readers: the input's first two bytes give a repeat
//! count (up to 65,535), the next up to 16 bytes a fragment (`1. `, `> `, `<div>`, `<b>`…)
//! repeated that many times, the rest a tail; the result is read as Markdown and as HTML.
//! Either reader returns an interview or an error (a depth limit), never panics, and the
//! pre-scans keep the parsers from their quadratic cases.
#![no_main]
use jinju::interview::{ParseOptions, parse_as};
use jinju::read::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let count = usize::from(u16::from_le_bytes([data[0], data[1]]));
    let rest = &data[2..];
    let split = rest.len().min(1 + usize::from(rest[0] % 16));
    let (Ok(fragment), Ok(tail)) = (
        std::str::from_utf8(&rest[1..split]),
        std::str::from_utf8(&rest[split..]),
    ) else {
        return;
    };
    let text = format!("{}{tail}", fragment.repeat(count));
    let opts = ParseOptions::default();
    for format in [Format::Markdown, Format::Html] {
        if let Ok(iv) = parse_as(&text, format, &opts) {
            for p in iv.paragraphs() {
                let n = p.text.chars().count();
                assert!(p.emphasis.iter().all(|[a, b]| a < b && *b <= n));
            }
        }
    }
});
