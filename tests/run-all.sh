#!/bin/sh
# run-all.sh UNIT_BIN NEWSTM RESULTS: run the unit tests and the CLI tests of
# one build and write "passed failed" per layer to RESULTS.
unit=$1
bin=$2
results=$3
top=$(cd "$(dirname "$0")/.." && pwd)
: >"$results"

out=$(NEWSTM_TESTS="$top/tests" "$unit" 2>&1)
echo "$out" | grep -v '^unit: ' | grep -v '^$'
line=$(echo "$out" | grep '^unit: ' | tail -n 1)
echo "$line"
if [ -n "$line" ]; then
	echo "$line" | sed 's/^unit: \([0-9]*\) passed, \([0-9]*\) failed/\1 \2/' >>"$results"
else
	echo "0 1" >>"$results" # the runner crashed
fi

out=$(NEWSTM="$bin" sh "$top/tests/cli/run.sh" 2>&1)
echo "$out" | grep -v '^PASS '
line=$(echo "$out" | grep '^cli: ' | tail -n 1)
if [ -n "$line" ]; then
	echo "$line" | sed 's/^cli: \([0-9]*\) passed, \([0-9]*\) failed/\1 \2/' >>"$results"
else
	echo "0 1" >>"$results"
fi
