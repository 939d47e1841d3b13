#!/usr/bin/env bash
# Markdown nesting is bounded before parsing: `1. 1. 1. …` N deep on one line (refused at
# once, once 16,000 levels took 751 MB), and N lines each 50 lists deep (parsed).
#
#   benches/linear_markdown.sh      (JINJU=target/debug/jinju to skip the release build)
source "$(dirname "$0")/doubling.sh"
jinju_args() { printf '%s\n' inspect --from markdown --input "$1"; }
echo "one line, N nested ordered lists:"
make_input() { python3 -c "import sys; print('问：你好\n\n' + '1. ' * int(sys.argv[1]) + '深')" "$1" >"$2"; }
series 4000 6
echo "N lines, each 16 nested lists or quotes:"
make_input() { python3 -c "
import sys
n = int(sys.argv[1])
print('\n\n'.join(('1. ' if i % 2 else '> ') * 16 + '第%d段。' % i for i in range(n)))" "$1" >"$2"; }
series 1000 6
