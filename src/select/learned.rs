//! The learned text-only ranker: the embedded weights (`ranker_weights.json`, fitted by
//! `tools/train_ranker.py` on editors' bold in WeChat articles) applied to the vectors of
//! [`super::features`]. A score is the model's logit (higher: more like what editors bold),
//! split by feature group for `--explain`.

use super::features::{self, HASHED, NAMES};
use std::sync::OnceLock;

/// The fitted weights, embedded at build time.
const WEIGHTS: &str = include_str!("ranker_weights.json");

#[derive(serde::Deserialize)]
struct File {
    names: Vec<String>,
    dense: Vec<f32>,
    hashed: usize,
    ngrams: Vec<f32>,
}

/// The weights, checked against the features this build computes.
#[derive(Debug)]
pub struct Weights {
    dense: Vec<f32>,
    ngrams: Vec<f32>,
}

/// Parse and check a weights file: its feature names and sizes must be this build's.
fn parse(json: &str) -> Result<Weights, String> {
    let f: File = serde_json::from_str(json).map_err(|e| format!("not a weights file: {e}"))?;
    if f.names.iter().map(String::as_str).ne(NAMES.iter().copied()) {
        return Err("its feature names are not src/select/features.rs's: refit it".into());
    }
    if f.dense.len() != NAMES.len() || f.hashed != HASHED || f.ngrams.len() != HASHED {
        return Err("its sizes do not match the features: refit it".into());
    }
    Ok(Weights {
        dense: f.dense,
        ngrams: f.ngrams,
    })
}

/// The embedded weights (parsed once; a test checks that they parse).
pub fn weights() -> &'static Weights {
    static W: OnceLock<Weights> = OnceLock::new();
    W.get_or_init(|| parse(WEIGHTS).unwrap_or_else(|e| panic!("embedded ranker_weights.json: {e}")))
}

/// The explain groups in display order.
const GROUPS: &[&str] = &[
    "bias", "length", "position", "speaker", "shape", "context", "topic", "ngrams",
];

impl Weights {
    /// The logit of a feature vector, and its parts by group (rounded to 0.001).
    pub fn score(&self, x: &[(u32, f32)]) -> (f64, Vec<(&'static str, f64)>) {
        let mut parts = [0.0f64; GROUPS.len()];
        for &(i, v) in x {
            let i = i as usize;
            let (group, w) = match NAMES.get(i) {
                Some(name) => (features::group(name), self.dense[i]),
                None => ("ngrams", self.ngrams[i - NAMES.len()]),
            };
            let g = GROUPS.iter().position(|n| *n == group).unwrap_or(0);
            parts[g] += f64::from(w) * f64::from(v);
        }
        let round = |v: f64| (v * 1000.0).round() / 1000.0;
        let total = round(parts.iter().sum());
        let parts = GROUPS
            .iter()
            .zip(parts)
            .map(|(n, v)| (*n, round(v)))
            .collect();
        (total, parts)
    }
}

#[cfg(test)]
mod tests {
    use super::features::{Place, Vocabulary, extract};
    use super::*;

    #[test]
    fn embedded_weights_load_and_are_small() {
        assert!(WEIGHTS.len() < 64 * 1024, "{} bytes", WEIGHTS.len());
        let w = weights();
        assert!(w.dense.iter().chain(&w.ngrams).all(|v| v.is_finite()));
        assert!(w.dense.iter().any(|v| *v != 0.0) && w.ngrams.iter().any(|v| *v != 0.0));
    }

    #[test]
    fn weights_for_other_features_are_refused() {
        let bad = WEIGHTS.replacen("\"bias\"", "\"biased\"", 1);
        assert!(parse(&bad).unwrap_err().contains("feature names"));
        assert!(parse("{}").is_err());
    }

    #[test]
    fn parts_add_up_to_the_score() {
        let v = Vocabulary::new(["我们不是想挣钱，而是要探索。"]);
        let place = Place {
            sentence: 0,
            sentences: 1,
            position: 0.5,
            opens_turn: false,
        };
        let (total, parts) = weights().score(&extract("我们不是想挣钱，而是要探索。", place, &v));
        let sum: f64 = parts.iter().map(|(_, v)| v).sum();
        assert!((total - sum).abs() < 0.01, "{total} {sum}");
        assert_eq!(parts.len(), GROUPS.len());
    }
}
