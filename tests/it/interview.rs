//! The interview model against the source text: nothing lost, nothing invented, no debris.

use jinju::interview::{self, Interview, Kind, ParseOptions, clean, errata};

const SOURCE: &str = include_str!("../../content/interview.txt");

fn raw() -> Interview {
    interview::parse(
        SOURCE,
        &ParseOptions {
            clean: false,
            errata: None,
            people: Default::default(),
        },
    )
    .unwrap()
}

/// The source's paragraphs between the byline and the debris, grouped by section: every
/// non-blank line after the byline, where a line holding only digits starts a section and the
/// two lines after it are the section's title and pull quote.
fn source_paragraphs(dropped: &[String]) -> Vec<Vec<String>> {
    let lines: Vec<&str> = SOURCE.lines().filter(|l| !l.trim().is_empty()).collect();
    let byline = lines.iter().position(|l| l.starts_with("访谈:")).unwrap();
    let end = lines.len() - dropped.len();
    let mut groups = vec![Vec::new()];
    let mut skip = 0;
    for l in &lines[byline + 1..end] {
        if l.trim().chars().all(|c| c.is_ascii_digit()) {
            groups.push(Vec::new());
            skip = 2;
        } else if skip > 0 {
            skip -= 1;
        } else {
            groups.last_mut().unwrap().push(l.trim().to_string());
        }
    }
    groups
}

fn with_prefix(p: &interview::Paragraph) -> String {
    match (&p.speaker, p.opens_turn) {
        (Some(s), true) => format!("{s}:{}", p.text),
        _ => p.text.clone(),
    }
}

#[test]
fn every_source_paragraph_appears_once_in_order_in_its_section() {
    let iv = raw();
    let expected = source_paragraphs(&iv.dropped);
    let mut got = vec![
        iv.meta
            .intro_paragraphs
            .iter()
            .map(with_prefix)
            .collect::<Vec<_>>(),
    ];
    got.extend(
        iv.sections
            .iter()
            .map(|s| s.paragraphs.iter().map(with_prefix).collect()),
    );
    assert_eq!(got, expected);
    let counts: Vec<usize> = got.iter().map(Vec::len).collect();
    assert_eq!(counts, [9, 36, 26, 34, 36, 25]);
    assert_eq!(counts.iter().sum::<usize>(), 166);
}

#[test]
fn dropped_holds_the_page_debris_and_nothing_else() {
    let iv = raw();
    let lines: Vec<&str> = SOURCE.lines().filter(|l| !l.trim().is_empty()).collect();
    let last_answer = lines
        .iter()
        .rposition(|l| l.contains("一个开路的人。"))
        .unwrap();
    assert_eq!(
        iv.dropped,
        lines[last_answer + 1..]
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
    );
    for debris in [
        "AI 前线",
        "2026-1-10 18:20:20",
        "0 条回复 A文章作者 M管理员",
        "个人中心",
        "购物车",
    ] {
        assert!(
            iv.dropped.iter().any(|d| d.contains(debris)),
            "{debris} not dropped"
        );
        assert!(
            !iv.paragraphs().any(|p| p.text.contains(debris)),
            "{debris} kept"
        );
    }
}

#[test]
fn meta_sections_and_speakers() {
    let iv = interview::parse_default().unwrap();
    assert_eq!(iv.meta.title, "全球大模型第一股的上市访谈：敢问路在何方？");
    assert!(iv.meta.summary.starts_with("本文是对智谱CEO张鹏"));
    assert_eq!(
        (iv.meta.interviewer.as_str(), iv.meta.interviewee.as_str()),
        ("张小珺", "张鹏")
    );
    assert_eq!(iv.speakers, ["张小珺", "张鹏"]);
    let intro = &iv.meta.intro_paragraphs;
    assert_eq!(intro.len(), 9);
    assert!(intro[0].text.starts_with("上市前夕"));
    assert!(intro[8].text.starts_with("完整版请观看"));
    let titles: Vec<_> = iv
        .sections
        .iter()
        .map(|s| (s.number, s.title.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        titles,
        [
            (1, "谈上市"),
            (2, "谈创业"),
            (3, "谈对照"),
            (4, "谈泡沫"),
            (5, "谈希冀")
        ]
    );
    let pulls: Vec<_> = iv
        .sections
        .iter()
        .map(|s| s.pull_quote.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(pulls[0], "我觉得祝大家好运吧");
    assert_eq!(pulls[1], "不过你说对了");
    assert_eq!(pulls[4], "一个开路的人");
    for p in &pulls {
        assert_eq!(p.matches('“').count(), p.matches('”').count(), "{p}");
    }
    // The title is not repeated in the body; every paragraph of a turn has its speaker.
    assert!(!iv.paragraphs().any(|p| p.text.contains("敢问路在何方")));
    assert!(
        iv.paragraphs()
            .filter(|p| p.kind == Kind::Turn)
            .all(|p| p.speaker.is_some())
    );
    assert_eq!(iv.paragraphs().filter(|p| p.kind == Kind::Note).count(), 1);
    assert_eq!(iv.paragraphs().filter(|p| p.kind == Kind::Gap).count(), 1);
}

#[test]
fn errata_fix_the_speaker_the_scrape_lost() {
    let iv = interview::parse_default().unwrap();
    let p = iv
        .paragraphs()
        .find(|p| p.text.starts_with("可能有一些人认为"))
        .unwrap();
    assert_eq!((p.speaker.as_deref(), p.opens_turn), (Some("张鹏"), true));
    let raw = raw();
    let p = raw
        .paragraphs()
        .find(|p| p.text.starts_with("张鹏可能有一些人认为"))
        .unwrap();
    assert_eq!(
        p.speaker.as_deref(),
        Some("张小珺"),
        "without errata the answer reads as the question"
    );
    let text: String = iv.paragraphs().map(|p| p.text.as_str()).collect();
    for (bad, good) in [
        ("为什什么", "为什么"),
        ("Parper", "Paper"),
        ("202618日", "2026年1月8日"),
    ] {
        assert!(!text.contains(bad) && text.contains(good), "{bad} → {good}");
    }
    assert!(text.contains("“AGI的先行者。”张鹏想了想，说，“一个开路的人。”"));
    assert_eq!(
        iv.corrections.len(),
        errata::load(errata::DEFAULT_ERRATA, "e").unwrap().len()
    );
}

#[test]
fn cleaning_leaves_no_ascii_punctuation_between_han() {
    let iv = interview::parse_default().unwrap();
    for p in iv.paragraphs() {
        let cs: Vec<char> = p.text.chars().collect();
        for w in cs.windows(3) {
            let bad = clean::is_han(w[0]) && ",:?;!()".contains(w[1]) && clean::is_han(w[2]);
            assert!(
                !bad,
                "{}: ASCII {:?} between Han in {}",
                p.address, w[1], p.text
            );
        }
    }
    let text: String = iv.paragraphs().map(|p| p.text.as_str()).collect();
    for latin in [
        "AI 1.0",
        "straight forward",
        "P2P——Paper to Project",
        "MiniMax CEO",
    ] {
        assert!(text.contains(latin), "{latin}");
    }
}

#[test]
fn a_second_text_of_the_same_shape_parses() {
    let src = include_str!("../data/two_sections.txt");
    let iv = interview::parse(src, &ParseOptions::default()).unwrap();
    assert_eq!(
        (iv.meta.interviewer.as_str(), iv.meta.interviewee.as_str()),
        ("李雷", "韩梅梅")
    );
    assert_eq!(iv.meta.intro_paragraphs.len(), 2);
    assert_eq!(iv.sections.len(), 2);
    assert_eq!(iv.sections[0].pull_quote.as_deref(), Some("慢就是快"));
    let s1: Vec<_> = iv.sections[0]
        .paragraphs
        .iter()
        .map(|p| (p.address.to_string(), p.kind, p.speaker.clone()))
        .collect();
    assert_eq!(s1[1], ("1.2".into(), Kind::Turn, Some("韩梅梅".into())));
    assert_eq!(s1[2], ("1.3".into(), Kind::Turn, Some("韩梅梅".into())));
    assert_eq!(s1[3].1, Kind::Note);
    assert_eq!(s1[4], ("1.5".into(), Kind::Turn, Some("李雷".into())));
    assert_eq!(iv.sections[1].paragraphs.len(), 4);
    assert_eq!(iv.dropped, ["相关阅读", "2026-1-10 18:20:20", "登录"]);
}

#[test]
fn speakers_are_inferred_without_a_byline() {
    let src = include_str!("../data/two_sections.txt").replace("采访：李雷 × 韩梅梅\n", "");
    let iv = interview::parse(&src, &ParseOptions::default()).unwrap();
    assert_eq!(iv.speakers, ["李雷", "韩梅梅"]);
    assert_eq!(
        iv.sections[0]
            .paragraphs
            .iter()
            .filter(|p| p.opens_turn)
            .count(),
        4
    );
}
