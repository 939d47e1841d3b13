//! Producing artifacts: cards rendered in parallel and staged as each is done (so memory holds
//! only the cards in flight, whatever their number), the cover, the EPUB. Everything goes to
//! a [`Staging`] run, so a failure here leaves the output folder untouched.

use crate::card::{self, Encoding, FontBook, RenderOptions, Template};
use crate::cli::{BookArgs, InputArgs};
use crate::epub::{self, BookMeta, EpubOptions, MAX_EPOCH};
use crate::interview::{Interview, Role};
use crate::output::{Artifact, Entries, Staging};
use crate::select::{Quote, QuoteKind, Selection, unsafe_id};
use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The templates a run uses when neither the command line nor the quote names any.
pub const DEFAULT_TEMPLATES: [&str; 2] = ["portrait", "square"];

/// How cards are made.
#[derive(Debug, Clone, Default)]
pub struct CardSettings {
    /// `--template` values: when given, every quote is rendered in these.
    pub templates: Vec<String>,
    pub scale: f32,
    pub font: Option<PathBuf>,
    pub font_index: u32,
    pub quiet: bool,
    /// The cards' file format (`--image-format`, `--jpeg-quality`, `--compression`).
    pub encoding: Encoding,
    /// `--source`: the footer title of ad hoc cards (none without it).
    pub source: Option<String>,
    /// `--carousel`: the platforms to make carousels for.
    pub carousels: Vec<card::CarouselPreset>,
    /// `--long`: make the long image too.
    pub long: bool,
    /// `--link`: the address the QR codes point to (else the interview's own).
    pub link: Option<String>,
    /// `--strict`: a quote that cannot be made fails the run (otherwise it is skipped with a
    /// warning and the run ends with [`Skipped`]).
    pub strict: bool,
}

/// The cards of a run: the manifest entries of those made, and how many were skipped.
#[derive(Debug, Default)]
pub struct Rendered {
    pub entries: Entries,
    pub skipped: usize,
}

/// Cards that could not be made were left out (without `--strict`); the others were written.
/// The binary exits with status 3 for it.
#[derive(Debug)]
pub struct Skipped(pub usize);

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} card{} skipped (see the warnings above); the others were written. \
             Fix or remove those quotes, or add --strict to make any such quote fail the run",
            self.0,
            if self.0 == 1 { " was" } else { "s were" }
        )
    }
}

impl std::error::Error for Skipped {}

pub use super::fit::template_fit;

/// The fonts for this run: the embedded ones, plus `--font FILE`.
pub fn fonts(s: &CardSettings) -> anyhow::Result<FontBook> {
    let book = FontBook::embedded();
    Ok(match &s.font {
        Some(path) => book.with_font_file(path, s.font_index)?,
        None => book,
    })
}

/// Most background-image pixels all the templates of a run may hold (256 MiB decoded).
pub const MAX_TOTAL_IMAGE_PIXELS: u64 = 4 * card::MAX_IMAGE_PIXELS;

/// Load every template the run needs, once, by name or path.
fn templates(names: impl Iterator<Item = String>) -> anyhow::Result<BTreeMap<String, Template>> {
    let mut map = BTreeMap::new();
    for name in names {
        if map.contains_key(&name) {
            continue;
        }
        let t = Template::load(&name)?;
        if let Some(why) = unsafe_id(&t.name) {
            bail!(
                "template `{name}` is named {:?}, which is not a safe file name: {why}",
                t.name
            );
        }
        map.insert(name, t);
        let pixels: u64 = map.values().map(card::image_pixels).sum();
        if pixels > MAX_TOTAL_IMAGE_PIXELS {
            bail!(
                "the templates' background images hold {pixels} pixels together; a run is \
                 limited to {MAX_TOTAL_IMAGE_PIXELS} (four 4096×4096 images): use smaller images"
            );
        }
    }
    Ok(map)
}

/// The template names a quote is rendered in, each once (`-t portrait -t portrait` makes
/// one card, not a clash of two files of one name).
fn names_for(q: &Quote, s: &CardSettings) -> Vec<String> {
    let mut names = if !s.templates.is_empty() {
        s.templates.clone()
    } else if !q.templates.is_empty() {
        q.templates.clone()
    } else {
        DEFAULT_TEMPLATES.iter().map(|t| t.to_string()).collect()
    };
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(n.clone()));
    names
}

/// Cards rendered in parallel between two spills of their manifest entries.
const CARDS_PER_ROUND: usize = 256;

/// Render every quote of `sel` in its templates, in parallel, staging each card in `run` as
/// `<prefix><id>.<template>.<ext>` as soon as it is rendered. Quotes are taken from the
/// selection in rounds of about [`CARDS_PER_ROUND`] cards (a lines file's quotes are made as
/// they are reached), so memory holds the quotes of one round, at most one card per thread
/// and the manifest entries of one round (the rest are spilled to the staging folder). A card
/// that cannot be rendered is skipped with a warning naming the quote, its text and the
/// template (counted in [`Rendered::skipped`]); with `s.strict`, all or nothing: the first
/// error wins (and the staged run is then dropped).
pub fn render_cards(
    sel: &Selection,
    source: &card::SourceInfo,
    s: &CardSettings,
    run: &Staging,
    prefix: &str,
) -> anyhow::Result<Rendered> {
    let fonts = fonts(s)?;
    // A first pass over the quotes, before any card: every template is loaded (and checked)
    // and the cards are counted for the progress bar.
    let mut cards = 0;
    let mut names = Vec::new();
    for q in sel.iter() {
        let these = names_for(&q, s);
        cards += these.len() as u64;
        for n in these {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    let tpl = templates(names.into_iter())?;
    let bar = if s.quiet {
        ProgressBar::hidden()
    } else {
        ProgressBar::with_draw_target(Some(cards), ProgressDrawTarget::stderr())
    };
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} cards {msg}") {
        bar.set_style(style);
    }
    let opts = RenderOptions {
        scale: s.scale,
        title: Some(source.title.clone()),
        encoding: s.encoding,
        source: Some(source.clone()),
    };
    let render = |&(q, name): &(&Quote, &String)| -> anyhow::Result<Artifact> {
        let t = &tpl[name];
        // Ad hoc text is not the interview's: credit it from the flags or not at all.
        let adhoc;
        let opts = if q.kind == QuoteKind::Adhoc {
            adhoc = RenderOptions {
                title: s.source.clone(),
                // Only what the flags say: the link of `--link`, no date or outlet.
                source: Some(card::SourceInfo {
                    title: s.source.clone().unwrap_or_default(),
                    link: s.link.clone(),
                    ..card::SourceInfo::default()
                }),
                ..opts.clone()
            };
            &adhoc
        } else {
            &opts
        };
        let card = card::render(q, t, &fonts, opts)
            .with_context(|| format!("cannot render quote `{}` as a {} card", q.id, t.name))?;
        let ext = card.format.extension();
        let path = format!("{prefix}{}.{}.{ext}", q.id, t.name);
        let sha256 = run.write(&path, &card.bytes)?;
        bar.inc(1);
        Ok(Artifact {
            path,
            kind: crate::output::ArtifactKind::Card,
            quote: Some(q.id.clone()),
            text: Some(q.text.clone()),
            template: Some(t.name.clone()),
            size: Some([card.width, card.height]),
            lines: card.lines,
            font_px: Some(card.size_px as f32),
            note: card.note,
            bytes: card.bytes.len(),
            sha256,
        })
    };
    let mut spill = run.spill()?;
    let mut skipped = 0;
    let mut quotes = sel.iter();
    loop {
        let mut round: Vec<(Quote, Vec<String>)> = Vec::new();
        let mut in_round = 0;
        while in_round < CARDS_PER_ROUND {
            let Some(q) = quotes.next() else { break };
            let these = names_for(&q, s);
            in_round += these.len();
            round.push((q, these));
        }
        if round.is_empty() {
            break;
        }
        let jobs: Vec<(&Quote, &String)> = round
            .iter()
            .flat_map(|(q, these)| these.iter().map(move |t| (q, t)))
            .collect();
        let tried: Vec<anyhow::Result<Artifact>> = jobs.par_iter().map(render).collect();
        let mut made = Vec::with_capacity(tried.len());
        for ((q, _), result) in jobs.iter().zip(tried) {
            match result {
                Ok(a) => made.push(a),
                Err(e) if s.strict => return Err(e),
                Err(e) => {
                    skipped += 1;
                    bar.suspend(|| warn_skipped(q, sel.line_of(&q.id), &e));
                }
            }
        }
        for a in &made {
            spill
                .push(a)
                .context("cannot write the manifest's entries in the staging folder")?;
        }
    }
    bar.finish_and_clear();
    Ok(Rendered {
        entries: spill.finish()?,
        skipped,
    })
}

/// The warning for a card left out: the error names the quote and the template, `line` the
/// line of the `--lines` file it came from, and the text's start which text it was.
fn warn_skipped(q: &Quote, line: Option<usize>, e: &anyhow::Error) {
    let text: String = q.text.chars().take(24).collect();
    let more = if q.text.chars().count() > 24 {
        "…"
    } else {
        ""
    };
    let shown = |m: &dyn std::fmt::Display| crate::printable::escape_lines(&m.to_string());
    let at = line.map_or(String::new(), |n| format!("line {n} of --lines: "));
    eprintln!(
        "warning: skipped: {at}{} (“{}{more}”)",
        shown(e),
        shown(&text)
    );
    for cause in e.chain().skip(1) {
        eprintln!("  caused by: {}", shown(&cause));
    }
}

/// How the book is made, beyond the card settings its cover uses.
#[derive(Debug, Clone, Default)]
pub struct BookSettings {
    pub embed_font: bool,
    pub keep_punctuation: bool,
    /// Vertical writing (竖排) and right-to-left page order.
    pub vertical: bool,
    /// What the book says about itself (the command line fills it with `book_meta`).
    pub meta: BookMeta,
    /// Where the interview's images come from (its folder, its Word file, the web).
    pub images: super::images::ImageSources,
}

/// The book's metadata from the command line (or a job entry) and the environment; the
/// interview's own (date, outlet, source URL, roles) is added by [`with_interview`].
pub fn book_meta(input: &InputArgs, args: &BookArgs) -> anyhow::Result<BookMeta> {
    let source_date_epoch = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => Some(source_date_epoch(&v)?),
        Err(_) => None,
    };
    let source_note = input
        .input
        .is_none()
        .then(|| "文本来自jinju附带的访谈（网页抓取稿），经排版清理与勘误。".to_string());
    Ok(BookMeta {
        title: args.title.clone(),
        authors: args.author.clone(),
        language: args.language.clone(),
        date: args.date.clone(),
        source_date_epoch,
        source_note,
        ..BookMeta::default()
    })
}

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
pub fn book(
    iv: &Interview,
    sel: &Selection,
    s: &CardSettings,
    b: &BookSettings,
) -> anyhow::Result<Vec<u8>> {
    let title = b.meta.title_of(iv);
    // The cover card is rendered while the book's fonts are subset.
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
        figures: super::images::load(&iv.figures, &b.images),
        ..EpubOptions::default()
    };
    let render = || {
        super::cover::cover(iv, s, &title)
            .map(Some)
            .map_err(|e| format!("{e:#}"))
    };
    Ok(epub::build_with_cover(iv, &quotes, &opts, render)?)
}

/// `SOURCE_DATE_EPOCH` as seconds from 1970 to 9999, or an error saying what is wrong.
fn source_date_epoch(v: &str) -> anyhow::Result<i64> {
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
