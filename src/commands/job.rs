//! Batch jobs: `jinju build --job job.yaml` runs many interviews, selections, templates and
//! outputs in one go. Paths in the job file are relative to the file's folder, and a job's
//! `out` must stay inside that folder unless `--allow-absolute-paths`.

use super::images::ImageSources;
use super::read_text;
use crate::cli::{BookArgs, BuildArgs, InputArgs};
use crate::settings::{BookSettings, CardEntry, CardSettings, InputSettings, SelectSettings};
use anyhow::bail;
use serde::Deserialize;
use std::path::Component;
use std::path::{Path, PathBuf};

/// One build to run.
#[derive(Debug, Clone)]
pub struct Job {
    pub input: InputSettings,
    pub select: SelectSettings,
    pub card: CardSettings,
    pub out: PathBuf,
    pub cards: bool,
    pub epub: bool,
    pub book: BookSettings,
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
        let input = InputSettings::from_args(&a.input)?;
        Ok(Job {
            select: SelectSettings::from_args(&a.select)?,
            card: CardSettings::from_args(&a.card)?,
            out: a.out.clone(),
            cards: true,
            epub: true,
            book: BookSettings::from_args(&input, &a.book, !a.no_embed_font, Some(&a.out))?,
            input,
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
    /// Carousels to make (as `--carousel`): `carousel: xiaohongshu` or a list.
    carousel: Option<Names>,
    /// Make the long image (as `--long`).
    long: Option<bool>,
    /// Output folder (required).
    out: PathBuf,
    #[serde(default = "yes")]
    cards: bool,
    #[serde(default = "yes")]
    epub: bool,
    /// The book's title, author(s), date and language (as `--title` … `--language`).
    title: Option<String>,
    author: Option<Names>,
    date: Option<String>,
    language: Option<String>,
    /// Set the book vertically (as `--vertical`).
    vertical: Option<bool>,
    /// Who asks and who answers, by label or name (as `--interviewer` and `--guest`).
    interviewer: Option<Names>,
    guest: Option<Names>,
    /// Names to print for labels, `{label: full name}` (as `--name LABEL=FULL NAME`).
    #[serde(default)]
    names: std::collections::BTreeMap<String, String>,
}

impl Names {
    fn list(&self) -> Vec<String> {
        match self {
            Names::One(n) => vec![n.clone()],
            Names::Many(n) => n.clone(),
        }
    }
}

/// One name or a list of names.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Names {
    One(String),
    Many(Vec<String>),
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JobFile {
    jobs: Vec<Entry>,
}

/// The extensions `--input DIR` reads.
const INTERVIEW_EXTENSIONS: &[&str] =
    &["md", "markdown", "txt", "html", "htm", "srt", "vtt", "docx"];

/// `build --input DIR`: one job per interview file in the folder (Markdown, HTML, text,
/// SRT, WebVTT, Word; not recursive), in name order, each into `--out/<file stem>`.
pub fn folder(dir: &Path, args: &BuildArgs) -> anyhow::Result<Vec<Job>> {
    let shown = dir.display();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("cannot list the folder `{shown}`: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| INTERVIEW_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        bail!(
            "the folder `{shown}` holds no interview (.md, .markdown, .txt, .html or .htm files)"
        );
    }
    let base = Job::from_args(args)?;
    let mut stems: Vec<String> = Vec::new();
    files
        .into_iter()
        .map(|f| {
            let stem: String = f
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
                .chars()
                .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c })
                .collect();
            let stem = stem.trim_start_matches('.').to_string();
            if stem.is_empty() || stems.contains(&stem) {
                bail!("`{}`: its name gives no usable output folder, or the same as another file's; rename it", f.display());
            }
            stems.push(stem.clone());
            let mut job = base.clone();
            job.out = args.out.join(&stem);
            job.book.images = ImageSources::new(Some(&f), &args.book, Some(&job.out));
            job.input = InputSettings::from_args(&InputArgs {
                input: Some(f),
                ..args.input.clone()
            })?;
            Ok(job)
        })
        .collect()
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
    file.jobs
        .iter()
        .enumerate()
        .map(|(i, e)| {
            entry_job(e, &base, args, &rel)
                .map_err(|err| anyhow::anyhow!("{shown}: job {}: {err:#}", i + 1))
        })
        .collect()
}

/// One entry of a job file over the command line's settings (`base`, from `args`), through
/// the same checks as the flags; `rel` resolves its paths against the job file's folder.
fn entry_job(
    e: &Entry,
    base: &Job,
    args: &BuildArgs,
    rel: &dyn Fn(&PathBuf) -> PathBuf,
) -> anyhow::Result<Job> {
    let mut job = base.clone();
    let mut input = InputArgs {
        input: e.input.as_ref().map(rel),
        errata: e.errata.as_ref().map(rel),
        ..args.input.clone()
    };
    input
        .interviewer
        .extend(e.interviewer.iter().flat_map(Names::list));
    input.guest.extend(e.guest.iter().flat_map(Names::list));
    input
        .names
        .extend(e.names.iter().map(|(l, n)| (l.clone(), n.clone())));
    job.input = InputSettings::from_args(&input)?;
    job.select.quotes = e.quotes.as_ref().map(rel);
    job.select.auto = e.auto;
    let card = CardEntry {
        templates: e.templates.clone(),
        carousel: e.carousel.iter().flat_map(Names::list).collect(),
        long: e.long,
    };
    job.card = CardSettings::from_entry(&args.card, &card)?;
    job.out = rel(&e.out);
    job.cards = e.cards;
    job.epub = e.epub;
    let book = BookArgs {
        title: e.title.clone().or_else(|| args.book.title.clone()),
        author: e
            .author
            .as_ref()
            .map_or_else(|| args.book.author.clone(), Names::list),
        date: e.date.clone().or_else(|| args.book.date.clone()),
        language: e.language.clone().or_else(|| args.book.language.clone()),
        vertical: e.vertical.unwrap_or(args.book.vertical),
        ..args.book.clone()
    };
    job.book = BookSettings::from_args(&job.input, &book, base.book.embed_font, Some(&job.out))?;
    Ok(job)
}
