//! The book: the EPUB of the whole interview with a selection as its 金句 chapter, its cover
//! card and font subset included; its metadata from the settings, the interview and
//! `SOURCE_DATE_EPOCH`; the file name its title gives.

use crate::epub::{self, BookMeta, EpubOptions, MAX_EPOCH};
use crate::interview::{Interview, Role};
use crate::select::Selection;
use crate::settings::{BookSettings, CardSettings};
use anyhow::{Context, bail};

/// What the interview says of itself, where the command line said nothing: the date it
/// states, its outlet and address, and its interviewers and guests by role (panels have many;
/// a speaker known only by a role label, `问` or `答`, has no name to credit).
pub fn with_interview(meta: &BookMeta, iv: &Interview) -> BookMeta {
    let by_role = |role: Role| iv.names_by_role(role);
    let mut m = meta.clone();
    m.date = m.date.or_else(|| iv.meta.date.clone());
    m.outlet = m.outlet.or_else(|| iv.meta.outlet.clone());
    m.source_url = m
        .source_url
        .or_else(|| web_link(iv.meta.source_url.as_deref()?));
    m.interviewers = m.interviewers.or_else(|| Some(by_role(Role::Interviewer)));
    m.guests = m.guests.or_else(|| Some(by_role(Role::Guest)));
    if m.subjects.is_empty() {
        m.subjects = iv.meta.tags.clone();
    }
    m
}

/// The interview's stated address when it is an http(s) link: a saved page's `og:url`,
/// canonical link or `source` line is untrusted, and a `javascript:`, `data:` or `file:`
/// one must not become a link in the book (it is dropped with a warning).
fn web_link(url: &str) -> Option<String> {
    if crate::epub::is_web_link(url) {
        return Some(url.trim().to_string());
    }
    eprintln!(
        "warning: the interview's source address `{}` is not an http(s) link; the book leaves \
         it out",
        crate::printable::excerpt(url, 60)
    );
    None
}

/// Build the EPUB bytes, with its cover card rendered in the run's card settings.
pub fn book_with(
    iv: &Interview,
    sel: &Selection,
    s: &CardSettings,
    b: &BookSettings,
) -> anyhow::Result<Vec<u8>> {
    let title = b.meta.title_of(iv);
    book_with_cover(iv, sel, b, || super::cover::cover(iv, s, &title))
}

/// The book of `iv` with the quotes `select` gives: the cover needs only the interview, so
/// it is drawn on another thread while they are selected and the pages made (a core that
/// would otherwise wait for them). [`book_with`] is for a selection already at hand.
pub fn book_selecting(
    iv: &Interview,
    s: &CardSettings,
    b: &BookSettings,
    select: impl FnOnce() -> anyhow::Result<Selection>,
) -> anyhow::Result<Vec<u8>> {
    let title = b.meta.title_of(iv);
    std::thread::scope(|scope| {
        let drawing = scope.spawn(|| super::cover::cover(iv, s, &title));
        let sel = select()?;
        book_with_cover(iv, &sel, b, || {
            drawing.join().unwrap_or_else(|_| {
                bail!("the cover card could not be drawn (a bug in jinju: please report it)")
            })
        })
    })
}

/// What every book needs and no input changes — the patterns every parse compiles, the
/// EPUB's, the cover's template, fonts and phrase model — made ahead (`jinju epub` does it on
/// the pool's second thread while it reads the interview).
pub fn prepare_book() {
    crate::interview::compile_patterns();
    epub::compile_patterns();
    super::cover::prepare_cover();
}

/// [`book_with`] with the cover card `cover` gives, awaited while the pages are made and the
/// fonts subset.
fn book_with_cover(
    iv: &Interview,
    sel: &Selection,
    b: &BookSettings,
    cover: impl FnOnce() -> anyhow::Result<Vec<u8>> + Send,
) -> anyhow::Result<Vec<u8>> {
    // (A lines file's quotes are collected here: the book holds them all anyway.)
    let quotes = sel.all();
    // The cover names no quote (it could not be read at shelf size); a `defaults.cover` that
    // names no quote of the selection is still an error.
    super::cover::cover_quote(&quotes, sel.cover.as_deref())?;
    // The book's text face and its bold (speaker labels, questions), subset by the EPUB.
    let embedded = |face: &'static [u8]| b.embed_font.then_some(face.into());
    let opts = EpubOptions {
        font: embedded(epub::BOOK_REGULAR),
        font_bold: embedded(epub::BOOK_BOLD),
        keep_punctuation: b.keep_punctuation,
        vertical: b.vertical,
        meta: with_interview(&b.meta, iv),
        figures: crate::commands::images::load(&iv.figures, &b.images),
        ..EpubOptions::default()
    };
    let render = || cover().map(Some).map_err(|e| format!("{e:#}"));
    Ok(epub::build_with_cover(iv, &quotes, &opts, render)?)
}

/// `SOURCE_DATE_EPOCH` from the environment, checked; `None` when it is not set.
pub fn source_date_epoch_from_env() -> anyhow::Result<Option<i64>> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => Ok(Some(source_date_epoch(&v)?)),
        Err(_) => Ok(None),
    }
}

/// `SOURCE_DATE_EPOCH` as seconds from 1970 to 9999, or an error saying what is wrong.
pub fn source_date_epoch(v: &str) -> anyhow::Result<i64> {
    let shown = crate::printable::excerpt(v, 40);
    let secs = v.trim().parse::<i64>().with_context(|| {
        format!("SOURCE_DATE_EPOCH={shown:?} is not a whole number of seconds since 1970-01-01")
    })?;
    if !(0..=MAX_EPOCH).contains(&secs) {
        bail!(
            "SOURCE_DATE_EPOCH={secs} is out of range: give seconds since 1970-01-01, at most \
             {MAX_EPOCH} (the year 9999)"
        );
    }
    Ok(secs)
}

/// A file-name slug for the book: the title's letters and digits with the book's Han–Latin
/// gap (`把 GPT-3 扩大 100 倍`, a plain space, as in the book's title: valid on every file
/// system, and the name reads as the title does), other runs as one `-` (a space when they
/// are only spaces); never a space or `-` at either end.
pub fn book_slug(title: &str) -> String {
    let mut slug = String::new();
    let mut pending: Option<char> = None;
    for c in crate::epub::spaced(title).chars() {
        if c.is_alphanumeric() {
            if let Some(sep) = pending.take().filter(|_| !slug.is_empty()) {
                slug.push(sep);
            }
            slug.push(c);
        } else if c.is_whitespace() {
            pending.get_or_insert(crate::epub::GAP);
        } else {
            pending = Some('-');
        }
        if slug.len() > 56 {
            break;
        }
    }
    if slug.is_empty() {
        "interview".into()
    } else if is_reserved_name(&slug) {
        // `CON.epub` cannot be opened on Windows: `CON-book.epub` can.
        format!("{slug}-book")
    } else {
        slug
    }
}

/// Windows' device names, which no file may take (`NUL.epub` is the null device there).
fn is_reserved_name(slug: &str) -> bool {
    let upper = slug.to_ascii_uppercase();
    matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.as_bytes()[3].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::book_slug;

    #[test]
    fn book_names_avoid_device_names() {
        assert_eq!(book_slug("CON"), "CON-book");
        assert_eq!(book_slug("nul?"), "nul-book");
        assert_eq!(book_slug("Com1"), "Com1-book");
        assert_eq!(book_slug("COM"), "COM");
        assert_eq!(book_slug("对话：慢就是快"), "对话-慢就是快");
    }

    #[test]
    fn book_names_keep_the_han_latin_gap_of_the_book() {
        assert_eq!(book_slug("把GPT-3扩大100倍"), "把 GPT-3 扩大 100 倍");
        assert_eq!(book_slug("把 GPT-3 扩大"), "把 GPT-3 扩大");
        assert_eq!(book_slug("对话 Sam Altman："), "对话 Sam Altman");
        assert_eq!(book_slug("《AI》 —— 下一步"), "AI-下一步");
        assert_eq!(book_slug("  ？？  "), "interview");
    }
}
