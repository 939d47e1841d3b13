//! The learned ranker's features: what a sentence looks like, where it stands, and how much
//! it shares the interview's vocabulary, as a sparse vector. This module is the single
//! source of the features: the ranker scores with it, and `examples/ranker_features.rs`
//! dumps the same vectors for the training set (`tools/train_ranker.py` fits the weights).
//!
//! Dense features (`NAMES`, each in [0, 1], grouped for `--explain` by [`group`]) come first;
//! hashed character unigrams and bigrams (FNV-1a into [`HASHED`] buckets) follow.
//!
//! Apart from the vector, [`super::framing`] measures how much a sentence repeats the
//! editor's framing of the interview.

use super::ids::count_chars;
use super::rank::CONTEXT_OPENERS;
use std::collections::{HashMap, HashSet};

/// Number of buckets for hashed character n-grams.
pub const HASHED: usize = 1 << 12;

/// Names of the dense features, in index order. The weights file names them too, so a
/// mismatch is caught when the weights load.
pub const NAMES: &[&str] = &[
    "bias",
    "len_8_11",
    "len_12_15",
    "len_16_20",
    "len_21_25",
    "len_26_32",
    "len_33_40",
    "len_41_50",
    "len_51_60",
    "len_61_",
    "pos_0_10",
    "pos_10_30",
    "pos_30_60",
    "pos_60_90",
    "pos_90_100",
    "first_in_paragraph",
    "last_in_paragraph",
    "alone_in_paragraph",
    "paragraph_2_3",
    "paragraph_4_6",
    "paragraph_7_",
    "contrast",
    "definition",
    "generalisation",
    "conviction",
    "first_person",
    "second_person",
    "question",
    "exclamation",
    "context_opener",
    "filler",
    "narration",
    "digits",
    "latin",
    "quotation_marks",
    "colon",
    "clauses_1",
    "clauses_2_3",
    "clauses_4_",
    "shared_vocabulary",
    "rare_vocabulary",
    "tfidf",
];

/// The `--explain` group of a dense feature.
pub fn group(name: &str) -> &'static str {
    match name {
        "bias" => "bias",
        n if n.starts_with("len_") => "length",
        n if n.starts_with("pos_") => "position",
        n if n.ends_with("_in_paragraph") || n.starts_with("paragraph_") => "position",
        "shared_vocabulary" | "rare_vocabulary" | "tfidf" => "topic",
        "context_opener" | "second_person" | "filler" | "narration" => "context",
        _ => "shape",
    }
}

/// Where a sentence stands: its index in its paragraph, the paragraph's number of sentences,
/// and its relative position in the document (0–1). Who speaks is no feature: jinju ranks
/// only guests' lines, and in the training data a speaker label marks questions as often as
/// answers.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub sentence: usize,
    pub sentences: usize,
    pub position: f64,
}

/// The document's vocabulary: for each Han bigram, how many of its sentences hold it.
#[derive(Debug, Default)]
pub struct Vocabulary {
    df: HashMap<(char, char), u32>,
    sentences: u32,
}

/// Distinct bigrams of Han characters (adjacent in the text).
fn han_bigrams(text: &str) -> HashSet<(char, char)> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .filter(|w| is_han(w[0]) && is_han(w[1]))
        .map(|w| (w[0], w[1]))
        .collect()
}

use crate::script::is_han;

impl Vocabulary {
    /// The vocabulary of a document given as its sentences.
    pub fn new<'t>(sentences: impl IntoIterator<Item = &'t str>) -> Vocabulary {
        let mut v = Vocabulary::default();
        for s in sentences {
            v.sentences += 1;
            for g in han_bigrams(s) {
                *v.df.entry(g).or_default() += 1;
            }
        }
        v
    }

    /// (shared, rare, tfidf) of `text`, which is assumed to be one of the document's
    /// sentences (its own occurrence is not counted): the share of its bigrams found in at
    /// least 3 other sentences, the share found in none, and the mean IDF-weighted
    /// frequency of its bigrams, scaled to about [0, 1].
    fn topic(&self, text: &str) -> (f64, f64, f64) {
        let grams = han_bigrams(text);
        if grams.is_empty() || self.sentences < 2 {
            return (0.0, 0.0, 0.0);
        }
        let n = f64::from(self.sentences);
        let (mut shared, mut rare, mut tfidf) = (0.0, 0.0, 0.0);
        for g in &grams {
            let df = f64::from(self.df.get(g).copied().unwrap_or(1).max(1));
            let others = df - 1.0;
            if others >= 3.0 {
                shared += 1.0;
            }
            if others == 0.0 {
                rare += 1.0;
            }
            tfidf += (1.0 + others).ln() * (n / df).ln() / (1.0 + n).ln().powi(2);
        }
        let k = grams.len() as f64;
        (shared / k, rare / k, (4.0 * tfidf / k).min(1.0))
    }
}

const CONTRAST: &[&str] = &["不是", "而是", "但", "却", "反而", "并不", "其实", "而不"];
const DEFINITION: &[&str] = &["就是", "是一个", "是一种", "才是", "本质", "意味着", "叫做"];
const GENERAL: &[&str] = &[
    "所有", "任何", "每个", "一切", "总是", "往往", "永远", "都", "人们", "大家", "世界",
];
const CONVICTION: &[&str] = &[
    "一定",
    "必须",
    "必然",
    "我相信",
    "我认为",
    "我觉得",
    "肯定",
    "最",
    "从来",
    "绝对",
    "关键",
    "重要",
];
const FILLER: &[&str] = &["嘛", "对不对", "什么的", "呀", "唉", "哇", "哈哈", "嗯"];
const NARRATION: &[&str] = &["当时", "那个时候", "的时候", "后来", "那年", "去年"];

fn bucket(i: usize) -> (u32, f32) {
    (i as u32, 1.0)
}

fn index(name: &str) -> usize {
    NAMES.iter().position(|n| *n == name).unwrap_or(0)
}

/// FNV-1a of a tagged n-gram, reduced to a hashed-feature index.
fn hashed(tag: u8, gram: &[char]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |b: u8| {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    };
    eat(tag);
    let mut buf = [0u8; 4];
    for c in gram {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            eat(b);
        }
    }
    (NAMES.len() + (h as usize % HASHED)) as u32
}

/// The sparse feature vector of `text` at `place` in a document with vocabulary `vocab`:
/// `(index, value)` pairs, indices ascending and distinct.
pub fn extract(text: &str, place: Place, vocab: &Vocabulary) -> Vec<(u32, f32)> {
    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
    let mut out: Vec<(u32, f32)> = vec![bucket(0)];
    let n = count_chars(text);
    let len = match n {
        0..=11 => "len_8_11",
        12..=15 => "len_12_15",
        16..=20 => "len_16_20",
        21..=25 => "len_21_25",
        26..=32 => "len_26_32",
        33..=40 => "len_33_40",
        41..=50 => "len_41_50",
        51..=60 => "len_51_60",
        _ => "len_61_",
    };
    let pos = place.position;
    let at = if pos < 0.1 {
        "pos_0_10"
    } else if pos < 0.3 {
        "pos_10_30"
    } else if pos < 0.6 {
        "pos_30_60"
    } else if pos < 0.9 {
        "pos_60_90"
    } else {
        "pos_90_100"
    };
    let para = match place.sentences {
        0..=1 => "alone_in_paragraph",
        2..=3 => "paragraph_2_3",
        4..=6 => "paragraph_4_6",
        _ => "paragraph_7_",
    };
    let end = text.trim_end_matches(['”', '’', '）', ')', '」', '』', '"']);
    let clauses = text
        .chars()
        .filter(|c| matches!(c, '，' | ',' | '；' | ';' | '。' | '：' | '！' | '？'))
        .count();
    let flags = [
        (len, true),
        (at, true),
        (
            "first_in_paragraph",
            place.sentence == 0 && place.sentences > 1,
        ),
        (
            "last_in_paragraph",
            place.sentence + 1 >= place.sentences && place.sentences > 1,
        ),
        (para, true),
        ("contrast", has(CONTRAST)),
        ("definition", has(DEFINITION)),
        ("generalisation", has(GENERAL)),
        ("conviction", has(CONVICTION)),
        ("first_person", text.contains('我')),
        ("second_person", text.contains('你')),
        ("question", end.ends_with(['？', '?'])),
        ("exclamation", end.ends_with(['！', '!'])),
        (
            "context_opener",
            CONTEXT_OPENERS.iter().any(|w| text.starts_with(w)),
        ),
        ("filler", has(FILLER)),
        ("narration", has(NARRATION)),
        ("digits", text.chars().any(|c| c.is_ascii_digit())),
        ("latin", text.chars().any(|c| c.is_ascii_alphabetic())),
        ("quotation_marks", has(&["“", "「", "\""])),
        ("colon", has(&["：", ":"])),
        ("clauses_1", clauses <= 1),
        ("clauses_2_3", (2..=3).contains(&clauses)),
        ("clauses_4_", clauses >= 4),
    ];
    out.extend(
        flags
            .iter()
            .filter(|(_, on)| *on)
            .map(|(name, _)| bucket(index(name))),
    );
    let (shared, rare, tfidf) = vocab.topic(text);
    for (name, v) in [
        ("shared_vocabulary", shared),
        ("rare_vocabulary", rare),
        ("tfidf", tfidf),
    ] {
        if v > 0.0 {
            out.push((index(name) as u32, v as f32));
        }
    }
    // Character unigrams and bigrams (letters and Han only), each weighted 1/√(count).
    let chars: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut grams: HashMap<u32, f32> = HashMap::new();
    for c in &chars {
        *grams.entry(hashed(1, std::slice::from_ref(c))).or_default() += 1.0;
    }
    for w in chars.windows(2) {
        *grams.entry(hashed(2, w)).or_default() += 1.0;
    }
    if let Some(first) = chars.first() {
        *grams
            .entry(hashed(3, std::slice::from_ref(first)))
            .or_default() += 1.0;
    }
    let scale = 1.0 / (chars.len().max(1) as f32).sqrt();
    out.extend(grams.into_iter().map(|(i, v)| (i, v.min(1.0) * scale)));
    out.sort_unstable_by_key(|(i, _)| *i);
    out.dedup_by_key(|(i, _)| *i);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place() -> Place {
        Place {
            sentence: 0,
            sentences: 3,
            position: 0.5,
        }
    }

    #[test]
    fn vectors_are_sorted_distinct_and_in_range() {
        let v = Vocabulary::new(["我们不是想挣钱，而是要探索。", "探索是一个马拉松。"]);
        let f = extract("我们不是想挣钱，而是要探索。", place(), &v);
        assert!(f.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(f.iter().all(|(i, _)| (*i as usize) < NAMES.len() + HASHED));
        assert!(f.contains(&(index("contrast") as u32, 1.0)));
        assert!(!f.iter().any(|(i, _)| *i == index("question") as u32));
    }

    #[test]
    fn shared_vocabulary_counts_other_sentences() {
        let doc = [
            "模型会越来越好。",
            "模型会变便宜。",
            "模型会普及。",
            "模型会到处都有。",
        ];
        let v = Vocabulary::new(doc);
        let (shared, rare, _) = v.topic("模型会越来越好。");
        assert!(shared > 0.0 && rare > 0.0, "{shared} {rare}");
        let lone = Vocabulary::new(["今天下雨。"]);
        assert_eq!(lone.topic("今天下雨。"), (0.0, 0.0, 0.0));
    }
}
