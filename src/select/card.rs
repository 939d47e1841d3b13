//! The card model: how likely a line, alone on a card with only its speaker's name under it,
//! is one an editor would publish (the rubric of the blind judging: self-contained and
//! meaningful). A logistic regression fitted by `tools/train_card.py` on blind labels of
//! candidate lines (`tools/card_labels.jsonl`: lines of the shared corpus and of the emphasis
//! data, scored 0–3 by two labellers who saw only the lines and the rubric), over
//! [`super::features`] of the line as the labellers saw it: alone, with no place in a
//! paragraph and no document vocabulary. The weights (`card_weights.json`) are embedded.
//!
//! The learned ranker (`select::learned`) knows what editors bold in context; this model
//! knows what stands on a card. Ranking adds both.

use super::card_cues;
use super::features::{HASHED, NAMES as SHARED, Place, Vocabulary, extract};
use super::learned::{Linear, LinearFile};
use std::sync::OnceLock;

/// The fitted weights, embedded at build time.
const WEIGHTS: &str = include_str!("card_weights.json");

/// The weights file: the shared features' weights, then the cues'.
#[derive(serde::Deserialize)]
struct File {
    #[serde(flatten)]
    linear: LinearFile,
    cue_names: Vec<String>,
    cue_weights: Vec<f32>,
}

/// The fitted model: a linear model over the shared features and one over the cues.
#[derive(Debug)]
struct Model {
    linear: Linear,
    cues: Vec<f32>,
}

fn parse(json: &str) -> Result<Model, String> {
    let f: File = serde_json::from_str(json).map_err(|e| format!("not a weights file: {e}"))?;
    if f.cue_names
        .iter()
        .map(String::as_str)
        .ne(card_cues::NAMES.iter().copied())
        || f.cue_weights.len() != card_cues::NAMES.len()
        || !f.cue_weights.iter().all(|w| w.is_finite())
    {
        return Err("its cues are not src/select/card_cues.rs's: refit it".into());
    }
    Ok(Model {
        linear: f.linear.check()?,
        cues: f.cue_weights,
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

/// The model's logit that `text` alone is publishable (rounded to 0.001).
pub fn logit(text: &str) -> f64 {
    let m = weights();
    let base = (SHARED.len() + HASHED) as u32;
    let cues: f64 = card_cues::vector(text)
        .iter()
        .map(|&(i, v)| f64::from(m.cues[(i - base) as usize]) * f64::from(v))
        .sum();
    ((m.linear.logit(&shared(text)) + cues) * 1000.0).round() / 1000.0
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
