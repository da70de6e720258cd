#include "tok.h"

#include <stdlib.h>
#include <string.h>

#include "norm.h"
#include "xalloc.h"
#include "banned.h"

void tok_list_init(struct tok_list *l)
{
	memset(l, 0, sizeof(*l));
	buf_init(&l->keys);
}

void tok_list_release(struct tok_list *l)
{
	free(l->v);
	free(l->nums);
	buf_release(&l->keys);
	tok_list_init(l);
}

void tok_list_reset(struct tok_list *l)
{
	l->n = 0;
	l->nnums = 0;
	buf_reset(&l->keys);
}

enum cls { C_SPACE, C_LETTER, C_DIGIT, C_PUNCT, C_SYM };

static enum cls cls_of(int32_t cp)
{
	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
			return C_LETTER;
		if (cp >= '0' && cp <= '9')
			return C_DIGIT;
		if (cp <= 0x20 || cp == 0x7F)
			return C_SPACE;
		/* symbols, and the punctuation that carries meaning */
		if (strchr("$+<=>^`|~%#&@*", (int)cp))
			return C_SYM;
		return C_PUNCT;
	}
	if (norm_is_letter(cp) || norm_is_mark(cp) || norm_is_digit(cp))
		return C_LETTER; /* other digit sets read as word characters */
	if (norm_is_space(cp) || cp < 0xA0)
		return C_SPACE;
	if (cp == 0xA7 || cp == 0xB6 || cp == 0x2020 || cp == 0x2021 ||
	    (cp >= 0x2030 && cp <= 0x2033))
		return C_SYM; /* § ¶ † ‡ ‰ ‱ ′ ″ */
	if (norm_is_punct(cp))
		return C_PUNCT;
	return C_SYM;
}

static int is_hyphen(int32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* Class of the code point at s[i], or C_SPACE past the end. */
static enum cls cls_at(const char *s, size_t n, size_t i, int32_t *cp)
{
	int32_t c;

	if (i >= n) {
		if (cp)
			*cp = 0;
		return C_SPACE;
	}
	c = norm_next(s, n, &i);
	if (cp)
		*cp = c;
	return cls_of(c);
}

/* Letters, marks and digits from s[i]: the end of the run. */
static size_t alnum_run(const char *s, size_t n, size_t i)
{
	while (i < n) {
		size_t j = i;
		enum cls c = cls_of(norm_next(s, n, &j));

		if (c != C_LETTER && c != C_DIGIT)
			break;
		i = j;
	}
	return i;
}

/*
 * Append the folded key of s[0..n) to b: case folded (ASCII inline,
 * the rest through norm_fold), apostrophes and hyphens made ASCII.
 */
static void add_key(struct buf *b, const char *s, size_t n)
{
	size_t i, start = b->len, r, w;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			break;
	if (i == n) {
		buf_add(b, s, n);
		for (i = start; i < b->len; i++)
			if (b->data[i] >= 'A' && b->data[i] <= 'Z')
				b->data[i] = (char)(b->data[i] + 32);
			else if (b->data[i] == '`')
				b->data[i] = '\''; /* O`Brien */
		return;
	}
	norm_fold(b, s, n);
	for (r = w = start; r < b->len;) {
		size_t k = r;
		int32_t cp = norm_next(b->data, b->len, &k);

		if (norm_is_apostrophe(cp)) {
			b->data[w++] = '\'';
		} else if (is_hyphen(cp)) {
			b->data[w++] = '-';
		} else {
			memmove(b->data + w, b->data + r, k - r);
			w += k - r;
		}
		r = k;
	}
	buf_truncate(b, w);
}

static struct tok *push(struct tok_list *l, enum tok_kind kind, size_t start,
                        size_t end)
{
	struct tok *t;

	XGROW(l->v, l->cap, l->n + 1);
	t = &l->v[l->n++];
	memset(t, 0, sizeof(*t));
	t->kind = (uint8_t)kind;
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	t->key = (uint32_t)l->keys.len;
	return t;
}

static void end_key(struct tok_list *l, struct tok *t)
{
	t->key_len = (uint32_t)(l->keys.len - t->key);
}

/* A word from s[i] (a letter or mark); returns its end. */
static size_t word_end(const char *s, size_t n, size_t i)
{
	size_t seg = 0; /* code points since the start or the last '.' */
	int joined = 0; /* a '.' joined single letters: "U.S" so far */

	while (i < n) {
		size_t j = i;
		int32_t cp = norm_next(s, n, &j), next;
		enum cls c = cls_of(cp);

		if (c == C_LETTER || c == C_DIGIT) {
			i = j;
			seg++;
			continue;
		}
		if ((norm_is_apostrophe(cp) || is_hyphen(cp)) &&
		    cls_at(s, n, j, &next) == C_LETTER) {
			i = j;
			continue;
		}
		if (cp == '.' && seg == 1 &&
		    cls_at(s, n, j, &next) == C_LETTER) {
			size_t k = j;
			enum cls after;

			norm_next(s, n, &k);
			after = cls_at(s, n, k, NULL);
			if (after != C_LETTER && after != C_DIGIT) {
				i = j;
				seg = 0;
				joined = 1;
				continue;
			}
		}
		if (cp == '.' && seg == 1 && joined)
			i = j; /* the full stop that ends "U.S." */
		break;
	}
	return i;
}

void tok_split(struct tok_list *l, const char *s, size_t n, const char *lang)
{
	size_t i = 0;

	while (i < n) {
		size_t start = i, j = i;
		int32_t cp = norm_next(s, n, &j);
		struct tok *t;

		switch (cls_of(cp)) {
		case C_SPACE:
			i = j;
			break;
		case C_LETTER:
			i = word_end(s, n, start);
			t = push(l, TOK_WORD, start, i);
			t->cap = (uint8_t)norm_is_upper(cp);
			add_key(&l->keys, s + start, i - start);
			end_key(l, t);
			break;
		case C_DIGIT: {
			struct num nm;
			size_t end = start + num_scan(&nm, s, n, start, lang);

			i = alnum_run(s, n, end);
			if (nm.big) {
				t = push(l, TOK_WORD, start, i);
				add_key(&l->keys, s + start, i - start);
				end_key(l, t);
				break;
			}
			t = push(l, TOK_NUM, start, i);
			XGROW(l->nums, l->nums_cap, l->nnums + 1);
			t->num = (uint32_t)l->nnums;
			l->nums[l->nnums++] = nm;
			buf_addch(&l->keys, TOK_NUM_MARK);
			if (nm.compound) {
				buf_addch(&l->keys, 'C');
				buf_addch(&l->keys, (char)nm.sep);
				buf_addch(&l->keys, (char)('0' + nm.nparts));
			} else {
				buf_addch(&l->keys, 'N');
			}
			add_key(&l->keys, s + end, i - end);
			end_key(l, t);
			break;
		}
		case C_PUNCT:
			i = j;
			while (i < n) {
				size_t k = i;

				if (norm_next(s, n, &k) != cp)
					break;
				i = k;
			}
			t = push(l, TOK_PUNCT, start, i);
			buf_add(&l->keys, s + start, i - start);
			end_key(l, t);
			break;
		case C_SYM:
			i = j;
			t = push(l, TOK_SYM, start, i);
			if (norm_is_apostrophe(cp)) /* ` ´ alone: themselves */
				buf_add(&l->keys, s + start, i - start);
			else
				add_key(&l->keys, s + start, i - start);
			end_key(l, t);
			break;
		}
	}
}
