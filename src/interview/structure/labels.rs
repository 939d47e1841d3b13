//! Speaker labels: which paragraph openings are labels (`**Name：**`, `**Name**：`, `Name：`,
//! `**Name:**` alone on its line, `**潘乱**` alone, `**《晚点》：question**`), which labels are
//! speakers (they recur; meta labels such as `注：`, `题图来源：`, `时间：` never are), and
//! which labels are one speaker (`腾讯新闻` and `腾讯新闻潜望`).

use super::meta_labels::is_meta;
use crate::interview::clean::is_han;
use crate::interview::marked::Marked;
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// A label at the start of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The label as written, spaces normalised (`Lex Fridman`, `《远光灯》`).
    pub name: String,
    /// Where the text after the label (and its colon) starts, in characters.
    pub end: usize,
    /// The label's characters are bold.
    pub bold: bool,
    /// Nothing follows the label: the turn's text is the next paragraph.
    pub alone: bool,
    /// The label ends with a colon.
    pub colon: bool,
}

const COLONS: [char; 2] = ['：', ':'];

static NUMBERED_QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(Q|问|問)\s*\d{1,3}\s*[.．、:：)）]\s*").expect("static regex")
});

/// The label `m` opens with, if its shape is a label's.
pub fn label(m: &Marked) -> Option<Label> {
    let cs = &m.chars;
    if let Some(l) = numbered_question(m).or_else(|| timed(m)) {
        return Some(l);
    }
    let lead = cs.iter().take_while(|c| c.is_whitespace()).count();
    let window = cs.len().min(lead + 32);
    if let Some(k) = (lead..window).find(|&i| COLONS.contains(&cs[i])) {
        let digit = |i: Option<usize>| {
            i.and_then(|i| cs.get(i))
                .is_some_and(|c| c.is_ascii_digit())
        };
        if digit(k.checked_sub(1)) && digit(Some(k + 1)) {
            return None; // 18:20, 2：1
        }
        let name = normalise(&cs[lead..k].iter().collect::<String>());
        let url = cs.get(k + 1) == Some(&'/') && cs.get(k + 2) == Some(&'/');
        if !name_like(&name) || url {
            return None; // `https://…` is an address, not a speaker
        }
        let bold = (lead..k)
            .filter(|&i| !cs[i].is_whitespace())
            .all(|i| m.bold[i]);
        let mut end = k + 1;
        while end < cs.len() && (cs[end].is_whitespace() || cs[end] == '\u{3000}') {
            end += 1;
        }
        return Some(Label {
            name,
            end,
            bold,
            alone: end >= cs.len(),
            colon: true,
        });
    }
    // A bold name alone on its line, without a colon (`**潘乱**`).
    let text: String = cs.iter().collect();
    let name = normalise(&text);
    let alone = m.all_bold() && name_like(&name) && name.chars().count() <= 16;
    alone.then_some(Label {
        name,
        end: cs.len(),
        bold: true,
        alone: true,
        colon: false,
    })
}

/// [`TIMED`] needs a colon and a digit (`\d` ⊂ `is_numeric`) last: else it is not compiled.
fn could_be_timed(text: &str) -> bool {
    text.contains(':') && text.trim_end().ends_with(char::is_numeric)
}

/// [`NUMBERED_QUESTION`] needs `Q`, `问` or `問` first.
fn could_be_numbered_question(text: &str) -> bool {
    text.trim_start().starts_with(['Q', '问', '問'])
}

/// A label and a time. The label's length is checked after the match ([`timed_label`]):
/// `.{1,24}?` compiled to 24 copies of the any-character automaton, 2 ms of a book's build.
static TIMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(.+?)\s+(?:\d{1,2}:)?\d{1,2}:\d{2}\s*$").expect("static regex")
});

/// The most characters of a label before a time.
const TIMED_LABEL_CHARS: usize = 24;

/// The label of a line that is a label and a time, at most [`TIMED_LABEL_CHARS`] long. The
/// lazy `.+?` takes the shortest label the time can follow, as `.{1,24}?` did: when that one
/// is too long, so is every other, and neither pattern has a label.
fn timed_label(text: &str) -> Option<&str> {
    let label = TIMED.captures(text)?.get(1)?.as_str();
    (label.chars().count() <= TIMED_LABEL_CHARS).then_some(label)
}

/// A label with the time it was said, alone on its line (`Aman 01:46:42`, `张三  12:05`, as
/// transcripts print them): the label opens a turn, the time is no text.
fn timed(m: &Marked) -> Option<Label> {
    let text = m.text();
    if !could_be_timed(&text) {
        return None;
    }
    let name = normalise(timed_label(&text)?);
    name_like(&name).then(|| Label {
        bold: m.bold.iter().zip(&m.chars).any(|(b, _)| *b),
        name,
        end: m.len(),
        alone: true,
        colon: true,
    })
}

/// A numbered question (`**Q1. 今年以来…？**`, `问3、…？`) is a turn of the asker `Q`/`问`: the
/// number orders the questions, the text is a question (a `？` at its end, or wholly bold).
fn numbered_question(m: &Marked) -> Option<Label> {
    let text = m.text();
    if !could_be_numbered_question(&text) {
        return None;
    }
    let found = NUMBERED_QUESTION.captures(&text)?;
    let rest = text[found.get(0)?.end()..].trim_end();
    if rest.is_empty() || !(rest.ends_with(['？', '?']) || m.all_bold()) {
        return None;
    }
    Some(Label {
        name: found[1].to_string(),
        end: text[..found.get(0)?.end()].chars().count(),
        bold: m.all_bold(),
        alone: false,
        colon: true,
    })
}

/// A label glued to the end of the paragraph before its turn (`…项目。**Xuezhi Wang**` and
/// a line break, the answer on the next line): a bold name closing a paragraph right after
/// a sentence's end. Returns where the name starts; it is a label only when the name is a
/// speaker's, which the caller decides.
pub fn glued(m: &Marked) -> Option<usize> {
    let cs = &m.chars;
    let mut end = cs.len();
    while end > 0 && cs[end - 1].is_whitespace() {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && m.bold[start - 1] {
        start -= 1;
    }
    while start < end && cs[start].is_whitespace() {
        start += 1;
    }
    let before = cs[..start].iter().rev().find(|c| !c.is_whitespace())?;
    let name = normalise(&cs[start..end].iter().collect::<String>());
    ("。！？!?…”」』）)".contains(*before) && name_like(&name) && name.chars().count() <= 24)
        .then_some(start)
}

/// Spaces trimmed and collapsed; a parenthesised title after a name dropped
/// (`黄民烈（聆心智能创始人）` → `黄民烈`).
pub fn normalise(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match s.find(['（', '(']) {
        Some(i) if i > 0 && s.ends_with(['）', ')']) => s[..i].trim().to_string(),
        _ => s,
    }
}

/// A label's shape: a short name — Han (at most 6, or an outlet in 《》「」), Latin words
/// (at most 4), dots and middle dots — with no sentence punctuation and no leading digit.
pub fn name_like(s: &str) -> bool {
    if super::given::is_anonymous_label(s) {
        return true;
    }
    let n = s.chars().count();
    if n == 0 || n > 24 || s.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let bracketed = (s.starts_with('《') && s.ends_with('》'))
        || (s.starts_with('「') && s.ends_with('」'))
        || (s.starts_with('【') && s.ends_with('】'));
    let inner: &str = if bracketed {
        let mut it = s.chars();
        it.next();
        it.next_back();
        it.as_str()
    } else {
        s
    };
    let ok_chars = inner
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '·' | '•' | '.' | ' ' | '-' | '&' | '\''));
    let han = inner.chars().filter(|&c| is_han(c)).count();
    let words = inner.split(' ').filter(|w| !w.is_empty()).count();
    let digits_only_latin = inner
        .chars()
        .filter(|c| c.is_ascii_digit())
        .count()
        .le(&(if inner.chars().any(|c| c.is_ascii_alphabetic()) {
            2
        } else {
            0
        }));
    ok_chars
        && digits_only_latin
        && (han <= 6 || bracketed && han <= 10)
        && words <= 4
        && !(han > 0 && words > 2)
}

/// How a label was seen across the interview.
#[derive(Debug, Default, Clone)]
struct Seen {
    first: usize,
    bold: usize,
    plain: usize,
    alone_no_colon: usize,
}

/// The speakers: labels that recur (twice in bold or alone on a line, three times plain),
/// minus meta labels, in order of first appearance; and the aliases that fold a label into
/// another that contains it (`腾讯新闻` → `腾讯新闻潜望`, the one used more).
pub fn speakers(labels: &[Option<Label>]) -> (Vec<String>, BTreeMap<String, String>) {
    let mut seen: BTreeMap<String, Seen> = BTreeMap::new();
    for (i, l) in labels.iter().enumerate() {
        let Some(l) = l else { continue };
        if is_meta(&l.name) {
            continue;
        }
        let s = seen.entry(l.name.clone()).or_insert_with(|| Seen {
            first: i,
            ..Seen::default()
        });
        if !l.colon {
            s.alone_no_colon += 1;
        } else if l.bold {
            s.bold += 1;
        } else {
            s.plain += 1;
        }
    }
    let uses = |s: &Seen| s.bold + s.plain + s.alone_no_colon;
    let mut accepted: Vec<(String, Seen)> = seen
        .iter()
        .filter(|(_, s)| {
            s.bold >= 2 || s.plain >= 3 || (s.bold + s.plain >= 2 && s.bold >= 1) || {
                s.alone_no_colon >= 3
            }
        })
        .map(|(n, s)| (n.clone(), s.clone()))
        .collect();
    accepted.sort_by_key(|(_, s)| s.first);
    // Fold labels contained in another; the display label is the one used more.
    let mut aliases = BTreeMap::new();
    let key = |s: &str| s.to_lowercase().replace(' ', "");
    let names: Vec<String> = accepted.iter().map(|(n, _)| n.clone()).collect();
    let count: BTreeMap<String, usize> =
        accepted.iter().map(|(n, s)| (n.clone(), uses(s))).collect();
    for a in &names {
        for b in &names {
            if a == b || aliases.contains_key(a) || aliases.contains_key(b) {
                continue;
            }
            let (ka, kb) = (key(a), key(b));
            if ka.chars().count() >= 2 && kb.contains(&ka) && ka != kb || ka == kb && a > b {
                let (from, to) = if count[a] > count[b] { (b, a) } else { (a, b) };
                aliases.insert(from.clone(), to.clone());
            }
        }
    }
    // Labels used once that are a speaker's label with other spacing or case, or a longer or
    // shorter form of it (`腾讯新闻` beside `腾讯新闻潜望`).
    for (name, s) in &seen {
        if names.contains(name) || aliases.contains_key(name) {
            continue;
        }
        let k = key(name);
        let same = |n: &&String| {
            let kn = key(n);
            kn == k
                || (s.bold > 0 && k.chars().count() >= 2 && (kn.contains(&k) || k.contains(&kn)))
        };
        if let Some(target) = names.iter().find(same) {
            let target = aliases.get(target).unwrap_or(target).clone();
            aliases.insert(name.clone(), target);
        }
    }
    let speakers = names
        .into_iter()
        .filter(|n| !aliases.contains_key(n))
        .collect();
    (speakers, aliases)
}

#[cfg(test)]
#[path = "labels_gate_tests.rs"]
mod gate_tests;

#[cfg(test)]
#[path = "labels_tests.rs"]
mod tests;
