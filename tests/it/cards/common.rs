//! Shared helpers: sample quotes and templates.

use jinju::card::{CardText, Color, Template};

/// A card's text as a selected quote gives it.
pub fn quote(text: &str) -> CardText {
    CardText {
        id: "sample".to_string(),
        text: text.to_string(),
        credit: "张鹏".to_string(),
        section_number: Some(3),
        section_title: "谈上市".to_string(),
        address: "3.12.2".to_string(),
        chars: text.chars().count(),
        highlights: Vec::new(),
    }
}

/// Quotes of the lengths cards get: short, with the punctuation traps, and long.
pub const SAMPLES: [&str; 3] = [
    "就是，一个开路的人。",
    "这是——我认为——很重要的……事情。他说：“AGI的先行者。”我们都笑了。",
    "实现AGI我从来不认为非常简单，也不是非常短期就能实现的目标——是一个马拉松，一个长跑。在不同阶段，用不同方式去度过这一段。",
];

/// The template with everything but the background made invisible.
pub fn background_only(template: &Template) -> Template {
    let clear = Color([0, 0, 0, 0]);
    let mut t = template.clone();
    t.quote.color = clear;
    for m in t.mark.iter_mut() {
        m.color = clear;
    }
    for r in t.rule.iter_mut() {
        r.color = clear;
    }
    for l in t.attribution.iter_mut().chain(t.footer.iter_mut()) {
        l.color = clear;
    }
    t
}
