//! Putting the book together: pages, the 目录, font subsets and stylesheet; then the one zip
//! (`archive`) of the files with epub-builder's package (`crate_package`) patched
//! (`package`) and the crate's nav and NCX replaced (`nav`). The cover card is drawn on a
//! thread of its own from the start; the two fonts are subset side by side on others while
//! the cover is awaited and the crate writes the package. It owns the order of the files and
//! the book's identifier; the markup of each part belongs to its own module.

use super::archive;
use super::back::About;
use super::crate_package::Listed;
use super::font::{self, Weight};
use super::meta::Resolved;
use super::nav::{self, NAV_FILE, NCX_FILE};
use super::package::{self, Contents};
use super::xhtml::{
    self, CONTENTS_PAGE, CONTENTS_TITLE, COVER_TITLE, Context, CoverImage, Page, PageKind,
};
use super::{EpubError, EpubOptions, FONT_FAMILY, STYLESHEET, VERTICAL_STYLESHEET};
use crate::interview::{Interview, Role};
use crate::select::Quote;
use rayon::prelude::*;
use std::collections::HashMap;
use uuid::Uuid;

/// Where the `@font-face` rules go in the stylesheet (after `@charset` and `@namespace`,
/// which must come first).
const FONT_FACES_MARK: &str = "/* @font-face rules of the embedded fonts */\n";

/// The namespace of the book identifiers: UUID v5 of "jinju" in the URL namespace.
fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"https://jinju.invalid/epub")
}

/// The book's identifier: UUID v5 of its metadata and every file, so the same content always
/// gets the same identifier and different content a different one. The name UUID v5 hashes
/// is the metadata, then each file's name and bytes, each followed by a 0; it is hashed as
/// a stream (the same SHA-1 `Uuid::new_v5` computes, without copying the book into one name).
fn identifier(meta: &Resolved, files: &[(String, &[u8])]) -> Uuid {
    use sha1::Digest;
    let mut sha1 = sha1::Sha1::new();
    sha1.update(namespace().as_bytes());
    sha1.update(format!("{meta:?}").as_bytes());
    for (name, bytes) in files {
        for part in [name.as_bytes(), &[0], bytes, &[0]] {
            sha1.update(part);
        }
    }
    let mut first = [0; 16];
    first.copy_from_slice(&sha1.finalize()[..16]);
    uuid::Builder::from_sha1_bytes(first).into_uuid()
}

/// The width and height a PNG's header states; `None` when it is no PNG.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    let be = |at: usize| Some(u32::from_be_bytes(png.get(at..at + 4)?.try_into().ok()?));
    let png_header = png.starts_with(b"\x89PNG\r\n\x1a\n") && png.get(12..16) == Some(b"IHDR");
    png_header.then_some(())?;
    Some((be(16)?, be(20)?))
}

/// The cover's alt text: the title and the quote on it.
fn cover_alt(title: &str, quote: Option<&str>) -> String {
    match quote {
        Some(q) if !q.trim().is_empty() => format!("封面：《{title}》，金句“{}”", q.trim()),
        _ => format!("封面：《{title}》"),
    }
}

/// The stylesheet: `@charset` and `@namespace` first, then the fonts, then the rules, then
/// those of vertical writing for a vertical book.
fn stylesheet(subsets: &[font::Subset], vertical: bool) -> String {
    let faces: String = subsets
        .iter()
        .map(|s| font::font_face(FONT_FAMILY, s))
        .collect();
    let mut css = STYLESHEET.replacen(FONT_FACES_MARK, &faces, 1);
    if vertical {
        css.push('\n');
        css.push_str(VERTICAL_STYLESHEET);
    }
    css
}

/// The whole book as zip bytes. `cover` renders the cover image (PNG) on a thread of its
/// own, from the start: it needs nothing of the pages, so it is drawn while they are made and
/// the fonts subset.
pub fn assemble(
    interview: &Interview,
    quotes: &[Quote],
    opts: &EpubOptions,
    meta: &Resolved,
    cover: impl FnOnce() -> Result<Option<Vec<u8>>, String> + Send,
) -> Result<Vec<u8>, EpubError> {
    std::thread::scope(|scope| {
        let drawing = scope.spawn(cover);
        let drawn = || {
            drawing.join().unwrap_or_else(|_| {
                Err("the cover card could not be drawn (a bug in jinju: please report it)".into())
            })
        };
        put_together(interview, quotes, opts, meta, drawn)
    })
}

/// [`assemble`] once the cover is under way: `cover` waits for it.
fn put_together(
    interview: &Interview,
    quotes: &[Quote],
    opts: &EpubOptions,
    meta: &Resolved,
    cover: impl FnOnce() -> Result<Option<Vec<u8>>, String> + Send,
) -> Result<Vec<u8>, EpubError> {
    // The bold face only comes with a regular one.
    let faces: Vec<(&[u8], Weight)> = match (&opts.font, &opts.font_bold) {
        (Some(regular), bold) => std::iter::once((regular.as_ref(), Weight::Regular))
            .chain(bold.as_deref().map(|b| (b, Weight::Bold)))
            .collect(),
        (None, _) => Vec::new(),
    };
    let about = About {
        source_note: meta.source_note.clone(),
        source_title: meta.source_title.clone(),
        source_url: meta.source_url.clone(),
        title: meta.title.clone(),
        fonts: faces
            .iter()
            .map(|&(bytes, weight)| font::describe(bytes, opts.font_index, weight))
            .collect::<Result<_, _>>()?,
        keep_punctuation: opts.keep_punctuation,
        images_left_out: (0..interview.figures.len())
            .filter(|&i| opts.figures.get(i).is_none_or(Option::is_none))
            .count(),
        images_in_book: (0..interview.figures.len())
            .filter(|&i| opts.figures.get(i).is_some_and(Option::is_some))
            .count(),
        debris_dropped: !interview.dropped.is_empty(),
    };
    // Whose turns are questions: the credited interviewers and whoever the text itself has
    // asking, named or known only by a role label (`问`, credited to nobody).
    let mut askers = meta.interviewers.clone();
    let by_role = interview
        .speakers
        .iter()
        .filter(|s| interview.roles.get(*s) == Some(&Role::Interviewer))
        .map(String::as_str);
    for s in by_role.chain(interview.meta.interviewer.split('、')) {
        if !s.is_empty() && !askers.iter().any(|a| a == s) {
            askers.push(s.to_string());
        }
    }
    let (placed, embedded) = super::figure::place(&interview.figures, &opts.figures);
    let introduced = interview.first_turns_introduced();
    let cx = Context {
        title: &meta.title,
        language: &meta.language,
        interviewers: &askers,
        marks: &interview.marks,
        figures: &placed,
        introduced: &introduced,
    };
    let mut pages = xhtml::pages(interview, quotes, &about, &cx);
    let entries = nav::entries(&pages);
    let at = pages
        .iter()
        .position(|p| p.kind == PageKind::TitlePage)
        .map_or(0, |i| i + 1);
    let contents = nav::contents_body(&entries, &meta.language);
    let page = Page::new(
        CONTENTS_PAGE,
        CONTENTS_TITLE,
        PageKind::Contents,
        &contents,
        &meta.language,
    );
    pages.insert(at, page);

    let chars = font::chars_of(&pages, &format!("{CONTENTS_TITLE}{COVER_TITLE}"));
    if let Some(&(bytes, _)) = faces.first()
        && let Some(warning) = font::lacking_warning(&font::lacking(bytes, opts.font_index, &chars))
    {
        eprintln!("{}", crate::printable::escape(&warning));
    }
    // The two faces are independent: subset them side by side, while the cover is awaited,
    // epub-builder writes the package (it needs the fonts' names only) and the pages are
    // deflated.
    let fonts: Vec<(String, &'static str)> = faces
        .iter()
        .map(|&(bytes, weight)| font::file_of(bytes, opts.font_index, weight))
        .collect();
    let (subsets, listed) = std::thread::scope(|scope| {
        let packaging = scope.spawn(|| {
            cover().map_err(EpubError::Cover).and_then(|cover_png| {
                if let Some(png) = &cover_png {
                    let (width, height) = png_size(png).ok_or(EpubError::CoverNotPng)?;
                    let image = CoverImage {
                        width,
                        height,
                        alt: cover_alt(&meta.title, opts.cover_quote.as_deref()),
                    };
                    pages.insert(0, xhtml::cover_page(&image, &meta.language));
                }
                if opts.vertical {
                    for page in &mut pages {
                        page.xhtml = super::vertical::combine_digits(&page.xhtml);
                    }
                }
                let listed = Listed {
                    fonts: &fonts,
                    cover: cover_png.is_some(),
                    images: &embedded,
                    pages: &pages,
                };
                let raw = super::crate_package::archive(interview, opts, meta, &listed)?;
                let names: Vec<String> =
                    pages.iter().map(|p| format!("OEBPS/{}", p.file)).collect();
                let bodies = names.iter().zip(&pages);
                let made = archive::ahead(
                    bodies.map(|(name, p)| (name.as_str(), p.xhtml.as_bytes())),
                    meta.modified,
                )?;
                Ok((cover_png, raw, made))
            })
        });
        // On the calling thread: inside the command's thread pool (`--jobs`), not rayon's
        // global one.
        let subsets = faces
            .par_iter()
            .map(|&(bytes, weight)| font::subset(bytes, opts.font_index, &chars, weight))
            .collect::<Result<Vec<_>, _>>();
        let listed = packaging.join().unwrap_or_else(|_| {
            Err(EpubError::Cover(
                "the package could not be written (a bug in jinju: please report it)".into(),
            ))
        });
        (subsets, listed)
    });
    let subsets = subsets?;
    let (cover_png, raw, made) = listed?;
    let landmarks = nav::landmarks(&pages);
    let css = stylesheet(&subsets, opts.vertical);
    let nav_doc = nav::nav_document(&entries, &landmarks, &meta.language);

    let oebps = |f: &str| format!("OEBPS/{f}");
    let mut content: Vec<(String, &[u8])> = vec![
        (oebps(NAV_FILE), nav_doc.as_bytes()),
        (oebps(xhtml::STYLESHEET_HREF), css.as_bytes()),
    ];
    content.extend(subsets.iter().map(|s| (oebps(&s.file), s.bytes.as_slice())));
    if let Some(png) = &cover_png {
        content.push((oebps(xhtml::COVER_IMAGE), png.as_slice()));
    }
    content.extend(
        embedded
            .iter()
            .map(|(name, f)| (oebps(name), f.bytes.as_slice())),
    );
    content.extend(pages.iter().map(|p| (oebps(&p.file), p.xhtml.as_bytes())));
    let uid = format!("urn:uuid:{}", identifier(meta, &content));

    let ncx = nav::ncx(&entries, &meta.title, &uid, &meta.language);
    let contents = Contents {
        meta,
        uid: &uid,
        pages: &pages,
    };
    let (opf_path, ncx_path) = (archive::PACKAGE_PATH, oebps(NCX_FILE));
    let bodies: HashMap<&str, &[u8]> = content.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    archive::repack(&raw, &made, meta.modified, |name, data| {
        Ok(if name == opf_path {
            package::patch(&String::from_utf8_lossy(&data), &contents)?.into_bytes()
        } else if name == ncx_path {
            ncx.as_bytes().to_vec()
        } else if let Some(body) = bodies.get(name) {
            body.to_vec()
        } else {
            data
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_identifier_is_uuid_v5_of_the_metadata_and_files_in_order() {
        let interview = crate::interview::parse_default().expect("parse");
        let meta = crate::epub::BookMeta::default()
            .resolve(&interview)
            .expect("meta");
        let files = [
            ("a.xhtml".to_string(), &b"<p/>"[..]),
            ("b.css".to_string(), b"p{}"),
        ];
        let mut name = format!("{meta:?}").into_bytes();
        for (file, bytes) in &files {
            name.extend([file.as_bytes(), &[0], bytes, &[0]].concat());
        }
        assert_eq!(identifier(&meta, &files), Uuid::new_v5(&namespace(), &name));
        let swapped = [files[1].clone(), files[0].clone()];
        assert_ne!(identifier(&meta, &swapped), identifier(&meta, &files));
    }

    #[test]
    fn png_sizes_come_from_the_header() {
        let png = crate::epub::tests::png();
        assert_eq!(png_size(&png), Some((60, 75)));
        assert_eq!(png_size(b"\x89PNG\r\n\x1a\n"), None);
    }

    #[test]
    fn the_stylesheet_opens_with_charset_and_namespace_then_the_fonts() {
        assert!(STYLESHEET.contains(FONT_FACES_MARK));
        let css = stylesheet(&[], false);
        assert!(css.starts_with(
            "@charset \"UTF-8\";\n@namespace epub \"http://www.idpf.org/2007/ops\";\n"
        ));
        assert_eq!(css.matches("@namespace").count(), 1);
    }
}
