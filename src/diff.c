#include "diff.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "banned.h"

uint64_t diff_align(struct diff_step **steps, size_t *nsteps,
                    const uint32_t *wa, size_t na, const uint32_t *wb,
                    size_t nb, diff_same_fn same, void *ctx)
{
	size_t w = nb + 1, i, j, k = 0;
	uint64_t *d = xcalloc((na + 1) * w, sizeof(*d)), cost;
	struct diff_step *out = xcalloc(na + nb + 1, sizeof(*out));

	for (j = 1; j <= nb; j++)
		d[j] = d[j - 1] + wb[j - 1];
	for (i = 1; i <= na; i++) {
		uint64_t *row = d + i * w, *up = row - w;

		row[0] = up[0] + wa[i - 1];
		for (j = 1; j <= nb; j++) {
			uint64_t best = up[j] + wa[i - 1], c;

			c = row[j - 1] + wb[j - 1];
			if (c < best)
				best = c;
			if (wa[i - 1] == wb[j - 1]) {
				c = up[j - 1] +
				    (same(ctx, i - 1, j - 1) ? 0 : wa[i - 1]);
				if (c < best)
					best = c;
			}
			row[j] = best;
		}
	}
	cost = d[na * w + nb];
	i = na;
	j = nb;
	while (i || j) {
		uint64_t here = d[i * w + j];

		if (i && j && wa[i - 1] == wb[j - 1]) {
			int eq = same(ctx, i - 1, j - 1);

			if (here ==
			    d[(i - 1) * w + j - 1] + (eq ? 0 : wa[i - 1])) {
				out[k].op = eq ? DIFF_EQUAL : DIFF_CHANGE;
				out[k].a = (uint32_t)--i;
				out[k++].b = (uint32_t)--j;
				continue;
			}
		}
		if (i && here == d[(i - 1) * w + j] + wa[i - 1]) {
			out[k].op = DIFF_DELETE;
			out[k].a = (uint32_t)--i;
			out[k++].b = (uint32_t)j;
			continue;
		}
		out[k].op = DIFF_INSERT;
		out[k].a = (uint32_t)i;
		out[k++].b = (uint32_t)--j;
	}
	for (i = 0; i < k / 2; i++) {
		struct diff_step t = out[i];

		out[i] = out[k - 1 - i];
		out[k - 1 - i] = t;
	}
	free(d);
	*steps = out;
	*nsteps = k;
	return cost;
}

void diff_hunks(struct diff_hunk **hunks, size_t *nhunks,
                const struct diff_step *steps, size_t nsteps, const char *a,
                const struct diff_span *aspan, const char *b,
                const struct diff_span *bspan)
{
	struct diff_hunk *h = xcalloc(nsteps + 1, sizeof(*h)), *cur = NULL;
	size_t n = 0, k, bpos = 0;

	for (k = 0; k < nsteps; k++) {
		const struct diff_step *s = &steps[k];
		const struct diff_span *sa = NULL, *sb = NULL;
		int equal = 0;

		if (s->op != DIFF_INSERT)
			sa = &aspan[s->a];
		if (s->op != DIFF_DELETE)
			sb = &bspan[s->b];
		if (s->op == DIFF_EQUAL)
			equal = sa->end - sa->start == sb->end - sb->start &&
			        !memcmp(a + sa->start, b + sb->start,
			                sa->end - sa->start);
		if (equal) {
			cur = &h[n++];
			cur->equal = 1;
			cur->a0 = sa->start;
			cur->a1 = sa->end;
			cur->b0 = sb->start;
			cur->b1 = bpos = sb->end;
			cur = NULL;
			continue;
		}
		if (!cur) {
			cur = &h[n++];
			cur->a0 = cur->a1 = (size_t)-1;
			cur->b0 = cur->b1 = bpos;
		}
		if (s->op != DIFF_INSERT) {
			if (cur->a0 == (size_t)-1)
				cur->a0 = sa->start;
			cur->a1 = sa->end;
		}
		if (s->op != DIFF_DELETE) {
			if (cur->b0 == cur->b1 && cur->b1 == bpos)
				cur->b0 = sb->start;
			cur->b1 = bpos = sb->end;
		}
	}
	for (k = 0; k < n; k++)
		if (h[k].a0 == (size_t)-1)
			h[k].a0 = h[k].a1 = 0;
	*hunks = h;
	*nhunks = n;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static void show(struct buf *out, const char *s, size_t n, int del,
                 enum diff_style style)
{
	if (style == DIFF_COLOR) {
		buf_adds(out, del ? "\033[31m" : "\033[32m");
		buf_add(out, s, n);
		buf_adds(out, "\033[m");
		return;
	}
	buf_adds(out, del ? "[-" : "{+");
	buf_add(out, s, n);
	buf_adds(out, del ? "-]" : "+}");
}

void diff_render(struct buf *out, const char *a, size_t alen, const char *b,
                 size_t blen, const struct diff_hunk *hunks, size_t nhunks,
                 enum diff_style style)
{
	size_t pos = 0, k;

	for (k = 0; k < nhunks; k++) {
		const struct diff_hunk *h = &hunks[k];
		size_t next;

		if (h->equal) {
			buf_add(out, b + pos, h->b1 - pos);
			pos = h->b1;
			continue;
		}
		if (h->b0 < h->b1) {
			buf_add(out, b + pos, h->b0 - pos);
			if (h->a0 < h->a1)
				show(out, a + h->a0, h->a1 - h->a0, 1, style);
			show(out, b + h->b0, h->b1 - h->b0, 0, style);
			pos = h->b1;
			continue;
		}
		if (h->a0 >= h->a1)
			continue;
		/* a pure deletion: spaced as it was in a */
		next = k + 1 < nhunks ? hunks[k + 1].b0 : blen;
		if (h->a0 > 0 && is_space(a[h->a0 - 1]))
			buf_addch(out, ' ');
		show(out, a + h->a0, h->a1 - h->a0, 1, style);
		if (next == pos && next < blen && h->a1 < alen &&
		    is_space(a[h->a1]))
			buf_addch(out, ' ');
	}
	buf_add(out, b + pos, blen - pos);
}
