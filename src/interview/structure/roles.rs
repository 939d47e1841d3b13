//! Who asks and who answers. A speaker is the interviewer when its label says so (`问`, `Q`,
//! `主持人`, `记者`, an outlet in 《》 or 「」), when the byline names it as a writer or as the
//! first of `访谈:A x B`, or — failing those — when it asks: the speaker whose turns are most
//! often questions (a `？` at the end, or a wholly bold paragraph, the questions' style in
//! WeChat exports). Everyone else is a guest; a single speaker is a guest.

use crate::interview::model::Role;
use std::collections::BTreeMap;

/// What a speaker's turns look like.
#[derive(Debug, Default, Clone, Copy)]
pub struct Turns {
    pub count: usize,
    /// Turns that end in a question mark or are wholly bold.
    pub asking: usize,
}

const ASKING: &[&str] = &[
    "问",
    "Q",
    "q",
    "主持人",
    "主持",
    "记者",
    "提问",
    "观众",
    "Host",
    "host",
    "Interviewer",
    "interviewer",
    "采访者",
];
const ANSWERING: &[&str] = &["答", "A", "a", "嘉宾", "受访者", "Guest", "guest"];

/// True when `label` names a role, not a person (`问`, `答`, `Q`, `A`, `主持人`, `嘉宾`, …), or
/// numbers an anonymous voice (`说话人 1`, `SPEAKER_00`):
/// such a label says who speaks in the text but is no name to print under a quote or to
/// credit in a book.
pub fn is_role_label(label: &str) -> bool {
    let l = label.trim();
    ASKING.contains(&l) || ANSWERING.contains(&l) || super::given::is_anonymous_label(l)
}

/// The role of each speaker.
pub fn assign(
    speakers: &[String],
    turns: &BTreeMap<String, Turns>,
    writers: &[String],
    pair: Option<&(String, String)>,
) -> BTreeMap<String, Role> {
    let mut roles = BTreeMap::new();
    let said: Vec<Option<Role>> = speakers
        .iter()
        .map(|s| by_label(s, writers, pair))
        .collect();
    for (s, r) in speakers.iter().zip(&said) {
        if let Some(r) = r {
            roles.insert(s.clone(), *r);
        }
    }
    let share = |s: &String| {
        let t = turns.get(s).copied().unwrap_or_default();
        if t.count < 2 {
            0.0
        } else {
            t.asking as f64 / t.count as f64
        }
    };
    // A second interviewer: a speaker nothing marks who asks in nearly every turn
    // (`腾讯新闻潜望` beside `Q`).
    if said.contains(&Some(Role::Interviewer)) {
        for (s, r) in speakers.iter().zip(&said) {
            if r.is_none() && share(s) >= 0.75 {
                roles.insert(s.clone(), Role::Interviewer);
            }
        }
    }
    if speakers.len() >= 2 && !said.contains(&Some(Role::Interviewer)) {
        // Who asks most, by share of turns; ties go to the first to speak.
        let asker = speakers
            .iter()
            .filter(|s| roles.get(*s) != Some(&Role::Guest))
            .fold(None::<&String>, |best, s| match best {
                Some(b) if share(b) >= share(s) => Some(b),
                _ => Some(s),
            });
        if let Some(a) = asker {
            roles.insert(a.clone(), Role::Interviewer);
        }
    }
    for s in speakers {
        roles.entry(s.clone()).or_insert(Role::Guest);
    }
    roles
}

fn by_label(label: &str, writers: &[String], pair: Option<&(String, String)>) -> Option<Role> {
    if let Some((ivr, ive)) = pair {
        if label == ivr {
            return Some(Role::Interviewer);
        }
        if label == ive {
            return Some(Role::Guest);
        }
    }
    if ASKING.contains(&label) || ['《', '「', '【'].iter().any(|c| label.starts_with(*c)) {
        return Some(Role::Interviewer);
    }
    if ANSWERING.contains(&label) {
        return Some(Role::Guest);
    }
    let key = |s: &str| s.to_lowercase().replace(' ', "");
    let l = key(label);
    writers
        .iter()
        .any(|w| {
            let w = key(w);
            w.chars().count() >= 2 && (w == l || w.contains(&l) && l.chars().count() >= 2)
        })
        .then_some(Role::Interviewer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(count: usize, asking: usize) -> Turns {
        Turns { count, asking }
    }

    #[test]
    fn role_labels_are_no_names() {
        for l in ["问", "答", "Q", "A", "主持人", "嘉宾", " 受访者 "] {
            assert!(is_role_label(l), "{l}");
        }
        for l in ["张鹏", "Sam Altman", "《晚点》", "Ann", "问天"] {
            assert!(!is_role_label(l), "{l}");
        }
    }

    #[test]
    fn labels_and_bylines_decide_first() {
        let sp = vec!["楼天城".to_string(), "《远光灯》".to_string()];
        let r = assign(&sp, &BTreeMap::new(), &[], None);
        assert_eq!(r["《远光灯》"], Role::Interviewer);
        assert_eq!(r["楼天城"], Role::Guest);
        let sp = vec!["答".to_string(), "问".to_string()];
        assert_eq!(
            assign(&sp, &BTreeMap::new(), &[], None)["问"],
            Role::Interviewer
        );
        let sp = vec!["Ben".to_string(), "Nat".to_string()];
        let r = assign(&sp, &BTreeMap::new(), &["Ben Thompson".to_string()], None);
        assert_eq!((r["Ben"], r["Nat"]), (Role::Interviewer, Role::Guest));
    }

    #[test]
    fn otherwise_the_one_who_asks() {
        let sp: Vec<String> = ["张涛", "Lily", "Jenny"].map(String::from).to_vec();
        let turns = BTreeMap::from([
            ("张涛".to_string(), t(34, 2)),
            ("Lily".to_string(), t(31, 27)),
            ("Jenny".to_string(), t(15, 1)),
        ]);
        let r = assign(&sp, &turns, &[], None);
        assert_eq!(r["Lily"], Role::Interviewer);
        assert_eq!((r["张涛"], r["Jenny"]), (Role::Guest, Role::Guest));
        let sp: Vec<String> = ["Q", "腾讯新闻潜望", "A"].map(String::from).to_vec();
        let turns2 = BTreeMap::from([
            ("Q".to_string(), t(2, 2)),
            ("腾讯新闻潜望".to_string(), t(3, 3)),
            ("A".to_string(), t(5, 0)),
        ]);
        let r = assign(&sp, &turns2, &[], None);
        assert_eq!(
            (r["Q"], r["腾讯新闻潜望"], r["A"]),
            (Role::Interviewer, Role::Interviewer, Role::Guest)
        );
        let one = vec!["马斯克".to_string()];
        assert_eq!(assign(&one, &turns, &[], None)["马斯克"], Role::Guest);
    }
}
