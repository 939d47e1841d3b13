//! The cast list on fixtures of our own: inline legends with abbreviations, label
//! legends, headed lists a person a line, parentheses, hosts named in the intro, and speech
//! that is no legend.

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
