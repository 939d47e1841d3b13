#!/usr/bin/env python3
"""How far a text-only ranker fitted on the emphasis data gets on interviews: the dev figures
of several model families, each scored the way `train_ranker.py` scores its dev set.

This is a measurement, not part of the build: it answers "would a bigger model find editors'
bold in interviews?" before anyone ports one to Rust. It needs numpy, scipy, scikit-learn
and jieba (`pip install numpy scipy scikit-learn jieba`); `train_ranker.py` itself needs
only the standard library.

Data and split are `train_ranker.py`'s: the articles of ../shared/data/emphasis with some
bold, in fifths by a hash of the article id; interviews weigh 5x. Each fifth is scored by
a fit on the other four. The dev set is the guests' sentences of the interviews (9,147
sentences of 34 interviews with bold); per article AUC (mean) and P@10 (articles with >= 20
sentences and some bold), with a second stage (logistic regression of the label on the
score and the framing echo, itself fitted on the other fifths) for the `+ echo` column.

Families:
  jinju          jinju's own features (src/select/features.rs: dense + 4,096 hashed
                 character 1-2-grams), as the committed ranker
  char 1-3       jinju's dense features + character 1-3-grams hashed into 2^18
  char 1-4       the same with 1-4-grams into 2^20
  words          jinju's dense features + jieba word 1-2-grams hashed into 2^18
  trees          gradient-boosted trees (depth 3) over the jinju score (out of fold), the
                 framing echo, the dense features and the place in the turn

  python3 tools/ranker_ceiling.py [--data PATH]
"""
import gzip, json, os, sys

import jieba
import numpy as np
import scipy.sparse as sp
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_ranker as tr  # noqa: E402


def dev_figures(arts, scores, ys):
    by = {}
    for a, s, y in zip(arts, scores, ys):
        by.setdefault(a, []).append((s, y))
    aucs, p10, base = [], [], []
    for ps in by.values():
        s = [p[0] for p in ps]
        y = [p[1] for p in ps]
        if 0 < sum(y) < len(y):
            aucs.append(roc_auc_score(y, s))
        if len(ps) >= 20 and sum(y):
            top = sorted(ps, key=lambda p: -p[0])[:10]
            p10.append(sum(l for _, l in top) / 10)
            base.append(sum(y) / len(y))
    return np.mean(aucs), np.mean(p10), np.mean(base)


def main(argv):
    data = argv[argv.index("--data") + 1] if "--data" in argv else tr.DATA
    with gzip.open(data, "rt", encoding="utf-8") as f:
        ds = [json.loads(line) for line in f]
    texts = [d["text"] for d in ds]
    rows = tr.features(data)
    heavy = tr.interviews(data)
    guest = np.array(tr.guests(data, heavy))
    names, hashed = tr.dims()
    with_bold = {r[1] for r in rows if r[0]}
    keep = np.array([r[1] in with_bold for r in rows])
    y = np.array([r[0] for r in rows])
    arts = [r[1] for r in rows]
    fifth = np.array([tr.fifth(a) for a in arts])
    weight = np.array([tr.INTERVIEW_WEIGHT if a in heavy else 1.0 for a in arts])
    echo = np.array([r[3] for r in rows])
    dev = guest & keep
    ind, val, ptr = [], [], [0]
    for r in rows:
        for i, v in r[2]:
            ind.append(i)
            val.append(v)
        ptr.append(len(ind))
    jinju = sp.csr_matrix((val, ind, ptr), shape=(len(rows), len(names) + hashed))
    dense = jinju[:, :len(names)]

    def out_of_fold(fit_score, mask):
        out = np.zeros(len(rows))
        for f in range(5):
            train = keep & (fifth != f)
            test = mask & (fifth == f)
            out[test] = fit_score(train, test)
        return out

    def linear(x):
        def fit_score(train, test):
            m = LogisticRegression(C=1.0, max_iter=2000, solver="liblinear")
            m.fit(x[train], y[train], sample_weight=weight[train])
            return m.decision_function(x[test])
        return fit_score

    def report(label, score):
        g = np.where(dev)[0]
        second = np.zeros(len(rows))
        z = np.c_[score, echo]
        for f in range(5):
            train, test = dev & (fifth != f), dev & (fifth == f)
            second[test] = LogisticRegression().fit(z[train], y[train]).decision_function(z[test])
        a0, p0, base = dev_figures([arts[i] for i in g], score[g], y[g])
        a1, p1, _ = dev_figures([arts[i] for i in g], second[g], y[g])
        print(f"| {label} | {a0:.3f} | {p0:.3f} | {a1:.3f} | {p1:.3f} | {base:.3f} |", flush=True)

    print("| family | AUC | P@10 | AUC + echo | P@10 + echo | P@10 at random |")
    print("|---|---|---|---|---|---|")
    base_score = out_of_fold(linear(jinju), keep)
    report("jinju", base_score)
    chars = lambda lo, hi, bits: HashingVectorizer(
        analyzer="char", ngram_range=(lo, hi), n_features=1 << bits,
        alternate_sign=False, norm="l2").transform(texts)
    report("char 1-3", out_of_fold(linear(sp.hstack([dense, chars(1, 3, 18)]).tocsr()), dev))
    report("char 1-4", out_of_fold(linear(sp.hstack([dense, chars(1, 4, 20)]).tocsr()), dev))
    jieba.setLogLevel(60)
    words = HashingVectorizer(analyzer="word", token_pattern=r"(?u)\S+", ngram_range=(1, 2),
                              n_features=1 << 18, alternate_sign=False, norm="l2")
    xw = words.transform(" ".join(jieba.lcut(t)) for t in texts)
    report("words", out_of_fold(linear(sp.hstack([dense, xw]).tocsr()), dev))
    # The place in the turn: the sentence's index in its turn and the turn's length.
    turn_at, turn_len = np.zeros(len(rows)), np.zeros(len(rows))
    turn, last = [], None
    for k, d in enumerate(ds + [None]):
        opens = d is None or d["a"] != (last or {}).get("a") or (
            d.get("speaker") is not None and (d["a"], d["p"]) != (last["a"], last["p"]))
        if opens:
            for j, t in enumerate(turn):
                turn_at[t], turn_len[t] = j, len(turn)
            turn = []
        if d is not None:
            turn.append(k)
            last = d
    feats = np.c_[base_score, echo, dense.toarray(), turn_at, turn_len]

    def trees(train, test):
        m = HistGradientBoostingClassifier(max_depth=3, learning_rate=0.05, max_iter=200,
                                           l2_regularization=1.0, random_state=0)
        m.fit(feats[train], y[train], sample_weight=weight[train])
        return m.decision_function(feats[test])
    report("trees", out_of_fold(trees, dev))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
