//! Structure on fixtures of our own, one per shape real exports take (labels, sections,
//! panels, traps, boilerplate at both ends).

use super::*;
use crate::read::Format;

fn md(src: &str) -> Interview {
    parse_as(src, Format::Markdown, &ParseOptions::default()).unwrap()
}

fn turns(iv: &Interview) -> Vec<(String, String)> {
    iv.sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .filter(|p| p.opens_turn)
        .map(|p| (p.speaker.clone().unwrap_or_default(), p.text.clone()))
        .collect()
}

const NUMBERED: &str = "\
长跑者的十年：慢就是快
==========

[mp.weixin.qq.com](https://mp.weixin.qq.com/s/abc)李雷 跑者周刊

**跑者周刊**

来自跑者周刊，专注长跑。

120篇原创内容

公众号

，

一位跑者的十年。

**文丨李雷** **编辑**\\| 王五****

去年冬天，韩梅梅跑完了她的第十个马拉松。

以下为对话实录。

**01**
------

****慢跑，****

****才是基础****

**李雷：你每周跑多少公里？**

**韩梅梅** ：大约八十公里。**大部分是慢跑，** **这很重要。**

题图来源：视觉中国的一张图，并不是对话。

慢跑才是基础。

**李雷：**为什么不多跑快一点？

**韩梅梅：**因为受伤的代价太大了------我受过伤。

**02**
------

**坚持**

**李雷：你会一直跑下去吗？**

**韩梅梅：**会的。只要还能跑，我就跑。

\\*头图来源：视觉中国

本文为跑者周刊原创文章，转载请联系。

**更多阅读**

[跳转到 Cubox 查看](https://cubox.pro/x)
";

#[test]
fn numbered_sections_with_bold_titles_labels_and_furniture() {
    let iv = md(NUMBERED);
    assert_eq!(iv.meta.title, "长跑者的十年：慢就是快");
    assert_eq!(iv.meta.summary, "一位跑者的十年。");
    assert_eq!(iv.meta.byline.as_deref(), Some("文丨李雷 编辑| 王五"));
    assert_eq!(
        iv.meta.source_url.as_deref(),
        Some("https://mp.weixin.qq.com/s/abc")
    );
    assert_eq!(iv.speakers, ["李雷", "韩梅梅"]);
    assert_eq!(iv.roles["李雷"], Role::Interviewer);
    assert_eq!(iv.roles["韩梅梅"], Role::Guest);
    let titles: Vec<_> = iv
        .sections
        .iter()
        .map(|s| {
            (
                s.number,
                s.printed_number().is_some(),
                s.title.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(titles, [(1, true, "慢跑，才是基础"), (2, true, "坚持")]);
    let t = turns(&iv);
    assert_eq!(t.len(), 6);
    assert_eq!(
        t[1],
        (
            "韩梅梅".into(),
            "大约八十公里。大部分是慢跑，这很重要。".into()
        )
    );
    assert_eq!(t[3].1, "因为受伤的代价太大了——我受过伤。");
    // Emphasis: the bold spans of the answer, merged.
    let p = iv.sections[0]
        .paragraphs
        .iter()
        .find(|p| p.text.starts_with("大约"))
        .unwrap();
    let chars: Vec<char> = p.text.chars().collect();
    let spans: Vec<String> = p
        .emphasis
        .iter()
        .map(|[a, b]| chars[*a..*b].iter().collect())
        .collect();
    assert_eq!(spans, ["大部分是慢跑，这很重要。"]);
    // Intro: neither the account card nor the source line nor the byline.
    let intro: Vec<_> = iv
        .meta
        .intro_paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        intro,
        [
            "去年冬天，韩梅梅跑完了她的第十个马拉松。",
            "以下为对话实录。"
        ]
    );
    // Furniture at both ends is listed, verbatim.
    assert!(iv.dropped.iter().any(|d| d == "120篇原创内容"));
    assert!(
        iv.dropped
            .iter()
            .any(|d| d.starts_with("[mp.weixin.qq.com]"))
    );
    assert!(iv.dropped.iter().any(|d| d == "\\*头图来源：视觉中国"));
    assert!(iv.dropped.last().unwrap().contains("跳转到 Cubox"));
    assert!(!iv.paragraphs().any(|p| p.text.contains("原创文章")));
}

#[test]
fn label_alone_on_its_line_panels_and_a_label_inside_a_paragraph() {
    let src = "\
圆桌：三个人的创业
===

**近年来您很少露面，为什么？**

**张涛:**

因为我在做新的事情。

**Lily:**

**您主要投资哪些方向呢？**

**张涛:**

早期消费。

**Jenny:**

我补充一句。

**Lily：**

**Jenny，您怎么看呢？** **Jenny:**

我同意张涛。

**Lily:**

**书名叫什么？** **张涛:**

叫《慢》。

**Jenny:**

我也读过。

[跳转到 Cubox 查看](https://cubox.pro/x)
";
    let iv = md(src);
    assert_eq!(iv.speakers, ["张涛", "Lily", "Jenny"]);
    assert_eq!(iv.roles["Lily"], Role::Interviewer);
    assert_eq!(iv.roles["Jenny"], Role::Guest);
    assert_eq!(iv.sections.len(), 1);
    assert!(iv.sections[0].printed_number().is_none() && iv.sections[0].title.is_none());
    let t = turns(&iv);
    let who: Vec<&str> = t.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(
        who,
        [
            "张涛", "Lily", "张涛", "Jenny", "Lily", "Jenny", "Lily", "张涛", "Jenny"
        ]
    );
    assert_eq!(t[7].1, "叫《慢》。");
    assert_eq!(t[1].1, "您主要投资哪些方向呢？");
}

#[test]
fn setext_headings_plain_labels_traps_and_role_labels() {
    let src = "\
实录：股东大会
======

**丨划重点**

①电池是关键；

②我们会继续。

****以下为股东大会实录：****

埃隆·马斯克：大家好，欢迎来到股东大会。

时间：8 月 31日

他曾经有一天给我打电话说：

接下来我讲一讲电池。

****Q\\&A环节****

接下来做一个问答的环节。

**问：我的问题是，有没有想做房车？**

埃隆·马斯克：有的，我们在考虑。

**问：第二个问题呢？**

埃隆·马斯克：没有第二个问题了。

点击\"**阅读原文** \"可阅读更多信息。
";
    let iv = md(src);
    assert_eq!(iv.speakers, ["埃隆·马斯克", "问"]);
    assert_eq!(iv.roles["问"], Role::Interviewer);
    let titles: Vec<_> = iv
        .sections
        .iter()
        .map(|s| s.title.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(titles, ["以下为股东大会实录：", "Q&A环节"]);
    let t = turns(&iv);
    assert_eq!(t.len(), 5);
    // Label-shaped lines that are not turns continue the turn.
    let s1: Vec<_> = iv.sections[0]
        .paragraphs
        .iter()
        .map(|p| (p.opens_turn, p.speaker.as_deref()))
        .collect();
    assert_eq!(s1.len(), 4);
    assert!(s1[1..].iter().all(|&(o, s)| !o && s == Some("埃隆·马斯克")));
    // The part after a heading, before any label, is the last speaker's? No: a new section
    // starts with nobody speaking.
    assert_eq!(iv.sections[1].paragraphs[0].kind, Kind::Prose);
    assert!(iv.dropped.iter().any(|d| d.contains("阅读原文")));
    assert!(iv.furniture.iter().any(|f| f.text == "**丨划重点**"));
    assert!(
        iv.meta
            .intro_paragraphs
            .iter()
            .any(|p| p.text.starts_with("①"))
    );
}

#[test]
fn unnumbered_bold_headings_outlet_labels_and_notes() {
    let src = "\
“L2越强，离L4越远”
===

**编者按：** 这是一篇访谈。

**作者 \\| 张小珺**

**出品 \\| 远光灯**

引言第一段。

**自动驾驶有五级台阶**

**《远光灯》：** 你怎么看？

**楼天城：** 有五级。

范阳注：这是译者的注。

**《远光灯》** **：** 为什么？

**L2** **越厉害，就离L4越远**

**《远光灯》****：** 然后呢？

**楼天城：** 就是这样。（笑）

****推**荐阅读**

![](https://x.cn/a.png)
";
    let iv = md(src);
    assert_eq!(iv.meta.title, "“L2越强，离L4越远”");
    assert_eq!(iv.speakers, ["《远光灯》", "楼天城"]);
    assert_eq!(iv.roles["《远光灯》"], Role::Interviewer);
    let titles: Vec<_> = iv
        .sections
        .iter()
        .map(|s| s.title.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(titles, ["自动驾驶有五级台阶", "L2越厉害，就离L4越远"]);
    assert_eq!(turns(&iv).len(), 5);
    let kinds: Vec<Kind> = iv.sections[0].paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [Kind::Turn, Kind::Turn, Kind::Note, Kind::Turn]);
    assert_eq!(iv.meta.intro_paragraphs[0].kind, Kind::Note);
    assert!(iv.dropped.iter().any(|d| d.contains("荐阅读")));
}

#[test]
fn html_wechat_page_end_to_end() {
    let page = r#"<!DOCTYPE html><html><head><title>微信号</title></head><body>
        <h1 id="activity-name">对话韩梅梅：慢就是快</h1><a id="js_name">跑者周刊</a>
        <em id="publish_time">2024年7月3日</em>
        <div id="js_content">
        <p>去年冬天，她跑完了第十个马拉松。</p>
        <p><strong>问：</strong>你每周跑多少？</p><p><strong>答：</strong>八十公里。<strong>慢跑是基础。</strong></p>
        <p><strong>问：</strong>会一直跑吗？</p><p><strong>答：</strong>会的。</p>
        <p>-END-</p></div></body></html>"#;
    let iv = parse_as(page, Format::Html, &ParseOptions::default()).unwrap();
    assert_eq!(iv.meta.title, "对话韩梅梅：慢就是快");
    assert_eq!(iv.meta.outlet.as_deref(), Some("跑者周刊"));
    assert_eq!(iv.meta.date.as_deref(), Some("2024-07-03"));
    assert_eq!(iv.speakers, ["问", "答"]);
    assert_eq!(turns(&iv).len(), 4);
    assert_eq!(iv.dropped, ["-END-"]);
    let p = &iv.sections[0].paragraphs[1];
    assert_eq!(p.emphasis, [[5, 11]]);
}

/// Parse options with these people overrides, cleaning on and no errata.
pub(super) fn opts(people: crate::interview::people::Overrides) -> ParseOptions {
    ParseOptions {
        clean: true,
        errata: None,
        people,
    }
}

/// A key-points list (`1.`…`3.` with nothing between) and a table of contents are never
/// sections: the numbered titles with text under them are.
#[test]
fn key_points_and_tables_of_contents_are_never_sections() {
    let text = "对话林小北：慢慢来\n===\n\n**划重点：**\n\n**1. 做产品要慢**\n\n**2. 团队比想法重要**\n\n\
**3. 先服务好一百个人**\n\n01 为什么要慢\n\n02 团队\n\n**01**\n\n**为什么要慢**\n\n**问：** 你为什么总说慢？\n\n\
**林小北：** 因为快的东西都留不下来，慢一点才能看清楚。\n\n**02**\n\n**团队**\n\n**问：** 团队怎么搭？\n\n\
**林小北：** 先找对的人，再找对的事，顺序不能反。\n";
    let iv = parse_as(text, Format::Markdown, &opts(Default::default())).unwrap();
    let sections: Vec<(bool, u32, &str)> = iv
        .sections
        .iter()
        .map(|s| {
            (
                s.printed_number().is_some(),
                s.number,
                s.title.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(sections, [(true, 1, "为什么要慢"), (true, 2, "团队")]);
    assert!(
        iv.meta
            .intro_paragraphs
            .iter()
            .any(|p| p.text.contains("团队比想法重要"))
    );
}
