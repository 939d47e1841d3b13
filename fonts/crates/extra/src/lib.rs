//! Jinju Emoji (Twemoji Mozilla, COLRv0/CPAL) and Jinju Rare (HanaMinB, CJK Extension B and
//! beyond): the cards' fallback faces, as bytes for jinju. The files live in the repository's
//! `fonts/` (sources and licences in its README: the fonts are OFL-1.1, `OFL.txt`; Twemoji's
//! art is CC-BY 4.0); one line and a link to the file add a face.
#![no_std]
#![forbid(unsafe_code)]

/// Jinju Emoji Regular (Twemoji Mozilla 0.7.0, COLR) (`JinjuEmoji-Regular.ttf`).
pub const EMOJI: &[u8] = include_bytes!("../JinjuEmoji-Regular.ttf");
/// Jinju Rare Regular (HanaMinB 20170904) (`JinjuRare-Regular.ttf`).
pub const RARE: &[u8] = include_bytes!("../JinjuRare-Regular.ttf");
/// The emoji sequences (ZWJ, skin tones, flags, keycaps) and the Plane 15 code point each is
/// drawn as in Jinju Emoji (`fonts/emoji/sequences.txt`, made by `fonts/emoji.py`).
pub const SEQUENCES: &str = include_str!("../sequences.txt");
