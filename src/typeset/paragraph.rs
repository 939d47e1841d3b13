//! Choosing the line breaks of a paragraph: minimum total demerits over all break
//! opportunities (Knuth–Plass style dynamic programming), with the orphan rule, emergency
//! breaks inside units wider than the box, and the balanced mode. Positions nothing.

use super::breaks::Brk;
use super::para::{Measure, Para};

/// Slack for float comparisons, em.
pub(crate) const EPS: f32 = 1e-4;
/// A line's base demerit: fewer lines are better.
const LINE: f64 = 10.0;
/// A line that cannot be justified (no slot to expand) or is very loose.
const MAX_BADNESS: f64 = 1000.0;
/// A last line of one letter (孤字).
const ORPHAN: f64 = 1e8;
/// A break inside a unit (only inside units wider than the box).
const EMERGENCY: f64 = 1e10;
/// A line wider than the box even when compressed.
const OVERFULL: f64 = 1e13;

/// The chosen breaks: line `k` is `[starts[k], starts[k+1])`, the last ends at the text's end.
#[derive(Debug, Clone)]
pub(crate) struct Breaking {
    pub starts: Vec<usize>,
    pub cost: f64,
}

impl Breaking {
    pub fn lines(&self, n: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.starts
            .iter()
            .enumerate()
            .map(move |(k, &a)| (a, self.starts.get(k + 1).copied().unwrap_or(n)))
    }
}

/// How bad a line of natural width `m` is when set in `width` em (0 = perfect).
pub(crate) fn badness(m: &Measure, width: f32, ragged: bool) -> f64 {
    let acc = &m.acc;
    let diff = f64::from(width - acc.width);
    if diff < 0.0 {
        let shrink = f64::from(acc.shrink.max(0.0));
        if shrink <= 0.0 {
            return 0.0; // overfull within EPS
        }
        return 60.0 * (-diff / shrink).min(1.0).powi(3);
    }
    if ragged {
        return 0.0;
    }
    let tiers = f64::from(acc.st1 + acc.st2);
    let rest = (diff - tiers).max(0.0);
    let tier_bad = if tiers > 0.0 {
        5.0 * (diff.min(tiers) / tiers).powi(2)
    } else {
        0.0
    };
    if rest <= 1e-6 {
        return tier_bad;
    }
    if acc.slots < 0.5 {
        return MAX_BADNESS;
    }
    let per = rest / f64::from(acc.slots);
    (tier_bad + 100.0 * (per / 0.25).powi(3)).min(MAX_BADNESS)
}

/// Break positions: (index, kind), including 0 and n.
fn candidates(para: &Para, width: f32) -> Vec<(usize, Brk)> {
    let n = para.len();
    let mut out = vec![(0, Brk::Mandatory)];
    let mut unit_start = 0;
    for i in 1..=n {
        let kind = if i == n { Brk::Mandatory } else { para.brk[i] };
        if kind == Brk::None {
            continue;
        }
        // A unit wider than the box may break anywhere inside (emergency).
        if para.measure(unit_start, i).min_width() > width + EPS {
            out.extend((unit_start + 1..i).map(|j| (j, Brk::None)));
        }
        out.push((i, kind));
        unit_start = i;
    }
    out
}

/// The best breaks for `para` in a box `width` em wide.
pub(crate) fn break_lines(para: &Para, width: f32, ragged: bool) -> Breaking {
    let n = para.len();
    if n == 0 {
        return Breaking {
            starts: vec![0],
            cost: 0.0,
        };
    }
    let cands = candidates(para, width);
    let mut best: Vec<(f64, usize)> = vec![(f64::INFINITY, 0); cands.len()];
    best[0] = (0.0, 0);
    for k in 1..cands.len() {
        let (b, kind) = cands[k];
        let last = kind == Brk::Mandatory;
        for j in (0..k).rev() {
            let (a, from) = cands[j];
            let m = para.measure(a, b);
            let over = m.min_width() - width;
            let mut cost = best[j].0;
            if over > EPS {
                if j + 1 < k {
                    break; // wider lines only get wider
                }
                cost += OVERFULL * (1.0 + f64::from(over));
            } else {
                cost += (LINE + badness(&m, width, ragged || last)).powi(2);
            }
            if kind == Brk::None {
                cost += EMERGENCY;
            }
            if last && from != Brk::Mandatory && para.letters(a, b) < 2 {
                cost += ORPHAN;
            }
            if cost < best[k].0 {
                best[k] = (cost, j);
            }
            if from == Brk::Mandatory || over > EPS {
                break; // a line cannot span a mandatory break
            }
        }
    }
    let mut starts = Vec::new();
    let mut k = cands.len() - 1;
    while k > 0 {
        k = best[k].1;
        starts.push(cands[k].0);
    }
    starts.reverse();
    Breaking {
        starts,
        cost: best[cands.len() - 1].0,
    }
}

/// Balanced mode: the narrowest measure (≤ `width`) that keeps the line count and does not
/// add faults, with its breaks.
pub(crate) fn balance(para: &Para, width: f32, ragged: bool, found: Breaking) -> (f32, Breaking) {
    let lines = found.starts.len();
    if lines < 2 {
        return (width, found);
    }
    let faults = |b: &Breaking| (b.cost / ORPHAN).floor();
    let base = faults(&found);
    let (mut lo, mut hi, mut best) = (0.0f32, width, found);
    for _ in 0..14 {
        let mid = (lo + hi) * 0.5;
        let trial = break_lines(para, mid, ragged);
        if trial.starts.len() == lines && faults(&trial) <= base {
            (hi, best) = (mid, trial);
        } else {
            lo = mid;
        }
        if hi - lo < 0.05 {
            break;
        }
    }
    (hi, best)
}
