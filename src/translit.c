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
 * Forms.
 *
 * The alphabet of forms: the vowels a e i o u; j for й and for the
 * iotation of я, ю, ё, є; the consonants b d f g h k l m n p r s t v z as
 * they sound; c for ц, q for ч, w for ш, x for ж (so щ is "wq", дж "dx",
 * дз "dz"), and C for a Latin "ch" whose reading (х in German, Polish and
 * Czech, ч in English, ш in French) the word does not tell.  y never
 * occurs: Cyrillic ы and и are both i, and a Latin y is i or j by its
 * neighbours.  While a word is read, 'I' and 'Y' stand for a Latin i and y
 * whose reading depends on the next letter.
 */

/* Cyrillic U+0430..U+045F, lower case. */
static const char *const cyr_form[48] = {
    "a", "b",  "v",  "g",  "d",  "e",  "x",  "z",  /* а-з */
    "i", "j",  "k",  "l",  "m",  "n",  "o",  "p",  /* и-п */
    "r", "s",  "t",  "u",  "f",  "h",  "c",  "q",  /* р-ч */
    "w", "wq", "",   "i",  "",   "e",  "ju", "ja", /* ш-я */
    "e", "jo", "dx", "gj", "je", "dz", "i",  "ji", /* ѐ-ї */
    "j", "lj", "nj", "q",  "kj", "i",  "u",  "dx", /* ј-џ */
};

/* Cyrillic letters outside that block (Ukrainian ґ, Kazakh). */
static const struct tl_rule cyr_extra_form[] = {
    {0x491, "g"}, {0x4D9, "a"}, {0x493, "g"}, {0x49B, "k"}, {0x4A3, "n"},
    {0x4E9, "o"}, {0x4B1, "u"}, {0x4AF, "u"}, {0x4BB, "h"}, {0, NULL},
};

/*
 * Latin spelling conventions, lower case.  At each position the longest
 * pattern that matches wins; LR_START patterns only match at the start of
 * the word, LR_END ones at its end.  Letters no rule names are read as
 * their base letter.  Both tables are sorted by their first code point
 * (rules_for_cp searches them).
 */
enum { LR_START = 1, LR_END = 2 };

static const struct {
	int32_t pat[8];
	const char *to;
	int flags;
} latin_rules[] = {
    {{'c', 'h', 't', 'c', 'h'}, "wq", 0}, /* French щ */
    {{'c', 'z'}, "q", 0},
    {{'c', 'h'}, "C", 0},
    {{'c', 'k', 'e'}, "ke", 0}, /* German and English ck, not Polish cki */
    {{'c', 'k', 's'}, "ks", 0},
    {{'c', 'k'}, "k", LR_END},

    {{'d', 's', 'c', 'h'}, "dx", 0},
    {{'d', 'z', 'h'}, "dx", 0},
    {{'d', 0x17C}, "dx", 0}, /* dż */
    {{'d', 0x17E}, "dx", 0}, /* dž */
    {{'d', 'j'}, "dx", 0},   /* French, and Serbian dj for đ */
    {{'g', 'h'}, "g", 0},
    {{'g', 'u', 'e'}, "ge", 0},
    {{'g', 'u', 'i'}, "gI", 0},
    {{'g', 'u', 'y'}, "gY", 0},
    {{'i'}, "I", 0},
    {{'k', 'h'}, "h", 0},
    {{'m', 'c'}, "mak", LR_START},
    {{'p', 'h'}, "f", 0},
    {{'q', 'u'}, "kv", 0},
    {{'q'}, "k", 0},
    {{'r', 'z'}, "x", 0},                           /* Polish */
    {{'s', 'c', 'h', 't', 's', 'c', 'h'}, "wq", 0}, /* German щ */
    {{'s', 'h', 'c', 'h'}, "wq", 0},
    {{'s', 'z', 'c', 'z'}, "wq", 0},
    {{'s', 'c', 'h'}, "w", 0},
    {{'s', 'h'}, "w", 0},
    {{'s', 'z'}, "w", 0},

    {{'t', 's', 'c', 'h'}, "q", 0},
    {{'t', 's', 'j'}, "q", 0}, /* Dutch */
    {{'t', 0x161}, "q", 0},    /* tš: Estonian, Finnish */
    {{'t', 'c', 'h'}, "q", 0},
    {{'t', 's'}, "c", 0},
    {{'t', 'z'}, "c", 0},
    {{'t', 'h'}, "t", 0},
    {{'w'}, "v", 0},
    {{'x'}, "ks", 0},
    {{'y'}, "Y", 0},
    {{'z', 'h'}, "x", 0},
    {{0xE4}, "e", 0},   /* ä */
    {{0xE5}, "o", 0},   /* å */
    {{0xE6}, "e", 0},   /* æ */
    {{0xE7}, "c", 0},   /* ç: ч in Turkish, s in French */
    {{0xEC}, "I", 0},   /* ì */
    {{0xED}, "I", 0},   /* í */
    {{0xEE}, "I", 0},   /* î */
    {{0xEF}, "Y", 0},   /* ï: French for й */
    {{0xF1}, "nj", 0},  /* ñ */
    {{0xF6}, "e", 0},   /* ö */
    {{0xF8}, "e", 0},   /* ø */
    {{0xFD}, "Y", 0},   /* ý */
    {{0xFF}, "Y", 0},   /* ÿ */
    {{0x105}, "on", 0}, /* ą */
    {{0x107}, "q", 0},  /* ć */
    {{0x10D}, "q", 0},  /* č */
    {{0x111}, "dx", 0}, /* đ */
    {{0x119}, "en", 0}, /* ę */
    {{0x153}, "e", 0},  /* œ */
    {{0x159}, "rx", 0}, /* ř */
    {{0x15B}, "s", 0},  /* ś */
    {{0x15F}, "w", 0},  /* ş */
    {{0x161}, "w", 0},  /* š */
    {{0x163}, "c", 0},  /* ţ */
    {{0x17A}, "z", 0},  /* ź */
    {{0x17C}, "x", 0},  /* ż */
    {{0x17E}, "x", 0},  /* ž */
    {{0x219}, "w", 0},  /* ș */
    {{0x21B}, "c", 0},  /* ț */
};

#define NLATIN_RULES (sizeof(latin_rules) / sizeof(latin_rules[0]))

/*
 * English readings, tried before the rules above when a word is read as
 * English (the way Russian, Ukrainian and Bulgarian transcribe English
 * names): j and soft g as дж, soft c as s, hard c as k, ch as ч, w as у,
 * ee, ea as i, a silent final e.
 */
static const struct {
	int32_t pat[8];
	const char *to;
	int flags;
} english_rules[] = {
    {{'a', 'y'}, "ej", 0},
    {{'c', 'e'}, "se", 0},
    {{'c', 'i'}, "sI", 0},
    {{'c', 'y'}, "sY", 0},
    {{'c', 'h'}, "q", 0},
    {{'c'}, "k", 0},
    {{'e', 'e'}, "I", 0},
    {{'e', 'a'}, "I", 0},
    {{'e', 'y'}, "I", LR_END},
    {{'e'}, "", LR_END},
    {{'g', 'e', 'o'}, "dxo", 0},
    {{'g', 'e'}, "dx", LR_END},
    {{'g', 'e'}, "dxe", 0},
    {{'g', 'i'}, "dxI", 0},
    {{'g', 'y'}, "dxY", 0},
    {{'i', 'g', 'h'}, "aj", 0},
    {{'j'}, "dx", 0},
    {{'k', 'n'}, "n", LR_START},
    {{'o', 'o'}, "u", 0},
    {{'w', 'r'}, "r", LR_START},
    {{'w', 'h'}, "u", LR_START},
    {{'w'}, "u", 0},
};

#define NENGLISH_RULES (sizeof(english_rules) / sizeof(english_rules[0]))

/* Base letters of U+00E0..U+017F (lower and upper case alike). */
static const char latin_base[] =
    "aaaaaaeceeeeiiiidnooooo-ouuuuyty"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllll"
    "nnnnnnnnnooooooeerrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/* The longest word translit_form reads, in code points. */
#define FORM_MAX_CPS 64

static int is_vowel(int c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static int is_cons(int c)
{
	return c >= 'a' && c <= 'z' && !is_vowel(c) && c != 'j';
}

static int is_cyr_vowel(int32_t cp)
{
	switch (cp) {
	case 0x430:
	case 0x435:
	case 0x438:
	case 0x43E:
	case 0x443:
	case 0x44B:
	case 0x44D:
	case 0x44E:
	case 0x44F:
	case 0x451:
	case 0x454:
	case 0x456:
	case 0x457:
	case 0x45E:
	case 0x44A:
	case 0x44C: /* after ъ, ь е is iotated too */
		return 1;
	default:
		return 0;
	}
}

/* A growing intermediate form. */
struct form_buf {
	char s[4 * FORM_MAX_CPS + 8];
	size_t len;
};

static void form_add(struct form_buf *f, const char *s)
{
	while (*s && f->len + 1 < sizeof(f->s))
		f->s[f->len++] = *s++;
}

/* The form of one Cyrillic letter cps[i] (lower case). */
static const char *cyr_letter(const int32_t *cps, size_t i, size_t n,
                              enum translit_lang lang)
{
	int32_t cp = cps[i];
	int32_t prev = i ? cps[i - 1] : 0;
	int32_t next = i + 1 < n ? cps[i + 1] : 0;
	size_t k;

	switch (cp) {
	case 0x433: /* г */
		return lang == TL_BE || lang == TL_UK ? "h" : "g";
	case 0x435: /* е: iotated at the start and after a vowel */
		if ((lang == TL_RU || lang == TL_BE || lang == TL_UK) &&
		    (!i || is_cyr_vowel(prev)))
			return "je";
		return "e";
	case 0x451: /* ё: plain o after hushing letters */
		if (prev == 0x436 || prev == 0x448 || prev == 0x447 ||
		    prev == 0x449 || prev == 0x446)
			return "o";
		return "jo";
	case 0x449: /* щ */
		return lang == TL_BG ? "wt" : "wq";
	case 0x44A: /* ъ: a vowel inside a Bulgarian word */
		return lang == TL_BG && i && next ? "a" : "";
	case 0x442: /* т before ч adds nothing */
		return next == 0x447 ? "" : "t";
	default:
		break;
	}
	if (cp >= 0x430 && cp <= 0x45F)
		return cyr_form[cp - 0x430];
	for (k = 0; cyr_extra_form[k].latin; k++)
		if (cyr_extra_form[k].cp == cp)
			return cyr_extra_form[k].latin;
	return "";
}

/*
 * How many code points of the rule pattern pat match at cps[i] (0: none),
 * given the rule's flags and the word's length n.
 */
static size_t rule_match(const int32_t *pat, int flags, const int32_t *cps,
                         size_t i, size_t n)
{
	size_t len = 0;

	if (pat[0] != cps[i] || ((flags & LR_START) && i))
		return 0;
	while (len < 8 && pat[len] && i + len < n && cps[i + len] == pat[len])
		len++;
	if (len < 8 && pat[len])
		return 0;
	if ((flags & LR_END) && (i + len != n || n < 4))
		return 0;
	return len;
}

/* The rules of a table (sorted by pat[0]) that start with cp: [*lo, hi). */
#define RULES_FOR_CP(table, count, cp, lo, hi)                                 \
	do {                                                                   \
		size_t rl_lo = 0, rl_hi = (count);                             \
		while (rl_lo < rl_hi) {                                        \
			size_t rl_mid = rl_lo + (rl_hi - rl_lo) / 2;           \
			if ((table)[rl_mid].pat[0] < (cp))                     \
				rl_lo = rl_mid + 1;                            \
			else                                                   \
				rl_hi = rl_mid;                                \
		}                                                              \
		(lo) = rl_lo;                                                  \
		while (rl_lo < (count) && (table)[rl_lo].pat[0] == (cp))       \
			rl_lo++;                                               \
		(hi) = rl_lo;                                                  \
	} while (0)

/*
 * The form of the Latin letters at cps[*i]; advances *i.  The longest
 * matching rule wins; with english, English readings win ties.
 */
static void latin_letters(struct form_buf *f, const int32_t *cps, size_t *i,
                          size_t n, int english)
{
	size_t k, lo, hi, best_len = 0, len;
	const char *best = NULL;
	int32_t cp = cps[*i];
	char one[2] = {0, 0};

	if (english && *i + 3 == n && cps[n - 1] == 'e' && cps[n - 2] < 0x80 &&
	    is_cons((int)cps[n - 2]) && cp < 0x80 && strchr("aeiou", (int)cp)) {
		/* a vowel before consonant and silent e: Jake, Mike, Steve */
		static const char *const long_vowel[] = {"ej", "i", "aj", "o",
		                                         "ju"};

		form_add(f, long_vowel[strchr("aeiou", (int)cp) - "aeiou"]);
		(*i)++;
		return;
	}
	if (english) {
		RULES_FOR_CP(english_rules, NENGLISH_RULES, cp, lo, hi);
		for (k = lo; k < hi; k++) {
			len = rule_match(english_rules[k].pat,
			                 english_rules[k].flags, cps, *i, n);
			if (len > best_len) {
				best = english_rules[k].to;
				best_len = len;
			}
		}
	}
	RULES_FOR_CP(latin_rules, NLATIN_RULES, cp, lo, hi);
	for (k = lo; k < hi; k++) {
		len = rule_match(latin_rules[k].pat, latin_rules[k].flags, cps,
		                 *i, n);
		if (len > best_len) {
			best = latin_rules[k].to;
			best_len = len;
		}
	}
	if (best) {
		form_add(f, best);
		*i += best_len;
		return;
	}
	(*i)++;
	if (cp >= 'a' && cp <= 'z')
		one[0] = (char)cp;
	else if (cp >= 0xE0 && cp < 0x180)
		one[0] = latin_base[cp - 0xE0];
	if (one[0] == 'y')
		one[0] = 'Y';
	else if (one[0] == 'w')
		one[0] = 'v';
	else if (one[0] == 'i')
		one[0] = 'I';
	else if (one[0] < 'a' || one[0] > 'z')
		one[0] = 0;
	form_add(f, one);
}

/*
 * Settle the readings that depend on neighbours: Latin i and y, iotation
 * spelled twice (ия, "ija"), т before ч, doubled letters, and the endings
 * -ий, -iy, -ij, -yi, -y, -i, which all become i.
 */
static size_t form_finish(char *out, const struct form_buf *f)
{
	char t[sizeof(f->s)];
	size_t i, n = 0, m = 0, end;

	for (i = 0; i < f->len; i++) {
		int c = (unsigned char)f->s[i];
		int prev = n ? (unsigned char)t[n - 1] : 0;
		int next = i + 1 < f->len ? (unsigned char)f->s[i + 1] : 0;

		if (c == 'Y')
			c = is_vowel(next) || next == 'I' || next == 'Y' ||
			            is_vowel(prev)
			        ? 'j'
			        : 'i';
		else if (c == 'I')
			c = is_vowel(next) && (!prev || is_cons(prev)) ? 'j'
			                                               : 'i';
		t[n++] = (char)c;
	}
	/* "ij" before a vowel is one iotation; "tq" is q; doubles count once */
	for (i = 0; i < n; i++) {
		int c = (unsigned char)t[i];

		if (c == 'i' && i + 2 < n && t[i + 1] == 'j' &&
		    is_vowel(t[i + 2]))
			continue;
		if (c == 't' && i + 1 < n && t[i + 1] == 'q')
			continue;
		if (m && (unsigned char)out[m - 1] == c && !is_vowel(c))
			continue; /* doubled consonants count once */
		if (m >= TRANSLIT_FORM_MAX)
			break;
		out[m++] = (char)c;
	}
	/* a final run of i and j: i after a consonant, j after a vowel */
	end = m;
	while (end > 0 && (out[end - 1] == 'i' || out[end - 1] == 'j'))
		end--;
	if (end < m && end > 0) {
		out[end] = is_vowel(out[end - 1]) ? 'j' : 'i';
		m = end + 1;
	}
	out[m] = '\0';
	return m;
}

/* translit_form, and with english the English reading of Latin letters. */
static size_t form_of(char out[TRANSLIT_FORM_MAX + 1], const char *s, size_t n,
                      enum translit_lang lang, int english)
{
	int32_t cps[FORM_MAX_CPS];
	struct form_buf f;
	size_t i = 0, ncp = 0;
	int cyr = 0;

	while (i < n && ncp < FORM_MAX_CPS) {
		int32_t cp = (unsigned char)s[i];

		if (cp < 0x80) { /* ASCII without utf8proc */
			i++;
			if (cp >= 'A' && cp <= 'Z')
				cp += 32;
			else if (cp < 'a' || cp > 'z')
				continue;
			cps[ncp++] = cp;
			continue;
		}
		cp = norm_next(s, n, &i);
		if (!norm_is_letter(cp))
			continue;
		cp = norm_lower(cp);
		if (cp >= 0x400 && cp < 0x530)
			cyr = 1;
		cps[ncp++] = cp;
	}
	if (cyr && lang == TL_AUTO)
		lang = translit_detect(s, n);
	f.len = 0;
	i = 0;
	while (i < ncp) {
		if (cps[i] >= 0x400 && cps[i] < 0x530) {
			form_add(&f, cyr_letter(cps, i, ncp, lang));
			i++;
		} else {
			latin_letters(&f, cps, &i, ncp, english);
		}
	}
	return form_finish(out, &f);
}

size_t translit_form(char out[TRANSLIT_FORM_MAX + 1], const char *s, size_t n,
                     enum translit_lang lang)
{
	return form_of(out, s, n, lang, 0);
}

size_t translit_form_english(char out[TRANSLIT_FORM_MAX + 1], const char *s,
                             size_t n)
{
	return form_of(out, s, n, TL_RU, 1);
}

/*
 * Skeleton classes of the letters of forms: what spelling conventions and
 * the regular differences between Belarusian, Russian and Ukrainian do
 * not cross.  0: not in the skeleton (vowels, й, and v and f, which are
 * also ў, w, the u of French ou and the German v).
 */
static const char skeleton_class[128] = {
    ['b'] = 'p', ['p'] = 'p',                           /* labials but v, f */
    ['g'] = 'k', ['h'] = 'k', ['k'] = 'k', ['C'] = 'k', /* г, х, к */
    ['d'] = 't', ['t'] = 't', ['c'] = 't', /* т, д, ц (tsekanne) */
    ['s'] = 's', ['z'] = 's', ['q'] = 's', ['w'] = 's', ['x'] = 's',
    ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['r'] = 'r',
};

size_t translit_skeleton(char out[TRANSLIT_FORM_MAX + 1], const char *form,
                         size_t n)
{
	size_t i, m = 0;

	for (i = 0; i < n && m < TRANSLIT_FORM_MAX; i++) {
		int c = (unsigned char)form[i] & 127;
		int k = (unsigned char)skeleton_class[c];

		if (c == 'z' && i && form[i - 1] == 'd')
			k = 0; /* дз is д: dzekanne */
		if (c == 'h' && i &&
		    skeleton_class[(unsigned char)form[i - 1] & 127])
			k = 0; /* th, dh, gh: a spelling device */
		if (k && (!m || out[m - 1] != k))
			out[m++] = (char)k;
	}
	out[m] = '\0';
	return m;
}

void translit_key(struct buf *out, const char *s, size_t n)
{
	char form[TRANSLIT_FORM_MAX + 1];
	size_t i = 0;

	while (i < n) {
		size_t start = i, j;
		int32_t cp = norm_next(s, n, &i);

		if (!norm_is_letter(cp)) {
			if (cp < 0x80)
				buf_addch(out, cp >= 'A' && cp <= 'Z' ? cp + 32
				                                      : cp);
			else if (!norm_is_mark(cp))
				buf_add(out, s + start, i - start);
			continue;
		}
		/* the whole word: letters, marks, apostrophes inside */
		j = i;
		while (j < n) {
			size_t k = j;
			int32_t c = norm_next(s, n, &k);

			if (!norm_is_letter(c) && !norm_is_mark(c) &&
			    c != 0x2019 && c != '\'')
				break;
			j = k;
		}
		buf_add(out, form,
		        translit_form(form, s + start, j - start, TL_AUTO));
		i = j;
	}
}

/*
 * Similarity.  Costs are in hundredths of a consonant.  A vowel weighs 50,
 * й 30 and h 60 (often silent or a spelling device), every other consonant
 * 100.  Substitutions not in the table cost the heavier weight; a vowel for
 * a consonant costs both weights (as deleting one and inserting the other).
 */
#define CHEAP(a, b, c) [a][b] = (c), [b][a] = (c)

static const unsigned char sub_table[128][128] = {
    /* vowels: akanne a/o, e/i (э, і), ё/е, o/u */
    CHEAP('a', 'o', 15),
    CHEAP('e', 'i', 20),
    CHEAP('a', 'e', 30),
    CHEAP('o', 'u', 25),
    CHEAP('e', 'o', 30),
    CHEAP('i', 'u', 40),
    CHEAP('a', 'u', 40),
    CHEAP('a', 'i', 45),
    CHEAP('o', 'i', 45),
    CHEAP('e', 'u', 45),
    /* й and i */
    CHEAP('i', 'j', 10),
    /* г as g or h; х as h, kh, ch; ch as ч or ш */
    CHEAP('g', 'h', 25),
    CHEAP('h', 'C', 15),
    CHEAP('q', 'C', 15),
    CHEAP('w', 'C', 25),
    CHEAP('k', 'C', 30),
    CHEAP('h', 'k', 40),
    CHEAP('g', 'k', 40),
    /* ц: tsekanne ц/т, and Latin c read as k, s or ч */
    CHEAP('c', 't', 30),
    CHEAP('c', 's', 35),
    CHEAP('c', 'k', 35),
    CHEAP('c', 'q', 30),
    CHEAP('c', 'z', 35),
    /* hushing and hissing: ч/ш, ш/с, ж/з, ж/ш, s/z */
    CHEAP('q', 'w', 35),
    CHEAP('w', 's', 35),
    CHEAP('x', 'z', 35),
    CHEAP('x', 'w', 30),
    CHEAP('s', 'z', 30),
    CHEAP('q', 't', 50),
    CHEAP('q', 'x', 50),
    /* voicing, and ў/в/u, v/f, Latin j read as ж, дж or х */
    CHEAP('d', 't', 40),
    CHEAP('b', 'p', 40),
    CHEAP('v', 'f', 30),
    CHEAP('v', 'u', 25),
    CHEAP('v', 'b', 50),
    CHEAP('j', 'x', 50),
    CHEAP('j', 'h', 50),
};

static int weight(int c)
{
	if (is_vowel(c))
		return 50;
	if (c == 'j')
		return 30;
	if (c == 'h')
		return 60;
	return 100;
}

/* What deleting s[i] costs, knowing its neighbours. */
static int del_cost(const char *s, size_t i, size_t n)
{
	int c = (unsigned char)s[i];
	int prev = i ? (unsigned char)s[i - 1] : 0;
	int next = i + 1 < n ? (unsigned char)s[i + 1] : 0;

	if (c == 'z' && prev == 'd')
		return 25; /* дз for д: dzekanne */
	if (is_vowel(c) && (c == prev || c == next))
		return 15; /* long vowels: ee, uu */
	if (c == 'o' && (next == 'u' || prev == 'u'))
		return 20; /* French ou for у */
	if (c == 'h' && is_cons(prev))
		return 30; /* th, dh, gh */
	if ((c == 't' && (next == 'c' || next == 'q')) ||
	    (c == 'd' && next == 'x'))
		return 40; /* tc for ц, tch for ч, dzh for ж */
	if (c == 's' && i + 1 == n && n > 3)
		return 30; /* Latvian and Lithuanian -s */
	return weight(c);
}

double translit_similarity(const char *a, size_t an, const char *b, size_t bn)
{
	return translit_similarity_min(a, an, b, bn, 0.0);
}

double translit_similarity_min(const char *a, size_t an, const char *b,
                               size_t bn, double min)
{
	int limit;
	int r0[TRANSLIT_FORM_MAX + 2], r1[TRANSLIT_FORM_MAX + 2];
	int dela[TRANSLIT_FORM_MAX + 1], delb[TRANSLIT_FORM_MAX + 1];
	int wta[TRANSLIT_FORM_MAX + 1], wtb[TRANSLIT_FORM_MAX + 1];
	char va[TRANSLIT_FORM_MAX + 1], vb[TRANSLIT_FORM_MAX + 1];
	int *prev = r0, *row = r1, *swap;
	int wa = 0, wb = 0, wmax;
	size_t i, j;

	if (an > TRANSLIT_FORM_MAX)
		an = TRANSLIT_FORM_MAX;
	if (bn > TRANSLIT_FORM_MAX)
		bn = TRANSLIT_FORM_MAX;
	if (an == bn && !memcmp(a, b, an))
		return 1.0;
	for (i = 0; i < an; i++) {
		dela[i] = del_cost(a, i, an);
		wta[i] = weight(a[i]);
		va[i] = (char)is_vowel(a[i]);
		wa += wta[i];
	}
	for (j = 0; j < bn; j++) {
		delb[j] = del_cost(b, j, bn);
		wtb[j] = weight(b[j]);
		vb[j] = (char)is_vowel(b[j]);
		wb += wtb[j];
	}
	wmax = wa > wb ? wa : wb;
	if (!wmax)
		return 1.0;
	/* costs only grow down the table: once a whole row is above the
	 * cost that min allows, the answer is below min */
	limit = min > 0 ? (int)((1.0 - min) * wmax) + 1 : wa + wb + 1;
	prev[0] = 0;
	for (j = 0; j < bn; j++)
		prev[j + 1] = prev[j] + delb[j];
	for (i = 0; i < an; i++) {
		const unsigned char *cheap =
		    sub_table[(unsigned char)a[i] & 127];
		int rowmin;

		row[0] = prev[0] + dela[i];
		rowmin = row[0];
		for (j = 0; j < bn; j++) {
			int sub, best, d;

			if (a[i] == b[j])
				sub = 0;
			else if (cheap[(unsigned char)b[j] & 127])
				sub = cheap[(unsigned char)b[j] & 127];
			else if (va[i] != vb[j])
				sub = wta[i] + wtb[j];
			else
				sub = wta[i] > wtb[j] ? wta[i] : wtb[j];
			best = prev[j] + sub;
			d = prev[j + 1] + dela[i];
			if (d < best)
				best = d;
			d = row[j] + delb[j];
			if (d < best)
				best = d;
			row[j + 1] = best;
			if (best < rowmin)
				rowmin = best;
		}
		if (rowmin > limit)
			return rowmin >= wmax ? 0.0
			                      : 1.0 - (double)rowmin / wmax;
		swap = prev;
		prev = row;
		row = swap;
	}
	return prev[bn] >= wmax ? 0.0 : 1.0 - (double)prev[bn] / wmax;
}
