//! Paragraph rules: whole paragraphs that are not a guest's answer whatever speaker the
//! structure gave them — only turns are read (never a heading, caption, note or the intro's
//! prose); a wholly bold paragraph ending in ？ is a question whoever it is attributed to; a
//! paragraph opening on a question label (`Q17.`) is the interviewer's; and a speaker whose
//! turns mostly ask (ending in ？, or wholly bold as WeChat editors set questions) is an
//! interviewer taken for a guest.

use crate::interview::{Interview, Kind, Paragraph};
use std::collections::{HashMap, HashSet};

/// The paragraph rules' names, as `--explain` shows them.
pub const NAMES: &[&str] = &["not-a-turn", "question-paragraph", "asking-speaker"];

/// Share of a paragraph's characters in bold for it to be wholly bold.
const WHOLLY: f64 = 0.85;
/// Share of a speaker's turns that ask, at or above which the speaker is an interviewer.
const ASKING_SHARE: f64 = 0.4;
/// Fewest turns a speaker must have to be judged by [`ASKING_SHARE`].
const ASKING_TURNS: usize = 4;

/// True when at least [`WHOLLY`] of `p`'s characters are bold.
fn wholly_bold(p: &Paragraph) -> bool {
    let n = p.text.chars().count();
    let bold: usize = p.emphasis.iter().map(|&[a, b]| b.saturating_sub(a)).sum();
    n > 0 && bold as f64 >= WHOLLY * n as f64
}

/// True when `p`'s text ends on a question mark (closing marks aside).
fn ends_asking(p: &Paragraph) -> bool {
    super::body(&p.text).ends_with(['？', '?'])
}

/// True when `p` is a question: wholly bold and ending in ？, or opening on a question
/// label (`Q17.`, `问：`).
fn question_paragraph(p: &Paragraph) -> bool {
    (wholly_bold(p) && ends_asking(p)) || super::talk::moderation(first_words(&p.text))
}

/// The opening of `text`, enough to hold a question label.
fn first_words(text: &str) -> &str {
    let end = text.char_indices().nth(6).map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// The paragraph rules of one interview, prepared once.
pub struct ParagraphRules {
    /// Speakers whose turns mostly ask.
    asking: HashSet<String>,
}

/// Speakers at least [`ASKING_SHARE`] of whose turns (of [`ASKING_TURNS`] or more) ask:
/// end in ？ or are wholly bold.
fn asking_speakers<'p>(paras: impl Iterator<Item = &'p Paragraph>) -> HashSet<String> {
    let mut turns: HashMap<&str, (usize, usize)> = HashMap::new();
    for p in paras.filter(|p| p.kind == Kind::Turn && p.opens_turn) {
        if let Some(s) = p.speaker.as_deref() {
            let e = turns.entry(s).or_default();
            e.0 += 1;
            e.1 += usize::from(ends_asking(p) || wholly_bold(p));
        }
    }
    turns
        .into_iter()
        .filter(|(_, (n, a))| *n >= ASKING_TURNS && *a as f64 >= ASKING_SHARE * *n as f64)
        .map(|(s, _)| s.to_string())
        .collect()
}

impl ParagraphRules {
    /// The rules of `iv`, never taking the speakers `named` (a `、`-joined list) for
    /// interviewers: a speaker the user names is theirs to quote.
    pub fn new(iv: &Interview, named: Option<&str>) -> ParagraphRules {
        let mut asking = asking_speakers(iv.paragraphs());
        for name in named.into_iter().flat_map(|n| n.split('、')) {
            asking.remove(name);
        }
        ParagraphRules { asking }
    }

    /// The name of the rule `p` fails, or `None` when its sentences may be picked.
    pub fn rejects(&self, p: &Paragraph) -> Option<&'static str> {
        if p.kind != Kind::Turn {
            Some(NAMES[0])
        } else if question_paragraph(p) {
            Some(NAMES[1])
        } else if p.speaker.as_ref().is_some_and(|s| self.asking.contains(s)) {
            Some(NAMES[2])
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::Address;

    fn para(n: u32, speaker: &str, text: &str, bold: bool) -> Paragraph {
        Paragraph {
            address: Address {
                section: 1,
                paragraph: n,
            },
            kind: Kind::Turn,
            speaker: Some(speaker.into()),
            opens_turn: true,
            time: None,
            text: text.into(),
            emphasis: if bold {
                vec![[0, text.chars().count()]]
            } else {
                Vec::new()
            },
        }
    }

    fn rules(asking: &[&str]) -> ParagraphRules {
        ParagraphRules {
            asking: asking.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn a_wholly_bold_question_is_a_question_whoever_says_it() {
        let r = rules(&[]);
        let q = para(1, "陈远", "木船还有市场吗，您怎么看？", true);
        assert_eq!(r.rejects(&q), Some("question-paragraph"));
        let labelled = para(
            2,
            "陈远",
            "Q17. 问一个关于桐油的问题。桐油贵了很多。",
            false,
        );
        assert_eq!(r.rejects(&labelled), Some("question-paragraph"));
        // Bold but a statement, or a question not in bold inside an answer: other rules'.
        assert_eq!(
            r.rejects(&para(3, "陈远", "心诚比手巧更重要。", true)),
            None
        );
        let mut caption = para(4, "陈远", "陈远在船厂。", false);
        caption.kind = Kind::Caption;
        assert_eq!(r.rejects(&caption), Some("not-a-turn"));
    }

    #[test]
    fn a_speaker_who_mostly_asks_is_an_interviewer() {
        let mut paras = Vec::new();
        for i in 0..4 {
            paras.push(para(
                2 * i,
                "主持",
                "我们来看下一个话题，木船怎么卖。",
                true,
            ));
            paras.push(para(2 * i + 1, "陈远", "木船要慢慢做，急不得。", i == 0));
        }
        let asking = asking_speakers(paras.iter());
        assert_eq!(asking, HashSet::from(["主持".to_string()]));
        // Three turns are too few to judge.
        assert!(asking_speakers(paras[..6].iter()).is_empty());
        let r = rules(&["主持"]);
        assert_eq!(r.rejects(&paras[0]), Some("asking-speaker"));
        assert_eq!(r.rejects(&paras[1]), None);
    }
}
