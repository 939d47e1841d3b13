//! [`CardSettings`]: how cards are made, checked once from the card flags or from a job
//! entry's card keys over them (the same checks, the same messages naming the key).

use crate::card::{self, Encoding};
use crate::cli::CardArgs;
use anyhow::bail;
use std::path::PathBuf;

/// How cards are made.
#[derive(Debug, Clone)]
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
    /// warning and the run ends with [`Skipped`](crate::pipeline::Skipped)).
    pub strict: bool,
}

impl Default for CardSettings {
    /// The command line's defaults: the quotes' own templates (else portrait and square), at
    /// scale 1, embedded fonts, PNG, no carousel or long image.
    fn default() -> CardSettings {
        CardSettings {
            templates: Vec::new(),
            scale: 1.0,
            font: None,
            font_index: 0,
            quiet: false,
            encoding: Encoding::default(),
            source: None,
            carousels: Vec::new(),
            long: false,
            link: None,
            strict: false,
        }
    }
}

/// A job entry's card keys, as the job file gives them: they replace (`templates`, `long`)
/// or add to (`carousel`) the command line's.
#[derive(Debug, Clone, Default)]
pub struct CardEntry {
    pub templates: Vec<String>,
    pub carousel: Vec<String>,
    pub long: Option<bool>,
}

impl CardSettings {
    /// The card flags, checked.
    pub fn from_args(a: &CardArgs) -> anyhow::Result<CardSettings> {
        CardSettings::checked(a, "--template")
    }

    /// A job entry's card keys over the card flags, through the same checks (an error names
    /// the entry's key).
    pub fn from_entry(a: &CardArgs, e: &CardEntry) -> anyhow::Result<CardSettings> {
        let mut raw = a.clone();
        if !e.templates.is_empty() {
            raw.template = e.templates.clone();
        }
        raw.carousel.extend(e.carousel.iter().cloned());
        raw.long = e.long.unwrap_or(a.long);
        let key = if e.templates.is_empty() {
            "--template"
        } else {
            "templates"
        };
        CardSettings::checked(&raw, key)
    }

    /// `a` checked; `template_key` is how an error names where the templates came from.
    fn checked(a: &CardArgs, template_key: &str) -> anyhow::Result<CardSettings> {
        if !(a.scale.is_finite() && (0.1..=8.0).contains(&a.scale)) {
            bail!(
                "--scale {} is out of range: give a number from 0.1 to 8",
                a.scale
            );
        }
        if a.font.as_deref().is_some_and(crate::input_file::is_stdin) {
            bail!("--font -: a font is not read from standard input: give its file");
        }
        check_templates(&a.template, template_key)?;
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
            carousels: carousels(&a.carousel)?,
            long: a.long,
            link: checked_link(a.link.as_deref())?,
        })
    }
}

/// Template names: each a preset's name or a file, never standard input or empty.
fn check_templates(names: &[String], key: &str) -> anyhow::Result<()> {
    let shown = |v: &str| match key.strip_prefix("--") {
        Some(_) => format!("{key} {v}"),
        None => format!("`{key}: {v}`"),
    };
    for name in names {
        if name == "-" {
            bail!(
                "{}: a template is not read from standard input (its images are found \
                 beside it): give a preset name or its file",
                shown("-")
            );
        }
        if name.trim().is_empty() {
            bail!(
                "{}: a template's name is empty: give a preset name (`jinju templates` lists \
                 them) or its file",
                shown("\"\"")
            );
        }
    }
    Ok(())
}

/// The carousel presets named, each once.
fn carousels(names: &[String]) -> anyhow::Result<Vec<card::CarouselPreset>> {
    let mut presets = Vec::new();
    for name in names {
        let preset = card::carousel_preset(name)?;
        if !presets.contains(&preset) {
            presets.push(preset);
        }
    }
    Ok(presets)
}

/// `--link`: the address a QR code points to, checked to be an http(s) link.
pub fn checked_link(link: Option<&str>) -> anyhow::Result<Option<String>> {
    let Some(link) = link.map(str::trim) else {
        return Ok(None);
    };
    if !crate::epub::is_web_link(link) {
        bail!(
            "--link `{}` is not an http(s) address: give the original's web address, such as \
             https://36kr.com/p/123",
            crate::printable::excerpt(link, 60)
        );
    }
    if link.len() > card::MAX_LINK_BYTES {
        bail!(
            "--link is {} bytes long; a QR code that scans holds at most {}: give a shorter \
             address",
            link.len(),
            card::MAX_LINK_BYTES
        );
    }
    Ok(Some(link.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags() -> CardArgs {
        CardArgs {
            scale: 1.0,
            jpeg_quality: 90,
            carousel: vec!["instagram".into()],
            ..CardArgs::default()
        }
    }

    #[test]
    fn the_flags_are_checked_with_messages_naming_them() {
        let ok = CardSettings::from_args(&flags()).unwrap();
        assert_eq!(ok.carousels.len(), 1);
        let bad = |a: CardArgs| CardSettings::from_args(&a).unwrap_err().to_string();
        let scale = bad(CardArgs {
            scale: 9.0,
            ..flags()
        });
        assert!(scale.starts_with("--scale 9 is out of range"), "{scale}");
        let stdin = bad(CardArgs {
            template: vec!["-".into()],
            ..flags()
        });
        assert!(
            stdin.starts_with("--template -: a template is not read"),
            "{stdin}"
        );
        let link = bad(CardArgs {
            link: Some("javascript:x".into()),
            ..flags()
        });
        assert!(
            link.starts_with("--link `javascript:x` is not an http(s)"),
            "{link}"
        );
    }

    #[test]
    fn a_job_entry_goes_over_the_flags_through_the_same_checks() {
        let entry = CardEntry {
            templates: vec!["square".into()],
            carousel: vec!["instagram".into(), "xiaohongshu".into()],
            long: Some(true),
        };
        let s = CardSettings::from_entry(&flags(), &entry).unwrap();
        assert_eq!(s.templates, ["square"]);
        let names: Vec<&str> = s.carousels.iter().map(|p| p.name).collect();
        assert_eq!(names, ["instagram", "xiaohongshu"], "each preset once");
        assert!(s.long);
        let stdin = CardEntry {
            templates: vec!["-".into()],
            ..CardEntry::default()
        };
        let err = CardSettings::from_entry(&flags(), &stdin)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("`templates: -`: a template is not read"),
            "{err}"
        );
        let unknown = CardEntry {
            carousel: vec!["tiktok".into()],
            ..CardEntry::default()
        };
        let err = CardSettings::from_entry(&flags(), &unknown)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown carousel `tiktok`"), "{err}");
        let bad_flags = CardArgs {
            scale: 0.0,
            ..flags()
        };
        let err = CardSettings::from_entry(&bad_flags, &CardEntry::default()).unwrap_err();
        assert!(
            err.to_string().starts_with("--scale 0 is out of range"),
            "{err}"
        );
    }
}
