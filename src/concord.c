#include "concord.h"

#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "match.h"
#include "num.h"
#include "tmindex.h"
#include "tok.h"
#include "xalloc.h"
#include "banned.h"

void concord_result_init(struct concord_result *r)
{
	memset(r, 0, sizeof(*r));
}

static void hit_release(struct concord_hit *h)
{
	free(h->text);
	free(h->other);
	free(h->lang);
	free(h->other_lang);
}

void concord_result_release(struct concord_result *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		hit_release(&r->v[i]);
	free(r->v);
	free(r->note);
	concord_result_init(r);
}

/* The scored tokens of l, as indices into l->v. */
static size_t scored(const struct tok_list *l, size_t **out)
{
	size_t i, n = 0;

	*out = xcalloc(l->n + 1, sizeof(**out));
	for (i = 0; i < l->n; i++)
		if (tok_scored(&l->v[i]))
			(*out)[n++] = i;
	return n;
}

/* Whether token a of la and token b of lb are the same for a search. */
static int same_tok(const struct tok_list *la, const struct tok *a,
                    const struct tok_list *lb, const struct tok *b)
{
	if (a->key_len != b->key_len ||
	    memcmp(tok_key(la, a), tok_key(lb, b), a->key_len) != 0)
		return 0;
	if (a->kind == TOK_NUM && b->kind == TOK_NUM)
		return num_same_value(&la->nums[a->num], &lb->nums[b->num]);
	return 1;
}

/* The search: the phrase's tokens and what was found. */
struct search {
	struct store *st;
	const struct concord_opts *o;
	const struct match_names *names;
	struct tok_list q;
	size_t *qi, nq;    /* the phrase's scored tokens */
	struct buf needle; /* their ids as a token blob */
	int64_t *segs;     /* candidate segments */
	size_t nsegs, scap;
	struct tok_list t; /* scratch: a text's tokens */
	size_t *ti;
	struct err *e;
};

/* Does the blob hold the needle at a token boundary? */
static int blob_has(const unsigned char *b, size_t n, const unsigned char *nd,
                    size_t m)
{
	size_t i;

	for (i = 0; i + m <= n; i++)
		if (b[i] == nd[0] && !memcmp(b + i, nd, m) &&
		    (i == 0 || b[i - 1] < 0x80))
			return 1;
	return 0;
}

static int on_segment(void *ctx, int64_t seg, const void *blob, size_t len)
{
	struct search *s = ctx;

	if (!blob_has(blob, len, (const unsigned char *)s->needle.data,
	              s->needle.len))
		return 0;
	XGROW(s->segs, s->scap, s->nsegs + 1);
	s->segs[s->nsegs++] = seg;
	return 0;
}

/*
 * Whether the phrase starts at token i of s->t: its scored tokens, the
 * text's scored tokens from i on (punctuation between them skipped).
 * *last receives the text's last token of the phrase.
 */
static int phrase_at(const struct search *s, size_t i, size_t *last)
{
	size_t k = 0, j = i;

	for (; j < s->t.n && k < s->nq; j++) {
		if (!tok_scored(&s->t.v[j]))
			continue;
		if (!same_tok(&s->t, &s->t.v[j], &s->q, &s->q.v[s->qi[k]]))
			return 0;
		*last = j;
		k++;
	}
	return k == s->nq;
}

/* Where the phrase is in text (language lang): 1 and the span, or 0. */
static int locate(struct search *s, const char *text, const char *lang,
                  size_t *start, size_t *end)
{
	size_t i, last = 0;

	match_tokenize(&s->t, text, strlen(text), lang, s->names);
	for (i = 0; i < s->t.n; i++)
		if (tok_scored(&s->t.v[i]) && phrase_at(s, i, &last)) {
			*start = s->t.v[i].start;
			*end = s->t.v[last].end;
			return 1;
		}
	return 0;
}

/* Without the index: every text of the language asked for that holds it. */
static int scan_segment(void *ctx, int64_t seg, const char *lang,
                        const char *text)
{
	struct search *s = ctx;
	size_t start, end;

	if (!lang || !import_lang_match(s->o->lang, lang) ||
	    !locate(s, text, lang, &start, &end))
		return 0;
	XGROW(s->segs, s->scap, s->nsegs + 1);
	s->segs[s->nsegs++] = seg;
	return 0;
}

static int cmp_id_desc(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;

	return a < b ? 1 : a > b ? -1 : 0;
}

/* The units that use the candidate segments on the side searched. */
static int candidate_units(struct search *s, int64_t **ids, size_t *n)
{
	size_t i, cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	for (i = 0; i < s->nsegs; i++) {
		int64_t *u = NULL;
		size_t m = 0;

		rc = store_segment_units(s->st, s->segs[i], s->o->target, &u,
		                         &m, s->e);
		if (rc < 0) {
			free(u);
			return rc;
		}
		XGROW(*ids, cap, *n + m);
		if (m)
			memcpy(*ids + *n, u, m * sizeof(*u));
		*n += m;
		free(u);
	}
	if (*n > 1)
		qsort(*ids, *n, sizeof(**ids), cmp_id_desc);
	return 0;
}

static int check_unit(struct search *s, struct concord_result *r, int64_t id)
{
	struct store_unit u;
	const char *text, *lang, *other, *olang;
	size_t start, end;
	int rc;

	if ((rc = store_get_unit(s->st, id, &u, s->e)) < 0)
		return rc;
	text = s->o->target ? u.target : u.source;
	lang = s->o->target ? u.tgt_lang : u.src_lang;
	other = s->o->target ? u.source : u.target;
	olang = s->o->target ? u.src_lang : u.tgt_lang;
	if (text && import_lang_match(s->o->lang, lang) &&
	    locate(s, text, lang, &start, &end)) {
		r->total++;
		if (!s->o->max || r->n < s->o->max) {
			struct concord_hit *h;

			XGROW(r->v, r->cap, r->n + 1);
			h = &r->v[r->n++];
			h->unit = id;
			h->text = xstrdup(text);
			h->start = start;
			h->end = end;
			h->other = xstrdup(other ? other : "");
			h->lang = xstrdup(lang ? lang : "");
			h->other_lang = xstrdup(olang ? olang : "");
			h->confirmed = u.confirmed;
		}
	}
	store_unit_release(&u);
	return 0;
}

int concord_search(struct concord_result *r, struct store *st,
                   const char *phrase, size_t len, const struct concord_opts *o,
                   struct err *e)
{
	struct search s;
	int64_t *ids = NULL;
	size_t nids = 0, i;
	int rc, scan;

	memset(&s, 0, sizeof(s));
	s.st = st;
	s.o = o;
	s.e = e;
	tok_list_init(&s.q);
	tok_list_init(&s.t);
	buf_init(&s.needle);
	if ((rc = tmindex_complete(st, NULL, e)) < 0)
		goto out;
	scan = rc == 1; /* not up to date, and cannot be made so now */
	if (scan) {
		r->note = xstrdup(e->msg);
		err_clear(e);
	}
	s.names = tmindex_names(st);
	match_tokenize(&s.q, phrase, len, o->lang, s.names);
	if (s.q.n > MATCH_MAX_TOKENS) {
		rc = err_set(e, ERR_LIMIT,
		             "the phrase is too long (%zu tokens, limit %d)",
		             s.q.n, MATCH_MAX_TOKENS);
		goto out;
	}
	s.nq = scored(&s.q, &s.qi);
	if (!s.nq) {
		rc = err_set(e, ERR_USAGE,
		             "nothing to search for in '%.*s' (no word, "
		             "number or symbol)",
		             (int)(len > 60 ? 60 : len), phrase);
		goto out;
	}
	if (scan) {
		rc = store_each_segment(st, scan_segment, &s, e);
		if (rc < 0)
			goto out;
		goto found;
	}
	for (i = 0; i < s.nq; i++) {
		const struct tok *t = &s.q.v[s.qi[i]];
		int64_t id;
		uint32_t id32;

		rc = store_index_token_id(st, tok_key(&s.q, t), t->key_len, &id,
		                          e);
		if (rc == ERR_NOTFOUND) {
			rc = 0; /* in no text */
			goto out;
		}
		if (rc < 0)
			goto out;
		id32 = (uint32_t)id;
		match_tokens_encode(&s.needle, &id32, 1);
	}
	if ((rc = store_index_each_segment(st, s.needle.data, s.needle.len,
	                                   on_segment, &s, e)) < 0)
		goto out;
found:
	r->candidates = s.nsegs;
	if ((rc = candidate_units(&s, &ids, &nids)) < 0)
		goto out;
	for (i = 0; i < nids && rc == 0; i++)
		rc = check_unit(&s, r, ids[i]);
out:
	free(ids);
	free(s.segs);
	free(s.qi);
	buf_release(&s.needle);
	tok_list_release(&s.q);
	tok_list_release(&s.t);
	return rc;
}
