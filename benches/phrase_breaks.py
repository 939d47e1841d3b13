#!/usr/bin/env python3
"""How often the cards break a line inside a word, judged by a segmenter jinju does not use.

jinju chooses its breaks with BudouX's phrase model; this script judges them with jieba (PyPI),
an independent dictionary-and-HMM segmenter. It renders every sentence as a card in each
template (through the jinju binary, so the real fonts and presets are measured), reads the
lines back from manifest.json and reports, per template:

- breaks:  line breaks between two Han characters;
- inside:  the share of those that fall inside a jieba word;
- faults:  rule violations in the lines (禁则 start/end, split ——/……, a one-token last line),
           with the lists of src/typeset/chars.rs.

Usage (pip install jieba first):

    python3 benches/phrase_breaks.py JINJU_BINARY [--samples DIR] [--per-file N]

The sentences are tests/data/answers138.txt, plus, with --samples, sentences of 10–60
characters taken at run time from the interviews (*.md, not *.source.md) in DIR — they are
read there, never copied into the repository.
"""

import argparse
import json
import pathlib
import re
import subprocess
import sys
import tempfile

import jieba

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEMPLATES = ["portrait", "square"]
NO_START = set("、。，．：；！？‼⁇⁈⁉!,.:;?”’）》〉】」』〕〗〙〛］｝｠〞〟)]}～〜–·・‧／%％‰℃°′″々〃—⸺⸻―…⋯")
NO_END = set("“‘（《〈【「『〔〖〘〚［｛｟〝([{$＄£￡¥￥€")


def han(c):
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def sample_sentences(folder, per_file):
    out = []
    for path in sorted(pathlib.Path(folder).glob("*.md")):
        if path.name.endswith(".source.md"):
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


def word_bounds(text):
    bounds, pos = set(), 0
    for word in jieba.cut(text, HMM=True):
        pos += len(word)
        bounds.add(pos)
    return bounds


def han_breaks(text, lines):
    """(position, inside a word) of every break between two Han characters."""
    bounds, pos, out = word_bounds(text), 0, []
    for line in lines[:-1]:
        pos += len(line)
        if han(text[pos - 1]) and han(text[pos]):
            out.append((pos, pos not in bounds))
    return out


def judge(cards):
    breaks = inside = 0
    bad, examples = [], []
    for text, lines in cards:
        found = han_breaks(text, lines)
        breaks += len(found)
        inside += sum(1 for _, i in found if i)
        if any(i for _, i in found):
            examples.append(" / ".join(lines))
        bad += faults(lines)
    return breaks, inside, bad, examples


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("jinju")
    ap.add_argument("--samples")
    ap.add_argument("--per-file", type=int, default=25)
    ap.add_argument("--show", type=int, default=0, help="print N inside-word breaks")
    args = ap.parse_args()
    jieba.setLogLevel(60)
    sentences = [
        line.strip()
        for line in (ROOT / "tests/data/answers138.txt").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    sets = {"answers138": sentences}
    if args.samples:
        sets["samples"] = sample_sentences(args.samples, args.per_file)
    with tempfile.TemporaryDirectory() as tmp:
        for name, texts in sets.items():
            lines_file = pathlib.Path(tmp) / f"{name}.txt"
            lines_file.write_text("\n".join(texts) + "\n", encoding="utf-8")
            for template in TEMPLATES:
                out = pathlib.Path(tmp) / f"{name}-{template}"
                cmd = [args.jinju, "cards", "--quiet", "--lines", str(lines_file),
                       "--template", template, "--out", str(out)]
                subprocess.run(cmd, check=True, cwd=ROOT)
                manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
                cards = [(a["text"], a["lines"]) for a in manifest["artifacts"] if a.get("lines")]
                breaks, inside, bad, examples = judge(cards)
                sizes = sorted(a["font_px"] for a in manifest["artifacts"] if a.get("font_px"))
                median = sizes[len(sizes) // 2]
                share = inside / breaks if breaks else 0.0
                print(f"{name:10} {template:9} cards {len(cards):4}  Han–Han breaks {breaks:4}  "
                      f"inside a word {inside:4} ({share:6.1%})  faults {len(bad)}  "
                      f"size {sizes[0]:.0f}–{median:.0f}–{sizes[-1]:.0f} px (min–median–max)")
                for f in bad[:10]:
                    print("   fault:", f)
                for example in examples[: args.show]:
                    print("   inside:", example)
    return 0


if __name__ == "__main__":
    sys.exit(main())
