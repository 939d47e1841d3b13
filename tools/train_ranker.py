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
on touched weights. Validation: articles are split by a hash of their id (`a`) into fifths, so
no article has sentences on both sides; the first fifth is held out and it reports AUC (over
all held-out sentences, and the mean per article) and P@10 (the top 10 of each held-out
article with >= 20 sentences), over all held-out articles and over the held-out interviews.
Then it fits again on every article and writes the weights with those figures.

The framing echo (how much a sentence repeats the intro, `Framing::echo`) is fitted apart, on
interviews only, where the intro is the editor's and the turns are the guests': a second
logistic regression over (the ranker's score, the echo) on the guests' sentences
(speakers whose turns end in a question at least 40% of the time are taken for interviewers),
the ranker's score always from a fit that did not see the article (each fifth scored by a fit
on the other four). Its echo weight, divided by its weight of the score, is the echo's
weight in the ranker's logit units. The dev figures: per article AUC and P@10 over the
guests' sentences of the interviews, each fifth's interviews scored by a second stage fitted on
the other fifths, before (the ranker alone) and after (with the echo).

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
    """[(label, article, [(index, value)], echo)] from the Rust feature dumper."""
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "ranker_features"],
                   cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target", "release", "examples", "ranker_features")
    with gzip.open(data, "rb") as f:
        r = subprocess.run([exe], input=f.read(), capture_output=True, check=True)
    rows = []
    for line in r.stdout.decode("utf-8").splitlines():
        parts = line.split(" ")
        echo = float(parts[2])
        feats = [(int(i), float(v)) for i, v in (p.split(":") for p in parts[3:])]
        rows.append((int(parts[0]), parts[1], feats, echo))
    return rows


def dims():
    """(dense names, hashed buckets) from the Rust source, to size the weights."""
    src = open(os.path.join(ROOT, "src", "select", "features.rs"), encoding="utf-8").read()
    block = src.split("pub const NAMES: &[&str] = &[", 1)[1].split("];", 1)[0]
    names = [s.strip().strip('",') for s in block.split("\n") if s.strip().startswith('"')]
    bits = int(src.split("pub const HASHED: usize = 1 << ", 1)[1].split(";", 1)[0])
    return names, 1 << bits


def fit(rows, size, heavy=frozenset(), epochs=EPOCHS, rate=RATE, l2=L2):
    """Logistic regression of rows (label, article, [(index, value)], …), AdaGrad with L2;
    the articles in `heavy` weigh INTERVIEW_WEIGHT times."""
    w, g2 = [0.0] * size, [1e-8] * size
    order = list(range(len(rows)))
    rnd = random.Random(SEED)
    for _ in range(epochs):
        rnd.shuffle(order)
        for k in order:
            y, _, x, _ = rows[k]
            z = sum(w[i] * v for i, v in x)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            err = (p - y) * (INTERVIEW_WEIGHT if rows[k][1] in heavy else 1.0)
            for i, v in x:
                g = err * v + l2 * w[i]
                g2[i] += g * g
                w[i] -= rate * g / math.sqrt(g2[i])
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
    for y, a, x, *_ in rows:
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


def fifth(article):
    return int(hashlib.sha1(article.encode()).hexdigest(), 16) % 5


def held_out(article):
    return fifth(article) == 0


def guests(data, heavy):
    """Per sentence (in file order): True when it is in a guest's turn of an interview: from a
    paragraph with a speaker label on, the turn running until the next label, the speaker not
    an interviewer (one whose turns end in a question at least 40% of the time, over >= 2)."""
    with gzip.open(data, "rt", encoding="utf-8") as f:
        ds = [json.loads(line) for line in f]
    who, cur, last = [], None, None
    for d in ds:
        if (d["a"], d["p"]) != last:
            if d["a"] != (last or ("",))[0]:
                cur = None
            if d.get("speaker"):
                cur = d["speaker"]
            last = (d["a"], d["p"])
        who.append(cur)
    # a turn: consecutive sentences of one speaker; does its last sentence end in a question?
    ends, prev = {}, None
    for k, (d, w) in enumerate(zip(ds, who)):
        if w is None:
            prev = None
            continue
        opens = d.get("speaker") is not None and (prev is None or (ds[prev]["a"], ds[prev]["p"]) != (d["a"], d["p"]))
        if opens or prev is None:
            ends.setdefault((d["a"], w), []).append(k)
        else:
            ends[(d["a"], w)][-1] = k
        prev = k
    q = lambda t: t.rstrip("”’）)」』\"'").endswith(("？", "?"))
    inter = {key for key, ks in ends.items() if len(ks) >= 2 and sum(q(ds[k]["text"]) for k in ks) >= 0.4 * len(ks)}
    return [w is not None and d["a"] in heavy and (d["a"], w) not in inter for d, w in zip(ds, who)]


def fit_echo(rows, base, l2=1.0, steps=50):
    """Logistic regression of the label on (1, base score, echo) by Newton's method with L2
    `l2` on all but the intercept; the weights."""
    xs = [(1.0, b, e) for (_, _, _, e), b in zip(rows, base)]
    ys = [r[0] for r in rows]
    n = 3
    w = [0.0, 1.0, 0.0]
    for _ in range(steps):
        g = [l2 * w[i] if i else 0.0 for i in range(n)]
        h = [[(l2 if i == j and i else 0.0) for j in range(n)] for i in range(n)]
        for x, y in zip(xs, ys):
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, sum(a * b for a, b in zip(w, x))))))
            for i in range(n):
                g[i] += (p - y) * x[i]
                for j in range(n):
                    h[i][j] += p * (1 - p) * x[i] * x[j]
        step = solve(h, g)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(v) for v in step) < 1e-6:
            break
    return w


def solve(a, b):
    """x with a·x = b (Gaussian elimination with partial pivoting)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c]:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def echo_weights(w2):
    """The second stage's echo weight in the ranker's logit units."""
    k = w2[1] if w2[1] > 1e-3 else 1e-3
    return {"run": w2[2] / k}


def evaluate_scores(rows, scores):
    """Per-article AUC (mean) and P@10 (articles with >= 20 sentences) of given scores."""
    by = {}
    for (y, a, *_), s in zip(rows, scores):
        by.setdefault(a, []).append((s, y))
    per = [v for v in (auc(ps) for ps in by.values()) if v is not None]
    p10, base = [], []
    for ps in by.values():
        if len(ps) >= 20 and any(l for _, l in ps):
            top = sorted(ps, key=lambda p: -p[0])[:10]
            p10.append(sum(l for _, l in top) / 10.0)
            base.append(sum(l for _, l in ps) / len(ps))
    mean = lambda xs: sum(xs) / len(xs) if xs else 0.0
    return {"auc_per_article": round(mean(per), 4), "p_at_10": round(mean(p10), 4),
            "p_at_10_random": round(mean(base), 4), "articles": len(p10),
            "sentences": len(rows)}


def main(argv):
    data = argv[argv.index("--data") + 1] if "--data" in argv else DATA
    out = argv[argv.index("--out") + 1] if "--out" in argv else OUT
    names, hashed = dims()
    t = time.time()
    rows = features(data)
    heavy = interviews(data)
    guest = guests(data, heavy)
    positive = {r[1] for r in rows if r[0]}
    keep = [k for k, r in enumerate(rows) if r[1] in positive]
    guest = [guest[k] for k in keep]
    rows = [rows[k] for k in keep]
    print(f"{len(rows)} sentences of {len(positive)} articles with bold ({time.time() - t:.0f}s)")
    size = len(names) + hashed
    # Each fifth held out in turn: the first fifth's fit gives the validation figures, and
    # every fit scores its fifth's interviews for the echo's second stage.
    oof = {}
    for f in range(5):
        train = [r for r in rows if fifth(r[1]) != f]
        w = fit(train, size, heavy)
        if f == 0:
            test = [r for r in rows if held_out(r[1])]
            val = evaluate(w, test)
            val_interviews = evaluate(w, [r for r in test if r[1] in heavy])
            print("held out by article:", json.dumps(val))
            print("held-out interviews:", json.dumps(val_interviews))
        for k, r in enumerate(rows):
            if fifth(r[1]) == f and guest[k]:
                oof[k] = score(w, r[2])
        print(f"fifth {f} fitted ({time.time() - t:.0f}s)", flush=True)
    ks = sorted(oof)
    g_rows, g_base = [rows[k] for k in ks], [oof[k] for k in ks]
    dev_before, dev_after = [], []
    for f in range(5):
        tr = [i for i, r in enumerate(g_rows) if fifth(r[1]) != f]
        w2 = fit_echo([g_rows[i] for i in tr], [g_base[i] for i in tr])
        e = echo_weights(w2)
        for i, r in enumerate(g_rows):
            if fifth(r[1]) == f:
                dev_before.append((r, g_base[i]))
                dev_after.append((r, g_base[i] + e["run"] * r[3]))
    dev = {"before": evaluate_scores([r for r, _ in dev_before], [s for _, s in dev_before]),
           "after": evaluate_scores([r for r, _ in dev_after], [s for _, s in dev_after])}
    print("dev, the guests' sentences of the interviews:", json.dumps(dev))
    w2 = fit_echo(g_rows, g_base)
    echo = echo_weights(w2)
    print("second stage:", [round(v, 3) for v in w2], "echo:", json.dumps(echo))
    w = fit(rows, size, heavy)
    print("all articles (training fit):", json.dumps(evaluate(w, rows)))
    r = lambda v: round(v, 3) or 0.0
    doc = {"model": "logistic regression over src/select/features.rs, fitted by tools/train_ranker.py",
           "data": "shared/data/emphasis/sentences.jsonl.gz (articles with bold)",
           "validation": val, "validation_interviews": val_interviews, "dev_interviews": dev,
           "echo": {k: r(v) for k, v in echo.items()},
           "names": names, "dense": [r(v) for v in w[:len(names)]],
           "hashed": hashed, "ngrams": [r(v) for v in w[len(names):]]}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.relpath(out, ROOT)} ({os.path.getsize(out)} bytes, {time.time() - t:.0f}s)")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
