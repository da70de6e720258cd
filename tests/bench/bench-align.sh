#!/bin/sh
# bench-align.sh: sentence alignment time and memory, run by make bench
# (tests/bench/run.sh) with BIN, RS, WORK, RUNS and TOP set.
#
# Baseline: the same aligner with --length-only (plain Gale & Church: the
# same dynamic programme without anchors, posteriors as usual), on the
# same inputs in the same run.  Inputs: every development document of
# ../shared/data/align (skipped when absent) and synthetic article pairs of
# 1,000, 5,000 and 10,000 sentences a side (tests/bench/gen-align.awk),
# to show that time and memory grow linearly.
: "${BIN:?}" "${RS:?}" "${WORK:?}" "${RUNS:=5}" "${TOP:?}"
work=$WORK/align
mkdir -p "$work"
data=${ALIGN_DATA:-$TOP/../shared/data/align}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
per_k() { awk -v t="$1" -v n="$2" 'BEGIN { printf "%.3f", t * 1000 / n }'; }

echo "align (newstm align, presegmented, --format beads; medians of $RUNS runs):"

# --- the development documents, all in one script per mode
if [ -d "$data" ] && ls "$data"/*/*.gold >/dev/null 2>&1; then
	: >"$work/dev.sh"
	: >"$work/dev-len.sh"
	docs=0
	sents=0
	for set in "$data"/*/; do
		langs=$(basename "$set" | tr '-' '\n' | grep -E '^[a-z]{2}$' | head -n 2)
		sl=$(echo "$langs" | sed -n 1p)
		tl=$(echo "$langs" | sed -n 2p)
		for g in "$set"*.gold; do
			[ -f "$g" ] || continue
			d=${g%.gold}
			[ -f "$d.$sl" ] && [ -f "$d.$tl" ] || continue
			echo "\"$BIN\" align --presegmented --format beads --src-lang $sl --tgt-lang $tl \"$d.$sl\" \"$d.$tl\" >/dev/null" >>"$work/dev.sh"
			echo "\"$BIN\" align --presegmented --format beads --length-only --src-lang $sl --tgt-lang $tl \"$d.$sl\" \"$d.$tl\" >/dev/null" >>"$work/dev-len.sh"
			docs=$((docs + 1))
			sents=$((sents + $(grep -c . "$d.$sl") + $(grep -c . "$d.$tl")))
		done
	done
	set -- $("$RS" -n "$RUNS" sh "$work/dev.sh")
	t_new=$1 rss=$3
	set -- $("$RS" -n "$RUNS" sh "$work/dev-len.sh")
	t_len=$1
	echo "  development data: $docs documents, $sents sentences: ${t_new} s, length-only ${t_len} s, ratio $(ratio "$t_new" "$t_len"); peak RSS ${rss} KB"
else
	echo "  development data: not found in $data, skipped"
fi

# --- synthetic article pairs
first_t=
first_n=
for n in 1000 5000 10000; do
	src=$work/syn$n.en
	tgt=$work/syn$n.ru
	[ -s "$src" ] && [ -s "$tgt" ] ||
		awk -v n="$n" -v seed=11 -v src="$src" -v tgt="$tgt" \
			-f "$TOP/tests/bench/gen-align.awk"
	set -- $("$RS" -n "$RUNS" "$BIN" align --presegmented --format beads "$src" "$tgt")
	t_new=$1 rss=$3 st=$4
	set -- $("$RS" -n "$RUNS" "$BIN" align --presegmented --format beads --length-only "$src" "$tgt")
	t_len=$1 rss_len=$3
	set -- $("$RS" -n "$RUNS" wc -l "$src" "$tgt")
	t_wc=$1
	[ -n "$first_t" ] || { first_t=$t_new; first_n=$n; }
	growth=$(awk -v t="$t_new" -v n="$n" -v t0="$first_t" -v n0="$first_n" \
		'BEGIN { printf "%.2f", (t0 > 0 ? (t / n) / (t0 / n0) : 0) }')
	echo "  synthetic $n sentences a side: ${t_new} s ($(per_k "$t_new" "$n") s per 1,000), length-only ${t_len} s, ratio $(ratio "$t_new" "$t_len"), wc -l ${t_wc} s; peak RSS ${rss} KB (length-only ${rss_len} KB); time per sentence vs 1k: ${growth} (linear: 1.00); status $st"
done
echo "  target: well under 1 s for 1,000 sentences a side, linear growth"
