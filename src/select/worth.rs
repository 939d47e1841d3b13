//! What makes a line that stands alone worth a card: a claim or judgement, a contrast, a
//! definition, an image, a memorable number, and a length a card holds well. Each quality
//! is a named cue list with a small weight set by hand (logit units, added to the learned
//! ranker's score and shown by `--explain` as `worth`): the learned ranker knows what
//! editors bold, not what stands on a card.

use super::ids::count_chars;

/// One quality of a quotable line: any cue present earns the weight.
struct Quality {
    cues: &'static str,
    weight: f64,
}

/// A contrast: two ideas set against each other (`不是…而是`, `与其…不如`, `越…越`).
const CONTRAST: Quality = Quality {
    cues: "而是 而不是 与其 與其 不如 反而 并不是 並不是 不在于 不在於 比起 却 \
    卻",
    weight: 0.35,
};
/// A definition or a judgement of what matters (`本质是`, `关键在于`, `才是`).
const JUDGEMENT: Quality = Quality {
    cues: "本质 本質 关键 關鍵 核心 最重要 意味着 意味著 所谓 所謂 才是 就是 \
    一定 必须 必須 永远 永遠 从来 從來 真正 唯一 取决于 取決於 决定了 \
    決定了",
    weight: 0.3,
};
/// An image: a simile or metaphor (`像…一样`, `好比`).
const IMAGE: Quality = Quality {
    cues: "就像 像一 像个 像個 像是 好比 如同 仿佛 彷彿 犹如 猶如 比喻",
    weight: 0.25,
};
/// A plain account of events (`当时我们…`, `那年…`): a fact with no point.
const ACCOUNT: Quality = Quality {
    cues: "当时 當時 那年 去年 前几天 前幾天 上周 上週 昨天",
    weight: -0.3,
};
/// Weight of a memorable number (a digit, or a 越…越 scale of one).
const NUMBER: f64 = 0.1;
/// Card lengths that read at a glance (characters), and the weight of being one.
const CARD_LENGTH: std::ops::RangeInclusive<usize> = 12..=45;
const FITS: f64 = 0.2;

/// How much `text` is worth a card beyond the learned score (rounded to 0.001).
pub fn worth(text: &str) -> f64 {
    let mut total = 0.0;
    for q in [&CONTRAST, &JUDGEMENT, &IMAGE, &ACCOUNT] {
        if super::standalone::any_in(text, q.cues) {
            total += q.weight;
        }
    }
    let scale = text
        .find('越')
        .is_some_and(|i| text[i + '越'.len_utf8()..].contains('越'));
    if scale || text.chars().any(|c| c.is_ascii_digit()) {
        total += NUMBER;
    }
    if CARD_LENGTH.contains(&count_chars(text)) {
        total += FITS;
    }
    (total * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_contrasts_and_images_are_worth_more_than_accounts() {
        let account = worth("当时我们在镇上开了一家小船厂，生意还可以。");
        assert!(worth("好的船不是造出来的，而是修出来的。") > account);
        assert!(worth("造船的本质是和水讲道理。") > account);
        assert!(worth("造一条船就像跑一场马拉松。") > account);
        assert!(worth("船造得越慢，用得越久。") > worth("船造得慢，用得久。"));
        assert!(account < worth("镇上开了一家小船厂，生意还可以。"));
    }

    #[test]
    fn a_line_a_card_holds_well_is_worth_more() {
        let long = "造船".repeat(30) + "。";
        assert!(worth("造船是一门慢手艺，急不得。") > worth(&long));
    }
}
