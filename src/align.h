/*
 * align: sentence alignment of an article with its translation.
 *
 * Takes two lists of sentences (with the paragraph each belongs to) and
 * returns beads: groups of 0-5 consecutive source sentences that translate
 * 0-5 consecutive target sentences, in document order, every sentence in
 * exactly one bead.  The cost of a bead combines a length model in the
 * spirit of Gale & Church (1993) with anchors that need no dictionary and
 * work across scripts: numbers compared by value in each language's
 * notation, names of months and weekdays, words compared by a prefix of
 * their transliterated key (names, cognates) and, across scripts, names by
 * their consonants; question and exclamation marks, quotation marks, a
 * colon or semicolon at the end, and paragraph edges.  A number one text
 * lacks altogether counts against pairing its sentence; runs of sentences
 * without counterpart cost less per sentence, so that a dropped paragraph
 * is left out whole.  Sentences that continue the one before them (split
 * at a semicolon, starting with a small letter) join a bead more easily
 * than whole sentences, and a bead that merges whole sentences on both
 * sides at once costs more: that is mostly a sentence left out beside a
 * merge.  The expected length ratio comes from the
 * pairs that share a unique anchor.  A dynamic programme finds the best
 * beads in a band around the diagonal, in time and memory linear in the
 * length of the texts; the band follows the path and widens where the
 * texts drift apart, and short texts use the whole table.
 *
 * Each bead gets a confidence in [0,1]: a logistic function, fitted on
 * development data, of its posterior probability under the model
 * (forward-backward), its anchors, its length, its shortest sentence, the
 * numbers the other text lacks and how much the whole merges sentences
 * (see ALIGN_NEVIDENCE).  The whole gets a relatedness: how much more anchor
 * weight the pairs share than the same beads shifted a few sentences, low
 * for texts that are not translations of each other.
 *
 * align does no I/O and no sentence splitting (seg.c), and it knows nothing
 * about output formats (cmd_align.c) or the memory.
 */
#ifndef NEWSTM_ALIGN_H
#define NEWSTM_ALIGN_H

#include <stddef.h>

#include "err.h"

/*
 * Longer inputs are refused with ERR_LIMIT: at the limit (262,144 sentences
 * a side) the tables take about 2 GB.
 */
#define ALIGN_MAX_SENTENCES ((size_t)1 << 18)
/* The most sentences one side of a bead may hold. */
#define ALIGN_MAX_SIDE 5

/* One sentence, borrowed from the caller. */
struct align_sent {
	const char *text; /* valid UTF-8 in NFC; need not be NUL-terminated */
	size_t len;       /* bytes */
	size_t para;      /* paragraph number; non-decreasing along a side */
};

/* One bead: src .. src+nsrc-1 with tgt .. tgt+ntgt-1 (0-based). */
struct align_bead {
	size_t src, nsrc;  /* nsrc 0 for a target sentence without source */
	size_t tgt, ntgt;  /* ntgt 0 for a source sentence left untranslated */
	double confidence; /* in [0,1]: how sure the bead is right */
};

enum {
	/* Lengths only, no anchors: plain Gale & Church, a baseline. */
	ALIGN_LENGTH_ONLY = 1 << 0,
	/* Fill align_result.evidence (for fitting the calibration). */
	ALIGN_EVIDENCE = 1 << 1,
};

/*
 * What the confidence of a bead is computed from, ALIGN_NEVIDENCE numbers
 * a bead, in this order: the log odds of its posterior probability; the
 * anchor similarity of its two sides (0..1) and their anchor weight; the
 * cost of its lengths; its number of sentences beyond two; the relatedness
 * of the whole (log, at most 0); the lower posterior log odds of its two
 * neighbours; how many of them leave sentences out; the log of its
 * shortest sentence's length; the weight of numbers the other text lacks;
 * the share of the pairs of the whole that merge sentences.
 */
#define ALIGN_NEVIDENCE 11

struct align_opts {
	const char *src_lang; /* language tag of the source, or NULL */
	const char *tgt_lang; /* language tag of the target, or NULL */
	unsigned flags;       /* ALIGN_* */
};

struct align_result {
	struct align_bead *beads; /* owned; nbead of them, in order */
	size_t nbead, cap;
	/*
	 * How much the two sides look like translations of each other, in
	 * [0,1] (0.5 where a pair's shared anchors are three times those of
	 * pairs a few sentences apart); unrelated is set when it is below
	 * that and there were enough pairs to tell.  With ALIGN_LENGTH_ONLY
	 * nothing is judged: relatedness 1, unrelated 0.
	 */
	double relatedness;
	int unrelated;
	double cost; /* of the beads under the model: lower is likelier */
	/* With ALIGN_EVIDENCE: nbead * ALIGN_NEVIDENCE numbers, bead after
	 * bead (owned); else NULL. */
	double *evidence;
};

/* Initialise an empty result (allocates nothing). */
void align_result_init(struct align_result *r);
/* Free what r owns; r is left initialised and empty. */
void align_result_release(struct align_result *r);

/*
 * Align nsrc source sentences with ntgt target sentences and store the
 * beads in r (initialised by the caller; earlier contents are replaced).
 * Either side may be empty: its partner's sentences then all come out as
 * 1-0 or 0-1 beads.  Language tags (ISO 639 primary subtags, "en", "de")
 * only decide how numbers are written (decimal comma or point); NULL or an
 * unknown tag is fine.  Returns 0, or ERR_LIMIT when a side has more than
 * ALIGN_MAX_SENTENCES sentences.  Sentences are borrowed for the call only.
 */
int align_run(struct align_result *r, const struct align_sent *src, size_t nsrc,
              const struct align_sent *tgt, size_t ntgt,
              const struct align_opts *o, struct err *e);

#endif
