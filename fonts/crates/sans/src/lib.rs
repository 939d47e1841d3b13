//! Noto Sans CJK SC Regular and Bold, subset: the cards' sans faces, as bytes for jinju.
//! The files live in the repository's `fonts/` (sources in its README; licence OFL-1.1,
//! `OFL.txt`); one line and a link to the file add a face.
#![no_std]
#![forbid(unsafe_code)]

/// Noto Sans CJK SC Regular 2.004 (`NotoSansSC-Regular.otf`).
pub const REGULAR: &[u8] = include_bytes!("../NotoSansSC-Regular.otf");
/// Noto Sans CJK SC Bold 2.004 (`NotoSansSC-Bold.otf`).
pub const BOLD: &[u8] = include_bytes!("../NotoSansSC-Bold.otf");
/// Noto Sans CJK TC Regular 2.004, the forms that differ from SC (`NotoSansTC-Regular.otf`).
pub const TC_REGULAR: &[u8] = include_bytes!("../NotoSansTC-Regular.otf");
/// Noto Sans CJK TC Bold 2.004, the forms that differ from SC (`NotoSansTC-Bold.otf`).
pub const TC_BOLD: &[u8] = include_bytes!("../NotoSansTC-Bold.otf");
