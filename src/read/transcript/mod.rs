//! Transcripts: SRT (`srt`), WebVTT (`vtt`) and the "speaker + timestamp line, words below"
//! exports of 飞书妙记, 讯飞听见, 通义听悟 and 腾讯会议 (`blocks`). Each syntax yields
//! [`Cue`]s; this module turns them into paragraphs: consecutive cues of one speaker are one
//! turn, a turn breaks into paragraphs at pauses of [`PAUSE_MS`] or more and, past
//! [`LONG_PARAGRAPH`] characters, at a sentence end; cue-split sentences join without a
//! space between Han characters (a space stays between Latin words). The words themselves,
//! ASR fillers included, are the speaker's and stay as they are.

pub mod blocks;
mod cue_text;
pub mod srt;
mod timed;
pub mod vtt;

use super::{Block, BlockKind, Span, Timecode};
pub use cue_text::{is_anonymous_speaker, speaker_name};

/// A pause this long (between one cue's end and the next one's start) starts a paragraph.
pub const PAUSE_MS: u64 = 3000;
/// A paragraph this long (in characters) ends at its next sentence end.
pub const LONG_PARAGRAPH: usize = 240;
/// The label given to the one voice of a transcript that names no speaker.
pub const SOLE_SPEAKER: &str = "说话人 1";

/// Why a transcript could not be read: where, what is wrong, how to fix it.
#[derive(Debug, thiserror::Error)]
#[error("{syntax} line {line}: {problem}: {fix}")]
pub struct TranscriptError {
    pub syntax: &'static str,
    pub line: usize,
    pub problem: String,
    pub fix: &'static str,
}

/// One timed piece of a transcript.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// The speaker the cue names (a prefix, a voice tag, a speaker line); `None`: the one
    /// speaking before goes on.
    pub speaker: Option<String>,
    pub start: Option<Timecode>,
    pub end: Option<Timecode>,
    pub text: String,
    /// 1-based source line of the cue's text.
    pub line: usize,
    /// The export itself starts a paragraph here.
    pub paragraph: bool,
}

/// The cues as paragraphs of turns. When no cue names a speaker, the whole transcript is
/// one voice, [`SOLE_SPEAKER`].
pub fn paragraphs(cues: Vec<Cue>) -> Vec<Block> {
    let anyone = cues.iter().any(|c| c.speaker.is_some());
    let mut out: Vec<Block> = Vec::new();
    let mut current: Option<String> = (!anyone).then(|| SOLE_SPEAKER.to_string());
    let mut open: Option<Block> = None;
    let mut last_end: Option<Timecode> = None;
    for cue in cues {
        let changed = cue.speaker.is_some() && cue.speaker != current;
        if let Some(s) = &cue.speaker {
            current = Some(s.clone());
        }
        let paused = matches!((last_end, cue.start), (Some(e), Some(s)) if s.0 >= e.0 + PAUSE_MS);
        let long = open.as_ref().is_some_and(|b| {
            b.text().chars().count() >= LONG_PARAGRAPH && ends_sentence(&b.text())
        });
        if changed || paused || long || cue.paragraph {
            out.extend(open.take());
        }
        last_end = cue.end.or(cue.start);
        match &mut open {
            Some(b) => join(&mut b.spans[0].text, &cue.text),
            None => {
                let mut b = Block::new(BlockKind::Paragraph, vec![Span::plain(cue.text)], cue.line);
                b.speaker = current.clone();
                b.time = cue.start;
                open = Some(b);
            }
        }
    }
    out.extend(open);
    out.into_iter().flat_map(split_long).collect()
}

/// Append `next` to `text`: a space between them only when neither side is CJK.
pub fn join(text: &mut String, next: &str) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
    if let (Some(a), Some(b)) = (text.chars().last(), next.chars().next())
        && !wide(a)
        && !wide(b)
    {
        text.push(' ');
    }
    text.push_str(next);
}

/// CJK characters, punctuation and full-width forms (no space is set beside them).
fn wide(c: char) -> bool {
    c as u32 >= 0x2E80 || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end()
        .trim_end_matches(['”', '’', '」', '』', '）', ')'])
        .ends_with(['。', '！', '？', '!', '?', '…', '.'])
}

/// A paragraph longer than [`LONG_PARAGRAPH`] cut after sentence ends into pieces of about
/// that length; the first piece keeps the time.
fn split_long(block: Block) -> Vec<Block> {
    let text = block.text();
    if text.chars().count() < LONG_PARAGRAPH * 3 / 2 {
        return vec![block];
    }
    let chars: Vec<char> = text.chars().collect();
    let mut pieces: Vec<String> = vec![String::new()];
    for (i, &c) in chars.iter().enumerate() {
        let piece = pieces.last_mut().expect("one piece");
        piece.push(c);
        let closes = |n: Option<&char>| n.is_some_and(|n| "”’」』）)。！？!?…".contains(*n));
        if piece.chars().count() >= LONG_PARAGRAPH
            && "。！？!?…".contains(c)
            && !closes(chars.get(i + 1))
            && i + 1 < chars.len()
        {
            pieces.push(String::new());
        }
    }
    pieces
        .into_iter()
        .enumerate()
        .map(|(k, t)| Block {
            spans: vec![Span::plain(t.trim())],
            time: if k == 0 { block.time } else { None },
            ..block.clone()
        })
        .collect()
}

#[cfg(test)]
mod tests;
