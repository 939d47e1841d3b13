//! The plain-text reader: one paragraph per line (the bundled interview's shape), or, when
//! the text is hard-wrapped into blank-line-separated blocks, one paragraph per block.

use super::{Block, BlockKind, Document, Span};

pub fn read(source: &str) -> Document {
    let text = source.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.lines().collect();
    let blocks = if hard_wrapped(&lines) {
        by_blocks(&lines)
    } else {
        lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| paragraph(l.trim().to_string(), i + 1))
            .collect()
    };
    Document {
        blocks,
        ..Document::default()
    }
}

fn paragraph(text: String, line: usize) -> Block {
    Block::new(BlockKind::Paragraph, vec![Span::plain(text)], line)
}

/// Hard-wrapped: blank lines separate blocks, and most lines inside multi-line blocks end
/// without closing punctuation (the wrap cut the sentence).
fn hard_wrapped(lines: &[&str]) -> bool {
    let mut inner = 0usize;
    let mut open = 0usize;
    for w in lines.windows(2) {
        let (a, b) = (w[0].trim(), w[1].trim());
        if a.is_empty() || b.is_empty() {
            continue;
        }
        inner += 1;
        if !a.ends_with(|c: char| "。！？!?…”」』）)：:".contains(c)) {
            open += 1;
        }
    }
    let blank = lines.iter().filter(|l| l.trim().is_empty()).count();
    blank >= 2 && inner >= 4 && open * 3 >= inner * 2
}

fn by_blocks(lines: &[&str]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut start = 0;
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim();
        if t.is_empty() {
            if !buf.is_empty() {
                out.push(paragraph(std::mem::take(&mut buf), start));
            }
            continue;
        }
        if buf.is_empty() {
            start = i + 1;
        } else if buf
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && t.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        {
            buf.push(' ');
        }
        buf.push_str(t);
    }
    if !buf.is_empty() {
        out.push(paragraph(buf, start));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_paragraph_per_line() {
        let d = read("标题\n\n张鹏:你好。\n李雷:好。\n");
        let t: Vec<String> = d.blocks.iter().map(|b| b.text()).collect();
        assert_eq!(t, vec!["标题", "张鹏:你好。", "李雷:好。"]);
        assert_eq!(d.blocks[2].line, 4);
    }

    #[test]
    fn hard_wrapped_blocks_join() {
        let src =
            "标题\n\n张鹏:我们今天\n聊一聊这个\n问题。\n\n李雷:好的,\n我先说\nAI and\nmodels。\n";
        let t: Vec<String> = read(src).blocks.iter().map(|b| b.text()).collect();
        assert_eq!(
            t,
            vec![
                "标题",
                "张鹏:我们今天聊一聊这个问题。",
                "李雷:好的,我先说AI and models。"
            ]
        );
    }
}
