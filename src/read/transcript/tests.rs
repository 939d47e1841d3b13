//! Tests of cue merging and paragraphs, and of the three transcript syntaxes' edge cases.

use super::*;
use crate::read::{Format, read};

fn cue(speaker: Option<&str>, start: u64, end: u64, text: &str) -> Cue {
    Cue {
        speaker: speaker.map(str::to_string),
        start: Some(Timecode(start)),
        end: Some(Timecode(end)),
        text: text.into(),
        line: 1,
        paragraph: false,
    }
}

fn said(blocks: &[Block]) -> Vec<(Option<&str>, String)> {
    blocks
        .iter()
        .map(|b| (b.speaker.as_deref(), b.text()))
        .collect()
}

#[test]
fn cues_of_one_speaker_merge_and_pauses_split_paragraphs() {
    let blocks = paragraphs(vec![
        cue(Some("张三"), 0, 1000, "我们今天"),
        cue(None, 1100, 2000, "聊聊 AI"),
        cue(None, 2100, 3000, "and models。"),
        cue(None, 6500, 7000, "停了一下。"),
        cue(Some("李四"), 7100, 8000, "好的。"),
        cue(Some("李四"), 8100, 9000, "继续。"),
    ]);
    assert_eq!(
        said(&blocks),
        vec![
            (Some("张三"), "我们今天聊聊 AI and models。".to_string()),
            (Some("张三"), "停了一下。".to_string()),
            (Some("李四"), "好的。继续。".to_string()),
        ]
    );
    assert_eq!(blocks[1].time, Some(Timecode(6500)));
}

#[test]
fn no_speaker_anywhere_is_one_anonymous_voice() {
    let blocks = paragraphs(vec![
        cue(None, 0, 1000, "一。"),
        cue(None, 5000, 6000, "二。"),
    ]);
    assert_eq!(
        said(&blocks),
        vec![
            (Some(SOLE_SPEAKER), "一。".to_string()),
            (Some(SOLE_SPEAKER), "二。".to_string())
        ]
    );
}

#[test]
fn a_very_long_turn_breaks_at_sentence_ends() {
    let sentence = "这是一句不短也不长的话，用来把段落撑长。";
    let cues: Vec<Cue> = (0..40)
        .map(|k| cue(Some("张三"), k * 1000, k * 1000 + 900, sentence))
        .collect();
    let blocks = paragraphs(cues);
    assert!(blocks.len() >= 3, "{}", blocks.len());
    for b in &blocks {
        let n = b.text().chars().count();
        assert!(n <= LONG_PARAGRAPH + 20 && b.text().ends_with('。'), "{n}");
    }
    let whole: String = blocks.iter().map(Block::text).collect();
    assert_eq!(whole, sentence.repeat(40));
    // One line of words far over the limit is cut too.
    let long = paragraphs(vec![cue(Some("张三"), 0, 1, &sentence.repeat(40))]);
    assert!(long.len() >= 3);
    assert_eq!(
        long.iter().map(Block::text).collect::<String>(),
        sentence.repeat(40)
    );
    assert!(long[0].time.is_some() && long[1].time.is_none());
}

#[test]
fn joining_spaces_only_between_latin_words() {
    let mut t = String::from("我说 ");
    join(&mut t, " 好的");
    join(&mut t, "OK");
    join(&mut t, "fine。");
    join(&mut t, "“对”");
    assert_eq!(t, "我说好的OK fine。“对”");
}

#[test]
fn a_one_off_prefix_is_words_a_recurring_one_a_speaker() {
    let src = "1\n00:00:01,000 --> 00:00:02,000\n我说：好吧。\n\n2\n00:00:02,500 --> 00:00:03,000\n张三：你好。\n\n3\n00:00:03,500 --> 00:00:04,000\n李四：你好。\n\n4\n00:00:04,500 --> 00:00:05,000\n张三：再见。\n\n5\n00:00:05,500 --> 00:00:06,000\n李四：再见。\n";
    let doc = read(src, Format::Srt).unwrap();
    let got: Vec<_> = doc
        .blocks
        .iter()
        .map(|b| (b.speaker.clone(), b.text()))
        .collect();
    assert_eq!(got[0], (None, "我说：好吧。".to_string()));
    assert_eq!(got[1], (Some("张三".to_string()), "你好。".to_string()));
    assert_eq!(got.len(), 5);
}

#[test]
fn webvtt_voices_notes_and_styling() {
    let src = "WEBVTT\n\nNOTE 这一段\n是注释\n\nSTYLE\n::cue { color: red }\n\nc1\n00:01.000 --> 00:02.000 align:start\n<v.loud Lex Fridman><b>Hello</b> &amp; welcome</v>\n\n00:02.100 --> 00:03.000\n<v 张三>大家<00:02.500>好。\n";
    let doc = read(src, Format::Vtt).unwrap();
    assert_eq!(doc.title, None);
    let got: Vec<_> = doc
        .blocks
        .iter()
        .map(|b| (b.speaker.clone().unwrap(), b.text()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Lex Fridman".to_string(), "Hello & welcome".to_string()),
            ("张三".to_string(), "大家好。".to_string())
        ]
    );
    let err = read("00:01.000 --> 00:02.000\n好\n", Format::Vtt).unwrap_err();
    assert!(err.to_string().contains("WEBVTT"), "{err}");
}

#[test]
fn export_shapes_of_speaker_lines() {
    use blocks::speaker_line;
    let t = |s: &str| speaker_line(s).map(|(n, t, r)| (n, t.to_string(), r.to_string()));
    assert_eq!(
        t("说话人 1  00:00:05"),
        Some(("说话人 1".into(), "00:00:05".into(), "".into()))
    );
    assert_eq!(
        t("张三 01:02"),
        Some(("张三".into(), "00:01:02".into(), "".into()))
    );
    assert_eq!(
        t("发言人2(00:01:02)：好的"),
        Some(("发言人2".into(), "00:01:02".into(), "好的".into()))
    );
    assert_eq!(
        t("Speaker 2 1:02:03"),
        Some(("Speaker 2".into(), "01:02:03".into(), "".into()))
    );
    // Words that mention a time are no speaker line.
    assert_eq!(t("我们在12:30开会"), None);
    assert_eq!(t("我们约好，下午 3:00"), None);
    assert_eq!(t("00:00:05"), None);
}

#[test]
fn a_transcript_export_keeps_its_head_and_merges_a_speakers_blocks() {
    let src = "访谈录音\n2024年1月1日\n关键词:\n录音、降噪\n文字记录：\n\n张三 00:00\n你好。\n\n张三 00:05\n我再说一句。\n\n李四 00:09\n好。\n";
    let doc = read(src, Format::Transcript).unwrap();
    assert_eq!(doc.blocks[0].kind, BlockKind::Heading(1));
    assert_eq!(doc.blocks[1].speaker, None);
    assert_eq!(doc.blocks[1].text(), "2024年1月1日");
    let turns: Vec<_> = doc.blocks[2..]
        .iter()
        .map(|b| (b.speaker.clone().unwrap(), b.time.unwrap().to_string()))
        .collect();
    assert_eq!(
        turns,
        vec![
            ("张三".to_string(), "00:00:00".to_string()),
            ("张三".to_string(), "00:00:05".to_string()),
            ("李四".to_string(), "00:00:09".to_string())
        ]
    );
    // A name on one speaker line only is words that end with a time.
    let src = "张三 00:00\n你好。\n会议开始于 12:30\n李四 00:09\n好。\n张三 00:12\n嗯。\n李四 00:15\n好。\n";
    let doc = read(src, Format::Transcript).unwrap();
    assert_eq!(doc.blocks[0].text(), "你好。");
    assert_eq!(doc.blocks[1].text(), "会议开始于 12:30");
    assert_eq!(doc.blocks[1].speaker.as_deref(), Some("张三"));
    let err = read("只是一段话。\n又一段。\n", Format::Transcript).unwrap_err();
    assert!(err.to_string().contains("no speaker line"), "{err}");
}

proptest::proptest! {
    /// Any text in a transcript's alphabet is read or refused with an error, never a panic;
    /// a document read keeps every block's text non-empty.
    #[test]
    fn any_text_is_read_or_refused(src in "(WEBVTT\n|1\n|说话人 1  00:00:0[0-9]\n|00:0[0-9]:0[0-9][,.][0-9]{1,3} --> 00:0[0-9]:0[0-9],[0-9]{3}\n|<v 张三>|张三：|[a-z 你好。]{0,8}\n|\n){0,24}") {
        for format in [Format::Srt, Format::Vtt, Format::Transcript] {
            if let Ok(doc) = read(&src, format) {
                proptest::prop_assert!(doc.blocks.iter().all(|b| !b.text().trim().is_empty()));
            }
        }
    }
}
