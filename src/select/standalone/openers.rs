//! Rules on how a line opens: a card line does not answer (`是的，…`), continue (`但…`,
//! `另外…`) or point back (`这个…`, `他们…`) to words the card does not show. Word lists hold
//! Simplified and Traditional forms (and the Cantonese of Hong Kong transcripts).

use super::{any_in, first_clause, listed, opening, starts_any, words};
use crate::interview::sentences;
use crate::select::ids::count_chars;

/// Words that open a line continuing a thought begun before it.
const CONNECTIVES: &str = "但 而 所以 另外 另一 同时 同時 比如 比方 例如 譬如 因此 因而 然后 \
    然後 可是 不过 不過 然而 只是 只不过 只不過 此外 并且 並且 况且 況且 \
    何况 何況 于是 於是 接着 接著 后来 後來 再说 再說 再者 再就是 还有 \
    還有 包括 或者 以及 至于 至於 反而 反之 相反 否则 否則 要不然 不然 \
    那 首先 其次 再次 最后 最後 第一 第二 第三 一是 二是 一方面 总之 \
    總之 总的来说 總的來說 换句话说 換句話說 换言之 換言之 也就是 就是 \
    具体而言 具體而言 具体来说 具體來說 具体来讲 具體來講 简单来说 簡單來說 \
    说白了 說白了 我的意思是 我是说 我是說 其实 其實 确实 確實 当然 當然 \
    甚至 尤其 还是 還是 同理 另 咁 即係 所以呢 不如 你知道 你看 你想想 \
    你說 你说 反正 对 對 其中 实际上 實際上 基本上 恰恰相反 相比之下 相比而言 \
    反过来 反過來 简而言之 簡而言之 总而言之 總而言之 事实上 事實上 毕竟 畢竟 \
    原因在于 原因在於 更重要的 更關鍵的 更关键的 特别是 特別是 的确 的確 一种是 \
    一種是 另一种 另一種 客观地讲 客觀地講 客观来说 客觀來說 话说回来 話說回來 \
    与此同时 與此同時 除此之外 不仅如此 不僅如此";
/// Openers that look like a connective but are not (`也许` is "perhaps").
const NOT_CONNECTIVES: &str = "也许 也許 那些年 对于 對於 对待 對待 对比 對比 对话 對話 对手 對手";

/// **Opens a thought**: the line does not start on a connective that continues what came
/// before (但/而且/所以/另外/同时/比如/首先…, or 也), unless it opens a pair it closes
/// itself (`因为…所以…`), nor on the number of a list's item (`3）还有…`).
pub fn connective(text: &str) -> bool {
    let t = opening(text);
    if starts_any(t, NOT_CONNECTIVES) {
        return false;
    }
    let because = starts_any(t, "因为 因為 由于 由於");
    if because {
        return !any_in(t, "所以 因此 才 于是 於是");
    }
    starts_any(t, CONNECTIVES) || t.starts_with('也') || list_item(t)
}

/// True when `t` opens on an item number (`3）`, `2、`, `1.`): one item of a list.
fn list_item(t: &str) -> bool {
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < t.len() && rest.starts_with(['）', ')', '、', '.', '．'])
}

/// First clauses that are a reply to a question, not a thought of their own.
const REPLIES: &str = "是 是的 是啊 是呀 对 對 对的 對的 对啊 對啊 没错 沒錯 冇錯 不是 \
    不会 不會 会 會 有 没有 沒有 冇 可以 不可以 能 不能 好 好的 好啊 \
    行 当然 當然 当然了 肯定 肯定的 也对 那倒是 还好 還好 差不多 可能 \
    也许 也許 或许 或許 应该是 應該是 不一定 算是 没问题 沒問題 同意 \
    完全同意 是这样 是這樣 是这样的 是這樣的 係 係呀 係啊 唔係 得 yes \
    yeah no ok okay right sure 一定 一定是 当然是 當然是";
/// Openings that reply to or agree with what was just said.
const REPLY_OPENINGS: &str = "是的 不是不是 对对 對對 嗯 哦 噢 呃 额 啊， 我也觉得 我也覺得 \
    我也认为 我也認為 我也同意 我同意 我赞同 我贊同 我觉得不会 我覺得不會 \
    我觉得是的 我覺得是的 绝对是 絕對是 肯定是 应该是 應該是 如果让我 如果讓我 \
    要我说 要我說 让我说 讓我說";

/// **Says something, not yes or no**: the line does not open on a reply (`是的，…`, `对。`,
/// `不是不是，…`, `我也觉得…`), nor on a first sentence of under 9 characters answering the
/// question before it (`我觉得不会。我们希望…`).
pub fn reply(text: &str) -> bool {
    let t = opening(text);
    let clause = first_clause(t).to_lowercase();
    let repeated = clause
        .chars()
        .next()
        .is_some_and(|c| clause.chars().all(|d| d == c) && listed(REPLIES, &c.to_string()));
    let parts = sentences(t);
    let short_first = parts.len() > 1 && count_chars(parts[0]) < 9;
    // `不能叫排斥，但…`: a short first clause conceded before the real answer.
    let rest = t[first_clause(t).len()..].trim_start_matches(['，', ',']);
    let conceded = count_chars(&clause) <= 5 && starts_any(rest, "但 不过 不過 可是");
    // `我觉得是天时、地利、人和。`: a frame and a predicate with no subject.
    let framed = words(FRAMES).any(|f| {
        t.strip_prefix(f)
            .is_some_and(|r| starts_any(r.trim_start_matches(['，', ',']), "是 不是 會 会"))
    });
    listed(REPLIES, &clause)
        || repeated
        || starts_any(t, REPLY_OPENINGS)
        || short_first
        || conceded
        || framed
}

/// Openings that point to the speaker's own words before the line (`我说的不是…`, `用人话说`).
const TALK_OPENINGS: &str = "我说的 我說的 我想说的 我想說的 用人话说 用人話說 我想告诉大家的 \
    我想告訴大家的 在此基础上 在此基礎上";
/// Phrases that, wherever they stand, draw a conclusion from words before the line.
const TALK_ANYWHERE: &str = "这就是为什么 這就是為什麼 在此基础上 在此基礎上";

/// **Does not lean on the talk around it**: the line neither opens by pointing to the
/// speaker's own earlier words (`我说的不是…`, `用人话说就是…`, `在此基础上`) nor concludes
/// from them anywhere (`…，这就是为什么…`). Editors bold such lines in context, so their bold
/// overrides this rule (`super::YIELD_TO_EMPHASIS`).
pub fn leans_on_talk(text: &str) -> bool {
    starts_any(opening(text), TALK_OPENINGS) || any_in(text, TALK_ANYWHERE)
}

/// Words opening on 也 that do not mean "also" (`也许` "perhaps", `也就是说` "that is").
const NOT_ALSO: &str = "也许 也許 也就是 也好 也罢 也罷 也可以说 也可以說 也不一定";
/// Openers of a condition the clause's 也 answers (`如果不成功也没关系`: "even so").
const CONDITIONS: &str = "如果 如果说 即使 即便 就算 哪怕 无论 無論 不管 不论 不論 假如 要是";
/// How far into the opening clause an "also" presupposes what came before: its subject
/// (`我们也…`, `大公司也…`, `360也…`), not a later verb's object.
const ALSO_REACH: usize = 6;

/// **Says it first**: the opening clause does not say "too" of its subject (`我们也发起了…`,
/// `大公司也在警告…`, `统计数据也表明…`): an "also" near a line's start presupposes something
/// said before it, which the card does not show. A 也 that answers a condition in its clause
/// (`如果不成功也没关系`) or opens a fixed phrase (`也许`, `也就是说`) is none. The labels: lines
/// with such an "also" and passing every other rule were publishable 16% of the time (86
/// lines), all lines passing them 42%. Editors bold such lines in context, so their bold
/// overrides this rule (`super::YIELD_TO_EMPHASIS`).
pub fn also(text: &str) -> bool {
    let clause = first_clause(text);
    if starts_any(clause, CONDITIONS) {
        return false;
    }
    clause
        .char_indices()
        .take(ALSO_REACH + 1)
        .any(|(at, c)| c == '也' && at > 0 && !starts_any(&clause[at..], NOT_ALSO))
}

/// Words that point to something said before the line (in its first clause they are
/// unresolved: the card does not show what they stand for).
const REFERENCES: &str = "这 這 那 他 她 它 此 刚才 剛才 刚刚 剛剛 上面说 上面說 前面说 \
    前面說 之前说 之前說 之前提到 前者 后者 後者 同样 同樣 呢個 呢啲 呢件 \
    嗰個 嗰啲 嗰陣 佢 上述 该 另外一个 另一个 另外一個 另一個 另一方面";
/// Words holding a reference word that point nowhere (`其他`, `应该`), and generic phrases
/// a reader resolves alone (`这个世界`).
pub(super) const NOT_REFERENCES: &str = "其他 其它 他人 吉他 利他 彼此 应该 應該 活该 那么 那麼 这个世界 \
    這個世界 这个时代 這個時代 这个社会 這個社會 这一代 這一代 这辈子 這輩子 \
    这一生 這一生";
/// Sayings that frame a claim (`我认为，…`): the clause after them is the one to read.
const FRAMES: &str = "我个人觉得 我個人覺得 我个人认为 我個人認為 我觉得 我覺得 我认为 我認為 \
    我相信 我想 我感觉 我感覺 我諗";

/// **Needs no context**: the line's first clause (after a frame such as 我认为) holds no
/// unresolved reference — 这/那/他们/这个/刚才/呢個… point to words the card does not show,
/// and so does a reason or a difference it opens on without saying of what (`部分原因在于…`);
/// a reference after it points into the line itself, and generic phrases (`这个世界`) and
/// words that merely hold the characters (`其他`, `应该`) are no references.
pub fn reference(text: &str) -> bool {
    let t = after_frame(opening(text));
    if any_in(text, ANYWHERE) {
        return true;
    }
    let first = first_clause(t);
    if points_back(first, REFERENCES) || relational(t) {
        return true;
    }
    // A setting clause (`从智能角度来看的话，这是必然的`) is read with the clause after it,
    // whose demonstratives point back (its pronouns may be the setting's: `对于FSD来讲，它…`).
    if !words(SETTINGS).any(|w| first.ends_with(w)) {
        return false;
    }
    let rest = &t[first.as_ptr() as usize - t.as_ptr() as usize + first.len()..];
    points_back(
        first_clause(rest.trim_start_matches(['，', ','])),
        DEMONSTRATIVES,
    )
}

/// `t` past an opinion frame opening it (`我认为，…` → `…`): the clause to read.
pub(super) fn after_frame(t: &str) -> &str {
    words(FRAMES)
        .find(|f| t.starts_with(f))
        .map_or(t, |f| t[f.len()..].trim_start_matches(['，', ',', ' ']))
}

/// Nouns that need a relatum (the reason *for*, the difference *between*), and the words
/// that qualify them without naming it.
const RELATIONAL: &str = "原因 区别 區別 差别 差別 差异 差異";
const RELATIONAL_QUALIFIERS: &str = "一部分 部分 主要的 主要 最大的 最主要的 关键的 關鍵的 根本的 \
    根本 唯一的 真正的 很大的";

/// True when `t` opens on a relational noun, perhaps qualified, then says what it is
/// (`部分原因在于…`, `最大的区别是…`): the reason or difference of something said before.
fn relational(t: &str) -> bool {
    let t = words(RELATIONAL_QUALIFIERS)
        .find(|q| t.starts_with(q))
        .map_or(t, |q| &t[q.len()..]);
    words(RELATIONAL)
        .find(|n| t.starts_with(n))
        .is_some_and(|n| starts_any(&t[n.len()..], "在于 在於 是 就是"))
}

/// Demonstratives: the references a setting clause does not resolve.
const DEMONSTRATIVES: &str = "这 這 那 此 呢個 呢啲 嗰個";

/// True when `clause` holds one of `list`'s references that it does not resolve itself.
fn points_back(clause: &str, list: &str) -> bool {
    if !any_in(clause, list) {
        return false;
    }
    let mut kept = clause.to_string();
    for w in words(NOT_REFERENCES) {
        kept = kept.replace(w, "");
    }
    any_in(&without_appositions(&kept), list)
}

/// Endings of a first clause that only sets the scene (`从…来看的话`, `对于…来说`).
const SETTINGS: &str = "的话 的話 来看 來看 来说 來說 来讲 來講 而言 看来 看來";

/// References to the conversation itself, unresolved wherever they stand in a line
/// (`就像刚才两位谈到的`, `所以呢個問題，我唔需要答`).
const ANYWHERE: &str = "刚才 剛才 刚刚说 剛剛說 前面说 前面說 前面提到 之前提到 上面提到 \
    你说的 你說的 您说的 您說的 你提到 您提到 正如你 像你说 这个问题 這個問題 \
    呢個問題 你的问题 你的問題";

/// Characters after which a demonstrative points outside its clause (`从这个角度`,
/// `在那时`): prepositions, verbs of saying and thinking, particles.
const POINTING: &[char] = &[
    '从', '從', '在', '对', '對', '把', '是', '说', '說', '和', '跟', '与', '與', '像', '用', '到',
    '给', '給', '让', '讓', '为', '為', '就', '都', '也', '还', '還', '要', '做', '了', '的', '觉',
    '覺', '认', '認', '想', '得', '看', '于', '於', '向', '以', '被', '将', '將', '而', '但', '因',
    '我', '你', '有', '过', '過', '起', '按', '照', '如', '经', '經',
];

/// Classifiers between a demonstrative and its noun (`这个效果`).
const MEASURES: &[char] = &[
    '个', '個', '种', '種', '些', '样', '樣', '件', '位', '家', '次', '一',
];

/// `clause` without the demonstratives that resolve themselves: an apposition to the noun
/// just before them (`手艺这东西`, `AI这个技术`), or pointing to a noun the clause named
/// already (`当效果达到…觉得这个效果真好`).
fn without_appositions(clause: &str) -> String {
    let chars: Vec<char> = clause.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let demonstrative = matches!(c, '这' | '這' | '那');
        let mut n = i + 1;
        while n < chars.len() && MEASURES.contains(&chars[n]) {
            n += 1;
        }
        // `手艺这东西`, `AI这个技术`: a noun, then the demonstrative with its measure.
        // (`这些` after a word is a plural pointing back: `经这些考试`.)
        let measured = (n > i + 1 && chars[i + 1] != '些')
            || chars.get(i + 1).is_some_and(|c| "东東事".contains(*c));
        let apposed = i > 0
            && measured
            && chars[i - 1].is_alphanumeric()
            && !POINTING.contains(&chars[i - 1])
            && !MEASURES.contains(&chars[i - 1])
            && !"们們".contains(chars[i - 1]);
        let noun: String = chars[n.min(chars.len())..(n + 2).min(chars.len())]
            .iter()
            .collect();
        let before: String = chars[..i].iter().collect();
        let named = noun.chars().count() == 2 && before.contains(&noun);
        if !(demonstrative && (apposed || named)) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connectives_continue_a_thought() {
        for line in [
            "但木船不怕潮。",
            "而且一条船要做半年。",
            "所以我们坚持手工。",
            "另外AI Persona中还包括偏好。",
            "同时我们看到，木船又回来了。",
            "比如说桐油，一年要刷三遍。",
            "首先我以前做过木工。",
            "也可以用铁钉。",
            "不過木船唔怕潮。",
            "另外一个方向我也很期待。",
            "因为木船不怕潮。",
            "恰恰相反，修船是一件好事。",
            "简而言之，就是让渔民用得顺手。",
            "更重要的一点是，木船能修。",
            "特别是桐油，一年要刷三遍。",
            "事实上，铁船也能修。",
            "毕竟木船要手工做。",
            "的确，在镇上做船很难坚持。",
            "一种是，把船修到能用为止。",
            "客观地讲，不会所有船厂都去做。",
            "反过来，铁船的成本高了。",
        ] {
            assert!(connective(line), "{line}");
        }
        assert!(!connective("因为木船不怕潮，所以渔民还要它。"));
        assert!(connective("因为木船本身就是手艺，急不得。"));
        assert!(connective("其中最重要的是桐油。"));
        assert!(connective("3）还有把旧船修好，也是一条路。"));
        assert!(!connective("30年前镇上有二十家船厂。"));
        assert!(!connective("也许木船会回来。"));
        assert!(connective("对渔民也是好事。"));
        assert!(!connective("对于渔民来说，木船更稳。"));
        assert!(!connective("木船不怕潮。"));
    }

    #[test]
    fn replies_answer_a_question() {
        for line in [
            "是的，基本上可以。",
            "对，我们一直这么做。",
            "不是不是，我们不卖铁船。",
            "嗯，木船要慢慢做。",
            "对对对，就是桐油。",
            "我也觉得木船会回来。",
            "我觉得不会。我们希望大家知道木船在做什么。",
            "係，我哋一直咁做。",
        ] {
            assert!(reply(line), "{line}");
        }
        assert!(!reply("对于渔民来说，木船更稳。"));
        assert!(!reply("是手艺让船浮起来的。"));
        assert!(!reply("好的船是改出来的。"));
        assert!(reply("不能叫排斥，但有些地方你要取舍。"));
        assert!(reply("我觉得是天时、地利、人和。"));
        assert!(reply("一定是，木船还会回来。"));
        assert!(reply("绝对是有大幅提升的。"));
        assert!(reply("如果让我总结一个，我认为木船不叫落后。"));
    }

    #[test]
    fn references_at_the_start_need_context() {
        for line in [
            "这个我们做了三十年。",
            "那时候镇上有二十家船厂。",
            "他们都不做木船了。",
            "刚才说的桐油，一年要刷三遍。",
            "我认为这对船厂是一个挑战。",
            "从这个角度看，木船是一种态度。",
            "佢哋唔做木船喇。",
            "這個我哋做咗三十年。",
            "我认为部分原因在于木料越来越贵。",
            "最大的区别是，木船要年年修。",
        ] {
            assert!(reference(line), "{line}");
        }
        assert!(!reference("原因不重要，船要先下水。"));
        assert!(!reference("其他船厂都关了，我们还在。"));
        assert!(!reference("这个世界需要慢一点的东西。"));
        assert!(!reference("船是慢慢做的，这是我们的传统。"));
        assert!(!reference("船厂应该慢下来。"));
        assert!(!reference("手艺这东西，心诚比手巧更重要。"));
        assert!(reference("如果我们能有十亿个这样的船台，就够了。"));
        assert!(reference("我们那会儿是木船的狂热粉丝。"));
        assert!(reference("好船匠未必是经这些考试练出来的。"));
        assert!(reference("确定的是，就像刚才两位谈到的，木船更稳。"));
        assert!(reference("我唔係船廠老闆，所以呢個問題，我唔需要答。"));
        assert!(reference("从手艺角度来看的话，这是必然的。"));
        assert!(reference("我们考虑的另一个角度是，先造小船。"));
        assert!(!reference("从手艺角度来看的话，慢是必然的。"));
        assert!(!reference("对于木船来讲，我觉得它其实越来越像艺术品了。"));
        assert_eq!(without_appositions("从这个角度"), "从这个角度");
        assert!(!reference(
            "当木船下了水，大家觉得这个木船真稳，它就卖出去了。"
        ));
    }

    #[test]
    fn lines_that_lean_on_the_talk_around_them() {
        for line in [
            "我说的不是铁船，但木船更难做。",
            "用人话说就是船要慢慢修。",
            "我想告诉大家的就是，木船其实更耐用。",
            "木船更稳，这就是为什么渔民还要它。",
            "在此基础上，还要有耐心。",
        ] {
            assert!(leans_on_talk(line), "{line}");
        }
        assert!(!leans_on_talk("说到底，船是修出来的。"));
        assert!(!leans_on_talk("我说话从来算数。"));
    }

    #[test]
    fn an_also_near_the_start_presupposes_what_came_before() {
        for line in [
            "我们也开了一家船厂。",
            "大船厂也在学我们的做法。",
            "老师傅的手艺也很难传下去，年轻人坐不住。",
        ] {
            assert!(also(line), "{line}");
        }
        for line in [
            "如果不成功也没关系，船可以再修。",
            "木船也许会慢慢少下去。",
            "好船是修出来的，手艺也是。",
            "年轻人坐得住的不多，坐得住的也都成了好师傅。",
        ] {
            assert!(!also(line), "{line}");
        }
    }
}
