//! What SRT and WebVTT share: blank-line-separated cue groups, the `start --> end` timing
//! line (refused when garbage, backwards or overlapping the cue before), and speakers named
//! by a `Name:` prefix on the first cue of a turn.

use super::cue_text::split_prefix;
use super::{Cue, TranscriptError, paragraphs};
use crate::read::{Document, Timecode};
use std::collections::BTreeMap;

/// How far a cue may start before the previous one ends (speech overlaps a little in real
/// diarised transcripts); more is an error.
pub const OVERLAP_MS: u64 = 1000;

/// Lines grouped by blank lines, each with its 1-based line number.
pub fn groups(source: &str) -> Vec<Vec<(usize, &str)>> {
    let mut out: Vec<Vec<(usize, &str)>> = Vec::new();
    let mut open: Vec<(usize, &str)> = Vec::new();
    for (i, line) in source.lines().enumerate() {
        if line.trim().is_empty() {
            if !open.is_empty() {
                out.push(std::mem::take(&mut open));
            }
        } else {
            open.push((i + 1, line.trim_end()));
        }
    }
    if !open.is_empty() {
        out.push(open);
    }
    out
}

/// Reads timing lines in order, checking each against the cue before.
pub struct Clock {
    pub syntax: &'static str,
    pub fix: &'static str,
    /// Colons a timecode must have: 2 for SRT (`00:01:02,500`), 1 for WebVTT (`01:02.500`).
    pub colons: usize,
    last: Option<(Timecode, Timecode)>,
}

impl Clock {
    pub fn new(syntax: &'static str, fix: &'static str, colons: usize) -> Clock {
        Clock {
            syntax,
            fix,
            colons,
            last: None,
        }
    }

    pub fn error(&self, line: usize, problem: String) -> TranscriptError {
        TranscriptError {
            syntax: self.syntax,
            line,
            problem,
            fix: self.fix,
        }
    }

    /// `start --> end [settings]` at `line`.
    pub fn read(
        &mut self,
        text: &str,
        line: usize,
    ) -> Result<(Timecode, Timecode), TranscriptError> {
        let shown = crate::printable::excerpt(text.trim(), 60);
        let (a, b) = text.split_once("-->").ok_or_else(|| {
            self.error(
                line,
                format!("`{shown}` is not a timing line (`00:00:01,000 --> 00:00:04,000`)"),
            )
        })?;
        let end_token = b.split_whitespace().next().unwrap_or("");
        let parse = |t: &str| {
            // Subtitles always write milliseconds: `00:00` is a timecode cut short.
            let t = t.trim();
            let whole = t.contains([',', '.']) && t.matches(':').count() >= self.colons;
            whole.then(|| Timecode::parse(t)).flatten().ok_or_else(|| {
                let t = crate::printable::excerpt(t.trim(), 30);
                self.error(line, format!("`{t}` is not a timecode (`00:01:02,500`)"))
            })
        };
        let (start, end) = (parse(a)?, parse(end_token)?);
        if end < start {
            return Err(self.error(
                line,
                format!("the cue ends ({end}) before it starts ({start})"),
            ));
        }
        if let Some((p_start, p_end)) = self.last {
            if start < p_start {
                return Err(self.error(
                    line,
                    format!("the cue starts at {start}, before the cue above ({p_start}): the cues are out of order"),
                ));
            }
            if start.0 + OVERLAP_MS < p_end.0 {
                return Err(self.error(
                    line,
                    format!("the cue starts at {start}, while the cue above runs until {p_end}: the timecodes overlap"),
                ));
            }
        }
        self.last = Some((start, end));
        Ok((start, end))
    }
}

/// Name the speakers of cues that open with a `Name:` prefix, when that label opens two cues
/// or more or is an anonymous label (`说话人 1`): a one-off `我说：` is words, not a speaker.
pub fn prefixed_speakers(cues: &mut [Cue]) {
    let mut uses: BTreeMap<String, usize> = BTreeMap::new();
    for c in cues.iter().filter(|c| c.speaker.is_none()) {
        if let Some((name, _)) = split_prefix(&c.text) {
            *uses.entry(name).or_default() += 1;
        }
    }
    for c in cues.iter_mut().filter(|c| c.speaker.is_none()) {
        let Some((name, rest)) = split_prefix(&c.text) else {
            continue;
        };
        if uses[&name] >= 2 || super::is_anonymous_speaker(&name) {
            c.text = rest.to_string();
            c.speaker = Some(name);
        }
    }
}

/// The cue whose timing line is `group[at]` and whose words are `text`.
pub fn timed_cue(
    group: &[(usize, &str)],
    at: usize,
    (start, end): (Timecode, Timecode),
    speaker: Option<String>,
    text: String,
) -> Cue {
    Cue {
        speaker,
        start: Some(start),
        end: Some(end),
        text,
        line: group.get(at + 1).map_or(group[at].0, |l| l.0),
        paragraph: false,
    }
}

/// The cues as a document: speakers named by prefixes, turns in paragraphs; an error when
/// no cue holds words.
pub fn document(
    clock: &Clock,
    mut cues: Vec<Cue>,
    title: Option<String>,
) -> Result<Document, TranscriptError> {
    if cues.is_empty() {
        return Err(clock.error(1, "no cue holds words".into()));
    }
    prefixed_speakers(&mut cues);
    Ok(Document {
        blocks: paragraphs(cues),
        title,
        ..Document::default()
    })
}
