//! Producing artifacts in memory, before anything is written: cards rendered in parallel,
//! the cover, the EPUB. A failure here leaves the output folder untouched.

use crate::card::{self, Card, FontBook, PngLevel, RenderOptions, Template};
use crate::epub::{self, EpubOptions};
use crate::interview::Interview;
use crate::output::{Artifact, OutDir};
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
    /// `--source`: the footer title of ad hoc cards (none without it).
    pub source: Option<String>,
}

/// One rendered card and what the manifest says of it.
pub struct Rendered {
    pub quote: Quote,
    pub template: String,
    pub card: Card,
}

/// The fonts for this run: the embedded ones, plus `--font FILE`.
pub fn fonts(s: &CardSettings) -> anyhow::Result<FontBook> {
    let book = FontBook::embedded();
    Ok(match &s.font {
        Some(path) => book.with_font_file(path, s.font_index)?,
        None => book,
    })
}

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

/// Render every quote in its templates, in parallel. All or nothing: the first error wins.
pub fn render_cards(
    quotes: &[Quote],
    title: &str,
    s: &CardSettings,
) -> anyhow::Result<Vec<Rendered>> {
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
            // Ad hoc text is not the interview's: credit it from the flags or not at all.
            let adhoc;
            let opts = if q.kind == QuoteKind::Adhoc {
                adhoc = RenderOptions {
                    title: s.source.clone(),
                    ..opts.clone()
                };
                &adhoc
            } else {
                &opts
            };
            let card = card::render(q, t, &fonts, opts)
                .with_context(|| format!("cannot render quote `{}` as a {} card", q.id, t.name))?;
            bar.inc(1);
            Ok(Rendered {
                quote: (*q).clone(),
                template: t.name.clone(),
                card,
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
        Ok(v) => Some(
            v.trim()
                .parse::<i64>()
                .with_context(|| format!("SOURCE_DATE_EPOCH={v:?} is not a number of seconds"))?,
        ),
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

/// Write rendered cards under `dir` (`<prefix><id>.<template>.png`) and describe them.
pub fn write_cards(
    out: &OutDir,
    prefix: &str,
    cards: &[Rendered],
) -> anyhow::Result<Vec<Artifact>> {
    cards
        .iter()
        .map(|r| {
            let path = format!("{prefix}{}.{}.png", r.quote.id, r.template);
            let sha256 = out.write(&path, &r.card.png)?;
            Ok(Artifact {
                path,
                kind: "card".into(),
                quote: Some(r.quote.id.clone()),
                text: Some(r.quote.text.clone()),
                template: Some(r.template.clone()),
                size: Some([r.card.width, r.card.height]),
                lines: r.card.lines.clone(),
                font_px: Some(r.card.size_px as f32),
                bytes: r.card.png.len(),
                sha256,
            })
        })
        .collect()
}
