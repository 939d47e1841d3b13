//! The front of an interview, before its first section or turn: the title (the real one, not
//! `微信号`), the source line a clipper adds (`[mp.weixin.qq.com](…)宛辰 极客公园`), the
//! byline (`访谈:张小珺 x 张鹏`, `**作者 | 宛辰**`, `编辑｜`, `整理 | X`, `嘉宾：`), the
//! summary/dek, and the intro that remains. Account cards are `furniture`'s.

use super::Para;
use crate::interview::speakers;
use crate::read::BlockKind;
use regex::Regex;
use std::sync::LazyLock;

/// What the front holds, by index into the paragraphs.
#[derive(Debug, Default)]
pub struct Front {
    pub title: String,
    pub summary: String,
    pub byline: Option<String>,
    /// Names the byline and the source line give for the writers (interviewer hints).
    pub writers: Vec<String>,
    /// `访谈:A x B`: (interviewer, interviewee).
    pub pair: Option<(String, String)>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// Paragraphs that are furniture (the source line): dropped, listed. Account cards are
    /// `furniture`'s, lifted out before the front is read.
    pub furniture: Vec<usize>,
    /// Paragraphs used up as title, title copies, byline and summary: neither intro nor
    /// dropped.
    pub used: Vec<usize>,
}

pub(super) static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s丨|｜]*(文|作者|撰文|采访|採訪|访谈|訪談|记者|記者|整理|编辑|編輯|责编|責編|出品|嘉宾|嘉賓|主持|主持人|翻译|翻譯|编译|編譯|排版|策划|策劃|监制|監製|统筹|統籌|对话|對話|采写|採寫|口述|授课老师|授課老師|演讲者|演講者|主讲人|主講人|主讲|主講|分享嘉宾|支持|视觉|視覺|设计|設計|校对|校對|审校|審校)\s*[丨|｜:：/／]\s*\S",
    )
    .expect("static regex")
});
static WRITER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(文|作者|撰文|采访|採訪|访谈|訪談|记者|記者|整理|主持|主持人|对话|對話|采写|採寫)\s*[丨|｜:：/／]\s*([^丨|｜:：/／]+)")
        .expect("static regex")
});
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\]\((https?://[^)\s]+)\)").expect("static regex"));

/// A byline line: credits (`作者 | X  编辑 | Y`) or `访谈:A x B`.
pub fn is_credit(text: &str) -> bool {
    text.chars().count() <= 100 && (CREDIT.is_match(text) || speakers::byline(text).is_some())
}

fn is_junk_title(t: &str) -> bool {
    matches!(
        t.trim(),
        "微信号" | "微信號" | "原创" | "原創" | "公众号" | "公眾號" | "微信公众号" | "微信公眾號"
    ) || t.trim().is_empty()
}

/// Words [`STATED_DATE`] cannot match without (one of them): a text with none is passed over
/// without compiling it.
const DATE_WORDS: &[&str] = &[
    "发布", "發佈", "發布", "日期", "时间", "時間", "发表", "發表",
];

static STATED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(发布|發佈|發布|日期|时间|時間|发表|發表)[^\d]{0,6}(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})",
    )
    .expect("static regex")
});

/// The publication date the front states (`发布时间：2024年7月3日`, `發佈時間`), as
/// `YYYY-MM-DD`.
pub fn stated_date(texts: impl Iterator<Item = String>) -> Option<String> {
    texts.take(40).find_map(|t| {
        if !DATE_WORDS.iter().any(|w| t.contains(w)) {
            return None;
        }
        let c = STATED_DATE.captures(&t)?;
        let (y, m, d): (u32, u32, u32) =
            (c[2].parse().ok()?, c[3].parse().ok()?, c[4].parse().ok()?);
        ((1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    })
}

/// The article's title line among the first paragraphs: the first level-1 heading among
/// `paras[..within]`, or a paragraph that repeats the page's own title. An article has one
/// title, at its top; it is never a turn nor a section heading, even when it reads
/// `名字：一句话` — the commonest shape of an interview's title, a speaker's label to the
/// eye.
pub fn title_line(paras: &[Para], within: usize, page_title: Option<&str>) -> Option<usize> {
    (0..within.min(paras.len())).find(|&i| {
        paras[i].kind == BlockKind::Heading(1)
            || page_title.is_some_and(|t| paras[i].text().trim() == t.trim())
    })
}

/// Read the front: `paras[..end]`, with the page's own title when the syntax has one.
pub fn read(paras: &[Para], end: usize, page_title: Option<&str>) -> Front {
    let mut f = Front::default();
    let texts: Vec<String> = paras[..end].iter().map(|p| p.text()).collect();
    let text_at = |i: usize| texts[i].trim();
    // The title.
    let first_text =
        (0..end).find(|&i| paras[i].kind != BlockKind::Image && !is_junk_title(text_at(i)));
    let heading1 = (0..end.min(6)).find(|&i| paras[i].kind == BlockKind::Heading(1));
    match page_title.filter(|t| !is_junk_title(t)) {
        Some(t) => {
            f.title = t.trim().to_string();
            if let Some(i) = first_text.filter(|&i| same_title(text_at(i), t)) {
                f.used.push(i);
            }
        }
        None => {
            if let Some(i) = heading1.or(first_text) {
                f.title = text_at(i).to_string();
                f.used.push(i);
            }
        }
    }
    for (i, para) in paras.iter().enumerate().take(end) {
        if f.used.contains(&i) {
            continue;
        }
        let t = text_at(i);
        if same_title(t, &f.title) || is_junk_title(t) && para.kind != BlockKind::Image {
            f.used.push(i);
        } else if i <= 4 && is_source_line(para) {
            f.url = URL.captures(&para.raw).map(|c| c[1].to_string());
            let rest = after_link(para);
            if !rest.is_empty() {
                f.writers.extend(split_names(&rest));
                f.outlet = rest
                    .split_whitespace()
                    .last()
                    .filter(|o| !matches!(*o, "关注" | "原创" | "阅读" | "收藏"))
                    .map(str::to_string);
            }
            f.furniture.push(i);
        }
    }
    // The byline: credit lines before the intro proper.
    let credits: Vec<usize> = (0..end)
        .filter(|i| !f.used.contains(i) && !f.furniture.contains(i))
        .filter(|&i| is_credit(text_at(i)) && paras[i].kind != BlockKind::Image)
        .take_while(|&i| i < end)
        .collect();
    if !credits.is_empty() {
        let lines: Vec<String> = credits.iter().map(|&i| squash(text_at(i))).collect();
        for l in &lines {
            if let Some(pair) = speakers::byline(l) {
                f.writers.push(pair.0.clone());
                f.pair = Some(pair);
            }
            for c in WRITER.captures_iter(l) {
                f.writers.extend(split_names(&c[2]));
            }
        }
        f.byline = Some(lines.join("  "));
        f.used.extend(&credits);
    }
    // The summary: the `本文…` paragraph before the byline, else the first paragraph before it.
    if let Some(&b) = credits.first() {
        let before: Vec<usize> = (0..b)
            .filter(|i| !f.used.contains(i) && !f.furniture.contains(i))
            .filter(|&i| paras[i].kind != BlockKind::Image && !text_at(i).is_empty())
            .filter(|&i| paras[i].label.as_ref().is_none_or(|l| !l.colon))
            .collect();
        let pick = before
            .iter()
            .copied()
            .find(|&i| text_at(i).starts_with("本文"))
            .or(before.first().copied());
        if let Some(i) = pick {
            f.summary = text_at(i).to_string();
            f.used.push(i);
        }
    }
    f
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn same_title(a: &str, b: &str) -> bool {
    let k = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    !b.is_empty() && k(a) == k(b)
}

/// `[mp.weixin.qq.com](…)宛辰 极客公园`: a link to a domain opening the paragraph.
fn is_source_line(p: &Para) -> bool {
    let raw = p.raw.trim_start();
    raw.starts_with('[')
        && raw.find("](").is_some_and(|k| {
            let inner = &raw[1..k];
            inner.contains('.')
                && !inner.chars().any(crate::interview::clean::is_han)
                && !inner.contains(' ')
        })
}

fn after_link(p: &Para) -> String {
    let raw = p.raw.trim();
    let Some(k) = raw.find("](") else {
        return String::new();
    };
    let rest = &raw[k..];
    match rest.find(')') {
        Some(e) => squash(&rest[e + 1..]),
        None => String::new(),
    }
}

fn split_names(s: &str) -> Vec<String> {
    s.split(['、', ',', '，', '&', ' ', '/', '／', '和'])
        .map(|n| n.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|n| !n.is_empty() && n.chars().count() <= 12 && !super::meta_labels::is_meta(n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The gate in front of [`STATED_DATE`] lets every line of the shared samples through
    /// that the pattern matches.
    fn the_date_gate_never_refuses_a_line_the_pattern_matches_on(shared: bool) {
        let own = [
            "发布时间：2024年7月3日",
            "發佈時間 2024-07-03",
            "日期: 2024/7/3",
        ];
        let lines = crate::read::sample_lines::lines(&own, shared);
        let matched: Vec<&String> = lines.iter().filter(|l| STATED_DATE.is_match(l)).collect();
        assert!(matched.len() >= 3);
        for line in matched {
            assert!(DATE_WORDS.iter().any(|w| line.contains(w)), "{line}");
        }
    }

    crate::read::sample_lines::gate_tests!(the_date_gate_never_refuses_a_line_the_pattern_matches => the_date_gate_never_refuses_a_line_the_pattern_matches_on);

    #[test]
    fn credits() {
        assert!(is_credit("作者 | 宛辰、郑玥 编辑| 郑玄"));
        assert!(is_credit("文丨程曼祺"));
        assert!(is_credit("整理 | 宛辰"));
        assert!(is_credit("访谈:张小珺 x 张鹏"));
        assert!(is_credit("撰文｜陳大文  編輯｜李小明"));
        assert!(!is_credit("文章来自于科技博客 Stratechery"));
        assert!(!is_credit("本文是对跑者的一次访谈"));
        let names: Vec<String> = WRITER
            .captures_iter("作者 | 宛辰、郑玥 编辑| 郑玄")
            .flat_map(|c| split_names(&c[2]))
            .collect();
        assert_eq!(names, ["宛辰", "郑玥"]);
    }
}
