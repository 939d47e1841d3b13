//! The EPUB's embedded font as a browser engine uses it: `jinju epub`, then headless Chromium
//! sets adjacent full-width punctuation and `——` with the book's own stylesheet and font
//! subset, and measures them. Chromium comes from Debian's `chromium` package (`.ci/run`
//! installs it); without it this test fails, it does not skip.

use assert_cmd::Command;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The headless browser on `PATH`.
fn browser() -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!("headless Chromium is needed for this test: apt-get install -y chromium (.ci/run does)")
        })
}

/// `jinju epub` of the bundled interview, into `dir`.
fn bundled_book(dir: &Path) -> PathBuf {
    let epub = dir.join("book.epub");
    let run = Command::cargo_bin("jinju")
        .unwrap()
        .args(["epub", "--out"])
        .arg(&epub)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    epub
}

/// The book's files the page needs: its stylesheet and its regular font subset.
fn unpack(epub: &Path, into: &Path) {
    let file = std::fs::File::open(epub).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    for name in ["OEBPS/stylesheet.css", "OEBPS/fonts/text.otf"] {
        let mut data = Vec::new();
        zip.by_name(name).unwrap().read_to_end(&mut data).unwrap();
        let to = into.join(name.trim_start_matches("OEBPS/"));
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::write(to, data).unwrap();
    }
}

/// Ten full-width characters, three adjacent punctuation pairs: `），` `”。` `）（`. Set
/// untrimmed it is 10 em; with the pairs compressed (the font's `halt`) 8.5 em.
const PUNCTUATION: &str = "甲），乙”。丙）（丁";

/// Measures in em, after the font has loaded: the punctuation with and without trimming, the
/// dash pair, and the dash pair drawn on a canvas (its longest unbroken run of ink, and the
/// number of runs on the row through its middle).
const SCRIPT: &str = r#"
(async () => {
  const out = {};
  await document.fonts.load('100px "Jinju Text"', '甲——');
  await document.fonts.ready;
  out.loaded = document.fonts.check('100px "Jinju Text"', '——');
  const em = id => document.getElementById(id).getBoundingClientRect().width / 100;
  out.trimmed = em('trimmed');
  out.spaced = em('spaced');
  out.dash = em('dash');
  const c = document.createElement('canvas');
  c.width = 400; c.height = 200;
  const g = c.getContext('2d');
  g.font = '100px "Jinju Text"';
  g.fillText('——', 100, 150);
  const px = g.getImageData(0, 0, 400, 200).data;
  let best = { ink: 0 };
  for (let y = 100; y < 150; y++) {
    let ink = 0, runs = 0, run = 0, longest = 0;
    for (let x = 0; x < 400; x++) {
      if (px[(y * 400 + x) * 4 + 3] > 127) { ink++; run++; if (run === 1) runs++; longest = Math.max(longest, run); }
      else run = 0;
    }
    if (ink > best.ink) best = { ink, runs, longest };
  }
  out.canvas_runs = best.runs;
  out.canvas_longest = best.longest / 100;
  document.getElementById('out').textContent = JSON.stringify(out);
})();
"#;

#[test]
fn the_embedded_subset_compresses_punctuation_and_joins_the_dash_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let epub = bundled_book(dir.path());
    unpack(&epub, dir.path());
    let page = format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"/>\
         <link rel=\"stylesheet\" href=\"stylesheet.css\"/>\
         <style>body{{font-size:100px}} span{{white-space:nowrap}}</style></head><body>\
         <p><span id=\"trimmed\">{PUNCTUATION}</span></p>\
         <p><span id=\"spaced\" style=\"text-spacing-trim: space-all\">{PUNCTUATION}</span></p>\
         <p><span id=\"dash\">——</span></p><pre id=\"out\">pending</pre>\
         <script>{SCRIPT}</script></body></html>"
    );
    let html = dir.path().join("measure.html");
    std::fs::write(&html, page).unwrap();
    let profile = dir.path().join("profile");
    let out = std::process::Command::new(browser())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--allow-file-access-from-files",
            "--virtual-time-budget=10000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    let json = dom
        .split("<pre id=\"out\">")
        .nth(1)
        .and_then(|s| s.split("</pre>").next())
        .unwrap_or_else(|| panic!("no measurements: {}", String::from_utf8_lossy(&out.stderr)));
    let m: serde_json::Value =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("measurements {json:?}: {e}"));
    let num = |k: &str| m[k].as_f64().unwrap_or_else(|| panic!("{k} in {m}"));
    assert_eq!(m["loaded"], true, "the embedded font did not load: {m}");
    // Tolerance: 0.02 em (2 px at 100 px), for rounding of glyph advances.
    assert!((num("spaced") - 10.0).abs() < 0.02, "untrimmed: {m}");
    assert!(
        (num("trimmed") - 8.5).abs() < 0.02,
        "adjacent punctuation not compressed: {m}"
    );
    assert!((num("dash") - 2.0).abs() < 0.02, "—— is not 2 em: {m}");
    assert_eq!(num("canvas_runs"), 1.0, "—— shows a gap: {m}");
    assert!(num("canvas_longest") > 1.97, "—— is not one 2-em rule: {m}");
}

/// DAISY Ace's command (`ACE` or `ace-puppeteer` on `PATH`; `.ci/run` installs it from npm
/// and points it at the system Chromium).
fn ace() -> PathBuf {
    if let Some(path) = std::env::var_os("ACE") {
        return PathBuf::from(path);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join("ace-puppeteer"))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "DAISY Ace is needed for this test: npm i @daisy/ace with \
                 PUPPETEER_SKIP_DOWNLOAD=1, its node_modules/.bin on PATH and \
                 PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium (.ci/run does)"
            )
        })
}

#[test]
fn daisy_ace_finds_no_accessibility_violation_in_the_bundled_book() {
    let ace = ace();
    let dir = tempfile::tempdir().unwrap();
    let epub = bundled_book(dir.path());
    let report = dir.path().join("ace");
    let mut command = std::process::Command::new(&ace);
    if std::env::var_os("PUPPETEER_EXECUTABLE_PATH").is_none() {
        command.env("PUPPETEER_EXECUTABLE_PATH", browser());
    }
    let out = command
        .args(["--silent", "--force", "--outdir"])
        .arg(&report)
        .arg(&epub)
        .output()
        .unwrap_or_else(|e| panic!("{} could not be run: {e}", ace.display()));
    let json = std::fs::read_to_string(report.join("report.json")).unwrap_or_else(|e| {
        panic!(
            "Ace wrote no report ({e}): {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let r: serde_json::Value = serde_json::from_str(&json).unwrap();
    let violations: Vec<String> = r["assertions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|doc| {
            let url = doc["earl:testSubject"]["url"]
                .as_str()
                .unwrap_or("?")
                .to_string();
            doc["assertions"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(move |a| {
                    format!(
                        "{url}: {}",
                        a["earl:test"]["dct:title"].as_str().unwrap_or("?")
                    )
                })
        })
        .collect();
    assert!(violations.is_empty(), "Ace: {violations:#?}");
    assert_eq!(r["earl:result"]["earl:outcome"], "pass", "Ace: {json}");
    // What the package says about accessibility, as Ace read it.
    let a11y = &r["a11y-metadata"]["present"];
    for key in [
        "schema:accessMode",
        "schema:accessibilitySummary",
        "dcterms:conformsTo",
    ] {
        assert!(
            a11y.as_array().unwrap().iter().any(|k| k == key),
            "Ace found no {key}: {a11y}"
        );
    }
}
