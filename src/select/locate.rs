//! Finding passages in the interview: by address (`S.P`, `S.P.N`, `S.P.N-M`) and by exact
//! text (compared after the same typographic cleaning, so ASCII and full-width punctuation
//! both match); when text is not found, the closest real passage and the difference.

use super::address::PassageAddress;
use crate::interview::{Interview, Paragraph, clean, sentences};

/// A located passage: a byte range of one paragraph's text.
#[derive(Debug, Clone)]
pub struct Passage<'a> {
    pub paragraph: &'a Paragraph,
    pub start: usize,
    pub end: usize,
    /// `S.P` for a whole paragraph, `S.P.N` or `S.P.N-M` for sentences.
    pub address: PassageAddress,
    pub whole: bool,
}

impl Passage<'_> {
    pub fn text(&self) -> &str {
        &self.paragraph.text[self.start..self.end]
    }
}

/// Byte ranges of a paragraph's sentences.
pub fn sentence_ranges(text: &str) -> Vec<(usize, usize)> {
    sentences(text)
        .into_iter()
        .map(|s| {
            let start = s.as_ptr() as usize - text.as_ptr() as usize;
            (start, start + s.len())
        })
        .collect()
}

/// Resolve an address. Errors say what exists instead.
pub fn at(iv: &Interview, address: PassageAddress) -> Result<Passage<'_>, String> {
    let spec = address;
    let addr = address.paragraph;
    let section = addr.section;
    let para = iv
        .paragraph(addr)
        .ok_or_else(|| match iv.section(section) {
            Some(s) => format!(
                "address {spec} does not exist: section {section} has {} paragraphs",
                s.paragraphs.len()
            ),
            None if section == 0 => format!(
                "address {spec} does not exist: the intro has {} paragraphs",
                iv.meta.intro_paragraphs.len()
            ),
            None => format!(
                "address {spec} does not exist: there are sections 1–{}",
                iv.sections.len()
            ),
        })?;
    let Some((first, last)) = address.sentences else {
        return Ok(Passage {
            paragraph: para,
            start: 0,
            end: para.text.len(),
            address,
            whole: true,
        });
    };
    let ranges = sentence_ranges(&para.text);
    if first == 0 || first > last || last as usize > ranges.len() {
        return Err(format!(
            "address {spec} does not exist: paragraph {addr} has {} sentences",
            ranges.len()
        ));
    }
    let (start, end) = (ranges[first as usize - 1].0, ranges[last as usize - 1].1);
    Ok(Passage {
        paragraph: para,
        start,
        end,
        address,
        whole: false,
    })
}

/// The passage of sentences `first..=last` (0-based) of `paragraph`, whose
/// [`sentence_ranges`] are `ranges`: [`passage`] without splitting the paragraph again, so a
/// ranking over every sentence of an 800 KB paragraph stays linear in it.
pub fn sentences_passage<'a>(
    paragraph: &'a Paragraph,
    ranges: &[(usize, usize)],
    first: usize,
    last: usize,
) -> Passage<'a> {
    let (start, end) = (ranges[first].0, ranges[last].1);
    span_passage(paragraph, start, end, first, last)
}

/// Bytes `start..end` of `paragraph`, which lie in its sentences `first..=last` (0-based), as
/// a passage: a part of those sentences (an editor's bold clause) or all of them.
pub fn span_passage(
    paragraph: &Paragraph,
    start: usize,
    end: usize,
    first: usize,
    last: usize,
) -> Passage<'_> {
    addressed(paragraph, start, end, first as u32 + 1, last as u32 + 1)
}

/// The passage covering bytes `start..end` of a paragraph, addressed by the sentences it
/// touches (or the paragraph when it is all of it).
pub fn passage(paragraph: &Paragraph, start: usize, end: usize) -> Passage<'_> {
    let ranges = sentence_ranges(&paragraph.text);
    let first = ranges.iter().position(|r| r.1 > start).unwrap_or(0);
    let last = ranges.iter().rposition(|r| r.0 < end).unwrap_or(0);
    span_passage(paragraph, start, end, first, last.max(first))
}

/// Bytes `start..end` of a paragraph as a passage: the paragraph's address when it is all of
/// it, else the span of its sentences `first..=last` (from 1).
fn addressed(
    paragraph: &Paragraph,
    start: usize,
    end: usize,
    first: u32,
    last: u32,
) -> Passage<'_> {
    let whole = start == 0 && end == paragraph.text.len();
    let address = if whole {
        PassageAddress::whole(paragraph.address)
    } else {
        PassageAddress::sentences(paragraph.address, first, last)
    };
    Passage {
        paragraph,
        start,
        end,
        address,
        whole,
    }
}

/// Find `query` verbatim (after cleaning both sides) in the interview.
pub fn find<'a>(iv: &'a Interview, query: &str) -> Option<Passage<'a>> {
    let q = clean::punctuation(query.trim());
    if q.is_empty() {
        return None;
    }
    iv.paragraphs().find_map(|p| {
        // Cleaning maps characters one to one and keeps their UTF-8 lengths apart from the
        // converted marks, so search in the cleaned text and map back by character index.
        let cleaned = clean::punctuation(&p.text);
        let at = cleaned.find(&q)?;
        let char_start = cleaned[..at].chars().count();
        let char_len = q.chars().count();
        let start = byte_at(&p.text, char_start);
        let end = byte_at(&p.text, char_start + char_len);
        Some(passage(p, start, end))
    })
}

fn byte_at(text: &str, char_index: usize) -> usize {
    text.char_indices()
        .nth(char_index)
        .map_or(text.len(), |(i, _)| i)
}

/// The real passage closest to `query` (1–3 consecutive sentences of one paragraph), with its
/// address and an inline difference `[-wrong-]{+right+}`.
pub fn closest(iv: &Interview, query: &str) -> Option<(String, PassageAddress, String)> {
    let q: Vec<char> = clean::punctuation(query.trim()).chars().collect();
    let mut best: Option<(usize, Passage)> = None;
    for p in iv.paragraphs() {
        let ranges = sentence_ranges(&p.text);
        for i in 0..ranges.len() {
            for j in i..ranges.len().min(i + 3) {
                let cand = passage(p, ranges[i].0, ranges[j].1);
                let c: Vec<char> = clean::punctuation(cand.text()).chars().collect();
                if c.len() > q.len() * 2 + 8 {
                    break;
                }
                let d = distance(&q, &c);
                if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                    best = Some((d, cand));
                }
            }
        }
    }
    let (_, p) = best?;
    let real = clean::punctuation(p.text());
    Some((
        real.clone(),
        p.address,
        diff(&q, &real.chars().collect::<Vec<_>>()),
    ))
}

fn distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == cb {
                prev
            } else {
                1 + prev.min(row[j]).min(row[j + 1])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

/// Inline character diff from `given` to `real`: `[-x-]` only in the given text, `{+y+}` only
/// in the real one.
pub fn diff(given: &[char], real: &[char]) -> String {
    let (n, m) = (given.len(), real.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if given[i] == real[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    let (mut del, mut ins) = (String::new(), String::new());
    let flush = |out: &mut String, del: &mut String, ins: &mut String| {
        if !del.is_empty() {
            out.push_str(&format!("[-{del}-]"));
        }
        if !ins.is_empty() {
            out.push_str(&format!("{{+{ins}+}}"));
        }
        del.clear();
        ins.clear();
    };
    while i < n || j < m {
        if i < n && j < m && given[i] == real[j] {
            flush(&mut out, &mut del, &mut ins);
            out.push(given[i]);
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            ins.push(real[j]);
            j += 1;
        } else {
            del.push(given[i]);
            i += 1;
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_of_sentences_is_the_passage_of_their_bytes() {
        let paragraph = Paragraph {
            address: crate::interview::Address {
                section: 2,
                paragraph: 3,
            },
            kind: crate::interview::Kind::Turn,
            speaker: None,
            opens_turn: true,
            time: None,
            text: "一句。二句！三句？四句".into(),
            emphasis: Vec::new(),
        };
        let ranges = sentence_ranges(&paragraph.text);
        for i in 0..ranges.len() {
            for j in i..ranges.len() {
                let fast = sentences_passage(&paragraph, &ranges, i, j);
                let slow = passage(&paragraph, ranges[i].0, ranges[j].1);
                assert_eq!(
                    (fast.start, fast.end, &fast.address, fast.whole),
                    (slow.start, slow.end, &slow.address, slow.whole)
                );
            }
        }
    }

    #[test]
    fn diff_marks_changes() {
        let d = diff(
            &"一个开车的人".chars().collect::<Vec<_>>(),
            &"一个开路的人".chars().collect::<Vec<_>>(),
        );
        assert_eq!(d, "一个开[-车-]{+路+}的人");
    }

    #[test]
    fn distance_counts_edits() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(distance(&c("abc"), &c("abd")), 1);
        assert_eq!(distance(&c(""), &c("ab")), 2);
    }
}
