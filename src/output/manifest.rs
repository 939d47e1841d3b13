//! `manifest.json`: every artifact written, with what a script needs to use it. A run's card
//! entries are spilled to a file in the staging folder as the cards are staged ([`Entries`])
//! and streamed back into the manifest and the gallery, so memory does not grow with the
//! number of cards.

use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::sync::Arc;
use tempfile::{NamedTempFile, TempPath};

/// What a file jinju wrote is (`"kind"` in manifest.json).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ArtifactKind {
    /// A PNG quote card.
    Card,
    /// The EPUB book.
    Epub,
    /// `index.html`, the page that shows the cards.
    Gallery,
    /// A page of a carousel (`carousel/xiaohongshu/01.png`).
    Carousel,
    /// A piece of the long image (`long/01.png`).
    Long,
}

/// One file jinju wrote.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Artifact {
    /// Path relative to the output folder (`cards/pioneer.portrait.png`).
    pub path: String,
    pub kind: ArtifactKind,
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
    /// What a reader of the card should know: characters drawn with a fallback face.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub bytes: usize,
    pub sha256: String,
}

/// Card entries being spilled, one JSON line each, in the order they are pushed.
pub struct EntryWriter {
    file: BufWriter<NamedTempFile>,
    count: usize,
    bytes: usize,
}

impl EntryWriter {
    /// Spill into `file` (a registered temp: removed when the entries are dropped, or by
    /// the signal handler).
    /// The file starts with a marker line (`recovery::SPILL_HEAD`) so a killed
    /// run's spill is recognised as jinju's and cleaned by the next run.
    pub fn new(file: NamedTempFile) -> std::io::Result<EntryWriter> {
        let mut file = BufWriter::new(file);
        file.write_all(super::recovery::SPILL_HEAD)?;
        Ok(EntryWriter {
            file,
            count: 0,
            bytes: 0,
        })
    }

    pub fn push(&mut self, a: &Artifact) -> std::io::Result<()> {
        serde_json::to_writer(&mut self.file, a)?;
        self.file.write_all(b"\n")?;
        self.count += 1;
        self.bytes += a.bytes;
        Ok(())
    }

    /// All entries pushed: flushed, ready to be read back.
    pub fn finish(self) -> std::io::Result<Entries> {
        let file = self.file.into_inner().map_err(|e| e.into_error())?;
        Ok(Entries {
            path: Some(Arc::new(file.into_temp_path())),
            count: self.count,
            bytes: self.bytes,
        })
    }
}

/// Spilled card entries (or none).
#[derive(Debug, Default, Clone)]
pub struct Entries {
    path: Option<Arc<TempPath>>,
    count: usize,
    bytes: usize,
}

impl Entries {
    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Calls `f` with each entry, in order, one in memory at a time.
    pub fn each(&self, mut f: impl FnMut(Artifact) -> std::io::Result<()>) -> std::io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        for line in BufReader::new(File::open(&**path)?).lines().skip(1) {
            let a = serde_json::from_str(&line?).map_err(std::io::Error::other)?;
            f(a)?;
        }
        Ok(())
    }
}

/// The whole manifest: the run's cards (spilled), then its other artifacts.
#[derive(Debug)]
pub struct Manifest {
    pub generator: String,
    pub title: String,
    /// `bundled` or the input file as given.
    pub input: String,
    pub quotes: usize,
    pub cards: Entries,
    /// The artifacts that are not cards (EPUB, gallery), listed after the cards.
    pub artifacts: Vec<Artifact>,
}

impl Artifact {
    /// A file that is not a card (the EPUB, the gallery): no quote, text or size.
    pub fn plain(path: String, kind: ArtifactKind, bytes: usize, sha256: String) -> Artifact {
        Artifact {
            path,
            kind,
            quote: None,
            text: None,
            template: None,
            size: None,
            lines: Vec::new(),
            font_px: None,
            note: None,
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
            cards: Entries::default(),
            artifacts,
        }
    }

    /// The same manifest listing the spilled `cards` first.
    pub fn with_cards(self, cards: Entries) -> Manifest {
        Manifest { cards, ..self }
    }

    /// Every artifact in order, one at a time: the cards, then the others.
    pub fn each(&self, mut f: impl FnMut(&Artifact) -> std::io::Result<()>) -> std::io::Result<()> {
        self.cards.each(|a| f(&a))?;
        self.artifacts.iter().try_for_each(f)
    }

    /// How many files, and their bytes together.
    pub fn totals(&self) -> (usize, usize) {
        let rest: usize = self.artifacts.iter().map(|a| a.bytes).sum();
        (
            self.cards.count + self.artifacts.len(),
            self.cards.bytes + rest,
        )
    }

    /// Write the manifest as pretty JSON with a final newline, streaming the artifacts.
    pub fn write_json(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.write_json_in(w, None)
    }

    /// [`Manifest::write_json`] recording the identity of the folder it is written in
    /// (`"folder"`), which makes later runs trust it there and nowhere else.
    pub fn write_json_in(
        &self,
        w: &mut dyn std::io::Write,
        folder: Option<&str>,
    ) -> std::io::Result<()> {
        let text = |s: &str| serde_json::to_string(s).map_err(std::io::Error::other);
        write!(
            w,
            "{{\n  \"generator\": {},\n  \"title\": {},\n  \"input\": {},\n  \"quotes\": {},\n",
            text(&self.generator)?,
            text(&self.title)?,
            text(&self.input)?,
            self.quotes
        )?;
        if let Some(folder) = folder {
            writeln!(w, "  \"folder\": {},", text(folder)?)?;
        }
        w.write_all(b"  \"artifacts\": [")?;
        let mut first = true;
        self.each(|a| {
            let entry = serde_json::to_string_pretty(a).map_err(std::io::Error::other)?;
            w.write_all(if first { b"\n" } else { b",\n" })?;
            first = false;
            for (k, line) in entry.lines().enumerate() {
                if k > 0 {
                    w.write_all(b"\n")?;
                }
                write!(w, "    {line}")?;
            }
            Ok(())
        })?;
        w.write_all(if first { b"]\n}\n" } else { b"\n  ]\n}\n" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spilled_cards_stream_into_valid_json_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill = EntryWriter::new(NamedTempFile::new_in(dir.path()).unwrap()).unwrap();
        for i in 0..3 {
            let mut a =
                Artifact::plain(format!("c{i}.png"), ArtifactKind::Card, 10 + i, "ab".into());
            a.text = Some("“引号”\n与 \"quotes\"".into());
            a.lines = vec!["一".into(), "二".into()];
            spill.push(&a).unwrap();
        }
        let book = Artifact::plain("b.epub".into(), ArtifactKind::Epub, 100, "cd".into());
        let m = Manifest::new("标\"题", None, 3, vec![book]).with_cards(spill.finish().unwrap());
        assert_eq!(m.totals(), (4, 133));
        let mut out = Vec::new();
        m.write_json(&mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["title"], "标\"题");
        let paths: Vec<&str> = v["artifacts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["path"].as_str().unwrap())
            .collect();
        assert_eq!(paths, ["c0.png", "c1.png", "c2.png", "b.epub"]);
        assert_eq!(v["artifacts"][1]["lines"][1], "二");
        assert_eq!(v["artifacts"][2]["text"], "“引号”\n与 \"quotes\"");
        let empty = Manifest::new("t", None, 0, vec![]);
        let mut out = Vec::new();
        empty.write_json(&mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["artifacts"], serde_json::json!([]));
    }
}
