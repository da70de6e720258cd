#!/bin/sh
# make demo: the main job on the samples, step by step.
# Usage: sh samples/demo.sh ./newstm
set -e
bin=${1:-./newstm}
here=$(cd "$(dirname "$0")" && pwd)
step() { printf '\n== %s\n$ %s\n' "$1" "$2"; }

found=
for f in "$here"/*.txt; do
	[ -f "$f" ] || continue
	found=1
	step "read $(basename "$f")" "newstm text --info samples/$(basename "$f")"
	"$bin" text --info "$f" 2>&1 >/dev/null
done
[ -n "$found" ] || echo "no samples yet"
