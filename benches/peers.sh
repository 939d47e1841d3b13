#!/usr/bin/env bash
# jinju vs the Pillow peer (../shared/peers/pillow_cards.py) on the same 138 sentences, in
# one run (the machine is noisy: compare within a run). Prints time and PNG bytes and their
# ratios. Needs python3 with Pillow, and Debian's fonts-noto-cjk for the peer's font.
#
#   benches/peers.sh [LINES] [TEMPLATE]
#   PILLOW_CARDS=path/to/pillow_cards.py benches/peers.sh   # if shared/ lives elsewhere
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
lines="${1:-$repo/tests/data/answers138.txt}"
template="${2:-portrait}"
peer="${PILLOW_CARDS:-$repo/../shared/peers/pillow_cards.py}"
[ -f "$peer" ] || { echo "peers.sh: no $peer (set PILLOW_CARDS)" >&2; exit 2; }
python3 -c 'import PIL' 2>/dev/null || { echo "peers.sh: python3 needs Pillow (pip install pillow)" >&2; exit 2; }

cd "$repo"
cargo build --release --quiet --bin jinju --example cards
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/jinju" "$out/pillow"

# The CLI command once it exists; the example renders the same way until then.
if ./target/release/jinju cards --help 2>/dev/null | grep -q -- --lines; then
    jinju=(./target/release/jinju cards --lines "$lines" --template "$template" --out "$out/jinju")
else
    jinju=(./target/release/examples/cards "$lines" "$template" "$out/jinju")
fi

now() { date +%s%N; }
t0=$(now); "${jinju[@]}" >/dev/null 2>&1; t1=$(now)
python3 "$peer" "$lines" "$out/pillow" 2>"$out/pillow.log"; t2=$(now)

n=$(grep -c . "$lines")
bytes() { find "$1" -name '*.png' -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }
jb=$(bytes "$out/jinju"); pb=$(bytes "$out/pillow")
jc=$(find "$out/jinju" -name '*.png' | wc -l); pc=$(find "$out/pillow" -name '*.png' | wc -l)
awk -v n="$n" -v jt=$((t1 - t0)) -v pt=$((t2 - t1)) -v jb="$jb" -v pb="$pb" -v jc="$jc" -v pc="$pc" \
    -v cmd="${jinju[*]}" 'BEGIN {
    printf "%d lines; jinju: %s\n", n, cmd
    printf "jinju : %4d cards %8.1f ms = %6.2f ms/card  %9d bytes\n", jc, jt / 1e6, jt / 1e6 / jc, jb
    printf "pillow: %4d cards %8.1f ms = %6.2f ms/card  %9d bytes\n", pc, pt / 1e6, pt / 1e6 / pc, pb
    printf "pillow/jinju: time %.1fx, bytes %.2fx\n", pt / jt, pb / jb
}'
echo "pillow's own loop: $(tail -1 "$out/pillow.log")"
