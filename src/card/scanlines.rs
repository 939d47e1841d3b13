//! A card's PNG image data (the zlib stream of its IDAT chunks): rows filtered and
//! compressed. The chunks, palette and text are `encode`'s.
//!
//! Written by hand because the png crate offers one filter for every row or its `Adaptive`,
//! which computes all five filters for every row — a fifth of a card's CPU, spent mostly on
//! rows equal to the row above (the background around and between the lines of text). Here
//! such a row is Up-filtered to zeros without a search, and any other row is Paeth-filtered
//! (of the five filters alone, the one closest to `Adaptive` on cards: on the 138 portrait
//! cards 6.53 MB against 6.41 MB, where Up gives 7.81 MB and Sub 8.69 MB). On a solid
//! background the card's [`Ink`] says which rows are untouched (equal, without comparing
//! them) and where each row's ink ends (Paeth is zero beyond it).

use std::io::{self, Write};
use std::ops::Range;

use super::ink::Ink;

/// How the rows are compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deflate {
    /// fdeflate's fast compressor, rows filtered.
    Fast,
    /// zlib at a level (1–9), rows filtered.
    Filtered(u32),
    /// zlib at a level, rows unfiltered (palette indices compress better so with zlib).
    Unfiltered(u32),
}

const NONE: u8 = 0;
const UP: u8 = 2;
const PAETH: u8 = 4;

/// The zlib stream of `data` (rows of `row_len` bytes, `bpp` bytes a pixel), each row
/// preceded by its filter type. With `ink` (where a card on a solid background was drawn
/// on) the filter skips the work it makes known; the stream is the same either way.
pub fn zlib(
    data: &[u8],
    row_len: usize,
    bpp: usize,
    deflate: Deflate,
    ink: Option<&Ink>,
) -> io::Result<Vec<u8>> {
    let row_len = row_len.max(1);
    match deflate {
        Deflate::Fast => {
            let mut out = fdeflate::Compressor::new(Vec::with_capacity(data.len() / 16))?;
            filter_rows(data, row_len, bpp, ink, |row| out.write_data(row))?;
            out.finish()
        }
        Deflate::Filtered(level) | Deflate::Unfiltered(level) => {
            let level = flate2::Compression::new(level.min(9));
            let mut out = flate2::write::ZlibEncoder::new(Vec::new(), level);
            if matches!(deflate, Deflate::Filtered(_)) {
                filter_rows(data, row_len, bpp, ink, |row| out.write_all(row))?;
            } else {
                for row in data.chunks(row_len) {
                    out.write_all(&[NONE])?;
                    out.write_all(row)?;
                }
            }
            out.finish()
        }
    }
}

/// Filters each row and hands it (type byte first) to `emit`.
fn filter_rows(
    data: &[u8],
    row_len: usize,
    bpp: usize,
    ink: Option<&Ink>,
    mut emit: impl FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<()> {
    // A repeated row is Up-filtered to zeros: one line of them serves every such row.
    let mut repeated = vec![0u8; row_len + 1];
    repeated[0] = UP;
    let zeros = &repeated[1..];
    let mut out = vec![0u8; row_len + 1];
    let mut prev: &[u8] = zeros;
    for (y, row) in data.chunks(row_len).enumerate() {
        // The bytes where this row or the one above may differ from the background (the
        // first row is compared with zeros, not with the background: all of it).
        let window = match ink {
            Some(ink) if y > 0 && row.len() == row_len => {
                let spans = [ink.row(y), ink.row(y - 1)];
                let lo = spans.iter().flatten().map(|s| s.0).min();
                let hi = spans.iter().flatten().map(|s| s.1).max();
                lo.zip(hi).map(|(lo, hi)| (lo * bpp, hi * bpp))
            }
            _ => Some((0, row.len())),
        };
        let Some((lo, hi)) = window else {
            // Both rows are all background.
            emit(&repeated[..=row.len()])?;
            prev = row;
            continue;
        };
        if row[lo..hi] == prev[lo..hi] {
            emit(&repeated[..=row.len()])?;
        } else {
            // Outside the window and one pixel past it, every byte and its neighbours are
            // the background's: Paeth gives zeros there.
            let end = (hi + bpp).min(row.len());
            let line = &mut out[..=row.len()];
            line[0] = PAETH;
            line[1..=lo].fill(0);
            line[end + 1..].fill(0);
            paeth_range(bpp, prev, row, &mut line[1..], lo..end);
            emit(line)?;
        }
        prev = row;
    }
    Ok(())
}

/// The Paeth filter of `row` (above it: `prev`) over the bytes `range`, written so that the
/// compiler vectorises it: each byte depends on unfiltered bytes only.
fn paeth_range(bpp: usize, prev: &[u8], row: &[u8], out: &mut [u8], range: Range<usize>) {
    let (from, to) = (range.start, range.end);
    // With nothing to the left, the predictor is the byte above.
    for i in from..bpp.min(to) {
        out[i] = row[i].wrapping_sub(prev[i]);
    }
    let start = from.max(bpp);
    if start >= to {
        return;
    }
    let (x, a) = (&row[start..to], &row[start - bpp..to - bpp]);
    let (b, c) = (&prev[start..to], &prev[start - bpp..to - bpp]);
    for (o, (((&x, &a), &b), &c)) in out[start..to].iter_mut().zip(x.iter().zip(a).zip(b).zip(c)) {
        *o = x.wrapping_sub(paeth(a, b, c));
    }
}

/// The Paeth predictor (PNG spec §9.4), without branches: |p − a| = |b − c|, |p − b| =
/// |a − c|, |p − c| = |a + b − 2c|.
#[inline]
fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let (ia, ib, ic) = (i16::from(a), i16::from(b), i16::from(c));
    let (pa, pb, pc) = ((ib - ic).abs(), (ia - ic).abs(), (ia + ib - 2 * ic).abs());
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Undoes the filters (as a decoder does) from the decompressed stream.
    fn unfilter(stream: &[u8], row_len: usize, bpp: usize) -> (Vec<u8>, Vec<u8>) {
        let mut rows = Vec::new();
        let mut kinds = Vec::new();
        let zeros = vec![0u8; row_len];
        for line in stream.chunks(row_len + 1) {
            let (kind, bytes) = (line[0], &line[1..]);
            kinds.push(kind);
            let start = rows.len();
            for i in 0..bytes.len() {
                let prev = if start >= row_len {
                    &rows[start - row_len..start]
                } else {
                    &zeros[..]
                };
                let a = if i >= bpp { rows[start + i - bpp] } else { 0 };
                let c = if i >= bpp { prev[i - bpp] } else { 0 };
                let predicted = match kind {
                    NONE => 0,
                    UP => prev[i],
                    PAETH => paeth(a, prev[i], c),
                    other => panic!("filter {other}"),
                };
                rows.push(bytes[i].wrapping_add(predicted));
            }
        }
        (rows, kinds)
    }

    #[test]
    fn every_mode_round_trips_and_repeated_rows_are_up_zeros() {
        let (row_len, bpp) = (30, 3);
        let mut data: Vec<u8> = (0..row_len * 6).map(|i| (i * 37 % 251) as u8).collect();
        let copy = data[row_len..2 * row_len].to_vec();
        data[2 * row_len..3 * row_len].copy_from_slice(&copy);
        for deflate in [Deflate::Fast, Deflate::Filtered(6), Deflate::Unfiltered(9)] {
            let z = zlib(&data, row_len, bpp, deflate, None).unwrap();
            let mut raw = Vec::new();
            io::Read::read_to_end(&mut flate2::read::ZlibDecoder::new(&z[..]), &mut raw).unwrap();
            let (rows, kinds) = unfilter(&raw, row_len, bpp);
            assert_eq!(rows, data, "{deflate:?}");
            if deflate == Deflate::Unfiltered(9) {
                assert!(kinds.iter().all(|&k| k == NONE));
            } else {
                assert_eq!(kinds[2], UP);
                let third = &raw[2 * (row_len + 1) + 1..3 * (row_len + 1)];
                assert!(third.iter().all(|&b| b == 0));
            }
        }
    }

    #[test]
    fn ink_only_saves_work() {
        let (width, height) = (40usize, 14usize);
        for bpp in [1, 3] {
            let background: Vec<u8> = (0..bpp).map(|i| 200 + i as u8).collect();
            let mut data: Vec<u8> = background.repeat(width * height);
            let mut ink = Ink::new(width as u32, height as u32);
            // (row, first column, last column + 1): at the left edge, at the right edge, a
            // row drawn like the one above, one pixel, rows with nothing between.
            let spans = [
                (0, 3, 9),
                (2, 0, 5),
                (3, 30, 40),
                (4, 30, 40),
                (5, 12, 13),
                (8, 0, 40),
                (9, 10, 20),
                (13, 38, 40),
            ];
            for (n, &(y, x0, x1)) in spans.iter().enumerate() {
                for x in x0..x1 {
                    let at = (y * width + x) * bpp;
                    for (k, b) in data[at..at + bpp].iter_mut().enumerate() {
                        // Rows 3 and 4 get the same pixels.
                        let seed = if y == 4 { 3 } else { y };
                        *b = (seed * 31 + x * 7 + k + n * (y != 4 && y != 3) as usize) as u8;
                    }
                }
                ink.touch(y, x0 as u32, x1 as u32);
            }
            let row_len = width * bpp;
            for deflate in [Deflate::Fast, Deflate::Filtered(6)] {
                let with = zlib(&data, row_len, bpp, deflate, Some(&ink)).unwrap();
                let without = zlib(&data, row_len, bpp, deflate, None).unwrap();
                assert_eq!(with, without, "bpp {bpp}, {deflate:?}");
            }
            // The ink is used: one that leaves out row 9's span loses that row's pixels.
            let mut lying = Ink::new(width as u32, height as u32);
            for &(y, x0, x1) in spans.iter().filter(|s| s.0 != 9) {
                lying.touch(y, x0 as u32, x1 as u32);
            }
            let with = zlib(&data, row_len, bpp, Deflate::Fast, Some(&lying)).unwrap();
            assert_ne!(
                with,
                zlib(&data, row_len, bpp, Deflate::Fast, None).unwrap()
            );
        }
    }

    #[test]
    fn the_branchless_predictor_is_the_specs() {
        for (a, b, c) in (0..=255u8).step_by(5).flat_map(|a| {
            (0..=255u8)
                .step_by(7)
                .flat_map(move |b| (0..=255u8).step_by(11).map(move |c| (a, b, c)))
        }) {
            let p = i16::from(a) + i16::from(b) - i16::from(c);
            let d = |v: u8| (p - i16::from(v)).abs();
            let spec = if d(a) <= d(b) && d(a) <= d(c) {
                a
            } else if d(b) <= d(c) {
                b
            } else {
                c
            };
            assert_eq!(paeth(a, b, c), spec, "{a} {b} {c}");
        }
    }
}
