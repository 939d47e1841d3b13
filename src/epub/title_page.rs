//! The title page: the book's title (a `名字：一句话` title broken after its colon), the
//! people — interviewers, then the guests, one a line with their descriptions when the cast
//! list gives them — and the summary.

use super::inline::phrase;
use super::xhtml::Context;
use crate::interview::{Interview, Role};
use std::fmt::Write as _;

pub(super) fn title_page(interview: &Interview, cx: &Context<'_>) -> String {
    let meta = &interview.meta;
    // A `名字：一句话` title breaks after the colon (readers without `text-wrap: balance`
    // otherwise leave one character on its last line).
    let title = match crate::typeset::headline_break(cx.title) {
        Some((name, words)) => format!(
            "{}<br/>{}",
            phrase(name, cx.language),
            phrase(words, cx.language)
        ),
        None => phrase(cx.title, cx.language),
    };
    let mut body = format!(
        "<section epub:type=\"titlepage\" class=\"titlepage\">\n<h1 class=\"book-title\">{title}</h1>\n"
    );
    body.push_str(&cast_lines(interview, cx));
    if !meta.summary.is_empty() {
        let _ = writeln!(
            body,
            "<p class=\"summary\">{}</p>",
            phrase(&meta.summary, cx.language)
        );
    }
    body.push_str("</section>");
    body
}

/// Who talks with whom, under the title: `访谈：A × B` on one line; when the cast list says
/// what the people are (`Xuezhi Wang（Google Brain 研究员）`), the interviewers on the first
/// line and one guest a line after it, so a name and its description are read together.
fn cast_lines(interview: &Interview, cx: &Context<'_>) -> String {
    let askers = interview.introduced_by_role(Role::Interviewer);
    let guests = interview.introduced_by_role(Role::Guest);
    let described = interview.people.iter().any(|p| p.affiliation.is_some());
    if !described {
        let names: Vec<String> = [askers, guests]
            .into_iter()
            .map(|n| n.join("、"))
            .filter(|n| !n.is_empty())
            .collect();
        if names.is_empty() {
            return String::new();
        }
        return format!(
            "<p class=\"byline\">访谈：{}</p>\n",
            phrase(&names.join(" × "), cx.language)
        );
    }
    let mut lines = Vec::new();
    if !askers.is_empty() {
        lines.push(format!("访谈：{}", askers.join("、")));
    }
    for (i, g) in guests.iter().enumerate() {
        lines.push(if i == 0 {
            format!("嘉宾：{g}")
        } else {
            g.clone()
        });
    }
    let mut out = String::from("<div class=\"cast\">\n");
    for l in lines {
        let _ = writeln!(out, "<p class=\"byline\">{}</p>", phrase(&l, cx.language));
    }
    out.push_str("</div>\n");
    out
}
