#include "export.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "import.h"
#include "out.h"
#include "tmx.h"
#include "xalloc.h"
#include "banned.h"

/* Bytes gathered before a write. */
#define FLUSH_AT 65536

int export_format_parse(const char *s, enum export_format *out)
{
	if (!strcasecmp(s, "tmx"))
		*out = EXPORT_TMX;
	else if (!strcasecmp(s, "tsv"))
		*out = EXPORT_TSV;
	else if (!strcasecmp(s, "jsonl"))
		*out = EXPORT_JSONL;
	else
		return -1;
	return 0;
}

/* A prop, note or attribute of a unit, owned. */
struct item {
	enum store_scope scope;
	struct tmx_item t; /* strings owned */
};

/* A unit of the group being gathered, with its props and origins. */
struct gunit {
	struct store_unit u;
	struct item *items;
	size_t nitems, cap;
};

struct ex {
	struct store *st;
	FILE *out;
	const char *name;
	const struct export_opts *o;
	struct export_report *r;
	struct err *e;
	struct buf b;
	int all_srclang; /* the header says *all*: each <tu> names its own */
	struct gunit *g;
	size_t ng, gcap;
	/* scratch for one <tu> */
	struct tmx_item *ti;
	size_t nti, ticap;
	struct buf dates; /* date strings of the <tu> */
};

static int flush(struct ex *X, int force)
{
	if (!X->b.len || (!force && X->b.len < FLUSH_AT))
		return 0;
	if (fwrite(X->b.data, 1, X->b.len, X->out) != X->b.len)
		return err_set(X->e, ERR_IO, "write error on %s: %s", X->name,
		               strerror(errno ? errno : EIO));
	buf_reset(&X->b);
	return 0;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void item_add(struct gunit *g, enum store_scope scope,
                     enum tmx_kind kind, const char *type, const char *lang,
                     const char *value)
{
	struct item *it;

	XGROW(g->items, g->cap, g->nitems + 1);
	it = &g->items[g->nitems++];
	it->scope = scope;
	it->t.kind = kind;
	it->t.type = dup_or_null(type);
	it->t.lang = dup_or_null(lang);
	it->t.value = xstrdup(value ? value : "");
}

static void group_clear(struct ex *X)
{
	size_t i, j;

	for (i = 0; i < X->ng; i++) {
		struct gunit *g = &X->g[i];

		for (j = 0; j < g->nitems; j++) {
			free((char *)(uintptr_t)g->items[j].t.type);
			free((char *)(uintptr_t)g->items[j].t.lang);
			free((char *)(uintptr_t)g->items[j].t.value);
		}
		free(g->items);
		store_unit_release(&g->u);
	}
	X->ng = 0;
}

static int on_prop(void *ctx, const struct store_prop *p)
{
	struct gunit *g = ctx;
	enum tmx_kind k = p->kind == STORE_NOTE   ? TMX_NOTE
	                  : p->kind == STORE_ATTR ? TMX_ATTR
	                                          : TMX_PROP;

	item_add(g, p->scope, k, p->type, p->lang, p->value);
	return 0;
}

static int on_origin(void *ctx, const struct store_origin_info *o)
{
	struct gunit *g = ctx;
	struct buf v;

	buf_init(&v);
	if (o->position >= 0)
		buf_addf(&v, "%lld %s", o->position, o->document);
	else
		buf_addf(&v, "- %s", o->document);
	item_add(g, STORE_TGT, TMX_PROP, "x-newstm-origin", NULL, v.data);
	buf_release(&v);
	return 0;
}

/* Is an equal item already among ti[0..n)? */
static int have_item(const struct tmx_item *ti, size_t n,
                     const struct tmx_item *it)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct tmx_item *o = &ti[i];

		if (o->kind == it->kind &&
		    !strcmp(o->type ? o->type : "", it->type ? it->type : "") &&
		    !strcmp(o->lang ? o->lang : "", it->lang ? it->lang : "") &&
		    !strcmp(o->value, it->value))
			return 1;
	}
	return 0;
}

static void ti_add(struct ex *X, const struct tmx_item *it)
{
	XGROW(X->ti, X->ticap, X->nti + 1);
	X->ti[X->nti++] = *it;
}

/* The items of scope in every unit of the group, each once. */
static void ti_union(struct ex *X, enum store_scope scope)
{
	size_t i, j;

	for (i = 0; i < X->ng; i++)
		for (j = 0; j < X->g[i].nitems; j++) {
			const struct item *it = &X->g[i].items[j];

			if (it->scope == scope &&
			    !have_item(X->ti, X->nti, &it->t))
				ti_add(X, &it->t);
		}
}

/* Add a TMX attribute whose value lives in X->dates (offsets). */
static void date_attr(struct ex *X, const char *name, int64_t t, size_t *offs,
                      size_t *nattr)
{
	char d[17];

	out_utc_date(d, (time_t)t);
	offs[(*nattr)++] = X->dates.len;
	buf_adds(&X->dates, name);
	buf_addch(&X->dates, '\0');
	buf_adds(&X->dates, d);
	buf_addch(&X->dates, '\0');
}

static int write_group(struct ex *X)
{
	const struct store_unit *first;
	int64_t created = 0, changed = 0, last_used = 0;
	const char *creator = NULL, *changer = NULL;
	long long usage = 0;
	size_t i, j, offs[4], nd = 0;
	char usage_s[24];
	struct tmx_item it;

	if (!X->ng)
		return 0;
	first = &X->g[0].u;
	for (i = 0; i < X->ng; i++) {
		const struct store_unit *u = &X->g[i].u;

		if (u->created && (!created || u->created < created))
			created = u->created;
		if (u->changed && u->changed >= changed) {
			changed = u->changed;
			if (u->changer)
				changer = u->changer;
		}
		if (!creator && u->creator)
			creator = u->creator;
		if (u->usage > usage)
			usage = u->usage;
		if (u->last_used > last_used)
			last_used = u->last_used;
	}
	/* the <tu>: its dates and ids, then what was stored with it */
	X->nti = 0;
	buf_reset(&X->dates);
	if (X->all_srclang) {
		it = (struct tmx_item){TMX_ATTR, "srclang", NULL,
		                       first->src_lang};
		ti_add(X, &it);
	}
	if (created)
		date_attr(X, "creationdate", created, offs, &nd);
	if (changed)
		date_attr(X, "changedate", changed, offs, &nd);
	if (last_used)
		date_attr(X, "lastusagedate", last_used, offs, &nd);
	for (i = 0; i < nd; i++) {
		const char *n = X->dates.data + offs[i];

		it = (struct tmx_item){TMX_ATTR, n, NULL, n + strlen(n) + 1};
		ti_add(X, &it);
	}
	if (creator) {
		it = (struct tmx_item){TMX_ATTR, "creationid", NULL, creator};
		ti_add(X, &it);
	}
	if (changer) {
		it = (struct tmx_item){TMX_ATTR, "changeid", NULL, changer};
		ti_add(X, &it);
	}
	if (usage > 0) {
		snprintf(usage_s, sizeof(usage_s), "%lld", usage);
		it = (struct tmx_item){TMX_ATTR, "usagecount", NULL, usage_s};
		ti_add(X, &it);
	}
	ti_union(X, STORE_TU);
	X->r->replaced += (long long)tmx_write_tu_open(&X->b, X->ti, X->nti);

	/* the source, first */
	X->nti = 0;
	ti_union(X, STORE_SRC);
	X->r->replaced +=
	    (long long)tmx_write_tuv(&X->b, first->src_lang, X->ti, X->nti,
	                             first->source, first->src_markup);

	/* each translation with its own data */
	for (i = 0; i < X->ng; i++) {
		const struct gunit *g = &X->g[i];
		char conf[32];

		X->nti = 0;
		for (j = 0; j < g->nitems; j++)
			if (g->items[j].scope == STORE_TGT)
				ti_add(X, &g->items[j].t);
		if (g->u.confidence >= 0) {
			snprintf(conf, sizeof(conf), "%.4g", g->u.confidence);
			it = (struct tmx_item){TMX_PROP, "x-newstm-confidence",
			                       NULL, conf};
			ti_add(X, &it);
		}
		if (g->u.confirmed) {
			it = (struct tmx_item){TMX_PROP, "x-newstm-confirmed",
			                       NULL, "yes"};
			ti_add(X, &it);
		}
		X->r->replaced += (long long)tmx_write_tuv(
		    &X->b, g->u.tgt_lang, X->ti, X->nti, g->u.target,
		    g->u.tgt_markup);
	}
	tmx_write_tu_close(&X->b);
	X->r->tus++;
	group_clear(X);
	return flush(X, 0);
}

static int tmx_unit(void *ctx, const struct store_unit *u)
{
	struct ex *X = ctx;
	struct gunit *g;
	int rc;

	if (X->ng && (X->g[0].u.src_id != u->src_id ||
	              strcmp(X->g[0].u.src_lang, u->src_lang) != 0))
		if ((rc = write_group(X)) < 0)
			return rc;
	XGROW(X->g, X->gcap, X->ng + 1);
	g = &X->g[X->ng++];
	memset(g, 0, sizeof(*g));
	store_unit_copy(&g->u, u);
	if ((rc = store_each_prop(X->st, u->id, on_prop, g, X->e)) < 0 ||
	    (rc = store_each_origin(X->st, u->id, on_origin, g, X->e)) < 0)
		return rc;
	X->r->units++;
	return 0;
}

/* Gather the source languages of the pairs that pass the filters. */
struct langs {
	const struct export_opts *o;
	char one[64];
	int count;
};

static int on_pair(void *ctx, const char *sl, const char *tl, long long n)
{
	struct langs *l = ctx;

	(void)n;
	if (!import_lang_match(l->o->src_lang, sl) ||
	    !import_lang_match(l->o->tgt_lang, tl))
		return 0;
	if (!l->count) {
		snprintf(l->one, sizeof(l->one), "%s", sl);
		l->count = 1;
	} else if (strcmp(l->one, sl) != 0) {
		l->count = 2;
	}
	return 0;
}

static int on_header_prop(void *ctx, const struct store_prop *p)
{
	struct ex *X = ctx;
	struct tmx_item it;

	it.kind = p->kind == STORE_NOTE ? TMX_NOTE : TMX_PROP;
	it.type = dup_or_null(p->type);
	it.lang = dup_or_null(p->lang);
	it.value = xstrdup(p->value);
	ti_add(X, &it);
	return 0;
}

static int write_tmx(struct ex *X)
{
	struct store_filter f = {X->o->src_lang, X->o->tgt_lang,
	                         X->o->document};
	struct langs l;
	const char *srclang;
	size_t i;
	int rc;

	memset(&l, 0, sizeof(l));
	l.o = X->o;
	if ((rc = store_each_pair(X->st, on_pair, &l, X->e)) < 0)
		return rc;
	srclang = l.count == 1     ? l.one
	          : X->o->src_lang ? X->o->src_lang
	                           : "*all*";
	X->all_srclang = !strcmp(srclang, "*all*");
	X->nti = 0;
	rc = store_each_header_prop(X->st, on_header_prop, X, X->e);
	if (rc == 0)
		X->r->replaced += (long long)tmx_write_header(
		    &X->b, srclang, "newstm",
		    X->o->version ? X->o->version : "0", X->ti, X->nti);
	for (i = 0; i < X->nti; i++) {
		free((char *)(uintptr_t)X->ti[i].type);
		free((char *)(uintptr_t)X->ti[i].lang);
		free((char *)(uintptr_t)X->ti[i].value);
	}
	X->nti = 0;
	if (rc < 0)
		return rc;
	if ((rc = store_each_unit(X->st, &f, tmx_unit, X, X->e)) < 0 ||
	    (rc = write_group(X)) < 0)
		return rc;
	tmx_write_end(&X->b);
	return 0;
}

/* The first origin of a unit, for JSON Lines. */
struct first_origin {
	char *doc;
	long long pos;
};

static int take_first(void *ctx, const struct store_origin_info *o)
{
	struct first_origin *f = ctx;

	f->doc = xstrdup(o->document);
	f->pos = o->position;
	return 1;
}

static int line_unit(void *ctx, const struct store_unit *u)
{
	struct ex *X = ctx;
	struct buf *b = &X->b;
	int rc;

	if (X->o->format == EXPORT_TSV) {
		out_tsv_field(b, u->source, strlen(u->source));
		buf_addch(b, '\t');
		out_tsv_field(b, u->target, strlen(u->target));
		buf_addch(b, '\n');
	} else {
		struct first_origin fo = {NULL, -1};

		if ((rc = store_each_origin(X->st, u->id, take_first, &fo,
		                            X->e)) < 0)
			return rc;
		buf_adds(b, "{\"source\": ");
		out_json_str(b, u->source, strlen(u->source));
		buf_adds(b, ", \"target\": ");
		out_json_str(b, u->target, strlen(u->target));
		buf_adds(b, ", \"src_lang\": ");
		out_json_str(b, u->src_lang, strlen(u->src_lang));
		buf_adds(b, ", \"tgt_lang\": ");
		out_json_str(b, u->tgt_lang, strlen(u->tgt_lang));
		if (u->confidence >= 0)
			buf_addf(b, ", \"confidence\": %.4g", u->confidence);
		else
			buf_adds(b, ", \"confidence\": null");
		buf_addf(b, ", \"confirmed\": %s",
		         u->confirmed ? "true" : "false");
		if (fo.doc) {
			buf_adds(b, ", \"document\": ");
			out_json_str(b, fo.doc, strlen(fo.doc));
			buf_addf(b, ", \"position\": %lld", fo.pos);
		}
		buf_adds(b, "}\n");
		free(fo.doc);
	}
	X->r->units++;
	return flush(X, 0);
}

int export_write(struct store *st, FILE *out, const char *name,
                 const struct export_opts *o, struct export_report *r,
                 struct err *e)
{
	struct store_filter f = {o->src_lang, o->tgt_lang, o->document};
	struct ex X;
	int rc;

	memset(r, 0, sizeof(*r));
	memset(&X, 0, sizeof(X));
	X.st = st;
	X.out = out;
	X.name = name;
	X.o = o;
	X.r = r;
	X.e = e;
	/* an unknown document is an error, before a byte is written */
	if (o->document &&
	    (rc = store_document_find(st, o->document, NULL, e)) < 0)
		return rc;
	buf_init(&X.b);
	buf_init(&X.dates);
	if (o->format == EXPORT_TMX)
		rc = write_tmx(&X);
	else
		rc = store_each_unit(st, &f, line_unit, &X, e);
	if (rc == 0)
		rc = flush(&X, 1);
	if (rc == 0 && (fflush(out) != 0 || ferror(out)))
		rc = err_set(e, ERR_IO, "write error on %s: %s", name,
		             strerror(errno ? errno : EIO));
	group_clear(&X);
	free(X.g);
	free(X.ti);
	buf_release(&X.b);
	buf_release(&X.dates);
	return rc;
}
