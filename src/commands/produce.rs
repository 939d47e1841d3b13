//! Producing artifacts: cards rendered in parallel and staged as each is done (so memory holds
//! only the cards in flight, whatever their number), the cover, the EPUB. Everything goes to
//! a [`Staging`] run, so a failure here leaves the output folder untouched.

use crate::card::{self, FontBook, PngLevel, RenderOptions, Template};
use crate::epub::{self, EpubOptions};
use crate::interview::Interview;
use crate::output::{Artifact, Staging};
use crate::select::{self, Quote, QuoteKind, Selection, unsafe_id};
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
    pub level: PngLevel,
}

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

/// The template names a quote is rendered in.
fn names_for(q: &Quote, s: &CardSettings) -> Vec<String> {
    if !s.templates.is_empty() {
        s.templates.clone()
    } else if !q.templates.is_empty() {
        q.templates.clone()
    } else {
        DEFAULT_TEMPLATES.iter().map(|t| t.to_string()).collect()
    }
}

/// Render every quote in its templates, in parallel, staging each card in `run` as
/// `<prefix><id>.<template>.png` as soon as it is rendered: at most one card per thread is in
/// memory. All or nothing: the first error wins (and the staged run is then dropped).
pub fn render_cards(
    quotes: &[Quote],
    title: &str,
    s: &CardSettings,
    run: &Staging,
    prefix: &str,
) -> anyhow::Result<Vec<Artifact>> {
    let fonts = fonts(s)?;
    let tpl = templates(quotes.iter().flat_map(|q| names_for(q, s)))?;
    let jobs: Vec<(&Quote, String)> = quotes
        .iter()
        .flat_map(|q| names_for(q, s).into_iter().map(move |t| (q, t)))
        .collect();
    let bar = if s.quiet {
        ProgressBar::hidden()
    } else {
        ProgressBar::with_draw_target(Some(jobs.len() as u64), ProgressDrawTarget::stderr())
    };
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} cards {msg}") {
        bar.set_style(style);
    }
    let opts = RenderOptions {
        scale: s.scale,
        title: Some(title.to_string()),
        level: s.level,
        ..RenderOptions::default()
    };
    let out = jobs
        .par_iter()
        .map(|(q, name)| {
            let t = &tpl[name];
            let card = card::render(q, t, &fonts, &opts)
                .with_context(|| format!("cannot render quote `{}` as a {} card", q.id, t.name))?;
            let path = format!("{prefix}{}.{}.png", q.id, t.name);
            let sha256 = run.write(&path, &card.png)?;
            bar.inc(1);
            Ok(Artifact {
                path,
                kind: "card".into(),
                quote: Some(q.id.clone()),
                text: Some(q.text.clone()),
                template: Some(t.name.clone()),
                size: Some([card.width, card.height]),
                lines: card.lines,
                font_px: Some(card.size_px as f32),
                bytes: card.png.len(),
                sha256,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>();
    bar.finish_and_clear();
    out
}

/// The EPUB's cover: the quote `defaults.cover` names (else the first quote, else the title)
/// on the `cover` template.
fn cover(
    iv: &Interview,
    quotes: &[Quote],
    cover_id: Option<&str>,
    s: &CardSettings,
) -> anyhow::Result<Vec<u8>> {
    let chosen = match cover_id {
        Some(id) => Some(
            quotes
                .iter()
                .find(|q| q.id == id)
                .with_context(|| format!("the cover quote `{id}` is not in the selection"))?,
        ),
        None => quotes.iter().find(|q| q.kind != QuoteKind::Adhoc),
    };
    let quote = chosen
        .cloned()
        .unwrap_or_else(|| select::adhoc(&iv.meta.title, &iv.meta.interviewee));
    let t = Template::load("cover")?;
    let opts = RenderOptions {
        scale: 1.0,
        title: Some(iv.meta.title.clone()),
        level: s.level,
        ..RenderOptions::default()
    };
    Ok(card::render(&quote, &t, &fonts(s)?, &opts)
        .context("cannot render the EPUB cover")?
        .png)
}

/// Build the EPUB bytes, with its cover card rendered in the run's card settings.
pub fn book(
    iv: &Interview,
    sel: &Selection,
    s: &CardSettings,
    embed_font: bool,
    source: &str,
) -> anyhow::Result<Vec<u8>> {
    let (quotes, cover_png) = (
        &sel.quotes,
        Some(cover(iv, &sel.quotes, sel.cover.as_deref(), s)?),
    );
    let source_date_epoch = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => Some(source_date_epoch(&v)?),
        Err(_) => None,
    };
    // The book's text face and its bold (speaker labels, questions), subset by the EPUB.
    let embedded = |name: &str| {
        embed_font
            .then(|| card::embedded_font_bytes(name).map(<[u8]>::to_vec))
            .flatten()
    };
    let opts = EpubOptions {
        cover_png,
        font: embedded("serif"),
        font_bold: embedded("serif-bold"),
        source_date_epoch,
        source_note: Some(source.to_string()),
        ..EpubOptions::default()
    };
    Ok(epub::build(iv, quotes, &opts)?)
}

/// Latest `SOURCE_DATE_EPOCH` accepted: 9999-12-31T23:59:59Z (a four-digit year).
const MAX_EPOCH: i64 = 253_402_300_799;

/// `SOURCE_DATE_EPOCH` as seconds from 1970 to 9999, or an error saying what is wrong.
fn source_date_epoch(v: &str) -> anyhow::Result<i64> {
    let shown = crate::printable::excerpt(v, 40);
    let secs = v
        .trim()
        .parse::<i64>()
        .with_context(|| format!("SOURCE_DATE_EPOCH={shown:?} is not a number of seconds"))?;
    if !(0..=MAX_EPOCH).contains(&secs) {
        bail!(
            "SOURCE_DATE_EPOCH={secs} is out of range: give seconds since 1970-01-01, at most \
             {MAX_EPOCH} (the year 9999)"
        );
    }
    Ok(secs)
}

/// A file-name slug for the book: the title's letters and digits, other runs as `-`.
pub fn book_slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() > 56 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "interview".into()
    } else {
        slug
    }
}
