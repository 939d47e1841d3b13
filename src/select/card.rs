//! The card model: how likely a line, alone on a card with only its speaker's name under it,
//! is one an editor would publish (the rubric of the blind judging: self-contained and
//! meaningful). A logistic regression fitted by `tools/train_card.py` on blind labels of
//! candidate lines (`tools/card_labels.jsonl`: lines of the shared corpus and of the emphasis
//! data, scored 0–3 by two labellers who saw only the lines and the rubric), over
//! [`super::features`] of the line as the labellers saw it: alone, with no place in a
//! paragraph and no document vocabulary. The weights (`card_weights.json`) are embedded.
//!
//! A second head, fitted the same way on the same labels, gives the odds that the line is
//! excellent (3: striking, quotable) rather than merely publishable; ranking adds half its
//! logit above the labels' share of excellent lines ([`Odds::striking`]). Held out by source
//! over three splits of the corpus, that raised the excellent among the top 8 per interview
//! by 0.024–0.031 (from 0.125–0.132), the publishable unchanged (−0.017 to +0.004).
//!
//! The learned ranker (`select::learned`) knows what editors bold in context; this model
//! knows what stands on a card. Ranking adds both.

use super::card_cues;
use super::features::{HASHED, NAMES as SHARED, Place, Vocabulary, extract};
use super::learned::{Linear, LinearFile};
use std::sync::OnceLock;

/// The fitted weights, embedded at build time.
const WEIGHTS: &str = include_str!("card_weights.json");

/// The weights file: the shared features' weights, then the cues'; the excellent head's
/// alike, with the labels' share of excellent lines.
#[derive(serde::Deserialize)]
struct File {
    #[serde(flatten)]
    linear: LinearFile,
    cue_names: Vec<String>,
    cue_weights: Vec<f32>,
    excellent: ExcellentFile,
}

#[derive(serde::Deserialize)]
struct ExcellentFile {
    #[serde(flatten)]
    linear: LinearFile,
    cue_weights: Vec<f32>,
    share: f64,
}

/// A linear model over the shared features and one over the cues.
#[derive(Debug)]
struct Head {
    linear: Linear,
    cues: Vec<f32>,
}

impl Head {
    fn new(linear: LinearFile, cues: Vec<f32>) -> Result<Head, String> {
        if cues.len() != card_cues::NAMES.len() || !cues.iter().all(|w| w.is_finite()) {
            return Err("its cue weights are not src/select/card_cues.rs's: refit it".into());
        }
        Ok(Head {
            linear: linear.check()?,
            cues,
        })
    }

    fn logit(&self, shared: &[(u32, f32)], cues: &[(u32, f32)]) -> f64 {
        let base = (SHARED.len() + HASHED) as u32;
        let cue: f64 = cues
            .iter()
            .map(|&(i, v)| f64::from(self.cues[(i - base) as usize]) * f64::from(v))
            .sum();
        self.linear.logit(shared) + cue
    }
}

/// The fitted model: is the line publishable, and is it excellent.
#[derive(Debug)]
struct Model {
    publishable: Head,
    excellent: Head,
    /// The logit of the labels' share of excellent lines: the excellent head's prior.
    prior: f64,
}

fn parse(json: &str) -> Result<Model, String> {
    let f: File = serde_json::from_str(json).map_err(|e| format!("not a weights file: {e}"))?;
    if f.cue_names
        .iter()
        .map(String::as_str)
        .ne(card_cues::NAMES.iter().copied())
    {
        return Err("its cues are not src/select/card_cues.rs's: refit it".into());
    }
    let share = f.excellent.share;
    if !(share > 0.0 && share < 1.0) {
        return Err(format!(
            "its share of excellent lines, {share}, is not a share"
        ));
    }
    Ok(Model {
        publishable: Head::new(f.linear, f.cue_weights)?,
        excellent: Head::new(f.excellent.linear, f.excellent.cue_weights)?,
        prior: (share / (1.0 - share)).ln(),
    })
}

/// The embedded weights (parsed once; a test checks that they parse).
fn weights() -> &'static Model {
    static W: OnceLock<Model> = OnceLock::new();
    W.get_or_init(|| parse(WEIGHTS).unwrap_or_else(|e| panic!("embedded card_weights.json: {e}")))
}

/// The shared features of `text` standing alone: one sentence of its own paragraph, mid
/// document, no vocabulary.
fn shared(text: &str) -> Vec<(u32, f32)> {
    let alone = Place {
        sentence: 0,
        sentences: 1,
        position: 0.5,
    };
    extract(text, alone, &Vocabulary::default())
}

/// The feature vector `tools/train_card.py` fits on: the shared features, then the card's
/// own cues (indexed after them).
pub fn vector(text: &str) -> Vec<(u32, f32)> {
    let mut v = shared(text);
    v.extend(card_cues::vector(text));
    v
}

/// What the model reads of a line alone on a card (logits rounded to 0.001).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Odds {
    /// The logit that the line is publishable (2 or 3).
    pub publishable: f64,
    /// The logit that it is excellent (3), less the labels' prior: above 0, likelier
    /// excellent than a labelled line at large.
    pub striking: f64,
}

/// The model's odds for `text` alone on a card.
pub fn odds(text: &str) -> Odds {
    let m = weights();
    let (shared, cues) = (shared(text), card_cues::vector(text));
    let round = |v: f64| (v * 1000.0).round() / 1000.0;
    Odds {
        publishable: round(m.publishable.logit(&shared, &cues)),
        striking: round(m.excellent.logit(&shared, &cues) - m.prior),
    }
}

/// The model's logit that `text` alone is publishable (rounded to 0.001).
pub fn logit(text: &str) -> f64 {
    odds(text).publishable
}

/// The first hard filter of automatic selection `text` fails (`None` when it stands alone):
/// what the training script reports beside each label.
pub fn rejects(text: &str) -> Option<&'static str> {
    super::standalone::rejects(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_weights_load_and_are_small() {
        assert!(WEIGHTS.len() < 64 * 1024, "{} bytes", WEIGHTS.len());
        assert!(logit("一句话。").is_finite());
        assert!(parse("{}").is_err());
        let bad = WEIGHTS.replacen("\"bias\"", "\"biased\"", 1);
        assert!(parse(&bad).unwrap_err().contains("feature names"));
        let bad = WEIGHTS.replacen("\"hedge\"", "\"hedges\"", 1);
        assert!(parse(&bad).unwrap_err().contains("cues"));
        let bad = WEIGHTS.replacen("\"share\":", "\"share\":1.5,\"old\":", 1);
        assert!(parse(&bad).unwrap_err().contains("share"));
    }

    #[test]
    fn a_striking_line_reads_more_excellent_than_a_plain_one() {
        let striking = odds("好的船不是造出来的，而是修出来的。").striking;
        let plain = odds("我们镇上去年一共卖出了二十条船。").striking;
        assert!(striking > plain, "{striking} {plain}");
    }

    #[test]
    fn a_claim_that_stands_alone_beats_a_line_that_leans_on_context() {
        let claims = [
            "好的船不是造出来的，而是修出来的。",
            "手艺人一定要对自己的东西有敬畏心。",
            "我认为一个行业最大的风险是没有人愿意入行。",
        ];
        let leaning = [
            "所以这些东西后来也就没有再做了。",
            "这个其实当时我们也没想到。",
            "他们2019年在镇上开了3家店。",
        ];
        let worst = claims
            .iter()
            .map(|t| logit(t))
            .fold(f64::INFINITY, f64::min);
        let best = leaning
            .iter()
            .map(|t| logit(t))
            .fold(f64::NEG_INFINITY, f64::max);
        assert!(worst > best, "{worst} {best}");
    }
}
