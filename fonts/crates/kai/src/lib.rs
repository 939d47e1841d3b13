//! Jinju Kai (a renamed subset of LXGW WenKai): the cards' kai face, as bytes for jinju.
//! The files live in the repository's `fonts/` (sources in its README; licence OFL-1.1,
//! `OFL.txt`); one line and a link to the file add a face.
#![no_std]
#![forbid(unsafe_code)]

/// Jinju Kai Regular (LXGW WenKai 1.250) (`JinjuKai-Regular.ttf`).
pub const REGULAR: &[u8] = include_bytes!("../JinjuKai-Regular.ttf");
