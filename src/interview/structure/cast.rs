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
mod tests {
    use super::*;
    use crate::interview::marked::Marked;
    use crate::read::BlockKind;

    fn para(text: &str, bold: bool) -> Para {
        let m = if bold {
            Marked {
                chars: text.chars().collect(),
                bold: vec![true; text.chars().count()],
            }
        } else {
            Marked::plain(text)
        };
        Para {
            kind: BlockKind::Paragraph,
            label: super::super::labels::label(&m),
            m,
            line: 0,
            raw: text.into(),
            time: None,
        }
    }

    fn labels(l: &[&str]) -> Vec<String> {
        l.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn inline_legend_with_abbreviations() {
        let ps = [para("受訪者：周永康（周） 記者：李雅文（李）", false)];
        let c = read(&ps, 1, &labels(&["周", "李"]));
        assert_eq!(c.entries.len(), 2);
        assert_eq!(c.entries[0].name, "周永康");
        assert_eq!(c.entries[0].abbr.as_deref(), Some("周"));
        assert_eq!(c.entries[0].role, Some(Role::Guest));
        assert_eq!(c.entries[1].role, Some(Role::Interviewer));
    }

    #[test]
    fn label_legends_are_metadata() {
        let ps = [
            para("問：《早晨有你》主持人", true),
            para("何：何嘉欣", true),
            para("問：你點睇？", true),
        ];
        let c = read(&ps, 3, &labels(&["問", "何"]));
        assert_eq!(c.lines, [0, 1]);
        assert_eq!(c.entries[0].role, Some(Role::Interviewer));
        assert_eq!(c.entries[1].name, "何嘉欣");
        assert_eq!(c.entries[1].abbr.as_deref(), Some("何"));
    }

    #[test]
    fn cast_headings_list_one_person_a_line() {
        let ps = [
            para("本期嘉宾：", true),
            para("Lin Qiao, 某实验室研究员", false),
            para("Mark Chen，某公司产品经理", false),
            para("播客 主播：", true),
            para("Vera: 投资人，公众号主理人", false),
            para("以下是对话全文。", false),
        ];
        let c = read(&ps, 6, &labels(&["Vera", "Lin Qiao", "Mark Chen"]));
        let named: Vec<(&str, Option<Role>)> = c
            .entries
            .iter()
            .map(|e| (e.name.as_str(), e.role))
            .collect();
        assert_eq!(
            named,
            [
                ("Lin Qiao", Some(Role::Guest)),
                ("Mark Chen", Some(Role::Guest)),
                ("Vera", Some(Role::Interviewer))
            ]
        );
        assert!(c.lines.contains(&4) && !c.lines.contains(&5));
        let said: Vec<Option<&str>> = c.entries.iter().map(|e| e.affiliation.as_deref()).collect();
        assert_eq!(
            said,
            [
                Some("某实验室研究员"),
                Some("某公司产品经理"),
                Some("投资人，公众号主理人")
            ]
        );
    }

    #[test]
    fn a_parenthesis_is_an_abbreviation_or_an_affiliation() {
        let ps = [para(
            "讨论嘉宾：钟凯文（某大厂数据科学家）、刘一帆（刘）、王二（主持人）",
            false,
        )];
        let c = read(&ps, 1, &labels(&["钟凯文", "刘", "王二"]));
        let got: Vec<(&str, Option<&str>, Option<&str>)> = c
            .entries
            .iter()
            .map(|e| (e.name.as_str(), e.abbr.as_deref(), e.affiliation.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("钟凯文", None, Some("某大厂数据科学家")),
                ("刘一帆", Some("刘"), None),
                ("王二", None, None)
            ]
        );
    }

    #[test]
    fn intro_names_hosts_that_are_labels() {
        let ps = [para(
            "在这期播客里，主持人 Mia、Joe 与Sam Lee 聊了聊创业。",
            false,
        )];
        let c = read(&ps, 1, &labels(&["Mia", "Joe", "Sam"]));
        let hosts: Vec<&str> = c.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(hosts, ["Mia", "Joe"]);
        let c = read(&ps, 1, &labels(&["Sam"]));
        assert!(c.entries.is_empty());
        // A one-letter label at the start of another name is no host.
        let ps = [para("被主持陳志雲等人多次追問。", false)];
        assert!(read(&ps, 1, &labels(&["陳"])).entries.is_empty());
    }

    #[test]
    fn speech_is_no_legend() {
        let ps = [
            para("陳：陳美齡", false),
            para("陳：係，我諗過。", false),
            para("陳：陳美齡", false),
        ];
        let c = read(&ps, 1, &labels(&["陳"]));
        assert_eq!(
            c.lines,
            [0],
            "a legend is its label's first use, never speech"
        );
    }
}
