//! The gallery page as a person sees it: `jinju build`, then headless Chromium takes a
//! screenshot of index.html, and the cards must be on it. Chromium comes from Debian's
//! `chromium` package (`.ci/run` installs it); without it this test fails, it does not skip.

use assert_cmd::Command;
use std::path::Path;

fn chromium() -> &'static str {
    for c in ["chromium", "chromium-browser", "google-chrome"] {
        if std::process::Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return c;
        }
    }
    panic!("headless Chromium is needed for this test: apt-get install -y chromium (.ci/run does)");
}

#[test]
#[ignore = "needs chromium"]
fn the_gallery_shows_the_cards() {
    let browser = chromium();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let status = Command::cargo_bin("jinju")
        .unwrap()
        .args(["build", "--quiet", "--template", "portrait", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let shot = dir.path().join("shot.png");
    let profile = dir.path().join("profile");
    let url = format!("file://{}", out.join("index.html").display());
    let run = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1280,1000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .output()
        .unwrap();
    assert!(
        Path::new(&shot).exists(),
        "no screenshot: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let img = image::open(&shot).unwrap().to_rgb8();
    // The portrait cards' paper (#F6F1E7) must cover a good part of the page, whose own
    // background is dark: the images loaded and are shown.
    let paper = img
        .pixels()
        .filter(|p| {
            p.0[0].abs_diff(0xF6) <= 3 && p.0[1].abs_diff(0xF1) <= 3 && p.0[2].abs_diff(0xE7) <= 3
        })
        .count();
    let share = paper as f64 / (img.width() * img.height()) as f64;
    assert!(
        share > 0.10,
        "card paper covers only {:.1}% of the screenshot",
        share * 100.0
    );
}
