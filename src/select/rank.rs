//! Automatic selection: every sentence (and pair of adjacent sentences) of a speaker scored by
//! a documented, deterministic formula, then picked so every section is represented and no
//! two picks are near-duplicates (found through [`super::near::NearIndex`], so picking stays
//! linear in the candidates however many quotes are taken).
//!
//! Score = length + shape + statement + conviction − context − filler (fillers, narration,
//! fragments); each part is documented where it is computed and shown by `--explain`.

use super::ids::count_chars;
use super::locate::{Passage, passage, sentence_ranges};
use super::near::NearIndex;
use crate::interview::{Interview, Kind, sentences};

/// Words that, opening a sentence, point back to what came before: a quote starting with one
/// does not stand on its own.
pub const CONTEXT_OPENERS: &[&str] = &[
    "这",
    "那",
    "他",
    "它",
    "她",
    "所以",
    "但是",
    "但",
    "而且",
    "因为",
    "就是",
    "然后",
    "而",
    "可是",
    "不过",
    "因此",
    "对",
    "嗯",
    "第一",
    "第二",
    "第三",
    "其实",
    "确实",
    "反正",
    "包括",
    "或者",
    "还是",
    "也",
    "当然",
    "好",
    "说白了",
    "后来",
    "接着",
    "比如",
    "只不过",
];

/// Aphoristic shapes: (name, first part, second part); the second must follow the first.
const SHAPES: &[(&str, &str, &str)] = &[
    ("不是…而是", "不是", "而是"),
    ("不是…是", "不是", "是"),
    ("只有…才", "只有", "才"),
    ("一旦…就", "一旦", "就"),
    ("越…越", "越", "越"),
    ("既…又", "既", "又"),
    ("没有…就", "没有", "就"),
    ("如果…就", "如果", "就"),
];

/// Markers of a definition or a conviction.
const CONVICTION: &[&str] = &[
    "一定",
    "必然",
    "永远",
    "才是",
    "本质",
    "我相信",
    "我希望",
    "肯定",
    "从来",
    "不存在",
    "最",
];

/// Markers of narration (when/then storytelling) that reads as anecdote, not as a line.
const NARRATION: &[&str] = &["当时", "那个时候", "的时候", "后来", "开始", "到了"];

/// Spoken fillers that read badly on a card.
const FILLERS: &[&str] = &["嘛", "对不对", "什么的", "吧？", "呀", "唉", "哇", "开玩笑"];

/// One scored candidate.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    pub passage: Passage<'a>,
    pub score: f64,
    pub parts: Vec<(&'static str, f64)>,
}

/// Score one text; `None` when it cannot be a quote at all (needs context, or too long/short).
pub fn score(text: &str, min: usize, max: usize) -> Option<(f64, Vec<(&'static str, f64)>)> {
    let n = count_chars(text);
    let opens_with_mark = text.chars().next().is_some_and(|c| !c.is_alphanumeric());
    if n < min || n > max || opens_with_mark || CONTEXT_OPENERS.iter().any(|w| text.starts_with(w))
    {
        return None;
    }
    let mut parts = Vec::new();
    // Length: best from 10 to 32 characters (a card's line or two), falling off linearly to
    // 0 at 7 and at 70.
    let length = match n {
        0..=7 => 0.0,
        8..=9 => (n - 7) as f64 / 3.0,
        10..=32 => 1.0,
        33..=70 => (70 - n) as f64 / 38.0,
        _ => 0.0,
    };
    parts.push(("length", length));
    let shape = SHAPES
        .iter()
        .filter(|(_, a, b)| {
            text.find(a)
                .is_some_and(|i| text[i + a.len()..].contains(b))
        })
        .count();
    let tail = text.char_indices().nth(1).map_or("", |(i, _)| &text[i..]);
    let contrast = ["但", "而", "却", "并不", "反而"]
        .iter()
        .any(|w| tail.contains(w));
    // A definition (`先行者一般就是创新者`, `是一个马拉松`) reads as a line of its own.
    let definition = ["就是", "是一个", "才是"].iter().any(|w| tail.contains(w));
    parts.push((
        "shape",
        0.6 * shape.min(1) as f64
            + if contrast { 0.3 } else { 0.0 }
            + if definition { 0.3 } else { 0.0 },
    ));
    let question = text
        .trim_end_matches(['”', '’', '）'])
        .ends_with(['？', '?']);
    parts.push(("statement", if question { -0.8 } else { 0.2 }));
    let conviction = CONVICTION
        .iter()
        .filter(|w| text.contains(*w))
        .count()
        .min(2);
    parts.push(("conviction", 0.25 * conviction as f64));
    let pronouns = ["这个", "那个", "这些", "他", "它", "这件事", "这样"]
        .iter()
        .filter(|w| text.contains(*w))
        .count();
    // Talking to the interviewer (`你看`, `你说`) ties a line to the conversation.
    let address = if text.contains('你') { 0.2 } else { 0.0 };
    parts.push(("context", -0.25 * pronouns.min(3) as f64 - address));
    let fillers = FILLERS.iter().filter(|w| text.contains(*w)).count();
    let narration = NARRATION.iter().filter(|w| text.contains(*w)).count();
    // A sentence of under 6 characters is a fragment (`有。`) that leans on its neighbour.
    let fragment = sentences(text).iter().any(|s| count_chars(s) < 6) && count_chars(text) > 8;
    parts.push((
        "filler",
        -0.5 * fillers.min(2) as f64
            - 0.3 * narration.min(2) as f64
            - if fragment { 0.5 } else { 0.0 },
    ));
    let score = parts.iter().map(|(_, v)| v).sum::<f64>();
    Some(((score * 1000.0).round() / 1000.0, parts))
}

/// All candidates of `speaker`: single sentences and pairs of adjacent sentences of a turn.
pub fn candidates<'a>(
    iv: &'a Interview,
    speaker: Option<&str>,
    min: usize,
    max: usize,
) -> Vec<Candidate<'a>> {
    let mut out = Vec::new();
    for p in iv.sections.iter().flat_map(|s| &s.paragraphs) {
        let speaks = |who: &str| who.split('、').any(|n| p.speaker.as_deref() == Some(n));
        if p.kind != Kind::Turn || speaker.is_some_and(|s| !speaks(s)) {
            continue;
        }
        let ranges = sentence_ranges(&p.text);
        for i in 0..ranges.len() {
            for j in i..ranges.len().min(i + 2) {
                let passage = passage(p, ranges[i].0, ranges[j].1);
                if let Some((score, parts)) = score(passage.text(), min, max) {
                    out.push(Candidate {
                        passage,
                        score,
                        parts,
                    });
                }
            }
        }
    }
    out
}

/// The ranked candidates of one speaker, sorted best first once, and picked from by every
/// `auto` entry in turn: a candidate found to be a near-duplicate of a taken quote is marked
/// and skipped from then on, so many entries cost no more than one pass each.
pub struct Ranked<'a> {
    cands: Vec<Candidate<'a>>,
    /// Candidate indices of each section, best first; sections in order of their best.
    sections: Vec<Vec<usize>>,
    /// Near-duplicates of a taken quote (the taken set only grows).
    dead: Vec<bool>,
}

impl<'a> Ranked<'a> {
    /// Sort `cands` by score (ties by address, so the result is deterministic).
    pub fn new(mut cands: Vec<Candidate<'a>>) -> Ranked<'a> {
        cands.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(
                    a.passage
                        .paragraph
                        .address
                        .cmp(&b.passage.paragraph.address),
                )
                .then(a.passage.start.cmp(&b.passage.start))
        });
        let mut order: Vec<u32> = Vec::new();
        let mut by_section: std::collections::HashMap<u32, Vec<usize>> = Default::default();
        for (i, c) in cands.iter().enumerate() {
            let s = c.passage.paragraph.address.section;
            by_section
                .entry(s)
                .or_insert_with(|| {
                    order.push(s);
                    Vec::new()
                })
                .push(i);
        }
        let sections = order.iter().filter_map(|s| by_section.remove(s)).collect();
        let dead = vec![false; cands.len()];
        Ranked {
            cands,
            sections,
            dead,
        }
    }

    /// Pick `n` candidates: first the best of each section (so every section is represented,
    /// sections in order of their best score), then the best remaining; never a
    /// near-duplicate of a pick or of a text in `taken`. Returned in address order.
    pub fn pick(&mut self, n: usize, taken: &NearIndex) -> Vec<Candidate<'a>> {
        let mut mine = NearIndex::default();
        let mut chosen = vec![false; self.cands.len()];
        let mut picked: Vec<usize> = Vec::new();
        let mut try_pick = |i: usize, dead: &mut [bool], picked: &mut Vec<usize>| -> bool {
            if dead[i] || chosen[i] {
                return false;
            }
            let text = self.cands[i].passage.text();
            if taken.matches(text) {
                dead[i] = true;
                return false;
            }
            if mine.matches(text) {
                return false;
            }
            mine.insert(text);
            chosen[i] = true;
            picked.push(i);
            true
        };
        for section in &self.sections {
            if picked.len() >= n {
                break;
            }
            for &i in section {
                if try_pick(i, &mut self.dead, &mut picked) {
                    break;
                }
            }
        }
        for i in 0..self.cands.len() {
            if picked.len() >= n {
                break;
            }
            try_pick(i, &mut self.dead, &mut picked);
        }
        let mut out: Vec<Candidate<'a>> =
            picked.into_iter().map(|i| self.cands[i].clone()).collect();
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

    #[test]
    fn context_openers_are_excluded() {
        assert!(score("这是我们的传统。", 4, 80).is_none());
        assert!(score("所以这个情况也不太一样。", 4, 80).is_none());
        assert!(score("我们是首先吃螃蟹的人。", 4, 80).is_some());
    }

    #[test]
    fn shapes_and_statements_score_higher() {
        let aphorism = score("智谱不是单纯想成立个公司去挣钱，而是要去探索AGI。", 4, 80)
            .unwrap()
            .0;
        let plain = score("我们经常到楼底下碰面去买咖啡。", 4, 80).unwrap().0;
        let question = score("你们怎么把这个东西商业化了？", 4, 80).unwrap().0;
        assert!(
            aphorism > plain && plain > question,
            "{aphorism} {plain} {question}"
        );
    }

    #[test]
    fn near_duplicates() {
        use super::super::near::near_duplicate;
        assert!(near_duplicate("我觉得祝大家好运吧", "我觉得祝大家好运吧。"));
        assert!(!near_duplicate(
            "我们是首先吃螃蟹的人。",
            "先行者一般就是创新者。"
        ));
    }
}
