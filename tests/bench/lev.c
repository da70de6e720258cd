/*
 * lev: the baseline of bench-names.sh.  Reads `A TAB B` lines on stdin and
 * prints, like `newstm names compare`, `score TAB same|different` for each:
 * the score is 1 - (byte-wise Levenshtein distance) / (longer length), the
 * verdict at 0.78.  No transliteration, no parsing: what a plain string
 * comparison costs.
 */
#include <stdio.h>
#include <string.h>

static double similarity(const char *a, size_t an, const char *b, size_t bn)
{
	static size_t r0[4096], r1[4096];
	size_t *prev = r0, *row = r1, *t, i, j;

	if (an > 4095)
		an = 4095;
	if (bn > 4095)
		bn = 4095;
	if (!an && !bn)
		return 1.0;
	for (j = 0; j <= bn; j++)
		prev[j] = j;
	for (i = 1; i <= an; i++) {
		row[0] = i;
		for (j = 1; j <= bn; j++) {
			size_t best = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
		}
		t = prev;
		prev = row;
		row = t;
	}
	return 1.0 - (double)prev[bn] / (double)(an > bn ? an : bn);
}

int main(void)
{
	static char line[8192];

	while (fgets(line, sizeof(line), stdin)) {
		size_t n = strcspn(line, "\r\n");
		char *tab = memchr(line, '\t', n);
		double s;

		if (!tab) {
			fprintf(stderr, "lev: a line without a tab\n");
			return 1;
		}
		s = similarity(line, (size_t)(tab - line), tab + 1,
		               n - (size_t)(tab + 1 - line));
		printf("%.3f\t%s\n", s, s >= 0.78 ? "same" : "different");
	}
	return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
