//! The interview byline of the bundled shape: `访谈:张小珺 x 张鹏` → (interviewer, interviewee).

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
}
