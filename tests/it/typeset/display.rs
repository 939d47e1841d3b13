//! The display setting (cards), swept over widths 3–30 em: punctuation keeps its natural
//! width mid-line, Latin word spaces and Han–Latin gaps stay as set, no line overflows (it is
//! re-broken instead), and no paragraph ends on one token.

use super::common::{EPS, SIZE, cases, checked, em, tokens, widths};
use jinju::typeset::testing::FixedMetrics;
use jinju::typeset::{Align, Layout, Style, layout};

/// Latin-heavy strings besides §5.
const LATIN: [&str; 3] = [
    "我们试过scaling law和model merging，也做了Midjourney V6那样的image generation。",
    "这是最straight forward（直截了当）的逻辑，to B的公司都这样想。",
    "企业客户要的不只是一篇Paper或者Prototype的代码，而是一个System、一个Product。",
];

fn display(align: Align) -> Style {
    Style {
        display: true,
        align,
        ..Style::default()
    }
}

/// Every string of §5 and `LATIN` at every width in `style`, checked (rules, no overflow).
fn each_layout(style: &Style, mut f: impl FnMut(&Layout)) {
    let m = FixedMetrics::default();
    let texts: Vec<String> = cases()
        .into_iter()
        .chain(LATIN.iter().map(|s| s.to_string()))
        .collect();
    for text in &texts {
        for w in widths() {
            f(&checked(text, w, style, &m));
        }
    }
}

/// Stops and closers that end no line and precede no closer or middle dot, and openers that
/// start no line and follow no punctuation: their advances (em). The clreq pair trims and
/// the line-edge half widths are the only compressions allowed.
fn mid_line_punctuation(l: &Layout) -> Vec<(char, f32)> {
    let closer = |c: char| "，。、：；！？”）》".contains(c);
    let opener = |c: char| "“（《".contains(c);
    let mut out = Vec::new();
    for line in &l.lines {
        let g: Vec<_> = line
            .glyphs
            .iter()
            .filter(|g| !g.ch.is_whitespace())
            .collect();
        for i in 0..g.len() {
            let (prev, next) = (
                i.checked_sub(1).map(|j| g[j].ch),
                g.get(i + 1).map(|x| x.ch),
            );
            let c = g[i].ch;
            let pair_after = next.is_some_and(|n| closer(n) || n == '·' || opener(n));
            let pair_before = prev.is_some_and(|p| closer(p) || opener(p));
            if (closer(c) && next.is_some() && !pair_after)
                || (opener(c) && prev.is_some() && !pair_before)
            {
                out.push((c, em(g[i].advance)));
            }
        }
    }
    out
}

#[test]
fn punctuation_keeps_its_natural_width_mid_line() {
    for align in [Align::Justify, Align::Start, Align::Center] {
        let mut seen = 0;
        each_layout(&display(align), |l| {
            for (c, adv) in mid_line_punctuation(l) {
                seen += 1;
                assert!(
                    (adv - 1.0).abs() < 1e-3,
                    "{c} squeezed to {adv} em: {:?}",
                    l.lines.iter().map(|x| &x.text).collect::<Vec<_>>()
                );
            }
        });
        assert!(seen > 1000, "the sweep checks punctuation ({seen})");
    }
    // The body-text setting does squeeze somewhere in the same sweep: the check can fail.
    let mut squeezed = 0;
    each_layout(&Style::default(), |l| {
        squeezed += mid_line_punctuation(l)
            .iter()
            .filter(|(_, a)| *a < 0.99)
            .count();
    });
    assert!(squeezed > 0);
}

/// The gaps (em) between a Han character and a Latin letter or digit next to it, and the
/// advances of spaces between two Latin words, on lines other than the last.
fn latin_spacing(l: &Layout) -> (Vec<f32>, Vec<f32>) {
    let han = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    let latin = |c: char| c.is_ascii_alphanumeric();
    let (mut gaps, mut spaces) = (Vec::new(), Vec::new());
    for line in &l.lines[..l.lines.len().saturating_sub(1)] {
        for w in line.glyphs.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            if (han(a.ch) && latin(b.ch)) || (latin(a.ch) && han(b.ch)) {
                gaps.push(em(b.x - (a.x + a.advance)));
            }
        }
        for w in line.glyphs.windows(3) {
            if w[1].ch == ' ' && latin(w[0].ch) && latin(w[2].ch) {
                spaces.push(em(w[1].advance));
            }
        }
    }
    (gaps, spaces)
}

#[test]
fn latin_spacing_stays_a_quarter_em_and_spaces_never_pass_half_an_em() {
    for align in [Align::Justify, Align::Start] {
        let (mut gaps, mut spaces) = (0, 0);
        each_layout(&display(align), |l| {
            let (g, s) = latin_spacing(l);
            for gap in &g {
                assert!((gap - 0.25).abs() < 0.02, "Han–Latin gap {gap} em");
            }
            for space in &s {
                assert!(
                    (space - 0.3).abs() < 0.02 && *space <= 0.5,
                    "space {space} em"
                );
            }
            (gaps, spaces) = (gaps + g.len(), spaces + s.len());
        });
        assert!(
            gaps > 500 && spaces > 100,
            "{gaps} gaps, {spaces} spaces checked"
        );
    }
    // Justified body text stretches them (so the check above can fail).
    let mut stretched = 0;
    each_layout(&Style::default(), |l| {
        let (g, s) = latin_spacing(l);
        stretched += g.iter().chain(&s).filter(|&&x| x > 0.33).count();
    });
    assert!(stretched > 0);
}

#[test]
fn no_paragraph_ends_on_one_token() {
    // Greedy filling at 9.8 em leaves `V6。` alone: one token, like a lone character.
    let m = FixedMetrics::default();
    let text = "我们用过Midjourney V6。";
    // From 7 em up (`Midjourney V6。` is 6.8 em: in narrower boxes `V6。` cannot have company).
    for w in widths().filter(|&w| w >= 7.0).chain([9.8]) {
        let l = checked(text, w, &display(Align::Start), &m);
        if l.lines.len() > 1 {
            let last = &l.lines.last().expect("lines").text;
            assert!(tokens(last) >= 2, "{last:?} at {w} em");
        }
    }
    let l = layout(text, SIZE, 9.8 * SIZE, &display(Align::Start), &m);
    assert!(
        l.lines.len() == 2 && l.lines[1].text != "V6。",
        "{:?}",
        l.lines
    );
    assert!(l.lines.iter().all(|x| x.width <= 9.8 * SIZE + EPS));
}
