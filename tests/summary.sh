#!/bin/sh
# summary.sh RESULTS...: add up the "passed failed" lines of each build's
# results and print the one line `make check` ends with.  A missing results
# file means a build did not get as far as its tests: that is a failure.
passed=0
failed=0
for r in "$@"; do
	if [ ! -s "$r" ]; then
		echo "no test results in $r (did the build fail?)"
		failed=$((failed + 1))
		continue
	fi
	while read -r p f; do
		passed=$((passed + p))
		failed=$((failed + f))
	done <"$r"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
