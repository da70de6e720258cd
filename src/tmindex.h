/*
 * tmindex: the match index kept in the memory, between store and match.
 *
 * The memory holds, for every segment a unit uses (sources and targets),
 * the token ids of its comparison keys as a blob, and the dictionary of
 * those keys (tables match_token, match_segment, match_meta of schema
 * version 2), so that opening the index reads integers instead of
 * tokenising every text again.
 *
 * Writing: tmindex_put_unit indexes the segments of a unit just stored,
 * in the caller's transaction; import and add call it once per stored
 * unit.  Reading: tmindex_open first completes the tables when they lag
 * behind the texts (a memory migrated from schema version 1, units stored
 * by a writer that did not index, a new tokeniser or names version: the
 * stale keys are dropped and made again), in one transaction, then loads
 * a match index of one language pair from the dictionary and the blobs.
 * When the memory cannot be written (read-only, or another writer such as
 * an import holds the lock for more than a second, or a full disk), the
 * tables are left as they are and the index is made in memory for this
 * run, from the texts where the stored keys are missing or stale: the
 * matches are the same, only slower to find, and tmindex_note says why.
 * That index reads texts, flags and origins from the store through a
 * fetch callback when it scores a unit, so it holds only integers.
 * Deleting units needs nothing here: a segment's blob goes with it, and
 * the in-memory index is made from the store on every open.
 *
 * The names capability (entities and aliases in the memory, from the
 * names module) is asked for in one place, tmindex_names; today it gives
 * none.  Name keys go into the stored blobs, so the names data have a
 * version in match_meta and a change of it refills the tables.
 *
 * tmindex prints nothing; it never talks SQL itself (store.c does).
 */
#ifndef NEWSTM_TMINDEX_H
#define NEWSTM_TMINDEX_H

#include <stdint.h>

#include "err.h"
#include "match.h"
#include "store.h"

/*
 * Index unit id, just stored (store_put) in the open transaction of st:
 * its source and target segments get their token blobs unless they have
 * them already (a segment shared with another unit), and new keys go into
 * the dictionary.  Call it for each unit store_put stored as new
 * (STORE_NEW); for a merged one it is harmless (its segments were indexed
 * with it, so it costs three lookups).  When the memory's index was
 * made with another tokeniser or names version it does nothing (the next
 * tmindex_open makes it again).  Errors: ERR_USAGE (no open transaction),
 * ERR_NOTFOUND (no such unit), ERR_DB.  The dictionary is cached with the
 * store handle (store_set_ext) and checked at each transaction.
 */
int tmindex_put_unit(struct store *st, int64_t id, struct err *e);

/*
 * Bring the memory's index up to date: when its versions differ from this
 * newstm's, drop it; then tokenise every segment without a blob.  One
 * transaction, and nothing to write when it is complete (two counts).
 * *added (may be NULL) receives the number of segments tokenised.
 * Returns 0, or 1 when it is not complete and the memory refused the
 * write (read-only, a full disk, or another writer holding the lock for
 * more than a second: a reader does not wait behind an import): nothing
 * changed, and e holds a one-line note for the user ("m.db: the match
 * index is not up to date and the memory is read-only: matched from the
 * texts for this run").  Errors: ERR_DB.
 */
int tmindex_complete(struct store *st, long long *added, struct err *e);

/*
 * The names callbacks tokenising uses for st (borrowed; valid while st is
 * open), or NULL when there are none.  The one place where the names
 * capability plugs into matching, concordance and the stored index.
 */
const struct match_names *tmindex_names(struct store *st);

/*
 * Use names (copied; the callbacks' context must outlive st) with the
 * given data version for st instead of what tmindex_names would choose:
 * for tests and tools that bring their own names.  Call it before
 * anything else indexes or loads on st.
 */
void tmindex_set_names(struct store *st, const struct match_names *names,
                       const char *version);

struct tmindex;

/* Which units tmindex_open loads. */
struct tmindex_opts {
	const char *src_lang, *tgt_lang; /* prefix match; NULL: any */
};

/*
 * Complete the memory's index (tmindex_complete), then load the units of
 * o's languages into a match index that fetches what it scores from st,
 * and build its postings.  When the completion was refused, the index is
 * made from the texts where the stored keys will not do (info.incomplete,
 * tmindex_note); the matches are the same.
 * st must stay open while the index is used.  Free with tmindex_free.
 * Errors: those of tmindex_complete, ERR_DB.
 */
int tmindex_open(struct tmindex **out, struct store *st,
                 const struct tmindex_opts *o, struct err *e);
void tmindex_free(struct tmindex *ti);

/* The loaded match index (borrowed from ti). */
struct match_index *tmindex_matcher(struct tmindex *ti);

/* What tmindex_open did. */
struct tmindex_info {
	size_t units;       /* units loaded */
	size_t from_text;   /* of them, tokenised from their text */
	size_t tokens;      /* dictionary size */
	long long refilled; /* segments tokenised by the completion */
	int incomplete;     /* the memory's index could not be completed */
};
void tmindex_info(const struct tmindex *ti, struct tmindex_info *info);

/*
 * Why the stored index could not be brought up to date and the units
 * were matched from their texts, as one line for stderr (borrowed from
 * ti), or NULL when it was up to date.
 */
const char *tmindex_note(const struct tmindex *ti);

#endif
