#include "match.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "norm.h"
#include "num.h"
#include "tok.h"
#include "xalloc.h"
#include "banned.h"

/*
 * Alignment weights: a word edit outweighs every possible run of
 * punctuation edits (MATCH_MAX_TOKENS < WORD_COST), so the word part of an
 * alignment's cost is the word edit distance.
 */
#define WORD_COST ((uint32_t)1 << 16)
#define NONE      UINT32_MAX
/* Units longer than this (in scored tokens) are checked on every query. */
#define POSTING_MAX_LEN 255

/* ------------------------------------------------------------------ */
/* Weights, bands, results                                              */

void match_weights_default(struct match_weights *w)
{
	w->case_each = 1;
	w->case_max = 3;
	w->punct_each = 1;
	w->punct_max = 3;
	w->number_each = 1;
	w->number_max = 4;
	w->number_missing = 5;
	w->name_each = 1;
	w->name_max = 3;
	w->aligned = 1;
	w->aligned_weak = 2;
	w->aligned_sure = 0.9;
	w->aligned_weak_below = 0.5;
	w->alternatives = 1;
}

const char *match_band(int score)
{
	if (score >= 101)
		return "101";
	if (score == 100)
		return "100";
	if (score >= 95)
		return "95-99";
	if (score >= 85)
		return "85-94";
	if (score >= 75)
		return "75-84";
	if (score >= 50)
		return "50-74";
	return "0-49";
}

void match_result_release(struct match_result *r)
{
	free(r->source);
	free(r->target);
	free(r->proposed);
	free(r->hunks);
	free(r->origins);
	memset(r, 0, sizeof(*r));
}

void match_set_init(struct match_set *s)
{
	memset(s, 0, sizeof(*s));
}

void match_set_release(struct match_set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		match_result_release(&s->v[i]);
	free(s->v);
	free(s->query);
	match_set_init(s);
}

static void set_reset(struct match_set *s, const char *query, size_t len)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		match_result_release(&s->v[i]);
	s->n = 0;
	free(s->query);
	s->query = xmemdupz(query, len);
	s->query_len = len;
	s->candidates = 0;
	s->verified = 0;
}

static struct match_result *set_push(struct match_set *s)
{
	XGROW(s->v, s->cap, s->n + 1);
	memset(&s->v[s->n], 0, sizeof(s->v[0]));
	return &s->v[s->n++];
}

/* A unit's alignment confidence for ordering: 1 when not aligned. */
static double sure_of(const struct match_result *r)
{
	return (r->flags & MATCH_ALIGNED) ? r->confidence : 1.0;
}

static int cmp_result(const void *pa, const void *pb)
{
	const struct match_result *a = pa, *b = pb;
	int ca = !!(a->flags & MATCH_CONFIRMED),
	    cb = !!(b->flags & MATCH_CONFIRMED);
	double sa = sure_of(a), sb = sure_of(b);

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (ca != cb)
		return ca > cb ? -1 : 1;
	if (sa != sb)
		return sa > sb ? -1 : 1;
	if (a->usage != b->usage)
		return a->usage > b->usage ? -1 : 1;
	if (a->date != b->date)
		return a->date > b->date ? -1 : 1;
	if (a->id != b->id)
		return a->id > b->id ? -1 : 1;
	if (a->base != b->base)
		return a->base > b->base ? -1 : 1;
	return 0;
}

static void set_finish(struct match_set *s, size_t max)
{
	if (s->n > 1)
		qsort(s->v, s->n, sizeof(s->v[0]), cmp_result);
	while (max && s->n > max)
		match_result_release(&s->v[--s->n]);
}

void match_set_finish(struct match_set *s, size_t max)
{
	set_finish(s, max);
}

/* ------------------------------------------------------------------ */
/* Tokens with names                                                    */

/* Rewrite the keys of the words the names callback knows to name keys. */
static void name_keys(struct tok_list *l, const char *text, const char *lang,
                      const struct match_names *names)
{
	size_t i;

	if (!names || !names->entity)
		return;
	for (i = 0; i < l->n; i++) {
		struct tok *t = &l->v[i];
		const char *ent;

		if (t->kind != TOK_WORD || !t->cap)
			continue;
		ent = names->entity(names->ctx, text + t->start,
		                    t->end - t->start, lang);
		if (!ent || !*ent)
			continue;
		t->key = (uint32_t)l->keys.len;
		buf_addch(&l->keys, TOK_NAME_MARK);
		buf_adds(&l->keys, ent);
		t->key_len = (uint32_t)(l->keys.len - t->key);
		t->name = 1;
	}
}

static size_t count_scored(const struct tok_list *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		n += tok_scored(&l->v[i]);
	return n;
}

/* A sentence cut into tokens, ready to be scored against units. */
struct side {
	const char *text;
	size_t len;
	const char *lang;
	struct tok_list tl;
	size_t nscored;
};

static int side_init(struct side *s, const char *text, size_t len,
                     const char *lang, const struct match_names *names,
                     struct err *e)
{
	s->text = text;
	s->len = len;
	s->lang = lang;
	tok_list_init(&s->tl);
	tok_split(&s->tl, text, len, lang);
	if (s->tl.n > MATCH_MAX_TOKENS)
		return err_set(e, ERR_LIMIT,
		               "sentence too long to match (%zu tokens, "
		               "limit %d)",
		               s->tl.n, MATCH_MAX_TOKENS);
	name_keys(&s->tl, text, lang, names);
	s->nscored = count_scored(&s->tl);
	return 0;
}

static void side_release(struct side *s)
{
	tok_list_release(&s->tl);
}

/* ------------------------------------------------------------------ */
/* Scoring one unit                                                     */

/* Copy src into a penalty reason, cut at a code point, "..." if cut. */
static void set_why(char *dst, const char *src, size_t len)
{
	size_t max = MATCH_WHY_MAX - 1;

	if (len <= max) {
		memcpy(dst, src, len);
		dst[len] = '\0';
		return;
	}
	max -= 3;
	while (max && ((unsigned char)src[max] & 0xC0) == 0x80)
		max--;
	memcpy(dst, src, max);
	memcpy(dst + max, "...", 4);
}

static void add_penalty(struct match_result *r, int points,
                        const struct buf *why)
{
	if (points <= 0 || r->npen >= MATCH_PENALTIES_MAX)
		return;
	set_why(r->pen[r->npen].why, why->data, why->len);
	r->pen[r->npen].points = points;
	r->npen++;
}

/* Add one example to a reason being built: "head: a; b; c". */
static void why_item(struct buf *b, const char *head, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void why_item(struct buf *b, const char *head, const char *fmt, ...)
{
	va_list ap;

	if (b->len > MATCH_WHY_MAX)
		return; /* long enough: set_why will cut it */
	if (!b->len) {
		buf_adds(b, head);
		buf_adds(b, ": ");
	} else {
		buf_adds(b, "; ");
	}
	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

static int capped(int count, int each, int max)
{
	long p = (long)count * each;

	return (int)(p > max ? max : p);
}

struct key_pair {
	const struct tok_list *a, *b;
};

static int same_key(void *ctx, size_t i, size_t j)
{
	const struct key_pair *kp = ctx;
	const struct tok *ta = &kp->a->v[i], *tb = &kp->b->v[j];

	return ta->key_len == tb->key_len &&
	       !memcmp(tok_key(kp->a, ta), tok_key(kp->b, tb), ta->key_len);
}

static uint32_t *weights_of(const struct tok_list *l)
{
	uint32_t *w = xcalloc(l->n + 1, sizeof(*w));
	size_t i;

	for (i = 0; i < l->n; i++)
		w[i] = tok_scored(&l->v[i]) ? WORD_COST : 1;
	return w;
}

/* Whether two written forms are the same once case folded. */
static int same_folded(const char *a, size_t alen, const char *b, size_t blen)
{
	struct buf fa, fb;
	int same;

	buf_init(&fa);
	buf_init(&fb);
	norm_fold(&fa, a, alen);
	norm_fold(&fb, b, blen);
	same = fa.len == fb.len && !memcmp(fa.data, fb.data, fa.len);
	buf_release(&fa);
	buf_release(&fb);
	return same;
}

/* A number of the stored source that the sentence changes. */
struct num_change {
	const struct num *old, *new;
	const char *old_text; /* as written in the stored source */
	int old_len;
};

/* A replacement in the stored target. */
struct edit {
	size_t start, end;
	size_t repl, repl_len; /* bytes in a shared buffer */
};

static int cmp_edit(const void *pa, const void *pb)
{
	const struct edit *a = pa, *b = pb;

	return a->start < b->start ? -1 : a->start > b->start;
}

/*
 * Write the proposed target of r: the stored target with the changed
 * numbers and the names in variant spellings replaced.  Returns the number
 * of changed numbers whose old value the target does not show, and lists
 * them in missing.
 */
static int propose(struct match_result *r, const struct match_unit *u,
                   const struct num_change *ch, size_t nch,
                   const struct buf *ents, size_t nents,
                   const struct match_names *names, struct buf *missing)
{
	struct tok_list tt;
	struct edit *ed = NULL;
	size_t ned = 0, edcap = 0, c, k;
	struct buf repl, out, ent;
	uint8_t *used;
	int nmissing = 0;

	tok_list_init(&tt);
	buf_init(&repl);
	buf_init(&out);
	buf_init(&ent);
	tok_split(&tt, u->tgt, u->tgt_len, u->tgt_lang);
	used = xcalloc(tt.n + 1, 1);
	for (c = 0; c < nch; c++) {
		int found = 0;

		for (k = 0; k < tt.n && !found; k++) {
			const struct tok *t = &tt.v[k];
			const struct num *tn;
			size_t at = repl.len;

			if (t->kind != TOK_NUM || used[k])
				continue;
			tn = &tt.nums[t->num];
			if (!num_same_parts(tn, ch[c].old))
				continue;
			if (tn->compound) {
				if (num_rewrite_compound(
				        &repl, u->tgt + t->start, tn, ch[c].old,
				        ch[c].new) < 0)
					continue;
			} else {
				num_format(&repl, ch[c].new, tn, u->tgt_lang);
			}
			used[k] = 1;
			found = 1;
			XGROW(ed, edcap, ned + 1);
			ed[ned].start = t->start;
			ed[ned].end = t->start + tn->len;
			ed[ned].repl = at;
			ed[ned++].repl_len = repl.len - at;
		}
		if (!found) {
			nmissing++;
			why_item(missing, "number not in the stored target",
			         "%.*s", ch[c].old_len, ch[c].old_text);
		}
	}
	if (nents && names && names->entity && names->house) {
		for (k = 0; k < tt.n; k++) {
			const struct tok *t = &tt.v[k];
			const char *id, *e;
			size_t at = repl.len, len = t->end - t->start;
			int known = 0;

			if (t->kind != TOK_WORD || !t->cap || used[k])
				continue;
			id = names->entity(names->ctx, u->tgt + t->start, len,
			                   u->tgt_lang);
			if (!id)
				continue;
			buf_reset(&ent);
			buf_adds(&ent, id);
			for (e = ents->data; e < ents->data + ents->len;
			     e += strlen(e) + 1)
				if (!strcmp(e, ent.data))
					known = 1;
			if (!known || names->house(names->ctx, &repl, ent.data,
			                           u->tgt_lang,
			                           u->tgt + t->start, len) < 0)
				continue;
			if (repl.len - at == len &&
			    !memcmp(repl.data + at, u->tgt + t->start, len))
				continue;
			XGROW(ed, edcap, ned + 1);
			ed[ned].start = t->start;
			ed[ned].end = t->end;
			ed[ned].repl = at;
			ed[ned++].repl_len = repl.len - at;
		}
	}
	if (ned > 1)
		qsort(ed, ned, sizeof(*ed), cmp_edit);
	k = 0;
	for (c = 0; c < ned; c++) {
		buf_add(&out, u->tgt + k, ed[c].start - k);
		buf_add(&out, repl.data + ed[c].repl, ed[c].repl_len);
		k = ed[c].end;
	}
	buf_add(&out, u->tgt + k, u->tgt_len - k);
	r->proposed = buf_detach(&out, &r->proposed_len);
	free(used);
	free(ed);
	buf_release(&repl);
	buf_release(&ent);
	tok_list_release(&tt);
	return nmissing;
}

static struct diff_span *spans_of(const struct tok_list *l)
{
	struct diff_span *s = xcalloc(l->n + 1, sizeof(*s));
	size_t i;

	for (i = 0; i < l->n; i++) {
		s[i].start = l->v[i].start;
		s[i].end = l->v[i].end;
	}
	return s;
}

/* Penalty counts and their reasons, gathered from an alignment. */
struct tally {
	int ncase, npunct, nnum, nname;
	struct buf why_case, why_punct, why_num, why_name;
	struct num_change *ch;
	size_t nch, chcap;
	struct buf ents; /* entity ids of changed names, NUL-separated */
	size_t nents;
};

static void tally_init(struct tally *t)
{
	memset(t, 0, sizeof(*t));
	buf_init(&t->why_case);
	buf_init(&t->why_punct);
	buf_init(&t->why_num);
	buf_init(&t->why_name);
	buf_init(&t->ents);
}

static void tally_release(struct tally *t)
{
	buf_release(&t->why_case);
	buf_release(&t->why_punct);
	buf_release(&t->why_num);
	buf_release(&t->why_name);
	buf_release(&t->ents);
	free(t->ch);
}

#define SPAN(text, t) (int)((t)->end - (t)->start), (text) + (t)->start

/* Count what differs between stored token ta and the sentence's tb. */
static void tally_pair(struct tally *y, const struct side *us,
                       const struct tok *ta, const struct side *qs,
                       const struct tok *tb, enum diff_op op)
{
	const char *a = us->text, *b = qs->text;

	/* each step has the tokens its kind says (an insertion no ta, a
	 * deletion no tb): checked so that the analyser knows too */
	if ((op != DIFF_INSERT && !ta) || (op != DIFF_DELETE && !tb))
		return;

	if (op == DIFF_DELETE) {
		y->npunct++;
		why_item(&y->why_punct, "punctuation", "%.*s removed",
		         SPAN(a, ta));
		return;
	}
	if (op == DIFF_INSERT) {
		y->npunct++;
		why_item(&y->why_punct, "punctuation", "%.*s added",
		         SPAN(b, tb));
		return;
	}
	if (op == DIFF_CHANGE) {
		y->npunct++;
		why_item(&y->why_punct, "punctuation", "%.*s -> %.*s",
		         SPAN(a, ta), SPAN(b, tb));
		return;
	}
	if (ta->end - ta->start == tb->end - tb->start &&
	    !memcmp(a + ta->start, b + tb->start, ta->end - ta->start))
		return;
	if (ta->kind == TOK_NUM) {
		const struct num *na = &us->tl.nums[ta->num];
		const struct num *nb = &qs->tl.nums[tb->num];

		y->nnum++;
		if (num_same_value(na, nb)) {
			why_item(&y->why_num, "numbers", "%.*s -> %.*s (same)",
			         SPAN(a, ta), SPAN(b, tb));
			return;
		}
		why_item(&y->why_num, "numbers", "%.*s -> %.*s", SPAN(a, ta),
		         SPAN(b, tb));
		XGROW(y->ch, y->chcap, y->nch + 1);
		y->ch[y->nch].old = na;
		y->ch[y->nch].new = nb;
		y->ch[y->nch].old_text = a + ta->start;
		y->ch[y->nch++].old_len = (int)na->len;
		return;
	}
	if (same_folded(a + ta->start, ta->end - ta->start, b + tb->start,
	                tb->end - tb->start)) {
		y->ncase++;
		why_item(&y->why_case, "case", "%.*s -> %.*s", SPAN(a, ta),
		         SPAN(b, tb));
		return;
	}
	if (ta->name) {
		y->nname++;
		why_item(&y->why_name, "name spelling", "%.*s -> %.*s",
		         SPAN(a, ta), SPAN(b, tb));
		buf_add(&y->ents, tok_key(&us->tl, ta) + 1, ta->key_len - 1);
		buf_addch(&y->ents, '\0');
		y->nents++;
		return;
	}
	/* the same key, not the same letters: typographic apostrophes etc. */
	y->npunct++;
	why_item(&y->why_punct, "punctuation", "%.*s -> %.*s", SPAN(a, ta),
	         SPAN(b, tb));
}

/* Keep u's origins (doc/pos first) in r, for the next sentence's 101. */
static void keep_origins(struct match_result *r, const struct match_unit *u)
{
	size_t i;

	r->origins = xcalloc(u->norigins + 1, sizeof(*r->origins));
	if (u->doc) {
		r->origins[0].doc = u->doc;
		r->origins[0].pos = u->pos;
		r->norigins = 1;
	}
	for (i = 0; i < u->norigins; i++)
		if (u->origins[i].doc)
			r->origins[r->norigins++] = u->origins[i];
}

/*
 * Whether some match of the previous sentence scored 100 or more on a
 * unit seen just before this one (r's origins) in the same document.
 */
static int context_match(const struct match_set *prev,
                         const struct match_result *r)
{
	size_t i, a, b;

	for (i = 0; prev && i < prev->n; i++) {
		const struct match_result *p = &prev->v[i];

		if (p->score < 100)
			continue;
		for (a = 0; a < p->norigins; a++)
			for (b = 0; b < r->norigins; b++)
				if (p->origins[a].doc == r->origins[b].doc &&
				    p->origins[a].pos + 1 == r->origins[b].pos)
					return 1;
	}
	return 0;
}

/*
 * Score unit u against the prepared sentence q into r.  Everything the
 * index and the brute force report comes from here.
 */
static int score_unit(struct match_result *r, const struct side *q,
                      const struct match_unit *u,
                      const struct match_names *names,
                      const struct match_weights *w,
                      const struct match_set *prev, struct err *e)
{
	struct side us;
	struct key_pair kp;
	struct diff_step *steps = NULL;
	size_t nsteps = 0, k, L;
	uint32_t *wa = NULL, *wb = NULL;
	struct diff_span *sa = NULL, *sb = NULL;
	struct tally y;
	struct buf why;
	uint64_t cost;
	double conf;
	int rc, total = 0, nmissing;

	memset(r, 0, sizeof(*r));
	tally_init(&y);
	buf_init(&why);
	rc = side_init(&us, u->src, u->src_len, u->src_lang, names, e);
	if (rc < 0) {
		err_prefix(e, "unit %lld", (long long)u->id);
		goto out;
	}
	kp.a = &us.tl;
	kp.b = &q->tl;
	wa = weights_of(&us.tl);
	wb = weights_of(&q->tl);
	cost = diff_align(&steps, &nsteps, wa, us.tl.n, wb, q->tl.n, same_key,
	                  &kp);
	r->id = u->id;
	r->doc = u->doc;
	r->pos = u->pos;
	r->flags = u->flags;
	r->confidence = u->confidence;
	r->usage = u->usage;
	r->date = u->date;
	keep_origins(r, u);
	r->edits = (int)(cost / WORD_COST);
	L = us.nscored > q->nscored ? us.nscored : q->nscored;
	r->base = L ? (int)(100 * (L - (size_t)r->edits) / L) : 100;
	for (k = 0; k < nsteps; k++) {
		const struct diff_step *s = &steps[k];
		const struct tok *ta =
		    s->op != DIFF_INSERT ? &us.tl.v[s->a] : NULL;
		const struct tok *tb =
		    s->op != DIFF_DELETE ? &q->tl.v[s->b] : NULL;
		const struct tok *any = ta ? ta : tb;

		if (!any || (tok_scored(any) && s->op != DIFF_EQUAL))
			continue; /* a word edit: counted in the base */
		tally_pair(&y, &us, ta, q, tb, (enum diff_op)s->op);
	}
	nmissing = propose(r, u, y.ch, y.nch, &y.ents, y.nents, names, &why);

	add_penalty(r, capped(y.ncase, w->case_each, w->case_max), &y.why_case);
	add_penalty(r, capped(y.npunct, w->punct_each, w->punct_max),
	            &y.why_punct);
	add_penalty(r, capped(y.nnum, w->number_each, w->number_max),
	            &y.why_num);
	add_penalty(r, capped(nmissing, w->number_missing, 100), &why);
	add_penalty(r, capped(y.nname, w->name_each, w->name_max), &y.why_name);
	/* compared as printed: a confidence shown as 0.90 is sure */
	conf = floor(u->confidence * 100 + 0.5) / 100;
	if ((u->flags & MATCH_ALIGNED) && !(u->flags & MATCH_CONFIRMED) &&
	    conf < w->aligned_sure) {
		buf_reset(&why);
		buf_addf(&why, "automatic alignment, confidence %.2f", conf);
		add_penalty(r,
		            conf < w->aligned_weak_below ? w->aligned_weak
		                                         : w->aligned,
		            &why);
	}
	if (u->alternatives > 0) {
		buf_reset(&why);
		buf_addf(&why, "%d other translation%s in the memory",
		         u->alternatives, u->alternatives > 1 ? "s" : "");
		add_penalty(r, w->alternatives, &why);
	}
	for (k = 0; k < (size_t)r->npen; k++)
		total += r->pen[k].points;
	r->score = r->base - total < 0 ? 0 : r->base - total;
	if (r->score == 100 && context_match(prev, r))
		r->score = 101;
	r->band = match_band(r->score);

	sa = spans_of(&us.tl);
	sb = spans_of(&q->tl);
	diff_hunks(&r->hunks, &r->nhunks, steps, nsteps, u->src, sa, q->text,
	           sb);
	r->source = xmemdupz(u->src, u->src_len);
	r->source_len = u->src_len;
	r->target = xmemdupz(u->tgt, u->tgt_len);
	r->target_len = u->tgt_len;
out:
	free(steps);
	free(wa);
	free(wb);
	free(sa);
	free(sb);
	buf_release(&why);
	tally_release(&y);
	side_release(&us);
	if (rc < 0)
		match_result_release(r);
	return rc;
}

int match_score(struct match_result *out, const char *text, size_t len,
                const char *lang, const struct match_unit *u,
                const struct match_names *names, const struct match_weights *w,
                const struct match_set *prev, struct err *e)
{
	struct match_weights dw;
	struct side q;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!w) {
		match_weights_default(&dw);
		w = &dw;
	}
	rc = side_init(&q, text, len, lang, names, e);
	if (rc == 0)
		rc = score_unit(out, &q, u, names, w, prev, e);
	side_release(&q);
	return rc;
}

void match_render_diff(struct buf *out, const struct match_result *r,
                       const char *query, size_t len, enum diff_style style)
{
	diff_render(out, r->source, r->source_len, query, len, r->hunks,
	            r->nhunks, style);
}

/* ------------------------------------------------------------------ */
/* Hash tables                                                          */

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h ^ (h >> 29);
}

static uint64_t hash_u64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

/* The dictionary: keys to dense ids. */
struct dict {
	struct buf keys;
	size_t *off;
	uint32_t *len;
	size_t n, cap;
	uint32_t *slot; /* 0 empty, else id + 1 */
	size_t nslot;   /* a power of two */
};

static uint32_t dict_find(const struct dict *d, const char *k, size_t n)
{
	size_t i;

	if (!d->nslot)
		return NONE;
	for (i = hash_bytes(k, n) & (d->nslot - 1);;
	     i = (i + 1) & (d->nslot - 1)) {
		uint32_t s = d->slot[i];

		if (!s)
			return NONE;
		s--;
		if (d->len[s] == n && !memcmp(d->keys.data + d->off[s], k, n))
			return s;
	}
}

static void dict_place(struct dict *d, uint32_t id)
{
	size_t i =
	    hash_bytes(d->keys.data + d->off[id], d->len[id]) & (d->nslot - 1);

	while (d->slot[i])
		i = (i + 1) & (d->nslot - 1);
	d->slot[i] = id + 1;
}

static uint32_t dict_intern(struct dict *d, const char *k, size_t n)
{
	uint32_t id = dict_find(d, k, n);
	size_t i;

	if (id != NONE)
		return id;
	if ((d->n + 1) * 2 > d->nslot) {
		free(d->slot);
		d->nslot = d->nslot ? d->nslot * 2 : 1024;
		d->slot = xcalloc(d->nslot, sizeof(*d->slot));
		for (i = 0; i < d->n; i++)
			dict_place(d, (uint32_t)i);
	}
	XGROW(d->off, d->cap, d->n + 1);
	d->len = xreallocarray(d->len, d->cap, sizeof(*d->len));
	id = (uint32_t)d->n++;
	d->off[id] = d->keys.len;
	d->len[id] = (uint32_t)n;
	buf_add(&d->keys, k, n);
	dict_place(d, id);
	return id;
}

static void dict_release(struct dict *d)
{
	buf_release(&d->keys);
	free(d->off);
	free(d->len);
	free(d->slot);
}

/* ------------------------------------------------------------------ */
/* The index                                                            */

struct owned {
	char *src, *tgt;
	size_t src_len, tgt_len;
	int64_t doc;
	int pos;
	struct match_origin *origins;
	size_t norigins;
	unsigned flags;
	int alternatives;
	double confidence;
	long long usage;
	int64_t date;
};

struct lang_pair {
	char src[48], tgt[48];   /* the tags as given */
	char psrc[12], ptgt[12]; /* their primary subtags, lower case */
};

struct match_index {
	struct match_names names;
	int has_names;
	match_fetch_fn fetch;
	void *fetch_ctx;
	struct dict dict;

	/* units: index u, tokens toks[uoff[u] .. uoff[u] + ulen[u]) */
	size_t nunits, ucap, nlive;
	int64_t *uid;
	size_t *uoff;
	uint16_t *ulen;
	uint16_t *upair;
	uint8_t *udead;
	struct owned *own;
	uint32_t *toks;
	size_t ntoks, tcap;
	uint32_t *idslot; /* caller id -> u + 1 */
	size_t nidslot;
	struct lang_pair *pairs;
	size_t npairs, pcap;

	/* built by match_index_build */
	int built;
	uint32_t nvocab;  /* dictionary size at build time */
	uint32_t nelem;   /* tokens plus (token, occurrence >= 2) elements */
	uint32_t *rank;   /* per element: position in the global order */
	uint64_t *occkey; /* (token + 1) << 16 | occurrence */
	uint32_t *occval;
	size_t nocc, occslots;
	uint32_t *pstart; /* per element: its postings */
	uint32_t *punit;
	uint8_t *pj; /* position of the element in the unit's order */
	size_t npost;
	uint32_t *oversize; /* units too long for the postings */
	size_t noversize;

	/* query scratch */
	uint32_t *seen; /* per unit: stamp << 8 | shared prefix tokens */
	uint32_t stamp;
	uint32_t *cand;
	size_t ncand, candcap;
	unsigned *row;
};

static void primary_of(char out[12], const char *tag)
{
	size_t n = 0;

	while (tag && tag[n] && tag[n] != '-' && tag[n] != '_' && n < 11) {
		char c = tag[n];

		out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	out[n] = '\0';
}

static uint16_t pair_of(struct match_index *x, const char *src, const char *tgt)
{
	size_t i;

	src = src ? src : "";
	tgt = tgt ? tgt : "";
	for (i = 0; i < x->npairs; i++)
		if (!strcmp(x->pairs[i].src, src) &&
		    !strcmp(x->pairs[i].tgt, tgt))
			return (uint16_t)i;
	XGROW(x->pairs, x->pcap, x->npairs + 1);
	snprintf(x->pairs[i].src, sizeof(x->pairs[i].src), "%s", src);
	snprintf(x->pairs[i].tgt, sizeof(x->pairs[i].tgt), "%s", tgt);
	primary_of(x->pairs[i].psrc, src);
	primary_of(x->pairs[i].ptgt, tgt);
	x->npairs++;
	return (uint16_t)i;
}

/* The unit with caller id, dead or alive, or NONE. */
static uint32_t unit_find(const struct match_index *x, int64_t id)
{
	size_t i;

	if (!x->nidslot)
		return NONE;
	for (i = hash_u64((uint64_t)id) & (x->nidslot - 1);;
	     i = (i + 1) & (x->nidslot - 1)) {
		uint32_t s = x->idslot[i];

		if (!s)
			return NONE;
		if (x->uid[s - 1] == id)
			return s - 1;
	}
}

static void id_place(struct match_index *x, uint32_t u)
{
	size_t i = hash_u64((uint64_t)x->uid[u]) & (x->nidslot - 1);

	while (x->idslot[i])
		i = (i + 1) & (x->nidslot - 1);
	x->idslot[i] = u + 1;
}

/* Point id's slot at u (the id was removed before: the slot exists). */
static void id_repoint(struct match_index *x, uint32_t u)
{
	size_t i;

	for (i = hash_u64((uint64_t)x->uid[u]) & (x->nidslot - 1);;
	     i = (i + 1) & (x->nidslot - 1))
		if (x->uid[x->idslot[i] - 1] == x->uid[u]) {
			x->idslot[i] = u + 1;
			return;
		}
}

struct match_index *match_index_new(const struct match_names *names,
                                    match_fetch_fn fetch, void *ctx)
{
	struct match_index *x = xcalloc(1, sizeof(*x));

	if (names) {
		x->names = *names;
		x->has_names = 1;
	}
	x->fetch = fetch;
	x->fetch_ctx = ctx;
	buf_init(&x->dict.keys);
	return x;
}

static void drop_built(struct match_index *x)
{
	free(x->rank);
	free(x->occkey);
	free(x->occval);
	free(x->pstart);
	free(x->punit);
	free(x->pj);
	free(x->oversize);
	free(x->seen);
	x->rank = NULL;
	x->occkey = NULL;
	x->occval = NULL;
	x->pstart = x->punit = x->oversize = x->seen = NULL;
	x->pj = NULL;
	x->nocc = x->occslots = x->npost = x->noversize = 0;
	x->nelem = 0;
	x->built = 0;
}

void match_index_free(struct match_index *x)
{
	size_t u;

	if (!x)
		return;
	drop_built(x);
	if (x->own)
		for (u = 0; u < x->nunits; u++) {
			free(x->own[u].src);
			free(x->own[u].tgt);
			free(x->own[u].origins);
		}
	free(x->own);
	free(x->uid);
	free(x->uoff);
	free(x->ulen);
	free(x->upair);
	free(x->udead);
	free(x->toks);
	free(x->idslot);
	free(x->pairs);
	free(x->row);
	free(x->cand);
	dict_release(&x->dict);
	free(x);
}

static const struct match_names *names_of(const struct match_index *x)
{
	return x->has_names ? &x->names : NULL;
}

static int add_unit(struct match_index *x, const struct match_unit *u,
                    const uint32_t *toks, size_t m, struct err *e)
{
	uint32_t old = unit_find(x, u->id), nu;
	size_t i;

	if (old != NONE && !x->udead[old])
		return err_set(e, ERR_USAGE, "unit %lld is already indexed",
		               (long long)u->id);
	if (m > MATCH_MAX_TOKENS)
		return err_set(e, ERR_LIMIT,
		               "unit %lld too long to index (%zu tokens, "
		               "limit %d)",
		               (long long)u->id, m, MATCH_MAX_TOKENS);
	if (x->nunits >= NONE - 1)
		return err_set(e, ERR_LIMIT, "too many units to index");
	if (x->nunits + 1 > x->ucap) {
		size_t cap = x->ucap;

		XGROW(x->uid, cap, x->nunits + 1);
		x->uoff = xreallocarray(x->uoff, cap, sizeof(*x->uoff));
		x->ulen = xreallocarray(x->ulen, cap, sizeof(*x->ulen));
		x->upair = xreallocarray(x->upair, cap, sizeof(*x->upair));
		x->udead = xreallocarray(x->udead, cap, sizeof(*x->udead));
		if (!x->fetch)
			x->own = xreallocarray(x->own, cap, sizeof(*x->own));
		x->ucap = cap;
	}
	nu = (uint32_t)x->nunits++;
	x->uid[nu] = u->id;
	XGROW(x->toks, x->tcap, x->ntoks + m);
	x->uoff[nu] = x->ntoks;
	if (m)
		memcpy(x->toks + x->ntoks, toks, m * sizeof(*toks));
	x->ntoks += m;
	x->ulen[nu] = (uint16_t)m;
	x->upair[nu] = pair_of(x, u->src_lang, u->tgt_lang);
	x->udead[nu] = 0;
	if (!x->fetch) {
		struct owned *o = &x->own[nu];

		o->src = xmemdupz(u->src ? u->src : "", u->src_len);
		o->src_len = u->src_len;
		o->tgt = xmemdupz(u->tgt ? u->tgt : "", u->tgt_len);
		o->tgt_len = u->tgt_len;
		o->doc = u->doc;
		o->pos = u->pos;
		o->norigins = u->norigins;
		o->origins = xcalloc(u->norigins + 1, sizeof(*o->origins));
		if (u->norigins)
			memcpy(o->origins, u->origins,
			       u->norigins * sizeof(*o->origins));
		o->flags = u->flags;
		o->alternatives = u->alternatives;
		o->confidence = u->confidence;
		o->usage = u->usage;
		o->date = u->date;
	}
	if (old != NONE) {
		id_repoint(x, nu);
	} else {
		if ((x->nunits + 1) * 2 > x->nidslot) {
			free(x->idslot);
			x->nidslot = x->nidslot ? x->nidslot * 2 : 1024;
			x->idslot = xcalloc(x->nidslot, sizeof(*x->idslot));
			for (i = 0; i < x->nunits; i++)
				id_place(x, (uint32_t)i);
		} else {
			id_place(x, nu);
		}
	}
	x->nlive++;
	x->built = 0;
	return 0;
}

int match_index_add(struct match_index *x, const struct match_unit *u,
                    struct err *e)
{
	struct side s;
	uint32_t *ids = NULL;
	size_t i, m = 0;
	int rc;

	rc = side_init(&s, u->src, u->src_len, u->src_lang, names_of(x), e);
	if (rc < 0) {
		err_prefix(e, "unit %lld", (long long)u->id);
		goto out;
	}
	ids = xcalloc(s.nscored + 1, sizeof(*ids));
	for (i = 0; i < s.tl.n; i++) {
		const struct tok *t = &s.tl.v[i];

		if (tok_scored(t))
			ids[m++] = dict_intern(&x->dict, tok_key(&s.tl, t),
			                       t->key_len);
	}
	rc = add_unit(x, u, ids, m, e);
out:
	free(ids);
	side_release(&s);
	return rc;
}

int match_index_tokens(struct match_index *x, uint32_t **toks, size_t *n,
                       const char *text, size_t len, const char *lang,
                       int intern, struct err *e)
{
	struct side s;
	uint32_t *ids;
	size_t i, m = 0;
	int rc;

	*toks = NULL;
	*n = 0;
	rc = side_init(&s, text, len, lang, names_of(x), e);
	if (rc < 0) {
		side_release(&s);
		return rc;
	}
	ids = xcalloc(s.nscored + 1, sizeof(*ids));
	for (i = 0; i < s.tl.n; i++) {
		const struct tok *t = &s.tl.v[i];

		if (!tok_scored(t))
			continue;
		ids[m++] =
		    intern
		        ? dict_intern(&x->dict, tok_key(&s.tl, t), t->key_len)
		        : dict_find(&x->dict, tok_key(&s.tl, t), t->key_len);
	}
	side_release(&s);
	*toks = ids;
	*n = m;
	return 0;
}

void match_tokenize(struct tok_list *l, const char *text, size_t len,
                    const char *lang, const struct match_names *names)
{
	tok_list_reset(l);
	tok_split(l, text, len, lang);
	name_keys(l, text, lang, names);
}

int match_index_add_tokens(struct match_index *x, const struct match_unit *u,
                           const uint32_t *toks, size_t n, struct err *e)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (toks[i] >= x->dict.n)
			return err_set(e, ERR_FORMAT,
			               "unit %lld: token id %u not in the "
			               "dictionary",
			               (long long)u->id, (unsigned)toks[i]);
	return add_unit(x, u, toks, n, e);
}

int match_index_remove(struct match_index *x, int64_t id)
{
	uint32_t u = unit_find(x, id);

	if (u == NONE || x->udead[u])
		return ERR_NOTFOUND;
	x->udead[u] = 1;
	x->nlive--;
	if (x->own) {
		free(x->own[u].src);
		free(x->own[u].tgt);
		free(x->own[u].origins);
		x->own[u].src = x->own[u].tgt = NULL;
		x->own[u].origins = NULL;
	}
	x->built = 0;
	return 0;
}

size_t match_index_size(const struct match_index *x)
{
	return x->nlive;
}

/* Element id of the c-th occurrence (c >= 2) of token t, or NONE. */
static uint32_t occ_find(const struct match_index *x, uint32_t t, unsigned c)
{
	uint64_t key = ((uint64_t)t + 1) << 16 | c;
	size_t i;

	if (!x->occslots)
		return NONE;
	for (i = hash_u64(key) & (x->occslots - 1);;
	     i = (i + 1) & (x->occslots - 1)) {
		if (!x->occkey[i])
			return NONE;
		if (x->occkey[i] == key)
			return x->occval[i];
	}
}

static void occ_place(struct match_index *x, uint64_t key, uint32_t val)
{
	size_t i = hash_u64(key) & (x->occslots - 1);

	while (x->occkey[i])
		i = (i + 1) & (x->occslots - 1);
	x->occkey[i] = key;
	x->occval[i] = val;
}

static uint32_t occ_add(struct match_index *x, uint32_t t, unsigned c)
{
	uint64_t key = ((uint64_t)t + 1) << 16 | c;
	size_t i;

	if ((x->nocc + 1) * 2 > x->occslots) {
		uint64_t *ok = x->occkey;
		uint32_t *ov = x->occval;
		size_t n = x->occslots;

		x->occslots = n ? n * 2 : 1024;
		x->occkey = xcalloc(x->occslots, sizeof(*x->occkey));
		x->occval = xcalloc(x->occslots, sizeof(*x->occval));
		for (i = 0; i < n; i++)
			if (ok[i])
				occ_place(x, ok[i], ov[i]);
		free(ok);
		free(ov);
	}
	occ_place(x, key, x->nelem);
	x->nocc++;
	return x->nelem++;
}

/* The elements of unit u (each token, repeated ones numbered), in order. */
static size_t unit_elems(struct match_index *x, uint32_t u, uint16_t *cnt,
                         uint32_t *el)
{
	const uint32_t *t = x->toks + x->uoff[u];
	size_t m = x->ulen[u], k;

	for (k = 0; k < m; k++) {
		unsigned c = ++cnt[t[k]];

		el[k] = c == 1 ? t[k] : occ_find(x, t[k], c);
	}
	for (k = 0; k < m; k++)
		cnt[t[k]] = 0;
	return m;
}

/* Sort elements by rank (insertion sort: units are short). */
static void sort_by_rank(const struct match_index *x, uint32_t *el, size_t m)
{
	size_t i, j;

	for (i = 1; i < m; i++) {
		uint32_t v = el[i], r = x->rank[v];

		for (j = i; j > 0 && x->rank[el[j - 1]] > r; j--)
			el[j] = el[j - 1];
		el[j] = v;
	}
}

static int cmp_u64(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;

	return a < b ? -1 : a > b;
}

/*
 * The prefix filter, generalised: if two sequences of m and n elements
 * share at least t, their first m - t + k and n - t + k elements (in one
 * global order) share at least k (the k-th shared element has at least
 * t - k shared ones after it in both).  Prefix length for m elements at
 * min-score s, where t >= ceil(s m / 100):
 */
static size_t prefix_len(size_t m, int s, size_t k)
{
	size_t p = m - (m * (size_t)s + 99) / 100 + k;

	return p > m ? m : p;
}

/* The highest min-score at which position j of m is in that prefix. */
static unsigned smax_of(size_t j, size_t m, size_t k)
{
	size_t v = 100 * (m - j + k - 1) / m;

	return (unsigned)(v > 100 ? 100 : v);
}

void match_index_build(struct match_index *x)
{
	uint32_t V = (uint32_t)x->dict.n, *df, *cursor, el[POSTING_MAX_LEN];
	uint16_t *cnt;
	uint64_t *order, *tmp;
	size_t dfcap, u, k, maxlist = 0;

	drop_built(x);
	x->nvocab = V;
	x->nelem = V;
	cnt = xcalloc((size_t)V + 1, sizeof(*cnt));
	dfcap = (size_t)V + 1;
	df = xcalloc(dfcap, sizeof(*df));
	for (u = 0; u < x->nunits; u++) {
		const uint32_t *t = x->toks + x->uoff[u];
		size_t m = x->ulen[u];

		if (x->udead[u])
			continue;
		for (k = 0; k < m; k++) {
			unsigned c = ++cnt[t[k]];
			uint32_t e = t[k];

			if (c > 1) {
				e = occ_find(x, t[k], c);
				if (e == NONE)
					e = occ_add(x, t[k], c);
				if (e >= dfcap) {
					size_t old = dfcap;

					XGROW(df, dfcap, (size_t)e + 1);
					memset(df + old, 0,
					       (dfcap - old) * sizeof(*df));
				}
			}
			df[e]++;
		}
		for (k = 0; k < m; k++)
			cnt[t[k]] = 0;
	}
	/* the global order: rarest first, ties by id */
	order = xcalloc((size_t)x->nelem + 1, sizeof(*order));
	for (k = 0; k < x->nelem; k++)
		order[k] = (uint64_t)df[k] << 32 | k;
	qsort(order, x->nelem, sizeof(*order), cmp_u64);
	x->rank = xcalloc((size_t)x->nelem + 1, sizeof(*x->rank));
	for (k = 0; k < x->nelem; k++)
		x->rank[(uint32_t)order[k]] = (uint32_t)k;
	free(order);

	/* count, then fill the postings of each unit's prefix */
	x->pstart = xcalloc((size_t)x->nelem + 2, sizeof(*x->pstart));
	for (u = 0; u < x->nunits; u++) {
		size_t m = x->ulen[u], p;

		if (x->udead[u] || !m)
			continue;
		if (m > POSTING_MAX_LEN)
			continue;
		unit_elems(x, (uint32_t)u, cnt, el);
		sort_by_rank(x, el, m);
		p = prefix_len(m, MATCH_INDEX_MIN, 2);
		for (k = 0; k < p; k++)
			x->pstart[el[k] + 1]++;
	}
	for (k = 0; k < x->nelem; k++) {
		if (x->pstart[k + 1] > maxlist)
			maxlist = x->pstart[k + 1];
		x->pstart[k + 1] += x->pstart[k];
	}
	x->npost = x->pstart[x->nelem];
	x->punit = xcalloc(x->npost + 1, sizeof(*x->punit));
	x->pj = xcalloc(x->npost + 1, sizeof(*x->pj));
	cursor = xcalloc((size_t)x->nelem + 1, sizeof(*cursor));
	memcpy(cursor, x->pstart, (size_t)x->nelem * sizeof(*cursor));
	for (u = 0; u < x->nunits; u++) {
		size_t m = x->ulen[u], p;

		if (x->udead[u] || !m)
			continue;
		if (m > POSTING_MAX_LEN) {
			x->oversize =
			    xreallocarray(x->oversize, x->noversize + 1,
			                  sizeof(*x->oversize));
			x->oversize[x->noversize++] = (uint32_t)u;
			continue;
		}
		unit_elems(x, (uint32_t)u, cnt, el);
		sort_by_rank(x, el, m);
		p = prefix_len(m, MATCH_INDEX_MIN, 2);
		for (k = 0; k < p; k++) {
			uint32_t c = cursor[el[k]]++;

			x->punit[c] = (uint32_t)u;
			x->pj[c] = (uint8_t)k;
		}
	}
	free(cursor);
	/* each list: usable at the highest thresholds first */
	tmp = xcalloc(maxlist + 1, sizeof(*tmp));
	for (k = 0; k < x->nelem; k++) {
		size_t a = x->pstart[k], b = x->pstart[k + 1], i;

		if (b - a < 2)
			continue;
		for (i = a; i < b; i++) {
			uint32_t uu = x->punit[i];

			tmp[i - a] =
			    (uint64_t)(100 - smax_of(x->pj[i], x->ulen[uu], 2))
			        << 40 |
			    (uint64_t)uu << 8 | x->pj[i];
		}
		qsort(tmp, b - a, sizeof(*tmp), cmp_u64);
		for (i = a; i < b; i++) {
			x->punit[i] = (uint32_t)(tmp[i - a] >> 8);
			x->pj[i] = (uint8_t)tmp[i - a];
		}
	}
	free(tmp);
	free(cnt);
	free(df);
	x->seen = xcalloc(x->nunits + 1, sizeof(*x->seen));
	x->stamp = 0;
	if (!x->row)
		x->row = xcalloc(MATCH_MAX_TOKENS + 2, sizeof(*x->row));
	x->built = 1;
}

/* ------------------------------------------------------------------ */
/* Edit distances over token ids                                        */

/*
 * The match masks of a pattern of up to 64 tokens: bit i of the mask of
 * token id is set when the pattern's token i is id.  A small open
 * addressing table, so that it stays in the first-level cache.
 */
#define PEQ_BITS  7
#define PEQ_SLOTS (1u << PEQ_BITS)

struct peq {
	uint32_t key[PEQ_SLOTS];
	uint64_t mask[PEQ_SLOTS];
};

static size_t peq_slot(const struct peq *t, uint32_t id)
{
	size_t i = (uint32_t)(id * 2654435761u) >> (32 - PEQ_BITS);

	while (t->key[i] != id && t->key[i] != NONE)
		i = (i + 1) & (PEQ_SLOTS - 1);
	return i;
}

static void peq_init(struct peq *t, const uint32_t *ids, size_t n)
{
	size_t i;

	memset(t->key, 0xFF, sizeof(t->key));
	memset(t->mask, 0, sizeof(t->mask));
	for (i = 0; i < n && i < 64; i++) {
		size_t k = peq_slot(t, ids[i]);

		t->key[k] = ids[i];
		t->mask[k] |= (uint64_t)1 << i;
	}
}

static uint64_t peq_get(const struct peq *t, uint32_t id)
{
	return t->mask[peq_slot(t, id)];
}

/*
 * Levenshtein distance of a pattern (n tokens, 1 <= n <= 64, given as its
 * match masks) and t, bit-parallel (Myers 1999, in Hyyrö's form for the
 * global distance).
 */
static unsigned ed_myers(const struct peq *peq, size_t n, const uint32_t *t,
                         size_t m)
{
	uint64_t pv = ~(uint64_t)0, mv = 0, top = (uint64_t)1 << (n - 1);
	unsigned score = (unsigned)n;
	size_t k;

	for (k = 0; k < m; k++) {
		uint64_t eq = peq_get(peq, t[k]), xv = eq | mv;
		uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
		uint64_t ph = mv | ~(xh | pv), mh = pv & xh;

		if (ph & top)
			score++;
		else if (mh & top)
			score--;
		ph = (ph << 1) | 1;
		mh <<= 1;
		pv = mh | ~(xv | ph);
		mv = ph & xv;
	}
	return score;
}

unsigned match_token_distance(const uint32_t *a, size_t n, const uint32_t *b,
                              size_t m, unsigned kmax, unsigned *row)
{
	size_t i, j;

	for (j = 0; j <= m; j++)
		row[j] = (unsigned)j;
	for (i = 1; i <= n; i++) {
		unsigned diag = row[0], least;

		row[0] = (unsigned)i;
		least = row[0];
		for (j = 1; j <= m; j++) {
			unsigned up = row[j], v = up + 1;

			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			if (diag + (a[i - 1] != b[j - 1]) < v)
				v = diag + (a[i - 1] != b[j - 1]);
			row[j] = v;
			diag = up;
			if (v < least)
				least = v;
		}
		if (least > kmax)
			return kmax + 1;
	}
	return row[m] > kmax ? kmax + 1 : row[m];
}

/* ------------------------------------------------------------------ */
/* Queries                                                              */

struct prep {
	struct side q;
	uint32_t *ids; /* scored tokens' ids (unknown: >= dictionary size) */
	size_t n;
	uint32_t *el; /* elements, rarest first (NONE: not in the index) */
	uint8_t *pair_ok;
	struct peq peq; /* the match masks of ids (n <= 64) */
	int s;          /* threshold for the base, 0-100 */
	struct match_weights w;
};

static void prep_release(struct prep *p)
{
	side_release(&p->q);
	free(p->ids);
	free(p->el);
	free(p->pair_ok);
}

static int prep_query(struct prep *p, struct match_index *x,
                      const struct match_query *q, struct err *e)
{
	size_t i, j, nunk = 0, *unk;
	int rc;

	memset(p, 0, sizeof(*p));
	tok_list_init(&p->q.tl);
	if (q->min_score < 0 || q->min_score > 101)
		return err_set(e, ERR_USAGE,
		               "min score %d is not between 0 and 101",
		               q->min_score);
	p->s = q->min_score > 100 ? 100 : q->min_score;
	if (q->weights)
		p->w = *q->weights;
	else
		match_weights_default(&p->w);
	rc = side_init(&p->q, q->text, q->len, q->src_lang, names_of(x), e);
	if (rc < 0)
		return rc;
	p->ids = xcalloc(p->q.nscored + 1, sizeof(*p->ids));
	unk = xcalloc(p->q.nscored + 1, sizeof(*unk));
	for (i = 0; i < p->q.tl.n; i++) {
		const struct tok *t = &p->q.tl.v[i];
		uint32_t id;

		if (!tok_scored(t))
			continue;
		id = dict_find(&x->dict, tok_key(&p->q.tl, t), t->key_len);
		if (id == NONE) {
			/* not in the dictionary: one new id per key */
			for (j = 0; j < nunk; j++) {
				const struct tok *o = &p->q.tl.v[unk[j]];

				if (o->key_len == t->key_len &&
				    !memcmp(tok_key(&p->q.tl, o),
				            tok_key(&p->q.tl, t), t->key_len))
					break;
			}
			if (j == nunk)
				unk[nunk++] = i;
			id = (uint32_t)(x->dict.n + j);
		}
		p->ids[p->n++] = id;
	}
	free(unk);
	p->pair_ok = xcalloc(x->npairs + 1, 1);
	for (i = 0; i < x->npairs; i++) {
		char ps[12], pt[12];

		primary_of(ps, q->src_lang);
		primary_of(pt, q->tgt_lang);
		p->pair_ok[i] =
		    (!q->src_lang || !strcmp(ps, x->pairs[i].psrc)) &&
		    (!q->tgt_lang || !strcmp(pt, x->pairs[i].ptgt));
	}
	return 0;
}

/* The elements of the query, rarest first (needs a built index). */
static void prep_elements(struct prep *p, const struct match_index *x)
{
	size_t i, j;

	p->el = xcalloc(p->n + 1, sizeof(*p->el));
	for (i = 0; i < p->n; i++) {
		unsigned c = 1;

		for (j = 0; j < i; j++)
			c += p->ids[j] == p->ids[i];
		if (p->ids[i] >= x->nvocab)
			p->el[i] = NONE;
		else
			p->el[i] =
			    c == 1 ? p->ids[i] : occ_find(x, p->ids[i], c);
	}
	/* NONE first (not in any unit), then by rank */
	for (i = 1; i < p->n; i++) {
		uint32_t v = p->el[i];
		uint64_t r = v == NONE ? 0 : (uint64_t)x->rank[v] + 1;

		for (j = i; j > 0; j--) {
			uint32_t w = p->el[j - 1];
			uint64_t rw = w == NONE ? 0 : (uint64_t)x->rank[w] + 1;

			if (rw <= r)
				break;
			p->el[j] = w;
		}
		p->el[j] = v;
	}
}

/* Fill mu with unit u's data (owned copy or fetched). */
static int unit_get(struct match_index *x, uint32_t u, struct match_unit *mu,
                    struct err *e)
{
	const struct lang_pair *lp = &x->pairs[x->upair[u]];

	memset(mu, 0, sizeof(*mu));
	if (x->fetch) {
		int rc = x->fetch(x->fetch_ctx, mu, x->uid[u], e);

		if (rc < 0)
			return rc;
		mu->id = x->uid[u];
		return 0;
	}
	mu->id = x->uid[u];
	mu->src = x->own[u].src;
	mu->src_len = x->own[u].src_len;
	mu->tgt = x->own[u].tgt;
	mu->tgt_len = x->own[u].tgt_len;
	mu->src_lang = lp->src[0] ? lp->src : NULL;
	mu->tgt_lang = lp->tgt[0] ? lp->tgt : NULL;
	mu->doc = x->own[u].doc;
	mu->pos = x->own[u].pos;
	mu->origins = x->own[u].origins;
	mu->norigins = x->own[u].norigins;
	mu->flags = x->own[u].flags;
	mu->alternatives = x->own[u].alternatives;
	mu->confidence = x->own[u].confidence;
	mu->usage = x->own[u].usage;
	mu->date = x->own[u].date;
	return 0;
}

/* Score unit u (its base reached the threshold) and keep it if it passes. */
static int verify(struct match_set *out, struct match_index *x,
                  const struct prep *p, const struct match_query *q, uint32_t u,
                  struct err *e)
{
	struct match_unit mu;
	struct match_result *r;
	int rc;

	out->verified++;
	rc = unit_get(x, u, &mu, e);
	if (rc < 0)
		return rc;
	r = set_push(out);
	rc = score_unit(r, &p->q, &mu, names_of(x), &p->w, q->prev, e);
	if (rc < 0 || r->score < q->min_score) {
		match_result_release(r);
		out->n--;
	}
	return rc;
}

/* ceil(s * L / 100): the fewest shared tokens a base of s needs. */
static size_t need(size_t L, int s)
{
	return (L * (size_t)s + 99) / 100;
}

/*
 * Check unit u against the query: length, language pair, exact edit
 * distance against the bound the threshold allows.
 */
static int check_unit(struct match_set *out, struct match_index *x,
                      const struct prep *p, const struct match_query *q,
                      uint32_t u, struct err *e)
{
	size_t m = x->ulen[u], n = p->n, L = m > n ? m : n, kmax;
	unsigned ed;

	if (!p->pair_ok[x->upair[u]])
		return 0;
	kmax = L - need(L, p->s);
	if ((m > n ? m - n : n - m) > kmax)
		return 0;
	out->candidates++;
	if (!n)
		ed = (unsigned)m;
	else if (n <= 64)
		ed = ed_myers(&p->peq, n, x->toks + x->uoff[u], m);
	else
		ed = match_token_distance(p->ids, n, x->toks + x->uoff[u], m,
		                          (unsigned)kmax, x->row);
	if (ed > kmax)
		return 0;
	return verify(out, x, p, q, u, e);
}

int match_index_query(struct match_set *out, struct match_index *x,
                      const struct match_query *q, struct err *e)
{
	struct prep p;
	size_t i, n, pq, mlo, mhi, tmin, k, c;
	uint32_t mark;
	int rc;

	set_reset(out, q->text, q->len);
	rc = prep_query(&p, x, q, e);
	if (rc < 0)
		goto out;
	if (!x->built)
		match_index_build(x);
	n = p.n;
	peq_init(&p.peq, p.ids, n);
	if (p.s < MATCH_INDEX_MIN || !n) {
		/* a scan: the prefix filter would let most units through */
		for (i = 0; i < x->nunits && rc == 0; i++)
			if (!x->udead[i])
				rc = check_unit(out, x, &p, q, (uint32_t)i, e);
		goto out;
	}
	prep_elements(&p, x);
	if (++x->stamp >= (uint32_t)1 << 24) {
		memset(x->seen, 0, x->nunits * sizeof(*x->seen));
		x->stamp = 1;
	}
	mark = x->stamp << 8;
	mlo = need(n, p.s);
	mhi = 100 * n / (size_t)p.s;
	/* a match shares tmin tokens or more, so k of them in the prefixes */
	tmin = need(n, p.s);
	k = tmin >= 2 ? 2 : 1;
	pq = prefix_len(n, p.s, k);
	x->ncand = 0;
	for (i = 0; i < pq; i++) {
		uint32_t el = p.el[i], a, b, lo, hi;

		if (el == NONE)
			continue;
		a = x->pstart[el];
		b = x->pstart[el + 1];
		/* entries usable at this threshold come first */
		lo = a;
		hi = b;
		while (lo < hi) {
			uint32_t mid = lo + (hi - lo) / 2;

			if (smax_of(x->pj[mid], x->ulen[x->punit[mid]], 2) >=
			    (unsigned)p.s)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (b = lo; a < b; a++) {
			uint32_t u = x->punit[a], seen = x->seen[u];
			size_t m, j = x->pj[a], L, rest;

			if ((seen & ~(uint32_t)0xFF) == mark) {
				if ((seen & 0xFF) < 0xFE)
					x->seen[u] = seen + 1;
				continue;
			}
			m = x->ulen[u];
			x->seen[u] = mark | 0xFF; /* unless it passes: */
			if (m < mlo || m > mhi ||
			    (k == 1 && smax_of(j, m, 1) < (unsigned)p.s))
				continue;
			/* the first token they share: at most this one and
			 * what follows it in both can be shared */
			L = m > n ? m : n;
			rest = n - 1 - i < m - 1 - j ? n - 1 - i : m - 1 - j;
			if (1 + rest < need(L, p.s))
				continue;
			x->seen[u] = mark | 1;
			XGROW(x->cand, x->candcap, x->ncand + 1);
			x->cand[x->ncand++] = u;
		}
	}
	for (c = 0; c < x->ncand && rc == 0; c++) {
		uint32_t u = x->cand[c], shared = x->seen[u] & 0xFF;

		if (shared >= k && shared != 0xFF)
			rc = check_unit(out, x, &p, q, u, e);
	}
	for (i = 0; i < x->noversize && rc == 0; i++)
		rc = check_unit(out, x, &p, q, x->oversize[i], e);
out:
	prep_release(&p);
	if (rc == 0)
		set_finish(out, q->max);
	return rc;
}

int match_index_brute(struct match_set *out, struct match_index *x,
                      const struct match_query *q, struct err *e)
{
	struct prep p;
	size_t u;
	unsigned *row = NULL;
	int rc;

	set_reset(out, q->text, q->len);
	rc = prep_query(&p, x, q, e);
	if (rc < 0)
		goto out;
	row = xcalloc(MATCH_MAX_TOKENS + 2, sizeof(*row));
	for (u = 0; u < x->nunits && rc == 0; u++) {
		size_t m = x->ulen[u], L = m > p.n ? m : p.n;
		unsigned ed;
		int base;

		if (x->udead[u] || !p.pair_ok[x->upair[u]])
			continue;
		out->candidates++;
		ed = match_token_distance(p.ids, p.n, x->toks + x->uoff[u], m,
		                          ~0u - 1, row);
		base = L ? (int)(100 * (L - ed) / L) : 100;
		if (base >= p.s)
			rc = verify(out, x, &p, q, (uint32_t)u, e);
	}
out:
	free(row);
	prep_release(&p);
	if (rc == 0)
		set_finish(out, q->max);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Storing the index                                                    */

size_t match_index_token_count(const struct match_index *x)
{
	return x->dict.n;
}

const char *match_index_token(const struct match_index *x, uint32_t id,
                              size_t *len)
{
	if (id >= x->dict.n) {
		*len = 0;
		return NULL;
	}
	*len = x->dict.len[id];
	return x->dict.keys.data + x->dict.off[id];
}

void match_index_intern(struct match_index *x, uint32_t *id, const char *key,
                        size_t len)
{
	*id = dict_intern(&x->dict, key, len);
}

int match_index_unit_tokens(const struct match_index *x, int64_t id,
                            const uint32_t **toks, size_t *n)
{
	uint32_t u = unit_find(x, id);

	if (u == NONE || x->udead[u])
		return ERR_NOTFOUND;
	*toks = x->toks + x->uoff[u];
	*n = x->ulen[u];
	return 0;
}

void match_tokens_encode(struct buf *out, const uint32_t *toks, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		uint32_t v = toks[i];

		while (v >= 0x80) {
			buf_addch(out, (char)(0x80 | (v & 0x7F)));
			v >>= 7;
		}
		buf_addch(out, (char)v);
	}
}

int match_tokens_decode(uint32_t **toks, size_t *n, const void *blob,
                        size_t len)
{
	const unsigned char *b = blob;
	uint32_t *t = xcalloc(len + 1, sizeof(*t));
	size_t i = 0, k = 0;

	while (i < len) {
		uint64_t v = 0;
		int shift = 0;

		for (;;) {
			if (i >= len || shift > 28) {
				free(t);
				*toks = NULL;
				*n = 0;
				return ERR_FORMAT;
			}
			v |= (uint64_t)(b[i] & 0x7F) << shift;
			shift += 7;
			if (!(b[i++] & 0x80))
				break;
		}
		if (v > UINT32_MAX) {
			free(t);
			*toks = NULL;
			*n = 0;
			return ERR_FORMAT;
		}
		t[k++] = (uint32_t)v;
	}
	*toks = t;
	*n = k;
	return 0;
}

void match_index_stats(const struct match_index *x, struct match_stats *st)
{
	memset(st, 0, sizeof(*st));
	st->units = x->nlive;
	st->tokens = x->dict.n;
	st->elements = x->nelem;
	st->postings = x->npost;
	st->bytes =
	    x->tcap * sizeof(*x->toks) +
	    x->ucap * (sizeof(*x->uid) + sizeof(*x->uoff) + sizeof(*x->ulen) +
	               sizeof(*x->upair) + 1) +
	    x->nidslot * sizeof(*x->idslot) + x->dict.keys.cap +
	    x->dict.cap * (sizeof(*x->dict.off) + sizeof(*x->dict.len)) +
	    x->dict.nslot * sizeof(*x->dict.slot) +
	    (size_t)x->nelem * 2 * sizeof(uint32_t) +
	    x->occslots * (sizeof(uint64_t) + sizeof(uint32_t)) +
	    x->npost * (sizeof(uint32_t) + 1) +
	    (x->built ? x->nunits * sizeof(*x->seen) : 0) +
	    x->candcap * sizeof(*x->cand);
}
