//! Tests of `furniture` on paragraphs of our own in the shapes of real pages.

use super::*;
use crate::interview::structure::labels;
use crate::read::BlockKind;

fn para(kind: BlockKind, text: &str) -> Para {
    let m = Marked::plain(text);
    Para {
        kind,
        label: labels::label(&m),
        m,
        line: 0,
        raw: text.to_string(),
        time: None,
    }
}

fn paras(texts: &[&str]) -> Vec<Para> {
    texts
        .iter()
        .map(|t| para(BlockKind::Paragraph, t))
        .collect()
}

/// The indices `find` marks, with no paragraph opening a turn.
fn found(ps: &[Para]) -> Vec<usize> {
    find(ps, &vec![None; ps.len()])
        .iter()
        .map(|p| p.at)
        .collect()
}

#[test]
fn a_comment_widget_mid_answer_goes_with_its_name_and_the_answer_stays() {
    let ps = paras(&[
        "我认为第一批客户就是公司自己。",
        "某某研究社",
        "，赞 56",
        "等你在多家公司验证过后，再去做别的。",
        "某某研究社",
        "，讚 1.9萬",
    ]);
    assert_eq!(found(&ps), [1, 2, 4, 5]);
}

#[test]
fn an_account_card_mid_conversation_goes_whole() {
    let ps = paras(&[
        "目前国外做这个的都是闷声发大财的状态。",
        "**产品观察**",
        "产品观察 example.com 每月发布一次榜单，你必参的会。发起人：某某",
        "23篇原创内容",
        "公众号",
        "，",
        "这个问题我换个角度讲。",
    ]);
    assert_eq!(found(&ps), [1, 2, 3, 4, 5]);
    // Traditional forms.
    let ps = paras(&["**港島週報**", "12篇原創內容", "公眾號"]);
    assert_eq!(found(&ps), [0, 1, 2]);
}

#[test]
fn players_banners_notices_and_links() {
    let ps = paras(&[
        "视频加载失败，请刷新页面再试",
        "**一场对话\\|第十期** ,某某电台 ,42分钟 进度条",
        "丨划重点",
        "*编辑补充：案例不好写在文章里，关注 某某号，后台回复关键词【案例】获取。*",
        "文章地址：https://example.com/blog/post",
        "請加入成為本報的月費訂戶，長期支持我們的工作。",
        "觉得好看，请点“在看”",
        "文章编译自某某播客，略有调整。",
    ]);
    assert_eq!(found(&ps), [0, 1, 2, 3, 4, 5, 6, 7]);
    let link = para(
        BlockKind::Paragraph,
        "[**中文翻译链接直达 -->**](http://example.com/s?id=1)",
    );
    let link = Para {
        m: Marked::plain("中文翻译链接直达 -->"),
        ..link
    };
    assert_eq!(found(&[link]), [0]);
}

#[test]
fn sentences_of_the_conversation_are_never_furniture() {
    let ps = paras(&[
        "你可以在后台回复塔斯，我们整理了一份中介名单。",
        "我们给这个团队点赞，他们在看不见的地方做了很多事。",
        "版权是我们最重要的资产。",
        "转载这件事我们不太在意。",
        "分享经济不是我们的方向。",
        "赞同。",
        "那次活动有 56 个人点了赞。",
    ]);
    assert_eq!(found(&ps), Vec::<usize>::new());
}

#[test]
fn a_turn_that_looks_like_furniture_is_speech() {
    let ps = paras(&["某某：点击阅读原文就能看到我们的白皮书。", "，赞 56"]);
    let speaker_at = vec![Some("某某".to_string()), None];
    let pieces: Vec<usize> = find(&ps, &speaker_at).iter().map(|p| p.at).collect();
    assert_eq!(pieces, [1], "the name line over the likes is a turn, kept");
}

#[test]
fn footnote_markers_leave_the_text() {
    let ps = paras(&["这个模型^1^在推理上更强[^2]。"]);
    let lifted = lift(ps, vec![None], Vec::new(), 1);
    assert_eq!(lifted.paras[0].text(), "这个模型在推理上更强。");
    assert_eq!(lifted.cut, 1);
}

#[test]
fn end_markers() {
    for t in ["-END-", "- End -", "· FIN ·", "（完）", "全文完", "**完**"] {
        assert!(is_end_marker(t), "{t}");
    }
    for t in ["完成了。", "END 是结束的意思。", "完。不对，还没完"] {
        assert!(!is_end_marker(t), "{t}");
    }
}

/// Whole texts through the parser: what goes, and the speech that stays.
fn parse(src: &str) -> crate::interview::Interview {
    let opts = crate::interview::ParseOptions::default();
    crate::interview::parse_as(src, crate::read::Format::Markdown, &opts).unwrap()
}

#[test]
fn after_an_end_marker_everything_goes_turns_included() {
    let iv = parse(
        "访谈实录\n\n甲：第一个问题？\n\n乙：第一个回答。\n\n甲：第二个问题？\n\n乙：第二个回答。\n\n- END -\n\n往期文章节选\n\n甲：别的问题？\n\n乙：别的回答。\n",
    );
    let texts = texts(&iv);
    assert_eq!(texts.last().map(String::as_str), Some("第二个回答。"));
    assert!(iv.dropped.iter().any(|d| d.contains("别的回答")));
}

#[test]
fn a_last_turn_of_a_speaker_heard_once_is_not_debris() {
    let iv = parse(
        "圆桌实录\n\n主持人：\n\n第一个问题是什么？\n\n嘉宾甲：\n\n我先说。\n\n主持人：\n\n第二个问题呢？\n\n嘉宾甲：\n\n我再说。\n\n主持人：\n\n第三个问题呢？\n\n嘉宾甲：\n\n我还说。\n\n嘉宾乙 VP 某某：\n\n**第一个是，要有耐心。**\n\n这是我最后一段话。\n\n本文来自微信公众号“某某研究所”。\n",
    );
    let texts = texts(&iv);
    assert!(texts.iter().any(|t| t == "这是我最后一段话。"), "{texts:?}");
    assert!(
        texts.iter().any(|t| t == "第一个是，要有耐心。"),
        "{texts:?}"
    );
    assert_eq!(iv.dropped.len(), 1, "{:?}", iv.dropped);
}

fn texts(iv: &crate::interview::Interview) -> Vec<String> {
    iv.sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .map(|p| p.text.clone())
        .collect()
}

#[test]
fn a_list_of_links_mid_text_goes_to_dropped_and_a_link_in_a_sentence_stays() {
    let iv = parse(
        "\
# 做工具的人

**老周**：你们参考了哪些资料？

**阿青**：主要是三篇文章，我们在 [官网](https://example.com/about) 上都列了。

- [第一篇：编辑器的历史](https://example.com/a)
- [第二篇：协作的代价](https://example.com/b)

参考资料：

https://example.org/report-2024

**老周**：后来呢？

**阿青**：后来我们就自己写了一个编辑器。
",
    );
    let t = texts(&iv);
    assert!(t.iter().any(|x| x.contains("官网")), "{t:?}");
    assert!(t.iter().any(|x| x.contains("自己写了一个编辑器")), "{t:?}");
    for gone in ["第一篇", "第二篇", "参考资料", "example.org"] {
        assert!(!t.iter().any(|x| x.contains(gone)), "{gone} kept: {t:?}");
        assert!(
            iv.dropped.iter().any(|d| d.contains(gone)),
            "{gone} not in dropped"
        );
    }
    let why: Vec<&str> = iv.furniture.iter().map(|f| f.why).collect();
    assert_eq!(why.len(), 4, "{why:?}");
    assert!(why.iter().all(|w| w.contains("reference link")), "{why:?}");
}

#[test]
fn a_notice_inside_an_answer_that_reads_as_speech_is_kept_with_a_doubt() {
    let iv = parse(
        "\
# 做工具的人

**老周**：用户怎么找到你们？

**阿青**：一开始全靠公众号。

我们在每篇文章末尾都写一句，想看完整版本的话，请点击阅读原文，后来发现这个转化率出奇地高。

所以后来所有渠道都用了这个办法。

点击阅读原文，领取完整报告

**老周**：现在呢？

**阿青**：现在主要靠口碑。
",
    );
    let t = texts(&iv);
    assert!(t.iter().any(|x| x.contains("转化率出奇地高")), "{t:?}");
    assert!(!t.iter().any(|x| x.contains("领取完整报告")), "{t:?}");
    assert!(iv.dropped.iter().any(|d| d.contains("领取完整报告")));
    let doubt = iv
        .doubts
        .iter()
        .find(|d| d.what.contains("notice to the reader"))
        .expect("a doubt for the kept notice");
    assert!(doubt.what.contains("line 7"), "{doubt:?}");
    assert_eq!(
        iv.doubts
            .iter()
            .filter(|d| d.what.contains("notice"))
            .count(),
        1
    );
}

/// Every line of the shared samples and of this file's own shapes that a pattern matches has
/// one of the words it is gated on: the gate only spares compiling, it never changes a result.
fn the_gating_words_never_refuse_a_line_a_pattern_matches_on(shared: bool) {
    let lines = crate::read::sample_lines::lines(
        &[
            "赞 12",
            "，讚 3.4萬",
            "128 篇原创内容",
            "视频加载失败，请刷新页面再试",
            "进度条",
            "| 划重点：",
            "点击下方“阅读原文”",
            "点赞、在看",
            "回复关键词",
            "关注我们后台回复",
            "加入成为订户",
            "转载原创文章请联系",
            "未经许可不得转载",
            "点击上方蓝字关注我们",
            "點擊藍字關注",
            "回覆關鍵字",
            "關注本號後台回覆",
            "本文编译自",
            "翻译自",
            "原文：https://example.com/a",
            "https://example.com",
        ],
        shared,
    );
    let gated: [(&[&str], &LazyLock<Regex>); 6] = [
        (LIKES_WORDS, &LIKES),
        (COUNT_CARD_WORDS, &COUNT_CARD),
        (PLAYER_WORDS, &PLAYER),
        (BANNER_WORDS, &BANNER),
        (CALL_WORDS, &CALL),
        (LINK_LABEL_WORDS, &LINK_LABEL),
    ];
    let mut matched = 0;
    for line in &lines {
        for (words, pattern) in gated {
            if pattern.is_match(line) {
                matched += 1;
                assert!(matches_with(words, pattern, line), "{line}");
            }
        }
    }
    assert!(
        matched >= 21,
        "only {matched} matches: the shapes above no longer match"
    );
}

crate::read::sample_lines::gate_tests!(the_gating_words_never_refuse_a_line_a_pattern_matches => the_gating_words_never_refuse_a_line_a_pattern_matches_on);
