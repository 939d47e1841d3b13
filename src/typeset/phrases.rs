//! Phrase boundaries of Chinese text: BudouX's Simplified-Chinese model (embedded, 64 KB,
//! Apache-2.0; see `phrase_model/README.md`) scores every boundary between two characters, so
//! the breaker can prefer breaks between words and phrases. Changes no text, decides no break.
//!
//! Written by hand (a BudouX parser is ~30 lines) rather than taken from a crate because the
//! breaker needs each boundary's *score* to grade its cost, while the Rust ports (`budoux`,
//! `budouy`) return only the chunks; the model file itself is BudouX's, unmodified.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

const MODEL: &str = include_str!("phrase_model/zh-hans.json");

/// The model's feature groups, in the order `key` numbers them: unigrams at offsets −3..+2,
/// bigrams at −2, −1, 0, trigrams at −3, −2, −1, 0 (offsets of the first character from the
/// boundary).
const GROUPS: [(&str, isize, usize); 13] = [
    ("UW1", -3, 1),
    ("UW2", -2, 1),
    ("UW3", -1, 1),
    ("UW4", 0, 1),
    ("UW5", 1, 1),
    ("UW6", 2, 1),
    ("BW1", -2, 2),
    ("BW2", -1, 2),
    ("BW3", 0, 2),
    ("TW1", -3, 3),
    ("TW2", -2, 3),
    ("TW3", -1, 3),
    ("TW4", 0, 3),
];

/// A multiplicative hash for the packed `u64` keys (the default SipHash is 3× slower here and
/// the keys come from a fixed model, not from an adversary).
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (v ^ (v >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    }
}

struct Model {
    scores: HashMap<u64, i32, BuildHasherDefault<KeyHasher>>,
    /// −½ × the sum of every score: a boundary with no matching feature scores this.
    base: i64,
}

/// Packs a feature group and up to three characters (21 bits each) into one key.
fn key(group: usize, chars: &[char]) -> u64 {
    chars
        .iter()
        .fold(group as u64, |k, &c| (k << 21) | u64::from(c))
}

static PHRASES: LazyLock<Model> = LazyLock::new(|| {
    // The model is embedded and tested: a failure here is a build defect, not bad input.
    let raw: HashMap<String, HashMap<String, i32>> =
        serde_json::from_str(MODEL).expect("the embedded phrase model is valid JSON");
    let mut scores = HashMap::default();
    let mut total = 0i64;
    for (g, (name, _, len)) in GROUPS.iter().enumerate() {
        for (feature, &score) in raw.get(*name).into_iter().flatten() {
            let chars: Vec<char> = feature.chars().collect();
            total += i64::from(score);
            if chars.len() == *len {
                scores.insert(key(g, &chars), score);
            }
        }
    }
    Model {
        scores,
        base: -total / 2,
    }
});

/// `scores[i]` for `i` in `1..n`: how strongly the boundary before `chars[i]` separates two
/// phrases (positive: a phrase boundary, as BudouX would split; negative: inside a word).
/// Entries 0 and `n` are 0.
pub(crate) fn boundary_scores(chars: &[char]) -> Vec<i32> {
    let model = &*PHRASES;
    let n = chars.len();
    let mut out = vec![0; n + 1];
    for (i, slot) in out.iter_mut().enumerate().take(n).skip(1) {
        let mut score = model.base;
        for (g, &(_, offset, len)) in GROUPS.iter().enumerate() {
            let start = i as isize + offset;
            if start < 0 || start as usize + len > n {
                continue;
            }
            let start = start as usize;
            let k = key(g, &chars[start..start + len]);
            score += i64::from(model.scores.get(&k).copied().unwrap_or(0));
        }
        *slot = score.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text cut where the score is positive, as BudouX's own parser cuts it.
    fn chunks(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let scores = boundary_scores(&chars);
        let mut out: Vec<String> = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            if i == 0 || scores[i] > 0 {
                out.push(String::new());
            }
            out.last_mut().unwrap().push(c);
        }
        out
    }

    #[test]
    fn cuts_as_budoux_does() {
        // Expected chunks from BudouX 0.10.1's Python parser with the same model.
        assert_eq!(
            chunks("抢用户并不是我们的主要目的。字节是真正第一个跟进的。"),
            [
                "抢",
                "用户",
                "并",
                "不",
                "是",
                "我们",
                "的",
                "主要",
                "目的。",
                "字节",
                "是",
                "真正",
                "第一",
                "个",
                "跟进",
                "的。"
            ]
        );
        assert_eq!(
            chunks("也不是非常短期就能实现的目标——是一个马拉松，一个长跑。"),
            [
                "也",
                "不",
                "是",
                "非常",
                "短期",
                "就",
                "能",
                "实现",
                "的",
                "目标",
                "——",
                "是",
                "一",
                "个",
                "马拉松，",
                "一",
                "个",
                "长跑。"
            ]
        );
    }

    #[test]
    fn inside_a_word_scores_below_between_words() {
        let chars: Vec<char> = "是一个马拉松".chars().collect();
        let s = boundary_scores(&chars);
        // 马|拉 and 拉|松 are inside 马拉松; 个|马 is between words.
        assert!(s[4] < 0 && s[5] < 0 && s[3] > 0, "{s:?}");
        assert_eq!(s.len(), chars.len() + 1);
        assert!(boundary_scores(&[]).len() == 1);
    }
}
