//! Interview structure, independent of the syntax it was read from: a [`Document`]'s blocks
//! → the [`Interview`] model. Speaker labels and who is who (`labels`, `roles`), the front
//! (`front`: title, byline, summary), sections of every shape (`sections`), page furniture
//! anywhere (`furniture`) and where the debris after the conversation starts (`trailing`),
//! and the paragraphs themselves (`body`). Errata apply to the source before it is read; cleaning to each paragraph.

mod body;
mod front;
mod furniture;
mod labels;
mod meta_labels;
mod roles;
mod sections;
mod trailing;

use super::errata::{self, Entry, ErrataError};
use super::marked::Marked;
use super::model::*;
use crate::read::{self, BlockKind, Document, ReadError};
pub use body::{is_gap, is_note};
use labels::Label;
use regex::Regex;
pub use roles::is_role_label;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// How to read a text.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// Clean the text (full-width punctuation in Chinese context, dashes, quotes, spaces; on
    /// by default).
    pub clean: bool,
    /// Errata to apply before reading the structure (`None`: none).
    pub errata: Option<Vec<Entry>>,
}

/// Why a text could not be read as an interview.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("the input is empty: give an interview text (a title, then speaker turns)")]
    Empty,
    #[error(
        "no speaker turns found: a turn is a paragraph opening with the speaker's label and a \
         colon (`张鹏:`, `**张鹏：**`, `**问：**`), or the label alone on its line; a label must \
         open at least two paragraphs (three when it is not bold)"
    )]
    NoTurns,
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Errata(#[from] ErrataError),
}

/// One block as the structure sees it: kind, text with bold marks, source line, the source
/// line verbatim (for `dropped`), and the label it opens with.
#[derive(Debug, Clone)]
pub(crate) struct Para {
    pub kind: BlockKind,
    pub m: Marked,
    pub line: usize,
    pub raw: String,
    pub label: Option<Label>,
}

impl Para {
    pub fn text(&self) -> String {
        self.m.text()
    }
}

/// Read `source`, sniffing its syntax from its content.
pub fn parse(source: &str, opts: &ParseOptions) -> Result<Interview, ParseError> {
    parse_as(source, read::detect(None, source), opts)
}

/// Read `source` as `format`.
pub fn parse_as(
    source: &str,
    format: read::Format,
    opts: &ParseOptions,
) -> Result<Interview, ParseError> {
    let normalized = source
        .trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    if normalized.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let (text, corrections) = match &opts.errata {
        Some(entries) => errata::apply(&normalized, entries)?,
        None => (normalized, Vec::new()),
    };
    let doc = read::read(&text, format)?;
    let mut iv = structure(&doc, &text, format, opts.clean)?;
    iv.corrections = corrections;
    Ok(iv)
}

fn paras_of(doc: &Document, source: &str) -> Vec<Para> {
    let lines: Vec<&str> = source.lines().collect();
    doc.blocks
        .iter()
        .map(|b| {
            let m = Marked::from_spans(&b.spans);
            let raw = match b.line {
                0 => m.text(),
                n => lines.get(n - 1).map_or_else(|| m.text(), |l| l.to_string()),
            };
            let label = match b.kind {
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
            }
        })
        .collect()
}

/// Split a paragraph where a known speaker's bold label follows a question or a sentence
/// inside it (`**书名叫什么？** **张涛:**`, `…吗？** **答：**大家…`).
fn split_inner_labels(paras: Vec<Para>, names: &[String]) -> Vec<Para> {
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

static STATED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(发布|日期|时间|发表)[^\d]{0,6}(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})",
    )
    .expect("static regex")
});

fn stated_date(texts: impl Iterator<Item = String>) -> Option<String> {
    texts.take(40).find_map(|t| {
        let c = STATED_DATE.captures(&t)?;
        let (y, m, d): (u32, u32, u32) =
            (c[2].parse().ok()?, c[3].parse().ok()?, c[4].parse().ok()?);
        ((1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    })
}

fn structure(
    doc: &Document,
    source: &str,
    format: read::Format,
    clean: bool,
) -> Result<Interview, ParseError> {
    let paras = paras_of(doc, source);
    let all_labels: Vec<Option<Label>> = paras.iter().map(|p| p.label.clone()).collect();
    let (mut speakers, mut aliases) = labels::speakers(&all_labels);
    let mut names: Vec<String> = speakers.iter().chain(aliases.keys()).cloned().collect();
    let paras = split_inner_labels(paras, &names);
    let display = |name: &str, aliases: &BTreeMap<String, String>| {
        aliases
            .get(name)
            .cloned()
            .unwrap_or_else(|| name.to_string())
    };
    // A byline pair (`访谈:A x B`) names speakers even when they speak once.
    let pair_hint = paras
        .iter()
        .take(40)
        .find_map(|p| super::speakers::byline(p.text().trim()));
    if let Some((a, b)) = &pair_hint {
        for n in [a, b] {
            if !names.contains(n)
                && paras
                    .iter()
                    .any(|p| p.label.as_ref().is_some_and(|l| &l.name == n))
            {
                speakers.push(n.clone());
                names.push(n.clone());
            }
        }
    }
    // A bold name alone without a colon opens a turn only where that speaker writes labels
    // so (twice or more): once, it is a heading or an account card's name.
    let bare = |name: &str| {
        paras
            .iter()
            .filter(|p| p.label.as_ref().is_some_and(|l| !l.colon && l.name == name))
            .count()
    };
    let speaker_at: Vec<Option<String>> = paras
        .iter()
        .map(|p| {
            p.label
                .as_ref()
                .filter(|l| names.contains(&l.name) && (l.colon || bare(&l.name) >= 2))
                .map(|l| display(&l.name, &aliases))
        })
        .collect();
    let turn: Vec<bool> = speaker_at.iter().map(Option::is_some).collect();
    let first_turn = turn.iter().position(|&t| t).ok_or(ParseError::NoTurns)?;
    let last_turn = turn.iter().rposition(|&t| t).unwrap_or(first_turn);
    // Page furniture (`furniture`): after the last turn a notice starts the debris; before
    // it every piece is lifted out, and the turns are counted again without them.
    let found = furniture::find(&paras, &speaker_at);
    let cut = trailing::start(&paras, first_turn, last_turn, &found);
    let lifted = furniture::lift(paras, speaker_at, found, cut);
    let (paras, speaker_at, cut) = (lifted.paras, lifted.speaker_at, lifted.cut);
    let turn: Vec<bool> = speaker_at.iter().map(Option::is_some).collect();
    let first_turn = turn.iter().position(|&t| t).ok_or(ParseError::NoTurns)?;
    let starts = sections::find(&paras, &turn, first_turn, cut, format == read::Format::Text);
    let intro_end = starts.first().map_or(first_turn, |s| s.at.min(first_turn));
    let front = front::read(&paras, intro_end, doc.title.as_deref());

    let mut reader = body::Reader {
        paras: &paras,
        speaker_at: &speaker_at,
        clean,
        current: None,
        asked: BTreeMap::new(),
    };
    let intro_range =
        (0..intro_end).filter(|i| !front.used.contains(i) && !front.furniture.contains(i));
    let mut intro_paragraphs = reader.paragraphs(0, intro_range);
    let mut sections_out = Vec::new();
    // Turns before the first heading: an untitled first section (numbered interviews keep
    // them with the intro).
    let lead = starts.first().map_or(cut, |s| s.at);
    if first_turn < lead {
        reader.current = None;
        if starts.first().is_some_and(|s| s.number.is_some()) {
            intro_paragraphs.extend(reader.paragraphs(0, first_turn..lead));
            for (k, p) in intro_paragraphs.iter_mut().enumerate() {
                p.address.paragraph = k as u32 + 1;
            }
        } else {
            sections_out.push(Section {
                number: 1,
                numbered: false,
                title: String::new(),
                pull_quote: String::new(),
                paragraphs: reader.paragraphs(1, first_turn..lead),
            });
        }
    }
    for (k, s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(cut, |n| n.at);
        let number = s.number.unwrap_or(sections_out.len() as u32 + 1);
        reader.current = None;
        let paragraphs = reader.paragraphs(number, s.body..end);
        sections_out.push(Section {
            number,
            numbered: s.number.is_some(),
            title: body::clean_text(&s.title, clean),
            pull_quote: body::repair_quotes(&body::clean_text(&s.pull_quote, clean)),
            paragraphs,
        });
    }
    // Sections left empty by the cut (a heading of the page furniture) are not sections.
    sections_out.retain(|s| !s.paragraphs.is_empty());

    let turns: BTreeMap<String, roles::Turns> = reader
        .asked
        .iter()
        .map(|(k, &(count, asking))| (k.clone(), roles::Turns { count, asking }))
        .collect();
    speakers.retain(|s| turns.contains_key(s));
    aliases.retain(|_, v| speakers.contains(v));
    let roles = roles::assign(
        &speakers,
        &turns,
        &front.writers,
        front.pair.as_ref().or(pair_hint.as_ref()),
    );
    // Interviewers first when a byline pair names them (the bundled shape).
    if let Some((a, _)) = front.pair.as_ref().or(pair_hint.as_ref())
        && let Some(i) = speakers.iter().position(|s| s == a)
    {
        let s = speakers.remove(i);
        speakers.insert(0, s);
    }
    let joined = |role: Role| {
        speakers
            .iter()
            .filter(|s| roles.get(*s) == Some(&role))
            .cloned()
            .collect::<Vec<_>>()
            .join("、")
    };

    let mut dropped: Vec<String> = front
        .furniture
        .iter()
        .map(|&i| paras[i].raw.clone())
        .collect();
    dropped.extend(lifted.pieces.iter().map(|f| f.text.clone()));
    if let Some(p) = paras.get(cut) {
        if p.line > 0 {
            let lines: Vec<&str> = source.lines().collect();
            dropped.extend(
                lines[p.line - 1..]
                    .iter()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| l.to_string()),
            );
        } else {
            dropped.extend(
                paras[cut..]
                    .iter()
                    .map(Para::text)
                    .filter(|t| !t.trim().is_empty()),
            );
        }
    }

    let date = doc
        .date
        .clone()
        .or_else(|| stated_date(paras[..intro_end].iter().map(Para::text)));
    Ok(Interview {
        meta: Meta {
            title: body::clean_text(&front.title, clean),
            summary: body::clean_text(&front.summary, clean),
            interviewer: joined(Role::Interviewer),
            interviewee: joined(Role::Guest),
            byline: front.byline.clone(),
            format,
            date,
            source_url: doc.url.clone().or(front.url.clone()),
            outlet: doc.author.clone().or(front.outlet.clone()),
            tags: doc.tags.clone(),
            intro_paragraphs,
        },
        speakers,
        roles,
        aliases,
        sections: sections_out,
        dropped,
        furniture: lifted.pieces,
        corrections: Vec::new(),
    })
}

#[cfg(test)]
mod tests;
