//! Rules on who is talking and to what end: a card line is neither small talk (greetings,
//! thanks, a self-introduction, laughter), nor the interviewer steering the conversation
//! (`我们来聊聊…`, `Q17. 问一个…`) even when the structure gave it to a guest, nor the
//! publication's furniture (a note, a caption, a promotion).

use super::{any_in, first_clause, opening, starts_any};

/// Words of greetings, thanks and courtesy.
const COURTESY: &str = "谢谢 謝謝 感谢 感謝 多谢 多謝 大家好 你好 您好 欢迎大家 歡迎大家 \
    欢迎来到 歡迎來到 欢迎收听 歡迎收聽 哈哈 （笑） (笑) 再见 再見 拜拜 \
    不好意思 好问题 好問題 很好的问题 很好的問題 荣幸 榮幸 我都不好意思";
/// Roles a speaker introduces themself with (`我是张涛，大众点评创始人。`).
const ROLES: &str = "创始人 創始人 创办人 創辦人 CEO 合伙人 合夥人 负责人 負責人 主持人 \
    总裁 總裁 董事长 董事長 教授 记者 記者 嘉宾 嘉賓";

/// **Is not small talk**: no greeting, thanks, courtesy or laughter, and not a speaker
/// introducing themself (`大家好，我是…`).
pub fn small_talk(text: &str) -> bool {
    let t = opening(text);
    let intro = starts_any(first_clause(t), "我是 我叫") && any_in(t, ROLES);
    any_in(t, COURTESY) || intro
}

/// Phrases an interviewer steers the conversation with.
const STEERING: &str = "我们来聊 我們來聊 来聊聊 來聊聊 聊一聊 聊聊 接下来我们 接下來我們 \
    接下来，我们 下一个问题 下一個問題 问一个 問一個 我想问 我想問 想请教 \
    想請教 请问 請問 请你 請你 请您 請您 带我们了解 帶我們了解 给我们介绍 \
    給我們介紹 给我们讲讲 給我們講講 介绍一下 介紹一下 能不能分享 可以分享一下";

/// **Is the guest's**: the line is not an interviewer's — no steering phrase (`我们来聊聊`,
/// `请您介绍一下`), no question label (`Q17.`, `问：`) — however the structure attributed it.
pub fn moderation(text: &str) -> bool {
    let t = opening(text);
    let mut chars = t.chars();
    let q_label = matches!(chars.next(), Some('Q' | 'q' | 'Ｑ'))
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, '：' | ':' | '.' | '．'));
    let asks = starts_any(t, "问： 問： 问: 問: 提问： 提問：");
    q_label || asks || any_in(t, STEERING)
}

/// Verbs that report someone's words (`汤姆强调`, `陳美齡說`).
const REPORTING: &str = "表示 强调 強調 建议 建議 指出 透露 坦言 称 稱 回忆 回憶 说 說 认为 認為 \
    提到 谈到 談到 介绍 介紹";
/// Characters that make the words before a reporting verb no one's name: pronouns
/// (`我认为`), people in general (`有人说`), adverbs and frames (`可以说`, `虽然说`).
const NOT_IN_NAMES: &str =
    "我你您他她它们們人家可以所就也再还還先多来來如说說是要不都很这這那本上下中此远遠虽雖然";

/// **Is the guest speaking**: the line does not open on someone reported in the third person
/// (`汤姆强调，…`, `公司表示，…`, `陳美齡說，…`): a writer's account of what was said,
/// not the words themselves. The reported one is a name of 2–4 Han characters or a Latin
/// name; a pronoun or a frame (`我认为`, `可以说`) is no name.
pub fn reported(text: &str) -> bool {
    let t = opening(text);
    // A name is at most 20 bytes (4 Han characters, or 20 Latin letters): the verb starts
    // within them, and only that head is searched.
    let head = t
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .take_while(|end| *end <= 26)
        .last()
        .map_or("", |end| &t[..end]);
    super::words(REPORTING).any(|verb| {
        head.find(verb).is_some_and(|at| {
            let name = &t[..at];
            let han = name.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                && (2..=4).contains(&name.chars().count());
            let latin = name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name.len() <= 20
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphabetic() || " .-".contains(c));
            (han || latin) && !name.chars().any(|c| NOT_IN_NAMES.contains(c))
        })
    })
}

/// Openings of editors' notes and captions.
const NOTE_OPENINGS: &str = "注： 注: 编者注 編者注 编者按 編者按 编注 編註 图： 圖： 图片 圖片 \
    来源： 來源： ▲ △ ※ 责编 責編 撰文 作者： 本文 原文 推荐阅读 \
    推薦閱讀 延伸阅读 延伸閱讀 点击 點擊";
/// Words of a publication's promotions.
const PROMOTION: &str = "公众号 公眾號 扫码 掃碼 二维码 二維碼 阅读原文 閱讀原文 点击关注 \
    點擊關注 点赞 點讚 星标 星標 转载 轉載 报名 報名 原创内容 原創內容 \
    欢迎加入 歡迎加入 添加微信 加微信";

/// **Is not furniture**: not an editor's note (`注：…`, wholly in parentheses), a caption
/// (`图：…`, `图2.…`, `▲…`) or a promotion (`扫码关注公众号`).
pub fn furniture(text: &str) -> bool {
    let t = text.trim();
    let numbered = ["图", "圖", "表"].iter().any(|w| {
        t.strip_prefix(w)
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    });
    let parenthesised =
        (t.starts_with('（') && t.ends_with('）')) || (t.starts_with('(') && t.ends_with(')'));
    parenthesised || numbered || starts_any(t, NOTE_OPENINGS) || any_in(t, PROMOTION)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_writers_report_of_someones_words_is_not_theirs() {
        assert!(reported("汤姆强调，造船不应以成本为基础。"));
        assert!(reported("陳美齡說，近日坊間討論她的去向。"));
        assert!(reported("船厂表示，今年订单不会减少。"));
        assert!(reported("Pete建议手写每一封邮件。"));
        assert!(!reported("我认为渡口会比船厂活得久。"));
        assert!(!reported("可以说，手艺就是耐心。"));
        assert!(!reported("有人说造船是夕阳产业，我不同意。"));
        assert!(!reported("虽然说木船少了，但手艺还在。"));
    }

    #[test]
    fn small_talk_and_thanks_are_not_quotes() {
        assert!(small_talk("大家好，我是陈远，远帆船厂创始人。"));
        assert!(small_talk("谢谢主持人，我很荣幸来到这里。"));
        assert!(small_talk("好问题，我想想。"));
        assert!(small_talk("那天我们都笑了，哈哈。"));
        assert!(small_talk("多謝你請我嚟。"));
        assert!(!small_talk("我是在船厂长大的，木头的味道就是家的味道。"));
    }

    #[test]
    fn an_interviewers_words_are_not_the_guests() {
        assert!(moderation("我们来聊聊木船，毕竟这是你们的招牌。"));
        assert!(moderation("Q17. 问一个关于桐油价格的问题。"));
        assert!(moderation("问：木船还有市场吗。"));
        assert!(moderation("请您介绍一下船厂的历史。"));
        assert!(!moderation("Qwen这样的模型也能写代码。"));
        assert!(!moderation("木船的问题是慢，不是贵。"));
    }

    #[test]
    fn notes_captions_and_promotions_are_furniture() {
        assert!(furniture("（注：桐油是一种干性油。）"));
        assert!(furniture("注：桐油是一种干性油。"));
        assert!(furniture("▲ 陈远在船厂。"));
        assert!(furniture("图：远帆船厂的船台。"));
        assert!(furniture("图2.远帆船厂的船台。"));
        assert!(!furniture("图纸是造船的第一步。"));
        assert!(furniture("扫码关注远帆船厂公众号。"));
        assert!(!furniture("桐油是一种干性油，刷三遍船就不怕潮。"));
    }
}
