//! The command line as clap sees it: raw arguments only. Validation happens when the
//! commands turn these into settings.

mod values;
pub use values::{BuildFormat, CardFormat, Compression};

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// jinju (金句): Chinese interview → quote cards (PNG) and an EPUB.
#[derive(Debug, Parser)]
#[command(name = "jinju", version, long_version = crate::version::LONG, about, long_about = None,
    after_help = "Exit codes: 0 success, 1 failure (bad input, a misquote, an unwritable output), \
2 usage error, 3 cards skipped (without --strict), 130 interrupted.\n\
`-` is standard input for every input flag, and standard output for `epub --out`.")]
pub struct Cli {
    /// When to colour messages: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, global = true, value_enum, default_value_t = clap::ColorChoice::Auto, value_name = "WHEN")]
    pub color: clap::ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the structure of an interview: meta, sections, paragraphs with their addresses.
    Inspect(InspectArgs),
    /// List the selected quotes (curated, filtered, ranked or ad hoc).
    Quotes(QuotesArgs),
    /// Render the selected quotes as PNG cards.
    Cards(CardsArgs),
    /// Build the EPUB of the whole interview.
    Epub(EpubArgs),
    /// Everything: cards, EPUB, manifest.json and index.html (or a batch with --job).
    Build(BuildArgs),
    /// List the card template presets with their sizes.
    Templates,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `jinju manpage > jinju.1`.
    #[command(hide = true)]
    Manpage,
}

/// Where the interview comes from and how it is read.
#[derive(Debug, Args, Clone, Default)]
pub struct InputArgs {
    /// Interview to read instead of the bundled one: a Markdown, HTML, plain-text, SRT, WebVTT,
    /// transcript-export or Word (.docx) file, or `-` for standard input.
    #[arg(long, short, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// The input's syntax (default: from the file's extension, else from its content).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub from: Option<InputFormat>,
    /// Keep the source's ASCII punctuation (no conversion to full-width in Chinese context).
    #[arg(long)]
    pub keep_punctuation: bool,
    /// Do not apply errata (read the text as scraped).
    #[arg(long)]
    pub no_errata: bool,
    /// Errata file to apply, or `-` for standard input (default: the bundled errata for the bundled interview; none for
    /// another --input).
    #[arg(long, value_name = "FILE")]
    pub errata: Option<PathBuf>,
    /// A speaker who asks, by label or name (repeat for each); wins over jinju's guess.
    #[arg(long, value_name = "NAME")]
    pub interviewer: Vec<String>,
    /// A speaker who answers, by label or name (repeat for each); for a talk or a text without
    /// labels, the speaker's name.
    #[arg(long, value_name = "NAME")]
    pub guest: Vec<String>,
    /// The name to print for a speaker label: `--name 朱=朱福強` (repeat for each).
    #[arg(long = "name", value_name = "LABEL=FULL NAME", value_parser = crate::interview::Overrides::parse_name)]
    pub names: Vec<(String, String)>,
    /// The interview's encoding when it is not UTF-8, UTF-16 or UTF-32 (`GB18030`, `Big5`,
    /// `Shift_JIS`…; any WHATWG label).
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

impl InputArgs {
    /// What the user says about who is who.
    pub fn people(&self) -> crate::interview::Overrides {
        crate::interview::Overrides {
            interviewers: self.interviewer.clone(),
            guests: self.guest.clone(),
            names: self.names.clone(),
        }
    }
}

/// An `--encoding` label, as the WHATWG Encoding Standard names encodings.
fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(label.as_bytes()).ok_or_else(|| {
        "unknown encoding: give one such as GB18030, Big5, Shift_JIS, EUC-KR, UTF-16LE".to_string()
    })
}

/// An input syntax, as `--from` names it.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputFormat {
    Text,
    Markdown,
    Html,
    /// SubRip subtitles (`.srt`).
    Srt,
    /// WebVTT subtitles (`.vtt`).
    Vtt,
    /// A 飞书妙记 / 讯飞听见-style export: a speaker and timestamp line, the words below.
    Transcript,
    /// A Word document (`.docx`, also from WPS and Feishu).
    Docx,
}

impl From<InputFormat> for crate::read::Format {
    fn from(f: InputFormat) -> Self {
        match f {
            InputFormat::Text => crate::read::Format::Text,
            InputFormat::Markdown => crate::read::Format::Markdown,
            InputFormat::Html => crate::read::Format::Html,
            InputFormat::Srt => crate::read::Format::Srt,
            InputFormat::Vtt => crate::read::Format::Vtt,
            InputFormat::Transcript => crate::read::Format::Transcript,
            InputFormat::Docx => crate::read::Format::Docx,
        }
    }
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = InspectFormat::Text)]
    pub format: InspectFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InspectFormat {
    Text,
    Json,
    /// What the reader extracted, before any interview structure: blocks and their spans.
    Document,
}

/// Which quotes: a quotes file, addresses, ad hoc text, ranking, and filters.
#[derive(Debug, Args, Clone, Default)]
pub struct SelectArgs {
    /// Quotes file (YAML, or `-` for standard input; default: the bundled content/quotes.yaml
    /// when no other source or filter is given).
    #[arg(long, value_name = "FILE")]
    pub quotes: Option<PathBuf>,
    /// The sections' pull quotes: all of them, or those of the sections named
    /// (`--pull-quotes` or `--pull-quotes 1,4`).
    #[arg(long, value_name = "N,…", num_args = 0..=1, require_equals = false, value_delimiter = ',')]
    pub pull_quotes: Option<Vec<u32>>,
    /// Quote by address: `3.12` (paragraph), `3.12.2` (sentence), `3.12.2-3` (sentences).
    #[arg(long, value_name = "ADDR")]
    pub at: Vec<String>,
    /// Ad hoc text to make a card of (not verified against the interview).
    #[arg(long, value_name = "TEXT")]
    pub text: Vec<String>,
    /// A file of ad hoc quotes, one per line, or `-` for standard input.
    #[arg(long, value_name = "FILE")]
    pub lines: Option<PathBuf>,
    /// The N best lines by the ranking (see README, "Automatic selection").
    #[arg(long, value_name = "N")]
    pub auto: Option<usize>,
    /// Only quotes from section N.
    #[arg(long, value_name = "N")]
    pub section: Option<u32>,
    /// Only this speaker's lines (automatic selection defaults to the interviewee); for ad hoc
    /// text (`--text`, `--lines`), the speaker it is credited to.
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Only quotes matching this regular expression.
    #[arg(long, value_name = "REGEX")]
    pub grep: Option<String>,
    /// Only quotes of at least N characters (a Latin word counts as one).
    #[arg(long, value_name = "N")]
    pub min_chars: Option<usize>,
    /// Only quotes of at most N characters (a Latin word counts as one).
    #[arg(long, value_name = "N")]
    pub max_chars: Option<usize>,
    /// Automatic picks of jinju's own need at least this chance, by the card model, of
    /// standing alone on a card: 0–1, default 0.5; 0 takes every line that passes the
    /// filters. The editor's bold is exempt unless the model gives it under 27%
    /// (see README, "Automatic selection").
    #[arg(long, value_name = "P", value_parser = values::chance)]
    pub min_card: Option<f64>,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub select: SelectArgs,
    /// Output format: an 80-column table, the JSON contract, or YAML entries for quotes.yaml.
    #[arg(long, value_enum, default_value_t = QuotesFormat::Table)]
    pub format: QuotesFormat,
    /// Show the parts of each ranked quote's score.
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum QuotesFormat {
    Table,
    Json,
    Yaml,
}

/// How cards are rendered.
#[derive(Debug, Args, Clone, Default)]
pub struct CardArgs {
    /// Template preset or template file (repeatable; default: each quote's own, else
    /// portrait and square). `jinju templates` lists the presets.
    #[arg(long, short = 't', value_name = "NAME|FILE")]
    pub template: Vec<String>,
    /// Multiply every size (2 for retina output).
    #[arg(long, default_value_t = 1.0, value_name = "F")]
    pub scale: f32,
    /// A font file (TTF/OTF/TTC) to add before the bundled fallbacks, for characters the
    /// bundled fonts lack.
    #[arg(long, value_name = "FILE")]
    pub font: Option<PathBuf>,
    /// Face index of a font collection (.ttc) given with --font.
    #[arg(long, default_value_t = 0, value_name = "N", requires = "font")]
    pub font_index: u32,
    /// PNG compression: fast (default; ~1 ms a card), balanced (~40% smaller files, ~1.5 ms
    /// more a card) or high (a little smaller again, ~15 ms more).
    #[arg(long, value_enum, default_value_t = Compression::Fast, value_name = "LEVEL")]
    pub compression: Compression,
    /// The cards' file format: png (lossless, the default), jpeg (lossy, see --jpeg-quality)
    /// or webp (lossless).
    #[arg(long, value_enum, default_value_t = CardFormat::Png, value_name = "FORMAT")]
    pub image_format: CardFormat,
    /// JPEG quality, 1 (smallest) to 100 (best), for --image-format jpeg.
    #[arg(long, default_value_t = crate::card::DEFAULT_JPEG_QUALITY, value_name = "N")]
    pub jpeg_quality: u8,
    /// Also make a carousel for this platform (repeatable): xiaohongshu (≤ 18 images) or
    /// instagram (≤ 20) — a cover, the quotes numbered n/N, an end card with the source's QR
    /// code — into DIR/carousel/PRESET/01.png ….
    #[arg(long, value_name = "PRESET")]
    pub carousel: Vec<String>,
    /// Also make the long image (长图): a title block and the quotes stacked, 1080 wide,
    /// split under the platforms' limits, into DIR/long/01.png ….
    #[arg(long)]
    pub long: bool,
    /// The address the QR codes point to (default: the interview's own, when it states one).
    #[arg(long, value_name = "URL")]
    pub link: Option<String>,
    /// The source credited in the footer (`{title}`) of ad hoc cards (`--text`, `--lines`,
    /// `adhoc:`); without it they carry none (never the interview's title).
    #[arg(long, value_name = "TITLE")]
    pub source: Option<String>,
    /// Threads to render with (default: one per core; at most 256).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// No progress bar, no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// All or nothing: a quote that cannot be made into a card fails the run (by default it
    /// is skipped with a warning, the other cards are made and the exit status is 3).
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct CardsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub select: SelectArgs,
    #[command(flatten)]
    pub card: CardArgs,
    /// Folder for the PNGs (`<id>.<template>.png`).
    #[arg(long, short, default_value = "output/cards", value_name = "DIR")]
    pub out: PathBuf,
    /// Replace existing files that no jinju manifest names (never links, devices or the
    /// run's own inputs).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct EpubArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub select: SelectArgs,
    /// The EPUB file to write, or `-` for standard output (default: `output/<title>.epub`).
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// No summary line.
    #[arg(long, short)]
    pub quiet: bool,
    /// Do not embed the font subset (readers use their own fonts).
    #[arg(long)]
    pub no_embed_font: bool,
    #[command(flatten)]
    pub book: BookArgs,
    /// Replace an existing file that is not an EPUB (never a link, a device or an input).
    #[arg(long)]
    pub force: bool,
}

/// What the book says about itself (the EPUB of `epub` and `build`).
#[derive(Debug, Args, Clone, Default)]
pub struct BookArgs {
    /// The book's title (default: the interview's).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// The book's author as readers and stores show it; repeatable (default: the outlet,
    /// else the interviewer).
    #[arg(long, value_name = "NAME")]
    pub author: Vec<String>,
    /// The book's date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH's day, else none).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The book's language, a BCP 47 tag (default: zh-CN).
    #[arg(long, value_name = "TAG")]
    pub language: Option<String>,
    /// Set the book vertically (竖排): columns right to left, pages turned right to left.
    #[arg(long)]
    pub vertical: bool,
    /// Fetch the interview's remote (http/https) images into the book, bounded in size and
    /// time, and keep them in the output folder's `.jinju-images/` for offline rebuilds.
    #[arg(long)]
    pub fetch_images: bool,
    /// With --fetch-images: also fetch from this machine and private networks (refused by
    /// default: a page must not make jinju reach them).
    #[arg(long, requires = "fetch_images")]
    pub allow_local_images: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub select: SelectArgs,
    #[command(flatten)]
    pub card: CardArgs,
    /// Output folder: cards/, the EPUB, manifest.json, index.html.
    #[arg(long, short, default_value = "output", value_name = "DIR")]
    pub out: PathBuf,
    /// Do not embed the font subset in the EPUB.
    #[arg(long)]
    pub no_embed_font: bool,
    #[command(flatten)]
    pub book: BookArgs,
    /// Run a batch: a YAML file listing builds (see README, "Batch jobs"). Inputs and
    /// outputs then come from the file: --input, --errata, --quotes, --auto and --out are
    /// refused with it.
    #[arg(long, value_name = "FILE",
        conflicts_with_all = ["input", "errata", "quotes", "auto", "out"])]
    pub job: Option<PathBuf>,
    /// Let a job file's `out` be absolute or leave the job file's folder.
    #[arg(long, requires = "job")]
    pub allow_absolute_paths: bool,
    /// In a batch (--job, or --input DIR), build every entry even when some fail, report each
    /// failure, and exit 1 at the end naming them (by default the first failure stops the
    /// batch).
    #[arg(long)]
    pub keep_going: bool,
    /// Replace existing files that no jinju manifest names (never links, devices or the
    /// run's own inputs).
    #[arg(long)]
    pub force: bool,
    /// What to print on stdout: a summary, or the manifest as JSON.
    #[arg(long, value_enum, default_value_t = BuildFormat::Text)]
    pub format: BuildFormat,
    /// Print every file written.
    #[arg(long, short)]
    pub verbose: bool,
}
