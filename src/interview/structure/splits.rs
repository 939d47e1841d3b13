//! Labels inside paragraphs: a speaker's label glued to the end of the paragraph before its
//! turn (`…项目。**Xuezhi Wang**`), or following a question inside one (`**书名叫什么？**
//! **张涛:**`). Both split the paragraph so that the label opens a paragraph of its own.

use super::{Para, labels};
use crate::read::BlockKind;

/// Split off labels glued to a paragraph's end (`glued[i]`: where paragraph `i`'s glued
/// name starts) when the name is a speaker's (`names`).
pub fn split_glued(paras: Vec<Para>, glued: &[Option<usize>], names: &[String]) -> Vec<Para> {
    let mut out = Vec::with_capacity(paras.len());
    for (p, g) in paras.into_iter().zip(glued) {
        let at = g
            .filter(|&k| {
                let name = labels::normalise(&p.m.tail(k).text());
                names.contains(&name)
            })
            .or_else(|| {
                (p.kind == BlockKind::Paragraph)
                    .then(|| plain_glued(&p, names))
                    .flatten()
            });
        match at {
            Some(k) => {
                let head = p.m.head(k);
                let mut tail = p.m.tail(k);
                tail.bold.iter_mut().for_each(|b| *b = true);
                out.push(Para {
                    label: labels::label(&head),
                    m: head,
                    ..p.clone()
                });
                out.push(Para {
                    label: labels::label(&tail),
                    m: tail,
                    ..p
                });
            }
            None => out.push(p),
        }
    }
    out
}

/// Split a paragraph where a known speaker's bold label follows a question or a sentence
/// inside it (`**书名叫什么？** **张涛:**`, `…吗？** **答：**大家…`).
/// A speaker's name closing a paragraph right after a sentence's end, its bold lost to broken
/// markup (`…区别。****Yiwen Li**`): glued too, but only for a name of two or more letters
/// that the interview uses as a label.
fn plain_glued(p: &Para, names: &[String]) -> Option<usize> {
    let text: Vec<char> = p.m.chars.clone();
    let mut end = text.len();
    while end > 0 && text[end - 1].is_whitespace() {
        end -= 1;
    }
    names
        .iter()
        .filter(|n| n.chars().count() >= 2)
        .find_map(|n| {
            let n: Vec<char> = n.chars().collect();
            let start = end.checked_sub(n.len())?;
            let before = text[..start].iter().rev().find(|c| !c.is_whitespace())?;
            (text[start..end] == n[..] && "。！？!?…”」』）)".contains(*before)).then_some(start)
        })
}

pub fn split_inner_labels(paras: Vec<Para>, names: &[String]) -> Vec<Para> {
    let mut out = Vec::with_capacity(paras.len());
    for p in paras {
        let cs = &p.m.chars;
        let at = (1..cs.len()).find(|&k| {
            p.m.bold[k]
                && cs[..k]
                    .iter()
                    .rev()
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|c| "？?。！!…".contains(*c))
                && names.iter().any(|n| {
                    let n: Vec<char> = n.chars().collect();
                    cs[k..].starts_with(&n) && {
                        let rest = cs[k + n.len()..].iter().find(|c| !c.is_whitespace());
                        rest.is_some_and(|c| *c == '：' || *c == ':')
                    }
                })
        });
        match at {
            Some(k) if p.kind == BlockKind::Paragraph => {
                let head = Para {
                    m: p.m.head(k),
                    label: labels::label(&p.m.head(k)),
                    ..p.clone()
                };
                let tail_m = p.m.tail(k);
                let tail = Para {
                    label: labels::label(&tail_m),
                    m: tail_m,
                    ..p
                };
                out.push(head);
                out.push(tail);
            }
            _ => out.push(p),
        }
    }
    out
}
