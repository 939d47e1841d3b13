#!/usr/bin/env bash
# Selection is linear in a paragraph's length (an 800 KB paragraph once took 7.3 s): one
# answer of N characters, ranked by `quotes --auto 3`.
#
#   benches/linear_select.sh      (JINJU=target/debug/jinju to skip the release build)
source "$(dirname "$0")/doubling.sh"
jinju_args() { printf '%s\n' quotes --auto 3 --input "$1"; }
make_input() { python3 -c "
import random, sys
random.seed(1)
n = int(sys.argv[1])
body = ''.join(random.choice('我们的这是一个很好问题因为所以但是如果就会在中国人工智能发展') + ('，' if i % 13 == 0 else '') + ('。' if i % 41 == 0 else '') for i in range(n))
print('标题\n\n李雷：请谈谈？\n\n韩梅梅：好的。\n\n李雷：还有呢？\n\n韩梅梅：' + body + '\n\n李雷：谢谢。\n\n韩梅梅：不客气。')" "$1" >"$2"; }
series 50000 5
