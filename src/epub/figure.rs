//! The source's images in the book: each at its place (`interview::figures`), as a
//! `<figure>` with its alt text and — when the source has a caption line under it — that
//! line as its `<figcaption>`, or, when the caller could not get the file, a visible
//! placeholder that says an image stood here and what it showed (its caption kept too). It owns the figures'
//! markup and file names; reading, checking and resizing the files is the command's
//! (`commands::images`), which hands over the bytes.

use super::inline::{escape, phrase};
use crate::interview::figures::Figure;
use crate::interview::{Address, Kind, Paragraph};

/// An image file for the book, ready to embed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageFile {
    pub bytes: Vec<u8>,
    /// `image/jpeg`, `image/png`, `image/gif` or `image/webp`.
    pub media_type: &'static str,
}

impl ImageFile {
    /// The file's extension for its media type.
    fn extension(&self) -> &'static str {
        match self.media_type {
            "image/png" => "png",
            "image/gif" => "gif",
            "image/webp" => "webp",
            _ => "jpg",
        }
    }
}

/// A figure as the pages place it: where, its file inside the book (none: a placeholder),
/// its alt text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub before: Option<Address>,
    pub file: Option<String>,
    pub alt: String,
}

/// The figures placed, and the files to embed (`images/fig01.jpg`…): `files[i]` is the
/// image of `figures[i]`, `None` when it could not be had.
pub fn place<'f>(
    figures: &[Figure],
    files: &'f [Option<ImageFile>],
) -> (Vec<Placed>, Vec<(String, &'f ImageFile)>) {
    let mut placed = Vec::with_capacity(figures.len());
    let mut embed = Vec::new();
    for (n, figure) in (1..).zip(figures) {
        let file = files.get(n - 1).and_then(Option::as_ref).map(|f| {
            let name = format!("images/fig{n:02}.{}", f.extension());
            embed.push((name.clone(), f));
            name
        });
        placed.push(Placed {
            before: figure.before,
            file,
            alt: figure.alt.clone(),
        });
    }
    (placed, embed)
}

/// Alt texts that say nothing (WeChat writes `图片` on every image).
fn says_nothing(alt: &str) -> bool {
    matches!(
        alt.to_lowercase().as_str(),
        "" | "图片" | "圖片" | "image" | "img" | "photo" | "picture"
    )
}

/// A figure's caption: the caption paragraph's anchor (`p3-12`) and its text as markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caption<'a> {
    pub anchor: &'a str,
    pub xhtml: &'a str,
}

/// The markup of the figures placed before `p`; when `p` is a caption line, it is the last
/// one's caption (`caption` makes its text's markup) and the second value is true: `p` is
/// written there, and the caller writes it no more.
pub fn above(
    figures: &[Placed],
    p: &Paragraph,
    language: &str,
    caption: impl FnOnce() -> String,
) -> (String, bool) {
    let here: Vec<&Placed> = figures
        .iter()
        .filter(|f| f.before == Some(p.address))
        .collect();
    let captioned = p.kind == Kind::Caption && !here.is_empty();
    let (anchor, xhtml) = if captioned {
        (p.address.anchor(), caption())
    } else {
        Default::default()
    };
    let mut out = String::new();
    for (i, f) in here.iter().enumerate() {
        let caption = (captioned && i + 1 == here.len()).then_some(Caption {
            anchor: &anchor,
            xhtml: &xhtml,
        });
        out.push_str(&markup(f, language, caption));
    }
    (out, captioned)
}

/// A figure's markup: the image with its alt text (`图片` when the source gives none), or
/// the placeholder, naming what the image showed when the source says; then its caption.
pub fn markup(figure: &Placed, language: &str, caption: Option<Caption<'_>>) -> String {
    let alt = match figure.alt.trim() {
        a if says_nothing(a) => "图片".to_string(),
        a => a.to_string(),
    };
    let caption = caption.map_or(String::new(), |c| {
        format!(
            "<figcaption class=\"caption\" id=\"{}\">{}</figcaption>",
            c.anchor, c.xhtml
        )
    });
    match &figure.file {
        Some(file) => format!(
            "<figure class=\"figure\"><img src=\"{}\" alt=\"{}\"/>{caption}</figure>\n",
            escape(file),
            escape(&alt)
        ),
        None => {
            let what = match figure.alt.trim() {
                a if says_nothing(a) => String::new(),
                a => format!("：{}", phrase(a, language)),
            };
            format!(
                "<figure class=\"figure missing\"><p class=\"placeholder\">［此处原有一幅图片{what}，未能收入本书］</p>{caption}</figure>\n"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_numbered_and_a_missing_one_is_a_placeholder() {
        let fig = |alt: &str| Figure {
            before: None,
            src: "a.png".into(),
            alt: alt.into(),
        };
        let png = ImageFile {
            bytes: vec![1],
            media_type: "image/png",
        };
        let files = [None, Some(png)];
        let (placed, embed) = place(&[fig("团队合影"), fig("")], &files);
        assert_eq!(embed.len(), 1);
        assert_eq!(embed[0].0, "images/fig02.png");
        let missing = markup(&placed[0], "zh-CN", None);
        assert!(
            missing.contains("此处原有一幅图片：团队合影，"),
            "{missing}"
        );
        let unnamed = Placed {
            alt: "图片".into(),
            ..placed[0].clone()
        };
        assert!(markup(&unnamed, "zh-CN", None).contains("［此处原有一幅图片，未能收入本书］"));
        let shown = markup(&placed[1], "zh-CN", None);
        assert_eq!(
            shown,
            "<figure class=\"figure\"><img src=\"images/fig02.png\" alt=\"图片\"/></figure>\n"
        );
        let caption = Caption {
            anchor: "p1-3",
            xhtml: "团队合影｜受访者供图",
        };
        assert_eq!(
            markup(&placed[1], "zh-CN", Some(caption)),
            "<figure class=\"figure\"><img src=\"images/fig02.png\" alt=\"图片\"/>\
             <figcaption class=\"caption\" id=\"p1-3\">团队合影｜受访者供图</figcaption></figure>\n"
        );
        let kept = markup(&placed[0], "zh-CN", Some(caption));
        assert!(
            kept.ends_with("未能收入本书］</p><figcaption class=\"caption\" id=\"p1-3\">团队合影｜受访者供图</figcaption></figure>\n"),
            "a placeholder keeps its caption: {kept}"
        );
    }

    #[test]
    fn a_caption_line_under_images_is_the_last_one_s_figcaption() {
        let at = Address {
            section: 1,
            paragraph: 3,
        };
        let shown = |file: &str| Placed {
            before: Some(at),
            file: Some(file.into()),
            alt: String::new(),
        };
        let figures = [shown("images/fig01.png"), shown("images/fig02.png")];
        let mut line = Paragraph {
            address: at,
            kind: Kind::Caption,
            speaker: None,
            opens_turn: false,
            text: "团队合影｜受访者供图".into(),
            emphasis: vec![],
            time: None,
        };
        let (out, captioned) = above(&figures, &line, "zh-CN", || line.text.clone());
        assert!(captioned);
        assert_eq!(out.matches("<figcaption").count(), 1, "{out}");
        let second = out.find("fig02.png").unwrap();
        assert!(
            out[second..].contains(
                "<figcaption class=\"caption\" id=\"p1-3\">团队合影｜受访者供图</figcaption>"
            ),
            "{out}"
        );
        line.kind = Kind::Prose;
        let (out, captioned) = above(&figures, &line, "zh-CN", || unreachable!());
        assert!(!captioned && !out.contains("figcaption"), "{out}");
        line.kind = Kind::Caption;
        let (out, captioned) = above(&[], &line, "zh-CN", || unreachable!());
        assert!(
            !captioned && out.is_empty(),
            "a caption with no image stays a line"
        );
    }
}
