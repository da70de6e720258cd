#!/bin/sh
# bench-names.sh (run by tests/bench/run.sh): the name matcher.
# 1. Quality on the development data (tests/bench/eval-names.sh; skipped
#    when ../shared/data/names is absent).
# 2. Speed: `newstm names compare` on stdin, pairs of our own test table
#    (tests/data/names/compare.tsv) repeated, against a plain byte-wise
#    Levenshtein over the same lines (tests/bench/lev.c), medians of RUNS.
# Environment: BIN RS WORK RUNS TOP (see run.sh).
set -e
: "${TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${BIN:=$TOP/newstm}"
: "${WORK:=$TOP/build/bench}"
: "${RUNS:=5}"
mkdir -p "$WORK"
if [ -z "$RS" ]; then
	cc -O2 -o "$WORK/runstat" "$TOP/tests/bench/runstat.c"
	RS=$WORK/runstat
fi

BIN=$BIN sh "$TOP/tests/bench/eval-names.sh"
echo

reps=${NAMES_REPS:-1000}
pairs=$WORK/names-pairs.tsv
grep -v '^#' "$TOP/tests/data/names/compare.tsv" | grep . | cut -f1,2 |
	awk -v r="$reps" '{ l[NR] = $0 }
		END { for (i = 0; i < r; i++) for (j = 1; j <= NR; j++) print l[j] }' >"$pairs"
n=$(wc -l <"$pairs")
cc -O2 -o "$WORK/lev" "$TOP/tests/bench/lev.c"

set -- $("$RS" -n "$RUNS" -i "$pairs" "$BIN" names compare)
t_new=$1 rss=$3 st=$4
set -- $("$RS" -n "$RUNS" -i "$pairs" "$WORK/lev")
t_base=$1
[ "$st" = 0 ] || echo "names bench: newstm names compare failed (status $st)"
awk -v n="$n" -v a="$t_new" -v b="$t_base" -v rss="$rss" 'BEGIN {
	printf "names compare (%d pairs on stdin, medians):\n", n
	printf "  newstm %.0f pairs/s (target >= 100000/s); byte Levenshtein %.0f pairs/s; ratio %.2f; peak RSS %d KB\n", \
		(a > 0 ? n / a : 0), (b > 0 ? n / b : 0), (b > 0 && a > 0 ? b / a : 0), rss
}'
