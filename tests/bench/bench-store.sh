#!/bin/sh
# bench-store.sh: the memory's import and export throughput and peak
# memory, on a generated TMX of 100,000 English-Russian units (about 45 MB),
# against baselines run on the same bytes in the same run:
#   import: xmllint --stream (libxml2's streaming parser, which only reads
#           and checks the XML) if installed, else cat
#   export: cat of the exported file (reading the same bytes back)
# Targets: import >= 20,000 units/s, peak RSS <= 200 MB.  Then add on
# generated article pairs (no target), against align on the same pairs.
# Run by tests/bench/run.sh with BIN, RS, WORK, RUNS, MB and TOP set.
set -e
units=${BENCH_STORE_UNITS:-100000}
tmx=$WORK/store-$units.tmx
db=$WORK/store-bench.db
out=$WORK/store-export.tmx

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
per_s() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }
mbps() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", (s > 0 ? n / s / 1048576 : 0) }'; }

[ -s "$tmx" ] || awk -v units="$units" -v seed=7 \
	-f "$TOP/tests/bench/gen-tmx.awk" >"$tmx"
bytes=$(wc -c <"$tmx")
echo "store: import of a generated TMX, $units units, $bytes bytes:"

if command -v xmllint >/dev/null 2>&1; then
	base_name="xmllint --stream"
	set -- $("$RS" -n "$RUNS" xmllint --stream --noout "$tmx")
else
	base_name="cat"
	set -- $("$RS" -n "$RUNS" cat "$tmx")
fi
t_base=$1

# each run imports into a new memory
set -- $("$RS" -n "$RUNS" sh -c 'rm -f "$1" "$1-wal" "$1-shm"; exec "$2" --tm "$1" import "$3"' \
	sh "$db" "$BIN" "$tmx")
t_imp=$1 rss_imp=$3 st_imp=$4
if [ "$st_imp" != 0 ]; then
	echo "  import failed (status $st_imp)"
	exit 1
fi
echo "  newstm import: $(per_s "$units" "$t_imp") units/s ($(mbps "$bytes" "$t_imp") MB/s, median ${t_imp} s), peak RSS ${rss_imp} KB (targets >= 20000 units/s, <= 204800 KB)"
echo "  $base_name on the same file: $(mbps "$bytes" "$t_base") MB/s; newstm takes $(ratio "$t_imp" "$t_base") times as long"

# export of the memory the last run made
set -- $("$RS" -n "$RUNS" -o "$out" "$BIN" --tm "$db" export)
t_exp=$1 rss_exp=$3
obytes=$(wc -c <"$out")
set -- $("$RS" -n "$RUNS" cat "$out")
t_cat=$1
echo "  newstm export: $(per_s "$units" "$t_exp") units/s ($(mbps "$obytes" "$t_exp") MB/s of TMX, median ${t_exp} s), peak RSS ${rss_exp} KB"
echo "  cat of the exported file: $(mbps "$obytes" "$t_cat") MB/s; newstm takes $(ratio "$t_exp" "$t_cat") times as long"
rm -f "$db" "$db-wal" "$db-shm" "$out"

# --- add: article pairs segmented, aligned and stored, against aligning
# the same pairs alone (newstm align on each, the work add repeats before
# it writes); each run adds into a new memory
pairs=${BENCH_ADD_PAIRS:-200}
adir=$WORK/add
mkdir -p "$adir"
if [ ! -s "$adir/list.tsv" ]; then
	: >"$adir/align.sh"
	i=0
	while [ "$i" -lt "$pairs" ]; do
		awk -v n=30 -v seed=$((100 + i)) -v src="$adir/a$i.en" \
			-v tgt="$adir/a$i.ru" -f "$TOP/tests/bench/gen-align.awk"
		printf 'a%d.en\ta%d.ru\n' "$i" "$i" >>"$adir/list.tsv"
		echo "\"\$1\" align --src-lang en --tgt-lang ru \"$adir/a$i.en\" \"$adir/a$i.ru\" >/dev/null" >>"$adir/align.sh"
		i=$((i + 1))
	done
fi
sents=$(cat "$adir"/a*.en | grep -c .)
set -- $("$RS" -n "$RUNS" sh -c 'rm -f "$1" "$1-wal" "$1-shm"; exec "$2" --tm "$1" add --src-lang en --tgt-lang ru --list "$3" >/dev/null' \
	sh "$db" "$BIN" "$adir/list.tsv")
t_add=$1 rss_add=$3 st_add=$4
set -- $("$RS" -n "$RUNS" sh "$adir/align.sh" "$BIN")
t_al=$1
stored=$("$BIN" --tm "$db" stats | awk '/^units:/ { print $2 }')
echo "add: $pairs generated article pairs, $sents English sentences, $stored units stored:"
echo "  newstm add --list: $(per_s "$pairs" "$t_add") pairs/s, $(per_s "$sents" "$t_add") sentences/s (median ${t_add} s), peak RSS ${rss_add} KB; status $st_add"
echo "  newstm align on the same pairs, one process a pair: median ${t_al} s; add takes $(ratio "$t_add" "$t_al") times as long (one process, plus storing, index and a transaction a pair)"
rm -f "$db" "$db-wal" "$db-shm"
