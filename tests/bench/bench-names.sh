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

# 3. check: an article of 1,000 sentences against 10,000 persons (English
#    and Russian house forms and a German alias each: 30,000 spellings,
#    made up by gen-names.awk), then the same persons without the aliases.
#    Baselines on the same article in the same run: `newstm segment`
#    (read, decode and split it) and grep -c.  The made-up surnames differ
#    by a syllable or a vowel from many others (Doliloshyn, Dololoshyn),
#    far more than real ones: a surname alone that fits two of them about
#    equally is left out, which is what holds the recall without aliases
#    down.
ents=${NAMES_ENTITIES:-10000}
sents=${NAMES_SENTENCES:-1000}
tsv=$WORK/names-$ents.tsv
art=$WORK/names-article-$sents.txt
mem=$WORK/names-$ents.db
LC_ALL=C awk -v mode=tsv -v n="$ents" -f "$TOP/tests/bench/gen-names.awk" >"$tsv"
LC_ALL=C awk -v mode=article -v n="$ents" -v sentences="$sents" \
	-f "$TOP/tests/bench/gen-names.awk" >"$art"
LC_ALL=C awk -v mode=truth -v n="$ents" -v sentences="$sents" \
	-f "$TOP/tests/bench/gen-names.awk" >"$WORK/names-truth.txt"
rm -f "$mem" "$mem-wal" "$mem-shm"
set -- $("$RS" -n 1 "$BIN" --tm "$mem" names import "$tsv")
t_import=$1
set -- $("$RS" -n "$RUNS" -o "$WORK/names-check.out" "$BIN" --tm "$mem" check --lang en "$art")
t_check=$1 rss=$3 st=$4
found=$(wc -l <"$WORK/names-check.out")
# planted variants found (in order, by word and house form)
sed 's/^[^ ]*: //' "$WORK/names-check.out" >"$WORK/names-got.txt"
planted=$(wc -l <"$WORK/names-truth.txt")
right=$(awk 'NR == FNR { want[$0]++; next } want[$0] > 0 { want[$0]--; n++ }
	END { print n + 0 }' "$WORK/names-truth.txt" "$WORK/names-got.txt")
[ "$st" = 1 ] || echo "names bench: newstm check exited $st (want 1: variants found)"
printf 'Lukashenka.\n' >"$WORK/names-one.txt"
set -- $("$RS" -n "$RUNS" "$BIN" --tm "$mem" check --lang en "$WORK/names-one.txt")
t_one=$1
# the same without the German aliases: the matcher alone finds them
grep -v '	alias$' "$tsv" >"$WORK/names-noalias.tsv"
rm -f "$mem.noalias" "$mem.noalias-wal" "$mem.noalias-shm"
"$BIN" --tm "$mem.noalias" names import "$WORK/names-noalias.tsv" >/dev/null
set -- $("$RS" -n "$RUNS" -o "$WORK/names-check2.out" "$BIN" --tm "$mem.noalias" check --lang en "$art")
t_check2=$1
sed 's/^[^ ]*: //' "$WORK/names-check2.out" >"$WORK/names-got2.txt"
found2=$(wc -l <"$WORK/names-got2.txt")
right2=$(awk 'NR == FNR { want[$0]++; next } want[$0] > 0 { want[$0]--; n++ }
	END { print n + 0 }' "$WORK/names-truth.txt" "$WORK/names-got2.txt")
set -- $("$RS" -n "$RUNS" "$BIN" segment "$art")
t_seg=$1
set -- $("$RS" -n "$RUNS" grep -c Minsk "$art")
t_grep=$1
awk -v e="$ents" -v s="$sents" -v c="$t_check" -v one="$t_one" \
	-v seg="$t_seg" -v g="$t_grep" -v imp="$t_import" -v rss="$rss" \
	-v found="$found" -v planted="$planted" -v right="$right" \
	-v c2="$t_check2" -v found2="$found2" -v right2="$right2" 'BEGIN {
	printf "check (%d sentences against %d persons, medians):\n", s, e
	printf "  newstm check %.3f s (target < 0.5 s); peak RSS %d KB\n", c, rss
	printf "  planted variants: %d; reported %d, of which right %d (recall %.3f, precision %.3f)\n", \
		planted, found, right, (planted ? right / planted : 0), (found ? right / found : 0)
	printf "  of which loading the persons (a one-word article): %.3f s\n", one
	printf "  without the German aliases (the matcher alone): %.3f s; reported %d, right %d (recall %.3f, precision %.3f)\n", \
		c2, found2, right2, (planted ? right2 / planted : 0), (found2 ? right2 / found2 : 0)
	printf "  baselines on the same article: newstm segment %.3f s (ratio %.1f), grep -c %.3f s (ratio %.0f)\n", \
		seg, (seg > 0 ? c / seg : 0), g, (g > 0 ? c / g : 0)
	printf "  names import of the %d persons (once): %.2f s\n", e, imp
}'
