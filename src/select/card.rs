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

use super::features::{Place, Vocabulary, extract};
use super::learned::{Linear, LinearFile};
use std::sync::OnceLock;

/// The fitted weights, embedded at build time.
const WEIGHTS: &str = include_str!("card_weights.json");

fn parse(json: &str) -> Result<Linear, String> {
    let f: LinearFile =
        serde_json::from_str(json).map_err(|e| format!("not a weights file: {e}"))?;
    f.check()
}

/// The embedded weights (parsed once; a test checks that they parse).
fn weights() -> &'static Linear {
    static W: OnceLock<Linear> = OnceLock::new();
    W.get_or_init(|| parse(WEIGHTS).unwrap_or_else(|e| panic!("embedded card_weights.json: {e}")))
}

/// The feature vector of `text` standing alone: one sentence of its own paragraph, mid
/// document, no vocabulary (what `tools/train_card.py` fits on).
pub fn vector(text: &str) -> Vec<(u32, f32)> {
    let alone = Place {
        sentence: 0,
        sentences: 1,
        position: 0.5,
    };
    extract(text, alone, &Vocabulary::default())
}

/// The model's logit that `text` alone is publishable (rounded to 0.001).
pub fn logit(text: &str) -> f64 {
    (weights().logit(&vector(text)) * 1000.0).round() / 1000.0
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
        assert!(weights().logit(&vector("一句话。")).is_finite());
        assert!(parse("{}").is_err());
        let bad = WEIGHTS.replacen("\"bias\"", "\"biased\"", 1);
        assert!(parse(&bad).unwrap_err().contains("feature names"));
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
