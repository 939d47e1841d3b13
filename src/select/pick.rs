//! Picking from the ranked candidates with variety: every guest of a panel represented
//! first; then the editor's picks (emphasis), every section that has one represented among
//! them, then the rest of them; then the same among the other candidates (by the learned
//! score), so a section the editor marked nothing in is represented when the number asked
//! allows; never a near-duplicate of a pick or of a quote already taken (found
//! through [`super::near::NearIndex`], so picking stays linear in the candidates however
//! many quotes are taken), nor a passage that shares a sentence with a pick; and, within a
//! tier, a second pick from a paragraph (one idea) only when the tier's other paragraphs
//! are exhausted.

use super::near::NearIndex;
use super::rank::Candidate;
use crate::interview::Address;
use std::collections::HashMap;

/// The ranked candidates of one speaker (or of a panel's guests), sorted best first once,
/// and picked from by every `auto` entry in turn: a candidate found to be a near-duplicate
/// of a taken quote is marked and skipped from then on, so many entries cost no more than
/// one pass each.
pub struct Ranked<'a> {
    cands: Vec<Candidate<'a>>,
    /// Candidate indices of each speaker, best first; speakers in order of their best.
    speakers: Vec<Vec<usize>>,
    /// Candidate indices of each section within each tier (the editor's picks, the rest),
    /// best first; the editor's picks first, then sections in order of their best.
    sections: Vec<Vec<usize>>,
    /// Near-duplicates of a taken quote (the taken set only grows).
    dead: Vec<bool>,
    /// Byte ranges picked so far, by paragraph: a passage sharing a sentence with a pick is
    /// the same idea (`A。B。` and `B。C。`), whatever its other sentence.
    used: HashMap<Address, Vec<(usize, usize)>>,
}

/// Indices grouped by `key`, groups in order of their first (best) member.
fn groups<K: std::hash::Hash + Eq + Clone>(keys: impl Iterator<Item = K>) -> Vec<Vec<usize>> {
    let mut order: Vec<K> = Vec::new();
    let mut by: HashMap<K, Vec<usize>> = HashMap::new();
    for (i, k) in keys.enumerate() {
        by.entry(k.clone())
            .or_insert_with(|| {
                order.push(k);
                Vec::new()
            })
            .push(i);
    }
    order.iter().filter_map(|k| by.remove(k)).collect()
}

impl<'a> Ranked<'a> {
    /// Sort `cands` best first: the editor's picks before the rest, then by score (ties by
    /// address, so the result is deterministic).
    pub fn new(mut cands: Vec<Candidate<'a>>) -> Ranked<'a> {
        cands.sort_by(|a, b| {
            b.emphasis
                .is_some()
                .cmp(&a.emphasis.is_some())
                .then(b.score.total_cmp(&a.score))
                .then(
                    a.passage
                        .paragraph
                        .address
                        .cmp(&b.passage.paragraph.address),
                )
                .then(a.passage.start.cmp(&b.passage.start))
        });
        let speakers = groups(cands.iter().map(|c| c.passage.paragraph.speaker.clone()));
        let sections = groups(
            cands
                .iter()
                .map(|c| (c.emphasis.is_some(), c.passage.paragraph.address.section)),
        );
        let dead = vec![false; cands.len()];
        Ranked {
            cands,
            speakers,
            sections,
            dead,
            used: HashMap::new(),
        }
    }

    /// Pick `n` candidates: first the best of each speaker (when there are several); then,
    /// in each tier (the editor's picks, then the rest), the best of each section not yet
    /// represented (sections in order of their best) and then the tier's best remaining, from
    /// paragraphs not picked from yet, then from any; never a near-duplicate of a pick or of
    /// a text in `taken`. Returned in address order.
    pub fn pick(&mut self, n: usize, taken: &NearIndex) -> Vec<Candidate<'a>> {
        let mut mine = NearIndex::default();
        let mut chosen = vec![false; self.cands.len()];
        let mut picked: Vec<usize> = Vec::new();
        let cands = &self.cands;
        let dead = &mut self.dead;
        let used = &mut self.used;
        let mut try_pick = |i: usize, picked: &mut Vec<usize>, spread: bool| -> bool {
            if dead[i] || chosen[i] {
                return false;
            }
            let p = &cands[i].passage;
            let ranges = used.entry(p.paragraph.address).or_default();
            if spread && !ranges.is_empty() {
                return false;
            }
            if ranges.iter().any(|&(a, b)| p.start < b && a < p.end) {
                dead[i] = true;
                return false;
            }
            let text = p.text();
            if taken.matches(text) {
                dead[i] = true;
                return false;
            }
            if mine.matches(text) {
                return false;
            }
            mine.insert(text);
            ranges.push((p.start, p.end));
            chosen[i] = true;
            picked.push(i);
            true
        };
        let panel = self.speakers.len() > 1;
        for group in self.speakers.iter().filter(|_| panel) {
            if picked.len() >= n {
                break;
            }
            group.iter().any(|&i| try_pick(i, &mut picked, true));
        }
        let tier = |i: usize| cands[i].emphasis.is_some();
        let section = |i: usize| cands[i].passage.paragraph.address.section;
        for emphasised in [true, false] {
            for group in self.sections.iter().filter(|g| tier(g[0]) == emphasised) {
                let s = section(group[0]);
                if picked.len() >= n || picked.iter().any(|&i| section(i) == s) {
                    continue;
                }
                group.iter().any(|&i| try_pick(i, &mut picked, true));
            }
            // Then, short of `n`, a second line of a paragraph picked already.
            for spread in [true, false] {
                for i in (0..cands.len()).filter(|&i| tier(i) == emphasised) {
                    if picked.len() >= n {
                        break;
                    }
                    try_pick(i, &mut picked, spread);
                }
            }
        }
        let mut out: Vec<Candidate<'a>> = picked.into_iter().map(|i| cands[i].clone()).collect();
        out.sort_by(|a, b| {
            a.passage
                .paragraph
                .address
                .cmp(&b.passage.paragraph.address)
                .then(a.passage.start.cmp(&b.passage.start))
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::{Kind, Paragraph};
    use crate::select::locate::passage;

    fn para(n: u32, text: &str) -> Paragraph {
        Paragraph {
            address: Address {
                section: 1,
                paragraph: n,
            },
            kind: Kind::Turn,
            speaker: Some("陈远".into()),
            opens_turn: true,
            text: text.into(),
            emphasis: Vec::new(),
            time: None,
        }
    }

    fn cand<'a>(p: &'a Paragraph, sentence: &str, score: f64) -> Candidate<'a> {
        let start = p.text.find(sentence).unwrap();
        Candidate {
            passage: passage(p, start, start + sentence.len()),
            score,
            parts: Vec::new(),
            emphasis: None,
        }
    }

    #[test]
    fn a_second_line_of_a_paragraph_waits_for_the_other_paragraphs() {
        let a = para(1, "一条船要做半年才能下水。手艺这东西心诚比手巧更重要。");
        let b = para(2, "我们镇上以前有二十多家船厂。");
        let cands = || {
            vec![
                cand(&a, "一条船要做半年才能下水。", 3.0),
                cand(&a, "手艺这东西心诚比手巧更重要。", 2.0),
                cand(&b, "我们镇上以前有二十多家船厂。", 1.0),
            ]
        };
        let texts = |n: usize| -> Vec<String> {
            Ranked::new(cands())
                .pick(n, &NearIndex::default())
                .iter()
                .map(|c| c.passage.text().to_string())
                .collect()
        };
        assert_eq!(
            texts(2),
            ["一条船要做半年才能下水。", "我们镇上以前有二十多家船厂。"]
        );
        assert_eq!(texts(3).len(), 3);
    }
}
