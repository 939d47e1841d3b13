//! The Markdown reader on fixtures of our own: line ends, HTML blocks, setext titles, bold
//! labels and escapes, broken bold, images and captions, lists, quotes, rules and headings.

use super::*;

fn texts(doc: &Document) -> Vec<(BlockKind, String)> {
    doc.blocks.iter().map(|b| (b.kind, b.text())).collect()
}

#[test]
fn a_line_end_is_read_from_its_last_characters() {
    let spans = [
        Span::plain("我们说。"),
        Span::plain("好 "),
        Span::plain(" \n"),
    ];
    assert_eq!(last_chars(&spans), "好  \n");
    assert_eq!(last_chars(&[]), "");
    // 40,000 one-line paragraph pieces joined (the fuzzer's slow input) read as one.
    let doc = read(&"\u{2}> 引\n".repeat(40_000));
    assert_eq!(doc.blocks.len(), 1);
}

#[test]
fn html_blocks_are_read_for_their_text_with_inline_markup() {
    let doc = read(
        "前言。\n\n<div>李雷：第一问？</div>\n\n<p><strong>韩梅梅：</strong>第一答。</p>\n\n\
         <section><span>李雷：第二问？</span></section>\n\n<!-- 注释 -->\n\n结尾。\n",
    );
    let t: Vec<String> = texts(&doc).into_iter().map(|(_, s)| s).collect();
    assert_eq!(
        t,
        [
            "前言。",
            "李雷：第一问？",
            "韩梅梅：第一答。",
            "李雷：第二问？",
            "结尾。"
        ]
    );
    assert!(doc.blocks[2].spans[0].strong && !doc.blocks[2].spans[1].strong);
    assert_eq!(doc.blocks[3].line, 7);
}

#[test]
fn setext_titles_bold_labels_and_escapes() {
    let doc = read("标题\n====\n\n**01**\n------\n\n**问：**为什么\\|不\\*\n");
    let t = texts(&doc);
    assert_eq!(t[0], (BlockKind::Heading(1), "标题".into()));
    assert_eq!(t[1], (BlockKind::Heading(2), "01".into()));
    assert_eq!(t[2], (BlockKind::Paragraph, "问：为什么|不*".into()));
    assert!(doc.blocks[2].spans[0].strong);
    assert!(!doc.blocks[2].spans[1].strong);
    assert_eq!(doc.blocks[2].line, 7);
}

#[test]
fn broken_bold_leaves_no_asterisks() {
    let doc = read("****几个人的兴趣小组，****\n\n**作者 \\| 宛辰** **编辑**\\| 郑玄****\n");
    let t = texts(&doc);
    assert_eq!(t[0].1, "几个人的兴趣小组，");
    assert_eq!(t[1].1, "作者 | 宛辰 编辑| 郑玄");
    let doc = read("**Sam Altma**n：我想\n");
    assert_eq!(texts(&doc)[0].1, "Sam Altman：我想");
}

#[test]
fn images_take_their_glued_caption_and_urls_with_parentheses() {
    let doc =
        read("![图片](https://x.cn/c/filters:no_upscale()?u=1)妙鸭团队合影｜截图\n\n正文。\n");
    assert_eq!(doc.blocks[0].kind, BlockKind::Image);
    assert_eq!(doc.blocks[0].text(), "妙鸭团队合影｜截图");
    assert_eq!(texts(&doc)[1], (BlockKind::Paragraph, "正文。".into()));
}

#[test]
fn lines_of_one_paragraph_split_after_sentences_and_labels() {
    let doc = read("**张涛:**\n回答一。\n回答\n继续。\n");
    let t: Vec<String> = texts(&doc).into_iter().map(|(_, s)| s).collect();
    assert_eq!(t, vec!["张涛:", "回答一。", "回答继续。"]);
}

#[test]
fn lists_quotes_rules_and_heading_floods() {
    let doc = read("> 引文。\n\n1. 第一\n2. 第二\n\n*** ** * ** ***\n");
    let t = texts(&doc);
    assert_eq!(t[0], (BlockKind::Quote, "引文。".into()));
    assert_eq!(t[1], (BlockKind::Item, "1. 第一".into()));
    assert_eq!(t[2], (BlockKind::Item, "2. 第二".into()));
    assert_eq!(t[3].0, BlockKind::Rule);
    let flood: String = (0..12).map(|i| format!("##### 段落{i}。\n\n")).collect();
    assert!(
        read(&flood)
            .blocks
            .iter()
            .all(|b| b.kind == BlockKind::Paragraph)
    );
}
