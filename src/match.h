/*
 * match: fuzzy matching of a sentence against translation units, with an
 * index that is fast and never loses a match.
 *
 * The score of a stored unit for a new sentence is computed over the
 * tokens of tok.h: words, numbers and symbols count, punctuation does not.
 * With n and m those counts and d the token edit distance between the two
 * sequences of comparison keys (NFC, case folded; every number a
 * placeholder; every name the names callback knows its entity), the base
 * is floor(100 * (max(n, m) - d) / max(n, m)), the formula OmegaT users
 * know; two empty sequences score 100.  Penalties, each listed with its
 * reason and points, are then subtracted (never below 0):
 *
 *   case       a token that differs only in case (or in what case
 *              folding also erases: "ß" and "ss", ligatures)
 *   punctuation  a punctuation token inserted, deleted or replaced, or a
 *              word written with another apostrophe or hyphen
 *   numbers    a number whose value changed (a placeable: the proposed
 *              target gets the new value, written the target's way), or
 *              the same value written differently
 *   number missing  a changed number whose old value is not in the
 *              stored target, so the proposal could not be fixed
 *   names      a name in another spelling of the same entity (a
 *              placeable: the proposed target gets the house form)
 *   aligned    the unit came from automatic alignment, nobody confirmed
 *              it and the aligner was not sure of it (confidence below
 *              0.9: 1 point; below 0.5: 2); a confident alignment costs
 *              nothing, so that a verbatim repeat stays a 100
 *   alternatives  the memory holds other translations of the source
 *
 * So 100 means the same tokens written the same way: identical up to
 * whitespace, with nothing to penalise.  101 is a 100 whose previous
 * sentence in the article had a 100 (or 101) match on a unit that
 * precedes this one in a stored document (some origin (d, p - 1) of the
 * previous match for an origin (d, p) of this one).  Bands: "101", "100",
 * "95-99", "85-94", "75-84", "50-74", "0-49".
 *
 * The index keeps each unit's key sequence as integer ids and posts the
 * unit under its rarest tokens (a repeated token counts once per
 * occurrence; rarity is the number of units a token is in, fixed when the
 * postings are built): the first m - ceil(m / 2) + 2 of its m tokens, which
 * is what the prefix filter needs at MATCH_INDEX_MIN with the prefixes
 * extended by one, so that a unit must turn up under two of the query's
 * rare tokens to be checked.  Each posting list is sorted so that the
 * entries a higher threshold can use come first.  A query looks at the
 * lists of its own rarest tokens only, filters candidates by length, by
 * how many tokens they can still share and by the two-token rule, and
 * verifies the rest with an exact bit-parallel edit distance.  Every
 * filter is an upper bound of the base and no penalty raises a score, so
 * the index returns exactly what a comparison with every unit returns
 * (match_index_brute does that, as the baseline and the test oracle).
 * Below MATCH_INDEX_MIN a query scans every unit (still exact).  Adding
 * or removing units marks the postings stale: the next query rebuilds
 * them (about 0.15 s for 100,000 units, 2 s for a million).
 *
 * Storing the index: what cannot be rebuilt cheaply is the tokenising, so
 * a store keeps the dictionary (match_index_token, ids in order) and each
 * unit's token ids (match_index_unit_tokens, as a match_tokens_encode
 * blob), with MATCH_KEY_VERSION and a version of the names data; opening
 * it is match_index_intern for every key in id order, then
 * match_index_add_tokens for every unit.
 *
 * match does no I/O and prints nothing.  Texts come from the caller: the
 * index keeps its own copies, or asks a fetch callback for the units it
 * verifies (the memory's SQLite file, say), so that it holds only integer
 * arrays.  An index is not safe for concurrent queries.
 */
#ifndef NEWSTM_MATCH_H
#define NEWSTM_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diff.h"
#include "err.h"
#include "tok.h"

/* Longest sentence (in tokens, punctuation included) matched. */
#define MATCH_MAX_TOKENS 2000
/* Lowest min-score the prefix filter serves; below it a query scans. */
#define MATCH_INDEX_MIN 50
/*
 * Version of the comparison keys (tokeniser and placeholders): stored
 * token ids made under another version must be rebuilt from the texts.
 */
#define MATCH_KEY_VERSION 2 /* 2: ‘ ` ´ inside a word are apostrophes */

enum match_unit_flags {
	MATCH_CONFIRMED = 1, /* a person confirmed the translation */
	MATCH_ALIGNED = 2,   /* the pair came from automatic alignment */
};

/* Where a unit was seen: a document and the sentence's position in it. */
struct match_origin {
	int64_t doc; /* document id, never 0 */
	int pos;     /* 0-based sentence position */
};

/* A translation unit as the caller hands it over. */
struct match_unit {
	int64_t id;      /* the caller's id (the store's row id); unique */
	const char *src; /* source text, valid NFC UTF-8 */
	size_t src_len;
	const char *tgt; /* target text */
	size_t tgt_len;
	const char *src_lang, *tgt_lang; /* language tags */
	int64_t doc; /* document the unit came from, 0 if none */
	int pos;     /* its sentence number in that document */
	/* More places it was seen (a unit may have several origins): */
	const struct match_origin *origins;
	size_t norigins;
	unsigned flags;    /* enum match_unit_flags */
	int alternatives;  /* other translations of this source (0: none) */
	double confidence; /* MATCH_ALIGNED: the alignment's, 0-1 */
	long long usage;   /* times the unit was used */
	int64_t date;      /* when it was last changed or made (0: unknown) */
};

/*
 * The names capability, as callbacks (the names module supplies them).
 * entity: the entity id of a token as written in a text of language lang,
 * or NULL; the string is borrowed until the next call.  It is asked only
 * about words whose first letter is upper case.  house: append to out the
 * house form of entity in language lang, shaped like written (a token of
 * a stored text, so that a names module can keep a grammatical ending);
 * return 0, or -1 if it has none.  Either callback may be NULL.
 */
struct match_names {
	const char *(*entity)(void *ctx, const char *tok, size_t len,
	                      const char *lang);
	int (*house)(void *ctx, struct buf *out, const char *entity,
	             const char *lang, const char *written, size_t len);
	void *ctx;
};

/*
 * Fill *out with unit id (texts borrowed until the next call).  Returns
 * 0, or a negative ERR_* code with e filled in.
 */
typedef int (*match_fetch_fn)(void *ctx, struct match_unit *out, int64_t id,
                              struct err *e);

/* Points of each penalty; "each" per occurrence, "max" caps the sum. */
struct match_weights {
	int case_each, case_max;
	int punct_each, punct_max;
	int number_each, number_max;
	int number_missing; /* each changed number not found in the target */
	int name_each, name_max;
	/*
	 * MATCH_ALIGNED and not MATCH_CONFIRMED: aligned points when the
	 * confidence is below aligned_sure, aligned_weak points when it is
	 * below aligned_weak_below.
	 */
	int aligned, aligned_weak;
	double aligned_sure, aligned_weak_below;
	int alternatives; /* alternatives > 0 */
};

/*
 * The defaults: case 1 each (at most 3), punctuation 1 each (at most 3),
 * numbers 1 each (at most 4, so that a sentence that differs only in
 * numbers scores 96-99), number missing 5, names 1 each (at most 3),
 * aligned 1 below confidence 0.9 and 2 below 0.5, alternatives 1.
 */
void match_weights_default(struct match_weights *w);

#define MATCH_WHY_MAX       160
#define MATCH_PENALTIES_MAX 8

struct match_penalty {
	char why[MATCH_WHY_MAX]; /* e.g. "number 1,300 -> 1,400" */
	int points;
};

struct match_result {
	int64_t id;       /* the unit */
	int score;        /* 0-101 */
	int base;         /* the score before penalties, 0-100 */
	int edits;        /* token edit distance */
	const char *band; /* static: "101", "100", "95-99", ... */
	int64_t doc;
	int pos;
	unsigned flags;
	double confidence; /* the unit's (see match_unit) */
	long long usage;
	int64_t date;
	/* Owned by the result (freed with it): */
	struct match_origin *origins; /* doc/pos and the unit's origins */
	size_t norigins;
	char *source, *target, *proposed; /* NUL-terminated */
	size_t source_len, target_len, proposed_len;
	struct match_penalty pen[MATCH_PENALTIES_MAX];
	int npen;
	struct diff_hunk *hunks; /* the word diff, stored source -> query */
	size_t nhunks;
};

/* Free what a result owns; the result is left zeroed. */
void match_result_release(struct match_result *r);

/* The matches of one sentence, best first. */
struct match_set {
	struct match_result *v;
	size_t n, cap;
	char *query; /* a copy of the sentence */
	size_t query_len;
	size_t candidates; /* units the filters let through to the check */
	size_t verified;   /* units whose base reached the threshold */
};

void match_set_init(struct match_set *s);
void match_set_release(struct match_set *s);

/*
 * Sort s best first and keep the best max (0: all).  Best: the higher
 * score; on a tie a confirmed unit, then the higher alignment confidence
 * (a unit not from an alignment counts as 1), then more uses, then the
 * newer (date, then id), then the higher base.  The index's answers are
 * in this order already; a caller that changes scores sorts again.
 */
void match_set_finish(struct match_set *s, size_t max);

struct match_query {
	const char *text; /* the sentence (valid NFC UTF-8) */
	size_t len;
	const char *src_lang; /* only units of this source language; NULL any */
	const char *tgt_lang; /* only units into this language; NULL any */
	int min_score;        /* 0-101 */
	size_t max;           /* keep the best max; 0 keeps all */
	/* The previous sentence's matches, for 101; NULL if none. */
	const struct match_set *prev;
	const struct match_weights *weights; /* NULL: the defaults */
};

/* The band of a score: "101", "100", "95-99", ..., "0-49" (static). */
const char *match_band(int score);

/*
 * Score unit u for sentence text (len bytes, language lang) without an
 * index: fills *out (release with match_result_release).  names and prev
 * may be NULL, w NULL means the defaults.  Fails with ERR_LIMIT when a
 * text has more than MATCH_MAX_TOKENS tokens.
 */
int match_score(struct match_result *out, const char *text, size_t len,
                const char *lang, const struct match_unit *u,
                const struct match_names *names, const struct match_weights *w,
                const struct match_set *prev, struct err *e);

/*
 * Append the word diff of r (its stored source -> the sentence query, len
 * bytes, the text it was scored against) in the given style.
 */
void match_render_diff(struct buf *out, const struct match_result *r,
                       const char *query, size_t len, enum diff_style style);

struct match_index;

/*
 * A new, empty index.  names (copied; may be NULL) decides which tokens are
 * names; rebuild the index when the names data change.  fetch NULL: the
 * index keeps a copy of every unit's texts; else it keeps only token ids
 * and asks fetch (with ctx) for the units it scores.  Free with
 * match_index_free.
 */
struct match_index *match_index_new(const struct match_names *names,
                                    match_fetch_fn fetch, void *ctx);
void match_index_free(struct match_index *idx);

/*
 * The token ids of text (len bytes, language lang) as the index would
 * store them for a unit's source: its words, numbers and symbols, with
 * the index's names.  With intern, keys not yet in the dictionary are
 * added to it (ids match_index_token_count() onwards); without, they get
 * the id UINT32_MAX.  *toks (caller frees) and *n.  Errors: ERR_LIMIT.
 */
int match_index_tokens(struct match_index *idx, uint32_t **toks, size_t *n,
                       const char *text, size_t len, const char *lang,
                       int intern, struct err *e);

/*
 * Cut text into tokens with comparison keys as the matcher makes them
 * (tok_split, then the keys of the words names knows rewritten to their
 * entity: TOK_NAME_MARK and the entity id).  l must be initialised; it
 * is emptied first.  names may be NULL.
 */
void match_tokenize(struct tok_list *l, const char *text, size_t len,
                    const char *lang, const struct match_names *names);

/*
 * Add unit u (tokenised here; texts copied when the index keeps them).
 * Errors: ERR_USAGE (the id is already in the index), ERR_LIMIT (more
 * than MATCH_MAX_TOKENS tokens).
 */
int match_index_add(struct match_index *idx, const struct match_unit *u,
                    struct err *e);

/*
 * Add unit u with its source already tokenised: toks are the n token ids
 * of its words, numbers and symbols in order, as match_index_unit_tokens
 * gave them (loading a stored index).  u's texts are copied when the index
 * keeps them, else ignored.  Errors: ERR_USAGE (duplicate id), ERR_FORMAT
 * (an id the dictionary does not hold), ERR_LIMIT.
 */
int match_index_add_tokens(struct match_index *idx, const struct match_unit *u,
                           const uint32_t *toks, size_t n, struct err *e);

/* Remove unit id; returns 0, or ERR_NOTFOUND. */
int match_index_remove(struct match_index *idx, int64_t id);

/* Number of units in the index. */
size_t match_index_size(const struct match_index *idx);

/*
 * Build the posting lists now (queries do it when units were added or
 * removed since the last build).
 */
void match_index_build(struct match_index *idx);

/*
 * Find the units whose score for q->text is at least q->min_score, best
 * first, into out (which is emptied first).  Errors: ERR_USAGE (min_score
 * outside 0-101), ERR_LIMIT, or what fetch returned.
 */
int match_index_query(struct match_set *out, struct match_index *idx,
                      const struct match_query *q, struct err *e);

/*
 * The same answer by comparing q->text with every unit (plain dynamic
 * programming, no filter): the baseline and the oracle of the index.
 */
int match_index_brute(struct match_set *out, struct match_index *idx,
                      const struct match_query *q, struct err *e);

/*
 * The Levenshtein distance of the token id sequences a[0..n) and b[0..m),
 * by dynamic programming, exact up to kmax: a larger distance gives
 * kmax + 1.  row is the caller's scratch space of m + 1 entries.  The
 * index verifies long queries with it (short ones bit-parallel).
 */
unsigned match_token_distance(const uint32_t *a, size_t n, const uint32_t *b,
                              size_t m, unsigned kmax, unsigned *row);

/*
 * The dictionary, for storing the index: ids are 0 .. count-1 in the
 * order keys were first seen.  match_index_token returns the key of id
 * (borrowed until the index changes; *len its length).
 */
size_t match_index_token_count(const struct match_index *idx);
const char *match_index_token(const struct match_index *idx, uint32_t id,
                              size_t *len);

/*
 * Put key in the dictionary (when loading a stored one, in id order) and
 * store its id in *id.
 */
void match_index_intern(struct match_index *idx, uint32_t *id, const char *key,
                        size_t len);

/*
 * The token ids of unit id's source (borrowed until the index changes).
 * Returns 0, or ERR_NOTFOUND.
 */
int match_index_unit_tokens(const struct match_index *idx, int64_t id,
                            const uint32_t **toks, size_t *n);

/* Append n token ids to out as a compact blob (LEB128 varints). */
void match_tokens_encode(struct buf *out, const uint32_t *toks, size_t n);

/*
 * Decode a blob made by match_tokens_encode: *toks (caller frees) and *n.
 * Returns 0, or ERR_FORMAT if the blob is cut or malformed.
 */
int match_tokens_decode(uint32_t **toks, size_t *n, const void *blob,
                        size_t len);

struct match_stats {
	size_t units;    /* live units */
	size_t tokens;   /* dictionary size */
	size_t elements; /* tokens and repeated-token elements */
	size_t postings; /* posting entries */
	size_t bytes;    /* memory the index holds, texts excluded */
};
void match_index_stats(const struct match_index *idx, struct match_stats *st);

#endif
