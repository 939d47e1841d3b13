//! What a set of cards says about where the quotes come from — the interview's title, its
//! guests, the outlet, the date and the link — for carousel covers and end cards and the
//! long image's title block and foot.

/// The interview a carousel or long image is made from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceInfo {
    pub title: String,
    /// The guests' names as cards print them.
    pub guests: Vec<String>,
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`, as the source states it.
    pub date: Option<String>,
    /// The http(s) link a QR code points to (`--link`, else the interview's own).
    pub link: Option<String>,
    /// Names no line of the quote breaks inside (the people's, the outlet's).
    pub names: Vec<String>,
}

/// What a card's one-line texts may name besides the quote: `{title}`, and the source's
/// `{date}`, `{outlet}`, `{guests}` and `{link}` (none for ad hoc text, which is not the
/// interview's); the source's link also fills a template's `qr:` slot.
#[derive(Debug, Clone, Copy, Default)]
pub struct CardFields<'a> {
    pub title: Option<&'a str>,
    pub source: Option<&'a SourceInfo>,
}

/// Just a title, as most callers give: `paint(…, Some("书名"))` or `None`.
impl<'a> From<Option<&'a str>> for CardFields<'a> {
    fn from(title: Option<&'a str>) -> Self {
        CardFields {
            title,
            source: None,
        }
    }
}

impl CardFields<'_> {
    /// The text a placeholder other than the quote's own stands for (empty when unknown).
    pub fn get(&self, name: &str) -> String {
        let s = self.source;
        let field =
            |f: fn(&SourceInfo) -> Option<&String>| s.and_then(f).cloned().unwrap_or_default();
        match name {
            "title" => self.title.unwrap_or("").to_string(),
            "date" => field(|s| s.date.as_ref()),
            "outlet" => field(|s| s.outlet.as_ref()),
            "link" => field(|s| s.link.as_ref()),
            "guests" => s.map(|s| s.guests.join("、")).unwrap_or_default(),
            _ => String::new(),
        }
    }
}

impl SourceInfo {
    /// `嘉宾｜张三、李四` (`label` before the names), or nothing without named guests.
    pub fn guest_line(&self, label: &str) -> Option<String> {
        let names: Vec<&str> = self
            .guests
            .iter()
            .map(|g| g.trim())
            .filter(|g| !g.is_empty())
            .collect();
        (!names.is_empty()).then(|| format!("{label}{}", names.join("、")))
    }

    /// `36氪 · 2024-05-01`: the outlet and the date, whichever are known.
    pub fn outlet_line(&self) -> Option<String> {
        let parts: Vec<&str> = [self.outlet.as_deref(), self.date.as_deref()]
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_say_only_what_is_known() {
        let mut s = SourceInfo {
            title: "对话".into(),
            guests: vec!["张三".into(), " ".into(), "李四".into()],
            outlet: Some("36氪".into()),
            ..SourceInfo::default()
        };
        assert_eq!(s.guest_line("嘉宾｜").as_deref(), Some("嘉宾｜张三、李四"));
        assert_eq!(s.outlet_line().as_deref(), Some("36氪"));
        s.date = Some("2024-05-01".into());
        assert_eq!(s.outlet_line().as_deref(), Some("36氪 · 2024-05-01"));
        assert_eq!(SourceInfo::default().guest_line("嘉宾｜"), None);
        assert_eq!(SourceInfo::default().outlet_line(), None);
    }
}
