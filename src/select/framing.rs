//! How much a sentence repeats the editor's framing of the interview (its title, summary and
//! intro): editors headline and sum up the points they also bold, so the longest run of
//! letters a candidate shares with the framing is a feature of its own. Its weight is fitted
//! apart from the ranker's vector, on interviews only (see `learned` and
//! `tools/train_ranker.py`).

use std::collections::HashSet;

/// Characters of the editor's framing read (title first, then summary, then intro): the
/// opening, where editors sum up.
pub const FRAMING_CHARS: usize = 2000;
/// Longest repeated run of the framing counted (letters and digits).
pub const ECHO_RUN: usize = 12;
/// Runs of at most this many letters count for nothing: 我认为, 我们的 are everywhere.
pub const ECHO_FLOOR: usize = 3;

/// The editor's framing of an interview (its title, summary and intro, up to
/// [`FRAMING_CHARS`] characters): the hashes of its runs of letters and digits, up to
/// [`ECHO_RUN`] long.
#[derive(Debug, Default)]
pub struct Framing {
    runs: HashSet<u64>,
}

/// Letters and digits, lowercased.
fn letters(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn run_hash(run: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in run {
        h ^= u64::from(u32::from(c));
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Framing {
    /// The framing made of `texts` in order (the title, the summary, the intro's paragraphs),
    /// cut at [`FRAMING_CHARS`] characters.
    pub fn new<'t>(texts: impl IntoIterator<Item = &'t str>) -> Framing {
        let mut f = Framing::default();
        let mut left = FRAMING_CHARS;
        for t in texts {
            if left == 0 {
                break;
            }
            let cut: String = t.chars().take(left).collect();
            left -= cut.chars().count();
            let l = letters(&cut);
            for k in ECHO_FLOOR + 1..=ECHO_RUN {
                f.runs.extend(l.windows(k).map(run_hash));
            }
        }
        f
    }

    /// How much `text` repeats the framing, in [0, 1]: the longest run of its letters and
    /// digits found there, beyond [`ECHO_FLOOR`], over `ECHO_RUN - ECHO_FLOOR`.
    pub fn echo(&self, text: &str) -> f64 {
        if self.runs.is_empty() {
            return 0.0;
        }
        let l = letters(text);
        let mut run = ECHO_FLOOR;
        for k in ECHO_FLOOR + 1..=ECHO_RUN.min(l.len()) {
            if l.windows(k).any(|w| self.runs.contains(&run_hash(w))) {
                run = k;
            } else {
                break;
            }
        }
        (run - ECHO_FLOOR) as f64 / (ECHO_RUN - ECHO_FLOOR) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echo_measures_what_the_framing_repeats() {
        let f = Framing::new(["AIGC的产品第一天不收钱，就可能收不到钱", "导语。"]);
        // Its longest run in the framing is 第一天不收钱就 (7 letters: 4 beyond the floor).
        assert_eq!(f.echo("第一天不收钱就收不到钱。"), 4.0 / 9.0);
        assert_eq!(f.echo("我们的产品很小。"), 0.0);
        assert_eq!(f.echo("aigc的产品第一天不收钱，就"), 1.0);
        assert_eq!(Framing::default().echo("第一天不收钱就收不到钱。"), 0.0);
        let long = "长".repeat(FRAMING_CHARS) + "不收钱就可能";
        assert_eq!(
            Framing::new([long.as_str()]).echo("不收钱就可能收不到钱。"),
            0.0
        );
    }
}
