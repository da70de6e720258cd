#!/bin/sh
# bench-match.sh: the matcher's index against a brute-force scan of the same
# memory, in the same run, on generated news-like sentence pairs (see
# tests/bench/match_bench.c); run by tests/bench/run.sh with BIN, RS, WORK,
# RUNS, MB and TOP set.  A second baseline is a minimal exact inverted index
# with a prefix filter.  MATCH_UNITS / MATCH_BIG_UNITS / MATCH_QUERIES change
# the sizes (defaults 100000, 1000000, 1000); MATCH_BIG_UNITS=0 skips the
# large run.
set -e
top=${TOP:?}
work=${WORK:?}
rs=${RS:?}
runs=${RUNS:-5}
units=${MATCH_UNITS:-100000}
big=${MATCH_BIG_UNITS:-1000000}
nq=${MATCH_QUERIES:-1000}

make -C "$top" --no-print-directory build/std/match-bench >/dev/null
drv=$top/build/std/match-bench

# val FILE KEY: the value of "KEY value" in FILE
val() { awk -v k="$2" '$1 == k { print $2 }' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b > 0 ? a / b : 0) }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
verdict() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN {
	ok = op == ">=" ? a >= b : a <= b; print ok ? "ok" : "MISSED" }'; }

echo "match: $units units of about 22 tokens, $nq queries (medians of $runs runs):"
# the index, with every query also answered by brute force and compared
set -- $("$rs" -n 1 -o "$work/match-both.txt" "$drv" --units "$units" \
	--queries "$nq" --runs "$runs" --mode both)
rss_index=$3
set -- $("$rs" -n 1 -o "$work/match-brute.txt" "$drv" --units "$units" \
	--queries "$nq" --mode brute --brute-sample 20)
rss_brute=$3
set -- $("$rs" -n 1 -o "$work/match-minimal.txt" "$drv" --units "$units" \
	--queries "$nq" --mode minimal)
f=$work/match-both.txt
brute=$(val "$f" brute_qps)
min50=$(val "$work/match-minimal.txt" minimal_qps_50)
min75=$(val "$work/match-minimal.txt" minimal_qps_75)
echo "  index built in $(val "$f" build_s) s: $(val "$f" tokens) tokens, $(val "$f" postings) postings"
for s in 50 75; do
	q=$(val "$f" index_qps_$s)
	target=500
	[ $s = 75 ] && target=5000
	mq=$min50
	[ $s = 75 ] && mq=$min75
	echo "  --min-score $s: index $q q/s ($(verdict "$q" ">=" $target), target >= $target);" \
		"brute force $brute q/s: ratio $(ratio "$q" "$brute");" \
		"minimal prefix index $mq q/s: ratio $(ratio "$q" "$mq")"
	echo "    same matches as brute force: $(val "$f" checked_$s) queries," \
		"$(val "$f" differ_$s) differ; $(val "$f" matches_$s) matches;" \
		"$(val "$f" candidates_$s) units checked per query" \
		"(minimal index: $(val "$work/match-minimal.txt" minimal_matches_$s) matches," \
		"$(val "$work/match-minimal.txt" minimal_candidates_$s) checked)"
done
echo "  peak RSS: index $(mb "$rss_index") MB, brute force $(mb "$rss_brute") MB" \
	"(texts are not held: the driver generates a unit again when asked)"
"$drv" --units "$units" --mode load >"$work/match-load.txt"
f=$work/match-load.txt
echo "  opening a stored index: dictionary and token blobs ($(val "$f" blob_mb) MB)" \
	"read in $(val "$f" load_s) s, postings built in $(val "$f" postings_s) s"

[ "$big" -gt 0 ] || exit 0
echo
echo "match: $big units, $nq queries (brute force on 20 of them):"
set -- $("$rs" -n 1 -o "$work/match-big.txt" "$drv" --units "$big" \
	--queries "$nq" --runs "$runs" --mode index --brute-sample 20)
rss=$3
f=$work/match-big.txt
brute=$(val "$f" brute_qps)
echo "  index built in $(val "$f" build_s) s: $(val "$f" tokens) tokens, $(val "$f" postings) postings"
q=$(val "$f" index_qps_50)
echo "  --min-score 50: index $q q/s ($(verdict "$q" ">=" 100), target >= 100);" \
	"brute force $brute q/s: ratio $(ratio "$q" "$brute"); same matches on" \
	"$(val "$f" checked_50) queries: $(val "$f" differ_50) differ"
q=$(val "$f" index_qps_75)
echo "  --min-score 75: index $q q/s: ratio $(ratio "$q" "$brute"); same matches on" \
	"$(val "$f" checked_75) queries: $(val "$f" differ_75) differ"
echo "  peak RSS $(mb "$rss") MB ($(verdict "$(mb "$rss")" "<=" 300), target <= 300 MB)"
"$drv" --units "$big" --mode load >"$work/match-load.txt"
f=$work/match-load.txt
echo "  opening a stored index: dictionary and token blobs ($(val "$f" blob_mb) MB)" \
	"read in $(val "$f" load_s) s, postings built in $(val "$f" postings_s) s"
