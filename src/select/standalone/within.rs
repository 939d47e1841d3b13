//! Rules on what a line holds, wherever it stands in it — found by studying blind labels of
//! candidate lines (`tools/card_labels.jsonl`): among lines passing every other rule, those
//! holding an unresolved demonstrative with its measure word (`这种观点`, `这些系统`) were
//! publishable 17% of the time (resolved ones 58%), those holding a year 5%, items of a long
//! list (`第五，…`) never (all lines passing the other rules: 39%).

use super::opening;

/// A demonstrative with its measure word: it names a thing the line itself may not name.
const MEASURED: &str = "这个 這個 这些 這些 这种 這種 这项 這項 这类 這類 这件 這件 这位 這位 \
    这家 這家 这两 這兩 这次 這次 这样的 這樣的 那个 那個 那些 那种 那種 那件 那位 那次";
/// Phrases with a measured demonstrative a reader resolves alone (`这些年`: "these years").
const GENERIC: &str = "这些年 這些年 这几年 這幾年 这一次 這一次";

/// **Names what it points to**: no measured demonstrative (`这个`, `这些`, `这种`…) anywhere
/// in the line points outside it — unless it is generic (`这个时代`, `这些年`), apposed to its
/// Latin name (`AI这个技术`), or its noun was named earlier in the line (`…找到一个细分领域，在这个
/// 细分领域里…`).
pub fn demonstrative(text: &str) -> bool {
    if !super::any_in(text, MEASURED) {
        return false;
    }
    let mut t = text.to_string();
    for g in super::words(GENERIC).chain(super::words(super::openers::NOT_REFERENCES)) {
        t = t.replace(g, "");
    }
    super::words(MEASURED).any(|d| {
        t.match_indices(d).any(|(at, _)| {
            let before = &t[..at];
            let noun: String = t[at + d.len()..].chars().take(2).collect();
            let named = noun.chars().count() == 2
                && noun.chars().all(char::is_alphanumeric)
                && before.contains(&noun);
            let apposed = before
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric());
            !(named || apposed)
        })
    })
}

/// **Makes a point, not a record**: the line holds no calendar year (`2016年`,
/// `2017-2019年`): a dated line is an account of events or a statistic, which a card does not
/// carry. A number that is no year (`第2016次`, `2000万`) is none.
pub fn dated(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(4).enumerate().any(|(i, w)| {
        let year = w.iter().all(char::is_ascii_digit)
            && matches!((w[0], w[1]), ('1', '9') | ('2', '0'))
            && !i.checked_sub(1).is_some_and(|j| chars[j].is_ascii_digit());
        let rest = &chars[i + 4..];
        let ranged = rest.first().is_some_and(|c| "-–—~至到".contains(*c))
            && rest.iter().skip(1).take(6).any(|c| *c == '年');
        year && (rest.first() == Some(&'年') || ranged)
    })
}

/// Words that set a line in the past (`过去，…`, `以前…`), and words that turn it to the
/// present or to a point (`但`, `现在`, `而是`).
const PAST: &str = "过去 過去 以前 之前 原来 原來 此前 当初 當初 从前 從前";
const TURNS: &str = "现在 現在 如今 今天 今后 今後 未来 未來 将来 將來 后来 後來 但 而是";

/// **Makes a point, not a record** (as [`dated`]): the line does not open (after a frame
/// such as 我觉得) in the past and stay there (`过去，每种内容类型都有不同的模型。`,
/// `之前强化学习的效果都不明显。`) — an account of how things were, or half of a contrast with
/// a now the card does not show. A line that turns to the present or to its point
/// (`以前是先有市场，现在…`, `…，但…`) makes one. The labels: such lines passing every other rule
/// were publishable 18% of the time (28 lines; all lines passing them 42%).
pub fn past(text: &str) -> bool {
    let t = super::openers::after_frame(super::opening(text));
    super::starts_any(t, PAST) && !super::any_in(text, TURNS)
}

/// Ordinals that number an item of a list past its third (the first three are connectives).
const ORDINALS: &str = "第四 第五 第六 第七 第八 第九 第十 其一 其二 其三 其四";
/// Items numbered by a count and 是 (`三是…`; `一是`, `二是` are connectives).
const COUNTED: &str = "三是 四是 五是 六是 七是 八是";
/// What follows an ordinal numbering an item (`第五，`, `第五点`), not a noun (`第五代`).
const ITEM_MARKS: &[char] = &[
    '，', ',', '、', '：', ':', '是', '点', '點', '条', '條', '个', '個',
];

/// **Is not a list's item**: the line does not open on an ordinal (`第五，…`, `其二，…`): an
/// item of a list is read with the list.
pub fn list_item(text: &str) -> bool {
    let t = opening(text);
    let counted = super::words(COUNTED).any(|c| t.starts_with(c));
    counted
        || super::words(ORDINALS).any(|o| {
            t.strip_prefix(o)
                .is_some_and(|rest| rest.starts_with(ITEM_MARKS))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unresolved_demonstrative_points_outside_the_line() {
        assert!(demonstrative("有些人认为手艺会失传，但我不相信这种观点。"));
        assert!(demonstrative("很少有老师傅真正用过这些机器。"));
        assert!(demonstrative("我们在镇上开了新厂来做这件事。"));
    }

    #[test]
    fn a_resolved_or_generic_demonstrative_does_not() {
        assert!(!demonstrative(
            "先找到一个细分领域，在这个细分领域里做到第一。"
        ));
        assert!(!demonstrative("这个时代的船，比过去任何时候都快。"));
        assert!(!demonstrative("我们这些年造的船，都还在水上。"));
        assert!(!demonstrative("好的船不是造出来的，而是修出来的。"));
    }

    #[test]
    fn a_year_dates_an_account() {
        assert!(dated("2016年，我们在镇上开了第一家船厂。"));
        assert!(dated("船厂是1980年建的。"));
        assert!(dated("订单在2017-2019年翻了一番。"));
        assert!(!dated("第2016次下水的时候，我觉得慢就是快。"));
        assert!(!dated("我们计划每年造2000条船。"));
        assert!(!dated("一条船要花3000个小时。"));
        assert!(!dated("造船的人不到200个了。"));
        assert!(!dated("手艺不会失传。"));
    }

    #[test]
    fn a_line_set_in_the_past_and_staying_there_is_a_record() {
        assert!(past("过去，每个镇上都有几家船厂。"));
        assert!(past("以前，船都是用杉木做的。"));
        assert!(past("我觉得之前的船厂效果都不明显。"));
        assert!(!past("以前是先有船，现在是先有订单。"));
        assert!(!past("过去船是用来打鱼的，但船厂从来不只造渔船。"));
        assert!(!past("好船是修出来的。"));
    }

    #[test]
    fn a_later_item_of_a_list_is_read_with_the_list() {
        assert!(list_item("第五，要考虑船厂的选址。"));
        assert!(list_item("其二，木料要晾三年。"));
        assert!(list_item("第七点，木料要晾三年。"));
        assert!(list_item("三是木料要晾三年。"));
        assert!(!list_item("第五代船匠已经很少了。"));
        assert!(!list_item("五金店是镇上最老的店。"));
    }
}
