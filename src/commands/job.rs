//! Batch jobs: `jinju build --job job.yaml` runs many interviews, selections, templates and
//! outputs in one go. Paths in the job file are relative to the file's folder, and a job's
//! `out` must stay inside that folder unless `--allow-absolute-paths`.

use super::cards::settings;
use super::produce::CardSettings;
use super::read_text;
use crate::cli::{BuildArgs, InputArgs, SelectArgs};
use anyhow::bail;
use serde::Deserialize;
use std::path::Component;
use std::path::{Path, PathBuf};

/// One build to run.
#[derive(Debug, Clone)]
pub struct Job {
    pub input: InputArgs,
    pub select: SelectArgs,
    pub card: CardSettings,
    pub out: PathBuf,
    pub cards: bool,
    pub epub: bool,
    pub embed_font: bool,
}

/// True when `p` is absolute or climbs out of its base with `..`.
fn leaves_folder(p: &Path) -> bool {
    let mut depth = 0i64;
    for c in p.components() {
        match c {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir => depth -= 1,
            Component::RootDir | Component::Prefix(_) => return true,
        }
        if depth < 0 {
            return true;
        }
    }
    false
}

impl Job {
    pub fn from_args(a: &BuildArgs) -> anyhow::Result<Job> {
        Ok(Job {
            input: a.input.clone(),
            select: a.select.clone(),
            card: settings(&a.card)?,
            out: a.out.clone(),
            cards: true,
            epub: true,
            embed_font: !a.no_embed_font,
        })
    }
}

/// One entry of a job file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    /// The interview (default: the bundled one).
    input: Option<PathBuf>,
    /// The quotes file (default: the bundled selection for the bundled interview).
    quotes: Option<PathBuf>,
    /// An errata file for the input.
    errata: Option<PathBuf>,
    /// The N best lines instead of a quotes file.
    auto: Option<usize>,
    /// Card templates (default: each quote's own, else portrait and square).
    #[serde(default)]
    templates: Vec<String>,
    /// Output folder (required).
    out: PathBuf,
    #[serde(default = "yes")]
    cards: bool,
    #[serde(default = "yes")]
    epub: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JobFile {
    jobs: Vec<Entry>,
}

/// Read a job file; the command line's card settings apply to every job unless it overrides.
pub fn load(path: &Path, args: &BuildArgs) -> anyhow::Result<Vec<Job>> {
    let text = read_text(path, "job file", crate::yaml::MAX_YAML_BYTES as u64)?;
    let file: JobFile = crate::yaml::parse(&text, &path.display().to_string())?;
    if file.jobs.is_empty() {
        bail!(
            "{}: `jobs` is empty: list at least one build",
            path.display()
        );
    }
    let dir = path.parent().unwrap_or(Path::new(""));
    let rel = |p: &PathBuf| {
        if p.is_absolute() {
            p.clone()
        } else {
            dir.join(p)
        }
    };
    let shown = crate::printable::escape(&path.display().to_string());
    for (i, e) in file.jobs.iter().enumerate() {
        let n = i + 1;
        if e.out.as_os_str().is_empty() {
            bail!("{shown}: job {n}: `out` is empty: name the output folder");
        }
        if !e.cards && !e.epub {
            bail!("{shown}: job {n}: `cards: false` and `epub: false` leave nothing to build");
        }
        if !args.allow_absolute_paths && leaves_folder(&e.out) {
            bail!(
                "{shown}: job {n}: `out: {}` is outside the job file's folder: use a relative \
                 path inside it, or pass --allow-absolute-paths",
                crate::printable::escape(&e.out.display().to_string())
            );
        }
    }
    let base = Job::from_args(args)?;
    Ok(file
        .jobs
        .iter()
        .map(|e| {
            let mut job = base.clone();
            job.input = InputArgs {
                input: e.input.as_ref().map(rel),
                errata: e.errata.as_ref().map(rel),
                ..args.input.clone()
            };
            job.select = SelectArgs {
                quotes: e.quotes.as_ref().map(rel),
                auto: e.auto,
                ..args.select.clone()
            };
            if !e.templates.is_empty() {
                job.card.templates = e.templates.clone();
            }
            job.out = rel(&e.out);
            job.cards = e.cards;
            job.epub = e.epub;
            job
        })
        .collect())
}
