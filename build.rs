//! Build script: records what `jinju --version` reports — the git commit the binary was built
//! from (`unknown` outside a git checkout, as in a crates.io download) and the versions of the
//! bundled data (each font's OpenType version, a short digest of the bundled interview,
//! selection and errata), as environment variables for `env!`. Writes no file.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    println!("cargo:rustc-env=JINJU_GIT_COMMIT={}", git_commit(&root));
    let (fonts, content) = data_versions(&root);
    println!("cargo:rustc-env=JINJU_FONT_VERSIONS={fonts}");
    println!("cargo:rustc-env=JINJU_CONTENT_VERSIONS={content}");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=fonts");
    println!("cargo:rerun-if-changed=content");
}

/// The short commit hash of `HEAD`, or `unknown`; reruns when `HEAD` moves.
fn git_commit(root: &Path) -> String {
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(root)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    // Only a checkout of this crate itself: not a parent repository it was unpacked into.
    let top = git(&["rev-parse", "--show-toplevel"]).map(PathBuf::from);
    let ours = top
        .and_then(|t| t.canonicalize().ok())
        .is_some_and(|t| root.canonicalize().is_ok_and(|r| r == t));
    if !ours {
        return "unknown".to_string();
    }
    // HEAD and the branch it names (not all of refs/heads: other branches' commits, in a
    // shared repository, would rebuild this one for nothing).
    let branch = git(&["rev-parse", "--symbolic-full-name", "HEAD"]).filter(|b| b != "HEAD");
    // Only paths that exist: cargo reruns a script watching a missing path on every build (a
    // branch whose ref is packed has no ref file; a repository never packed has no
    // packed-refs), and a ref moving between the two deletes or creates a watched file.
    let watch = |p: PathBuf| {
        if p.exists() {
            println!("cargo:rerun-if-changed={}", p.display());
        }
    };
    for rel in std::iter::once("HEAD".to_string()).chain(branch) {
        if let Some(p) = git(&["rev-parse", "--git-path", &rel]) {
            watch(root.join(p));
        }
    }
    if let Some(p) = git(&["rev-parse", "--git-common-dir"]) {
        watch(root.join(p).join("packed-refs"));
    }
    git(&["rev-parse", "--short=12", "HEAD"]).unwrap_or_else(|| "unknown".to_string())
}

/// `<font file> <version>, …` and `<content file> <digest>, …`.
fn data_versions(root: &Path) -> (String, String) {
    let mut fonts = Vec::new();
    for dir in [root.join("fonts"), root.join("fonts/book")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in files {
            let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !["otf", "ttf", "ttc"].contains(&ext) {
                continue;
            }
            let bytes = std::fs::read(&f).unwrap_or_default();
            let name = f.strip_prefix(root.join("fonts")).unwrap_or(&f).display();
            let version = font_version(&bytes).unwrap_or_else(|| "?".to_string());
            fonts.push(format!("{name} {version}"));
        }
    }
    let mut content = Vec::new();
    for name in ["interview.txt", "quotes.yaml", "errata.yaml"] {
        if let Ok(bytes) = std::fs::read(root.join("content").join(name)) {
            content.push(format!("{name} {:08x}", fnv1a(&bytes) as u32));
        }
    }
    (fonts.join(", "), content.join(", "))
}

/// The version of an OpenType font (`name` ID 5, "Version 2.001;…" → `2.001`).
fn font_version(font: &[u8]) -> Option<String> {
    let u16_at = |at: usize| Some(u16::from_be_bytes(font.get(at..at + 2)?.try_into().ok()?));
    let u32_at = |at: usize| Some(u32::from_be_bytes(font.get(at..at + 4)?.try_into().ok()?));
    let tables = usize::from(u16_at(4)?);
    let name = (0..tables)
        .map(|i| 12 + 16 * i)
        .find(|&at| font.get(at..at + 4) == Some(b"name".as_slice()))?;
    let base = u32_at(name + 8)? as usize;
    let count = usize::from(u16_at(base + 2)?);
    let strings = base + usize::from(u16_at(base + 4)?);
    for i in 0..count {
        let rec = base + 6 + 12 * i;
        let (platform, id) = (u16_at(rec)?, u16_at(rec + 6)?);
        if id != 5 || !(platform == 3 || platform == 1) {
            continue;
        }
        let len = usize::from(u16_at(rec + 8)?);
        let at = strings + usize::from(u16_at(rec + 10)?);
        let raw = font.get(at..at + len)?;
        let text = if platform == 3 {
            let units: Vec<u16> = raw
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        } else {
            String::from_utf8_lossy(raw).into_owned()
        };
        let first = text.split(';').next().unwrap_or("").trim();
        return Some(first.trim_start_matches("Version").trim().to_string());
    }
    None
}

/// FNV-1a, 64 bits: a digest that tells two versions of a bundled file apart.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
