/*
 * suggest: the matches of a new article's sentences in the memory, as
 * `newstm suggest` and `newstm pretranslate` use them.
 *
 * It picks the language pair (the memory's own when it holds one, else
 * from the options and a guess at the article's language), runs each
 * sentence through the match index in article order, and makes context
 * matches: a 100 becomes a 101 when the article's previous sentence had a
 * 100 (or 101) on the unit stored just before this one in the same
 * document (the stored position before it, so that a sentence the stored
 * translation dropped does not break the chain).  It also writes the
 * XLIFF 1.2 both commands give CAT tools.
 *
 * It prints nothing and never changes the memory's units (pretranslate
 * counts uses itself); opening the index may bring the memory's match
 * index up to date, or, when the memory cannot be written, make it from
 * the texts for the run (tmindex_open, tmindex_note).
 */
#ifndef NEWSTM_SUGGEST_H
#define NEWSTM_SUGGEST_H

#include <stddef.h>

#include "buf.h"
#include "doc.h"
#include "err.h"
#include "lang.h"
#include "match.h"
#include "seg.h"
#include "store.h"
#include "tmindex.h"

/*
 * Choose the language pair to match in: src and tgt as given (normalised
 * tags, or NULL), else the memory's.  The source: the only one stored
 * (among pairs into tgt when it is given), else lang_guess of text.  The
 * target: the only one stored for that source.  Fills src_out and
 * tgt_out.  Errors: ERR_NOTFOUND (the memory holds no units), ERR_USAGE
 * (no such pair, or several targets and none given; the message lists
 * the pairs the memory holds), ERR_DB.
 */
int suggest_pick_pair(char src_out[LANG_TAG_MAX], char tgt_out[LANG_TAG_MAX],
                      struct store *st, const char *src, const char *tgt,
                      const char *text, size_t len, struct err *e);

/*
 * What both commands start from: the memory (never created), the article
 * split into sentences (or one sentence a line), the pair and the loaded
 * index.  suggest_job_open fills j (zeroed by the caller) in that order, so
 * that the first problem is the one reported: a missing memory
 * (ERR_NOTFOUND), an unreadable article (doc_load's errors), the pair
 * (suggest_pick_pair's errors), the index (tmindex_open's).  Release with
 * suggest_job_release, also after a failure.
 */
struct suggest_job {
	struct store *st;
	struct tmindex *ti;
	struct doc d;
	struct seg_list sl;
	struct text_info info; /* how the article was read */
	char src[LANG_TAG_MAX], tgt[LANG_TAG_MAX];
};

struct suggest_input {
	const char *tm_path;
	const char *article;   /* path, "-" or NULL: stdin */
	const char *src, *tgt; /* normalised tags or NULL */
	int presegmented;      /* one sentence a line */
	struct text_opts text; /* the article's encoding (NULL: detected),
	                          lossy reading */
};

int suggest_job_open(struct suggest_job *j, const struct suggest_input *in,
                     struct err *e);
void suggest_job_release(struct suggest_job *j);

struct suggest_opts {
	const char *src_lang, *tgt_lang; /* the pair (suggest_pick_pair) */
	int min_score;                   /* 0-101 */
	size_t max;                      /* matches kept per sentence; 0 all */
	int brute; /* compare with every unit (the benchmark's baseline) */
};

/* One sentence and its matches, best first (borrowed for the callback). */
struct suggest_item {
	size_t index; /* 0-based over the article */
	size_t para;  /* its paragraph */
	const char *text;
	size_t len;
	const struct match_set *set;
	int too_long; /* not matched: more than MATCH_MAX_TOKENS tokens */
};

/*
 * Match every sentence of sl (spans of text) against the loaded index ti
 * of memory st, in order, and call fn for each (fn returns 0 to go on, a
 * negative code to stop with it).  Errors: what the matcher, the store or
 * fn return.
 */
int suggest_run(struct store *st, struct tmindex *ti, const char *text,
                const struct seg_list *sl, const struct suggest_opts *o,
                int (*fn)(void *ctx, const struct suggest_item *it,
                          struct err *e),
                void *ctx, struct err *e);

/*
 * The name of the document match r was seen in (the one that made a
 * context match, else its first origin), into name (reset first; empty
 * when unknown).
 */
int suggest_document(struct buf *name, struct store *st,
                     const struct match_result *r, struct err *e);

/* Append r's penalties as "numbers: 1,300 -> 1,400 (-1); ..." */
void suggest_penalties(struct buf *out, const struct match_result *r);

/*
 * XLIFF 1.2 for CAT tools.  suggest_xliff_head opens <xliff>, one <file>
 * (original: the article's name) and its <body>; suggest_xliff_end closes
 * them.  suggest_xliff_unit writes one sentence as a <trans-unit> whose
 * <source> is the sentence; with draft, a <target> holding the best match
 * at or above min_score (state "translated" for 100 and 101,
 * "needs-review-translation" below, with state-qualifier exact-match or
 * fuzzy-match), or, without one, the sentence itself in state "new" (so
 * that neither a CAT tool nor `newstm import` takes it for a
 * translation); then each match as an <alt-trans> with match-quality,
 * origin (its document), the stored source, the proposed target and its
 * penalties as a note.  docs: the document names of the set's matches,
 * in order (it->set->n of them).  Characters XML 1.0 forbids become U+FFFD.
 */
void suggest_xliff_head(struct buf *b, const char *original,
                        const char *src_lang, const char *tgt_lang,
                        const char *version);
void suggest_xliff_unit(struct buf *b, const struct suggest_item *it,
                        const char *src_lang, const char *tgt_lang,
                        const char *const *docs, int draft, int min_score);
void suggest_xliff_end(struct buf *b);

#endif
