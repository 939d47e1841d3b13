//! A point in a recording, as transcripts write it: `00:01:02,500` (SRT), `01:02.500`
//! (WebVTT), `00:01:02` or `01:02` (飞书妙记 and 讯飞 exports). Kept in milliseconds; shown
//! and serialised as `HH:MM:SS`.

use std::fmt;

/// Milliseconds from the start of the recording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timecode(pub u64);

/// The longest recording a timecode may point into (1000 hours): beyond it, the number is
/// garbage, not a time.
const MAX_MS: u64 = 1000 * 3600 * 1000;

impl Timecode {
    /// Parse `[HH:]MM:SS[,mmm|.mmm]`: minutes and seconds below 60, at most three fraction
    /// digits. `None` for anything else.
    pub fn parse(s: &str) -> Option<Timecode> {
        let s = s.trim();
        let (clock, fraction) = match s.find([',', '.']) {
            Some(i) => (&s[..i], Some(&s[i + 1..])),
            None => (s, None),
        };
        let parts: Vec<&str> = clock.split(':').collect();
        let number = |p: &str, max_len: usize| -> Option<u64> {
            (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let (h, m, sec) = match parts.as_slice() {
            [m, s] => (0, number(m, 2)?, number(s, 2)?),
            [h, m, s] => (number(h, 3)?, number(m, 2)?, number(s, 2)?),
            _ => return None,
        };
        if m >= 60 || sec >= 60 {
            return None;
        }
        let ms = match fraction {
            None => 0,
            Some(f) => {
                let n = number(f, 3)?;
                n * 10u64.pow(3 - f.len() as u32)
            }
        };
        let total = ((h * 60 + m) * 60 + sec) * 1000 + ms;
        (total <= MAX_MS).then_some(Timecode(total))
    }

    /// Whole seconds.
    pub fn seconds(self) -> u64 {
        self.0 / 1000
    }
}

impl fmt::Display for Timecode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.seconds();
        write!(f, "{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    }
}

impl serde::Serialize for Timecode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shapes_transcripts_write() {
        assert_eq!(Timecode::parse("00:01:02,500"), Some(Timecode(62_500)));
        assert_eq!(Timecode::parse("01:02.5"), Some(Timecode(62_500)));
        assert_eq!(Timecode::parse("1:02:03"), Some(Timecode(3_723_000)));
        assert_eq!(Timecode::parse("05:07"), Some(Timecode(307_000)));
        assert_eq!(Timecode(3_723_999).to_string(), "01:02:03");
    }

    #[test]
    fn garbage_is_no_time() {
        for bad in [
            "",
            "1",
            "00:61",
            "00:00:75",
            "aa:bb",
            "00:01:02,5000",
            "1:2:3:4",
            "99999:00:00",
        ] {
            assert_eq!(Timecode::parse(bad), None, "{bad}");
        }
    }
}
