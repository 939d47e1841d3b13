//! [`CardText`]: what a card draws of a quote — its text, who said it, the section and
//! address its footer may print, the phrases to highlight — and nothing of how it was
//! selected (score, kind, templates). A selected [`Quote`] converts into one; the EPUB's cover
//! and the benches build one directly.

use crate::select::{Quote, count_chars};

/// A card's text and the facts its placeholders print.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CardText {
    /// Names the card in errors and manifests (a quote's id).
    pub id: String,
    /// The text drawn (trimmed when drawn).
    pub text: String,
    /// Who it is printed as said by (`{speaker}`); empty: no one.
    pub credit: String,
    /// `{section_number}` (printed as two digits); `None`: none printed.
    pub section_number: Option<u32>,
    /// `{section_title}`; empty: none.
    pub section_title: String,
    /// `{address}` as printed; empty: none.
    pub address: String,
    /// Characters as the length filters count them, against the template's `max_chars`.
    pub chars: usize,
    /// Phrases inside the text drawn in the accent colour.
    pub highlights: Vec<String>,
}

impl CardText {
    /// `text` under `id`, credited to no one, from no section.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> CardText {
        let text = text.into();
        CardText {
            id: id.into(),
            chars: count_chars(&text),
            text,
            ..CardText::default()
        }
    }

    /// The same text credited to `credit`.
    pub fn credited(self, credit: impl Into<String>) -> CardText {
        CardText {
            credit: credit.into(),
            ..self
        }
    }
}

impl From<&Quote> for CardText {
    fn from(q: &Quote) -> CardText {
        CardText {
            id: q.id.clone(),
            text: q.text.clone(),
            credit: q.credit().to_string(),
            section_number: Some(q.section.number).filter(|&n| n != 0),
            section_title: q.section.title.clone(),
            address: q.address_text(),
            chars: q.chars,
            highlights: q.highlights.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_keeps_what_the_card_prints() {
        let mut q = crate::select::adhoc("慢就是快。", "答");
        let text = CardText::from(&q);
        assert_eq!((text.credit.as_str(), text.section_number), ("", None));
        assert_eq!(text.chars, 5);
        q.attribution = Some("陈远".into());
        q.section.number = 3;
        q.section.title = "造船".into();
        let text = CardText::from(&q);
        assert_eq!(text.credit, "陈远");
        assert_eq!(text.section_number, Some(3));
        assert_eq!(text.section_title, "造船");
        assert_eq!(CardText::new("c", "你好").credited("甲").credit, "甲");
    }
}
