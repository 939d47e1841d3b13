//! Automatic selection's candidates and their scores: every sentence (and pair of adjacent
//! sentences) of a speaker's turns that can stand on a card — not a question, not opening on
//! a word that points back, within the length limits — scored by the learned text-only ranker
//! ([`super::learned`] over [`super::features`], plus how much it repeats the editor's framing:
//! title, summary, intro) and marked when the editor picked it ([`super::emphasis`]). Picking among them is [`super::pick`]'s.

use super::emphasis::{Marks, Why};
use super::features::{Place, Vocabulary, extract};
use super::framing::Framing;
use super::ids::count_chars;
use super::learned;
use super::locate::{Passage, sentence_ranges, sentences_passage};
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

/// One scored candidate.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    pub passage: Passage<'a>,
    /// The learned ranker's score (its logit).
    pub score: f64,
    /// The score's parts by feature group.
    pub parts: Vec<(&'static str, f64)>,
    /// Why the editor's emphasis makes it a pick, if it does.
    pub emphasis: Option<Why>,
}

/// Weight (in logit units) of repeating the whole section title: the training set has no
/// headings, so this one is set by hand, not learned — a title is the editor's own summary
/// of the section's point, so a line that repeats it is likelier the point.
const TITLE_ECHO: f64 = 1.0;

/// Words that refer back to something said before (a card carries no context), and the
/// penalty (logit units, at most 3 counted) of each: set by hand, like [`TITLE_ECHO`] —
/// editors bold lines in context, so the training set cannot teach standing alone.
const REFERENCES: &[&str] = &[
    "这个",
    "那个",
    "这些",
    "那些",
    "这样",
    "这件事",
    "他",
    "它",
    "她",
];
const REFERENCE: f64 = -0.3;
/// Penalty of a passage opening on a short reply (`我觉得不会。`, `有一段时间了吧。`) that
/// answers a question the card does not show.
const REPLY: f64 = -0.6;
/// Penalty of a passage with a clause that ends on the tentative 吧 (`我觉得祝大家好运吧。`,
/// `算中肯吧，就像…`): a hedged answer to a question the card does not show.
const HEDGE: f64 = -0.6;

/// True when a clause of `text` ends on the tentative particle 吧 (a mark or the end after it).
fn hedged(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '吧' && chars.peek().is_none_or(|n| !n.is_alphanumeric()) {
            return true;
        }
    }
    false
}

/// How much `text` leans on what came before (0 or less).
fn standalone(text: &str) -> f64 {
    let refs = REFERENCES
        .iter()
        .filter(|w| text.contains(*w))
        .count()
        .min(3);
    let parts = sentences(text);
    let reply = parts.len() > 1 && count_chars(parts[0]) < 9;
    let hedge = hedged(text);
    REFERENCE * refs as f64 + if reply { REPLY } else { 0.0 } + if hedge { HEDGE } else { 0.0 }
}

fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

/// The score of a passage of one or more sentences: the probability that at least one of
/// them is an editor's pick (the ranker scores sentences: a passage agrees with the editor
/// when a sentence of it does), as a logit; the parts are the strongest sentence's, with
/// `pair` for what the others add.
fn combine(sentences: &[(f64, Vec<(&'static str, f64)>)]) -> (f64, Vec<(&'static str, f64)>) {
    let sigmoid = |z: f64| 1.0 / (1.0 + (-z).exp());
    let none: f64 = sentences.iter().map(|(z, _)| 1.0 - sigmoid(*z)).product();
    let Some((best, parts)) = sentences.iter().max_by(|a, b| a.0.total_cmp(&b.0)) else {
        return (0.0, Vec::new());
    };
    if sentences.len() == 1 {
        return (*best, parts.clone());
    }
    let p = (1.0 - none).clamp(1e-9, 1.0 - 1e-9);
    let score = round((p / (1.0 - p)).ln());
    let mut parts = parts.clone();
    parts.push(("pair", round(score - best)));
    (score, parts)
}

/// True when `text` can be a quote at all: within `min..=max` characters, no sentence of it
/// a question, no sentence of a passage of several a fragment (under 6 characters, `有。`,
/// leaning on its neighbour), not opening on a mark or on a word that needs what came
/// before.
pub fn eligible(text: &str, min: usize, max: usize) -> bool {
    let n = count_chars(text);
    let opens_with_mark = text.chars().next().is_some_and(|c| !c.is_alphanumeric());
    let parts = sentences(text);
    let question = parts.iter().any(|s| {
        s.trim_end_matches(['”', '’', '）', ')', '」', '』'])
            .ends_with(['？', '?'])
    });
    let fragment = parts.len() > 1 && parts.iter().any(|s| count_chars(s) < 6);
    (min..=max).contains(&n)
        && !opens_with_mark
        && !question
        && !fragment
        && !CONTEXT_OPENERS.iter().any(|w| text.starts_with(w))
}

/// Sentences as the training data cut them (after 。！？!? and ；), kept when they have 8–80
/// characters and at least 6 Han characters: the documents the vocabulary is counted over.
fn vocabulary_sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(['。', '！', '？', '!', '?', '；'])
        .map(str::trim)
        .filter(|s| {
            let n = s.chars().count();
            let han = s
                .chars()
                .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                .count();
            (8..=80).contains(&n) && han >= 6
        })
}

/// All candidates of `speaker` (every speaker when `None`; a `、`-joined list names several).
pub fn candidates<'a>(
    iv: &'a Interview,
    speaker: Option<&str>,
    min: usize,
    max: usize,
) -> Vec<Candidate<'a>> {
    let vocab = Vocabulary::new(iv.paragraphs().flat_map(|p| vocabulary_sentences(&p.text)));
    let marks = Marks::new(iv);
    let weights = learned::weights();
    let framing = Framing::new(
        [iv.meta.title.as_str(), iv.meta.summary.as_str()]
            .into_iter()
            .chain(
                iv.meta
                    .intro_paragraphs
                    .iter()
                    .filter(|p| p.kind != Kind::Caption)
                    .map(|p| p.text.as_str()),
            ),
    );
    let total: usize = iv.paragraphs().map(|p| p.text.chars().count()).sum();
    let mut offset = 0usize;
    let mut out = Vec::new();
    for p in iv.paragraphs() {
        let at = offset;
        offset += p.text.chars().count();
        let speaks = |who: &str| who.split('、').any(|n| p.speaker.as_deref() == Some(n));
        if p.kind != Kind::Turn || speaker.is_some_and(|s| !speaks(s)) {
            continue;
        }
        let ranges = sentence_ranges(&p.text);
        // Characters before each sentence, counted once (not from the start each time).
        let mut before = at;
        let mut counted = 0;
        let scored: Vec<(f64, Vec<(&'static str, f64)>)> = ranges
            .iter()
            .enumerate()
            .map(|(i, &(start, end))| {
                before += p.text[counted..start].chars().count();
                counted = start;
                let place = Place {
                    sentence: i,
                    sentences: ranges.len(),
                    position: before as f64 / total.max(1) as f64,
                };
                weights.score(&extract(&p.text[start..end], place, &vocab))
            })
            .collect();
        for i in 0..ranges.len() {
            for j in i..ranges.len().min(i + 2) {
                let passage = sentences_passage(p, &ranges, i, j);
                if !eligible(passage.text(), min, max) {
                    continue;
                }
                let (mut score, mut parts) = combine(&scored[i..=j]);
                let framed = weights.echo(framing.echo(passage.text()));
                if framed != 0.0 {
                    parts.push(("framing", framed));
                    score = round(score + framed);
                }
                let echo = round(TITLE_ECHO * marks.echo(&passage));
                if echo > 0.0 {
                    parts.push(("title", echo));
                    score = round(score + echo);
                }
                let alone = round(standalone(passage.text()));
                if alone < 0.0 {
                    parts.push(("standalone", alone));
                    score = round(score + alone);
                }
                let emphasis = marks.why(&passage);
                out.push(Candidate {
                    passage,
                    score,
                    parts,
                    emphasis,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_context_openers_and_lengths_are_not_eligible() {
        assert!(!eligible("这是我们的传统。", 4, 80));
        assert!(!eligible("所以这个情况也不太一样。", 4, 80));
        assert!(!eligible("你们怎么把这个东西商业化了？", 4, 80));
        assert!(!eligible("我们为什么不试试呢？”", 4, 80));
        assert!(!eligible("你看为什么要讲那个故事？其实是想说明白。", 4, 80));
        assert!(!eligible("有。但大家不是正式的官方渠道。", 4, 80));
        assert!(!eligible("我们是首先吃螃蟹的人。", 4, 8));
        assert!(eligible("我们是首先吃螃蟹的人。", 4, 80));
    }

    #[test]
    fn references_and_replies_lean_on_context() {
        assert_eq!(standalone("先行者一般就是创新者。"), 0.0);
        assert!(standalone("从那时开始，就非常重视这个。") < 0.0);
        assert!(
            standalone("我觉得不会。我们希望大家知道智谱在做什么。")
                < standalone("我们希望大家知道智谱在做什么。")
        );
        assert!(standalone("我觉得祝大家好运吧。") < 0.0);
        assert!(standalone("算中肯吧！”") < 0.0);
        assert!(standalone("我觉得算中肯吧，就像大家评价的一样。") < 0.0);
        assert_eq!(standalone("吧台在门口。"), 0.0);
    }

    #[test]
    fn vocabulary_sentences_cut_like_the_training_data() {
        let s: Vec<&str> =
            vocabulary_sentences("短句。我们是首先吃螃蟹的人；AGI是一个马拉松，一个长跑！")
                .collect();
        assert_eq!(s, ["我们是首先吃螃蟹的人；", "AGI是一个马拉松，一个长跑！"]);
    }
}
