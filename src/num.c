#include "num.h"

#include <stdio.h>
#include <string.h>

#include "norm.h"
#include "banned.h"

/* How a language writes numbers. */
struct num_conv {
	const char *lang; /* primary language subtag */
	int32_t group;    /* digit group separator */
	int32_t decimal;  /* decimal mark */
};

/*
 * Conventions by primary language subtag (CLDR-style defaults as news
 * desks use them).  Languages not listed read and write like English.
 */
static const struct num_conv num_convs[] = {
    {"en", ',', '.'}, {"de", '.', ','}, {"nl", '.', ','}, {"it", '.', ','},
    {"es", '.', ','}, {"pt", '.', ','}, {"da", '.', ','}, {"id", '.', ','},
    {"tr", '.', ','}, {"ro", '.', ','}, {"el", '.', ','}, {"sl", '.', ','},
    {"hr", '.', ','}, {"sr", '.', ','}, {"bs", '.', ','}, {"is", '.', ','},
    {"vi", '.', ','}, {"ru", ' ', ','}, {"be", ' ', ','}, {"uk", ' ', ','},
    {"fr", ' ', ','}, {"pl", ' ', ','}, {"cs", ' ', ','}, {"sk", ' ', ','},
    {"sv", ' ', ','}, {"fi", ' ', ','}, {"nb", ' ', ','}, {"nn", ' ', ','},
    {"no", ' ', ','}, {"bg", ' ', ','}, {"hu", ' ', ','}, {"et", ' ', ','},
    {"lt", ' ', ','}, {"lv", ' ', ','}, {"kk", ' ', ','}, {"ka", ' ', ','},
    {"hy", ' ', ','}, {"az", ' ', ','}, {"uz", ' ', ','},
};

static const struct num_conv *conv_of(const char *lang)
{
	size_t k, len = 0;
	char p[9];

	if (lang) {
		while (lang[len] && lang[len] != '-' && lang[len] != '_' &&
		       len < sizeof(p) - 1) {
			char c = lang[len];

			p[len] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			len++;
		}
	}
	p[len] = '\0';
	for (k = 0; k < sizeof(num_convs) / sizeof(num_convs[0]); k++)
		if (!strcmp(num_convs[k].lang, p))
			return &num_convs[k];
	return &num_convs[0];
}

static int is_digit(const char *s, size_t n, size_t i)
{
	return i < n && s[i] >= '0' && s[i] <= '9';
}

static size_t digit_run(const char *s, size_t n, size_t i)
{
	size_t j = i;

	while (is_digit(s, n, j))
		j++;
	return j - i;
}

/*
 * If a digit group separator of conv starts at s[i], return its length in
 * bytes and set *cp; else 0.  No-break (U+00A0), narrow no-break (U+202F)
 * and thin (U+2009) spaces separate groups in every language.
 */
static size_t group_sep_at(const char *s, size_t n, size_t i,
                           const struct num_conv *conv, int32_t *cp)
{
	size_t j = i;
	int32_t c;

	if (i >= n)
		return 0;
	c = norm_next(s, n, &j);
	if (c == 0xA0 || c == 0x202F || c == 0x2009 ||
	    (c == conv->group && c < 0x80)) {
		*cp = c;
		return j - i;
	}
	return 0;
}

static void add_digits(char *dst, size_t *len, const char *src, size_t n)
{
	memcpy(dst + *len, src, n);
	*len += n;
	dst[*len] = '\0';
}

/* Value of a plain number from its digits "III.FFF". */
static void plain_value(struct num *out)
{
	const char *d = out->digits, *dot = strchr(d, '.');
	size_t ilen = dot ? (size_t)(dot - d) : strlen(d), k = 0, len = 0;

	while (k + 1 < ilen && d[k] == '0')
		k++;
	add_digits(out->value, &len, d + k, ilen - k);
	if (dot) {
		size_t flen = strlen(dot + 1);

		while (flen && dot[flen] == '0')
			flen--;
		if (flen) {
			add_digits(out->value, &len, ".", 1);
			add_digits(out->value, &len, dot + 1, flen);
		}
	}
}

/*
 * Try a compound of want parts (2 or 3) joined by one ASCII separator at
 * s[i]; each part 1-4 digits, nothing digit-like after the last.
 */
static size_t scan_compound(struct num *out, const char *s, size_t n, size_t i,
                            int want, const char *seps)
{
	const char *sep;

	for (sep = seps; *sep; sep++) {
		size_t j = i, len = 0;
		int k;

		for (k = 0; k < want; k++) {
			size_t d;

			if (k) {
				if (j >= n || s[j] != *sep)
					break;
				j++;
			}
			d = digit_run(s, n, j);
			if (d < 1 || d > 4)
				break;
			out->width[k] = (int)d;
			out->part[k] = 0;
			while (d--)
				out->part[k] =
				    out->part[k] * 10 + (s[j++] - '0');
		}
		if (k < want)
			continue;
		if (j < n && s[j] == *sep && is_digit(s, n, j + 1))
			continue; /* more parts than wanted */
		out->compound = 1;
		out->sep = (unsigned char)*sep;
		out->nparts = want;
		out->len = j - i;
		for (k = 0; k < want; k++) {
			char tmp[16];
			int w = snprintf(tmp, sizeof(tmp), "%s%ld",
			                 k ? "|" : "", out->part[k]);

			add_digits(out->value, &len, tmp, (size_t)w);
		}
		memcpy(out->digits, s + i, out->len);
		out->digits[out->len] = '\0';
		return out->len;
	}
	return 0;
}

size_t num_scan(struct num *out, const char *s, size_t n, size_t i,
                const char *lang)
{
	const struct num_conv *conv = conv_of(lang);
	size_t d1, j, len = 0;

	memset(out, 0, sizeof(*out));
	if (!is_digit(s, n, i))
		return 0;
	d1 = digit_run(s, n, i);
	if (d1 > NUM_VALUE_MAX / 2) {
		out->big = 1;
		out->len = d1;
		return d1;
	}
	j = i + d1;
	add_digits(out->digits, &len, s + i, d1);
	out->int_digits = (int)d1;
	if (d1 <= 3) {
		int32_t first = 0, cp;
		size_t sl;

		while ((sl = group_sep_at(s, n, j, conv, &cp)) &&
		       (!first || cp == first) &&
		       digit_run(s, n, j + sl) == 3 &&
		       len + 3 < NUM_VALUE_MAX / 2) {
			first = cp;
			add_digits(out->digits, &len, s + j + sl, 3);
			out->int_digits += 3;
			j += sl + 3;
		}
		out->group = first;
	}
	if (!out->group && d1 <= 4) {
		if (scan_compound(out, s, n, i, 3, "./-:"))
			return out->len;
		memset(out->value, 0, sizeof(out->value));
	}
	if (j + 1 < n && s[j] == conv->decimal && is_digit(s, n, j + 1) &&
	    !(out->group && s[j] == out->group)) {
		size_t f = digit_run(s, n, j + 1);

		if (f < NUM_VALUE_MAX / 2 - 1) {
			out->decimal = conv->decimal;
			add_digits(out->digits, &len, ".", 1);
			add_digits(out->digits, &len, s + j + 1, f);
			j += 1 + f;
		}
	}
	if (!out->group && !out->decimal && d1 <= 4) {
		struct num c;

		memset(&c, 0, sizeof(c));
		if (scan_compound(&c, s, n, i, 2, "./:-")) {
			*out = c;
			return out->len;
		}
	}
	out->len = j - i;
	plain_value(out);
	return out->len;
}

int num_same_value(const struct num *a, const struct num *b)
{
	return a->compound == b->compound && !a->big && !b->big &&
	       !strcmp(a->value, b->value);
}

int num_same_parts(const struct num *a, const struct num *b)
{
	int used[NUM_PARTS_MAX] = {0}, i, k;

	if (num_same_value(a, b))
		return 1;
	if (!a->compound || !b->compound || a->nparts != b->nparts)
		return 0;
	for (i = 0; i < a->nparts; i++) {
		for (k = 0; k < b->nparts; k++)
			if (!used[k] && b->part[k] == a->part[i])
				break;
		if (k == b->nparts)
			return 0;
		used[k] = 1;
	}
	return 1;
}

void num_format(struct buf *out, const struct num *value,
                const struct num *example, const char *lang)
{
	const struct num_conv *conv = conv_of(lang);
	const char *d = value->digits, *dot = strchr(d, '.');
	size_t ilen = dot ? (size_t)(dot - d) : strlen(d), k;
	int32_t group = conv->group, decimal = conv->decimal;
	size_t group_min = 4;

	if (example && !example->compound && !example->big) {
		if (example->group)
			group = example->group;
		else if (example->int_digits >= 4)
			group_min = (size_t)example->int_digits + 1;
		if (example->decimal)
			decimal = example->decimal;
	}
	for (k = 0; k < ilen; k++) {
		if (k && ilen >= group_min && (ilen - k) % 3 == 0)
			norm_add(out, group);
		buf_addch(out, d[k]);
	}
	if (dot && dot[1]) {
		norm_add(out, decimal);
		buf_adds(out, dot + 1);
	}
}

/* Whether part k of compound c was written with a leading zero. */
static int part_padded(const struct num *c, int k)
{
	const char *d = c->digits;
	int i;

	for (i = 0; i < k; i++)
		d += c->width[i] + 1;
	return d[0] == '0';
}

int num_rewrite_compound(struct buf *out, const char *target,
                         const struct num *t, const struct num *old,
                         const struct num *new)
{
	int from[NUM_PARTS_MAX]; /* the part of new each target part takes */
	int k, q, in_order = 1;
	size_t i = 0;

	if (!t->compound || !old->compound || !new->compound ||
	    t->nparts != old->nparts || old->nparts != new->nparts)
		return -1;
	for (k = 0; k < t->nparts; k++)
		if (t->part[k] != old->part[k])
			in_order = 0;
	for (k = 0; k < t->nparts; k++) {
		if (in_order) {
			from[k] = k;
			continue;
		}
		from[k] = -1;
		for (q = 0; q < old->nparts; q++) {
			if (old->part[q] != t->part[k])
				continue;
			if (from[k] >= 0 && new->part[from[k]] != new->part[q])
				return -1; /* one old value, two new ones */
			from[k] = q;
		}
		if (from[k] < 0)
			return -1;
	}
	for (k = 0; k < t->nparts; k++) {
		const char *p = target + i;
		int pad = 0, f = from[k];

		/* zero padding as the target or the new source shows it */
		if (p[0] == '0' && t->width[k] > 1)
			pad = t->width[k];
		if (new->digits[0] && new->width[f] > 1 &&
		    new->width[f] > pad && part_padded(new, f))
			pad = new->width[f];
		buf_addf(out, "%0*ld", pad, new->part[f]);
		i += (size_t)t->width[k];
		if (k + 1 < t->nparts)
			buf_addch(out, target[i++]);
	}
	return 0;
}
