# sentences.awk: print the sentences that tests/data/samples/*.md expect for
# one sample file, in the form `newstm segment` prints them (one sentence a
# line, a blank line between paragraphs), so that the sample tests read the
# expectation from the notes themselves.
#   awk -v file=prisoners.en.txt -f sentences.awk prisoners.alignment.md
#   awk -v file=followup.en.txt -f sentences.awk followup.notes.md
# U+00A0 shown as U+237D in the notes is printed as a space (newstm reads a
# no-break space as a space).

# prisoners.alignment.md: "## Russian (`prisoners.ru.txt`), ..." then a
# code block of " 3. (line 4) text"
/^## / {
	cur = ""
	if (match($0, /\(`[^`]*`\)/))
		cur = substr($0, RSTART + 2, RLENGTH - 4)
}
/^```/ { block = !block; next }
block && cur == file && match($0, /^ *[0-9]+\. \(line [0-9]+\) /) {
	head = substr($0, 1, RLENGTH)
	sub(/^ */, "", head)
	n = head + 0
	sub(/^[0-9]+\. \(line /, "", head)
	add(n, head + 0, substr($0, RLENGTH + 1))
}
# followup.notes.md: "- fu 6 (line 5) ..." then "  - fu: text"
file == "followup.en.txt" && match($0, /^- fu [0-9]+ \(line [0-9]+\)/) {
	head = substr($0, 6, RLENGTH - 5)
	fu = head + 0
	sub(/^[0-9]+ \(line /, "", head)
	fuline = head + 0
	next
}
file == "followup.en.txt" && fu != "" && /^  - fu: / {
	add(fu, fuline, substr($0, 9))
	fu = ""
}
function add(n, line, text) {
	gsub(/\342\215\275/, " ", text)
	sent[n] = text
	para[n] = line
	if (n + 1 > count)
		count = n + 1
}
END {
	for (k = 0; k < count; k++) {
		if (k > 0 && para[k] != para[k - 1])
			print ""
		print sent[k]
	}
}
