//! Does a line stand alone on a card? The hard filters of automatic selection, each a small
//! named [`Rule`] stating one property a card line must have (a complete thought, the guest's
//! own words): text rules judge a candidate passage of one or two sentences; paragraph rules
//! ([`paragraphs`]) rule out whole paragraphs that are not a guest's answer whatever the
//! structure says. They apply to automatic picks only, never to a user's curated quotes;
//! `--explain` names the rules a pick passed and counts what each rejected.

mod endings;
mod openers;
pub mod paragraphs;
mod talk;
mod within;

/// One property a card line must have: `fails` is true when the text lacks it.
pub struct Rule {
    /// The rule's name, as `--explain` shows it.
    pub name: &'static str,
    pub fails: fn(&str) -> bool,
}

/// The text rules, in the order they are tried (the first that fails is the reason given;
/// those of [`YIELD_TO_EMPHASIS`] last).
pub const RULES: &[Rule] = &[
    Rule {
        name: "question",
        fails: endings::question,
    },
    Rule {
        name: "lead-in",
        fails: endings::lead_in,
    },
    Rule {
        name: "hedge",
        fails: endings::hedge,
    },
    Rule {
        name: "unfinished",
        fails: endings::unfinished,
    },
    Rule {
        name: "fragment",
        fails: endings::fragment,
    },
    Rule {
        name: "reply",
        fails: openers::reply,
    },
    Rule {
        name: "connective",
        fails: openers::connective,
    },
    Rule {
        name: "reference",
        fails: openers::reference,
    },
    Rule {
        name: "list-item",
        fails: within::list_item,
    },
    Rule {
        name: "small-talk",
        fails: talk::small_talk,
    },
    Rule {
        name: "interviewer",
        fails: talk::moderation,
    },
    Rule {
        name: "furniture",
        fails: talk::furniture,
    },
    Rule {
        name: "reported",
        fails: talk::reported,
    },
    Rule {
        name: "leans-on-talk",
        fails: openers::leans_on_talk,
    },
    Rule {
        name: "demonstrative",
        fails: within::demonstrative,
    },
    Rule {
        name: "dated",
        fails: within::dated,
    },
    Rule {
        name: "also",
        fails: openers::also,
    },
    Rule {
        name: "past",
        fails: within::past,
    },
];

/// The rules an editor's bold overrides (last in [`RULES`], so a line failing only them
/// passed every other): a line the editor bolded that leans on the talk around it, holds a
/// demonstrative or a date, says "too" of its subject or stays in the past may be read with what the editor set around it, so it stays a candidate, ranked below the bold
/// lines that pass (the labels: such lines are seldom publishable alone, yet editors bold
/// them); a line no editor marked is rejected.
pub const YIELD_TO_EMPHASIS: &[&str] = &["leans-on-talk", "demonstrative", "dated", "also", "past"];

/// The name of the first rule `text` fails, or `None` when it stands alone.
pub fn rejects(text: &str) -> Option<&'static str> {
    RULES.iter().find(|r| (r.fails)(text)).map(|r| r.name)
}

/// The names of every rule, text and paragraph alike (what an automatic pick passed).
pub fn all_names() -> impl Iterator<Item = &'static str> {
    paragraphs::NAMES
        .iter()
        .copied()
        .chain(RULES.iter().map(|r| r.name))
}

/// Closing marks that may follow a sentence's end (`。”`).
const CLOSERS: &[char] = &['”', '’', '）', ')', '」', '』', '》', '"', '\''];

/// `text` trimmed of spaces and of any closing marks at its end.
fn body(text: &str) -> &str {
    text.trim().trim_end_matches(CLOSERS).trim_end()
}

/// `text` trimmed of spaces and of opening quotation marks at its start.
fn opening(text: &str) -> &str {
    text.trim_start()
        .trim_start_matches(['“', '「', '『', '"', '‘', '（', '('])
        .trim_start()
}

/// Marks that end a clause.
const CLAUSE_ENDS: &[char] = &[
    '，', ',', '。', '！', '!', '？', '?', '；', ';', '：', ':', '…', '、',
];

/// The first clause of `text`: up to its first comma, colon or sentence end.
fn first_clause(text: &str) -> &str {
    let t = opening(text);
    t.find(CLAUSE_ENDS).map_or(t, |i| &t[..i]).trim()
}

/// The words of a word list (words separated by single ASCII spaces: the lists stay
/// compact, and splitting on one byte is cheap enough to do per candidate).
pub(crate) fn words(list: &str) -> impl Iterator<Item = &str> {
    list.split(' ').filter(|w| !w.is_empty())
}

/// True when `word` is one of `list`'s words.
fn listed(list: &str, word: &str) -> bool {
    words(list).any(|w| w == word)
}

/// True when `text` holds any of `list`'s words.
pub(crate) fn any_in(text: &str, list: &str) -> bool {
    words(list).any(|w| text.contains(w))
}

/// True when `text` starts with any of `list`'s words.
pub(crate) fn starts_any(text: &str, list: &str) -> bool {
    words(list).any(|w| text.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_complete_claim_passes_every_rule() {
        assert_eq!(rejects("手艺这东西，心诚比手巧更重要。"), None);
        assert_eq!(rejects("好的产品是改出来的，不是想出来的。"), None);
        assert_eq!(rejects("我认为渡口会比船厂活得久。"), None);
    }

    #[test]
    fn the_first_failing_rule_is_the_reason() {
        assert_eq!(rejects("但是渡口会比船厂活得久吗？"), Some("question"));
        assert_eq!(rejects("但是渡口会比船厂活得久。"), Some("connective"));
        let names: Vec<&str> = all_names().collect();
        assert!(names.contains(&"reference") && names.contains(&"question-paragraph"));
        // A line failing only a rule the editor's bold overrides passed every other.
        let first_yielding = RULES
            .iter()
            .position(|r| YIELD_TO_EMPHASIS.contains(&r.name));
        assert!(first_yielding.is_some_and(|i| {
            RULES[i..]
                .iter()
                .all(|r| YIELD_TO_EMPHASIS.contains(&r.name))
        }));
        assert_eq!(rejects("我不相信这种观点。"), Some("demonstrative"));
    }

    #[test]
    fn clauses_and_openings() {
        assert_eq!(first_clause("“我觉得，这个不行。"), "我觉得");
        assert_eq!(first_clause("一句话"), "一句话");
        assert_eq!(body("说完了。”"), "说完了。");
    }
}
