//! What the book says about itself and where it comes from: title, language, creators with
//! their MARC roles, dates, subjects, the source. [`BookMeta`] is what the caller states
//! (`src/commands/` fills it from flags, job keys and the interview); [`Resolved`] is what goes
//! into the package, validated, with the defaults applied. It owns no markup.

use super::EpubError;
use crate::interview::{Interview, Role};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// The language of the book when nothing else is said.
pub const DEFAULT_LANGUAGE: &str = "zh-CN";

/// Largest `SOURCE_DATE_EPOCH` a book carries: 9999-12-31T23:59:59Z.
pub const MAX_EPOCH: i64 = 253_402_300_799;

/// What the caller knows about the book beyond the interview text. Every field is optional:
/// `None` (or empty) means "not stated", never a made-up value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BookMeta {
    /// `--title`: replaces the interview's title everywhere in the book.
    pub title: Option<String>,
    /// `--author`: the `aut` creators (the shelf author). Empty: the interviewers, else the
    /// guests (a talk's speaker).
    pub authors: Vec<String>,
    /// The outlet that published the interview: `dc:publisher`.
    pub outlet: Option<String>,
    /// The interviewers (`ivr`). `None`: the interview's `meta.interviewer`. Panels: the
    /// model's speaker roles go here.
    pub interviewers: Option<Vec<String>>,
    /// The guests (`ive`). `None`: the interview's `meta.interviewee`.
    pub guests: Option<Vec<String>>,
    /// `--language` (BCP 47, e.g. `zh-CN`, `zh-TW`). `None`: [`DEFAULT_LANGUAGE`].
    pub language: Option<String>,
    /// `--date`, or the date the interview states (the model's `Meta.date`): `YYYY`,
    /// `YYYY-MM` or `YYYY-MM-DD`. It becomes `dc:date`.
    pub date: Option<String>,
    /// `SOURCE_DATE_EPOCH`: the zip entries' stamps, `dcterms:modified`, and `dc:date` when no
    /// date is given.
    pub source_date_epoch: Option<i64>,
    /// The source's title (the article's headline as published), for 关于本书.
    pub source_title: Option<String>,
    /// The source's address (the model's `Meta.source_url`), for 关于本书 and `dc:source`.
    pub source_url: Option<String>,
    /// A sentence about the source that replaces the generated one (the bundled interview's).
    pub source_note: Option<String>,
    /// `dc:subject` entries; none by default.
    pub subjects: Vec<String>,
}

/// One `dc:creator`: a name and its MARC relator codes, first one first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Creator {
    pub name: String,
    pub roles: Vec<&'static str>,
    /// `file-as` (`Altman, Sam`) for a Latin-script name of two or more words.
    pub file_as: Option<String>,
}

/// The book's metadata, validated and with defaults applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub title: String,
    pub language: String,
    /// `aut` creators first (readers show the first creator as the author).
    pub creators: Vec<Creator>,
    /// The byline's other people (`编辑丨宋玮` → `edt`), as `dc:contributor`.
    pub contributors: Vec<Creator>,
    /// `dc:publisher`: the outlet.
    pub publisher: Option<String>,
    pub interviewers: Vec<String>,
    pub guests: Vec<String>,
    /// `dc:date`, W3CDTF.
    pub date: Option<String>,
    /// `dcterms:modified` and the zip stamps.
    pub modified: DateTime<Utc>,
    pub subjects: Vec<String>,
    pub source_title: Option<String>,
    pub source_url: Option<String>,
    pub source_note: Option<String>,
}

/// True for an `http://` or `https://` address without spaces or control characters: the
/// only links the book makes (never `javascript:`, `data:` or `file:`).
pub fn is_web_link(url: &str) -> bool {
    let url = url.trim();
    let rest = ["http://", "https://"].iter().find_map(|scheme| {
        url.get(..scheme.len())
            .filter(|head| head.eq_ignore_ascii_case(scheme))
            .map(|_| &url[scheme.len()..])
    });
    rest.is_some_and(|r| !r.is_empty()) && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The names in `list`, trimmed, empty ones dropped, each once.
fn names(list: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in list {
        let n = n.trim().to_string();
        if !n.is_empty() && !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// `Sam Altman` → `Altman, Sam`; Chinese names (and one-word names) file as written.
fn file_as(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let latin = name
        .chars()
        .all(|c| c.is_ascii() || c.is_alphabetic() && !is_cjk(c));
    (latin && words.len() >= 2).then(|| {
        let (last, first) = words.split_last().unwrap_or((&"", &[]));
        format!("{last}, {}", first.join(" "))
    })
}

/// `name` credited with `role` in `people`: a new entry, or one more role of theirs.
fn credit(people: &mut Vec<Creator>, name: &str, role: &'static str) {
    match people.iter_mut().find(|c| c.name == name) {
        Some(c) if !c.roles.contains(&role) => c.roles.push(role),
        Some(_) => {}
        None => people.push(Creator {
            name: name.to_string(),
            roles: vec![role],
            file_as: file_as(name),
        }),
    }
}

/// `2023-11-14`.
fn day(t: DateTime<Utc>) -> String {
    format!("{:04}-{:02}-{:02}", t.year(), t.month(), t.day())
}

pub use crate::script::is_cjk;

/// A BCP 47 tag of the usual shape: a 2–3 letter language, then subtags of 1–8 letters or
/// digits (`zh`, `zh-CN`, `zh-Hant-TW`).
fn check_language(tag: &str) -> Result<(), EpubError> {
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or("");
    let ok = (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_alphabetic())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if ok {
        Ok(())
    } else {
        Err(EpubError::Language(tag.to_string()))
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date.
fn check_date(date: &str) -> Result<(), EpubError> {
    let full = match date.len() {
        4 => format!("{date}-01-01"),
        7 => format!("{date}-01"),
        _ => date.to_string(),
    };
    let shaped = date.len() == 4 || date.len() == 7 || date.len() == 10;
    match NaiveDate::parse_from_str(&full, "%Y-%m-%d") {
        Ok(_) if shaped && date.as_bytes()[0].is_ascii_digit() => Ok(()),
        _ => Err(EpubError::BadDate(date.to_string())),
    }
}

impl BookMeta {
    /// The title the book goes by: `--title`, else the interview's.
    pub fn title_of(&self, interview: &Interview) -> String {
        self.title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .unwrap_or(&interview.meta.title)
            .to_string()
    }

    /// Validate and fill in the defaults from `interview`.
    pub fn resolve(&self, interview: &Interview) -> Result<Resolved, EpubError> {
        let meta = &interview.meta;
        let language = self
            .language
            .clone()
            .unwrap_or_else(|| DEFAULT_LANGUAGE.to_string());
        check_language(&language)?;
        if let Some(d) = &self.date {
            check_date(d)?;
        }
        let epoch = match self.source_date_epoch {
            Some(e) if !(0..=MAX_EPOCH).contains(&e) => return Err(EpubError::Date(e)),
            e => e,
        };
        let stamp = |e: i64| DateTime::from_timestamp(e, 0).ok_or(EpubError::Date(e));
        let epoch_time = epoch.map(stamp).transpose()?;
        let date = self.date.clone().or_else(|| epoch_time.map(day));
        // dcterms:modified is required: the epoch, else the stated date, else the Unix epoch
        // (a neutral "unknown"; never the build time, so two builds stay identical).
        let modified = match (epoch_time, &self.date) {
            (Some(t), _) => t,
            (None, Some(d)) => {
                let day = match d.len() {
                    4 => format!("{d}-01-01"),
                    7 => format!("{d}-01"),
                    _ => d.clone(),
                };
                NaiveDate::parse_from_str(&day, "%Y-%m-%d")
                    .map_err(|_| EpubError::BadDate(d.clone()))?
                    .and_hms_opt(0, 0, 0)
                    .map(|t| t.and_utc())
                    .ok_or_else(|| EpubError::BadDate(d.clone()))?
            }
            (None, None) => DateTime::UNIX_EPOCH,
        };
        // The people's printable names: a speaker the text knows only by a role label
        // (`问`, `答`) and nothing names has no name to credit.
        let interviewers = names(
            self.interviewers
                .clone()
                .unwrap_or_else(|| interview.names_by_role(Role::Interviewer)),
        );
        let guests = names(
            self.guests
                .clone()
                .unwrap_or_else(|| interview.names_by_role(Role::Guest)),
        );
        let byline = super::credits::of_byline(meta.byline.as_deref().unwrap_or(""));
        // The shelf author: as given, else who asks, else who speaks (a talk's speaker), else
        // the byline's writers (an interview whose people are only `问` and `答`).
        let writers = byline
            .iter()
            .filter(|c| c.role == "aut")
            .map(|c| c.name.clone());
        let authors = match names(self.authors.clone()) {
            a if !a.is_empty() => a,
            _ if !interviewers.is_empty() => interviewers.clone(),
            _ if !guests.is_empty() => guests.clone(),
            _ => names(writers),
        };
        let mut creators: Vec<Creator> = Vec::new();
        for a in &authors {
            credit(&mut creators, a, "aut");
        }
        for i in &interviewers {
            credit(&mut creators, i, "ivr");
        }
        for g in &guests {
            credit(&mut creators, g, "ive");
        }
        // The byline's people: a creator's credit adds to their roles, anyone else is a
        // contributor.
        let mut contributors: Vec<Creator> = Vec::new();
        for c in byline {
            match creators.iter_mut().find(|k| k.name == c.name) {
                Some(k) if !k.roles.contains(&c.role) => k.roles.push(c.role),
                Some(_) => {}
                None => credit(&mut contributors, &c.name, c.role),
            }
        }
        let title = self.title_of(interview);
        // The package's title, the NCX's and every page's: with the Han–Latin gap.
        let title = super::gap::spaced(&title);
        Ok(Resolved {
            title,
            language,
            creators,
            contributors,
            publisher: self
                .outlet
                .as_ref()
                .map(|o| o.trim().to_string())
                .filter(|o| !o.is_empty()),
            interviewers,
            guests,
            date,
            modified,
            subjects: names(self.subjects.clone()),
            source_title: self.source_title.clone().filter(|s| !s.trim().is_empty()),
            source_url: self.source_url.clone().filter(|s| is_web_link(s)),
            source_note: self.source_note.clone().filter(|s| !s.trim().is_empty()),
        })
    }
}

#[cfg(test)]
#[path = "meta_tests.rs"]
mod tests;
