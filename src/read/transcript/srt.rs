//! SubRip (`.srt`), as Whisper, AssemblyAI and video editors write it: numbered cues, a
//! `00:00:01,000 --> 00:00:04,000` timing line, the words below. Speakers are a `Name:`
//! prefix on the first cue of a turn (`张三：`, `[SPEAKER_00]:`), or none at all.

use super::cue_text::plain_words;
use super::timed::{Clock, document, groups, timed_cue};
use super::{TranscriptError, join};
use crate::read::Document;

const FIX: &str = "check the file is a complete SRT (cue number, `00:00:01,000 --> 00:00:04,000`, \
                   words, a blank line), or give it with `--from text`";

pub fn read(source: &str) -> Result<Document, TranscriptError> {
    let mut clock = Clock::new("SRT", FIX, 2);
    let all = groups(source);
    let mut cues = Vec::with_capacity(all.len());
    for (k, group) in all.iter().enumerate() {
        let last_group = k + 1 == all.len();
        let numbered = group[0].1.trim().bytes().all(|b| b.is_ascii_digit());
        let at = usize::from(numbered);
        let Some(&(line, timing)) = group.get(at) else {
            let problem = if last_group {
                "the file ends after a cue number: it looks cut short".to_string()
            } else {
                "a cue number with no timing line below it".to_string()
            };
            return Err(clock.error(group[0].0, problem));
        };
        let (start, end) = clock.read(timing, line)?;
        let mut text = String::new();
        for &(_, l) in &group[at + 1..] {
            join(&mut text, &plain_words(l));
        }
        if text.is_empty() {
            if last_group {
                return Err(clock.error(
                    line,
                    "the last cue has no words: the file looks cut short".into(),
                ));
            }
            continue;
        }
        cues.push(timed_cue(group, at, (start, end), None, text));
    }
    document(&clock, cues, None)
}

/// The start of a text looks like SRT: a cue number, then a timing line.
pub fn looks_like(source: &str) -> bool {
    let mut lines = source.lines().map(str::trim).filter(|l| !l.is_empty());
    let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
        return false;
    };
    first.bytes().all(|b| b.is_ascii_digit())
        && second.contains("-->")
        && second
            .split_once("-->")
            .is_some_and(|(a, _)| crate::read::Timecode::parse(a).is_some())
}
