#include "tmindex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "namefind.h"
#include "namestore.h"
#include "xalloc.h"
#include "banned.h"

/*
 * How long a reader waits for another writer (an import holds the lock
 * for the whole file) before it matches without bringing the index up to
 * date.
 */
#define TMINDEX_WAIT_MS 1000

/*
 * The blob of a segment too long to match (more than MATCH_MAX_TOKENS
 * tokens): a lone continuation byte, which no token list encodes to.
 */
static const char too_long[] = "\xff";

/*
 * What tmindex keeps with a store handle: the names callbacks, and the
 * dictionary as the memory holds it, so that a writer appends keys
 * without reading the table at every unit.  The cache is checked at each
 * transaction (tx): a rollback on this handle or a refill elsewhere
 * (generation) drops it; keys another process appended are read.
 */
struct state {
	struct match_names names;
	int has_names;
	struct namestore *ns;  /* the memory's persons, when it has some */
	struct namefind *nf;   /* the callbacks' context */
	char names_digest[40]; /* names_version when ns is set */
	const char *names_version;
	char *own_version;        /* tmindex_set_names's copy */
	struct match_index *dict; /* the dictionary only: no units */
	int64_t count;            /* keys of dict known to be stored */
	char generation[32];
	unsigned long rollbacks;
	unsigned long tx; /* the transaction the check was made in */
	int enabled;      /* indexing in this transaction */
};

static void state_free(void *p)
{
	struct state *s = p;

	if (!s)
		return;
	match_index_free(s->dict);
	namefind_free(s->nf);
	namestore_free(s->ns);
	free(s->own_version);
	free(s);
}

/* FNV-1a over a string and its NUL. */
static uint64_t digest_add(uint64_t h, const char *str)
{
	do {
		h ^= (unsigned char)*str;
		h *= 0x100000001b3ULL;
	} while (*str++);
	return h;
}

/*
 * The names hook: fill names with the callbacks tokenising uses for st and
 * return the version of the names data, a string that changes whenever
 * the data do (the stored keys of names are then made again).  The
 * persons are the memory's confirmed entities (names.c, namestore.c): a
 * known surname, in any spelling or case form, becomes its entity for
 * matching, and proposals carry the house form.  *has is 0, and the
 * version "none", when the memory has no persons (or cannot say).
 */
static const char *names_hook(struct state *s, struct store *st,
                              struct match_names *names, int *has)
{
	struct namestore_alias a;
	struct err e;
	uint64_t h = 0xcbf29ce484222325ULL;
	const int *first;
	int k, j, n;
	char num[32];

	memset(names, 0, sizeof(*names));
	*has = 0;
	s->ns = namestore_new();
	if (namestore_load(s->ns, st, NAMESTORE_CONFIRMED, &e) < 0 ||
	    namestore_entity_count(s->ns) == 0) {
		namestore_free(s->ns);
		s->ns = NULL;
		return "none";
	}
	h = digest_add(h, namestore_key_version());
	for (k = 0; k < namestore_entity_count(s->ns); k++) {
		snprintf(num, sizeof(num), "%lld",
		         (long long)namestore_entity_id(s->ns, k));
		h = digest_add(h, num);
		n = namestore_entity_aliases(s->ns, k, &first);
		for (j = 0; j < n; j++) {
			namestore_alias(s->ns, first[j], &a);
			snprintf(num, sizeof(num), "%d%d", a.house,
			         (int)a.status);
			h = digest_add(h, a.lang);
			h = digest_add(h, a.spelling);
			h = digest_add(h, num);
		}
	}
	s->nf = namefind_new(s->ns, NAMESTORE_CONFIRMED);
	namefind_match_names(names, s->nf);
	*has = 1;
	snprintf(s->names_digest, sizeof(s->names_digest), "names-%016llx",
	         (unsigned long long)h);
	return s->names_digest;
}

static struct state *state_of(struct store *st)
{
	struct state *s = store_ext(st);

	if (s)
		return s;
	s = xcalloc(1, sizeof(*s));
	s->names_version = names_hook(s, st, &s->names, &s->has_names);
	s->dict = match_index_new(s->has_names ? &s->names : NULL, NULL, NULL);
	s->tx = (unsigned long)-1;
	store_set_ext(st, s, state_free);
	return s;
}

const struct match_names *tmindex_names(struct store *st)
{
	struct state *s = state_of(st);

	return s->has_names ? &s->names : NULL;
}

/* ---- the dictionary ---- */

struct load_ctx {
	struct match_index *idx;
	int64_t next; /* the id expected */
	const char *path;
	struct err *e;
};

static int load_key(void *ctx, int64_t id, const void *key, size_t len)
{
	struct load_ctx *l = ctx;
	uint32_t got;

	match_index_intern(l->idx, &got, key, len);
	if (id != l->next || (int64_t)got != id)
		return err_set(l->e, ERR_DB,
		               "%s: the match index is damaged (token %lld "
		               "out of order)",
		               l->path, (long long)id);
	l->next++;
	return 0;
}

/* Read the stored keys from id from onwards into idx (which holds from). */
static int load_keys(struct match_index *idx, struct store *st, int64_t from,
                     struct err *e)
{
	struct load_ctx l = {idx, from, store_path(st), e};

	return store_index_each_token(st, from, load_key, &l, e);
}

static void state_reset(struct state *s)
{
	match_index_free(s->dict);
	s->dict = match_index_new(s->has_names ? &s->names : NULL, NULL, NULL);
	s->count = 0;
}

void tmindex_set_names(struct store *st, const struct match_names *names,
                       const char *version)
{
	struct state *s = state_of(st);

	memset(&s->names, 0, sizeof(s->names));
	s->has_names = names != NULL;
	if (names)
		s->names = *names;
	free(s->own_version);
	s->own_version = xstrdup(version ? version : "none");
	s->names_version = s->own_version;
	state_reset(s);
	s->tx = (unsigned long)-1;
}

static int versions_match(struct store *st, const struct state *s,
                          struct buf *gen, struct err *e)
{
	struct buf v;
	char want[16];
	int rc, same = 0;

	buf_init(&v);
	snprintf(want, sizeof(want), "%d", MATCH_KEY_VERSION);
	if ((rc = store_index_meta(st, "key_version", &v, e)) < 0)
		goto out;
	if (!rc || strcmp(v.data, want) != 0)
		goto out;
	if ((rc = store_index_meta(st, "names_version", &v, e)) < 0)
		goto out;
	if (!rc || strcmp(v.data, s->names_version) != 0)
		goto out;
	if ((rc = store_index_meta(st, "generation", gen, e)) < 0)
		goto out;
	same = 1;
out:
	buf_release(&v);
	return rc < 0 ? rc : same;
}

/* Record this newstm's key and names versions, and a generation. */
static int set_versions(struct store *st, const struct state *s,
                        const char *generation, struct err *e)
{
	char kv[16];
	int rc;

	snprintf(kv, sizeof(kv), "%d", MATCH_KEY_VERSION);
	if ((rc = store_index_set_meta(st, "key_version", kv, e)) < 0 ||
	    (rc = store_index_set_meta(st, "names_version", s->names_version,
	                               e)) < 0)
		return rc;
	return store_index_set_meta(st, "generation", generation, e);
}

/*
 * In a write transaction: decide whether this transaction indexes, and
 * bring the cached dictionary in line with the stored one.  A memory whose
 * index tables are empty and unversioned (new, or just migrated) gets
 * this newstm's versions.
 */
static int writer_sync(struct state *s, struct store *st, struct err *e)
{
	struct buf gen;
	int64_t n = 0;
	int rc;

	if (s->tx == store_transactions(st))
		return 0;
	buf_init(&gen);
	s->enabled = 0;
	rc = versions_match(st, s, &gen, e);
	if (rc < 0)
		goto out;
	if (rc == 0) {
		struct buf any;

		buf_init(&any);
		rc = store_index_meta(st, "key_version", &any, e);
		buf_release(&any);
		if (rc < 0)
			goto out;
		if (rc > 0) /* versioned otherwise: tmindex_open refills */
			goto done;
		if ((rc = store_index_token_count(st, &n, e)) < 0)
			goto out;
		if (n)
			goto done;
		if ((rc = set_versions(st, s, "1", e)) < 0)
			goto out;
		buf_reset(&gen);
		buf_adds(&gen, "1");
	}
	if (s->rollbacks != store_rollbacks(st) ||
	    strcmp(s->generation, gen.data) != 0)
		state_reset(s);
	if ((rc = store_index_token_count(st, &n, e)) < 0)
		goto out;
	if (n < s->count)
		state_reset(s);
	if (n > s->count) {
		rc = load_keys(s->dict, st, s->count, e);
		if (rc < 0) {
			state_reset(s);
			goto out;
		}
		s->count = n;
	}
	snprintf(s->generation, sizeof(s->generation), "%s", gen.data);
	s->rollbacks = store_rollbacks(st);
	s->enabled = 1;
done:
	s->tx = store_transactions(st);
	rc = 0;
out:
	buf_release(&gen);
	return rc;
}

/* Write the keys the cached dictionary gained since the last flush. */
static int flush_keys(struct state *s, struct store *st, struct err *e)
{
	int64_t n = (int64_t)match_index_token_count(s->dict);
	int rc;

	for (; s->count < n; s->count++) {
		size_t len;
		const char *k =
		    match_index_token(s->dict, (uint32_t)s->count, &len);

		if ((rc = store_index_put_token(st, s->count, k, len, e)) < 0)
			return rc;
	}
	return 0;
}

/* Tokenise a segment's text and store its blob. */
static int index_segment(struct state *s, struct store *st, int64_t seg,
                         const char *lang, const char *text, size_t len,
                         struct buf *blob, struct err *e)
{
	uint32_t *toks = NULL;
	size_t n = 0;
	int rc;

	buf_reset(blob);
	rc = match_index_tokens(s->dict, &toks, &n, text, len, lang, 1, e);
	if (rc == ERR_LIMIT)
		buf_adds(blob, too_long);
	else if (rc < 0)
		return rc;
	else
		match_tokens_encode(blob, toks, n);
	free(toks);
	return store_index_put_segment(st, seg, blob->data, blob->len, e);
}

struct put_ctx {
	struct state *s;
	struct store *st;
	struct buf blob;
	struct err *e;
};

static int put_segment(void *ctx, int64_t seg, const char *lang,
                       const char *text, size_t len, int indexed)
{
	struct put_ctx *p = ctx;

	if (indexed)
		return 0;
	return index_segment(p->s, p->st, seg, lang, text, len, &p->blob, p->e);
}

int tmindex_put_unit(struct store *st, int64_t id, struct err *e)
{
	struct put_ctx p;
	int rc;

	if (!store_in_transaction(st))
		return err_set(e, ERR_USAGE,
		               "%s: indexing outside a transaction",
		               store_path(st));
	p.s = state_of(st);
	p.st = st;
	p.e = e;
	if ((rc = writer_sync(p.s, st, e)) < 0)
		return rc;
	if (!p.s->enabled)
		return 0;
	buf_init(&p.blob);
	rc = store_index_unit_segments(st, id, put_segment, &p, e);
	if (rc >= 0)
		rc = flush_keys(p.s, st, e);
	buf_release(&p.blob);
	return rc < 0 ? rc : 0;
}

/*
 * The memory refused the write that completing the index needs: put the
 * one-line note readers print in e and return 1.
 */
static int refused(struct store *st, enum store_refusal r, struct err *e)
{
	static const char *const why[] = {
	    "", "the memory is read-only",
	    "another newstm is writing to the memory", "the disk is full"};

	err_set(e, ERR_DB,
	        "%s: the match index is not up to date and %s: matched from "
	        "the texts for this run",
	        store_path(st), why[r]);
	return 1;
}

/*
 * tmindex_complete; *current receives whether the stored keys are this
 * newstm's afterwards (when they are not, a reader that could not
 * complete them must not use them).
 */
static int complete(struct store *st, long long *added, int *current,
                    struct err *e)
{
	struct state *s = state_of(st);
	struct buf gen, lang, text, blob;
	long long segs = 0, indexed = 0;
	int64_t *ids = NULL;
	size_t n = 0, i;
	int rc;

	if (added)
		*added = 0;
	*current = 0;
	buf_init(&gen);
	buf_init(&lang);
	buf_init(&text);
	buf_init(&blob);
	rc = versions_match(st, s, &gen, e);
	if (rc < 0)
		goto out;
	*current = rc;
	if (rc == 1) {
		if ((rc = store_index_counts(st, &segs, &indexed, e)) < 0)
			goto out;
		if (segs == indexed)
			goto out; /* complete: rc is 0 */
	}
	/* not behind an import for minutes, and not at all when read-only */
	if ((rc = store_begin_wait(st, TMINDEX_WAIT_MS, e)) < 0) {
		if (rc == ERR_DB && store_refused(st))
			rc = refused(st, store_refused(st), e);
		goto out;
	}
	/* again under the write lock: another newstm may have done it */
	rc = versions_match(st, s, &gen, e);
	if (rc < 0)
		goto fail;
	if (rc == 0) {
		char next[32];
		long g = 0;
		struct buf old;

		buf_init(&old);
		if ((rc = store_index_meta(st, "generation", &old, e)) > 0)
			g = strtol(old.data, NULL, 10);
		buf_release(&old);
		if (rc < 0)
			goto fail;
		snprintf(next, sizeof(next), "%ld", g + 1);
		if ((rc = store_index_clear(st, e)) < 0 ||
		    (rc = set_versions(st, s, next, e)) < 0)
			goto fail;
	}
	if ((rc = writer_sync(s, st, e)) < 0)
		goto fail;
	if ((rc = store_index_missing(st, &ids, &n, e)) < 0)
		goto fail;
	for (i = 0; i < n; i++) {
		if ((rc = store_segment_get(st, ids[i], &lang, &text, e)) < 0 ||
		    (rc = index_segment(s, st, ids[i], lang.data, text.data,
		                        text.len, &blob, e)) < 0)
			goto fail;
	}
	if ((rc = flush_keys(s, st, e)) < 0 || (rc = store_commit(st, e)) < 0)
		goto fail;
	*current = 1;
	if (added)
		*added = (long long)n;
	rc = 0;
	goto out;
fail:
	store_rollback(st);
	if (rc == ERR_DB && store_refused(st)) {
		enum store_refusal why = store_refused(st);

		/* the keys as the memory holds them now, not as we left them */
		*current = versions_match(st, s, &gen, e) == 1;
		rc = refused(st, why, e);
	}
out:
	free(ids);
	buf_release(&gen);
	buf_release(&lang);
	buf_release(&text);
	buf_release(&blob);
	return rc;
}

int tmindex_complete(struct store *st, long long *added, struct err *e)
{
	int current;

	return complete(st, added, &current, e);
}

/* ---- the loaded index ---- */

struct tmindex {
	struct store *st;
	struct state *state;
	struct match_index *idx;
	struct tmindex_info info;
	/* the unit fetched last, borrowed by the matcher until the next */
	struct store_unit cur;
	struct match_origin *orig;
	size_t norig, ocap;
	struct buf lang, text; /* scratch */
	struct err *e;         /* for the callbacks of tmindex_open */
	int use_blobs;         /* the stored keys are this newstm's */
	char *note;            /* why the index was made from the texts */
};

static int add_origin(void *ctx, const struct store_origin_info *o)
{
	struct tmindex *ti = ctx;

	if (o->position < 0 || o->position > 0x7fffffff)
		return 0; /* no place to be the neighbour of */
	XGROW(ti->orig, ti->ocap, ti->norig + 1);
	ti->orig[ti->norig].doc = o->document_id;
	ti->orig[ti->norig].pos = (int)o->position;
	ti->norig++;
	return 0;
}

/* The matcher's fetch callback: a unit as the store holds it. */
static int fetch(void *ctx, struct match_unit *out, int64_t id, struct err *e)
{
	struct tmindex *ti = ctx;
	long long alt = 0;
	int rc;

	store_unit_release(&ti->cur);
	ti->norig = 0;
	if ((rc = store_get_unit(ti->st, id, &ti->cur, e)) < 0 ||
	    (rc = store_each_origin(ti->st, id, add_origin, ti, e)) < 0 ||
	    (rc = store_unit_alternatives(ti->st, id, &alt, e)) < 0)
		return rc;
	memset(out, 0, sizeof(*out));
	out->id = id;
	out->src = ti->cur.source ? ti->cur.source : "";
	out->src_len = strlen(out->src);
	out->tgt = ti->cur.target ? ti->cur.target : "";
	out->tgt_len = strlen(out->tgt);
	out->src_lang = ti->cur.src_lang;
	out->tgt_lang = ti->cur.tgt_lang;
	if (ti->norig) {
		out->doc = ti->orig[0].doc;
		out->pos = ti->orig[0].pos;
		out->origins = ti->orig + 1;
		out->norigins = ti->norig - 1;
	}
	out->flags = (ti->cur.confirmed ? MATCH_CONFIRMED : 0) |
	             (ti->cur.aligned ? MATCH_ALIGNED : 0);
	out->alternatives = alt > 1000000 ? 1000000 : (int)alt;
	out->confidence = ti->cur.confidence;
	out->usage = ti->cur.usage;
	out->date = ti->cur.changed > ti->cur.created ? ti->cur.changed
	                                              : ti->cur.created;
	return 0;
}

static int load_unit(void *ctx, const struct store_index_row *r)
{
	struct tmindex *ti = ctx;
	struct match_unit u;
	uint32_t *toks = NULL;
	size_t n = 0;
	int rc;

	memset(&u, 0, sizeof(u));
	u.id = r->unit;
	u.src_lang = r->src_lang;
	u.tgt_lang = r->tgt_lang;
	if (ti->use_blobs && r->toks && r->len == 1 &&
	    !memcmp(r->toks, too_long, 1))
		return 0; /* too long to match */
	if (ti->use_blobs && r->toks &&
	    match_tokens_decode(&toks, &n, r->toks, r->len) == 0) {
		rc = match_index_add_tokens(ti->idx, &u, toks, n, ti->e);
		free(toks);
		if (rc == 0) {
			ti->info.units++;
			return 0;
		}
	}
	/* no blob (or a bad or stale one): from the text */
	if ((rc = store_segment_get(ti->st, r->src, &ti->lang, &ti->text,
	                            ti->e)) < 0)
		return rc;
	u.src = ti->text.data;
	u.src_len = ti->text.len;
	rc = match_index_add(ti->idx, &u, ti->e);
	if (rc == ERR_LIMIT)
		return 0;
	if (rc < 0)
		return rc;
	ti->info.units++;
	ti->info.from_text++;
	return 0;
}

int tmindex_open(struct tmindex **out, struct store *st,
                 const struct tmindex_opts *o, struct err *e)
{
	struct store_filter f = {NULL, NULL, NULL};
	struct tmindex *ti;
	long long added = 0;
	int rc, current = 0;

	*out = NULL;
	if ((rc = complete(st, &added, &current, e)) < 0)
		return rc;
	ti = xcalloc(1, sizeof(*ti));
	ti->st = st;
	ti->state = state_of(st);
	buf_init(&ti->lang);
	buf_init(&ti->text);
	ti->info.refilled = added;
	ti->e = e;
	if (rc == 1) { /* the memory could not be written: in memory */
		ti->note = xstrdup(e->msg);
		ti->info.incomplete = 1;
		err_clear(e);
	}
	ti->use_blobs = current;
	ti->idx = match_index_new(tmindex_names(st), fetch, ti);
	if (current && (rc = load_keys(ti->idx, st, 0, e)) < 0)
		goto fail;
	if (o) {
		f.src_lang = o->src_lang;
		f.tgt_lang = o->tgt_lang;
	}
	if ((rc = store_index_each_unit(st, &f, load_unit, ti, e)) < 0)
		goto fail;
	ti->info.tokens = match_index_token_count(ti->idx);
	match_index_build(ti->idx); /* now rather than at the first query */
	*out = ti;
	return 0;
fail:
	tmindex_free(ti);
	return rc;
}

void tmindex_free(struct tmindex *ti)
{
	if (!ti)
		return;
	match_index_free(ti->idx);
	store_unit_release(&ti->cur);
	free(ti->orig);
	free(ti->note);
	buf_release(&ti->lang);
	buf_release(&ti->text);
	free(ti);
}

struct match_index *tmindex_matcher(struct tmindex *ti)
{
	return ti->idx;
}

void tmindex_info(const struct tmindex *ti, struct tmindex_info *info)
{
	*info = ti->info;
}

const char *tmindex_note(const struct tmindex *ti)
{
	return ti->note;
}
