//! Who asks and who answers. A speaker is the interviewer when its label says so (`问`, `Q`,
//! `主持人`, `记者`, an outlet in 《》 or 「」), when the byline names it as a writer or as the
//! first of `访谈:A x B`, or — failing those — when it asks: the speaker whose turns are most
//! often questions (a `？` at the end, or a wholly bold paragraph, the questions' style in
//! WeChat exports). Everyone else is a guest; a single speaker is a guest.

use crate::interview::model::Role;
use crate::interview::people::Evidence;
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
    "記者",
    "問",
    "提问",
    "观众",
    "Host",
    "host",
    "Interviewer",
    "interviewer",
    "采访者",
];
const ANSWERING: &[&str] = &[
    "答",
    "A",
    "a",
    "嘉宾",
    "嘉賓",
    "受访者",
    "受訪者",
    "被訪者",
    "被访者",
    "Guest",
    "guest",
];

/// True when `label` names a role, not a person (`问`, `答`, `Q`, `A`, `主持人`, `嘉宾`, …), or
/// numbers an anonymous voice (`说话人 1`, `SPEAKER_00`):
/// such a label says who speaks in the text but is no name to print under a quote or to
/// credit in a book.
pub fn is_role_label(label: &str) -> bool {
    let l = label.trim();
    ASKING.contains(&l) || ANSWERING.contains(&l) || super::given::is_anonymous_label(l)
}

/// The role of each speaker: the roles `known` from evidence, then — when nobody is known
/// to ask — the speaker whose turns are most often questions, and any other speaker who asks
/// in nearly every turn (a second host); everyone else is a guest. A single speaker is a guest.
pub fn assign(
    speakers: &[String],
    turns: &BTreeMap<String, Turns>,
    known: &BTreeMap<String, (Role, Evidence)>,
) -> BTreeMap<String, (Role, Evidence)> {
    let mut roles = known.clone();
    let share = |s: &String| {
        let t = turns.get(s).copied().unwrap_or_default();
        if t.count < 2 {
            0.0
        } else {
            t.asking as f64 / t.count as f64
        }
    };
    let has_asker = |r: &BTreeMap<String, (Role, Evidence)>| {
        r.values().any(|(role, _)| *role == Role::Interviewer)
    };
    if speakers.len() >= 2 && !has_asker(&roles) {
        // Who asks most, by share of turns; ties go to the first to speak.
        let asker =
            speakers
                .iter()
                .filter(|s| !roles.contains_key(*s))
                .fold(None::<&String>, |best, s| match best {
                    Some(b) if share(b) >= share(s) => Some(b),
                    _ => Some(s),
                });
        if let Some(a) = asker {
            roles.insert(a.clone(), (Role::Interviewer, Evidence::Turns));
        }
    }
    // A second interviewer: a speaker nothing marks who asks in nearly every turn
    // (`腾讯新闻潜望` beside `Q`, a co-host's questions).
    for s in speakers {
        if !roles.contains_key(s) && share(s) >= 0.75 {
            roles.insert(s.clone(), (Role::Interviewer, Evidence::Turns));
        }
    }
    for s in speakers {
        roles
            .entry(s.clone())
            .or_insert((Role::Guest, Evidence::Turns));
    }
    if speakers.len() == 1 && roles[&speakers[0]].1 != Evidence::User {
        roles.insert(speakers[0].clone(), (Role::Guest, Evidence::Turns));
    }
    roles
}

/// The role a label, the byline pair or the byline's writers state.
pub fn by_label(
    label: &str,
    writers: &[String],
    pair: Option<&(String, String)>,
) -> Option<(Role, Evidence)> {
    if let Some((ivr, ive)) = pair {
        if label == ivr {
            return Some((Role::Interviewer, Evidence::Byline));
        }
        if label == ive {
            return Some((Role::Guest, Evidence::Byline));
        }
    }
    if ASKING.contains(&label) || ['《', '「', '【'].iter().any(|c| label.starts_with(*c)) {
        return Some((Role::Interviewer, Evidence::Label));
    }
    if ANSWERING.contains(&label) {
        return Some((Role::Guest, Evidence::Label));
    }
    let key = |s: &str| s.to_lowercase().replace(' ', "");
    let l = key(label);
    writers
        .iter()
        .any(|w| {
            let w = key(w);
            w.chars().count() >= 2 && (w == l || w.contains(&l) && l.chars().count() >= 2)
        })
        .then_some((Role::Interviewer, Evidence::Byline))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(count: usize, asking: usize) -> Turns {
        Turns { count, asking }
    }

    fn stated(sp: &[String], writers: &[String]) -> BTreeMap<String, (Role, Evidence)> {
        sp.iter()
            .filter_map(|s| by_label(s, writers, None).map(|r| (s.clone(), r)))
            .collect()
    }

    #[test]
    fn role_labels_are_no_names() {
        for l in [
            "问",
            "答",
            "Q",
            "A",
            "主持人",
            "嘉宾",
            " 受访者 ",
            "問",
            "記者",
        ] {
            assert!(is_role_label(l), "{l}");
        }
        for l in ["张鹏", "Sam Altman", "《晚点》", "Ann", "问天"] {
            assert!(!is_role_label(l), "{l}");
        }
    }

    #[test]
    fn labels_and_bylines_decide_first() {
        let sp = vec!["楼天城".to_string(), "《远光灯》".to_string()];
        let r = assign(&sp, &BTreeMap::new(), &stated(&sp, &[]));
        assert_eq!(r["《远光灯》"].0, Role::Interviewer);
        assert_eq!(r["楼天城"].0, Role::Guest);
        let sp = vec!["答".to_string(), "问".to_string()];
        let r = assign(&sp, &BTreeMap::new(), &stated(&sp, &[]));
        assert_eq!(r["问"], (Role::Interviewer, Evidence::Label));
        let sp = vec!["Ben".to_string(), "Nat".to_string()];
        let r = assign(
            &sp,
            &BTreeMap::new(),
            &stated(&sp, &["Ben Thompson".to_string()]),
        );
        assert_eq!((r["Ben"].0, r["Nat"].0), (Role::Interviewer, Role::Guest));
        assert_eq!(r["Ben"].1, Evidence::Byline);
    }

    #[test]
    fn otherwise_the_ones_who_ask() {
        let sp: Vec<String> = ["张涛", "Lily", "Jenny"].map(String::from).to_vec();
        let turns = BTreeMap::from([
            ("张涛".to_string(), t(34, 2)),
            ("Lily".to_string(), t(31, 27)),
            ("Jenny".to_string(), t(15, 1)),
        ]);
        let r = assign(&sp, &turns, &BTreeMap::new());
        assert_eq!(r["Lily"], (Role::Interviewer, Evidence::Turns));
        assert_eq!((r["张涛"].0, r["Jenny"].0), (Role::Guest, Role::Guest));
        // Two hosts who both ask in nearly every turn, a guest who answers.
        let sp: Vec<String> = ["Mia", "Sam", "Joe"].map(String::from).to_vec();
        let turns2 = BTreeMap::from([
            ("Mia".to_string(), t(20, 19)),
            ("Sam".to_string(), t(40, 2)),
            ("Joe".to_string(), t(6, 5)),
        ]);
        let r = assign(&sp, &turns2, &BTreeMap::new());
        assert_eq!(
            (r["Mia"].0, r["Joe"].0, r["Sam"].0),
            (Role::Interviewer, Role::Interviewer, Role::Guest)
        );
        let one = vec!["马斯克".to_string()];
        assert_eq!(
            assign(&one, &turns, &BTreeMap::new())["马斯克"].0,
            Role::Guest
        );
    }
}
