//! Where an editor's bold thought starts: the clause a bold span opens, as a card line.
//!
//! Editors bold the point of a sentence, not its preamble: `有个有意思的发现是，**从文本预训练
//! 模型到代码模型，实际上没有迁移收益。**`, `第一，**o1 证明了…**`, `因为物理世界本身就是多模态，
//! **多模融合有助于…**`, `**但我觉得代码解释器是…**`. The sentence around such a span fails a
//! card rule (it opens on a connective, an item number or a preamble), yet the bold part is
//! the quotable line — what an editor puts on the card is the span, from the clause it opens
//! to the end of its sentence, with a discourse connective at its head left off.
//!
//! A property of Chinese sentences decides when that trim keeps the meaning: a clause after a
//! condition (`如果…，那么…`, `只要…就…`, `即使…也…`) or opening on a consequence word
//! (`就/才/也/那么/则/却`) is bound to what precedes it and is never cut from it; a contrast or
//! an addition (`但/不过/而且/另外/其实`) and an enumerator (`第一/首先`) are the speaker's
//! signposts, and the claim after them stands without them. Written by hand: no crate knows
//! Chinese clause structure, and the rule is a handful of word lists.

use super::standalone::{starts_any, words};
use crate::interview::Paragraph;

/// Marks that end a clause inside a sentence (a list's `、` does not: it joins items).
const CLAUSE_BREAKS: &[char] = &['，', ',', '；', ';', '：', ':'];

/// Signposts a clause may open on that an editor leaves off a quote wherever the clause
/// stands: a contrast, an addition, an aside — the claim after them is whole.
const SIGNPOSTS: &str = "但是 但 不过 不過 可是 然而 而且 并且 並且 另外 此外 同时 同時 \
    其实 其實 事实上 事實上 实际上 實際上";

/// Signposts left off only at a sentence's start (what they tie to is a previous sentence):
/// a conclusion (`所以`).
const SENTENCE_SIGNPOSTS: &str = "所以说 所以 因此 总之 總之 说到底 說到底 归根结底 歸根結底 总的来说 \
    總的來說 说白了 說白了";

/// The numbers of a list's items, left off at a sentence's start when a comma follows
/// (`第一，…`; `第一次…` is not one).
const ENUMERATORS: &str = "首先 其次 再次 最后 最後 第一 第二 第三 第四 第五";

/// Words opening a clause that continues the one before it as its consequence or
/// concession: such a clause never stands without its predecessor.
/// (`是…` predicates a subject the clause before names.)
const BOUND_OPENERS: &str =
    "那么 那麼 那 就 才 则 則 也 还 還 却 卻 便 都 而 所以 因此 于是 於是 是";

/// The frames of an opinion (`我觉得…`): a bold span starting right after one is the
/// opinion, and the quote keeps the frame (the claim is the speaker's, said as theirs). A
/// bold span starting after any other words of its clause (`产生**一个…**`) is a part of a
/// clause, not a thought, and gives no line.
const FRAMES: &str = "我觉得 我覺得 我认为 我認為 我相信 我想 我发现 我發現 我坚信 我堅信 \
    我们认为 我們認為 我们觉得 我們覺得 我们相信 我們相信 在我看来 在我看來";

/// Fewest Han characters of a trimmed line: shorter, a bold phrase is a term, not a thought.
const MIN_HAN: usize = 12;

/// Words opening a sentence's first clause that make the rest of the sentence depend on it
/// (a condition, a premise, a concession): the clauses after it are never cut from it.
const CONDITIONS: &str = "如果 假如 假设 假設 要是 若 只要 只有 除非 一旦 当 當 既然 即使 \
    即便 哪怕 就算 万一 萬一 无论 無論 不管 不论 不論";

/// Words opening a sentence's first clause as the first half of a pair (`不光…，其实重点是…`,
/// `与其…，不如…`): the clauses after it answer it and are never cut from it.
const PAIR_OPENERS: &str = "不光 不仅 不僅 不只 不但 不单 不單 与其 與其";

/// An editor's bold thought where it starts: bytes `start..end` of its paragraph, within the
/// paragraph's sentences `first..=last` (0-based; at most two).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
    pub first: usize,
    pub last: usize,
}

/// The editor's bold thoughts of `p` trimmed to where they start: for each bold span
/// (character ranges in [`Paragraph::emphasis`]), from the start of the clause it opens in
/// (signposts left off) to the end of the sentence it ends in, when that start is not the
/// start of a sentence (a whole sentence is a candidate already) and the clause is free to
/// stand (see the module doc). At most two sentences, like every candidate; `ranges` are the
/// paragraph's sentences (byte ranges).
pub fn clauses(p: &Paragraph, ranges: &[(usize, usize)]) -> Vec<Clause> {
    if p.emphasis.is_empty() {
        return Vec::new();
    }
    let text = p.text.as_str();
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut out = Vec::new();
    for &[a, b] in &p.emphasis {
        let (Some(&start), Some(&end)) = (bytes.get(a), bytes.get(b.saturating_sub(1))) else {
            continue;
        };
        let Some(first) = ranges.iter().position(|r| r.0 <= start && start < r.1) else {
            continue;
        };
        let Some(last) = ranges.iter().position(|r| r.0 <= end && end < r.1) else {
            continue;
        };
        if last > first + 1 {
            continue;
        }
        let Some(from) = clause_start(text, ranges[first].0, start) else {
            continue;
        };
        // A span over two sentences gives both lines: its clause to the end of either.
        for to in [first, last] {
            let clause = Clause {
                start: from,
                end: ranges[to].1,
                first,
                last: to,
            };
            if han(&text[from..clause.end]) >= MIN_HAN && !out.contains(&clause) {
                out.push(clause);
            }
        }
    }
    out
}

/// Where the thought of a bold span starting at byte `bold` of the sentence starting at
/// `sentence` begins: the start of the clause holding `bold`, past a signpost; `None` when
/// that is the sentence's own start (nothing to trim) or the clause is bound to the one
/// before it.
fn clause_start(text: &str, sentence: usize, bold: usize) -> Option<usize> {
    let head = &text[sentence..bold];
    let clause = match head.rfind(CLAUSE_BREAKS) {
        Some(i) => sentence + i + head[i..].chars().next()?.len_utf8(),
        None => sentence,
    };
    let at = clause + lead_len(&text[clause..]);
    let mid_sentence = !text[sentence..clause].trim().is_empty();
    let opener = text[sentence..].trim_start();
    if mid_sentence && (starts_any(opener, CONDITIONS) || starts_any(opener, PAIR_OPENERS)) {
        return None;
    }
    if mid_sentence && !droppable(&text[sentence..clause], &text[at..]) {
        return None;
    }
    let from = at + signpost_len(&text[at..], mid_sentence);
    let from = from + lead_len(&text[from..]);
    if from < bold && !words(FRAMES).any(|f| text[from..bold].trim() == f) {
        return None;
    }
    if starts_any(&text[from..], BOUND_OPENERS) && (mid_sentence || from > at) {
        return None;
    }
    let own_start = sentence + lead_len(&text[sentence..]);
    (from != own_start && from < text.len()).then_some(from)
}

/// Words closing a preamble that announces the statement after it (`有个发现是，`,
/// `我想说的是，`, `我认为，`).
const ANNOUNCERS: &str =
    "是 就是 在于 在於 说 說 讲 講 发现 發現 认为 認為 觉得 覺得 相信 看来 看來";

/// Openers of a clause that gives a cause or a concession (`因为…，`): the statement after
/// it is whole without it.
const REASONS: &str = "因为 因為 由于 由於 虽然 雖然 尽管 儘管";

/// Whether `pre` (a sentence up to the clause a bold span opens, with the break after it)
/// may be left off the quote: when it announces the statement (`…是，`, or a colon), gives a
/// cause or a concession, or is a signpost itself (`第一，`), or the clause turns from it on
/// a signpost (`我说的不是旧船，但我觉得…`) or opens a statement of the speaker's own
/// (`…，我认为…`). A topic (`手艺这东西，心诚…`) or a setting
/// (`在推理侧，…`) is what the clause speaks of: never left off.
fn droppable(pre: &str, clause: &str) -> bool {
    let pre = pre.trim();
    let colon = pre.ends_with(['：', ':']);
    let body = pre.trim_end_matches(CLAUSE_BREAKS).trim_end();
    let signpost = [SIGNPOSTS, SENTENCE_SIGNPOSTS, ENUMERATORS]
        .iter()
        .any(|l| words(l).any(|w| w == body));
    colon
        || signpost
        || words(ANNOUNCERS).any(|w| body.ends_with(w))
        || starts_any(body, REASONS)
        || signpost_len(clause, true) > 0
        || starts_any(clause, FRAMES)
}

/// Bytes of a signpost (and the comma after it) opening `rest`: [`SIGNPOSTS`] anywhere,
/// [`SENTENCE_SIGNPOSTS`] and [`ENUMERATORS`] (these with a comma) only at a sentence's
/// start; 0 when there is none.
fn signpost_len(rest: &str, mid_sentence: bool) -> usize {
    let longest = |list: &str| {
        words(list)
            .filter(|w| rest.starts_with(w))
            .map(str::len)
            .max()
            .unwrap_or(0)
    };
    let comma = |at: usize| {
        rest[at..]
            .chars()
            .next()
            .filter(|c| matches!(c, '，' | ',' | '：' | ':' | '、'))
            .map_or(0, char::len_utf8)
    };
    let mut len = longest(SIGNPOSTS);
    if !mid_sentence {
        len = len.max(longest(SENTENCE_SIGNPOSTS));
        let item = longest(ENUMERATORS);
        if item > 0 && comma(item) > 0 {
            len = len.max(item);
        }
    }
    if len == 0 { 0 } else { len + comma(len) }
}

/// Han characters in `text`.
fn han(text: &str) -> usize {
    text.chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count()
}

/// Bytes of white space opening `text`.
fn lead_len(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::{Address, Kind};
    use crate::select::locate::sentence_ranges;

    /// A paragraph of `text` whose bold is `bold` (each found once).
    fn para(text: &str, bold: &[&str]) -> Paragraph {
        let emphasis = bold
            .iter()
            .map(|b| {
                let at = text.find(b).expect("bold in text");
                let a = text[..at].chars().count();
                [a, a + b.chars().count()]
            })
            .collect();
        Paragraph {
            address: Address {
                section: 1,
                paragraph: 1,
            },
            kind: Kind::Turn,
            speaker: Some("嘉宾".into()),
            opens_turn: true,
            text: text.into(),
            emphasis,
            time: None,
        }
    }

    fn texts(p: &Paragraph) -> Vec<&str> {
        clauses(p, &sentence_ranges(&p.text))
            .iter()
            .map(|c| &p.text[c.start..c.end])
            .collect()
    }

    #[test]
    fn a_preamble_before_the_bold_is_left_off() {
        let p = para(
            "有个有意思的发现是，从文本模型到代码模型，实际上没有迁移收益。后面还有话。",
            &["从文本模型到代码模型，实际上没有迁移收益。"],
        );
        assert_eq!(texts(&p), ["从文本模型到代码模型，实际上没有迁移收益。"]);
        let cause = para(
            "因为物理世界本身就是多模态，多模融合有助于我们更好地为世界建模。",
            &["多模融合有助于我们更好地为世界建模。"],
        );
        assert_eq!(texts(&cause), ["多模融合有助于我们更好地为世界建模。"]);
    }

    #[test]
    fn an_item_number_and_a_contrast_are_signposts() {
        let p = para(
            "第一，渡口总是比船厂活得久得多。我说的不是旧船，但我觉得旧船才最懂这条江的水。",
            &[
                "渡口总是比船厂活得久得多。",
                "但我觉得旧船才最懂这条江的水。",
            ],
        );
        assert_eq!(
            texts(&p),
            ["渡口总是比船厂活得久得多。", "我觉得旧船才最懂这条江的水。"]
        );
        let first_time = para(
            "第一次做产品的人都会犯同样的错误。",
            &["第一次做产品的人都会犯同样的错误。"],
        );
        assert!(
            texts(&first_time).is_empty(),
            "第一次 is not an item number"
        );
    }

    #[test]
    fn a_bold_span_after_an_opinion_frame_keeps_the_frame() {
        let p = para(
            "说到底，我觉得手艺人最怕的是没人接班，这是实话。",
            &["手艺人最怕的是没人接班"],
        );
        assert_eq!(texts(&p), ["我觉得手艺人最怕的是没人接班，这是实话。"]);
    }

    #[test]
    fn a_bold_span_inside_a_clause_is_not_a_thought() {
        for (text, bold) in [
            (
                "后来我们能够产生一个别处做不到的好东西，这个就有价值。",
                "一个别处做不到的好东西",
            ),
            (
                "我们得说，其实是要在快和好之间找到一个平衡点。",
                "其实是要在快和好之间找到一个平衡点。",
            ),
            ("我的回答是，一个上帝模型。", "一个上帝模型。"),
        ] {
            assert!(texts(&para(text, &[bold])).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_topic_or_a_setting_is_never_left_off() {
        for (text, bold) in [
            (
                "手艺这东西，心诚比手巧更重要，急是急不来的。",
                "心诚比手巧更重要，",
            ),
            (
                "在推理侧，它对计算的需求量肯定是成倍的提升。",
                "它对计算的需求量肯定是成倍的提升。",
            ),
        ] {
            assert!(texts(&para(text, &[bold])).is_empty(), "{text}");
        }
        // A colon announces what follows it.
        let p = para(
            "我们学到了教训，现在我们坚信一点：做产品的人最好自己也是产品的用户。",
            &["做产品的人最好自己也是产品的用户。"],
        );
        assert_eq!(texts(&p), ["做产品的人最好自己也是产品的用户。"]);
    }

    #[test]
    fn a_consequence_is_never_cut_from_its_condition() {
        for (text, bold) in [
            ("如果你第一天不收费，你永远收不到钱。", "你永远收不到钱。"),
            ("如果第一天不收费，那么永远收不到钱。", "那么永远收不到钱。"),
            ("虽然钴用得很少，也要确保没有童工。", "也要确保没有童工。"),
            ("天一冷，就没人来码头了。", "就没人来码头了。"),
            ("因为用户少，所以我们先做工具。", "所以我们先做工具。"),
            (
                "不光是木船，其实重点还是怎么让手艺传下去。",
                "重点还是怎么让手艺传下去。",
            ),
            (
                "与其等订单，不如自己先造一条好船。",
                "不如自己先造一条好船。",
            ),
        ] {
            assert!(texts(&para(text, &[bold])).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_conclusion_signpost_goes_only_at_a_sentence_start() {
        let p = para(
            "所以，好的产品都是一遍一遍改出来的。",
            &["所以，好的产品都是一遍一遍改出来的。"],
        );
        assert_eq!(texts(&p), ["好的产品都是一遍一遍改出来的。"]);
        let mid = para(
            "用户不多，所以好的产品都是一遍一遍改出来的。",
            &["所以好的产品都是一遍一遍改出来的。"],
        );
        assert!(texts(&mid).is_empty(), "所以 mid-sentence is a consequence");
    }

    #[test]
    fn a_whole_bold_sentence_needs_no_trim() {
        let p = para("渡口比船厂活得久。", &["渡口比船厂活得久。"]);
        assert!(texts(&p).is_empty());
        assert!(texts(&para("渡口比船厂活得久。", &[])).is_empty());
    }

    #[test]
    fn a_bold_span_over_two_sentences_ends_at_the_second() {
        let p = para(
            "我想说，渡口总会比船厂活得久一些。船厂早晚都会关门大吉。第三句。",
            &["渡口总会比船厂活得久一些。船厂早晚都会关门大吉"],
        );
        assert_eq!(
            texts(&p),
            [
                "渡口总会比船厂活得久一些。",
                "渡口总会比船厂活得久一些。船厂早晚都会关门大吉。"
            ]
        );
    }
}
