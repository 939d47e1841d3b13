//! The source's images in the book: each at its place (`interview::figures`), as a
//! `<figure>` with its alt text, or — when the caller could not get the file — a visible
//! placeholder that says an image stood here and what it showed. It owns the figures'
//! markup and file names; reading, checking and resizing the files is the command's
//! (`commands::images`), which hands over the bytes.

use super::inline::{escape, phrase};
use crate::interview::Address;
use crate::interview::figures::Figure;

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

/// A figure's markup: the image with its alt text (`图片` when the source gives none), or
/// the placeholder, naming what the image showed when the source says.
pub fn markup(figure: &Placed, language: &str) -> String {
    let alt = match figure.alt.trim() {
        a if says_nothing(a) => "图片".to_string(),
        a => a.to_string(),
    };
    match &figure.file {
        Some(file) => format!(
            "<figure class=\"figure\"><img src=\"{}\" alt=\"{}\"/></figure>\n",
            escape(file),
            escape(&alt)
        ),
        None => {
            let what = match figure.alt.trim() {
                a if says_nothing(a) => String::new(),
                a => format!("：{}", phrase(a, language)),
            };
            format!(
                "<figure class=\"figure missing\"><p class=\"placeholder\">［此处原有一幅图片{what}，未能收入本书］</p></figure>\n"
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
        let missing = markup(&placed[0], "zh-CN");
        assert!(
            missing.contains("此处原有一幅图片：团队合影，"),
            "{missing}"
        );
        let unnamed = Placed {
            alt: "图片".into(),
            ..placed[0].clone()
        };
        assert!(markup(&unnamed, "zh-CN").contains("［此处原有一幅图片，未能收入本书］"));
        let shown = markup(&placed[1], "zh-CN");
        assert_eq!(
            shown,
            "<figure class=\"figure\"><img src=\"images/fig02.png\" alt=\"图片\"/></figure>\n"
        );
    }
}
