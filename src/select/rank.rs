//! Automatic selection's candidates and their scores: every sentence (and pair of adjacent
//! sentences) of a speaker's turns that can stand on a card — within the length limits and
//! passing every [`super::standalone`] rule — scored by the learned text-only ranker
//! ([`super::learned`] over [`super::features`], plus how much it repeats the editor's
//! framing: title, summary, intro), by how likely it stands alone on a card ([`super::card`],
//! fitted on blind labels), by what makes it worth a card ([`super::worth`]), and
//! marked when the editor picked it ([`super::emphasis`]). Picking among them is
//! [`super::pick`]'s.

use super::bold_clause;
use super::card;
use super::emphasis::{Marks, Why};
use super::features::{Place, Vocabulary, extract};
use super::framing::Framing;
use super::ids::count_chars;
use super::learned;
use super::locate::{Passage, sentence_ranges, sentences_passage};
use super::standalone::{self, paragraphs::ParagraphRules};
use super::worth::worth;
use crate::interview::{Interview, Kind};
use std::collections::BTreeMap;

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
    /// The card model's logit that the passage alone is publishable ([`card::logit`]).
    pub card: f64,
}

impl Candidate<'_> {
    /// How well the passage stands on a card: its card logit, less the penalty of a rule it
    /// fails that the editor's bold overrides ([`standalone::YIELD_TO_EMPHASIS`]) — the
    /// model reads a line's words, the rule what the line leaves unsaid.
    pub fn stands(&self) -> f64 {
        let yielded: f64 = self
            .parts
            .iter()
            .filter(|(name, _)| standalone::YIELD_TO_EMPHASIS.contains(name))
            .map(|(_, v)| v)
            .sum();
        self.card + yielded
    }
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
/// How much `text` leans on what came before (0 or less).
fn leans_back(text: &str) -> f64 {
    let refs = REFERENCES
        .iter()
        .filter(|w| text.contains(*w))
        .count()
        .min(3);
    REFERENCE * refs as f64
}

/// Weight of the card model's logit ([`card::logit`]: is the line alone publishable?) in
/// the ranking score, set by hand against the blind judging: the learned ranker says what
/// editors bold in context, the card model what stands alone, and a card must do both.
const CARD: f64 = 1.0;

/// What an editor's pick failing a rule its bold overrides
/// ([`standalone::YIELD_TO_EMPHASIS`]) loses (logit units, named after the rule in
/// `--explain`): enough to rank it below the editor's picks that pass.
const YIELDED: f64 = -4.0;

fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

/// The score of a passage of one or more sentences: the probability that at least one of
/// them is an editor's pick (the ranker scores sentences: a passage agrees with the editor
/// when a sentence of it does), as a logit; the parts are the strongest sentence's, with
/// `pair` for what the others add.
fn combine(sentences: &[Scored]) -> Scored {
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

/// Why `text` cannot be an automatic pick: outside `min..=max` characters (`length`), or
/// the first [`standalone`](super::standalone) rule it fails; `None` when it can be one.
pub fn rejects(text: &str, min: usize, max: usize) -> Option<&'static str> {
    if !(min..=max).contains(&count_chars(text)) {
        return Some("length");
    }
    standalone::rejects(text)
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

/// How many passages (or, for paragraph rules, paragraphs) each rule rejected.
pub type Rejected = BTreeMap<&'static str, usize>;

/// All candidates of `speaker` (every speaker when `None`; a `、`-joined list names several),
/// counting in `rejected` what each filter ruled out; `named` when the user named the
/// speaker (whose turns are then never taken for an interviewer's, however much they ask).
pub fn candidates<'a>(
    iv: &'a Interview,
    speaker: Option<&str>,
    named: bool,
    min: usize,
    max: usize,
    rejected: &mut Rejected,
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
    let rules = ParagraphRules::new(iv, named.then_some(speaker).flatten());
    let scorer = Scorer {
        marks: &marks,
        framing: &framing,
        weights,
        min,
        max,
    };
    let total: usize = iv.paragraphs().map(|p| p.text.chars().count()).sum();
    let mut offset = 0usize;
    let mut out = Vec::new();
    for p in iv.paragraphs() {
        let at = offset;
        offset += p.text.chars().count();
        let speaks = |who: &str| who.split('、').any(|n| p.speaker.as_deref() == Some(n));
        if p.kind == Kind::Turn && speaker.is_some_and(|s| !speaks(s)) {
            continue;
        }
        if let Some(rule) = rules.rejects(p) {
            *rejected.entry(rule).or_default() += 1;
            continue;
        }
        let ranges = sentence_ranges(&p.text);
        // Characters before each sentence, counted once (not from the start each time).
        let mut before = at;
        let mut counted = 0;
        let places: Vec<Place> = ranges
            .iter()
            .enumerate()
            .map(|(i, &(start, _))| {
                before += p.text[counted..start].chars().count();
                counted = start;
                Place {
                    sentence: i,
                    sentences: ranges.len(),
                    position: before as f64 / total.max(1) as f64,
                }
            })
            .collect();
        let scored: Vec<Scored> = ranges
            .iter()
            .zip(&places)
            .map(|(&(start, end), &place)| {
                weights.score(&extract(&p.text[start..end], place, &vocab))
            })
            .collect();
        let clauses = bold_clause::clauses(p, &ranges);
        // An editor's pick holding the start of a bold clause past its own start quotes the
        // preamble the editor left out of the bold: the clause stands for it.
        let preamble = |c: &Candidate| {
            let (a, b) = (c.passage.start, c.passage.end);
            c.emphasis.is_some() && clauses.iter().any(|k| a < k.start && k.start < b)
        };
        for i in 0..ranges.len() {
            for j in i..ranges.len().min(i + 2) {
                let passage = sentences_passage(p, &ranges, i, j);
                let c = scorer.candidate(passage, &scored[i..=j], rejected);
                out.extend(c.filter(|c| !preamble(c)));
            }
        }
        // The editor's bold thoughts where they start, past a preamble or a signpost
        // ([`bold_clause`]): the clause's own words scored in place of its first sentence.
        for k in &clauses {
            let (i, j) = (k.first, k.last);
            let head = &p.text[k.start..k.end.min(ranges[i].1)];
            let mut parts = vec![weights.score(&extract(head, places[i], &vocab))];
            parts.extend(scored[i + 1..=j].iter().cloned());
            let passage = super::locate::span_passage(p, k.start, k.end, i, j);
            out.extend(
                scorer
                    .candidate(passage, &parts, rejected)
                    .filter(|c| c.emphasis.is_some())
                    .map(|c| Candidate {
                        emphasis: Some(Why::BoldClause),
                        ..c
                    }),
            );
        }
    }
    out
}

/// A sentence's learned score and its parts.
type Scored = (f64, Vec<(&'static str, f64)>);

/// What scores one passage: the interview's marks and framing, the learned weights, and the
/// length limits.
struct Scorer<'s> {
    marks: &'s Marks,
    framing: &'s Framing,
    weights: &'s learned::Weights,
    min: usize,
    max: usize,
}

impl Scorer<'_> {
    /// `passage` as a candidate, its sentences scored `sentences`; `None` (counted in
    /// `rejected`) when it fails a rule its emphasis does not override.
    fn candidate<'a>(
        &self,
        passage: Passage<'a>,
        sentences: &[Scored],
        rejected: &mut Rejected,
    ) -> Option<Candidate<'a>> {
        let mut yielded = None;
        if let Some(rule) = rejects(passage.text(), self.min, self.max) {
            let overridden =
                standalone::YIELD_TO_EMPHASIS.contains(&rule) && self.marks.why(&passage).is_some();
            if !overridden {
                *rejected.entry(rule).or_default() += 1;
                return None;
            }
            yielded = Some(rule);
        }
        let emphasis = self.marks.why(&passage);
        let (mut score, mut parts) = combine(sentences);
        let mut add = |name: &'static str, v: f64| {
            parts.push((name, v));
            score = round(score + v);
        };
        if let Some(rule) = yielded {
            add(rule, YIELDED);
        }
        let framed = self.weights.echo(self.framing.echo(passage.text()));
        if framed != 0.0 {
            add("framing", framed);
        }
        let echo = round(TITLE_ECHO * self.marks.echo(&passage));
        if echo > 0.0 {
            add("title", echo);
        }
        let alone = round(leans_back(passage.text()));
        if alone < 0.0 {
            add("standalone", alone);
        }
        let quotable = worth(passage.text());
        if quotable != 0.0 {
            add("worth", quotable);
        }
        let card = card::logit(passage.text());
        add("card", round(CARD * card));
        Some(Candidate {
            passage,
            score,
            parts,
            emphasis,
            card,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_the_standalone_rules_reject() {
        assert_eq!(rejects("这是我们的传统。", 4, 80), Some("reference"));
        assert_eq!(
            rejects("所以这个情况也不太一样。", 4, 80),
            Some("connective")
        );
        assert_eq!(
            rejects("你们怎么把这个东西商业化了？", 4, 80),
            Some("question")
        );
        assert_eq!(
            rejects("有。但大家不是正式的官方渠道。", 4, 80),
            Some("fragment")
        );
        assert_eq!(rejects("我们是首先吃螃蟹的人。", 4, 8), Some("length"));
        assert_eq!(rejects("我们是首先吃螃蟹的人。", 4, 80), None);
    }

    #[test]
    fn references_inside_a_line_lean_on_context() {
        assert_eq!(leans_back("先行者一般就是创新者。"), 0.0);
        assert!(leans_back("从那时开始，就非常重视这个。") < 0.0);
        assert!(leans_back("我们做了这个，也做了那个。") < leans_back("我们做了这个。"));
    }

    #[test]
    fn vocabulary_sentences_cut_like_the_training_data() {
        let s: Vec<&str> =
            vocabulary_sentences("短句。我们是首先吃螃蟹的人；AGI是一个马拉松，一个长跑！")
                .collect();
        assert_eq!(s, ["我们是首先吃螃蟹的人；", "AGI是一个马拉松，一个长跑！"]);
    }
}
