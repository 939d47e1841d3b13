#!/usr/bin/env python3
"""Fits jinju's card model (src/select/card_weights.json) on blind labels of candidate lines.

The labels (tools/card_labels.jsonl, one line each: {"h", "source", "score", "flags"}) are two
blind labellers' scores (0-3, the rubric of ../shared/docs/JUDGING.md: would an editor put this
line alone on a card?) of candidate lines drawn from the shared corpus (guest sentences, runs of
two, and jinju's own picks) and from the emphasis data set (bold and plain sentences). The file
keeps no text: `h` is the first 16 hex digits of the SHA-256 of the line's UTF-8 text, `source`
the corpus file's name (without extension) or `emph-ARTICLE` for the emphasis data. This script
re-derives the texts from ../shared: every run of a paragraph `jinju inspect` finds in the
corpus file (cut at sentence and clause ends), and every sentence of the emphasis article,
hashed and matched.

Model: logistic regression on publishable (score >= 2) over jinju's features of the line alone and
 the card's own cues (src/select/card_cues.rs)
(`cargo run --release --example card_features`, src/select/card.rs), AdaGrad, a fixed seeded
order (the ranker's fit, tools/train_ranker.py), L2. Validation: sources are split into fifths by a hash of their name; each fifth is
scored by a fit on the other four. It reports the AUC over all lines and over the lines that
pass jinju's hard filters, and the precision of the top 8 per corpus source among the lines
that pass the filters (the share publishable), against the filters alone (all passing lines).
Then it fits on every line and writes the weights with those figures.

  python3 tools/train_card.py                      # fit and write the weights
  python3 tools/train_card.py --check              # cross-validate only
  python3 tools/train_card.py --import CANDIDATES LABELS…   # (re)make card_labels.jsonl

Standard library only (plus cargo and the jinju binary it builds).
"""
import glob, gzip, hashlib, json, os, re, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_ranker  # noqa: E402
from train_ranker import auc, dims  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
LABELS = os.path.join(ROOT, "tools", "card_labels.jsonl")
OUT = os.path.join(ROOT, "src", "select", "card_weights.json")
EPOCHS, RATE, L2 = 12, 0.1, 1e-3
TOP = 8
BOUNDS = re.compile(r"[。！？!?；;，,：:…]+[”」』’\"]?")


def key(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def import_labels(candidates, label_files):
    """card_labels.jsonl from the labelling round's candidates and labels (texts dropped)."""
    cands = {}
    for line in open(candidates, encoding="utf-8"):
        d = json.loads(line)
        cands[d["id"]] = d
    out = []
    for path in label_files:
        for line in open(path, encoding="utf-8"):
            try:
                d = json.loads(line)
            except ValueError:
                continue
            c = cands.get(d.get("id"))
            if c is None or d.get("score") not in (0, 1, 2, 3):
                continue
            out.append({"h": key(c["text"]), "source": c["source"], "score": d["score"],
                        "flags": d.get("flags", [])})
    with open(LABELS, "w", encoding="utf-8") as f:
        for d in sorted(out, key=lambda d: (d["source"], d["h"])):
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"{len(out)} labels -> {LABELS}")


def jinju():
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "jinju",
                    "--example", "card_features"], cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "release")


def runs(text):
    """Every run of `text` between two cuts (sentence and clause ends, and its ends)."""
    cuts = sorted({0, len(text)} | {m.end() for m in BOUNDS.finditer(text)})
    for i, a in enumerate(cuts):
        for b in cuts[i + 1:]:
            if b - a > 200:
                break
            yield text[a:b].strip()


def corpus_texts(name, exe):
    path = next((p for p in glob.glob(os.path.join(SHARED, "content", "corpus", name + ".*"))
                 if p.endswith((".md", ".txt", ".html"))), None)
    if not path:
        return {}
    r = subprocess.run([exe, "inspect", "--input", path, "--format", "json"],
                       capture_output=True, text=True)
    if r.returncode:
        return {}
    texts = {}
    for s in json.loads(r.stdout)["sections"]:
        for p in s["paragraphs"]:
            for t in runs(p["text"]):
                texts.setdefault(key(t), t)
    return texts


def texts_of(labels, bin_dir):
    """The text of each label, re-derived from ../shared (None when not found)."""
    wanted = {d["source"] for d in labels}
    found = {}
    emph = {s[5:] for s in wanted if s.startswith("emph-")}
    data = os.path.join(SHARED, "data", "emphasis", "sentences.jsonl.gz")
    paragraphs = {}
    with gzip.open(data, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["a"] in emph:
                found.setdefault(("emph-" + d["a"], key(d["text"])), d["text"])
                paragraphs.setdefault((d["a"], d["p"]), []).append((d["s"], d["text"]))
    # Runs of two adjacent sentences of a paragraph were labelled too.
    for (a, _), ss in paragraphs.items():
        ss.sort()
        for (_, x), (_, y) in zip(ss, ss[1:]):
            found.setdefault(("emph-" + a, key(x + y)), x + y)
    exe = os.path.join(bin_dir, "jinju")
    for name in sorted(s for s in wanted if not s.startswith("emph-")):
        for h, t in corpus_texts(name, exe).items():
            found[(name, h)] = t
    return [found.get((d["source"], d["h"])) for d in labels]


def features(texts, bin_dir):
    exe = os.path.join(bin_dir, "examples", "card_features")
    lines = "".join(json.dumps({"key": str(i), "text": t}, ensure_ascii=False) + "\n"
                    for i, t in enumerate(texts))
    r = subprocess.run([exe], input=lines.encode("utf-8"), capture_output=True, check=True)
    out = []
    for line in r.stdout.decode("utf-8").splitlines():
        parts = line.split(" ")
        out.append((parts[1], [(int(i), float(v)) for i, v in (p.split(":") for p in parts[2:])]))
    return out


def cue_names():
    """The card's own cues (src/select/card_cues.rs), indexed after the shared features."""
    src = open(os.path.join(ROOT, "src", "select", "card_cues.rs"), encoding="utf-8").read()
    block = src.split("pub const NAMES: &[&str] = &[", 1)[1].split("];", 1)[0]
    return [s.strip().strip('",') for s in block.split("\n") if s.strip().startswith('"')]


def fit(rows, size):
    """Logistic regression of [(y, x)]: the ranker's fit, with this model's settings."""
    return train_ranker.fit([(y, None, x, 0.0) for y, x in rows], size,
                            epochs=EPOCHS, rate=RATE, l2=L2)


def fold(source):
    return int(hashlib.sha1(source.encode()).hexdigest(), 16) % 5


def cross_validate(rows, size):
    """Held-out figures: each fifth of the sources scored by a fit on the others."""
    scored = []
    for f in range(5):
        w = fit([(r["y"], r["x"]) for r in rows if fold(r["source"]) != f], size)
        scored += [(sum(w[i] * v for i, v in r["x"]), r) for r in rows if fold(r["source"]) == f]
    passing = [(s, r) for s, r in scored if r["rule"] == "-"]
    by = {}
    for s, r in passing:
        if not r["source"].startswith("emph-"):
            by.setdefault(r["source"], []).append((s, r))
    top, base, exc = [], [], []
    for ps in by.values():
        if len(ps) >= 2 * TOP:
            best = sorted(ps, key=lambda p: -p[0])[:TOP]
            top.append(sum(r["y"] for _, r in best) / TOP)
            exc.append(sum(r["score"] == 3 for _, r in best) / TOP)
            base.append(sum(r["y"] for _, r in ps) / len(ps))
    mean = lambda xs: round(sum(xs) / len(xs), 4) if xs else 0.0
    pub = lambda rs: round(sum(r["y"] for r in rs) / max(1, len(rs)), 4)
    return {
        "lines": len(rows),
        "publishable": pub([r for r in rows]),
        "publishable_passing_filters": pub([r for _, r in passing]),
        "auc": round(auc([(s, r["y"]) for s, r in scored]), 4),
        "auc_passing_filters": round(auc([(s, r["y"]) for s, r in passing]), 4),
        "sources_for_top8": len(top),
        "top8_publishable": mean(top),
        "top8_excellent": mean(exc),
        "filters_only_publishable": mean(base),
    }


def main(argv):
    if argv[:1] == ["--import"]:
        return import_labels(argv[1], argv[2:])
    labels = [json.loads(l) for l in open(LABELS, encoding="utf-8")]
    bin_dir = jinju()
    texts = texts_of(labels, bin_dir)
    keep = [(d, t) for d, t in zip(labels, texts) if t is not None]
    print(f"labels: {len(labels)}, texts re-derived: {len(keep)}", file=sys.stderr)
    feats = features([t for _, t in keep], bin_dir)
    rows = [{"y": 1.0 if d["score"] >= 2 else 0.0, "score": d["score"], "source": d["source"],
             "rule": rule, "x": x} for (d, _), (rule, x) in zip(keep, feats)]
    names, hashed = dims()
    cues = cue_names()
    size = len(names) + hashed + len(cues)
    figures = cross_validate(rows, size)
    figures["labels"] = len(labels)
    print(json.dumps(figures, indent=1))
    if "--check" in argv:
        return
    w = fit([(r["y"], r["x"]) for r in rows], size)
    r4 = lambda v: round(v, 4)
    out = {"names": names, "dense": [r4(v) for v in w[:len(names)]], "hashed": hashed,
           "ngrams": [r4(v) for v in w[len(names):len(names) + hashed]],
           "cue_names": cues, "cue_weights": [r4(v) for v in w[len(names) + hashed:]],
           "figures": figures}
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
