//! Who speaks where, from the labels alone: the speakers the labels name (with aliases and
//! the document's own cast, `given`), labels glued to the end of the paragraph before their
//! turn split off, a byline pair's names, and the speaker of each paragraph that opens on a
//! label — a bold name without a colon only where that speaker writes labels so twice or more.
//! What the front, the cast list and a talk make of it is [`super::structure`]'s.

use super::paras::{Para, paras_of};
use super::{given, labels, splits};
use crate::read::{BlockKind, Document};
use labels::Label;
use std::collections::BTreeMap;

/// The labels' reading of a document.
pub(super) struct Labelled {
    /// The paragraphs, glued and inner labels split off.
    pub paras: Vec<Para>,
    /// The speakers' display names, in order of first appearance.
    pub speakers: Vec<String>,
    /// Other names of a speaker → the name shown.
    pub aliases: BTreeMap<String, String>,
    /// Every name a label may carry (speakers and aliases).
    pub names: Vec<String>,
    /// The two names of a byline pair (`访谈:A x B`), when the front has one.
    pub pair_hint: Option<(String, String)>,
    /// The speaker of each paragraph that opens a labelled turn.
    pub speaker_at: Vec<Option<String>>,
}

/// Reads the labels of `doc` (its text `source`).
pub(super) fn read(doc: &Document, source: &str) -> Labelled {
    let paras = paras_of(doc, source);
    // Labels glued to the end of the paragraph before their turn count as labels.
    let glued: Vec<Option<usize>> = paras
        .iter()
        .map(|p| {
            (p.kind == BlockKind::Paragraph)
                .then(|| labels::glued(&p.m))
                .flatten()
        })
        .collect();
    let mut all_labels: Vec<Option<Label>> = Vec::with_capacity(paras.len());
    for (p, g) in paras.iter().zip(&glued) {
        all_labels.push(p.label.clone());
        if let Some(k) = g {
            all_labels.push(labels::label(&p.m.tail(*k)));
        }
    }
    let (mut speakers, mut aliases) = labels::speakers(&all_labels);
    given::add_speakers(doc, &mut speakers, &mut aliases);
    let mut names: Vec<String> = speakers.iter().chain(aliases.keys()).cloned().collect();
    let paras = splits::split_glued(paras, &glued, &names);
    let paras = splits::split_inner_labels(paras, &names);
    let display = |name: &str, aliases: &BTreeMap<String, String>| {
        aliases
            .get(name)
            .cloned()
            .unwrap_or_else(|| name.to_string())
    };
    // A byline pair (`访谈:A x B`) names speakers even when they speak once.
    let pair_hint = paras
        .iter()
        .take(40)
        .find_map(|p| crate::interview::speakers::byline(p.text().trim()));
    if let Some((a, b)) = &pair_hint {
        for n in [a, b] {
            if !names.contains(n)
                && paras
                    .iter()
                    .any(|p| p.label.as_ref().is_some_and(|l| &l.name == n))
            {
                speakers.push(n.clone());
                names.push(n.clone());
            }
        }
    }
    // A bold name alone without a colon opens a turn only where that speaker writes labels
    // so (twice or more): once, it is a heading or an account card's name.
    let mut bare: BTreeMap<&str, usize> = BTreeMap::new();
    for l in paras.iter().filter_map(|p| p.label.as_ref()) {
        if !l.colon {
            *bare.entry(l.name.as_str()).or_default() += 1;
        }
    }
    let speaker_at: Vec<Option<String>> = paras
        .iter()
        .map(|p| {
            p.label
                .as_ref()
                .filter(|l| {
                    names.contains(&l.name)
                        && (l.colon || bare.get(l.name.as_str()).copied().unwrap_or(0) >= 2)
                })
                .map(|l| display(&l.name, &aliases))
        })
        .collect();
    Labelled {
        paras,
        speakers,
        aliases,
        names,
        pair_hint,
        speaker_at,
    }
}
