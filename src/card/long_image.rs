//! The long image (长图): a title block and the quotes with their credits stacked in one tall
//! image 1080 px wide, in a template's design and set by the same typesetter as the cards,
//! the source and its QR code at the foot; split between quotes into several images when one
//! would pass the platforms' height or file-size limits.

use super::RenderOptions;
use super::error::{Error, Result};
use super::fonts::FontBook;
use super::highlight::phrase_ranges;
use super::image_format::{EncodedImage, encode_image};
use super::page::{PageStyle, Setting, script_of};
use super::qr::QrModules;
use super::raster::Canvas;
use super::source::SourceInfo;
use super::template::{LineAlign, Template};
use super::text::CardText;
use super::wording::Fixed;
use crate::typeset::Layout;
use std::ops::Range;

/// The long image's width, px: what WeChat and Weibo show full width on a phone.
pub const LONG_WIDTH: u32 = 1080;

/// How large one long image may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LongLimits {
    /// Weibo's app takes long images up to 20,000 px tall.
    pub max_height: u32,
    /// WeChat's editor takes images up to 5 MB (its API up to 10 MB).
    pub max_bytes: usize,
}

impl Default for LongLimits {
    fn default() -> Self {
        LongLimits {
            max_height: 20_000,
            max_bytes: 5 * 1024 * 1024,
        }
    }
}

/// One image of the long image.
#[derive(Debug, Clone, PartialEq)]
pub struct LongImage {
    pub file: EncodedImage,
    pub width: u32,
    pub height: u32,
    /// The ids of the quotes it shows, in order.
    pub quotes: Vec<String>,
}

/// A part of the stack, set and measured before anything is drawn.
enum Block {
    Title {
        layout: Layout,
        above: Option<String>,
        below: Vec<String>,
    },
    Quote {
        id: String,
        layout: Layout,
        ranges: Vec<Range<usize>>,
        credit: String,
    },
    Foot {
        line: String,
        qr: Option<QrModules>,
    },
}

/// Renders the long image of `quotes` in `template`'s design at 1080 px wide: one image, or
/// several split between quotes to keep within `limits`.
pub fn render_long(
    quotes: &[CardText],
    source: &SourceInfo,
    template: &Template,
    book: &FontBook,
    options: &RenderOptions,
    limits: LongLimits,
) -> Result<Vec<LongImage>> {
    let scale = LONG_WIDTH as f32 / template.size[0] as f32;
    let style = PageStyle::new(template, book, scale, script_of(quotes, book))?;
    let blocks = blocks(quotes, source, &style)?;
    let [pt, _, pb, _] = template.padding;
    let frame = style.px(pt) + style.px(pb);
    let heights: Vec<f32> = blocks.iter().map(|b| height(b, &style)).collect();
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let mut used = frame;
    for (i, h) in heights.iter().enumerate() {
        if frame + h > limits.max_height as f32 {
            let what = match &blocks[i] {
                Block::Quote { id, .. } => format!("quote `{id}`"),
                _ => "the title".to_string(),
            };
            return Err(Error::TemplateInvalid {
                file: template.name.clone(),
                message: format!(
                    "{what} alone is {:.0} px tall in the long image, over the {} px limit: \
                     shorten it",
                    frame + h,
                    limits.max_height
                ),
            });
        }
        if used + h > limits.max_height as f32 && i > start {
            pieces.push(start..i);
            (start, used) = (i, frame);
        }
        used += h;
    }
    pieces.push(start..blocks.len());
    let mut out = Vec::new();
    let mut queue: std::collections::VecDeque<Range<usize>> = pieces.into();
    while let Some(piece) = queue.pop_front() {
        let canvas = draw(
            &blocks[piece.clone()],
            &heights[piece.clone()],
            &style,
            frame,
        );
        let alt = format!("{}{}", source.title, style.word(Fixed::LongImage));
        let file = encode_image(&canvas, &[("Description", &alt)], &options.encoding)?;
        if file.bytes.len() > limits.max_bytes {
            if piece.len() < 2 {
                return Err(Error::Encode(format!(
                    "a long image of one block is {} bytes, over the {} byte limit: use \
                     --image-format jpeg",
                    file.bytes.len(),
                    limits.max_bytes
                )));
            }
            // Over the byte limit: halve the piece and draw both halves again.
            let mid = piece.start + piece.len() / 2;
            queue.push_front(mid..piece.end);
            queue.push_front(piece.start..mid);
            continue;
        }
        let ids = blocks[piece]
            .iter()
            .filter_map(|b| match b {
                Block::Quote { id, .. } => Some(id.clone()),
                _ => None,
            })
            .collect();
        out.push(LongImage {
            width: canvas.width(),
            height: canvas.height(),
            file,
            quotes: ids,
        });
    }
    Ok(out)
}

/// The title block, each quote with its credit, the foot.
fn blocks(quotes: &[CardText], source: &SourceInfo, style: &PageStyle) -> Result<Vec<Block>> {
    let w = style.width() as f32;
    let title = style.page_text(&source.title, "long image title");
    let mut blocks = vec![Block::Title {
        layout: style.set(&title, w / 16.0, Setting::Title)?,
        above: source.outlet.clone(),
        below: [
            source.guest_line(style.word(Fixed::Guests)),
            source.date.clone(),
        ]
        .into_iter()
        .flatten()
        .collect(),
    }];
    let (min, max) = (style.template.quote.size.min, style.template.quote.size.max);
    let em = (w / 20.0).clamp(style.px(min), style.px(max));
    for q in quotes {
        let text = &*super::emoji::fold(q.text.trim());
        style.text_chain.check(text, "quote")?;
        let highlights: Vec<String> = q
            .highlights
            .iter()
            .map(|h| super::emoji::fold(h).into_owned())
            .collect();
        let credit = q.credit.trim();
        blocks.push(Block::Quote {
            id: q.id.clone(),
            layout: style.set(text, em, Setting::Body)?,
            ranges: phrase_ranges(text, &highlights),
            credit: if credit.is_empty() {
                String::new()
            } else {
                format!("—— {credit}")
            },
        });
    }
    blocks.push(Block::Foot {
        line: [
            Some(format!(
                "{}{}",
                style.word(Fixed::SourceTitle),
                source.title.trim()
            )),
            source.outlet_line(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · "),
        qr: source.link.as_deref().map(QrModules::new).transpose()?,
    });
    Ok(blocks)
}

/// The QR code's side in the foot, px.
fn qr_side(qr: &QrModules, style: &PageStyle) -> f32 {
    (qr.module_px(style.width() as f32 * 0.26) * qr.side_with_quiet_zone()) as f32
}

/// A block's height with the space below it, px.
fn height(block: &Block, style: &PageStyle) -> f32 {
    let label = style.label_em();
    let gap = style.px(72);
    match block {
        Block::Title {
            layout,
            above,
            below,
        } => {
            let above = if above.is_some() { 1.8 * label } else { 0.0 };
            above + layout.height() + 0.6 * label + 1.5 * label * below.len() as f32 + gap
        }
        Block::Quote { layout, credit, .. } => {
            let credit = if credit.is_empty() {
                0.0
            } else {
                0.8 * label + label
            };
            style.px(6) + gap / 2.0 + layout.height() + credit + gap
        }
        Block::Foot { qr, .. } => {
            1.6 * label + qr.as_ref().map_or(0.0, |q| qr_side(q, style) + 1.4 * label)
        }
    }
}

/// Draws `blocks` one under the other in an image just tall enough for them.
fn draw(blocks: &[Block], heights: &[f32], style: &PageStyle, frame: f32) -> Canvas {
    let total = frame + heights.iter().sum::<f32>();
    let mut canvas = style.canvas(total.ceil() as u32);
    let mut y = style.px(style.template.padding[0]);
    let label = style.label_em();
    let (left, width) = style.content();
    for (block, h) in blocks.iter().zip(heights) {
        let mut at = y;
        match block {
            Block::Title {
                layout,
                above,
                below,
            } => {
                if let Some(outlet) = above {
                    style.draw_label(
                        &mut canvas,
                        outlet,
                        label,
                        at,
                        LineAlign::Center,
                        style.accent,
                    );
                    at += 1.8 * label;
                }
                at = style.draw_title(&mut canvas, layout, at) + 0.6 * label;
                for line in below {
                    at += 0.5 * label;
                    style.draw_label(
                        &mut canvas,
                        line,
                        label,
                        at,
                        LineAlign::Center,
                        style.label_color,
                    );
                    at += label;
                }
            }
            Block::Quote {
                layout,
                ranges,
                credit,
                ..
            } => {
                let rule = style.px(64);
                canvas.rect(left, at, left + rule, at + style.px(6), style.accent);
                at += style.px(6) + style.px(36);
                style.draw_block(
                    &mut canvas,
                    (layout, Setting::Body),
                    at,
                    style.text_color,
                    ranges,
                );
                at += layout.height() + 0.8 * label;
                if !credit.is_empty() {
                    style.draw_label(
                        &mut canvas,
                        credit,
                        label,
                        at,
                        LineAlign::End,
                        style.label_color,
                    );
                }
            }
            Block::Foot { line, qr } => {
                style.draw_label(
                    &mut canvas,
                    line,
                    label * 0.8,
                    at,
                    LineAlign::Center,
                    style.label_color,
                );
                at += 1.6 * label;
                if let Some(q) = qr {
                    let side = qr_side(q, style);
                    let x = left + (width - side) / 2.0;
                    q.draw(&mut canvas, (x, at), q.module_px(side));
                    at += side + 0.4 * label;
                    style.draw_label(
                        &mut canvas,
                        style.word(Fixed::ScanToRead),
                        label * 0.8,
                        at,
                        LineAlign::Center,
                        style.label_color,
                    );
                }
            }
        }
        y += h;
    }
    canvas
}
