#!/usr/bin/env bash
# Shared by benches/linear_*.sh: run one jinju command on inputs of doubling size and print
# each run's wall time and peak RSS with the ratio to the previous size. Linear work shows
# time ratios near 2 (or below, while start-up dominates); quadratic work shows 4.
#
# A script defines `make_input N FILE` (write an input of size N) and `jinju_args FILE`
# (print the arguments, one a line), then calls `series START STEPS`. JINJU=path runs that
# binary instead of building the release one.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time)" >&2; exit 2; }
if [ -z "${JINJU:-}" ]; then
    (cd "$repo" && cargo build --release --quiet --bin jinju)
    JINJU="$repo/target/release/jinju"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

series() {
    local n="$1" steps="$2" prev="" i
    for ((i = 0; i < steps; i++)); do
        make_input "$n" "$work/input"
        mapfile -t args < <(jinju_args "$work/input")
        /usr/bin/time -f '%e %M' -o "$work/time" "$JINJU" "${args[@]}" >/dev/null 2>"$work/err" || true
        read -r secs kb < <(tail -n 1 "$work/time")
        local bytes
        bytes=$(wc -c <"$work/input")
        if [ -n "$prev" ]; then
            ratio=$(awk -v a="$secs" -v b="$prev" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
        else
            ratio="-"
        fi
        printf '%10d (%9d bytes): %7.2f s  %7.1f MB  time ×%s  %s\n' "$n" "$bytes" "$secs" \
            "$(awk -v k="$kb" 'BEGIN { print k / 1000 }')" "$ratio" "$(head -c 70 "$work/err" | tr '\n' ' ')"
        prev="$secs"
        n=$((n * 2))
    done
}
