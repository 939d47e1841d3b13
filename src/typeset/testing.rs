//! A fixed-advance fake font for tests and benchmarks: no font files, predictable widths.

use super::Metrics;
use super::chars::is_cjk_letter;

/// Fixed advances: CJK characters and full-width punctuation 1 em (font 0), everything else
/// `narrow` em (font 1), spaces `space` em; curly quotes and the middle dot `quote` em (1.0 as
/// in Noto CJK SC, 0.35 to mimic LXGW WenKai's proportional glyphs); characters in `missing`
/// are not covered (`None`).
#[derive(Debug, Clone, PartialEq)]
pub struct FixedMetrics {
    pub narrow: f32,
    pub space: f32,
    pub quote: f32,
    pub missing: Vec<char>,
}

impl Default for FixedMetrics {
    fn default() -> Self {
        FixedMetrics {
            narrow: 0.5,
            space: 0.3,
            quote: 1.0,
            missing: Vec::new(),
        }
    }
}

impl FixedMetrics {
    /// Proportional quotes and middle dot, 0.35 em, as in LXGW WenKai.
    pub fn proportional_quotes() -> Self {
        FixedMetrics {
            quote: 0.35,
            ..FixedMetrics::default()
        }
    }
}

impl Metrics for FixedMetrics {
    fn advance(&self, c: char) -> Option<(f32, u16)> {
        if self.missing.contains(&c) {
            return None;
        }
        Some(match c {
            '“' | '”' | '‘' | '’' | '·' => (self.quote, 0),
            ' ' => (self.space, 1),
            '—' => (0.894, 0),
            c if is_cjk_letter(c) || is_wide_punct(c) => (1.0, 0),
            _ => (self.narrow, 1),
        })
    }
}

fn is_wide_punct(c: char) -> bool {
    matches!(c as u32, 0x2026 | 0x22EF | 0x2E3A | 0x2E3B | 0x3000..=0x303F | 0xFF01..=0xFF60 | 0xFFE0..=0xFFE6)
}
