/* Unit tests of store: opening, versions, putting, merging, reading,
 * forgetting. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "embedded.h"
#include "store.h"
#include "unit.h"

/* A pair with one origin; fields not given are unknown. */
static struct store_pair pair(const char *sl, const char *tl, const char *s,
                              const char *t, const struct store_origin *o)
{
	struct store_pair p;

	memset(&p, 0, sizeof(p));
	p.src_lang = sl;
	p.tgt_lang = tl;
	p.source = s;
	p.target = t;
	p.origins = o;
	p.norigins = 1;
	p.confidence = -1;
	return p;
}

static int count_fn(void *ctx, const struct store_unit *u)
{
	(void)u;
	(*(long *)ctx)++;
	return 0;
}

static long count_units(struct store *st, const char *sl, const char *tl,
                        const char *doc)
{
	struct store_filter f = {sl, tl, doc};
	long n = 0;

	if (store_each_unit(st, &f, count_fn, &n, NULL) < 0)
		return -1;
	return n;
}

TEST(store_open_create_reopen)
{
	const char *dir = unit_tmp_dir();
	struct store *st = NULL;
	struct err e;

	err_clear(&e);
	CHECK(dir != NULL);
	CHECK_INT(store_open(&st, unit_path_in(dir, "m.db"), 0, &e),
	          ERR_NOTFOUND);
	CHECK(st == NULL);
	CHECK(access(unit_path_in(dir, "m.db"), F_OK) != 0);
	CHECK_INT(store_open(&st, unit_path_in(dir, "m.db"), STORE_CREATE, &e),
	          0);
	CHECK(st != NULL);
	CHECK_INT(store_version(st), store_schema_version());
	CHECK(store_schema_version() >= 1);
	store_free(st);
	st = NULL;
	CHECK_INT(store_open(&st, unit_path_in(dir, "m.db"), 0, &e), 0);
	CHECK_INT(store_check(st, &e), 0);
	store_free(st);
	/* STORE_MKDIR creates the one missing folder */
	CHECK_INT(store_open(&st, unit_path_in(dir, "tm/m.db"),
	                     STORE_CREATE | STORE_MKDIR, &e),
	          0);
	store_free(st);
	/* without it, a missing folder is an error */
	CHECK(store_open(&st, unit_path_in(dir, "nope/m.db"), STORE_CREATE,
	                 &e) < 0);
	CHECK(strstr(e.msg, "nope/m.db") != NULL);
	unit_rm_dir(dir);
}

TEST(store_refuses_foreign_files)
{
	const char *dir = unit_tmp_dir();
	const char *text = unit_path_in(dir, "notes.txt");
	const char *other = unit_path_in(dir, "other.db");
	struct store *st = NULL;
	struct err e;
	FILE *f = fopen(text, "w");
	char back[64];

	err_clear(&e);
	CHECK(f != NULL);
	fputs("just some text, long enough to be a header of sorts\n", f);
	fclose(f);
	CHECK_INT(store_open(&st, text, STORE_CREATE, &e), ERR_DB);
	CHECK(strstr(e.msg, "not a newstm memory") != NULL);
	f = fopen(text, "r");
	CHECK(f && fgets(back, sizeof(back), f));
	CHECK(!strncmp(back, "just some text", 14));
	if (f)
		fclose(f);
	/* an SQLite database of another program */
	CHECK_INT(store_open_schema(&st, other, STORE_CREATE,
	                            "-- @version 1\nCREATE TABLE t (x);\n"
	                            "PRAGMA user_version = 1;\n",
	                            0, &e),
	          0);
	store_free(st);
	st = NULL;
	CHECK_INT(store_open(&st, other, 0, &e), ERR_DB);
	CHECK(strstr(e.msg, "another program") != NULL);
	CHECK(st == NULL);
	unit_rm_dir(dir);
}

/* The real schema plus a version 2, as a later newstm would have it. */
static char *schema_plus(const char *extra)
{
	size_t n = strlen(embed_schema_sql), m = strlen(extra);
	char *s = malloc(n + m + 1);

	memcpy(s, embed_schema_sql, n);
	memcpy(s + n, extra, m + 1);
	return s;
}

TEST(store_migrates_older_memory)
{
	const char *dir = unit_tmp_dir();
	const char *path = unit_path_in(dir, "m.db");
	struct store_origin o = {"a.txt", 0};
	struct store_pair p = pair("en", "de", "Hello.", "Hallo.", &o);
	struct store *st = NULL;
	struct store_unit u;
	struct err e;
	int v = store_schema_version();
	char v2[512], bad[512];
	char *good_schema, *bad_schema;

	err_clear(&e);
	snprintf(v2, sizeof(v2),
	         "-- @version %d\n"
	         "CREATE TABLE entity (id INTEGER PRIMARY KEY, name TEXT);\n"
	         "INSERT INTO document (name) VALUES ('from migration');\n"
	         "UPDATE unit SET confirmed = 1;\n"
	         "PRAGMA user_version = %d;\n",
	         v + 1, v + 1);
	snprintf(bad, sizeof(bad),
	         "-- @version %d\n"
	         "UPDATE unit SET confirmed = 1;\n"
	         "CREATE TABLE unit (x);\n"
	         "PRAGMA user_version = %d;\n",
	         v + 1, v + 1);
	good_schema = schema_plus(v2);
	bad_schema = schema_plus(bad);

	/* a memory of the current version with one unit in it */
	CHECK_INT(store_open(&st, path, STORE_CREATE, &e), 0);
	CHECK_INT(store_batch_begin(st,
	                            &(struct store_batch){"import", "a", "tsv"},
	                            NULL, &e),
	          0);
	CHECK_INT(store_put(st, &p, NULL, NULL, &e), 0);
	CHECK_INT(store_batch_commit(st, &e), 0);
	store_free(st);
	st = NULL;

	/* a failing migration leaves it as it was */
	CHECK(store_open_schema(&st, path, 0, bad_schema, 0, &e) < 0);
	CHECK(strstr(e.msg, "migrating") != NULL);
	CHECK_INT(store_open(&st, path, 0, &e), 0);
	CHECK_INT(store_version(st), v);
	CHECK_INT(store_get_unit(st, 1, &u, &e), 0);
	CHECK_INT(u.confirmed, 0);
	store_unit_release(&u);
	store_free(st);
	st = NULL;

	/* the next version's newstm migrates it, keeping the data */
	CHECK_INT(store_open_schema(&st, path, 0, good_schema, 0, &e), 0);
	CHECK_INT(store_version(st), v + 1);
	CHECK_INT(store_get_unit(st, 1, &u, &e), 0);
	CHECK_STR(u.source, "Hello.");
	CHECK_STR(u.target, "Hallo.");
	CHECK_INT(u.confirmed, 1);
	store_unit_release(&u);
	CHECK_INT(store_check(st, &e), 0);
	store_free(st);
	st = NULL;

	/* and this newstm refuses the newer memory, untouched */
	CHECK_INT(store_open(&st, path, 0, &e), ERR_DB);
	CHECK(strstr(e.msg, "newer newstm") != NULL);
	CHECK_INT(store_open_schema(&st, path, 0, good_schema, 0, &e), 0);
	CHECK_INT(store_version(st), v + 1);
	CHECK_INT(store_check(st, &e), 0);
	store_free(st);
	free(good_schema);
	free(bad_schema);
	unit_rm_dir(dir);
}

TEST(store_merges_duplicates)
{
	const char *dir = unit_tmp_dir();
	struct store_origin o1 = {"a.txt", 3}, o2 = {"b.txt", 7};
	struct store_pair p;
	enum store_put_result r;
	struct store *st = NULL;
	struct store_counts c;
	struct store_unit u;
	int64_t id1 = 0, id2 = 0, id3 = 0;
	struct err e;

	err_clear(&e);
	CHECK_INT(store_open(&st, unit_path_in(dir, "m.db"), STORE_CREATE, &e),
	          0);
	CHECK_INT(store_batch_begin(st,
	                            &(struct store_batch){"import", "a", "tsv"},
	                            NULL, &e),
	          0);
	p = pair("en", "ru", "The court  said.", "Суд заявил.", &o1);
	CHECK_INT(store_put(st, &p, &r, &id1, &e), 0);
	CHECK_INT(r, STORE_NEW);
	/* the same after whitespace normalisation, same origin: known */
	p = pair("en", "ru", " The court said. ", "Суд\nзаявил.", &o1);
	CHECK_INT(store_put(st, &p, &r, &id2, &e), 0);
	CHECK_INT(r, STORE_KNOWN);
	CHECK_INT(id2, id1);
	/* at another origin: merged, counted */
	p = pair("en", "ru", "The court said.", "Суд заявил.", &o2);
	p.confidence = 0.8;
	CHECK_INT(store_put(st, &p, &r, &id2, &e), 0);
	CHECK_INT(r, STORE_MERGED);
	CHECK_INT(id2, id1);
	/* with inline codes it is another unit */
	p = pair("en", "ru", "The court said.", "Суд заявил.", &o2);
	p.src_markup = "The <bpt i=\"1\">&lt;b&gt;</bpt>court<ept i=\"1\">"
	               "&lt;/b&gt;</ept> said.";
	CHECK_INT(store_put(st, &p, &r, &id3, &e), 0);
	CHECK_INT(r, STORE_NEW);
	CHECK(id3 != id1);
	/* case matters */
	p = pair("en", "ru", "the court said.", "Суд заявил.", &o2);
	CHECK_INT(store_put(st, &p, &r, NULL, &e), 0);
	CHECK_INT(r, STORE_NEW);
	store_batch_counts(st, &c);
	CHECK_INT(c.added, 3);
	CHECK_INT(c.merged, 1);
	CHECK_INT(c.known, 1);
	CHECK_INT(store_batch_commit(st, &e), 0);

	CHECK_INT(store_get_unit(st, id1, &u, &e), 0);
	CHECK_INT(u.count, 2);
	CHECK_STR(u.source, "The court  said.");
	/* a human origin (o1) and an aligned one: not only aligned */
	CHECK_INT(u.aligned, 0);
	CHECK(u.confidence > 0.79 && u.confidence < 0.81);
	CHECK(u.src_markup == NULL);
	CHECK_INT(u.src_id == u.tgt_id, 0);
	store_unit_release(&u);
	CHECK_INT(store_get_unit(st, id3, &u, &e), 0);
	CHECK(u.src_markup != NULL && strstr(u.src_markup, "<bpt") != NULL);
	store_unit_release(&u);
	CHECK_INT(store_get_unit(st, 999, &u, &e), ERR_NOTFOUND);
	store_free(st);
	unit_rm_dir(dir);
}

static int collect_prop(void *ctx, const struct store_prop *p)
{
	struct buf *b = ctx;

	buf_addf(b, "%d/%d/%s/%s/%s;", (int)p->scope, (int)p->kind,
	         p->type ? p->type : "-", p->lang ? p->lang : "-", p->value);
	return 0;
}

static int collect_origin(void *ctx, const struct store_origin_info *o)
{
	struct buf *b = ctx;

	buf_addf(b, "%s@%lld;", o->document, o->position);
	return 0;
}

TEST(store_languages_props_origins)
{
	const char *dir = unit_tmp_dir();
	struct store_origin o = {"wire.tmx", 0};
	struct store_prop props[] = {
	    {STORE_TU, STORE_PROP, "x-Client", NULL, "Reuters"},
	    {STORE_TGT, STORE_NOTE, NULL, "en", "checked"},
	    {STORE_TU, STORE_ATTR, "tuid", NULL, "17"},
	};
	struct store_pair p;
	struct store *st = NULL;
	struct buf b;
	int64_t id = 0;
	struct err e;

	err_clear(&e);
	buf_init(&b);
	CHECK_INT(store_open(&st, unit_path_in(dir, "m.db"), STORE_CREATE, &e),
	          0);
	CHECK_INT(store_batch_begin(st,
	                            &(struct store_batch){"import", "w", "tmx"},
	                            NULL, &e),
	          0);
	/* one source, two targets and an alternative translation */
	p = pair("en-US", "de-DE", "Minsk", "Minsk", &o);
	p.props = props;
	p.nprops = 3;
	CHECK_INT(store_put(st, &p, NULL, &id, &e), 0);
	p = pair("en-US", "fr", "Minsk", "Minsk (Biélorussie)", &o);
	CHECK_INT(store_put(st, &p, NULL, NULL, &e), 0);
	p = pair("en-US", "fr", "Minsk", "la capitale Minsk", &o);
	CHECK_INT(store_put(st, &p, NULL, NULL, &e), 0);
	p = pair("eng", "fr", "Minsk", "Minsk", &o);
	CHECK_INT(store_put(st, &p, NULL, NULL, &e), 0);
	CHECK_INT(store_batch_commit(st, &e), 0);

	CHECK_INT(count_units(st, NULL, NULL, NULL), 4);
	CHECK_INT(count_units(st, "en", NULL, NULL), 3);
	CHECK_INT(count_units(st, "en-US", "fr", NULL), 2);
	CHECK_INT(count_units(st, "en-GB", NULL, NULL), 0);
	CHECK_INT(count_units(st, "eng", NULL, NULL), 1);
	CHECK_INT(count_units(st, NULL, "de", NULL), 1);
	CHECK_INT(count_units(st, NULL, NULL, "wire.tmx"), 4);
	CHECK_INT(count_units(st, NULL, NULL, "other"), 0);

	CHECK_INT(store_each_prop(st, id, collect_prop, &b, &e), 0);
	CHECK_STR(b.data, "0/0/x-Client/-/Reuters;2/1/-/en/checked;"
	                  "0/2/tuid/-/17;");
	buf_reset(&b);
	CHECK_INT(store_each_origin(st, id, collect_origin, &b, &e), 0);
	CHECK_STR(b.data, "wire.tmx@0;");
	buf_release(&b);
	store_free(st);
	unit_rm_dir(dir);
}

TEST(store_prev_unit_in_document)
{
	const char *dir = unit_tmp_dir();
	const char *src[] = {"One.", "Two.", "Three."};
	const char *tgt[] = {"Eins.", "Zwei.", "Drei."};
	int64_t ids[3], prev = 0;
	struct store *st = NULL;
	struct store_unit u;
	struct err e;
	int i;

	err_clear(&e);
	CHECK_INT(store_open(&st, unit_path_in(dir, "m.db"), STORE_CREATE, &e),
	          0);
	CHECK_INT(store_batch_begin(st,
	                            &(struct store_batch){"add", "a b", "text"},
	                            NULL, &e),
	          0);
	CHECK_INT(store_document_info(st, "a.txt", "Numbers", 0, &e), 0);
	for (i = 0; i < 3; i++) {
		struct store_origin o = {"a.txt", i * 2};
		struct store_pair p = pair("en", "de", src[i], tgt[i], &o);

		p.confidence = 0.9;
		CHECK_INT(store_put(st, &p, NULL, &ids[i], &e), 0);
	}
	CHECK_INT(store_batch_commit(st, &e), 0);
	CHECK_INT(store_get_unit(st, ids[2], &u, &e), 0);
	CHECK_INT(u.aligned, 1);
	store_unit_release(&u);
	/* the document id is 1: the only document */
	CHECK_INT(store_prev_unit(st, 1, 4, "en", "de", &prev, &e), 0);
	CHECK_INT(prev, ids[1]);
	CHECK_INT(store_prev_unit(st, 1, 2, NULL, NULL, &prev, &e), 0);
	CHECK_INT(prev, ids[0]);
	CHECK_INT(store_prev_unit(st, 1, 0, NULL, NULL, &prev, &e),
	          ERR_NOTFOUND);
	CHECK_INT(store_prev_unit(st, 1, 4, "en", "fr", &prev, &e),
	          ERR_NOTFOUND);
	store_free(st);
	unit_rm_dir(dir);
}

TEST(store_forget_delete_confirm)
{
	const char *dir = unit_tmp_dir();
	struct store_origin a = {"a.tmx", 0}, b = {"b.tmx", 0};
	struct store_origin a1 = {"a.tmx", 1};
	struct store_forget f;
	struct store_stats s;
	struct store *st = NULL;
	struct store_unit u;
	struct store_pair p;
	int64_t b1 = 0, b2 = 0, shared = 0, only_b = 0, only_a = 0;
	struct store_prop bp = {STORE_TU, STORE_NOTE, NULL, NULL, "from b"};
	struct err e;
	struct buf buf;

	err_clear(&e);
	buf_init(&buf);
	CHECK_INT(store_open(&st, unit_path_in(dir, "m.db"), STORE_CREATE, &e),
	          0);
	CHECK_INT(store_batch_begin(
	              st, &(struct store_batch){"import", "a", "tmx"}, &b1, &e),
	          0);
	p = pair("en", "de", "Shared.", "Geteilt.", &a);
	CHECK_INT(store_put(st, &p, NULL, &shared, &e), 0);
	p = pair("en", "de", "Only a.", "Nur a.", &a1);
	CHECK_INT(store_put(st, &p, NULL, &only_a, &e), 0);
	CHECK_INT(store_batch_commit(st, &e), 0);
	CHECK_INT(store_batch_begin(
	              st, &(struct store_batch){"import", "b", "tmx"}, &b2, &e),
	          0);
	p = pair("en", "de", "Shared.", "Geteilt.", &b);
	p.props = &bp;
	p.nprops = 1;
	CHECK_INT(store_put(st, &p, NULL, NULL, &e), 0);
	p = pair("en", "de", "Only b.", "Nur b.", &b);
	CHECK_INT(store_put(st, &p, NULL, &only_b, &e), 0);
	CHECK_INT(store_batch_commit(st, &e), 0);
	CHECK(b2 == b1 + 1);
	CHECK_INT(store_stats(st, &s, &e), 0);
	CHECK_INT(s.units, 3);
	CHECK_INT(s.documents, 2);
	CHECK_INT(s.batches, 2);

	CHECK_INT(store_forget_batch(st, b2, &f, &e), 0);
	CHECK_INT(f.origins, 2);
	CHECK_INT(f.removed, 1);
	CHECK_INT(f.kept, 1);
	CHECK_INT(store_get_unit(st, only_b, &u, &e), ERR_NOTFOUND);
	CHECK_INT(store_get_unit(st, shared, &u, &e), 0);
	CHECK_INT(u.count, 1);
	store_unit_release(&u);
	CHECK_INT(store_each_prop(st, shared, collect_prop, &buf, &e), 0);
	CHECK_STR(buf.data, ""); /* batch b's note went with it */
	CHECK_INT(store_stats(st, &s, &e), 0);
	CHECK_INT(s.units, 2);
	CHECK_INT(s.documents, 1);
	CHECK_INT(s.segments, 4);
	CHECK_INT(s.batches, 1);
	CHECK_INT(store_forget_batch(st, 99, &f, &e), ERR_NOTFOUND);

	CHECK_INT(store_confirm(st, only_a, &e), 0);
	CHECK_INT(store_get_unit(st, only_a, &u, &e), 0);
	CHECK_INT(u.confirmed, 1);
	store_unit_release(&u);
	CHECK_INT(store_touch(st, only_a, 1000, &e), 0);
	CHECK_INT(store_get_unit(st, only_a, &u, &e), 0);
	CHECK_INT(u.usage, 1);
	CHECK_INT(u.last_used, 1000);
	store_unit_release(&u);
	CHECK_INT(store_confirm(st, 999, &e), ERR_NOTFOUND);

	CHECK_INT(store_delete(st, only_a, &e), 0);
	CHECK_INT(store_delete(st, only_a, &e), ERR_NOTFOUND);
	CHECK_INT(store_forget_document(st, "a.tmx", &f, &e), 0);
	CHECK_INT(f.removed, 1);
	CHECK_INT(store_forget_document(st, "a.tmx", &f, &e), ERR_NOTFOUND);
	CHECK_INT(store_stats(st, &s, &e), 0);
	CHECK_INT(s.units, 0);
	CHECK_INT(s.segments, 0);
	CHECK_INT(s.documents, 0);
	CHECK_INT(store_check(st, &e), 0);
	buf_release(&buf);
	store_free(st);
	unit_rm_dir(dir);
}

TEST(store_rollback_and_readers)
{
	const char *dir = unit_tmp_dir();
	const char *path = unit_path_in(dir, "m.db");
	struct store_origin o = {"a", 0};
	struct store_pair p = pair("en", "de", "Yes.", "Ja.", &o);
	struct store *w = NULL, *r = NULL;
	struct store_stats s;
	struct err e;

	err_clear(&e);
	CHECK_INT(store_open(&w, path, STORE_CREATE, &e), 0);
	CHECK_INT(store_open(&r, path, 0, &e), 0);
	CHECK_INT(store_batch_begin(
	              w, &(struct store_batch){"import", "a", "tsv"}, NULL, &e),
	          0);
	CHECK_INT(store_put(w, &p, NULL, NULL, &e), 0);
	/* a reader is not blocked by the open write and does not see it */
	CHECK_INT(store_stats(r, &s, &e), 0);
	CHECK_INT(s.units, 0);
	store_batch_abort(w);
	CHECK_INT(store_stats(w, &s, &e), 0);
	CHECK_INT(s.units, 0);
	CHECK_INT(s.batches, 0);
	CHECK(store_put(w, &p, NULL, NULL, &e) < 0); /* no batch open */
	store_free(w);
	store_free(r);
	unit_rm_dir(dir);
}

TEST(store_reports_a_failed_bind)
{
	const char *dir = unit_tmp_dir();
	static const char key[] = "ab\0\0";
	struct store *st = NULL;
	int64_t id = 0;
	struct err e;

	err_clear(&e);
	CHECK_INT(store_open(&st, unit_path_in(dir, "m.db"), STORE_CREATE, &e),
	          0);
	/* a blob longer than SQLite takes: refused at the step, not run */
	CHECK_INT(store_index_token_id(st, key, (size_t)INT_MAX + 1, &id, &e),
	          ERR_DB);
	CHECK(strstr(e.msg, "cannot bind parameter 1") != NULL);
	CHECK(strstr(e.msg, "too big") != NULL);
	CHECK_INT(store_begin(st, &e), 0);
	CHECK_INT(store_index_put_token(st, 0, key, (size_t)INT_MAX + 1, &e),
	          ERR_DB);
	CHECK(strstr(e.msg, "cannot bind parameter 2") != NULL);
	/* the failure does not stick to the statement or the handle */
	CHECK_INT(store_index_put_token(st, 0, key, 2, &e), 0);
	CHECK_INT(store_commit(st, &e), 0);
	CHECK_INT(store_index_token_id(st, key, 2, &id, &e), 0);
	CHECK_INT(id, 0);
	CHECK_INT(store_index_token_id(st, key, 1, &id, &e), ERR_NOTFOUND);
	store_free(st);
	unit_rm_dir(dir);
}
