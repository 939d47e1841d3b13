//! The 138 sentences of the interview's answers, raw and cleaned, fitted into an 840×900 px box
//! at 40–84 px: no faults at all.

use super::common::{fullwidth, texts};
use jinju::typeset::testing::FixedMetrics;
use jinju::typeset::{Style, fit, violations};

const ANSWERS: &str = include_str!("../../data/answers138.txt");

fn corpus(clean: bool, style: &Style, m: &FixedMetrics) -> Vec<f32> {
    let lines: Vec<&str> = ANSWERS.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 138);
    lines
        .iter()
        .map(|raw| {
            let text = if clean {
                fullwidth(raw)
            } else {
                raw.to_string()
            };
            let l = fit(&text, 840.0, 900.0, 40, 84, style, m).expect("fits at 40 px");
            let joined: String = l.lines.iter().map(|x| x.text.as_str()).collect();
            assert_eq!(joined, text);
            let v = violations(&l);
            assert!(v.is_empty(), "{v:?}: {:?}", texts(&l));
            l.size
        })
        .collect()
}

#[test]
fn all_answers_set_without_faults() {
    for m in [FixedMetrics::default(), FixedMetrics::proportional_quotes()] {
        for balanced in [false, true] {
            let style = Style {
                balanced,
                ..Style::default()
            };
            for clean in [false, true] {
                let sizes = corpus(clean, &style, &m);
                assert!(sizes.iter().all(|&s| (40.0..=84.0).contains(&s)));
                assert!(sizes.contains(&84.0), "short quotes get the largest size");
            }
        }
    }
}
