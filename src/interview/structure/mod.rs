//! Interview structure, independent of the syntax it was read from: a [`Document`]'s blocks
//! → the [`Interview`] model. Speaker labels and who is who (`labels`, `labelled`, `roles`),
//! the front (`front`: title, byline, summary), sections of every shape (`sections`), page
//! furniture anywhere (`furniture`) and where the debris after the conversation starts
//! (`trailing`), and the paragraphs themselves (`body`). Errata apply to the source before it
//! is read; cleaning to each paragraph.

mod body;
mod cast;
mod front;
mod furniture;
mod given;
mod introduced;
mod labelled;
mod labels;
mod meta_labels;
mod notice_doubts;
mod numbering;
mod paras;
mod patterns;
mod people;
mod roles;
mod sections;
mod sentence_headings;
mod splits;
mod talk;
mod trailing;

use super::errata::{self, Entry, ErrataError};
use super::model::*;
use super::people::{Overrides, Person};
use crate::read::{self, Document, ReadError};
pub use body::{is_gap, is_note};
pub(crate) use paras::Para;
pub use patterns::compile_patterns;
pub use roles::is_role_label;
use std::collections::BTreeMap;

/// How to read a text.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// Clean the text (full-width punctuation in Chinese context, dashes, quotes, spaces; on
    /// by default).
    pub clean: bool,
    /// Errata to apply before reading the structure (`None`: none).
    pub errata: Option<Vec<Entry>>,
    /// What the user says about who is who (`--interviewer`, `--guest`, `--name`).
    pub people: Overrides,
}

impl Default for ParseOptions {
    /// Cleaned, no errata, no overrides: how an interview is read unless the user says otherwise.
    fn default() -> ParseOptions {
        ParseOptions {
            clean: true,
            errata: None,
            people: Overrides::default(),
        }
    }
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
    let mut iv = structure(&doc, &text, format, opts.clean, &opts.people)?;
    iv.corrections = corrections;
    iv.marks = super::inline_marks::find(&doc, &iv, opts.clean);
    iv.figures = super::figures::place(&doc, &iv, opts.clean);
    Ok(iv)
}

pub(super) fn structure(
    doc: &Document,
    source: &str,
    format: read::Format,
    clean: bool,
    overrides: &Overrides,
) -> Result<Interview, ParseError> {
    let labelled::Labelled {
        paras,
        mut speakers,
        mut aliases,
        names,
        pair_hint,
        mut speaker_at,
    } = labelled::read(doc, source);
    // The title is never a turn, whatever it reads like (`林小满：慢一点`).
    if let Some(i) = front::title_line(&paras, 6, doc.title.as_deref()) {
        speaker_at[i] = None;
    }
    // Legends and cast lists name people; they are never turns.
    let conversation = speaker_at
        .iter()
        .position(Option::is_some)
        .unwrap_or(paras.len());
    let cast = cast::read(&paras, conversation, &names);
    for &i in &cast.lines {
        speaker_at[i] = None;
    }
    let turn: Vec<bool> = speaker_at.iter().map(Option::is_some).collect();
    // A text without turns is a talk: one speaker's, from where the front ends.
    let (first_turn, last_turn, talker) = match turn.iter().position(|&t| t) {
        Some(first) => (first, turn.iter().rposition(|&t| t).unwrap_or(first), None),
        None => {
            let window = front::read(&paras, paras.len().min(12), doc.title.as_deref());
            let used: Vec<usize> = window
                .used
                .iter()
                .chain(&window.furniture)
                .copied()
                .collect();
            let start = talk::body_start(&paras, &used);
            if start >= paras.len() {
                return Err(ParseError::NoTurns);
            }
            let front_text: String = paras[..start]
                .iter()
                .map(Para::text)
                .collect::<Vec<_>>()
                .join("\n");
            let who = talk::speaker(&window.title, &front_text, overrides);
            (start, talk::last_sentence(&paras, start), Some(who))
        }
    };
    let talker_label = talker.as_ref().map(|(label, _, _)| label.clone());
    // A talk whose questions are wholly bold paragraphs is a Q&A without labels: the
    // questions are the interviewer's turns, the paragraphs after each the speaker's.
    let mut paras = paras;
    let asked = match &talker_label {
        Some(who) => talk::unlabelled_questions(&mut paras, first_turn, last_turn, who),
        None => Vec::new(),
    };
    for (i, who) in &asked {
        speaker_at[*i] = Some(who.clone());
    }
    let qa = !asked.is_empty();
    // Page furniture (`furniture`): after the last turn a notice starts the debris; before
    // it every piece is lifted out, and what points into the paragraphs is counted again.
    let found = furniture::find(&paras, &speaker_at);
    let (found, notices_in_doubt) = notice_doubts::sift(&paras, &speaker_at, found);
    let cut = trailing::start(&paras, first_turn, last_turn, &found);
    let lifted_at: Vec<usize> = found.iter().map(|p| p.at).filter(|&i| i < cut).collect();
    let remap = |i: usize| i - lifted_at.iter().filter(|&&j| j < i).count();
    let cast_lines: Vec<usize> = cast
        .lines
        .iter()
        .filter(|i| !lifted_at.contains(i))
        .map(|&i| remap(i))
        .collect();
    let talk_start = remap(first_turn);
    let lifted = furniture::lift(paras, speaker_at, found, cut);
    let (paras, speaker_at, cut) = (lifted.paras, lifted.speaker_at, lifted.cut);
    let turn: Vec<bool> = speaker_at.iter().map(Option::is_some).collect();
    let first_turn = match talker {
        Some(_) => talk_start,
        None => turn.iter().position(|&t| t).ok_or(ParseError::NoTurns)?,
    };
    // The article's title line and its cast lines are never section headings.
    let mut meta = vec![false; paras.len()];
    for &i in &cast_lines {
        meta[i] = true;
    }
    if let Some(i) = front::title_line(&paras, first_turn.min(6), doc.title.as_deref()) {
        meta[i] = true;
    }
    let starts = sections::find(
        &paras,
        &speaker_at,
        &meta,
        first_turn,
        cut,
        format == read::Format::Text,
    );
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
        reader.current = talker_label.clone();
        if starts.first().is_some_and(|s| s.number.is_some()) {
            intro_paragraphs.extend(reader.paragraphs(0, first_turn..lead));
            for (k, p) in intro_paragraphs.iter_mut().enumerate() {
                p.address.paragraph = k as u32 + 1;
            }
        } else {
            sections_out.push(Section {
                number: 1,
                numbered: false,
                title: None,
                pull_quote: None,
                paragraphs: reader.paragraphs(1, first_turn..lead),
            });
        }
    }
    for (k, s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(cut, |n| n.at);
        let number = s.number.unwrap_or(sections_out.len() as u32 + 1);
        reader.current = talker_label.clone();
        let paragraphs = reader.paragraphs(number, s.body..end);
        sections_out.push(Section {
            number,
            numbered: s.number.is_some(),
            title: Some(body::clean_text(&s.title, clean)).filter(|t| !t.is_empty()),
            pull_quote: Some(body::repair_quotes(&body::clean_text(&s.pull_quote, clean)))
                .filter(|t| !t.is_empty()),
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
    if let Some(label) = &talker_label {
        speakers = match qa {
            true => vec![talk::ASKER.to_string(), label.clone()],
            false => vec![label.clone()],
        };
        aliases.clear();
    }
    let front_text: String = std::iter::once(front.title.clone())
        .chain(paras[..intro_end].iter().map(Para::text))
        .collect::<Vec<_>>()
        .join("\n");
    let (mut people, mut doubts) = people::resolve(&people::Facts {
        speakers: &speakers,
        aliases: &aliases,
        turns: &turns,
        writers: &front.writers,
        pair: front.pair.as_ref().or(pair_hint.as_ref()),
        cast: &cast,
        title: &front.title,
        front_text: &front_text,
        overrides,
    });
    if let Some((label, name, from)) = &talker {
        people = vec![Person {
            label: label.clone(),
            name: name.clone(),
            affiliation: None,
            role: Role::Guest,
            name_from: *from,
            role_from: *from,
        }];
        doubts = vec![talk::doubt(label, *from)];
        if qa {
            people.insert(0, talk::asker());
            doubts.push(talk::qa_doubt(label));
        }
    }
    doubts.extend(notices_in_doubt);
    let roles: BTreeMap<String, Role> = people.iter().map(|p| (p.label.clone(), p.role)).collect();
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
                // A block's line past the source's end (a reader that counts lines its own
                // way) drops nothing verbatim rather than panicking.
                lines
                    .get(p.line - 1..)
                    .unwrap_or_default()
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
        .or_else(|| front::stated_date(paras[..intro_end].iter().map(Para::text)));
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
        people,
        doubts,
        sections: sections_out,
        dropped,
        furniture: lifted.pieces,
        corrections: Vec::new(),
        marks: Vec::new(),
        figures: Vec::new(),
    })
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod talk_tests;

#[cfg(test)]
mod title_tests;
