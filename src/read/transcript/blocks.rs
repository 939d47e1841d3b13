//! The "speaker + timestamp line, words below" exports of 飞书妙记, 讯飞听见, 通义听悟 and
//! 腾讯会议: `说话人 1  00:00:05`, `张三 01:02`, `发言人2(00:01:02)` (words may follow a bracketed time on its line), each line of words below
//! a paragraph of the turn. Lines before the first speaker line are the export's own head
//! (its first line, when short, the title; its `文字记录:` and `关键词:` headings dropped).

use super::cue_text::{is_anonymous_speaker, speaker_name};
use super::{Cue, TranscriptError, paragraphs};
use crate::read::{Block, BlockKind, Document, Span, Timecode};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

static SPEAKER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?P<name>[^\s\d:：(（\[][^:：(（\[]{0,29}?)(?:\s+(?P<bare>(?:\d{1,3}:)?\d{1,2}:\d{2})\s*|\s*[(（\[]\s*(?P<bracketed>(?:\d{1,3}:)?\d{1,2}:\d{2})\s*[)）\]]\s*[:：]?\s*(?P<rest>.*))$",
    )
    .expect("static regex")
});

/// A speaker line: the name, when, and any words on the same line.
pub fn speaker_line(line: &str) -> Option<(String, Timecode, &str)> {
    // The pattern is large to compile (a name of up to 30 characters of a negated class);
    // a line without its digit-colon-digit cannot match, so most inputs never compile it.
    if !has_digit_colon_digit(line) || !could_be_speaker_line(line) {
        return None;
    }
    let c = SPEAKER_LINE.captures(line)?;
    let name = speaker_name(c.name("name")?.as_str())?;
    let time = Timecode::parse(c.name("bare").or(c.name("bracketed"))?.as_str())?;
    let rest = c.name("rest").map_or("", |m| m.as_str()).trim();
    Some((name, time, rest))
}

/// Whether `line` has an ASCII colon between two digits (`\d` is Unicode's decimal digits;
/// `char::is_numeric` is wider, so this never says no where [`SPEAKER_LINE`] matches).
fn has_digit_colon_digit(line: &str) -> bool {
    let mut before = [' ', ' '];
    line.chars().any(|c| {
        let found = before[1] == ':' && before[0].is_numeric() && c.is_numeric();
        before = [before[1], c];
        found
    })
}

/// The shape [`SPEAKER_LINE`] needs around its time: a name that opens with no digit, colon
/// or bracket, and the line ending with a digit (a bare time) or holding a closing bracket.
fn could_be_speaker_line(line: &str) -> bool {
    let opens_name = line
        .trim_start()
        .starts_with(|c: char| !c.is_ascii_digit() && !":：(（[".contains(c));
    let t = line.trim_end();
    opens_name && (t.ends_with(char::is_numeric) || t.contains([')', '）', ']']))
}

pub fn read(source: &str) -> Result<Document, TranscriptError> {
    // A name on one speaker line only (`会议开始于 12:30`) is words, unless it is an
    // anonymous label or the line stands after a blank line, as exports set them.
    let mut uses: BTreeMap<String, usize> = BTreeMap::new();
    for (name, _, _) in source.lines().filter_map(speaker_line) {
        *uses.entry(name).or_default() += 1;
    }
    let speaking = |name: &String, after_blank: bool| {
        after_blank || uses[name] >= 2 || is_anonymous_speaker(name)
    };
    let mut after_blank = true;
    let mut head: Vec<Block> = Vec::new();
    let mut skip_next = false;
    let mut cues: Vec<Cue> = Vec::new();
    for (i, line) in source.lines().enumerate() {
        let text = line.trim();
        if text.is_empty() {
            after_blank = true;
            continue;
        }
        let blank_before = std::mem::replace(&mut after_blank, false);
        match speaker_line(text).filter(|(name, _, _)| speaking(name, blank_before)) {
            Some((name, time, rest)) => cues.push(Cue {
                speaker: Some(name),
                start: Some(time),
                end: None,
                text: rest.to_string(),
                line: i + 1,
                paragraph: true,
            }),
            None if cues.is_empty() && std::mem::take(&mut skip_next) => {}
            None if cues.is_empty() && is_export_heading(text) => {
                skip_next = text.starts_with("关键词");
            }
            None if cues.is_empty() => {
                let kind = if head.is_empty() && text.chars().count() <= 60 {
                    BlockKind::Heading(1)
                } else {
                    BlockKind::Paragraph
                };
                head.push(Block::new(kind, vec![Span::plain(text)], i + 1));
            }
            None => cues.push(Cue {
                speaker: None,
                start: None,
                end: None,
                text: text.to_string(),
                line: i + 1,
                paragraph: true,
            }),
        }
    }
    if cues.is_empty() {
        return Err(TranscriptError {
            syntax: "transcript",
            line: 1,
            problem: "no speaker line (`说话人 1  00:00:05`, `张三 01:02`) found".into(),
            fix: "give the export as it was saved, or read it with `--from text`",
        });
    }
    // A speaker line with no words on it opens its turn with the next line's words.
    let mut merged: Vec<Cue> = Vec::with_capacity(cues.len());
    for cue in cues {
        match merged.last_mut() {
            Some(last)
                if last.speaker.is_some() && last.text.is_empty() && cue.speaker.is_none() =>
            {
                last.text = cue.text;
                last.line = cue.line;
            }
            _ => merged.push(cue),
        }
    }
    merged.retain(|c| !c.text.is_empty());
    let mut blocks = head;
    blocks.extend(paragraphs(merged));
    Ok(Document {
        blocks,
        ..Document::default()
    })
}

/// The export's own headings before the words (`文字记录:`; `关键词:` and its keyword line),
/// which are no part of the interview.
fn is_export_heading(line: &str) -> bool {
    let name = line.trim_end_matches([':', '：']).trim();
    line.len() > name.len() && ["文字记录", "关键词", "转写内容", "Transcript"].contains(&name)
}

/// Several lines of a text are speaker lines: the shape of these exports.
pub fn looks_like(source: &str) -> bool {
    let lines: Vec<&str> = source
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(4000)
        .collect();
    let speaker_lines = lines
        .iter()
        .filter(|l| speaker_line(l).is_some_and(|(_, _, rest)| rest.is_empty()))
        .count();
    speaker_lines >= 2 && speaker_lines * 5 >= lines.len()
}

#[cfg(test)]
mod prefilter_tests {
    use super::*;

    fn the_prefilter_never_refuses_a_line_the_pattern_matches_on(shared: bool) {
        let lines = [
            "说话人 1  00:00:05",
            "张三 01:02",
            "发言人2(00:01:02) 好的",
            "发言人2（１２:３４）：全角数字",
            "会议开始于 12:30",
            "网址 https://example.com",
            "时间：12：30",
            "没有时间的一行",
        ];
        let mut matched = 0;
        for line in crate::read::sample_lines::lines(&lines, shared) {
            if SPEAKER_LINE.is_match(&line) {
                matched += 1;
                assert!(has_digit_colon_digit(&line), "{line}");
                assert!(could_be_speaker_line(&line), "{line}");
            }
        }
        assert!(matched >= 4, "{matched}");
        assert!(!could_be_speaker_line("2026-1-10 18:20:20"));
        let full_width = "发言人2（１２:３４）：全角数字";
        assert!(SPEAKER_LINE.is_match(full_width) && has_digit_colon_digit(full_width));
        assert!(speaker_line("张三 01:02").is_some());
        assert!(!has_digit_colon_digit("网址 https://example.com"));
        assert!(!has_digit_colon_digit("时间：12：30"));
    }

    crate::read::sample_lines::gate_tests!(the_prefilter_never_refuses_a_line_the_pattern_matches => the_prefilter_never_refuses_a_line_the_pattern_matches_on);
}
