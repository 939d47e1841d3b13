//! Vertical layout (竖排): columns top to bottom, set by the same breaking, justification and
//! fitting as horizontal lines — a column is a `Line` whose length runs down the page — over
//! vertical metrics: every upright character (Han, full-width punctuation in its vertical
//! form) advances 1 em, Latin words and long numbers are rotated 90° clockwise and advance
//! their horizontal width, and a run of one or two digits stands upright in one 1-em cell
//! (纵中横, tate-chu-yoko). Says how each character is oriented; draws nothing.
//!
//! In a vertical [`Layout`]: `width` is the column length, `line_height` the distance
//! between column centres, `Line::x` the column's offset from the box's top and `Glyph::x`
//! the distance down the column. The rules (`violations`) hold per column unchanged.

use super::chars::{Kind, classify};
use super::vforms::vertical_form;
use super::{Layout, Metrics, Style};

/// The longest run of digits set upright in one cell.
pub const COMBINE_DIGITS: usize = 2;

/// How a character is drawn in a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orient {
    /// Upright, drawing this character (the vertical form of punctuation, or itself).
    Upright(char),
    /// Rotated 90° clockwise (Latin, long numbers, kept quotes, brackets without a form).
    Rotated,
    /// Upright side by side with its neighbours in one cell (a run of 1–2 digits); `first`
    /// starts the run, `len` its characters.
    Combined { first: bool, len: u8 },
    /// A dash: one continuous vertical rule with the dashes next to it.
    Rule,
    /// Spaces and line breaks: nothing to draw.
    Blank,
}

/// Orientation of every character of `text` (indices as `text.chars()`).
pub fn orientations(text: &str, keep_quotes: bool) -> Vec<Orient> {
    let chars: Vec<char> = text.chars().collect();
    let kinds = classify(&chars);
    let digit = |i: usize| chars[i].is_ascii_digit();
    // Neighbours that make a digit run part of a Latin word or a longer number.
    let joins = |j: Option<usize>| {
        j.and_then(|j| chars.get(j).map(|&c| (j, c)))
            .is_some_and(|(j, c)| kinds[j].is_latin_run() || (kinds[j] == Kind::Space && c != '\n'))
    };
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if digit(i) {
            let end = (i..chars.len()).find(|&j| !digit(j)).unwrap_or(chars.len());
            let len = end - i;
            if len <= COMBINE_DIGITS && !joins(i.checked_sub(1)) && !joins(Some(end)) {
                out.extend((i..end).map(|j| Orient::Combined {
                    first: j == i,
                    len: len as u8,
                }));
                i = end;
                continue;
            }
        }
        out.push(orient(chars[i], kinds[i], keep_quotes));
        i += 1;
    }
    out
}

fn orient(c: char, kind: Kind, keep_quotes: bool) -> Orient {
    if let Some(form) = vertical_form(c, keep_quotes).filter(|_| kind != Kind::Latin) {
        return Orient::Upright(form);
    }
    match kind {
        Kind::Space | Kind::Newline => Orient::Blank,
        Kind::Dash => Orient::Rule,
        Kind::Latin => Orient::Rotated,
        // Quotes and brackets without a vertical form turn with the column.
        Kind::Open | Kind::Close if matches!(c, '“' | '”' | '‘' | '’') || is_bracket(c) => {
            Orient::Rotated
        }
        Kind::Other if !is_wide(c) || matches!(c, '～' | '〜') => Orient::Rotated,
        _ => Orient::Upright(c),
    }
}

fn is_bracket(c: char) -> bool {
    matches!(
        c,
        '〘' | '〙' | '〚' | '〛' | '｟' | '｠' | '〝' | '〞' | '〟'
    )
}

/// Full-width symbols (East Asian Wide or Fullwidth) stand upright.
fn is_wide(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width(c) == Some(2)
}

/// Metrics of a column: upright characters 1 em, rotated ones their horizontal advance, a
/// combined digit run 1 em in all (shared by its digits), over the horizontal `inner`.
pub struct VerticalMetrics<'a> {
    inner: &'a dyn Metrics,
    keep_quotes: bool,
}

impl<'a> VerticalMetrics<'a> {
    pub fn new(inner: &'a dyn Metrics, keep_quotes: bool) -> Self {
        VerticalMetrics { inner, keep_quotes }
    }
}

impl VerticalMetrics<'_> {
    /// The orientation of `chars[i]`, which depends on its neighbours only (a digit run's
    /// and theirs): a window around `i` decides it as the whole text would.
    fn orient_at(&self, chars: &[char], i: usize) -> Orient {
        let lo = i.saturating_sub(COMBINE_DIGITS + 1);
        let hi = (i + COMBINE_DIGITS + 2).min(chars.len());
        let window: String = chars[lo..hi].iter().collect();
        orientations(&window, self.keep_quotes)[i - lo]
    }
}

impl Metrics for VerticalMetrics<'_> {
    fn advance(&self, c: char) -> Option<(f32, u16)> {
        self.advance_in(&[c], 0)
    }

    fn advance_in(&self, chars: &[char], i: usize) -> Option<(f32, u16)> {
        let (adv, font) = self.inner.advance(chars[i])?;
        Some(match self.orient_at(chars, i) {
            Orient::Rotated | Orient::Blank => (adv, font),
            Orient::Combined { len, .. } => (1.0 / f32::from(len), font),
            Orient::Upright(_) | Orient::Rule => (1.0, font),
        })
    }

    fn combined(&self, chars: &[char], i: usize) -> bool {
        matches!(self.orient_at(chars, i), Orient::Combined { .. })
    }
}

/// Lays `text` out in columns `length` px long at `size` px (see [`super::layout`]).
pub fn layout_vertical(
    text: &str,
    size: f32,
    length: f32,
    style: &Style,
    keep_quotes: bool,
    metrics: &dyn Metrics,
) -> Layout {
    super::layout(
        text,
        size,
        length,
        style,
        &VerticalMetrics::new(metrics, keep_quotes),
    )
}

/// The largest size at which `text` fits in columns `length` px long whose block is at most
/// `breadth` px wide (see [`super::fit`]).
pub fn fit_vertical(
    text: &str,
    (breadth, length): (f32, f32),
    (min, max): (u32, u32),
    style: &Style,
    keep_quotes: bool,
    metrics: &dyn Metrics,
) -> Option<Layout> {
    let m = VerticalMetrics::new(metrics, keep_quotes);
    super::fit(text, length, breadth, min, max, style, &m)
}
