//! Meta labels: label-shaped paragraph openings that are the page's furniture or the
//! writer's (`注：`, `编者按：`, `题图来源：`, `时间：`, `作者：`…), never a speaker.

/// Labels that are the page's furniture or the writer's, never a speaker.
pub fn is_meta(name: &str) -> bool {
    const EXACT: &[&str] = &[
        "注",
        "按",
        "编者按",
        "编者注",
        "编注",
        "译注",
        "备注",
        "附",
        "附录",
        "参考",
        "参考资料",
        "来源",
        "图",
        "图片",
        "图注",
        "题图",
        "头图",
        "封面",
        "配图",
        "作者",
        "文",
        "撰文",
        "文字",
        "编辑",
        "责编",
        "责任编辑",
        "主编",
        "整理",
        "出品",
        "策划",
        "监制",
        "统筹",
        "排版",
        "校对",
        "审校",
        "翻译",
        "编译",
        "译者",
        "摄影",
        "视觉",
        "设计",
        "运营",
        "制作",
        "采访",
        "访谈",
        "对话",
        "时间",
        "日期",
        "地点",
        "原文",
        "原文链接",
        "链接",
        "地址",
        "网址",
        "微信",
        "微信号",
        "公众号",
        "声明",
        "免责声明",
        "提示",
        "特别提示",
        "PS",
        "ps",
        "P.S",
        "比如",
        "例如",
        "其一",
        "其二",
        "第一",
        "第二",
        "第三",
        "首先",
        "其次",
        "最后",
        "总结",
        "结论",
        "答案",
        "问题",
        "原因",
        "注意",
        "重点",
        "关键",
        "核心",
        "观点",
        "背景",
        "简介",
        "摘要",
        "导语",
        "划重点",
        "要点",
        "另外",
        "同时",
        "所以",
        "因此",
        "但是",
        "不过",
        "比如说",
        "举个例子",
        "一",
        "二",
        "三",
        "上图",
        "下图",
        "左图",
        "右图",
        "转载",
        "投稿",
        "商务合作",
    ];
    let n = name.trim_start_matches(['丨', '|', '｜', '*']).trim();
    EXACT.contains(&n)
        || n.ends_with('注')
        || n.ends_with("按")
        || [
            "说", "道", "表示", "回答", "回应", "认为", "提到", "指出", "写道", "称",
        ]
        .iter()
        .any(|v| n.ends_with(v) && n.chars().count() > v.chars().count())
        || [
            "来源",
            "链接",
            "日期",
            "时间",
            "原创",
            "公众号",
            "微信",
            "转载",
            "编辑",
            "作者",
        ]
        .iter()
        .any(|w| n.contains(w))
        || n.starts_with('图')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_labels_are_not_speakers() {
        for name in [
            "注",
            "范阳注",
            "编者按",
            "题图来源",
            "时间",
            "作者",
            "转载原创文章请添加微信",
        ] {
            assert!(is_meta(name), "{name}");
        }
        for name in ["张鹏", "问", "答", "Q", "主持人", "《晚点》", "Sam Altman"] {
            assert!(!is_meta(name), "{name}");
        }
    }
}
