//! The literal gates in front of the label patterns never change a result.

use super::*;

/// The gates in front of [`TIMED`] and [`NUMBERED_QUESTION`] let every line of the
/// shared samples through that the patterns match.
fn the_gates_never_refuse_a_line_a_pattern_matches_on(shared: bool) {
    let own = [
        "Aman 01:46:42",
        "张三  12:05 ",
        "Q1. 为什么？",
        " 问3、什么？",
        "問 2：何時？",
    ];
    let (mut timed, mut numbered) = (0, 0);
    for line in crate::read::sample_lines::lines(&own, shared) {
        timed += usize::from(TIMED.is_match(&line));
        assert!(!TIMED.is_match(&line) || could_be_timed(&line), "{line}");
        numbered += usize::from(NUMBERED_QUESTION.is_match(&line));
        assert!(!NUMBERED_QUESTION.is_match(&line) || could_be_numbered_question(&line));
    }
    assert!(timed >= 2 && numbered >= 3, "{timed} {numbered}");
}

crate::read::sample_lines::gate_tests!(the_gates_never_refuse_a_line_a_pattern_matches => the_gates_never_refuse_a_line_a_pattern_matches_on);
