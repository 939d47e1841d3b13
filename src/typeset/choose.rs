//! Choosing the line breaks of a paragraph: minimum total demerits over all break
//! opportunities (Knuth–Plass style dynamic programming) — the lines' looseness plus the cost
//! of breaking inside a phrase, after the breaks an editor rejects — with the orphan rule, emergency breaks inside units wider
//! than the box, and the balanced mode. Positions nothing.

use super::MAX_STRETCH;
use super::breaks::Brk;
use super::measure::{Measure, PHRASE, Para};

/// Slack for float comparisons, em.
pub(crate) const EPS: f32 = 1e-4;
/// A line's base demerit: fewer lines are better.
const LINE: f64 = 10.0;
/// Faults, counted before any demerit: a last line of one letter (孤字), a break inside a
/// unit (only inside units wider than the box), a line wider than the box when compressed.
const ORPHAN: f64 = 1.0;
/// The badness of a ragged line that is all slack (see `badness`).
const RAGGED: f64 = 400.0;
const EMERGENCY: f64 = 1e3;
pub(crate) const OVERFULL: f64 = 1e6;

/// The most break opportunities one line may span.
const MAX_SPAN: usize = 200;

/// A path's cost: faults first, then rejected breaks, then demerits (which include `splits`).
/// Field order is the comparison order.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub(crate) struct Cost {
    pub faults: f64,
    /// Breaks an editor rejects, weighed by how sure (`phrasing`): phrasing is a hard
    /// preference, ahead of any looseness; only the clreq rules and overfull lines
    /// (`faults`) come first.
    pub rejected: f64,
    pub demerits: f64,
    /// The part of `demerits` paid for breaks inside phrases.
    pub splits: f64,
}

impl Cost {
    const ZERO: Cost = Cost {
        faults: 0.0,
        rejected: 0.0,
        demerits: 0.0,
        splits: 0.0,
    };
    const MAX: Cost = Cost {
        faults: f64::INFINITY,
        rejected: f64::INFINITY,
        demerits: f64::INFINITY,
        splits: f64::INFINITY,
    };
}

/// The chosen breaks: line `k` is `[starts[k], starts[k+1])`, the last ends at the text's end.
#[derive(Debug, Clone)]
pub(crate) struct Breaking {
    pub starts: Vec<usize>,
    pub cost: Cost,
}

impl Breaking {
    pub fn lines(&self, n: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.starts
            .iter()
            .enumerate()
            .map(move |(k, &a)| (a, self.starts.get(k + 1).copied().unwrap_or(n)))
    }
}

/// How bad a line of natural width `m` is when set in `width` em (0 = perfect): compression
/// is cheap, expansion of Latin spaces and Han–Latin gaps cheaper still, spreading the rest
/// over the inter-character slots grows with the cube of the space per slot up to 1½ ×
/// `MAX_STRETCH`, linearly beyond (a line that loose is set ragged; of two, the looser still
/// loses, but a word split is not worth much more than that). A last line is not expanded.
///
/// A ragged line (`ragged`: start-aligned or centred, never expanded) costs only its empty
/// share: `RAGGED` × (slack / width)², a half-empty line about a tenth of a word split.
pub(crate) fn badness(m: &Measure, width: f32, last: bool, ragged: bool) -> f64 {
    let acc = &m.acc;
    let diff = f64::from(width - acc.width);
    if diff < 0.0 {
        let shrink = f64::from(acc.shrink.max(0.0));
        if shrink <= 0.0 {
            return 0.0; // overfull within EPS
        }
        return 60.0 * (-diff / shrink).min(1.0).powi(3);
    }
    if last {
        return 0.0;
    }
    if ragged {
        return RAGGED * (diff / f64::from(width).max(EPS.into())).powi(2);
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
    // A line without slots cannot be justified: as bad as half a slot. Beyond 1½ ×
    // MAX_STRETCH per slot (where `fit` sets the line ragged) it grows linearly, no faster.
    let per = rest / f64::from(acc.slots).max(0.5);
    let knee = f64::from(MAX_STRETCH) * 1.5;
    let cube = |p: f64| 100.0 * (p / 0.25).powi(3);
    let slope = 300.0 * knee * knee / 0.25f64.powi(3);
    tier_bad
        + if per <= knee {
            cube(per)
        } else {
            cube(knee) + slope * (per - knee)
        }
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

/// The best breaks for `para` in a box `width` em wide. `even`: a short last line costs
/// (a quarter of) what it would if it were stretched (balanced mode). `phrases`: breaks
/// inside phrases cost (off: only the rules and the lines' looseness count, as `fit` uses
/// to find the largest size that fits at all).
pub(crate) fn break_lines(para: &Para, width: f32, even: bool, phrases: bool) -> Breaking {
    let n = para.len();
    if n == 0 {
        return Breaking {
            starts: vec![0],
            cost: Cost::ZERO,
        };
    }
    let whole = para.measure(0, n);
    if whole.min_width() <= width + EPS && !para.brk.contains(&Brk::Mandatory) {
        // Everything fits on one line: nothing can beat it.
        let demerits = (LINE + badness(&whole, width, true, para.ragged)).powi(2);
        let cost = Cost {
            demerits,
            ..Cost::ZERO
        };
        return Breaking {
            starts: vec![0],
            cost,
        };
    }
    let cands = candidates(para, width);
    let mut best: Vec<(Cost, usize)> = vec![(Cost::MAX, 0); cands.len()];
    best[0] = (Cost::ZERO, 0);
    for k in 1..cands.len() {
        let (b, kind) = cands[k];
        let last = kind == Brk::Mandatory;
        // A line spans at most MAX_SPAN opportunities: linear time in huge boxes.
        for j in (k.saturating_sub(MAX_SPAN)..k).rev() {
            let (a, from) = cands[j];
            let m = para.measure(a, b);
            let over = m.min_width() - width;
            if over > EPS && j + 1 < k {
                break; // wider lines only get wider
            }
            let mut cost = best[j].0;
            if over > EPS {
                cost.faults += OVERFULL * (1.0 + f64::from(over));
            } else {
                let bad = if last && even {
                    // A short last line is milder than letter-spacing: a quarter as bad.
                    0.25 * badness(&m, width, false, para.ragged)
                } else {
                    badness(&m, width, last, para.ragged)
                };
                cost.demerits += (LINE + bad).powi(2);
            }
            if !last && phrases {
                let split = para.break_cost(b);
                cost.demerits += split;
                cost.splits += split;
                cost.rejected += para.rejected(b);
            }
            if kind == Brk::None {
                cost.faults += EMERGENCY;
            }
            if last && from != Brk::Mandatory && para.tokens(a, b) < 2 {
                cost.faults += ORPHAN;
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

/// Balanced mode: the narrowest measure (≤ `width`) that keeps the line count, adds no
/// faults and breaks no more inside phrases (within a tenth of one split), searched from the
/// average line length up; at that measure the breaks that also count a short last line as
/// loose, if they keep all that.
pub(crate) fn balance(para: &Para, width: f32, found: Breaking, phrases: bool) -> (f32, Breaking) {
    let lines = found.starts.len();
    if lines < 2 {
        return (width, found);
    }
    let (faults, rejected) = (found.cost.faults, found.cost.rejected);
    let splits = found.cost.splits + 0.1 * PHRASE;
    let keeps = |b: &Breaking| {
        b.starts.len() == lines
            && b.cost.faults <= faults
            && b.cost.rejected <= rejected
            && b.cost.splits <= splits
    };
    let total: f32 = found
        .lines(para.len())
        .map(|(a, b)| para.measure(a, b).acc.width)
        .sum();
    let mut lo = (total / lines as f32 - 1.0).clamp(0.0, width);
    let (mut hi, mut best) = (width, found);
    while hi - lo > 0.05 {
        let mid = (lo + hi) * 0.5;
        let trial = break_lines(para, mid, false, phrases);
        if keeps(&trial) {
            (hi, best) = (mid, trial);
        } else {
            lo = mid;
        }
    }
    let even = break_lines(para, hi, true, phrases);
    (hi, if keeps(&even) { even } else { best })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::testing::FixedMetrics;

    fn para(text: &str) -> Para {
        Para::new(
            text,
            &FixedMetrics::default(),
            &crate::typeset::Style::default(),
        )
    }

    fn texts(text: &str, b: &Breaking) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        b.lines(chars.len())
            .map(|(a, e)| chars[a..e].iter().collect())
            .collect()
    }

    #[test]
    fn badness_grows_with_looseness_and_ignores_the_last_line() {
        let p = para("一二三四五六");
        let m = p.measure(0, 6);
        assert_eq!(badness(&m, 6.0, false, false), 0.0);
        let (a, b) = (
            badness(&m, 6.5, false, false),
            badness(&m, 7.0, false, false),
        );
        assert!(0.0 < a && a < b, "{a} {b}");
        assert_eq!(badness(&m, 9.0, true, false), 0.0);
        let p = para("一二，三四，五");
        let m = p.measure(0, 7);
        assert!(
            badness(&m, 6.0, false, false) <= 60.0,
            "full compression is bounded"
        );
    }

    #[test]
    fn compressing_the_last_line_is_not_free() {
        // Squeezing 、 would save a line, at full compression: two slightly loose lines win.
        let text = "对行业也是里程碑，这就证明了，这件事并不是一个镜中花、水中月。";
        let b = break_lines(&para(text), 10.0, false, false);
        assert_eq!(texts(text, &b).len(), 4, "{:?}", texts(text, &b));
    }

    #[test]
    fn breaks_inside_words_cost_and_move_the_word_whole() {
        // In 16 em, the full first line breaks 马|拉松; with phrase costs 马拉松 goes down whole.
        let text = "实现它不是一个短期目标，是一个马拉松，一个长跑。";
        let p = para(text);
        let plain = texts(text, &break_lines(&p, 16.0, false, false));
        let phrased = break_lines(&p, 16.0, false, true);
        assert_eq!(plain[0], "实现它不是一个短期目标，是一个马");
        let lines = texts(text, &phrased);
        assert_eq!(lines.len(), plain.len(), "{lines:?}");
        assert!(lines[0].ends_with("是一个"), "{lines:?}");
        assert!(phrased.cost.splits < PHRASE * 0.1, "{:?}", phrased.cost);
        // The cost of a break grows as the phrase score says the boundary is inside a word.
        let chars: Vec<char> = text.chars().collect();
        let at = |s: &str| {
            chars
                .windows(2)
                .position(|w| w.iter().collect::<String>() == s)
        };
        let (inside, between) = (at("拉松").unwrap() + 1, at("个马").unwrap() + 1);
        assert!(
            p.break_cost(inside) > 0.9 * PHRASE,
            "{}",
            p.break_cost(inside)
        );
        assert!(
            p.break_cost(between) < 0.2 * PHRASE,
            "{}",
            p.break_cost(between)
        );
    }

    #[test]
    fn orphans_and_emergencies_are_faults() {
        let text = "一二三四五六七八九十";
        let b = break_lines(&para(text), 9.0, false, false);
        assert_eq!(texts(text, &b), ["一二三四五六七八", "九十"]);
        assert_eq!(b.cost.faults, 0.0);
        let text = "Pneumonoultramicroscopic";
        let b = break_lines(&para(text), 5.0, false, true);
        assert!(b.starts.len() > 2);
        assert!(b.cost.faults >= EMERGENCY && b.cost.faults < OVERFULL);
        // A glyph wider than the box: overfull, still a result.
        let b = break_lines(&para("一二"), 0.5, false, true);
        assert_eq!(b.starts, [0, 1]);
        assert!(b.cost.faults >= OVERFULL);
    }

    #[test]
    fn balance_narrows_the_measure_keeping_the_line_count() {
        let text = "一二三四五六七八九十一二三四五六七八九十一二";
        let p = para(text);
        let plain = break_lines(&p, 20.0, false, false);
        assert_eq!(
            texts(text, &plain),
            ["一二三四五六七八九十一二三四五六七八九十", "一二"]
        );
        let (measure, even) = balance(&p, 20.0, plain, false);
        assert_eq!(
            texts(text, &even),
            ["一二三四五六七八九十一", "二三四五六七八九十一二"]
        );
        assert!((10.9..11.1).contains(&measure), "{measure}");
    }
}
