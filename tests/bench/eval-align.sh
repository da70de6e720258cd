#!/bin/sh
# eval-align.sh: sentence alignment quality on the development data.
#
# For every set in $ALIGN_DATA (default ../shared/data/align next to the
# repository), aligns each document with `newstm align --presegmented
# --format beads` and prints strict (and lax) precision, recall and F1 from
# the data's own score.py; then the confidence calibration of the pairs
# (how many wrong pairs fall below and above 0.5); then, for sets with
# running text (NNN.xx.txt), the whole pipeline: newstm's own segmentation
# and --format tsv, as the share of gold sentence pairs found word for word.
# (In the edited set a merged line holds two real sentences, which the
# splitter separates again, so its gold 2-1 and 1-2 pairs can only be found
# as 2-2 beads: that figure has a ceiling near 86%; the plain set's does
# not.)  Then the same for the sets newstm wrote itself in
# tests/data/align/sets (en-ru and ru-en news, abridged and sentence for
# sentence), which are always there.  Skips the development data (exit 0
# when nothing is left) when it or python3 is absent.
#
# Usage: sh tests/bench/eval-align.sh [NEWSTM]   (env: ALIGN_DATA, WORK)
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-${BIN:-$top/newstm}}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
data=${ALIGN_DATA:-$top/../shared/data/align}
own=$top/tests/data/align/sets
if ! command -v python3 >/dev/null 2>&1; then
	echo "eval-align: python3 not found, skipped"
	exit 0
fi
if [ -f "$data/score.py" ]; then
	sets=$(ls -d "$data"/*/ "$own"/*/)
else
	echo "eval-align: no development data in $data, skipped; own sets only"
	if [ -f "$ALIGN_SCORE" ]; then :; else
		echo "eval-align: no scorer (score.py) either, skipped"
		exit 0
	fi
	sets=$(ls -d "$own"/*/)
fi
score=${ALIGN_SCORE:-$data/score.py}
work=${WORK:-$top/build/bench}/eval-align
rm -rf "$work"
mkdir -p "$work"

for set in $sets; do
	set=${set%/}
	name=$(basename "$set")
	ls "$set"/*.gold >/dev/null 2>&1 || continue
	# the two languages: the first two-letter parts of the set's name
	langs=$(echo "$name" | tr '-' '\n' | grep -E '^[a-z]{2}$' | head -n 2)
	sl=$(echo "$langs" | sed -n 1p)
	tl=$(echo "$langs" | sed -n 2p)
	[ -n "$sl" ] && [ -n "$tl" ] || continue
	mkdir -p "$work/$name"
	for g in "$set"/*.gold; do
		doc=$(basename "$g" .gold)
		"$bin" align --presegmented --src-lang "$sl" --tgt-lang "$tl" \
			--format jsonl "$set/$doc.$sl" "$set/$doc.$tl" \
			>"$work/$name/$doc.jsonl" 2>>"$work/$name/stderr"
		if [ -f "$set/$doc.$sl.txt" ] && [ -f "$set/$doc.$tl.txt" ]; then
			"$bin" align --src-lang "$sl" --tgt-lang "$tl" \
				"$set/$doc.$sl.txt" "$set/$doc.$tl.txt" \
				>"$work/$name/$doc.tsv" 2>>"$work/$name/stderr"
		fi
	done
	python3 - "$set" "$work/$name" "$sl" "$tl" <<'EOF'
import json, os, sys
setdir, out, sl, tl = sys.argv[1:5]
docs = sorted(f[:-5] for f in os.listdir(setdir) if f.endswith('.gold'))
def gold(doc):
    beads = []
    for line in open(os.path.join(setdir, doc + '.gold'), encoding='utf-8'):
        line = line.strip()
        if not line:
            continue
        a, b = line.split(':')[:2]
        ids = lambda f: tuple(int(x) for x in f.strip()[1:-1].split(',') if x.strip())
        beads.append((ids(a), ids(b)))
    return beads
below = [0, 0]; above = [0, 0]  # [pairs, wrong]
found = total = 0
for doc in docs:
    g = set(gold(doc))
    with open(os.path.join(out, doc + '.align'), 'w') as fa:
        for line in open(os.path.join(out, doc + '.jsonl'), encoding='utf-8'):
            o = json.loads(line)
            fa.write('%s:%s\n' % (o['src'], o['tgt']))
            if o['src'] and o['tgt']:
                wrong = (tuple(o['src']), tuple(o['tgt'])) not in g
                side = below if o['confidence'] < 0.5 else above
                side[0] += 1
                side[1] += wrong
    tsv = os.path.join(out, doc + '.tsv')
    if os.path.exists(tsv):
        norm = lambda s: ' '.join(s.split())
        src = open(os.path.join(setdir, doc + '.' + sl), encoding='utf-8').read().split('\n')
        tgt = open(os.path.join(setdir, doc + '.' + tl), encoding='utf-8').read().split('\n')
        got = set()
        for line in open(tsv, encoding='utf-8'):
            f = line.rstrip('\n').split('\t')
            if len(f) == 3:
                got.add((norm(f[1]), norm(f[2])))
        for a, b in g:
            if a and b:
                total += 1
                found += (norm(' '.join(src[i] for i in a)),
                          norm(' '.join(tgt[i] for i in b))) in got
wrong = below[1] + above[1]
print('confidence: %d pairs below 0.5 (%d wrong, %.0f%%), %d at or above '
      '(%d wrong, %.1f%%); %.0f%% of the wrong pairs are below 0.5'
      % (below[0], below[1], 100.0 * below[1] / max(below[0], 1), above[0],
         above[1], 100.0 * above[1] / max(above[0], 1),
         100.0 * below[1] / max(wrong, 1)))
if total:
    print('whole pipeline (own segmentation, tsv): %d of %d gold pairs '
          'found (%.1f%%)' % (found, total, 100.0 * found / total))
EOF
	echo
done >"$work/report.tmp"

# score.py per set, then the lines of the report above
for set in $sets; do
	set=${set%/}
	name=$(basename "$set")
	[ -d "$work/$name" ] || continue
	echo "== $name ($(ls "$set"/*.gold | wc -l) documents)"
	python3 "$score" -g "$set" -t "$work/$name" --test-ext .align |
		sed -n '/precision\|recall\|F1/p'
	sed -n "/^== $name\$/,/^\$/p" "$work/report.tmp" >/dev/null
done >"$work/scores.tmp"
# interleave: scores and report lines come in the same set order
awk 'FNR == 1 { f++ } f == 1 { s[++ns] = $0 } f == 2 { r[++nr] = $0 }
     END {
	k = 1
	for (i = 1; i <= ns; i++) {
		print s[i]
		if (s[i] ~ /^F1/) {
			while (k <= nr && r[k] != "") print r[k++]
			k++
			print ""
		}
	}
     }' "$work/scores.tmp" "$work/report.tmp"
if [ -s "$work/textberg-de-fr-dev/stderr" ] || [ -s "$work/wmt22-en-de/stderr" ]; then
	echo "warnings: see $work/*/stderr"
fi
