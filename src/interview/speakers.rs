//! Who speaks: the byline (`访谈:张小珺 x 张鹏`), speaker-turn prefixes (`张鹏:` / `张鹏 ：`),
//! and inferring the speakers from turn patterns when there is no byline.

/// `访谈:张小珺 x 张鹏` → (interviewer, interviewee). Accepts 访谈/采访/对话, either colon,
/// and `x`, `X`, `×`, `&`, `／`, `/` between the names.
pub fn byline(line: &str) -> Option<(String, String)> {
    let rest = ["访谈", "采访", "对话"]
        .iter()
        .find_map(|p| line.trim().strip_prefix(p))?;
    let rest = rest.trim_start().strip_prefix([':', '：'])?.trim();
    let mut parts = rest
        .split([' ', '\u{a0}'])
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>();
    if parts.len() == 3 && matches!(parts[1], "x" | "X" | "×" | "&" | "/" | "／") {
        parts.remove(1);
    } else if parts.len() == 1 {
        parts = rest.split(['×', '／', '/', '&']).map(str::trim).collect();
    }
    match parts.as_slice() {
        [a, b] if is_name(a) && is_name(b) => Some((a.to_string(), b.to_string())),
        _ => None,
    }
}

/// If `text` opens a turn by one of `speakers` (`名字:` / `名字 ：`), the speaker and the rest.
pub fn turn<'t, 's>(text: &'t str, speakers: &'s [String]) -> Option<(&'s str, &'t str)> {
    speakers.iter().find_map(|name| {
        let rest = text
            .strip_prefix(name.as_str())?
            .trim_start_matches([' ', '\u{a0}', '\u{3000}']);
        let rest = rest.strip_prefix([':', '：'])?;
        Some((name.as_str(), rest.trim()))
    })
}

/// Speakers inferred from paragraphs that start with a short name and a colon: every name that
/// opens at least two paragraphs, in order of first appearance.
pub fn infer<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for line in lines {
        let Some(i) = line.find([':', '：']) else {
            continue;
        };
        let name = line[..i].trim_end_matches([' ', '\u{a0}', '\u{3000}']);
        if !is_name(name) {
            continue;
        }
        match seen.iter_mut().find(|(n, _)| n == name) {
            Some((_, count)) => *count += 1,
            None => seen.push((name.to_string(), 1)),
        }
    }
    seen.into_iter()
        .filter(|(_, c)| *c >= 2)
        .map(|(n, _)| n)
        .collect()
}

/// A plausible speaker name: 1–12 letters (Han or Latin, dots and spaces inside), no digits
/// or punctuation, at most 6 Han characters.
fn is_name(s: &str) -> bool {
    let count = s.chars().count();
    (1..=12).contains(&count)
        && s.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '·' | '.' | ' '))
        && !s.starts_with(' ')
        && s.chars().filter(|&c| super::clean::is_han(c)).count() <= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert_eq!(
            byline("访谈:张小珺 x 张鹏"),
            Some(("张小珺".into(), "张鹏".into()))
        );
        assert_eq!(
            byline("采访：李雷×韩梅梅"),
            Some(("李雷".into(), "韩梅梅".into()))
        );
        assert_eq!(byline("访谈:一段很长的说明文字,并不是名字 x 张鹏"), None);
        assert_eq!(byline("张小珺:我想了想"), None);
    }

    #[test]
    fn turns_accept_both_colons_and_a_space() {
        let s = vec!["张鹏".to_string(), "李雷".to_string()];
        assert_eq!(turn("张鹏:确实", &s), Some(("张鹏", "确实")));
        assert_eq!(turn("李雷 ：好的", &s), Some(("李雷", "好的")));
        assert_eq!(turn("张鹏可能有一些人认为:", &s), None);
    }

    #[test]
    fn infers_recurring_names() {
        let lines = [
            "主持人：你好",
            "嘉宾：你好",
            "主持人：再见",
            "嘉宾：再见",
            "他说：一次",
        ];
        assert_eq!(
            infer(lines.into_iter()),
            vec!["主持人".to_string(), "嘉宾".to_string()]
        );
    }
}
