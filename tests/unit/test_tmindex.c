/*
 * Unit tests of tmindex: the match index kept in the memory (written on
 * import, read back, completed after a migration, kept consistent through
 * deletes, rollbacks and other writers), and of concord, which looks
 * words up in it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "concord.h"
#include "embedded.h"
#include "match.h"
#include "store.h"
#include "tmindex.h"
#include "unit.h"
#include "xalloc.h"

/* ---- generated news-like pairs ---- */

static unsigned long rng = 1;

static unsigned rnd(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng >> 33) % n);
}

static const char *const words[] = {
    "the",       "prisoners",  "were",       "freed",       "on",
    "Thursday",  "after",      "talks",      "in",          "Minsk",
    "and",       "Vilnius",    "said",       "border",      "guards",
    "of",        "political",  "a",          "delegation",  "Belarus",
    "sanctions", "leader",     "opposition", "to",          "release",
    "exile",     "journalist", "colony",     "court",       "Lithuania",
    "Ĳssel",     "Straße",     "Минск",      "заключенных", "Tsikhanouskaya",
};
#define NWORDS (sizeof(words) / sizeof(words[0]))

static void sentence(struct buf *b, unsigned len)
{
	unsigned i;

	buf_reset(b);
	for (i = 0; i < len; i++) {
		if (i)
			buf_addch(b, ' ');
		if (rnd(9) == 0)
			buf_addf(b, "%u", rnd(3) ? rnd(100) : 1000 + rnd(3000));
		else
			buf_adds(b, words[rnd(NWORDS)]);
		if (rnd(12) == 0)
			buf_addch(b, ',');
	}
	buf_addch(b, '.');
}

/* An edited copy: one word replaced, or a number changed. */
static void edit(struct buf *out, const char *s)
{
	const char *sp = strchr(s, ' ');

	buf_reset(out);
	if (!sp) {
		buf_adds(out, s);
		return;
	}
	buf_adds(out, rnd(2) ? "Yesterday" : "42");
	buf_adds(out, sp);
}

struct gen {
	char **src, **tgt;
	size_t n;
};

static void gen_fill(struct gen *g, size_t n)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	g->n = n;
	g->src = xcalloc(n, sizeof(char *));
	g->tgt = xcalloc(n, sizeof(char *));
	for (i = 0; i < n; i++) {
		if (i > 5 && rnd(4) == 0)
			edit(&b, g->src[rnd((unsigned)i)]);
		else
			sentence(&b, 2 + rnd(20));
		g->src[i] = xstrdup(b.data);
		buf_reset(&b);
		buf_addf(&b, "[%zu] %s", i, g->src[i]);
		g->tgt[i] = xstrdup(b.data);
	}
	buf_release(&b);
}

static void gen_release(struct gen *g)
{
	size_t i;

	for (i = 0; i < g->n; i++) {
		free(g->src[i]);
		free(g->tgt[i]);
	}
	free(g->src);
	free(g->tgt);
}

/*
 * Put pairs [from, to) of g into st as one batch, as import does (each
 * new unit indexed), unit i in document "d<i/10>" at position i%10; every
 * third into German, the rest into Russian; some aligned, some confirmed.
 * index: call tmindex_put_unit (0: a writer that does not index).
 */
static int put_range(struct store *st, const struct gen *g, size_t from,
                     size_t to, int index, struct err *e)
{
	size_t i;
	int rc;

	if ((rc = store_batch_begin(
	         st, &(struct store_batch){"import", "gen", "tsv"}, NULL, e)) <
	    0)
		return rc;
	for (i = from; i < to; i++) {
		char doc[32];
		struct store_origin o = {doc, (long long)(i % 10)};
		struct store_pair p;
		enum store_put_result res;
		int64_t id;

		snprintf(doc, sizeof(doc), "d%zu", i / 10);
		memset(&p, 0, sizeof(p));
		p.src_lang = "en";
		p.tgt_lang = i % 3 ? "ru" : "de";
		p.source = g->src[i];
		p.target = g->tgt[i];
		p.origins = &o;
		p.norigins = 1;
		p.confidence = i % 4 == 0 ? 0.4 + (double)(i % 60) / 100 : -1;
		p.confirmed = i % 5 == 0;
		if ((rc = store_put(st, &p, &res, &id, e)) < 0 ||
		    (index && res == STORE_NEW &&
		     (rc = tmindex_put_unit(st, id, e)) < 0)) {
			store_batch_abort(st);
			return rc;
		}
	}
	return store_batch_commit(st, e);
}

/* ---- the oracle: every unit scored from its text ---- */

struct oracle {
	struct store *st;
	const char *query;
	const char *tgt_lang;
	int min;
	struct match_set *out;
	struct err *e;
};

static int oracle_unit(void *ctx, const struct store_unit *su)
{
	struct oracle *o = ctx;
	struct match_unit u;
	struct match_result r;
	long long alt = 0;
	int rc;

	memset(&u, 0, sizeof(u));
	u.id = su->id;
	u.src = su->source;
	u.src_len = strlen(su->source);
	u.tgt = su->target;
	u.tgt_len = strlen(su->target);
	u.src_lang = su->src_lang;
	u.tgt_lang = su->tgt_lang;
	u.flags = (su->confirmed ? MATCH_CONFIRMED : 0) |
	          (su->aligned ? MATCH_ALIGNED : 0);
	u.confidence = su->confidence;
	if ((rc = store_unit_alternatives(o->st, su->id, &alt, o->e)) < 0)
		return rc;
	u.alternatives = (int)alt;
	if ((rc = match_score(&r, o->query, strlen(o->query), "en", &u, NULL,
	                      NULL, NULL, o->e)) < 0)
		return rc;
	if (r.score >= o->min) {
		XGROW(o->out->v, o->out->cap, o->out->n + 1);
		o->out->v[o->out->n++] = r;
	} else {
		match_result_release(&r);
	}
	return 0;
}

static int cmp_id(const void *pa, const void *pb)
{
	const struct match_result *a = pa, *b = pb;

	return a->id < b->id ? -1 : a->id > b->id;
}

/* Whether a and b hold the same units with the same scores (any order). */
static int same_matches(struct match_set *a, struct match_set *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	if (!a->n)
		return 1;
	qsort(a->v, a->n, sizeof(a->v[0]), cmp_id);
	qsort(b->v, b->n, sizeof(b->v[0]), cmp_id);
	for (i = 0; i < a->n; i++)
		if (a->v[i].id != b->v[i].id ||
		    a->v[i].score != b->v[i].score ||
		    strcmp(a->v[i].proposed, b->v[i].proposed) != 0)
			return 0;
	return 1;
}

/*
 * Query the loaded index of st with sentences of g (stored ones, edited
 * ones) at several thresholds and compare with the oracle; returns the
 * number of queries that differ, *found the matches seen.
 */
static int compare_with_oracle(struct store *st, struct tmindex *ti,
                               const struct gen *g, const char *tgt,
                               size_t *found)
{
	static const int mins[] = {50, 60, 75, 90, 100};
	struct match_set a, b;
	struct buf q;
	struct err e;
	size_t k;
	int differ = 0;

	match_set_init(&a);
	match_set_init(&b);
	buf_init(&q);
	*found = 0;
	for (k = 0; k < 60; k++) {
		struct match_query mq;
		struct store_filter f = {"en", tgt, NULL};
		struct oracle o = {st, NULL, tgt, 0, &b, &e};

		if (k % 2)
			edit(&q, g->src[rnd((unsigned)g->n)]);
		else {
			buf_reset(&q);
			buf_adds(&q, g->src[rnd((unsigned)g->n)]);
		}
		memset(&mq, 0, sizeof(mq));
		mq.text = q.data;
		mq.len = q.len;
		mq.src_lang = "en";
		mq.tgt_lang = tgt;
		mq.min_score = mins[k % 5];
		if (!CHECK_INT(
		        match_index_query(&a, tmindex_matcher(ti), &mq, &e), 0))
			break;
		match_set_release(&b);
		o.query = q.data;
		o.min = mq.min_score;
		if (!CHECK_INT(store_each_unit(st, &f, oracle_unit, &o, &e), 0))
			break;
		*found += a.n;
		if (!same_matches(&a, &b)) {
			fprintf(stderr, "  query '%s' at %d: %zu vs %zu\n",
			        q.data, mq.min_score, a.n, b.n);
			differ++;
		}
	}
	match_set_release(&a);
	match_set_release(&b);
	buf_release(&q);
	return differ;
}

/* The keys of a blob, decoded with the stored dictionary, as one string. */
struct keys {
	char **key;
	size_t *len, n, cap;
};

static int keep_key(void *ctx, int64_t id, const void *key, size_t len)
{
	struct keys *k = ctx;

	if ((size_t)id != k->n)
		return -1;
	XGROW(k->key, k->cap, k->n + 1);
	k->len = xreallocarray(k->len, k->cap, sizeof(*k->len));
	k->key[k->n] = xmemdupz(key, len);
	k->len[k->n++] = len;
	return 0;
}

static void keys_release(struct keys *k)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		free(k->key[i]);
	free(k->key);
	free(k->len);
}

struct blob_check {
	struct store *st;
	struct keys *k;
	size_t segments, bad;
};

/* Every blob must hold the keys a fresh tokenising of its text gives. */
static int check_blob(void *ctx, int64_t seg, const void *blob, size_t len)
{
	struct blob_check *c = ctx;
	struct match_index *fresh = match_index_new(NULL, NULL, NULL);
	struct buf lang, text;
	uint32_t *got = NULL, *want = NULL;
	size_t ng = 0, nw = 0, i;
	struct err e;

	buf_init(&lang);
	buf_init(&text);
	c->segments++;
	if (store_segment_get(c->st, seg, &lang, &text, &e) < 0 ||
	    match_tokens_decode(&got, &ng, blob, len) < 0 ||
	    match_index_tokens(fresh, &want, &nw, text.data, text.len,
	                       lang.data, 1, &e) < 0 ||
	    ng != nw) {
		c->bad++;
		goto out;
	}
	for (i = 0; i < ng; i++) {
		size_t kl;
		const char *k = match_index_token(fresh, want[i], &kl);

		if (got[i] >= c->k->n || c->k->len[got[i]] != kl ||
		    memcmp(c->k->key[got[i]], k, kl) != 0) {
			c->bad++;
			break;
		}
	}
out:
	free(got);
	free(want);
	match_index_free(fresh);
	buf_release(&lang);
	buf_release(&text);
	return 0;
}

/* Check every stored blob against its text; returns the bad ones. */
static size_t bad_blobs(struct store *st, size_t *segments)
{
	struct keys k = {NULL, NULL, 0, 0};
	struct blob_check c = {st, &k, 0, 0};
	struct err e;

	if (!CHECK_INT(store_index_each_token(st, 0, keep_key, &k, &e), 0))
		return 1;
	CHECK_INT(store_index_each_segment(st, NULL, 0, check_blob, &c, &e), 0);
	keys_release(&k);
	*segments = c.segments;
	return c.bad;
}

/* ---- the tests ---- */

TEST(tmindex_written_on_import_and_read_back)
{
	const char *dir = unit_tmp_dir();
	struct store *st = NULL;
	struct tmindex *ti = NULL;
	struct tmindex_info info;
	struct gen g;
	struct err e;
	long long segs = 0, indexed = 0;
	size_t found = 0, checked = 0;

	rng = 7;
	err_clear(&e);
	gen_fill(&g, 400);
	CHECK_INT(store_open(&st, unit_path_in(dir, "m.db"), STORE_CREATE, &e),
	          0);
	CHECK_INT(put_range(st, &g, 0, 200, 1, &e), 0);
	CHECK_INT(put_range(st, &g, 200, 400, 1, &e), 0);
	/* every segment got its blob in the import's transactions */
	CHECK_INT(store_index_counts(st, &segs, &indexed, &e), 0);
	CHECK(segs > 400);
	CHECK_INT(indexed, segs);
	CHECK_INT(bad_blobs(st, &checked), 0);
	CHECK_INT(checked, segs);
	/* read back: nothing tokenised from texts, same as the oracle */
	CHECK_INT(tmindex_open(&ti, st, &(struct tmindex_opts){"en", "ru"}, &e),
	          0);
	tmindex_info(ti, &info);
	CHECK_INT(info.refilled, 0);
	CHECK_INT(info.from_text, 0);
	CHECK(info.units > 200 && info.units < 400); /* ru only */
	CHECK_INT(compare_with_oracle(st, ti, &g, "ru", &found), 0);
	CHECK(found > 40);
	tmindex_free(ti);
	CHECK_INT(tmindex_open(&ti, st, NULL, &e), 0);
	tmindex_info(ti, &info);
	CHECK_INT(info.units, 400);
	CHECK_INT(compare_with_oracle(st, ti, &g, "de", &found), 0);
	tmindex_free(ti);
	CHECK_INT(store_check(st, &e), 0);
	store_free(st);
	gen_release(&g);
	unit_rm_dir(dir);
}

TEST(tmindex_completes_a_migrated_memory)
{
	const char *dir = unit_tmp_dir();
	const char *path;
	struct store *st = NULL;
	struct tmindex *ti = NULL;
	struct tmindex_info info;
	struct gen g;
	struct err e;
	long long segs = 0, indexed = 0;
	size_t found = 0, checked = 0;

	rng = 11;
	err_clear(&e);
	gen_fill(&g, 300);
	path = unit_path_in(dir, "v1.db");
	/* a memory of schema version 1, with units and no index tables */
	CHECK_INT(
	    store_open_schema(&st, path, STORE_CREATE, embed_schema_sql, 1, &e),
	    0);
	CHECK_INT(store_version(st), 1);
	CHECK_INT(put_range(st, &g, 0, 300, 0, &e), 0);
	store_free(st);
	st = NULL;
	/* this newstm migrates it: the tables are there, empty */
	CHECK_INT(store_open(&st, path, 0, &e), 0);
	CHECK_INT(store_version(st), store_schema_version());
	CHECK_INT(store_index_counts(st, &segs, &indexed, &e), 0);
	CHECK(segs > 300);
	CHECK_INT(indexed, 0);
	/* an import into it indexes its own units only */
	CHECK_INT(put_range(st, &g, 0, 10, 1, &e), 0); /* merged: nothing */
	CHECK_INT(store_index_counts(st, &segs, &indexed, &e), 0);
	CHECK_INT(indexed, 0);
	/* opening the index fills it, in one go */
	CHECK_INT(tmindex_open(&ti, st, NULL, &e), 0);
	tmindex_info(ti, &info);
	CHECK_INT(info.refilled, segs);
	CHECK_INT(info.from_text, 0);
	CHECK_INT(info.units, 300);
	CHECK_INT(compare_with_oracle(st, ti, &g, "ru", &found), 0);
	CHECK(found > 20);
	tmindex_free(ti);
	CHECK_INT(store_index_counts(st, &segs, &indexed, &e), 0);
	CHECK_INT(indexed, segs);
	CHECK_INT(bad_blobs(st, &checked), 0);
	/* and the next open finds it complete */
	CHECK_INT(tmindex_open(&ti, st, NULL, &e), 0);
	tmindex_info(ti, &info);
	CHECK_INT(info.refilled, 0);
	tmindex_free(ti);
	CHECK_INT(store_check(st, &e), 0);
	store_free(st);
	gen_release(&g);
	unit_rm_dir(dir);
}

TEST(tmindex_versions_and_writers_that_do_not_index)
{
	const char *dir = unit_tmp_dir();
	struct store *st = NULL;
	struct tmindex *ti = NULL;
	struct tmindex_info info;
	struct gen g;
	struct err e;
	struct buf v;
	long long segs = 0, indexed = 0;
	size_t found = 0, checked = 0;

	rng = 13;
	err_clear(&e);
	buf_init(&v);
	gen_fill(&g, 200);
	CHECK_INT(store_open(&st, unit_path_in(dir, "m.db"), STORE_CREATE, &e),
	          0);
	CHECK_INT(put_range(st, &g, 0, 100, 1, &e), 0);
	/* a writer that does not index (an older tool): completed later */
	CHECK_INT(put_range(st, &g, 100, 150, 0, &e), 0);
	CHECK_INT(store_index_counts(st, &segs, &indexed, &e), 0);
	CHECK(indexed < segs);
	CHECK_INT(tmindex_open(&ti, st, NULL, &e), 0);
	tmindex_info(ti, &info);
	CHECK_INT(info.refilled, segs - indexed);
	CHECK_INT(info.units, 150);
	tmindex_free(ti);
	CHECK_INT(store_index_meta(st, "generation", &v, &e), 1);
	CHECK_STR(v.data, "1");
	/* keys made with other names data: dropped and made again */
	CHECK_INT(store_begin(st, &e), 0);
	CHECK_INT(store_index_set_meta(st, "names_version", "old", &e), 0);
	CHECK_INT(store_commit(st, &e), 0);
	/* meanwhile imports do not add keys of the wrong version */
	CHECK_INT(put_range(st, &g, 150, 200, 1, &e), 0);
	CHECK_INT(store_index_counts(st, &segs, &indexed, &e), 0);
	CHECK(indexed < segs);
	CHECK_INT(tmindex_open(&ti, st, NULL, &e), 0);
	tmindex_info(ti, &info);
	CHECK_INT(info.refilled, segs);
	CHECK_INT(info.units, 200);
	CHECK_INT(compare_with_oracle(st, ti, &g, "ru", &found), 0);
	CHECK(found > 10);
	tmindex_free(ti);
	CHECK_INT(store_index_meta(st, "generation", &v, &e), 1);
	CHECK_STR(v.data, "2");
	CHECK_INT(store_index_meta(st, "names_version", &v, &e), 1);
	CHECK_STR(v.data, "none");
	CHECK_INT(bad_blobs(st, &checked), 0);
	CHECK_INT(checked, segs);
	store_free(st);
	buf_release(&v);
	gen_release(&g);
	unit_rm_dir(dir);
}

TEST(tmindex_rollbacks_and_two_writers)
{
	const char *dir = unit_tmp_dir();
	const char *path;
	struct store *a = NULL, *b = NULL;
	struct tmindex *ti = NULL;
	struct gen g;
	struct err e;
	long long segs = 0, indexed = 0;
	size_t found = 0, checked = 0;
	int64_t n1 = 0, n2 = 0;

	rng = 17;
	err_clear(&e);
	gen_fill(&g, 240);
	path = unit_path_in(dir, "m.db");
	CHECK_INT(store_open(&a, path, STORE_CREATE, &e), 0);
	CHECK_INT(store_open(&b, path, 0, &e), 0);
	/* a caches the dictionary, b appends keys, a appends more */
	CHECK_INT(put_range(a, &g, 0, 60, 1, &e), 0);
	CHECK_INT(put_range(b, &g, 60, 120, 1, &e), 0);
	CHECK_INT(put_range(a, &g, 120, 180, 1, &e), 0);
	/* a batch that is rolled back leaves no key behind */
	CHECK_INT(store_index_token_count(a, &n1, &e), 0);
	CHECK_INT(store_batch_begin(
	              a, &(struct store_batch){"import", "x", "tsv"}, NULL, &e),
	          0);
	{
		struct store_origin o = {"x", 0};
		struct store_pair p;
		int64_t id;

		memset(&p, 0, sizeof(p));
		p.src_lang = "en";
		p.tgt_lang = "ru";
		p.source = "Zzyzx quokkas frolicked.";
		p.target = "Квокки резвились.";
		p.origins = &o;
		p.norigins = 1;
		p.confidence = -1;
		CHECK_INT(store_put(a, &p, NULL, &id, &e), 0);
		CHECK_INT(tmindex_put_unit(a, id, &e), 0);
	}
	store_batch_abort(a);
	CHECK_INT(store_index_token_count(a, &n2, &e), 0);
	CHECK_INT(n2, n1);
	/* then b and a again: ids stay dense and blobs right */
	CHECK_INT(put_range(b, &g, 180, 210, 1, &e), 0);
	CHECK_INT(put_range(a, &g, 210, 240, 1, &e), 0);
	CHECK_INT(store_index_counts(a, &segs, &indexed, &e), 0);
	CHECK_INT(indexed, segs);
	CHECK_INT(bad_blobs(a, &checked), 0);
	CHECK_INT(checked, segs);
	CHECK_INT(tmindex_put_unit(a, 1, &e), ERR_USAGE); /* no transaction */
	CHECK_INT(tmindex_open(&ti, b, NULL, &e), 0);
	CHECK_INT(compare_with_oracle(b, ti, &g, "ru", &found), 0);
	tmindex_free(ti);
	store_free(a);
	store_free(b);
	gen_release(&g);
	unit_rm_dir(dir);
}

TEST(tmindex_deletes_keep_it_consistent)
{
	const char *dir = unit_tmp_dir();
	struct store *st = NULL;
	struct tmindex *ti = NULL;
	struct tmindex_info info;
	struct store_forget f;
	struct gen g;
	struct err e;
	long long segs = 0, indexed = 0;
	size_t found = 0;

	rng = 19;
	err_clear(&e);
	gen_fill(&g, 120);
	CHECK_INT(store_open(&st, unit_path_in(dir, "m.db"), STORE_CREATE, &e),
	          0);
	CHECK_INT(put_range(st, &g, 0, 60, 1, &e), 0);
	CHECK_INT(put_range(st, &g, 60, 120, 1, &e), 0);
	CHECK_INT(store_delete(st, 5, &e), 0);
	CHECK_INT(store_forget_batch(st, 2, &f, &e), 0);
	CHECK(f.removed > 0);
	CHECK_INT(store_index_counts(st, &segs, &indexed, &e), 0);
	CHECK_INT(indexed, segs);
	CHECK_INT(store_check(st, &e), 0);
	CHECK_INT(tmindex_open(&ti, st, NULL, &e), 0);
	tmindex_info(ti, &info);
	CHECK_INT(info.refilled, 0);
	CHECK(info.units < 60);
	CHECK_INT(compare_with_oracle(st, ti, &g, "ru", &found), 0);
	tmindex_free(ti);
	store_free(st);
	gen_release(&g);
	unit_rm_dir(dir);
}

/* ---- concordance ---- */

static void put_pairs(struct store *st, const char *const (*pairs)[3], size_t n)
{
	struct err e;
	size_t i;

	CHECK_INT(store_batch_begin(st,
	                            &(struct store_batch){"import", "c", "tsv"},
	                            NULL, &e),
	          0);
	for (i = 0; i < n; i++) {
		struct store_origin o = {"c.tsv", (long long)i};
		struct store_pair p;
		int64_t id;

		memset(&p, 0, sizeof(p));
		p.src_lang = pairs[i][0];
		p.tgt_lang = !strcmp(pairs[i][0], "en") ? "ru" : "en";
		p.source = pairs[i][1];
		p.target = pairs[i][2];
		p.origins = &o;
		p.norigins = 1;
		p.confidence = -1;
		CHECK_INT(store_put(st, &p, NULL, &id, &e), 0);
		CHECK_INT(tmindex_put_unit(st, id, &e), 0);
	}
	CHECK_INT(store_batch_commit(st, &e), 0);
}

/* The units found for phrase, as "id,id,...", and the first span. */
static const char *found(struct store *st, const char *phrase, int target,
                         const char *lang, char *span, size_t spansz)
{
	static char out[256];
	struct concord_opts o = {target, lang, 0};
	struct concord_result r;
	struct err e;
	size_t i, k = 0;

	out[0] = '\0';
	if (span)
		span[0] = '\0';
	concord_result_init(&r);
	if (concord_search(&r, st, phrase, strlen(phrase), &o, &e) < 0) {
		snprintf(out, sizeof(out), "error: %.200s", e.msg);
		concord_result_release(&r);
		return out;
	}
	for (i = 0; i < r.n && k < sizeof(out) - 24; i++)
		k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%lld",
		                      i ? "," : "", (long long)r.v[i].unit);
	if (span && r.n)
		snprintf(span, spansz, "%.*s", (int)(r.v[0].end - r.v[0].start),
		         r.v[0].text + r.v[0].start);
	concord_result_release(&r);
	return out;
}

/* Fake names: two spellings of one person, and her Russian form. */
static const char *fake_entity(void *ctx, const char *tok, size_t len,
                               const char *lang)
{
	static const char *const forms[] = {"Tsikhanouskaya", "Tikhanovskaya",
	                                    "Тихановская"};
	size_t i;

	(void)ctx;
	(void)lang;
	for (i = 0; i < 3; i++)
		if (strlen(forms[i]) == len && !memcmp(forms[i], tok, len))
			return "Q2";
	return NULL;
}

TEST(concord_words_phrases_numbers_names)
{
	static const char *const pairs[][3] = {
	    {"en", "Belarus freed 52 prisoners on Thursday.",
	     "Беларусь освободила 52 заключенных."},
	    {"en", "The PRISONERS' families waited in Minsk.",
	     "Семьи заключенных ждали в Минске."},
	    {"en", "Minsker Zeitung reported the release.", "Газета сообщила."},
	    {"en", "The group was smaller than the 1,300 prisoners.",
	     "Это меньше, чем 1300 заключенных."},
	    {"en", "About 1,400 prisoners remain, Tikhanovskaya said.",
	     "Около 1400 заключенных остаются, сказала Тихановская."},
	    {"ru", "Тихановская призвала Евросоюз.",
	     "Tsikhanouskaya called on the EU."},
	    {"en", "Political prisoners, she said, must go free.",
	     "Политзаключенные должны выйти на свободу."},
	};
	static const struct match_names names = {fake_entity, NULL, NULL};
	const char *dir = unit_tmp_dir();
	struct store *st = NULL;
	char span[128];
	struct err e;

	err_clear(&e);
	CHECK_INT(store_open(&st, unit_path_in(dir, "m.db"), STORE_CREATE, &e),
	          0);
	tmindex_set_names(st, &names, "test-1");
	put_pairs(st, pairs, sizeof(pairs) / sizeof(pairs[0]));
	/* a word, whatever its case, newest first, never inside a word */
	CHECK_STR(found(st, "prisoners", 0, NULL, span, sizeof(span)),
	          "7,5,4,2,1");
	CHECK_STR(span, "prisoners");
	CHECK_STR(found(st, "Minsk", 0, NULL, span, sizeof(span)), "2");
	CHECK_STR(found(st, "minsk", 0, NULL, NULL, 0), "2");
	/* a phrase: punctuation between its words does not count */
	CHECK_STR(found(st, "prisoners must", 0, NULL, span, sizeof(span)), "");
	CHECK_STR(
	    found(st, "political prisoners she", 0, NULL, span, sizeof(span)),
	    "7");
	CHECK_STR(span, "Political prisoners, she");
	/* numbers by value, not by shape */
	CHECK_STR(found(st, "1,300 prisoners", 0, NULL, span, sizeof(span)),
	          "4");
	CHECK_STR(span, "1,300 prisoners");
	CHECK_STR(found(st, "52", 0, NULL, NULL, 0), "1");
	CHECK_STR(found(st, "53", 0, NULL, NULL, 0), "");
	/* the other side, and a language */
	CHECK_STR(found(st, "заключенных", 1, NULL, NULL, 0), "5,4,2,1");
	CHECK_STR(found(st, "заключенных", 1, "en", NULL, 0), "");
	CHECK_STR(found(st, "заключенных", 1, "ru", NULL, 0), "5,4,2,1");
	/* a name in every spelling the names capability knows */
	CHECK_STR(found(st, "Tsikhanouskaya", 0, NULL, span, sizeof(span)),
	          "6,5");
	CHECK_STR(span, "Тихановская");
	CHECK_STR(found(st, "Tsikhanouskaya", 0, "en", span, sizeof(span)),
	          "5");
	CHECK_STR(span, "Tikhanovskaya");
	CHECK_STR(found(st, "Tikhanovskaya", 1, NULL, NULL, 0), "6,5");
	/* nothing to look for; a word no text has */
	CHECK(
	    !strncmp(found(st, "...", 0, NULL, NULL, 0), "error: nothing", 14));
	CHECK_STR(found(st, "quokka", 0, NULL, NULL, 0), "");
	store_free(st);
	unit_rm_dir(dir);
}

/*
 * A memory whose index is stale (other names data) and that cannot be
 * written: opened read-only, or another writer holding the lock.  The
 * index is made in memory from the texts, with the same matches, the
 * memory is left as it was, and a note says why.
 */
TEST(tmindex_stale_and_not_writable)
{
	const char *dir = unit_tmp_dir();
	const char *path = unit_path_in(dir, "m.db");
	struct store *st = NULL, *w = NULL;
	struct tmindex *ti = NULL;
	struct tmindex_info info;
	struct gen g;
	struct err e;
	struct buf v;
	long long segs = 0, indexed = 0;
	size_t found = 0;

	rng = 17;
	err_clear(&e);
	buf_init(&v);
	gen_fill(&g, 200);
	CHECK_INT(store_open(&st, path, STORE_CREATE, &e), 0);
	tmindex_set_names(st, NULL, "names-1");
	CHECK_INT(put_range(st, &g, 0, 200, 1, &e), 0);
	store_free(st);
	st = NULL;

	/* read-only: made from the texts at once, not written */
	CHECK_INT(store_open(&st, path, STORE_READONLY, &e), 0);
	tmindex_set_names(st, NULL, "names-2");
	CHECK_INT(tmindex_open(&ti, st, NULL, &e), 0);
	if (ti) {
		tmindex_info(ti, &info);
		CHECK_INT(info.incomplete, 1);
		CHECK_INT(info.refilled, 0);
		CHECK_INT(info.units, 200);
		CHECK_INT(info.from_text, 200);
		CHECK(tmindex_note(ti) &&
		      strstr(tmindex_note(ti), "m.db: the match index is not "
		                               "up to date and the memory is "
		                               "read-only"));
		CHECK_INT(compare_with_oracle(st, ti, &g, "ru", &found), 0);
		CHECK(found > 10);
		CHECK_INT(compare_with_oracle(st, ti, &g, "de", &found), 0);
		tmindex_free(ti);
		ti = NULL;
	}
	CHECK_INT(tmindex_complete(st, NULL, &e), 1);
	CHECK_INT(store_index_meta(st, "names_version", &v, &e), 1);
	CHECK_STR(v.data, "names-1");
	CHECK(store_begin(st, &e) < 0);
	CHECK_INT(store_refused(st), STORE_REFUSED_READONLY);
	store_free(st);
	st = NULL;

	/* another writer holds the lock: no waiting behind it */
	CHECK_INT(store_open(&w, path, 0, &e), 0);
	CHECK_INT(store_begin(w, &e), 0);
	CHECK_INT(store_open(&st, path, 0, &e), 0);
	tmindex_set_names(st, NULL, "names-3");
	CHECK_INT(tmindex_open(&ti, st, &(struct tmindex_opts){"en", "ru"}, &e),
	          0);
	if (ti) {
		tmindex_info(ti, &info);
		CHECK_INT(info.incomplete, 1);
		CHECK(tmindex_note(ti) &&
		      strstr(tmindex_note(ti), "another newstm is writing"));
		CHECK_INT(compare_with_oracle(st, ti, &g, "ru", &found), 0);
		CHECK(found > 10);
		tmindex_free(ti);
		ti = NULL;
	}
	store_rollback(w);
	store_free(w);
	/* once it can, the reader brings the index up to date */
	CHECK_INT(tmindex_open(&ti, st, NULL, &e), 0);
	if (ti) {
		tmindex_info(ti, &info);
		CHECK_INT(info.incomplete, 0);
		CHECK(tmindex_note(ti) == NULL);
		CHECK_INT(info.from_text, 0);
		tmindex_free(ti);
	}
	CHECK_INT(store_index_counts(st, &segs, &indexed, &e), 0);
	CHECK_INT(indexed, segs);
	CHECK_INT(store_index_meta(st, "names_version", &v, &e), 1);
	CHECK_STR(v.data, "names-3");
	store_free(st);
	buf_release(&v);
	gen_release(&g);
	unit_rm_dir(dir);
}

/* concord on a stale index it cannot complete: reads the texts instead */
TEST(concord_stale_and_read_only)
{
	static const char *const pairs[][3] = {
	    {"en", "Belarus freed 52 prisoners on Thursday.",
	     "Беларусь освободила 52 заключенных."},
	    {"en", "Minsker Zeitung reported the release.", "Газета сообщила."},
	    {"en", "The group was smaller than the 1,300 prisoners.",
	     "Это меньше, чем 1300 заключенных."},
	    {"en", "About 1,400 prisoners remain, Tikhanovskaya said.",
	     "Около 1400 заключенных остаются, сказала Тихановская."},
	    {"ru", "Тихановская призвала Евросоюз.",
	     "Tsikhanouskaya called on the EU."},
	};
	static const struct match_names names = {fake_entity, NULL, NULL};
	const char *dir = unit_tmp_dir();
	const char *path = unit_path_in(dir, "m.db");
	struct concord_opts o = {0, NULL, 0};
	struct concord_result r;
	struct store *st = NULL;
	char span[128];
	struct err e;

	err_clear(&e);
	CHECK_INT(store_open(&st, path, STORE_CREATE, &e), 0);
	tmindex_set_names(st, NULL, "none-yet");
	put_pairs(st, pairs, sizeof(pairs) / sizeof(pairs[0]));
	store_free(st);
	st = NULL;
	CHECK_INT(store_open(&st, path, STORE_READONLY, &e), 0);
	tmindex_set_names(st, &names, "test-1");
	concord_result_init(&r);
	CHECK_INT(concord_search(&r, st, "prisoners", 9, &o, &e), 0);
	CHECK_INT(r.total, 3);
	CHECK(r.note && strstr(r.note, "read-only"));
	concord_result_release(&r);
	CHECK_STR(found(st, "prisoners", 0, NULL, span, sizeof(span)), "4,3,1");
	CHECK_STR(found(st, "Minsk", 0, NULL, NULL, 0), "");
	CHECK_STR(found(st, "1,300 prisoners", 0, NULL, span, sizeof(span)),
	          "3");
	CHECK_STR(span, "1,300 prisoners");
	CHECK_STR(found(st, "заключенных", 1, "ru", NULL, 0), "4,3,1");
	/* names of these names data, which the stored keys do not know */
	CHECK_STR(found(st, "Tsikhanouskaya", 0, NULL, span, sizeof(span)),
	          "5,4");
	CHECK_STR(span, "Тихановская");
	CHECK_STR(found(st, "Tsikhanouskaya", 1, "en", NULL, 0), "5");
	CHECK_STR(found(st, "quokka", 0, NULL, NULL, 0), "");
	store_free(st);
	unit_rm_dir(dir);
}
