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

/// The model's feature groups: name, length of the n-gram, and the offset (from the boundary)
/// of its first character. Unigrams UW1–UW6 start at −3..+2, bigrams BW1–BW3 at −2..0,
/// trigrams TW1–TW4 at −3..0.
const GROUPS: [(&str, usize, isize); 13] = [
    ("UW1", 1, -3),
    ("UW2", 1, -2),
    ("UW3", 1, -1),
    ("UW4", 1, 0),
    ("UW5", 1, 1),
    ("UW6", 1, 2),
    ("BW1", 2, -2),
    ("BW2", 2, -1),
    ("BW3", 2, 0),
    ("TW1", 3, -3),
    ("TW2", 3, -2),
    ("TW3", 3, -1),
    ("TW4", 3, 0),
];

/// A multiplicative hash for the packed `u64` keys (the default SipHash is several times
/// slower here, and the keys come from a fixed model, not from an adversary).
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

type Table<const N: usize> = HashMap<u64, [i32; N], BuildHasherDefault<KeyHasher>>;

/// The model regrouped so that one look-up per n-gram gives its scores at every offset.
struct Model {
    /// A character's scores as the character at offset −3..+2 (UW1–UW6).
    uni: Table<6>,
    /// A bigram's scores at offsets −2..0 (BW1–BW3).
    bi: Table<3>,
    /// A trigram's scores at offsets −3..0 (TW1–TW4).
    tri: Table<4>,
    /// −½ × the sum of every score: a boundary with no matching feature scores this.
    base: i64,
}

/// Packs up to three characters (21 bits each) into one key.
fn key(chars: &[char]) -> u64 {
    chars.iter().fold(0, |k, &c| (k << 21) | u64::from(c))
}

static PHRASES: LazyLock<Model> = LazyLock::new(|| {
    // The model is embedded and tested: a failure here is a build defect, not bad input.
    let raw: HashMap<String, HashMap<String, i32>> =
        serde_json::from_str(MODEL).expect("the embedded phrase model is valid JSON");
    // Each table sized for its groups' features at once (a table grown insert by insert
    // rehashed its way up: a third of the model's load).
    let features = |prefix: &str| -> usize {
        GROUPS
            .iter()
            .filter(|(name, _, _)| name.starts_with(prefix))
            .map(|(name, _, _)| raw.get(*name).map_or(0, HashMap::len))
            .sum()
    };
    let hasher = BuildHasherDefault::default;
    let mut model = Model {
        uni: Table::with_capacity_and_hasher(features("UW"), hasher()),
        bi: Table::with_capacity_and_hasher(features("BW"), hasher()),
        tri: Table::with_capacity_and_hasher(features("TW"), hasher()),
        base: 0,
    };
    let mut total = 0i64;
    for &(name, len, offset) in &GROUPS {
        for (feature, &score) in raw.get(name).into_iter().flatten() {
            total += i64::from(score);
            let chars: Vec<char> = feature.chars().collect();
            if chars.len() != len {
                continue;
            }
            let k = key(&chars);
            match len {
                1 => model.uni.entry(k).or_default()[(offset + 3) as usize] = score,
                2 => model.bi.entry(k).or_default()[(offset + 2) as usize] = score,
                _ => model.tri.entry(k).or_default()[(offset + 3) as usize] = score,
            }
        }
    }
    model.base = -total / 2;
    model
});

/// Load the phrase model now rather than at the first layout that needs it (`jinju epub`
/// loads it while the interview is read, for the cover's title).
pub fn load_model() {
    LazyLock::force(&PHRASES);
}

/// `scores[i]` for `i` in `1..n`: how strongly the boundary before `chars[i]` separates two
/// phrases (positive: a phrase boundary, as BudouX would split; negative: inside a word).
/// Entries 0 and `n` are 0. Three look-ups per character.
pub(crate) fn boundary_scores(chars: &[char]) -> Vec<i32> {
    let model = &*PHRASES;
    let n = chars.len();
    let gram = |j: usize, len: usize| key(&chars[j..j + len]);
    let uni: Vec<[i32; 6]> = (0..n)
        .map(|j| model.uni.get(&gram(j, 1)).copied().unwrap_or_default())
        .collect();
    let bi: Vec<[i32; 3]> = (0..n.saturating_sub(1))
        .map(|j| model.bi.get(&gram(j, 2)).copied().unwrap_or_default())
        .collect();
    let tri: Vec<[i32; 4]> = (0..n.saturating_sub(2))
        .map(|j| model.tri.get(&gram(j, 3)).copied().unwrap_or_default())
        .collect();
    let mut out = vec![0; n + 1];
    for (i, slot) in out.iter_mut().enumerate().take(n).skip(1) {
        let mut score = model.base;
        // The n-gram starting at offset `o` from the boundary, if it lies inside the text.
        let at = |o: isize, len: usize| {
            let j = i as isize + o;
            (j >= 0 && j as usize + len <= n).then_some(j as usize)
        };
        for o in -3..=2isize {
            if let Some(j) = at(o, 1) {
                score += i64::from(uni[j][(o + 3) as usize]);
            }
        }
        for o in -2..=0isize {
            if let Some(j) = at(o, 2) {
                score += i64::from(bi[j][(o + 2) as usize]);
            }
        }
        for o in -3..=0isize {
            if let Some(j) = at(o, 3) {
                score += i64::from(tri[j][(o + 3) as usize]);
            }
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
