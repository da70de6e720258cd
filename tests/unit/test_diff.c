/* Unit tests of diff: weighted alignment and word diffs. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diff.h"
#include "unit.h"

/* Tokens of a test text: space-separated; "," "." ";" weigh 1, words 10. */
struct seq {
	const char *text;
	struct diff_span sp[64];
	uint32_t w[64];
	size_t n;
};

static void seq_split(struct seq *s, const char *text)
{
	size_t i = 0, len = strlen(text);

	s->text = text;
	s->n = 0;
	while (i < len) {
		if (text[i] == ' ') {
			i++;
			continue;
		}
		s->sp[s->n].start = i;
		if (strchr(",.;", text[i])) {
			i++;
			s->w[s->n] = 1;
		} else {
			while (i < len && !strchr(" ,.;", text[i]))
				i++;
			s->w[s->n] = 10;
		}
		s->sp[s->n++].end = i;
	}
}

struct two {
	const struct seq *a, *b;
};

/* Equal when the bytes are equal ignoring ASCII case. */
static int same(void *ctx, size_t i, size_t j)
{
	const struct two *t = ctx;
	const struct diff_span *x = &t->a->sp[i], *y = &t->b->sp[j];
	size_t k;

	if (x->end - x->start != y->end - y->start)
		return 0;
	for (k = 0; k < x->end - x->start; k++) {
		char c = t->a->text[x->start + k], d = t->b->text[y->start + k];

		if ((c | 0x20) != (d | 0x20))
			return 0;
	}
	return 1;
}

/* Align and render old -> new; returns the rendering, cost in *cost. */
static const char *wdiff(struct buf *out, const char *old, const char *new,
                         enum diff_style style, uint64_t *cost)
{
	struct seq a, b;
	struct two t;
	struct diff_step *steps;
	struct diff_hunk *h;
	size_t ns, nh;

	seq_split(&a, old);
	seq_split(&b, new);
	t.a = &a;
	t.b = &b;
	*cost = diff_align(&steps, &ns, a.w, a.n, b.w, b.n, same, &t);
	diff_hunks(&h, &nh, steps, ns, old, a.sp, new, b.sp);
	buf_reset(out);
	diff_render(out, old, strlen(old), new, strlen(new), h, nh, style);
	free(steps);
	free(h);
	return out->data;
}

TEST(diff_align_costs_and_steps)
{
	struct seq a, b;
	struct two t;
	struct diff_step *s;
	size_t n;

	seq_split(&a, "a b , c");
	seq_split(&b, "a x c .");
	t.a = &a;
	t.b = &b;
	/* b -> x (10), "," deleted (1), "." inserted (1) */
	CHECK_INT(diff_align(&s, &n, a.w, a.n, b.w, b.n, same, &t), 12);
	CHECK_INT(n, 5);
	CHECK_INT(s[0].op, DIFF_EQUAL);
	CHECK_INT(s[1].op, DIFF_CHANGE);
	CHECK_INT(s[1].a, 1);
	CHECK_INT(s[1].b, 1);
	CHECK_INT(s[2].op, DIFF_DELETE);
	CHECK_INT(s[2].a, 2);
	CHECK_INT(s[3].op, DIFF_EQUAL);
	CHECK_INT(s[4].op, DIFF_INSERT);
	CHECK_INT(s[4].b, 3);
	free(s);
	/* a word never pairs with punctuation */
	seq_split(&a, "a ,");
	seq_split(&b, "a b");
	CHECK_INT(diff_align(&s, &n, a.w, a.n, b.w, b.n, same, &t), 11);
	free(s);
	/* empty sides */
	seq_split(&a, "");
	seq_split(&b, "x y");
	CHECK_INT(diff_align(&s, &n, a.w, a.n, b.w, b.n, same, &t), 20);
	CHECK_INT(n, 2);
	CHECK_INT(s[0].op, DIFF_INSERT);
	free(s);
}

TEST(diff_render_plain)
{
	struct buf b;
	uint64_t c;

	buf_init(&b);
	CHECK_STR(wdiff(&b, "a b c", "a x c", DIFF_PLAIN, &c),
	          "a [-b-]{+x+} c");
	CHECK_STR(wdiff(&b, "a b c", "a c", DIFF_PLAIN, &c), "a [-b-] c");
	CHECK_STR(wdiff(&b, "a c", "a b c", DIFF_PLAIN, &c), "a {+b+} c");
	CHECK_STR(wdiff(&b, "x a", "a", DIFF_PLAIN, &c), "[-x-] a");
	CHECK_STR(wdiff(&b, "a b", "a", DIFF_PLAIN, &c), "a [-b-]");
	CHECK_STR(wdiff(&b, "a , b", "a b", DIFF_PLAIN, &c), "a [-,-] b");
	CHECK_STR(
	    wdiff(&b, "were due to begin joint", "began joint", DIFF_PLAIN, &c),
	    "[-were due to begin-]{+began+} joint");
	/* equal by the comparison, not by the bytes: shown as a change */
	CHECK_STR(wdiff(&b, "the Cat sat", "the cat sat", DIFF_PLAIN, &c),
	          "the [-Cat-]{+cat+} sat");
	CHECK_INT(c, 0);
	CHECK_STR(wdiff(&b, "same text", "same text", DIFF_PLAIN, &c),
	          "same text");
	buf_release(&b);
}

TEST(diff_render_color)
{
	struct buf b;
	uint64_t c;

	buf_init(&b);
	CHECK_STR(wdiff(&b, "a b c", "a x c", DIFF_COLOR, &c),
	          "a \033[31mb\033[m\033[32mx\033[m c");
	buf_release(&b);
}
