//! Tests of the book's metadata: links, names filed as, credits, dates and languages checked
//! before they reach the package.

use super::*;

#[test]
fn only_http_links_are_web_links() {
    for good in [
        "https://mp.weixin.qq.com/s/abc",
        "HTTP://example.com/a?b=1&c=2",
    ] {
        assert!(is_web_link(good), "{good}");
    }
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>",
        "file:///etc/passwd",
        "https://",
        "http://a b",
        "//example.com",
        "ftp://x",
    ] {
        assert!(!is_web_link(bad), "{bad}");
    }
}
use crate::epub::tests::fixture::sample;

#[test]
fn the_author_defaults_to_the_interviewer_and_the_outlet_publishes() {
    let iv = sample();
    let plain = BookMeta::default().resolve(&iv).expect("resolve");
    let roles: Vec<(&str, Vec<&str>)> = plain
        .creators
        .iter()
        .map(|c| (c.name.as_str(), c.roles.clone()))
        .collect();
    assert_eq!(
        roles,
        [("张小珺", vec!["aut", "ivr"]), ("张鹏", vec!["ive"])]
    );
    let outlet = BookMeta {
        outlet: Some("腾讯科技".into()),
        ..BookMeta::default()
    };
    let r = outlet.resolve(&iv).expect("resolve");
    assert_eq!(r.creators[0].name, "张小珺", "the outlet is no author");
    assert_eq!(r.publisher.as_deref(), Some("腾讯科技"));
    let given = BookMeta {
        authors: vec!["Sam Altman".into()],
        ..BookMeta::default()
    };
    let r = given.resolve(&iv).expect("resolve");
    assert_eq!(r.creators[0].roles, ["aut"]);
    assert_eq!(r.creators[0].file_as.as_deref(), Some("Altman, Sam"));
    assert_eq!(r.creators[1].file_as, None, "Chinese names file as written");
}

#[test]
fn the_byline_s_people_are_contributors_or_add_to_a_creator_s_roles() {
    let mut iv = sample();
    iv.meta.byline = Some("文丨张小珺  编辑丨宋玮  摄影丨Annie Leibovitz".into());
    let r = BookMeta::default().resolve(&iv).expect("resolve");
    assert_eq!(r.creators[0].name, "张小珺");
    assert_eq!(r.creators[0].roles, ["aut", "ivr"], "aut once");
    let contributors: Vec<(&str, &[&str], Option<&str>)> = r
        .contributors
        .iter()
        .map(|c| (c.name.as_str(), c.roles.as_slice(), c.file_as.as_deref()))
        .collect();
    assert_eq!(
        contributors,
        [
            ("宋玮", &["edt"][..], None),
            ("Annie Leibovitz", &["pht"][..], Some("Leibovitz, Annie"))
        ]
    );
}

#[test]
fn role_labels_are_credited_to_nobody() {
    let mut iv = sample();
    let relabel = |iv: &mut Interview, i: usize, label: &str| {
        iv.people[i].label = label.into();
        iv.people[i].name = String::new();
    };
    relabel(&mut iv, 0, "问");
    let r = BookMeta::default().resolve(&iv).expect("resolve");
    let names: Vec<&str> = r.creators.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["张鹏"], "the guest, as author and interviewee");
    assert!(r.interviewers.is_empty());
    // A role label named by the article prints the name.
    iv.people[0].name = "李雷".into();
    let r = BookMeta::default().resolve(&iv).expect("resolve");
    assert_eq!(r.interviewers, ["李雷"]);
    relabel(&mut iv, 1, "答");
    let r = BookMeta::default().resolve(&iv).expect("resolve");
    assert!(r.guests.is_empty());
    iv.people[0].name = String::new();
    iv.meta.byline = Some("作者 | 宛辰、郑玥 编辑| 郑玄".into());
    let r = BookMeta::default().resolve(&iv).expect("resolve");
    let names: Vec<(&str, &[&str])> = r
        .creators
        .iter()
        .map(|c| (c.name.as_str(), c.roles.as_slice()))
        .collect();
    assert_eq!(
        names,
        [("宛辰", &["aut"][..]), ("郑玥", &["aut"][..])],
        "nobody named asks or answers: the writers are the authors"
    );
    assert_eq!(r.contributors[0].name, "郑玄");
    let given = BookMeta {
        guests: Some(vec!["答".into()]),
        ..BookMeta::default()
    };
    assert_eq!(
        given.resolve(&iv).expect("resolve").guests,
        ["答"],
        "as given"
    );
}

#[test]
fn dates_come_from_the_caller_else_the_epoch_else_none() {
    let iv = sample();
    let none = BookMeta::default().resolve(&iv).expect("resolve");
    assert_eq!(none.date, None);
    assert_eq!(none.modified, DateTime::UNIX_EPOCH);
    let epoch = BookMeta {
        source_date_epoch: Some(1_700_000_000),
        ..BookMeta::default()
    };
    assert_eq!(
        epoch.resolve(&iv).expect("r").date.as_deref(),
        Some("2023-11-14")
    );
    let both = BookMeta {
        date: Some("2025-12".into()),
        ..epoch.clone()
    };
    let r = both.resolve(&iv).expect("resolve");
    assert_eq!(r.date.as_deref(), Some("2025-12"));
    assert_eq!(r.modified.timestamp(), 1_700_000_000);
    for bad in [
        "2025-13-01",
        "2025-02-30",
        "25-01-01",
        "2025/01/01",
        "soon",
        "-202-01",
    ] {
        let m = BookMeta {
            date: Some(bad.into()),
            ..BookMeta::default()
        };
        assert!(
            matches!(m.resolve(&iv), Err(EpubError::BadDate(_))),
            "{bad}"
        );
    }
    for bad in [-1, MAX_EPOCH + 1] {
        let m = BookMeta {
            source_date_epoch: Some(bad),
            ..BookMeta::default()
        };
        assert!(matches!(m.resolve(&iv), Err(EpubError::Date(_))), "{bad}");
    }
}

#[test]
fn languages_are_checked_and_default_to_simplified_chinese() {
    let iv = sample();
    assert_eq!(
        BookMeta::default().resolve(&iv).expect("r").language,
        "zh-CN"
    );
    for good in ["zh", "zh-TW", "zh-Hant-HK", "en"] {
        let m = BookMeta {
            language: Some(good.into()),
            ..BookMeta::default()
        };
        assert_eq!(m.resolve(&iv).expect("resolve").language, good);
    }
    for bad in ["", "chinese", "zh_CN", "zh-", "z", "zh-\"x"] {
        let m = BookMeta {
            language: Some(bad.into()),
            ..BookMeta::default()
        };
        assert!(
            matches!(m.resolve(&iv), Err(EpubError::Language(_))),
            "{bad:?}"
        );
    }
}
