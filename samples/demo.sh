#!/bin/sh
# make demo: the main job of newstm on the samples, step by step, in a
# fresh memory (tm/demo.db, which you can explore afterwards with
# `./newstm --tm tm/demo.db ...`).
# Usage: sh samples/demo.sh ./newstm
set -e
bin=${1:-./newstm}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
mkdir -p tm
tm=tm/demo.db
rm -f "$tm" "$tm-wal" "$tm-shm"
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# step TITLE LINES CMD...: show the command, run it on the demo memory and
# print the first LINES lines of its output (stdout and stderr; 0: all)
step() {
	title=$1
	lines=$2
	shift 2
	printf '\n== %s\n$ newstm' "$title"
	for a in "$@"; do
		case $a in
		*" "*) printf " '%s'" "$a" ;;
		*) printf ' %s' "$a" ;;
		esac
	done
	printf '\n'
	status=0
	"$bin" --tm "$tm" "$@" >"$out" 2>&1 || status=$?
	if [ "$lines" -gt 0 ] && [ "$(wc -l <"$out")" -gt "$lines" ]; then
		head -n "$lines" "$out"
		echo "   [... $(($(wc -l <"$out") - lines)) more lines]"
	else
		cat "$out"
	fi
	case " ${ok:-0} " in
	*" $status "*) ;;
	*)
		echo "demo: step failed with exit status $status" >&2
		failed=1
		;;
	esac
	ok=0
}
failed=0
has() { "$bin" help "$1" >/dev/null 2>&1; }

printf '\n== Read an article in any encoding (this one is Windows-1251)\n'
printf '$ newstm text --info samples/prisoners.ru.txt > /dev/null\n'
"$bin" text --info samples/prisoners.ru.txt 2>&1 >/dev/null
step "Split the English article into sentences" 12 \
	segment samples/prisoners.en.txt
step "Align it with its German translation (stored as UTF-16)" 24 \
	align --format text samples/prisoners.en.txt samples/prisoners.de.txt
for l in ru be de fr; do
	step "Store the aligned pairs of the $l translation" 0 \
		add samples/prisoners.en.txt samples/prisoners.$l.txt
done
step "What the memory holds" 0 stats
if has check; then
	step "The house style for persons' names (samples/names.tsv)" 0 \
		names import samples/names.tsv
fi
if has suggest; then
	step "Suggestions for the next day's story, for the Russian desk" 60 \
		suggest --tgt-lang ru --max 1 samples/followup.en.txt
	step "... and the draft it makes" 12 \
		pretranslate --tgt-lang ru samples/followup.en.txt
	step "Every stored sentence with \"Vilnius\"" 8 search Vilnius
fi
step "Are two spellings one person?" 0 \
	names compare "Sviatlana Tsikhanouskaya" "Светлана Тихановская"
step "Her husband is not her" 0 \
	names compare "Sviatlana Tsikhanouskaya" "Sergei Tikhanovsky"
if has check; then
	ok="0 1" # like grep: 1 means some were found
	step "Names in the follow-up that are not in house style" 0 \
		check samples/followup.en.txt
	step "The follow-up in house style (a diff)" 40 \
		normalize --dry-run samples/followup.en.txt
fi
step "Export the Russian pairs for a CAT tool" 14 \
	export --format tmx --tgt-lang ru
printf '\nThe demo memory is tm/demo.db: try ./newstm --tm tm/demo.db stats\n'
exit "$failed"
