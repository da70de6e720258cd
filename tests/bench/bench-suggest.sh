#!/bin/sh
# bench-suggest.sh: `newstm suggest` end to end on a memory of imported
# pairs (generated news-like sentences, tests/bench/match_bench.c --mode
# tsv; about 22 tokens each, one in ten an edited copy of another) and
# 1,000 queries (one a line, --presegmented; half new sentences, half
# copies or near-duplicates of stored ones): the time to open the memory
# (read the stored index), queries per second at --min-score 50 and 75
# with the index, and the same with the hidden --brute-force option
# (every unit compared) on a sample of the queries in the same run, whose
# answers must be the same bytes; peak memory of each.  Also `newstm
# search` for a rare and a frequent word against an SQL LIKE scan of the
# texts (sqlite3, when installed).  Run by tests/bench/run.sh with BIN, RS,
# WORK, RUNS and TOP set.  SUGGEST_UNITS (default 100000), SUGGEST_QUERIES
# (1000) and SUGGEST_BRUTE (queries for the brute force, 40) change the
# sizes.
set -e
top=${TOP:?}
work=${WORK:?}
rs=${RS:?}
bin=${BIN:?}
runs=${RUNS:-5}
units=${SUGGEST_UNITS:-100000}
nq=${SUGGEST_QUERIES:-1000}
nb=${SUGGEST_BRUTE:-40}

make -C "$top" --no-print-directory build/std/match-bench >/dev/null
drv=$top/build/std/match-bench
tsv=$work/suggest-$units.tsv
q=$work/suggest-q$nq.txt
db=$work/suggest-$units.db

# per_s N T0 T: N / (T - T0), the queries' share of a run
per_s() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { d = b - a; printf "%.0f", (d > 0 ? n / d : 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b > 0 ? a / b : 0) }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.0f", s * 1000 }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a >= b ? "ok" : "MISSED") }'; }

[ -s "$tsv" ] || "$drv" --units "$units" --mode tsv >"$tsv"
[ -s "$q" ] || "$drv" --units "$units" --queries "$nq" --mode queries >"$q"
head -n "$nb" "$q" >"$work/suggest-qb.txt"

echo "suggest: a memory of $units imported pairs, $nq queries (medians of $runs runs):"
rm -f "$db" "$db-wal" "$db-shm"
set -- $("$rs" -n 1 "$bin" --tm "$db" import --src-lang en --tgt-lang de "$tsv")
echo "  import with the index written: $(per_s "$units" 0 "$1") units/s, peak RSS $(mb "$3") MB"

# med FILE KEY: the median of the "KEY value" lines of FILE (--timing)
med() { awk -v k="$2" '$1 == k { print $2 }' "$1" | sort -g |
	awk '{ v[NR] = $1 } END { print (NR ? v[int((NR + 1) / 2)] : 0) }'; }

for s in 50 75; do
	# --timing: seconds to open the memory (dictionary, token blobs,
	# postings) and to match, measured inside, on stderr
	set -- $("$rs" -n "$runs" -o "$work/suggest-i$s.jsonl" "$bin" --tm "$db" \
		suggest --timing --presegmented --format jsonl --max 0 \
		--min-score $s "$q" 2>"$work/suggest-t$s.txt")
	rss_idx=$3
	t_open=$(med "$work/suggest-t$s.txt" open_s)
	t_idx=$(med "$work/suggest-t$s.txt" query_s)
	set -- $("$rs" -n 1 -o "$work/suggest-b$s.jsonl" "$bin" --tm "$db" \
		suggest --timing --brute-force --presegmented --format jsonl \
		--max 0 --min-score $s "$work/suggest-qb.txt" 2>"$work/suggest-tb$s.txt")
	rss_br=$3
	t_br=$(med "$work/suggest-tb$s.txt" query_s)
	qi=$(per_s "$nq" 0 "$t_idx")
	qb=$(per_s "$nb" 0 "$t_br")
	# the issue's targets: at 100,000 units 500 q/s at 50 and 5,000 at
	# 75; at 1,000,000 units 100 q/s at 50
	target=500
	[ $s = 75 ] && target=5000
	[ "$units" -ge 1000000 ] && target=100 && [ $s = 75 ] && target=0
	if head -n "$nb" "$work/suggest-i$s.jsonl" | cmp -s - "$work/suggest-b$s.jsonl"; then
		same="the same answers"
	else
		same="ANSWERS DIFFER"
	fi
	matches=$(grep -o '"score"' "$work/suggest-i$s.jsonl" | wc -l)
	tv="$(verdict "$qi" $target), target >= $target"
	[ "$target" = 0 ] && tv="no target at this size"
	[ $s = 50 ] && echo "  opening the memory (dictionary, token blobs, postings): $(ms "$t_open") ms"
	echo "  --min-score $s: index $qi q/s ($tv), $matches matches;" \
		"brute force $qb q/s: ratio $(ratio "$qi" "$qb"); on $nb queries $same;" \
		"peak RSS index $(mb "$rss_idx") MB, brute force $(mb "$rss_br") MB"
done

# concordance: the index against a LIKE scan of every text
# a word seen once in the first 2,000 sources (so rare, not unique)
rare=$(awk -F'\t' 'NR <= 2000 { n = split($1, w, " ")
	for (i = 1; i <= n; i++) { gsub(/[,.“”]/, "", w[i]); c[w[i]]++ } }
	END { for (k in c) if (c[k] == 1 && length(k) > 6) { print k; exit } }' "$tsv")
for w in "$rare" officials; do
	set -- $("$rs" -n "$runs" -o "$work/suggest-search.txt" "$bin" --tm "$db" search --max 0 "$w")
	t_s=$1
	found=$(tail -n 1 "$work/suggest-search.txt")
	line="  search '$w': $(ms "$t_s") ms ($found)"
	if command -v sqlite3 >/dev/null 2>&1; then
		set -- $("$rs" -n "$runs" sqlite3 "$db" \
			"SELECT count(*) FROM unit u JOIN segment s ON s.id = u.src WHERE s.text LIKE '%$w%'")
		line="$line; sqlite3 LIKE scan of the sources: $(ms "$1") ms"
	fi
	echo "$line"
done
rm -f "$db" "$db-wal" "$db-shm"
