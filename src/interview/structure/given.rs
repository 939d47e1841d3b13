//! Speakers the reader states: a transcript's blocks carry their speaker (a speaker line, a
//! voice tag, an SRT prefix), so no label has to be found in the text. The first block of a
//! run of one speaker opens a turn (its label is that speaker, the whole text its words);
//! the blocks after it, same speaker, continue the turn. Anonymous labels (`说话人 1`,
//! `SPEAKER_00`) are kept as labels; they are never printed as a name.

use super::labels::Label;
use crate::read::{Block, Document};
use std::collections::BTreeMap;

pub use crate::read::is_anonymous_speaker as is_anonymous_label;

/// The label a block's stated speaker gives it: `Some` for the first block of a run of one
/// speaker, `None` for the blocks that continue that turn.
pub fn label(block: &Block, previous: Option<&Block>) -> Option<Label> {
    let name = block.speaker.as_ref()?;
    if previous.is_some_and(|p| p.speaker.as_ref() == Some(name)) {
        return None;
    }
    Some(Label {
        name: name.clone(),
        end: 0,
        bold: false,
        alone: false,
        colon: true,
    })
}

/// Add the stated speakers to those the labels found, in order of first appearance, and
/// drop any alias that would fold one into another (`说话人 1` is not `说话人 10`).
pub fn add_speakers(
    doc: &Document,
    speakers: &mut Vec<String>,
    aliases: &mut BTreeMap<String, String>,
) {
    let mut stated: Vec<String> = Vec::new();
    for name in doc.blocks.iter().filter_map(|b| b.speaker.as_ref()) {
        if !stated.contains(name) {
            stated.push(name.clone());
        }
    }
    if stated.is_empty() {
        return;
    }
    aliases.retain(|from, to| !stated.contains(from) && !stated.contains(to));
    speakers.retain(|s| !stated.contains(s));
    stated.append(speakers);
    *speakers = stated;
}
