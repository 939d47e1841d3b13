//! Where the page's debris starts after the conversation: after the last speaker turn,
//! paragraphs are kept while they read as sentences of the answer; the first that is a page
//! notice (reprint notices, `推荐阅读`, `· FIN ·`, `-END-`, 题图/头图 credits, `跳转到 Cubox
//! 查看`), a promotion (`都看到这里了`, `【赞】`, `加入成为…订户`, `以上是本期…`), a notice
//! `furniture` recognises, or a paragraph that does not read as a sentence (a short heading,
//! a date, a link list) starts the debris, and everything after it goes too — unless it is a
//! speaker's label or a heading with a sentence under it (a last turn, a last section). Widgets and
//! cards `furniture` recognises are stepped over (the answer may go on below them). The
//! last turn's own opening paragraph is never debris. Traditional forms are written out.

use super::Para;
use super::furniture::Piece;
use crate::read::BlockKind;
use regex::Regex;
use std::sync::LazyLock;

/// Words heading a list of other articles (`推荐阅读`, `往期文章`, `相关内容`): a page notice
/// here, and where a talk's page ends (`talk::last_sentence`).
pub(super) const ARTICLES_LIST: &str = concat!(
    r"(推荐|推薦|更多|延伸|相关|相關|往期|热门|熱門|精选|精選)",
    r"(阅读|閱讀|文章|推荐|推薦|内容|內容|回顾|回顧)"
);

static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&[
        r"^[\s*\\·•\-—–_=~>]*(",
        r"本文(来自|來自|来源|來源|转载|轉載|经|經|系|为|為|由|首发|首發|作者|整理)|转载|轉載|",
        r"原文(链接|鏈接|地址)|原文[：:]|阅读原文|閱讀原文|(点击|點擊).{0,6}(阅读原文|閱讀原文)|",
        ARTICLES_LIST,
        "|",
        r"热点视频|熱點視頻|极客一问|",
        r"(题图|題圖|头图|頭圖|封面|配图|配圖|图片|圖片|首图|首圖)(来源|來源|来自|來自|[：:|｜丨])|",
        r"跳转到|跳轉到|(点击|點擊)(关注|關注|下方|上方|蓝字|藍字|这里|這裡|图片|圖片|阅读|閱讀)|",
        r"长按|長按|扫码|掃碼|扫描|掃描|(识别|識別).{0,4}(二维码|二維碼)|关注我们|關注我們|",
        r"版权|版權|(责任编辑|責任編輯|责编|責編)|(编辑|編輯|排版|校对|校對)[：:|｜丨]|投稿|(商务|商務)合作|",
        r"\d+\s*篇原[创創][内內]容|(点赞|點讚|在看|分享|留言)[^。！？]{0,12}$|",
        r"(以上|本文)(内容|內容|观点|觀點)?(仅|僅)代表|(免责|免責)(声明|聲明)",
        r")",
    ]
    .concat())
    .expect("static regex")
});

/// Calls to the reader anywhere in a paragraph: only after the last turn are they debris.
static PROMOTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"都看到(这|這)|看到(这里|這裡)了|【\s*\**(赞|讚|在看)\**\s*】|",
        r"(加入成[为為]|成[为為]).{0,12}(订户|訂戶|会员|會員)|(订阅|訂閱)(我们|我們|本[号號])|",
        r"以上(是|為|为)本期|(点击|點擊|点|點).{0,8}(阅读原文|閱讀原文)",
    ))
    .expect("static regex")
});

/// What [`NOTICE`] lets stand before a notice (its leading class).
fn notice_lead(c: char) -> bool {
    c.is_whitespace() || "*\\·•-—–_=~>".contains(c)
}

/// The characters a notice of [`NOTICE`] can open with (after [`notice_lead`]); a digit
/// opens `128 篇原创内容`.
const NOTICE_OPENINGS: &str = "本转轉原阅閱点點推更延相往热熱精极题題头頭封配图圖首跳长長扫掃识識关關版责責编編排校投商在分留以免";

/// [`NOTICE`] matches `t`, compiled only when `t` opens as one of its notices can.
fn is_notice(t: &str) -> bool {
    t.trim_start_matches(notice_lead)
        .starts_with(|c: char| c.is_numeric() || NOTICE_OPENINGS.contains(c))
        && NOTICE.is_match(t)
}

/// Words [`PROMOTION`] cannot match without (one of them).
const PROMOTION_WORDS: &[&str] = &[
    "看到",
    "【",
    "成为",
    "成為",
    "订阅",
    "訂閱",
    "以上",
    "阅读原文",
    "閱讀原文",
];

/// True for a paragraph that is a page notice or a promotion by its text alone.
pub fn is_furniture(text: &str) -> bool {
    let t = text.trim();
    is_notice(t)
        || super::furniture::matches_with(PROMOTION_WORDS, &PROMOTION, t)
        || super::furniture::is_end_marker(t)
        || t.starts_with("·") && t.ends_with("·") && t.chars().count() <= 12
}

/// Where the debris starts: the index of its first paragraph (`paras.len()` when none).
/// `first_turn` and `last_turn` are the paragraphs that open the first and the last turn;
/// `found` the furniture among `paras`. An end marker after the first turn ends the text
/// there, turns after it included (a reprinted article, a sample of another).
pub fn start(paras: &[Para], first_turn: usize, last_turn: usize, found: &[Piece]) -> usize {
    let end_marker = (first_turn + 1..last_turn).find(|&i| {
        matches!(
            paras[i].kind,
            BlockKind::Paragraph | BlockKind::Heading(_) | BlockKind::Item
        ) && super::furniture::is_end_marker(paras[i].text().trim())
    });
    if let Some(e) = end_marker {
        return e;
    }
    let mut i = last_turn + 1;
    while i < paras.len() {
        let p = &paras[i];
        match found.iter().find(|f| f.at == i) {
            Some(f) if f.notice => return i,
            Some(_) => {
                i += 1;
                continue;
            }
            None => {}
        }
        match p.kind {
            BlockKind::Image | BlockKind::Rule => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let t = p.text();
        if is_furniture(&t) || !reads_as_sentence(&t) && !opens_more_text(paras, i, found) {
            return i;
        }
        i += 1;
    }
    paras.len()
}

/// A speaker's label alone on its line (`金龄科技 VP 汪开源：`) or a heading, with a sentence
/// under it that is no furniture: a last turn or a last section, not debris.
fn opens_more_text(paras: &[Para], i: usize, found: &[Piece]) -> bool {
    let p = &paras[i];
    let t = p.text();
    let t = t.trim();
    let label_alone = p.label.as_ref().is_some_and(|l| l.colon && l.alone)
        || t.chars().count() <= 30 && (t.ends_with('：') || t.ends_with(':'));
    let heading = matches!(p.kind, BlockKind::Heading(_));
    let next = (i + 1..paras.len())
        .find(|&j| !matches!(paras[j].kind, BlockKind::Image | BlockKind::Rule));
    (label_alone || heading)
        && next.is_some_and(|j| {
            let t = paras[j].text();
            !found.iter().any(|f| f.at == j) && !is_furniture(&t) && reads_as_sentence(&t)
        })
}

/// Closing punctuation and no timestamp, or a gap or a note.
pub fn reads_as_sentence(text: &str) -> bool {
    let t = text.trim();
    let ends = t
        .chars()
        .last()
        .is_some_and(|c| "。！？!?…”’）)」』》".contains(c));
    ends && !has_timestamp(t) || super::is_gap(t) || super::is_note(t)
}

/// `2026-1-10 18:20:20`-like dates and times.
fn has_timestamp(text: &str) -> bool {
    let cs: Vec<char> = text.chars().collect();
    let around = |sep: char| {
        (1..cs.len().saturating_sub(1))
            .any(|i| cs[i] == sep && cs[i - 1].is_ascii_digit() && cs[i + 1].is_ascii_digit())
    };
    around(':') && around('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture() {
        for t in [
            "本文来自微信公众号“源码资本”，36氪经授权发布。",
            "*头图来源：视觉中国",
            "推荐阅读",
            "· FIN ·",
            "-END-",
            "跳转到 Cubox 查看",
            "原文链接：",
            "点击“阅读原文”可阅读更多信息。",
            "转载原创文章请添加微信：founderparker",
            "264篇原创内容",
            // Traditional forms, promotions and end markers.
            "本文轉載自某某週刊，經授權發佈。",
            "推薦閱讀",
            "題圖來源：某某社",
            "（完）",
            "- End -",
            "請加入成為本報的月費訂戶，長期支持我們的工作。",
            "都看到这里了，给一个免费的【赞】跟【在看】吧！",
            "以上是本期播客的全部内容，欢迎在评论区留言。",
        ] {
            assert!(is_furniture(t), "{t}");
        }
        for t in [
            "我们完全不这样看。",
            "编辑器是我们最重要的产品。",
            "分享经济不是我们的方向。",
            "我們都看過那份報告。",
            "完成這件事要十年。",
        ] {
            assert!(!is_furniture(t), "{t}");
        }
    }

    /// The gates in front of [`NOTICE`] and [`PROMOTION`] let every line through that the
    /// patterns match, over the shared samples and the shapes of [`furniture`]'s test.
    fn the_gates_never_refuse_a_line_a_pattern_matches_on(shared: bool) {
        let lines = crate::read::sample_lines::lines(
            &[
                "本文来自微信公众号“源码资本”，36氪经授权发布。",
                "*头图来源：视觉中国",
                "——转载请注明出处",
                "> 扫码关注",
                "264篇原创内容",
                "２６４篇原创内容",
                "在看 12",
                "免责声明：",
                "都看到这里了，给一个免费的【赞】跟【在看】吧！",
                "請加入成為本報的月費訂戶，長期支持我們的工作。",
                "订阅我们",
                "以上是本期播客的全部内容，欢迎在评论区留言。",
                "点这里阅读原文",
            ],
            shared,
        );
        let (mut notices, mut promotions) = (0, 0);
        for line in &lines {
            let t = line.trim();
            if NOTICE.is_match(t) {
                notices += 1;
                assert!(is_notice(t), "{t}");
            }
            if PROMOTION.is_match(t) {
                promotions += 1;
                assert!(
                    super::super::furniture::matches_with(PROMOTION_WORDS, &PROMOTION, t),
                    "{t}"
                );
            }
        }
        assert!(notices >= 8 && promotions >= 5, "{notices} {promotions}");
        assert!(!is_notice("我们完全不这样看。"));
    }

    crate::read::sample_lines::gate_tests!(the_gates_never_refuse_a_line_a_pattern_matches => the_gates_never_refuse_a_line_a_pattern_matches_on);

    #[test]
    fn timestamps_mark_debris() {
        assert!(has_timestamp("2026-1-10 18:20:20"));
        assert!(!has_timestamp("约20 km,即2024年"));
        assert!(!reads_as_sentence("AI 前线"));
        assert!(reads_as_sentence("就是,一个开路的人。"));
    }
}
