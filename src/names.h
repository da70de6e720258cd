/*
 * names: is this spelling of a person's name the same person as that one?
 *
 * A name (one or more words, any script, "Given Surname", "Surname,
 * Given", with or without patronymic, initials, an English possessive) is
 * parsed into tokens; each token gets its form (translit.h), a role
 * (given name, surname, patronymic, initial) and, when its ending or its
 * given name tells, a gender.  Two names are compared by aligning their
 * tokens whatever their order; given names are equal when they are in one
 * equivalence set (names_given.c: Aliaksandr, Aleksandr, Alexander, Ales
 * ...) or spelled alike, and a pair of given names that differ makes two
 * different persons however close the surnames (relatives, namesakes).
 * Feminine and masculine forms of a surname (-skaya/-ski, -ova/-ov) are
 * different persons too.  A name of one word (Lukashenka, Tikhanovskaya's)
 * is compared with the surname of the other.
 *
 * The result is a similarity in [0, 1] and a verdict at
 * NAMES_THRESHOLD.  names knows nothing of the memory: the entities, house
 * forms and aliases of the memory will be kept elsewhere and compared
 * through names_match on parsed names, which the caller may keep.
 */
#ifndef NEWSTM_NAMES_H
#define NEWSTM_NAMES_H

#include <stddef.h>

#include "buf.h"
#include "err.h"
#include "translit.h"

/* The default verdict: same person when the score is at least this. */
#define NAMES_THRESHOLD 0.78

/* The most words a name may have (names_parse fails with ERR_LIMIT). */
#define NAMES_MAX_TOKENS 10

/* Given-name sets one token may belong to (Alex: Aleksandr, Aleksei). */
#define NAMES_MAX_SETS 3

enum names_role {
	NAMES_SURNAME = 0, /* or any word that is not one of the others */
	NAMES_GIVEN,       /* in a given-name set */
	NAMES_PATRONYMIC,  /* -ovich, -ovna ... after a given name */
	NAMES_INITIAL,     /* one letter, or two with a full stop (Yu.) */
};

enum names_gender { NAMES_UNKNOWN = 0, NAMES_MALE, NAMES_FEMALE };

/* One word of a name. */
struct names_token {
	char form[TRANSLIT_FORM_MAX + 1];
	/* other readings: a Czech -ová taken off; the English reading */
	char alt[2][TRANSLIT_FORM_MAX + 1];
	unsigned char len, alt_len[2], nalt;
	unsigned char role;   /* enum names_role */
	unsigned char gender; /* enum names_gender, by ending or given name */
	unsigned char hint;   /* written as a surname: before a comma, or in
	                         capitals among other words */
	short sets[NAMES_MAX_SETS]; /* given-name sets, nsets of them */
	unsigned char nsets;
	unsigned char exact;  /* the sets were found by this very spelling */
	unsigned char hyphen; /* joined to the word before by a hyphen */

	size_t start, end; /* bytes of the word in the parsed text */
};

/*
 * A parsed name: a plain value the caller owns (on the stack, in an
 * array); it holds no pointers, so copying it is copying the struct.
 */
struct names_name {
	struct names_token tok[NAMES_MAX_TOKENS];
	int ntok;
	/* Jr., Sr., ml., II ... after the first word (not a token): 0 none,
	 * 1 senior, 2 junior, 3 II, 4 III, 5 IV */
	int generation;
};

/* What decided a comparison. */
enum names_why {
	NAMES_WHY_SAME = 0, /* spelled alike, token for token */
	NAMES_WHY_SPELLING, /* too different (or only initials) */
	NAMES_WHY_GIVEN,    /* given names differ: relatives, namesakes */
	NAMES_WHY_GENDER,   /* feminine and masculine forms of a surname */
};

struct names_result {
	double score; /* similarity in [0, 1]; conflicts hold it low */
	int same;     /* score >= the threshold */
	int surname;  /* one side was a surname alone */
	enum names_why why;
	/* for surname matches: the matching token of each name, else -1 */
	int tok_a, tok_b;
	/* for each token of the first name, the token of the second it was
	 * aligned with, or -1 (what normalize needs to swap a spelling
	 * for a house form word by word) */
	int aligned[NAMES_MAX_TOKENS];
};

/* The matcher's tables (the given-name sets, indexed).  Opaque. */
struct names;

/*
 * Build the matcher: indexes the given-name sets (a few thousand forms,
 * well under a millisecond).  Never fails; the caller frees it with
 * names_free.
 */
struct names *names_new(void);
/* Free nm (NULL is fine). */
void names_free(struct names *nm);

/*
 * Parse the name s[0..n) (valid UTF-8) into *out.  Words are runs of
 * letters; hyphens, commas, full stops and spaces separate them (so
 * Gronkiewicz-Waltz is two words); apostrophes inside a word are dropped
 * and an English possessive ('s, ’s) at its end is removed; Jr., Sr.,
 * ml., II, III, IV after the first word set out->generation instead of
 * being words, and titles before it (Mr, Dr, President, Herr, pan,
 * господин ...) are skipped.  Token offsets (start, end) are in s, or in its
 * NFC form when s was decomposed.  A parsed name is about 2 KB: keep parsed
 * entities, not strings, when comparing many mentions with them.  Fails
 * with ERR_EMPTY (no letters) or ERR_LIMIT (more than NAMES_MAX_TOKENS
 * words), described in e.
 */
int names_parse(const struct names *nm, struct names_name *out, const char *s,
                size_t n, struct err *e);

/*
 * Compare two parsed names; fills *r (may be NULL) and returns the score.
 * threshold: the verdict's threshold (NAMES_THRESHOLD by default).  If
 * either name is a single word (not counting initials), that word is
 * compared with the surname of the other (r->surname is set), so that a
 * surname mention matches a full name; initials must then fit the other
 * name's given names.
 */
double names_match(const struct names *nm, const struct names_name *a,
                   const struct names_name *b, double threshold,
                   struct names_result *r);

/*
 * Parse and compare two names in one call, as names_match at threshold
 * (NAMES_THRESHOLD unless the user asks otherwise).  Fails as names_parse
 * does (e names the side: "first name", "second name").
 */
int names_compare(const struct names *nm, const char *a, size_t an,
                  const char *b, size_t bn, double threshold,
                  struct names_result *r, struct err *e);

/*
 * The token that is the surname of name: the word written as a surname
 * (before a comma, in capitals), else the last word that is neither a
 * given name, a patronymic nor an initial, else the last word; of a
 * double surname (Gronkiewicz-Waltz) its first part.  -1 for an empty
 * name.
 */
int names_surname(const struct names_name *name);

/* The most lookup keys a name has. */
#define NAMES_MAX_KEYS 3

/*
 * Write the lookup keys of name into out and return how many there are
 * (0 for an empty name): the consonant skeletons (translit_skeleton) of
 * its surname as read by its form and by its other readings (English, a
 * Czech -ová taken off, a German z read as ц).  Two spellings of one surname
 * nearly always share a key: index entities under all their keys, look a
 * mention up under all of its, then confirm with names_match.
 */
int names_keys(char out[NAMES_MAX_KEYS][TRANSLIT_FORM_MAX + 1],
               const struct names_name *name);

/*
 * Are tokens ta and tb the same given name: in one set; not when both
 * were found in the table in different sets, or they are a masculine and
 * a feminine (Ivan, Ivana); else when spelled alike (translit forms at
 * NAMES_THRESHOLD)?  For callers that align names themselves.
 */
int names_given_equal(const struct names_token *ta,
                      const struct names_token *tb);

#endif
