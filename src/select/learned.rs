//! The learned text-only ranker: the embedded weights (`ranker_weights.json`, fitted by
//! `tools/train_ranker.py` on editors' bold in WeChat articles) applied to the vectors of
//! [`super::features`]. A score is the model's logit (higher: more like what editors bold),
//! split by feature group for `--explain`. The weights of the framing echo
//! ([`super::framing::Framing::echo`]) are fitted apart, on interviews only, in the same logit units.

use super::features::{self, HASHED, NAMES};
use std::sync::OnceLock;

/// The fitted weights, embedded at build time.
const WEIGHTS: &str = include_str!("ranker_weights.json");

/// A fitted linear model as a weights file holds it.
#[derive(serde::Deserialize)]
pub struct LinearFile {
    names: Vec<String>,
    dense: Vec<f32>,
    hashed: usize,
    ngrams: Vec<f32>,
}

impl LinearFile {
    /// The model, checked against the features this build computes.
    pub fn check(self) -> Result<Linear, String> {
        Linear::new(&self.names, self.dense, self.hashed, self.ngrams)
    }
}

#[derive(serde::Deserialize)]
struct File {
    #[serde(flatten)]
    linear: LinearFile,
    echo: Echo,
}

/// The framing echo's weight.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
struct Echo {
    run: f32,
}

/// A linear model over [`features`]: a weight per dense feature, then per hashed n-gram
/// bucket, checked against the features this build computes.
#[derive(Debug)]
pub struct Linear {
    dense: Vec<f32>,
    ngrams: Vec<f32>,
}

impl Linear {
    /// Check fitted weights: their feature names and sizes must be this build's, their
    /// values numbers.
    fn new(
        names: &[String],
        dense: Vec<f32>,
        hashed: usize,
        ngrams: Vec<f32>,
    ) -> Result<Linear, String> {
        if names.iter().map(String::as_str).ne(NAMES.iter().copied()) {
            return Err("its feature names are not src/select/features.rs's: refit it".into());
        }
        if dense.len() != NAMES.len() || hashed != HASHED || ngrams.len() != HASHED {
            return Err("its sizes do not match the features: refit it".into());
        }
        if !dense.iter().chain(&ngrams).all(|v| v.is_finite()) {
            return Err("its weights are not all numbers: refit it".into());
        }
        Ok(Linear { dense, ngrams })
    }

    /// The weight of feature `i` (dense, then hashed).
    fn weight(&self, i: usize) -> f32 {
        self.dense
            .get(i)
            .copied()
            .unwrap_or_else(|| self.ngrams[i - NAMES.len()])
    }

    /// The model's logit of a feature vector.
    pub fn logit(&self, x: &[(u32, f32)]) -> f64 {
        x.iter()
            .map(|&(i, v)| f64::from(self.weight(i as usize)) * f64::from(v))
            .sum()
    }
}

/// The weights, checked against the features this build computes.
#[derive(Debug)]
pub struct Weights {
    linear: Linear,
    echo: Echo,
}

/// Parse and check a weights file: its feature names and sizes must be this build's.
fn parse(json: &str) -> Result<Weights, String> {
    let f: File = serde_json::from_str(json).map_err(|e| format!("not a weights file: {e}"))?;
    if !f.echo.run.is_finite() {
        return Err("its echo weights are not numbers: refit it".into());
    }
    Ok(Weights {
        linear: f.linear.check()?,
        echo: f.echo,
    })
}

/// The embedded weights (parsed once; a test checks that they parse).
pub fn weights() -> &'static Weights {
    static W: OnceLock<Weights> = OnceLock::new();
    W.get_or_init(|| parse(WEIGHTS).unwrap_or_else(|e| panic!("embedded ranker_weights.json: {e}")))
}

/// The explain groups in display order.
const GROUPS: &[&str] = &[
    "bias", "length", "position", "shape", "context", "topic", "ngrams",
];

impl Weights {
    /// The logit a passage gains by repeating the editor's framing, given
    /// [`super::framing::Framing::echo`].
    pub fn echo(&self, run: f64) -> f64 {
        (f64::from(self.echo.run) * run * 1000.0).round() / 1000.0
    }

    /// The logit of a feature vector, and its parts by group (rounded to 0.001).
    pub fn score(&self, x: &[(u32, f32)]) -> (f64, Vec<(&'static str, f64)>) {
        let mut parts = [0.0f64; GROUPS.len()];
        for &(i, v) in x {
            let i = i as usize;
            let group = NAMES.get(i).map_or("ngrams", |name| features::group(name));
            let g = GROUPS.iter().position(|n| *n == group).unwrap_or(0);
            parts[g] += f64::from(self.linear.weight(i)) * f64::from(v);
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
        let l = &w.linear;
        assert!(l.dense.iter().any(|v| *v != 0.0) && l.ngrams.iter().any(|v| *v != 0.0));
        // Repeating the editor's framing counts for a line, not against it.
        assert!(w.echo(1.0) > 0.0 && w.echo(0.0) == 0.0);
    }

    #[test]
    fn weights_for_other_features_are_refused() {
        let bad = WEIGHTS.replacen("\"bias\"", "\"biased\"", 1);
        assert!(parse(&bad).unwrap_err().contains("feature names"));
        assert!(parse("{}").is_err());
    }

    /// Score each line as a sentence alone in its paragraph, mid-interview, the lines being
    /// the document.
    fn scores(lines: &[&str]) -> Vec<f64> {
        let v = Vocabulary::new(lines.iter().copied());
        let place = Place {
            sentence: 0,
            sentences: 1,
            position: 0.5,
        };
        lines
            .iter()
            .map(|l| weights().score(&extract(l, place, &v)).0)
            .collect()
    }

    #[test]
    fn the_embedded_weights_rank_claims_above_chatter() {
        let claims = [
            "智谱不是单纯想成立个公司去挣钱，而是要去探索AGI。",
            "真正的护城河不是模型本身，而是数据和用户。",
            "一个生产力变革级别的技术，一定要找到它的商业价值。",
        ];
        let chatter = [
            "我们经常到楼底下碰面去买咖啡。",
            "嗯，对，那天下午我们去楼下吃了个饭，哈哈。",
            "当时我在会场，后来就回酒店了。",
        ];
        let all: Vec<&str> = claims.iter().chain(&chatter).copied().collect();
        let s = scores(&all);
        let worst_claim = s[..3].iter().copied().fold(f64::INFINITY, f64::min);
        let best_chatter = s[3..].iter().copied().fold(f64::NEG_INFINITY, f64::max);
        assert!(worst_claim > best_chatter, "{s:?}");
    }

    #[test]
    fn parts_add_up_to_the_score() {
        let v = Vocabulary::new(["我们不是想挣钱，而是要探索。"]);
        let place = Place {
            sentence: 0,
            sentences: 1,
            position: 0.5,
        };
        let (total, parts) = weights().score(&extract("我们不是想挣钱，而是要探索。", place, &v));
        let sum: f64 = parts.iter().map(|(_, v)| v).sum();
        assert!((total - sum).abs() < 0.01, "{total} {sum}");
        assert_eq!(parts.len(), GROUPS.len());
    }
}
