//! Section headings that end like a sentence (`**C.AI 卖身了，怎么看。**`). A wholly bold
//! line ending in `。` is usually an answer's own emphasis, so the heading rules refuse it;
//! it is a heading only where the interview's own habit says so: the interview already
//! titles its sections with bold lines between turns, each followed by the same speaker's
//! turn (the one who asks), and this line stands in that very place — short, one sentence,
//! no words of its own after it (the next paragraph opens that speaker's turn) and after
//! another speaker's turn (the speaker changes across it).

use super::Para;
use super::sections::{Openers, Start, ends_sentence, heading_line};
use crate::read::BlockKind;

/// Bold headings the interview titles its sections with before it trusts the habit.
const HABIT_MIN: usize = 2;
/// The longest sentence-ended line read as a heading, in characters.
const LONGEST: usize = 30;

/// The sentence-ended headings among `paras[first_turn + 1..end]`, given the sections
/// `found` by the other rules.
pub fn find(
    paras: &[Para],
    openers: Openers,
    meta: &[bool],
    first_turn: usize,
    end: usize,
    found: &[Start],
) -> Vec<Start> {
    let Some(asker) = habitual_opener(paras, openers, found) else {
        return Vec::new();
    };
    let turn: Vec<bool> = openers.iter().map(Option::is_some).collect();
    (first_turn + 1..end)
        .filter(|&i| !meta[i] && !found.iter().any(|s| (s.at..s.body).contains(&i)))
        .filter(|&i| sentence_line(paras, &turn, i))
        .filter(|&i| next_text(paras, i + 1).is_some_and(|j| opener(openers, j) == Some(asker)))
        .filter(|&i| {
            let before = (0..i).rev().find_map(|j| opener(openers, j));
            before.is_some_and(|b| b != asker)
        })
        .map(|i| Start {
            at: i,
            body: i + 1,
            number: None,
            title: paras[i].text().trim().to_string(),
            pull_quote: String::new(),
        })
        .collect()
}

/// The speaker whose turn follows every bold heading found, when there are enough of them.
fn habitual_opener<'a>(paras: &[Para], openers: Openers<'a>, found: &[Start]) -> Option<&'a str> {
    if found.len() < HABIT_MIN
        || found
            .iter()
            .any(|s| s.number.is_some() || !paras[s.at].m.all_bold())
    {
        return None;
    }
    let mut who = found
        .iter()
        .map(|s| next_text(paras, s.body).and_then(|j| opener(openers, j)));
    let first = who.next()??;
    who.all(|w| w == Some(first)).then_some(first)
}

/// A wholly bold, short, single sentence ending in a sentence's end.
fn sentence_line(paras: &[Para], turn: &[bool], i: usize) -> bool {
    let p = &paras[i];
    let t = p.text();
    let t = t.trim();
    let body = t.trim_end_matches(['。', '！', '!', '…', '；', ';']);
    p.kind == BlockKind::Paragraph
        && heading_line(paras, turn, i)
        && ends_sentence(t)
        && t.chars().count() <= LONGEST
        && !body.contains(['。', '！', '!', '？', '?', '；', ';'])
}

fn opener<'a>(openers: Openers<'a>, i: usize) -> Option<&'a str> {
    openers.get(i)?.as_deref()
}

/// The first paragraph from `i` on that is not an image or a rule.
fn next_text(paras: &[Para], i: usize) -> Option<usize> {
    (i..paras.len()).find(|&j| !matches!(paras[j].kind, BlockKind::Image | BlockKind::Rule))
}

#[cfg(test)]
mod tests {
    use crate::interview::model::Interview;
    use crate::interview::structure::{ParseOptions, parse_as};
    use crate::read::Format;

    fn titles(src: &str) -> Vec<String> {
        let iv: Interview = parse_as(src, Format::Markdown, &ParseOptions::default()).unwrap();
        iv.sections
            .iter()
            .map(|s| s.title.clone().unwrap_or_default())
            .collect()
    }

    /// Three sections titled by bold lines before the host's question; `tail` comes after
    /// the guest's second answer.
    fn interview(tail: &str) -> String {
        format!(
            "\
# 七个人的公司

老周和阿青聊了一个下午。

**先把路跑通**

**老周**：你们第一年做了什么？

**阿青**：我们只做了一件事，把整条路跑通。

**第二年开始收费**

**老周**：什么时候开始收费的？

**阿青**：第二年，用户自己问能不能付钱。

{tail}

**团队只有七个人**

**老周**：现在团队多大？

**阿青**：七个人，以后也不会太多。
"
        )
    }

    #[test]
    fn a_bold_sentence_where_the_interview_puts_its_headings_is_one() {
        let t = titles(&interview(
            "**开源这件事，怎么看。**\n\n**老周**：你们会开源吗？\n\n**阿青**：会，明年。",
        ));
        assert_eq!(
            t,
            [
                "先把路跑通",
                "第二年开始收费",
                "开源这件事，怎么看。",
                "团队只有七个人"
            ]
        );
    }

    #[test]
    fn an_answers_bold_last_sentence_stays_the_guests_words() {
        // Followed by the guest's own words: the guest's emphasis.
        let own = interview("**收费这件事我们想得很清楚。**\n\n后来大家都习惯了。");
        assert_eq!(
            titles(&own),
            ["先把路跑通", "第二年开始收费", "团队只有七个人"]
        );
        // Followed by the guest again (no change of speaker): not where headings stand.
        let same = interview("**收费这件事我们想得很清楚。**\n\n**阿青**：我再补充一句。");
        assert_eq!(
            titles(&same),
            ["先把路跑通", "第二年开始收费", "团队只有七个人"]
        );
        // Between two turns of the one who asks (no change of speaker): the host's words.
        let host = interview(
            "**老周**：再问一句。\n\n**这个问题很多人关心。**\n\n**老周**：你们会开源吗？\n\n**阿青**：会。",
        );
        assert_eq!(
            titles(&host),
            ["先把路跑通", "第二年开始收费", "团队只有七个人"]
        );
        // Too long to be a title.
        let long = interview(
            "**收费这件事我们从第一天起就想得很清楚，每个用户都要为自己用到的东西付钱。**\n\n**老周**：那免费用户呢？\n\n**阿青**：也有。",
        );
        assert_eq!(
            titles(&long),
            ["先把路跑通", "第二年开始收费", "团队只有七个人"]
        );
    }

    #[test]
    fn without_the_habit_a_bold_sentence_is_no_heading() {
        let src = "\
# 七个人的公司

**老周**：你们第一年做了什么？

**阿青**：我们只做了一件事，把整条路跑通。

**开源这件事，怎么看。**

**老周**：你们会开源吗？

**阿青**：会，明年。
";
        assert!(titles(src).iter().all(String::is_empty));
    }
}
