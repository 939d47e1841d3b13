//! The images made for how platforms post, besides one card per quote: carousels
//! (`--carousel PRESET` → `carousel/PRESET/01.png …`) and the long image (`--long` →
//! `long/01.png …`), staged with the run's other files and listed in its manifest.

use super::produce::{self, CardSettings};
use crate::card::{self, CardText, CarouselPreset, RenderOptions, SourceInfo, Template};
use crate::interview::Interview;
use crate::output::ArtifactKind;
use crate::output::{Artifact, Staging};
use crate::select::Selection;
use anyhow::{Context, bail};

/// Makes the carousels and the long image the settings ask for, staged under `prefix`;
/// their manifest entries.
pub fn render_extras(
    sel: &Selection,
    iv: &Interview,
    s: &CardSettings,
    run: &Staging,
    prefix: &str,
) -> anyhow::Result<Vec<Artifact>> {
    if s.carousels.is_empty() && !s.long {
        return Ok(Vec::new());
    }
    let quotes: Vec<CardText> = sel.iter().map(|q| CardText::from(&q)).collect();
    let source = crate::pipeline::source_info(iv, s);
    let fonts = produce::fonts(s)?;
    let options = RenderOptions {
        scale: s.scale,
        title: Some(iv.meta.title.clone()),
        encoding: s.encoding,
        source: Some(source.clone()),
    };
    let mut made = Vec::new();
    for preset in &s.carousels {
        made.extend(carousels(
            &quotes, &source, preset, &fonts, &options, run, prefix,
        )?);
    }
    if s.long {
        made.extend(long_image(
            &quotes, &source, s, &fonts, &options, run, prefix,
        )?);
    }
    Ok(made)
}

/// The template the long image is drawn in: the first `--template`, else portrait's design.
pub const LONG_TEMPLATE: &str = "portrait";

/// The long image, staged as `<prefix>long/01.<ext>` ….
fn long_image(
    quotes: &[CardText],
    source: &SourceInfo,
    s: &CardSettings,
    fonts: &card::FontBook,
    options: &RenderOptions,
    run: &Staging,
    prefix: &str,
) -> anyhow::Result<Vec<Artifact>> {
    let name = s.templates.first().map_or(LONG_TEMPLATE, String::as_str);
    let template = Template::load(name)?;
    if template.direction == card::Direction::Vertical {
        bail!(
            "--long stacks horizontal lines, but template `{}` is vertical: give a horizontal \
             template first (-t portrait)",
            template.name
        );
    }
    let images = card::render_long(
        quotes,
        source,
        &template,
        fonts,
        options,
        card::LongLimits::default(),
    )
    .context("cannot make the long image")?;
    let mut made = Vec::new();
    for (i, image) in images.into_iter().enumerate() {
        let ext = image.file.format.extension();
        let path = format!("{prefix}long/{:02}.{ext}", i + 1);
        let sha256 = run.write(&path, &image.file.bytes)?;
        made.push(Artifact {
            path,
            kind: ArtifactKind::Long,
            quote: None,
            text: None,
            template: Some(template.name.clone()),
            size: Some([image.width, image.height]),
            lines: Vec::new(),
            font_px: None,
            note: None,
            bytes: image.file.bytes.len(),
            sha256,
        });
    }
    Ok(made)
}

/// The folder of set `k` (from 0) of a preset: `carousel/xiaohongshu`, then
/// `carousel/xiaohongshu-2`, ….
pub fn set_folder(preset: &str, k: usize) -> String {
    match k {
        0 => format!("carousel/{preset}"),
        _ => format!("carousel/{preset}-{}", k + 1),
    }
}

/// Every set of one preset, staged as `<prefix><set folder>/01.<ext>` ….
fn carousels(
    quotes: &[CardText],
    source: &SourceInfo,
    preset: &CarouselPreset,
    fonts: &card::FontBook,
    options: &RenderOptions,
    run: &Staging,
    prefix: &str,
) -> anyhow::Result<Vec<Artifact>> {
    let template = Template::load(preset.template)?;
    let sets = card::plan_sets(quotes.len(), preset.max_images);
    if sets.len() > 1 {
        eprintln!(
            "note: {} quotes make {} {} carousels (at most {} images each, with a cover and \
             an end card): {}",
            quotes.len(),
            sets.len(),
            preset.name,
            preset.max_images,
            (0..sets.len())
                .map(|k| set_folder(preset.name, k))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let mut made = Vec::new();
    for (k, range) in sets.into_iter().enumerate() {
        let images = card::render_carousel(&quotes[range], source, &template, fonts, options)
            .with_context(|| format!("cannot make the {} carousel", preset.name))?;
        for (i, image) in images.into_iter().enumerate() {
            let ext = image.file.format.extension();
            let path = format!("{prefix}{}/{:02}.{ext}", set_folder(preset.name, k), i + 1);
            let sha256 = run.write(&path, &image.file.bytes)?;
            let text = image
                .quote
                .as_ref()
                .and_then(|id| quotes.iter().find(|q| &q.id == id))
                .map(|q| q.text.clone());
            made.push(Artifact {
                path,
                kind: ArtifactKind::Carousel,
                quote: image.quote,
                text,
                template: Some(preset.name.to_string()),
                size: Some([image.width, image.height]),
                lines: image.lines,
                font_px: None,
                note: None,
                bytes: image.file.bytes.len(),
                sha256,
            });
        }
    }
    Ok(made)
}
