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

/// The card logit below which the editor's pick loses its tier: a line the card model gives
/// less than a 27% chance of standing alone (editors bold in context; such a line usually
/// needs its question). It then competes as jinju's own line, under the same floor. Set on
/// blind labels of the shared samples' and targets' candidates: −1 keeps the editor's
/// agreement (0.83 on the samples) while dropping the bold lines judged weakest; 0 would
/// break it (0.62).
const BOLD_FLOOR: f64 = -1.0;

/// Whether `c` is in the first tier: the editor picked it, and it may stand on a card.
fn editors(c: &Candidate) -> bool {
    c.emphasis.is_some() && c.card >= BOLD_FLOOR
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
    /// Sort `cands` best first: the editor's picks before the rest, the editor's by their
    /// card logit, the rest by score (ties by score, then address, so the result is
    /// deterministic).
    pub fn new(mut cands: Vec<Candidate<'a>>) -> Ranked<'a> {
        // The editor's picks by how well they stand alone (the editor already said they
        // matter; one failing a rule the bold overrides loses its penalty here too), the
        // others by the whole score.
        let key = |c: &Candidate| {
            if editors(c) { c.stands() } else { c.score }
        };
        cands.sort_by(|a, b| {
            editors(b)
                .cmp(&editors(a))
                .then(key(b).total_cmp(&key(a)))
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
                .map(|c| (editors(c), c.passage.paragraph.address.section)),
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

    /// Pick up to `n` candidates: first the best of each speaker (when there are several);
    /// then, in each tier (the editor's picks, then the rest), the best of each section not
    /// yet represented (sections in order of their best) and then the tier's best remaining,
    /// from paragraphs not picked from yet, then from any; never a near-duplicate of a pick
    /// or of a text in `taken`. Every guest of a panel is represented; spreading over
    /// sections takes only lines that stand on a card ([`Candidate::stands`]) at `floor`; of
    /// the rest, the editor's picks are taken whatever their logit (the editor vouched for
    /// them), jinju's own only when they reach it — so fewer than `n` come back when too few
    /// lines stand on a card. Returned in address order.
    pub fn pick(&mut self, n: usize, taken: &NearIndex, floor: f64) -> Vec<Candidate<'a>> {
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
        let clears = |i: usize| cands[i].stands() >= floor;
        let panel = self.speakers.len() > 1;
        for group in self.speakers.iter().filter(|_| panel) {
            if picked.len() >= n {
                break;
            }
            group.iter().any(|&i| try_pick(i, &mut picked, true));
        }
        let tier = |i: usize| editors(&cands[i]);
        let section = |i: usize| cands[i].passage.paragraph.address.section;
        for emphasised in [true, false] {
            for group in self.sections.iter().filter(|g| tier(g[0]) == emphasised) {
                let s = section(group[0]);
                if picked.len() >= n || picked.iter().any(|&i| section(i) == s) {
                    continue;
                }
                group
                    .iter()
                    .filter(|&&i| clears(i))
                    .any(|&i| try_pick(i, &mut picked, true));
            }
            // Then, short of `n`, the lines that clear the floor, then the editor's other
            // picks; a second line of a paragraph picked already last.
            for any in [false, emphasised] {
                for spread in [true, false] {
                    for i in (0..cands.len()).filter(|&i| tier(i) == emphasised) {
                        if picked.len() >= n {
                            break;
                        }
                        if any || clears(i) {
                            try_pick(i, &mut picked, spread);
                        }
                    }
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
        para_in(1, n, text)
    }

    fn para_in(section: u32, n: u32, text: &str) -> Paragraph {
        Paragraph {
            address: Address {
                section,
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
            card: 0.0,
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
                .pick(n, &NearIndex::default(), f64::NEG_INFINITY)
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

    #[test]
    fn only_lines_that_stand_on_a_card_unless_the_editor_picked_them() {
        let a = para(1, "好船是修出来的。");
        let b = para(2, "我们镇上以前有二十多家船厂。");
        let c = para(3, "当时大家都这么说。");
        let cands = |bold_card: f64| {
            let mut bold = cand(&c, "当时大家都这么说。", 0.5);
            bold.emphasis = Some(super::super::emphasis::Why::Bold);
            bold.card = bold_card;
            let mut strong = cand(&a, "好船是修出来的。", 1.0);
            strong.card = 1.5;
            let mut weak = cand(&b, "我们镇上以前有二十多家船厂。", 2.0);
            weak.card = -1.0;
            vec![bold, strong, weak]
        };
        let texts = |cs, n, floor| -> Vec<String> {
            Ranked::new(cs)
                .pick(n, &NearIndex::default(), floor)
                .iter()
                .map(|c| c.passage.text().to_string())
                .collect()
        };
        // Asked for three: the weak line of jinju's own is left out, the editor's is not
        // (below the card floor, above the editor's)…
        assert_eq!(
            texts(cands(-0.5), 3, 0.0),
            ["好船是修出来的。", "当时大家都这么说。"]
        );
        // …unless the card model gives it less than the editor's floor: then it is one of
        // jinju's own, under the same floor.
        assert_eq!(texts(cands(-2.0), 3, 0.0), ["好船是修出来的。"]);
        // With no floor, all three.
        assert_eq!(texts(cands(-2.0), 3, f64::NEG_INFINITY).len(), 3);
        // Nothing clears and nothing is the editor's: nothing.
        let mut only_weak = cands(-2.0);
        only_weak.retain(|c| c.emphasis.is_none() && c.card < 0.0);
        assert!(texts(only_weak, 3, 0.0).is_empty());
    }

    #[test]
    fn the_editors_picks_come_in_order_of_how_well_they_stand_alone() {
        let a = para(1, "好船是修出来的。");
        let b = para(2, "当时大家都这么说。");
        let mut strong = cand(&a, "好船是修出来的。", -3.0);
        strong.card = 2.0;
        let mut weak = cand(&b, "当时大家都这么说。", 3.0);
        weak.card = -0.8;
        for c in [&mut strong, &mut weak] {
            c.emphasis = Some(super::super::emphasis::Why::Bold);
        }
        let one = Ranked::new(vec![weak, strong]).pick(1, &NearIndex::default(), 0.0);
        assert_eq!(one[0].passage.text(), "好船是修出来的。");
    }

    #[test]
    fn a_bold_line_failing_a_rule_its_bold_overrides_represents_no_section() {
        let a = para_in(1, 1, "好船是修出来的。");
        let b = para_in(1, 2, "手艺是练出来的。");
        let c = para_in(2, 1, "我从来不相信这种说法。");
        let bold = |p, sentence, card, yielded: Option<f64>| {
            let mut c = cand(p, sentence, 0.0);
            c.emphasis = Some(super::super::emphasis::Why::Bold);
            c.card = card;
            c.parts.extend(yielded.map(|v| ("demonstrative", v)));
            c
        };
        let cands = || {
            vec![
                bold(&a, "好船是修出来的。", 2.0, None),
                bold(&b, "手艺是练出来的。", 1.5, None),
                bold(&c, "我从来不相信这种说法。", 0.5, Some(-4.0)),
            ]
        };
        let texts = |n| -> Vec<String> {
            Ranked::new(cands())
                .pick(n, &NearIndex::default(), 0.0)
                .iter()
                .map(|c| c.passage.text().to_string())
                .collect()
        };
        // Section 2's only bold line leans outside itself: the second line of section 1
        // comes first…
        assert_eq!(texts(2), ["好船是修出来的。", "手艺是练出来的。"]);
        // …and the editor's line still comes when more are asked for.
        assert_eq!(texts(3).len(), 3);
    }
}
