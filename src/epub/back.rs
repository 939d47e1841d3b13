//! The back matter: 金句 (the selected quotes, each linked to the paragraph it comes from) and
//! 关于本书 (source, corrections, fonts and licence). Markup only, like `xhtml`.

use super::font::{FontInfo, Weight};
use super::inline::{escape, phrase};
use super::xhtml::{Context, chapter_file, section_label, web_links};
use crate::interview::{Interview, clean};
use crate::select::{Quote, QuoteAddress};
use std::fmt::Write as _;

/// What 关于本书 says beyond the interview itself.
#[derive(Debug, Clone, Default)]
pub struct About {
    /// A sentence about the source that replaces the generated one.
    pub source_note: Option<String>,
    /// The source's title and address, when known (never a local file name).
    pub source_title: Option<String>,
    pub source_url: Option<String>,
    /// The book's title (the generated sentence names it).
    pub title: String,
    /// The embedded fonts, regular first.
    pub fonts: Vec<FontInfo>,
    /// The body keeps the source's ASCII punctuation (`--keep-punctuation`): so do the
    /// corrections shown here.
    pub keep_punctuation: bool,
    /// The source's images the book does not hold (a placeholder stands in for each).
    pub images_left_out: usize,
    /// The source's images the book holds.
    pub images_in_book: usize,
    /// Lines of the page around the interview (navigation, ads) were dropped.
    pub debris_dropped: bool,
}

impl About {
    /// What the book leaves out of the source, said truthfully.
    fn left_out(&self) -> String {
        let mut out = String::from("收录正文全文，未作删节");
        // Not counted aloud: a saved page's images include its icons and QR codes.
        if self.images_left_out > 0 && self.images_in_book == 0 {
            out.push_str("；原文中的图片未收入本书");
        } else if self.images_left_out > 0 {
            out.push_str("；原文中的图片有一部分未能收入本书，书中以方括号注明其位置");
        }
        if self.debris_dropped {
            out.push_str("；网页上正文以外的导航、推广等文字已略去");
        }
        out
    }

    /// The corrected text as the body shows it: cleaned unless the body is not.
    fn shown(&self, text: &str) -> String {
        if self.keep_punctuation {
            text.trim().to_string()
        } else {
            clean::punctuation(text.trim())
        }
    }

    /// 来源: the note, else the source's title and address, else the book's title.
    fn source(&self, language: &str) -> String {
        if let Some(note) = &self.source_note {
            return phrase(note, language);
        }
        let named = self.source_title.as_deref().unwrap_or(&self.title);
        let mut out = format!(
            "本书据访谈《{}》的原文编排，{}",
            phrase(named, language),
            self.left_out()
        );
        if let Some(url) = &self.source_url {
            let _ = write!(
                out,
                "（原文：<a href=\"{u}\"><span lang=\"en\" xml:lang=\"en\">{u}</span></a>）",
                u = escape(url)
            );
        }
        out.push('。');
        out
    }
}

/// Where a quote links to: its paragraph when that exists, else its section's chapter.
fn quote_href(interview: &Interview, quote: &Quote) -> Option<String> {
    if let Some(at) = (quote.address.as_ref())
        .and_then(QuoteAddress::paragraph)
        .filter(|&at| interview.paragraph(at).is_some())
    {
        return Some(format!("{}#{}", chapter_file(at.section), at.anchor()));
    }
    interview
        .section(quote.section.number)
        .map(|s| chapter_file(s.number))
}

/// The 金句 chapter: each quote with its speaker and a link back to where it was said.
pub fn highlights(interview: &Interview, quotes: &[Quote], language: &str) -> String {
    let mut body = String::from(
        "<section epub:type=\"chapter\" role=\"doc-chapter\" class=\"highlights\" id=\"highlights\">\n<h1>金句</h1>\n",
    );
    for (n, quote) in (1..).zip(quotes) {
        let who = quote.credit();
        let _ = write!(
            body,
            "<blockquote class=\"hl\" id=\"q{n}\">\n<p class=\"hl-text\">{}</p>\n<p class=\"hl-src\">",
            phrase(&quote.text, language)
        );
        if !who.is_empty() {
            let _ = write!(
                body,
                "<span class=\"hl-who\">——{}</span><br/>",
                phrase(who, language)
            );
        }
        let place = match interview.section(quote.section.number) {
            Some(s) => format!("出自 {}", section_label(s)),
            None if quote.section.number == 0 => "出自 导语".to_string(),
            None => format!("出自 {:02} {}", quote.section.number, quote.section.title),
        };
        match quote_href(interview, quote) {
            Some(href) => {
                let _ = write!(
                    body,
                    "<a href=\"{}\">{}</a>",
                    escape(&href),
                    phrase(&place, language)
                );
            }
            None => body.push_str(&phrase(&place, language)),
        }
        body.push_str("</p>\n</blockquote>\n");
    }
    body.push_str("</section>");
    body
}

/// 链接: each http(s) link of the text with its address written out, for readers that cannot
/// follow links (and for print); each goes back to its paragraph. `None`: the text has none.
pub fn links(interview: &Interview, cx: &Context<'_>) -> Option<String> {
    let mut items = String::new();
    for p in interview.paragraphs() {
        for ([a, b], href) in web_links(cx.marks, p) {
            let text: String = p.text.chars().skip(a).take(b.saturating_sub(a)).collect();
            let _ = writeln!(
                items,
                "<li><a href=\"{}#{}\">{}</a><br/><span class=\"url\" lang=\"en\" xml:lang=\"en\">{}</span></li>",
                chapter_file(p.address.section),
                p.address.anchor(),
                phrase(&text, cx.language),
                escape(href.trim())
            );
        }
    }
    (!items.is_empty()).then(|| {
        format!(
            "<section epub:type=\"appendix\" role=\"doc-appendix\" class=\"links\" id=\"links\">\n\
             <h1>链接</h1>\n<p class=\"links-intro\">正文中的链接及其网址：</p>\n<ol>\n{items}</ol>\n</section>"
        )
    })
}

/// 关于本书: where the text comes from, the corrections applied, the fonts and their licence.
pub fn about(interview: &Interview, about: &About, language: &str) -> String {
    let mut body = String::from(
        "<section epub:type=\"colophon\" role=\"doc-colophon\" class=\"about\" id=\"about\">\n<h1>关于本书</h1>\n<h2>来源</h2>\n",
    );
    let _ = writeln!(body, "<p>{}</p>", about.source(language));
    body.push_str("<h2>校订</h2>\n");
    if interview.corrections.is_empty() {
        body.push_str("<p>原文未作校订。</p>\n");
    } else {
        let _ = writeln!(
            body,
            "<p>据勘误表校订{}处：</p>\n<ul class=\"corrections\">",
            interview.corrections.len()
        );
        for c in &interview.corrections {
            let _ = write!(
                body,
                "<li><span class=\"was\">{}</span> → <span class=\"now\">{}</span>",
                phrase(&about.shown(&c.find), language),
                phrase(&about.shown(&c.replace), language)
            );
            if !c.why.trim().is_empty() {
                let _ = write!(
                    body,
                    "<br/><span class=\"why\">{}</span>",
                    phrase(c.why.trim(), language)
                );
            }
            body.push_str("</li>\n");
        }
        body.push_str("</ul>\n");
    }
    body.push_str("<h2>字体</h2>\n");
    if about.fonts.is_empty() {
        body.push_str("<p>本书未嵌入字体，由阅读器以其默认字体显示。</p>\n");
    } else {
        for font in &about.fonts {
            let label = match font.weight {
                Weight::Regular => "正文字体",
                Weight::Bold => "粗体（说话人、提问与标题）",
            };
            let _ = writeln!(
                body,
                "<p>{label}：{}（{}）。</p>",
                phrase(&font.name, language),
                phrase(&font.licence, language)
            );
        }
        body.push_str("<p>书中只嵌入了本书用到的字形。</p>\n");
    }
    body.push_str("<p class=\"made\">由<span lang=\"en\" xml:lang=\"en\">jinju</span>（金句）生成。</p>\n</section>");
    body
}
