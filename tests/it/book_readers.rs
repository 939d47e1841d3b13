//! The book in readers without CSS `text-autospace` or EPUB 3 metadata: calibre's
//! `ebook-convert` to AZW3 (Kindle) and PDF, and `ebook-meta`. The Han–Latin gap must survive
//! as a character, the vertical book be marked vertical for Kindle, the date be the
//! interview's, the shelf author its interviewer. calibre comes from Debian's `calibre`
//! package; without it these tests fail, they do not skip.

use std::path::{Path, PathBuf};
use std::process::Command;

/// An interview of my own in the shape of the real ones: a byline with writer, editor and
/// photographer, a stated date, bold questions and Latin words and digits inside Chinese.
const DATED: &str = "对话李雷：把GPT-3扩大100倍之后\n=====================\n\n\
**文丨李雷  编辑丨韩梅梅  摄影丨Annie Hall**\n\n发布时间：2024年7月3日\n\n\
今年春天，我们和王小明聊了3个小时。他说AI的下一步......还很远。\n\n\
**李雷：你最早是怎么开始做大模型的？**\n\n\
**王小明：**2019年，我们读到GPT-2的论文，觉得这件事值得做。后来把GPT-3扩大100倍，才发现问题不在规模。\n\n\
**李雷：为什么？**\n\n**王小明：**因为数据。。。数据是最难的。我们花了2年整理数据。\n";

/// A calibre tool on `PATH`.
fn calibre(tool: &str) -> Command {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path)
        .map(|d| d.join(tool))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!("calibre's {tool} is needed for this test: apt-get install -y calibre")
        });
    let mut cmd = Command::new(found);
    // calibre renders PDFs with QtWebEngine, which refuses to run as root with its sandbox.
    cmd.env("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox");
    cmd
}

/// Run `cmd`, assert it succeeded, give its standard output.
fn output(mut cmd: Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The book of [`DATED`] in `dir`, converted by calibre to `ext`.
fn converted(dir: &Path, vertical: bool, ext: &str) -> PathBuf {
    let md = dir.join("dated.md");
    std::fs::write(&md, DATED).unwrap();
    let stem = if vertical { "vertical" } else { "book" };
    let epub = dir.join(format!("{stem}.epub"));
    let mut args = vec!["epub", "--input", md.to_str().unwrap()];
    args.extend(["--out", epub.to_str().unwrap(), "--force"]);
    if vertical {
        args.push("--vertical");
    }
    crate::run::succeeds(args);
    let to = dir.join(format!("{stem}.{ext}"));
    let mut cmd = calibre("ebook-convert");
    cmd.arg(&epub).arg(&to);
    output(cmd);
    to
}

#[test]
#[ignore = "needs calibre"]
fn calibre_s_azw3_keeps_the_gap_the_date_the_author_and_the_vertical_mode() {
    let dir = tempfile::tempdir().unwrap();
    let azw3 = converted(dir.path(), false, "azw3");
    let mut meta = calibre("ebook-meta");
    meta.arg(&azw3);
    let meta = output(meta);
    let field = |name: &str| {
        meta.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_once(':'))
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    assert_eq!(
        field("Title"),
        "对话李雷：把 GPT-3 扩大 100 倍之后",
        "{meta}"
    );
    assert_eq!(field("Author(s)"), "李雷", "the interviewer: {meta}");
    assert!(field("Published").starts_with("2024-07-03"), "{meta}");
    // Kindle reads the writing mode from the EXTH record calibre writes from the meta.
    let bytes = std::fs::read(&azw3).unwrap();
    let has = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
    assert!(
        !has(&bytes, b"vertical-rl"),
        "a horizontal book is not vertical"
    );
    let vertical = std::fs::read(converted(dir.path(), true, "azw3")).unwrap();
    assert!(
        has(&vertical, b"vertical-rl"),
        "the vertical book is marked vertical"
    );
}

#[test]
#[ignore = "needs calibre"]
fn calibre_s_text_and_pdf_show_the_han_latin_gap() {
    let dir = tempfile::tempdir().unwrap();
    let txt = converted(dir.path(), false, "txt");
    let text = std::fs::read_to_string(txt).unwrap();
    for spaced in [
        "我们读到 GPT-2 的论文",
        "后来把 GPT-3 扩大 100 倍",
        "他说 AI 的下一步……还很远",
        "因为数据……数据是最难的",
    ] {
        assert!(text.contains(spaced), "{spaced:?} not in {text}");
    }
    // The PDF as laid out (poppler's pdftotext comes with calibre's dependencies).
    let pdf = converted(dir.path(), false, "pdf");
    let mut cmd = Command::new("pdftotext");
    cmd.arg(&pdf).arg("-");
    let laid_out = output(cmd).replace('\n', "");
    for spaced in ["GPT-3 扩大 100 倍", "聊了 3 个小时", "花了 2 年整理"] {
        assert!(laid_out.contains(spaced), "{spaced:?} not in {laid_out}");
    }
}

/// The EPUB itself, as calibre reads it into its library: `dc:date` is the interview's stated
/// date (not the build's), the title has the gap, and the default file name keeps it too.
#[test]
#[ignore = "needs calibre"]
fn ebook_meta_reads_the_interview_s_date_and_the_spaced_title_from_the_epub() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("dated.md");
    std::fs::write(&md, DATED).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let built = assert_cmd::Command::cargo_bin("jinju")
        .unwrap()
        .current_dir(&out)
        .args(["epub", "--input", md.to_str().unwrap(), "--quiet"])
        .output()
        .unwrap();
    assert!(built.status.success(), "{built:?}");
    let epub = out.join("output/对话李雷-把 GPT-3 扩大 100 倍之后.epub");
    assert!(epub.is_file(), "no {}", epub.display());
    let mut meta = calibre("ebook-meta");
    meta.arg(&epub);
    let meta = output(meta);
    assert!(meta.contains("2024-07-03"), "{meta}");
    assert!(
        meta.contains("对话李雷：把 GPT-3 扩大 100 倍之后"),
        "{meta}"
    );
}
