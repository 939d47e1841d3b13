//! The pages around the quote cards — a carousel's cover and end card, the long image's
//! title block and its quotes — drawn in a template's design: its background and colours,
//! its quote font for titles and quotes, its attribution font for labels, and text blocks set
//! by the same typesetter as the cards (display setting, balanced lines, phrase breaks).

use super::error::{Error, Result};
use super::fonts::{EM_ASCENT, FontBook, FontChain, Script};
use super::highlight::draw_line_highlighted;
use super::line::draw_line;
use super::parts::{Parts, resolve};
use super::raster::{Canvas, Color};
use super::render::{accent, background};
use super::template::{LineAlign, Template};
use super::wording::Fixed;
use crate::typeset::{self, Align, Layout};
use std::ops::Range;

/// How a block of text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Setting {
    /// Titles: display setting, balanced lines, centred.
    Title,
    /// Quotes in the long image: body-text setting, justified across the full measure.
    Body,
}

/// A template's design as the extra pages use it.
pub(super) struct PageStyle<'t> {
    pub template: &'t Template,
    pub scale: f32,
    /// The quote's font: titles and quotes.
    pub text_chain: FontChain,
    /// The attribution's font (else the quote's): labels, credits, page numbers.
    pub label_chain: FontChain,
    pub text_color: Color,
    pub label_color: Color,
    /// The rule's colour, else the mark's, else the quote's: highlights and accents.
    pub accent: Color,
    /// The script of the quotes: the fixed words are printed in it.
    pub script: Script,
}

impl<'t> PageStyle<'t> {
    /// The style of `template` at `scale` for text of `script`.
    pub fn new(
        template: &'t Template,
        book: &FontBook,
        scale: f32,
        script: Script,
    ) -> Result<PageStyle<'t>> {
        let chain = |name: &str| resolve(name, template, book).map(|f| book.chain(&f, script));
        let q = &template.quote;
        let label = template.attribution.as_ref();
        Ok(PageStyle {
            template,
            scale,
            text_chain: chain(&q.font)?,
            label_chain: chain(label.map_or(&q.font, |l| &l.font))?,
            text_color: q.color,
            label_color: label.map_or(q.color, |l| l.color),
            accent: accent(template),
            script,
        })
    }

    /// A title or text for a page: emoji sequences folded to the emoji face's one character
    /// each (as on the cards, [`super::emoji`]), characters no face draws replaced (named by
    /// `what` in the warning).
    pub fn page_text(&self, text: &str, what: &'static str) -> String {
        self.text_chain
            .without_missing(&super::emoji::fold(text.trim()), what)
    }

    /// A fixed word in the script of the quotes.
    pub fn word(&self, word: Fixed) -> &'static str {
        word.text(self.script)
    }

    /// `v` px of the template at this scale.
    pub fn px(&self, v: u32) -> f32 {
        v as f32 * self.scale
    }

    /// The page's width, px.
    pub fn width(&self) -> u32 {
        (self.template.size[0] as f32 * self.scale).round() as u32
    }

    /// The content box across: left edge and width, px.
    pub fn content(&self) -> (f32, f32) {
        let [_, pr, _, pl] = self.template.padding;
        (self.px(pl), self.width() as f32 - self.px(pl) - self.px(pr))
    }

    /// The template's background at `height` px.
    pub fn canvas(&self, height: u32) -> Canvas {
        background(self.template, self.width(), height)
    }

    /// `text` set at `em` px in the content box's width as `setting` says; the error says
    /// when a single word is wider than the box.
    pub fn set(&self, text: &str, em: f32, setting: Setting) -> Result<Layout> {
        let style = match setting {
            Setting::Title => typeset::Style {
                align: Align::Center,
                balanced: true,
                ..Parts::style(self.template)
            },
            Setting::Body => typeset::Style {
                align: Align::Justify,
                balanced: false,
                display: false,
                ..Parts::style(self.template)
            },
        };
        let em = em.round().max(1.0) as u32;
        let width = self.content().1;
        let fit = |text: &str| {
            typeset::fit(
                text,
                width,
                f32::MAX / 4.0,
                em,
                em,
                &style,
                &self.text_chain,
            )
        };
        let mut layout = fit(text);
        let wrapped = layout.as_ref().is_some_and(|l| l.lines.len() > 1);
        let headline =
            typeset::headline_break(text).filter(|_| setting == Setting::Title && wrapped);
        if let Some((name, words)) = headline {
            layout = fit(&format!("{name}\n{words}")).or(layout);
        }
        layout.ok_or_else(|| Error::TemplateInvalid {
            file: self.template.name.clone(),
            message: format!(
                "“{}” cannot be set {width:.0} px wide at {em} px: use a wider template",
                crate::printable::excerpt(text, 24)
            ),
        })
    }

    /// Draws a block set in `setting` with its top at `top` — a title centred in the content
    /// box as the cards centre balanced lines, body text from its left edge — `ranges` (bytes
    /// of the set text) in the accent colour.
    pub fn draw_block(
        &self,
        canvas: &mut Canvas,
        (layout, setting): (&Layout, Setting),
        top: f32,
        color: Color,
        ranges: &[Range<usize>],
    ) {
        let (left, width) = self.content();
        let span = layout.lines.iter().fold((f32::MAX, f32::MIN), |(a, b), l| {
            (a.min(l.x), b.max(l.x + l.width))
        });
        let shift = match setting {
            Setting::Title => left + (width - (span.1 - span.0)) / 2.0 - span.0,
            Setting::Body => left,
        };
        let mut start = 0;
        for (i, line) in layout.lines.iter().enumerate() {
            let baseline = top + i as f32 * layout.line_height + EM_ASCENT * layout.size;
            draw_line_highlighted(
                canvas,
                line,
                start,
                ranges,
                &self.text_chain,
                layout.size,
                (shift + line.x, baseline),
                (color, self.accent),
            );
            start += line.text.len();
        }
    }

    /// Draws a title set by [`Self::set`] from `top` in the quote's colour; returns where it
    /// ends.
    pub fn draw_title(&self, canvas: &mut Canvas, title: &Layout, top: f32) -> f32 {
        self.draw_block(canvas, (title, Setting::Title), top, self.text_color, &[]);
        top + title.height()
    }

    /// Draws a one-line label (its em box from `top`) in the content box, shrunk to fit.
    pub fn draw_label(
        &self,
        canvas: &mut Canvas,
        text: &str,
        em: f32,
        top: f32,
        align: LineAlign,
        color: Color,
    ) {
        let text = self.label_chain.without_missing(text, "label");
        let content = self.content();
        draw_line(
            canvas,
            &text,
            &self.label_chain,
            em,
            (content, content),
            top,
            align,
            color,
        );
    }

    /// The label size: the attribution's, else a 36th of the width.
    pub fn label_em(&self) -> f32 {
        match &self.template.attribution {
            Some(l) => self.px(l.size),
            None => self.width() as f32 / 36.0,
        }
    }
}

/// The script of a set of quotes: Traditional when any holds a form only the Traditional
/// face has (one typeface per script across a carousel or long image).
pub fn script_of(quotes: &[super::text::CardText], book: &FontBook) -> Script {
    let text: String = quotes.iter().map(|q| q.text.as_str()).collect();
    book.script_of(&text)
}
