//! A small interview built by hand, with quotes: every kind of paragraph, and markup
//! characters in the text.

use crate::interview::{Address, Correction, Interview, Kind, Meta, Paragraph, Section};
use crate::select::{Quote, QuoteKind, SectionRef};

fn para(
    section: u32,
    n: u32,
    kind: Kind,
    speaker: Option<&str>,
    opens: bool,
    text: &str,
) -> Paragraph {
    Paragraph {
        address: Address {
            section,
            paragraph: n,
        },
        kind,
        speaker: speaker.map(str::to_string),
        opens_turn: opens,
        text: text.to_string(),
        emphasis: Vec::new(),
        time: None,
    }
}

/// A small interview built by hand: two sections, questions, answers, a note, a gap, and
/// markup characters in a paragraph, the title and the summary.
pub fn sample() -> Interview {
    let (q, a) = (Some("张小珺"), Some("张鹏"));
    let turn = Kind::Turn;
    Interview {
        meta: Meta {
            title: "上市访谈：R&D <与> \"AGI\"".into(),
            summary: "本文是对智谱 CEO 张鹏的一次深度访谈节选（Q&A <节选>）。".into(),
            interviewer: "张小珺".into(),
            interviewee: "张鹏".into(),
            byline: None,
            format: crate::read::Format::Text,
            date: None,
            source_url: None,
            outlet: None,
            tags: Vec::new(),
            intro_paragraphs: vec![para(
                0,
                1,
                Kind::Prose,
                None,
                false,
                "就在这个意味深长的历史时刻，我与张鹏做了一场3小时长谈。",
            )],
        },
        speakers: vec!["张小珺".into(), "张鹏".into()],
        roles: [
            ("张小珺".to_string(), crate::interview::Role::Interviewer),
            ("张鹏".to_string(), crate::interview::Role::Guest),
        ]
        .into(),
        aliases: Default::default(),
        people: ["张小珺", "张鹏"]
            .iter()
            .zip([
                crate::interview::Role::Interviewer,
                crate::interview::Role::Guest,
            ])
            .map(|(n, role)| crate::interview::Person {
                label: n.to_string(),
                name: n.to_string(),
                affiliation: None,
                role,
                name_from: crate::interview::Evidence::Label,
                role_from: crate::interview::Evidence::Byline,
            })
            .collect(),
        doubts: Vec::new(),
        sections: vec![
            Section {
                number: 1,
                numbered: true,
                title: Some("谈上市".into()),
                pull_quote: Some("我觉得祝大家好运吧".into()),
                paragraphs: vec![
                    para(
                        1,
                        1,
                        turn,
                        q,
                        true,
                        "为什么AGI还没有实现，你们这些公司都纷纷上市了？",
                    ),
                    para(
                        1,
                        2,
                        turn,
                        a,
                        true,
                        "确实这里面有好多原因。实现AGI不简单——是一个马拉松，一个长跑。",
                    ),
                    para(1, 3, turn, a, false, "在不同阶段，用不同方式去度过这一段。"),
                    para(
                        1,
                        4,
                        Kind::Note,
                        None,
                        false,
                        "（访谈当天，谁是大模型第一股的形势，还未明朗。）",
                    ),
                    para(
                        1,
                        5,
                        turn,
                        a,
                        false,
                        "公式里写 a<b && c>d，还有\"引号\"和'撇号'。",
                    ),
                ],
            },
            Section {
                number: 2,
                numbered: true,
                title: Some("谈希冀".into()),
                pull_quote: Some("一个开路的人".into()),
                paragraphs: vec![
                    para(2, 1, turn, q, true, "为什么不是创新者，而是先行者？"),
                    para(2, 2, Kind::Gap, None, false, "……"),
                    para(2, 3, turn, a, true, "就是，一个开路的人。"),
                ],
            },
        ],
        dropped: vec!["0 条回复 A文章作者 M管理员".into(), "个人中心".into()],
        furniture: Vec::new(),
        corrections: vec![Correction {
            find: "AGI的先行者。".into(),
            replace: "“AGI的先行者。”".into(),
            why: "引号在抓取中丢失".into(),
        }],
        marks: Vec::new(),
        figures: Vec::new(),
    }
}

fn quote(id: &str, text: &str, section: (u32, &str), address: &str) -> Quote {
    Quote {
        id: id.into(),
        text: text.into(),
        speaker: "张鹏".into(),
        section: SectionRef {
            number: section.0,
            title: section.1.into(),
        },
        address: address.parse().ok(),
        kind: QuoteKind::Sentence,
        chars: text.chars().count(),
        score: None,
        from_emphasis: None,
        highlights: Vec::new(),
        templates: vec![],
        attribution: Some("张鹏 · 智谱 CEO".into()),
    }
}

pub fn sample_quotes() -> Vec<Quote> {
    vec![
        quote("pioneer", "就是，一个开路的人。", (2, "谈希冀"), "2.3.1"),
        quote("marathon", "是一个马拉松，一个长跑。", (1, "谈上市"), "1.2"),
        quote("free", "不在原文里的一句。", (1, "谈上市"), ""),
    ]
}
