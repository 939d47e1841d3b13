//! The byline's people as the book's contributors: `文丨程曼祺  编辑丨宋玮` → 程曼祺 (`aut`),
//! 宋玮 (`edt`), each with the MARC relator code of the credit that names them. It owns the
//! credit labels and their codes; which credits become `dc:creator` or `dc:contributor` is
//! `meta`'s.

use regex::Regex;
use std::sync::LazyLock;

/// The credit labels a byline uses, each with its MARC relator code.
const LABELS: [(&str, &str); 26] = [
    ("责任编辑", "edt"),
    ("責任編輯", "edt"),
    ("主持人", "ivr"),
    ("撰文", "aut"),
    ("作者", "aut"),
    ("记者", "aut"),
    ("記者", "aut"),
    ("采写", "aut"),
    ("採寫", "aut"),
    ("整理", "aut"),
    ("编辑", "edt"),
    ("編輯", "edt"),
    ("责编", "edt"),
    ("責編", "edt"),
    ("摄影", "pht"),
    ("攝影", "pht"),
    ("图片", "pht"),
    ("圖片", "pht"),
    ("采访", "ivr"),
    ("採訪", "ivr"),
    ("主持", "ivr"),
    ("嘉宾", "ive"),
    ("嘉賓", "ive"),
    ("翻译", "trl"),
    ("翻譯", "trl"),
    ("文", "aut"),
];

/// A credit label and its separator: `编辑丨`, `作者 | `, `文：`.
pub(super) static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    let labels: Vec<&str> = LABELS.iter().map(|(label, _)| *label).collect();
    Regex::new(&format!(
        r"(?:^|[\s*】\]])({})\s*[丨|｜:：/／]\s*",
        labels.join("|")
    ))
    .expect("static regex")
});

/// One person the byline credits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    pub name: String,
    /// MARC relator code: `aut`, `edt`, `pht`, `ivr`, `ive`, `trl`.
    pub role: &'static str,
}

/// The people a byline credits, in its order; a label without a name credits nobody.
pub fn of_byline(byline: &str) -> Vec<Credit> {
    let byline = byline.replace(['*', '\\'], " ");
    let found: Vec<(usize, usize, &'static str)> = CREDIT
        .captures_iter(&byline)
        .filter_map(|c| {
            let (label, all) = (c.get(1)?, c.get(0)?);
            let role = LABELS.iter().find(|(l, _)| *l == label.as_str())?.1;
            Some((all.start(), all.end(), role))
        })
        .collect();
    let mut out = Vec::new();
    for (i, &(_, value_start, role)) in found.iter().enumerate() {
        let value_end = found.get(i + 1).map_or(byline.len(), |next| next.0);
        for name in byline[value_start..value_end].split(['、', '，', ',', '/', '／', '&']) {
            let name = name.trim();
            // `宋玮 实习生` or `X 摄影`: the first words name the person; a credit of a
            // whole sentence is no name.
            let name = if name.chars().count() > 30 { "" } else { name };
            let known = out
                .iter()
                .any(|c: &Credit| c.name == name && c.role == role);
            if !name.is_empty() && !known {
                out.push(Credit {
                    name: name.to_string(),
                    role,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credits(byline: &str) -> Vec<(String, &'static str)> {
        of_byline(byline)
            .into_iter()
            .map(|c| (c.name, c.role))
            .collect()
    }

    #[test]
    fn each_label_credits_its_names_with_its_code() {
        assert_eq!(
            credits("文丨程曼祺  编辑丨宋玮"),
            [("程曼祺".into(), "aut"), ("宋玮".into(), "edt")]
        );
        assert_eq!(
            credits("**作者 \\| 宛辰、郑玥** **编辑**\\| 郑玄****"),
            [
                ("宛辰".into(), "aut"),
                ("郑玥".into(), "aut"),
                ("郑玄".into(), "edt")
            ]
        );
        assert_eq!(
            credits("撰文｜陳大文  編輯｜李小明  攝影：王五  主持人：Lex Fridman"),
            [
                ("陳大文".into(), "aut"),
                ("李小明".into(), "edt"),
                ("王五".into(), "pht"),
                ("Lex Fridman".into(), "ivr")
            ]
        );
    }

    #[test]
    fn words_that_only_contain_a_label_credit_nobody() {
        assert!(credits("文章来自于科技博客 Stratechery").is_empty());
        assert!(credits("本文是对跑者的一次访谈").is_empty());
        assert!(credits("编辑丨").is_empty());
        assert!(credits("").is_empty());
    }
}
