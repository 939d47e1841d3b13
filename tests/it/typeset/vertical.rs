//! Vertical layout (竖排) swept over column lengths 3–30 em on the §5 strings (and the same
//! strings with short digit runs): every rule of the horizontal sweep holds in every column,
//! and the vertical metrics hold — upright cells 1 em, turned Latin at its horizontal width,
//! a run of 1–2 digits one cell with no Han–Latin gap, dashes still one unbroken unit. The
//! 138 answers set in columns without a fault.

use super::common::{cases, checked, em, fullwidth, texts, widths};
use jinju::typeset::testing::FixedMetrics;
use jinju::typeset::vertical::{Orient, VerticalMetrics, fit_vertical, orientations};
use jinju::typeset::{Align, Layout, Metrics, Style, violations};

/// Extra strings for the vertical rules: digit runs that combine (第3章, 12个) and that do not.
const DIGITS: [&str; 3] = [
    "第3章写了12个人，约20 km，100元。",
    "他在1999年说：“第1步——先做好。”",
    "iPhone 15和第15期都是2024年的事。",
];

fn styles() -> Vec<Style> {
    let base = Style::default();
    vec![
        base.clone(),
        Style {
            display: true,
            balanced: true,
            align: Align::Start,
            ..base.clone()
        },
        Style {
            display: true,
            align: Align::Center,
            ..base
        },
    ]
}

/// Every string at every column length under every style, both fake fonts and both quote
/// settings, checked by the horizontal invariants, handed to `each` with its orientations.
fn sweep(mut each: impl FnMut(&str, f32, &Layout, &[Orient], &dyn Metrics, &Style)) {
    let texts: Vec<String> = cases()
        .into_iter()
        .chain(DIGITS.iter().flat_map(|t| [t.to_string(), fullwidth(t)]))
        .collect();
    for inner in [FixedMetrics::default(), FixedMetrics::proportional_quotes()] {
        for keep in [false, true] {
            let m = VerticalMetrics::new(&inner, keep);
            for style in styles() {
                for text in &texts {
                    let orients = orientations(text, keep);
                    for h in widths() {
                        let l = checked(text, h, &style, &m);
                        each(text, h, &l, &orients, &inner, &style);
                    }
                }
            }
        }
    }
}

#[test]
fn every_rule_holds_in_every_column_and_cells_have_vertical_advances() {
    let (mut upright, mut turned, mut combined) = (0, 0, 0);
    sweep(|text, h, l, orients, inner, style| {
        let ragged = matches!(style.align, Align::Start | Align::Center);
        let total: usize = l.lines.iter().map(|c| c.glyphs.len()).sum();
        assert_eq!(total, orients.len(), "{text}");
        let mut at = 0;
        for column in &l.lines {
            let glyphs = &column.glyphs;
            for (i, g) in glyphs.iter().enumerate() {
                match orients[at + i] {
                    Orient::Upright(c) if ('\u{4E00}'..='\u{9FFF}').contains(&c) => {
                        assert!((em(g.advance) - 1.0).abs() < 1e-3, "{g:?} in {text}");
                        upright += 1;
                    }
                    Orient::Rotated if g.ch.is_ascii_alphabetic() => {
                        let (h_adv, _) = inner.advance(g.ch).unwrap();
                        assert!((em(g.advance) - h_adv).abs() < 1e-3, "{g:?} in {text}");
                        turned += 1;
                    }
                    Orient::Combined { first: true, len } => {
                        let len = usize::from(len);
                        let run = &glyphs[i..i + len];
                        let cell: f32 = run.iter().map(|d| em(d.advance)).sum();
                        assert!((cell - 1.0).abs() < 1e-3, "{text} at {h}: {run:?}");
                        // Set as one Han cell: no Han–Latin gap on either side.
                        if ragged && let Some(next) = glyphs.get(i + len) {
                            let end = em(run[0].x) + cell;
                            assert!((em(next.x) - end).abs() < 1e-3, "{text}: {next:?}");
                        }
                        if ragged && i > 0 {
                            let prev = &glyphs[i - 1];
                            let gap = em(run[0].x) - em(prev.x + prev.advance);
                            assert!(gap.abs() < 1e-3, "{text}: {prev:?} {run:?}");
                        }
                        combined += 1;
                    }
                    _ => {}
                }
            }
            at += glyphs.len();
        }
    });
    assert!(
        upright > 10_000 && turned > 1_000 && combined > 500,
        "{upright} {turned} {combined}"
    );
}

#[test]
fn orientations_follow_the_vertical_rules() {
    let o = orientations("第3章写12个人，用AI“好”——1999年iPhone 15", false);
    let chars: Vec<char> = "第3章写12个人，用AI“好”——1999年iPhone 15".chars().collect();
    let at = |c: char| o[chars.iter().position(|&x| x == c).unwrap()];
    assert_eq!(at('第'), Orient::Upright('第'));
    assert_eq!(
        at('3'),
        Orient::Combined {
            first: true,
            len: 1
        }
    );
    assert_eq!(
        o[4],
        Orient::Combined {
            first: true,
            len: 2
        }
    );
    assert_eq!(
        o[5],
        Orient::Combined {
            first: false,
            len: 2
        }
    );
    assert_eq!(at('，'), Orient::Upright('\u{FE10}'));
    assert_eq!(at('A'), Orient::Rotated);
    assert_eq!(
        at('“'),
        Orient::Upright('\u{FE41}'),
        "quotes become corner brackets"
    );
    assert_eq!(at('—'), Orient::Rule);
    assert_eq!(at('9'), Orient::Rotated, "four digits turn");
    assert_eq!(
        *o.last().unwrap(),
        Orient::Rotated,
        "15 next to a Latin word turns with it"
    );
    let kept = orientations("说“好”", true);
    assert_eq!(kept[1], Orient::Rotated, "kept quotes turn with the column");
}

#[test]
fn the_138_answers_set_in_columns_without_faults() {
    let answers = include_str!("../../data/answers138.txt");
    let inner = FixedMetrics::proportional_quotes();
    let style = Style {
        display: true,
        balanced: true,
        align: Align::Start,
        ..Style::default()
    };
    let mut sizes = Vec::new();
    for raw in answers.lines().filter(|l| !l.trim().is_empty()) {
        for text in [raw.to_string(), fullwidth(raw)] {
            let l = fit_vertical(&text, (840.0, 1300.0), (40, 132), &style, false, &inner)
                .expect("fits at 40 px");
            let joined: String = l.lines.iter().map(|x| x.text.as_str()).collect();
            assert_eq!(joined, text);
            let v = violations(&l);
            assert!(v.is_empty(), "{v:?}: {:?}", texts(&l));
            sizes.push((text.chars().count(), l.size));
        }
    }
    assert_eq!(sizes.len(), 276);
    assert!(
        sizes.iter().any(|&(_, s)| s == 132.0),
        "short quotes get the largest size"
    );
    sizes.sort_by_key(|&(n, _)| n);
    assert!(
        sizes[sizes.len() - 8..].iter().all(|&(_, s)| s < 100.0),
        "long ones get smaller: {sizes:?}"
    );
}
