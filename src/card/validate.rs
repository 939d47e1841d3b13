//! Template validation: sizes within 1–8192 px, room for text, one background, known
//! placeholders. Syntax and unknown keys are serde's job (`template.rs`).

use super::error::{Error, Result};
use super::template::{MAX_SIDE, PLACEHOLDERS, Template};

impl Template {
    /// Checks every value serde cannot: ranges and consistency.
    pub(super) fn validate(&self, file: &str) -> Result<()> {
        let fail = |message: String| {
            Err(Error::TemplateInvalid {
                file: file.to_string(),
                message,
            })
        };
        let [w, h] = self.size;
        if !(1..=MAX_SIDE).contains(&w) || !(1..=MAX_SIDE).contains(&h) {
            return fail(format!(
                "size {w}×{h} is out of range: each side must be 1–{MAX_SIDE} px"
            ));
        }
        let [top, right, bottom, left] = self.padding;
        if u64::from(left) + u64::from(right) + 16 > u64::from(w)
            || u64::from(top) + u64::from(bottom) + 16 > u64::from(h)
        {
            return fail(format!(
                "padding {:?} leaves less than 16 px of a {w}×{h} card for text",
                self.padding
            ));
        }
        let q = &self.quote;
        if q.size.min < 4 || q.size.min > q.size.max || q.size.max > MAX_SIDE {
            return fail(format!(
                "quote.size min {} / max {} is invalid: need 4 ≤ min ≤ max ≤ {MAX_SIDE}",
                q.size.min, q.size.max
            ));
        }
        if let Some(fill) = q.size.fill.filter(|f| !(0.1..=1.0).contains(f)) {
            return fail(format!(
                "quote.size.fill {fill} is out of range: give a share of the text box, 0.1–1"
            ));
        }
        if q.max_chars == Some(0) {
            return fail("quote.max_chars 0 takes no quote: remove it or give a length".into());
        }
        if !(0.8..=4.0).contains(&q.line_height) {
            return fail(format!(
                "quote.line_height {} is out of range 0.8–4",
                q.line_height
            ));
        }
        let bg = &self.background;
        let kinds = [
            bg.color.is_some(),
            bg.gradient.is_some(),
            bg.image.is_some(),
        ];
        if kinds.iter().filter(|&&k| k).count() != 1 {
            return fail("background needs exactly one of `color`, `gradient`, `image`".into());
        }
        if bg.gradient.as_ref().is_some_and(|g| !g.angle.is_finite()) {
            return fail("background.gradient.angle must be a number of degrees".into());
        }
        let sizes = [
            ("mark.size", self.mark.as_ref().map(|m| m.size)),
            (
                "attribution.size",
                self.attribution.as_ref().map(|l| l.size),
            ),
            ("footer.size", self.footer.as_ref().map(|l| l.size)),
            ("rule.width", self.rule.as_ref().map(|r| r.width)),
            ("rule.height", self.rule.as_ref().map(|r| r.height)),
            ("qr.size", self.qr.as_ref().map(|s| s.size)),
            ("logo.size", self.logo.as_ref().map(|s| s.slot.size)),
            ("avatar.size", self.avatar.as_ref().map(|s| s.slot.size)),
        ];
        for (what, size) in sizes {
            if let Some(s) = size.filter(|s| !(1..=MAX_SIDE).contains(s)) {
                return fail(format!("{what} {s} is out of range 1–{MAX_SIDE} px"));
            }
        }
        let [safe_top, safe_bottom] = self.safe_area.unwrap_or([0, 0]);
        if safe_top > top || safe_bottom > bottom {
            return fail(format!(
                "safe_area [{safe_top}, {safe_bottom}] is not covered by the padding \
                 (top {top}, bottom {bottom}): make the padding at least as large"
            ));
        }
        if let Some(f) = self
            .footer
            .as_ref()
            .filter(|f| f.size > bottom - safe_bottom)
        {
            return fail(format!(
                "footer.size {} does not fit the bottom padding above the safe area ({} px)",
                f.size,
                bottom - safe_bottom
            ));
        }
        if self.mark.as_ref().is_some_and(|m| m.text.trim().is_empty()) {
            return fail("mark.text is empty: remove `mark` or give it a character".into());
        }
        for (what, line) in [("attribution", &self.attribution), ("footer", &self.footer)] {
            if let Some(bad) = line.as_ref().and_then(|l| unknown_placeholder(&l.text)) {
                return fail(format!(
                    "{what}.text has unknown placeholder `{{{bad}}}`: use {}",
                    PLACEHOLDERS.map(|p| format!("{{{p}}}")).join(" ")
                ));
            }
        }
        Ok(())
    }
}

/// The first `{name}` in `text` that is not a known placeholder.
fn unknown_placeholder(text: &str) -> Option<&str> {
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}')?;
        let name = &after[..close];
        if !PLACEHOLDERS.contains(&name) {
            return Some(name);
        }
        rest = &after[close + 1..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_known() {
        assert_eq!(unknown_placeholder("—— {speaker} {x}"), Some("x"));
        assert_eq!(unknown_placeholder("{title} · {address}"), None);
        assert_eq!(unknown_placeholder("{open"), None);
    }
}
