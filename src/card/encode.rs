//! PNG encoding: an RGB card written as the smallest lossless form that fits it — greyscale,
//! indexed (≤ 256 colours) or RGB — with iTXt text (alt text), deterministically.

use super::error::{Error, Result};
use super::pixels::{Pixels, Table};
use super::raster::Canvas;
use super::scanlines::{Deflate, zlib};

/// Which pixel format to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PngFormat {
    /// Greyscale if the card is grey, else indexed if it has ≤ 256 colours, else RGB.
    #[default]
    Auto,
    /// Always 8-bit RGB.
    Rgb,
}

/// How hard to compress. Measured on the 138 portrait cards of `tests/data/answers138.txt`
/// (indexed; painting takes 1–2 ms/card besides; noisy 2-core machine): Fast 5.80 MB,
/// 0.8–1.4 ms/card; Balanced 3.62 MB, 2.4–4.0 ms; High 3.47 MB, 17–19 ms. Forced to RGB the
/// same cards take Fast 15.1 MB / 2.6–5.6 ms, Balanced 9.0 MB / 5.4–8.8 ms, High 7.9 MB /
/// 56–70 ms. Fast is the default: with it a card costs ≈ 2.5 ms in all, 16× faster than the
/// Pillow peer, and its files are ⅔ of Pillow's (9.0 MB); Balanced gives 40% of Pillow's bytes
/// for about 1.5 ms more a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PngLevel {
    /// fdeflate with adaptive filters: fastest.
    #[default]
    Fast,
    /// zlib level 6 (indexed: unfiltered, which zlib compresses better).
    Balanced,
    /// zlib level 9 (indexed: unfiltered).
    High,
}

/// The form a card was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PngKind {
    Indexed(u16),
    Grey,
    Rgb,
}

/// Encodes a card as PNG with iTXt chunks `text` (keyword, value; none for an empty value); control characters in a
/// value are dropped (an image viewer or `exiftool` may print the text to a terminal).
pub fn encode_png(
    canvas: &Canvas,
    text: &[(&str, &str)],
    format: PngFormat,
    level: PngLevel,
) -> Result<(Vec<u8>, PngKind)> {
    let (owned, analysed);
    let is_grey = |p: &[u8]| p[0] == p[1] && p[1] == p[2];
    let (kind, color, data, palette): (_, _, &[u8], Option<&[[u8; 3]]>) = match (&canvas.px, format)
    {
        (px, PngFormat::Rgb) => {
            owned = px.to_rgb();
            (PngKind::Rgb, png::ColorType::Rgb, &owned, None)
        }
        (Pixels::Indexed { data, table, .. }, PngFormat::Auto) => {
            if table.colors.iter().all(|c| is_grey(c)) {
                owned = data
                    .iter()
                    .map(|&i| table.colors[usize::from(i)][0])
                    .collect();
                (PngKind::Grey, png::ColorType::Grayscale, &owned, None)
            } else {
                let n = table.colors.len() as u16;
                let palette = Some(table.colors.as_slice());
                (PngKind::Indexed(n), png::ColorType::Indexed, data, palette)
            }
        }
        (Pixels::Rgb(raw), PngFormat::Auto) => {
            analysed = analyse(raw, canvas.width() as usize);
            match &analysed {
                (Some((colors, indices)), _) => {
                    let n = colors.len() as u16;
                    (
                        PngKind::Indexed(n),
                        png::ColorType::Indexed,
                        indices,
                        Some(colors),
                    )
                }
                (None, true) => {
                    owned = raw.chunks_exact(3).map(|p| p[0]).collect();
                    (PngKind::Grey, png::ColorType::Grayscale, &owned, None)
                }
                (None, false) => (PngKind::Rgb, png::ColorType::Rgb, raw, None),
            }
        }
    };
    let mut out = Vec::with_capacity(data.len() / 8);
    let mut enc = png::Encoder::new(&mut out, canvas.width(), canvas.height());
    enc.set_depth(png::BitDepth::Eight);
    enc.set_color(color);
    if let Some(colors) = palette {
        enc.set_palette(colors.concat());
    }
    // Measured on the 138 portrait cards (indexed): filters help fdeflate but hurt zlib.
    let indexed = matches!(kind, PngKind::Indexed(_));
    let deflate = match level {
        PngLevel::Fast => Deflate::Fast,
        PngLevel::Balanced if indexed => Deflate::Unfiltered(6),
        PngLevel::High if indexed => Deflate::Unfiltered(9),
        PngLevel::Balanced => Deflate::Filtered(6),
        PngLevel::High => Deflate::Filtered(9),
    };
    let bpp = if kind == PngKind::Rgb { 3 } else { 1 };
    let row_len = canvas.width() as usize * bpp;
    let stream = zlib(data, row_len, bpp, deflate, canvas.ink())
        .map_err(|e| Error::Encode(e.to_string()))?;
    let err = |e: png::EncodingError| Error::Encode(e.to_string());
    for (key, value) in text.iter().filter(|(_, v)| !v.is_empty()) {
        let value: String = value.chars().filter(|c| !c.is_control()).collect();
        enc.add_itxt_chunk(key.to_string(), value).map_err(err)?;
    }
    let mut writer = enc.write_header().map_err(err)?;
    // IDAT chunks of at most 1 MiB (any size up to 2³¹ − 1 is valid).
    for chunk in stream.chunks(1 << 20) {
        writer.write_chunk(png::chunk::IDAT, chunk).map_err(err)?;
    }
    writer.finish().map_err(err)?;
    Ok((out, kind))
}

/// The palette and index data if the image has at most 256 colours, and whether every
/// pixel is grey.
#[allow(clippy::type_complexity)]
fn analyse(raw: &[u8], width: usize) -> (Option<(Vec<[u8; 3]>, Vec<u8>)>, bool) {
    let is_grey = |p: &[u8]| p[0] == p[1] && p[1] == p[2];
    let mut table = Table::default();
    let mut indices = vec![0u8; raw.len() / 3];
    let mut grey = true;
    let row_len = (width * 3).max(3);
    // A colour that cannot occur (alpha-free RGB never has a fourth byte) starts the run.
    let (mut last, mut last_index) = ([0u8, 0, 0, 1], 0u8);
    for (y, row) in raw.chunks_exact(row_len).enumerate() {
        let start = y * (row_len / 3);
        if y > 0 && row == &raw[(y - 1) * row_len..y * row_len] {
            // Cards have many rows equal to the one above (margins, line gaps).
            indices.copy_within(start - row_len / 3..start, start);
            continue;
        }
        let out = &mut indices[start..start + row_len / 3];
        for (px, out) in row.chunks_exact(3).zip(out.iter_mut()) {
            let rgb = [px[0], px[1], px[2], 0];
            if rgb != last {
                grey &= is_grey(px);
                match table.index([px[0], px[1], px[2]]) {
                    Some(i) => (last, last_index) = (rgb, i),
                    None => return (None, grey && raw.chunks_exact(3).all(is_grey)),
                }
            }
            *out = last_index;
        }
    }
    if grey {
        // Greyscale holds the same data without a palette, already in luminance order.
        return (None, true);
    }
    // Palette in first-seen order: sorting it by luminance made files 4% larger (fdeflate)
    // and cost a second pass.
    (Some((table.colors, indices)), grey)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::RgbImage;

    fn decode(png: &[u8]) -> (png::ColorType, Vec<u8>, Vec<(String, String)>) {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        buf.truncate(info.buffer_size());
        let color = reader.info().color_type;
        let text = reader
            .info()
            .utf8_text
            .iter()
            .map(|t| (t.keyword.clone(), t.get_text().unwrap()))
            .collect();
        (color, buf, text)
    }

    #[test]
    fn few_colours_are_indexed_losslessly() {
        let img = RgbImage::from_fn(300, 10, |x, _| image::Rgb([(x % 200) as u8, 3, 9]));
        let (png, kind) = encode_png(
            &Canvas::from_rgb(img.clone()),
            &[("Description", "金\u{1b}]0;X\u{7}句")],
            PngFormat::Auto,
            PngLevel::Fast,
        )
        .unwrap();
        assert_eq!(kind, PngKind::Indexed(200));
        let (color, pixels, text) = decode(&png);
        assert_eq!(color, png::ColorType::Indexed);
        assert_eq!(pixels, *img.as_raw());
        assert_eq!(text, [("Description".to_string(), "金]0;X句".to_string())]);
    }

    #[test]
    fn many_colours_stay_rgb_or_grey() {
        let img = RgbImage::from_fn(300, 300, |x, y| image::Rgb([x as u8, y as u8, 0]));
        let canvas = Canvas::from_rgb(img.clone());
        let (png, kind) = encode_png(&canvas, &[], PngFormat::Auto, PngLevel::Balanced).unwrap();
        assert_eq!(kind, PngKind::Rgb);
        assert_eq!(decode(&png).1, *img.as_raw());
        let grey = RgbImage::from_fn(300, 300, |x, y| {
            let v = (x + y) as u8;
            image::Rgb([v, v, v])
        });
        let (png, kind) = encode_png(
            &Canvas::from_rgb(grey.clone()),
            &[],
            PngFormat::Auto,
            PngLevel::High,
        )
        .unwrap();
        assert_eq!(kind, PngKind::Grey);
        let (_, pixels, _) = decode(&png);
        assert_eq!(pixels.len(), 300 * 300);
        assert!(pixels.iter().zip(grey.pixels()).all(|(&v, p)| v == p.0[0]));
    }
}
