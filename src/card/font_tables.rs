//! A font file's table directory, read just far enough to tell a colour font (COLR, CBDT,
//! sbix or SVG glyphs, which the rasteriser cannot draw from a file given by `--font`) from
//! an outline font before it is used, and to find one table's bytes (`colour_glyphs` reads
//! the bundled emoji face's COLR and CPAL). No parsing beyond the sfnt header and table
//! records; malformed data says "none".

/// Tables that hold colour glyphs.
const COLOUR: [&[u8; 4]; 4] = [b"COLR", b"CBDT", b"sbix", b"SVG "];

pub(crate) fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let b = data.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

pub(crate) fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    let b = data.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([b[0], b[1]]))
}

/// The bytes of table `tag` of a font (an sfnt, not a collection).
pub(crate) fn table<'a>(data: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    let tables = usize::from(u16_at(data, 4)?);
    (0..tables).find_map(|k| {
        let record = 12 + 16 * k;
        (data.get(record..record + 4)? == tag).then_some(())?;
        let offset = u32_at(data, record + 8)? as usize;
        let length = u32_at(data, record + 12)? as usize;
        data.get(offset..offset.checked_add(length)?)
    })
}

/// The colour-glyph tables of face `index` of `data` (a font or a `ttcf` collection), as
/// their tags; empty for an outline font or data that is not a font.
pub(crate) fn colour_tables(data: &[u8], index: u32) -> Vec<String> {
    let start = if data.get(0..4) == Some(b"ttcf") {
        let Some(at) = usize::try_from(index)
            .ok()
            .and_then(|i| i.checked_mul(4)?.checked_add(12))
        else {
            return Vec::new();
        };
        match u32_at(data, at) {
            Some(offset) => offset as usize,
            None => return Vec::new(),
        }
    } else {
        0
    };
    let tables = u16_at(data, start + 4).unwrap_or(0) as usize;
    (0..tables)
        .filter_map(|k| data.get(start + 12 + 16 * k..start + 16 + 16 * k))
        .filter(|tag| COLOUR.iter().any(|c| &c[..] == *tag))
        .map(|tag| String::from_utf8_lossy(tag).trim_end().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An sfnt header with these table tags (records otherwise zero).
    fn sfnt(tags: &[&[u8; 4]]) -> Vec<u8> {
        let mut data = vec![0, 1, 0, 0];
        data.extend((tags.len() as u16).to_be_bytes());
        data.extend([0; 6]);
        for tag in tags {
            data.extend(*tag);
            data.extend([0; 12]);
        }
        data
    }

    #[test]
    fn colour_tables_are_found_in_fonts_and_collections() {
        assert_eq!(
            colour_tables(&sfnt(&[b"cmap", b"CBDT", b"CBLC"]), 0),
            ["CBDT"]
        );
        assert_eq!(
            colour_tables(&sfnt(&[b"cmap", b"COLR", b"CPAL"]), 0),
            ["COLR"]
        );
        assert!(colour_tables(&sfnt(&[b"cmap", b"glyf", b"head"]), 0).is_empty());
        // A collection of two faces, the second in colour.
        let (a, b) = (sfnt(&[b"glyf"]), sfnt(&[b"SVG "]));
        let mut ttc = b"ttcf".to_vec();
        ttc.extend([0, 1, 0, 0, 0, 0, 0, 2]);
        ttc.extend(20u32.to_be_bytes());
        ttc.extend((20 + a.len() as u32).to_be_bytes());
        ttc.extend(&a);
        ttc.extend(&b);
        assert!(colour_tables(&ttc, 0).is_empty());
        assert_eq!(colour_tables(&ttc, 1), ["SVG"]);
        assert!(colour_tables(&ttc, 7).is_empty());
        assert!(colour_tables(b"not a font", 0).is_empty());
        // The bundled faces are outline fonts.
        let kai = jinju_fonts_kai::REGULAR;
        assert!(colour_tables(kai, 0).is_empty());
    }
}
