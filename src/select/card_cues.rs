//! The card model's own cues: what tells a line an editor would put alone on a card from one
//! that passes every hard filter and is still weak — the rubric's "plain fact with no point",
//! "hedge", "needs context". Each cue is a property of quotable speech, 0 or 1, with its
//! weight fitted by `tools/train_card.py` beside the shared features of [`super::features`]
//! (the learned ranker does not see these: editors bold in context, so the emphasis data
//! cannot teach them).
//!
//! Indices follow the shared features' (dense, then hashed n-grams), in [`NAMES`] order.

use super::features::{HASHED, NAMES as SHARED};
use super::standalone::any_in;

/// Names of the cues, in index order (the weights file names them too).
pub const NAMES: &[&str] = &[
    "hedge",
    "general_claim",
    "advice",
    "our_business",
    "event",
    "pointer_inside",
    "announcement",
    "latin_heavy",
    "figures",
    "universal",
    "image",
    "contrast_pair",
    "soft_ending",
    "opinion_frame",
    "count_lead",
    "setting_opener",
    "vague_quantity",
];

/// A hedge: the speaker does not commit (`可能`, `也许`, `大概`) — a card states.
const HEDGES: &str =
    "可能 也许 也許 或许 或許 大概 好像 似乎 估计 估計 应该会 應該會 不一定 说不定 說不定";
/// Subjects of a general claim: people, firms, a craft — not this company's plans.
const GENERAL_SUBJECTS: &str = "人 一个人 一個人 每个人 每個人 所有人 很多人 大多数人 大多數人 \
    年轻人 年輕人 创业者 創業者 创始人 創始人 企业 企業 公司 好的 真正的 最好的 伟大的 偉大的 \
    技术 技術 产品 產品 市场 市場 行业 行業 世界 社会 社會 未来 未來 历史 歷史 用户 用戶 商业 商業";
/// Advice or necessity: what one must or must not do.
const ADVICE: &str = "必须 必須 应该 應該 不要 不能 千万 千萬 一定要 需要 得要 要敢";
/// The speaker's firm and its doings (`我们公司`, `我们推出`): news, not a thought.
const OUR_BUSINESS: &str = "我们公司 我們公司 我们团队 我們團隊 我们的产品 我們的產品 我们推出 我們推出 \
    我们上线 我們上線 我们发布 我們發布 我们今年 我們今年 我们正在 我們正在 我们已经 我們已經 \
    我们计划 我們計劃 我们目前 我們目前 我们现在 我們現在";
/// A past event told (`那时`, `曾经`, `去年`): an account, not a point.
const EVENTS: &str = "当时 當時 那时 那時 曾经 曾經 后来 後來 那年 去年 前年 上个月 上個月 \
    那天 有一次 当年 當年";
/// A pointer anywhere in the line (`它`, `他们`, `这些`): unresolved unless the line names it.
const POINTERS: &str = "它 他们 他們 她们 她們 这些 這些 那些 这个 這個 那个 那個 这种 這種 \
    这样 這樣 此 其 上述 这里 這裡 那里 那裡";
/// A plan or a launch: future dates and products.
const ANNOUNCEMENTS: &str = "将会 將會 计划 計劃 打算 明年 下个月 下個月 即将 即將 上线 上線 发布 發布 \
    推出 交付 季度";
/// Every, none, always: the shape of a general truth.
const UNIVERSAL: &str = "所有 任何 每一个 每一個 一切 永远 永遠 从来 從來 没有人 沒有人 谁都 誰都 \
    无论 無論 不管";
/// A simile or metaphor.
const IMAGES: &str = "就像 好比 如同 像是 仿佛 彷彿 犹如 猶如 比作 好像是";
/// A line that opens by counting what the card does not list (`有两个原因`).
const COUNT_LEADS: &str =
    "有两 有兩 有三 有四 有几 有幾 两个 兩個 三个 三個 几个 幾個 两点 兩點 三点 三點";
/// A setting that frames the line from a place the card does not show (`在…方面`, `从…角度`).
const SETTINGS: &str = "在 从 從 对于 對於 相对于 相對於 就 站在 客观 客觀 某种 某種";
/// Vague quantities: much, some — a line with no edge.
const VAGUE: &str = "很多 一些 有些 一定的 各种 各種 等等 之类 之類";

fn opens_with(text: &str, list: &str) -> bool {
    let t = text.trim_start_matches(['“', '「', '"', ' ']);
    super::standalone::words(list).any(|w| t.starts_with(w))
}

/// Share of ASCII letters among the line's characters.
fn latin_share(text: &str) -> f32 {
    let n = text.chars().count().max(1);
    text.chars().filter(char::is_ascii_alphabetic).count() as f32 / n as f32
}

/// True when `a` occurs and `b` occurs after it.
fn pair(text: &str, a: &str, b: &str) -> bool {
    text.find(a)
        .is_some_and(|i| text[i + a.len()..].contains(b))
}

/// Whether each cue holds for `text`, in [`NAMES`] order.
fn flags(text: &str) -> [bool; NAMES.len()] {
    let body = text.trim_end_matches(['。', '！', '”', '」', ' ']);
    let digits = text.chars().filter(char::is_ascii_digit).count();
    [
        any_in(text, HEDGES),
        opens_with(text, GENERAL_SUBJECTS),
        any_in(text, ADVICE),
        any_in(text, OUR_BUSINESS),
        any_in(text, EVENTS),
        any_in(text, POINTERS),
        any_in(text, ANNOUNCEMENTS),
        latin_share(text) > 0.25,
        digits >= 2,
        any_in(text, UNIVERSAL),
        any_in(text, IMAGES),
        pair(text, "不是", "而是")
            || pair(text, "與其", "不如")
            || pair(text, "与其", "不如")
            || pair(text, "越", "越"),
        body.ends_with(['吧', '呢', '啊', '嘛', '呀']),
        opens_with(text, "我觉得 我覺得 我认为 我認為 我相信 我想"),
        any_in(text, COUNT_LEADS),
        opens_with(text, SETTINGS) && text.contains(['，', ',']),
        any_in(text, VAGUE),
    ]
}

/// The cues of `text` as sparse features, indexed after the shared ones.
pub fn vector(text: &str) -> Vec<(u32, f32)> {
    let base = (SHARED.len() + HASHED) as u32;
    flags(text)
        .iter()
        .enumerate()
        .filter(|(_, on)| **on)
        .map(|(i, _)| (base + i as u32, 1.0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(text: &str) -> Vec<&'static str> {
        flags(text)
            .iter()
            .zip(NAMES)
            .filter(|(f, _)| **f)
            .map(|(_, n)| *n)
            .collect()
    }

    #[test]
    fn each_cue_reads_its_shape() {
        assert!(on("好的船可能要修很多年。").contains(&"hedge"));
        assert!(on("手艺人一定要对自己的东西有敬畏心。").contains(&"advice"));
        assert!(on("创业者最怕的是没有耐心。").contains(&"general_claim"));
        assert!(on("我们公司今年推出了三条新船。").contains(&"our_business"));
        assert!(on("当时我们在镇上开了一家船厂。").contains(&"event"));
        assert!(on("它的成本还是很高。").contains(&"pointer_inside"));
        assert!(on("好的船不是造出来的，而是修出来的。").contains(&"contrast_pair"));
        assert!(on("做船就像跑一场马拉松。").contains(&"image"));
        assert!(on("这个问题有两个原因。").contains(&"count_lead"));
        assert!(on("在造船方面，慢就是快。").contains(&"setting_opener"));
        assert!(on("慢慢来吧。").contains(&"soft_ending"));
        assert!(on("GPU和TPU的throughput差很多。").contains(&"latin_heavy"));
        assert!(on("2023年卖了1000条船。").contains(&"figures"));
        assert!(on("所有好船都是修出来的。").contains(&"universal"));
        assert!(on("我觉得船要慢慢造。").contains(&"opinion_frame"));
        assert!(on("船厂有很多种。").contains(&"vague_quantity"));
        assert!(on("船是水上的家。").is_empty());
    }

    #[test]
    fn indices_follow_the_shared_features() {
        let v = vector("当时我们可能做错了。");
        let base = (SHARED.len() + HASHED) as u32;
        assert!(
            v.iter()
                .all(|&(i, _)| i >= base && i < base + NAMES.len() as u32)
        );
        assert_eq!(v.len(), 2);
    }
}
