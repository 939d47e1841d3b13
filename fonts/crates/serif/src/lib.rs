//! Noto Serif CJK SC Regular and Bold, subset: the cards' serif faces, as bytes for jinju.
//! The files live in the repository's `fonts/` (sources in its README; licence OFL-1.1,
//! `OFL.txt`); one line and a link to the file add a face.
#![no_std]
#![forbid(unsafe_code)]

/// Noto Serif CJK SC Regular 2.001 (`NotoSerifSC-Regular.otf`).
pub const REGULAR: &[u8] = include_bytes!("../NotoSerifSC-Regular.otf");
/// Noto Serif CJK SC Bold 2.001 (`NotoSerifSC-Bold.otf`).
pub const BOLD: &[u8] = include_bytes!("../NotoSerifSC-Bold.otf");
/// Noto Serif CJK TC Regular 2.001, the forms that differ from SC (`NotoSerifTC-Regular.otf`).
pub const TC_REGULAR: &[u8] = include_bytes!("../NotoSerifTC-Regular.otf");
/// Noto Serif CJK TC Bold 2.001, the forms that differ from SC (`NotoSerifTC-Bold.otf`).
pub const TC_BOLD: &[u8] = include_bytes!("../NotoSerifTC-Bold.otf");
