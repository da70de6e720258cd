#!/bin/sh
# bench-seg.sh: sentence segmentation throughput (`newstm segment`, which
# reads, normalises and splits) on MB megabytes of generated news-like
# English and Russian text, against `wc -w` reading the same bytes in the
# same run; medians of RUNS runs.  Also the limits: a paragraph of MB
# megabytes without punctuation and a file of one million one-word lines.
# Environment (from tests/bench/run.sh): BIN RS WORK RUNS MB TOP.
set -e
: "${RUNS:=5}" "${MB:=50}"
mbps() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", (s > 0 ? n / s / 1048576 : 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
# quiet CMD...: run CMD with stderr dropped (the cap warnings of the limits)
quiet() { "$RS" -n "$RUNS" sh -c 'exec "$@" 2>/dev/null' sh "$@"; }

echo "segmentation (newstm segment) vs wc -w, same input:"
for lang in en ru; do
	f=$WORK/seg-news.$lang.txt
	[ -s "$f" ] || awk -v lang="$lang" -v mb="$MB" -v seed=11 \
		-f "$TOP/tests/bench/gen-news.awk" >"$f"
	bytes=$(wc -c <"$f")
	set -- $("$RS" -n "$RUNS" "$BIN" segment --lang "$lang" "$f")
	t_seg=$1 rss=$3 st=$4
	set -- $("$RS" -n "$RUNS" wc -w "$f")
	t_wc=$1
	n=$("$BIN" segment --lang "$lang" "$f" | grep -c .)
	echo "  $lang: $(mbps "$bytes" "$t_seg") MB/s ($n sentences), wc -w $(mbps "$bytes" "$t_wc") MB/s, ratio $(ratio "$t_wc" "$t_seg") (target >= 30 MB/s); peak RSS ${rss} KB; status $st"
done

echo "segmentation limits:"
f=$WORK/seg-nopunct.txt
[ -s "$f" ] || awk -v mb="$MB" 'BEGIN {
	n = mb * 1048576 / 27
	for (i = 0; i < n; i++) printf "lorem ipsum dolor sit amet "
	print "" }' >"$f"
bytes=$(wc -c <"$f")
set -- $(quiet "$BIN" segment --lang en "$f")
t_seg=$1 rss=$3 st=$4
set -- $("$RS" -n "$RUNS" wc -w "$f")
echo "  one paragraph of $(($bytes / 1048576)) MB without punctuation: $(mbps "$bytes" "$t_seg") MB/s, wc -w $(mbps "$bytes" "$1") MB/s, ratio $(ratio "$1" "$t_seg"); peak RSS ${rss} KB; status $st"
f=$WORK/seg-lines.txt
[ -s "$f" ] || awk 'BEGIN { for (i = 0; i < 1000000; i++) print "Word" i }' >"$f"
bytes=$(wc -c <"$f")
set -- $("$RS" -n "$RUNS" "$BIN" segment --lang en "$f")
t_seg=$1 rss=$3 st=$4
set -- $("$RS" -n "$RUNS" wc -w "$f")
echo "  one million one-word lines: $(mbps "$bytes" "$t_seg") MB/s, wc -w $(mbps "$bytes" "$1") MB/s, ratio $(ratio "$1" "$t_seg"); peak RSS ${rss} KB; status $st"
