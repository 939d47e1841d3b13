//! Texts without speaker labels: a talk or speech transcript (演讲实录), a monologue, a
//! podcast transcript without names. Such a text is one speaker's: named by the user
//! (`--guest NAME`), else by the title (`周鸿祎：…`, `黄奇帆演讲：…`, `对话X`), else known only
//! as `讲者` (a role label, never printed). Its body starts after the front (title, byline,
//! dek) and after a lead-in line (`以下是演讲实录：`); it ends where the last sentence does.

use super::Para;
use super::labels::Label;
use super::labels::name_like;
use super::people::{person_in, title_names};
use super::trailing::reads_as_sentence;
use crate::interview::model::Role;
use crate::interview::people::{Doubt, Evidence, Overrides, Person};
use crate::read::BlockKind;
use regex::Regex;
use std::sync::LazyLock;

/// The label a talk's speaker has when nothing names them.
pub const ANONYMOUS: &str = "讲者";

/// Who gives the talk: (label, the name to print, why).
pub fn speaker(title: &str, front: &str, overrides: &Overrides) -> (String, String, Evidence) {
    if let Some(g) = overrides.guests.first() {
        let name = overrides.name(g).unwrap_or(g).to_string();
        return (g.clone(), name, Evidence::User);
    }
    if let Some(n) = credited_speaker(front) {
        return (n.clone(), n, Evidence::Byline);
    }
    if let Some(n) =
        titled_speaker(title, front).or_else(|| title_names(title, front).into_iter().next())
    {
        return (n.clone(), n, Evidence::Title);
    }
    (ANONYMOUS.to_string(), String::new(), Evidence::Label)
}

static SPEAKER_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[\s*]*(?:演讲者|演講者|讲者|講者|主讲人|主講人|主讲|主講|授课老师|授課老師|分享嘉宾|分享嘉賓|分享者|口述|讲师|講師)\s*[丨|｜:：]\s*([^，,（(\s丨|｜]{2,20})")
        .expect("static regex")
});

/// A credit line naming who speaks (`授课老师｜傅盛，猎豹移动董事长`, `演讲者：陆奇`).
fn credited_speaker(front: &str) -> Option<String> {
    let c = SPEAKER_CREDIT.captures(front)?;
    let n = c[1].trim().to_string();
    name_like(&n).then_some(n)
}

static TITLE_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[【\[][^】\]]*[】\]]\s*)?([^：:｜|丨，,！!？?]{2,24}?)\s*(?:(?:重磅|最新|精彩|年度)?(?:演讲|演講|发言|發言|分享|讲话|講話|实录|實錄|口述|自述)+)?\s*[：:｜|丨]")
        .expect("static regex")
});

/// `黄奇帆：…`, `陆奇最新演讲实录：…`, `抖音电商魏雯雯：…`, `Ethan Mollick: …` → the person
/// before the colon (an outlet or company before a Han name is cut at the surname).
fn titled_speaker(title: &str, front: &str) -> Option<String> {
    let c = TITLE_SPEAKER.captures(title)?;
    let phrase = c[1].trim();
    if phrase
        .chars()
        .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '.')
    {
        return (phrase.split_whitespace().count() >= 2 && name_like(phrase))
            .then(|| phrase.to_string());
    }
    person_in(phrase, front)
}

/// The label of the one who asks in a Q&A without labels.
pub const ASKER: &str = "问";

/// Wholly bold questions in a text without labels (at least three, with text after each,
/// one in every six paragraphs or more):
/// the interviewer's turns; the paragraph after each opens the speaker's answer. Marks their
/// labels in `paras` and returns (paragraph, speaker) for each turn.
pub fn unlabelled_questions(
    paras: &mut [Para],
    from: usize,
    to: usize,
    speaker: &str,
) -> Vec<(usize, String)> {
    let to = to.min(paras.len().saturating_sub(1));
    let asks = |p: &Para| {
        let t = p.text();
        let t = t.trim_end();
        p.kind == BlockKind::Paragraph
            && p.m.all_bold()
            && t.ends_with(['？', '?'])
            && t.chars().count() <= 200
    };
    let mut turns = Vec::new();
    for i in from..=to {
        if !asks(&paras[i]) {
            continue;
        }
        let answer = (i + 1..=to).find(|&j| paras[j].kind != BlockKind::Image);
        if let Some(a) =
            answer.filter(|&a| !asks(&paras[a]) && paras[a].kind == BlockKind::Paragraph)
        {
            turns.push((i, ASKER.to_string()));
            turns.push((a, speaker.to_string()));
        }
    }
    // Questions that come seldom are a talk's headings (`**创业者该学什么？**` over a long
    // part), not an interviewer: a Q&A asks at least once in every six paragraphs.
    let body = (from..=to)
        .filter(|&i| paras[i].kind == BlockKind::Paragraph)
        .count();
    if turns.len() < 6 || turns.len() / 2 * 6 < body {
        return Vec::new();
    }
    for (i, who) in &turns {
        paras[*i].label = Some(Label {
            name: who.clone(),
            end: 0,
            bold: paras[*i].m.all_bold(),
            alone: false,
            colon: true,
        });
    }
    turns
}

/// The one who asks in a Q&A without labels: a role label, named nowhere.
pub fn asker() -> Person {
    Person {
        label: ASKER.to_string(),
        name: String::new(),
        affiliation: None,
        role: Role::Interviewer,
        name_from: Evidence::Label,
        role_from: Evidence::Turns,
    }
}

/// What jinju guessed of a Q&A without labels.
pub fn qa_doubt(speaker: &str) -> Doubt {
    Doubt {
        what: format!(
            "no labels: the wholly bold questions are read as the interviewer's turns and the \
             paragraphs after them as {speaker}'s answers"
        ),
        fix: "--guest NAME (the one who answers); label the turns (`问：`, `答：`) to be sure"
            .into(),
    }
}

/// The doubt a talk always carries: jinju found no turns and read the text as one speaker's.
pub fn doubt(label: &str, from: Evidence) -> Doubt {
    let what = match from {
        Evidence::Title => {
            format!("no speaker turns found: read as a talk by {label} (named by the title)")
        }
        Evidence::Byline => {
            format!("no speaker turns found: read as a talk by {label} (named by the byline)")
        }
        Evidence::User => format!("no speaker turns found: read as a talk by {label}"),
        _ => "no speaker turns found: read as a talk by one unnamed speaker".to_string(),
    };
    Doubt {
        what,
        fix: "--guest NAME (the speaker's name)".into(),
    }
}

/// Where the talk's text starts: after a lead-in line (`以下是…实录：`) near the top, else
/// after the front's paragraphs (`front_used`: title, byline, dek, furniture).
pub fn body_start(paras: &[Para], front_used: &[usize]) -> usize {
    let lead_in = paras.iter().take(20).position(|p| {
        let t = p.text();
        let t = t.trim();
        t.ends_with(['：', ':'])
            && [
                "以下", "实录", "實錄", "全文", "整理", "演讲", "演講", "分享",
            ]
            .iter()
            .any(|w| t.contains(w))
    });
    if let Some(i) = lead_in {
        return i + 1;
    }
    // The credits (`编辑丨…`, `授课老师｜…`) close the front: the talk starts after the last.
    let credits = paras
        .iter()
        .take(25)
        .rposition(|p| super::front::is_credit(p.text().trim()));
    let after_front = (0..paras.len())
        .find(|i| !front_used.contains(i) && paras[*i].kind != BlockKind::Image)
        .unwrap_or(paras.len());
    credits.map_or(after_front, |c| after_front.max(c + 1))
}

/// The talk's last sentence: the last paragraph of some length that reads as one (the
/// page furniture after it is the trailing debris), before the page's end matter. A list
/// of other articles (`往期文章：`, `推荐阅读`) is the page's and ends the article, though its
/// titles read as sentences (`➤为什么…？`); an advert placed before such a list opens on a
/// call to enrol (`北京站第2期正在招生中···`) and ends the talk there, though its copy reads
/// as prose. Without a list after it, a call to enrol is an advert inside the talk (the
/// talk goes on below it), and `furniture` lifts what it recognises.
pub fn last_sentence(paras: &[Para], from: usize) -> usize {
    let list = (from + 1..paras.len()).find(|&i| articles_heading(&paras[i].text()));
    let end = list.map_or(paras.len(), |l| {
        (from + 1..l)
            .find(|&i| enrolment_call(&paras[i].text()))
            .unwrap_or(l)
    });
    (from..end)
        .rev()
        .find(|&i| {
            let t = paras[i].text();
            matches!(paras[i].kind, BlockKind::Paragraph | BlockKind::Quote)
                && t.chars().count() >= 12
                && reads_as_sentence(&t)
        })
        .unwrap_or(from)
}

/// A short heading over a list of other articles (`往期文章：`, `推荐阅读`, `相关内容`).
fn articles_heading(text: &str) -> bool {
    static HEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            &[
                r"^[\s*\\·•\-—–_=~>▼▽]*",
                super::trailing::ARTICLES_LIST,
                r"[\s*：:▼▽↓]*$",
            ]
            .concat(),
        )
        .expect("static regex")
    });
    let t = text.trim();
    t.chars().count() <= 20 && HEADING.is_match(t)
}

/// Words of a call to enrol in a course or an event.
const ENROL: &[&str] = &[
    "招生",
    "报名",
    "報名",
    "招募学员",
    "招募學員",
    "立即预约",
    "立即預約",
];

/// A short line that is no sentence and calls the reader to enrol (`北京站第2期正在招生中···`,
/// `点击报名`): an advert's heading, never a line of a talk.
fn enrolment_call(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() <= 30 && !reads_as_sentence(t) && ENROL.iter().any(|w| t.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_names_the_speaker() {
        let t = |s: &str| titled_speaker(s, "");
        assert_eq!(t("黄奇帆：未来十年的制造业").as_deref(), Some("黄奇帆"));
        assert_eq!(t("张一鸣演讲｜平常心").as_deref(), Some("张一鸣"));
        assert_eq!(t("【演讲】王小川：大模型").as_deref(), Some("王小川"));
        assert_eq!(t("陆奇最新演讲实录：世界观").as_deref(), Some("陆奇"));
        assert_eq!(t("网易云音乐王诗沐：方法论").as_deref(), Some("王诗沐"));
        assert_eq!(
            t("Ethan Mollick: AI at work").as_deref(),
            Some("Ethan Mollick")
        );
        assert_eq!(t("为什么今天的制造业：十个问题"), None);
        assert_eq!(t("一场演讲"), None);
    }

    #[test]
    fn a_credit_line_names_the_speaker_first() {
        let front = "本文为课程笔记\n授课老师｜傅明远，某公司董事长\n编辑丨某团队";
        assert_eq!(credited_speaker(front).as_deref(), Some("傅明远"));
        let (l, _, e) = speaker("回应争论：躬行", front, &Overrides::default());
        assert_eq!((l.as_str(), e), ("傅明远", Evidence::Byline));
    }

    #[test]
    fn the_user_names_the_speaker_first() {
        let o = Overrides {
            guests: vec!["林凡".into()],
            ..Overrides::default()
        };
        assert_eq!(speaker("黄奇帆：制造业", "", &o).0, "林凡");
        let (l, n, e) = speaker("一场关于增长的分享", "", &Overrides::default());
        assert_eq!(
            (l.as_str(), n.as_str(), e),
            (ANONYMOUS, "", Evidence::Label)
        );
    }
}
