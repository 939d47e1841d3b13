//! Near-duplicate lookup: two texts are near-duplicates when one contains the other (letters
//! and digits only) or their character bigrams overlap by more than half (Jaccard). The
//! index finds, for a new text, only the texts that share a bigram with it, so checking a
//! candidate costs what it overlaps with, not the number of quotes already taken.

use std::collections::{HashMap, HashSet};

type Gram = (char, char);

/// A text prepared for comparison: its letters and digits, and its sorted distinct bigrams.
struct Prepared {
    stripped: String,
    grams: Vec<Gram>,
}

fn prepare(text: &str) -> Prepared {
    let chars: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut grams: Vec<Gram> = chars.windows(2).map(|w| (w[0], w[1])).collect();
    grams.sort_unstable();
    grams.dedup();
    Prepared {
        stripped: chars.into_iter().collect(),
        grams,
    }
}

/// Jaccard similarity of two sorted bigram sets (0 when either is empty).
fn jaccard(a: &[Gram], b: &[Gram]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.iter().filter(|g| b.binary_search(g).is_ok()).count();
    common as f64 / (a.len() + b.len() - common) as f64
}

fn near(a: &Prepared, b: &Prepared) -> bool {
    a.stripped.contains(&b.stripped)
        || b.stripped.contains(&a.stripped)
        || jaccard(&a.grams, &b.grams) > 0.5
}

/// Character-bigram Jaccard similarity of two texts (letters and digits only).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (pa, pb) = (prepare(a), prepare(b));
    if pa.grams.is_empty() || pb.grams.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    jaccard(&pa.grams, &pb.grams)
}

/// True when two texts are near-duplicates: one contains the other, or their bigrams overlap
/// by more than half.
pub fn near_duplicate(a: &str, b: &str) -> bool {
    near(&prepare(a), &prepare(b))
}

/// Texts already taken, indexed by bigram.
#[derive(Default)]
pub struct NearIndex {
    texts: Vec<Prepared>,
    postings: HashMap<Gram, Vec<usize>>,
    /// Texts with no bigram (one letter or none): compared with every query.
    short: Vec<usize>,
}

impl NearIndex {
    pub fn insert(&mut self, text: &str) {
        let p = prepare(text);
        let i = self.texts.len();
        if p.grams.is_empty() {
            self.short.push(i);
        }
        for g in &p.grams {
            self.postings.entry(*g).or_default().push(i);
        }
        self.texts.push(p);
    }

    /// True when `text` is a near-duplicate of a text in the index.
    pub fn matches(&self, text: &str) -> bool {
        let q = prepare(text);
        if q.grams.is_empty() {
            // A text this short may sit inside any other.
            return self.texts.iter().any(|t| near(t, &q));
        }
        if self.short.iter().any(|&i| near(&self.texts[i], &q)) {
            return true;
        }
        // A near-duplicate shares a bigram (containment of a text of two or more letters
        // shares all of the shorter one's; overlap over half shares some).
        let mut seen = HashSet::new();
        q.grams
            .iter()
            .filter_map(|g| self.postings.get(g))
            .flatten()
            .any(|&i| seen.insert(i) && near(&self.texts[i], &q))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_agrees_with_pairwise_checks() {
        let taken = ["我觉得祝大家好运吧", "先行者一般就是创新者。", "AI", "x"];
        let queries = [
            "我觉得祝大家好运吧。",
            "我们是首先吃螃蟹的人。",
            "先行者就是创新者",
            "AI 1.0 的时代",
            "x",
            "",
        ];
        let mut index = NearIndex::default();
        for t in taken {
            index.insert(t);
        }
        for q in queries {
            let pairwise = taken.iter().any(|t| near_duplicate(t, q));
            assert_eq!(index.matches(q), pairwise, "{q}");
        }
    }
}
