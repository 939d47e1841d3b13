//! Section titles and numbers on fixtures of our own: titles over two lines in every markup
//! (Markdown headings, bold lines, a first line ending in a colon) and section numbers in
//! every form a heading carries (`一、`, `第二部分：`, `PART 03` over its title line).

use super::*;
use crate::read::Format;

fn md(src: &str) -> Interview {
    let opts = ParseOptions::default();
    parse_as(src, Format::Markdown, &opts).unwrap()
}

fn sections(iv: &Interview) -> Vec<(Option<u32>, String)> {
    iv.sections
        .iter()
        .map(|s| (s.printed_number(), s.title.clone().unwrap_or_default()))
        .collect()
}

#[test]
fn titles_over_two_lines_in_every_markup_are_one_title() {
    let iv = md("\
# 做工具的人

老周和阿青聊了一个下午。

### 工具先于产品，

### 产品先于公司

**老周**：你们先做了什么？

**阿青**：先做了给自己用的工具。

**AI 产品的未来：**

**在于看不见的地方**

**老周**：未来会怎样？

**阿青**：用户不会再意识到模型的存在。

**团队只有七个人，**

**以后也不会太多**

**老周**：现在团队多大？

**阿青**：七个人。
");
    assert_eq!(
        sections(&iv),
        [
            (None, "工具先于产品，产品先于公司".to_string()),
            (None, "AI产品的未来：在于看不见的地方".to_string()),
            (None, "团队只有七个人，以后也不会太多".to_string()),
        ]
    );
    assert_eq!(iv.speakers, ["老周", "阿青"]);
}

#[test]
fn section_numbers_in_every_form_are_kept() {
    let iv = md("\
# 做工具的人

老周和阿青聊了一个下午。

**一、最初的决定**

**老周**：你们先做了什么？

**阿青**：先做了给自己用的工具。

### 第二部分：节奏感

**老周**：多久发一个版本？

**阿青**：每周一个。

**PART 03**

**尾声**

**老周**：最后一个问题，还会做下去吗？

**阿青**：会。
");
    assert_eq!(
        sections(&iv),
        [
            (Some(1), "最初的决定".to_string()),
            (Some(2), "节奏感".to_string()),
            (Some(3), "尾声".to_string()),
        ]
    );
}

#[test]
fn hash_numbers_over_bold_titles_are_section_numbers() {
    let iv = md("\
# 做工具的人

老周和阿青聊了一个下午。

**#01**

**先把路跑通**

**老周**：你们先做了什么？

**阿青**：先做了给自己用的工具。

**# 02**

**再谈收费**

**老周**：什么时候开始收费？

**阿青**：第二年。
");
    assert_eq!(
        sections(&iv),
        [
            (Some(1), "先把路跑通".to_string()),
            (Some(2), "再谈收费".to_string()),
        ]
    );
}

#[test]
fn a_title_that_reads_like_a_label_is_the_title_not_a_turn() {
    // `名字：一句话` is the commonest shape of an interview's title; at the top, as the
    // article's level-1 heading, it names the article — the guest's first turn comes later.
    let iv = md("\
# 林小满：面包要等面团自己醒好

**小满周刊：你为什么回到小镇开面包店？**

**林小满：**城里的房租太高了，小镇的日子慢一点。

**小满周刊：以后还想开分店吗？**

**林小满：**不急。一家店做好了，比十家店做一半强得多。
");
    assert_eq!(iv.meta.title, "林小满：面包要等面团自己醒好");
    let first = &iv.sections[0].paragraphs[0];
    assert_eq!(first.speaker.as_deref(), Some("小满周刊"));
    assert!(
        iv.sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .all(|p| !p.text.contains("面团自己醒好")),
        "the title is not a turn"
    );
}
