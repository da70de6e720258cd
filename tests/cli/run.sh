#!/bin/sh
# CLI tests: one directory per case under tests/cli/.  A case holds
#   cmd      a shell script, run with sh in a fresh temporary folder that
#            holds a copy of the case's files; $NEWSTM is the binary,
#            $SAMPLES the samples folder, $DATA tests/data (absolute paths)
#   out      expected stdout (if missing, the actual output is saved as
#            out.new next to cmd and the case fails, for a human to review)
#   err      expected stderr (optional: unchecked when absent)
#   status   expected exit status (optional: 0 when absent)
# Usage: NEWSTM=/path/to/newstm sh tests/cli/run.sh [CASE-PREFIX...]
# Ends with "cli: N passed, N failed"; exit status 1 if any failed.

top=$(cd "$(dirname "$0")/../.." && pwd)
: "${NEWSTM:=$top/newstm}"
case $NEWSTM in /*) ;; *) NEWSTM=$(pwd)/$NEWSTM ;; esac
SAMPLES=$top/samples
DATA=$top/tests/data
export NEWSTM SAMPLES DATA
LC_ALL=C
export LC_ALL
unset NEWSTM_TM NO_COLOR

passed=0
failed=0
failures=


tmproot=$(mktemp -d "${TMPDIR:-/tmp}/newstm-cli.XXXXXX") || exit 1
trap 'rm -rf "$tmproot"' EXIT INT TERM

for dir in "$top"/tests/cli/*/; do
	name=$(basename "$dir")
	[ -f "$dir/cmd" ] || continue
	if [ $# -gt 0 ]; then
		ok=
		for p in "$@"; do
			case $name in "$p"*) ok=1 ;; esac
		done
		[ -n "$ok" ] || continue
	fi
	work=$tmproot/$name
	mkdir -p "$work"
	cp -R "$dir". "$work"/
	rm -f "$work/out" "$work/err" "$work/status" "$work/out.new"
	(cd "$work" && sh ./cmd >"$tmproot/$name.stdout" \
		2>"$tmproot/$name.stderr" </dev/null)
	got_status=$?
	want_status=0
	[ -f "$dir/status" ] && want_status=$(cat "$dir/status")
	why=
	if [ ! -f "$dir/out" ]; then
		cp "$tmproot/$name.stdout" "$dir/out.new"
		why="no expected output: review $dir/out.new"
	elif ! cmp -s "$dir/out" "$tmproot/$name.stdout"; then
		why="stdout differs"
	elif [ -f "$dir/err" ] && ! cmp -s "$dir/err" "$tmproot/$name.stderr"; then
		why="stderr differs"
	elif [ "$got_status" != "$want_status" ]; then
		why="exit status $got_status, want $want_status"
	fi
	if [ -z "$why" ]; then
		passed=$((passed + 1))
		echo "PASS $name"
	else
		failed=$((failed + 1))
		failures="$failures $name"
		echo "FAIL $name: $why"
		case $why in
		stdout*)
			diff -u "$dir/out" "$tmproot/$name.stdout" | head -n 20
			;;
		stderr*)
			diff -u "$dir/err" "$tmproot/$name.stderr" | head -n 20
			;;
		exit*)
			head -n 5 "$tmproot/$name.stderr"
			;;
		esac
	fi
	rm -rf "$work"
done

[ -n "$failures" ] && echo "failed:$failures"
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
