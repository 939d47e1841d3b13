//! What page furniture is, wherever it stands: the pieces a publishing platform or an
//! outlet sets into an article that nobody in the conversation said — comment widgets, account
//! cards, video and audio players, key-point banners, footnote markers, reference links,
//! reprint and subscription notices, calls to press the page's buttons. Each rule states a
//! property of the piece, not of one outlet; a paragraph that opens a speaker's turn is never
//! furniture, and a rule that could catch a sentence of the conversation asks for a short
//! paragraph too. Simplified and Traditional forms are both written out (the script is never
//! converted). Where the debris after the last turn starts is `trailing`'s.

use super::Para;
use crate::interview::marked::Marked;
use crate::interview::model::Furniture;
use crate::read::BlockKind;
use regex::Regex;
use std::sync::LazyLock;

/// A piece of furniture: the paragraph it is and why it is furniture.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub at: usize,
    pub why: &'static str,
    /// A notice to the reader (reprint, subscription, a call to press a button): after the
    /// last turn it starts the debris. Otherwise (widgets, cards, players) it is only lifted
    /// out and the text around it stays.
    pub notice: bool,
}

pub(super) const WHY_CALL: &str =
    "a notice to the reader: source, reprint, subscription, a button to press";

/// The longest paragraph a call to the reader is taken from (speech runs longer).
const SHORT: usize = 160;
/// The longest name over a widget's like count or an account card's description.
const NAME: usize = 30;

static LIKES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[，,]?\s*[赞讚]\s*\d+(\.\d+)?\s*[万萬千kKwW]?$").expect("static regex")
});
static COUNT_CARD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+\s*篇原[创創][内內]容$").expect("static regex"));
static PLAYER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(视频|視頻|影片)(加载|加載|載入)(失败|失敗)|(刷新|重新整理)(页面|頁面)再试|(进度条|進度條)$")
        .expect("static regex")
});
static BANNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[丨|｜]?\s*(划重点|劃重點|本文要点|本文要點)\s*[：:]?$").expect("static regex")
});
static CALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(点击|點擊|点|點|戳).{0,8}(阅读原文|閱讀原文)|",
        r"(点击|點擊).{0,8}[“「【]?在看|[“「【]在看[”」】]|(点赞|點讚|分享)[、，,]\s*(点赞|點讚|在看)|",
        r"(回复|回覆)(关键[词字]|關鍵[詞字])|(关注|關注)[^。！？]{1,20}(后台|後台)(回复|回覆)|",
        r"(加入成[为為]|成[为為]).{0,12}(订户|訂戶)|",
        r"^(转载原创文章|轉載原創文章)|(未经|未經).{0,8}(许可|許可|授权|授權).{0,6}(转载|轉載)|",
        r"^(点击|點擊)(上方|下方|蓝字|藍字)?.{0,4}(关注|關注)|",
        r"^(本文|文章|全文)?(编译|編譯|翻译|翻譯|转载|轉載|摘编|摘編)(自|于|於)",
    ))
    .expect("static regex")
});
static LINK_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([^\s：:。，]{1,12}[：:]\s*)?https?://\S+$").expect("static regex")
});
static LINK_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"链接|鏈接|直达|直達|传送门|傳送門|地址|点击|點擊|阅读|閱讀").expect("static regex")
});
pub(super) static REFERENCES_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^[\s*#丨|｜]*((参考|參考)(资料|資料|链接|鏈接|文献|文獻|来源|來源)|(相关|相關)(链接|鏈接)|",
        r"(资料|資料)(来源|來源)|(?i:references?|sources?|links?|further reading))[\s*：:]*$",
    ))
    .expect("static regex")
});
/// A Markdown link (`[text](http…)`), an image link inside it allowed.
static MD_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\((?:[^()\s]|\([^)]*\))*\)").expect("static regex")
});
static LIST_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*([-*+]|\d{1,3}[.)、]|\[\d{1,3}\])\s+").expect("static regex")
});
/// Words each pattern cannot match without (one of them, literally): a paragraph with none
/// is passed over without compiling the pattern, most of which never need compiling.
const LIKES_WORDS: &[&str] = &["赞", "讚"];
const COUNT_CARD_WORDS: &[&str] = &["篇原"];
const PLAYER_WORDS: &[&str] = &[
    "视频",
    "視頻",
    "影片",
    "刷新",
    "重新整理",
    "进度条",
    "進度條",
];
const BANNER_WORDS: &[&str] = &["划重点", "劃重點", "本文要点", "本文要點"];
const CALL_WORDS: &[&str] = &[
    "阅读原文",
    "閱讀原文",
    "在看",
    "点赞",
    "點讚",
    // `回复关键词` and `关注…后台回复`, not any reply (`0 条回复`) or attention (`关注度`).
    "回复关键",
    "回复關鍵",
    "回覆关键",
    "回覆關鍵",
    "后台回复",
    "后台回覆",
    "後台回复",
    "後台回覆",
    // `点击上方蓝字关注`.
    "点击",
    "點擊",
    "订户",
    "訂戶",
    "转载",
    "轉載",
    "编译",
    "編譯",
    "翻译",
    "翻譯",
    "摘编",
    "摘編",
];
/// [`LINK_LABEL`]'s address.
const LINK_LABEL_WORDS: &[&str] = &["http"];

/// `pattern` matches `text`, compiled only when `text` has one of `words`.
pub(super) fn matches_with(words: &[&str], pattern: &LazyLock<Regex>, text: &str) -> bool {
    words.iter().any(|w| text.contains(w)) && pattern.is_match(text)
}

pub(super) static FOOTNOTE_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\^\d{1,3}\^|\[\^\d{1,3}\]").expect("static regex"));

pub(super) static END_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s*\\·•\-—–_=~]*((?i:END|FIN)|全文完|本文完|[（(]完[)）]|完)[\s*\\·•\-—–_=~]*$")
        .expect("static regex")
});

/// How many characters of `text` the call to the reader takes up (`None`: no call).
pub(super) fn call_len(text: &str) -> Option<usize> {
    if !CALL_WORDS.iter().any(|w| text.contains(w)) {
        return None;
    }
    CALL.find(text).map(|m| m.as_str().chars().count())
}

/// An end marker: `-END-`, `- End -`, `· FIN ·`, `（完）`, `全文完` — the article stops here.
pub fn is_end_marker(text: &str) -> bool {
    END_MARKER.is_match(text.trim())
}

/// Every piece of furniture among `paras`, in order; `speaker_at` names the speaker each
/// paragraph opens a turn of (those are speech, never furniture).
pub fn find(paras: &[Para], speaker_at: &[Option<String>]) -> Vec<Piece> {
    let opens_turn = |i: usize| speaker_at.get(i).is_some_and(Option::is_some);
    let mut out: Vec<Piece> = Vec::new();
    let mut add = |at: usize, why: &'static str, notice: bool| {
        if !out.iter().any(|p| p.at == at) {
            out.push(Piece { at, why, notice });
        }
    };
    for (i, p) in paras.iter().enumerate() {
        if opens_turn(i) {
            continue;
        }
        let t = p.text();
        let t = t.trim();
        let n = t.chars().count();
        if p.kind == BlockKind::Image {
            // A caption may be a call to the reader; an image is otherwise the body's.
            if n > 0 && n <= SHORT && matches_with(CALL_WORDS, &CALL, t) {
                add(i, WHY_CALL, true);
            }
        } else if matches_with(LIKES_WORDS, &LIKES, t) {
            const WHY: &str = "a comment widget: a name and its like count";
            if let Some(j) = before(paras, i).filter(|&j| !opens_turn(j) && is_name(&paras[j])) {
                add(j, WHY, false);
            }
            add(i, WHY, false);
        } else if matches_with(COUNT_CARD_WORDS, &COUNT_CARD, t) {
            const WHY: &str = "an account card: name, description, article count, 公众号";
            for j in card_head(paras, i).into_iter().filter(|&j| !opens_turn(j)) {
                add(j, WHY, false);
            }
            add(i, WHY, false);
            let mut j = i + 1;
            while j < paras.len() && is_card_tail(paras[j].text().trim()) {
                add(j, WHY, false);
                j += 1;
            }
        } else if n <= SHORT && matches_with(PLAYER_WORDS, &PLAYER, t) {
            add(i, "a video or audio player", false);
        } else if matches_with(BANNER_WORDS, &BANNER, t) {
            add(i, "a key-points banner", false);
        } else if n <= SHORT && matches_with(CALL_WORDS, &CALL, t) {
            add(i, WHY_CALL, true);
        } else if is_reference_link(p, t) {
            add(i, "a reference link", false);
        }
    }
    for at in link_lists(paras) {
        if !opens_turn(at) {
            add(at, "a list of reference links", true);
        }
    }
    out.sort_by_key(|p| p.at);
    out
}

/// The paragraphs of every list of links: two or more link lines in a row, or one or more
/// under a references heading (`参考资料：`, `相關鏈接`, `Sources`), the heading with them.
fn link_lists(paras: &[Para]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < paras.len() {
        let heading = REFERENCES_HEADING.is_match(paras[i].text().trim());
        let from = i + usize::from(heading);
        let end = (from..paras.len())
            .find(|&j| !is_link_line(&paras[j]))
            .unwrap_or(paras.len());
        if end - from >= 2 || heading && end > from {
            out.extend(i..end);
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// A line that is only a link: a bare address (labelled or not), or one or more Markdown
/// links with nothing but list marks, spaces and separators around them.
fn is_link_line(p: &Para) -> bool {
    if !matches!(p.kind, BlockKind::Paragraph | BlockKind::Item) {
        return false;
    }
    let t = p.text();
    if matches_with(LINK_LABEL_WORDS, &LINK_LABEL, t.trim()) {
        return true;
    }
    if !p.raw.contains("](http") {
        return false;
    }
    let raw = LIST_MARK.replace(p.raw.trim(), "");
    let links = MD_LINK
        .find_iter(&raw)
        .filter(|m| m.as_str().contains("](http"));
    links.count() > 0
        && MD_LINK
            .replace_all(&raw, "")
            .chars()
            .all(|c| c.is_whitespace() || "-–—|｜丨·•,，;；*".contains(c))
}

/// The paragraphs once the furniture before the debris is lifted out.
pub struct Lifted {
    pub paras: Vec<Para>,
    /// The speaker each paragraph opens a turn of.
    pub speaker_at: Vec<Option<String>>,
    /// Where the debris starts, counted without the lifted pieces.
    pub cut: usize,
    /// The pieces lifted out, with why.
    pub pieces: Vec<Furniture>,
}

/// Lift the pieces in `found` that stand before `cut` (the debris goes whole) out of
/// `paras` and `speaker_at`; footnote markers (`^1^`, `[^1]`) leave the text after each
/// paragraph's label.
pub fn lift(
    paras: Vec<Para>,
    speaker_at: Vec<Option<String>>,
    found: Vec<Piece>,
    cut: usize,
) -> Lifted {
    let found: Vec<Piece> = found.into_iter().filter(|p| p.at < cut).collect();
    let pieces = found
        .iter()
        .map(|p| Furniture {
            line: paras[p.at].line,
            text: paras[p.at].raw.clone(),
            why: p.why,
        })
        .collect();
    let (paras, speaker_at) = paras
        .into_iter()
        .zip(speaker_at)
        .enumerate()
        .filter(|(i, _)| !found.iter().any(|p| p.at == *i))
        .map(|(_, (mut p, s))| {
            let from = p.label.as_ref().map_or(0, |l| l.end);
            p.m = without_footnote_marks(&p.m, from);
            (p, s)
        })
        .unzip();
    Lifted {
        paras,
        speaker_at,
        cut: cut - found.len(),
        pieces,
    }
}

/// The paragraph before `i`, skipping images.
fn before(paras: &[Para], i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| paras[j].kind != BlockKind::Image)
}

/// A name: short, no sentence punctuation.
fn is_name(p: &Para) -> bool {
    let t = p.text();
    let t = t.trim();
    p.kind != BlockKind::Image
        && (1..=NAME).contains(&t.chars().count())
        && !t.chars().any(|c| "。！？!?，,；;：:".contains(c))
}

/// The name and description over an account card's article count: the name alone, or a
/// description (no turn, at most a few lines' length) under a name.
fn card_head(paras: &[Para], count: usize) -> Vec<usize> {
    let Some(a) = before(paras, count) else {
        return Vec::new();
    };
    if is_name(&paras[a]) {
        return vec![a];
    }
    let description = paras[a].text().chars().count() <= SHORT;
    match before(paras, a) {
        Some(b) if description && is_name(&paras[b]) => vec![b, a],
        _ => Vec::new(),
    }
}

/// The lines that close an account card: `公众号`, a lone comma, `关注`, `微信号…`.
fn is_card_tail(t: &str) -> bool {
    matches!(
        t,
        "公众号" | "公眾號" | "，" | "," | "、" | "微信号" | "微信號" | "原创" | "原創"
    ) || ["关注", "關注", "点击关注", "點擊關注", "微信号", "微信號"]
        .iter()
        .any(|s| t.starts_with(s) && t.chars().count() <= 12)
}

/// A line that only points elsewhere: `文章地址：https://…`, a bare address, or a whole
/// paragraph that is one link announcing itself (`[中文翻译链接直达 -->](…)`).
fn is_reference_link(p: &Para, t: &str) -> bool {
    if matches_with(LINK_LABEL_WORDS, &LINK_LABEL, t) {
        return true;
    }
    let raw = p.raw.trim();
    let one_link = raw.starts_with('[')
        && raw.ends_with(')')
        && raw.matches("](").count() == 1
        && raw.contains("](http");
    one_link && t.chars().count() <= NAME && LINK_WORDS.is_match(t)
}

fn without_footnote_marks(m: &Marked, from: usize) -> Marked {
    let text = m.text();
    let from_byte = text.char_indices().nth(from).map_or(text.len(), |(b, _)| b);
    let spans: Vec<(usize, usize)> = FOOTNOTE_MARK
        .find_iter(&text)
        .filter(|f| f.start() >= from_byte)
        .map(|f| {
            let start = text[..f.start()].chars().count();
            (start, start + f.as_str().chars().count())
        })
        .collect();
    if spans.is_empty() {
        return m.clone();
    }
    Marked::from_pairs(
        m.pairs()
            .enumerate()
            .filter(|(k, _)| !spans.iter().any(|&(s, e)| (s..e).contains(k)))
            .map(|(_, cb)| cb),
    )
}

#[cfg(test)]
#[path = "furniture_tests.rs"]
mod tests;
