//! The repairs WeChat exports need around the CommonMark parse (`super::markdown`): before
//! it, a zero-width space that lets `**` flank Chinese punctuation (`**问：**为什么`); after
//! it, the `**`/`****` debris of broken bold and the flood of `#####` headings that some
//! clippers make of every paragraph.

use super::{Block, BlockKind, Span};

/// The zero-width space inserted by [`flank_cjk_emphasis`], removed again from the text.
pub const ZWSP: char = '\u{200B}';
/// Stands for an escaped `*` until the block's star debris is removed.
pub const ESCAPED_STAR: char = '\u{E000}';

/// CommonMark does not let `**` open or close next to punctuation when a letter is on its
/// other side (`**问：**为什么` stays literal), which is how Chinese bold is written. A
/// zero-width space between such a run and the punctuation makes it flanking; the reader
/// removes it again from the text.
pub fn flank_cjk_emphasis(source: &str) -> String {
    let cs: Vec<char> = source.chars().collect();
    let punct = |c: char| !c.is_alphanumeric() && !c.is_whitespace() && c != '*' && c != '\\';
    let mut out = String::with_capacity(source.len() + source.len() / 16);
    let mut i = 0;
    while i < cs.len() {
        if cs[i] != '*' || (i > 0 && cs[i - 1] == '\\') {
            out.push(cs[i]);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < cs.len() && cs[j] == '*' {
            j += 1;
        }
        if i > 0 && punct(cs[i - 1]) {
            out.push(ZWSP);
        }
        out.extend(&cs[i..j]);
        if j < cs.len() && punct(cs[j]) {
            out.push(ZWSP);
        }
        i = j;
    }
    out
}

/// `****a****b**` → `ab`: runs of two or more asterisks, across spans, are markup debris;
/// escaped stars come back as `*`.
pub fn strip_star_debris(spans: Vec<Span>) -> Vec<Span> {
    let joined: String = spans.iter().map(|s| s.text.as_str()).collect();
    if !joined.contains('*') && !joined.contains(ESCAPED_STAR) {
        return spans;
    }
    let cs: Vec<char> = joined.chars().collect();
    let mut keep = vec![true; cs.len()];
    let mut i = 0;
    while i < cs.len() {
        if cs[i] == '*' {
            let j = (i..cs.len()).find(|&j| cs[j] != '*').unwrap_or(cs.len());
            if j - i >= 2 {
                keep[i..j].iter_mut().for_each(|k| *k = false);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    let mut k = 0;
    spans
        .into_iter()
        .map(|s| {
            let text = s
                .text
                .chars()
                .filter(|_| {
                    k += 1;
                    keep[k - 1]
                })
                .map(|c| if c == ESCAPED_STAR { '*' } else { c })
                .collect();
            Span { text, ..s }
        })
        .collect()
}

/// Some clippers make every paragraph a heading (`##### text`): when most text blocks are
/// headings of one level, they are paragraphs.
pub fn demote_heading_flood(mut blocks: Vec<Block>) -> Vec<Block> {
    let text_blocks = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading(_)))
        .count();
    for level in 1..=6u8 {
        let n = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading(level))
            .count();
        if n >= 10 && n * 2 >= text_blocks {
            for b in blocks.iter_mut() {
                if b.kind == BlockKind::Heading(level) {
                    b.kind = BlockKind::Paragraph;
                }
            }
        }
    }
    blocks
}
