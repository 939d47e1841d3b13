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

/// A timed label is what the bounded pattern `.{1,24}?` found, on every line of the fixtures
/// and the shared samples and at the length limit.
fn timed_labels_are_the_bounded_pattern_s_on(shared: bool) {
    let bounded = Regex::new(r"^\s*(.{1,24}?)\s+(?:\d{1,2}:)?\d{1,2}:\d{2}\s*$").unwrap();
    let at_limit = format!("{} 01:02", "甲".repeat(24));
    let over = format!("{} 01:02", "甲".repeat(25));
    let spaced = format!("{} 乙 3:04:05", "甲".repeat(23));
    let own = [
        "Aman 01:46:42",
        "张三  12:05 ",
        "  李四 老师 1:02:03",
        "时间 12:30 开始",
        at_limit.as_str(),
        over.as_str(),
        spaced.as_str(),
    ];
    let mut found = 0;
    for line in crate::read::sample_lines::lines(&own, shared) {
        let old = bounded.captures(&line).map(|c| c[1].to_string());
        assert_eq!(timed_label(&line).map(str::to_string), old, "{line}");
        found += usize::from(old.is_some());
    }
    assert!(found >= 4, "{found}");
    assert!(timed_label(&at_limit).is_some() && timed_label(&over).is_none());
}

crate::read::sample_lines::gate_tests!(timed_labels_are_the_bounded_pattern_s => timed_labels_are_the_bounded_pattern_s_on);
