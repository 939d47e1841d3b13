//! Dropping repeats and refusing one id for two texts, one quote at a time in selection
//! order, so a lines file's quotes can be checked as they are made and then forgotten.
//!
//! Per quote only its id and a 64-bit hash of its text are kept, and an ad hoc id
//! (`adhoc-` and 8 or 16 hex digits) is kept as its number: a lines file's line costs a few
//! dozen bytes of hash tables, not its `Quote`.
//!
//! Texts are compared by their hashes, not verified against the text (which a streamed
//! line no longer has): two distinct texts whose SipHash-1-3 values are equal would be taken
//! for a repeat. At the lines file's cap (4 MiB, so at most about two million lines) that
//! happens with a probability below 10⁻⁷ per run (n²/2⁶⁵), far less than a disk error;
//! verifying would mean keeping every text, which is what this module avoids.

use super::ids;
use super::{Quote, QuoteKind, SelectError};
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

/// The 64-bit hash texts are compared by (SipHash-1-3 with std's fixed keys: the same
/// within a run, which is all it is used for).
fn text_hash(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// An id as a map key: ad hoc ids as their hash digits, any other id as itself.
enum Key<'a> {
    Short(u32),
    Wide(u64),
    Other(&'a str),
}

fn key(id: &str) -> Key<'_> {
    let hex = id
        .strip_prefix("adhoc-")
        .filter(|h| h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')));
    match hex {
        // Exactly the digits `{:08x}` / `{:016x}` write, so the number gives the id back.
        Some(h) if h.len() == 8 => u32::from_str_radix(h, 16).map_or(Key::Other(id), Key::Short),
        Some(h) if h.len() == 16 => u64::from_str_radix(h, 16).map_or(Key::Other(id), Key::Wide),
        _ => Key::Other(id),
    }
}

/// Ids to the hashes of their texts.
#[derive(Debug, Default)]
struct IdMap {
    short: HashMap<u32, u64>,
    wide: HashMap<u64, u64>,
    other: HashMap<String, u64>,
}

impl IdMap {
    fn get(&self, id: &str) -> Option<u64> {
        match key(id) {
            Key::Short(k) => self.short.get(&k),
            Key::Wide(k) => self.wide.get(&k),
            Key::Other(k) => self.other.get(k),
        }
        .copied()
    }

    /// Record `text` for `id` unless the id has a text already.
    fn claim(&mut self, id: &str, text: u64) {
        match key(id) {
            Key::Short(k) => {
                self.short.entry(k).or_insert(text);
            }
            Key::Wide(k) => {
                self.wide.entry(k).or_insert(text);
            }
            Key::Other(k) => {
                if !self.other.contains_key(k) {
                    self.other.insert(k.to_string(), text);
                }
            }
        }
    }
}

/// What a selection has kept so far.
#[derive(Debug)]
pub(super) struct Dedupe {
    origin: String,
    /// The first text each id was given to, before widening (ad hoc ids that another text
    /// owns are widened).
    owner: IdMap,
    /// The text of each id kept.
    ids: IdMap,
    /// The texts kept.
    texts: HashSet<u64>,
}

impl Dedupe {
    /// Nothing kept yet; errors name `origin`.
    pub(super) fn new(origin: &str) -> Dedupe {
        Dedupe {
            origin: origin.to_string(),
            owner: IdMap::default(),
            ids: IdMap::default(),
            texts: HashSet::new(),
        }
    }

    /// The next quote of the selection: an ad hoc quote whose hashed id another text already
    /// has gets the wide id ([`ids::wide_adhoc_id`]); then `Ok(true)` keeps it, `Ok(false)`
    /// drops an exact repeat (a text kept before), and an id kept for another text is an
    /// error.
    pub(super) fn admit(&mut self, q: &mut Quote) -> Result<bool, SelectError> {
        let text = text_hash(&q.text);
        match self.owner.get(&q.id) {
            Some(owner) if q.kind == QuoteKind::Adhoc && owner != text => {
                q.id = ids::wide_adhoc_id(&q.text);
            }
            Some(_) => {}
            None => self.owner.claim(&q.id, text),
        }
        match self.ids.get(&q.id) {
            Some(kept) if kept == text => Ok(false),
            Some(_) => Err(SelectError::DuplicateId {
                origin: self.origin.clone(),
                id: q.id.clone(),
            }),
            None if self.texts.contains(&text) => Ok(false),
            None => {
                self.ids.claim(&q.id, text);
                self.texts.insert(text);
                Ok(true)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::select::adhoc;

    /// The ids of the quotes `texts` keeps, in order, or the error.
    fn kept(quotes: Vec<Quote>) -> Result<Vec<String>, SelectError> {
        let mut d = Dedupe::new("test");
        let mut ids = Vec::new();
        for mut q in quotes {
            if d.admit(&mut q)? {
                ids.push(q.id);
            }
        }
        Ok(ids)
    }

    #[test]
    fn repeats_are_dropped_and_colliding_ids_widened_as_they_come() {
        // FNV-1a's upper 32 bits of these two texts are equal.
        let (a, b) = ("慢就是快767648", "慢就是快804828");
        let ids = kept([a, b, a, b, "别的"].map(|t| adhoc(t, "")).into()).unwrap();
        assert_eq!(
            ids,
            [
                ids::adhoc_id(a),
                ids::wide_adhoc_id(b),
                ids::adhoc_id("别的")
            ]
        );
    }

    #[test]
    fn a_text_kept_under_another_id_is_a_repeat() {
        let mut named = adhoc("你好", "");
        named.id = "hello".into();
        let ids = kept(vec![named, adhoc("你好", "")]).unwrap();
        assert_eq!(ids, ["hello"]);
    }

    #[test]
    fn one_id_for_two_texts_is_refused() {
        let mut other = adhoc("再见", "");
        other.kind = QuoteKind::Sentence;
        other.id = ids::adhoc_id("你好");
        // A quote that is not ad hoc keeps its id: the ad hoc text after it is widened.
        assert_eq!(
            kept(vec![other.clone(), adhoc("你好", "")]).unwrap().len(),
            2
        );
        // Ad hoc text first: the other quote's id is taken.
        let err = kept(vec![adhoc("你好", ""), other]).unwrap_err();
        assert!(matches!(err, SelectError::DuplicateId { .. }), "{err}");
    }

    #[test]
    fn ad_hoc_ids_are_keyed_by_their_digits() {
        assert!(matches!(key("adhoc-0000000a"), Key::Short(10)));
        assert!(matches!(key("adhoc-000000000000000a"), Key::Wide(10)));
        for other in ["adhoc-0000000A", "adhoc-123", "q3-12-2", "adhoc-+0000000"] {
            assert!(matches!(key(other), Key::Other(_)), "{other}");
        }
    }
}
