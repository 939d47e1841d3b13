//! The people pass: each speaker's role and the name a card prints, from evidence, strongest
//! first — the user's overrides, the article's legends and cast lists, the label itself, the
//! byline, the intro, the title — and only then from how a speaker talks. Every guess is
//! reported as a doubt with the flag that corrects it.

use super::cast::{Cast, Entry};
use super::roles::{self, Turns};
use crate::interview::model::Role;
use crate::interview::people::{Doubt, Evidence, Overrides, Person};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// What the people pass reads.
pub struct Facts<'a> {
    pub speakers: &'a [String],
    pub aliases: &'a BTreeMap<String, String>,
    pub turns: &'a BTreeMap<String, Turns>,
    pub writers: &'a [String],
    pub pair: Option<&'a (String, String)>,
    pub cast: &'a Cast,
    pub title: &'a str,
    /// The front's texts (title, summary, intro) where full names are introduced.
    pub front_text: &'a str,
    pub overrides: &'a Overrides,
}

/// The people of the interview, in the order of `speakers`, and the doubts.
pub fn resolve(ev: &Facts) -> (Vec<Person>, Vec<Doubt>) {
    let mut doubts = Vec::new();
    let fold = |l: &str| ev.aliases.get(l).cloned().unwrap_or_else(|| l.to_string());
    // Cast entries by the speaker they name.
    let mut cast_of: BTreeMap<String, &Entry> = BTreeMap::new();
    for e in &ev.cast.entries {
        if let Some(label) = speaker_for(e, ev.speakers, ev.aliases) {
            cast_of.entry(fold(&label)).or_insert(e);
        }
    }
    // Roles: stated first, then how each speaker talks.
    let mut known: BTreeMap<String, (Role, Evidence)> = BTreeMap::new();
    let title_people = title_names(ev.title, ev.front_text);
    for s in ev.speakers {
        let cast_name = cast_of.get(s).map(|e| e.name.as_str()).unwrap_or("");
        let stated = ev
            .overrides
            .role(s, ev.overrides.name(s).unwrap_or(cast_name))
            .map(|r| (r, Evidence::User))
            .or_else(|| cast_of.get(s).and_then(|e| e.role.map(|r| (r, e.from))))
            .or_else(|| roles::by_label(s, ev.writers, ev.pair));
        if let Some(r) = stated {
            known.insert(s.clone(), r);
        }
    }
    let roles = roles::assign(ev.speakers, ev.turns, &known);
    // Names.
    let guests: Vec<&String> = ev
        .speakers
        .iter()
        .filter(|s| roles.get(*s).is_some_and(|r| r.0 == Role::Guest))
        .collect();
    let mut people = Vec::new();
    for s in ev.speakers {
        let (role, role_from) = roles
            .get(s)
            .copied()
            .unwrap_or((Role::Guest, Evidence::Turns));
        let (name, name_from) = if let Some(n) = ev.overrides.name(s) {
            (n.to_string(), Evidence::User)
        } else if let Some(e) = cast_of
            .get(s)
            .filter(|e| e.name != *s && !e.name.is_empty())
        {
            (e.name.clone(), Evidence::Cast)
        } else if let Some(full) = latin_full_name(s, ev.front_text) {
            (full, Evidence::Intro)
        } else if let Some(n) = title_guest(s, role, &guests, &title_people, ev.speakers) {
            (n, Evidence::Title)
        } else if roles::is_role_label(s) {
            (String::new(), Evidence::Label)
        } else {
            (s.clone(), Evidence::Label)
        };
        if name_from == Evidence::Title {
            doubts.push(Doubt {
                what: format!("`{s}` is taken to be {name}, the person the title names"),
                fix: format!("--name '{s}=FULL NAME'"),
            });
        }
        people.push(Person {
            label: s.clone(),
            name,
            affiliation: cast_of.get(s).and_then(|e| e.affiliation.clone()),
            role,
            name_from,
            role_from,
        });
    }
    describe_from_intro(&mut people, ev.front_text);
    doubts.extend(role_doubts(&people, ev.turns));
    (people, doubts)
}

/// The people no cast list describes, described by what the intro plainly says they are
/// (`本期嘉宾是某实验室研究员李四`, `introduced`).
fn describe_from_intro(people: &mut [Person], front: &str) {
    let names: Vec<String> = people.iter().map(|p| p.print_name().to_string()).collect();
    for (i, p) in people.iter_mut().enumerate() {
        if p.affiliation.is_some() {
            continue;
        }
        let others: Vec<&str> = (names.iter().enumerate())
            .filter(|&(j, n)| j != i && *n != names[i])
            .map(|(_, n)| n.as_str())
            .collect();
        p.affiliation = super::introduced::affiliation(&names[i], &others, front);
    }
}

/// The speaker a cast entry names: its abbreviation, its name as a label, or a label the name
/// holds (`Aman` in `Aman Sanger`, `陳` in `陳美齡` only through an abbreviation).
fn speaker_for(
    e: &Entry,
    speakers: &[String],
    aliases: &BTreeMap<String, String>,
) -> Option<String> {
    let known = |l: &str| speakers.iter().any(|s| s == l) || aliases.contains_key(l);
    if let Some(a) = e.abbr.as_deref().filter(|a| known(a)) {
        return Some(a.to_string());
    }
    if known(&e.name) {
        return Some(e.name.clone());
    }
    let words: Vec<&str> = e.name.split_whitespace().collect();
    let hits: Vec<&String> = speakers
        .iter()
        .filter(|s| s.is_ascii() && words.len() > 1 && words.contains(&s.as_str()))
        .collect();
    (hits.len() == 1).then(|| hits[0].clone())
}

static LATIN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([A-Z][a-z]+(?:[- ][A-Z][a-z]+){1,2})\b").expect("static regex")
});

/// A Latin first name (`Aman`) stands for the full name the front introduces (`Aman Sanger`)
/// when exactly one such name begins with it.
fn latin_full_name(label: &str, front: &str) -> Option<String> {
    if label.contains(' ') || !label.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut found: Vec<String> = LATIN_NAME
        .find_iter(front)
        .map(|m| m.as_str().to_string())
        .filter(|n| {
            n.split([' ', '-'])
                .next()
                .is_some_and(|first| first == label)
        })
        .collect();
    found.sort();
    found.dedup();
    (found.len() == 1).then(|| found.remove(0))
}

pub(super) static TITLE_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:对话|對話|专访|專訪|访谈|訪談)\s*([^：:，,｜|丨！!？?「」“”《》—]{2,30})")
        .expect("static regex")
});

/// Common single-character surnames (Simplified and Traditional), used to find where a
/// person's name begins in `对话腾讯汤道生`.
const SURNAMES: &str = "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林高罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾萧蕭田董潘袁蔡蒋蔣余于杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛阎閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺傅";

/// The person a phrase ends with: trailing Latin words (`CEO Ann Lee` → `Ann Lee`, two or
/// more capitalised words), else the Han name after the outlet or title before it
/// (`腾讯汤道生` → `汤道生`): a 2–3 character tail opening with a common surname, the one the
/// front repeats when it does.
pub fn person_in(phrase: &str, front: &str) -> Option<String> {
    let latin = |w: &&str| {
        w.chars()
            .all(|c| c.is_ascii_alphabetic() || c == '.' || c == '-')
    };
    let last = phrase.split_whitespace().last()?;
    if latin(&last) {
        let words: Vec<&str> = phrase.split_whitespace().rev().take_while(latin).collect();
        let names = words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()) && w.to_uppercase() != **w);
        return (words.len() >= 2 && names)
            .then(|| words.into_iter().rev().collect::<Vec<_>>().join(" "));
    }
    let cand: Vec<char> = last.chars().collect();
    if !cand.iter().all(|c| crate::interview::clean::is_han(*c)) {
        return None;
    }
    let n = cand.len();
    let tails: Vec<String> = [3, 2]
        .into_iter()
        .filter(|&k| k <= n)
        .map(|k| cand[n - k..].iter().collect::<String>())
        .filter(|t| t.chars().next().is_some_and(|f| SURNAMES.contains(f)))
        .collect();
    tails
        .iter()
        .find(|t| front.matches(t.as_str()).count() >= 2)
        .or(tails.first())
        .cloned()
}

/// The people a title names as the one talked to: `对话周鸿祎：…`, `对话腾讯汤道生：…`,
/// `对话澜码科技 CEO 周健：…`.
pub fn title_names(title: &str, front: &str) -> Vec<String> {
    TITLE_PERSON
        .captures_iter(title)
        .filter_map(|c| person_in(&c[1], front))
        .collect()
}

/// The only guest takes the person the title names when its label is a role label or a
/// nickname that no other speaker's label matches.
fn title_guest(
    label: &str,
    role: Role,
    guests: &[&String],
    named: &[String],
    speakers: &[String],
) -> Option<String> {
    if role != Role::Guest || guests.len() != 1 || named.len() != 1 {
        return None;
    }
    let n = &named[0];
    let is_someone_else = speakers
        .iter()
        .any(|s| n.contains(s.as_str()) || s.contains(n.as_str()));
    // A label that is itself a name (a surname first, or Latin words) keeps its name.
    let a_name = label.contains(' ')
        || label
            .chars()
            .next()
            .is_some_and(|f| SURNAMES.contains(f) || f.is_ascii_uppercase() && label.len() > 2);
    let nickname = roles::is_role_label(label) || !a_name;
    (nickname && !is_someone_else && n != label).then(|| n.clone())
}

/// Doubts about roles: guessed from how people talk, a second asker, a guest who only asks.
fn role_doubts(people: &[Person], turns: &BTreeMap<String, Turns>) -> Vec<Doubt> {
    let mut out = Vec::new();
    let asking = |p: &Person| turns.get(&p.label).copied().unwrap_or_default();
    let guessed_askers: Vec<&Person> = people
        .iter()
        .filter(|p| p.role == Role::Interviewer && p.role_from == Evidence::Turns)
        .collect();
    if people.len() >= 2 && !guessed_askers.is_empty() {
        let names: Vec<&str> = guessed_askers.iter().map(|p| p.label.as_str()).collect();
        out.push(Doubt {
            what: format!(
                "{} taken as the interviewer{} because most of their turns are questions",
                names.join(", "),
                if names.len() > 1 { "s" } else { "" }
            ),
            fix: "--interviewer LABEL (repeat for each), --guest LABEL".into(),
        });
    }
    for p in people {
        let t = asking(p);
        if p.role == Role::Guest
            && p.role_from != Evidence::User
            && t.count >= 2
            && t.asking == t.count
        {
            out.push(Doubt {
                what: format!("`{}` is a guest whose turns are all questions", p.label),
                fix: format!("--interviewer '{}'", p.label),
            });
        }
    }
    if !people.iter().any(|p| p.role == Role::Guest) {
        out.push(Doubt {
            what: "nobody answers: every speaker was taken as an interviewer".into(),
            fix: "--guest LABEL".into(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_names_cut_outlets_at_the_surname() {
        assert_eq!(title_names("对话周鸿祎：别被带沟里", ""), ["周鸿祎"]);
        assert_eq!(
            title_names("对话腾讯汤道生：AI不止于大模型", "汤道生说，汤道生认为"),
            ["汤道生"]
        );
        assert_eq!(title_names("專訪 Ann Lee｜成長", ""), ["Ann Lee"]);
        assert_eq!(
            title_names("深度｜对话澜码科技 CEO 周健：聊聊", ""),
            ["周健"]
        );
        assert!(title_names("专访 LanceDB 创始人：数据基建", "").is_empty());
        assert!(title_names("一场关于大模型的圆桌", "").is_empty());
    }

    #[test]
    fn first_names_take_the_full_name_the_front_gives() {
        let front = "主持人与 Aman Sanger 聊了聊，Aman Sanger 是联合创始人。";
        assert_eq!(
            latin_full_name("Aman", front).as_deref(),
            Some("Aman Sanger")
        );
        assert_eq!(latin_full_name("Swyx", front), None);
        assert_eq!(latin_full_name("Ann", "Ann Lee 和 Ann Smith"), None);
    }
}
