//! `jinju cards`: render the selection as PNG cards into a folder, with a manifest.json.

use super::produce::{self, CardSettings};
use super::{load_interview, select_for_cards, with_threads};
use crate::card::Encoding;
use crate::cli::{CardArgs, CardsArgs};
use crate::output::{Manifest, OutDir};
use crate::settings::SelectSettings;
use anyhow::bail;

/// Card settings from the flags, validated.
pub fn settings(a: &CardArgs) -> anyhow::Result<CardSettings> {
    if !(a.scale.is_finite() && (0.1..=8.0).contains(&a.scale)) {
        bail!(
            "--scale {} is out of range: give a number from 0.1 to 8",
            a.scale
        );
    }
    if a.font.as_deref().is_some_and(crate::input_file::is_stdin) {
        bail!("--font -: a font is not read from standard input: give its file");
    }
    if a.template.iter().any(|t| t == "-") {
        bail!(
            "--template -: a template is not read from standard input (its images are found \
             beside it): give a preset name or its file"
        );
    }
    if !(1..=100).contains(&a.jpeg_quality) {
        bail!(
            "--jpeg-quality {} is out of range: give a whole number from 1 (smallest) to 100 \
             (best)",
            a.jpeg_quality
        );
    }
    Ok(CardSettings {
        templates: a.template.clone(),
        scale: a.scale,
        font: a.font.clone(),
        font_index: a.font_index,
        quiet: a.quiet,
        encoding: Encoding {
            format: a.image_format.into(),
            level: a.compression.into(),
            jpeg_quality: a.jpeg_quality,
            ..Encoding::default()
        },
        source: a.source.clone(),
        strict: a.strict,
        carousels: a
            .carousel
            .iter()
            .map(|name| crate::card::carousel_preset(name))
            .collect::<Result<_, _>>()?,
        long: a.long,
        link: super::platform::checked_link(a.link.as_deref())?,
    })
}

pub fn run(args: &CardsArgs) -> anyhow::Result<()> {
    if args.out.as_os_str() == "-" {
        bail!("--out -: cards are a folder of PNG files, not one stream: give a folder");
    }
    let s = settings(&args.card)?;
    let iv = load_interview(&args.input)?;
    let fit = produce::template_fit(&s)?;
    let select = SelectSettings::from_args(&args.select)?;
    let sel = select_for_cards(&iv, &select, args.input.input.is_none(), fit)?;
    if sel.is_empty() {
        bail!(super::NO_QUOTES);
    }
    let policy = super::output_policy(args.force, &args.input, &select, &s, None);
    let out = OutDir::create(&args.out, &policy)?;
    let run = out.stage()?;
    let written = with_threads(args.card.jobs, || {
        produce::render_cards(&sel, &super::platform::source_info(&iv, &s), &s, &run, "")
    })?;
    let extras = super::platform::render_extras(&sel, &iv, &s, &run, "")?;
    let manifest = Manifest::new(
        &iv.meta.title,
        args.input.input.as_deref(),
        sel.len(),
        extras,
    )
    .with_cards(written.entries);
    run.commit(&manifest)?;
    if !s.quiet {
        let (count, bytes) = manifest.totals();
        eprintln!(
            "wrote {} cards ({:.1} MB) to {}",
            count,
            bytes as f64 / 1e6,
            crate::printable::escape(&args.out.display().to_string())
        );
    }
    if written.skipped > 0 {
        return Err(produce::Skipped(written.skipped).into());
    }
    Ok(())
}
