#include "suggest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "out.h"
#include "xalloc.h"
#include "banned.h"

/* ---- the language pair ---- */

struct pair {
	char src[LANG_TAG_MAX], tgt[LANG_TAG_MAX];
	long long units;
};

struct pairs {
	struct pair *v;
	size_t n, cap;
};

static int collect_pair(void *ctx, const char *src, const char *tgt,
                        long long units)
{
	struct pairs *l = ctx;

	XGROW(l->v, l->cap, l->n + 1);
	snprintf(l->v[l->n].src, LANG_TAG_MAX, "%s", src ? src : "");
	snprintf(l->v[l->n].tgt, LANG_TAG_MAX, "%s", tgt ? tgt : "");
	l->v[l->n].units = units;
	l->n++;
	return 0;
}

/* "en -> be (21 units), en -> de (22 units)" */
static void list_pairs(struct buf *b, const struct pairs *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		buf_addf(b, "%s%s -> %s (%lld unit%s)", i ? ", " : "",
		         l->v[i].src, l->v[i].tgt, l->v[i].units,
		         l->v[i].units == 1 ? "" : "s");
}

/*
 * The distinct tags on one side (tgt_side) of the pairs that match the
 * filters; the first in *one, their number returned.
 */
static size_t distinct(const struct pairs *l, int tgt_side, const char *src,
                       const char *tgt, const char **one)
{
	size_t i, j, n = 0;

	*one = NULL;
	for (i = 0; i < l->n; i++) {
		const char *tag = tgt_side ? l->v[i].tgt : l->v[i].src;

		if (!import_lang_match(src, l->v[i].src) ||
		    !import_lang_match(tgt, l->v[i].tgt))
			continue;
		for (j = 0; j < i; j++)
			if (import_lang_match(src, l->v[j].src) &&
			    import_lang_match(tgt, l->v[j].tgt) &&
			    !strcmp(tgt_side ? l->v[j].tgt : l->v[j].src, tag))
				break;
		if (j < i)
			continue;
		if (!n)
			*one = tag;
		n++;
	}
	return n;
}

int suggest_pick_pair(char src_out[LANG_TAG_MAX], char tgt_out[LANG_TAG_MAX],
                      struct store *st, const char *src, const char *tgt,
                      const char *text, size_t len, struct err *e)
{
	struct pairs l = {NULL, 0, 0};
	struct buf list;
	const char *one;
	size_t n;
	int rc;

	buf_init(&list);
	if ((rc = store_each_pair(st, collect_pair, &l, e)) < 0)
		goto out;
	if (!l.n) {
		rc = err_set(e, ERR_NOTFOUND,
		             "%s: the memory holds no translations (import "
		             "some first)",
		             store_path(st));
		goto out;
	}
	list_pairs(&list, &l);
	if (!src) {
		n = distinct(&l, 0, NULL, tgt, &one);
		if (n == 1) {
			src = one;
		} else if (n > 1) {
			const char *guess = lang_guess(text, len);

			if (!strcmp(guess, "und")) {
				rc = err_set(e, ERR_USAGE,
				             "cannot tell the article's "
				             "language: give --src-lang (the "
				             "memory holds %s)",
				             list.data);
				goto out;
			}
			n = distinct(&l, 0, guess, tgt, &one);
			src = n == 1 ? one : guess;
		}
	}
	if (!tgt && src) {
		n = distinct(&l, 1, src, NULL, &one);
		if (n == 1) {
			tgt = one;
		} else if (n > 1) {
			rc =
			    err_set(e, ERR_USAGE,
			            "the memory holds several target languages "
			            "for %s: give --tgt-lang (it holds %s)",
			            src, list.data);
			goto out;
		}
	}
	if (!src) {
		rc = err_set(e, ERR_USAGE,
		             "the memory holds no translations into %s (it "
		             "holds %s)",
		             tgt, list.data);
		goto out;
	}
	if (!tgt) {
		rc = err_set(e, ERR_USAGE,
		             "the memory holds no translations from %s (it "
		             "holds %s)",
		             src, list.data);
		goto out;
	}
	if (!distinct(&l, 0, src, tgt, &one)) {
		rc = err_set(e, ERR_USAGE,
		             "the memory holds no %s -> %s translations (it "
		             "holds %s)",
		             src, tgt, list.data);
		goto out;
	}
	snprintf(src_out, LANG_TAG_MAX, "%s", src);
	snprintf(tgt_out, LANG_TAG_MAX, "%s", tgt);
	rc = 0;
out:
	free(l.v);
	buf_release(&list);
	return rc;
}

/* ---- the job ---- */

int suggest_job_open(struct suggest_job *j, const struct suggest_input *in,
                     struct err *e)
{
	struct tmindex_opts to_idx;
	const char *name =
	    !in->article || !strcmp(in->article, "-") ? "stdin" : in->article;
	size_t i;
	int rc;

	doc_init(&j->d);
	seg_list_init(&j->sl);
	if ((rc = store_open(&j->st, in->tm_path, 0, e)) < 0)
		return rc;
	if ((rc = doc_load(&j->d, &j->info, in->article, name, &in->text,
	                   in->presegmented ? DOC_LINES : 0, e)) < 0)
		return rc;
	if ((rc = suggest_pick_pair(j->src, j->tgt, j->st, in->src, in->tgt,
	                            j->d.text, j->d.len, e)) < 0)
		return rc;
	if (in->presegmented) {
		for (i = 0; i < j->d.npara; i++) {
			XGROW(j->sl.items, j->sl.cap, j->sl.len + 1);
			j->sl.items[j->sl.len].start = j->d.paras[i].start;
			j->sl.items[j->sl.len].end = j->d.paras[i].end;
			j->sl.items[j->sl.len].para = i;
			j->sl.len++;
		}
	} else {
		seg_split_doc(&j->sl, &j->d, j->src);
	}
	to_idx.src_lang = j->src;
	to_idx.tgt_lang = j->tgt;
	return tmindex_open(&j->ti, j->st, &to_idx, e);
}

void suggest_job_release(struct suggest_job *j)
{
	tmindex_free(j->ti);
	store_free(j->st);
	doc_release(&j->d);
	seg_list_release(&j->sl);
	j->ti = NULL;
	j->st = NULL;
}

/* ---- matching an article ---- */

/*
 * Make the 100s of cur that follow a 100 of prev in a stored document
 * 101s: the previous stored position (of the pair) before one of the
 * match's origins is an origin of a 100 of the previous sentence.
 */
static int context(struct store *st, const struct suggest_opts *o,
                   struct match_set *cur, const struct match_set *prev,
                   struct err *e)
{
	size_t i, a, j, b;
	int rc;

	for (i = 0; i < cur->n; i++) {
		struct match_result *r = &cur->v[i];

		if (r->score != 100)
			continue;
		for (a = 0; a < r->norigins && r->score == 100; a++) {
			long long pp;

			rc = store_prev_position(st, r->origins[a].doc,
			                         r->origins[a].pos, o->src_lang,
			                         o->tgt_lang, &pp, e);
			if (rc == ERR_NOTFOUND)
				continue;
			if (rc < 0)
				return rc;
			for (j = 0; j < prev->n && r->score == 100; j++) {
				const struct match_result *p = &prev->v[j];

				if (p->score < 100)
					continue;
				for (b = 0; b < p->norigins; b++)
					if (p->origins[b].doc ==
					        r->origins[a].doc &&
					    p->origins[b].pos == pp) {
						r->score = 101;
						r->band = match_band(101);
						r->doc = r->origins[a].doc;
						r->pos = r->origins[a].pos;
						break;
					}
			}
		}
	}
	return 0;
}

int suggest_run(struct store *st, struct tmindex *ti, const char *text,
                const struct seg_list *sl, const struct suggest_opts *o,
                int (*fn)(void *ctx, const struct suggest_item *it,
                          struct err *e),
                void *ctx, struct err *e)
{
	struct match_index *idx = tmindex_matcher(ti);
	struct match_set a, b, *prev = &a, *cur = &b, *t;
	size_t i;
	int rc = 0;

	match_set_init(&a);
	match_set_init(&b);
	for (i = 0; i < sl->len; i++) {
		const struct seg_span *sp = &sl->items[i];
		struct match_query q;
		struct suggest_item it;
		struct match_set view;

		memset(&q, 0, sizeof(q));
		q.text = text + sp->start;
		q.len = sp->end - sp->start;
		q.src_lang = o->src_lang;
		q.tgt_lang = o->tgt_lang;
		q.min_score = o->min_score;
		q.max = 0; /* all: the next sentence's context needs them */
		q.prev = prev;
		memset(&it, 0, sizeof(it));
		rc = o->brute ? match_index_brute(cur, idx, &q, e)
		              : match_index_query(cur, idx, &q, e);
		if (rc == ERR_LIMIT) {
			match_set_release(cur);
			it.too_long = 1;
			rc = 0;
		}
		if (rc < 0)
			break;
		if ((rc = context(st, o, cur, prev, e)) < 0)
			break;
		match_set_finish(cur, 0);
		view = *cur;
		if (o->max && view.n > o->max)
			view.n = o->max;
		it.index = i;
		it.para = sp->para;
		it.text = q.text;
		it.len = q.len;
		it.set = &view;
		if ((rc = fn(ctx, &it, e)) < 0)
			break;
		t = prev;
		prev = cur;
		cur = t;
	}
	match_set_release(&a);
	match_set_release(&b);
	return rc;
}

/* ---- naming and explaining a match ---- */

struct doc_pick {
	int64_t want;
	struct buf *name;
	int found;
};

static int pick_doc(void *ctx, const struct store_origin_info *o)
{
	struct doc_pick *p = ctx;

	if (!p->name->len || (!p->found && o->document_id == p->want)) {
		buf_reset(p->name);
		buf_adds(p->name, o->document ? o->document : "");
		p->found = o->document_id == p->want;
	}
	return 0;
}

int suggest_document(struct buf *name, struct store *st,
                     const struct match_result *r, struct err *e)
{
	struct doc_pick p = {r->doc, name, 0};

	buf_reset(name);
	return store_each_origin(st, r->id, pick_doc, &p, e);
}

void suggest_penalties(struct buf *out, const struct match_result *r)
{
	int i;

	for (i = 0; i < r->npen; i++)
		buf_addf(out, "%s%s (-%d)", i ? "; " : "", r->pen[i].why,
		         r->pen[i].points);
}

/* ---- XLIFF 1.2 ---- */

static void xml(struct buf *b, const char *s, size_t n)
{
	out_xml_text(b, s, n, 0);
}

static void xml_attr(struct buf *b, const char *s)
{
	out_xml_text(b, s, strlen(s), 1);
}

void suggest_xliff_head(struct buf *b, const char *original,
                        const char *src_lang, const char *tgt_lang,
                        const char *version)
{
	buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	            "<xliff version=\"1.2\" "
	            "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
	            "<file original=\"");
	xml_attr(b, original);
	buf_adds(b, "\" source-language=\"");
	xml_attr(b, src_lang);
	buf_adds(b, "\" target-language=\"");
	xml_attr(b, tgt_lang);
	buf_adds(b, "\" datatype=\"plaintext\" tool-id=\"newstm\">\n"
	            "<header>\n<tool tool-id=\"newstm\" tool-name=\"newstm\" "
	            "tool-version=\"");
	xml_attr(b, version);
	buf_adds(b, "\"/>\n</header>\n<body>\n");
}

static void lang_tag(struct buf *b, const char *el, const char *lang)
{
	buf_addf(b, "<%s xml:lang=\"", el);
	xml_attr(b, lang);
	buf_adds(b, "\"");
}

/* One alt-trans: a source, its translation, where they came from. */
static void alt_trans(struct buf *b, int score, const char *doc,
                      const char *src_lang, const char *src, size_t src_len,
                      const char *tgt_lang, const char *tgt, size_t tgt_len,
                      const char *why, const char *more)
{
	buf_addf(b, "<alt-trans match-quality=\"%d\"", score);
	if (doc && *doc) {
		buf_adds(b, " origin=\"");
		xml_attr(b, doc);
		buf_adds(b, "\"");
	}
	buf_adds(b, " tool-id=\"newstm\">\n");
	lang_tag(b, "source", src_lang);
	buf_adds(b, ">");
	xml(b, src, src_len);
	buf_adds(b, "</source>\n");
	lang_tag(b, "target", tgt_lang);
	buf_adds(b, ">");
	xml(b, tgt, tgt_len);
	buf_adds(b, "</target>\n<note>");
	xml(b, why, strlen(why));
	xml(b, more, strlen(more));
	buf_adds(b, "</note>\n</alt-trans>\n");
}

void suggest_xliff_unit(struct buf *b, const struct suggest_item *it,
                        const char *src_lang, const char *tgt_lang,
                        const char *const *docs, int draft, int min_score)
{
	const struct match_set *set = it->set;
	struct buf why;
	size_t i;

	buf_init(&why);
	buf_addf(b, "<trans-unit id=\"%zu\">\n", it->index);
	lang_tag(b, "source", src_lang);
	buf_adds(b, ">");
	xml(b, it->text, it->len);
	buf_adds(b, "</source>\n");
	if (draft) {
		const struct match_result *best =
		    set->n && set->v[0].score >= min_score ? &set->v[0] : NULL;

		lang_tag(b, "target", tgt_lang);
		if (!best) {
			buf_adds(b, " state=\"new\">");
			xml(b, it->text, it->len);
		} else {
			buf_addf(
			    b, " state=\"%s\" state-qualifier=\"%s\">",
			    best->score >= 100 ? "translated"
			                       : "needs-review-translation",
			    best->score >= 100 ? "exact-match" : "fuzzy-match");
			xml(b, best->proposed, best->proposed_len);
		}
		buf_adds(b, "</target>\n");
	}
	for (i = 0; i < set->n; i++) {
		const struct match_result *r = &set->v[i];
		int adapted =
		    r->proposed_len != r->target_len ||
		    memcmp(r->proposed, r->target, r->target_len) != 0;

		buf_reset(&why);
		buf_addf(&why, "newstm unit %lld, score %d (%s)",
		         (long long)r->id, r->score, r->band);
		if (r->npen) {
			buf_adds(&why, "; penalties: ");
			suggest_penalties(&why, r);
		}
		/* an alt-trans is a source and its translation: the proposal
		 * (numbers and names already fixed) translates this sentence,
		 * the stored target the stored source */
		if (adapted)
			alt_trans(b, r->score, docs ? docs[i] : NULL, src_lang,
			          it->text, it->len, tgt_lang, r->proposed,
			          r->proposed_len, why.data,
			          "; adapted to this sentence");
		alt_trans(b, r->score, docs ? docs[i] : NULL, src_lang,
		          r->source, r->source_len, tgt_lang, r->target,
		          r->target_len, why.data,
		          adapted ? "; as stored" : "");
	}
	buf_adds(b, "</trans-unit>\n");
	buf_release(&why);
}

void suggest_xliff_end(struct buf *b)
{
	buf_adds(b, "</body>\n</file>\n</xliff>\n");
}
