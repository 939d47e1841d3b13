//! `manifest.json`: every artifact written, with what a script needs to use it.

use serde::Serialize;

/// One file jinju wrote.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Artifact {
    /// Path relative to the output folder (`cards/pioneer.portrait.png`).
    pub path: String,
    /// `card`, `epub`, `gallery`.
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// Pixel size `[width, height]` of a card.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<[u32; 2]>,
    /// The quote's lines as set on the card.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<String>,
    /// The font size the quote was fitted at, px.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub font_px: Option<f32>,
    pub bytes: usize,
    pub sha256: String,
}

/// The whole manifest.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Manifest {
    pub generator: String,
    pub title: String,
    /// `bundled` or the input file as given.
    pub input: String,
    pub quotes: usize,
    pub artifacts: Vec<Artifact>,
}

impl Artifact {
    /// A file that is not a card (the EPUB, the gallery): no quote, text or size.
    pub fn plain(path: String, kind: &str, bytes: usize, sha256: String) -> Artifact {
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
}

impl Manifest {
    /// A manifest for `artifacts` made from the interview titled `title`, read from `input`
    /// (`None`: the bundled one).
    pub fn new(
        title: &str,
        input: Option<&std::path::Path>,
        quotes: usize,
        artifacts: Vec<Artifact>,
    ) -> Manifest {
        Manifest {
            generator: format!("jinju {}", env!("CARGO_PKG_VERSION")),
            title: title.to_string(),
            input: input.map_or_else(|| "bundled".to_string(), |p| p.display().to_string()),
            quotes,
            artifacts,
        }
    }

    /// Write the manifest as pretty JSON with a final newline.
    pub fn write_json(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut *w, self)?;
        w.write_all(b"\n")
    }
}
