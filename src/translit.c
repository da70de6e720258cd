#include "translit.h"

#include <string.h>

#include "norm.h"
#include "banned.h"

/* A romanisation table: lower-case Cyrillic letter -> Latin. */
struct tl_rule {
	int32_t cp;
	const char *latin;
};

/* Russian, BGN/PCGN without diacritics (the English-language press). */
static const struct tl_rule ru_rules[] = {
    {0x430, "a"},  {0x431, "b"},    {0x432, "v"},  {0x433, "g"},  {0x434, "d"},
    {0x435, "e"},  {0x451, "yo"},   {0x436, "zh"}, {0x437, "z"},  {0x438, "i"},
    {0x439, "y"},  {0x43A, "k"},    {0x43B, "l"},  {0x43C, "m"},  {0x43D, "n"},
    {0x43E, "o"},  {0x43F, "p"},    {0x440, "r"},  {0x441, "s"},  {0x442, "t"},
    {0x443, "u"},  {0x444, "f"},    {0x445, "kh"}, {0x446, "ts"}, {0x447, "ch"},
    {0x448, "sh"}, {0x449, "shch"}, {0x44A, ""},   {0x44B, "y"},  {0x44C, ""},
    {0x44D, "e"},  {0x44E, "yu"},   {0x44F, "ya"}, {0, NULL},
};

/* Belarusian, the national system of 2007 without diacritics. */
static const struct tl_rule be_rules[] = {
    {0x430, "a"},  {0x431, "b"},  {0x432, "v"},  {0x433, "h"},  {0x491, "g"},
    {0x434, "d"},  {0x435, "ie"}, {0x451, "io"}, {0x436, "zh"}, {0x437, "z"},
    {0x456, "i"},  {0x439, "i"},  {0x43A, "k"},  {0x43B, "l"},  {0x43C, "m"},
    {0x43D, "n"},  {0x43E, "o"},  {0x43F, "p"},  {0x440, "r"},  {0x441, "s"},
    {0x442, "t"},  {0x443, "u"},  {0x45E, "u"},  {0x444, "f"},  {0x445, "kh"},
    {0x446, "ts"}, {0x447, "ch"}, {0x448, "sh"}, {0x44B, "y"},  {0x44C, ""},
    {0x44D, "e"},  {0x44E, "iu"}, {0x44F, "ia"}, {0x2019, ""},  {0x27, ""},
    {0, NULL},
};

/* Ukrainian, the national system of 2010. */
static const struct tl_rule uk_rules[] = {
    {0x430, "a"},  {0x431, "b"},  {0x432, "v"},  {0x433, "h"},  {0x491, "g"},
    {0x434, "d"},  {0x435, "e"},  {0x454, "ie"}, {0x436, "zh"}, {0x437, "z"},
    {0x438, "y"},  {0x456, "i"},  {0x457, "i"},  {0x439, "i"},  {0x43A, "k"},
    {0x43B, "l"},  {0x43C, "m"},  {0x43D, "n"},  {0x43E, "o"},  {0x43F, "p"},
    {0x440, "r"},  {0x441, "s"},  {0x442, "t"},  {0x443, "u"},  {0x444, "f"},
    {0x445, "kh"}, {0x446, "ts"}, {0x447, "ch"}, {0x448, "sh"}, {0x449, "shch"},
    {0x44C, ""},   {0x44E, "iu"}, {0x44F, "ia"}, {0x2019, ""},  {0x27, ""},
    {0, NULL},
};

/* Bulgarian, the official system of 2009. */
static const struct tl_rule bg_rules[] = {
    {0x430, "a"},   {0x431, "b"},  {0x432, "v"},  {0x433, "g"},  {0x434, "d"},
    {0x435, "e"},   {0x436, "zh"}, {0x437, "z"},  {0x438, "i"},  {0x439, "y"},
    {0x43A, "k"},   {0x43B, "l"},  {0x43C, "m"},  {0x43D, "n"},  {0x43E, "o"},
    {0x43F, "p"},   {0x440, "r"},  {0x441, "s"},  {0x442, "t"},  {0x443, "u"},
    {0x444, "f"},   {0x445, "h"},  {0x446, "ts"}, {0x447, "ch"}, {0x448, "sh"},
    {0x449, "sht"}, {0x44A, "a"},  {0x44C, "y"},  {0x44E, "yu"}, {0x44F, "ya"},
    {0x45D, "i"},   {0, NULL},
};

/* Serbian and Macedonian Cyrillic, as their Latin alphabets without
 * diacritics. */
static const struct tl_rule sr_rules[] = {
    {0x430, "a"},  {0x431, "b"},  {0x432, "v"},  {0x433, "g"},  {0x434, "d"},
    {0x452, "dj"}, {0x435, "e"},  {0x436, "z"},  {0x437, "z"},  {0x438, "i"},
    {0x458, "j"},  {0x43A, "k"},  {0x43B, "l"},  {0x459, "lj"}, {0x43C, "m"},
    {0x43D, "n"},  {0x45A, "nj"}, {0x43E, "o"},  {0x43F, "p"},  {0x440, "r"},
    {0x441, "s"},  {0x442, "t"},  {0x45B, "c"},  {0x443, "u"},  {0x444, "f"},
    {0x445, "h"},  {0x446, "c"},  {0x447, "c"},  {0x45F, "dz"}, {0x448, "s"},
    {0x453, "gj"}, {0x45C, "kj"}, {0x455, "dz"}, {0, NULL},
};

/* Kazakh Cyrillic, a common romanisation. */
static const struct tl_rule kk_rules[] = {
    {0x4D9, "a"}, {0x493, "g"}, {0x49B, "q"}, {0x4A3, "n"}, {0x4E9, "o"},
    {0x4B1, "u"}, {0x4AF, "u"}, {0x4BB, "h"}, {0x456, "i"}, {0, NULL},
};

static const struct tl_rule *rules_for(enum translit_lang lang)
{
	switch (lang) {
	case TL_BE:
		return be_rules;
	case TL_UK:
		return uk_rules;
	case TL_BG:
		return bg_rules;
	case TL_SR:
	case TL_MK:
		return sr_rules;
	default:
		return ru_rules;
	}
}

static const char *lookup(const struct tl_rule *r, int32_t lc)
{
	for (; r->latin; r++)
		if (r->cp == lc)
			return r->latin;
	return NULL;
}

enum translit_lang translit_detect(const char *s, size_t n)
{
	size_t i = 0;
	int32_t prev = 0;
	int be = 0, uk = 0, bg = 0, sr = 0, kk = 0, ru = 0, i_dot = 0;

	while (i < n) {
		int32_t cp = norm_lower(norm_next(s, n, &i));
		size_t j = i;
		int32_t next = j < n ? norm_lower(norm_next(s, n, &j)) : 0;

		switch (cp) {
		case 0x45E: /* ў */
			be += 2;
			break;
		case 0x456: /* і */
			i_dot++;
			break;
		case 0x457: /* ї */
		case 0x454: /* є */
		case 0x491: /* ґ */
			uk += 2;
			break;
		case 0x458: /* ј */
		case 0x459: /* љ */
		case 0x45A: /* њ */
		case 0x45B: /* ћ */
		case 0x452: /* ђ */
		case 0x45F: /* џ */
			sr += 2;
			break;
		case 0x4D9:
		case 0x493:
		case 0x49B:
		case 0x4A3:
		case 0x4E9:
		case 0x4B1:
		case 0x4AF:
		case 0x4BB:
			kk += 2;
			break;
		case 0x44B: /* ы */
		case 0x44D: /* э */
		case 0x451: /* ё */
			ru++;
			break;
		case 0x44A: /* ъ inside a word is a vowel in Bulgarian */
			if (norm_is_letter(prev) && norm_is_letter(next))
				bg++;
			break;
		case 0x449: /* щ */
			bg++;
			break;
		default:
			break;
		}
		prev = cp;
	}
	if (kk)
		return TL_KK;
	if (sr)
		return TL_SR;
	if (be || (i_dot && ru))
		return TL_BE; /* і with ы or э: Belarusian, not Ukrainian */
	if (uk || i_dot)
		return TL_UK;
	if (bg && !ru)
		return TL_BG;
	return TL_RU;
}

/* Romanise one word (a run of letters) with one table. */
static void latin_word(struct buf *out, const char *s, size_t n,
                       enum translit_lang lang)
{
	const struct tl_rule *r = rules_for(lang);
	size_t i = 0;
	int first = 1;

	while (i < n) {
		size_t start = i;
		int32_t cp = norm_next(s, n, &i);
		int32_t lc = norm_lower(cp);
		const char *lat = NULL;

		if (norm_script(cp) == SCRIPT_CYRILLIC || cp == 0x2019) {
			if (lang == TL_KK)
				lat = lookup(kk_rules, lc);
			if (!lat)
				lat = lookup(r, lc);
			/* word-initial е, ё, ю, я and є are iotated */
			if (first && lang == TL_RU && lc == 0x435)
				lat = "ye";
			if (first && (lang == TL_UK) && lc == 0x454)
				lat = "ye";
			if (first && lang == TL_UK && lc == 0x457)
				lat = "yi";
			if (first && lang == TL_UK && lc == 0x439)
				lat = "y";
			if (first && lang == TL_UK && lc == 0x44E)
				lat = "yu";
			if (first && lang == TL_UK && lc == 0x44F)
				lat = "ya";
			if (first && lang == TL_BE &&
			    (lc == 0x435 || lc == 0x451 || lc == 0x44E ||
			     lc == 0x44F))
				lat = lc == 0x435   ? "ye"
				      : lc == 0x451 ? "yo"
				      : lc == 0x44E ? "yu"
				                    : "ya";
		}
		if (!lat) {
			buf_add(out, s + start, i - start);
		} else if (*lat) {
			if (norm_is_upper(cp)) {
				/* Ж -> Zh; in an all-capital word ZH would be
				 * better, but names are what matter here */
				buf_addch(out, lat[0] - 32);
				buf_adds(out, lat + 1);
			} else {
				buf_adds(out, lat);
			}
		}
		if (norm_is_letter(cp))
			first = 0;
	}
}

void translit_latin(struct buf *out, const char *s, size_t n,
                    enum translit_lang lang)
{
	size_t i = 0;

	while (i < n) {
		size_t start = i, j;
		int32_t cp = norm_next(s, n, &i);
		int cyr = norm_script(cp) == SCRIPT_CYRILLIC;

		if (!cyr) {
			buf_add(out, s + start, i - start);
			continue;
		}
		/* the whole word: letters and apostrophes */
		j = i;
		while (j < n) {
			size_t k = j;
			int32_t c = norm_next(s, n, &k);

			if (!norm_is_letter(c) && !norm_is_mark(c) &&
			    c != 0x2019 && c != '\'')
				break;
			j = k;
		}
		latin_word(out, s + start, j - start,
		           lang == TL_AUTO
		               ? translit_detect(s + start, j - start)
		               : lang);
		i = j;
	}
}

/*
 * Spelling conventions brought to one form, applied in order to the
 * romanised, folded, unaccented text.  Longest patterns first.
 */
static const struct {
	const char *from, *to;
} key_rules[] = {
    {"shch", "s"}, {"sch", "s"}, {"tsch", "c"}, {"tch", "c"}, {"cz", "c"},
    {"ch", "c"},   {"sh", "s"},  {"sz", "s"},   {"zh", "z"},  {"kh", "h"},
    {"ts", "c"},   {"tz", "c"},  {"ks", "x"},   {"w", "v"},   {"ph", "f"},
    {"j", "i"},    {"y", "i"},   {"ou", "u"},   {"ck", "k"},  {"q", "k"},
};

void translit_key(struct buf *out, const char *s, size_t n)
{
	struct buf lat, fold;
	size_t i = 0, k;
	char prev = 0;

	buf_init(&lat);
	buf_init(&fold);
	translit_latin(&lat, s, n, TL_AUTO);
	norm_fold_strip(&fold, lat.data, lat.len);
	while (i < fold.len) {
		const char *from = NULL, *to = NULL;
		char c;

		for (k = 0; k < sizeof(key_rules) / sizeof(key_rules[0]); k++) {
			size_t len = strlen(key_rules[k].from);

			if (i + len <= fold.len &&
			    !memcmp(fold.data + i, key_rules[k].from, len)) {
				from = key_rules[k].from;
				to = key_rules[k].to;
				break;
			}
		}
		if (from) {
			i += strlen(from);
			for (; *to; to++)
				if (*to != prev)
					buf_addch(out, prev = *to);
			continue;
		}
		c = fold.data[i++];
		if (c == prev && c >= 'a' && c <= 'z')
			continue; /* doubled letters count once */
		buf_addch(out, c);
		prev = c;
	}
	buf_release(&lat);
	buf_release(&fold);
}
