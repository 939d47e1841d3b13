//! Shared helpers: the §5 test strings, the width sweep, and the invariant checks.

use jinju::typeset::{
    Layout, Line, Metrics, Style, Violation, break_opportunities, layout, violations,
};

/// Tolerance for widths, px.
pub const EPS: f32 = 0.01;

/// Font size used by the sweeps, px.
pub const SIZE: f32 = 20.0;

/// TYPOGRAPHY.md §5, as written (ASCII punctuation from the scrape).
pub const CASES: [&str; 9] = [
    "张鹏:我觉得不会。这也是我刚才说,为什么我们希望通过你这档节目,更多让大家知道智谱到底是在想什么、在做什么。",
    "假设它是一个Bubble,我们上市能救AI吗?",
    "他说“AGI的先行者。”我们都笑了。",
    "他说:“AGI的先行者。”我们都笑了。",
    "这是——我认为——很重要的……事情……",
    "价格是100元,增长了3.5%,约20 km,即2024年的￥1,000。",
    "书名《三体》(刘慈欣著)【推荐】。",
    "I’m fine,他说don’t worry。",
    "GPT-4o和iPhone 15 Pro都在2024年发布。",
];

/// ASCII `, : ? ; ! ( )` touching Han → full-width (a stand-in for the real cleaner).
pub fn fullwidth(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let han = |i: Option<&char>| i.is_some_and(|&c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    (0..chars.len())
        .map(|i| {
            let touching =
                han(i.checked_sub(1).and_then(|j| chars.get(j))) || han(chars.get(i + 1));
            match (chars[i], touching) {
                (',', true) => '，',
                (':', true) => '：',
                ('?', true) => '？',
                (';', true) => '；',
                ('!', true) => '！',
                ('(', true) => '（',
                (')', true) => '）',
                (c, _) => c,
            }
        })
        .collect()
}

/// Every §5 string, raw and converted.
pub fn cases() -> Vec<String> {
    CASES
        .iter()
        .flat_map(|c| [c.to_string(), fullwidth(c)])
        .collect()
}

/// Widths from 3 to 30 em in ½-em steps.
pub fn widths() -> impl Iterator<Item = f32> {
    (6..=60).map(|h| h as f32 * 0.5)
}

/// Tokens as the orphan rule counts them: each CJK character; each Latin word or number
/// (a run of letters and digits, joined by ASCII punctuation or ’ — or ‘, which Chinese input
/// methods type for an apostrophe: `don‘t` — not by spaces).
pub fn tokens(s: &str) -> usize {
    let (mut n, mut run) = (0, false);
    for c in s.chars() {
        let cjk = c.is_alphanumeric() && c as u32 >= 0x2E80;
        let latin = c.is_alphanumeric() && !cjk;
        n += usize::from(cjk || (latin && !run));
        run = latin || (run && (c.is_ascii_punctuation() || c == '’' || c == '‘'));
    }
    n
}

/// Can the last line hold two tokens at this width? (The smallest tail that starts at a
/// break opportunity and holds two tokens fits on one line.)
pub fn orphan_avoidable(text: &str, width: f32, style: &Style, m: &dyn Metrics) -> bool {
    let Some(start) = break_opportunities(text)
        .into_iter()
        .rev()
        .find(|&b| tokens(&text[b..]) >= 2)
    else {
        return false;
    };
    layout(&text[start..], SIZE, width, style, m).lines.len() == 1
}

/// Is a break at byte `at` inside a unit that cannot be set alone on one line?
pub fn forced_break(text: &str, at: usize, l: &Layout, style: &Style, m: &dyn Metrics) -> bool {
    let ops = break_opportunities(text);
    if ops.contains(&at) {
        return false;
    }
    let from = ops.iter().rev().find(|&&b| b < at).copied().unwrap_or(0);
    let to = ops.iter().find(|&&b| b > at).copied().unwrap_or(text.len());
    layout(&text[from..to], l.size, l.width, style, m)
        .lines
        .len()
        > 1
}

/// The byte offsets where lines start (after the first).
pub fn line_starts(l: &Layout) -> Vec<usize> {
    l.lines
        .iter()
        .scan(0, |at, line| {
            *at += line.text.len();
            Some(*at)
        })
        .take(l.lines.len().saturating_sub(1))
        .collect()
}

/// Lays `text` out and asserts the invariants every layout must keep; returns it.
pub fn checked(text: &str, width_em: f32, style: &Style, m: &dyn Metrics) -> Layout {
    let l = layout(text, SIZE, width_em * SIZE, style, m);
    let joined: String = l.lines.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(joined, text, "lines must concatenate to the input");
    for line in &l.lines {
        assert_eq!(
            line.glyphs.len(),
            line.text.chars().count(),
            "{:?}",
            line.text
        );
    }
    let starts = line_starts(&l);
    for v in violations(&l) {
        let ok = match v {
            Violation::Orphan { line } => {
                // The paragraph that line ends: from after the previous newline.
                let end: usize = l.lines[..=line].iter().map(|x| x.text.len()).sum();
                let start = text[..starts[line - 1]].rfind('\n').map_or(0, |p| p + 1);
                !orphan_avoidable(text[start..end].trim_end(), width_em * SIZE, style, m)
            }
            Violation::ProhibitedStart { line, .. } => {
                forced_break(text, starts[line - 1], &l, style, m)
            }
            Violation::ProhibitedEnd { line, .. } | Violation::SplitUnit { line, .. } => {
                forced_break(text, starts[line], &l, style, m)
            }
            Violation::Overflow { .. } => false,
        };
        assert!(ok, "{v:?} at {width_em} em: {:?}", texts(&l));
    }
    l
}

pub fn texts(l: &Layout) -> Vec<&str> {
    l.lines.iter().map(|x| x.text.as_str()).collect()
}

/// Every §5 string (raw and converted) at every width, checked, handed to `each` (for
/// vertical metrics the widths are column lengths).
pub fn sweep(style: &Style, m: &dyn Metrics, mut each: impl FnMut(&str, f32, &Layout)) {
    for text in cases() {
        for w in widths() {
            let l = checked(&text, w, style, m);
            each(&text, w, &l);
        }
    }
}

pub fn em(px: f32) -> f32 {
    px / SIZE
}

pub fn last_visible(line: &Line) -> Option<&jinju::typeset::Glyph> {
    line.glyphs.iter().rev().find(|g| !g.ch.is_whitespace())
}
