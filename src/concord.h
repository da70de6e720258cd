/*
 * concord: concordance, the units whose source (or target) holds a word or
 * a phrase, with where it is in the text, for keyword-in-context display.
 *
 * A text holds the phrase when its tokens (tok.h: words, numbers, symbols;
 * punctuation between them does not count) include the phrase's, in order
 * and next to each other, compared as the matcher compares them: NFC,
 * case folded, typographic apostrophes and hyphens unified, numbers by
 * value, and a name as its entity when the names capability knows it
 * (tmindex_names), so that every spelling of a person is found.  Word
 * boundaries come with the tokens: "Minsk" is not found in "Minsker".
 *
 * The lookup uses the memory's match index: the phrase's keys become
 * token ids (one dictionary lookup each; a key the dictionary lacks is in
 * no text), and the segments whose token blobs hold that id sequence are
 * the candidates, checked on their texts.  It does not scan the texts.
 *
 * It prints nothing.  It may complete the memory's index first
 * (tmindex_complete), which writes to the memory; when the index is not
 * up to date and the memory cannot be written now (read-only, another
 * writer holding the lock), it reads every text instead, with the same
 * results, and says why in the result's note.
 */
#ifndef NEWSTM_CONCORD_H
#define NEWSTM_CONCORD_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "store.h"

struct concord_opts {
	int target;       /* search the targets, not the sources */
	const char *lang; /* only texts in this language (prefix); NULL any */
	size_t max;       /* keep the newest max units; 0: all */
};

/* A unit that holds the phrase; strings owned by the result. */
struct concord_hit {
	int64_t unit;
	char *text;        /* the side searched */
	size_t start, end; /* the phrase in text (bytes) */
	char *other;       /* the other side */
	char *lang, *other_lang;
	int confirmed;
};

struct concord_result {
	struct concord_hit *v; /* newest unit first */
	size_t n, cap;
	size_t total;      /* units found, before max */
	size_t candidates; /* segments the index pointed at */
	char *note;        /* why the texts were read without the index, as
	                      one line for stderr; NULL when it was used */
};

void concord_result_init(struct concord_result *r);
void concord_result_release(struct concord_result *r);

/*
 * Find the units of st whose searched side holds phrase (len bytes,
 * valid UTF-8; lang, may be NULL, reads its numbers) into r
 * (initialised).  Errors: ERR_USAGE (the phrase has no word, number or
 * symbol), ERR_LIMIT (more than MATCH_MAX_TOKENS tokens), ERR_DB.
 */
int concord_search(struct concord_result *r, struct store *st,
                   const char *phrase, size_t len, const struct concord_opts *o,
                   struct err *e);

#endif
