//! `--image-format jpeg|webp`: files named and listed as such, decodable, of a sane size,
//! byte-identical on a rerun.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

/// Runs `jinju cards` on two ad hoc quotes into `out`; the manifest.
fn cards(out: &Path, extra: &[&str]) -> serde_json::Value {
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args(["cards", "--quiet", "-t", "xiaohongshu", "--out"])
        .arg(out)
        .args([
            "--text",
            "慢就是快，少就是多。",
            "--text",
            "真正的门槛是耐心。",
        ])
        .args(extra)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap()
}

fn card_paths(m: &serde_json::Value) -> Vec<String> {
    m["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "card")
        .map(|a| a["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn jpeg_and_webp_cards_decode_and_rerun_identically() {
    for (flag, ext, format, max_bytes) in [
        ("jpeg", "jpg", image::ImageFormat::Jpeg, 1_000_000),
        ("webp", "webp", image::ImageFormat::WebP, 1_000_000),
    ] {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let ma = cards(a.path(), &["--image-format", flag]);
        cards(b.path(), &["--image-format", flag]);
        let paths = card_paths(&ma);
        assert_eq!(paths.len(), 2, "{paths:?}");
        for p in &paths {
            assert!(p.ends_with(&format!(".xiaohongshu.{ext}")), "{p}");
            let bytes = fs::read(a.path().join(p)).unwrap();
            assert_eq!(bytes, fs::read(b.path().join(p)).unwrap(), "{p} reruns");
            assert_eq!(image::guess_format(&bytes).unwrap(), format, "{p}");
            let img = image::load_from_memory(&bytes).unwrap();
            assert_eq!((img.width(), img.height()), (1242, 1660), "{p}");
            assert!(
                (10_000..max_bytes).contains(&bytes.len()),
                "{p}: {} bytes",
                bytes.len()
            );
        }
    }
}

#[test]
fn jpeg_quality_trades_size_and_is_checked() {
    let (lo, hi) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let size = |dir: &Path, q: &str| {
        let m = cards(dir, &["--image-format", "jpeg", "--jpeg-quality", q]);
        m["artifacts"][0]["bytes"].as_u64().unwrap()
    };
    assert!(size(lo.path(), "30") < size(hi.path(), "95"));
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args(["cards", "--text", "一句话", "--jpeg-quality", "0", "--out"])
        .arg(lo.path().join("x"))
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("--jpeg-quality 0") && err.contains("1"),
        "{err}"
    );
}
