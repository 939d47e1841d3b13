//! Where the page's furniture starts after the conversation: after the last speaker turn,
//! paragraphs are kept while they read as sentences of the answer; the first that is a
//! known piece of page furniture (reprint notices, `推荐阅读`, `· FIN ·`, `-END-`, 题图/头图
//! credits, `跳转到 Cubox 查看`, account cards) or that does not read as a sentence (a short
//! heading, a date, a link list) starts the debris, and everything after it goes too.

use super::Para;
use crate::read::BlockKind;
use regex::Regex;
use std::sync::LazyLock;

static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^[\s*\\·•\-—–_=~]*(",
        r"本文(来自|来源|转载|经|系|为|由|首发|作者|整理)|转载|原文链接|原文地址|原文[：:]|阅读原文|点击.{0,6}阅读原文|",
        r"(推荐|更多|延伸|相关|往期|热门|精选)(阅读|文章|推荐|内容|回顾)|热点视频|极客一问|",
        r"(题图|头图|封面|配图|图片|首图)(来源|来自|[：:|｜丨])|",
        r"END$|FIN$|-+\s*END|完$|（完）|\(完\)|",
        r"跳转到|点击(关注|下方|上方|蓝字|这里|图片|阅读)|长按|扫码|扫描|识别.{0,4}二维码|关注我们|",
        r"版权|责任编辑|责编|编辑[：:|｜丨]|排版[：:|｜丨]|校对[：:|｜丨]|投稿|商务合作|",
        r"\d+\s*篇原创内容|(点赞|在看|分享|留言)[^。！？]{0,12}$|",
        r"(以上|本文)(内容|观点)?仅代表|免责声明",
        r")",
    ))
    .expect("static regex")
});

/// True for a paragraph that is page furniture by its text alone.
pub fn is_furniture(text: &str) -> bool {
    let t = text.trim();
    FURNITURE.is_match(t) || t.starts_with("·") && t.ends_with("·") && t.chars().count() <= 12
}

/// Where the debris starts: the index of its first paragraph (`paras.len()` when none).
/// `last_turn` is the paragraph that opens the last turn.
pub fn start(paras: &[Para], last_turn: usize) -> usize {
    let mut i = last_turn + 1;
    while i < paras.len() {
        let p = &paras[i];
        match p.kind {
            BlockKind::Image | BlockKind::Rule => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let t = p.text();
        if is_furniture(&t) || !reads_as_sentence(&t) {
            return i;
        }
        i += 1;
    }
    paras.len()
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
        ] {
            assert!(is_furniture(t), "{t}");
        }
        for t in [
            "我们完全不这样看。",
            "编辑器是我们最重要的产品。",
            "分享经济不是我们的方向。",
        ] {
            assert!(!is_furniture(t), "{t}");
        }
    }

    #[test]
    fn timestamps_mark_debris() {
        assert!(has_timestamp("2026-1-10 18:20:20"));
        assert!(!has_timestamp("约20 km,即2024年"));
        assert!(!reads_as_sentence("AI 前线"));
        assert!(reads_as_sentence("就是,一个开路的人。"));
    }
}
