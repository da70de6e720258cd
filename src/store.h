/*
 * store: the memory, one SQLite file, and the only module that talks SQL.
 *
 * It opens or creates a memory, checks that a file is a newstm memory
 * (PRAGMA application_id) of a version it understands (PRAGMA
 * user_version) and migrates older memories forward with the versions of
 * tm/schema.sql, which is built into the binary.  It runs in WAL mode
 * (readers are never blocked by a writer), with foreign keys on and a busy
 * timeout (a second writer waits for the first).  Statements are prepared
 * once per handle, on first use, and finalised on close; SQL never comes
 * from a format string.  Every write happens inside a transaction: a batch
 * (one imported file, one added article pair) is one transaction, so a
 * crash leaves the memory holding all of it or none of it.  A memory the
 * process may not write is opened read-only, so that reading commands
 * work on it; what could not be written is told apart (store_refused)
 * from other failures.
 *
 * What it stores (tm/schema.sql has the tables): units, each a source and a
 * target segment of one language pair with confidence, confirmed flag,
 * count, creator, dates and usage; where each unit was seen (document,
 * position, batch); TMX props, notes and attributes; the match index's
 * dictionary and token blobs (tmindex.c gives them their meaning).
 * Duplicates are merged: a unit whose source and target equal a stored
 * unit's after whitespace normalisation (runs of ASCII white space as one
 * space, none at the ends) is that unit, with one more origin.
 *
 * It does not parse files (import.c, tmx.c), segment, align or score.
 * Texts it receives must be valid UTF-8 in NFC and language tags
 * normalised (lang_normalize); it checks neither.
 */
#ifndef NEWSTM_STORE_H
#define NEWSTM_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "buf.h"
#include "err.h"

struct store;

/* Flags for store_open. */
enum {
	STORE_CREATE = 1 << 0,   /* create the memory if the file is missing */
	STORE_MKDIR = 1 << 1,    /* with STORE_CREATE: create its folder too
	                            (one level, as for the default tm/) */
	STORE_READONLY = 1 << 2, /* open for reading only (not with
	                            STORE_CREATE) */
};

/* How long a writer waits for another writer before giving up. */
#define STORE_BUSY_MS (10 * 60 * 1000)

/* The schema version of the embedded tm/schema.sql. */
int store_schema_version(void);

/*
 * Open the memory at path (which must name a file, not ":memory:").  A
 * missing file is an error (ERR_NOTFOUND) unless flags has STORE_CREATE;
 * an empty file is initialised.  A file that is not a newstm memory, or a
 * memory of a newer schema version, is refused (ERR_DB) and left untouched.
 * An older memory is migrated forward.  On success *out is a handle the
 * caller frees with store_free.  Errors name the path and the cause.
 *
 * With STORE_READONLY, or when the file exists and this process may not
 * write it (access W_OK), the memory is opened read-only: reading works,
 * every write fails with ERR_DB and store_refused says why.  A read-only
 * memory in WAL mode still needs its -shm file next to it: when that file
 * is missing and the folder is not writable, the error says so and what
 * to do; on a read-only file system (and no -wal file) the memory is
 * opened immutable, which needs none.  A memory that would need migrating
 * cannot be opened read-only (ERR_DB, saying so).
 */
int store_open(struct store **out, const char *path, unsigned flags,
               struct err *e);

/*
 * As store_open, with another schema text in the format of tm/schema.sql
 * and a version to stop at (0: the last one).  For tests of migrations and
 * for tools that build memories of an older version; schema must outlive
 * the handle.
 */
int store_open_schema(struct store **out, const char *path, unsigned flags,
                      const char *schema, int upto, struct err *e);

/* Close the handle: finalise its statements and the connection.  NULL ok. */
void store_free(struct store *st);

/* The schema version of the open memory. */
int store_version(const struct store *st);

/*
 * The time used for dates: $SOURCE_DATE_EPOCH when it is set (so that
 * tests and reproducible builds get fixed dates), else the clock.
 */
time_t store_now(void);

/*
 * Transactions.  store_begin takes the write lock at once (BEGIN
 * IMMEDIATE), waiting up to STORE_BUSY_MS for another writer.  Nesting is
 * an error.  store_rollback accepts a handle with no open transaction.
 */
int store_begin(struct store *st, struct err *e);
int store_commit(struct store *st, struct err *e);
void store_rollback(struct store *st);

/*
 * store_begin waiting at most wait_ms for another writer, for work that
 * may as well not be done now (a reader completing the match index must
 * not wait minutes behind an import).  A memory opened read-only fails
 * at once.  On failure, store_refused tells whether it was the memory
 * refusing the write.
 */
int store_begin_wait(struct store *st, int wait_ms, struct err *e);

/* Why the last database error of st was, if it was a refused write. */
enum store_refusal {
	STORE_REFUSED_NONE = 0, /* no error, or another kind */
	STORE_REFUSED_READONLY, /* read-only file, folder or handle */
	STORE_REFUSED_BUSY,     /* another writer held the lock too long */
	STORE_REFUSED_FULL,     /* the disk is full */
};
enum store_refusal store_refused(const struct store *st);

/* What a batch is: one run of a command over one input. */
struct store_batch {
	const char *command; /* "import", "add" */
	const char *source;  /* the file(s) read, for `stats` and `forget` */
	const char *format;  /* "tmx", "xliff", "tsv", "jsonl", "text" */
};

/* How a batch went; added + merged + known = units put. */
struct store_counts {
	long long added;   /* new units */
	long long merged;  /* units already stored, seen at a new origin */
	long long known;   /* units already stored at this very origin */
	long long skipped; /* as told by store_batch_skip */
};

/*
 * Start a batch: begin a transaction and record the batch; *id receives
 * its number.  Then store_put the units and end with store_batch_commit
 * (which writes the counts and commits) or store_batch_abort (which rolls
 * everything back, the batch record included).
 */
int store_batch_begin(struct store *st, const struct store_batch *b,
                      int64_t *id, struct err *e);
int store_batch_commit(struct store *st, struct err *e);
void store_batch_abort(struct store *st);
/* Count n units the caller skipped, for the batch record. */
void store_batch_skip(struct store *st, long long n);
/* The counts of the open (or last committed) batch. */
void store_batch_counts(const struct store *st, struct store_counts *c);

enum store_scope { STORE_TU, STORE_SRC, STORE_TGT };
enum store_kind { STORE_PROP, STORE_NOTE, STORE_ATTR };

/*
 * A TMX <prop> (type, lang, value), <note> (lang, value) or attribute
 * (type = its name, value) of the <tu>, the source <tuv> or the target
 * <tuv>.  type and lang may be NULL.
 */
struct store_prop {
	enum store_scope scope;
	enum store_kind kind;
	const char *type;
	const char *lang;
	const char *value;
};

/* Where a unit was seen. */
struct store_origin {
	const char *document; /* file name, title or date; never NULL */
	long long position;   /* 0-based source sentence index; -1 unknown */
};

/*
 * One unit to put.  Strings are borrowed for the call.  markup is the TMX
 * <seg> content with inline codes (XML), NULL when there are none.
 */
struct store_pair {
	const char *src_lang, *tgt_lang;
	const char *source, *target;
	const char *src_markup, *tgt_markup;
	const struct store_origin *origins; /* at least one */
	size_t norigins;
	double confidence; /* alignment confidence 0-1; < 0: not aligned */
	int confirmed;     /* a person confirmed it */
	const char *creator, *changer;       /* NULL: unknown */
	int64_t created, changed, last_used; /* 0: unknown */
	long long usage;
	const struct store_prop *props;
	size_t nprops;
};

enum store_put_result {
	STORE_NEW,    /* a new unit */
	STORE_MERGED, /* an existing unit, seen at a new origin */
	STORE_KNOWN,  /* an existing unit, already seen at these origins */
};

/*
 * Put one unit into the open batch.  A unit equal to a stored one (same
 * languages, source and target after whitespace normalisation, markup
 * included) is merged: new origins are added and counted; the confidence
 * kept is the best; confirmed, dates (earliest creation, latest change),
 * usage (the larger) and props not yet stored are merged in.  *res (may be
 * NULL) tells which case it was, *id (may be NULL) the unit's number.
 */
int store_put(struct store *st, const struct store_pair *p,
              enum store_put_result *res, int64_t *id, struct err *e);

/* Record a TMX <header> prop or note for the open batch. */
int store_header_prop(struct store *st, enum store_kind kind, const char *type,
                      const char *lang, const char *value, struct err *e);

/* Set a document's title and date (0: unknown); creates it if needed. */
int store_document_info(struct store *st, const char *name, const char *title,
                        int64_t date, struct err *e);

/*
 * The id of the document called name into *id (may be NULL).  Errors:
 * ERR_NOTFOUND ("no document 'NAME'"), ERR_DB.
 */
int store_document_find(struct store *st, const char *name, int64_t *id,
                        struct err *e);

/*
 * A stored unit.  From store_get_unit the strings are owned by u (free
 * with store_unit_release); in a store_each_unit callback they are
 * borrowed until the callback returns.  NULL strings are unknown values;
 * markup is NULL when the text has no inline codes.
 */
struct store_unit {
	int64_t id;
	int64_t src_id, tgt_id; /* the segments: equal texts share an id */
	const char *src_lang, *tgt_lang;
	const char *source, *target;
	const char *src_markup, *tgt_markup;
	double confidence; /* < 0: not from an alignment */
	int aligned;       /* every origin is an automatic alignment */
	int confirmed;
	long long count; /* origins */
	const char *creator, *changer;
	int64_t created, changed, last_used; /* 0: unknown */
	long long usage;
	char *owned_; /* internal: storage of the owned strings */
};

/* Free what store_get_unit gave u; u is left empty.  Safe on borrowed. */
void store_unit_release(struct store_unit *u);

/*
 * Make dst a copy of src (e.g. one borrowed in a store_each_unit
 * callback) that owns its strings; free with store_unit_release.
 */
void store_unit_copy(struct store_unit *dst, const struct store_unit *src);

/*
 * Which units to visit.  Languages match by prefix on subtag boundaries
 * (RFC 4647 basic filtering: "en" matches "en" and "en-US", not "eng").
 * Any field may be NULL / 0 for no restriction.
 */
struct store_filter {
	const char *src_lang;
	const char *tgt_lang;
	const char *document; /* units with an origin in this document */
};

/*
 * Call fn for every unit that passes f (NULL: all), in the order they were
 * first stored (by id).  fn returns 0 to go on, anything else to stop;
 * that value (if negative) is returned.  fn may call other store functions
 * except store_each_unit itself and writes that change the units visited.
 */
int store_each_unit(struct store *st, const struct store_filter *f,
                    int (*fn)(void *ctx, const struct store_unit *u), void *ctx,
                    struct err *e);

/* Fetch one unit; ERR_NOTFOUND if there is none with that id. */
int store_get_unit(struct store *st, int64_t id, struct store_unit *u,
                   struct err *e);

/* An origin of a stored unit, as store_each_origin gives it (borrowed). */
struct store_origin_info {
	int64_t batch;
	int64_t document_id;
	const char *document;
	long long position; /* -1: unknown */
	double confidence;  /* < 0: not from an alignment */
};

/* Call fn for each origin of unit id, by document and position. */
int store_each_origin(struct store *st, int64_t id,
                      int (*fn)(void *ctx, const struct store_origin_info *o),
                      void *ctx, struct err *e);

/* Call fn for each prop, note and attribute of unit id, in stored order. */
int store_each_prop(struct store *st, int64_t id,
                    int (*fn)(void *ctx, const struct store_prop *p), void *ctx,
                    struct err *e);

/*
 * Call fn for each distinct header prop and note of the batches that
 * still have units, in the order they were first stored.
 */
int store_each_header_prop(struct store *st,
                           int (*fn)(void *ctx, const struct store_prop *p),
                           void *ctx, struct err *e);

/*
 * The unit that comes before position in document (the stored origin with
 * the largest smaller position) with the languages given (NULL: any), for
 * context matches.  *id receives it; ERR_NOTFOUND if there is none.
 */
int store_prev_unit(struct store *st, int64_t document_id, long long position,
                    const char *src_lang, const char *tgt_lang, int64_t *id,
                    struct err *e);

/*
 * Count one use of unit id (a suggestion taken): usage + 1, last used =
 * when.  Each call is its own transaction unless one is open.
 */
int store_touch(struct store *st, int64_t id, int64_t when, struct err *e);

/* Mark unit id confirmed by a person; ERR_NOTFOUND if it does not exist. */
int store_confirm(struct store *st, int64_t id, struct err *e);

/*
 * Delete unit id with its origins and props, and the segments and
 * documents nothing uses any more.  ERR_NOTFOUND if it does not exist.
 */
int store_delete(struct store *st, int64_t id, struct err *e);

/* What store_forget_* did. */
struct store_forget {
	long long origins; /* origins removed */
	long long removed; /* units removed (no origin left) */
	long long kept;    /* units kept because other origins remain */
};

/*
 * Remove what one batch brought (its origins, the props it added, the
 * units it alone held) or everything seen in one document.  ERR_NOTFOUND
 * if the batch or document is unknown.  One transaction.
 */
int store_forget_batch(struct store *st, int64_t batch,
                       struct store_forget *res, struct err *e);
int store_forget_document(struct store *st, const char *name,
                          struct store_forget *res, struct err *e);

/* Figures for `newstm stats`. */
struct store_stats {
	long long units, segments, documents, batches, confirmed, aligned;
	int64_t first_import, last_import; /* 0: none */
	long long bytes;                   /* pages in use x page size */
	int version;
};
int store_stats(struct store *st, struct store_stats *s, struct err *e);

/* Call fn for each language pair with its unit count, by pair. */
int store_each_pair(struct store *st,
                    int (*fn)(void *ctx, const char *src_lang,
                              const char *tgt_lang, long long units),
                    void *ctx, struct err *e);

/*
 * Check the file (PRAGMA integrity_check and foreign_key_check).  Returns
 * 0 when both are clean, else ERR_DB with the first problems in e.
 */
int store_check(struct store *st, struct err *e);

/*
 * The stored position before position in document (the largest smaller
 * one) among units of the languages given (prefix match as in
 * store_filter; NULL: any): what a context match compares with.
 * ERR_NOTFOUND if there is none.
 */
int store_prev_position(struct store *st, int64_t document_id,
                        long long position, const char *src_lang,
                        const char *tgt_lang, long long *prev, struct err *e);

/*
 * How many other units translate unit id's source segment into the same
 * target language (alternative translations).
 */
int store_unit_alternatives(struct store *st, int64_t id, long long *n,
                            struct err *e);

/*
 * The units that have segment as source (target = 0) or as target, by
 * id: *ids (caller frees with free()) and *n.
 */
int store_segment_units(struct store *st, int64_t segment, int target,
                        int64_t **ids, size_t *n, struct err *e);

/* A segment's language and plain text, into lang and text (reset first). */
int store_segment_get(struct store *st, int64_t segment, struct buf *lang,
                      struct buf *text, struct err *e);

/*
 * For modules layered on the store (tmindex.c).  store_in_transaction:
 * whether a transaction is open.  store_transactions: how many this
 * handle began (a new number: a new transaction).  store_rollbacks: how
 * many it rolled back, so that state cached from the memory can tell it
 * may have been undone.  store_set_ext keeps one pointer of such state
 * with the handle (freeing the previous one); store_free calls free_fn on
 * it.  store_path: the memory's path, for messages (borrowed).
 */
int store_in_transaction(const struct store *st);
unsigned long store_transactions(const struct store *st);
unsigned long store_rollbacks(const struct store *st);
void store_set_ext(struct store *st, void *p, void (*free_fn)(void *p));
void *store_ext(const struct store *st);
const char *store_path(const struct store *st);

/*
 * The match index's tables (schema version 2; tmindex.c gives them their
 * meaning).  Writes need an open transaction (ERR_USAGE otherwise).
 *
 * store_index_meta: the value of key in match_meta into value; returns 1,
 * or 0 when the key is not there.  store_index_set_meta sets it.
 */
int store_index_meta(struct store *st, const char *key, struct buf *value,
                     struct err *e);
int store_index_set_meta(struct store *st, const char *key, const char *value,
                         struct err *e);

/* The dictionary: its size (largest id + 1), its keys in id order from
 * from, the id of one key (ERR_NOTFOUND), and appending a key. */
int store_index_token_count(struct store *st, int64_t *n, struct err *e);
int store_index_each_token(struct store *st, int64_t from,
                           int (*fn)(void *ctx, int64_t id, const void *key,
                                     size_t len),
                           void *ctx, struct err *e);
int store_index_token_id(struct store *st, const void *key, size_t len,
                         int64_t *id, struct err *e);
int store_index_put_token(struct store *st, int64_t id, const void *key,
                          size_t len, struct err *e);

/*
 * A segment's token blob: write (replacing), and every blob that holds
 * the bytes needle[0..n) (NULL: all), by segment.  Blobs are borrowed for
 * the callback.
 */
int store_index_put_segment(struct store *st, int64_t segment, const void *blob,
                            size_t len, struct err *e);
int store_index_each_segment(struct store *st, const void *needle, size_t n,
                             int (*fn)(void *ctx, int64_t segment,
                                       const void *blob, size_t len),
                             void *ctx, struct err *e);

/* Remove every token and blob (before filling the tables again). */
int store_index_clear(struct store *st, struct err *e);

/* How many segments there are, and how many have a blob. */
int store_index_counts(struct store *st, long long *segments,
                       long long *indexed, struct err *e);

/* The segments without a blob: *ids (caller frees), *n. */
int store_index_missing(struct store *st, int64_t **ids, size_t *n,
                        struct err *e);

/*
 * Call fn for each segment of unit id (its source, and its target when
 * that is another segment) with its language, text (borrowed for the
 * call) and whether it has a blob.  ERR_NOTFOUND if there is no such
 * unit.
 */
int store_index_unit_segments(struct store *st, int64_t id,
                              int (*fn)(void *ctx, int64_t segment,
                                        const char *lang, const char *text,
                                        size_t len, int indexed),
                              void *ctx, struct err *e);

/* A unit with its source segment's blob, as store_index_each_unit gives. */
struct store_index_row {
	int64_t unit, src, tgt; /* the unit and its segments */
	const char *src_lang, *tgt_lang;
	const void *toks; /* the source's blob; NULL when it has none */
	size_t len;
};

/*
 * Call fn for every unit of f's languages (f->document is ignored; NULL:
 * all), by id, with its source segment's blob (borrowed for the call).
 * Not re-entrant; fn may call other store functions.
 */
int store_index_each_unit(struct store *st, const struct store_filter *f,
                          int (*fn)(void *ctx, const struct store_index_row *r),
                          void *ctx, struct err *e);

/* ---- names: persons, their house forms and spellings (schema v3) ---- */

/* The status of an entity (confirmed, proposed, rejected) or a spelling. */
enum store_name_status {
	STORE_NAME_CONFIRMED = 0,
	STORE_NAME_LEARNED,  /* spellings only: found by learn, unreviewed */
	STORE_NAME_PROPOSED, /* part of a proposal of `names learn` */
	STORE_NAME_REJECTED, /* refused by an editor: never proposed again */
};

/* Where an entity or a spelling came from. */
enum store_name_source {
	STORE_NAME_HOUSE = 0, /* `names add` */
	STORE_NAME_IMPORTED,  /* a names.tsv */
	STORE_NAME_FOUND,     /* `names learn` */
};

/* The words the schema stores for them ("confirmed", "house" ...). */
const char *store_name_status_word(enum store_name_status s);
const char *store_name_source_word(enum store_name_source s);

/*
 * A person.  From store_each_name_entity the strings are borrowed until
 * the callback returns; to store_name_entity_put they are read only.
 */
struct store_name_entity {
	int64_t id; /* 0: not stored yet */
	const char *label;
	enum store_name_status status; /* confirmed, proposed or rejected */
	enum store_name_source source;
	long long mentions, links; /* as `names learn` last counted */
	int64_t created, changed;
};

/* One spelling of an entity in one language (borrowed as above). */
struct store_name_alias {
	int64_t id, entity;
	const char *lang;     /* normalised tag, "und" when unknown */
	const char *spelling; /* NFC, base form */
	const char *script;   /* "Latn", "Cyrl", "Grek", "Zyyy" */
	int house;            /* the house form of entity in lang */
	enum store_name_source source;
	enum store_name_status status;
	long long count; /* mentions when learn last counted */
};

/*
 * Insert (ent->id 0; ent->id receives the new id) or update (label,
 * status, source, mentions, links) an entity; changed is set to now, and
 * created too for a new one.  A label already used by another entity
 * fails with ERR_USAGE.  Write inside a transaction.
 */
int store_name_entity_put(struct store *st, struct store_name_entity *ent,
                          struct err *e);

/* The id of the entity with this label: 1 and *id, or 0 if none. */
int store_name_entity_find(struct store *st, const char *label, int64_t *id,
                           struct err *e);

/*
 * Call fn for entity id (0: every entity, by id).  fn returns 0 to go on;
 * anything else stops (a negative value is returned).
 */
int store_each_name_entity(struct store *st, int64_t id,
                           int (*fn)(void *ctx,
                                     const struct store_name_entity *ent),
                           void *ctx, struct err *e);

/*
 * Insert or update the spelling (a->entity, a->lang, a->spelling): its
 * script, house flag, source, status and count are set from a, and
 * a->id receives its id.  When a->house is set, the entity's previous
 * house form in that language becomes an ordinary spelling.  keys (nkeys
 * NUL-terminated strings, names_keys; NULL: leave them) replace the
 * spelling's lookup keys.
 * Write inside a transaction.
 */
int store_name_alias_put(struct store *st, struct store_name_alias *a,
                         const char *const *keys, int nkeys, struct err *e);

/* Set the status of every spelling of entity that has status from to to. */
int store_name_alias_restatus(struct store *st, int64_t entity,
                              enum store_name_status from,
                              enum store_name_status to, struct err *e);

/*
 * Call fn for each spelling of entity (0: of every entity), by entity,
 * house forms first, then by language and spelling.
 */
int store_each_name_alias(struct store *st, int64_t entity,
                          int (*fn)(void *ctx,
                                    const struct store_name_alias *a),
                          void *ctx, struct err *e);

/*
 * Call fn for each (key, spelling id) of the lookup index whose key is
 * key (NULL: every row, by key).
 */
int store_each_name_key(struct store *st, const char *key,
                        int (*fn)(void *ctx, const char *key, int64_t alias),
                        void *ctx, struct err *e);

/* Replace the lookup keys of spelling alias (inside a transaction). */
int store_name_keys_set(struct store *st, int64_t alias,
                        const char *const *keys, int nkeys, struct err *e);

/*
 * A value of the names' meta table (key_version): appended to out and 1
 * returned, or 0 if unset.  store_name_meta_set writes one (inside a
 * transaction).
 */
int store_name_meta(struct store *st, const char *k, struct buf *out,
                    struct err *e);
int store_name_meta_set(struct store *st, const char *k, const char *v,
                        struct err *e);

/*
 * Call fn for every stored text once (segments are shared by the units
 * that use them), by id, with its language.
 */
int store_each_segment(struct store *st,
                       int (*fn)(void *ctx, int64_t id, const char *lang,
                                 const char *text),
                       void *ctx, struct err *e);

#endif
