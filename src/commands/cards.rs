//! `jinju cards`: render the selection as PNG cards into a folder, with a manifest.json.

use super::produce;
use super::{load_interview, select_for_cards, with_threads};
use crate::cli::CardsArgs;
use crate::output::{Manifest, OutDir};
use crate::settings::{CardSettings, InputSettings, SelectSettings};
use anyhow::bail;

pub fn run(args: &CardsArgs) -> anyhow::Result<()> {
    if args.out.as_os_str() == "-" {
        bail!("--out -: cards are a folder of PNG files, not one stream: give a folder");
    }
    let s = CardSettings::from_args(&args.card)?;
    let input = InputSettings::from_args(&args.input)?;
    let iv = load_interview(&input)?;
    let fit = produce::template_fit(&s)?;
    let select = SelectSettings::from_args(&args.select)?;
    let sel = select_for_cards(&iv, &select, input.is_bundled(), fit)?;
    if sel.is_empty() {
        bail!(super::NO_QUOTES);
    }
    let policy = super::output_policy(args.force, &input, &select, &s, None);
    let out = OutDir::create(&args.out, &policy)?;
    let run = out.stage()?;
    let written = with_threads(args.card.jobs, || {
        produce::render_cards(&sel, &crate::pipeline::source_info(&iv, &s), &s, &run, "")
    })?;
    let extras = super::platform::render_extras(&sel, &iv, &s, &run, "")?;
    let manifest = Manifest::new(&iv.meta.title, input.input.as_deref(), sel.len(), extras)
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
