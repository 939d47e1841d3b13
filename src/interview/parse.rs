//! The parser: a line classifier and a small state machine from the scraped text to the
//! model. It finds the title, summary and byline, the intro, the numbered sections with their
//! titles and pull quotes, the speaker turns, notes and gaps, and cuts the page debris after
//! the last answer by structure. Cleaning and errata are applied through their modules.

use super::clean;
use super::errata::{self, Entry, ErrataError};
use super::model::*;
use super::speakers;

/// How to read a text.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// Convert ASCII punctuation in Chinese context to full-width (on by default).
    pub clean: bool,
    /// Errata to apply before reading the structure (`None`: none).
    pub errata: Option<Vec<Entry>>,
}

/// Why a text could not be read as an interview.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("the input is empty: give an interview text (title, byline, numbered sections)")]
    Empty,
    #[error(
        "no numbered sections found: a section starts with a line holding only its number \
         (e.g. `01`), followed by its title and its pull quote"
    )]
    NoSections,
    #[error(
        "no speaker turns found: a turn is a paragraph starting with the speaker's name and a \
         colon (`张鹏:` or `张鹏：`); name the speakers in a byline such as `访谈:张小珺 x 张鹏`"
    )]
    NoTurns,
    #[error("line {line}: section {number} comes after section {previous}: numbers must increase")]
    SectionOrder {
        line: usize,
        number: u32,
        previous: u32,
    },
    #[error(
        "line {line}: section {number} has no title: put the title on the line after the number"
    )]
    NoTitle { line: usize, number: u32 },
    #[error(transparent)]
    Errata(#[from] ErrataError),
}

/// One non-blank source line.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    /// 1-based line number in the (errata-corrected) text.
    no: usize,
    raw: &'a str,
    text: &'a str,
}

/// Parse an interview text.
pub fn parse(source: &str, opts: &ParseOptions) -> Result<Interview, ParseError> {
    let normalized = source
        .trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let (text, corrections) = match &opts.errata {
        Some(entries) => errata::apply(&normalized, entries)?,
        None => (normalized, Vec::new()),
    };
    let lines: Vec<Line> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| Line {
            no: i + 1,
            raw: l,
            text: l.trim(),
        })
        .collect();
    if lines.is_empty() {
        return Err(ParseError::Empty);
    }
    let clean = |s: &str| {
        if opts.clean {
            clean::punctuation(s)
        } else {
            s.to_string()
        }
    };

    let headers: Vec<usize> = (0..lines.len())
        .filter(|&i| section_number(lines[i].text).is_some())
        .collect();
    let first_header = *headers.first().ok_or(ParseError::NoSections)?;
    let title = lines[0].text;
    let byline = lines[..first_header]
        .iter()
        .position(|l| speakers::byline(l.text).is_some());

    let speakers = match byline.and_then(|i| speakers::byline(lines[i].text)) {
        Some((a, b)) => vec![a, b],
        None => speakers::infer(lines[first_header..].iter().map(|l| l.text)),
    };
    if speakers.is_empty() {
        return Err(ParseError::NoTurns);
    }
    // Front matter: the lines between the title and the byline (or the first section),
    // without the repeated title lines. The summary is the `本文…` paragraph, else the first.
    let front_end = byline.unwrap_or(first_header);
    let front: Vec<&Line> = lines[1.min(front_end)..front_end]
        .iter()
        .filter(|l| l.text != title)
        .collect();
    let summary_at = front
        .iter()
        .position(|l| l.text.starts_with("本文"))
        .or(if front.is_empty() { None } else { Some(0) });
    let summary = summary_at.map(|i| front[i].text).unwrap_or("");
    // Intro: what follows the byline up to the first section, plus any front matter that is
    // neither the summary nor a title repeat.
    let intro_lines: Vec<&Line> = front
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != summary_at)
        .map(|(_, l)| *l)
        .chain(lines[byline.map_or(first_header, |b| b + 1)..first_header].iter())
        .collect();

    let mut reader = Reader {
        speakers: &speakers,
        clean: &clean,
        current: None,
    };
    let intro_paragraphs = reader.paragraphs(0, &intro_lines);

    let mut sections = Vec::new();
    let mut dropped = Vec::new();
    let mut previous = 0;
    for (k, &h) in headers.iter().enumerate() {
        let end = headers.get(k + 1).copied().unwrap_or(lines.len());
        let number = section_number(lines[h].text).unwrap_or(0);
        if number <= previous {
            return Err(ParseError::SectionOrder {
                line: lines[h].no,
                number,
                previous,
            });
        }
        previous = number;
        let title_line = lines
            .get(h + 1)
            .filter(|_| h + 1 < end)
            .ok_or(ParseError::NoTitle {
                line: lines[h].no,
                number,
            })?;
        let mut body_start = h + 2;
        let pull_quote = match lines.get(h + 2) {
            Some(l) if h + 2 < end && speakers::turn(l.text, &speakers).is_none() => {
                body_start = h + 3;
                repair_quotes(&clean(l.text))
            }
            _ => String::new(),
        };
        let mut body: Vec<&Line> = lines[body_start.min(end)..end].iter().collect();
        if k + 1 == headers.len() {
            let cut = debris_start(&body, &speakers);
            dropped = body[cut..].iter().map(|l| l.raw.to_string()).collect();
            body.truncate(cut);
        }
        reader.current = None;
        let paragraphs = reader.paragraphs(number, &body);
        sections.push(Section {
            number,
            title: clean(title_line.text),
            pull_quote,
            paragraphs,
        });
    }
    if !sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .any(|p| p.opens_turn)
    {
        return Err(ParseError::NoTurns);
    }

    let (interviewer, interviewee) = match speakers.as_slice() {
        [a, b, ..] => (a.clone(), b.clone()),
        [a] => (String::new(), a.clone()),
        [] => (String::new(), String::new()),
    };
    Ok(Interview {
        meta: Meta {
            title: clean(title),
            summary: clean(summary),
            interviewer,
            interviewee,
            intro_paragraphs,
        },
        speakers,
        sections,
        dropped,
        corrections,
    })
}

/// Reads paragraphs of one section, keeping track of who is speaking.
struct Reader<'s, F: Fn(&str) -> String> {
    speakers: &'s [String],
    clean: &'s F,
    current: Option<String>,
}

impl<F: Fn(&str) -> String> Reader<'_, F> {
    fn paragraphs(&mut self, section: u32, lines: &[&Line]) -> Vec<Paragraph> {
        let mut out = Vec::with_capacity(lines.len());
        for (i, l) in lines.iter().enumerate() {
            let address = Address {
                section,
                paragraph: i as u32 + 1,
            };
            let (kind, speaker, opens_turn, text) =
                if let Some((name, rest)) = speakers::turn(l.text, self.speakers) {
                    self.current = Some(name.to_string());
                    (Kind::Turn, Some(name.to_string()), true, rest)
                } else if is_note(l.text) {
                    (Kind::Note, None, false, l.text)
                } else if is_gap(l.text) {
                    (Kind::Gap, None, false, l.text)
                } else if section > 0 && self.current.is_some() {
                    (Kind::Turn, self.current.clone(), false, l.text)
                } else {
                    (Kind::Prose, None, false, l.text)
                };
            out.push(Paragraph {
                address,
                kind,
                speaker,
                opens_turn,
                text: (self.clean)(text),
            });
        }
        out
    }
}

/// `01`, `1`, `01\u{a0}` → the section number.
fn section_number(line: &str) -> Option<u32> {
    let t = line.trim();
    if (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse().ok().filter(|&n| n > 0)
    } else {
        None
    }
}

/// A paragraph wholly in parentheses (ASCII or full-width).
fn is_note(text: &str) -> bool {
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

/// A paragraph that is only an ellipsis: `……`, `…`, `...`, `⋯⋯`.
fn is_gap(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().all(|c| matches!(c, '…' | '⋯' | '.' | '。'))
}

/// Where the page debris starts in the last section's body: after the last speaker turn,
/// continuation paragraphs are kept while they read as sentences (they end in sentence
/// punctuation and hold no timestamp); the first line that does not — a short heading,
/// a date, site furniture — and everything after it is debris.
fn debris_start(body: &[&Line], speakers: &[String]) -> usize {
    let Some(last_turn) = body
        .iter()
        .rposition(|l| speakers::turn(l.text, speakers).is_some())
    else {
        return body.len();
    };
    let mut i = last_turn + 1;
    while i < body.len() && reads_as_sentence(body[i].text) {
        i += 1;
    }
    i
}

fn reads_as_sentence(text: &str) -> bool {
    let ends = text
        .chars()
        .last()
        .is_some_and(|c| "。！？!?…”’）)」』》".contains(c));
    ends && !has_timestamp(text) || is_gap(text) || is_note(text)
}

/// `2026-1-10 18:20:20`-like dates and times.
fn has_timestamp(text: &str) -> bool {
    let digits_around = |sep: char| {
        let cs: Vec<char> = text.chars().collect();
        (1..cs.len().saturating_sub(1))
            .any(|i| cs[i] == sep && cs[i - 1].is_ascii_digit() && cs[i + 1].is_ascii_digit())
    };
    digits_around(':') && digits_around('-')
}

/// Balance a pull quote's curly quotes and drop an outer pair that wraps all of it.
fn repair_quotes(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_numbers() {
        assert_eq!(section_number("01\u{a0}"), Some(1));
        assert_eq!(section_number("05"), Some(5));
        assert_eq!(section_number("2025"), None);
        assert_eq!(section_number("00"), None);
    }

    #[test]
    fn notes_and_gaps() {
        assert!(is_note("(访谈当天,谁是大模型第一股的形势,还未明朗。)"));
        assert!(is_note("（注：略）"));
        assert!(!is_note("(王)小川,因为那个时候(办公室在一栋楼里)"));
        assert!(is_gap("……"));
        assert!(!is_gap("好……"));
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

    #[test]
    fn a_text_that_opens_with_a_section_number_does_not_panic() {
        // Found by the `parse` fuzz target.
        let opts = ParseOptions {
            clean: true,
            errata: None,
        };
        let err = parse("2\n2\nA:\n\nA:\n", &opts).unwrap_err();
        assert!(
            matches!(err, ParseError::NoTitle { line: 1, number: 2 }),
            "{err}"
        );
        assert!(parse("1\n", &opts).is_err());
    }

    #[test]
    fn timestamps_mark_debris() {
        assert!(has_timestamp("2026-1-10 18:20:20"));
        assert!(!has_timestamp("约20 km,即2024年"));
        assert!(!reads_as_sentence("AI 前线"));
        assert!(reads_as_sentence("就是,一个开路的人。"));
    }
}
