//! Any text at any width: the layout loses nothing and every line fits.
#![no_main]
use jinju::typeset::{Style, layout, testing::FixedMetrics};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u16, bool, &str)| {
    let (width, balanced, text) = input;
    let width = f32::from(width % 4000);
    let style = Style { balanced, ..Style::default() };
    let l = layout(text, 32.0, width, &style, &FixedMetrics::default());
    let joined: String = l.lines.iter().map(|line| line.text.as_str()).collect();
    assert_eq!(joined, text);
});
