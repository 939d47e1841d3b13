//! Speaker labels on fixtures of our own: each shape a label takes (bold, plain, glued,
//! timed, numbered questions) and the traps that are not labels.

use super::*;
use crate::read::Span;

fn m(parts: &[(&str, bool)]) -> Marked {
    Marked::from_spans(
        &parts
            .iter()
            .map(|(t, b)| Span {
                text: t.to_string(),
                strong: *b,
                ..Span::default()
            })
            .collect::<Vec<_>>(),
    )
}

#[test]
fn label_shapes() {
    let l = label(&m(&[("Lex Fridman：", true), (" 好的", false)])).unwrap();
    assert_eq!(
        (l.name.as_str(), l.bold, l.alone),
        ("Lex Fridman", true, false)
    );
    assert_eq!(l.end, 13);
    let l = label(&m(&[("姜昱辰", true), (" ：回答", false)])).unwrap();
    assert_eq!(l.name, "姜昱辰");
    assert!(l.bold);
    let l = label(&m(&[("张涛:", true)])).unwrap();
    assert!(l.alone && l.colon);
    let l = label(&m(&[("潘乱", true)])).unwrap();
    assert!(l.alone && !l.colon);
    let l = label(&m(&[("《远光灯》：这个问题？", true)])).unwrap();
    assert_eq!(l.name, "《远光灯》");
    let l = label(&m(&[("黄民烈（聆心智能创始人）：我们", false)])).unwrap();
    assert_eq!(l.name, "黄民烈");
    for not in [
        "他曾经有一天给我打电话说：",
        "时间：8 月 31日",
        "做成2：1的话",
        "18:20:20",
    ] {
        let found = label(&m(&[(not, false)]));
        assert!(found.is_none() || is_meta(&found.unwrap().name), "{not}");
    }
    assert!(label(&m(&[("我们认为，这样：", false)])).is_none());
}

#[test]
fn urls_and_times_are_no_speech() {
    assert!(label(&m(&[("https://example.com/a 链接", false)])).is_none());
    let l = label(&m(&[("Aman 01:46:42", false)])).unwrap();
    assert_eq!((l.name.as_str(), l.alone, l.colon), ("Aman", true, true));
    let l = label(&m(&[("张三  12:05", true)])).unwrap();
    assert_eq!(l.name, "张三");
}

#[test]
fn numbered_questions_are_the_askers_turns() {
    let l = label(&m(&[("Q12. 你怎么看出海？", true)])).unwrap();
    assert_eq!((l.name.as_str(), l.end, l.colon), ("Q", 5, true));
    let l = label(&m(&[("问3、为什么是现在？", false)])).unwrap();
    assert_eq!(l.name, "问");
    // A quarter is no question number; a numbered statement is no question.
    assert!(label(&m(&[("Q3 的营收增长了两成。", false)])).is_none());
    assert!(label(&m(&[("Q1. 营收增长了两成。", false)])).is_none());
}

#[test]
fn glued_labels_close_a_paragraph_after_a_sentence() {
    let p = m(&[
        ("这就是我的项目。", false),
        ("Lin Qiao", true),
        ("  ", false),
    ]);
    assert_eq!(glued(&p), Some(8));
    assert_eq!(glued(&m(&[("我最喜欢的是", false), ("张三", true)])), None);
    assert_eq!(glued(&m(&[("张三", true)])), None);
    assert_eq!(
        glued(&m(&[
            ("结论。", false),
            ("这是一个很长的加粗句子没有名字的样子", true)
        ])),
        None
    );
}

#[test]
fn speakers_recur_and_aliases_fold() {
    let l = |name: &str, bold: bool| {
        Some(Label {
            name: name.into(),
            end: 0,
            bold,
            alone: false,
            colon: true,
        })
    };
    let labels = vec![
        l("腾讯新闻潜望", true),
        l("张三", true),
        l("腾讯新闻", true),
        l("腾讯新闻潜望", true),
        l("张三", true),
        l("腾讯新闻潜望", true),
        l("李四", false),
        l("李四", false),
        None,
        l("注", true),
        l("注", true),
    ];
    let (speakers, aliases) = speakers(&labels);
    assert_eq!(speakers, ["腾讯新闻潜望", "张三"]);
    assert_eq!(
        aliases.get("腾讯新闻").map(String::as_str),
        Some("腾讯新闻潜望")
    );
}
