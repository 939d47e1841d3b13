#!/usr/bin/env bash
# jinju's EPUB build vs pandoc's, same machine, same run, same text.
#
# pandoc gets the interview as Markdown generated from `jinju inspect --format json` (so it
# has the same structure jinju builds from: sections, pull quotes, speaker turns). Both are
# timed as processes, end to end, alternating, RUNS times each; min and median are reported,
# with the sizes and (when epubcheck is installed) the validation of both books. Two more jinju
# rows say where its time goes: `jinju-nofont` (the same book without the two font subsets)
# and `cover-card` (only the cover card, rendered alone on the book-cover template).
#
#   benches/epub_vs_pandoc.sh              # uses target/release/jinju (builds it)
#   RUNS=20 benches/epub_vs_pandoc.sh
#   JINJU_EPUB_CMD="path/to/cmd" ...       # a command that writes the EPUB to its last argument
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-10}
command -v pandoc >/dev/null || { echo "pandoc is required (apt-get install pandoc)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 2; }
cargo build --release --quiet
JINJU=target/release/jinju
JINJU_EPUB_CMD=${JINJU_EPUB_CMD:-"$JINJU epub --out"}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$JINJU" inspect --format json >"$work/interview.json"
python3 - "$work/interview.json" "$work/interview.md" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
m = d["meta"]
out = ["---", f"title: \"{m['title']}\"", "lang: zh-CN",
       f"author: [\"{m['interviewer']}\", \"{m['interviewee']}\"]",
       f"description: \"{m['summary']}\"", "---", "", "# 导语", ""]
out += [p + "\n" for p in m["intro"]]
for s in d["sections"]:
    out += [f"# {s['number']:02d} {s['title']}", "", f"> {s['pull_quote']}", ""]
    for p in s["paragraphs"]:
        label = f"**{p['speaker']}：**" if p.get("opens_turn") and p.get("speaker") else ""
        out += [label + p["text"], ""]
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out))
PY

python3 - "$RUNS" "$work" "$JINJU_EPUB_CMD" <<'PY'
import shlex, statistics, subprocess, sys, time, os
runs, work, jinju_cmd = int(sys.argv[1]), sys.argv[2], shlex.split(sys.argv[3])
jinju_bin = jinju_cmd[0]
cmds = {
    "jinju": jinju_cmd + [f"{work}/jinju.epub"],
    "jinju-nofont": jinju_cmd[:-1] + ["--no-embed-font", "--out", f"{work}/jinju-nofont.epub"],
    "cover-card": [jinju_bin, "cards", "--quiet", "--text", "全球大模型第一股的上市访谈：敢问路在何方？",
                   "--template", "templates/cards/book-cover.yaml", "--out", f"{work}/cover"],
    "pandoc": ["pandoc", f"{work}/interview.md", "--from", "markdown", "--to", "epub3",
               "--toc", "-o", f"{work}/pandoc.epub"],
}
times = {k: [] for k in cmds}
for _ in range(runs):
    for name, cmd in cmds.items():
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[name].append((time.perf_counter() - t) * 1000)
for name, ts in times.items():
    path = f"{work}/{name}.epub"
    size = os.path.getsize(path) if os.path.exists(path) else 0
    print(f"{name:7} min {min(ts):7.1f} ms   median {statistics.median(ts):7.1f} ms   "
          f"{size / 1024:7.1f} KB   ({runs} runs)")
PY

# epubcheck as installed: Debian's `epubcheck` is the jar itself.
run_epubcheck() {
  local ep
  ep=$(command -v epubcheck) || return 1
  if [ "$(head -c 2 "$ep")" = PK ]; then java -jar "$ep" "$@"; else "$ep" "$@"; fi
}
for book in jinju pandoc; do
  printf '%-7s epubcheck: ' "$book"
  { run_epubcheck "$work/$book.epub" 2>&1 || true; } | grep -E '^Messages' || echo "(not installed)"
done
$JINJU_EPUB_CMD "$work/again.epub" >/dev/null 2>&1
if cmp -s "$work/again.epub" "$work/jinju.epub"; then
  echo "jinju: two builds byte-identical"
else
  echo "jinju: two builds differ"
fi
