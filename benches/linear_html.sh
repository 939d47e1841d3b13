#!/usr/bin/env bash
# HTML depth is measured by a linear scan before html5ever's parse (quadratic in depth:
# 100,000 nested <div>s took 17–74 s): N nested <div>s (refused at once), and N paragraphs
# each inside 20 <div>s (parsed).
#
#   benches/linear_html.sh      (JINJU=target/debug/jinju to skip the release build)
source "$(dirname "$0")/doubling.sh"
jinju_args() { printf '%s\n' inspect --from html --input "$1"; }
echo "N nested <div>s:"
make_input() { python3 -c "import sys; print('<html><body>' + '<div>' * int(sys.argv[1]) + '字')" "$1" >"$2"; }
series 25000 5
echo "N paragraphs, each 20 <div>s deep:"
make_input() { python3 -c "
import sys
n = int(sys.argv[1])
print('<html><body><article>' + ''.join('<div>' * 20 + '<p>问：第%d段？</p><p>答：好的。</p>' % i + '</div>' * 20 for i in range(n)) + '</article></body></html>')" "$1" >"$2"; }
series 1000 5
