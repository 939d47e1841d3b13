#!/usr/bin/env python3
"""Draws the candidate lines blind labellers scored for the card model (tools/card_labels.jsonl).

Each round writes OUT/candidates.jsonl ({id, source, text}) and OUT/{a,b,c}/lines.jsonl ({id,
text}: all a labeller sees, beside the rubric of ../shared/docs/JUDGING.md). Labellers write
OUT/PART/labels.jsonl ({id, score 0-3, flags, why}); then

    python3 tools/train_card.py --import ALL_CANDIDATES LABELS…

rebuilds card_labels.jsonl (texts dropped: only a hash, the source, the score and the flags).
Round 5's labels are kept apart, in tools/card_labels_round5.jsonl (same form), and the card
model is not fitted on them: refitted on all five rounds, jinju's picks judged blind were no
better (0.764 against 0.777 publishable, one judge scoring both) and a short interview's title
line fell under the card floor. Append that file to card_labels.jsonl to try them again.
Sources are the shared corpus (never the samples or targets, which are judged) and the
emphasis data set; a round leaves out lines labelled in the rounds before (`--done`).

  round 1  28 guest sentences or runs of two per corpus interview, jinju's --auto 12 picks,
           300 bold and 200 plain emphasis sentences under a speaker label    (ids from 0)
  round 2  lines that pass jinju's hard filters: jinju's top 30 per corpus interview, bold
           and plain emphasis sentences and pairs                               (ids from 10000)
  round 3  lines that pass the filters: random corpus sentences and pairs, emphasis
           sentences and pairs                                                  (ids from 20000)
  round 4  jinju's top 30 (at --min-card 0) per corpus interview, then as round 3 (ids from 30000)
  round 5  jinju's top 80 (at --min-card 0) per corpus interview — the editor's bold and its
           clauses among them — then as round 4; lines card_labels.jsonl already holds are left
           out (most of the corpus's best lines and of the emphasis data were)  (ids from 40000)

  python3 tools/label_candidates.py ROUND OUT [--done CANDIDATES…]

This script gathers the four rounds' drawing scripts in one place: it draws the same way (the
same sources, sizes and seeds), but jinju's picks and filters have changed since, so it does
not give back the very lines each round drew; the labelled lines themselves are fixed by
card_labels.jsonl.

Needs target/release/jinju and the card_features example (cargo build --release --example
card_features), and ../shared. Standard library only. The labellers were told: look at nothing
but the rubric and your lines; identical texts get identical scores; append labels in batches.
"""
import glob, gzip, hashlib, json, os, random, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
JINJU = os.path.join(ROOT, "target", "release", "jinju")
FEATURES = os.path.join(ROOT, "target", "release", "examples", "card_features")
SENT = re.compile(r"[^。！？]+[。！？]+[”」』]?")
SEEDS = {1: 7, 2: 11, 3: 23, 4: 41, 5: 53}
LABELS = os.path.join(ROOT, "tools", "card_labels.jsonl")


def corpus_files():
    for path in sorted(glob.glob(os.path.join(SHARED, "content", "corpus", "*"))):
        if path.endswith((".md", ".txt", ".html")):
            yield os.path.basename(path).rsplit(".", 1)[0], path


def jinju(*args):
    r = subprocess.run([JINJU, *args], capture_output=True, text=True)
    return json.loads(r.stdout) if r.returncode == 0 else None


def guest_runs(path, rng, pairs):
    """Guest sentences (10-80 characters) and, with probability `pairs`, runs of two."""
    d = jinju("inspect", "--input", path, "--format", "json")
    if not d:
        return []
    roles, out = d.get("roles", {}), []
    for s in d["sections"]:
        for p in s["paragraphs"]:
            if p["kind"] != "turn" or roles.get(p.get("speaker")) == "interviewer":
                continue
            ss = [x.strip() for x in SENT.findall(p["text"])]
            out += [x for x in ss if 10 <= len(x) <= 80]
            out += [a + b for a, b in zip(ss, ss[1:]) if 20 <= len(a + b) <= 80 and rng.random() < pairs]
    return out


def top(path, n, *extra):
    return [q["text"] for q in jinju("quotes", "--input", path, "--auto", str(n), "--format", "json", *extra) or []]


def emphasis(rng, pairs):
    """(article, text, bold) of the emphasis data under a speaker label: sentences and pairs."""
    by = {}
    with gzip.open(os.path.join(SHARED, "data", "emphasis", "sentences.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            if e["speaker"]:
                by.setdefault((e["a"], e["p"]), []).append(e)
    out = []
    for ss in by.values():
        ss.sort(key=lambda e: e["s"])
        out += [(e["a"], e["text"], e["label"]) for e in ss if 10 <= len(e["text"]) <= 80]
        out += [(a["a"], a["text"] + b["text"], max(a["label"], b["label"])) for a, b in zip(ss, ss[1:])
                if 20 <= len(a["text"] + b["text"]) <= 80 and rng.random() < pairs]
    return out


def passing(items):
    """The items whose text passes jinju's hard filters (the card_features example's rule)."""
    inp = "\n".join(json.dumps({"key": str(i), "text": it[1]}, ensure_ascii=False) for i, it in enumerate(items))
    r = subprocess.run([FEATURES], input=inp, capture_output=True, text=True, check=True)
    return [items[int(l.split()[0])] for l in r.stdout.splitlines() if l.split()[1] == "-"]


def draw(round_no, rng):
    items = []
    if round_no == 1:
        for name, path in corpus_files():
            runs = guest_runs(path, rng, 0.3)
            items += [(name, t) for t in rng.sample(runs, min(28, len(runs)))]
            items += [(name, t) for t in top(path, 12)]
        emph = emphasis(rng, 0.0)
        pos = [e for e in emph if e[2] == 1]
        neg = [e for e in emph if e[2] == 0]
        return items + [("emph-" + a, t) for a, t, _ in rng.sample(pos, 300) + rng.sample(neg, 200)]
    if round_no in (2, 4, 5):
        extra = ("--min-card", "0") if round_no >= 4 else ()
        for name, path in corpus_files():
            items += [(name, t) for t in top(path, 80 if round_no == 5 else 30, *extra)]
    if round_no in (3, 4, 5):
        corpus = [(name, t) for name, path in corpus_files() for t in guest_runs(path, rng, 1.0)]
        rng.shuffle(corpus)
        if round_no == 5:
            corpus = [(n, t) for n, t in corpus if not labelled(t)]
        items += passing(corpus[:6000])[: 900 if round_no == 3 else 500]
    emph = emphasis(rng, 0.15)
    rng.shuffle(emph)
    ok = passing(emph[:40000])
    if round_no == 5:
        ok = [e for e in ok if labelled(e[1]) is False]
    pos = [e for e in ok if e[2] == 1][: {2: 900, 3: 500, 4: 500, 5: 500}[round_no]]
    neg = [e for e in ok if e[2] == 0][: {2: 900, 3: 600, 4: 400, 5: 300}[round_no]]
    items += [("emph-" + a, t) for a, t, _ in pos + neg]
    if round_no == 5:
        items = [(n, t) for n, t in items if not labelled(t)]
    return items


def labelled(text, _seen=[]):
    """Whether card_labels.jsonl holds a label of `text` (by its hash, as train_card.py keys)."""
    if not _seen:
        _seen.append({json.loads(l)["h"] for l in open(LABELS, encoding="utf-8")})
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] in _seen[0]


def main(argv):
    if len(argv) < 2 or not argv[0].isdigit() or int(argv[0]) not in SEEDS:
        sys.exit(__doc__)
    round_no, out = int(argv[0]), argv[1]
    done = set()
    if "--done" in argv:
        for path in argv[argv.index("--done") + 1:]:
            done |= {json.loads(l)["text"] for l in open(path, encoding="utf-8")}
    rng = random.Random(SEEDS[round_no])
    seen, uniq = set(done), []
    for n, t in draw(round_no, rng):
        if t not in seen:
            seen.add(t)
            uniq.append((n, t))
    rng.shuffle(uniq)
    base = 10000 * (round_no - 1)
    rows = [{"id": base + i, "source": n, "text": t} for i, (n, t) in enumerate(uniq)]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "candidates.jsonl"), "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    for k, part in enumerate("abc"):
        os.makedirs(os.path.join(out, part), exist_ok=True)
        with open(os.path.join(out, part, "lines.jsonl"), "w", encoding="utf-8") as f:
            f.writelines(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n"
                         for r in rows[k::3])
    print(f"round {round_no}: {len(rows)} lines in {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
