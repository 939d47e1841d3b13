//! What an article states about its people before the conversation: legends
//! (`被訪者：朱福強（朱） 記者：羅恩惠（羅）`, `**問：…主持人**` / `**陳：陳美齡**`), cast lists
//! (`讨论嘉宾：A、B、C`, `**本期嘉宾：**` then a name per line, `主播：Monica`), and the intro's
//! introductions (`主持人 Alessio、Swyx 与…`). Such lines name people and give their roles;
//! they are metadata, never turns.

use super::Para;
use super::labels::name_like;
use crate::interview::model::Role;
use crate::interview::people::Evidence;
use regex::Regex;
use std::sync::LazyLock;

/// One person the article states.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The name as stated (`朱福強`, `《在晴朗的一天出發》主持人`, `Monica`).
    pub name: String,
    /// The short label the turns use, when the legend gives one (`朱`).
    pub abbr: Option<String>,
    /// What the list says the person is or works for (`某大厂数据科学家`, `Google Brain 研究员`).
    pub affiliation: Option<String>,
    pub role: Option<Role>,
    pub from: Evidence,
}

/// The legends, cast lists and introductions among the paragraphs before the conversation.
#[derive(Debug, Default)]
pub struct Cast {
    pub entries: Vec<Entry>,
    /// Paragraphs that are cast lines: never turns.
    pub lines: Vec<usize>,
}

/// Words that say a role before a colon (Simplified and Traditional).
/// How many paragraphs into the conversation a legend may stand (a legend of two or three
/// people often opens it: `**問：…主持人**` / `**陳：陳美齡**`).
const LEGEND_REACH: usize = 4;

const GUEST_WORDS: &[&str] = &[
    "讨论嘉宾",
    "討論嘉賓",
    "对话嘉宾",
    "對話嘉賓",
    "本期嘉宾",
    "本期嘉賓",
    "特邀嘉宾",
    "嘉宾",
    "嘉賓",
    "受访者",
    "受訪者",
    "被访者",
    "被訪者",
    "访谈对象",
    "訪談對象",
    "Guest",
    "Guests",
];
const HOST_WORDS: &[&str] = &[
    "主持人",
    "主持",
    "主播",
    "记者",
    "記者",
    "采访者",
    "採訪者",
    "Host",
    "Hosts",
];

pub(super) static ROLE_COLON: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = GUEST_WORDS.iter().chain(HOST_WORDS).copied().collect();
    Regex::new(&format!(r"({})\s*[：:]", words.join("|"))).expect("static regex")
});
pub(super) static INTRO_HOSTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(主持人|主播|主持)\s*").expect("static regex"));

fn role_of(word: &str) -> Role {
    if HOST_WORDS.contains(&word) {
        Role::Interviewer
    } else {
        Role::Guest
    }
}

/// A role word in a legend's description (`《…》主持人`).
fn described_role(text: &str) -> Option<Role> {
    if HOST_WORDS.iter().any(|w| text.contains(w)) {
        Some(Role::Interviewer)
    } else if GUEST_WORDS.iter().any(|w| text.contains(w)) {
        Some(Role::Guest)
    } else {
        None
    }
}

fn sentence_end(t: &str) -> bool {
    t.contains(['。', '！', '？', '?', '…'])
}

/// One person of a cast list: the name, the abbreviation when the parenthesis holds one
/// (`朱福強（朱）`), and the affiliation when a parenthesis or what follows a comma or colon
/// describes them (`钟凯祺（某大厂数据科学家）`, `Xuezhi Wang, Google Brain 研究员`) — a
/// description of up to 40 characters that is no sentence and names no role (`主持人` is a
/// role, read apart).
struct NameItem {
    name: String,
    abbr: Option<String>,
    affiliation: Option<String>,
}

fn name_item(item: &str) -> Option<NameItem> {
    let item = item
        .trim()
        .trim_matches(|c: char| c == '*' || c.is_whitespace());
    let end = item
        .find(['（', '(', ',', '，', ':', '：'])
        .unwrap_or(item.len());
    let name = item[..end].trim().to_string();
    if !name_like(&name) || name.chars().count() < 2 && !name.is_ascii() {
        return None;
    }
    let rest = &item[end..];
    let inner = rest
        .strip_prefix(['（', '('])
        .and_then(|r| r.split([')', '）']).next())
        .map(str::trim);
    let abbr = inner
        .filter(|a| !a.is_empty() && a.chars().count() <= 2 && a.chars().all(|c| name.contains(c)))
        .map(str::to_string);
    let described = match inner {
        Some(d) => d,
        None => rest.trim_start_matches([',', '，', ':', '：']).trim(),
    };
    let affiliation = Some(described.trim_end_matches(['。', '；', ';']).trim())
        .filter(|d| abbr.is_none() && !d.is_empty() && d.chars().count() <= 40)
        .filter(|d| !sentence_end(d) && described_role(d).is_none())
        .map(str::to_string);
    Some(NameItem {
        name,
        abbr,
        affiliation,
    })
}

/// Read the cast before the conversation, which starts at paragraph `conversation`;
/// `labels` are the speakers' labels (for introductions and legends, which only count for a
/// label the turns use). A legend may open the conversation: it is its label's first use.
pub fn read(paras: &[Para], conversation: usize, labels: &[String]) -> Cast {
    let mut cast = Cast::default();
    let end = conversation.min(paras.len());
    let mut seen: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < (conversation + LEGEND_REACH).min(paras.len()) {
        let text = paras[i].text();
        let t = text.trim();
        let first_use = paras[i]
            .label
            .as_ref()
            .is_some_and(|l| !seen.contains(&l.name.as_str()));
        if let Some(l) = &paras[i].label {
            seen.push(&l.name);
        }
        if let Some(e) = legend(&paras[i], labels).filter(|_| first_use) {
            cast.entries.push(e);
            cast.lines.push(i);
        } else if i >= end {
        } else if let Some(word) = heading_role(t) {
            // `**本期嘉宾：**` then one person a line.
            let role = role_of(word);
            let mut j = i + 1;
            while j < (conversation + LEGEND_REACH).min(paras.len()) && j <= i + 8 {
                let p = &paras[j];
                if p.kind == crate::read::BlockKind::Image {
                    j += 1;
                    continue;
                }
                // A speaker's own-line label opens the conversation: the list has ended.
                if p.label
                    .as_ref()
                    .is_some_and(|l| l.alone && labels.contains(&l.name))
                {
                    break;
                }
                let line = p.text();
                let Some(item) = name_item(&line).filter(|_| {
                    heading_role(line.trim()).is_none() && !line.trim_end().ends_with(['？', '?'])
                }) else {
                    break;
                };
                cast.entries.push(Entry {
                    name: item.name,
                    abbr: item.abbr,
                    affiliation: item.affiliation,
                    role: Some(role),
                    from: Evidence::Cast,
                });
                cast.lines.push(j);
                j += 1;
            }
            cast.lines.push(i);
            i = j;
            continue;
        } else {
            let found = inline_list(t);
            if !found.is_empty() {
                cast.entries.extend(found);
            } else {
                cast.entries.extend(introductions(t, labels));
            }
        }
        i += 1;
    }
    cast
}

/// `**OnBoard! 主播：**`, `本期嘉宾：` — a role word and a colon ending a short line.
fn heading_role(t: &str) -> Option<&'static str> {
    let m = ROLE_COLON.captures(t)?;
    let whole = m.get(0)?;
    let before = &t[..whole.start()];
    let after = t[whole.end()..].trim();
    let word = GUEST_WORDS
        .iter()
        .chain(HOST_WORDS)
        .find(|w| **w == &m[1])?;
    (after.is_empty() && before.chars().count() <= 12 && !sentence_end(before)).then_some(*word)
}

/// `被訪者：朱福強（朱） 記者：羅恩惠（羅）`, `讨论嘉宾：A、B、C`, `主播：Monica`: role words
/// with their names, on a line that is nothing else.
fn inline_list(t: &str) -> Vec<Entry> {
    let marks: Vec<_> = ROLE_COLON.captures_iter(t).collect();
    let Some(first) = marks.first().and_then(|m| m.get(0)) else {
        return Vec::new();
    };
    if t.chars().count() > 160
        || first.start() > 0 && t[..first.start()].chars().count() > 12
        || sentence_end(t)
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, m) in marks.iter().enumerate() {
        let (Some(whole), Some(word)) = (m.get(0), m.get(1)) else {
            continue;
        };
        let stop = marks
            .get(k + 1)
            .and_then(|n| n.get(0))
            .map_or(t.len(), |n| n.start());
        let role = role_of(word.as_str());
        for item in t[whole.end()..stop].split(['、', '，', ',', '；', ';', '/', '／']) {
            if let Some(item) = name_item(item) {
                out.push(Entry {
                    name: item.name,
                    abbr: item.abbr,
                    affiliation: item.affiliation,
                    role: Some(role),
                    from: Evidence::Cast,
                });
            }
        }
    }
    out
}

/// A legend line: a speaker's label whose text is not speech but who the label stands for —
/// a name holding the label (`陳：陳美齡`) or a role (`問：《在晴朗的一天出發》主持人`).
fn legend(p: &Para, labels: &[String]) -> Option<Entry> {
    let l = p.label.as_ref().filter(|l| l.colon && !l.alone)?;
    if !labels.contains(&l.name) {
        return None;
    }
    let rest: String = p.m.chars[l.end..].iter().collect();
    let rest = rest.trim();
    if rest.chars().count() > 30 || sentence_end(rest) || rest.contains(['，', ',']) {
        return None;
    }
    let role = described_role(rest);
    let holds_label = l.name.chars().all(|c| rest.contains(c)) && name_like(rest);
    (role.is_some() || holds_label).then(|| Entry {
        name: rest.to_string(),
        abbr: Some(l.name.clone()),
        affiliation: None,
        role,
        from: Evidence::Cast,
    })
}

/// `主持人 Alessio、Swyx 与Aman Sanger 聊了聊`: hosts named in the intro's prose, counted only
/// for names the turns use as labels.
fn introductions(t: &str, labels: &[String]) -> Vec<Entry> {
    let mut out = Vec::new();
    for m in INTRO_HOSTS.find_iter(t) {
        let rest = &t[m.end()..];
        for item in rest.split(['、', '，', ',']).take(4) {
            let item = item.trim();
            let Some(label) = labels.iter().find(|l| item == l.as_str()) else {
                // The list ends where a name is not a label (`Swyx 与Aman Sanger`).
                let ends_name = |l: &&String| {
                    item.strip_prefix(l.as_str())
                        .and_then(|r| r.chars().next())
                        .is_some_and(|c| c == ' ' || "与和及跟".contains(c))
                };
                if let Some(label) = labels.iter().find(ends_name) {
                    out.push(host(label));
                }
                break;
            };
            out.push(host(label));
        }
    }
    out
}

fn host(label: &str) -> Entry {
    Entry {
        name: label.to_string(),
        abbr: None,
        affiliation: None,
        role: Some(Role::Interviewer),
        from: Evidence::Intro,
    }
}

#[cfg(test)]
#[path = "cast_tests.rs"]
mod tests;
