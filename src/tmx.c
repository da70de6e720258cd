#include "tmx.h"

#include <stdlib.h>
#include <string.h>

#include "norm.h"
#include "out.h"
#include "xalloc.h"
#include "xml.h"
#include "banned.h"

/* ---- props and variants ---- */

static void props_add(struct tmx_props *l, enum tmx_kind kind, const char *type,
                      const char *lang, const char *value)
{
	struct tmx_prop *p;

	XGROW(l->v, l->cap, l->n + 1);
	p = &l->v[l->n++];
	p->kind = kind;
	p->type = type ? xstrdup(type) : NULL;
	p->lang = lang ? xstrdup(lang) : NULL;
	p->value = xstrdup(value ? value : "");
}

static void props_clear(struct tmx_props *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].type);
		free(l->v[i].lang);
		free(l->v[i].value);
	}
	l->n = 0;
}

static void props_free(struct tmx_props *l)
{
	props_clear(l);
	free(l->v);
	l->v = NULL;
	l->cap = 0;
}

static void tuv_init(struct tmx_tuv *t)
{
	memset(t, 0, sizeof(*t));
	buf_init(&t->text);
	buf_init(&t->markup);
	t->text.max = TMX_MAX_TEXT;
	t->markup.max = 2 * TMX_MAX_TEXT;
}

static void tuv_release(struct tmx_tuv *t)
{
	free(t->lang);
	buf_release(&t->text);
	buf_release(&t->markup);
	props_free(&t->props);
	memset(t, 0, sizeof(*t));
}

/* ---- where text goes ---- */

enum ie_kind {
	IE_TMX,     /* a TMX inline element, written as it is */
	IE_PAIRED,  /* an XLIFF <g>/<pc>: a bpt at its start, an ept at its end
	             */
	IE_NOTHING, /* written whole at its start (<x/> ...), or transparent */
};

struct ielem {
	enum ie_kind kind;
	char name[8];     /* the TMX element written, for IE_TMX */
	int pending;      /* its start tag still lacks the closing '>' */
	int code;         /* it holds native code, not text */
	int i;            /* IE_PAIRED: the i of its bpt and ept */
	char *native_end; /* IE_PAIRED: the native end tag */
};

#define SINK_DEPTH 64

/*
 * A variant being filled: the element depth it started at, its open
 * inline elements and the text not yet added (kept so that it can be
 * normalised to NFC in one piece).
 */
struct sink {
	struct tmx_tuv *tuv;
	int base;
	struct ielem stack[SINK_DEPTH];
	int depth;
	int overflow; /* elements nested deeper than SINK_DEPTH, flattened */
	int code;     /* open elements that hold native code */
	int next_i;   /* for bpt without i and XLIFF pairs */
	int pairs[SINK_DEPTH];
	int npairs;
	struct buf run;
};

/* ---- the parser's state ---- */

enum root { R_NONE, R_TMX, R_XLIFF1, R_XLIFF2 };

enum tag {
	T_OTHER,
	T_TMX,
	T_HEADER,
	T_BODY,
	T_TU,
	T_TUV,
	T_SEG,
	T_PROP,
	T_NOTE,
	T_XLIFF,
	T_FILE,
	T_TRANS_UNIT,
	T_SOURCE,
	T_SEG_SOURCE,
	T_TARGET,
	T_UNIT,
	T_SEGMENT,
	T_MRK_SEG,
	T_SKIPPED,
};

/* An XLIFF segment marked inside <seg-source> or <target>. */
struct xseg {
	char *mid;
	struct tmx_tuv tuv;
};

struct xsegs {
	struct xseg *v;
	size_t n, cap;
};

struct parse {
	const struct tmx_callbacks *cb;
	void *ctx;
	unsigned accept;
	enum root root;
	int depth;
	enum tag tag[XML_MAX_DEPTH + 2];
	int skip; /* depth of an element whose content is ignored; 0 none */

	/* the file */
	struct tmx_header h;
	char *version, *srclang, *tgtlang, *tool;

	/* the unit */
	int in_unit;
	struct tmx_tuv *tuv;
	size_t ntuv, tuvcap;
	struct tmx_props props;
	char *unit_srclang;
	long long index;
	unsigned long line, column;

	/* text of the variants being read */
	struct sink sink[2];
	int nsinks;
	struct buf nfc; /* scratch */

	/* a prop or note being read */
	int field;
	enum tmx_kind field_kind;
	char *field_type, *field_lang;
	struct buf field_text;
	struct tmx_props *field_dest;

	/* XLIFF */
	char *original;
	char *skip_reason;
	int confirmed;
	struct tmx_tuv xsrc, xtgt;
	int have_src, have_tgt;
	char *tgt_lang_attr;
	struct xsegs src_segs, tgt_segs;
	struct tmx_props unit_notes;
};

static const char *local(const char *name)
{
	const char *c = strrchr(name, ':');

	return c ? c + 1 : name;
}

/* The value of attribute name, or NULL.  "lang" also finds "xml:lang". */
static const char *attr(const char **attrs, const char *name)
{
	size_t i;

	for (i = 0; attrs && attrs[i]; i += 2)
		if (!strcmp(attrs[i], name))
			return attrs[i + 1];
	if (!strcmp(name, "lang"))
		return attr(attrs, "xml:lang");
	return NULL;
}

/* The language of an element: xml:lang (TMX 1.4) or lang (TMX 1.1). */
/*
 * An XLIFF 1.2 target that a tool proposed and nobody has reviewed: its
 * state asks for review and its state-qualifier says it came from a
 * memory (fuzzy or leveraged) or machine translation, as `newstm
 * pretranslate` writes them.  Stored, it would come back as a match.
 */
static int unreviewed(const char *state, const char **attrs)
{
	static const char *const from[] = {
	    "fuzzy-match",          "leveraged-tm",  "leveraged-mt",
	    "mt-suggestion",        "tm-suggestion", "leveraged-inherited",
	    "leveraged-repository",
	};
	const char *q = attr(attrs, "state-qualifier");
	size_t k;

	if (strncmp(state, "needs-review", 12) != 0 || !q)
		return 0;
	for (k = 0; k < sizeof(from) / sizeof(from[0]); k++)
		if (!strcmp(q, from[k]))
			return 1;
	return 0;
}

static const char *lang_attr(const char **attrs)
{
	const char *v = attr(attrs, "xml:lang");

	return v ? v : attr(attrs, "lang");
}

static void set_str(char **dst, const char *v)
{
	free(*dst);
	*dst = v ? xstrdup(v) : NULL;
}

/* ---- writing into a sink ---- */

static void sink_open(struct sink *s, struct tmx_tuv *t, int base)
{
	memset(s->stack, 0, sizeof(s->stack));
	s->tuv = t;
	s->base = base;
	s->depth = 0;
	s->overflow = 0;
	s->code = 0;
	s->next_i = 1;
	s->npairs = 0;
	buf_reset(&s->run);
}

/* Close the '>' of the innermost start tag before anything goes in it. */
static void sink_settle(struct sink *s)
{
	if (s->depth && s->stack[s->depth - 1].pending) {
		buf_addch(&s->tuv->markup, '>');
		s->stack[s->depth - 1].pending = 0;
	}
}

static int sink_flush(struct parse *P, struct sink *s, struct xml_reader *r,
                      struct err *e)
{
	if (!s->run.len)
		return 0;
	buf_reset(&P->nfc);
	norm_nfc(&P->nfc, s->run.data, s->run.len);
	buf_reset(&s->run);
	if (!s->code)
		buf_add(&s->tuv->text, P->nfc.data, P->nfc.len);
	sink_settle(s);
	out_xml_text(&s->tuv->markup, P->nfc.data, P->nfc.len, 0);
	if (s->tuv->text.overflow || s->tuv->markup.overflow)
		return xml_error(r, e, ERR_LIMIT,
		                 "a segment longer than %zu bytes",
		                 (size_t)TMX_MAX_TEXT);
	return 0;
}

/* Append ' name="value"' to the markup. */
static void put_attr(struct buf *b, const char *name, const char *value)
{
	buf_addf(b, " %s=\"", name);
	out_xml_text(b, value, strlen(value), 1);
	buf_addch(b, '"');
}

/* The attributes the TMX 1.4 DTD allows on each inline element. */
static const struct inline_def {
	const char *name;
	int code;
	const char *attrs[4];
	const char *children; /* allowed child elements, space-separated */
} inline_defs[] = {
    {"bpt", 1, {"i", "x", "type", NULL}, "sub"},
    {"ept", 1, {"i", NULL}, "sub"},
    {"it", 1, {"pos", "x", "type", NULL}, "sub"},
    {"ph", 1, {"x", "assoc", "type", NULL}, "sub"},
    {"ut", 1, {"x", NULL}, "sub"},
    {"hi", 0, {"x", "type", NULL}, "bpt ept it ph hi ut"},
    {"sub", 0, {"datatype", "type", NULL}, "bpt ept it ph hi ut"},
};

#define NINLINE (sizeof(inline_defs) / sizeof(inline_defs[0]))

static const struct inline_def *inline_def(const char *name)
{
	size_t i;

	for (i = 0; i < NINLINE; i++)
		if (!strcmp(inline_defs[i].name, name))
			return &inline_defs[i];
	return NULL;
}

/* May a TMX element child stand where s is now? */
static int allowed_here(const struct sink *s, const char *child)
{
	const char *list = "bpt ept ph it hi ut"; /* <seg> */
	const char *p;
	size_t n = strlen(child);
	int k;

	for (k = s->depth - 1; k >= 0; k--)
		if (s->stack[k].kind == IE_TMX) {
			list = inline_def(s->stack[k].name)->children;
			break;
		}
	for (p = list; (p = strstr(p, child)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return 1;
	return 0;
}

static struct ielem *sink_push(struct sink *s, enum ie_kind kind)
{
	struct ielem *x;

	if (s->depth >= SINK_DEPTH)
		return NULL;
	x = &s->stack[s->depth++];
	memset(x, 0, sizeof(*x));
	x->kind = kind;
	return x;
}

/* Open a TMX inline element with the allowed and required attributes. */
static void open_tmx(struct sink *s, const struct inline_def *d,
                     const char **attrs, const char *i_value)
{
	struct buf *m = &s->tuv->markup;
	struct ielem *x;
	size_t k;
	char num[24];

	sink_settle(s);
	x = sink_push(s, IE_TMX);
	if (!x)
		return;
	snprintf(x->name, sizeof(x->name), "%s", d->name);
	x->code = d->code;
	x->pending = 1;
	s->code += d->code;
	s->tuv->codes = 1;
	buf_addf(m, "<%s", d->name);
	for (k = 0; d->attrs[k]; k++) {
		const char *a = d->attrs[k];
		const char *v = attr(attrs, a);

		if (!strcmp(a, "i")) {
			if (i_value)
				v = i_value;
			if (!v && !strcmp(d->name, "bpt")) {
				snprintf(num, sizeof(num), "%d", s->next_i++);
				v = num;
			} else if (!v) { /* an ept: the last open bpt */
				snprintf(num, sizeof(num), "%d",
				         s->npairs ? s->pairs[s->npairs - 1]
				                   : s->next_i++);
				v = num;
			}
			if (!strcmp(d->name, "bpt") && s->npairs < SINK_DEPTH)
				s->pairs[s->npairs++] = atoi(v);
			else if (s->npairs &&
			         atoi(v) == s->pairs[s->npairs - 1])
				s->npairs--;
		} else if (!strcmp(a, "pos")) {
			if (!v ||
			    (strcmp(v, "begin") != 0 && strcmp(v, "end") != 0))
				v = v && (!strcmp(v, "close") ||
				          !strcmp(v, "end"))
				        ? "end"
				        : "begin";
		}
		if (v)
			put_attr(m, a, v);
	}
}

/* The native code of an XLIFF element: its start tag as written. */
static void native_tag(struct buf *b, const char *name, const char **attrs,
                       int empty)
{
	size_t i;

	buf_addf(b, "<%s", name);
	for (i = 0; attrs && attrs[i]; i += 2)
		put_attr(b, attrs[i], attrs[i + 1]);
	buf_adds(b, empty ? "/>" : ">");
}

/* Write a whole TMX code element holding native code. */
static void put_code(struct sink *s, const char *elem, const char *attrs,
                     const char *native, size_t n)
{
	struct buf *m = &s->tuv->markup;

	sink_settle(s);
	s->tuv->codes = 1;
	buf_addf(m, "<%s%s>", elem, attrs);
	out_xml_text(m, native, n, 0);
	buf_addf(m, "</%s>", elem);
}

/* An element starts inside a segment. */
static void sink_start(struct parse *P, struct sink *s, const char *name,
                       const char **attrs)
{
	const char *ln = local(name);
	const struct inline_def *d;
	struct buf native;
	struct ielem *x;
	char at[48];

	if (s->depth >= SINK_DEPTH) {
		s->overflow++;
		return;
	}
	if (P->root == R_TMX) {
		d = inline_def(name);
		if (d && allowed_here(s, d->name))
			open_tmx(s, d, attrs, NULL);
		else
			sink_push(s, IE_NOTHING); /* flattened */
		return;
	}
	buf_init(&native);
	if ((P->root == R_XLIFF1 && !strcmp(ln, "g")) ||
	    (P->root == R_XLIFF2 && !strcmp(ln, "pc"))) {
		if (!allowed_here(s, "bpt")) {
			sink_push(s, IE_NOTHING);
			return;
		}
		native_tag(&native, name, attrs, 0);
		x = sink_push(s, IE_PAIRED);
		if (!x) {
			buf_release(&native);
			return;
		}
		x->i = s->next_i++;
		snprintf(at, sizeof(at), " i=\"%d\"", x->i);
		put_code(s, "bpt", at, native.data, native.len);
		buf_reset(&native);
		buf_addf(&native, "</%s>", name);
		x->native_end = buf_detach(&native, NULL);
	} else if ((P->root == R_XLIFF1 &&
	            (!strcmp(ln, "x") || !strcmp(ln, "bx") ||
	             !strcmp(ln, "ex"))) ||
	           (P->root == R_XLIFF2 &&
	            (!strcmp(ln, "ph") || !strcmp(ln, "sc") ||
	             !strcmp(ln, "ec")))) {
		const char *elem = "ph", *pos = "";

		if (!strcmp(ln, "bx") || !strcmp(ln, "sc"))
			elem = "it", pos = " pos=\"begin\"";
		else if (!strcmp(ln, "ex") || !strcmp(ln, "ec"))
			elem = "it", pos = " pos=\"end\"";
		sink_push(s, IE_NOTHING);
		if (allowed_here(s, elem)) {
			native_tag(&native, name, attrs, 1);
			put_code(s, elem, pos, native.data, native.len);
		}
	} else if (P->root == R_XLIFF1 && (d = inline_def(ln)) != NULL &&
	           strcmp(ln, "hi") != 0 && strcmp(ln, "ut") != 0 &&
	           allowed_here(s, ln)) {
		/* XLIFF 1.2 bpt, ept, it, ph, sub: the TMX ones */
		const char *id = attr(attrs, "id");
		const char *pos = attr(attrs, "pos");
		const char *tmx_attrs[8] = {NULL};
		int k = 0;

		if (!strcmp(ln, "it")) {
			tmx_attrs[k++] = "pos";
			tmx_attrs[k++] =
			    pos && !strcmp(pos, "close") ? "end" : "begin";
		} else if (!strcmp(ln, "ph") && id) {
			tmx_attrs[k++] = "x";
			tmx_attrs[k++] = id;
		}
		tmx_attrs[k] = NULL;
		open_tmx(s, d, tmx_attrs,
		         !strcmp(ln, "bpt") || !strcmp(ln, "ept") ? id : NULL);
	} else if (P->root == R_XLIFF2 && !strcmp(ln, "cp")) {
		const char *hex = attr(attrs, "hex");
		long cp = hex ? strtol(hex, NULL, 16) : 0;

		sink_push(s, IE_NOTHING);
		if (cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF))
			norm_add(&s->run, (int32_t)cp);
	} else {
		sink_push(s, IE_NOTHING); /* mrk, sm, em, unknown: text only */
	}
	buf_release(&native);
}

static void sink_end(struct sink *s)
{
	struct ielem *x;

	if (s->overflow) {
		s->overflow--;
		return;
	}
	if (!s->depth)
		return;
	x = &s->stack[--s->depth];
	if (x->kind == IE_TMX) {
		if (x->pending)
			buf_adds(&s->tuv->markup, "/>");
		else
			buf_addf(&s->tuv->markup, "</%s>", x->name);
		s->code -= x->code;
	} else if (x->kind == IE_PAIRED) {
		char at[48];

		snprintf(at, sizeof(at), " i=\"%d\"", x->i);
		put_code(s, "ept", at, x->native_end, strlen(x->native_end));
		free(x->native_end);
		x->native_end = NULL;
	}
}

/* Finish a variant: close what is open, drop markup without codes. */
static int sink_close(struct parse *P, struct sink *s, struct xml_reader *r,
                      struct err *e)
{
	int rc = sink_flush(P, s, r, e);

	while (s->depth)
		sink_end(s);
	if (!s->tuv->codes)
		buf_reset(&s->tuv->markup);
	return rc;
}

/* ---- units ---- */

static struct tmx_tuv *new_tuv(struct parse *P)
{
	struct tmx_tuv *t;

	XGROW(P->tuv, P->tuvcap, P->ntuv + 1);
	t = &P->tuv[P->ntuv++];
	tuv_init(t);
	return t;
}

static void unit_reset(struct parse *P)
{
	size_t i;

	for (i = 0; i < P->ntuv; i++)
		tuv_release(&P->tuv[i]);
	P->ntuv = 0;
	props_clear(&P->props);
	set_str(&P->unit_srclang, NULL);
	P->in_unit = 0;
}

static void xsegs_clear(struct xsegs *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].mid);
		tuv_release(&l->v[i].tuv);
	}
	l->n = 0;
}

static void xliff_reset(struct parse *P)
{
	tuv_release(&P->xsrc);
	tuv_release(&P->xtgt);
	tuv_init(&P->xsrc);
	tuv_init(&P->xtgt);
	P->have_src = P->have_tgt = 0;
	set_str(&P->skip_reason, NULL);
	set_str(&P->tgt_lang_attr, NULL);
	P->confirmed = 0;
	xsegs_clear(&P->src_segs);
	xsegs_clear(&P->tgt_segs);
}

/* Hand a unit to the callback. */
static int emit(struct parse *P, struct tmx_tuv *tuv, size_t ntuv,
                struct tmx_props *props, const char *skip, struct err *e)
{
	struct tmx_unit u;
	int rc = 0;

	memset(&u, 0, sizeof(u));
	u.srclang = P->unit_srclang ? P->unit_srclang : P->srclang;
	u.tuv = tuv;
	u.ntuv = ntuv;
	u.props = *props;
	u.index = P->index++;
	u.line = P->line;
	u.column = P->column;
	u.document = P->original;
	u.confirmed = P->confirmed;
	u.skip = skip;
	if (P->cb->unit)
		rc = P->cb->unit(P->ctx, &u, e);
	return rc;
}

/* Copy a variant into the pair being emitted (shallow; owner unchanged). */
static void xliff_pair(struct tmx_tuv out[2], const struct tmx_tuv *src,
                       const struct tmx_tuv *tgt)
{
	out[0] = *src;
	out[1] = *tgt;
}

/* Emit the XLIFF unit(s) of a trans-unit or segment. */
static int xliff_emit(struct parse *P, struct err *e)
{
	struct tmx_tuv pair[2];
	const char *skip = P->skip_reason;
	size_t i, j;
	int rc = 0, paired = 0;

	if (!P->xsrc.lang)
		P->xsrc.lang = P->srclang ? xstrdup(P->srclang) : NULL;
	if (!P->xtgt.lang) {
		const char *l =
		    P->tgt_lang_attr ? P->tgt_lang_attr : P->tgtlang;

		P->xtgt.lang = l ? xstrdup(l) : NULL;
	}
	if (!skip && !P->have_tgt)
		skip = "no <target>";
	/* segments marked with <mrk mtype="seg">, paired by mid */
	if (P->src_segs.n && P->tgt_segs.n && !P->skip_reason) {
		for (i = 0; i < P->src_segs.n && rc >= 0; i++) {
			struct xseg *s = &P->src_segs.v[i];

			for (j = 0; j < P->tgt_segs.n; j++)
				if (s->mid && P->tgt_segs.v[j].mid &&
				    !strcmp(s->mid, P->tgt_segs.v[j].mid))
					break;
			if (j == P->tgt_segs.n)
				continue;
			set_str(&s->tuv.lang, P->xsrc.lang);
			set_str(&P->tgt_segs.v[j].tuv.lang, P->xtgt.lang);
			xliff_pair(pair, &s->tuv, &P->tgt_segs.v[j].tuv);
			rc = emit(P, pair, 2, &P->unit_notes, NULL, e);
			paired++;
		}
		if (paired || rc < 0)
			return rc;
	}
	xliff_pair(pair, &P->xsrc, &P->xtgt);
	return emit(P, pair, P->have_tgt ? 2 : 1, &P->unit_notes, skip, e);
}

/* ---- the expat callbacks ---- */

static int start_field(struct parse *P, enum tmx_kind kind, const char **attrs,
                       struct tmx_props *dest)
{
	P->field = P->depth;
	P->field_kind = kind;
	set_str(&P->field_type, kind == TMX_PROP ? attr(attrs, "type") : NULL);
	if (kind == TMX_PROP && !P->field_type)
		P->field_type = xstrdup("");
	set_str(&P->field_lang, lang_attr(attrs));
	buf_reset(&P->field_text);
	P->field_dest = dest;
	return 0;
}

/* Attributes of <tu> or <tuv> other than the language, as TMX_ATTR. */
static void keep_attrs(struct tmx_props *dest, const char **attrs)
{
	size_t i;

	for (i = 0; attrs[i]; i += 2) {
		const char *n = attrs[i];

		if (!strcmp(n, "xml:lang") || !strcmp(n, "lang") ||
		    !strcmp(n, "srclang"))
			continue;
		props_add(dest, TMX_ATTR, n, NULL, attrs[i + 1]);
	}
}

static int start_root(struct parse *P, struct xml_reader *r, const char *name,
                      const char **attrs, struct err *e)
{
	const char *ln = local(name);
	const char *v = attr(attrs, "version");

	if (!strcmp(ln, "tmx") && (P->accept & TMX_ACCEPT_TMX)) {
		P->root = R_TMX;
		P->tag[P->depth] = T_TMX;
		set_str(&P->version, v);
		return 0;
	}
	if (!strcmp(ln, "xliff") && (P->accept & TMX_ACCEPT_XLIFF)) {
		P->root = v && v[0] == '2' ? R_XLIFF2 : R_XLIFF1;
		P->tag[P->depth] = T_XLIFF;
		set_str(&P->version, v);
		set_str(&P->srclang, attr(attrs, "srcLang"));
		set_str(&P->tgtlang, attr(attrs, "trgLang"));
		return 0;
	}
	return xml_error(r, e, ERR_FORMAT, "<%s> is not %s", name,
	                 P->accept == TMX_ACCEPT_TMX     ? "a TMX file (<tmx>)"
	                 : P->accept == TMX_ACCEPT_XLIFF ? "an XLIFF file"
	                                                 : "TMX or XLIFF");
}

static int call_header(struct parse *P, struct err *e)
{
	P->h.xliff = P->root == R_XLIFF2 ? 2 : P->root == R_XLIFF1 ? 1 : 0;
	P->h.version = P->version;
	P->h.srclang = P->srclang;
	P->h.tgtlang = P->tgtlang;
	P->h.tool = P->tool;
	return P->cb->header ? P->cb->header(P->ctx, &P->h, e) : 0;
}

static enum tag start_tmx(struct parse *P, const char *name, const char **attrs)
{
	enum tag parent = P->tag[P->depth - 1];

	if (!strcmp(name, "header") && parent == T_TMX) {
		set_str(&P->srclang, attr(attrs, "srclang"));
		set_str(&P->tool, attr(attrs, "creationtool"));
		return T_HEADER;
	}
	if (!strcmp(name, "body"))
		return T_BODY;
	if (!strcmp(name, "tu")) {
		unit_reset(P);
		P->in_unit = 1;
		set_str(&P->unit_srclang, attr(attrs, "srclang"));
		keep_attrs(&P->props, attrs);
		return T_TU;
	}
	if (!strcmp(name, "tuv") && parent == T_TU) {
		struct tmx_tuv *t = new_tuv(P);

		set_str(&t->lang, lang_attr(attrs));
		keep_attrs(&t->props, attrs);
		return T_TUV;
	}
	if (!strcmp(name, "seg") && parent == T_TUV) {
		P->nsinks = 1;
		sink_open(&P->sink[0], &P->tuv[P->ntuv - 1], P->depth);
		return T_SEG;
	}
	if (!strcmp(name, "prop") || !strcmp(name, "note")) {
		struct tmx_props *dest = parent == T_TUV
		                             ? &P->tuv[P->ntuv - 1].props
		                         : parent == T_TU     ? &P->props
		                         : parent == T_HEADER ? &P->h.props
		                                              : NULL;

		if (dest) {
			start_field(P, name[0] == 'p' ? TMX_PROP : TMX_NOTE,
			            attrs, dest);
			return name[0] == 'p' ? T_PROP : T_NOTE;
		}
	}
	if (!strcmp(name, "ude"))
		return T_SKIPPED;
	return T_OTHER;
}

static enum tag start_xliff(struct parse *P, const char *name,
                            const char **attrs)
{
	enum tag parent = P->tag[P->depth - 1];
	const char *ln = local(name);
	const char *v;

	if (!strcmp(ln, "file")) {
		if (P->root == R_XLIFF1) {
			set_str(&P->srclang, attr(attrs, "source-language"));
			set_str(&P->tgtlang, attr(attrs, "target-language"));
		}
		set_str(&P->original, attr(attrs, "original"));
		P->index = 0;
		return T_FILE;
	}
	if ((P->root == R_XLIFF1 && !strcmp(ln, "trans-unit")) ||
	    (P->root == R_XLIFF2 && !strcmp(ln, "unit"))) {
		unit_reset(P);
		xliff_reset(P);
		props_clear(&P->unit_notes);
		P->in_unit = 1;
		v = attr(attrs, "translate");
		if (v && !strcmp(v, "no"))
			set_str(&P->skip_reason, "translate=\"no\"");
		v = attr(attrs, "approved");
		if (v && !strcmp(v, "yes"))
			P->confirmed = 1;
		return P->root == R_XLIFF1 ? T_TRANS_UNIT : T_UNIT;
	}
	if (P->root == R_XLIFF2 && !strcmp(ln, "segment") && parent == T_UNIT) {
		char *keep = P->skip_reason ? xstrdup(P->skip_reason) : NULL;

		xliff_reset(P);
		P->skip_reason = keep;
		v = attr(attrs, "state");
		if (v && (!strcmp(v, "final") || !strcmp(v, "reviewed")))
			P->confirmed = 1;
		if (v && !strcmp(v, "initial") && !P->skip_reason)
			set_str(&P->skip_reason, "state=\"initial\" (not "
			                         "translated)");
		return T_SEGMENT;
	}
	if ((parent == T_TRANS_UNIT || parent == T_SEGMENT) &&
	    (!strcmp(ln, "source") || !strcmp(ln, "target"))) {
		int tgt = ln[0] == 't';
		struct tmx_tuv *t = tgt ? &P->xtgt : &P->xsrc;

		if (tgt) {
			P->have_tgt = 1;
			v = attr(attrs, "state");
			if (v &&
			    (!strcmp(v, "final") || !strcmp(v, "signed-off")))
				P->confirmed = 1;
			if (v &&
			    (!strcmp(v, "new") ||
			     !strcmp(v, "needs-translation")) &&
			    !P->skip_reason) {
				free(P->skip_reason);
				P->skip_reason = xmalloc(strlen(v) + 40);
				snprintf(P->skip_reason, strlen(v) + 40,
				         "state=\"%s\" (not translated)", v);
			}
			if (v && !P->skip_reason && unreviewed(v, attrs))
				set_str(&P->skip_reason,
				        "a proposal from a memory or machine "
				        "translation nobody reviewed (state "
				        "needs-review-*, state-qualifier "
				        "leveraged or fuzzy)");
			set_str(&P->tgt_lang_attr, lang_attr(attrs));
		} else {
			P->have_src = 1;
		}
		P->nsinks = 1;
		sink_open(&P->sink[0], t, P->depth);
		return tgt ? T_TARGET : T_SOURCE;
	}
	if (parent == T_TRANS_UNIT && !strcmp(ln, "seg-source"))
		return T_SEG_SOURCE;
	if (!strcmp(ln, "note") && P->in_unit) {
		start_field(P, TMX_NOTE, attrs, &P->unit_notes);
		return T_NOTE;
	}
	if (!strcmp(ln, "alt-trans") || !strcmp(ln, "context-group") ||
	    !strcmp(ln, "count-group") || !strcmp(ln, "prop-group") ||
	    !strcmp(ln, "skeleton") || !strcmp(ln, "originalData") ||
	    !strcmp(ln, "ignorable") || !strcmp(ln, "bin-unit") ||
	    (!strcmp(ln, "header") && parent == T_FILE))
		return T_SKIPPED;
	return T_OTHER;
}

/* An XLIFF <mrk mtype="seg" mid="..."> in <seg-source> or <target>. */
static int is_seg_mark(struct parse *P, const char *name, const char **attrs)
{
	enum tag where = T_OTHER;
	const char *mt = attr(attrs, "mtype");
	int k;

	if (P->root != R_XLIFF1 || strcmp(local(name), "mrk") != 0 || !mt ||
	    strcmp(mt, "seg") != 0)
		return 0;
	for (k = P->depth - 1; k > 0; k--)
		if (P->tag[k] == T_SEG_SOURCE || P->tag[k] == T_TARGET) {
			where = P->tag[k];
			break;
		}
	return where != T_OTHER;
}

static int on_start(void *ctx, struct xml_reader *r, const char *name,
                    const char **attrs, struct err *e)
{
	struct parse *P = ctx;
	enum tag t = T_OTHER;
	int i, rc;

	P->depth++;
	P->tag[P->depth] = T_OTHER;
	if (P->skip)
		return 0;
	if (P->field)
		return 0; /* markup inside a prop or note: its text counts */
	if (P->depth == 1)
		return start_root(P, r, name, attrs, e);
	if (is_seg_mark(P, name, attrs)) {
		int tgt = P->nsinks > 0; /* inside <target> (a sink is open) */
		struct xsegs *l = tgt ? &P->tgt_segs : &P->src_segs;
		struct xseg *x;

		XGROW(l->v, l->cap, l->n + 1);
		x = &l->v[l->n++];
		x->mid = xstrdup(attr(attrs, "mid") ? attr(attrs, "mid") : "");
		tuv_init(&x->tuv);
		for (i = 0; i < P->nsinks; i++)
			if ((rc = sink_flush(P, &P->sink[i], r, e)) < 0)
				return rc;
		sink_open(&P->sink[P->nsinks], &x->tuv, P->depth);
		P->nsinks++;
		P->tag[P->depth] = T_MRK_SEG;
		return 0;
	}
	if (P->nsinks) {
		for (i = 0; i < P->nsinks; i++) {
			if ((rc = sink_flush(P, &P->sink[i], r, e)) < 0)
				return rc;
			sink_start(P, &P->sink[i], name, attrs);
		}
		return 0;
	}
	if (P->root == R_TMX)
		t = start_tmx(P, name, attrs);
	else
		t = start_xliff(P, name, attrs);
	P->tag[P->depth] = t;
	if (t == T_TU || t == T_TRANS_UNIT || t == T_UNIT) {
		P->line = xml_line(r);
		P->column = xml_column(r);
	}
	if (t == T_SEGMENT) {
		P->line = xml_line(r);
		P->column = xml_column(r);
	}
	if (t == T_TUV) {
		P->tuv[P->ntuv - 1].line = xml_line(r);
		P->tuv[P->ntuv - 1].column = xml_column(r);
	}
	if (t == T_SOURCE || t == T_TARGET) {
		struct tmx_tuv *tv = t == T_TARGET ? &P->xtgt : &P->xsrc;

		tv->line = xml_line(r);
		tv->column = xml_column(r);
	}
	if (t == T_SKIPPED)
		P->skip = P->depth;
	if (t == T_FILE && (rc = call_header(P, e)) < 0)
		return rc;
	return 0;
}

static int on_end(void *ctx, struct xml_reader *r, const char *name,
                  struct err *e)
{
	struct parse *P = ctx;
	enum tag t = P->tag[P->depth];
	int i, rc = 0;

	(void)name;
	P->depth--;
	if (P->skip) {
		if (P->depth + 1 == P->skip)
			P->skip = 0;
		return 0;
	}
	if (P->field) {
		if (P->depth + 1 != P->field)
			return 0;
		P->field = 0;
		props_add(P->field_dest, P->field_kind, P->field_type,
		          P->field_lang, P->field_text.data);
		return 0;
	}
	if (P->nsinks) {
		if (t == T_MRK_SEG) {
			struct sink *s = &P->sink[--P->nsinks];

			for (i = 0; i < P->nsinks; i++)
				if ((rc = sink_flush(P, &P->sink[i], r, e)) < 0)
					return rc;
			return sink_close(P, s, r, e);
		}
		if (P->depth + 1 > P->sink[0].base) {
			for (i = 0; i < P->nsinks; i++) {
				if ((rc = sink_flush(P, &P->sink[i], r, e)) < 0)
					return rc;
				sink_end(&P->sink[i]);
			}
			return 0;
		}
		for (i = P->nsinks - 1; i >= 0; i--)
			if ((rc = sink_close(P, &P->sink[i], r, e)) < 0)
				return rc;
		P->nsinks = 0;
		return 0;
	}
	switch (t) {
	case T_HEADER:
		return call_header(P, e);
	case T_TU:
		rc = emit(P, P->tuv, P->ntuv, &P->props, NULL, e);
		unit_reset(P);
		return rc;
	case T_TRANS_UNIT:
	case T_SEGMENT:
		rc = xliff_emit(P, e);
		xliff_reset(P);
		return rc;
	case T_UNIT:
		unit_reset(P);
		xliff_reset(P);
		props_clear(&P->unit_notes);
		return 0;
	default:
		return 0;
	}
}

static int on_text(void *ctx, struct xml_reader *r, const char *s, size_t n,
                   struct err *e)
{
	struct parse *P = ctx;
	int i;

	(void)r;
	(void)e;
	if (P->skip)
		return 0;
	if (P->field) {
		buf_add(&P->field_text, s, n);
		return 0;
	}
	for (i = 0; i < P->nsinks; i++)
		buf_add(&P->sink[i].run, s, n);
	return 0;
}

int tmx_read(FILE *f, const char *head, size_t head_len, const char *name,
             unsigned accept, const struct tmx_callbacks *cb, void *ctx,
             struct err *e)
{
	static const struct xml_handler h = {on_start, on_end, on_text};
	struct parse *P = xcalloc(1, sizeof(*P));
	int rc, i;

	P->cb = cb;
	P->ctx = ctx;
	P->accept = accept;
	buf_init(&P->nfc);
	buf_init(&P->field_text);
	for (i = 0; i < 2; i++)
		buf_init(&P->sink[i].run);
	tuv_init(&P->xsrc);
	tuv_init(&P->xtgt);
	rc = xml_read(f, head, head_len, name, &h, P, e);
	if (rc == 0 && P->root == R_NONE)
		rc =
		    err_set(e, ERR_FORMAT, "%s: no TMX or XLIFF content", name);
	/* what a callback started may be left half done after an error */
	for (i = 0; i < 2; i++) {
		while (P->sink[i].depth) {
			struct ielem *x = &P->sink[i].stack[--P->sink[i].depth];

			free(x->native_end);
		}
		buf_release(&P->sink[i].run);
	}
	unit_reset(P);
	xliff_reset(P);
	tuv_release(&P->xsrc);
	tuv_release(&P->xtgt);
	free(P->src_segs.v);
	free(P->tgt_segs.v);
	free(P->tuv);
	props_free(&P->props);
	props_free(&P->unit_notes);
	props_free(&P->h.props);
	free(P->version);
	free(P->srclang);
	free(P->tgtlang);
	free(P->tool);
	free(P->unit_srclang);
	free(P->original);
	free(P->skip_reason);
	free(P->tgt_lang_attr);
	free(P->field_type);
	free(P->field_lang);
	buf_release(&P->field_text);
	buf_release(&P->nfc);
	free(P);
	return rc;
}

/* ---- dates ---- */

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int tmx_parse_date(const char *s, int64_t *out)
{
	int v[6] = {0, 0, 0, 0, 0, 0};
	static const int width[6] = {4, 2, 2, 2, 2, 2};
	const char *p = s;
	int k, i;

	for (k = 0; k < 6; k++) {
		while (*p == '-' || *p == ':' ||
		       (k == 3 && (*p == 'T' || *p == ' ')))
			p++;
		if (!*p || *p == 'Z') {
			if (k == 3)
				break; /* a date alone */
			return -1;
		}
		for (i = 0; i < width[k]; i++, p++) {
			if (*p < '0' || *p > '9')
				return -1;
			v[k] = v[k] * 10 + (*p - '0');
		}
	}
	if (*p == 'Z')
		p++;
	if (*p || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 ||
	    v[4] > 59 || v[5] > 60)
		return -1;
	*out = days_from_civil(v[0], v[1], v[2]) * 86400 +
	       (int64_t)v[3] * 3600 + (int64_t)v[4] * 60 + v[5];
	return 0;
}

/* ---- writing ---- */

/* Attributes the TMX 1.4 DTD allows on <tu> and <tuv> (besides lang). */
static const char *const tu_attrs[] = {
    "tuid",
    "o-encoding",
    "datatype",
    "usagecount",
    "lastusagedate",
    "creationtool",
    "creationtoolversion",
    "creationdate",
    "creationid",
    "changedate",
    "segtype",
    "changeid",
    "o-tmf",
    "srclang",
    NULL,
};
static const char *const tuv_attrs[] = {
    "o-encoding",    "datatype",     "usagecount",
    "lastusagedate", "creationtool", "creationtoolversion",
    "creationdate",  "creationid",   "changedate",
    "o-tmf",         "changeid",     NULL,
};

static int in_list(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (!strcmp(*list, name))
			return 1;
	return 0;
}

static int valid_segtype(const char *v)
{
	return !strcmp(v, "block") || !strcmp(v, "paragraph") ||
	       !strcmp(v, "sentence") || !strcmp(v, "phrase");
}

/* Write the allowed attributes of items, each name once. */
static size_t write_attrs(struct buf *b, const char *const *allowed,
                          const struct tmx_item *items, size_t n)
{
	size_t i, j, replaced = 0;

	for (i = 0; i < n; i++) {
		const struct tmx_item *it = &items[i];
		int seen = 0;

		if (it->kind != TMX_ATTR || !it->type ||
		    !in_list(allowed, it->type))
			continue;
		if (!strcmp(it->type, "segtype") && !valid_segtype(it->value))
			continue;
		for (j = 0; j < i && !seen; j++)
			seen = items[j].kind == TMX_ATTR && items[j].type &&
			       !strcmp(items[j].type, it->type);
		if (seen)
			continue;
		buf_addf(b, " %s=\"", it->type);
		replaced += out_xml_text(b, it->value, strlen(it->value), 1);
		buf_addch(b, '"');
	}
	return replaced;
}

/* Write the props and notes of items, one a line. */
static size_t write_props(struct buf *b, const char *indent,
                          const struct tmx_item *items, size_t n)
{
	size_t i, replaced = 0;

	for (i = 0; i < n; i++) {
		const struct tmx_item *it = &items[i];
		const char *tag = it->kind == TMX_NOTE ? "note" : "prop";

		if (it->kind == TMX_ATTR)
			continue;
		buf_addf(b, "%s<%s", indent, tag);
		if (it->kind == TMX_PROP) {
			buf_adds(b, " type=\"");
			replaced +=
			    out_xml_text(b, it->type ? it->type : "",
			                 strlen(it->type ? it->type : ""), 1);
			buf_addch(b, '"');
		}
		if (it->lang) {
			buf_adds(b, " xml:lang=\"");
			replaced +=
			    out_xml_text(b, it->lang, strlen(it->lang), 1);
			buf_addch(b, '"');
		}
		buf_addch(b, '>');
		replaced += out_xml_text(b, it->value, strlen(it->value), 0);
		buf_addf(b, "</%s>\n", tag);
	}
	return replaced;
}

size_t tmx_write_header(struct buf *b, const char *srclang, const char *tool,
                        const char *version, const struct tmx_item *items,
                        size_t n)
{
	size_t replaced = 0;

	buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	            "<tmx version=\"1.4\">\n<header creationtool=\"");
	replaced += out_xml_text(b, tool, strlen(tool), 1);
	buf_adds(b, "\" creationtoolversion=\"");
	replaced += out_xml_text(b, version, strlen(version), 1);
	buf_adds(b, "\" segtype=\"sentence\" o-tmf=\"newstm\" "
	            "adminlang=\"en\" srclang=\"");
	replaced += out_xml_text(b, srclang, strlen(srclang), 1);
	buf_adds(b, "\" datatype=\"plaintext\"");
	if (!n) {
		buf_adds(b, "/>\n<body>\n");
		return replaced;
	}
	buf_adds(b, ">\n");
	replaced += write_props(b, "  ", items, n);
	buf_adds(b, "</header>\n<body>\n");
	return replaced;
}

size_t tmx_write_tu_open(struct buf *b, const struct tmx_item *items, size_t n)
{
	size_t replaced;

	buf_adds(b, "<tu");
	replaced = write_attrs(b, tu_attrs, items, n);
	buf_adds(b, ">\n");
	replaced += write_props(b, "  ", items, n);
	return replaced;
}

size_t tmx_write_tuv(struct buf *b, const char *lang,
                     const struct tmx_item *items, size_t n, const char *text,
                     const char *markup)
{
	size_t replaced;

	buf_adds(b, "  <tuv xml:lang=\"");
	replaced = out_xml_text(b, lang, strlen(lang), 1);
	buf_addch(b, '"');
	replaced += write_attrs(b, tuv_attrs, items, n);
	buf_adds(b, ">\n");
	replaced += write_props(b, "    ", items, n);
	buf_adds(b, "    <seg>");
	if (markup)
		buf_adds(b, markup);
	else
		replaced += out_xml_text(b, text, strlen(text), 0);
	buf_adds(b, "</seg>\n  </tuv>\n");
	return replaced;
}

void tmx_write_tu_close(struct buf *b)
{
	buf_adds(b, "</tu>\n");
}

void tmx_write_end(struct buf *b)
{
	buf_adds(b, "</body>\n</tmx>\n");
}
