#!/usr/bin/env bash
# jinju vs the Pillow peer (../shared/peers/pillow_cards.py) and the satori + resvg peer
# (../shared/peers/satori_cards.mjs) on the same 138 sentences, in one run (the machine is
# noisy: compare within a run). Prints time and PNG bytes and their ratios. Needs python3
# with Pillow, Debian's fonts-noto-cjk for the Pillow peer's font, and node + npm: the npm
# packages satori and @resvg/resvg-js are installed once into target/peers-node.
#
#   benches/peers.sh [LINES] [TEMPLATE]
#   REPEAT=5 benches/peers.sh          (best of 5 runs each; default 3)
#   PILLOW_CARDS=path/to/pillow_cards.py SATORI_CARDS=path/to/satori_cards.mjs benches/peers.sh
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
lines="${1:-$repo/tests/data/answers138.txt}"
template="${2:-portrait}"
peer="${PILLOW_CARDS:-$repo/../shared/peers/pillow_cards.py}"
[ -f "$peer" ] || { echo "peers.sh: no $peer (set PILLOW_CARDS)" >&2; exit 2; }
satori="${SATORI_CARDS:-$repo/../shared/peers/satori_cards.mjs}"
[ -f "$satori" ] || { echo "peers.sh: no $satori (set SATORI_CARDS)" >&2; exit 2; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "peers.sh: needs node and npm" >&2; exit 2; }
python3 -c 'import PIL' 2>/dev/null || { echo "peers.sh: python3 needs Pillow (pip install pillow)" >&2; exit 2; }

cd "$repo"
cargo build --release --quiet --bin jinju
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/jinju" "$out/pillow" "$out/satori"
# ES modules resolve packages next to the script: run a copy inside the npm folder.
node_dir="$repo/target/peers-node"
if [ ! -d "$node_dir/node_modules/satori" ] || [ ! -d "$node_dir/node_modules/@resvg/resvg-js" ]; then
    mkdir -p "$node_dir"
    npm install --silent --no-audit --no-fund --prefix "$node_dir" satori @resvg/resvg-js >/dev/null
fi
cp "$satori" "$node_dir/satori_cards.mjs"

jinju=(./target/release/jinju cards --quiet --lines "$lines" --template "$template" --out "$out/jinju")

# Wall and CPU (user + sys) seconds of a command, each the least of REPEAT runs (default 3):
# a short run such as jinju's half second is easily stretched by whatever else the machine
# does, so every contestant gets its best of the same number of tries.
TIMEFORMAT='%R %U %S'
repeat="${REPEAT:-3}"
measure() {
    for _ in $(seq "$repeat"); do
        { time "$@" >/dev/null 2>"$out/stderr.log"; } 2>&1 | awk '{print $1, $2 + $3}'
    done | sort -n -k2 | awk 'NR == 1 {c = $2} {w = (NR == 1 || $1 < w) ? $1 : w} END {print w, c}'
}
read -r jw jc_time < <(measure "${jinju[@]}")
read -r pw pc_time < <(measure python3 "$peer" "$lines" "$out/pillow")
cp "$out/stderr.log" "$out/pillow.log"
read -r sw sc_time < <(measure node "$node_dir/satori_cards.mjs" "$lines" "$out/satori" "$repo/fonts/NotoSerifSC-Bold.otf")
cp "$out/stderr.log" "$out/satori.log"

n=$(grep -c . "$lines")
bytes() { find "$1" -name '*.png' -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }
count() { find "$1" -name '*.png' | wc -l; }
awk -v n="$n" -v cmd="${jinju[*]}" -v jw="$jw" -v jt="$jc_time" -v pw="$pw" -v pt="$pc_time" \
    -v sw="$sw" -v st="$sc_time" \
    -v jb="$(bytes "$out/jinju")" -v pb="$(bytes "$out/pillow")" -v sb="$(bytes "$out/satori")" \
    -v jc="$(count "$out/jinju")" -v pc="$(count "$out/pillow")" -v sc="$(count "$out/satori")" 'BEGIN {
    printf "%d lines; jinju: %s\n", n, cmd
    printf "        cards   wall ms/card   cpu ms/card   PNG bytes\n"
    printf "jinju : %5d %14.2f %13.2f %11d\n", jc, 1000 * jw / jc, 1000 * jt / jc, jb
    printf "pillow: %5d %14.2f %13.2f %11d\n", pc, 1000 * pw / pc, 1000 * pt / pc, pb
    printf "satori: %5d %14.2f %13.2f %11d\n", sc, 1000 * sw / sc, 1000 * st / sc, sb
    printf "pillow/jinju: wall %.1fx, cpu %.1fx, bytes %.2fx\n", pw / jw, pt / jt, pb / jb
    printf "satori/jinju: wall %.1fx, cpu %.1fx, bytes %.2fx\n", sw / jw, st / jt, sb / jb
}'
echo "pillow's own loop: $(tail -1 "$out/pillow.log")"
echo "satori's own loop: $(tail -1 "$out/satori.log")"
