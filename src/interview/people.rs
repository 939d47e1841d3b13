//! People in the model: each speaker once — the label the text uses, the other labels folded
//! into it, the name a card prints, the role, and the evidence for name and role — plus the
//! user's overrides (`--interviewer`, `--guest`, `--name LABEL=FULL NAME`) and the doubts
//! `inspect` reports when jinju guessed. Structure decides; every consumer asks this model
//! instead of re-splitting joined label strings.

use super::model::Role;
use serde::Serialize;

/// One speaker of the interview.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    /// The label the text uses for the speaker's turns (`陳`, `A`, `Swyx`).
    pub label: String,
    /// The name a card prints and a book credits (`陳美齡`, `汤道生`, `Aman Sanger`); empty
    /// when the text knows the speaker only by a role label and nothing names them.
    pub name: String,
    /// What the article's cast list says they are or work for (`某大厂数据科学家`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    pub role: Role,
    /// Why the name is what it is.
    pub name_from: Evidence,
    /// Why the role is what it is.
    pub role_from: Evidence,
}

impl Person {
    /// The name a card prints: the name, else the label unless it is a role label.
    pub fn print_name(&self) -> &str {
        if !self.name.is_empty() || super::is_role_label(&self.label) {
            &self.name
        } else {
            &self.label
        }
    }
}

/// Where a fact about a person comes from, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// The user said so (`--interviewer`, `--guest`, `--name`).
    User,
    /// A legend or cast list (`被訪者：朱福強（朱）`, `**陳：陳美齡**`, `主播：Monica`).
    Cast,
    /// The label itself (`问`, `Q`, `主持人`, an outlet in 《》) or the label as a full name.
    Label,
    /// The byline (`访谈:A x B`, `作者｜X`).
    Byline,
    /// The intro introduces the speaker (`主持人 Alessio、Swyx`, `Aman Sanger`).
    Intro,
    /// The title names the speaker (`对话周鸿祎`); a guess.
    Title,
    /// How the speaker talks: most turns are questions (or not); a guess.
    Turns,
}

impl Evidence {
    /// True when the fact is jinju's guess rather than something the text or user states.
    pub fn is_guess(self) -> bool {
        matches!(self, Evidence::Title | Evidence::Turns)
    }
}

/// Something jinju guessed and a user may want to correct, with the flag that does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Doubt {
    pub what: String,
    pub fix: String,
}

/// What the user says about the people, winning over every guess.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// Labels or names of interviewers (`--interviewer`).
    pub interviewers: Vec<String>,
    /// Labels or names of guests (`--guest`); for a text without labels, the speaker's name.
    pub guests: Vec<String>,
    /// `(label, full name)` pairs (`--name 朱=朱福強`).
    pub names: Vec<(String, String)>,
}

impl Overrides {
    /// Parse one `--name` value, `LABEL=FULL NAME`.
    pub fn parse_name(value: &str) -> Result<(String, String), String> {
        match value.split_once('=') {
            Some((l, n)) if !l.trim().is_empty() && !n.trim().is_empty() => {
                Ok((l.trim().to_string(), n.trim().to_string()))
            }
            _ => Err(format!(
                "`{value}` is not LABEL=FULL NAME: write the label as the text prints it, an \
                 equals sign, then the name to print (`--name 朱=朱福強`)"
            )),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.interviewers.is_empty() && self.guests.is_empty() && self.names.is_empty()
    }

    /// The role the user gives a person known by `label` (or by `name`).
    pub fn role(&self, label: &str, name: &str) -> Option<Role> {
        let hit = |list: &[String]| {
            list.iter()
                .any(|x| x == label || (!name.is_empty() && x == name))
        };
        if hit(&self.interviewers) {
            Some(Role::Interviewer)
        } else if hit(&self.guests) {
            Some(Role::Guest)
        } else {
            None
        }
    }

    /// The name the user gives `label`.
    pub fn name(&self, label: &str) -> Option<&str> {
        self.names
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, n)| n.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_overrides_parse_and_refuse() {
        assert_eq!(
            Overrides::parse_name("朱 = 朱福強"),
            Ok(("朱".into(), "朱福強".into()))
        );
        for bad in ["朱福強", "=朱福強", "朱=", ""] {
            let e = Overrides::parse_name(bad).unwrap_err();
            assert!(e.contains("LABEL=FULL NAME"), "{e}");
        }
    }

    #[test]
    fn user_roles_match_label_or_name() {
        let o = Overrides {
            interviewers: vec!["Swyx".into()],
            guests: vec!["汤道生".into()],
            names: vec![],
        };
        assert_eq!(o.role("Swyx", ""), Some(Role::Interviewer));
        assert_eq!(o.role("A", "汤道生"), Some(Role::Guest));
        assert_eq!(o.role("Q", ""), None);
    }
}
