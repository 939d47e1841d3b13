//! Errata applied in one pass: every entry's matches found at once (Aho–Corasick) and spliced
//! together, when that gives exactly the text that applying them one by one gives (see
//! [`super::errata`]). `None` means "apply them in turn": the entries interact, one's count
//! is off (the slow path names it exactly), or the text would grow past the cap.

use super::errata::{Entry, MAX_CORRECTED_BYTES, grown_size};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// Past this many overlapping matches per byte of text the patterns are degenerate (`a`,
/// `aa`, `aaa`… on `aaaa…`): leave them to the one-by-one path.
const MAX_MATCHES_PER_BYTE: usize = 4;

/// The corrected text, or `None` when the one-pass result might differ from the in-turn one.
pub fn apply_at_once(text: &str, entries: &[Entry]) -> Option<String> {
    let finds: Vec<&str> = entries.iter().map(|e| e.find.as_str()).collect();
    let mut unique = finds.clone();
    unique.sort_unstable();
    unique.dedup();
    if unique.len() != finds.len() {
        return None; // two entries with one `find`: the second sees the first's result
    }
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        // An NFA: linear in the patterns' length (a DFA of a 300 KB `find` took minutes).
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&finds)
        .ok()?;
    let limit = MAX_MATCHES_PER_BYTE * text.len() + 16 * entries.len();
    let chosen = choose_matches(&ac, text, entries.len(), limit)?;
    let mut len = text.len();
    for (e, matches) in entries.iter().zip(&chosen) {
        if matches.len() != e.count {
            return None;
        }
        len = grown_size(len, matches.len(), e);
        if len > MAX_CORRECTED_BYTES {
            return None;
        }
    }
    let mut spans: Vec<(usize, usize)> = chosen
        .iter()
        .enumerate()
        .flat_map(|(k, starts)| starts.iter().map(move |&s| (s, k)))
        .collect();
    spans.sort_unstable();
    let mut out = String::with_capacity(len);
    let mut regions = Vec::with_capacity(spans.len());
    let mut at = 0;
    for (start, k) in spans {
        out.push_str(&text[at..start]);
        regions.push((out.len(), out.len() + entries[k].replace.len(), k));
        out.push_str(&entries[k].replace);
        at = start + entries[k].find.len();
    }
    out.push_str(&text[at..]);
    makes_no_new_match(&ac, &out, &regions, limit).then_some(out)
}

/// Each entry's matches as `str::matches` would find them (leftmost, non-overlapping), or
/// `None` when a match of one entry overlaps a match of another (applying the first would
/// change what the second finds) or there are too many matches.
fn choose_matches(
    ac: &AhoCorasick,
    text: &str,
    patterns: usize,
    limit: usize,
) -> Option<Vec<Vec<usize>>> {
    let mut chosen: Vec<Vec<usize>> = vec![Vec::new(); patterns];
    let mut ends = vec![0usize; patterns];
    // Overlapping matches come ordered by end; any two of different entries that overlap
    // are a conflict. The furthest start among the matches still open is all that is kept.
    let mut all: Vec<(usize, usize, usize)> = Vec::new();
    for (n, m) in ac.find_overlapping_iter(text).enumerate() {
        if n >= limit {
            return None;
        }
        all.push((m.start(), m.end(), m.pattern().as_usize()));
    }
    all.sort_unstable();
    let mut open: Option<(usize, usize)> = None; // (end, pattern) reaching furthest
    for &(start, end, k) in &all {
        if let Some((open_end, open_k)) = open
            && start < open_end
            && open_k != k
        {
            return None;
        }
        if open.is_none_or(|(e, _)| end >= e) {
            open = Some((end, k));
        }
        if start >= ends[k] {
            chosen[k].push(start);
            ends[k] = end;
        }
    }
    Some(chosen)
}

/// True when no entry's `find` occurs in `out` across a replacement made by an earlier entry
/// (applied in turn, that entry would have matched it too).
fn makes_no_new_match(
    ac: &AhoCorasick,
    out: &str,
    regions: &[(usize, usize, usize)],
    limit: usize,
) -> bool {
    for (n, m) in ac.find_overlapping_iter(out).enumerate() {
        if n >= limit {
            return false;
        }
        let k = m.pattern().as_usize();
        // The first replacement region ending after the match starts.
        let i = regions.partition_point(|&(_, end, _)| end <= m.start());
        let touches = regions[i..]
            .iter()
            .take_while(|&&(start, _, _)| start < m.end().max(m.start() + 1))
            .any(|&(_, _, by)| by < k);
        if touches {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On random small texts and entries over a 3-letter alphabet (where entries interact
    /// often), the one-pass result, when given, is the in-turn result.
    #[test]
    fn one_pass_agrees_with_applying_in_turn() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let mut word = |len: u64| -> String {
            (0..len)
                .map(|_| ['a', 'b', 'c'][next(3) as usize])
                .collect()
        };
        let (mut fast, mut total) = (0, 0);
        for _ in 0..3000 {
            let text = word(12);
            let n = 1 + (text.len() % 3);
            let mut entries: Vec<Entry> = (0..n)
                .map(|i| Entry {
                    find: word(1 + (i as u64 + text.len() as u64) % 3),
                    replace: word((i as u64) % 3),
                    why: String::new(),
                    count: 0,
                })
                .collect();
            // Give each entry the count applying in turn finds, so both paths succeed.
            let mut t = text.clone();
            for e in &mut entries {
                e.count = t.matches(e.find.as_str()).count();
                t = t.replace(e.find.as_str(), &e.replace);
            }
            total += 1;
            if let Some(out) = apply_at_once(&text, &entries) {
                fast += 1;
                assert_eq!(out, t, "{text:?} {entries:?}");
            }
        }
        assert!(fast > 100, "the one pass was taken {fast} times of {total}");
    }
}
