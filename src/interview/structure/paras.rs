//! The blocks as the structure sees them: each block of the reader's document with its
//! text and bold marks, its source line verbatim (for `dropped`), the label it opens with
//! (a transcript's stated speaker, else the label shape `labels` finds), and its time.

use super::{given, labels};
use crate::interview::marked::Marked;
use crate::read::{self, BlockKind, Document};
use labels::Label;

/// One block as the structure sees it: kind, text with bold marks, source line, the source
/// line verbatim (for `dropped`), and the label it opens with.
#[derive(Debug, Clone)]
pub(crate) struct Para {
    pub kind: BlockKind,
    pub m: Marked,
    pub line: usize,
    pub raw: String,
    pub label: Option<Label>,
    /// When the block starts in the recording (transcripts).
    pub time: Option<read::Timecode>,
}

impl Para {
    pub fn text(&self) -> String {
        self.m.text()
    }
}

/// The document's blocks as paragraphs, their labels found.
pub(crate) fn paras_of(doc: &Document, source: &str) -> Vec<Para> {
    let lines: Vec<&str> = source.lines().collect();
    doc.blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let m = Marked::from_spans(&b.spans);
            let raw = match b.line {
                0 => m.text(),
                n => lines.get(n - 1).map_or_else(|| m.text(), |l| l.to_string()),
            };
            let label = match b.kind {
                _ if b.speaker.is_some() => {
                    given::label(b, i.checked_sub(1).map(|j| &doc.blocks[j]))
                }
                BlockKind::Paragraph | BlockKind::Heading(_) | BlockKind::Quote => {
                    labels::label(&m)
                }
                _ => None,
            };
            Para {
                kind: b.kind,
                m,
                line: b.line,
                raw,
                label,
                time: b.time,
            }
        })
        .collect()
}
