//! Images written into the source itself as `data:` addresses (RFC 2397; a page saved with
//! its images inlined, a Markdown export): `data:image/png;base64,iVBOR…` or percent-encoded
//! (`data:image/gif,GIF89a%01%00…`). The body is percent-decoded, then — with `;base64` —
//! base64-decoded the forgiving way browsers do (white space skipped, padding optional). The
//! media type the address declares is not trusted: the bytes are sniffed and bounded like any
//! other image's ([`super::image_bytes::checked`]). A malformed address is an error that says
//! what is wrong; the caller leaves a placeholder and a warning.

use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

/// Why a `data:` address gave no bytes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataUrlError {
    #[error("a malformed `data:` address: no `,` before its data")]
    NoComma,
    #[error("a malformed `data:` address: its base64 data is broken ({0})")]
    Base64(String),
    #[error("a `data:` address with no data")]
    Empty,
    #[error("larger than {} MB", .0 >> 20)]
    TooLarge(u64),
}

/// True when `src` is a `data:` address (the scheme in any case, after white space).
pub fn is_data_url(src: &str) -> bool {
    let s = src.trim_start().as_bytes();
    s.len() >= 5 && s[..5].eq_ignore_ascii_case(b"data:")
}

/// The bytes of the `data:` address `src`, at most `limit` of them.
pub fn decode(src: &str, limit: u64) -> Result<Vec<u8>, DataUrlError> {
    let rest = src.trim_start().get(5..).ok_or(DataUrlError::NoComma)?;
    let (header, body) = rest.split_once(',').ok_or(DataUrlError::NoComma)?;
    let base64 = header
        .rsplit(';')
        .next()
        .is_some_and(|p| p.trim().eq_ignore_ascii_case("base64"));
    // Percent-decoding never lengthens, base64 shortens by a quarter: a body this long
    // cannot fit, and is refused before anything is decoded.
    let longest = if base64 { limit / 3 * 4 + 4 } else { limit };
    if body.len() as u64 > longest.saturating_mul(3) {
        return Err(DataUrlError::TooLarge(limit));
    }
    let mut bytes = percent_decoded(body.as_bytes());
    if base64 {
        bytes.retain(|b| !b.is_ascii_whitespace());
        bytes = forgiving_base64()
            .decode(&bytes)
            .map_err(|e| DataUrlError::Base64(e.to_string()))?;
    }
    if bytes.is_empty() {
        return Err(DataUrlError::Empty);
    }
    if bytes.len() as u64 > limit {
        return Err(DataUrlError::TooLarge(limit));
    }
    Ok(bytes)
}

/// Base64 as browsers read it in a `data:` address: the standard alphabet, padding
/// optional, stray low bits of the last character ignored.
fn forgiving_base64() -> GeneralPurpose {
    let config = GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true);
    GeneralPurpose::new(&base64::alphabet::STANDARD, config)
}

/// `%XY` as the byte it stands for; a `%` not followed by two hex digits stays as it is
/// (as browsers read it).
fn percent_decoded(body: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let pair =
            (body.get(i + 1).copied().and_then(hex)).zip(body.get(i + 2).copied().and_then(hex));
        match (body[i], pair) {
            (b'%', Some((hi, lo))) => {
                out.push(hi << 4 | lo);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_and_percent_encoded_data_are_decoded() {
        assert!(is_data_url("  DATA:image/png;base64,AAAA"));
        assert!(!is_data_url("img/data:1.png"));
        let bytes = b"\x89PNG\r\n\x1a\n\x00\xff";
        let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
        let got = |src: &str| decode(src, 1000);
        assert_eq!(got(&format!("data:image/png;base64,{b64}")).unwrap(), bytes);
        let unpadded = b64.trim_end_matches('=');
        let wrapped = format!(
            "data:image/png;BASE64,{}\n {}",
            &unpadded[..4],
            &unpadded[4..]
        );
        assert_eq!(got(&wrapped).unwrap(), bytes, "wrapped, unpadded");
        let escaped = format!(
            "data:;base64,{}",
            b64.replace('+', "%2B").replace('=', "%3D")
        );
        assert_eq!(got(&escaped).unwrap(), bytes, "base64 percent-encoded");
        assert_eq!(
            got("data:image/gif,GIF89a%01%00%zz").unwrap(),
            b"GIF89a\x01\x00%zz",
            "percent-encoded; a stray % kept"
        );
    }

    #[test]
    fn malformed_empty_and_oversized_data_are_refused() {
        let got = |src: &str| decode(src, 8).unwrap_err();
        assert_eq!(got("data:image/png;base64"), DataUrlError::NoComma);
        assert_eq!(got("data"), DataUrlError::NoComma);
        assert!(matches!(
            got("data:image/png;base64,AA*A"),
            DataUrlError::Base64(_)
        ));
        assert!(matches!(
            got("data:image/png;base64,AAAAA"),
            DataUrlError::Base64(_)
        ));
        assert_eq!(got("data:image/png,"), DataUrlError::Empty);
        assert_eq!(got("data:,123456789"), DataUrlError::TooLarge(8));
        assert_eq!(
            got(&format!("data:;base64,{}", "A".repeat(1000))),
            DataUrlError::TooLarge(8),
            "refused before decoding"
        );
        assert_eq!(got("data:;base64,AAAAAAAAAAAA"), DataUrlError::TooLarge(8));
    }
}
