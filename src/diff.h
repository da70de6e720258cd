/*
 * diff: the cheapest edit script between two token sequences, and the word
 * diff drawn from it.
 *
 * diff_align finds a minimum-cost alignment of two sequences where every
 * token has a weight (what inserting or deleting it costs): equal tokens
 * cost nothing, replacing a token by one of the same weight costs that
 * weight, and tokens of different weights are never paired.  With heavy
 * words and light punctuation, the word part of the cost is exactly the
 * word edit distance, and among the alignments that reach it the one with
 * the fewest punctuation edits is chosen.  diff_hunks and diff_render turn
 * an alignment into `git diff --word-diff` style output on the texts as
 * written.  diff knows nothing of languages or what a token is: the caller
 * gives spans and an equality.
 */
#ifndef NEWSTM_DIFF_H
#define NEWSTM_DIFF_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum diff_op {
	DIFF_EQUAL,  /* a[a] and b[b] are the same token */
	DIFF_CHANGE, /* a[a] replaced by b[b] */
	DIFF_DELETE, /* a[a] is not in b */
	DIFF_INSERT, /* b[b] is not in a */
};

struct diff_step {
	uint32_t op;   /* enum diff_op */
	uint32_t a, b; /* token indices (a for DELETE, b for INSERT) */
};

/* Whether token i of a equals token j of b. */
typedef int (*diff_same_fn)(void *ctx, size_t i, size_t j);

/*
 * Align a (na tokens, weights wa) with b (nb, wb).  Stores the steps, in
 * order, in *steps (caller frees with free()) and their count in *nsteps;
 * returns the total cost.  Ties are broken the same way every time
 * (equal, then change, then delete, then insert, from the end).  Takes
 * O(na * nb) time and memory: callers bound the lengths.
 */
uint64_t diff_align(struct diff_step **steps, size_t *nsteps,
                    const uint32_t *wa, size_t na, const uint32_t *wb,
                    size_t nb, diff_same_fn same, void *ctx);

/* A token's bytes in its text. */
struct diff_span {
	size_t start, end;
};

/*
 * A piece of the word diff: an equal run (the same bytes in both texts)
 * or a change: a[a0..a1) replaced by b[b0..b1), either possibly empty (a
 * pure deletion sits at b0 == b1, where it happened in b).
 */
struct diff_hunk {
	int equal;
	size_t a0, a1, b0, b1;
};

/*
 * Group steps into hunks: consecutive steps that are not equal become one
 * change, and an equal step whose bytes differ (case, a name's spelling)
 * counts as a change, so that the diff shows every difference.  aspan and
 * bspan give each token's bytes in a and b.  Stores the hunks in *hunks
 * (caller frees) and their count in *nhunks.
 */
void diff_hunks(struct diff_hunk **hunks, size_t *nhunks,
                const struct diff_step *steps, size_t nsteps, const char *a,
                const struct diff_span *aspan, const char *b,
                const struct diff_span *bspan);

enum diff_style {
	DIFF_PLAIN, /* [-old-]{+new+}, as git diff --word-diff=plain */
	DIFF_COLOR, /* old in red, new in green (ANSI escapes) */
};

/*
 * Append the word diff from a (the old text, alen bytes) to b (the new
 * one, blen bytes): b as written, with each change shown in place.
 */
void diff_render(struct buf *out, const char *a, size_t alen, const char *b,
                 size_t blen, const struct diff_hunk *hunks, size_t nhunks,
                 enum diff_style style);

#endif
