#!/usr/bin/env bash
# Errata are applied in one Aho–Corasick pass (once O(entries × text): 20,000 entries took
# 8 s): N entries, each correcting one of N paragraphs.
#
#   benches/linear_errata.sh      (JINJU=target/debug/jinju to skip the release build)
source "$(dirname "$0")/doubling.sh"
jinju_args() { printf '%s\n' inspect --input "$1.txt" --errata "$1"; }
make_input() { python3 -c "
import sys
n, out = int(sys.argv[1]), sys.argv[2]
open(out + '.txt', 'w').write('标题\n\n' + ''.join('李雷：第%d问？\n\n韩梅梅：错字%d号，我们说得很好。\n\n' % (i, i) for i in range(n)))
open(out, 'w').write(''.join('- find: \"错字%d号\"\n  replace: \"正字%d号\"\n  why: 笔误\n' % (i, i) for i in range(n)))" "$1" "$2"; }
series 2500 5
