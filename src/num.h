/*
 * num: numbers as news text writes them, language by language.
 *
 * Reads a number at a position of a text with the conventions of a language
 * ("1,300" in English, "1.300" in German, "1 300" in Russian or French,
 * "2.5" and "2,5"), and compound numbers (dates "22.08.2025", "2025-09-12",
 * times "15:30", ranges "2019-2020", fractions "9/11"); gives a value that
 * compares across languages; and writes a value the way a language, or an
 * example number from the same text, writes numbers.  It reads ASCII digits
 * only: numbers in words, Roman numerals and other digit sets are not
 * numbers here, and currency signs or units are not part of a number.
 */
#ifndef NEWSTM_NUM_H
#define NEWSTM_NUM_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Longest value (and digit string) a number may have, with its NUL. */
#define NUM_VALUE_MAX 48
/* Most parts in a compound number. */
#define NUM_PARTS_MAX 3

struct num {
	size_t len;   /* bytes of the number in the text */
	int compound; /* 1: parts joined by sep (date, time, range) */
	int big;      /* 1: a digit run too long to be a value */
	/*
	 * The value, comparable across languages: for a plain number the
	 * integer digits without leading zeros, then '.' and the fraction
	 * digits without trailing zeros if any are left ("1300", "2.5");
	 * for a compound the parts' integer values joined by '|' ("22|8|2025").
	 */
	char value[NUM_VALUE_MAX];
	/* The digits as written, separators removed: "0070", "2.50". */
	char digits[NUM_VALUE_MAX];
	/* How a plain number was written: */
	int32_t group;   /* digit group separator, 0 if none */
	int32_t decimal; /* decimal mark, 0 if none */
	int int_digits;  /* digits before the decimal mark */
	/* How a compound was written: */
	int32_t sep;              /* the separator between parts */
	int nparts;               /* number of parts (2 or 3) */
	int width[NUM_PARTS_MAX]; /* digits of each part as written */
	long part[NUM_PARTS_MAX]; /* each part's value */
};

/*
 * Read the number that starts at s[i] (an ASCII digit) in text of language
 * lang (a language tag; NULL or unknown reads English conventions).  Fills
 * out and returns the number of bytes it covers (out->len), or 0 if s[i] is
 * not a digit.  A group separator counts only between groups of exactly
 * three digits after a first group of one to three, and only the
 * language's own (',' for English, '.' for German, a space for Russian or
 * French; a no-break or narrow no-break space in any language); a decimal
 * mark only when the language uses it and a digit follows.  A digit run
 * too long for NUM_VALUE_MAX is covered whole with out->big set and an
 * empty value; callers treat it as a word.
 */
size_t num_scan(struct num *out, const char *s, size_t n, size_t i,
                const char *lang);

/* Nonzero if a and b have the same value (plain or compound alike). */
int num_same_value(const struct num *a, const struct num *b);
/*
 * Nonzero if a and b have the same value or are compounds with the same
 * parts in some order (a date written day first and month first).
 */
int num_same_parts(const struct num *a, const struct num *b);

/*
 * Append the plain number value (written as its digits say: "1400",
 * "2.50") the way the target text writes numbers: like example, a number
 * read from the target text (its group separator and decimal mark, and
 * whether it leaves four-digit numbers ungrouped), falling back to the
 * conventions of lang for what the example does not show.  example may be
 * NULL.  Conventions: English "1,400" and "2.5"; German, Dutch, Italian,
 * Spanish, Portuguese "1.400" and "2,5"; Russian, Belarusian, Ukrainian,
 * French, Polish, Czech, Swedish and others "1 400" and "2,5" with a
 * plain space (newstm turns no-break spaces into plain ones when it reads
 * text, so a plain space is what the rest of a stored text holds; a target
 * that shows a no-break space keeps it).
 */
void num_format(struct buf *out, const struct num *value,
                const struct num *example, const char *lang);

/*
 * Rewrite the compound number written as target[0..target_len) (read with
 * num_scan into t) after the source changed from old to new (compounds with
 * the same number of parts): parts are replaced in place when t has old's
 * parts in the same order, else by value when t holds the same parts in
 * another order (a date written day first in one language and month first
 * in another) and each old part value maps to one new value.  Zero padding
 * of each target part is kept.  Appends the result to out and returns 0,
 * or returns -1 (appending nothing) when the target part cannot be
 * matched.
 */
int num_rewrite_compound(struct buf *out, const char *target,
                         const struct num *t, const struct num *old,
                         const struct num *new);

#endif
