//! The interview model: what the parser produces and both back ends read.
//! It owns the data types only; parsing lives in `parse`, cleaning in `clean`.

use super::people::{Doubt, Person};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// A whole interview: metadata, the numbered sections, and what was dropped as page debris.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Interview {
    pub meta: Meta,
    /// Speakers' display labels in order of first appearance (the interviewer first when the
    /// byline names one).
    pub speakers: Vec<String>,
    /// Each speaker's role in the conversation.
    pub roles: BTreeMap<String, Role>,
    /// Other labels of the same speaker, folded into a display label (`{other: label}`).
    pub aliases: BTreeMap<String, String>,
    /// Each speaker once: label, the name a card prints, role, and the evidence for both
    /// (the JSON gives `names`, `{label: name}`, and `affiliations`, `{label: affiliation}`
    /// for those the article describes).
    #[serde(flatten, serialize_with = "names_and_affiliations")]
    pub people: Vec<Person>,
    /// What jinju guessed about the people and a user may want to correct, each with the flag
    /// that does.
    pub doubts: Vec<Doubt>,
    pub sections: Vec<Section>,
    /// Every line removed as page debris, verbatim: furniture of the front, pieces of
    /// furniture inside the text, and every line from where the debris after the last turn
    /// starts.
    pub dropped: Vec<String>,
    /// The pieces of furniture lifted out of the text (before the debris), each with why.
    pub furniture: Vec<Furniture>,
    /// The errata entries that were applied, for the book's colophon; the JSON gives their
    /// number as `errata_applied`.
    #[serde(rename = "errata_applied", serialize_with = "count")]
    pub corrections: Vec<Correction>,
    /// The source's italics and links, found in the paragraphs (`inline_marks`); not in the
    /// JSON.
    #[serde(skip)]
    pub marks: Vec<super::inline_marks::InlineMark>,
    /// The source's images at their places (`figures`); not in the JSON.
    #[serde(skip)]
    pub figures: Vec<super::figures::Figure>,
}

/// A piece of page furniture lifted out of the text: its source line (0: none), its text as
/// written, and the property that makes it furniture.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Furniture {
    pub line: usize,
    pub text: String,
    pub why: &'static str,
}

fn count<S: serde::Serializer, T>(items: &[T], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(items.len() as u64)
}

/// The people as two maps by label, in order of appearance: `names` (the name a card
/// prints) and `affiliations` (for those the article describes).
fn names_and_affiliations<S: serde::Serializer>(
    people: &[Person],
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(2))?;
    map.serialize_entry("names", &ByLabel(people, |p| Some(p.print_name())))?;
    map.serialize_entry(
        "affiliations",
        &ByLabel(people, |p| p.affiliation.as_deref()),
    )?;
    map.end()
}

/// `{label: value}` for the people the function gives a value.
struct ByLabel<'a>(&'a [Person], for<'p> fn(&'p Person) -> Option<&'p str>);

impl Serialize for ByLabel<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().filter_map(|p| Some((&p.label, (self.1)(p)?))))
    }
}

fn texts<S: serde::Serializer>(paragraphs: &[Paragraph], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(paragraphs.iter().map(|p| &p.text))
}

/// One applied correction of the source text (an errata entry).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Correction {
    pub find: String,
    pub replace: String,
    pub why: String,
}

/// Who a speaker is in the conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Interviewer,
    Guest,
}

/// Title, summary, byline and the intro that precedes the first section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meta {
    pub title: String,
    pub summary: String,
    /// The interviewers' labels, joined with `、` (empty when nobody asks).
    pub interviewer: String,
    /// The guests' labels, joined with `、`.
    pub interviewee: String,
    /// The byline as printed (`作者 | 张小珺  编辑 | 石丁`), when there is one.
    pub byline: Option<String>,
    /// The syntax the interview was read from.
    pub format: Format,
    /// The publication date the source states (`YYYY-MM-DD`), when it states one.
    pub date: Option<String>,
    /// The source's address, when the input names it.
    pub source_url: Option<String>,
    /// The publishing outlet or account, when the input names it.
    pub outlet: Option<String>,
    /// The tags or keywords the input's front matter lists (the book's subjects).
    pub tags: Vec<String>,
    /// The intro paragraphs (section 0) with their addresses `0.P`; the JSON gives their
    /// texts as `intro`.
    #[serde(rename = "intro", serialize_with = "texts")]
    pub intro_paragraphs: Vec<Paragraph>,
}

pub use crate::read::Format;

/// One section: `01 谈上市` with its pull quote and paragraphs. An interview without headings
/// is one section with no number and no title.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The section's number in addresses (`3.12`): the number as printed (`01` → 1) when the
    /// source numbers its sections, else its position from 1.
    pub number: u32,
    /// True when the source prints the number (the JSON's `number` is `null` otherwise); read
    /// it as [`Section::printed_number`].
    pub(crate) numbered: bool,
    /// The title, when the section has one (never empty).
    pub title: Option<String>,
    /// The pull quote, when the section has one (never empty).
    pub pull_quote: Option<String>,
    pub paragraphs: Vec<Paragraph>,
}

impl Serialize for Section {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Section", 5)?;
        st.serialize_field("number", &self.printed_number())?;
        st.serialize_field("index", &self.number)?;
        st.serialize_field("title", &self.title)?;
        st.serialize_field("pull_quote", &self.pull_quote)?;
        st.serialize_field("paragraphs", &self.paragraphs)?;
        st.end()
    }
}

impl Section {
    /// The number as the source prints it, when it does.
    pub fn printed_number(&self) -> Option<u32> {
        self.numbered.then_some(self.number)
    }

    /// The heading as a reader sees it: `03 谈上市`, `谈上市`, `03`, or empty.
    pub fn heading(&self) -> String {
        match (self.printed_number(), &self.title) {
            (Some(n), Some(title)) => format!("{n:02} {title}"),
            (Some(n), None) => format!("{n:02}"),
            (None, title) => title.clone().unwrap_or_default(),
        }
    }
}

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Part of a speaker's turn.
    Turn,
    /// An editor's note, wholly in parentheses.
    Note,
    /// A gap in the transcript (`……`).
    Gap,
    /// Narrative prose (the intro).
    Prose,
    /// An image's caption (the image itself is not kept).
    Caption,
}

/// A paragraph with its stable address.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    pub address: Address,
    pub kind: Kind,
    /// The speaker for `Turn` paragraphs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// True for the paragraph that opens a turn (it carried the `Name:` prefix).
    pub opens_turn: bool,
    /// The text without the speaker prefix, cleaned.
    pub text: String,
    /// The editor's bold spans in `text`, as `[start, end)` character ranges (adjacent runs
    /// merged).
    pub emphasis: Vec<[usize; 2]>,
    /// When the paragraph starts in the recording, for transcripts (`"00:01:02"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<crate::read::Timecode>,
}

/// `S.P`: section S (0 = intro), paragraph P (from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Address {
    pub section: u32,
    pub paragraph: u32,
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.section, self.paragraph)
    }
}

impl Serialize for Address {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Address {
    /// The id used for anchors in XHTML (ids must not start with a digit): `p3-12`.
    pub fn anchor(&self) -> String {
        format!("p{}-{}", self.section, self.paragraph)
    }
}

impl Interview {
    /// All paragraphs in reading order, intro first.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.meta
            .intro_paragraphs
            .iter()
            .chain(self.sections.iter().flat_map(|s| s.paragraphs.iter()))
    }

    /// The paragraph at an address, if any.
    pub fn paragraph(&self, at: Address) -> Option<&Paragraph> {
        if at.section == 0 {
            return self
                .meta
                .intro_paragraphs
                .get(at.paragraph.checked_sub(1)? as usize);
        }
        let section = self.section(at.section)?;
        section
            .paragraphs
            .get(at.paragraph.checked_sub(1)? as usize)
    }

    /// The person a speaker label (or one of its aliases) stands for.
    pub fn person(&self, label: &str) -> Option<&Person> {
        let label = self.aliases.get(label).map_or(label, String::as_str);
        self.people.iter().find(|p| p.label == label)
    }

    /// The name to print for a speaker label: the person's name; empty when the text knows
    /// them only by a role label and nothing names them.
    pub fn name_of<'a>(&'a self, label: &'a str) -> &'a str {
        match self.person(label) {
            Some(p) => &p.name,
            None if super::is_role_label(label) => "",
            None => label,
        }
    }

    /// The printable names of the people with `role`, in order of appearance (a speaker known
    /// only by a role label, with nothing naming them, is left out).
    pub fn names_by_role(&self, role: Role) -> Vec<String> {
        self.named(role)
            .map(|p| p.print_name().to_string())
            .collect()
    }

    /// The people with `role` who have a printable name, in order of appearance.
    fn named(&self, role: Role) -> impl Iterator<Item = &Person> {
        self.people
            .iter()
            .filter(move |p| p.role == role && !p.print_name().is_empty())
    }

    /// The printable names of the people with `role`, each with what the cast list says they
    /// are (`钟凯祺（某大厂数据科学家）`): how a title page introduces them.
    pub fn introduced_by_role(&self, role: Role) -> Vec<String> {
        self.named(role)
            .map(|p| match &p.affiliation {
                Some(a) => format!("{}（{a}）", p.print_name()),
                None => p.print_name().to_string(),
            })
            .collect()
    }

    /// Where each person with an affiliation first speaks, and the affiliation: a panel
    /// introduces its guests in their first turn.
    pub fn first_turns_introduced(&self) -> Vec<(Address, String)> {
        self.people
            .iter()
            .filter_map(|person| {
                let a = person.affiliation.as_ref()?;
                let first = self.paragraphs().find(|p| {
                    p.kind == Kind::Turn
                        && p.opens_turn
                        && p.speaker.as_deref() == Some(&person.label)
                })?;
                Some((first.address, a.clone()))
            })
            .collect()
    }

    /// Every name the interview knows, once each: the people's (and the labels that are
    /// names), the credited interviewer and guest, the outlet, and the short tags of its
    /// front matter (where companies are named: `月之暗面`) — what a card keeps on one line.
    pub fn names(&self) -> Vec<String> {
        let people = self.people.iter().map(Person::print_name);
        let credited = [&self.meta.interviewer, &self.meta.interviewee]
            .into_iter()
            .flat_map(|s| s.split(['、', ',', '，', '/']));
        let mut out: Vec<String> = Vec::new();
        let tags = self.meta.tags.iter().map(String::as_str);
        let short_tags = tags.filter(|t| t.chars().count() <= 8);
        let outlet = self.meta.outlet.as_deref();
        for name in people.chain(credited).chain(outlet).chain(short_tags) {
            let name = name.trim();
            if name.chars().count() > 1 && !out.iter().any(|n| n == name) {
                out.push(name.to_string());
            }
        }
        out
    }

    /// The section with this number.
    pub fn section(&self, number: u32) -> Option<&Section> {
        self.sections.iter().find(|s| s.number == number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_never_start_with_a_digit() {
        let a = Address {
            section: 3,
            paragraph: 12,
        };
        assert_eq!(a.to_string(), "3.12");
        assert_eq!(a.anchor(), "p3-12");
    }

    #[test]
    fn a_heading_shows_the_printed_number_and_the_title_that_exist() {
        let section = |numbered, title: Option<&str>| Section {
            number: 3,
            numbered,
            title: title.map(String::from),
            pull_quote: None,
            paragraphs: Vec::new(),
        };
        let json = |s: &Section| serde_json::to_value(s).unwrap();
        let both = section(true, Some("谈上市"));
        assert_eq!(
            (both.heading(), both.printed_number()),
            ("03 谈上市".into(), Some(3))
        );
        assert_eq!(section(true, None).heading(), "03");
        let titled = section(false, Some("谈上市"));
        assert_eq!(
            (titled.heading(), titled.printed_number()),
            ("谈上市".into(), None)
        );
        assert_eq!(section(false, None).heading(), "");
        assert_eq!(json(&titled)["number"], serde_json::Value::Null);
        assert_eq!(json(&section(true, None))["title"], serde_json::Value::Null);
    }
}
