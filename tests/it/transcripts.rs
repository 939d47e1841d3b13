//! Transcripts and Word files through the command line: the same interview as SRT (with
//! and without speakers), WebVTT, a 飞书妙记-style and a 讯飞-style export, and a `.docx`
//! pandoc wrote, each read to the speakers, turns and text of its Markdown twin; `build` on
//! each makes cards and a valid EPUB that never credits an anonymous label; bad transcripts
//! and Word files fail with the fix, exit 1, nothing written.

use super::readers::{books_pass_epubcheck, build_cards_and_book};
use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/readers/transcripts")
        .join(name)
}

/// One interview in every transcript and Word form.
const FORMS: [&str; 6] = [
    "prefixed.srt",
    "plain.srt",
    "voices.vtt",
    "feishu.txt",
    "xunfei.txt",
    "interview.docx",
];

#[test]
#[ignore = "needs epubcheck"]
fn the_book_of_each_form_passes_epubcheck() {
    books_pass_epubcheck(FORMS.map(fixture));
}

fn inspect(input: &Path, extra: &[&str]) -> Value {
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args(["inspect", "--format", "json", "--input"])
        .arg(input)
        .args(extra)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Every paragraph of every section: (speaker, opens a turn, text).
fn turns(iv: &Value) -> Vec<(String, bool, String)> {
    iv["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["paragraphs"].as_array().unwrap())
        .map(|p| {
            (
                p["speaker"].as_str().unwrap_or("").to_string(),
                p["opens_turn"] == true,
                p["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn each_form_reads_as_its_markdown_twin() {
    let named = inspect(&fixture("interview.md"), &[]);
    assert_eq!(named["speakers"], serde_json::json!(["张三", "李四"]));
    assert_eq!(turns(&named).iter().filter(|t| t.1).count(), 8);
    let anonymous = inspect(&fixture("anonymous.md"), &[]);
    assert_eq!(
        anonymous["speakers"],
        serde_json::json!(["发言人1", "发言人2"])
    );
    for (form, twin, format) in [
        ("prefixed.srt", &named, "srt"),
        ("voices.vtt", &named, "vtt"),
        ("feishu.txt", &named, "transcript"),
        ("xunfei.txt", &anonymous, "transcript"),
    ] {
        let iv = inspect(&fixture(form), &[]);
        assert_eq!(iv["meta"]["format"], format, "{form}");
        assert_eq!(iv["speakers"], twin["speakers"], "{form}");
        assert_eq!(iv["roles"], twin["roles"], "{form}");
        assert_eq!(turns(&iv), turns(twin), "{form}");
    }
    // Word, with its section headings.
    let word = inspect(&fixture("interview.docx"), &[]);
    let twin = inspect(&fixture("word.md"), &[]);
    assert_eq!(word["meta"]["format"], "docx");
    assert_eq!(word["meta"]["title"], twin["meta"]["title"]);
    assert_eq!(word["speakers"], twin["speakers"]);
    assert_eq!(turns(&word), turns(&twin));
    let titles = |iv: &Value| -> Vec<Value> {
        iv["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["title"].clone())
            .collect()
    };
    let word_titles = titles(&word);
    let shown: Vec<&str> = word_titles.iter().map(|t| t.as_str().unwrap()).collect();
    assert!(shown.len() == 2 && shown[0].ends_with("听懂现场") && shown[1].ends_with("机器与耐心"));
    assert_eq!(titles(&word), titles(&twin));
}

#[test]
fn an_srt_without_speakers_is_one_anonymous_voice_in_paragraphs_by_pause() {
    let iv = inspect(&fixture("plain.srt"), &[]);
    let twin = inspect(&fixture("sole.md"), &[]);
    assert_eq!(iv["speakers"], serde_json::json!(["说话人 1"]));
    let said = |iv: &Value| -> Vec<(String, String)> {
        turns(iv).into_iter().map(|(s, _, t)| (s, t)).collect()
    };
    // The twin labels every paragraph (a Markdown label must recur); the SRT is one turn
    // that pauses split into the same paragraphs.
    assert_eq!(said(&iv), said(&twin));
    assert_eq!(turns(&iv).iter().filter(|t| t.1).count(), 1);
}

#[test]
fn each_paragraph_keeps_when_it_was_said() {
    let iv = inspect(&fixture("prefixed.srt"), &[]);
    let p = &iv["sections"][0]["paragraphs"];
    assert_eq!(p[0]["time"], "00:00:01");
    assert_eq!(p[1]["time"], "00:00:07");
    let iv = inspect(&fixture("feishu.txt"), &[]);
    let p = &iv["sections"][0]["paragraphs"];
    assert_eq!(p[3]["time"], "00:00:42");
    // A second line of words under one speaker line has no time of its own.
    assert!(p[2].get("time").is_none());
    // A Markdown interview states no time.
    let iv = inspect(&fixture("interview.md"), &[]);
    assert!(iv["sections"][0]["paragraphs"][0].get("time").is_none());
}

#[test]
fn found_by_content_or_forced_with_from() {
    let srt = fs::read(fixture("prefixed.srt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("录音.txt");
    fs::write(&renamed, &srt).unwrap();
    assert_eq!(inspect(&renamed, &[])["meta"]["format"], "srt");
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args([
            "inspect", "--format", "json", "--input", "-", "--from", "srt",
        ])
        .write_stdin(srt)
        .output()
        .unwrap();
    assert!(o.status.success());
    let iv: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(iv["speakers"], serde_json::json!(["张三", "李四"]));
    // A .docx renamed is still Word (by its first bytes).
    let word = dir.path().join("稿子");
    fs::copy(fixture("interview.docx"), &word).unwrap();
    assert_eq!(inspect(&word, &[])["meta"]["format"], "docx");
}

#[test]
fn inspect_document_shows_what_the_reader_extracted() {
    for (name, expect) in [
        ("voices.vtt", "[张三 00:00:01] 你做现场录音多少年了？"),
        ("interview.docx", "h2    一、听懂现场"),
        ("interview.docx", "**张三：**"),
    ] {
        let o = Command::cargo_bin("jinju")
            .unwrap()
            .args(["inspect", "--format", "document", "--input"])
            .arg(fixture(name))
            .output()
            .unwrap();
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(o.status.success() && out.contains(expect), "{name}: {out}");
    }
}

#[test]
fn build_on_each_form_makes_cards_and_a_book() {
    for name in FORMS {
        let dir = tempfile::tempdir().unwrap();
        let (path, _) = build_cards_and_book(&fixture(name), dir.path());
        // No anonymous label is printed as a name: not on the title page, the quotes page
        // or the about page.
        let mut zip = zip::ZipArchive::new(fs::File::open(&path).unwrap()).unwrap();
        for page in [
            "OEBPS/title.xhtml",
            "OEBPS/quotes.xhtml",
            "OEBPS/about.xhtml",
        ] {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(page).unwrap(), &mut text).unwrap();
            for anonymous in ["说话人 1", "发言人1", "发言人2"] {
                assert!(!text.contains(anonymous), "{name}: {anonymous} on {page}");
            }
        }
    }
}

/// A zip holding `word/document.xml` of `size` spaces.
fn docx_of(size: usize) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", opts).unwrap();
    let chunk = vec![b' '; 1 << 20];
    let mut left = size;
    while left > 0 {
        let n = left.min(chunk.len());
        zip.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
    zip.finish().unwrap();
    out.into_inner()
}

#[test]
fn bad_transcripts_and_word_files_fail_with_the_fix_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let srt = fs::read_to_string(fixture("prefixed.srt")).unwrap();
    let docx = fs::read(fixture("interview.docx")).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "cut.srt",
            srt.as_bytes()[..srt.find("00:00:09,650").unwrap() + 5].to_vec(),
            "not a timecode",
        ),
        (
            "cut-after-number.srt",
            format!("{}\n\n9\n", &srt[..600]).into_bytes(),
            "cut short",
        ),
        (
            "overlap.srt",
            "1\n00:00:01,000 --> 00:00:09,000\n张三：好\n\n2\n00:00:03,000 --> 00:00:04,000\n好\n"
                .into(),
            "overlap",
        ),
        (
            "backwards.srt",
            "1\n00:00:05,000 --> 00:00:06,000\n张三：好\n\n2\n00:00:01,000 --> 00:00:02,000\n好\n"
                .into(),
            "out of order",
        ),
        (
            "garbage.srt",
            "1\n00:00:01,000 --> 00:99:02,000\n张三：好\n".into(),
            "`00:99:02,000` is not a timecode",
        ),
        (
            "corrupt.docx",
            docx[..docx.len() / 2].to_vec(),
            "zip is corrupt",
        ),
        ("bomb.docx", docx_of(65 << 20), "zip bomb"),
        (
            "old.doc",
            [
                &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..],
                &[0; 64],
            ]
            .concat(),
            "save it as .docx",
        ),
        (
            "not-word.docx",
            {
                let mut z = docx_of(10);
                z[30..47].copy_from_slice(b"word/other.xml\0\0\0");
                z
            },
            ".docx",
        ),
    ];
    for (name, bytes, says) in cases {
        let input = dir.path().join(name);
        fs::write(&input, bytes).unwrap();
        let out = dir.path().join(format!("out-{name}"));
        let o = Command::cargo_bin("jinju")
            .unwrap()
            .args(["build", "--quiet", "--input"])
            .arg(&input)
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{name}: {err}");
        assert!(err.contains(says), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(!out.exists(), "{name}: wrote {}", out.display());
    }
}

#[test]
fn inspect_shows_what_each_unnamed_speaker_says_first() {
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args(["inspect", "--input"])
        .arg(fixture("xunfei.txt"))
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("unnamed:     发言人1 — first says “你做现场录音多少年了？”"),
        "{out}"
    );
    assert!(
        out.contains("unnamed:     发言人2 — first says “快二十年了。"),
        "{out}"
    );
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args(["inspect", "--input"])
        .arg(fixture("prefixed.srt"))
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&o.stdout).contains("unnamed:"));
}
