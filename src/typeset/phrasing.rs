//! The breaks an editor rejects: inside a word (the phrase model is sure of it), before a
//! particle that leans on the word before it (的/了/着/过/地/得/们), inside a quantity (a number
//! with its units, `18个月`, `3个小时`) or a date (`2024年3月`), and between a Latin name and
//! its number (`iPhone 15 Pro`, `Llama 3.1`). The breaker avoids them ahead of any looseness
//! or size (see `choose::Cost::rejected`); the clreq rules (`breaks`) stay absolute above them.

use super::chars::Kind;

/// A phrase score at or below this is a break inside a word (on the answers corpus a Han–Han
/// boundary scoring below 0 lies inside a word in most cases): it weighs a whole rejected
/// break, like the rules.
pub(crate) const INSIDE_WORD: i32 = 0;
/// A score at or below this is probably inside a word (0–1,000: 39% are): half a rejected
/// break, so a sure fault (a particle, a split unit) is never traded for it.
pub(crate) const LIKELY_WORD: i32 = 1000;

/// Particles that never open a line when they stand alone.
const PARTICLES: [char; 7] = ['的', '了', '着', '过', '地', '得', '们'];

/// Units and measure words after a number, longest first (greedy match).
const UNITS: [&str; 52] = [
    "个百分点",
    "个小时",
    "百分点",
    "个月",
    "小时",
    "分钟",
    "公里",
    "美元",
    "美金",
    "块钱",
    "万亿",
    "多年",
    "年代",
    "个",
    "位",
    "名",
    "家",
    "款",
    "种",
    "次",
    "年",
    "月",
    "日",
    "天",
    "号",
    "周",
    "岁",
    "倍",
    "元",
    "块",
    "亿",
    "万",
    "千",
    "百",
    "米",
    "条",
    "篇",
    "本",
    "部",
    "代",
    "期",
    "场",
    "轮",
    "层",
    "成",
    "秒",
    "股",
    "台",
    "张",
    "件",
    "辆",
    "后",
];

/// Edition words that belong to the name and number before them (`iPhone 15 Pro`).
const EDITIONS: [&str; 12] = [
    "Pro", "Max", "Ultra", "Plus", "Mini", "mini", "Turbo", "Air", "Flash", "Sonnet", "Opus",
    "Haiku",
];

/// `out[b]` for `b` in `0..=n`: how surely a break before `chars[b]` is one an editor
/// rejects — 1 (a rule, or a word the model is sure of), ½ (probably inside a word) or 0.
/// `scores` are the phrase model's boundary scores (`phrases::boundary_scores`).
pub(crate) fn rejected_breaks(chars: &[char], kinds: &[Kind], scores: &[i32]) -> Vec<f32> {
    let n = chars.len();
    let mut out = vec![0.0; n + 1];
    for b in 1..n {
        let c = chars[b];
        let han_pair = kinds[b - 1] == Kind::Han && kinds[b] == Kind::Han;
        match scores.get(b) {
            Some(&s) if han_pair && s <= INSIDE_WORD => out[b] = 1.0,
            Some(&s) if han_pair && s <= LIKELY_WORD => out[b] = 0.5,
            _ => {}
        }
        // A particle stands alone when the model does not glue it to what follows
        // (了解, 过去, 地方, 得到 open words).
        let alone = b + 1 >= n
            || kinds[b + 1] != Kind::Han
            || scores.get(b + 1).is_some_and(|&s| s > INSIDE_WORD);
        if PARTICLES.contains(&c) && (c == '们' || alone) {
            out[b] = 1.0;
        }
    }
    for (a, e) in quantities(chars).into_iter().chain(names(chars, kinds)) {
        out[a + 1..e].iter_mut().for_each(|x| *x = 1.0);
    }
    out
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_han_numeral(c: char) -> bool {
    "零〇一二三四五六七八九十百千万亿两几半".contains(c)
}

/// The end of a number starting at `i` (Arabic digits with `.`/`,` inside, or two or more Han
/// numerals), if one starts there.
fn number_end(chars: &[char], i: usize) -> Option<usize> {
    let n = chars.len();
    let mut j = i;
    if chars.get(i).copied().is_some_and(is_digit) {
        while j < n
            && (is_digit(chars[j])
                || (matches!(chars[j], '.' | ',')
                    && chars.get(j + 1).copied().is_some_and(is_digit)))
        {
            j += 1;
        }
        return Some(j);
    }
    while j < n && is_han_numeral(chars[j]) {
        j += 1;
    }
    // One Han numeral, or a determiner (每年, 这个), counts only with a unit after it.
    if j == i && matches!(chars.get(i), Some('每' | '这' | '那' | '哪')) {
        j += 1;
    }
    let counted = j >= i + 2 || (j == i + 1 && units_end(chars, j).is_some());
    counted.then_some(j)
}

/// The end of the units after `i`, if any (`多`/`余` first, then up to two units: `个月`).
fn units_end(chars: &[char], mut i: usize) -> Option<usize> {
    let start = i;
    if chars.get(i) == Some(&' ') && chars.get(i + 1).is_some_and(|&c| c != ' ') {
        i += 1; // `1200 万`
    }
    if matches!(chars.get(i), Some('多' | '余' | '几')) {
        i += 1;
    }
    let mut found = false;
    for _ in 0..2 {
        let Some(u) = UNITS.iter().find(|u| starts_with(chars, i, u)) else {
            break;
        };
        i += u.chars().count();
        found = true;
    }
    (found && i > start).then_some(i)
}

fn starts_with(chars: &[char], i: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, w)| chars.get(i + k) == Some(&w))
}

/// Spans `[a, e)` of quantities and dates: a number, its units, and (after 年 or 月) the next
/// number and units of the same date.
fn quantities(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let fresh = i == 0 || !(is_digit(chars[i - 1]) || is_han_numeral(chars[i - 1]));
        let Some(end) = fresh.then(|| number_end(chars, i)).flatten() else {
            i += 1;
            continue;
        };
        let (start, mut e) = (i, end);
        while let Some(u) = units_end(chars, e) {
            e = u;
            let date = matches!(chars[e - 1], '年' | '月');
            match number_end(chars, e).filter(|_| date) {
                Some(next) if units_end(chars, next).is_some() => e = next,
                _ => break,
            }
        }
        if e > end {
            out.push((start, e));
        }
        i = e.max(i + 1);
    }
    out
}

/// Spans `[a, e)` of Latin names with their number: a word of letters, then (after an optional
/// space or hyphen) a token starting with a digit, then an optional edition word.
fn names(chars: &[char], kinds: &[Kind]) -> Vec<(usize, usize)> {
    let n = chars.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let starts_word = chars[i].is_ascii_alphabetic()
            && (i == 0 || !(chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '-'));
        if !starts_word {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && chars[j].is_ascii_alphabetic() {
            j += 1;
        }
        let mut k = j;
        if k < n && (kinds[k] == Kind::Space || chars[k] == '-') {
            k += 1;
        }
        if k >= n || !chars[k].is_ascii_digit() {
            i = j.max(i + 1);
            continue;
        }
        while k < n && (chars[k].is_ascii_alphanumeric() || chars[k] == '.') {
            k += 1;
        }
        if chars[k - 1] == '.' {
            k -= 1;
        }
        let edition = (k < n && kinds[k] == Kind::Space)
            .then(|| EDITIONS.iter().find(|e| starts_with(chars, k + 1, e)))
            .flatten();
        if let Some(ed) = edition {
            let after = k + 1 + ed.chars().count();
            if after >= n || !chars[after].is_ascii_alphanumeric() {
                k = after;
            }
        }
        out.push((i, k));
        i = k;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::chars::classify;

    /// The characters before which a break is rejected, as `a|b` pairs.
    fn rejected(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let kinds = classify(&chars);
        let scores = crate::typeset::phrases::boundary_scores(&chars);
        let r = rejected_breaks(&chars, &kinds, &scores);
        (1..chars.len())
            .filter(|&b| r[b] > 0.0)
            .map(|b| format!("{}|{}", chars[b - 1], chars[b]))
            .collect()
    }

    #[test]
    fn particles_that_stand_alone_are_rejected_at_a_line_start() {
        let r = rejected("能走到产业级的事情，我们了解过去的他们。");
        assert!(r.contains(&"级|的".to_string()), "{r:?}");
        assert!(r.contains(&"他|们".to_string()), "{r:?}");
        // 了解 and 过去 open words: a break before them is a break between words.
        assert!(!r.contains(&"们|了".to_string()), "{r:?}");
        assert!(!r.contains(&"解|过".to_string()), "{r:?}");
    }

    #[test]
    fn words_the_model_is_sure_of_are_not_split() {
        let r = rejected("是一个马拉松，一个长跑。");
        assert!(
            r.contains(&"马|拉".to_string()) && r.contains(&"拉|松".to_string()),
            "{r:?}"
        );
        assert!(!r.contains(&"个|马".to_string()), "{r:?}");
    }

    #[test]
    fn numbers_keep_their_units_and_dates_stay_whole() {
        let r = rejected("用了18个月，又花3个小时，在2024年3月发布，十几个人。");
        for pair in ["个|月", "个|小", "小|时", "年|3", "3|月"] {
            assert!(r.contains(&pair.to_string()), "{pair} in {r:?}");
        }
        assert_eq!(
            quantities(&"2024年3月5日".chars().collect::<Vec<_>>()),
            [(0, 9)]
        );
    }

    #[test]
    fn latin_names_keep_their_numbers() {
        let text = "GPT-4o和iPhone 15 Pro以及Llama 3.1都发布了";
        let chars: Vec<char> = text.chars().collect();
        let kinds = classify(&chars);
        let spans: Vec<String> = names(&chars, &kinds)
            .into_iter()
            .map(|(a, e)| chars[a..e].iter().collect())
            .collect();
        assert_eq!(spans, ["GPT-4o", "iPhone 15 Pro", "Llama 3.1"]);
        let r = rejected(text);
        assert!(
            r.contains(&" |1".to_string()) && r.contains(&" |P".to_string()),
            "{r:?}"
        );
    }
}
