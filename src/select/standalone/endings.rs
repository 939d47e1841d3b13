//! Rules on how a line ends and is cut: a card line is finished (not a heading or a cut
//! clause), asks nothing, announces nothing it does not give, does not hedge on a question
//! the card does not show, and is made of sentences that are not fragments.

use super::body;
use crate::interview::sentences;
use crate::select::ids::count_chars;

/// Marks a finished sentence ends on.
const FINAL: &[char] = &['。', '！', '!', '…', '.'];

/// **Finished**: the line ends on a sentence's end (。！…), not on a comma, a colon or
/// nothing at all — a heading, a caption or a section title read as an answer has no final
/// mark, and a line opening on a mark was cut from the middle of one.
pub fn unfinished(text: &str) -> bool {
    let opens_with_mark = text
        .trim_start()
        .trim_start_matches(['“', '「', '『', '"', '‘'])
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    opens_with_mark || !body(text).ends_with(FINAL) && !question(text)
}

/// Question words that, closing a sentence, make it ask whatever its mark (`…怎么办。`).
const ASKING_ENDS: &str = "怎么办 怎麼辦 怎么样 怎麼樣 为什么 為什麼 如何";
/// A-not-A forms that, opening a sentence's last clause, ask (`…，是不是有新的范式。`); one
/// opening an earlier clause is a topic (`能不能实现泛化，关键在于…`), and one inside a clause
/// (`不管是不是…`, `我不知道有没有…`) opens on other words. (`能不能`, `要不要` are left out:
/// as nouns they open statements, `能不能和想不想是两码事`.)
const ASKING_CLAUSES: &str = "是不是 有没有 有沒有 会不会 會不會";

/// **Asks nothing**: no sentence of it is a question — ？, or a statement closed by 吗 or by
/// a question word (`怎么办`, `为什么`), or whose last clause opens on an A-not-A form
/// (`…，是不是…`): transcripts and scraped text often end a question on 。.
pub fn question(text: &str) -> bool {
    text.contains(['？', '?'])
        || sentences(text).iter().any(|s| {
            let b = body(s).trim_end_matches(FINAL);
            b.ends_with(['吗', '嗎'])
                || super::words(ASKING_ENDS).any(|w| b.ends_with(w))
                || b.rsplit(['，', ',', '；', ';', '：', ':'])
                    .next()
                    .is_some_and(|last| super::starts_any(last.trim_start(), ASKING_CLAUSES))
        })
}

/// Nouns a line announces a list of (`有三个原因。`, `从两个维度来看。`).
const LISTED: &str = "原因 点 方面 维度 維度 层面 層面 阶段 階段 差别 差別 区别 區別 问题 \
    問題 因素 变化 變化 方向 特点 特點 步 部分 层 層 类 類 种 種 逻辑 \
    邏輯 优势 優勢 挑战 挑戰 趋势 趨勢 事情 事 条 條 建议 建議 判断 \
    判斷";
/// What may follow the announced noun (`来看`, `：`).
const ANNOUNCING: &str = "来看 來看 来说 來說 来讲 來講 来谈 吧 的";
/// Count words that make a noun a list (`三个原因`, `几点`, `一个最本质的差别`).
const COUNTS: &[char] = &[
    '几', '幾', '两', '兩', '三', '四', '五', '六', '七', '八', '九', '十', '一', '多', '2', '3',
    '4', '5', '6', '7', '8', '9',
];

/// **Gives what it announces**: the line does not end on a colon, nor on a sentence that
/// only announces a list or a point to come (`我觉得大概有3个原因。`, `有一个最本质的差别。`),
/// nor give one side (`一方面`) of two.
pub fn lead_in(text: &str) -> bool {
    let b = body(text);
    // A colon at the end, or one side of a list promised and not given (`一方面，…`).
    let half = b.contains("一方面") && !b.contains("另一方面");
    if b.ends_with(['：', ':']) || half {
        return true;
    }
    let last = sentences(b).last().copied().unwrap_or(b);
    let mut s = body(last).trim_end_matches(FINAL);
    for a in super::words(ANNOUNCING) {
        s = s.strip_suffix(a).unwrap_or(s);
    }
    let Some(noun) = super::words(LISTED).find(|n| s.ends_with(n)) else {
        return false;
    };
    // A count word and its classifier shortly before the noun (`三个`, `几点`), or the
    // noun itself right after the count; one thing announced must be the main one.
    let before: Vec<char> = s[..s.len() - noun.len()].chars().rev().take(8).collect();
    let counted = (0..before.len()).any(|i| {
        COUNTS.contains(&before[i])
            && (i == 0 || CLASSIFIERS.contains(&before[i - 1]))
            && (!matches!(before[i], '一') || super::any_in(s, MAIN))
    });
    counted && count_chars(last) <= 30
}

/// Classifiers between a count and its noun (`三个原因`, `两大优势`).
const CLASSIFIERS: &[char] = &[
    '个', '個', '点', '點', '件', '条', '條', '种', '種', '层', '層', '大', '类', '類', '步',
];
/// What makes one announced thing the main one (`一个最本质的差别`).
const MAIN: &str = "最 核心 关键 關鍵 本质 本質 主要";

/// **Does not hedge**: no clause ends on the tentative 吧 (`我觉得祝大家好运吧。`), and the
/// line does not decline to answer (`我不知道。`, `很难说。`) — both answer a question the card
/// does not show.
pub fn hedge(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '吧' && chars.peek().is_none_or(|n| !n.is_alphanumeric()) {
            return true;
        }
    }
    const DECLINES: &str = "我不知道 不好说 很难说 说不好 說不好 我不确定 我不確定 我唔知 唔知道 \
        我諗唔到 我想不到 不好評論 不好评论";
    super::any_in(text, DECLINES)
}

/// **Whole sentences**: in a passage of several sentences, none is a fragment of under
/// 6 characters (`有。`) leaning on its neighbour.
pub fn fragment(text: &str) -> bool {
    let parts = sentences(text);
    parts.len() > 1 && parts.iter().any(|s| count_chars(s) < 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_cut_lines_are_unfinished() {
        assert!(unfinished("船厂才是未来"));
        assert!(unfinished("一条船要做半年，"));
        assert!(unfinished("，一条船要做半年。"));
        assert!(unfinished("（木船）也是一样的情况。"));
        assert!(!unfinished("一条船要做半年。"));
        assert!(!unfinished("“一条船要做半年！”"));
    }

    #[test]
    fn questions_ask() {
        assert!(question("你为什么还在做木船？"));
        assert!(question("为什么？因为心诚。"));
        assert!(question("木船还有人要吗。"));
        assert!(question("點解仲做木船？"));
        assert!(!question("木船还有人要。"));
        // A question closed by 。: a question word at the end, an A-not-A clause.
        assert!(question("那些没有标准答案的问题怎么办。"));
        assert!(question("学会了推理过程，是不是有更进一步的范式改变。"));
        assert!(question("有没有一种办法让木船更轻。"));
        assert!(!question("不管是不是木船，都要先看水。"));
        assert!(!question("我不知道有没有下一代船匠。"));
        assert!(!question("这就是为什么我们还做木船。"));
        assert!(!question("能不能做成木船，我觉得关键在于木料。"));
        assert!(!question("能不能和想不想是两码事。"));
    }

    #[test]
    fn colons_and_announced_lists_lead_in() {
        assert!(lead_in("我觉得大概有3个原因："));
        assert!(lead_in("在这个行当里，我觉得有几个点。"));
        assert!(lead_in("造船可以从两个维度来看。"));
        assert!(lead_in("木船和铁船有一个最本质的差别。"));
        assert!(lead_in("我諗有三個原因。"));
        assert!(!lead_in("木船和铁船的差别在于温度。"));
        assert!(!lead_in("我们镇上以前有二十多家船厂，现在只剩一家了。"));
        assert!(!lead_in("造船是一件小事。"));
        assert!(lead_in("价值来源于几个方面：一方面，木船更稳。"));
        assert!(!lead_in("一方面木船更稳，另一方面木船更美。"));
        assert!(!lead_in("我觉得要慢一点。"));
    }

    #[test]
    fn hedges_need_the_question() {
        assert!(hedge("我觉得祝大家好运吧。"));
        assert!(hedge("算中肯吧，就像大家说的一样。"));
        assert!(hedge("这个我不知道。"));
        assert!(!hedge("吧台在门口。"));
        assert!(!hedge("心诚比手巧更重要。"));
    }

    #[test]
    fn short_sentences_are_fragments_of_a_pair() {
        assert!(fragment("有。但大家不是正式的渠道。"));
        assert!(!fragment("有。"));
        assert!(!fragment("一条船要做半年。心诚比手巧更重要。"));
    }
}
