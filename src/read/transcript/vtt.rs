//! WebVTT (`.vtt`): a `WEBVTT` header (its text after the word is the title), `NOTE`,
//! `STYLE` and `REGION` blocks (skipped), cues with an optional identifier, a
//! `00:01.000 --> 00:04.000 [settings]` timing line and words in which `<v Name>` names the
//! speaker; other tags (`<c>`, `<i>`, inline timestamps) are dropped.

use super::cue_text::plain_words;
use super::timed::{Clock, document, groups, timed_cue};
use super::{TranscriptError, join};
use crate::read::Document;

const FIX: &str = "check the file is a complete WebVTT (`WEBVTT`, then cues: \
                   `00:01.000 --> 00:04.000` and the words), or give it with `--from text`";

pub fn read(source: &str) -> Result<Document, TranscriptError> {
    let mut clock = Clock::new("WebVTT", FIX, 1);
    let all = groups(source);
    let Some(header) = all.first().filter(|g| looks_like(g[0].1)) else {
        return Err(clock.error(1, "a WebVTT file opens with the word `WEBVTT`".into()));
    };
    let title = header[0].1.trim()["WEBVTT".len()..]
        .trim_start_matches([' ', '\t', '-'])
        .trim();
    let mut cues = Vec::new();
    for group in &all[1..] {
        let first = group[0].1.trim_start();
        if ["NOTE", "STYLE", "REGION"].iter().any(|w| {
            first == *w
                || first.starts_with(&format!("{w} "))
                || first.starts_with(&format!("{w}\t"))
        }) {
            continue;
        }
        let at = usize::from(!first.contains("-->"));
        let Some(&(line, timing)) = group.get(at) else {
            return Err(clock.error(
                group[0].0,
                "a cue identifier with no timing line below it".into(),
            ));
        };
        let (start, end) = clock.read(timing, line)?;
        let mut speaker = None;
        let mut text = String::new();
        for &(_, l) in &group[at + 1..] {
            if speaker.is_none() {
                speaker = voice(l);
            }
            join(&mut text, &plain_words(l));
        }
        if text.is_empty() {
            continue;
        }
        cues.push(timed_cue(group, at, (start, end), speaker, text));
    }
    document(&clock, cues, (!title.is_empty()).then(|| title.to_string()))
}

/// The speaker of a `<v Name>` or `<v.class Name>` voice tag.
fn voice(line: &str) -> Option<String> {
    let i = line.find("<v")?;
    let rest = &line[i + 2..];
    if !rest.starts_with([' ', '.', '\t']) {
        return None;
    }
    let tag = &rest[..rest.find('>')?];
    let name = tag.trim_start_matches(|c: char| c != ' ' && c != '\t');
    super::speaker_name(name)
}

/// The first line of a WebVTT file.
pub fn looks_like(first_line: &str) -> bool {
    let t = first_line.trim_start_matches('\u{feff}');
    t == "WEBVTT" || t.starts_with("WEBVTT ") || t.starts_with("WEBVTT\t")
}
