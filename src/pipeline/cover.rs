//! The EPUB's cover: the book's title and the guest drawn on the `book-cover` template
//! (large enough to read at shelf size; no quote, which could not be). A character no font has is left out of the cover image and a title too long
//! for it is shortened there (with a warning); the book keeps both whole.

use super::cards::fonts;
use crate::card::{self, CardText, Encoding, ImageFormat, RenderOptions, Template};
use crate::interview::Interview;
use crate::select::{Quote, QuoteKind};
use crate::settings::CardSettings;
use anyhow::Context;
use std::sync::OnceLock;

/// The EPUB cover's template: the title leads, the quote is secondary.
const BOOK_COVER: &str = include_str!("../../templates/cards/book-cover.yaml");

/// The quote on the EPUB's cover: the one `defaults.cover` names, else the first quote from
/// the interview; none when there is none.
pub fn cover_quote(quotes: &[Quote], cover_id: Option<&str>) -> anyhow::Result<Option<String>> {
    let chosen = match cover_id {
        Some(id) => Some(
            quotes
                .iter()
                .find(|q| q.id == id)
                .with_context(|| format!("the cover quote `{id}` is not in the selection"))?,
        ),
        None => quotes.iter().find(|q| q.kind != QuoteKind::Adhoc),
    };
    Ok(chosen.map(|q| q.text.trim().to_string()))
}

/// The most characters of a long title the EPUB cover shows.
const COVER_TITLE_CHARS: usize = 40;

/// The size the cover is drawn at, of the template's 1600×2400: 1120×1680, the height of a
/// 1264×1680 e-reader screen (a Kindle Paperwhite's), so the screen shows it pixel for pixel.
/// A shelf thumbnail scales every size alike (the title's least, 84 px of 1680, is still
/// 11 px at 150 px wide); half the pixels of the template's size to draw and encode.
pub const COVER_SCALE: f32 = 0.7;

/// The cover's template, parsed once a process.
fn template() -> anyhow::Result<&'static Template> {
    static PARSED: OnceLock<Result<Template, String>> = OnceLock::new();
    PARSED
        .get_or_init(|| {
            Template::parse(BOOK_COVER, "templates/cards/book-cover.yaml", None)
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| anyhow::anyhow!("{e}"))
}

/// Read what every cover needs and no input changes, its template, the embedded fonts and
/// the phrase model its title is broken by, ahead of it ([`super::prepare_book`]).
pub(super) fn prepare_cover() {
    let _ = template();
    let _ = crate::card::FontBook::embedded();
    crate::typeset::load_phrase_model();
}

/// The EPUB's cover: the title and the guest on the `book-cover` template.
pub fn cover(iv: &Interview, s: &CardSettings, title: &str) -> anyhow::Result<Vec<u8>> {
    let t = template()?;
    let book = fonts(s)?;
    let opts = RenderOptions {
        scale: COVER_SCALE,
        // The EPUB cover is a PNG whatever format the cards are.
        encoding: Encoding {
            format: ImageFormat::Png,
            ..s.encoding
        },
        // The names the title's lines keep whole (`闫俊杰`, not `闫 / 俊杰`).
        source: Some(card::SourceInfo {
            title: title.to_string(),
            names: iv.names(),
            ..card::SourceInfo::default()
        }),
        ..RenderOptions::default()
    };
    // The guests by the names a card prints (a role label nothing names is left out).
    let guests = iv.names_by_role(crate::interview::Role::Guest).join("、");
    let render = |title: &str| {
        let text = crate::interview::clean::punctuation(title.trim());
        card::render(
            &CardText::new("cover", text).credited(guests.as_str()),
            t,
            &book,
            &opts,
        )
    };
    // A character no font has is left out of the cover image (the book keeps the title); a
    // title too long for the cover is shortened on it.
    let drawn = card::drawable_quote(title, t, &book)?;
    let rendered = match render(&drawn) {
        Err(card::Error::DoesNotFit { .. } | card::Error::TooLong { .. }) => {
            let short: String = drawn.chars().take(COVER_TITLE_CHARS).collect();
            eprintln!(
                "warning: the title is too long for the EPUB cover; the cover shows its first \
                 {COVER_TITLE_CHARS} characters (the book keeps it whole)"
            );
            render(&format!("{}…", short.trim_end()))
        }
        other => other,
    };
    Ok(rendered.context("cannot render the EPUB cover")?.bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::{CardFields, SourceInfo};

    /// The cover's title lines for `title`, with `names` kept whole.
    fn title_lines(title: &str, names: &[&str]) -> Vec<String> {
        let t = Template::parse(BOOK_COVER, "book-cover.yaml", None).expect("template");
        let book = fonts(&CardSettings::default()).expect("fonts");
        let source = SourceInfo {
            names: names.iter().map(|n| n.to_string()).collect(),
            ..SourceInfo::default()
        };
        let fields = CardFields {
            title: None,
            source: Some(&source),
        };
        card::paint(&CardText::new("cover", title), &t, &book, 1.0, fields)
            .expect("paint")
            .lines
    }

    /// Whether a line ends inside `name` (its start on one line, its rest on the next).
    fn breaks_inside(lines: &[String], name: &str) -> bool {
        lines.windows(2).any(|pair| {
            let joined = format!("{}{}", pair[0], pair[1]);
            let cut = pair[0].chars().count();
            joined.match_indices(name).any(|(at, _)| {
                let start = joined[..at].chars().count();
                start < cut && cut < start + name.chars().count()
            })
        })
    }

    /// Titles whose plain breaking cuts a name (`执行官闫俊 / 杰`, `月之 / 暗面`): the
    /// precondition is checked so the test fails if the layout no longer needs the names.
    #[test]
    fn the_cover_keeps_names_whole_on_the_title_lines() {
        let names = ["闫俊杰", "月之暗面", "杨植麟", "稀宇科技"];
        for (title, name) in [
            ("稀宇科技创始人兼首席执行官闫俊杰谈大模型", "闫俊杰"),
            (
                "专访月之暗面杨植麟：长文本是通往AGI的登月第一步",
                "月之暗面",
            ),
            ("闫俊杰和月之暗面的这一年：大模型创业者的冷与热", "月之暗面"),
        ] {
            let plain = title_lines(title, &[]);
            assert!(
                breaks_inside(&plain, name),
                "{plain:?} keeps {name} already"
            );
            let kept = title_lines(title, &names);
            assert_eq!(kept.concat(), title);
            for n in names {
                assert!(!breaks_inside(&kept, n), "{n} broken in {kept:?}");
            }
        }
    }

    #[test]
    fn the_interview_s_names_reach_the_cover() {
        let iv = crate::interview::parse_default().expect("the bundled interview");
        let names = iv.names();
        assert!(names.iter().any(|n| n == "张鹏"), "{names:?}");
        assert!(names.iter().any(|n| n == "张小珺"), "{names:?}");
        assert!(names.iter().all(|n| n.chars().count() > 1), "{names:?}");
        let md = "---\ntitle: 专访月之暗面杨植麟\ntags: [月之暗面, 大模型创业的第一性原理与长文本]\n---\n\n\
            访谈：张小珺 x 杨植麟\n\n**张小珺：** 你好吗？\n\n**杨植麟：** 很好，谢谢。\n";
        let opts = crate::interview::ParseOptions::default();
        let iv =
            crate::interview::parse_as(md, crate::read::Format::Markdown, &opts).expect("parse");
        let names = iv.names();
        for name in ["月之暗面", "杨植麟", "张小珺"] {
            assert!(names.iter().any(|n| n == name), "no {name} in {names:?}");
        }
        assert!(names.iter().all(|n| n.chars().count() <= 8), "{names:?}");
    }
}
