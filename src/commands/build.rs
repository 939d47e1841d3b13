//! `jinju build`: selection → cards → EPUB → manifest.json → index.html, for one interview,
//! every interview in a folder (`--input DIR`), or every entry of a batch job file.

use super::job::{self, Job};
use super::produce::{self, CardSettings};
use super::{load_interview, select_for_cards, with_threads};
use crate::cli::{BuildArgs, BuildFormat};
use crate::output::{self, Artifact, ArtifactKind, Entries, Manifest, OutDir, Policy};
use crate::printable::escape;

pub fn run(args: &BuildArgs) -> anyhow::Result<()> {
    if args.out.as_os_str() == "-" {
        anyhow::bail!(
            "--out -: `build` writes a folder of files (cards, the EPUB, manifest.json, \
             index.html), not one stream: give a folder; `jinju epub --out -` writes a book to \
             standard output"
        );
    }
    // A job file or a folder is a batch: `--format json` prints one array for it, whatever
    // the number of entries; a single interview prints its manifest alone.
    let (jobs, batch) = match (&args.job, &args.input.input) {
        (Some(path), _) => (job::load(path, args)?, true),
        (None, Some(dir)) if dir.is_dir() => (job::folder(dir, args)?, true),
        (None, _) => (vec![Job::from_args(args)?], false),
    };
    if jobs.len() > 1 {
        check_jobs(&jobs)?;
    }
    let mut built = Vec::with_capacity(jobs.len());
    let mut failed = Vec::new();
    for job in &jobs {
        let policy = super::output_policy(
            args.force,
            &job.input,
            &job.select,
            &job.card,
            args.job.as_deref(),
        );
        let m = match with_threads(args.card.jobs, || build_one(job, &policy)) {
            Ok(m) => m,
            Err(e) if args.keep_going && batch && !output::interrupted() => {
                eprintln!("error: {}: {e:#}", job_name(job));
                failed.push(job_name(job));
                continue;
            }
            Err(e) => return Err(e),
        };
        if !job.card.quiet && args.format == BuildFormat::Text {
            summary(job, &m, args.verbose);
        }
        built.push((m, job));
    }
    if args.format == BuildFormat::Json {
        // manifest.json as written: one object, or one array of them for a batch.
        let mut json = Vec::new();
        json.extend_from_slice(if batch { b"[\n" } else { b"" });
        for (k, (m, job)) in built.iter().enumerate() {
            if k > 0 {
                json.extend_from_slice(b",\n");
            }
            m.write_json_in(&mut json, output::folder_id(&job.out).as_deref())?;
        }
        json.extend_from_slice(if batch { b"]\n" } else { b"" });
        super::emit(&crate::printable::json(&String::from_utf8_lossy(&json)))?;
    }
    if !failed.is_empty() {
        anyhow::bail!(
            "{} of {} builds failed (the errors above): {}; the others were built",
            failed.len(),
            jobs.len(),
            failed.join(", ")
        );
    }
    Ok(())
}

/// How a failed job of a batch is named: its input file, else its output folder.
fn job_name(job: &Job) -> String {
    let path = job.input.input.as_deref().unwrap_or(&job.out);
    format!("`{}`", escape(&path.display().to_string()))
}

/// `title: 22 quotes → 44 cards, EPUB, manifest, gallery (1.2 MB) in DIR`, naming only what
/// was made.
fn summary(job: &Job, m: &Manifest, verbose: bool) {
    let cards = m.cards.len();
    let (_, bytes) = m.totals();
    if verbose {
        let _ = m.each(|a| {
            eprintln!("  {} ({} bytes)", escape(&a.path), a.bytes);
            Ok(())
        });
    }
    let mut made = Vec::new();
    if job.cards {
        made.push(format!("{cards} cards"));
    }
    if job.epub {
        made.push("EPUB".to_string());
    }
    made.extend(["manifest".to_string(), "gallery".to_string()]);
    eprintln!(
        "{}: {} quotes → {} ({:.1} MB) in {}",
        escape(&m.title),
        m.quotes,
        made.join(", "),
        bytes as f64 / 1e6,
        escape(&job.out.display().to_string())
    );
}

/// Build one job. Files are staged as they are made and swapped in last (see
/// [`crate::output::OutDir`]), so a failure leaves the output folder as it was.
pub fn build_one(job: &Job, policy: &Policy) -> anyhow::Result<Manifest> {
    let iv = load_interview(&job.input)?;
    let fit = if job.cards {
        produce::template_fit(&job.card)?
    } else {
        None
    };
    let sel = select_for_cards(&iv, &job.select, job.input.is_bundled(), fit)?;
    if job.cards && sel.is_empty() {
        anyhow::bail!(super::NO_QUOTES);
    }
    let out = OutDir::create(&job.out, policy)?;
    let run = out.stage()?;
    let (cards, book) = rayon::join(
        || {
            if job.cards {
                // A job is all or nothing, as before `--strict` existed.
                let card = CardSettings {
                    strict: true,
                    ..job.card.clone()
                };
                let source = crate::pipeline::source_info(&iv, &card);
                produce::render_cards(&sel, &source, &card, &run, "cards/").map(|r| r.entries)
            } else {
                Ok(Entries::default())
            }
        },
        || -> anyhow::Result<Option<Vec<u8>>> {
            if !job.epub {
                return Ok(None);
            }
            Ok(Some(produce::book_with(&iv, &sel, &job.card, &job.book)?))
        },
    );
    let cards = cards?;
    let mut artifacts = if job.cards {
        super::platform::render_extras(&sel, &iv, &job.card, &run, "")?
    } else {
        Vec::new()
    };
    if let Some(book) = book? {
        let title = job.book.meta.title_of(&iv);
        let path = format!("{}.epub", produce::book_slug(&title));
        let sha256 = run.write(&path, &book)?;
        artifacts.push(Artifact::plain(
            path,
            ArtifactKind::Epub,
            book.len(),
            sha256,
        ));
    }
    let mut manifest = Manifest::new(
        &iv.meta.title,
        job.input.input.as_deref(),
        sel.len(),
        artifacts,
    )
    .with_cards(cards);
    let (sha256, len) = run.write_with("index.html", |w| output::gallery(&manifest, w))?;
    manifest.artifacts.push(Artifact::plain(
        "index.html".into(),
        ArtifactKind::Gallery,
        len,
        sha256,
    ));
    run.commit(&manifest)?;
    if !job.card.quiet {
        dropped_summary(&iv.dropped);
    }
    Ok(manifest)
}

/// Before the first job is built: every job's input exists and no two jobs write to one
/// folder (the later would silently replace the earlier's outputs).
fn check_jobs(jobs: &[Job]) -> anyhow::Result<()> {
    let mut outs = std::collections::HashMap::new();
    for (k, job) in jobs.iter().enumerate() {
        if let Some(input) = job.input.input.as_deref()
            && input.as_os_str() != "-"
            && !input.exists()
        {
            anyhow::bail!(
                "job {}: input `{}` does not exist: check the path (no job was built)",
                k + 1,
                escape(&input.display().to_string())
            );
        }
        let key = std::path::absolute(&job.out).unwrap_or_else(|_| job.out.clone());
        if let Some(first) = outs.insert(key, k + 1) {
            anyhow::bail!(
                "jobs {first} and {} both write to `{}`: give each job its own `out` (no job \
                 was built)",
                k + 1,
                escape(&job.out.display().to_string())
            );
        }
    }
    Ok(())
}

/// One line saying what the reader left out of the book as page furniture, if anything.
fn dropped_summary(dropped: &[String]) {
    let Some(first) = dropped.first() else {
        return;
    };
    eprintln!(
        "dropped {} block(s) as page furniture, not in the book (first: “{}”); `jinju inspect` \
         lists them all",
        dropped.len(),
        crate::printable::excerpt(first, 30)
    );
}
