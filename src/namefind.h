/*
 * namefind: the persons of a namestore found in a text, and the house
 * forms that should stand in their place.
 *
 * A text is read as runs of capitalised words (a capital and at least one
 * small letter, or a single capital: an initial; words in capitals only
 * are headline type and are skipped) joined by a space, a hyphen or an
 * initial's full stop.  Each word is read in every grammatical form
 * inflect.h knows for the text's language (Тихановской as Тихановская in
 * the genitive, Tikhanovskaya’s as Tikhanovskaya and ’s), and a word is a
 * candidate when one of its readings shares a lookup key with a stored
 * spelling.  Around a candidate, spans of two to four words that hold a
 * given name or an initial are tried as full names (the words read in
 * one case together), and the best one
 * that is the same person as an entity's full spelling is taken; else
 * the candidate alone is compared with the entities' surnames (at
 * NAMEFIND_SURNAME_MIN).  Rules:
 *
 *   - A full name is judged as a full name: Sergei Tikhanovsky is not
 *     Sviatlana Tsikhanouskaya, whatever their surnames share.
 *   - A surname alone is taken only when every entity it fits about as
 *     well as the best (NAMEFIND_MARGIN) agrees on the house surname for
 *     the language (Tsikhanouski and Tsikhanouskaya
 *     differ by gender, so they rarely meet; two brothers Klitschko agree
 *     on their surname, so their surname alone is still checked).
 *   - A surname with a given name beside it that did not make a full name
 *     with it (Maria Tikhanovskaya) is another person: only entities known
 *     by a surname alone may take it.
 *
 * For each word of a mention, the word of the house form it stands for is
 * put in the same form (inflect_apply): the case ending of the written
 * word in the case the whole name stands in, the possessive kept.  A word
 * that is the house word in some case form is never a fix; nor is an
 * apostrophe (’ and ' are one, norm_is_apostrophe), and a fix keeps the
 * written word's apostrophe.  Written words that stand for the parts of
 * one hyphenated house word (Jean Pierre for Jean-Pierre, the two parts of
 * Salihovic-Whalen) are one part of the mention, so that they are fixed
 * whole, hyphen or space included.  namefind reads no files and knows nothing
 * of the memory's tables (namestore.h).
 */
#ifndef NEWSTM_NAMEFIND_H
#define NEWSTM_NAMEFIND_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "inflect.h"
#include "match.h"
#include "namestore.h"

struct namefind;

/*
 * A finder over ns (borrowed: it must outlive the finder), taking the
 * entities whose status is in mask (NAMESTORE_CONFIRMED ...).  Free with
 * namefind_free.
 */
struct namefind *namefind_new(struct namestore *ns, unsigned mask);
void namefind_free(struct namefind *nf);

/*
 * The least score of a surname alone (names_match, surname against an
 * entity's surname): a word alone is weaker evidence than a full name, and
 * sentence-initial words read in some case form (Калі as Каль) come close
 * to surnames by chance.
 */
#define NAMEFIND_SURNAME_MIN 0.85

/*
 * How close to the best an entity's score must be for a surname alone to
 * be read as that entity too: Bebotschenowitsch is Bebochenovich (0.98),
 * not Bedochenovich (0.86); Klitschko fits both brothers equally.  A
 * spelling an entity is known by (score 1) wins outright over near ones.
 */
#define NAMEFIND_MARGIN 0.05

/* The margin of a best score: NAMEFIND_MARGIN, narrow for a known
 * spelling. */
static inline double namefind_margin(double best)
{
	return best >= 0.995 ? 0.005 : NAMEFIND_MARGIN;
}

/* A word of a run of capitalised words. */
struct namefind_word {
	size_t start, end; /* bytes in the text, possessive included */
	char sep;          /* what joins it to the word before: ' ' (a space
	                      or one line break), '-', or 0 for the first */
};

/* The longest run namefind_next_run returns (longer runs are cut). */
#define NAMEFIND_MAX_RUN 16

/*
 * Find the next run of capitalised words in text[*pos..len): up to
 * NAMEFIND_MAX_RUN words into w; returns their count, or 0 when there is
 * none left.  *pos moves past the run.
 */
int namefind_next_run(const char *text, size_t len, size_t *pos,
                      struct namefind_word w[NAMEFIND_MAX_RUN]);

/*
 * The readings of one word as namefind takes them: inflect_readings
 * (ilang: a primary language subtag, or NULL), and when the first reading
 * split a possessive or genitive off, the word whole as one more reading
 * (Ales is not a German genitive of Ale).  Returns their count (<= max).
 */
size_t namefind_readings(struct inflect_reading *out, size_t max, const char *w,
                         size_t n, const char *ilang);

/* One word of a mention (or the words of one hyphenated house word). */
struct namefind_part {
	size_t start, end;                     /* the word as written */
	const struct inflect_reading *reading; /* how it was read */
	const char *house; /* the house form's word in the same form, NULL if
	                      none (an initial, a title, no house form) */
	size_t house_len;
};

/* A mention of an entity; everything is borrowed for the callback. */
struct namefind_mention {
	size_t start, end;    /* first to last word of the name (bytes) */
	const char *spelling; /* the name's words in base form, as matched */
	int entity;           /* namestore index */
	int alias;            /* the entity's spelling it matched best */
	double score;         /* names_match against that spelling */
	int surname;          /* one word, taken for the entity's surname */
	int house;            /* the house form for the language, -1: none */
	const struct namefind_part *parts;
	int nparts;
};

typedef int (*namefind_fn)(void *ctx, const struct namefind_mention *m);

/*
 * Call fn for each mention of an entity in text[0..len) (valid UTF-8), in
 * order.  lang: the text's language tag (house forms and case endings);
 * NULL reads words in every language.  fn returns 0 to go on; anything
 * else stops the scan and is returned.
 */
int namefind_scan(struct namefind *nf, const char *text, size_t len,
                  const char *lang, namefind_fn fn, void *ctx);

/* A word (or hyphenated words) not in the house form (check, normalize). */
struct namefind_fix {
	size_t start, end;   /* bytes of the word as written */
	size_t line, column; /* 1-based; column in code points */
	char *found;         /* the word as written (owned) */
	char *house;         /* what should stand there (owned) */
	char *mention;       /* the whole name as written (owned) */
	int entity;          /* namestore index */
	double score;
	int surname;
};

struct namefind_fixes {
	struct namefind_fix *v;
	size_t n, cap;
};

void namefind_fixes_init(struct namefind_fixes *f);
void namefind_fixes_release(struct namefind_fixes *f);

/*
 * Collect into f (appended) every word of a mention in text that differs
 * from the house form for lang put in its form.  Mentions of entities
 * without a house form for lang are left alone.
 */
void namefind_fixes(struct namefind *nf, struct namefind_fixes *f,
                    const char *text, size_t len, const char *lang);

/*
 * Append text with every fix applied to out: the house words in place of
 * the written ones, every other byte as it was.
 */
void namefind_apply(struct buf *out, const char *text, size_t len,
                    const struct namefind_fixes *f);

/*
 * Fill *out with the names capability match.h wants (match_index_new,
 * match_score): entity tells a capitalised token (any grammatical form)
 * that is the surname of exactly one house entity, and house writes that
 * entity's house surname for a language in the written token's form.
 * The callbacks use nf (which must outlive the index) and cache their
 * answers per token.  Given names are not entities for them: a given name
 * alone does not tell a person.
 */
void namefind_match_names(struct match_names *out, struct namefind *nf);

/*
 * The known spellings of the entities the word or name phrase[0..n)
 * names (in any form; lang as for namefind_scan), for a concordance that
 * should find them all: for a word, the surnames of their spellings; for
 * a name of several words, the spellings themselves.  Each is appended to
 * out followed by a NUL, without repeats; returns how many.
 */
size_t namefind_variants(struct namefind *nf, struct buf *out,
                         const char *phrase, size_t n, const char *lang);

#endif
