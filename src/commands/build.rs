//! `jinju build`: selection → cards → EPUB → manifest.json → index.html, for one interview,
//! every interview in a folder (`--input DIR`), or every entry of a batch job file.

use super::job::{self, Job};
use super::produce::{self, CardSettings};
use super::{load_interview, select_quotes, with_threads};
use crate::cli::{BuildArgs, BuildFormat};
use crate::output::{self, Artifact, Manifest, OutDir};

pub fn run(args: &BuildArgs) -> anyhow::Result<()> {
    let jobs = match (&args.job, &args.input.input) {
        (Some(path), _) => job::load(path, args)?,
        (None, Some(dir)) if dir.is_dir() => job::folder(dir, args)?,
        (None, _) => vec![Job::from_args(args)?],
    };
    let mut manifests = Vec::with_capacity(jobs.len());
    for job in &jobs {
        let m = with_threads(args.card.jobs, || build_one(job))?;
        if !job.card.quiet && args.format == BuildFormat::Text {
            summary(job, &m, args.verbose);
        }
        manifests.push(m);
    }
    if args.format == BuildFormat::Json {
        let json = if args.job.is_some() {
            serde_json::to_string_pretty(&manifests)?
        } else {
            serde_json::to_string_pretty(&manifests[0])?
        };
        super::emit(&(json + "\n"))?;
    }
    Ok(())
}

fn summary(job: &Job, m: &Manifest, verbose: bool) {
    let cards = m.artifacts.iter().filter(|a| a.kind == "card").count();
    let bytes: usize = m.artifacts.iter().map(|a| a.bytes).sum();
    if verbose {
        for a in &m.artifacts {
            eprintln!("  {} ({} bytes)", a.path, a.bytes);
        }
    }
    eprintln!(
        "{}: {} quotes → {} cards, EPUB, manifest, gallery ({:.1} MB) in {}",
        m.title,
        m.quotes,
        cards,
        bytes as f64 / 1e6,
        job.out.display()
    );
}

/// Build one job: everything is produced in memory first, then written atomically.
pub fn build_one(job: &Job) -> anyhow::Result<Manifest> {
    let iv = load_interview(&job.input)?;
    let sel = select_quotes(&iv, &job.select, job.input.input.is_none())?;
    let s: &CardSettings = &job.card;
    let (cards, book) = rayon::join(
        || {
            if job.cards {
                produce::render_cards(&sel.quotes, &iv.meta.title, s)
            } else {
                Ok(Vec::new())
            }
        },
        || -> anyhow::Result<Option<Vec<u8>>> {
            if !job.epub {
                return Ok(None);
            }
            Ok(Some(produce::book(&iv, &sel, s, &job.book)?))
        },
    );
    let (cards, book) = (cards?, book?);
    let out = OutDir::create(&job.out)?;
    let mut artifacts = produce::write_cards(&out, "cards/", &cards)?;
    if let Some(book) = book {
        let title = produce::book_title(&iv, &job.book.meta);
        let path = format!("{}.epub", produce::book_slug(&title));
        let sha256 = out.write(&path, &book)?;
        artifacts.push(plain(path, "epub", book.len(), sha256));
    }
    let mut manifest = Manifest {
        generator: format!("jinju {}", env!("CARGO_PKG_VERSION")),
        title: iv.meta.title.clone(),
        input: job
            .input
            .input
            .as_ref()
            .map_or_else(|| "bundled".to_string(), |p| p.display().to_string()),
        quotes: sel.quotes.len(),
        artifacts,
    };
    let html = output::gallery(&manifest);
    let sha256 = out.write("index.html", html.as_bytes())?;
    manifest
        .artifacts
        .push(plain("index.html".into(), "gallery", html.len(), sha256));
    out.write("manifest.json", manifest.to_json().as_bytes())?;
    Ok(manifest)
}

fn plain(path: String, kind: &str, bytes: usize, sha256: String) -> Artifact {
    Artifact {
        path,
        kind: kind.into(),
        quote: None,
        text: None,
        template: None,
        size: None,
        lines: Vec::new(),
        font_px: None,
        bytes,
        sha256,
    }
}
