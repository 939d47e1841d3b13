#!/usr/bin/env bash
# Peak RSS of `jinju cards --lines` at several card counts, to show that memory does not grow
# with the number of cards. The lines are the 138 benchmark answers over and over, each with
# its number appended so that no two are the same quote.
#
#   benches/rss.sh [COUNT...]        (default: 1000 5000 20000; needs GNU time at /usr/bin/time)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
[ -x /usr/bin/time ] || { echo "rss.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }
cd "$repo"
cargo build --release --quiet --bin jinju
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
[ $# -gt 0 ] || set -- 1000 5000 20000
for n in "$@"; do
    awk -v n="$n" '{ a[NR] = $0 } END { for (i = 0; i < n; i++) print a[i % NR + 1] "（" i "）" }' \
        tests/data/answers138.txt >"$out/lines.txt"
    /usr/bin/time -f '%M %e %U %S' -o "$out/time" ./target/release/jinju cards --quiet \
        --lines "$out/lines.txt" --template portrait --out "$out/cards-$n" >/dev/null
    awk -v n="$n" '{ printf "%6d cards: peak RSS %6.1f MB, %6.1f s wall, %.2f ms CPU a card\n", n, $1 / 1000, $2, 1000 * ($3 + $4) / n }' "$out/time"
    rm -rf "$out/cards-$n"
done
