//! Noto Serif CJK SC Regular and Bold, book cut (GSUB/GPOS kept): the EPUB's text faces.
//! The files live in the repository's `fonts/` (sources in its README; licence OFL-1.1,
//! `OFL.txt`); one line and a link to the file add a face.
#![no_std]
#![forbid(unsafe_code)]

/// Noto Serif CJK SC Regular 2.001, book cut (`NotoSerifSC-Regular.otf`).
pub const REGULAR: &[u8] = include_bytes!("../NotoSerifSC-Regular.otf");
/// Noto Serif CJK SC Bold 2.001, book cut (`NotoSerifSC-Bold.otf`).
pub const BOLD: &[u8] = include_bytes!("../NotoSerifSC-Bold.otf");
