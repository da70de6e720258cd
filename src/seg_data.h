/*
 * seg_data: the language data of the sentence splitter (seg.c), one rule
 * table per language, all `static const`.
 *
 * A table holds sorted lists of lower-case keys: abbreviations (the word
 * before the full stop, internal full stops kept, parts of a spaced
 * abbreviation joined by a full stop: "z. B." is "z.b") in three kinds,
 * and the words that often start a sentence.  Every list is sorted
 * bytewise (as `LC_ALL=C sort`) and free of duplicates, so that lookups
 * are binary searches; the unit tests check it.  seg_data knows nothing of
 * how the splitter uses the lists.
 */
#ifndef NEWSTM_SEG_DATA_H
#define NEWSTM_SEG_DATA_H

#include <stddef.h>

/* A sorted list of lower-case UTF-8 keys. */
struct seg_words {
	const char *const *w;
	size_t n;
};

enum {
	/* "3. Oktober": a number of 1-3 digits with a full stop is an
	 * ordinal unless a sentence-starting word follows */
	SEG_F_ORDINAL = 1 << 0,
	/* »quoted« German style: « and ‹ close a quotation */
	SEG_F_REVQUOTES = 1 << 1,
};

struct seg_rules {
	const char *code;
	/* titles before a name: never end a sentence ("Mr.", "Dr.", "г-жа"),
	 * and count as a sentence start when capitalised ("Mr. Smith") */
	struct seg_words title;
	/* never end a sentence ("e.g.", "z. B.", "т. е.") */
	struct seg_words inner;
	/* may end a sentence, but only before a sentence-starting word
	 * ("etc.", "Inc.", "U.S.", "г.") */
	struct seg_words any;
	/* endings that make a word such an abbreviation ("Hauptstr.") */
	struct seg_words suffix;
	/* capitalised, these words start sentences ("the", "however") */
	struct seg_words starters;
	unsigned flags; /* SEG_F_* */
};

/* Lists every language shares (checked after the language's own). */
extern const struct seg_rules seg_rules_common;

/* The rules for an ISO 639-1 code, or NULL if there is no table for it. */
const struct seg_rules *seg_rules_find(const char *code);

/* The fallback rules (code "und"). */
const struct seg_rules *seg_rules_fallback(void);

/* All tables, for tests: *n receives their count. */
const struct seg_rules *const *seg_rules_all(size_t *n);

/* Is key (lower case, NUL-terminated) in the sorted list? */
int seg_words_has(const struct seg_words *l, const char *key);

#endif
