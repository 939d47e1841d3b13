#!/usr/bin/env python3
"""Fits the weights of jinju's learned text-only ranker (src/select/ranker_weights.json).

Data: ../shared/data/emphasis/sentences.jsonl.gz, sentences of WeChat articles labelled 1 when
the editor set them in bold (see that folder's README.md). The features are jinju's own:
`cargo run --release --example ranker_features` computes them (src/select/features.rs), so the
Rust ranker and this fit can never disagree on a feature.

Only articles with at least one bold sentence are used: in an article with no bold, a 0 says
only that the editor bolded nothing (house style), not that a sentence is weak.

Interviews weigh more: an article with at least 5 sentences under a speaker label (an
interview, what jinju ranks) counts INTERVIEW_WEIGHT times in the fit.

Model: logistic regression, AdaGrad, a fixed number of passes in a fixed (seeded) order, L2
on touched weights. Validation: articles are split by a hash of their id (`a`), a fifth held
out, so no article has sentences on both sides; it reports AUC (over all held-out sentences,
and the mean per article) and P@10 (the top 10 of each held-out article with >= 20
sentences), over all held-out articles and over the held-out interviews. Then it fits again on every article and writes the weights with those figures.

Standard library only.  python3 tools/train_ranker.py [--data PATH] [--out PATH]
"""
import gzip, hashlib, json, math, os, random, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data", "emphasis", "sentences.jsonl.gz")
OUT = os.path.join(ROOT, "src", "select", "ranker_weights.json")
EPOCHS, RATE, L2, SEED = 4, 0.05, 1e-6, 14
INTERVIEW_WEIGHT, INTERVIEW_LABELS = 5.0, 5


def interviews(data):
    """Ids of the articles with at least INTERVIEW_LABELS sentences under a speaker label."""
    count = {}
    with gzip.open(data, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("speaker"):
                count[d["a"]] = count.get(d["a"], 0) + 1
    return {a for a, n in count.items() if n >= INTERVIEW_LABELS}


def features(data):
    """[(label, article, [(index, value)])] from the Rust feature dumper."""
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "ranker_features"],
                   cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target", "release", "examples", "ranker_features")
    with gzip.open(data, "rb") as f:
        r = subprocess.run([exe], input=f.read(), capture_output=True, check=True)
    rows = []
    for line in r.stdout.decode("utf-8").splitlines():
        parts = line.split(" ")
        feats = [(int(i), float(v)) for i, v in (p.split(":") for p in parts[2:])]
        rows.append((int(parts[0]), parts[1], feats))
    return rows


def dims():
    """(dense names, hashed buckets) from the Rust source, to size the weights."""
    src = open(os.path.join(ROOT, "src", "select", "features.rs"), encoding="utf-8").read()
    block = src.split("pub const NAMES: &[&str] = &[", 1)[1].split("];", 1)[0]
    names = [s.strip().strip('",') for s in block.split("\n") if s.strip().startswith('"')]
    bits = int(src.split("pub const HASHED: usize = 1 << ", 1)[1].split(";", 1)[0])
    return names, 1 << bits


def fit(rows, size, heavy=frozenset()):
    w, g2 = [0.0] * size, [1e-8] * size
    order = list(range(len(rows)))
    rnd = random.Random(SEED)
    for _ in range(EPOCHS):
        rnd.shuffle(order)
        for k in order:
            y, _, x = rows[k]
            z = sum(w[i] * v for i, v in x)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            err = (p - y) * (INTERVIEW_WEIGHT if rows[k][1] in heavy else 1.0)
            for i, v in x:
                g = err * v + L2 * w[i]
                g2[i] += g * g
                w[i] -= RATE * g / math.sqrt(g2[i])
    return w


def score(w, x):
    return sum(w[i] * v for i, v in x)


def auc(pairs):
    """Area under the ROC curve of [(score, label)] (ties counted half)."""
    pairs = sorted(pairs)
    pos = sum(l for _, l in pairs)
    neg = len(pairs) - pos
    if not pos or not neg:
        return None
    rank, total, i = 0.0, 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        mid = (i + j + 1) / 2.0
        total += mid * sum(l for _, l in pairs[i:j])
        i = j
    return (total - pos * (pos + 1) / 2.0) / (pos * neg)


def evaluate(w, rows):
    by = {}
    for y, a, x in rows:
        by.setdefault(a, []).append((score(w, x), y))
    overall = auc([p for ps in by.values() for p in ps])
    per = [v for v in (auc(ps) for ps in by.values()) if v is not None]
    p10, base = [], []
    for ps in by.values():
        if len(ps) >= 20:
            top = sorted(ps, key=lambda p: -p[0])[:10]
            p10.append(sum(l for _, l in top) / 10.0)
            base.append(sum(l for _, l in ps) / len(ps))
    mean = lambda xs: sum(xs) / len(xs) if xs else 0.0
    return {"auc": round(overall, 4), "auc_per_article": round(mean(per), 4),
            "p_at_10": round(mean(p10), 4), "p_at_10_random": round(mean(base), 4),
            "articles": len(by), "sentences": len(rows)}


def held_out(article):
    return int(hashlib.sha1(article.encode()).hexdigest(), 16) % 5 == 0


def main(argv):
    data = argv[argv.index("--data") + 1] if "--data" in argv else DATA
    out = argv[argv.index("--out") + 1] if "--out" in argv else OUT
    names, hashed = dims()
    t = time.time()
    rows = features(data)
    positive = {a for y, a, _ in rows if y}
    rows = [r for r in rows if r[1] in positive]
    print(f"{len(rows)} sentences of {len(positive)} articles with bold ({time.time() - t:.0f}s)")
    heavy = interviews(data)
    train = [r for r in rows if not held_out(r[1])]
    test = [r for r in rows if held_out(r[1])]
    w = fit(train, len(names) + hashed, heavy)
    val = evaluate(w, test)
    val_interviews = evaluate(w, [r for r in test if r[1] in heavy])
    print("held out by article:", json.dumps(val))
    print("held-out interviews:", json.dumps(val_interviews))
    w = fit(rows, len(names) + hashed, heavy)
    print("all articles (training fit):", json.dumps(evaluate(w, rows)))
    r = lambda v: round(v, 3) or 0.0
    doc = {"model": "logistic regression over src/select/features.rs, fitted by tools/train_ranker.py",
           "data": "shared/data/emphasis/sentences.jsonl.gz (articles with bold)",
           "validation": val, "validation_interviews": val_interviews, "names": names, "dense": [r(v) for v in w[:len(names)]],
           "hashed": hashed, "ngrams": [r(v) for v in w[len(names):]]}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.relpath(out, ROOT)} ({os.path.getsize(out)} bytes, {time.time() - t:.0f}s)")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
