//! Font-agnostic Chinese paragraph layout (pure: text, style, metrics and a box in; positioned
//! lines out; no pixels). The rules follow clreq and `TYPOGRAPHY.md`.
//!
//! CONTRACT (used by the card back end): the public types and the signatures of `layout` and
//! `fit` below. Implementation lives in sibling modules:
//! `chars` (classes, 禁则 lists) → `breaks` (tailored UAX #14) → `phrases` (BudouX phrase
//! scores of every boundary) → `phrasing` (the breaks an editor rejects) → `measure` (em
//! widths, trims, gaps, break costs) → `choose`
//! (minimum-demerit breaking) → `set` (justification, glyph origins) → `fit` (layout at a
//! size, the size for a box); `check` reports rule violations; `vertical` sets columns with
//! the same machinery over vertical metrics, `vforms` maps punctuation to vertical forms.
//!
//! What the layout guarantees (tested over widths 3–30 em, by property tests and on the 138
//! answer sentences):
//! - the lines' texts concatenate to the input; every character has one glyph, in order;
//! - no line starts or ends with a prohibited character ([`is_prohibited_start`],
//!   [`is_prohibited_end`]), and ——, ……, Latin words and numbers with their units are never
//!   split — unless a unit alone is wider than the box, which then breaks inside;
//! - no paragraph ends on a line of one token — a Han character or a Latin word or number —
//!   (plus punctuation) where that can be avoided;
//! - phrasing comes before size: a break an editor rejects (inside a word, before a particle,
//!   inside a quantity, a date or a Latin name with its number — `phrasing`) is avoided ahead
//!   of any looseness, and `fit` takes a smaller size or one more line rather than make one;
//!   other breaks inside phrases cost (graded by the phrase model's score) against the lines'
//!   looseness and balance; none of this ever overrides the rules above;
//! - every line fits the box unless a single glyph is wider than it.
//!
//! For the rasteriser: `Glyph::x` is the glyph's *origin*, which is not its box's left edge
//! for padded proportional punctuation (openers sit right, middle dots centred) and trimmed
//! openers (the origin moves left by the trimmed half, so it may be negative at a line's
//! start). Dashes have their origin at the box's left and a pair of `—` is contiguous (the
//! second's x = the first's x + advance), 2 em together. Trailing spaces and newlines have
//! zero advance.

mod breaks;
mod chars;
mod check;
mod choose;
mod fit;
mod headline;
mod measure;
mod phrases;
mod phrasing;
mod set;
pub mod testing;
pub mod vertical;
pub(crate) mod vforms;

pub use breaks::break_opportunities;
pub use chars::{is_prohibited_end, is_prohibited_start};
pub use check::{Violation, violations};
pub use headline::headline_break;
pub use phrases::load_model as load_phrase_model;

/// The most a justified line may be spread between two characters, em: a line that would
/// need more is set ragged (start-aligned, or centred under `JustifyCenter`) instead.
pub const MAX_STRETCH: f32 = 0.2;

/// Font metrics as the typesetter needs them. Implemented by the card back end over ab_glyph
/// (a font chain) and by tests with a fixed-advance fake font.
pub trait Metrics {
    /// Advance width of `c` in em (1.0 = the font size) and the index of the font in the
    /// chain that draws it; `None` if no font in the chain has the glyph (callers check
    /// coverage before layout, so the typesetter may treat `None` as a 1-em glyph of font 0).
    fn advance(&self, c: char) -> Option<(f32, u16)>;

    /// The advance of `chars[i]` in its context (vertical metrics set a digit run in one
    /// cell); by default its advance alone.
    fn advance_in(&self, chars: &[char], i: usize) -> Option<(f32, u16)> {
        self.advance(chars[i])
    }

    /// Is `chars[i]` part of a run set upright in one cell like a Han character (vertical
    /// 纵中横): no Han–Latin gap around the run, no justification inside it. Never, by default.
    fn combined(&self, _chars: &[char], _i: usize) -> bool {
        false
    }
}

/// How lines are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Align {
    /// All lines start-aligned (ragged end).
    Start,
    /// Every line centred.
    Center,
    /// All lines but the last justified; the last start-aligned.
    #[default]
    Justify,
    /// All lines but the last justified; the last centred.
    JustifyCenter,
}

/// Paragraph style.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// Baseline-to-baseline distance as a multiple of the font size.
    pub line_height: f32,
    pub align: Align,
    /// Make all lines near equal length (for short quotes on cards): the lines are set in the
    /// narrowest measure that keeps their number; that block sits at the box's start, or is
    /// centred for `Center`/`JustifyCenter`.
    pub balanced: bool,
    /// Han–Latin/digit gap in em (¼ em by default).
    pub autospace: f32,
    /// Display setting (cards): punctuation keeps its natural width mid-line (only the clreq
    /// trims of adjacent pairs and the half-width stop at a line's end), and Latin word spaces
    /// and Han–Latin gaps keep theirs; justification spreads only the gaps between Han
    /// characters and punctuation. A line that cannot fit or be justified that way is
    /// re-broken (or, in `fit`, the size drops). Off: body-text setting, which compresses
    /// punctuation and stretches Latin spacing before letter-spacing.
    pub display: bool,
    /// Prefer breaks between words and phrases (the phrase model's cost, and in `fit` a size
    /// up to a quarter smaller when that saves splitting words). Off: breaks weigh only the
    /// rules and the lines' looseness.
    pub phrases: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            line_height: 1.6,
            align: Align::Justify,
            balanced: false,
            autospace: 0.25,
            display: false,
            phrases: true,
        }
    }
}

/// One glyph placed on a line. All lengths in px.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub ch: char,
    /// Where the glyph's origin is drawn, from the line's start. For trimmed openers and
    /// proportional punctuation padded to a 1-em box this differs from the box's left edge.
    pub x: f32,
    /// The space the glyph occupies on the line (after compression/justification).
    pub advance: f32,
    /// Index of the font in the chain (from `Metrics::advance`).
    pub font: u16,
}

/// One laid-out line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The characters of this line, verbatim from the input (concatenating all lines' texts
    /// gives the input back).
    pub text: String,
    pub glyphs: Vec<Glyph>,
    /// Width before justification, px.
    pub natural_width: f32,
    /// Width as set (== box width for justified lines), px.
    pub width: f32,
    /// Offset of the line's start from the box's left edge (centring), px.
    pub x: f32,
    /// Space justification added at each place it spreads a line (between characters, not
    /// inside a Latin word), px: at most [`MAX_STRETCH`] em; 0 for a ragged line.
    pub spread: f32,
}

/// A laid-out paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Font size in px (the em).
    pub size: f32,
    /// Baseline-to-baseline distance in px.
    pub line_height: f32,
    /// The box width the lines were set in, px.
    pub width: f32,
    pub lines: Vec<Line>,
}

impl Layout {
    /// Height of the block: (lines − 1) × line height + 1 em.
    pub fn height(&self) -> f32 {
        block_height(self.lines.len(), self.size, self.line_height)
    }
}

/// The height of `lines` lines: (lines − 1) × line height + 1 em.
fn block_height(lines: usize, size: f32, line_height: f32) -> f32 {
    match lines {
        0 => 0.0,
        n => (n - 1) as f32 * line_height + size,
    }
}

/// Lay out `text` at `size` px in a box `width` px wide.
///
/// ```
/// use jinju::typeset::{Style, layout, testing::FixedMetrics, violations};
/// let text = "他说：“AGI的先行者。”我们都笑了。";
/// let l = layout(text, 40.0, 280.0, &Style::default(), &FixedMetrics::default());
/// assert_eq!(l.lines.iter().map(|x| x.text.as_str()).collect::<String>(), text);
/// assert!(l.lines.len() > 1 && violations(&l).is_empty());
/// assert!(l.lines[..l.lines.len() - 1].iter().all(|x| (x.width - 280.0).abs() < 0.01));
/// ```
///
/// Never panics: an unusable size gives one line of zero-width glyphs; a box narrower than a
/// unbreakable unit breaks inside it, and narrower than a glyph overflows.
pub fn layout(text: &str, size: f32, width: f32, style: &Style, metrics: &dyn Metrics) -> Layout {
    let para = measure::Para::new(text, metrics, style);
    fit::layout_para(&para, text, (size, width), style, true)
}

/// [`fit`] with runs of `text` no line breaks inside: every occurrence of a run in `whole`
/// (a name: `闫俊杰`, `月之暗面`) stays on one line — unless it alone is wider than the box,
/// which then breaks inside it like any unbreakable unit.
pub fn fit_keeping(
    text: &str,
    whole: &[String],
    (width, height): (f32, f32),
    (min, max): (u32, u32),
    style: &Style,
    metrics: &dyn Metrics,
) -> Option<Layout> {
    let mut para = measure::Para::new(text, metrics, style);
    para.keep_whole(text, whole);
    fit::fit_para(&para, text, (width, height), (min, max), style)
}

/// The largest integer px size in `min..=max` at which `text` fits `width`×`height`, with its
/// layout — with `style.phrases`, the largest down to ¾ of that (or lower, down to `min`, if
/// needed) with the fewest rejected breaks, then splitting fewest words; `None` if it does
/// not fit even at `min`.
pub fn fit(
    text: &str,
    width: f32,
    height: f32,
    min: u32,
    max: u32,
    style: &Style,
    metrics: &dyn Metrics,
) -> Option<Layout> {
    let para = measure::Para::new(text, metrics, style);
    fit::fit_para(&para, text, (width, height), (min, max), style)
}

#[cfg(test)]
mod tests {
    use super::testing::FixedMetrics;
    use super::*;

    /// The character offsets where `l`'s lines end (before the last).
    fn cuts(l: &Layout) -> Vec<usize> {
        let mut at = 0;
        let mut out = Vec::new();
        for line in &l.lines[..l.lines.len() - 1] {
            at += line.text.chars().count();
            out.push(at);
        }
        out
    }

    #[test]
    fn a_run_kept_whole_moves_to_the_next_line_and_one_too_wide_still_breaks() {
        let style = Style {
            phrases: false,
            ..Style::default()
        };
        let m = FixedMetrics::default();
        let text = "我们采访了欧阳娜娜的经纪人";
        let at = |w, keep: &[&str]| {
            let keep: Vec<String> = keep.iter().map(|k| k.to_string()).collect();
            fit_keeping(text, &keep, (w, 1000.0), (20, 20), &style, &m).expect("fits")
        };
        // 5 em a line: the plain breaking cuts after 5 characters, inside `采访了欧阳`'s span
        // 2..7 (a run of our own: the rule is about spans, not what they are).
        assert!(cuts(&at(100.0, &[])).contains(&5));
        let kept = at(100.0, &["采访了欧阳"]);
        assert!(
            cuts(&kept).iter().all(|&c| !(2 < c && c < 7)),
            "{:?}",
            cuts(&kept)
        );
        assert_eq!(
            kept.lines
                .iter()
                .map(|l| l.text.as_str())
                .collect::<String>(),
            text
        );
        // Wider than the line: it breaks inside, as any unbreakable unit does.
        let forced = at(100.0, &[text]);
        assert!(forced.lines.len() > 1);
        assert!(forced.lines.iter().all(|l| l.natural_width <= 100.5));
    }
}
