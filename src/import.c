#include "import.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "json.h"
#include "lang.h"
#include "norm.h"
#include "out.h"
#include "text.h"
#include "tmindex.h"
#include "tmx.h"
#include "xalloc.h"
#include "banned.h"

/* Longest TSV or JSON line. */
#define LINE_MAX_BYTES ((size_t)16 << 20)
/* Lines looked at to guess the languages of a TSV or JSONL file. */
#define GUESS_LINES 200
#define GUESS_BYTES 65536

const char *import_format_name(enum import_format f)
{
	switch (f) {
	case IMPORT_TMX:
		return "tmx";
	case IMPORT_XLIFF:
		return "xliff";
	case IMPORT_TSV:
		return "tsv";
	case IMPORT_JSONL:
		return "jsonl";
	default:
		return "auto";
	}
}

int import_format_parse(const char *s, enum import_format *out)
{
	static const enum import_format all[] = {
	    IMPORT_AUTO, IMPORT_TMX, IMPORT_XLIFF, IMPORT_TSV, IMPORT_JSONL,
	};
	size_t i;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (!strcasecmp(s, import_format_name(all[i]))) {
			*out = all[i];
			return 0;
		}
	if (!strcasecmp(s, "xlf")) {
		*out = IMPORT_XLIFF;
		return 0;
	}
	return -1;
}

int import_lang_match(const char *filter, const char *tag)
{
	size_t n;

	if (!filter)
		return 1;
	n = strlen(filter);
	return !strncmp(filter, tag, n) && (tag[n] == '\0' || tag[n] == '-');
}

void import_report_init(struct import_report *r)
{
	memset(r, 0, sizeof(*r));
}

void import_report_release(struct import_report *r)
{
	size_t i;

	for (i = 0; i < r->nskips; i++) {
		free(r->skips[i].reason);
		free(r->skips[i].where);
		free(r->skips[i].detail);
	}
	free(r->skips);
	for (i = 0; i < IMPORT_MAX_BAD; i++)
		free(r->bad_msgs[i]);
	memset(r, 0, sizeof(*r));
}

/* The state of one file's import. */
struct imp {
	struct store *st;
	const struct import_opts *o;
	struct import_report *r;
	const char *name; /* for messages and the default document */
	char hdr_srclang[LANG_TAG_MAX];
	long long put;
	/* reused per unit */
	struct store_prop *props;
	size_t nprops, pcap;
	struct store_origin *origins;
	size_t norigins, ocap;
	char (*tags)[LANG_TAG_MAX];
	size_t tcap;
	/* TSV and JSONL */
	char src_lang[LANG_TAG_MAX], tgt_lang[LANG_TAG_MAX];
	int tsv_fields; /* 2 or 3, told by the first line */
	int quiet;      /* looking ahead: bad lines are told on the real pass */
	struct buf a, b, c;
};

/* Count n units skipped for reason; where (may be NULL) is the first. */
static void skip(struct imp *I, const char *reason, long long n,
                 unsigned long line, unsigned long col, const char *detail)
{
	struct import_report *r = I->r;
	struct import_skip *s = NULL;
	size_t i;

	if (n <= 0)
		n = 1;
	for (i = 0; i < r->nskips; i++)
		if (!strcmp(r->skips[i].reason, reason)) {
			s = &r->skips[i];
			break;
		}
	if (!s) {
		struct buf where;

		XGROW(r->skips, r->cap, r->nskips + 1);
		s = &r->skips[r->nskips++];
		s->reason = xstrdup(reason);
		s->count = 0;
		buf_init(&where);
		if (col)
			buf_addf(&where, "%s:%lu:%lu", I->name, line, col);
		else
			buf_addf(&where, "%s:%lu", I->name, line);
		s->where = buf_detach(&where, NULL);
		s->detail = detail && *detail ? xstrdup(detail) : NULL;
	}
	s->count += n;
	r->skipped += n;
	store_batch_skip(I->st, n);
}

/* Keep a bad part's message (skip_bad). */
static void bad(struct imp *I, const char *msg)
{
	if (I->r->bad < IMPORT_MAX_BAD)
		I->r->bad_msgs[I->r->bad] = xstrdup(msg);
	I->r->bad++;
}

/* Is s[0..n) only white space, after a UTF-8 byte order mark? */
static int blank_bytes(const char *s, size_t n)
{
	if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		return norm_blank(s + 3, n - 3);
	return norm_blank(s, n);
}

static void add_prop(struct imp *I, enum store_scope scope,
                     enum store_kind kind, const char *type, const char *lang,
                     const char *value)
{
	struct store_prop *p;

	XGROW(I->props, I->pcap, I->nprops + 1);
	p = &I->props[I->nprops++];
	p->scope = scope;
	p->kind = kind;
	p->type = type;
	p->lang = lang;
	p->value = value;
}

static void add_origin(struct imp *I, const char *doc, long long pos)
{
	XGROW(I->origins, I->ocap, I->norigins + 1);
	I->origins[I->norigins].document = doc;
	I->origins[I->norigins].position = pos;
	I->norigins++;
}

static int put(struct imp *I, struct store_pair *p, struct err *e)
{
	enum store_put_result res;
	int64_t id;
	int rc = store_put(I->st, p, &res, &id, e);

	/* a merged unit's segments are those of a unit indexed before */
	if (rc == 0 && res == STORE_NEW)
		rc = tmindex_put_unit(I->st, id, e);
	if (rc < 0)
		return rc;
	I->put++;
	if (I->o->progress)
		I->o->progress(I->o->progress_ctx, I->put);
	return 0;
}

/* ---- TMX and XLIFF ---- */

/* The TMX attributes that become columns of a unit. */
enum meta_field {
	M_CREATED,
	M_CHANGED,
	M_LASTUSED,
	M_USAGE,
	M_CREATOR,
	M_CHANGER,
	M_COUNT
};
static const char *const meta_names[M_COUNT] = {
    "creationdate", "changedate", "lastusagedate",
    "usagecount",   "creationid", "changeid",
};

struct meta {
	int64_t date[3];
	long long usage;
	const char *id[2];
	int has[M_COUNT];
};

/*
 * Take the meta attributes of props into m where m has none yet; returns
 * a bit per prop index (up to 64) telling which were taken.
 */
static uint64_t take_meta(struct meta *m, const struct tmx_props *props)
{
	uint64_t taken = 0;
	size_t i;
	int k;

	for (i = 0; i < props->n && i < 64; i++) {
		const struct tmx_prop *p = &props->v[i];

		if (p->kind != TMX_ATTR)
			continue;
		for (k = 0; k < M_COUNT; k++)
			if (!strcmp(p->type, meta_names[k]))
				break;
		if (k == M_COUNT || m->has[k])
			continue;
		if (k <= M_LASTUSED) {
			if (tmx_parse_date(p->value, &m->date[k]) < 0)
				continue;
		} else if (k == M_USAGE) {
			char *end;

			errno = 0;
			m->usage = strtoll(p->value, &end, 10);
			if (errno || end == p->value || *end || m->usage < 0)
				continue;
		} else {
			m->id[k - M_CREATOR] = p->value;
		}
		m->has[k] = 1;
		taken |= (uint64_t)1 << i;
	}
	return taken;
}

static enum store_kind kind_of(enum tmx_kind k)
{
	return k == TMX_NOTE   ? STORE_NOTE
	       : k == TMX_ATTR ? STORE_ATTR
	                       : STORE_PROP;
}

static int is_document_prop(const char *type)
{
	static const char *const names[] = {
	    "x-document", "document", "x-filename",    "filename",
	    "x-file",     "file",     "txt::filename",
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcasecmp(type, names[i]))
			return 1;
	return 0;
}

/* Parse "POSITION DOCUMENT" or "- DOCUMENT" of an x-newstm-origin. */
static int parse_origin(const char *v, long long *pos, const char **doc)
{
	char *end;

	if (v[0] == '-' && v[1] == ' ') {
		*pos = -1;
		*doc = v + 2;
		return **doc ? 0 : -1;
	}
	errno = 0;
	*pos = strtoll(v, &end, 10);
	if (errno || end == v || *end != ' ' || *pos < 0 || !end[1])
		return -1;
	*doc = end + 1;
	return 0;
}

/* Which variant is the source?  Returns its index or -1. */
static long find_source(struct imp *I, const struct tmx_unit *u,
                        const char *srclang)
{
	char prim[LANG_TAG_MAX], p2[LANG_TAG_MAX];
	size_t i;

	if (I->o->src_lang) {
		for (i = 0; i < u->ntuv; i++)
			if (I->tags[i][0] &&
			    import_lang_match(I->o->src_lang, I->tags[i]))
				return (long)i;
		return -1;
	}
	if (srclang) {
		for (i = 0; i < u->ntuv; i++)
			if (!strcmp(I->tags[i], srclang))
				return (long)i;
		for (i = 0; i < u->ntuv; i++)
			if (I->tags[i][0] &&
			    import_lang_match(srclang, I->tags[i]))
				return (long)i;
		lang_primary(prim, srclang);
		for (i = 0; i < u->ntuv; i++) {
			lang_primary(p2, I->tags[i]);
			if (I->tags[i][0] && !strcmp(prim, p2))
				return (long)i;
		}
		return -1;
	}
	for (i = 0; i < u->ntuv; i++)
		if (I->tags[i][0])
			return (long)i;
	return -1;
}

static int on_header(void *ctx, const struct tmx_header *h, struct err *e)
{
	struct imp *I = ctx;
	size_t i;
	int rc;

	I->hdr_srclang[0] = '\0';
	if (h->srclang && strcmp(h->srclang, "*all*") != 0 &&
	    lang_normalize(I->hdr_srclang, h->srclang) < 0)
		I->hdr_srclang[0] = '\0';
	for (i = 0; i < h->props.n; i++) {
		const struct tmx_prop *p = &h->props.v[i];

		if (p->kind == TMX_ATTR)
			continue;
		if ((rc = store_header_prop(I->st, kind_of(p->kind), p->type,
		                            p->lang, p->value, e)) < 0)
			return rc;
	}
	return 0;
}

static int on_unit(void *ctx, const struct tmx_unit *u, struct err *e)
{
	struct imp *I = ctx;
	const struct tmx_tuv *src;
	char srclang[LANG_TAG_MAX];
	const char *doc = NULL;
	struct meta tu_meta;
	uint64_t tu_taken;
	long s;
	size_t i, j;
	int rc;

	if (u->skip) {
		skip(I, u->skip, 1, u->line, u->column, NULL);
		return 0;
	}
	if (u->ntuv == 0) {
		skip(I, "no <tuv> in the unit", 1, u->line, u->column, NULL);
		return 0;
	}
	/* the languages, normalised; "" for a variant without a usable one */
	XGROW(I->tags, I->tcap, u->ntuv);
	for (i = 0; i < u->ntuv; i++) {
		const char *l = u->tuv[i].lang;

		if (!l && u->document) /* XLIFF without languages */
			l = i == 0 ? I->o->src_lang : I->o->tgt_lang;
		I->tags[i][0] = '\0';
		if (l && lang_normalize(I->tags[i], l) < 0)
			I->tags[i][0] = '\0';
		if (I->tags[i][0] && !strcmp(I->tags[i], "*all*"))
			I->tags[i][0] = '\0';
	}
	srclang[0] = '\0';
	if (u->srclang && strcmp(u->srclang, "*all*") != 0 &&
	    lang_normalize(srclang, u->srclang) < 0)
		srclang[0] = '\0';
	if (!srclang[0] && I->hdr_srclang[0] && !u->document)
		memcpy(srclang, I->hdr_srclang, sizeof(srclang));
	s = find_source(I, u, srclang[0] ? srclang : NULL);
	if (s < 0) {
		const char *want = I->o->src_lang ? I->o->src_lang : srclang;

		if (!want[0])
			skip(I, "no variant with a valid language", 1, u->line,
			     u->column, u->tuv[0].lang);
		else
			skip(I, "no variant in the source language",
			     (long long)u->ntuv, u->line, u->column, want);
		return 0;
	}
	src = &u->tuv[s];
	if (norm_blank(src->text.data, src->text.len)) {
		skip(I, "empty source segment",
		     u->ntuv > 1 ? (long long)u->ntuv - 1 : 1, src->line,
		     src->column, NULL);
		return 0;
	}
	if (u->ntuv == 1) {
		skip(I, "no translation in the unit", 1, u->line, u->column,
		     NULL);
		return 0;
	}

	memset(&tu_meta, 0, sizeof(tu_meta));
	tu_taken = take_meta(&tu_meta, &u->props);
	for (i = 0; i < u->props.n; i++) {
		const struct tmx_prop *p = &u->props.v[i];

		if (p->kind == TMX_PROP && p->type &&
		    is_document_prop(p->type) && !doc && *p->value)
			doc = p->value;
	}
	if (!doc)
		doc = u->document ? u->document : I->name;

	for (i = 0; i < u->ntuv; i++) {
		const struct tmx_tuv *t = &u->tuv[i];
		struct meta m = tu_meta;
		struct store_pair p;
		uint64_t taken;

		if ((long)i == s)
			continue;
		if (!I->tags[i][0]) {
			skip(I, "bad or missing language code", 1, t->line,
			     t->column, t->lang ? t->lang : "none");
			continue;
		}
		if (!strcmp(I->tags[i], I->tags[s])) {
			skip(I, "second variant in the source language", 1,
			     t->line, t->column, I->tags[i]);
			continue;
		}
		if (!import_lang_match(I->o->tgt_lang, I->tags[i])) {
			char pairname[2 * LANG_TAG_MAX + 8];

			snprintf(pairname, sizeof(pairname), "%s -> %s",
			         I->tags[s], I->tags[i]);
			skip(I, "language pair not asked for", 1, t->line,
			     t->column, pairname);
			continue;
		}
		if (norm_blank(t->text.data, t->text.len)) {
			skip(I, "empty target segment", 1, t->line, t->column,
			     NULL);
			continue;
		}
		memset(&p, 0, sizeof(p));
		p.src_lang = I->tags[s];
		p.tgt_lang = I->tags[i];
		p.source = src->text.data;
		p.target = t->text.data;
		p.src_markup = src->codes ? src->markup.data : NULL;
		p.tgt_markup = t->codes ? t->markup.data : NULL;
		p.confidence = -1;
		p.confirmed = u->confirmed;
		I->nprops = 0;
		I->norigins = 0;
		/* the unit's props, without the attributes taken as columns */
		for (j = 0; j < u->props.n; j++) {
			const struct tmx_prop *q = &u->props.v[j];

			if (j < 64 && (tu_taken >> j & 1))
				continue;
			add_prop(I, STORE_TU, kind_of(q->kind), q->type,
			         q->lang, q->value);
		}
		for (j = 0; j < src->props.n; j++) {
			const struct tmx_prop *q = &src->props.v[j];

			add_prop(I, STORE_SRC, kind_of(q->kind), q->type,
			         q->lang, q->value);
		}
		/* the target's dates fill what the unit does not say */
		taken = take_meta(&m, &t->props);
		for (j = 0; j < t->props.n; j++) {
			const struct tmx_prop *q = &t->props.v[j];

			if (j < 64 && (taken >> j & 1))
				continue;
			if (q->kind == TMX_PROP && q->type &&
			    !strncmp(q->type, "x-newstm-", 9)) {
				const char *d;
				long long pos;

				if (!strcmp(q->type, "x-newstm-confidence")) {
					char *end;
					double c = strtod(q->value, &end);

					if (end != q->value && !*end &&
					    c >= 0 && c <= 1) {
						p.confidence = c;
						continue;
					}
				} else if (!strcmp(q->type,
				                   "x-newstm-confirmed")) {
					p.confirmed = !strcmp(q->value, "yes");
					continue;
				} else if (!strcmp(q->type,
				                   "x-newstm-origin") &&
				           !parse_origin(q->value, &pos, &d)) {
					add_origin(I, d, pos);
					continue;
				}
			}
			add_prop(I, STORE_TGT, kind_of(q->kind), q->type,
			         q->lang, q->value);
		}
		if (!I->norigins)
			add_origin(I, doc, u->index);
		p.origins = I->origins;
		p.norigins = I->norigins;
		p.props = I->props;
		p.nprops = I->nprops;
		p.created = m.has[M_CREATED] ? m.date[M_CREATED] : 0;
		p.changed = m.has[M_CHANGED] ? m.date[M_CHANGED] : 0;
		p.last_used = m.has[M_LASTUSED] ? m.date[M_LASTUSED] : 0;
		p.usage = m.has[M_USAGE] ? m.usage : 0;
		p.creator = m.has[M_CREATOR] ? m.id[0] : NULL;
		p.changer = m.has[M_CHANGER] ? m.id[1] : NULL;
		if ((rc = put(I, &p, e)) < 0)
			return rc;
	}
	return 0;
}

/* ---- reading lines (TSV, JSONL) ---- */

struct instream {
	FILE *f;
	const char *head;
	size_t head_len, pos;
	unsigned long line;
	int bom_checked;
};

/*
 * The next line into b, without its LF (and CR); 1 if there was one, 0 at
 * the end, or an error.
 */
static int next_line(struct imp *I, struct instream *in, struct buf *b,
                     struct err *e)
{
	int c, any = 0;

	buf_reset(b);
	for (;;) {
		if (in->pos < in->head_len)
			c = (unsigned char)in->head[in->pos++];
		else
			c = getc_unlocked(in->f);
		if (c == EOF)
			break;
		any = 1;
		if (c == '\n')
			break;
		if (b->len >= LINE_MAX_BYTES)
			return err_set(e, ERR_LIMIT,
			               "%s:%lu: a line longer than %zu bytes",
			               I->name, in->line + 1, LINE_MAX_BYTES);
		buf_addch(b, c);
	}
	if (ferror(in->f))
		return err_set(e, ERR_IO, "%s: read error: %s", I->name,
		               strerror(errno ? errno : EIO));
	if (!any)
		return 0;
	in->line++;
	if (b->len && b->data[b->len - 1] == '\r')
		buf_truncate(b, b->len - 1);
	if (!in->bom_checked) {
		in->bom_checked = 1;
		if (b->len >= 3 && !memcmp(b->data, "\xEF\xBB\xBF", 3)) {
			memmove(b->data, b->data + 3, b->len - 2);
			b->len -= 3;
		}
	}
	return 1;
}

/* A line's parts, ready to put. */
struct record {
	const char *source, *target; /* NFC, in I->a and I->b */
	double confidence;
	int confirmed;
	long long position;
	const char *document;
	char src_lang[LANG_TAG_MAX], tgt_lang[LANG_TAG_MAX];
};

/* Report a bad line: reject the file, or keep it out (skip_bad). */
static int bad_line(struct imp *I, unsigned long line, size_t col,
                    struct err *e, const char *what)
{
	char msg[600];

	snprintf(msg, sizeof(msg), "%s:%lu:%zu: %s", I->name, line, col + 1,
	         what);
	if (I->quiet)
		return 1;
	if (!I->o->skip_bad)
		return err_set(e, ERR_FORMAT, "%s", msg);
	bad(I, msg);
	return 1;
}

/* Split a TSV line into I->a, I->b (and the confidence). */
static int tsv_record(struct imp *I, const char *s, size_t n,
                      unsigned long line, struct record *r, struct err *e)
{
	const char *f[4] = {NULL, NULL, NULL, NULL};
	size_t len[4] = {0, 0, 0, 0}, k = 0, start = 0, i, bad_at;
	char *end;

	if (!text_utf8_valid(s, n, &bad_at))
		return bad_line(I, line, bad_at, e, "invalid UTF-8");
	for (i = 0; i <= n && k < 4; i++)
		if (i == n || s[i] == '\t') {
			f[k] = s + start;
			len[k] = i - start;
			k++;
			start = i + 1;
		}
	if (!I->tsv_fields) {
		I->tsv_fields = 2;
		if (k == 3) {
			errno = 0;
			strtod(f[0], &end);
			if (end == f[0] + len[0] && len[0])
				I->tsv_fields = 3;
		}
	}
	if ((int)k != I->tsv_fields || i <= n) {
		char what[128];

		snprintf(what, sizeof(what),
		         "expected %d tab-separated fields, found %zu%s",
		         I->tsv_fields, k, i <= n ? " or more" : "");
		return bad_line(I, line, 0, e, what);
	}
	r->confidence = -1;
	if (k == 3) {
		char num[64];

		snprintf(num, sizeof(num), "%.*s",
		         (int)(len[0] < 63 ? len[0] : 63), f[0]);
		r->confidence = strtod(num, &end);
		if (end == num || *end || !(r->confidence >= 0) ||
		    r->confidence > 1)
			return bad_line(I, line, 0, e,
			                "the confidence is not a number "
			                "from 0 to 1");
		f[0] = f[1], len[0] = len[1];
		f[1] = f[2], len[1] = len[2];
	}
	buf_reset(&I->c);
	out_tsv_unescape(&I->c, f[0], len[0]);
	buf_reset(&I->a);
	norm_nfc(&I->a, I->c.data, I->c.len);
	buf_reset(&I->c);
	out_tsv_unescape(&I->c, f[1], len[1]);
	buf_reset(&I->b);
	norm_nfc(&I->b, I->c.data, I->c.len);
	if (memchr(I->a.data, '\0', I->a.len) ||
	    memchr(I->b.data, '\0', I->b.len))
		return bad_line(I, line, 0, e, "a NUL character in a text");
	r->source = I->a.data;
	r->target = I->b.data;
	return 0;
}

struct jctx {
	struct imp *I;
	struct record *r;
	int have_src, have_tgt;
	const char *problem;
};

static int json_field(void *ctx, const struct json_field *f)
{
	struct jctx *j = ctx;
	struct imp *I = j->I;

	if (!strcmp(f->key, "source") || !strcmp(f->key, "target")) {
		int tgt = f->key[0] == 't';
		struct buf *dst = tgt ? &I->b : &I->a;

		if (f->type != JSON_STRING) {
			j->problem = tgt ? "\"target\" is not a string"
			                 : "\"source\" is not a string";
			return 1;
		}
		if (memchr(f->str, '\0', f->len)) {
			j->problem = "a NUL character in a text";
			return 1;
		}
		buf_reset(dst);
		norm_nfc(dst, f->str, f->len);
		if (tgt)
			j->have_tgt = 1;
		else
			j->have_src = 1;
	} else if (!strcmp(f->key, "confidence")) {
		if (f->type == JSON_NULL)
			return 0;
		if (f->type != JSON_NUMBER || !(f->num >= 0) || f->num > 1) {
			j->problem = "\"confidence\" is not a number from 0 "
			             "to 1";
			return 1;
		}
		j->r->confidence = f->num;
	} else if (!strcmp(f->key, "src") || !strcmp(f->key, "position")) {
		if ((f->type == JSON_ARRAY && f->numbers && f->count) ||
		    (f->type == JSON_NUMBER && f->num >= 0))
			j->r->position = (long long)f->num;
	} else if (!strcmp(f->key, "src_lang") || !strcmp(f->key, "tgt_lang")) {
		char *dst = f->key[0] == 's' ? j->r->src_lang : j->r->tgt_lang;

		if (f->type == JSON_STRING &&
		    (memchr(f->str, '\0', f->len) ||
		     lang_normalize(dst, f->str) < 0)) {
			j->problem = "a bad language code";
			return 1;
		}
	} else if (!strcmp(f->key, "document")) {
		if (f->type == JSON_NULL)
			return 0;
		if (f->type != JSON_STRING || memchr(f->str, '\0', f->len)) {
			j->problem = "\"document\" is not a string";
			return 1;
		}
		if (f->len) {
			buf_reset(&I->c);
			buf_add(&I->c, f->str, f->len);
			j->r->document = I->c.data;
		}
	} else if (!strcmp(f->key, "confirmed")) {
		if (f->type == JSON_NULL)
			return 0;
		if (f->type != JSON_BOOL) {
			j->problem = "\"confirmed\" is not true or false";
			return 1;
		}
		j->r->confirmed = f->boolean;
	}
	return 0;
}

static int jsonl_record(struct imp *I, const char *s, size_t n,
                        unsigned long line, struct record *r, struct err *e)
{
	struct jctx j;
	const char *what = NULL;
	size_t where = 0;
	int rc;

	memset(&j, 0, sizeof(j));
	j.I = I;
	j.r = r;
	r->confidence = -1;
	rc = json_object_each(s, n, json_field, &j, &where, &what);
	if (what)
		return bad_line(I, line, where, e, what);
	if (rc || j.problem)
		return bad_line(I, line, 0, e, j.problem);
	if (!j.have_src || !j.have_tgt)
		return bad_line(I, line, 0, e,
		                "an object without \"source\" and \"target\"");
	r->source = I->a.data;
	r->target = I->b.data;
	return 0;
}

/* Parse one line of the file into r: 0, 1 (bad, skipped) or an error. */
static int record_of(struct imp *I, enum import_format fmt, struct buf *l,
                     unsigned long line, struct record *r, struct err *e)
{
	memset(r, 0, sizeof(*r));
	r->position = -2; /* not told: the line's number */
	if (fmt == IMPORT_TSV)
		return tsv_record(I, l->data, l->len, line, r, e);
	return jsonl_record(I, l->data, l->len, line, r, e);
}

static int put_record(struct imp *I, const struct record *r, long long nth,
                      unsigned long line, struct err *e)
{
	struct store_pair p;
	const char *sl = r->src_lang[0] ? r->src_lang : I->src_lang;
	const char *tl = r->tgt_lang[0] ? r->tgt_lang : I->tgt_lang;

	if (!import_lang_match(I->o->src_lang, sl) ||
	    !import_lang_match(I->o->tgt_lang, tl)) {
		char pairname[2 * LANG_TAG_MAX + 8];

		snprintf(pairname, sizeof(pairname), "%s -> %s", sl, tl);
		skip(I, "language pair not asked for", 1, line, 0, pairname);
		return 0;
	}
	if (norm_blank(r->source, strlen(r->source)) ||
	    norm_blank(r->target, strlen(r->target))) {
		skip(I, "empty segment (a sentence without a counterpart?)", 1,
		     line, 0, NULL);
		return 0;
	}
	memset(&p, 0, sizeof(p));
	p.src_lang = sl;
	p.tgt_lang = tl;
	p.source = r->source;
	p.target = r->target;
	p.confidence = r->confidence;
	p.confirmed = r->confirmed;
	I->norigins = 0;
	add_origin(I, r->document ? r->document : I->name,
	           r->position >= -1 ? r->position : nth);
	p.origins = I->origins;
	p.norigins = 1;
	return put(I, &p, e);
}

/*
 * The languages of a TSV or JSONL file without them: guessed from the
 * texts of the first lines (lines holds them, already read).
 */
static int guess_langs(struct imp *I, enum import_format fmt, struct buf *lines,
                       size_t n, unsigned long first_line, struct err *e)
{
	struct buf src, tgt;
	struct record r;
	size_t i;
	const char *gs, *gt;
	int rc = 0;

	buf_init(&src);
	buf_init(&tgt);
	I->quiet = 1;
	for (i = 0; i < n; i++) {
		if (!lines[i].len)
			continue;
		if (record_of(I, fmt, &lines[i], first_line + i, &r, e) != 0)
			continue;
		buf_adds(&src, r.source);
		buf_addch(&src, '\n');
		buf_adds(&tgt, r.target);
		buf_addch(&tgt, '\n');
	}
	I->quiet = 0;
	gs = lang_guess(src.data, src.len);
	gt = lang_guess(tgt.data, tgt.len);
	if (!I->src_lang[0])
		snprintf(I->src_lang, sizeof(I->src_lang), "%s", gs);
	if (!I->tgt_lang[0])
		snprintf(I->tgt_lang, sizeof(I->tgt_lang), "%s", gt);
	if (!strcmp(I->src_lang, "und") || !strcmp(I->tgt_lang, "und"))
		rc = err_set(e, ERR_FORMAT,
		             "%s: cannot tell the languages (guessed %s -> "
		             "%s): give --src-lang and --tgt-lang",
		             I->name, I->src_lang, I->tgt_lang);
	buf_release(&src);
	buf_release(&tgt);
	return rc;
}

/* Does a JSONL file name its languages on its first line? */
static int json_has_langs(struct imp *I, struct buf *l, unsigned long line)
{
	struct record r;
	int ok;

	I->quiet = 1;
	ok = record_of(I, IMPORT_JSONL, l, line, &r, NULL) == 0 &&
	     r.src_lang[0] && r.tgt_lang[0];
	I->quiet = 0;
	return ok;
}

static int read_lines(struct imp *I, enum import_format fmt,
                      struct instream *in, struct err *e)
{
	struct buf early[GUESS_LINES], line;
	size_t nearly = 0, bytes = 0, i;
	unsigned long first = 0;
	long long nth = 0, lines = 0;
	struct record r;
	int rc = 0;

	buf_init(&line);
	if (I->o->src_lang)
		snprintf(I->src_lang, sizeof(I->src_lang), "%s",
		         I->o->src_lang);
	if (I->o->tgt_lang)
		snprintf(I->tgt_lang, sizeof(I->tgt_lang), "%s",
		         I->o->tgt_lang);
	/* read ahead to guess the languages the options do not give */
	if (!I->src_lang[0] || !I->tgt_lang[0]) {
		while (nearly < GUESS_LINES && bytes < GUESS_BYTES) {
			buf_init(&early[nearly]);
			rc = next_line(I, in, &early[nearly], e);
			if (rc <= 0) {
				buf_release(&early[nearly]);
				break;
			}
			if (!first)
				first = in->line;
			bytes += early[nearly].len;
			nearly++;
		}
		if (rc < 0)
			goto out;
		if (fmt == IMPORT_JSONL && nearly &&
		    json_has_langs(I, &early[0], first)) {
			/* each line says; a guess only fills the gaps */
			if (!I->src_lang[0])
				snprintf(I->src_lang, sizeof(I->src_lang),
				         "und");
			if (!I->tgt_lang[0])
				snprintf(I->tgt_lang, sizeof(I->tgt_lang),
				         "und");
		} else if (nearly && (rc = guess_langs(I, fmt, early, nearly,
		                                       first, e)) < 0) {
			goto out;
		}
	}
	for (i = 0;; i++) {
		struct buf *l;
		unsigned long lineno;

		if (i < nearly) {
			l = &early[i];
			lineno = first + i;
		} else {
			rc = next_line(I, in, &line, e);
			if (rc <= 0)
				break;
			l = &line;
			lineno = in->line;
		}
		if (norm_blank(l->data, l->len))
			continue;
		lines++;
		rc = record_of(I, fmt, l, lineno, &r, e);
		if (rc < 0)
			goto out;
		if (rc == 0 && (rc = put_record(I, &r, nth, lineno, e)) < 0)
			goto out;
		nth++;
	}
	if (rc >= 0 && !lines) /* blank lines only, beyond the first bytes */
		rc =
		    err_set(e, ERR_EMPTY, "%s: empty input (no text)", I->name);
out:
	for (i = 0; i < nearly; i++)
		buf_release(&early[i]);
	buf_release(&line);
	return rc < 0 ? rc : 0;
}

/* ---- the file ---- */

static enum import_format by_extension(const char *path)
{
	static const struct {
		const char *ext;
		enum import_format f;
	} map[] = {
	    {".tmx", IMPORT_TMX},       {".xlf", IMPORT_XLIFF},
	    {".xliff", IMPORT_XLIFF},   {".sdlxliff", IMPORT_XLIFF},
	    {".mqxliff", IMPORT_XLIFF}, {".tsv", IMPORT_TSV},
	    {".tab", IMPORT_TSV},       {".jsonl", IMPORT_JSONL},
	    {".ndjson", IMPORT_JSONL},
	};
	const char *dot = strrchr(path, '.');
	size_t i;

	if (!dot || strchr(dot, '/'))
		return IMPORT_AUTO;
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcasecmp(dot, map[i].ext))
			return map[i].f;
	return IMPORT_AUTO;
}

/* Tell the format from the first bytes. */
static enum import_format by_content(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	if (n >= 2 &&
	    ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
		return IMPORT_TMX; /* UTF-16: XML, the root will tell */
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		i = 3;
	while (i < n &&
	       (u[i] == ' ' || u[i] == '\t' || u[i] == '\r' || u[i] == '\n'))
		i++;
	if (i < n && u[i] == '<')
		return IMPORT_TMX;
	if (i < n && u[i] == '{')
		return IMPORT_JSONL;
	return IMPORT_TSV;
}

int import_file(struct store *st, const char *path, const struct import_opts *o,
                struct import_report *r, struct err *e)
{
	static const struct tmx_callbacks cb = {on_header, on_unit};
	struct store_batch batch;
	struct instream in;
	enum import_format fmt = o->format;
	char head[4096];
	size_t head_len;
	struct imp I;
	FILE *f;
	int rc, is_stdin = !strcmp(path, "-");

	memset(&I, 0, sizeof(I));
	I.st = st;
	I.o = o;
	I.r = r;
	I.name = is_stdin ? "stdin" : path;
	buf_init(&I.a);
	buf_init(&I.b);
	buf_init(&I.c);
	f = is_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return err_set(e, ERR_IO, "%s: cannot open: %s", path,
		               strerror(errno));
	head_len = fread(head, 1, sizeof(head), f);
	if (ferror(f)) {
		rc = err_set(e, ERR_IO, "%s: cannot read: %s", I.name,
		             strerror(errno ? errno : EIO));
		goto out;
	}
	/* nothing but white space: an error, and no batch is recorded */
	if (head_len < sizeof(head) && blank_bytes(head, head_len)) {
		rc = err_set(e, ERR_EMPTY, "%s: empty input (no text)", I.name);
		goto out;
	}
	if (fmt == IMPORT_AUTO && !is_stdin)
		fmt = by_extension(path);
	if (fmt == IMPORT_AUTO)
		fmt = by_content(head, head_len);
	r->format = fmt;
	batch.command = "import";
	batch.source = I.name;
	batch.format = import_format_name(fmt);
	if ((rc = store_batch_begin(st, &batch, &r->batch, e)) < 0)
		goto out;
	if (fmt == IMPORT_TMX || fmt == IMPORT_XLIFF) {
		unsigned accept = o->format == IMPORT_TMX ? TMX_ACCEPT_TMX
		                  : o->format == IMPORT_XLIFF
		                      ? TMX_ACCEPT_XLIFF
		                      : TMX_ACCEPT_TMX | TMX_ACCEPT_XLIFF;

		rc = tmx_read(f, head, head_len, I.name, accept, &cb, &I, e);
		if (rc < 0 && rc != ERR_DB && o->skip_bad && I.put > 0) {
			bad(&I, e->msg);
			r->cut_short = 1;
			rc = 0;
		}
	} else {
		memset(&in, 0, sizeof(in));
		in.f = f;
		in.head = head;
		in.head_len = head_len;
		rc = read_lines(&I, fmt, &in, e);
	}
	if (rc < 0) {
		store_batch_abort(st);
		goto out;
	}
	store_batch_counts(st, &r->counts);
	rc = store_batch_commit(st, e);
out:
	if (!is_stdin)
		fclose(f);
	free(I.props);
	free(I.origins);
	free(I.tags);
	buf_release(&I.a);
	buf_release(&I.b);
	buf_release(&I.c);
	return rc;
}
