//! Paragraphs of a section body (and the intro): who speaks each, what kind it is (turn,
//! note, gap, caption, prose), its cleaned text and its emphasis.

use super::Para;
use super::meta_labels::is_meta;
use crate::interview::clean;
use crate::interview::marked::Marked;
use crate::interview::model::{Address, Kind, Paragraph};
use crate::read::BlockKind;
use std::collections::BTreeMap;

/// Reads paragraphs in order, keeping track of who is speaking.
pub struct Reader<'a> {
    pub paras: &'a [Para],
    /// For each paragraph that opens a turn, the speaker's display label.
    pub speaker_at: &'a [Option<String>],
    pub clean: bool,
    pub current: Option<String>,
    /// Per speaker: (turns, turns that ask).
    pub asked: BTreeMap<String, (usize, usize)>,
}

impl Reader<'_> {
    /// The paragraphs of `range`, addressed `section.1`, `section.2`, ….
    pub fn paragraphs(
        &mut self,
        section: u32,
        range: impl Iterator<Item = usize>,
    ) -> Vec<Paragraph> {
        let mut out: Vec<Paragraph> = Vec::new();
        let mut after_image = false;
        let mut skip_next = false;
        let idx: Vec<usize> = range.collect();
        for (k, &i) in idx.iter().enumerate() {
            if skip_next {
                skip_next = false;
                continue;
            }
            let p = &self.paras[i];
            let was_after_image = after_image;
            after_image = p.kind == BlockKind::Image;
            let (kind, speaker, opens, m) = match p.kind {
                BlockKind::Rule => continue,
                BlockKind::Image if p.m.is_empty() => continue,
                BlockKind::Image => (Kind::Caption, None, false, p.m.clone()),
                _ => match (&self.speaker_at[i], &p.label) {
                    (Some(name), Some(label)) => {
                        let m = if label.alone {
                            let next = idx.get(k + 1).map(|&j| &self.paras[j]);
                            match next {
                                Some(n) if self.speaker_at[idx[k + 1]].is_none() && is_text(n) => {
                                    skip_next = true;
                                    n.m.clone()
                                }
                                _ => {
                                    self.current = Some(name.clone());
                                    continue;
                                }
                            }
                        } else {
                            p.m.tail(label.end)
                        };
                        self.current = Some(name.clone());
                        let asks = m.all_bold() || ends_with_question(&m.text());
                        let e = self.asked.entry(name.clone()).or_default();
                        e.0 += 1;
                        e.1 += usize::from(asks);
                        (Kind::Turn, Some(name.clone()), true, m)
                    }
                    _ => {
                        let t = p.text();
                        if is_note(&t) || is_labelled_note(p) {
                            (Kind::Note, None, false, p.m.clone())
                        } else if is_gap(&t) {
                            (Kind::Gap, None, false, p.m.clone())
                        } else if is_credit_line(p)
                            || was_after_image && !p.m.all_bold() && is_caption(&t)
                        {
                            (Kind::Caption, None, false, p.m.clone())
                        } else if section > 0 && self.current.is_some() {
                            (Kind::Turn, self.current.clone(), false, p.m.clone())
                        } else {
                            (Kind::Prose, None, false, p.m.clone())
                        }
                    }
                },
            };
            let m = if self.clean { clean::marked(&m) } else { m };
            let text = m.text();
            if text.trim().is_empty() {
                continue;
            }
            out.push(Paragraph {
                address: Address {
                    section,
                    paragraph: out.len() as u32 + 1,
                },
                kind,
                speaker,
                opens_turn: opens,
                emphasis: m.emphasis(),
                text,
                time: p.time,
            });
        }
        out
    }
}

fn is_text(p: &Para) -> bool {
    !matches!(p.kind, BlockKind::Image | BlockKind::Rule)
}

fn ends_with_question(t: &str) -> bool {
    t.trim_end_matches(['”', '」', '）', ')', ' '])
        .ends_with(['？', '?'])
}

/// A paragraph wholly in parentheses (ASCII or full-width).
pub fn is_note(text: &str) -> bool {
    let t = text.trim();
    let (Some(first), Some(last)) = (t.chars().next(), t.chars().last()) else {
        return false;
    };
    if !matches!(first, '(' | '（') || !matches!(last, ')' | '）') {
        return false;
    }
    // The opening bracket must close at the very end, not earlier: `(王)小川…(x)` is no note.
    let mut depth = 0i32;
    for (i, c) in t.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => {
                depth -= 1;
                if depth == 0 && i + c.len_utf8() < t.len() {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// `注：…`, `编者按：…`, `范阳注：…`: a note by its label.
fn is_labelled_note(p: &Para) -> bool {
    p.label.as_ref().is_some_and(|l| {
        l.colon && is_meta(&l.name) && (l.name.ends_with('注') || l.name.ends_with('按'))
    })
}

/// `图片来源：OpenAI官网`, `图：…`: an image's credit, by its label.
fn is_credit_line(p: &Para) -> bool {
    p.label.as_ref().is_some_and(|l| {
        l.colon && (l.name.starts_with('图') || l.name.ends_with("来源")) && p.m.chars.len() <= 60
    })
}

/// A paragraph that is only an ellipsis: `……`, `…`, `...`, `⋯⋯`.
pub fn is_gap(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().all(|c| matches!(c, '…' | '⋯' | '.' | '。'))
}

/// A short line under an image: `△小马智行联合创始人`, `上图：…`, `团队合影｜截图`, or any short
/// line that does not end like a sentence.
fn is_caption(t: &str) -> bool {
    let t = t.trim();
    let n = t.chars().count();
    n <= 60
        && (t.starts_with(['△', '▲', '▼', '↑', '↓'])
            || t.starts_with("图")
            || t.starts_with("上图")
            || t.starts_with("下图")
            || t.contains('｜')
            || n <= 40 && !t.ends_with(['。', '！', '？', '!', '?', '…', '”', '：', ':']))
}

/// Balance a pull quote's curly quotes and drop an outer pair that wraps all of it.
pub fn repair_quotes(text: &str) -> String {
    let opens = text.matches('“').count();
    let closes = text.matches('”').count();
    let mut t = text.to_string();
    if opens > closes && t.starts_with('“') {
        t.push('”');
    } else if closes > opens && t.ends_with('”') {
        t.insert(0, '“');
    }
    match t.strip_prefix('“').and_then(|s| s.strip_suffix('”')) {
        Some(inner) if !inner.contains('“') && !inner.contains('”') => inner.to_string(),
        _ => t,
    }
}

/// Clean a heading's or a summary's text (no emphasis kept).
pub fn clean_text(text: &str, on: bool) -> String {
    if on {
        clean::marked(&Marked::plain(text.trim())).text()
    } else {
        text.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_gaps_captions() {
        assert!(is_note("(访谈当天,谁是大模型第一股的形势,还未明朗。)"));
        assert!(is_note("（注：略）"));
        assert!(!is_note("(王)小川,因为那个时候(办公室在一栋楼里)"));
        assert!(is_gap("……"));
        assert!(!is_gap("好……"));
        assert!(is_caption("△小马智行联合创始人兼CTO楼天城"));
        assert!(is_caption("Tim Berners-Lee 最初的万维网构想"));
        assert!(!is_caption("我们做了半年多，最后发现这条路走不通。"));
    }

    #[test]
    fn pull_quotes_are_balanced_and_unwrapped() {
        assert_eq!(repair_quotes("“不过你说对了"), "不过你说对了");
        assert_eq!(
            repair_quotes("他能干得很漂亮,但就是没有太多情绪价值”"),
            "他能干得很漂亮,但就是没有太多情绪价值"
        );
        assert_eq!(repair_quotes("“一个开路的人”"), "一个开路的人");
        assert_eq!(repair_quotes("我觉得祝大家好运吧"), "我觉得祝大家好运吧");
        assert_eq!(repair_quotes("“A”和“B”"), "“A”和“B”");
    }
}
