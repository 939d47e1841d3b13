//! What a prose introduction says a person is, when it says it plainly — for people no cast
//! list describes. Two shapes, both ending on a title (`研究员`, `创始人`, `CEO`…), so that a
//! phrase that only praises or relates (`我的老朋友李四`) is never taken for one:
//! - a lead, then the description right before the name: `本期嘉宾是某实验室研究员李四`,
//!   `我们请到了张三和某资本管理合伙人李四` (after `和`, `与`, `、`: the last one's);
//! - a line that opens with the name and a comma: `张涛，某点评网站创始人，…` (up to the
//!   next comma or full stop).

/// Words that lead into the people a programme has on: the description and name follow.
const LEADS: [&str; 9] = [
    "嘉宾是",
    "嘉宾为",
    "嘉宾：",
    "嘉宾:",
    "请到了",
    "邀请到",
    "请来了",
    "对话了",
    "专访了",
];

/// Titles a description ends on (checked on the end, Latin ones in any case).
const TITLES: [&str; 38] = [
    "创始人",
    "創始人",
    "创办人",
    "合伙人",
    "合夥人",
    "研究员",
    "研究員",
    "科学家",
    "科學家",
    "工程师",
    "工程師",
    "教授",
    "主编",
    "主編",
    "记者",
    "記者",
    "负责人",
    "負責人",
    "经理",
    "經理",
    "总监",
    "總監",
    "总裁",
    "總裁",
    "董事长",
    "董事長",
    "主席",
    "院长",
    "所长",
    "主任",
    "投资人",
    "投資人",
    "设计师",
    "設計師",
    "作者",
    "博士",
    "官",
    "CEO",
];

/// Latin titles, matched case-insensitively at the end.
const LATIN_TITLES: [&str; 9] = [
    "cto",
    "cfo",
    "coo",
    "cpo",
    "vp",
    "founder",
    "partner",
    "professor",
    "researcher",
];

/// The longest description kept, in characters.
const MAX_CHARS: usize = 30;

/// What `front` plainly says `name` is; `others` are the other people's names, which a
/// description must not hold (`张三和某公司创始人李四` is not 张三's).
pub fn affiliation(name: &str, others: &[&str], front: &str) -> Option<String> {
    let name = name.trim();
    let long_enough = if name.is_ascii() {
        name.len() >= 3
    } else {
        name.chars().count() >= 2
    };
    if !long_enough {
        return None;
    }
    front.lines().find_map(|line| {
        opening_line(line.trim(), name)
            .or_else(|| after_lead(line, name))
            .filter(|d| valid(d, others))
    })
}

/// `NAME，DESCRIPTION，…`: the description up to the next comma or full stop.
fn opening_line(line: &str, name: &str) -> Option<String> {
    let rest = line.strip_prefix(name)?;
    let rest = rest.strip_prefix(['，', ','])?;
    let end = rest
        .find(['，', ',', '。', '；', ';'])
        .unwrap_or(rest.len());
    Some(rest[..end].trim().to_string())
}

/// `…LEAD DESCRIPTION NAME`: the description between the last lead and the name.
fn after_lead(line: &str, name: &str) -> Option<String> {
    line.match_indices(name).find_map(|(at, _)| {
        let before = &line[..at];
        let (lead_at, lead) = LEADS
            .iter()
            .filter_map(|l| before.rfind(l).map(|i| (i, *l)))
            .max_by_key(|&(i, _)| i)?;
        let between = &before[lead_at + lead.len()..];
        let last = between
            .rsplit(['和', '与', '與', '及', '、'])
            .next()
            .unwrap_or(between);
        let last = last
            .trim()
            .trim_start_matches("来自")
            .trim_start_matches("來自");
        let last = last.trim_end_matches('的').trim();
        (!last.is_empty()).then(|| last.to_string())
    })
}

/// A description: short, one phrase (no punctuation that ends a clause or opens an aside),
/// no other person's name, ending on a title.
fn valid(description: &str, others: &[&str]) -> bool {
    let d = description.trim();
    let n = d.chars().count();
    let lower = d.to_ascii_lowercase();
    (2..=MAX_CHARS).contains(&n)
        && !d.contains(|c: char| "，。；！？,;!?：:“”\"（）()「」".contains(c))
        && !others.iter().any(|o| !o.is_empty() && d.contains(o))
        && (TITLES.iter().any(|t| d.ends_with(t))
            || LATIN_TITLES.iter().any(|t| lower.ends_with(t)))
        && n > TITLES
            .iter()
            .find(|t| d.ends_with(*t))
            .map_or(0, |t| t.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_or_an_opening_line_that_ends_on_a_title_describes_a_person() {
        let said = |name: &str, front: &str| affiliation(name, &["张三", name], front);
        assert_eq!(
            said("李四", "本期嘉宾是某实验室研究员李四。").as_deref(),
            Some("某实验室研究员")
        );
        assert_eq!(
            said(
                "李四",
                "本期节目，我们请到了张三和某资本管理合伙人李四，聊聊那几年。"
            )
            .as_deref(),
            Some("某资本管理合伙人"),
            "after 和: the last one's"
        );
        assert_eq!(
            said("李四", "这期我们邀请到来自某大学的李四教授。"),
            None,
            "a university alone is no title"
        );
        assert_eq!(
            said("Ann Lee", "嘉宾：Example Labs CEO Ann Lee").as_deref(),
            Some("Example Labs CEO")
        );
        assert_eq!(
            said("王五", "王五，某点评网站创始人，商学院毕业，曾任顾问。").as_deref(),
            Some("某点评网站创始人")
        );
    }

    #[test]
    fn praise_relations_clauses_and_bare_titles_are_not_descriptions() {
        let none = |name: &str, front: &str| {
            assert_eq!(affiliation(name, &["张三"], front), None, "{front}");
        };
        none("李四", "本期嘉宾是我的老朋友李四。");
        none("李四", "李四，1985年出生于杭州，后来做了工程师。");
        none("李四", "嘉宾是张三，他说某公司研究员李四也来了。");
        none("李四", "嘉宾是创始人李四。");
        none("李四", "我们请到了张三和李四。");
        none("李", "本期嘉宾是某实验室研究员李。");
        none("李四", "某实验室研究员李四说，这件事很难。");
        none("李四", "我们请到了张三创始人李四");
    }
}
