//! Structure of texts with few or no speaker labels, on fixtures of our own: a talk (one
//! speaker, sections by headings), wholly bold questions standing for labels, a title alone.

use super::tests::opts;
use super::*;
use crate::read::Format;

#[test]
fn a_title_alone_is_an_error_naming_the_label_shapes() {
    let err = parse_as("标题\n", Format::Text, &opts(Default::default())).unwrap_err();
    assert!(matches!(err, ParseError::NoTurns), "{err}");
    assert!(err.to_string().contains("**张鹏：**"));
}

const TALK: &str = "黄明远演讲：创业的三个阶段\n\n以下是演讲实录：\n\n大家好，今天我想讲讲创业的三个阶段。第一个阶段是找到问题。\n\n\
**找到问题**\n\n很多人一开始就想着解决方案，但其实问题本身更重要，问题决定了你能走多远。\n\n\
**找到人**\n\n人是最重要的，一个团队决定了一家公司的上限和下限，这一点我越来越确定。\n\n谢谢大家。\n";

/// A text without labels is one speaker's talk: named by the title, sections by their
/// headings, the lead-in kept as the intro, and a doubt naming the flag.
#[test]
fn a_text_without_labels_is_a_talk() {
    let iv = parse_as(TALK, Format::Markdown, &opts(Default::default())).unwrap();
    assert_eq!(iv.speakers, ["黄明远"]);
    assert_eq!(iv.roles["黄明远"], Role::Guest);
    assert_eq!(iv.name_of("黄明远"), "黄明远");
    let titles: Vec<&str> = iv
        .sections
        .iter()
        .map(|s| s.title.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(titles, ["", "找到问题", "找到人"]);
    assert!(
        iv.paragraphs()
            .filter(|p| p.kind == Kind::Turn)
            .all(|p| p.speaker.as_deref() == Some("黄明远"))
    );
    assert!(iv.paragraphs().any(|p| p.text.starts_with("人是最重要的")));
    assert!(iv.doubts[0].fix.contains("--guest"), "{:?}", iv.doubts);
    // The user names the speaker.
    let user = crate::interview::people::Overrides {
        guests: vec!["林远".into()],
        ..Default::default()
    };
    let iv = parse_as(TALK, Format::Markdown, &opts(user)).unwrap();
    assert_eq!(iv.speakers, ["林远"]);
}

/// A talk ends before the page's notices and a course's advert, though the titles of a
/// `往期文章` list read as sentences and the advert's lines as a talk's.
#[test]
fn a_talk_ends_before_an_advert_and_a_list_of_past_articles() {
    let src = format!(
        "{TALK}\n第二期创业特训营\n\n上海站第2期正在招生中···\n\n\
         特训营由某某学院发起，定于8月在上海举办，感兴趣可点此了解详情。\n\n\
         往期文章：\n\n➤林一：为什么创业者都要学会讲故事？\n\n\
         ➤周二：大模型时代的十个机会，你抓住了哪一个？\n"
    );
    let iv = parse_as(&src, Format::Markdown, &opts(Default::default())).unwrap();
    let last = iv.paragraphs().last().map(|p| p.text.clone());
    assert_eq!(last.as_deref(), Some("谢谢大家。"));
    for gone in ["特训营", "招生", "往期文章", "为什么创业者"] {
        assert!(iv.paragraphs().all(|p| !p.text.contains(gone)), "{gone}");
    }
    // A call to enrol with no list of articles after it is an advert inside the talk: the
    // talk goes on below it.
    let inside = format!("{TALK}\n上海站正在招生中···\n\n创业最难的是坚持，这一点我越来越确定。\n");
    let iv = parse_as(&inside, Format::Markdown, &opts(Default::default())).unwrap();
    assert!(
        iv.paragraphs()
            .any(|p| p.text.starts_with("创业最难的是坚持"))
    );
    // A talk that speaks of enrolment in its own sentences keeps them.
    let own = format!("{TALK}\n今年我们学院正在招生，欢迎大家报名来读书。\n");
    let iv = parse_as(&own, Format::Markdown, &opts(Default::default())).unwrap();
    assert!(iv.paragraphs().any(|p| p.text.contains("欢迎大家报名")));
}

/// Wholly bold questions with plain answers and no labels: a Q&A, the questions the
/// interviewer's, the answers the speaker's.
#[test]
fn bold_questions_without_labels_alternate_asker_and_speaker() {
    let text = "周明远：做产品的三个问题\n\n**你最早为什么做产品？**\n\n因为我喜欢把东西做出来给人用，这件事让我很快乐。\n\n\
**最难的是什么？**\n\n最难的是说不，很多功能都想做，但大部分都不该做。\n\n\
**给年轻人的建议？**\n\n先做一个自己每天都用的东西，再去想别人。\n";
    let iv = parse_as(text, Format::Markdown, &opts(Default::default())).unwrap();
    assert_eq!(iv.speakers, ["问", "周明远"]);
    assert_eq!(iv.roles["问"], Role::Interviewer);
    assert_eq!(iv.roles["周明远"], Role::Guest);
    let opening: Vec<(&str, &str)> = iv
        .paragraphs()
        .filter(|p| p.opens_turn)
        .map(|p| (p.speaker.as_deref().unwrap(), &p.text[..6]))
        .collect();
    assert_eq!(opening.len(), 6, "{opening:?}");
    assert_eq!(opening[1], ("周明远", "因为"));
    assert!(
        iv.doubts
            .iter()
            .any(|d| d.what.contains("wholly bold questions"))
    );
}

/// A fuzzed Markdown text whose blocks report lines past the source's end: no panic.
#[test]
fn blocks_past_the_last_line_do_not_panic() {
    let src = "**'*cc:\ncA4:\ncc:\nccc'*'[\n8\ncc'[\n8\ncc:\n]<AO:*'[\n]th<A4:\ncAllllllllllllll4:\ncc:\nccc8cc8&cc:\ncA4:\ncc:\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}C\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}<br></<br></</>/s<s/</s\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\nccc'*'[\n8\ncc:\n]<AO:*'[\n]<A4\nc:A4:\ncc:\nccc8cc8&cc:\nc<A\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\nccc'*'[\n8\ncc:\n]<AO:*'[\n]<A4\nc:A4:4:ccc\n8cccc**";
    let _ = parse_as(src, Format::Markdown, &opts(Default::default()));
}

/// A talk whose parts open with a bold question is still one speaker's talk.
#[test]
fn seldom_bold_questions_are_a_talks_headings() {
    let part = "这是一段很长的演讲内容，讲的是创业者如何理解技术，以及技术如何改变行业。\n\n";
    let mut text = String::from("周明远：技术与创业\n\n");
    for q in [
        "**技术点是什么？**",
        "**机会在哪里？**",
        "**我们做了什么？**",
    ] {
        text.push_str(q);
        text.push_str("\n\n");
        text.push_str(&part.repeat(6));
    }
    let iv = parse_as(&text, Format::Markdown, &opts(Default::default())).unwrap();
    assert_eq!(iv.speakers, ["周明远"], "no interviewer in a talk");
}
