#include "add.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "norm.h"
#include "tmindex.h"
#include "banned.h"

/*
 * A headline: the first paragraph holds one sentence that does not end
 * with a full stop.  Its text becomes the document's title.
 */
static int headline(struct buf *out, const struct bitext_side *s)
{
	const struct align_sent *h = &s->sent[0];
	size_t i = h->len;
	int32_t last;

	if (!s->n || (s->n > 1 && s->sent[1].para == h->para))
		return 0;
	last = norm_prev(h->text, &i);
	if (last == '.' || h->len > 300)
		return 0;
	buf_add(out, h->text, h->len);
	return 1;
}

int add_languages(const struct bitext *bt, struct err *e)
{
	if (!bt->src.tag[0] || !bt->tgt.tag[0])
		return err_set(e, ERR_USAGE,
		               "cannot tell the language of %s: name it with "
		               "--%s-lang",
		               bt->src.tag[0] ? bt->tgt.name : bt->src.name,
		               bt->src.tag[0] ? "tgt" : "src");
	return 0;
}

/* What add does with a bead: store it, or count it as weak or lone. */
enum bead_fate { BEAD_STORE, BEAD_WEAK, BEAD_LONE };

static enum bead_fate bead_fate(const struct align_bead *bd, double min_conf)
{
	double conf = floor(bd->confidence * 100 + 0.5) / 100;

	if (!bd->nsrc || !bd->ntgt)
		return BEAD_LONE;
	return conf < min_conf ? BEAD_WEAK : BEAD_STORE;
}

long long add_count(const struct bitext *bt, double min_conf,
                    struct add_report *r)
{
	long long n = 0;
	size_t k;

	memset(r, 0, sizeof(*r));
	for (k = 0; k < bt->r.nbead; k++) {
		const struct align_bead *bd = &bt->r.beads[k];

		switch (bead_fate(bd, min_conf)) {
		case BEAD_LONE:
			r->lone += (long long)(bd->nsrc + bd->ntgt);
			break;
		case BEAD_WEAK:
			r->weak++;
			break;
		case BEAD_STORE:
			n++;
			break;
		}
	}
	return n;
}

int add_pair(struct store *st, const struct bitext *bt, double min_conf,
             struct add_report *r, struct err *e)
{
	struct store_batch b;
	struct store_counts c;
	struct buf src, tgt, sources;
	size_t k;
	int rc;

	memset(r, 0, sizeof(*r));
	if ((rc = add_languages(bt, e)) < 0)
		return rc;
	buf_init(&src);
	buf_init(&tgt);
	buf_init(&sources);
	buf_addf(&sources, "%s %s", bt->src.name, bt->tgt.name);
	b.command = "add";
	b.source = sources.data;
	b.format = "text";
	rc = store_batch_begin(st, &b, &r->batch, e);
	if (rc < 0)
		goto out;
	if (headline(&src, &bt->src)) {
		rc = store_document_info(st, bt->src.name, src.data, 0, e);
		if (rc < 0)
			goto fail;
	}
	for (k = 0; k < bt->r.nbead; k++) {
		const struct align_bead *bd = &bt->r.beads[k];
		enum bead_fate fate = bead_fate(bd, min_conf);
		struct store_origin o;
		struct store_pair p;
		enum store_put_result res;
		int64_t id;

		if (fate == BEAD_LONE) {
			r->lone += (long long)(bd->nsrc + bd->ntgt);
			continue;
		}
		if (fate == BEAD_WEAK) {
			r->weak++;
			continue;
		}
		buf_reset(&src);
		buf_reset(&tgt);
		bitext_join(&src, &bt->src, bd->src, bd->nsrc);
		bitext_join(&tgt, &bt->tgt, bd->tgt, bd->ntgt);
		o.document = bt->src.name;
		o.position = (long long)bd->src;
		memset(&p, 0, sizeof(p));
		p.src_lang = bt->src.tag;
		p.tgt_lang = bt->tgt.tag;
		p.source = src.data;
		p.target = tgt.data;
		p.origins = &o;
		p.norigins = 1;
		p.confidence = bd->confidence;
		p.creator = "newstm align";
		p.created = store_now();
		p.changed = p.created;
		rc = store_put(st, &p, &res, &id, e);
		if (rc < 0)
			goto fail;
		/* the match index is written in the same transaction */
		if (res == STORE_NEW && (rc = tmindex_put_unit(st, id, e)) < 0)
			goto fail;
	}
	store_batch_skip(st, r->weak);
	rc = store_batch_commit(st, e);
	if (rc < 0)
		goto out;
	store_batch_counts(st, &c);
	r->added = c.added;
	r->known = c.merged + c.known;
	goto out;
fail:
	store_batch_abort(st);
out:
	buf_release(&src);
	buf_release(&tgt);
	buf_release(&sources);
	return rc;
}
