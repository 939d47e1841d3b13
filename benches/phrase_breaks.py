#!/usr/bin/env python3
"""How many cards carry a line break an editor rejects, judged by segmenters jinju does not use.

jinju chooses its breaks with BudouX's phrase model; this script judges them with jieba and
THULAC (both PyPI), two independent segmenters. It renders every sentence as a card in each
template (through the jinju binary, so the real fonts and presets are measured), reads the
lines back from manifest.json (`artifacts[].lines`) and reports, per template:

- cards:     cards with at least one rejected break, and their share. A break is rejected when
             - it splits a word as *both* jieba and THULAC see it (`word`);
             - the next line opens with a particle 的/了/着/过/地/得/们 standing alone (`particle`);
             - it splits a number from its unit or measure word, `18个 / 月` (`number`);
             - it splits a date, `2024年 / 3月` (`date`);
             - it splits a Latin name from its number, `iPhone / 15 Pro`, `Llama / 3.1` (`name`);
- faults:    clreq violations in the lines (禁则 start/end, split ——/……, a one-token last line),
             with the lists of src/typeset/chars.rs (must be 0);
- size:      the quote's font size, min–median–max, and the short/long ratio: the median size of
             the shortest tenth of the sentences over that of the longest tenth.

Usage (pip install jieba thulac first):

    python3 benches/phrase_breaks.py JINJU_BINARY [--samples DIR ...] [--per-file N] [--show N]

The sentences are tests/data/answers138.txt, plus, with --samples, sentences of 10–60
characters taken at run time from the interviews (*.md, not *.source.md) in each DIR — they
are read there, never copied into the repository.
"""

import argparse
import json
import pathlib
import re
import subprocess
import sys
import tempfile

import jieba
import thulac

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEMPLATES = ["portrait", "square"]
NO_START = set("、。，．：；！？‼⁇⁈⁉!,.:;?”’）》〉】」』〕〗〙〛］｝｠〞〟)]}～〜–·・‧／%％‰℃°′″々〃—⸺⸻―…⋯")
NO_END = set("“‘（《〈【「『〔〖〘〚［｛｟〝([{$＄£￡¥￥€")
PARTICLES = set("的了着过地得们")
DIGITS = "0-9０-９"
HAN_NUM = "零〇一二三四五六七八九十百千万亿两几半"
UNITS = ("个月|个小时|个人|个百分点|小时|分钟|公里|美元|美金|块钱|万亿|平方米|个|位|名|家|款|种|次|"
         "年|月|日|天|号|周|岁|倍|元|块|亿|万|千|百|米|条|篇|本|部|代|期|场|轮|层|成|分|秒|点|股|台|张|"
         "件|辆|%|％|‰")
# A number (Arabic, or two or more Han numerals) and its unit(s): `18个月`, `3.5%`, `十几个`.
NUMBER = re.compile(rf"(?:[{DIGITS}][{DIGITS}.,，]*|[{HAN_NUM}]{{2,}})\s*(?:多|几|余)?(?:{UNITS})+")
DATE = re.compile(rf"[{DIGITS}{HAN_NUM}]{{2,4}}年(?:[{DIGITS}{HAN_NUM}]{{1,2}}月)?"
                  rf"(?:[{DIGITS}{HAN_NUM}]{{1,3}}[日号])?|[{DIGITS}{HAN_NUM}]{{1,2}}月"
                  rf"[{DIGITS}{HAN_NUM}]{{1,3}}[日号]")
# A Latin name with its number (and an edition word): `iPhone 15 Pro`, `GPT-4o`, `Llama 3.1`.
NAME = re.compile(r"[A-Za-z][A-Za-z]*(?:[\s\-]?[0-9][0-9A-Za-z.\-]*)"
                  r"(?:\s(?:Pro|Max|Ultra|Plus|Mini|mini|Turbo|Air|Flash|Sonnet|Opus|Haiku))?")


def han(c):
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def sample_sentences(folder, per_file):
    out = []
    for path in sorted(pathlib.Path(folder).glob("*.md")):
        if path.name.endswith(".source.md") or path.name.isupper():
            continue
        taken = 0
        for para in path.read_text(encoding="utf-8").splitlines():
            para = re.sub(r"^[#>*\-\s]+|\*\*", "", para.strip())
            for s in re.findall(r"[^。！？!?]*[。！？!?]", para):
                s = s.strip()
                if "[" in s or "http" in s or "|" in s:
                    continue
                hans = sum(map(han, s))
                if 10 <= len(s) <= 60 and hans >= 0.6 * len(s) and taken < per_file:
                    out.append(s)
                    taken += 1
    return out


def tokens(line):
    n, prev_latin = 0, False
    for c in line:
        latin = c.isalnum() and c.isascii()
        if han(c) or (latin and not prev_latin):
            n += 1
        prev_latin = latin or (prev_latin and c in "-.'’")
    return n


def faults(lines):
    out = []
    for i, line in enumerate(lines):
        if i > 0 and line[:1] in NO_START:
            out.append(f"starts with {line[0]}: {line}")
        if i + 1 < len(lines):
            last, nxt = line.rstrip()[-1:], lines[i + 1][:1]
            end = line[-1:]
            if last in NO_END:
                out.append(f"ends with {last}: {line}")
            if last == nxt and last in "—…":
                out.append(f"splits {last}{nxt}: {line}")
            if end.isascii() and end.isalnum() and nxt.isascii() and nxt.isalnum():
                out.append(f"splits a Latin word: {line}|{lines[i + 1]}")
    if len(lines) > 1 and tokens(lines[-1]) < 2:
        out.append(f"one-token last line: {lines[-1]}")
    return out


class Judges:
    """Word boundaries by jieba and by THULAC, as offsets in the text without whitespace."""

    def __init__(self):
        jieba.setLogLevel(60)
        self.thu = thulac.thulac(seg_only=True)

    @staticmethod
    def bounds(words):
        out, pos = {0}, 0
        for w in words:
            pos += len(w)
            out.add(pos)
        return out

    def words(self, text):
        bare = "".join(text.split())
        jb = [w for w in jieba.cut(bare, HMM=True)]
        th = [w for w, _ in self.thu.cut(bare)]
        if "".join(th) != bare:  # THULAC altered the text: it cannot judge this sentence
            th = [bare[i] for i in range(len(bare))]
        return bare, jb, self.bounds(jb), self.bounds(th)


def inside(regex, text, pos):
    return any(m.start() < pos < m.end() for m in regex.finditer(text))


def rejected(text, lines, judges):
    """The rules a card's breaks break: a list of (rule, 'before / after')."""
    bare, jb_words, jb, th = judges.words(text)
    starts, pos = [], 0
    for w in jb_words:
        starts.append((pos, w))
        pos += len(w)
    word_at = dict(starts)
    out, pos = [], 0
    for line, nxt in zip(lines, lines[1:]):
        pos += len(line)
        k = len("".join(text[:pos].split()))  # the break's offset in `bare`
        before, after = text[:pos].rstrip()[-1:], nxt.lstrip()[:1]
        shown = f"{line.strip()[-6:]} / {nxt.strip()[:6]}"
        spaced = text[pos - 1].isspace() or nxt[:1].isspace()
        if 0 < k < len(bare) and k not in jb and k not in th and before.isalnum() and after.isalnum() \
                and not spaced:
            out.append(("word", shown))
        if after in PARTICLES and word_at.get(k) == after:
            out.append(("particle", shown))
        for rule, regex in (("number", NUMBER), ("date", DATE), ("name", NAME)):
            if inside(regex, text, pos):
                out.append((rule, shown))
    return out


def report(name, template, manifest, judges, show):
    arts = [a for a in manifest["artifacts"] if a.get("lines")]
    bad_cards, by_rule, examples, bad = 0, {}, [], []
    for a in arts:
        found = rejected(a["text"], a["lines"], judges)
        if found:
            bad_cards += 1
            examples.append(f"{', '.join(sorted({r for r, _ in found}))}: {' | '.join(a['lines'])}")
        for rule, _ in found:
            by_rule[rule] = by_rule.get(rule, 0) + 1
        bad += faults(a["lines"])
    sizes = sorted(a["font_px"] for a in arts)
    by_len = [a["font_px"] for a in sorted(arts, key=lambda a: len(a["text"]))]
    tenth = max(1, len(by_len) // 10)
    short = sorted(by_len[:tenth])[tenth // 2]
    long = sorted(by_len[-tenth:])[tenth // 2]
    rules = " ".join(f"{r} {n}" for r, n in sorted(by_rule.items()))
    print(f"{name:10} {template:9} cards {len(arts):4}  rejected {bad_cards:4} "
          f"({bad_cards / max(1, len(arts)):6.1%}) [{rules}]  faults {len(bad)}  "
          f"size {sizes[0]:.0f}–{sizes[len(sizes) // 2]:.0f}–{sizes[-1]:.0f} px, "
          f"short/long {short / long:.2f}")
    for f in bad[:10]:
        print("   fault:", f)
    for e in examples[:show]:
        print("   rejected:", e)
    return len(arts), bad_cards, len(bad)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("jinju")
    ap.add_argument("--samples", action="append", default=[])
    ap.add_argument("--per-file", type=int, default=25)
    ap.add_argument("--show", type=int, default=0, help="print N cards with a rejected break")
    args = ap.parse_args()
    judges = Judges()
    sentences = [
        line.strip()
        for line in (ROOT / "tests/data/answers138.txt").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    sets = {"answers138": sentences}
    for folder in args.samples:
        sets[pathlib.Path(folder).name] = sample_sentences(folder, args.per_file)
    total = [0, 0, 0]
    with tempfile.TemporaryDirectory() as tmp:
        for name, texts in sets.items():
            lines_file = pathlib.Path(tmp) / f"{name}.txt"
            lines_file.write_text("\n".join(texts) + "\n", encoding="utf-8")
            for template in TEMPLATES:
                out = pathlib.Path(tmp) / f"{name}-{template}"
                cmd = [args.jinju, "cards", "--quiet", "--lines", str(lines_file),
                       "--template", template, "--out", str(out)]
                subprocess.run(cmd, check=False, cwd=ROOT)
                manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
                for i, n in enumerate(report(name, template, manifest, judges, args.show)):
                    total[i] += n
    print(f"all: {total[0]} cards, {total[1]} with a rejected break ({total[1] / max(1, total[0]):.1%}), "
          f"{total[2]} faults")
    return 0


if __name__ == "__main__":
    sys.exit(main())
