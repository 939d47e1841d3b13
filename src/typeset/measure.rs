//! A paragraph prepared for breaking: every character's box, ink offset, trims from adjacent
//! punctuation, Han–Latin gaps and justification capacities, in em, with prefix sums so any
//! candidate line is measured in O(1), and the cost of breaking at each opportunity (from the
//! phrase scores). Knows nothing of the box width or the font size.

use super::breaks::{Brk, opportunities};
use super::chars::{Kind, classify, dash_ems, is_connector, starts_token};
use super::{Align, Metrics, Style};

/// The cost of a break in the middle of a word, in demerits (a break between phrases costs
/// 0): more than a line set ragged (`choose::badness` caps there), so the breaker moves a
/// word whole to the next line rather than split it unless that costs a fault, or several
/// ragged lines.
pub(crate) const PHRASE: f64 = 40000.0;
/// Phrase scores at or above this are free breaks; at or below `PHRASE_BAD` they cost the
/// whole `PHRASE`; linear between. (BudouX's scores: a boundary it splits at scores > 0; on
/// the answers corpus a Han–Han boundary scoring 4,000 or more lies between two words in 98%
/// of cases, one scoring 0–1,000 in 61%, one below −1,000 in under 5%.)
const PHRASE_FREE: f32 = 4000.0;
const PHRASE_BAD: f32 = -2000.0;

/// One character as the typesetter sees it (lengths in em).
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    pub ch: char,
    pub kind: Kind,
    pub font: u16,
    /// The untrimmed box: 1 em for full-width punctuation, dashes and ellipses, the font's
    /// advance otherwise.
    pub full: f32,
    /// Where the origin sits from the untrimmed box's left edge (ink placement for padded
    /// proportional punctuation).
    pub offset: f32,
    /// Trims from adjacent punctuation (clreq): left and right.
    pub trim_l: f32,
    pub trim_r: f32,
    /// Han–Latin gap before this character.
    pub gap: f32,
    /// May the space before this character be expanded (tier 3 of justification)?
    pub slot: bool,
    /// A space between Han and Latin, set as the Han–Latin gap.
    pub hl_space: bool,
}

/// Summable line quantities (em).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Acc {
    pub width: f32,
    /// Total compression available.
    pub shrink: f32,
    /// Expansion tier 1: Latin word spaces up to ½ em.
    pub st1: f32,
    /// Expansion tier 2: Han–Latin gaps (up to double).
    pub st2: f32,
    /// Expansion tier 3: the number of inter-character slots.
    pub slots: f32,
}

/// A prefix sum of `Acc`, in f64 so long texts measure exactly.
#[derive(Debug, Clone, Copy, Default)]
struct Sum([f64; 5]);

impl Sum {
    fn add(self, a: Acc) -> Sum {
        let v = [a.width, a.shrink, a.st1, a.st2, a.slots];
        Sum(std::array::from_fn(|i| self.0[i] + f64::from(v[i])))
    }

    /// `self − lo` as an `Acc`.
    fn since(self, lo: Sum) -> Acc {
        let d: [f32; 5] = std::array::from_fn(|i| (self.0[i] - lo.0[i]) as f32);
        Acc {
            width: d[0],
            shrink: d[1],
            st1: d[2],
            st2: d[3],
            slots: d[4],
        }
    }
}

impl Acc {
    fn add(self, o: Acc) -> Acc {
        Acc {
            width: self.width + o.width,
            shrink: self.shrink + o.shrink,
            st1: self.st1 + o.st1,
            st2: self.st2 + o.st2,
            slots: self.slots + o.slots,
        }
    }
}

/// A measured candidate line `[a, b)`: `end` is one past its last visible character.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Measure {
    pub acc: Acc,
    pub end: usize,
}

impl Measure {
    /// The narrowest the line can be set.
    pub fn min_width(&self) -> f32 {
        self.acc.width - self.acc.shrink
    }
}

pub(crate) struct Para {
    pub cells: Vec<Cell>,
    /// Byte offset of each character, and the text length at the end.
    pub bytes: Vec<usize>,
    pub brk: Vec<Brk>,
    /// Display setting: no compression, no stretching of Latin spacing (see `Style`).
    display: bool,
    /// Lines are set ragged (start-aligned or centred, never justified): breaking weighs
    /// their empty share, not how they would justify.
    pub ragged: bool,
    /// Prefix sums of the characters' own quantities and of the gaps before them.
    own: Vec<Sum>,
    gaps: Vec<Sum>,
    /// `vis[b]`: one past the last visible character in `[0, b)`.
    vis: Vec<usize>,
    /// `tokens[b]`: the number of tokens (Han characters, Latin words and numbers) starting
    /// in `[0, b)`.
    tokens: Vec<u32>,
    /// `cost[b]`: the demerits of a break before character `b` (inside a word: up to
    /// `PHRASE`).
    cost: Vec<f64>,
    /// `rejected[b]`: how surely a break before character `b` is one an editor rejects
    /// (`phrasing`: 0, ½ or 1).
    rejected: Vec<f32>,
}

impl Para {
    pub fn new(text: &str, metrics: &dyn Metrics, style: &Style) -> Para {
        let autospace = if style.autospace.is_finite() {
            style.autospace.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let chars: Vec<char> = text.chars().collect();
        let kinds = classify(&chars);
        let brk = opportunities(text, &chars, &kinds);
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        let mut cells: Vec<Cell> = (0..chars.len())
            .map(|i| cell(chars[i], kinds[i], metrics.advance_in(&chars, i)))
            .collect();
        let combined: Vec<bool> = (0..chars.len())
            .map(|i| metrics.combined(&chars, i))
            .collect();
        for i in 0..cells.len() {
            adjacency(&mut cells, &combined, i, autospace, style.display);
        }
        let (cost, rejected) = if style.phrases {
            let scores = super::phrases::boundary_scores(&chars);
            let rejected = super::phrasing::rejected_breaks(&chars, &kinds, &scores);
            let cost = scores
                .into_iter()
                .map(|score| {
                    let bad = (PHRASE_FREE - score as f32) / (PHRASE_FREE - PHRASE_BAD);
                    PHRASE * f64::from(bad.clamp(0.0, 1.0))
                })
                .collect();
            (cost, rejected)
        } else {
            (Vec::new(), Vec::new())
        };
        let mut para = Para {
            cells,
            bytes,
            brk,
            own: Vec::new(),
            gaps: Vec::new(),
            vis: Vec::new(),
            tokens: Vec::new(),
            cost,
            rejected,
            display: style.display,
            ragged: matches!(style.align, Align::Start | Align::Center),
        };
        para.sums();
        para
    }

    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// No break inside any occurrence in `text` (the text this was measured from) of a run in
    /// `whole` (names: `闫俊杰`, `月之暗面`); the rules stay as they are around it.
    pub fn keep_whole(&mut self, text: &str, whole: &[String]) {
        let char_at = |byte: usize| self.bytes.binary_search(&byte).ok();
        let mut inside = Vec::new();
        for run in whole.iter().filter(|r| r.chars().count() > 1) {
            for (at, _) in text.match_indices(run.as_str()) {
                if let (Some(a), Some(e)) = (char_at(at), char_at(at + run.len())) {
                    inside.extend(a + 1..e);
                }
            }
        }
        for b in inside {
            if self.brk[b] == Brk::Allowed {
                self.brk[b] = Brk::None;
            }
        }
    }

    fn sums(&mut self) {
        let n = self.cells.len();
        let kinds: Vec<Kind> = self.cells.iter().map(|c| c.kind).collect();
        let (mut own, mut gaps) = (vec![Sum::default(); n + 1], vec![Sum::default(); n + 1]);
        let (mut vis, mut tokens) = (vec![0; n + 1], vec![0; n + 1]);
        for (i, c) in self.cells.iter().enumerate() {
            own[i + 1] = own[i].add(self.own_acc(c));
            let flexible = if self.display { 0.0 } else { c.gap };
            gaps[i + 1] = gaps[i].add(Acc {
                width: c.gap,
                shrink: flexible * 0.5,
                st1: 0.0,
                st2: flexible,
                slots: if c.slot { 1.0 } else { 0.0 },
            });
            vis[i + 1] = if c.kind.is_blank() { vis[i] } else { i + 1 };
            tokens[i + 1] = tokens[i] + u32::from(starts_token(&kinds, i));
        }
        (self.own, self.gaps, self.vis, self.tokens) = (own, gaps, vis, tokens);
    }

    fn own_acc(&self, c: &Cell) -> Acc {
        let width = c.full - c.trim_l - c.trim_r;
        let mut acc = Acc {
            width,
            ..Acc::default()
        };
        if self.display {
            return acc; // natural widths: nothing shrinks, Latin spacing does not stretch
        }
        if c.kind.is_trimmable() && c.trim_l + c.trim_r == 0.0 {
            acc.shrink = 0.5;
        }
        if c.hl_space {
            acc.shrink = width * 0.5;
            acc.st2 = width;
        } else if c.kind == Kind::Space {
            acc.st1 = (0.5 - width).max(0.0);
        }
        acc
    }

    /// Extra trims at the line's edges: an opener starting the line loses its blank left
    /// half, a stop or closer ending it its blank right half.
    pub fn edge_trims(&self, a: usize, end: usize) -> (f32, f32) {
        let first = &self.cells[a];
        let last = &self.cells[end - 1];
        let start = if first.kind == Kind::Open && first.trim_l == 0.0 {
            0.5
        } else {
            0.0
        };
        let stop = if last.kind == Kind::Close && last.trim_r == 0.0 {
            0.5
        } else {
            0.0
        };
        (start, stop)
    }

    /// Measures the line `[a, b)`.
    pub fn measure(&self, a: usize, b: usize) -> Measure {
        let end = self.vis[b];
        if end <= a {
            return Measure {
                acc: Acc::default(),
                end: a,
            };
        }
        let mut acc = self.own[end]
            .since(self.own[a])
            .add(self.gaps[end].since(self.gaps[a + 1]));
        let (start, stop) = self.edge_trims(a, end);
        acc.width -= start + stop;
        if !self.display {
            // The trimmed halves were counted as compressible (none is, in display setting).
            acc.shrink -= start + stop;
        }
        Measure { acc, end }
    }

    /// Does a line ending before `b` end a paragraph (the text's end or a newline)?
    pub fn ends_paragraph(&self, b: usize) -> bool {
        b >= self.len() || self.brk[b] == Brk::Mandatory
    }

    /// The number of tokens (Han characters, Latin words and numbers) in `[a, b)`.
    pub fn tokens(&self, a: usize, b: usize) -> u32 {
        self.tokens[b] - self.tokens[a]
    }

    /// The demerits of a break before character `b` (0 at a phrase boundary).
    pub fn break_cost(&self, b: usize) -> f64 {
        self.cost.get(b).copied().unwrap_or(0.0)
    }

    /// How surely a break before character `b` is one an editor rejects (see `phrasing`).
    pub fn rejected(&self, b: usize) -> f64 {
        f64::from(self.rejected.get(b).copied().unwrap_or(0.0))
    }
}

fn cell(ch: char, kind: Kind, advance: Option<(f32, u16)>) -> Cell {
    let (adv, font) = advance.unwrap_or((1.0, 0));
    let adv = if adv.is_finite() {
        adv.clamp(0.0, 8.0)
    } else {
        1.0
    };
    let (full, offset) = match kind {
        Kind::Close | Kind::Dash => (
            if kind == Kind::Dash {
                dash_ems(ch)
            } else {
                1.0
            },
            0.0,
        ),
        Kind::Open => (1.0, (1.0 - adv).max(0.0)),
        Kind::Middle | Kind::Ellipsis => (1.0, ((1.0 - adv) * 0.5).max(0.0)),
        Kind::Newline => (0.0, 0.0),
        _ => (adv, 0.0),
    };
    Cell {
        ch,
        kind,
        font,
        full,
        offset,
        trim_l: 0.0,
        trim_r: 0.0,
        gap: 0.0,
        slot: false,
        hl_space: false,
    }
}

/// Punctuation compression, Han–Latin spacing and the justification slot before cell `i`
/// (`display`: none next to Latin, whose spacing stays as set). A `combined` run (vertical
/// 纵中横) spaces as one Han character.
fn adjacency(cells: &mut [Cell], combined: &[bool], i: usize, autospace: f32, display: bool) {
    let kind = cells[i].kind;
    let next = cells.get(i + 1).map(|c| c.kind);
    if kind == Kind::Close && matches!(next, Some(Kind::Close | Kind::Middle)) {
        cells[i].trim_r = 0.5;
    }
    if let Some(Kind::Open) = next
        && matches!(kind, Kind::Close | Kind::Open | Kind::Middle)
    {
        cells[i + 1].trim_l = 0.5;
    }
    if i == 0 {
        return;
    }
    let prev = cells[i - 1].kind;
    let as_han = |j: usize, k: Kind| if combined[j] { Kind::Han } else { k };
    let hl =
        |x: Kind, y: Kind| matches!((x, y), (Kind::Han, Kind::Latin) | (Kind::Latin, Kind::Han));
    if hl(as_han(i - 1, prev), as_han(i, kind)) {
        cells[i].gap = autospace;
    }
    let (prev, kind) = if combined[i - 1] && combined[i] {
        (prev, kind) // inside the run: never spread
    } else {
        (as_han(i - 1, prev), as_han(i, kind))
    };
    if cells[i].ch == ' ' && next.is_some_and(|n| hl(prev, n)) {
        cells[i].hl_space = true;
        cells[i].full = autospace;
    }
    let blank = prev.is_blank() || kind.is_blank();
    let latin = prev.is_latin_run() && kind.is_latin_run();
    let pair = prev == kind && matches!(kind, Kind::Dash | Kind::Ellipsis);
    let connector = is_connector(cells[i - 1].ch) || is_connector(cells[i].ch);
    let next_to_latin = display && (prev.is_latin_run() || kind.is_latin_run());
    cells[i].slot = !(blank || latin || pair || connector || next_to_latin);
}
