/*
 * names: the name matcher (see names.h).  Parsing gives every word a form,
 * a role and a gender; matching aligns the words of two names greedily,
 * best pair first, and scores the alignment by its mean similarity held
 * down by its worst pair, so that one differing given name decides.
 */
#include "names.h"

#include <stdlib.h>
#include <string.h>

#include "names_given.h"
#include "norm.h"
#include "xalloc.h"
#include "banned.h"

/* A consonant of the forms' alphabet (translit.h). */
static int is_consonant(int c)
{
	return (c >= 'a' && c <= 'z' && !strchr("aeiouj", c)) || c == 'C';
}

/* One spelling of a given-name set, as a form and a skeleton. */
struct given_entry {
	char form[TRANSLIT_FORM_MAX + 1];
	char skel[TRANSLIT_FORM_MAX + 1];
	unsigned char len;
	unsigned char english; /* an English reading of a Latin spelling */
	short set;
};

struct names {
	struct given_entry *by_form; /* sorted by form, then set */
	size_t first_at[257];        /* by_form[first_at[c]..]: first byte c */
	struct given_entry *by_skel; /* the same, sorted by skeleton */
	size_t n;
	unsigned *first; /* per set: bit mask of the first letters */
	char *gender;    /* per set: 'm' or 'f' */
};

/* Below this a given name found by its skeleton is not taken. */
#define FUZZY_GIVEN 0.88
/* Similarity given to two tokens in one given-name set. */
#define SET_EQUAL 0.95
/* Similarity of two given names in different sets: relatives. */
#define SET_CONFLICT 0.2
/* Similarity of an initial that fits a given name. */
#define INITIAL_FITS 0.9
/* Score of a name pair that is a feminine and a masculine surname. */
#define GENDER_CONFLICT 0.3
/* How far the worst aligned pair may pull the mean down: a little for
 * given names, whose spellings vary more (Nigel, Найджъл), less when the
 * worst pair is the surnames (Gorbachev, Gorbunov) */
#define WORST_SLACK   0.05
#define SURNAME_SLACK 0.02
/* Cost of each word left unaligned (middle names, patronymics). */
#define LEFTOVER 0.01
/* Below this the similarity of two words need not be exact. */
#define SPELLING_FLOOR 0.4
/* Cost of reading a token by one of its alternative forms. */
#define ALT_COST 0.02

static int cmp_form(const void *pa, const void *pb)
{
	const struct given_entry *a = pa, *b = pb;
	int c = strcmp(a->form, b->form);

	if (c)
		return c;
	if (a->set != b->set)
		return a->set - b->set;
	return a->english - b->english;
}

static int cmp_skel(const void *pa, const void *pb)
{
	const struct given_entry *a = pa, *b = pb;
	int c = strcmp(a->skel, b->skel);

	return c ? c : cmp_form(pa, pb);
}

static unsigned letter_bit(int c)
{
	if (c >= 'a' && c <= 'z')
		return 1u << (c - 'a');
	if (c == 'C')
		return 1u << 26;
	return 0;
}

/*
 * Add the spelling w[0..n) of given-name set k to the index, as it is
 * and, if it is Latin, as English reads it (so that Джейк finds Jake).
 */
static void add_spelling(struct names *nm, size_t *cap, const char *w, size_t n,
                         short k)
{
	char plain[TRANSLIT_FORM_MAX + 1] = "";
	int english, readings = (unsigned char)*w < 0x80 ? 2 : 1;

	for (english = 0; english < readings; english++) {
		struct given_entry *ge;

		XGROW(nm->by_form, *cap, nm->n + 1);
		ge = &nm->by_form[nm->n];
		ge->len =
		    (unsigned char)(english
		                        ? translit_form_english(ge->form, w, n)
		                        : translit_form(ge->form, w, n,
		                                        TL_AUTO));
		if (!ge->len || (english && !strcmp(ge->form, plain)))
			continue;
		if (!english)
			memcpy(plain, ge->form, ge->len + 1u);
		translit_skeleton(ge->skel, ge->form, ge->len);
		ge->set = k;
		ge->english = (unsigned char)english;
		if (!english)
			nm->first[k] |= letter_bit(ge->form[0]);
		nm->n++;
	}
}

struct names *names_new(void)
{
	struct names *nm = xcalloc(1, sizeof(*nm));
	size_t cap = 0, k, i, j;

	nm->first = xcalloc(names_given_count, sizeof(*nm->first));
	nm->gender = xcalloc(names_given_count, 1);
	for (k = 0; k < names_given_count; k++) {
		const char *p = names_given_sets[k].names;

		nm->gender[k] = names_given_sets[k].gender;
		while (*p) {
			const char *w = p;

			while (*p && *p != ' ')
				p++;
			if (p > w)
				add_spelling(nm, &cap, w, (size_t)(p - w),
				             (short)k);
			while (*p == ' ')
				p++;
		}
	}
	qsort(nm->by_form, nm->n, sizeof(*nm->by_form), cmp_form);
	/* drop repeats: one (form, set) once, the plain reading first */
	for (i = j = 0; i < nm->n; i++)
		if (!j ||
		    strcmp(nm->by_form[j - 1].form, nm->by_form[i].form) != 0 ||
		    nm->by_form[j - 1].set != nm->by_form[i].set)
			nm->by_form[j++] = nm->by_form[i];
	nm->n = j;
	for (i = 0, j = 0; j <= 256; j++) {
		while (i < nm->n && (unsigned char)nm->by_form[i].form[0] < j)
			i++;
		nm->first_at[j] = i;
	}
	nm->by_skel =
	    xreallocarray(NULL, nm->n ? nm->n : 1, sizeof(*nm->by_skel));
	memcpy(nm->by_skel, nm->by_form, nm->n * sizeof(*nm->by_skel));
	qsort(nm->by_skel, nm->n, sizeof(*nm->by_skel), cmp_skel);
	return nm;
}

void names_free(struct names *nm)
{
	if (!nm)
		return;
	free(nm->by_form);
	free(nm->by_skel);
	free(nm->first);
	free(nm->gender);
	free(nm);
}

/* The first entry of a (sorted by key) whose key is not below key. */
static size_t lower_bound(const struct given_entry *a, size_t n,
                          const char *key, int by_skel)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *k = by_skel ? a[mid].skel : a[mid].form;

		if (strcmp(k, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void add_set(struct names_token *t, short set)
{
	int i;

	for (i = 0; i < t->nsets; i++)
		if (t->sets[i] == set)
			return;
	if (t->nsets < NAMES_MAX_SETS)
		t->sets[t->nsets++] = set;
}

/*
 * Are forms a and b the masculine and feminine of one given name: the
 * feminine is the masculine, ending in a consonant, and a (Ivan, Ivana;
 * Stanislav, Stanislava)?  Endings in a vowel or й are left to the sets:
 * Belarusian akanne (Бойко, Бойка) and case endings (Алексей, Алексея)
 * look the same.
 */
static int gender_pair(const char *a, size_t an, const char *b, size_t bn)
{
	if (an > bn) {
		const char *t = a;
		size_t tn = an;

		a = b;
		an = bn;
		b = t;
		bn = tn;
	}
	return an >= 2 && bn == an + 1 && b[an] == 'a' &&
	       is_consonant(a[an - 1]) && !memcmp(a, b, an);
}

/*
 * Find the given-name sets of t's form: every set that spells it so, else
 * the sets of the closest spelling with the same skeleton.  t->exact is
 * set when a listed spelling was found as it is (not an English reading,
 * not a near spelling): only such sets can tell two names apart.
 */
static void find_sets(const struct names *nm, struct names_token *t)
{
	char skel[TRANSLIT_FORM_MAX + 1];
	size_t i, lo, hi;
	double best = FUZZY_GIVEN;

	t->nsets = 0;
	t->exact = 0;
	lo = nm->first_at[(unsigned char)t->form[0]];
	hi = nm->first_at[(unsigned char)t->form[0] + 1];
	lo += lower_bound(nm->by_form + lo, hi - lo, t->form, 0);
	for (i = lo; i < hi && !strcmp(nm->by_form[i].form, t->form); i++) {
		add_set(t, nm->by_form[i].set);
		if (!nm->by_form[i].english)
			t->exact = 1;
	}
	if (t->nsets || t->len < 5)
		return; /* short words are too easily near a given name */
	translit_skeleton(skel, t->form, t->len);
	lo = lower_bound(nm->by_skel, nm->n, skel, 1);
	for (i = lo; i < nm->n && !strcmp(nm->by_skel[i].skel, skel); i++) {
		const struct given_entry *ge = &nm->by_skel[i];
		double s;

		if (ge->len + 3 < t->len || t->len + 3 < ge->len ||
		    gender_pair(ge->form, ge->len, t->form, t->len))
			continue;
		s = translit_similarity_min(t->form, t->len, ge->form, ge->len,
		                            best);
		if (s > best + 1e-9) {
			best = s;
			t->nsets = 0;
		}
		if (s >= best - 1e-9)
			add_set(t, ge->set);
	}
}

/* Does form (len n) end with suffix, leaving a stem of at least min? */
static int ends(const char *form, size_t n, const char *suffix, size_t min)
{
	size_t k = strlen(suffix);

	return n >= k + min && !memcmp(form + n - k, suffix, k);
}

static int ends_any(const char *form, size_t n, const char *const *list,
                    size_t min)
{
	for (; *list; list++)
		if (ends(form, n, *list, min))
			return 1;
	return 0;
}

/* Surname endings that tell the gender (forms; longest first). */
static const char *const fem_endings[] = {
    "skaja", "ckaja", "aja", "ska", "cka", "zka",
    "ova",   "eva",   "ava", "ina", NULL,
};
static const char *const masc_endings[] = {
    "ski", "cki", "zki", "ov", "ev", "in", "ou", "au", "oj", NULL,
};
/* Patronymics: East Slavic, and the Bulgarian ones that look like
 * surnames (only taken in the middle of a name). */
static const char *const patr_masc[] = {"oviq", "eviq", "aviq", "iq", NULL};
static const char *const patr_fem[] = {
    "ovna", "evna", "avna", "auna", "euna", "ivna", "iqna", NULL,
};
static const char *const patr_bg[] = {"ov", "ev", "ova", "eva", NULL};

/* The last up to 3 code points of s[0..n), lower case, in c[0..2]. */
static void last_letters(int32_t c[3], const char *s, size_t n)
{
	size_t i = n;
	int k;

	c[0] = c[1] = c[2] = 0;
	for (k = 2; k >= 0 && i > 0; k--)
		c[k] = norm_lower(norm_prev(s, &i));
}

/*
 * Add the reading of a Latin word with its diacritics dropped as an
 * alternative, if there is room and it is new: Wałęsa is written Walesa
 * and Salihović Salihovic in English, but ę and ć read as ен and ч give
 * other lookup keys.
 */
static void stripped_alt(struct names_token *t, const char *s, size_t n)
{
	struct buf b;
	size_t i;
	int k, latin = 0, marked = 0;

	if (t->nalt >= 2)
		return;
	for (i = 0; i < n;) {
		int32_t cp = norm_next(s, n, &i);

		if (norm_script(cp) == SCRIPT_LATIN) {
			latin = 1;
			if (cp >= 0x80)
				marked = 1;
		} else if (norm_is_letter(cp)) {
			return; /* another script */
		}
	}
	if (!latin || !marked)
		return;
	buf_init(&b);
	norm_fold_strip(&b, s, n);
	k = t->nalt;
	t->alt_len[k] =
	    (unsigned char)translit_form(t->alt[k], b.data, b.len, TL_AUTO);
	buf_release(&b);
	if (!t->alt_len[k] || !strcmp(t->alt[k], t->form) ||
	    (k && !strcmp(t->alt[k], t->alt[0])))
		return;
	t->nalt++;
}

/*
 * Readings of a token besides its form: a Czech feminine -ová taken off
 * (Sturgeonová is Sturgeon, Muchová Mucha, Ivanovová Ivanova), an English
 * j read as дж, the diacritics dropped (stripped_alt).
 */
static void token_alts(struct names_token *t, const char *s, size_t n)
{
	int32_t c[3];

	t->nalt = 0;
	last_letters(c, s, n);
	if (c[0] == 'o' && c[1] == 'v' && c[2] == 0xE1 && t->len > 5) {
		size_t stem = t->len - 3; /* the form ends in "ova" */

		memcpy(t->alt[0], t->form, stem);
		t->alt[0][stem] = '\0';
		t->alt_len[0] = (unsigned char)stem;
		memcpy(t->alt[1], t->form, stem);
		t->alt[1][stem] = 'a';
		t->alt[1][stem + 1] = '\0';
		t->alt_len[1] = (unsigned char)(stem + 1);
		t->nalt = 2;
		t->gender = NAMES_FEMALE;
		return;
	}
	if (c[2] == 0xFD) /* Czech -ý */
		t->gender = NAMES_MALE;
	else if (c[2] == 0xE1) /* Czech -á */
		t->gender = NAMES_FEMALE;
	if ((unsigned char)s[0] < 0x80) {
		t->alt_len[0] =
		    (unsigned char)translit_form_english(t->alt[0], s, n);
		if (t->alt_len[0] && strcmp(t->alt[0], t->form) != 0)
			t->nalt = 1;
	}
	stripped_alt(t, s, n);
}

/* A word as the tokeniser found it. */
struct raw_token {
	size_t start, end;
	size_t letters, uppers;
	int dotted, before_comma;
	int hyphen;     /* joined to the word before by a hyphen */
	int generation; /* the word is Jr., Sr., II ... (see names.h) */
};

/* Jr., Sr., II, III, IV: the generation markers of names.h. */
static int generation_of(const char *s, size_t n)
{
	/* ml. is the Czech and Slovak junior (mladší) */
	static const char *const words[] = {"sr", "senior", "jr",  "junior",
	                                    "ml", "ii",     "iii", "iv"};
	static const int codes[] = {1, 1, 2, 2, 2, 3, 4, 5};
	char low[8];
	size_t i, k;

	if (n >= sizeof(low))
		return 0;
	for (i = 0; i < n; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	low[n] = '\0';
	for (k = 0; k < sizeof(codes) / sizeof(codes[0]); k++)
		if (!strcmp(low, words[k]))
			return codes[k];
	return 0;
}

/*
 * Titles before a name, as forms (translit.h), so that one list serves
 * every script: Mr, Mrs, Dr, President, Herr, Frau, pan, pani, господин.
 */
static const char *const title_forms[] = {
    "mr",      "mrs",       "ms",        "mis",   "dr",     "prof",
    "sir",     "president", "prezident", "her",   "frau",   "pan",
    "pani",    "mme",       "monsieur",  "madam", "madame", "gospodin",
    "gospoxa", "general",   "gen",       NULL,
};

static int is_title(const char *form)
{
	const char *const *t;

	for (t = title_forms; *t; t++)
		if (!strcmp(*t, form))
			return 1;
	return 0;
}

/* Split s into words; returns their count or -1 if there are too many. */
static int split_words(struct raw_token *w, const char *s, size_t n)
{
	size_t i = 0;
	int nw = 0, in = 0, comma = 0, hyphen = 0;

	while (i < n) {
		size_t at = i;
		int32_t cp = norm_next(s, n, &i);

		if (norm_is_letter(cp) || (in && norm_is_mark(cp))) {
			if (!in) {
				if (nw == NAMES_MAX_TOKENS)
					return -1;
				memset(&w[nw], 0, sizeof(w[nw]));
				w[nw].start = at;
				w[nw].hyphen = hyphen;
				hyphen = 0;
				in = 1;
				nw++;
			}
			w[nw - 1].end = i;
			if (norm_is_letter(cp)) {
				w[nw - 1].letters++;
				if (norm_is_upper(cp))
					w[nw - 1].uppers++;
			}
			continue;
		}
		if (in && norm_is_apostrophe(cp) && i < n) {
			size_t j = i, k;
			int32_t next = norm_next(s, n, &j), after = 0;

			k = j;
			if (k < n)
				after = norm_next(s, n, &k);
			if ((next == 's' || next == 'S') &&
			    (k == j || !norm_is_letter(after))) {
				i = j; /* possessive: the word ends here */
				in = 0;
				continue;
			}
			if (norm_is_letter(next))
				continue; /* O'Brien, Д'Артаньян */
		}
		if (in && cp == '.')
			w[nw - 1].dotted = 1;
		/* Gronkiewicz-Waltz, and Jean- Claude as it is sometimes typed
		 */
		if (cp == '-' || cp == 0x2010 || cp == 0x2011)
			hyphen = nw > 0 && (in || hyphen);
		else if (!norm_is_space(cp))
			hyphen = 0;
		if (cp == ',' && !comma && nw) {
			int k;

			comma = 1;
			for (k = 0; k < nw; k++)
				w[k].before_comma = 1;
		}
		in = 0;
	}
	return nw;
}

/* Index of the surname among the non-initial tokens (see names.h). */
static int pick_surname(const struct names_name *nm)
{
	int i, last = -1, last_plain = -1;

	for (i = 0; i < nm->ntok; i++) {
		const struct names_token *t = &nm->tok[i];

		if (t->role == NAMES_INITIAL)
			continue;
		if (t->hint)
			return i;
		last = i;
		if (t->role == NAMES_SURNAME)
			last_plain = i;
	}
	i = last_plain >= 0 ? last_plain : last;
	/* of a double surname, the first part (Gronkiewicz-Waltz) */
	while (i > 0 && nm->tok[i].hyphen &&
	       nm->tok[i - 1].role == NAMES_SURNAME)
		i--;
	return i;
}

int names_surname(const struct names_name *name)
{
	return pick_surname(name);
}

/* Roles and genders, once every token has its form and sets. */
static void assign_roles(const struct names *nm, struct names_name *out)
{
	int i, words = 0, sur, exact = 0;

	for (i = 0; i < out->ntok; i++) {
		if (out->tok[i].role == NAMES_INITIAL)
			continue;
		words++;
		if (out->tok[i].nsets && out->tok[i].exact && !out->tok[i].hint)
			exact = 1;
	}
	/*
	 * Given names: words in a set, but a near spelling of a given name
	 * only when no word of the name is a given name as it is written
	 * (Natalli beside Aleksandra is a surname, not Natalia).
	 */
	for (i = 0; i < out->ntok; i++) {
		struct names_token *t = &out->tok[i];

		if (t->role == NAMES_INITIAL)
			continue;
		t->role =
		    t->nsets && !t->hint && words > 1 && (t->exact || !exact)
		        ? NAMES_GIVEN
		        : NAMES_SURNAME;
	}
	/* a patronymic follows a given name in a name of three words */
	for (i = 1; words >= 3 && i < out->ntok; i++) {
		struct names_token *t = &out->tok[i];

		if (t->role != NAMES_SURNAME || t->hint || t->hyphen ||
		    (i + 1 < out->ntok && out->tok[i + 1].hyphen) ||
		    out->tok[i - 1].role != NAMES_GIVEN)
			continue; /* a part of a double surname is not one */
		/* Bulgarian patronymics look like surnames: take them
		 * between a given name and a surname, or last after
		 * "Surname Given" */
		if (ends_any(t->form, t->len, patr_fem, 2) ||
		    ends_any(t->form, t->len, patr_masc, 2) ||
		    (ends_any(t->form, t->len, patr_bg, 3) &&
		     ((i + 1 < out->ntok &&
		       out->tok[i + 1].role == NAMES_SURNAME) ||
		      (i == 2 && i + 1 == out->ntok &&
		       out->tok[0].role == NAMES_SURNAME))))
			t->role = NAMES_PATRONYMIC;
	}
	/* every name has a surname: the last word if nothing else is one */
	sur = pick_surname(out);
	if (sur >= 0 && out->tok[sur].role != NAMES_SURNAME) {
		int j, any = 0;

		for (j = 0; j < out->ntok; j++)
			if (out->tok[j].role == NAMES_SURNAME)
				any = 1;
		if (!any)
			out->tok[sur].role = NAMES_SURNAME;
	}
	for (i = 0; i < out->ntok; i++) {
		struct names_token *t = &out->tok[i];

		if (t->role == NAMES_GIVEN)
			t->gender = nm->gender[t->sets[0]] == 'f' ? NAMES_FEMALE
			                                          : NAMES_MALE;
		else if (t->role == NAMES_PATRONYMIC)
			t->gender = ends_any(t->form, t->len, patr_fem, 2) ||
			                    ends(t->form, t->len, "a", 3)
			                ? NAMES_FEMALE
			                : NAMES_MALE;
		else if (t->role == NAMES_SURNAME && !t->gender) {
			if (ends_any(t->form, t->len, fem_endings, 2))
				t->gender = NAMES_FEMALE;
			else if (ends_any(t->form, t->len, masc_endings, 2))
				t->gender = NAMES_MALE;
		}
	}
}

int names_parse(const struct names *nm, struct names_name *out, const char *s,
                size_t n, struct err *e)
{
	struct raw_token w[NAMES_MAX_TOKENS];
	enum translit_lang lang = TL_RU;
	int nw, i, upper_words = 0, mixed = 0;
	size_t k;

	out->ntok = 0;
	/* decomposed input (a combining mark, U+0300..U+036F) goes to NFC */
	for (k = 0; k + 1 < n; k++)
		if (((unsigned char)s[k] == 0xCC ||
		     (unsigned char)s[k] == 0xCD) &&
		    ((unsigned char)s[k + 1] & 0xC0) == 0x80) {
			struct buf nfc;
			int rc;

			buf_init(&nfc);
			norm_nfc(&nfc, s, n);
			rc = nfc.len == n && !memcmp(nfc.data, s, n)
			         ? 1
			         : names_parse(nm, out, nfc.data, nfc.len, e);
			buf_release(&nfc);
			if (rc <= 0)
				return rc;
			break;
		}
	nw = split_words(w, s, n);
	if (nw < 0)
		return err_set(e, ERR_LIMIT, "more than %d words in a name",
		               NAMES_MAX_TOKENS);
	for (k = 0; k < n; k++)
		if ((unsigned char)s[k] == 0xD0 ||
		    (unsigned char)s[k] == 0xD1 ||
		    (unsigned char)s[k] == 0xD2 ||
		    (unsigned char)s[k] == 0xD3) {
			lang = translit_detect(s, n);
			break;
		}
	out->generation = 0;
	for (i = 0; i < nw; i++) {
		w[i].generation =
		    i ? generation_of(s + w[i].start, w[i].end - w[i].start)
		      : 0;
		if (w[i].generation)
			out->generation = w[i].generation;
		else if (w[i].letters >= 2 && w[i].uppers == w[i].letters)
			upper_words++;
		else if (w[i].letters >= 2)
			mixed = 1;
	}
	for (i = 0; i < nw; i++) {
		struct names_token *t = &out->tok[out->ntok];
		const char *ws = s + w[i].start;
		size_t wn = w[i].end - w[i].start;

		memset(t, 0, sizeof(*t));
		if (w[i].generation)
			continue;
		t->len = (unsigned char)translit_form(t->form, ws, wn, lang);
		if (!t->len)
			continue;
		if (!out->ntok && i + 1 < nw && is_title(t->form))
			continue; /* Mr Lukashenko is Lukashenko */
		t->start = w[i].start;
		t->end = w[i].end;
		t->hyphen = (unsigned char)w[i].hyphen;
		t->hint = (unsigned char)(w[i].before_comma ||
		                          (mixed && upper_words &&
		                           w[i].letters >= 2 &&
		                           w[i].uppers == w[i].letters));
		if (w[i].letters == 1 || (w[i].letters == 2 && w[i].dotted)) {
			t->role = NAMES_INITIAL;
		} else {
			find_sets(nm, t);
			token_alts(t, ws, wn);
		}
		out->ntok++;
	}
	if (!out->ntok)
		return err_set(e, ERR_EMPTY, "no letters in the name");
	assign_roles(nm, out);
	return 0;
}

int names_keys(char out[NAMES_MAX_KEYS][TRANSLIT_FORM_MAX + 1],
               const struct names_name *name)
{
	int s = pick_surname(name), n = 0, i, k;

	if (s < 0)
		return 0;
	for (i = -1; i < name->tok[s].nalt && n < NAMES_MAX_KEYS; i++) {
		const struct names_token *t = &name->tok[s];

		translit_skeleton(out[n], i < 0 ? t->form : t->alt[i],
		                  i < 0 ? t->len : t->alt_len[i]);
		for (k = 0; k < n; k++)
			if (!strcmp(out[k], out[n]))
				break;
		if (k == n)
			n++;
	}
	if (n < NAMES_MAX_KEYS &&
	    memchr(name->tok[s].form, 'z', name->tok[s].len)) {
		/* German z is ц (Bjaljazki, Bialiatski): a key for it */
		char zc[TRANSLIT_FORM_MAX + 1];
		size_t j;

		memcpy(zc, name->tok[s].form, name->tok[s].len + 1u);
		for (j = 0; j < name->tok[s].len; j++)
			if (zc[j] == 'z' && (!j || !strchr("sczd", zc[j - 1])))
				zc[j] = 'c';
		translit_skeleton(out[n], zc, name->tok[s].len);
		for (k = 0; k < n; k++)
			if (!strcmp(out[k], out[n]))
				break;
		if (k == n)
			n++;
	}
	return n;
}

static int sets_meet(const struct names_token *a, const struct names_token *b)
{
	int i, j;

	for (i = 0; i < a->nsets; i++)
		for (j = 0; j < b->nsets; j++)
			if (a->sets[i] == b->sets[j])
				return 1;
	return 0;
}

/* Spelling similarity of two tokens, over their alternative readings. */
static double spelling(const struct names_token *a, const struct names_token *b)
{
	double best = translit_similarity_min(a->form, a->len, b->form, b->len,
	                                      SPELLING_FLOOR);
	double s;
	int i;

	/* one side's other readings against the other's form (two
	 * unusual readings at once would mostly find false likeness) */
	for (i = 0; best < 1.0 - ALT_COST && i < a->nalt; i++) {
		s = translit_similarity_min(a->alt[i], a->alt_len[i], b->form,
		                            b->len, SPELLING_FLOOR) -
		    ALT_COST;
		if (s > best)
			best = s;
	}
	for (i = 0; best < 1.0 - ALT_COST && i < b->nalt; i++) {
		s = translit_similarity_min(a->form, a->len, b->alt[i],
		                            b->alt_len[i], SPELLING_FLOOR) -
		    ALT_COST;
		if (s > best)
			best = s;
	}
	return best;
}

int names_given_equal(const struct names_token *ta,
                      const struct names_token *tb)
{
	if (gender_pair(ta->form, ta->len, tb->form, tb->len))
		return 0;
	if (ta->nsets && tb->nsets && sets_meet(ta, tb))
		return 1;
	if (ta->nsets && tb->nsets && ta->exact && tb->exact)
		return 0;
	return spelling(ta, tb) >= NAMES_THRESHOLD;
}

/* Do two first letters of forms stand for one initial? */
static int same_initial(int a, int b)
{
	if (a == b)
		return 1;
	if ((a == 'i' && b == 'j') || (a == 'j' && b == 'i'))
		return 1;
	if ((a == 'v' && b == 'u') || (a == 'u' && b == 'v'))
		return 1;
	if ((a == 'h' && b == 'C') || (a == 'C' && b == 'h') ||
	    (a == 'g' && b == 'h') || (a == 'h' && b == 'g'))
		return 1;
	return 0;
}

/* Does initial ti fit the word t (its letter, or a spelling of its set)? */
static int initial_fits(const struct names *nm, const struct names_token *ti,
                        const struct names_token *t)
{
	int i;

	if (t->role == NAMES_INITIAL)
		return same_initial(ti->form[0], t->form[0]);
	if (same_initial(ti->form[0], t->form[0]))
		return 1;
	for (i = 0; i < t->nsets; i++)
		if (nm->first[t->sets[i]] & letter_bit(ti->form[0]))
			return 1;
	return 0;
}

/* Flags a token comparison can raise. */
enum { CONFLICT_GIVEN = 1, CONFLICT_GENDER = 2 };

/* Similarity of two tokens in their roles; *conflict gets CONFLICT_*. */
static double token_sim(const struct names *nm, const struct names_token *a,
                        const struct names_token *b, int *conflict)
{
	double s;

	*conflict = 0;
	if (a->role == NAMES_INITIAL)
		return initial_fits(nm, a, b) ? INITIAL_FITS : 0.0;
	if (b->role == NAMES_INITIAL)
		return initial_fits(nm, b, a) ? INITIAL_FITS : 0.0;
	/*
	 * Ivan and Ivana are two persons, whatever the table knows (when
	 * neither is a known given name, X and Xa are as often a case
	 * ending or another language's form: Ester, Estera)
	 */
	if ((a->role == NAMES_GIVEN || b->role == NAMES_GIVEN) &&
	    gender_pair(a->form, a->len, b->form, b->len)) {
		*conflict = CONFLICT_GIVEN;
		return SET_CONFLICT;
	}
	if (a->nsets && b->nsets &&
	    (a->role == NAMES_GIVEN || b->role == NAMES_GIVEN)) {
		/* the sets decide; the spelling need not be measured */
		if (sets_meet(a, b))
			return strcmp(a->form, b->form) ? SET_EQUAL : 1.0;
		if (a->exact && b->exact) {
			*conflict = CONFLICT_GIVEN;
			return SET_CONFLICT;
		}
	}

	s = spelling(a, b);
	if (a->nsets && b->nsets &&
	    (a->role == NAMES_GIVEN || b->role == NAMES_GIVEN))
		return s;
	/* a given name is not the surname, whose ending tells its gender */
	if ((a->role == NAMES_GIVEN && b->role != NAMES_GIVEN && b->gender) ||
	    (b->role == NAMES_GIVEN && a->role != NAMES_GIVEN && a->gender)) {
		if (s > 0.5)
			s = 0.5;
		return s;
	}
	if (a->role != NAMES_GIVEN && b->role != NAMES_GIVEN && a->gender &&
	    b->gender && a->gender != b->gender)
		*conflict = CONFLICT_GENDER;
	return s;
}

static void result_set(struct names_result *r, double score, double threshold,
                       enum names_why why)
{
	if (score < 0)
		score = 0;
	if (score > 1)
		score = 1;
	r->score = score;
	r->same = score >= threshold;
	r->why = r->same ? NAMES_WHY_SAME
	                 : (why == NAMES_WHY_SAME ? NAMES_WHY_SPELLING : why);
}

/* One word (b_single's token ts) against the surname words of other. */
static void match_surname(const struct names *nm, const struct names_name *one,
                          const struct names_name *other, int swap,
                          double threshold, struct names_result *r)
{
	int i, j, ts = -1, best_j = -1, conflict = 0, others = 0;
	double best = 0.0;
	enum names_why why = NAMES_WHY_SAME;

	for (i = 0; i < one->ntok; i++)
		if (one->tok[i].role != NAMES_INITIAL)
			ts = i;
	for (i = 0; i < other->ntok; i++)
		if (other->tok[i].role != NAMES_INITIAL)
			others++;
	for (i = 0; i < other->ntok; i++) {
		const struct names_token *t = &other->tok[i];
		int c;
		double s;

		if (t->role == NAMES_INITIAL ||
		    (others > 1 && t->role != NAMES_SURNAME))
			continue;
		s = token_sim(nm, &one->tok[ts], t, &c);
		if (s > best) {
			best = s;
			best_j = i;
			conflict = c;
		}
	}
	if (conflict & CONFLICT_GENDER) {
		if (best > GENDER_CONFLICT)
			best = GENDER_CONFLICT;
		why = NAMES_WHY_GENDER;
	} else if (conflict & CONFLICT_GIVEN) {
		why = NAMES_WHY_GIVEN;
	}
	/*
	 * The initials of the one-word side stand, in order, for the other
	 * name's words besides the surname (given name, then patronymic);
	 * each that has a word to stand for must fit it.
	 */
	for (i = 0, j = 0; best_j >= 0 && i < one->ntok; i++) {
		if (one->tok[i].role != NAMES_INITIAL)
			continue;
		while (j < other->ntok && j == best_j)
			j++;
		if (j >= other->ntok)
			break;
		if (!initial_fits(nm, &one->tok[i], &other->tok[j])) {
			if (best > SET_CONFLICT)
				best = SET_CONFLICT;
			why = NAMES_WHY_GIVEN;
		}
		j++;
	}
	r->surname = 1;
	r->tok_a = swap ? best_j : ts;
	r->tok_b = swap ? ts : best_j;
	if (r->tok_a >= 0 && r->tok_b >= 0)
		r->aligned[r->tok_a] = r->tok_b;
	result_set(r, best, threshold, why);
}

/* Donald Trump Jr. is not Donald Trump; Sr. is. */
static void generation_check(struct names_result *r, const struct names_name *a,
                             const struct names_name *b, double threshold)
{
	if ((a->generation >= 2 || b->generation >= 2) &&
	    a->generation != b->generation && r->score > GENDER_CONFLICT)
		result_set(r, GENDER_CONFLICT, threshold, NAMES_WHY_GIVEN);
}

struct pair {
	double s;
	int i, j, conflict;
};

static int cmp_pair(const void *pa, const void *pb)
{
	const struct pair *a = pa, *b = pb;

	if (a->s != b->s)
		return a->s < b->s ? 1 : -1;
	if (a->i != b->i)
		return a->i - b->i;
	return a->j - b->j;
}

double names_match(const struct names *nm, const struct names_name *a,
                   const struct names_name *b, double threshold,
                   struct names_result *r)
{
	struct names_result tmp;
	struct pair pairs[NAMES_MAX_TOKENS * NAMES_MAX_TOKENS];
	int used_a[NAMES_MAX_TOKENS] = {0}, used_b[NAMES_MAX_TOKENS] = {0};
	int i, j, np = 0, k = 0, words = 0, wa = 0, wb = 0, conflict = 0;
	int worst_surname = 0;
	double sum = 0.0, worst = 1.1, score, slack;
	enum names_why why = NAMES_WHY_SAME;

	if (!r)
		r = &tmp;
	memset(r, 0, sizeof(*r));
	r->tok_a = r->tok_b = -1;
	for (i = 0; i < NAMES_MAX_TOKENS; i++)
		r->aligned[i] = -1;
	for (i = 0; i < a->ntok; i++)
		if (a->tok[i].role != NAMES_INITIAL)
			wa++;
	for (j = 0; j < b->ntok; j++)
		if (b->tok[j].role != NAMES_INITIAL)
			wb++;
	if (!wa || !wb) {
		result_set(r, 0.0, threshold, NAMES_WHY_SPELLING);
		return r->score;
	}
	if (wa == 1 || wb == 1) {
		if (wa == 1)
			match_surname(nm, a, b, 0, threshold, r);
		else
			match_surname(nm, b, a, 1, threshold, r);
		generation_check(r, a, b, threshold);
		return r->score;
	}
	for (i = 0; i < a->ntok; i++)
		for (j = 0; j < b->ntok; j++) {
			pairs[np].s = token_sim(nm, &a->tok[i], &b->tok[j],
			                        &pairs[np].conflict);
			pairs[np].i = i;
			pairs[np].j = j;
			np++;
		}
	qsort(pairs, (size_t)np, sizeof(pairs[0]), cmp_pair);
	for (i = 0; i < np; i++) {
		const struct pair *p = &pairs[i];

		if (used_a[p->i] || used_b[p->j])
			continue;
		used_a[p->i] = used_b[p->j] = 1;
		r->aligned[p->i] = p->j;
		k++;
		sum += p->s;
		if (p->s < worst) {
			worst = p->s;
			worst_surname =
			    p->i == pick_surname(a) && p->j == pick_surname(b);
		}
		conflict |= p->conflict;
		if (a->tok[p->i].role != NAMES_INITIAL &&
		    b->tok[p->j].role != NAMES_INITIAL)
			words++;
	}
	if (!words) {
		result_set(r, 0.0, threshold, NAMES_WHY_SPELLING);
		return r->score;
	}
	score = sum / k;
	slack = worst_surname ? SURNAME_SLACK : WORST_SLACK;
	if (score > worst + slack)
		score = worst + slack;
	score -= LEFTOVER * (a->ntok + b->ntok - 2 * k);
	if (conflict & CONFLICT_GENDER) {
		if (score > GENDER_CONFLICT)
			score = GENDER_CONFLICT;
		why = NAMES_WHY_GENDER;
	} else if ((conflict & CONFLICT_GIVEN) ||
	           (worst < threshold && !worst_surname &&
	            sum - worst >= threshold * (k - 1))) {
		/* given names differ, or all agree but a given name */
		why = NAMES_WHY_GIVEN;
	}
	result_set(r, score, threshold, why);
	generation_check(r, a, b, threshold);
	return r->score;
}

int names_compare(const struct names *nm, const char *a, size_t an,
                  const char *b, size_t bn, double threshold,
                  struct names_result *r, struct err *e)
{
	struct names_name na, nb;
	int rc;

	rc = names_parse(nm, &na, a, an, e);
	if (rc < 0) {
		err_prefix(e, "first name");
		return rc;
	}
	rc = names_parse(nm, &nb, b, bn, e);
	if (rc < 0) {
		err_prefix(e, "second name");
		return rc;
	}
	names_match(nm, &na, &nb, threshold, r);
	return 0;
}
