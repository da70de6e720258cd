#include "align.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "norm.h"
#include "translit.h"
#include "xalloc.h"
#include "banned.h"

/* The bead shapes the aligner considers: a source and b target sentences. */
static const struct {
	unsigned char a, b;
} shapes[] = {
    {1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {1, 3},
    {3, 1}, {2, 3}, {3, 2}, {1, 4}, {4, 1}, {1, 5}, {5, 1},
};
#define NSHAPES (sizeof(shapes) / sizeof(shapes[0]))

/*
 * Bead costs are computed once and kept (NSHAPES floats a cell) up to this
 * many cells of the band; beyond, they are computed in each pass, which
 * takes about twice the time and a third of the memory.
 */
#define CACHE_CELLS 4000000

/*
 * The model's parameters, tuned on the development data (Text+Berg de-fr
 * and WMT22 en-de news, plain and abridged).  Costs are in nats.
 */
struct params {
	double shape[NSHAPES]; /* cost of each shape (skips: see skip) */
	double skip;           /* cost of a 1-0 or 0-1 bead */
	double skip_ext;       /* factor for each further sentence of a run */
	double len_w;          /* weight of the length cost */
	double s2;             /* variance of the length difference per char */
	double match_w;        /* reward per unit of matched anchor weight */
	double miss_w;         /* cost per unit of unmatched anchor weight */
	double para_w;         /* cost per paragraph edge one side lacks */
	double cross_w;        /* cost per paragraph boundary inside a bead */
	double soft_w; /* bonus per sentence in a bead that continues the one
	                * before it (see continues) */
	double hard_w; /* cost per whole sentence after the first in a bead
	                * with more than one sentence a side */
	double temp;   /* temperature of the posteriors */
	double w_num, w_word, w_punct; /* anchor weights by kind */
	double w_orphan;          /* weight of a number the other text lacks */
	double df_pow;            /* weight = kind / max(df)^df_pow */
	int prefix;               /* bytes of a word key that must agree */
	int fold_names;           /* capitalised words: a consonant skeleton too
	                           * (set when the sides' scripts differ) */
	int band;                 /* initial half-width of the band */
	const struct caltab *cal; /* month and weekday names, or NULL */
};

static const struct params defaults = {
    /* 1-1, 1-0, 0-1 (see skip), 2-1, 1-2, 2-2, 1-3, 3-1, 2-3, 3-2, 1-4,
     * 4-1 */
    .shape = {0, 0, 0, 2.5, 2.5, 4.4, 5.5, 5.5, 7.0, 7.0, 7.0, 7.0, 8.5, 8.5},
    .skip = 3.5,
    .skip_ext = 0.7,
    .len_w = 1.0,
    .s2 = 6.8,
    .match_w = 2.0,
    .miss_w = 0.75,
    .para_w = 1.0,
    .cross_w = 1.0,
    .soft_w = 1.0,
    .hard_w = 0.75,
    .temp = 1.0,
    .w_num = 1.5,
    .w_word = 1.0,
    .w_punct = 0.5,
    .w_orphan = 1.0,
    .df_pow = 0.3,
    .prefix = 5,
    .fold_names = 0,
    .band = 32,
};

/* An anchor of one sentence: a hashed feature and its weight. */
struct feat {
	uint64_t h;
	double w;
};

/* One side of the alignment, digested. */
struct side {
	size_t n;
	double *len;         /* non-space code points */
	size_t *para;        /* paragraph numbers */
	unsigned char *edge; /* bit 0: starts a paragraph; bit 1: ends one;
	                      * bit 2: continues the sentence before it */
	size_t *foff;        /* features of i: f[foff[i] .. foff[i + 1]) */
	struct feat *f;
	size_t nf, fcap;
	double *anchor;    /* sum of the weights of i's features */
	double *orphan;    /* weight of i's numbers the other side lacks */
	double total;      /* sum of len */
	int has_para;      /* more than one paragraph */
	int decimal_comma; /* numbers are written 1.300,5 or 1 300,5 */
};

/* The band of the dynamic programme: row i holds columns lo[i]..hi[i]. */
struct band {
	size_t n, m;
	size_t *lo, *hi, *off; /* off[i]: first cell of row i; off[n+1] all */
};

struct ctx {
	struct params p;
	struct side s, t;
	double ratio; /* expected target length per source character */
	struct band b;
	float *pm;   /* per cell (i,j): anchor weight shared by i-1 and j-1 */
	float *cost; /* per cell and shape: the cost of the bead ending there */
	double *best;        /* Viterbi cost to reach the cell */
	unsigned char *from; /* shape of the best bead ending at the cell */
	float *fw, *bw;      /* forward and backward log sums */
	int use_para;
	int length_only;
};

/* ---- features ---------------------------------------------------------- */

static uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/*
 * Kinds of anchors, kept in the two low bits of their hash.  The third
 * bit, among the raw features of a sentence, marks a number written with
 * a scale word ("1.2 million"), which stands for two features (1.2 and
 * 1200000) of which the other text may well have only one; it is not
 * part of the feature's identity.
 */
enum { FEAT_NAME = 0, FEAT_WORD = 1, FEAT_NUMBER = 2, FEAT_PUNCT = 3 };
#define FEAT_SCALED ((uint64_t)4)

static uint64_t feat_hash(unsigned kind, const char *s, size_t n)
{
	uint64_t h = hash_bytes(0xcbf29ce484222325ULL, s, n);

	h = (h & ~(uint64_t)7) | kind;
	return h ? h : 8; /* 0 marks an empty slot of the tables */
}

static int is_ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Languages that write 1,300.5 (the rest write 1.300,5 or 1 300,5). */
static int decimal_point_lang(const char *tag)
{
	static const char *const point[] = {"en", "ja", "zh", "ko", "he",
	                                    "th", "hi", "ms", "ga", "mt"};
	size_t i, n;

	if (!tag || !*tag)
		return 1;
	n = strcspn(tag, "-_");
	for (i = 0; i < sizeof(point) / sizeof(point[0]); i++)
		if (strlen(point[i]) == n && !strncmp(tag, point[i], n))
			return 1;
	return 0;
}

/*
 * Read the number that starts at s[i] (an ASCII digit) and append its
 * canonical value to out: integer digits without leading zeros, then a
 * point and the decimals without trailing zeros.  A separator followed by
 * exactly three digits groups thousands when the language groups with it
 * (a space or an apostrophe always may); otherwise '.' or ',' followed by
 * digits starts the decimals.  Returns the index after the number.
 */
static size_t read_number(struct buf *out, const char *s, size_t n, size_t i,
                          int decimal_comma)
{
	char group = decimal_comma ? '.' : ',';
	size_t start = out->len, first = 0, k;
	int grouped = 0;

	while (i < n && is_ascii_digit(s[i])) {
		if (out->len > start || s[i] != '0')
			buf_addch(out, s[i]);
		i++;
		first++;
	}
	for (;;) {
		char sep;
		size_t d = 0;

		if (i + 1 >= n || !is_ascii_digit(s[i + 1]))
			break;
		sep = s[i];
		if (sep != '.' && sep != ',' && sep != ' ' && sep != '\'')
			break;
		while (i + 1 + d < n && is_ascii_digit(s[i + 1 + d]))
			d++;
		if (d == 3 && (grouped || first <= 3) &&
		    (sep == ' ' || sep == '\'' || sep == group)) {
			for (k = 0; k < 3; k++)
				if (out->len > start || s[i + 1 + k] != '0')
					buf_addch(out, s[i + 1 + k]);
			i += 4;
			grouped = 1;
			continue;
		}
		if (sep == ' ' || sep == '\'')
			break;
		/* decimals */
		while (d > 0 && s[i + d] == '0')
			d--;
		if (out->len == start)
			buf_addch(out, '0');
		if (d > 0) {
			buf_addch(out, '.');
			buf_add(out, s + i + 1, d);
		}
		i++;
		while (i < n && is_ascii_digit(s[i]))
			i++;
		break;
	}
	if (out->len == start)
		buf_addch(out, '0');
	return i;
}

/*
 * Words that scale the number before them ("1.2 million", "250 тыс.",
 * "86 млрд", "5bn"), by their first letters folded to lower case, with
 * the power of ten they stand for; `whole`: only as a whole word.
 */
static const struct {
	const char *word;
	unsigned char power, whole;
} scales[] = {
    {"thousand", 3, 0}, {"тыс", 3, 0},      {"тис", 3, 0},
    {"tausend", 3, 0},  {"tys", 3, 0},      {"tis", 3, 0},
    {"mille", 3, 1},    {"million", 6, 0},  {"mln", 6, 0},
    {"млн", 6, 0},      {"миллион", 6, 0},  {"мільйон", 6, 0},
    {"мільён", 6, 0},   {"mio", 6, 0},      {"billion", 9, 0},
    {"bn", 9, 1},       {"млрд", 9, 0},     {"миллиард", 9, 0},
    {"мільярд", 9, 0},  {"milliard", 9, 0}, {"mrd", 9, 0},
    {"mld", 9, 0},
};

/*
 * If a scale word follows the number that ends at s[i] (after at most one
 * space), replace the value in out (as read_number wrote it) with the
 * scaled value and return 1: "1.2 million" and "1 200 000" are one
 * number.  Values too large to be exact are left alone (0).
 */
static int scaled_number(struct buf *out, const char *s, size_t n, size_t i)
{
	char word[32], num[64];
	size_t w = 0, k, j = i;
	double v;
	char *end;

	if (j < n && s[j] == ' ')
		j++;
	while (j < n && w + 4 < sizeof(word)) {
		size_t at = j;
		int32_t cp = norm_next(s, n, &j);

		if (!norm_is_letter(cp)) {
			j = at;
			break;
		}
		w += norm_encode(word + w, norm_lower(cp));
	}
	if (!w || out->len >= sizeof(num))
		return 0;
	for (k = 0; k < sizeof(scales) / sizeof(scales[0]); k++) {
		size_t len = strlen(scales[k].word);

		if (w < len || memcmp(word, scales[k].word, len) != 0 ||
		    (scales[k].whole && w != len))
			continue;
		memcpy(num, out->data, out->len);
		num[out->len] = '\0';
		v = strtod(num, &end) * pow(10, scales[k].power);
		if (*end || v >= 1e15)
			return 0;
		buf_reset(out);
		buf_addf(out, "%.0f", v);
		return 1;
	}
	return 0;
}

static int is_quote(int32_t cp)
{
	return cp == '"' || cp == 0xAB || cp == 0xBB || cp == 0x201C ||
	       cp == 0x201D || cp == 0x201E || cp == 0x2039 || cp == 0x203A;
}

/*
 * Names of months (1-12) and weekdays (13-19) in the languages newstm
 * splits: they carry across languages as numbers do ("22 августа" is
 * "August 22", "в четверг" is "on Thursday").  Each row lists the forms of
 * one name, separated by spaces.  A word matches a form when its
 * transliterated key is the form's, or starts with it and has at most N
 * letters more where the form ends in +N (case endings: "августа",
 * "вторника"); a form after ^ only matches capitalised (English "May" is a
 * month, "may" is not).  Forms that are common words too are left out
 * ("среда" is also environment).
 */
static const struct {
	unsigned char value;
	const char *forms;
} calendar[] = {
    /* January */
    {1, "^january ^jan ^januar ^jänner januari janvier enero "
        "gennaio январ+3 януари січн+2 січен+2 студзен+2 styczeń "
        "stycznia styczniu"},
    /* February */
    {2, "^february ^feb ^februar februari février febrero febbraio "
        "феврал+3 февруари лютого лютага lutego lutym"},
    /* March */
    {3, "^march ^märz maart marzo март+2 березн+2 березен+2 "
        "сакавік+2 marca marcu"},
    /* April */
    {4, "^april avril abril aprile апрел+3 квітн+2 квітен+2 "
        "красавік+2 kwietnia kwietniu"},
    /* May */
    {5, "^may mai mei mayo maggio май мая мае травн+2 травен+2 maja "
        "maju"},
    /* June */
    {6, "^june ^juni juin junio giugno июн+3 юни червн+2 червен+2 "
        "чэрвен+2 czerwca czerwcu"},
    /* July */
    {7, "^july ^juli juillet julio luglio июл+3 юли липн+2 липен+2 "
        "ліпен+2 lipca lipcu"},
    /* August */
    {8, "^august ^aug augustus août agosto август+2 серпн+2 "
        "серпен+2 жніўн+2 жнівен+2 sierpnia sierpniu"},
    /* September */
    {9, "^september ^sept septembre septiembre settembre сентябр+3 "
        "септември вересн+2 вересен+2 верасн+2 września wrześniu"},
    /* October */
    {10, "^october ^oct ^oktober octobre octubre ottobre октябр+3 "
         "октомври жовтн+2 жовтен+2 кастрычнік+2 października "
         "październiku"},
    /* November */
    {11, "^november ^nov novembre noviembre ноябр+3 ноември "
         "листопад+2 лістапад+2 listopada listopadzie"},
    /* December */
    {12, "^december ^dec ^dezember décembre diciembre dicembre "
         "декабр+3 декември грудн+2 груден+2 снежня grudnia grudniu"},
    /* Monday */
    {13, "^monday ^montag+6 maandag lundi lunes lunedì понедельник+2 "
         "понеделник понеділ+3 панядзел+3 poniedziałek poniedziałku"},
    /* Tuesday */
    {14, "^tuesday ^dienstag+6 dinsdag mardi martedì вторник+2 "
         "вівтор+3 аўтор+3 wtorek wtorku"},
    /* Wednesday */
    {15, "^wednesday ^mittwoch+6 woensdag mercredi miércoles "
         "mercoledì сряда"},
    /* Thursday */
    {16, "^thursday ^donnerstag+6 donderdag jeudi jueves giovedì "
         "четверг+2 четвъртък четвер четверга чацвер+2 czwartek "
         "czwartku"},
    /* Friday */
    {17, "^friday ^freitag+6 vrijdag vendredi viernes venerdì "
         "пятниц+2 петък пятніц+2 piątek piątku"},
    /* Saturday */
    {18, "^saturday ^samstag+6 ^sonnabend+1 zaterdag samedi sábado "
         "суббот+2 събота субот+2 sobota sobotę"},
    /* Sunday */
    {19, "^sunday ^sonntag+6 zondag dimanche domingo domenica "
         "воскресень+2 неділ+2 нядзел+2 niedziela niedzielę"},
};
#define NCALENDAR (sizeof(calendar) / sizeof(calendar[0]))
/* Most forms in the table above. */
#define CALENDAR_FORMS 256

/* The calendar words' keys, sorted by their first byte, for one run. */
struct calkey {
	char key[TRANSLIT_FORM_MAX + 1];
	unsigned char len, value, extra, cap;
};
struct caltab {
	struct calkey k[CALENDAR_FORMS];
	unsigned short first[257]; /* keys starting with byte c:
	                            * k[first[c] .. first[c + 1]) */
};

static int cmp_calkey(const void *a, const void *b)
{
	const struct calkey *x = a, *y = b;

	return (unsigned char)x->key[0] - (unsigned char)y->key[0];
}

static void caltab_init(struct caltab *t)
{
	struct buf tmp;
	size_t i, n = 0, c;

	buf_init(&tmp);
	for (i = 0; i < NCALENDAR; i++) {
		const char *f = calendar[i].forms;

		while (*f) {
			size_t len = strcspn(f, " +");
			struct calkey *k = &t->k[n];
			int cap = *f == '^';

			assert(n < CALENDAR_FORMS);
			buf_reset(&tmp);
			translit_key(&tmp, f + cap, len - (size_t)cap);
			k->extra = 0;
			f += len;
			if (*f == '+') {
				k->extra = (unsigned char)(f[1] - '0');
				f += 2;
			}
			while (*f == ' ')
				f++;
			if (!tmp.len || tmp.len > TRANSLIT_FORM_MAX)
				continue;
			memcpy(k->key, tmp.data, tmp.len);
			k->key[tmp.len] = '\0';
			k->len = (unsigned char)tmp.len;
			k->value = calendar[i].value;
			k->cap = (unsigned char)cap;
			n++;
		}
	}
	buf_release(&tmp);
	qsort(t->k, n, sizeof(t->k[0]), cmp_calkey);
	for (c = 0, i = 0; c < 256; c++) {
		t->first[c] = (unsigned short)i;
		while (i < n && (unsigned char)t->k[i].key[0] == c)
			i++;
	}
	t->first[256] = (unsigned short)n;
}

/*
 * The month or weekday (1-19) that the word with key key[0..klen) names,
 * or 0; capital: the word starts with a capital letter.
 */
static unsigned calendar_value(const struct caltab *t, const char *key,
                               size_t klen, int capital)
{
	size_t i, c;

	if (!t || !klen)
		return 0;
	c = (unsigned char)key[0];
	for (i = t->first[c]; i < t->first[c + 1]; i++) {
		const struct calkey *k = &t->k[i];

		if (klen < k->len || klen > (size_t)k->len + k->extra ||
		    memcmp(key, k->key, k->len) != 0 || (k->cap && !capital))
			continue;
		return k->value;
	}
	return 0;
}

/* Consonants of a name's skeleton that must agree across scripts. */
#define SKELETON 3

/* Append the key feature of one word s[0..n) to hs, if it has one. */
static void word_feature(struct buf *tmp, uint64_t **hs, size_t *nh,
                         size_t *cap, const char *s, size_t n,
                         const struct params *p)
{
	size_t i = 0, letters = 0, upper = 0, klen;
	int32_t cp;
	int first_upper = 0;
	unsigned cal;

	while (i < n) {
		cp = norm_next(s, n, &i);
		if (norm_is_letter(cp)) {
			if (!letters)
				first_upper = norm_is_upper(cp) != 0;
			letters++;
			upper += norm_is_upper(cp) != 0;
		}
	}
	if (letters < 2)
		return;
	buf_reset(tmp);
	translit_key(tmp, s, n);
	klen = tmp->len;
	cal = calendar_value(p->cal, tmp->data, klen, first_upper);
	if (cal) {
		char c = (char)('A' + cal);

		XGROW(*hs, *cap, *nh + 1);
		(*hs)[(*nh)++] = feat_hash(FEAT_WORD, &c, 1);
	}
	if (klen < 4 && !(upper == letters && letters >= 2))
		return;
	if (klen > (size_t)p->prefix)
		klen = (size_t)p->prefix;
	XGROW(*hs, *cap, *nh + 2);
	(*hs)[(*nh)++] = feat_hash(FEAT_WORD, tmp->data, klen);
	if (p->fold_names && upper) {
		/*
		 * Across scripts a capitalised word also gets the skeleton of
		 * its key, its first consonants: transcription changes vowels
		 * (Trump / Трамп, Biden / Байден) and so does Belarusian
		 * akanne (Kolesnikova / Калеснікава).
		 */
		char form[TRANSLIT_FORM_MAX + 1], skel[TRANSLIT_FORM_MAX + 1];
		size_t flen = translit_form(form, s, n, TL_AUTO);
		size_t k = translit_skeleton(skel, form, flen);

		if (k < SKELETON)
			return;
		buf_reset(tmp);
		buf_add(tmp, skel, SKELETON);
		klen = SKELETON;
		(*hs)[(*nh)++] = feat_hash(FEAT_NAME, tmp->data, klen);
	}
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The features of sentence s[0..n), sorted, without duplicates, in
 * (*hs)[0..*nh); and its length in non-space code points.
 */
static double sentence_features(uint64_t **hs, size_t *nh, size_t *cap,
                                struct buf *tmp, const char *s, size_t n,
                                int decimal_comma, const struct params *p)
{
	size_t i = 0, k, out;
	double len = 0;
	int quote = 0, ask = 0, bang = 0;
	int32_t last = 0;

	*nh = 0;
	while (i < n) {
		size_t start = i;
		int32_t cp = norm_next(s, n, &i);

		if (!norm_is_space(cp))
			len++;
		if (is_ascii_digit(s[start])) {
			size_t end;

			buf_reset(tmp);
			end = read_number(tmp, s, n, start, decimal_comma);
			len += (double)norm_count(s + i, end - i);
			i = end;
			XGROW(*hs, *cap, *nh + 2);
			(*hs)[(*nh)++] =
			    feat_hash(FEAT_NUMBER, tmp->data, tmp->len);
			if (scaled_number(tmp, s, n, end)) {
				(*hs)[*nh - 1] |= FEAT_SCALED;
				(*hs)[(*nh)++] =
				    feat_hash(FEAT_NUMBER, tmp->data,
				              tmp->len) |
				    FEAT_SCALED;
			}
			continue;
		}
		if (norm_is_letter(cp)) {
			size_t end = i, j;

			while (end < n) {
				j = end;
				cp = norm_next(s, n, &j);
				if (!norm_is_letter(cp) && !norm_is_mark(cp))
					break;
				end = j;
			}
			len += (double)norm_count(s + i, end - i);
			word_feature(tmp, hs, nh, cap, s + start, end - start,
			             p);
			i = end;
			continue;
		}
		if (!norm_is_space(cp))
			last = cp;
		if (cp == '?')
			ask = 1;
		else if (cp == '!')
			bang = 1;
		else if (is_quote(cp))
			quote = 1;
	}
	if (ask) {
		XGROW(*hs, *cap, *nh + 1);
		(*hs)[(*nh)++] = feat_hash(FEAT_PUNCT, "?", 1);
	}
	if (bang) {
		XGROW(*hs, *cap, *nh + 1);
		(*hs)[(*nh)++] = feat_hash(FEAT_PUNCT, "!", 1);
	}
	if (quote) {
		XGROW(*hs, *cap, *nh + 1);
		(*hs)[(*nh)++] = feat_hash(FEAT_PUNCT, "\"", 1);
	}
	if (last == ':' || last == ';') {
		/* a sentence that leads into a list or a quotation, or one
		 * of a run split at semicolons: translations keep these */
		XGROW(*hs, *cap, *nh + 1);
		(*hs)[(*nh)++] =
		    feat_hash(FEAT_PUNCT, last == ':' ? ":" : ";", 1);
	}
	if (*nh > 1)
		qsort(*hs, *nh, sizeof(**hs), cmp_u64);
	for (k = 0, out = 0; k < *nh; k++)
		if (out &&
		    ((*hs)[k] | FEAT_SCALED) == ((*hs)[out - 1] | FEAT_SCALED))
			(*hs)[out - 1] |= (*hs)[k]; /* scaled once: scaled */
		else
			(*hs)[out++] = (*hs)[k];
	*nh = out;
	return len;
}

/* Document frequencies of features: an open-addressing hash table. */
struct dfslot {
	uint64_t h;
	uint32_t df[2];
	uint32_t at[2]; /* a sentence of each side that holds it */
};

struct dftab {
	struct dfslot *slot;
	size_t mask, used;
};

static struct dfslot *df_find(struct dftab *t, uint64_t h)
{
	size_t i = (size_t)(h ^ (h >> 29)) & t->mask;

	while (t->slot[i].h && t->slot[i].h != h)
		i = (i + 1) & t->mask;
	return &t->slot[i];
}

static void df_init(struct dftab *t, size_t expect)
{
	size_t size = 64;

	while (size < expect * 2 + 16)
		size *= 2;
	t->slot = xcalloc(size, sizeof(*t->slot));
	t->mask = size - 1;
	t->used = 0;
}

static void df_add(struct dftab *t, uint64_t h, int side, size_t sent)
{
	struct dfslot *sl;

	if ((t->used + 1) * 2 > t->mask + 1) {
		struct dftab big;
		size_t i;

		big.mask = (t->mask + 1) * 2 - 1;
		big.used = t->used;
		big.slot = xcalloc(big.mask + 1, sizeof(*big.slot));
		for (i = 0; i <= t->mask; i++)
			if (t->slot[i].h)
				*df_find(&big, t->slot[i].h) = t->slot[i];
		free(t->slot);
		*t = big;
	}
	sl = df_find(t, h);
	if (!sl->h) {
		sl->h = h;
		t->used++;
	}
	sl->df[side]++;
	sl->at[side] = (uint32_t)sent;
}

/*
 * Does sentence b continue sentence a rather than start a new one: a ends
 * with a colon, semicolon, comma or dash, or b starts with a small letter
 * or closing punctuation?  Sentences split at semicolons and colons, as
 * tokenised and scanned texts have them, are often translated together;
 * whole sentences, as news has them, seldom are.
 */
static int continues(const struct align_sent *a, const struct align_sent *b)
{
	size_t i = a->len, k = 0;
	int32_t cp = 0;

	while (i > 0) {
		cp = norm_prev(a->text, &i);
		if (!norm_is_space(cp))
			break;
	}
	if (cp == ':' || cp == ';' || cp == ',' || cp == '-' || cp == 0x2013)
		return 1;
	while (k < b->len) {
		cp = norm_next(b->text, b->len, &k);
		if (norm_is_letter(cp))
			return norm_is_lower(cp);
		if (cp == ')' || cp == ']' || cp == 0xBB || cp == ',' ||
		    cp == ';')
			return 1;
		if (norm_is_digit(cp))
			return 0;
	}
	return 0;
}

/* Raw features of one side before weighting. */
struct raw {
	uint64_t *h;
	size_t n, cap;
	size_t *off; /* features of sentence i: h[off[i] .. off[i + 1]) */
};

static void side_read(struct side *sd, struct raw *rw,
                      const struct align_sent *sent, size_t n,
                      const struct params *p)
{
	uint64_t *hs = NULL;
	size_t nh = 0, hcap = 0, i, k;
	struct buf tmp;

	buf_init(&tmp);
	sd->n = n;
	sd->len = xcalloc(n + 1, sizeof(*sd->len));
	sd->para = xcalloc(n + 1, sizeof(*sd->para));
	sd->edge = xcalloc(n + 1, 1);
	sd->anchor = xcalloc(n + 1, sizeof(*sd->anchor));
	sd->orphan = xcalloc(n + 1, sizeof(*sd->orphan));
	sd->foff = xcalloc(n + 2, sizeof(*sd->foff));
	rw->off = xcalloc(n + 2, sizeof(*rw->off));
	for (i = 0; i < n; i++) {
		sd->len[i] =
		    sentence_features(&hs, &nh, &hcap, &tmp, sent[i].text,
		                      sent[i].len, sd->decimal_comma, p);
		if (sd->len[i] < 1)
			sd->len[i] = 1;
		sd->total += sd->len[i];
		sd->para[i] = sent[i].para;
		rw->off[i] = rw->n;
		for (k = 0; k < nh; k++) {
			XGROW(rw->h, rw->cap, rw->n + 1);
			rw->h[rw->n++] = hs[k];
		}
	}
	rw->off[n] = rw->n;
	for (i = 0; i < n; i++) {
		if (i > 0 && sd->para[i] == sd->para[i - 1] &&
		    continues(&sent[i - 1], &sent[i]))
			sd->edge[i] |= 4;
		if (i == 0 || sd->para[i] != sd->para[i - 1])
			sd->edge[i] |= 1;
		if (i + 1 == n || sd->para[i] != sd->para[i + 1])
			sd->edge[i] |= 2;
	}
	sd->has_para = n > 0 && sd->para[n - 1] != sd->para[0];
	free(hs);
	buf_release(&tmp);
}

/*
 * Keep, for each sentence, the features the other side has too, with a
 * weight that falls with how often they occur.
 */
static void side_weigh(struct side *sd, const struct raw *rw, struct dftab *t,
                       const struct params *p)
{
	size_t i, k;

	/* never NULL, even with no features: sd->f + foff[i] is then still
	 * pointer arithmetic on an object (NULL + 0 is undefined) */
	XGROW(sd->f, sd->fcap, 1);
	sd->nf = 0;
	for (i = 0; i < sd->n; i++) {
		sd->anchor[i] = 0;
		sd->orphan[i] = 0;
		sd->foff[i] = sd->nf;
		for (k = rw->off[i]; k < rw->off[i + 1]; k++) {
			uint64_t h = rw->h[k] & ~FEAT_SCALED;
			struct dfslot *sl = df_find(t, h);
			double df, w;

			if (!sl->df[0] || !sl->df[1]) {
				/* a number the other text lacks altogether:
				 * its sentence is likely not translated (one
				 * with a scale word counts half as read and
				 * half as scaled: missing both, it is missing)
				 */
				if ((h & 3) == FEAT_NUMBER)
					sd->orphan[i] += rw->h[k] & FEAT_SCALED
					                     ? p->w_orphan / 2
					                     : p->w_orphan;
				continue;
			}
			df = sl->df[0] > sl->df[1] ? sl->df[0] : sl->df[1];
			switch (h & 3) {
			case FEAT_NUMBER:
				w = p->w_num;
				break;
			case FEAT_PUNCT:
				w = p->w_punct;
				break;
			default:
				w = p->w_word;
				break;
			}
			w /= pow(df, p->df_pow);
			XGROW(sd->f, sd->fcap, sd->nf + 1);
			sd->f[sd->nf].h = h;
			sd->f[sd->nf].w = w;
			sd->nf++;
			sd->anchor[i] += w;
		}
	}
	sd->foff[sd->n] = sd->nf;
}

static int cmp_pair(const void *a, const void *b)
{
	const uint32_t *x = a, *y = b;

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return x[1] < y[1] ? -1 : x[1] > y[1];
}

/*
 * The length ratio of the sentence pairs that share an anchor found once
 * on each side: those are translations of each other far more often than
 * not, so their ratio is not thrown off by what one side leaves out, as
 * the whole texts' ratio is.  Returns 0 with fewer than two such pairs.
 */
static double anchor_ratio(const struct ctx *x, const struct dftab *t)
{
	uint32_t(*pairs)[2] = NULL;
	size_t n = 0, cap = 0, i;
	double ls = 0, lt = 0;

	for (i = 0; i <= t->mask; i++) {
		const struct dfslot *sl = &t->slot[i];

		if (!sl->h || sl->df[0] != 1 || sl->df[1] != 1 ||
		    (sl->h & 3) == FEAT_PUNCT)
			continue;
		XGROW(pairs, cap, n + 1);
		pairs[n][0] = sl->at[0];
		pairs[n][1] = sl->at[1];
		n++;
	}
	if (n > 1)
		qsort(pairs, n, sizeof(*pairs), cmp_pair);
	for (i = 0; i < n; i++) {
		if (i && pairs[i][0] == pairs[i - 1][0] &&
		    pairs[i][1] == pairs[i - 1][1])
			continue;
		ls += x->s.len[pairs[i][0]];
		lt += x->t.len[pairs[i][1]];
	}
	free(pairs);
	return n >= 2 && ls > 0 ? lt / ls : 0;
}

/*
 * Count document frequencies over both sides, weigh their features and
 * return the anchor ratio (see anchor_ratio).
 */
static double weigh_all(struct ctx *x, const struct raw *rs,
                        const struct raw *rt)
{
	struct dftab tab;
	size_t i, k;
	double ratio;

	df_init(&tab, 64);
	for (i = 0; i < x->s.n; i++)
		for (k = rs->off[i]; k < rs->off[i + 1]; k++)
			df_add(&tab, rs->h[k] & ~FEAT_SCALED, 0, i);
	for (i = 0; i < x->t.n; i++)
		for (k = rt->off[i]; k < rt->off[i + 1]; k++)
			df_add(&tab, rt->h[k] & ~FEAT_SCALED, 1, i);
	side_weigh(&x->s, rs, &tab, &x->p);
	side_weigh(&x->t, rt, &tab, &x->p);
	ratio = anchor_ratio(x, &tab);
	free(tab.slot);
	return ratio;
}

/* ---- band -------------------------------------------------------------- */

static void band_release(struct band *b)
{
	free(b->lo);
	free(b->hi);
	free(b->off);
	memset(b, 0, sizeof(*b));
}

/* Make lo non-decreasing and hi too, clip them, and lay out the cells. */
static void band_finish(struct band *b)
{
	size_t i;

	b->lo[0] = 0;
	b->hi[b->n] = b->m;
	for (i = b->n; i-- > 0;)
		if (b->lo[i] > b->lo[i + 1])
			b->lo[i] = b->lo[i + 1];
	for (i = 1; i <= b->n; i++)
		if (b->hi[i] < b->hi[i - 1])
			b->hi[i] = b->hi[i - 1];
	for (i = 0; i <= b->n; i++) {
		if (b->hi[i] > b->m)
			b->hi[i] = b->m;
		if (b->lo[i] > b->hi[i])
			b->lo[i] = b->hi[i];
	}
	/* rows must overlap their neighbours so that every cell is reachable
	 * by a bead of at most ALIGN_MAX_SIDE on each side */
	for (i = 1; i <= b->n; i++)
		if (b->lo[i] > b->hi[i - 1])
			b->lo[i] = b->hi[i - 1];
	b->off[0] = 0;
	for (i = 0; i <= b->n; i++)
		b->off[i + 1] = b->off[i] + (b->hi[i] - b->lo[i] + 1);
}

/*
 * A band of half-width w around a guide: guide_lo[i]..guide_hi[i] are the
 * columns the guide path visits in row i (or SIZE_MAX when it skips it).
 */
static void band_around(struct band *b, size_t n, size_t m, const size_t *glo,
                        const size_t *ghi, size_t w)
{
	size_t i;

	band_release(b);
	b->n = n;
	b->m = m;
	b->lo = xcalloc(n + 1, sizeof(*b->lo));
	b->hi = xcalloc(n + 1, sizeof(*b->hi));
	b->off = xcalloc(n + 2, sizeof(*b->off));
	for (i = 0; i <= n; i++) {
		b->lo[i] = glo[i] > w ? glo[i] - w : 0;
		b->hi[i] = ghi[i] + w;
	}
	band_finish(b);
}

static size_t cell(const struct band *b, size_t i, size_t j)
{
	if (j < b->lo[i] || j > b->hi[i])
		return SIZE_MAX;
	return b->off[i] + (j - b->lo[i]);
}

/* ---- costs ------------------------------------------------------------- */

/* -log of the two-sided tail probability of a standard normal at x. */
static double tail_cost(double x)
{
	double p;

	x = fabs(x);
	p = erfc(x / sqrt(2.0));
	if (p > 1e-300)
		return -log(p);
	/* the asymptote of erfc, where it underflows */
	return x * x / 2 + log(x * 1.2533141373155003); /* sqrt(pi/2) */
}

static double shared_weight(const struct side *s, size_t i,
                            const struct side *t, size_t j)
{
	const struct feat *a = s->f + s->foff[i], *ae = s->f + s->foff[i + 1];
	const struct feat *b = t->f + t->foff[j], *be = t->f + t->foff[j + 1];
	double w = 0;

	while (a < ae && b < be) {
		if (a->h < b->h) {
			a++;
		} else if (a->h > b->h) {
			b++;
		} else {
			w += a->w < b->w ? a->w : b->w;
			a++;
			b++;
		}
	}
	return w;
}

/* Most features one side of a bead may gather. */
#define UNION_MAX 512

/*
 * The union of the features of sentences from .. from+n-1 of sd, sorted,
 * into u (at most UNION_MAX); returns their count.
 */
static size_t feature_union(struct feat *u, const struct side *sd, size_t from,
                            size_t n)
{
	struct feat tmp[UNION_MAX];
	size_t k, nu = 0;

	for (k = from; k < from + n; k++) {
		const struct feat *a = sd->f + sd->foff[k];
		const struct feat *ae = sd->f + sd->foff[k + 1];
		size_t i = 0, nt = 0;

		while ((i < nu || a < ae) && nt < UNION_MAX) {
			if (a == ae || (i < nu && u[i].h < a->h))
				tmp[nt++] = u[i++];
			else if (i == nu || a->h < u[i].h)
				tmp[nt++] = *a++;
			else {
				tmp[nt++] = u[i++];
				a++;
			}
		}
		memcpy(u, tmp, nt * sizeof(*u));
		nu = nt;
	}
	return nu;
}

/*
 * The anchor weight the two sides of a bead share, and each side's own,
 * counting a feature once however many of the bead's sentences hold it (a
 * name repeated in neighbouring sentences must not make a merge look
 * better than two 1-1 beads).
 */
static double block_shared(const struct ctx *x, size_t i, size_t j, size_t a,
                           size_t b, double *as, double *at)
{
	struct feat us[UNION_MAX], ut[UNION_MAX];
	size_t ns, nt, p = 0, q = 0;
	double shared = 0;

	if (a == 1 && b == 1) {
		size_t c = cell(&x->b, i, j);

		*as = x->s.anchor[i - 1];
		*at = x->t.anchor[j - 1];
		return c == SIZE_MAX ? 0 : x->pm[c];
	}
	ns = feature_union(us, &x->s, i - a, a);
	nt = feature_union(ut, &x->t, j - b, b);
	*as = *at = 0;
	for (p = 0; p < ns; p++)
		*as += us[p].w;
	for (q = 0; q < nt; q++)
		*at += ut[q].w;
	p = q = 0;
	while (p < ns && q < nt) {
		if (us[p].h < ut[q].h) {
			p++;
		} else if (us[p].h > ut[q].h) {
			q++;
		} else {
			shared += us[p].w < ut[q].w ? us[p].w : ut[q].w;
			p++;
			q++;
		}
	}
	return shared;
}

/*
 * A bead of more than one sentence a side whose lengths alone cost more
 * than this is not considered: it could never win.
 */
#define PRUNE 40.0

struct bead_eval {
	double cost;
	double shared, anchors; /* anchor weight shared; both sides' mean */
	double sim;     /* shared / anchor weight, 0..1 (-1: no anchors) */
	double lencost; /* the length term alone */
};

/*
 * The cost of the bead of shape k that ends at cell (i, j): source
 * sentences i-a .. i-1 with target sentences j-b .. j-1.
 */
static void bead_cost(struct bead_eval *ev, const struct ctx *x, size_t i,
                      size_t j, size_t k)
{
	const struct params *p = &x->p;
	size_t a = shapes[k].a, b = shapes[k].b, ii, jj;
	double ls = 0, lt = 0, as = 0, at = 0, shared = 0, delta, cost;
	double orphan = 0;
	unsigned es, et;

	ev->sim = -1;
	ev->lencost = 0;
	ev->shared = ev->anchors = 0;
	if (a == 0 || b == 0) {
		ev->cost = p->skip;
		return;
	}
	for (ii = i - a; ii < i; ii++) {
		ls += x->s.len[ii];
		orphan += x->s.orphan[ii];
	}
	for (jj = j - b; jj < j; jj++) {
		lt += x->t.len[jj];
		orphan += x->t.orphan[jj];
	}
	cost = p->shape[k];
	delta = (lt - ls * x->ratio) / sqrt(p->s2 * (ls * x->ratio + lt) / 2);
	ev->lencost = tail_cost(delta);
	cost += p->len_w * ev->lencost;
	if (k != 0 && p->len_w * ev->lencost > PRUNE) {
		ev->cost = INFINITY; /* no anchors could make up for it */
		return;
	}
	if (!x->length_only) {
		shared = block_shared(x, i, j, a, b, &as, &at);
		ev->shared = shared;
		ev->anchors = (as + at) / 2;
		if (as + at > 0) {
			double miss = as + at - 2 * shared;

			if (miss < 0)
				miss = 0;
			ev->sim = 2 * shared / (as + at);
			if (ev->sim > 1)
				ev->sim = 1;
			cost += -p->match_w * shared + p->miss_w * miss;
		}
		cost += p->miss_w * orphan;
	}
	/*
	 * Sentences split where the text goes on (at a semicolon, before a
	 * small letter) are often translated together; whole sentences are
	 * merged on one side at times, on both sides at once seldom: such a
	 * bead is mostly a sentence left out beside a merge.
	 */
	for (ii = i - a + 1; ii < i; ii++)
		cost += x->s.edge[ii] & 4 ? -p->soft_w : (b > 1) * p->hard_w;
	for (jj = j - b + 1; jj < j; jj++)
		cost += x->t.edge[jj] & 4 ? -p->soft_w : (a > 1) * p->hard_w;
	if (x->use_para) {
		es = (x->s.edge[i - a] & 1) | (x->s.edge[i - 1] & 2);
		et = (x->t.edge[j - b] & 1) | (x->t.edge[j - 1] & 2);
		cost += p->para_w * (((es ^ et) & 1) + (((es ^ et) >> 1) & 1));
		if (x->s.para[i - a] != x->s.para[i - 1])
			cost += p->cross_w;
		if (x->t.para[j - b] != x->t.para[j - 1])
			cost += p->cross_w;
	}
	ev->cost = cost;
}

/* ---- dynamic programme ------------------------------------------------- */

static int shape_fits(size_t k, size_t i, size_t j)
{
	return shapes[k].a <= i && shapes[k].b <= j;
}

/*
 * The cost of every bead that ends in the band and starts in it, once, for
 * the three passes over the band; INFINITY where there is none.
 */
static void fill_costs(struct ctx *x)
{
	const struct band *b = &x->b;
	size_t i, j, k;
	struct bead_eval ev;

	free(x->cost);
	x->cost = NULL;
	if (b->off[b->n + 1] > CACHE_CELLS)
		return; /* too large to keep: bead_at computes each time */
	x->cost = xmalloc(b->off[b->n + 1] * NSHAPES * sizeof(*x->cost));
	for (i = 0; i <= b->n; i++)
		for (j = b->lo[i]; j <= b->hi[i]; j++) {
			float *c = x->cost + cell(b, i, j) * NSHAPES;

			for (k = 0; k < NSHAPES; k++) {
				c[k] = INFINITY;
				if (!shape_fits(k, i, j) ||
				    cell(b, i - shapes[k].a, j - shapes[k].b) ==
				        SIZE_MAX)
					continue;
				bead_cost(&ev, x, i, j, k);
				c[k] = (float)ev.cost;
			}
		}
}

/*
 * The cost of the bead of shape k that ends at cell c = (i, j), from the
 * cache when there is one; INFINITY where it does not fit in the band.
 */
static double bead_at(const struct ctx *x, size_t c, size_t i, size_t j,
                      size_t k)
{
	struct bead_eval ev;

	if (x->cost)
		return x->cost[c * NSHAPES + k];
	if (!shape_fits(k, i, j) ||
	    cell(&x->b, i - shapes[k].a, j - shapes[k].b) == SIZE_MAX)
		return INFINITY;
	bead_cost(&ev, x, i, j, k);
	return ev.cost;
}

static void fill_pairs(struct ctx *x)
{
	const struct band *b = &x->b;
	size_t i, j;

	free(x->pm);
	x->pm = xcalloc(b->off[b->n + 1], sizeof(*x->pm));
	if (x->length_only)
		return;
	for (i = 1; i <= b->n; i++)
		for (j = b->lo[i] > 1 ? b->lo[i] : 1; j <= b->hi[i]; j++)
			x->pm[cell(b, i, j)] =
			    (float)shared_weight(&x->s, i - 1, &x->t, j - 1);
}

/*
 * The programme has three states per cell: the last bead paired sentences
 * (0), left a source sentence out (1) or a target sentence (2).  A run of
 * sentences left out costs less per sentence after the first: a dropped
 * paragraph or a block of captions is one decision, not many, so it is
 * left out whole rather than spread over its neighbours.
 */
#define NSTATES 3

/* The shape of a bead of the path (always one of shapes[]). */
static size_t shape_of(const struct align_bead *bd)
{
	size_t k;

	for (k = 0; k + 1 < NSHAPES; k++)
		if (shapes[k].a == bd->nsrc && shapes[k].b == bd->ntgt)
			break;
	return k;
}

/* The state after a bead of shape k. */
static unsigned shape_state(size_t k)
{
	return shapes[k].a == 0 ? 2 : shapes[k].b == 0 ? 1 : 0;
}

/* Cost of a bead of shape k with base cost c after a bead in state prev. */
static double step_cost(const struct ctx *x, size_t k, unsigned prev, double c)
{
	unsigned st = shape_state(k);

	return st && st == prev ? c * x->p.skip_ext : c;
}

static void viterbi(struct ctx *x)
{
	const struct band *b = &x->b;
	size_t ncell = b->off[b->n + 1], i, j, k;
	unsigned s;

	free(x->best);
	free(x->from);
	x->best = xmalloc(ncell * NSTATES * sizeof(*x->best));
	x->from = xcalloc(ncell * NSTATES, 1);
	for (i = 0; i < ncell * NSTATES; i++)
		x->best[i] = INFINITY;
	x->best[0] = 0;
	for (i = 0; i <= b->n; i++)
		for (j = b->lo[i]; j <= b->hi[i]; j++) {
			size_t c = cell(b, i, j);

			for (k = 0; k < NSHAPES; k++) {
				double bc = bead_at(x, c, i, j, k);
				size_t pc;

				if (bc == INFINITY)
					continue;
				pc = cell(b, i - shapes[k].a, j - shapes[k].b);
				for (s = 0; s < NSTATES; s++) {
					double v = x->best[pc * NSTATES + s];
					size_t to =
					    c * NSTATES + shape_state(k);

					if (v == INFINITY)
						continue;
					v += step_cost(x, k, s, bc);
					if (v < x->best[to]) {
						x->best[to] = v;
						x->from[to] =
						    (unsigned char)(k << 3 | s);
					}
				}
			}
		}
}

static double log_add(double a, double b)
{
	if (a == -INFINITY)
		return b;
	if (b == -INFINITY)
		return a;
	if (a < b) {
		double t = a;

		a = b;
		b = t;
	}
	if (b - a < -25)
		return a; /* below 1e-11 of the sum: nothing a posterior shows
		           */
	return a + log1p(exp(b - a));
}

static void forward_backward(struct ctx *x)
{
	const struct band *b = &x->b;
	size_t ncell = b->off[b->n + 1], i, j, k, end;
	unsigned s;
	double t = x->p.temp;

	free(x->fw);
	free(x->bw);
	x->fw = xmalloc(ncell * NSTATES * sizeof(*x->fw));
	x->bw = xmalloc(ncell * NSTATES * sizeof(*x->bw));
	for (i = 0; i < ncell * NSTATES; i++)
		x->fw[i] = x->bw[i] = -INFINITY;
	x->fw[0] = 0;
	for (i = 0; i <= b->n; i++)
		for (j = b->lo[i]; j <= b->hi[i]; j++) {
			size_t c = cell(b, i, j);

			for (k = 0; k < NSHAPES; k++) {
				double bc = bead_at(x, c, i, j, k);
				size_t pc;

				if (bc == INFINITY)
					continue;
				pc = cell(b, i - shapes[k].a, j - shapes[k].b);
				for (s = 0; s < NSTATES; s++) {
					double v = x->fw[pc * NSTATES + s];
					float *to = &x->fw[c * NSTATES +
					                   shape_state(k)];

					if (v == -INFINITY)
						continue;
					*to = (float)log_add(
					    *to,
					    v - step_cost(x, k, s, bc) / t);
				}
			}
		}
	end = cell(b, b->n, b->m);
	for (s = 0; s < NSTATES; s++)
		x->bw[end * NSTATES + s] = 0;
	for (i = b->n + 1; i-- > 0;)
		for (j = b->hi[i] + 1; j-- > b->lo[i];) {
			size_t c = cell(b, i, j);

			/* push this cell's backward sums to its predecessors */
			for (k = 0; k < NSHAPES; k++) {
				double bc = bead_at(x, c, i, j, k);
				size_t pc;

				if (bc == INFINITY)
					continue;
				pc = cell(b, i - shapes[k].a, j - shapes[k].b);
				for (s = 0; s < NSTATES; s++) {
					double v =
					    x->bw[c * NSTATES + shape_state(k)];
					float *to = &x->bw[pc * NSTATES + s];

					if (v == -INFINITY)
						continue;
					*to = (float)log_add(
					    *to,
					    v - step_cost(x, k, s, bc) / t);
				}
			}
		}
}

/* The path of the Viterbi pass as beads, in order, into r; returns its cost. */
static double take_path(struct align_result *r, const struct ctx *x)
{
	size_t i = x->b.n, j = x->b.m, n, k;
	unsigned s = 0, best_s = 0;
	double best = INFINITY;
	size_t end = cell(&x->b, i, j);

	for (s = 0; s < NSTATES; s++)
		if (x->best[end * NSTATES + s] < best) {
			best = x->best[end * NSTATES + s];
			best_s = s;
		}
	s = best_s;
	r->nbead = 0;
	while (i > 0 || j > 0) {
		size_t c = cell(&x->b, i, j);
		unsigned char f = x->from[c * NSTATES + s];
		size_t sh = f >> 3;

		XGROW(r->beads, r->cap, r->nbead + 1);
		r->beads[r->nbead].src = i - shapes[sh].a;
		r->beads[r->nbead].nsrc = shapes[sh].a;
		r->beads[r->nbead].tgt = j - shapes[sh].b;
		r->beads[r->nbead].ntgt = shapes[sh].b;
		r->beads[r->nbead].confidence = 0;
		r->nbead++;
		i -= shapes[sh].a;
		j -= shapes[sh].b;
		s = f & 7;
	}
	n = r->nbead;
	for (k = 0; k < n / 2; k++) {
		struct align_bead t = r->beads[k];

		r->beads[k] = r->beads[n - 1 - k];
		r->beads[n - 1 - k] = t;
	}
	return best;
}

/*
 * Does the path come within margin of the band's edge where the band could
 * have been wider?
 */
static int path_near_edge(const struct align_result *r, const struct band *b,
                          size_t margin)
{
	size_t k;

	for (k = 0; k < r->nbead; k++) {
		size_t i = r->beads[k].src + r->beads[k].nsrc;
		size_t j = r->beads[k].tgt + r->beads[k].ntgt;

		if (b->lo[i] > 0 && j < b->lo[i] + margin)
			return 1;
		if (b->hi[i] < b->m && j + margin > b->hi[i])
			return 1;
	}
	return 0;
}

/* The guide of a band around the beads of r. */
static void guide_from_path(size_t *glo, size_t *ghi, size_t n,
                            const struct align_result *r)
{
	size_t i, k;

	for (i = 0; i <= n; i++) {
		glo[i] = SIZE_MAX;
		ghi[i] = 0;
	}
	glo[0] = ghi[0] = 0;
	for (k = 0; k < r->nbead; k++) {
		const struct align_bead *bd = &r->beads[k];
		size_t i0 = bd->src, i1 = bd->src + bd->nsrc;
		size_t j0 = bd->tgt, j1 = bd->tgt + bd->ntgt;

		/* the rows a bead passes over lie between its two ends */
		for (i = i0; i <= i1; i++) {
			if (j0 < glo[i])
				glo[i] = j0;
			if (j1 > ghi[i])
				ghi[i] = j1;
		}
	}
	for (i = 0; i <= n; i++)
		if (glo[i] == SIZE_MAX)
			glo[i] = ghi[i];
}

/* The guide of the first band: equal shares of the text's length. */
static void guide_diagonal(size_t *glo, size_t *ghi, const struct side *s,
                           const struct side *t)
{
	double cs = 0, ct = 0;
	size_t i, j = 0;

	for (i = 0; i <= s->n; i++) {
		double want = s->total > 0 ? cs / s->total : 0;

		while (j < t->n && (ct + t->len[j] / 2) / t->total < want) {
			ct += t->len[j];
			j++;
		}
		glo[i] = ghi[i] = j;
		if (i < s->n)
			cs += s->len[i];
	}
	glo[s->n] = ghi[s->n] = t->n;
}

/*
 * How much the sides look like translations: the anchor weight the pairs
 * of the path share, per pair, against the same beads moved two to six
 * sentences along the target.  Unrelated texts share only common words,
 * which are no likelier on the path than beside it (a contrast near 1);
 * translations share names, numbers and cognates on the path (4 and more
 * on the development data, unrelated pairs mostly below 3).  Sets
 * r->relatedness and r->unrelated; returns the contrast.
 */
static double relatedness(struct align_result *r, const struct ctx *x)
{
	double obs = 0, base = 0, pairs = 0, shifted = 0, as, at, c, c3;
	size_t k;
	int d;

	for (k = 0; k < r->nbead; k++) {
		const struct align_bead *bd = &r->beads[k];
		size_t ie = bd->src + bd->nsrc, je = bd->tgt + bd->ntgt;

		if (!bd->nsrc || !bd->ntgt)
			continue;
		obs += block_shared(x, ie, je, bd->nsrc, bd->ntgt, &as, &at);
		pairs++;
		for (d = -6; d <= 6; d++) {
			size_t j2;

			if (d > -2 && d < 2)
				continue;
			if ((d < 0 && je < bd->ntgt + (size_t)-d) ||
			    (d > 0 && je + (size_t)d > x->t.n))
				continue;
			j2 = d < 0 ? je - (size_t)-d : je + (size_t)d;
			base += block_shared(x, ie, j2, bd->nsrc, bd->ntgt, &as,
			                     &at);
			shifted++;
		}
	}
	c = (obs / (pairs > 0 ? pairs : 1) + 0.05) /
	    (base / (shifted > 0 ? shifted : 1) + 0.05);
	c3 = c * c * c;
	r->relatedness = c3 / (c3 + 27); /* 0.5 at a contrast of 3 */
	/* too few pairs to compare with their neighbours: no verdict */
	r->unrelated = shifted >= 4 && c < 3;
	return c;
}

/*
 * The log of the posterior probability of the bead of shape k that ends at
 * (i, j): the paths through it over all paths (z: the log of their sum),
 * whatever bead comes before it; -INFINITY where there is no such bead.
 */
static double bead_logpost(const struct ctx *x, size_t i, size_t j, size_t k,
                           double z)
{
	size_t c0, c1;
	double bc, v = -INFINITY, after;
	unsigned s;

	if (!shape_fits(k, i, j) || i > x->b.n)
		return -INFINITY;
	c1 = cell(&x->b, i, j);
	if (c1 == SIZE_MAX)
		return -INFINITY;
	c0 = cell(&x->b, i - shapes[k].a, j - shapes[k].b);
	if (c0 == SIZE_MAX)
		return -INFINITY;
	bc = bead_at(x, c1, i, j, k);
	after = x->bw[c1 * NSTATES + shape_state(k)];
	if (bc == INFINITY || after == -INFINITY)
		return -INFINITY;
	for (s = 0; s < NSTATES; s++) {
		double f = x->fw[c0 * NSTATES + s];

		if (f != -INFINITY)
			v = log_add(v, f - step_cost(x, k, s, bc) / x->p.temp);
	}
	return v + after - z;
}

static double log_odds(double p)
{
	p = p < 1e-6 ? 1e-6 : p > 1 - 1e-6 ? 1 - 1e-6 : p;
	return log(p / (1 - p));
}

/* Indices into a bead's evidence (see ALIGN_NEVIDENCE in align.h). */
enum {
	EV_POST,
	EV_SIM,
	EV_ANCHORS,
	EV_LEN,
	EV_MULTI,
	EV_RELATED,
	EV_NEIGHBOUR,
	EV_NEIGHBOUR_SKIPS,
	EV_SHORT,
	EV_ORPHAN,
	EV_DOC_MULTI,
};

/*
 * Logistic calibration of the confidence: weights of the evidence above,
 * fitted on the development data (Text+Berg de-fr, WMT22 en-de news plain
 * and abridged, en-ru news of our own, and mismatched articles whole and
 * cut short as unrelated texts) by tests/dev/align-calibrate.py, with the
 * posterior, anchor similarity, length, merging, relatedness, shortest
 * sentence, numbers the other text lacks and the share of merged pairs in
 * the whole (the rest weigh 0: they did not help in cross-validation).
 * Pairs and sentences left out have models of their own.
 */
static const double pair_cal[ALIGN_NEVIDENCE + 1] = {
    /* bias, post, sim, anchors, len, multi, related, neighbour, neighbour
     * skips, short, orphan, doc multi */
    0.025, 0.855, 0.165, 0, -0.524, -0.002, 5.546, 0, 0, 0.229, -1.399, -1.599,
};
static const double skip_cal[ALIGN_NEVIDENCE + 1] = {
    4.152, 0.259, 0, 0, 0, 0, -1.257, 0, 0, -0.328, 0.169, -0.981,
};

static double logistic(double z)
{
	return 1 / (1 + exp(-z));
}

/* The evidence of bead k of r (ev: ALIGN_NEVIDENCE numbers), but for the
 * neighbours' (filled in afterwards). */
static void bead_evidence(double *ev, const struct align_result *r, size_t k,
                          const struct ctx *x, double z, double related)
{
	const struct align_bead *bd = &r->beads[k];
	size_t ie = bd->src + bd->nsrc, je = bd->tgt + bd->ntgt, sk, i;
	struct bead_eval be;
	double shortest = INFINITY, orphan = 0;

	memset(ev, 0, ALIGN_NEVIDENCE * sizeof(*ev));
	sk = shape_of(bd);
	bead_cost(&be, x, ie, je, sk);
	ev[EV_POST] = log_odds(exp(bead_logpost(x, ie, je, sk, z)));
	ev[EV_SIM] = be.sim > 0 ? be.sim : 0;
	ev[EV_ANCHORS] = be.anchors;
	ev[EV_LEN] = be.lencost;
	ev[EV_MULTI] = (double)(bd->nsrc + bd->ntgt) - 2;
	if (ev[EV_MULTI] < 0)
		ev[EV_MULTI] = 0;
	ev[EV_RELATED] = related;
	for (i = bd->src; i < ie; i++) {
		if (x->s.len[i] < shortest)
			shortest = x->s.len[i];
		orphan += x->s.orphan[i];
	}
	for (i = bd->tgt; i < je; i++) {
		if (x->t.len[i] < shortest)
			shortest = x->t.len[i];
		orphan += x->t.orphan[i];
	}
	ev[EV_SHORT] = log(shortest);
	ev[EV_ORPHAN] = orphan;
}

/*
 * The confidence of each bead of r from its evidence and the calibration
 * above; contrast < 0 (the length-only baseline): its posterior as it is.
 * With ALIGN_EVIDENCE the evidence is kept in r.
 */
static void confidences(struct align_result *r, const struct ctx *x,
                        double contrast, int keep)
{
	size_t end = cell(&x->b, x->b.n, x->b.m), k, f;
	double z = -INFINITY, related = log(contrast / 4);
	double *ev, pairs = 0, multi = 0;
	unsigned s;

	if (related > 0 || contrast < 0)
		related = 0;
	for (s = 0; s < NSTATES; s++)
		z = log_add(z, x->fw[end * NSTATES + s]);
	for (k = 0; k < r->nbead; k++)
		if (r->beads[k].nsrc && r->beads[k].ntgt) {
			pairs++;
			multi += r->beads[k].nsrc + r->beads[k].ntgt > 2;
		}
	ev = xcalloc(r->nbead + 1, ALIGN_NEVIDENCE * sizeof(*ev));
	for (k = 0; k < r->nbead; k++)
		bead_evidence(ev + k * ALIGN_NEVIDENCE, r, k, x, z, related);
	for (k = 0; k < r->nbead; k++) {
		double *e = ev + k * ALIGN_NEVIDENCE, nb = INFINITY, zz;
		const double *cal;
		int skips = 0;

		if (k > 0) {
			nb = ev[(k - 1) * ALIGN_NEVIDENCE + EV_POST];
			skips += !r->beads[k - 1].nsrc || !r->beads[k - 1].ntgt;
		}
		if (k + 1 < r->nbead) {
			double v = ev[(k + 1) * ALIGN_NEVIDENCE + EV_POST];

			nb = v < nb ? v : nb;
			skips += !r->beads[k + 1].nsrc || !r->beads[k + 1].ntgt;
		}
		e[EV_NEIGHBOUR] = nb == INFINITY ? e[EV_POST] : nb;
		e[EV_NEIGHBOUR_SKIPS] = skips;
		e[EV_DOC_MULTI] = pairs > 0 ? multi / pairs : 0;
		if (contrast < 0) {
			r->beads[k].confidence = logistic(e[EV_POST]);
			continue;
		}
		cal =
		    r->beads[k].nsrc && r->beads[k].ntgt ? pair_cal : skip_cal;
		zz = cal[0];
		for (f = 0; f < ALIGN_NEVIDENCE; f++)
			zz += cal[f + 1] * e[f];
		r->beads[k].confidence = logistic(zz);
	}
	if (keep) {
		free(r->evidence);
		r->evidence = ev;
	} else {
		free(ev);
	}
}

/*
 * Up to this many cells the programme fills the whole table (about 20 MB):
 * a band along the diagonal can miss the alignment altogether when one side
 * is much longer than the other, and short texts cost little anyway.
 */
#define FULL_CELLS 250000.0

static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Target characters per source character over the pairs of r; 0: none. */
static double pair_ratio(const struct align_result *r, const struct ctx *x)
{
	double ls = 0, lt = 0;
	size_t k, i;

	for (k = 0; k < r->nbead; k++) {
		const struct align_bead *bd = &r->beads[k];

		if (!bd->nsrc || !bd->ntgt)
			continue;
		for (i = 0; i < bd->nsrc; i++)
			ls += x->s.len[bd->src + i];
		for (i = 0; i < bd->ntgt; i++)
			lt += x->t.len[bd->tgt + i];
	}
	return ls > 0 && lt > 0 ? lt / ls : 0;
}

/*
 * Fill the tables and find the best path in a band around the guide
 * glo/ghi, widening the band while the path runs along its edge; the beads
 * go to r, with r->cost.  The guide is left as the last band's path.
 */
static void align_with(struct align_result *r, struct ctx *x, size_t *glo,
                       size_t *ghi)
{
	size_t n = x->s.n, m = x->t.n, w = (size_t)x->p.band;

	if ((double)(n + 1) * (double)(m + 1) <= FULL_CELLS)
		w = n > m ? n : m;
	for (;;) {
		band_around(&x->b, n, m, glo, ghi, w);
		fill_pairs(x);
		fill_costs(x);
		viterbi(x);
		r->cost = take_path(r, x);
		if (!path_near_edge(r, &x->b, w / 4 + 1) ||
		    (w >= n && w >= m) ||
		    (double)(n + 1) * (double)(4 * w + 1) > 2e8)
			break;
		w *= 2;
		guide_from_path(glo, ghi, n, r);
	}
}

/* The script most letters of the sentences are written in. */
static enum norm_script main_script(const struct align_sent *s, size_t n)
{
	size_t count[4] = {0}, i, k, best = 0;

	for (i = 0; i < n; i++)
		for (k = 0; k < s[i].len;) {
			enum norm_script sc =
			    norm_script(norm_next(s[i].text, s[i].len, &k));

			if ((size_t)sc < 4)
				count[sc]++;
		}
	for (k = 1; k < 4; k++)
		if (count[k] > count[best])
			best = k;
	return (enum norm_script)best;
}

/* ---- the whole ---------------------------------------------------------- */

void align_result_init(struct align_result *r)
{
	memset(r, 0, sizeof(*r));
}

void align_result_release(struct align_result *r)
{
	free(r->beads);
	free(r->evidence);
	memset(r, 0, sizeof(*r));
}

static void side_release(struct side *sd)
{
	free(sd->len);
	free(sd->para);
	free(sd->edge);
	free(sd->foff);
	free(sd->f);
	free(sd->anchor);
	free(sd->orphan);
}

int align_run(struct align_result *r, const struct align_sent *src, size_t nsrc,
              const struct align_sent *tgt, size_t ntgt,
              const struct align_opts *o, struct err *e)
{
	struct ctx x;
	struct raw rs, rt;
	size_t *glo = NULL, *ghi = NULL;
	double ratio;
	int keep_ev;
	struct caltab *cal = NULL;

	if (nsrc > ALIGN_MAX_SENTENCES || ntgt > ALIGN_MAX_SENTENCES)
		return err_set(e, ERR_LIMIT,
		               "too many sentences to align (%zu and %zu; "
		               "the limit is %zu a side)",
		               nsrc, ntgt, ALIGN_MAX_SENTENCES);
	free(r->evidence);
	r->evidence = NULL;
	memset(&x, 0, sizeof(x));
	memset(&rs, 0, sizeof(rs));
	memset(&rt, 0, sizeof(rt));
	x.p = defaults;
	x.length_only = o && (o->flags & ALIGN_LENGTH_ONLY);
	keep_ev = o && (o->flags & ALIGN_EVIDENCE);
	x.s.decimal_comma = !decimal_point_lang(o ? o->src_lang : NULL);
	x.t.decimal_comma = !decimal_point_lang(o ? o->tgt_lang : NULL);

	x.p.fold_names = main_script(src, nsrc) != main_script(tgt, ntgt);
	if (!x.length_only) {
		cal = xmalloc(sizeof(*cal));
		caltab_init(cal);
		x.p.cal = cal;
	}
	side_read(&x.s, &rs, src, nsrc, &x.p);
	side_read(&x.t, &rt, tgt, ntgt, &x.p);
	/* the expected ratio of lengths: that of the pairs sharing unique
	 * anchors, else the whole texts', kept plausible */
	x.ratio = weigh_all(&x, &rs, &rt);
	if (x.ratio <= 0)
		x.ratio =
		    x.s.total > 0 && x.t.total > 0 ? x.t.total / x.s.total : 1;
	x.ratio = clamp(x.ratio, 0.25, 4);
	x.use_para = x.s.has_para && x.t.has_para;

	glo = xcalloc(nsrc + 1, sizeof(*glo));
	ghi = xcalloc(nsrc + 1, sizeof(*ghi));
	guide_diagonal(glo, ghi, &x.s, &x.t);
	align_with(r, &x, glo, ghi);
	/*
	 * Where one side is much longer than the other (a one-sentence side,
	 * an article against a whole issue), the texts' ratio says nothing
	 * about a translation's length: try a ratio of 1 as well and keep the
	 * likelier alignment.
	 */
	if (fabs(log(x.ratio)) > log(1.5)) {
		struct align_result alt;
		double keep = x.ratio, cost = r->cost;

		align_result_init(&alt);
		x.ratio = 1;
		align_with(&alt, &x, glo, ghi);
		if (alt.cost < cost) {
			align_result_release(r);
			*r = alt;
		} else {
			align_result_release(&alt);
			x.ratio = keep;
			align_with(r, &x, glo, ghi); /* the tables again */
		}
	}
	/* the ratio of the pairs found: if it differs much from the one
	 * used, align again with it */
	ratio = pair_ratio(r, &x);
	if (ratio > 0 && fabs(log(ratio / x.ratio)) > 0.15) {
		x.ratio = clamp(ratio, 0.25, 4);
		guide_from_path(glo, ghi, nsrc, r);
		align_with(r, &x, glo, ghi);
	}
	free(x.best);
	free(x.from);
	x.best = NULL;
	x.from = NULL;
	forward_backward(&x);
	if (x.length_only) {
		/* no anchors: nothing tells whether the texts are related,
		 * and the calibration does not apply */
		r->relatedness = 1;
		r->unrelated = 0;
		confidences(r, &x, -1, keep_ev);
	} else {
		confidences(r, &x, relatedness(r, &x), keep_ev);
	}

	free(cal);
	free(glo);
	free(ghi);
	free(rs.h);
	free(rs.off);
	free(rt.h);
	free(rt.off);
	free(x.pm);
	free(x.cost);
	free(x.best);
	free(x.from);
	free(x.fw);
	free(x.bw);
	band_release(&x.b);
	side_release(&x.s);
	side_release(&x.t);
	return 0;
}
