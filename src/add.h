/*
 * add: store an aligned article pair in the memory.
 *
 * Takes what bitext found (two articles, their sentences and beads) and
 * puts every pair at or above a confidence threshold into the memory as
 * one batch, in one transaction: all of the pair of articles or nothing.
 * Beads with one side empty (a sentence without counterpart) are never
 * stored.  The origin of each unit is the source article and the position
 * of its first sentence, so that suggestions can recognise context later.
 * add prints nothing and reads no files.
 */
#ifndef NEWSTM_ADD_H
#define NEWSTM_ADD_H

#include <stddef.h>

#include "bitext.h"
#include "err.h"
#include "store.h"

/* The default --min-confidence of `newstm add`. */
#define ADD_MIN_CONFIDENCE 0.5

struct add_report {
	long long added; /* new units */
	long long known; /* units the memory already had (merged or not) */
	long long weak;  /* pairs left out below the threshold */
	long long lone;  /* sentences without counterpart (not stored) */
	int64_t batch;   /* the batch id */
};

/*
 * Check that both sides of bt have a language (given or guessed): 0, or
 * ERR_USAGE naming the side and the option that would tell it.
 */
int add_languages(const struct bitext *bt, struct err *e);

/*
 * Count, without storing, what add_pair would do with bt: fills r's weak
 * and lone counts (added, known and batch stay 0) and returns the number
 * of pairs it would store.
 */
long long add_count(const struct bitext *bt, double min_conf,
                    struct add_report *r);

/*
 * Store the pairs of bt with confidence >= min_conf (compared at two
 * decimals, as newstm align prints them) as one batch.  The document is
 * bt->src.name; its title is the first sentence when it is a headline.
 * Fails with ERR_USAGE when a side's language is unknown (the caller must
 * name it), else as store_batch_begin and store_put do; on failure nothing
 * is stored.
 */
int add_pair(struct store *st, const struct bitext *bt, double min_conf,
             struct add_report *r, struct err *e);

#endif
