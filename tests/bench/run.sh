#!/bin/sh
# make bench: figures for newstm, each as a ratio against a baseline tool
# run on the same bytes in the same run, medians of several runs.
# Usage: sh tests/bench/run.sh ./newstm
set -e
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(cd "$(dirname "$0")/../.." && pwd)
work=${BENCH_DIR:-$top/build/bench}
runs=${BENCH_RUNS:-5}
mb=${BENCH_MB:-50}
mkdir -p "$work"
cc -O2 -o "$work/runstat" "$top/tests/bench/runstat.c"
rs=$work/runstat

# ratio A B: A/B with two decimals
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
# mbps BYTES SECONDS
mbps() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", (s > 0 ? n / s / 1048576 : 0) }'; }

gen() { # gen LANG FILE
	[ -s "$2" ] || awk -v lang="$1" -v mb="$mb" -v seed=7 \
		-f "$top/tests/bench/gen-text.awk" >"$2"
}

echo "newstm bench (medians of $runs runs; ${mb} MB inputs; $(nproc) cores)"
echo

# --- reader: newstm text against iconv on the same bytes
# (the size is in the names: a file left by a run with another BENCH_MB
# is not reused)
gen mixed "$work/mixed-$mb.utf8.txt"
gen ru "$work/ru-$mb.utf8.txt"
[ -s "$work/ru-$mb.cp1251.txt" ] ||
	iconv -f UTF-8 -t WINDOWS-1251 "$work/ru-$mb.utf8.txt" >"$work/ru-$mb.cp1251.txt"
echo "reader (newstm text) vs iconv, same input:"
for f in mixed-$mb.utf8:UTF-8 ru-$mb.cp1251:WINDOWS-1251; do
	name=${f%%:*}
	enc=${f#*:}
	file=$work/$name.txt
	bytes=$(wc -c <"$file")
	set -- $("$rs" -n "$runs" "$bin" text "$file")
	t_new=$1 rss_new=$3
	set -- $("$rs" -n "$runs" iconv -f "$enc" -t UTF-8 "$file")
	t_base=$1
	echo "  $name ($bytes bytes): newstm $(mbps "$bytes" "$t_new") MB/s, iconv $(mbps "$bytes" "$t_base") MB/s, ratio $(ratio "$t_base" "$t_new") (target >= 0.50); peak RSS ${rss_new} KB"
done
for extra in "$top"/tests/bench/bench-*.sh; do
	[ -f "$extra" ] || continue
	echo
	BIN=$bin RS=$rs WORK=$work RUNS=$runs MB=$mb TOP=$top sh "$extra"
done
