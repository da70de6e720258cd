#!/bin/sh
# eval-names.sh: the name matcher (newstm names compare) on the development
# data in ../shared/data/names (not part of the project; skipped when absent).
# Prints precision, recall and F1 at the default threshold, the acceptance
# rate per category and the share of same-surname different persons
# accepted.
# Usage: sh tests/bench/eval-names.sh [-v]   (-v also lists the errors)
# Environment: BIN (the newstm binary), NAMES_DATA (the data folder).
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${BIN:-$top/newstm}
data=${NAMES_DATA:-$top/../shared/data/names}
meta=$data/pairs_meta.tsv
verbose=
[ "$1" = "-v" ] && verbose=1

if [ ! -f "$meta" ]; then
	echo "names eval: skipped ($meta not found)"
	exit 0
fi
if [ ! -x "$bin" ]; then
	echo "names eval: no binary at $bin (run make)" >&2
	exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newstm-names.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

tail -n +2 "$meta" >"$tmp/pairs"
cut -f1,2 "$tmp/pairs" | "$bin" names compare --why >"$tmp/got" || exit 1
paste "$tmp/pairs" "$tmp/got" | awk -F '\t' -v verbose="$verbose" '
# fields: a b same category entity_a entity_b score verdict why
{
	gold = $3 == 1
	got = $8 == "same"
	n[$4]++
	if (got) acc[$4]++
	if (gold && got) tp++
	else if (!gold && got) fp++
	else if (gold && !got) fn++
	else tn++
	if (verbose && gold != got)
		printf "  %s %s | %s | %s (%s)\n", gold ? "MISS" : "FALSE", $4, $1, $2, $7 " " $9
}
END {
	p = tp + fp ? tp / (tp + fp) : 0
	r = tp + fn ? tp / (tp + fn) : 0
	f = p + r ? 2 * p * r / (p + r) : 0
	printf "names eval: %d pairs, default threshold\n", tp + fp + fn + tn
	printf "  precision %.3f  recall %.3f  F1 %.3f  (tp %d fp %d fn %d tn %d)\n", p, r, f, tp, fp, fn, tn
	printf "  accepted per category:\n"
	for (c in n)
		printf "    %-22s %4d/%-4d %5.1f%%\n", c, acc[c], n[c], 100 * acc[c] / n[c] | "sort"
	close("sort")
	s = n["neg_same_surname"]
	printf "  same-surname different persons accepted: %.1f%% (%d/%d; bar <= 15%%)\n", s ? 100 * acc["neg_same_surname"] / s : 0, acc["neg_same_surname"], s
}'
