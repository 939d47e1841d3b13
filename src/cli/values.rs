//! The values the flags take that are no argument structs: output formats, the card's
//! compression and image format (mapped onto the library's own types), and the parsers of
//! checked numbers.

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum BuildFormat {
    Text,
    Json,
}

/// `--compression`: the library's [`crate::card::PngLevel`] as the command line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Compression {
    /// fdeflate with adaptive filters: fastest.
    #[default]
    Fast,
    /// zlib level 6 (indexed: unfiltered, which zlib compresses better).
    Balanced,
    /// zlib level 9 (indexed: unfiltered).
    High,
}

impl From<Compression> for crate::card::PngLevel {
    fn from(c: Compression) -> Self {
        match c {
            Compression::Fast => Self::Fast,
            Compression::Balanced => Self::Balanced,
            Compression::High => Self::High,
        }
    }
}

/// `--image-format`: the library's [`crate::card::ImageFormat`] as the command line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum CardFormat {
    /// Lossless, smallest for flat cards; alt text in iTXt chunks.
    #[default]
    Png,
    /// Lossy (baseline, YCbCr 4:2:2): accepted by every platform; for photo backgrounds.
    Jpeg,
    /// Lossless WebP: smaller than an RGB PNG (photo backgrounds), larger than an indexed one
    /// (flat cards); not accepted by every platform (Instagram).
    Webp,
}

impl From<CardFormat> for crate::card::ImageFormat {
    fn from(f: CardFormat) -> Self {
        match f {
            CardFormat::Png => Self::Png,
            CardFormat::Jpeg => Self::Jpeg,
            CardFormat::Webp => Self::Webp,
        }
    }
}

/// A chance between 0 and 1.
pub fn chance(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!("`{s}` is not a chance between 0 and 1 (e.g. 0.5)")),
    }
}
