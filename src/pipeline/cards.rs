//! Cards in rounds: every quote of a selection rendered in its templates, in parallel, each
//! card handed to a [`CardSink`] as soon as it is done (so memory holds only the cards in
//! flight, whatever their number). The sink decides where a card goes (a staged folder, a
//! zip, a network reply) and what is kept of it.

use crate::card::{self, Card, CardText, FontBook, RenderOptions, SourceInfo, Template};
use crate::interview::{Interview, Role};
use crate::select::{Quote, QuoteKind, Selection, unsafe_id};
use crate::settings::CardSettings;
use anyhow::{Context, bail};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// The templates a run uses when neither the command line nor the quote names any.
pub const DEFAULT_TEMPLATES: [&str; 2] = ["portrait", "square"];

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

/// What the interview says of itself, for the covers, end cards and title blocks; the link
/// is `--link`, else the interview's own address when it is an http(s) one.
pub fn source_info(iv: &Interview, s: &CardSettings) -> SourceInfo {
    let own = iv
        .meta
        .source_url
        .as_deref()
        .filter(|u| crate::epub::is_web_link(u) && u.len() <= card::MAX_LINK_BYTES)
        .map(|u| u.trim().to_string());
    SourceInfo {
        title: iv.meta.title.clone(),
        guests: iv.names_by_role(Role::Guest),
        outlet: iv.meta.outlet.clone(),
        date: iv.meta.date.clone(),
        link: s.link.clone().or(own),
        names: iv.names(),
    }
}

/// Where the cards of [`render_cards`] go.
pub trait CardSink: Sync {
    /// What is kept of a card once it is stored (a manifest entry, a file name).
    type Kept: Send;
    /// How many cards there will be, before the first.
    fn start(&mut self, _cards: u64) {}
    /// Store one card of `quote` in `template` (called from many threads at once).
    fn store(&self, quote: &Quote, template: &Template, card: Card) -> anyhow::Result<Self::Kept>;
    /// Keep what `store` returned, in the selection's order.
    fn keep(&mut self, kept: Self::Kept) -> anyhow::Result<()>;
    /// A card left out (without `strict`): `line` is the line of the lines file it came from.
    fn skipped(&mut self, quote: &Quote, line: Option<usize>, error: &anyhow::Error);
}

/// Cards rendered in parallel between two calls of [`CardSink::keep`] for their round.
const CARDS_PER_ROUND: usize = 256;

/// Render every quote of `sel` in its templates, in parallel, handing each card to `sink` as
/// soon as it is rendered. Quotes are taken from the selection in rounds of about
/// `CARDS_PER_ROUND` cards (a lines file's quotes are made as they are reached), so memory
/// holds the quotes of one round and at most one card per thread. A card that cannot be
/// rendered is passed to [`CardSink::skipped`] with an error naming the quote and the
/// template; with `s.strict`, all or nothing: the first error wins. Returns the cards skipped.
pub fn render_cards<S: CardSink>(
    sel: &Selection,
    source: &card::SourceInfo,
    s: &CardSettings,
    sink: &mut S,
) -> anyhow::Result<usize> {
    let fonts = fonts(s)?;
    // A first pass over the quotes, before any card: every template is loaded (and checked)
    // and the cards are counted.
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
    sink.start(cards);
    let opts = RenderOptions {
        scale: s.scale,
        title: Some(source.title.clone()),
        encoding: s.encoding,
        source: Some(source.clone()),
    };
    let adhoc = RenderOptions {
        // Ad hoc text is not the interview's: credit it from the flags or not at all, with
        // only what the flags say: the link of `--link`, no date or outlet.
        title: s.source.clone(),
        source: Some(card::SourceInfo {
            title: s.source.clone().unwrap_or_default(),
            link: s.link.clone(),
            ..card::SourceInfo::default()
        }),
        ..opts.clone()
    };
    let render = |&(q, name): &(&Quote, &String), store: &S| -> anyhow::Result<S::Kept> {
        let t = &tpl[name];
        let opts = if q.kind == QuoteKind::Adhoc {
            &adhoc
        } else {
            &opts
        };
        let card = card::render(&CardText::from(q), t, &fonts, opts)
            .with_context(|| format!("cannot render quote `{}` as a {} card", q.id, t.name))?;
        store.store(q, t, card)
    };
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
        let store = &*sink;
        let tried: Vec<anyhow::Result<S::Kept>> =
            jobs.par_iter().map(|job| render(job, store)).collect();
        let mut made = Vec::with_capacity(tried.len());
        for ((q, _), result) in jobs.iter().zip(tried) {
            match result {
                Ok(a) => made.push(a),
                Err(e) if s.strict => return Err(e),
                Err(e) => {
                    skipped += 1;
                    sink.skipped(q, sel.line_of(&q.id), &e);
                }
            }
        }
        for a in made {
            sink.keep(a)?;
        }
    }
    Ok(skipped)
}
