//! Carousels: a platform's set of images in one design — a cover (title, guests, outlet,
//! date), the quotes as pages numbered `n/N`, an end card (the source and its QR code) — at
//! most the platform's count; more quotes make more sets, the quotes shared out evenly.

use super::RenderOptions;
use super::error::{Error, Result};
use super::fonts::FontBook;
use super::image_format::{EncodedImage, encode_image};
use super::page::{PageStyle, Setting, script_of};
use super::qr::QrModules;
use super::raster::Canvas;
use super::render::paint;
use super::source::{CardFields, SourceInfo};
use super::template::{LineAlign, Template};
use super::text::CardText;
use super::wording::Fixed;
use rayon::prelude::*;
use std::ops::Range;

/// A platform's carousel: the template its pages use and how many images a post takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CarouselPreset {
    pub name: &'static str,
    /// The card template every page is drawn in.
    pub template: &'static str,
    /// The most images one post takes (cover and end card included).
    pub max_images: usize,
    pub description: &'static str,
}

/// The carousel presets: Xiaohongshu notes take up to 18 images (3:4 recommended),
/// Instagram carousels up to 20 (4:5 portrait is the tallest a feed shows uncropped).
pub const CAROUSELS: [CarouselPreset; 2] = [
    CarouselPreset {
        name: "xiaohongshu",
        template: "xiaohongshu",
        max_images: 18,
        description: "小红书 note: 1242×1660 (3:4), at most 18 images",
    },
    CarouselPreset {
        name: "instagram",
        template: "portrait",
        max_images: 20,
        description: "Instagram carousel: 1080×1350 (4:5), at most 20 images",
    },
];

/// The carousel preset of this name, or an error listing them.
pub fn carousel_preset(name: &str) -> Result<CarouselPreset> {
    CAROUSELS
        .iter()
        .find(|p| p.name == name)
        .copied()
        .ok_or_else(|| Error::UnknownCarousel {
            name: crate::printable::excerpt(name, 40),
            known: CAROUSELS.map(|p| p.name).join(", "),
        })
}

/// The quotes of each set: every set holds a cover and an end card besides its quotes, so at
/// most `max_images − 2` quotes; the quotes are shared out evenly (20 quotes in 18-image
/// sets: 10 and 10, not 16 and 4). No quotes, no sets.
pub fn plan_sets(quotes: usize, max_images: usize) -> Vec<Range<usize>> {
    let per_set = max_images.saturating_sub(2).max(1);
    if quotes == 0 {
        return Vec::new();
    }
    let sets = quotes.div_ceil(per_set);
    let (base, extra) = (quotes / sets, quotes % sets);
    let mut start = 0;
    (0..sets)
        .map(|i| {
            let len = base + usize::from(i < extra);
            let r = start..start + len;
            start += len;
            r
        })
        .collect()
}

/// One image of a carousel.
#[derive(Debug, Clone, PartialEq)]
pub struct CarouselImage {
    pub file: EncodedImage,
    pub width: u32,
    pub height: u32,
    /// The quote's id, for a quote page.
    pub quote: Option<String>,
    /// The quote's lines as set, for a quote page.
    pub lines: Vec<String>,
}

/// What a page of a set shows.
enum Page<'q> {
    Cover {
        quotes: usize,
    },
    Quote {
        quote: &'q CardText,
        n: usize,
        of: usize,
    },
    End,
}

/// Renders one set: the cover, `quotes` numbered `1/N` … `N/N`, the end card; in parallel,
/// in page order.
pub fn render_carousel(
    quotes: &[CardText],
    source: &SourceInfo,
    template: &Template,
    book: &FontBook,
    options: &RenderOptions,
) -> Result<Vec<CarouselImage>> {
    let of = quotes.len();
    let pages: Vec<Page> = std::iter::once(Page::Cover { quotes: of })
        .chain(quotes.iter().enumerate().map(|(i, quote)| Page::Quote {
            quote,
            n: i + 1,
            of,
        }))
        .chain(std::iter::once(Page::End))
        .collect();
    let qr = source.link.as_deref().map(QrModules::new).transpose()?;
    let style = PageStyle::new(template, book, options.scale, script_of(quotes, book))?;
    pages
        .par_iter()
        .map(|page| {
            let (canvas, alt, quote, lines) = match page {
                Page::Cover { quotes } => (
                    cover(&style, source, *quotes)?,
                    source.title.clone(),
                    None,
                    Vec::new(),
                ),
                Page::Quote { quote, n, of } => {
                    let fields = CardFields {
                        title: options.title.as_deref(),
                        source: Some(source),
                    };
                    let mut painted = paint(quote, template, book, options.scale, fields)?;
                    page_number(&style, &mut painted.canvas, *n, *of);
                    let alt = quote.text.trim().to_string();
                    (painted.canvas, alt, Some(quote.id.clone()), painted.lines)
                }
                Page::End => {
                    let alt = source.link.clone().unwrap_or_else(|| source.title.clone());
                    (
                        end_card(&style, source, qr.as_ref())?,
                        alt,
                        None,
                        Vec::new(),
                    )
                }
            };
            let file = encode_image(&canvas, &[("Description", &alt)], &options.encoding)?;
            Ok(CarouselImage {
                width: canvas.width(),
                height: canvas.height(),
                file,
                quote,
                lines,
            })
        })
        .collect()
}

/// The page height, px.
fn height(style: &PageStyle) -> u32 {
    (style.template.size[1] as f32 * style.scale).round() as u32
}

/// `n/N` in the top padding, at the right, in the label font.
fn page_number(style: &PageStyle, canvas: &mut Canvas, n: usize, of: usize) {
    let em = style.label_em() * 0.8;
    let top = (style.px(style.template.padding[0]) - em) / 2.0;
    let text = format!("{n}/{of}");
    style.draw_label(canvas, &text, em, top, LineAlign::End, style.label_color);
}

/// The cover: the outlet at the top, the title large, an accent rule, the guests and the
/// date, and at the foot how many quotes follow.
fn cover(style: &PageStyle, source: &SourceInfo, quotes: usize) -> Result<Canvas> {
    let h = height(style);
    let mut canvas = style.canvas(h);
    let [pt, _, pb, _] = style.template.padding;
    let (top, bottom) = (style.px(pt), h as f32 - style.px(pb));
    let label = style.label_em();
    if let Some(outlet) = &source.outlet {
        style.draw_label(
            &mut canvas,
            outlet,
            label,
            top,
            LineAlign::Center,
            style.accent,
        );
    }
    // The title as large as keeps it within 45% of the content height.
    let title = style.page_text(&source.title, "carousel title");
    let base = style.width() as f32 / 13.0;
    let room = (bottom - top) * 0.45;
    let mut em = base;
    let mut layout = style.set(&title, em, Setting::Title)?;
    while layout.height() > room && em > base * 0.45 {
        em *= 0.92;
        layout = style.set(&title, em, Setting::Title)?;
    }
    let gap = (0.5 * em).max(style.px(24));
    let under = gap + style.px(6) + style.px(24) + 2.4 * label;
    let block = layout.height() + under;
    let mut y = top + (bottom - top - block) / 2.0;
    y = style.draw_title(&mut canvas, &layout, y) + gap;
    let (left, width) = style.content();
    let rule = style.px(96);
    let x = left + (width - rule) / 2.0;
    canvas.rect(x, y, x + rule, y + style.px(6), style.accent);
    y += style.px(6) + style.px(24);
    if let Some(g) = source.guest_line(style.word(Fixed::Guests)) {
        style.draw_label(
            &mut canvas,
            &g,
            label,
            y,
            LineAlign::Center,
            style.text_color,
        );
    }
    y += 1.4 * label;
    if let Some(date) = &source.date {
        style.draw_label(
            &mut canvas,
            date,
            label * 0.8,
            y,
            LineAlign::Center,
            style.label_color,
        );
    }
    let hint = format!(
        "{quotes} {} · {}",
        style.word(Fixed::Quotes),
        style.word(Fixed::Swipe)
    );
    let foot = bottom - label * 0.8;
    style.draw_label(
        &mut canvas,
        &hint,
        label * 0.8,
        foot,
        LineAlign::Center,
        style.label_color,
    );
    Ok(canvas)
}

/// The end card: where the quotes come from — the title, the outlet and date — and the QR
/// code of the link with a caption, or the title alone without a link.
fn end_card(style: &PageStyle, source: &SourceInfo, qr: Option<&QrModules>) -> Result<Canvas> {
    let h = height(style);
    let mut canvas = style.canvas(h);
    let [pt, _, pb, _] = style.template.padding;
    let (top, bottom) = (style.px(pt), h as f32 - style.px(pb));
    let label = style.label_em();
    let title = style.page_text(&source.title, "carousel title");
    let layout = style.set(&title, style.width() as f32 / 20.0, Setting::Title)?;
    let (left, width) = style.content();
    let qr_side = qr.map_or(0.0, |q| {
        let module = q.module_px(width.min(bottom - top) * 0.5);
        (module * q.side_with_quiet_zone()) as f32
    });
    let gap = style.px(40);
    let block = 1.6 * label
        + layout.height()
        + gap
        + 1.2 * label
        + if qr.is_some() {
            gap + qr_side + 1.6 * label
        } else {
            0.0
        };
    let mut y = top + ((bottom - top - block) / 2.0).max(0.0);
    style.draw_label(
        &mut canvas,
        style.word(Fixed::Source),
        label,
        y,
        LineAlign::Center,
        style.accent,
    );
    y += 1.6 * label;
    y = style.draw_title(&mut canvas, &layout, y) + gap;
    if let Some(line) = source.outlet_line() {
        style.draw_label(
            &mut canvas,
            &line,
            label * 0.9,
            y,
            LineAlign::Center,
            style.label_color,
        );
    }
    y += 1.2 * label;
    if let Some(q) = qr {
        y += gap;
        let module = q.module_px(qr_side);
        let x = left + (width - qr_side) / 2.0;
        q.draw(&mut canvas, (x, y), module);
        y += qr_side + 0.5 * label;
        style.draw_label(
            &mut canvas,
            style.word(Fixed::ScanToRead),
            label * 0.8,
            y,
            LineAlign::Center,
            style.label_color,
        );
    }
    Ok(canvas)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_stay_within_the_count_and_share_quotes_evenly() {
        assert!(plan_sets(0, 18).is_empty());
        assert_eq!(plan_sets(5, 18), vec![0..5]);
        assert_eq!(plan_sets(16, 18), vec![0..16]);
        assert_eq!(plan_sets(17, 18), [0..9, 9..17]);
        assert_eq!(plan_sets(20, 18), [0..10, 10..20]);
        for n in 1..100 {
            let sets = plan_sets(n, 20);
            assert_eq!(sets.iter().map(|r| r.len()).sum::<usize>(), n);
            assert!(sets.iter().all(|r| r.len() + 2 <= 20 && !r.is_empty()));
            assert!(sets.windows(2).all(|w| w[0].end == w[1].start));
        }
    }

    #[test]
    fn presets_are_found_or_listed() {
        assert_eq!(carousel_preset("xiaohongshu").unwrap().max_images, 18);
        assert_eq!(carousel_preset("instagram").unwrap().max_images, 20);
        let e = carousel_preset("tiktok").unwrap_err().to_string();
        assert!(e.contains("xiaohongshu, instagram"), "{e}");
    }
}
