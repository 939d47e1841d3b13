//! A text file's bytes → jinju's text: UTF-8 (a BOM dropped), UTF-16 and UTF-32 in either
//! byte order with or without a BOM (Windows Notepad's "Unicode"), or a legacy encoding the
//! user names (`--encoding GB18030`); line ends made `\n` (CRLF and old Mac CR-only alike).
//! Anything else is refused with what it most likely is (GB18030, Big5, Shift_JIS… guessed
//! by the `chardetng` detector), the line of the first bad byte, and the `iconv` command
//! that converts it.

use encoding_rs::Encoding;

/// Why bytes are not text jinju can read.
#[derive(Debug)]
pub enum Undecodable {
    /// NUL bytes that no UTF-16/32 reading explains.
    Binary,
    /// Not UTF-8: where, and the detector's guess (`GB18030`, `Big5`…).
    NotUtf8 {
        line: usize,
        byte: usize,
        likely: &'static str,
    },
    /// Not valid in the encoding the user named.
    NotInEncoding { encoding: &'static str },
}

impl Undecodable {
    /// The message for the file shown as `shown` (already escaped), read as `what`;
    /// `flag`: the command has `--encoding` for this file.
    pub fn message(&self, what: &str, shown: &str, flag: bool) -> String {
        match self {
            Undecodable::Binary => format!(
                "{what} `{shown}` is binary (it holds NUL bytes and is not UTF-16 or UTF-32 \
                 text): give a text file"
            ),
            Undecodable::NotUtf8 { line, byte, likely } => format!(
                "{what} `{shown}` is not UTF-8 (line {line}, byte {byte}); it looks like \
                 {likely}: convert it with `iconv -f {likely} -t UTF-8 '{shown}' > \
                 '{shown}.utf8'`{}",
                if flag {
                    format!(", or pass --encoding {likely}")
                } else {
                    String::new()
                }
            ),
            Undecodable::NotInEncoding { encoding } => {
                format!("{what} `{shown}` is not valid {encoding}: check the --encoding given")
            }
        }
    }
}

/// Decode `bytes` as text: `encoding` when given (a BOM still wins), else by BOM, else
/// UTF-16/32 when NUL bytes and the shape say so, else UTF-8.
pub fn decode(bytes: Vec<u8>, encoding: Option<&'static Encoding>) -> Result<String, Undecodable> {
    let text = match (bom(&bytes), encoding) {
        (Some((unit, skip)), _) => {
            decode_units(&bytes[skip..], unit).ok_or(Undecodable::NotInEncoding {
                encoding: unit.name(),
            })?
        }
        (None, Some(enc)) => enc
            .decode_without_bom_handling_and_without_replacement(&bytes)
            .ok_or(Undecodable::NotInEncoding {
                encoding: enc.name(),
            })?
            .into_owned(),
        (None, None) if bytes.contains(&0) => sniff_wide(&bytes).ok_or(Undecodable::Binary)?,
        (None, None) => {
            String::from_utf8(bytes).map_err(|e| not_utf8(e.as_bytes(), e.utf8_error()))?
        }
    };
    Ok(normalise(text))
}

/// Drop a leading BOM and make every line end `\n`.
fn normalise(mut text: String) -> String {
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    if text.contains('\r') {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    text
}

fn not_utf8(bytes: &[u8], e: std::str::Utf8Error) -> Undecodable {
    let byte = e.valid_up_to();
    let line = 1 + bytes[..byte].iter().filter(|&&b| b == b'\n').count();
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // GBK is a subset of GB18030, which iconv and --encoding both read.
    let likely = if guess == encoding_rs::GBK {
        "GB18030"
    } else {
        guess.name()
    };
    Undecodable::NotUtf8 { line, byte, likely }
}

/// The wide encodings jinju reads, by code unit.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Unit {
    Utf8,
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Unit::Utf8 => "UTF-8",
            Unit::Utf16Le => "UTF-16LE",
            Unit::Utf16Be => "UTF-16BE",
            Unit::Utf32Le => "UTF-32LE",
            Unit::Utf32Be => "UTF-32BE",
        }
    }
}

/// The BOM's encoding and length (UTF-32LE's BOM starts like UTF-16LE's: tried first).
fn bom(bytes: &[u8]) -> Option<(Unit, usize)> {
    const BOMS: [(&[u8], Unit); 5] = [
        (b"\xff\xfe\x00\x00", Unit::Utf32Le),
        (b"\x00\x00\xfe\xff", Unit::Utf32Be),
        (b"\xef\xbb\xbf", Unit::Utf8),
        (b"\xff\xfe", Unit::Utf16Le),
        (b"\xfe\xff", Unit::Utf16Be),
    ];
    BOMS.iter()
        .find(|(b, _)| bytes.starts_with(b))
        .map(|&(b, unit)| (unit, b.len()))
}

/// Decode strictly (no replacement): `None` on any invalid unit.
fn decode_units(bytes: &[u8], unit: Unit) -> Option<String> {
    match unit {
        Unit::Utf8 => String::from_utf8(bytes.to_vec()).ok(),
        Unit::Utf16Le | Unit::Utf16Be => {
            if !bytes.len().is_multiple_of(2) {
                return None;
            }
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|c| match unit {
                    Unit::Utf16Le => u16::from_le_bytes([c[0], c[1]]),
                    _ => u16::from_be_bytes([c[0], c[1]]),
                })
                .collect();
            char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .ok()
        }
        Unit::Utf32Le | Unit::Utf32Be => {
            if !bytes.len().is_multiple_of(4) {
                return None;
            }
            bytes
                .chunks_exact(4)
                .map(|c| {
                    let b = [c[0], c[1], c[2], c[3]];
                    char::from_u32(if unit == Unit::Utf32Le {
                        u32::from_le_bytes(b)
                    } else {
                        u32::from_be_bytes(b)
                    })
                })
                .collect()
        }
    }
}

/// Bytes with NULs and no BOM: the UTF-32/16 reading that decodes cleanly (no NUL, no
/// control other than tab and line ends) and reads most like text (CJK, ASCII, CJK
/// punctuation), if any.
fn sniff_wide(bytes: &[u8]) -> Option<String> {
    [Unit::Utf32Le, Unit::Utf32Be, Unit::Utf16Le, Unit::Utf16Be]
        .into_iter()
        .filter(|&unit| nuls_are_high_bytes(bytes, unit))
        .filter_map(|unit| decode_units(bytes, unit))
        .filter(|t| {
            !t.chars()
                .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        })
        .max_by_key(|t| t.chars().filter(|&c| is_texty(c)).count() * 1000 / t.len().max(1))
}

/// In UTF-16 text the NUL bytes are the high bytes of Latin characters (`a` is `61 00`
/// in UTF-16LE); a zero low byte comes only with CJK and later blocks (`一` is `00 4e`):
/// binary data rarely keeps to that.
fn nuls_are_high_bytes(bytes: &[u8], unit: Unit) -> bool {
    let low = match unit {
        Unit::Utf16Le => 0,
        Unit::Utf16Be => 1,
        _ => return true,
    };
    bytes
        .chunks_exact(2)
        .all(|c| c[low] != 0 || c[1 - low] >= 0x30)
}

fn is_texty(c: char) -> bool {
    c.is_ascii_graphic()
        || c.is_ascii_whitespace()
        || matches!(c, '\u{3000}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "问：你好吗？\n答：一切很好, thanks.\n";

    fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        for u in (if bom { "\u{feff}" } else { "" })
            .encode_utf16()
            .chain(text.encode_utf16())
        {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    fn utf32(text: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        for c in (if bom { "\u{feff}" } else { "" })
            .chars()
            .chain(text.chars())
        {
            let u = c as u32;
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn utf16_and_utf32_in_both_orders_with_or_without_bom_decode() {
        for le in [true, false] {
            for bom in [true, false] {
                assert_eq!(
                    decode(utf16(TEXT, le, bom), None).unwrap(),
                    TEXT,
                    "16 {le} {bom}"
                );
                assert_eq!(
                    decode(utf32(TEXT, le, bom), None).unwrap(),
                    TEXT,
                    "32 {le} {bom}"
                );
            }
        }
    }

    #[test]
    fn a_bom_is_dropped_and_line_ends_become_newlines() {
        let mut bytes = b"\xef\xbb\xbf".to_vec();
        bytes.extend("一\r二\r\n三\r".as_bytes());
        assert_eq!(decode(bytes, None).unwrap(), "一\n二\n三\n");
    }

    #[test]
    fn legacy_encodings_are_named_with_line_and_command() {
        let text = "第一行\n问：我们今天谈谈造船这件事情，好吗？\n答：好的，这件事情说来话长。\n";
        for (enc, name) in [
            (encoding_rs::GB18030, "GB18030"),
            (encoding_rs::BIG5, "Big5"),
            (encoding_rs::SHIFT_JIS, "Shift_JIS"),
        ] {
            let sample = match name {
                "Shift_JIS" => "第一行\n今日は造船について話しましょう。とても長い話になります。\n",
                "Big5" => {
                    "第一行\n問：我們今天談談造船這件事情，好嗎？\n答：好的，這件事情說來話長。\n"
                }
                _ => text,
            };
            let (bytes, _, _) = enc.encode(sample);
            let err = decode(bytes.into_owned(), None).unwrap_err();
            let msg = err.message("interview", "a.txt", true);
            assert!(msg.contains(&format!("looks like {name}")), "{msg}");
            assert!(msg.contains("line 1,"), "{msg}");
            assert!(
                msg.contains(&format!("iconv -f {name} -t UTF-8 'a.txt'")),
                "{msg}"
            );
            assert!(msg.contains(&format!("--encoding {name}")), "{msg}");
            let (bytes, _, _) = enc.encode(sample);
            assert_eq!(decode(bytes.into_owned(), Some(enc)).unwrap(), sample);
        }
    }

    #[test]
    fn binary_is_still_binary() {
        for bytes in [
            &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2, 0, 0][..],
            b"\x00\x01\x02abc",
        ] {
            let err = decode(bytes.to_vec(), None);
            assert!(matches!(err, Err(Undecodable::Binary)), "{err:?}");
        }
    }
}
