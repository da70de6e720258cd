#include "norm.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "banned.h"

int32_t norm_next(const char *s, size_t n, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = n - *i;
	int32_t cp;

	if (p[0] < 0x80) {
		*i += 1;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0 && left >= 2) {
		cp = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
		*i += 2;
		return cp;
	}
	if ((p[0] & 0xF0) == 0xE0 && left >= 3) {
		cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) |
		     (p[2] & 0x3F);
		*i += 3;
		return cp;
	}
	if ((p[0] & 0xF8) == 0xF0 && left >= 4) {
		cp = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) |
		     ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
		*i += 4;
		return cp;
	}
	*i += 1;
	return p[0];
}

int32_t norm_prev(const char *s, size_t *i)
{
	size_t j = *i;
	size_t k;

	do
		j--;
	while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80 && *i - j < 4);
	k = j;
	*i = j;
	return norm_next(s, (size_t)-1 / 2, &k);
}

size_t norm_encode(char out[4], int32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

void norm_add(struct buf *b, int32_t cp)
{
	char tmp[4];

	buf_add(b, tmp, norm_encode(tmp, cp));
}

size_t norm_ascii_run(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t high = 0x8080808080808080ULL;
	size_t i = 0;

	while (i + 8 <= n) {
		uint64_t w, del;

		memcpy(&w, s + i, 8);
		del = w ^ (0x7F * ones);
		if ((w & high) || ((w - 0x20 * ones) & ~w & high) ||
		    ((del - ones) & ~del & high))
			break;
		i += 8;
	}
	while (i < n && (unsigned char)s[i] >= 0x20 &&
	       (unsigned char)s[i] < 0x7F)
		i++;
	return i;
}

size_t norm_count(const char *s, size_t n)
{
	const uint64_t high = 0x8080808080808080ULL;
	size_t i = 0, cont = 0;

	/* code points = bytes - continuation bytes (10xxxxxx) */
	for (; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		w = (w & high & ~(w << 1)) >> 7; /* 1 in each such byte */
		cont += (size_t)((w * 0x0101010101010101ULL) >> 56);
	}
	for (; i < n; i++)
		cont += ((unsigned char)s[i] & 0xC0) == 0x80;
	return n - cont;
}

/*
 * Run utf8proc_map with the given options and append the result; on the
 * (impossible for valid input) failure the text is appended unchanged.
 */
static void map_add(struct buf *out, const char *s, size_t n, int options)
{
	utf8proc_uint8_t *res = NULL;
	utf8proc_ssize_t len;

	if (!n)
		return;
	len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	                   &res, (utf8proc_option_t)options);
	if (len < 0) {
		buf_add(out, s, n);
		return;
	}
	buf_add(out, res, (size_t)len);
	free(res);
}

/*
 * Code points that are in NFC whatever surrounds them, provided the next
 * code point is one of them too: most of Latin-1, Latin Extended-A/B,
 * Cyrillic letters and common punctuation.  A line made only of these is
 * already NFC and skips utf8proc, which keeps the reader fast.
 */
static int nfc_stable(int32_t cp)
{
	if (cp < 0x300)
		return 1;
	if ((cp >= 0x400 && cp <= 0x482) || (cp >= 0x48A && cp <= 0x52F))
		return 1;
	if (cp >= 0x2010 && cp <= 0x205E)
		return 1;
	if (cp >= 0x20A0 && cp <= 0x20C0)
		return 1;
	return 0;
}

void norm_nfc(struct buf *out, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n)
		if (!nfc_stable(norm_next(s, n, &i))) {
			map_add(out, s, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
			return;
		}
	buf_add(out, s, n);
}

void norm_fold(struct buf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 || (s[i] >= 'A' && s[i] <= 'Z'))
			break;
	if (i == n) {
		buf_add(out, s, n);
		return;
	}
	map_add(out, s, n,
	        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

/* Letters without a decomposition that still have an obvious base. */
static const struct {
	int32_t cp;
	const char *base;
} strip_extra[] = {
    {0x00F8, "o"},  {0x00D8, "o"},  {0x0142, "l"},  {0x0141, "l"},
    {0x0111, "d"},  {0x0110, "d"},  {0x00F0, "d"},  {0x00D0, "d"},
    {0x0127, "h"},  {0x0126, "h"},  {0x0131, "i"},  {0x00E6, "ae"},
    {0x00C6, "ae"}, {0x0153, "oe"}, {0x0152, "oe"}, {0x00FE, "th"},
    {0x00DE, "th"}, {0x0167, "t"},  {0x0166, "t"},  {0x0180, "b"},
    {0x0268, "i"},  {0x0289, "u"},
};

void norm_fold_strip(struct buf *out, const char *s, size_t n)
{
	struct buf tmp;
	size_t i = 0;

	buf_init(&tmp);
	map_add(&tmp, s, n,
	        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
	            UTF8PROC_STRIPMARK);
	while (i < tmp.len) {
		size_t start = i, k;
		int32_t cp = norm_next(tmp.data, tmp.len, &i);

		for (k = 0; k < sizeof(strip_extra) / sizeof(strip_extra[0]);
		     k++)
			if (strip_extra[k].cp == cp)
				break;
		if (k < sizeof(strip_extra) / sizeof(strip_extra[0]))
			buf_adds(out, strip_extra[k].base);
		else
			buf_add(out, tmp.data + start, i - start);
	}
	buf_release(&tmp);
}

/* What the clean-up does with one code point. */
enum clean_action { KEEP, SPACE, DROP, NEWLINE, PARABREAK };

static enum clean_action clean_action(int32_t cp)
{
	if (cp < 0x80) {
		if (cp == '\t' || cp == '\v')
			return SPACE;
		if (cp == '\f')
			return NEWLINE;
		if (cp < 0x20 && cp != '\n')
			return DROP;
		if (cp == 0x7F)
			return DROP;
		return KEEP;
	}
	switch (cp) {
	case 0x00AD: /* soft hyphen */
	case 0x180E: /* Mongolian vowel separator */
	case 0x200B: /* zero width space */
	case 0x200C: /* zero width non-joiner */
	case 0x200D: /* zero width joiner */
	case 0x200E: /* left-to-right mark */
	case 0x200F: /* right-to-left mark */
	case 0x2060: /* word joiner */
	case 0x2061: /* invisible operators */
	case 0x2062:
	case 0x2063:
	case 0x2064:
	case 0xFEFF: /* zero width no-break space, BOM */
	case 0xFFFE:
		return DROP;
	case 0x2028:
		return NEWLINE;
	case 0x2029:
		return PARABREAK;
	default:
		break;
	}
	if (cp <= 0x9F)
		return DROP; /* C1 controls */
	if (cp > 0xA0 && cp < 0x1680)
		return KEEP; /* no spaces or format characters in between */
	if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
		return DROP; /* bidi embeddings and isolates */
	if (utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS)
		return SPACE;
	return KEEP;
}

void norm_clean(struct buf *out, const char *s, size_t n)
{
	struct buf tmp;
	size_t i = 0;

	buf_init(&tmp);
	buf_grow(out, n);
	while (i < n) {
		size_t line_start = out->len;
		int stable = 1;

		/* one line at a time: NFC never composes across a newline */
		while (i < n) {
			size_t start = i, j = i;
			int32_t cp;

			/* printable ASCII, and two-byte letters that need no
			 * cleaning and are stable under NFC: U+00C0-U+02FF
			 * (leads C3-CB) and U+0400-U+047F (leads D0, D1) */
			for (;;) {
				unsigned char c = (unsigned char)s[j];

				if (c >= 0x20 && c < 0x7F) {
					j += norm_ascii_run(s + j, n - j);
				} else {
					size_t k = j;

					while (k + 1 < n &&
					       (((unsigned char)s[k] >= 0xC3 &&
					         (unsigned char)s[k] <= 0xCB) ||
					        (unsigned char)s[k] == 0xD0 ||
					        (unsigned char)s[k] == 0xD1) &&
					       ((unsigned char)s[k + 1] &
					        0xC0) == 0x80)
						k += 2;
					if (k == j)
						break;
					j = k;
				}
				if (j >= n)
					break;
			}
			if (j > i) {
				buf_add(out, s + i, j - i);
				i = j;
				continue;
			}
			cp = norm_next(s, n, &i);
			if (cp == '\r') {
				if (i < n && s[i] == '\n')
					i++;
				cp = '\n';
			}
			if (cp == '\n') {
				buf_addch(out, '\n');
				break;
			}
			switch (clean_action(cp)) {
			case KEEP:
				if (!nfc_stable(cp))
					stable = 0;
				buf_add(out, s + start, i - start);
				break;
			case SPACE:
				buf_addch(out, ' ');
				break;
			case DROP:
				break;
			case NEWLINE:
				buf_addch(out, '\n');
				break;
			case PARABREAK:
				buf_add(out, "\n\n", 2);
				break;
			}
		}
		if (!stable) {
			buf_reset(&tmp);
			norm_nfc(&tmp, out->data + line_start,
			         out->len - line_start);
			buf_truncate(out, line_start);
			buf_add(out, tmp.data, tmp.len);
		}
	}
	buf_release(&tmp);
}

/*
 * Fast answers for the blocks news text lives in (Latin-1, Cyrillic),
 * without a utf8proc table walk: -1 when the block is not covered.
 */
static int fast_case(int32_t cp)
{
	/* 1 upper, 2 lower, 0 not a letter */
	if (cp >= 0xC0 && cp <= 0xFF)
		return cp == 0xD7 || cp == 0xF7 ? 0 : cp <= 0xDE ? 1 : 2;
	if (cp >= 0x400 && cp <= 0x45F)
		return cp <= 0x42F ? 1 : 2;
	if (cp >= 0x2000 && cp <= 0x206F)
		return 0;
	return -1;
}

int norm_is_letter(int32_t cp)
{
	int fc;

	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	fc = fast_case(cp);
	if (fc >= 0)
		return fc > 0;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return 1;
	default:
		return 0;
	}
}

int norm_is_upper(int32_t cp)
{
	utf8proc_category_t c;
	int fc;

	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	fc = fast_case(cp);
	if (fc >= 0)
		return fc == 1;
	c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int norm_is_lower(int32_t cp)
{
	int fc;

	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	fc = fast_case(cp);
	if (fc >= 0)
		return fc == 2;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

int norm_is_digit(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

int norm_is_mark(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x300)
		return 0;
	c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
	       c == UTF8PROC_CATEGORY_ME;
}

int norm_is_punct(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

int norm_is_symbol(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	return c >= UTF8PROC_CATEGORY_SM && c <= UTF8PROC_CATEGORY_SO;
}

int norm_is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x2018 ||
	       cp == 0x60 || cp == 0xB4;
}

int norm_same_but_apostrophes(const char *a, size_t an, const char *b,
                              size_t bn)
{
	size_t i = 0, j = 0;

	while (i < an && j < bn) {
		int32_t ca = norm_next(a, an, &i), cb = norm_next(b, bn, &j);

		if (ca != cb &&
		    !(norm_is_apostrophe(ca) && norm_is_apostrophe(cb)))
			return 0;
	}
	return i == an && j == bn;
}

int norm_is_space(int32_t cp)
{
	if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r')
		return 1;
	if (cp < 0x80)
		return 0;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

int32_t norm_base(int32_t cp)
{
	utf8proc_int32_t d[8];
	int boundclass = 0;
	utf8proc_ssize_t n;

	if (cp < 0xC0)
		return cp;
	n = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, &boundclass);
	return n > 0 ? d[0] : cp;
}

int norm_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && (s[i] < '\t' || s[i] > '\r'))
			return 0;
	return 1;
}

int32_t norm_lower(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	return utf8proc_tolower(cp);
}

enum norm_script norm_script(int32_t cp)
{
	if (!norm_is_letter(cp))
		return SCRIPT_OTHER;
	if (cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF) ||
	    (cp >= 0xFF21 && cp <= 0xFF5A) || (cp >= 0x2C60 && cp <= 0x2C7F) ||
	    (cp >= 0xA720 && cp <= 0xA7FF))
		return SCRIPT_LATIN;
	if ((cp >= 0x400 && cp <= 0x52F) || (cp >= 0x1C80 && cp <= 0x1C8F) ||
	    (cp >= 0x2DE0 && cp <= 0x2DFF) || (cp >= 0xA640 && cp <= 0xA69F))
		return SCRIPT_CYRILLIC;
	if ((cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x1F00 && cp <= 0x1FFF))
		return SCRIPT_GREEK;
	return SCRIPT_OTHER;
}
