#include "seg.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "norm.h"
#include "seg_data.h"
#include "xalloc.h"
#include "banned.h"

/*
 * How it works.  One pass over a paragraph, code point by code point,
 * keeps the sentence being built and the word (token) being read.  A run
 * of end punctuation with the closing quotes and brackets after it (a
 * "cluster": `.`, `?!`, `...”`, `. . . .`) is a candidate; whether it ends
 * the sentence depends on the word before it (a number, an abbreviation of
 * the language, an initial, a plain word), on what follows (a lower-case
 * word, a digit, a capitalised word that often starts sentences) and on
 * whether a space follows.  Every look back or ahead is bounded (WORD_MAX,
 * CLUSTER_MAX), and a first pass over the paragraph finds the brackets and
 * quotes to keep whole, so the whole is linear in the paragraph.
 */

#define NONE ((size_t)-1)
/* bytes of a word (before or after a candidate) that seg looks at */
#define WORD_MAX 64
/* code points of end punctuation taken as one cluster */
#define CLUSTER_MAX 64
/* bytes: the longest bracket or quotation kept whole (see find_inner) */
#define INNER_MAX 600
/* nesting of brackets and quotes that find_inner follows */
#define DEPTH_MAX 32
/* words an abbreviation-ended sentence needs ("At 5 a.m. Mr. Smith ...") */
#define MIN_WORDS 4

/* A bracket or quotation that continues its sentence: no break inside. */
struct inner {
	size_t start, end; /* opening and closing mark */
};

/* Memory reused from one paragraph to the next. */
struct scratch {
	struct inner *iv;
	size_t cap;
};

/* The state of one paragraph's split. */
struct st {
	const char *s;
	size_t n;
	const struct seg_rules *r;
	struct seg_list *out;
	size_t para;
	/* the sentence being built */
	size_t sent;   /* its first byte, NONE before its first character */
	size_t cps;    /* its code points so far */
	size_t sp;     /* its last space, or NONE */
	size_t sp_cps; /* its code points before that space */
	size_t words;  /* tokens begun in it */
	size_t first;  /* its first token that is not a bullet, or NONE */
	/* the token being read: a run of non-space, or what follows a break
	 * inside such a run */
	size_t tok;
	int in_tok;
	size_t rt_start, rt_end; /* the whitespace-delimited run it is in */
	int rt_known;            /* rt_end and rt_url are known (in_url) */
	int rt_url;              /* the run is a URL or an e-mail address */
	size_t ptoks;            /* tokens begun in the paragraph */
	/* lists in one paragraph: "• a • b", "- a - b", "1. a 2. b" */
	int bullets;
	int32_t dash;
	unsigned list_style;
	int32_t list_next;
	/* brackets and quotations kept whole, sorted, disjoint */
	struct inner *iv;
	size_t niv, ivk;
};

/* Kinds of end punctuation. */
enum { T_NONE, T_DOT, T_ELLIPSIS, T_QE, T_CJK };

/* What the word before a full stop is. */
enum {
	W_WORD,   /* a plain word, or nothing the rules know */
	W_EMPTY,  /* only punctuation */
	W_PUNCT,  /* ends in punctuation or a symbol: "4%.", "(Reuters)." */
	W_NUM,    /* a number: "1,300.", "22.08.2025." */
	W_SMALL,  /* 1-3 digits or a Roman numeral: an ordinal in some langs */
	W_TITLE,  /* "Mr.", "Dr."  */
	W_INNER,  /* "e.g.", "z. B." */
	W_ANY,    /* "etc.", "U.S.", "p." */
	W_INITIAL /* "E." in "Jonas E. Smith" */
};

/* What follows a candidate. */
enum { N_LOWER, N_UPPER, N_DIGIT, N_OTHER };

struct next {
	int kind;
	int starter; /* a capitalised word that often starts a sentence */
};

/* White space: ASCII, Unicode Zs (the list is fixed), NEL, U+2028/9. */
static int is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	return cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
	       (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/*
 * A lead byte of U+00C0-U+057F (Latin letters, Greek, Cyrillic, Armenian
 * letters): never a space, end punctuation, quote or bullet, so the split
 * can step over it without decoding.
 */
static int plain_lead(unsigned char c)
{
	return c >= 0xC3 && c <= 0xD5;
}

static int term_kind(int32_t cp)
{
	switch (cp) {
	case '.':
		return T_DOT;
	case 0x2026: /* … */
		return T_ELLIPSIS;
	case '!':
	case '?':
	case 0x203C: /* ‼ */
	case 0x203D: /* ‽ */
	case 0x2047: /* ⁇ */
	case 0x2048: /* ⁈ */
	case 0x2049: /* ⁉ */
	case 0x061F: /* Arabic question mark */
	case 0x06D4: /* Urdu full stop */
	case 0x0964: /* Devanagari danda */
	case 0x0965:
	case 0x0589: /* Armenian full stop */
	case 0x1362: /* Ethiopic full stop */
	case 0x1367:
	case 0x1368:
	case 0x104B: /* Myanmar */
		return T_QE;
	case 0x3002: /* 。 */
	case 0xFF01: /* ！ */
	case 0xFF1F: /* ？ */
	case 0xFF61: /* ｡ */
		return T_CJK;
	default:
		return T_NONE;
	}
}

/* Closing quotes and brackets that may follow end punctuation. */
static int is_closer(int32_t cp, unsigned flags)
{
	switch (cp) {
	case '"':
	case '\'':
	case ')':
	case ']':
	case '}':
	case 0x2018: /* ‘ closes German ‚…‘ */
	case 0x2019: /* ’ */
	case 0x201C: /* “ closes „…“ */
	case 0x201D: /* ” */
	case 0x300D: /* 」 */
	case 0x300F: /* 』 */
	case 0x3009: /* 〉 */
	case 0x300B: /* 》 */
	case 0x3011: /* 】 */
	case 0x3015: /* 〕 */
	case 0xFF09: /* ） */
	case 0xFF3D: /* ］ */
	case 0xFF63: /* ｣ */
	case 0x00BB: /* » */
	case 0x203A: /* › */
		return 1;
	case 0x00AB: /* « closes »…« */
	case 0x2039: /* ‹ */
		return (flags & SEG_F_REVQUOTES) != 0;
	default:
		return 0;
	}
}

static int is_dash(int32_t cp)
{
	return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 ||
	       cp == 0x2E3A || cp == 0x2E3B || cp == 0xFE58 || cp == 0xFE63 ||
	       cp == 0xFF0D;
}

static int is_bullet(int32_t cp)
{
	switch (cp) {
	case 0x2022: /* • */
	case 0x2023: /* ‣ */
	case 0x2043: /* ⁃ */
	case 0x2219: /* ∙ */
	case 0x25AA: /* ▪ */
	case 0x25AB:
	case 0x25A0: /* ■ */
	case 0x25A1:
	case 0x25B6: /* ▶ */
	case 0x25BA: /* ► */
	case 0x25C6: /* ◆ */
	case 0x25C7:
	case 0x25CB: /* ○ */
	case 0x25CF: /* ● */
	case 0x25E6: /* ◦ */
	case 0x2610: /* ☐ */
	case 0x2611:
	case 0x2713: /* ✓ */
	case 0x2714:
	case 0x27A2: /* ➢ */
	case 0x27A4:
		return 1;
	default:
		return 0;
	}
}

static int32_t cp_at(const char *s, size_t n, size_t i)
{
	if (i >= n)
		return -1;
	if ((unsigned char)s[i] < 0x80)
		return (unsigned char)s[i];
	return norm_next(s, n, &i);
}

/* The offset after the code point at i. */
static size_t cp_after(const char *s, size_t n, size_t i)
{
	norm_next(s, n, &i);
	return i;
}

/* The code point ending at i (i > 0). */
static int32_t cp_before(const char *s, size_t i)
{
	if ((unsigned char)s[i - 1] < 0x80)
		return (unsigned char)s[i - 1];
	return norm_prev(s, &i);
}

/*
 * Greek writes its question mark as U+037E, which NFC makes a semicolon:
 * a semicolon right after a Greek letter (or closing quote after one) is a
 * question mark.
 */
static int greek_question(const char *s, size_t i)
{
	int32_t cp;

	if (s[i] != ';' || i == 0)
		return 0;
	cp = cp_before(s, i);
	return (cp >= 0x0370 && cp <= 0x03FF) || (cp >= 0x1F00 && cp <= 0x1FFF);
}

static int is_word_char(int32_t cp)
{
	return norm_is_letter(cp) || norm_is_mark(cp) || norm_is_digit(cp);
}

/* ---- the sentence list ---- */

void seg_list_init(struct seg_list *l)
{
	memset(l, 0, sizeof(*l));
}

void seg_list_release(struct seg_list *l)
{
	free(l->items);
	memset(l, 0, sizeof(*l));
}

/* End the sentence at end (trimmed) and start none. */
static void emit(struct st *t, size_t end)
{
	size_t a = t->sent;

	if (a != NONE) {
		while (end > a) {
			size_t e = end;
			int32_t cp = norm_prev(t->s, &e);

			if (!is_space(cp))
				break;
			end = e;
		}
		if (end > a) {
			struct seg_list *l = t->out;

			XGROW(l->items, l->cap, l->len + 1);
			l->items[l->len].start = a;
			l->items[l->len].end = end;
			l->items[l->len].para = t->para;
			l->len++;
		}
	}
	t->sent = NONE;
	t->cps = 0;
	t->sp = NONE;
	t->words = 0;
	t->first = NONE;
}

/*
 * The sentence reached SEG_MAX_CHARS before the code point at i: cut it at
 * its last space if that keeps at least half, else right before i.
 */
static void cut(struct st *t, size_t i, int at_space)
{
	t->out->cut++;
	if (at_space) {
		emit(t, i);
		return;
	}
	if (t->sp != NONE && t->sp > t->sent &&
	    t->sp_cps >= SEG_MAX_CHARS / 2) {
		size_t rest = t->cps - t->sp_cps - 1, start = t->sp;

		emit(t, t->sp);
		/* the rest of the current token, if any, goes on */
		start = cp_after(t->s, t->n, start);
		if (start < i) {
			t->sent = start;
			t->cps = rest;
			t->words = 1;
		}
		return;
	}
	emit(t, i);
	t->sent = i;
	t->words = 1;
	if (t->tok < i)
		t->tok = i;
}

/* Count the code point at i into the sentence, cutting first if full. */
static void tick(struct st *t, size_t i, int space)
{
	if (t->sent == NONE)
		return; /* spaces before the sentence */
	if (t->cps >= SEG_MAX_CHARS) {
		cut(t, i, space);
		if (t->sent == NONE) {
			if (space)
				return;
			t->sent = i; /* this character starts the next one */
			t->words = 1;
		}
	}
	if (space) {
		t->sp = i;
		t->sp_cps = t->cps;
	}
	t->cps++;
}

/* Break before i (a list item): what came before is a sentence. */
static void break_before(struct st *t, size_t i)
{
	if (t->sent == NONE || t->sent >= i)
		return;
	emit(t, i);
	t->sent = i; /* nothing of it is counted yet */
}

/* ---- words ---- */

/*
 * Append the lower-case form of s[a..b) to key (size cap).  Returns the
 * length, or -1 if it does not fit.
 */
static int lower_key(char *key, size_t cap, const char *s, size_t a, size_t b)
{
	size_t i = a, o = 0;

	while (i < b) {
		int32_t cp = norm_next(s, b, &i);
		char enc[4];
		size_t len = norm_encode(enc, norm_lower(cp));

		if (o + len + 1 > cap)
			return -1;
		memcpy(key + o, enc, len);
		o += len;
	}
	key[o] = '\0';
	return (int)o;
}

/* The kind of key in one table's lists, or W_WORD. */
static int kind_in(const struct seg_rules *r, const char *key)
{
	if (seg_words_has(&r->title, key))
		return W_TITLE;
	if (seg_words_has(&r->inner, key))
		return W_INNER;
	if (seg_words_has(&r->any, key))
		return W_ANY;
	return W_WORD;
}

/*
 * The kind of an abbreviation key: the language's own lists first, then
 * the common ones.
 */
static int abbr_kind(const struct seg_rules *r, const char *key)
{
	int kind = kind_in(r, key);

	return kind != W_WORD ? kind : kind_in(&seg_rules_common, key);
}

/*
 * "U.S", "a.m", "Н.Ә", "J.-P": groups of 1-3 letters joined by full stops
 * (a group may start with a hyphen).
 */
static int is_dotted(const char *key)
{
	size_t i = 0, n = strlen(key), run = 0, groups = 0;

	while (i < n) {
		int32_t cp = norm_next(key, n, &i);

		if (cp == '.') {
			if (!run)
				return 0;
			groups++;
			run = 0;
		} else if (norm_is_letter(cp)) {
			if (++run > 3)
				return 0;
		} else if (cp == '-' && !run && groups) {
			continue; /* "J.-P" */
		} else if (!norm_is_mark(cp)) {
			return 0;
		}
	}
	return run && groups >= 1;
}

/* Does key end in one of the language's abbreviation endings? */
static int has_suffix(const struct seg_rules *r, const char *key)
{
	size_t k, n = strlen(key);

	for (k = 0; k < r->suffix.n; k++) {
		size_t m = strlen(r->suffix.w[k]);

		if (n > m && !strcmp(key + n - m, r->suffix.w[k]))
			return 1;
	}
	return 0;
}

static int is_roman(const char *s, size_t a, size_t b)
{
	size_t i;

	if (b - a > 6)
		return 0;
	for (i = a; i < b; i++)
		if (!strchr("IVXLCDM", s[i]) || !s[i])
			return 0;
	return b > a;
}

/*
 * The start of the token before the one at a (within the sentence), or
 * NONE: one or more spaces, then up to WORD_MAX bytes of non-space.
 */
static int space_byte(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static size_t prev_token(const struct st *t, size_t a, size_t *end)
{
	size_t i = a, lim = t->sent;

	while (i > lim && space_byte(t->s[i - 1]))
		i--;
	if (i == a || i == lim)
		return NONE;
	*end = i;
	while (i > lim && !space_byte(t->s[i - 1])) {
		if (*end - i > WORD_MAX)
			return NONE;
		i--;
	}
	return i;
}

/* Skip leading characters that are not letters or digits. */
static size_t skip_nonword(const char *s, size_t a, size_t b)
{
	while (a < b) {
		size_t k = a;
		int32_t cp = norm_next(s, b, &k);

		if (is_word_char(cp))
			break;
		a = k;
	}
	return a;
}

/*
 * Key of the abbreviation spread over the tokens before the word at a
 * ("z. B." -> "z.b"), parts of up to 8 bytes that end in a full stop.
 * Writes the longest such key with nparts parts (1 or 2) before the word.
 */
static int compound_key(const struct st *t, size_t a, size_t b, int nparts,
                        char *key, size_t cap)
{
	size_t starts[2], ends[2], e = 0, p = a, o = 0;
	int k;

	for (k = 0; k < nparts; k++) {
		size_t q = prev_token(t, p, &e);

		if (q == NONE || e - q > 8 || e - q < 2 || t->s[e - 1] != '.' ||
		    p - e != 1)
			return -1;
		starts[k] = skip_nonword(t->s, q, e - 1);
		ends[k] = e - 1;
		if (starts[k] == ends[k])
			return -1;
		p = q;
	}
	for (k = nparts - 1; k >= 0; k--) {
		int len = lower_key(key + o, cap - o, t->s, starts[k], ends[k]);

		if (len < 0 || o + (size_t)len + 2 > cap)
			return -1;
		o += (size_t)len;
		key[o++] = '.';
	}
	return lower_key(key + o, cap - o, t->s, a, b) < 0 ? -1 : 0;
}

/*
 * Is the word before the full stop at i the first part of a spaced
 * abbreviation whose other parts start at p ("EE. UU.", "př. n. l.")?
 */
static int starts_compound(const struct st *t, size_t i, size_t p)
{
	char key[4 * WORD_MAX + 8];
	size_t a = t->tok > t->sent ? t->tok : t->sent, o, part;
	int len;

	if (t->rt_url || i - a > 8)
		return 0;
	a = skip_nonword(t->s, a, i);
	if (a == i || (len = lower_key(key, sizeof(key), t->s, a, i)) < 0)
		return 0;
	o = (size_t)len;
	for (part = 0; part < 2; part++) {
		size_t e = p;

		while (e < t->n && e - p <= 8 &&
		       is_word_char(cp_at(t->s, t->n, e)))
			e = cp_after(t->s, t->n, e);
		if (e == p || e >= t->n || t->s[e] != '.' ||
		    (e + 1 < t->n && !space_byte(t->s[e + 1])))
			return 0;
		key[o++] = '.';
		if ((len = lower_key(key + o, sizeof(key) - o, t->s, p, e)) < 0)
			return 0;
		o += (size_t)len;
		if (abbr_kind(t->r, key) != W_WORD)
			return 1;
		p = e + 2;
		if (p >= t->n)
			return 0;
	}
	return 0;
}

/* What the word s[a..b) before a full stop is. */
static int word_kind(const struct st *t, size_t a, size_t b)
{
	char key[4 * WORD_MAX + 8];
	const char *dot, *apo;
	size_t i, digits = 0, ncp = 0;
	int num = 1, kind, k;
	int32_t last;

	size_t a0 = a;
	int sym = 0;

	if (t->rt_url || b - a > WORD_MAX)
		return W_WORD;
	a = skip_nonword(t->s, a, b);
	if (a == b)
		return W_EMPTY;
	/* a symbol before the word: "°C." is a unit, "$5." a number */
	for (i = a0; i < a && !sym;)
		sym = norm_is_symbol(norm_next(t->s, a, &i));
	last = cp_before(t->s, b);
	if (!is_word_char(last)) {
		/* "N°." is an abbreviation, "4%." and "(Reuters)." are not */
		if (lower_key(key, sizeof(key), t->s, a, b) >= 0 &&
		    (kind = abbr_kind(t->r, key)) != W_WORD)
			return kind;
		return W_PUNCT;
	}
	/* numbers: digits with . , : / ' - inside */
	for (i = a; i < b; i++) {
		char c = t->s[i];

		if (c >= '0' && c <= '9')
			digits++;
		else if (!strchr(".,:/'-", c) || !c)
			num = 0;
	}
	if (num && digits)
		return digits == b - a && digits <= 3 ? W_SMALL : W_NUM;
	if (sym)
		return W_PUNCT;
	/* abbreviations: spread over tokens, whole, last part, elided */
	for (k = 2; k >= 1; k--)
		if (!compound_key(t, a, b, k, key, sizeof(key)) &&
		    (kind = abbr_kind(t->r, key)) != W_WORD)
			return kind;
	if (lower_key(key, sizeof(key), t->s, a, b) < 0)
		return W_WORD;
	if ((kind = abbr_kind(t->r, key)) != W_WORD)
		return kind;
	dot = strrchr(key, '.');
	if (dot && dot[1] && (kind = abbr_kind(t->r, dot + 1)) != W_WORD)
		return kind;
	/* elided articles: "L'Ing.", "l’av." */
	if ((apo = strstr(key, "\xE2\x80\x99")) != NULL)
		apo += 3;
	else if ((apo = strchr(key, '\'')) != NULL)
		apo += 1;
	if (apo && *apo && (kind = abbr_kind(t->r, apo)) != W_WORD)
		return kind;
	if (is_dotted(key) || has_suffix(t->r, key))
		return W_ANY;
	for (i = a; i < b;) {
		int32_t cp = norm_next(t->s, b, &i);

		if (!norm_is_mark(cp))
			ncp++;
	}
	if (ncp == 1)
		return norm_is_upper(cp_at(t->s, b, a)) ? W_INITIAL : W_ANY;
	if ((t->r->flags & SEG_F_ORDINAL) && is_roman(t->s, a, b))
		return W_SMALL;
	return W_WORD;
}

/*
 * Is the word at s[a..) (letters, up to WORD_MAX bytes) one that starts
 * sentences?  A title abbreviation ("Mr.") counts.  *len receives its
 * length in bytes.
 */
static int is_starter(const struct st *t, size_t a, size_t *len)
{
	char key[4 * WORD_MAX + 8];
	size_t i = a, lim = t->n;
	int32_t cp = 0;

	if (lim - a > WORD_MAX)
		lim = a + WORD_MAX;
	while (i < lim) {
		size_t k = i;

		cp = norm_next(t->s, t->n, &k);
		if (!norm_is_letter(cp) && !norm_is_mark(cp))
			break;
		i = k;
	}
	*len = i - a;
	if (i == a || (i == lim && lim < t->n) ||
	    lower_key(key, sizeof(key), t->s, a, i) < 0)
		return 0;
	if (i < t->n && t->s[i] == '.') /* a title, not an initial */
		return norm_count(t->s + a, i - a) > 1 &&
		       abbr_kind(t->r, key) == W_TITLE;
	return seg_words_has(&t->r->starters, key);
}

/* What follows at p (not a space). */
static struct next next_at(const struct st *t, size_t p)
{
	struct next nx = {N_OTHER, 0};
	size_t q = p, len, steps = 0;
	int32_t cp = cp_at(t->s, t->n, q);

	/* 's, 't, 'n: Dutch words that start sentences in lower case */
	if ((cp == '\'' || cp == 0x2019) && t->r->starters.n) {
		char key[16];
		size_t k = cp_after(t->s, t->n, q), e = k;

		while (e < t->n && e - k < 3 && t->s[e] >= 'a' &&
		       t->s[e] <= 'z')
			e++;
		if (e > k && (e == t->n || t->s[e] == ' ')) {
			snprintf(key, sizeof(key), "'%.*s", (int)(e - k),
			         t->s + k);
			if (seg_words_has(&t->r->starters, key)) {
				nx.kind = N_UPPER;
				nx.starter = 1;
				return nx;
			}
		}
	}
	/* opening quotes, brackets, ¿ ¡ and dashes (with a space after a
	 * dash of its own) come before the word */
	while (q < t->n && steps++ < 8) {
		int32_t c = cp_at(t->s, t->n, q);

		if (is_dash(c)) {
			q = cp_after(t->s, t->n, q);
			if (q < t->n && t->s[q] == ' ')
				q++;
		} else if (norm_is_punct(c) && term_kind(c) == T_NONE) {
			q = cp_after(t->s, t->n, q);
			/* French « Oui » has a space inside */
			if ((c == 0xAB || c == 0x2039) && q < t->n &&
			    t->s[q] == ' ')
				q++;
		} else {
			break;
		}
	}
	cp = cp_at(t->s, t->n, q);
	if (cp < 0)
		return nx;
	if (norm_is_lower(cp)) {
		nx.kind = N_LOWER;
	} else if (norm_is_digit(cp) ||
	           (norm_is_symbol(cp) &&
	            norm_is_digit(
	                cp_at(t->s, t->n, cp_after(t->s, t->n, q))))) {
		nx.kind = N_DIGIT; /* 52, $100 */
	} else if (norm_is_upper(cp)) {
		nx.kind = N_UPPER;
		nx.starter = is_starter(t, q, &len);
	}
	return nx;
}

/* Is the token before the word at a a lower-case word ("and" in "you and
 * I.")? */
static int prev_is_lower(const struct st *t, size_t a)
{
	size_t e = 0, q = prev_token(t, a, &e);

	if (q == NONE)
		return 0;
	q = skip_nonword(t->s, q, e);
	return q < e && norm_is_lower(cp_at(t->s, e, q)) &&
	       norm_is_letter(cp_before(t->s, e));
}

/* ---- brackets and quotations kept whole ---- */

struct open {
	size_t pos;
	int32_t want1, want2;
	int quote;
};

/*
 * Record the bracket or quotation [open, close) if it continues its
 * sentence: it is short, and after it comes a lower-case word (or, after a
 * bracket, a comma, semicolon or colon); a quotation must also end in end
 * punctuation ("... wrote “Stop. Go.” on the wall").
 */
static void inner_close(struct st *t, struct scratch *sc, const struct open *o,
                        size_t close)
{
	size_t q = cp_after(t->s, t->n, close);
	int32_t c;

	if (close - o->pos > INNER_MAX)
		return;
	while (q < t->n && t->s[q] == ' ')
		q++;
	c = cp_at(t->s, t->n, q);
	if (o->quote) {
		size_t b = close;

		while (b > o->pos && t->s[b - 1] == ' ')
			b--;
		if (!norm_is_lower(c) || b == o->pos ||
		    term_kind(cp_before(t->s, b)) == T_NONE)
			return;
	} else if (!norm_is_lower(c) && c != ',' && c != ';' && c != ':') {
		return;
	}
	while (t->niv && t->iv[t->niv - 1].start > o->pos)
		t->niv--;
	XGROW(sc->iv, sc->cap, t->niv + 1);
	t->iv = sc->iv;
	t->iv[t->niv].start = o->pos;
	t->iv[t->niv].end = close;
	t->niv++;
}

/* Find the brackets and quotations of the paragraph to keep whole. */
static void find_inner(struct st *t, struct scratch *sc)
{
	struct open stack[DEPTH_MAX];
	size_t depth = 0, i = 0;

	t->iv = sc->iv;
	t->niv = 0;
	t->ivk = 0;
	while (i < t->n) {
		size_t at = i;
		int32_t cp, w1 = 0, w2 = 0;
		int quote = 1;
		size_t d;

		unsigned char c = (unsigned char)t->s[i];

		if (c < 0x80) {
			i++;
			if (c != '(' && c != ')' && c != '[' && c != ']' &&
			    c != '{' && c != '}')
				continue;
			cp = c;
		} else if (plain_lead(c) && i + 1 < t->n) {
			i += 2;
			continue;
		} else {
			cp = norm_next(t->s, t->n, &i);
		}
		/* a closing mark pops its opening one, however deep */
		for (d = depth; d > 0; d--)
			if (stack[d - 1].want1 == cp ||
			    stack[d - 1].want2 == cp)
				break;
		if (d > 0) {
			inner_close(t, sc, &stack[d - 1], at);
			depth = d - 1;
			continue;
		}
		switch (cp) {
		case '(':
			w1 = ')', quote = 0;
			break;
		case '[':
			w1 = ']', quote = 0;
			break;
		case '{':
			w1 = '}', quote = 0;
			break;
		case 0xFF08: /* （ */
			w1 = 0xFF09, quote = 0;
			break;
		case 0x300C: /* 「 */
			w1 = 0x300D;
			break;
		case 0x201C: /* “ */
			w1 = 0x201D;
			break;
		case 0x201E: /* „ */
			w1 = 0x201C, w2 = 0x201D;
			break;
		case 0x00AB: /* « */
			w1 = 0x00BB;
			break;
		case 0x00BB: /* » */
			w1 = 0x00AB;
			break;
		default:
			continue;
		}
		if (depth < DEPTH_MAX) {
			stack[depth].pos = at;
			stack[depth].want1 = w1;
			stack[depth].want2 = w2;
			stack[depth].quote = quote;
			depth++;
		}
	}
}

/* Is a candidate at i inside a bracket or quotation kept whole? */
static int inside_inner(struct st *t, size_t i)
{
	while (t->ivk < t->niv && t->iv[t->ivk].end <= i)
		t->ivk++;
	return t->ivk < t->niv && t->iv[t->ivk].start < i;
}

/* ---- lists ---- */

enum {
	L_NUM = 1,       /* 1 2 3 */
	L_LETTER = 2,    /* a b c */
	L_DOT = 4,       /* 1. */
	L_PAREN = 8,     /* 1) */
	L_DOTPAREN = 16, /* 1.) */
	L_ENCLOSED = 32  /* (1) */
};

/*
 * Is s[a..b) a list marker ("1.", "2)", "3.)", "(4)", "a.", "b)")?  Returns
 * its style (L_*) and sets *value, or returns 0.
 */
static unsigned marker(const char *s, size_t a, size_t b, int32_t *value)
{
	unsigned style = 0;
	size_t i = a;
	int32_t v = 0, cp;

	if (i < b && s[i] == '(') {
		style |= L_ENCLOSED;
		i++;
	}
	if (i < b && s[i] >= '0' && s[i] <= '9') {
		while (i < b && s[i] >= '0' && s[i] <= '9' && v < 1000)
			v = v * 10 + (s[i++] - '0');
		style |= L_NUM;
	} else if (i < b) {
		cp = norm_next(s, b, &i);
		if (!norm_is_lower(cp) && !(cp >= 'A' && cp <= 'Z'))
			return 0;
		v = cp;
		style |= L_LETTER;
	}
	if (b - i == 1 && s[i] == ')')
		style |= (style & L_ENCLOSED) ? 0 : L_PAREN;
	else if (b - i == 1 && s[i] == '.' && !(style & L_ENCLOSED))
		style |= L_DOT;
	else if (b - i == 2 && s[i] == '.' && s[i + 1] == ')' &&
	         !(style & L_ENCLOSED))
		style |= L_DOTPAREN;
	else
		return 0;
	/* a capital letter with a full stop is an initial, not an item */
	if ((style & L_LETTER) && v >= 'A' && v <= 'Z' && (style & L_DOT))
		return 0;
	*value = v;
	return style;
}

/* ---- the split ---- */

/*
 * In languages with ordinal full stops, "2." after a lower-case word is an
 * ordinal ("der 2. Liga"), not the next item of a list.
 */
static int ordinal_context(const struct st *t, size_t i, unsigned style)
{
	size_t e = 0, q;

	if (!(t->r->flags & SEG_F_ORDINAL) || !(style & L_DOT))
		return 0;
	q = prev_token(t, i, &e);
	return q != NONE && norm_is_lower(cp_at(t->s, e, q));
}

/*
 * The end of the run of non-space at i, looking at most max bytes ahead:
 * a longer run gives i + max + 1.
 */
static size_t run_end(const struct st *t, size_t i, size_t max)
{
	size_t e = i;

	while (e < t->n && e - i <= max) {
		unsigned char ch = (unsigned char)t->s[e];

		if (ch < 0x80 ? ch == ' ' || (ch >= '\t' && ch <= '\r')
		              : is_space(cp_at(t->s, t->n, e)))
			break;
		e = ch < 0x80 ? e + 1 : cp_after(t->s, t->n, e);
	}
	return e;
}

/*
 * Is the whitespace-delimited run being read a URL or an e-mail address?
 * Found once per run, when a candidate inside it first asks.
 */
static int in_url(struct st *t)
{
	size_t e = t->rt_start, i = t->rt_start;
	int at = 0;

	if (t->rt_known)
		return t->rt_url;
	while (e < t->n) {
		unsigned char ch = (unsigned char)t->s[e];

		if (ch >= 0x80) {
			/* only these lead bytes start Unicode spaces */
			if ((ch == 0xC2 || ch == 0xE1 || ch == 0xE2 ||
			     ch == 0xE3) &&
			    is_space(cp_at(t->s, t->n, e)))
				break;
			e++;
			continue;
		}
		if (ch == ' ' || (ch >= '\t' && ch <= '\r'))
			break;
		if (ch == '@' && e > i && e + 1 < t->n &&
		    is_word_char(cp_before(t->s, e)) &&
		    is_word_char(cp_at(t->s, t->n, e + 1)))
			at = 1;
		if (ch == ':' && e + 2 < t->n && t->s[e + 1] == '/' &&
		    t->s[e + 2] == '/')
			at = 1;
		e++;
	}
	if (e - i > 4 && (t->s[i] == 'w' || t->s[i] == 'W') &&
	    !memcmp(t->s + i + 1, "ww.", 3))
		at = 1;
	t->rt_end = e;
	t->rt_url = at;
	t->rt_known = 1;
	return at;
}

/* A new token starts at i: note it, and break before list items. */
static void token_start(struct st *t, size_t i)
{
	int32_t c = cp_at(t->s, t->n, i), v = 0;
	char c1 = ' ';
	size_t e = i + 9, k;
	int only_bullets = c >= 0x80;
	unsigned style = 0;

	if (i + 1 < t->n)
		c1 = t->s[i + 1];
	/* only these can be bullets, dashes or list markers: look at most
	 * 8 bytes ahead for them */
	if (c >= 0x80 || c == '(' || c == '-' || c == '*' ||
	    (c >= '0' && c <= '9') || c1 == '.' || c1 == ')')
		e = run_end(t, i, 8);

	if (!i || is_space(cp_before(t->s, i))) {
		/* a new whitespace-delimited run */
		t->rt_start = i;
		t->rt_known = 0;
		t->rt_url = 0;
	}
	for (k = i; k < e && only_bullets;)
		only_bullets = is_bullet(norm_next(t->s, e, &k));
	t->tok = i;
	t->in_tok = 1;
	t->ptoks++;
	if (e - i <= 8)
		style = marker(t->s, i, e, &v);
	if (t->ptoks == 1) {
		t->bullets = is_bullet(c);
		t->dash = (c == '-' || c == '*') && e == i + 1 ? c : 0;
		t->list_style = 0;
		if (style && (v == 1 || v == 'a' || v == 0x430 /* а */)) {
			t->list_style = style;
			t->list_next = v + 1;
		}
	} else if ((t->bullets && is_bullet(c)) ||
	           (t->dash && c == t->dash && e == i + 1 && i + 2 < t->n &&
	            t->s[i + 1] == ' ' &&
	            norm_is_upper(cp_at(t->s, t->n, i + 2)))) {
		/* "• a • b", "- A - B" */
		break_before(t, i);
	} else if (t->list_style && style == t->list_style &&
	           v == t->list_next && !ordinal_context(t, i, style)) {
		break_before(t, i);
		t->list_next++;
	}
	if (t->sent == i || t->sent == NONE)
		t->words = 0;
	t->words++;
	if (t->first == NONE && !only_bullets)
		t->first = i;
}

/*
 * No space between a full stop and a capital ("world.Today"): a break if
 * the word before is in lower case, or if a sentence-starting word
 * follows ("Tuesday.Mr. Smith", "1,000.That").  Not after abbreviations,
 * one-letter words or inside URLs.
 */
static int glued_break(const struct st *t, size_t i, size_t j)
{
	char key[4 * WORD_MAX + 8];
	size_t a = i, lo = t->tok > t->sent ? t->tok : t->sent, len, e;
	int32_t c2 = cp_at(t->s, t->n, j);
	int lower = 1, letters = 0;

	if (t->rt_url || !norm_is_upper(c2) ||
	    !norm_is_lower(cp_at(t->s, t->n, cp_after(t->s, t->n, j))))
		return 0;
	while (a > lo && i - a < WORD_MAX) {
		size_t p = a;
		int32_t cp = norm_prev(t->s, &p);

		if (!is_word_char(cp))
			break;
		if (norm_is_letter(cp)) {
			letters++;
			if (!norm_is_lower(cp))
				lower = 0;
		}
		a = p;
	}
	if (norm_count(t->s + a, i - a) < 2 ||
	    lower_key(key, sizeof(key), t->s, a, i) < 0 ||
	    abbr_kind(t->r, key) != W_WORD)
		return 0;
	/* the two parts of one abbreviation: "пр.Хр." */
	e = j;
	while (e < t->n && e - j < WORD_MAX &&
	       norm_is_letter(cp_at(t->s, t->n, e)))
		e = cp_after(t->s, t->n, e);
	if (e < t->n && t->s[e] == '.' &&
	    lower_key(key, sizeof(key), t->s, a, e) >= 0 &&
	    abbr_kind(t->r, key) != W_WORD)
		return 0;
	if (lower && letters == (int)norm_count(t->s + a, i - a))
		return 1;
	return is_starter(t, j, &len);
}

/*
 * "SPRINGFIELD, Ill. (AP) — ...": the sentence so far is a short dateline
 * in capitals and an agency in brackets follows at p, then a dash.
 */
static int dateline(const struct st *t, size_t p)
{
	size_t i = t->sent, e = p, letters = 0;

	if (t->words > 5 || t->s[p] != '(')
		return 0;
	while (i < t->n && !space_byte(t->s[i]) && t->s[i] != ',') {
		size_t k = i;
		int32_t cp = norm_next(t->s, t->n, &k);

		if (norm_is_lower(cp))
			return 0;
		letters += norm_is_letter(cp) != 0;
		i = k;
	}
	while (e < t->n && t->s[e] != ')' && e - p < 32)
		e++;
	if (letters < 2 || e >= t->n || t->s[e] != ')' || e + 2 >= t->n ||
	    t->s[e + 1] != ' ')
		return 0;
	return is_dash(cp_at(t->s, t->n, e + 2));
}

/*
 * Does the cluster [i, j) end the sentence?  dots: full stops in it (an
 * ellipsis counts 3), qe: it has ? or !, cjk: a CJK full stop, closers: it
 * has closing quotes or brackets.
 */
static int decide(struct st *t, size_t i, size_t j, int dots, int qe, int cjk,
                  int closers)
{
	size_t p = j;
	struct next nx;
	int wk, enumerator;

	while (p < t->n && is_space(cp_at(t->s, t->n, p)))
		p = cp_after(t->s, t->n, p);
	if (p >= t->n)
		return 1;
	if (cjk)
		return 1;
	if (p == j) {
		/* no space after */
		if (closers)
			return norm_is_upper(cp_at(t->s, t->n, j));
		return !qe && dots == 1 && glued_break(t, i, j);
	}
	nx = next_at(t, p);
	if (nx.kind == N_LOWER)
		return 0;
	if (qe)
		return 1;
	if (dots >= 3) {
		size_t a = t->tok > t->sent ? t->tok : t->sent;
		int32_t before = i > a ? cp_before(t->s, i) : ' ';
		/* "that... She": the ellipsis follows a word (or what closes
		 * one); after a space or an opening mark ("[...]", "“...")
		 * it marks words left out */
		int attached = is_word_char(before) || before == ')' ||
		               before == ']' || before == '%' ||
		               before == 0x201D || before == 0x2019 ||
		               before == 0xBB;

		if (nx.kind == N_DIGIT)
			return 0;
		return dots >= 4 || attached;
	}
	if (dots == 1 && (starts_compound(t, i, p) || dateline(t, p)))
		return 0;
	wk = dots == 2 ? W_WORD
	               : word_kind(t, t->tok > t->sent ? t->tok : t->sent, i);
	enumerator = t->first == t->tok;
	switch (wk) {
	case W_WORD:
		/* "Ziff. 3", "Rn. 12": a short capitalised word before a
		 * number is most likely an abbreviation */
		if (nx.kind == N_DIGIT) {
			size_t a = skip_nonword(
			    t->s, t->tok > t->sent ? t->tok : t->sent, i);

			return !norm_is_upper(cp_at(t->s, i, a)) ||
			       norm_count(t->s + a, i - a) > 4;
		}
		return 1;
	case W_EMPTY:
	case W_PUNCT:
		return 1;
	case W_NUM:
	case W_SMALL:
		if (nx.kind == N_DIGIT || enumerator)
			return 0;
		if (wk == W_SMALL && (t->r->flags & SEG_F_ORDINAL))
			return nx.starter;
		return 1;
	case W_TITLE:
	case W_INNER:
		return 0;
	case W_ANY:
		return nx.kind != N_DIGIT && !enumerator && nx.starter &&
		       t->words >= MIN_WORDS;
	case W_INITIAL:
	default:
		return nx.kind != N_DIGIT && !enumerator && nx.starter &&
		       prev_is_lower(t, t->tok > t->sent ? t->tok : t->sent);
	}
}

/*
 * A cluster of end punctuation starts at i: read it, count it into the
 * sentence and end the sentence after it if it is one.  Returns its end.
 */
static size_t cluster(struct st *t, size_t i)
{
	size_t j = i, k, len = 0;
	int dots = 0, qe = 0, cjk = 0, closers = 0;

	while (j < t->n && len < CLUSTER_MAX) {
		int32_t cp;
		int tk;

		k = j;
		cp = norm_next(t->s, t->n, &k);
		tk = term_kind(cp);
		if (tk == T_NONE && j == i && greek_question(t->s, j))
			tk = T_QE;
		if (tk == T_DOT) {
			dots++;
		} else if (tk == T_ELLIPSIS) {
			dots += 3;
		} else if (tk == T_QE) {
			qe = 1;
		} else if (tk == T_CJK) {
			cjk = 1;
		} else if (is_closer(cp, t->r->flags)) {
			closers = 1;
		} else if (cp == ' ' && j > i && t->s[j - 1] == '.' &&
		           j + 1 < t->n && t->s[j + 1] == '.' &&
		           (j + 2 == t->n || space_byte(t->s[j + 2]) ||
		            t->s[j + 2] == '.' ||
		            is_closer(cp_at(t->s, t->n, j + 2), t->r->flags))) {
			dots++; /* . . . */
			k = j + 2;
		} else if (cp == ' ' && j + 1 < t->n &&
		           (cp_at(t->s, t->n, j + 1) == 0xBB ||
		            cp_at(t->s, t->n, j + 1) == 0x203A)) {
			/* French: “ … fin. »” closes after a space */
			size_t e = cp_after(t->s, t->n, j + 1);
			int32_t c = cp_at(t->s, t->n, e);

			if (c >= 0 && !is_space(c) && !norm_is_punct(c))
				break;
			closers = 1;
			k = e;
		} else {
			break;
		}
		len++;
		j = k;
	}
	/* count the cluster into the sentence (it may reach the cap) */
	for (k = i; k < j;) {
		size_t at = k;

		norm_next(t->s, t->n, &k);
		tick(t, at, 0);
	}
	if (t->sent == NONE || t->sent > i)
		return j; /* cut inside the cluster */
	if (in_url(t) && j < t->rt_end)
		return j;
	if (inside_inner(t, i))
		return j;
	if (decide(t, i, j, dots, qe, cjk, closers)) {
		emit(t, j);
		t->in_tok = 0;
	}
	return j;
}

/* A character that is not a space is at i: start what needs starting. */
static void begin(struct st *t, size_t i)
{
	if (t->sent == NONE) {
		t->sent = i;
		t->words = 0;
	}
	if (!t->in_tok)
		token_start(t, i);
}

static void split_para(struct st *t, struct scratch *sc)
{
	size_t i = 0;

	find_inner(t, sc);
	while (i < t->n) {
		unsigned char c = (unsigned char)t->s[i];
		size_t k = i;
		int32_t cp;

		/* the common case: a letter or digit, counted and passed */
		if ((c > ' ' && c < 0x7F && c != '.' && c != '!' && c != '?' &&
		     c != ';') ||
		    (plain_lead(c) && i + 1 < t->n)) {
			begin(t, i);
			if (t->cps < SEG_MAX_CHARS)
				t->cps++;
			else
				tick(t, i, 0);
			i += c < 0x80 ? 1 : 2;
			continue;
		}
		if (c < 0x80)
			cp = (unsigned char)t->s[k++];
		else
			cp = norm_next(t->s, t->n, &k);
		if (is_space(cp)) {
			t->in_tok = 0;
			tick(t, i, 1);
			i = k;
			continue;
		}
		begin(t, i);
		if (term_kind(cp) != T_NONE || greek_question(t->s, i)) {
			i = cluster(t, i);
			continue;
		}
		tick(t, i, 0);
		i = k;
	}
	emit(t, t->n);
}

/* ---- entry points ---- */

static const struct seg_rules *rules_for(const char *lang, const char *text,
                                         size_t n)
{
	const struct seg_rules *r = seg_rules_find(seg_lang(lang, text, n));

	return r ? r : seg_rules_fallback();
}

const char *seg_lang(const char *lang, const char *text, size_t n)
{
	char tag[LANG_TAG_MAX], prim[LANG_TAG_MAX];
	const struct seg_rules *r;

	if (!lang || !strcmp(lang, "auto"))
		lang = lang_guess(text, n);
	if (lang_normalize(tag, lang) < 0)
		return "und";
	lang_primary(prim, tag);
	r = seg_rules_find(prim);
	return r ? r->code : "und";
}

static void split_one(struct seg_list *out, const struct seg_rules *r,
                      struct scratch *sc, const char *s, size_t n, size_t base,
                      size_t para)
{
	struct st t;
	size_t from = out->len, k;

	memset(&t, 0, sizeof(t));
	t.s = s;
	t.n = n;
	t.r = r;
	t.out = out;
	t.para = para;
	t.sent = NONE;
	t.sp = NONE;
	t.first = NONE;
	split_para(&t, sc);
	for (k = from; base && k < out->len; k++) {
		out->items[k].start += base;
		out->items[k].end += base;
	}
}

void seg_split_doc(struct seg_list *out, const struct doc *d, const char *lang)
{
	const struct seg_rules *r;
	struct scratch sc = {NULL, 0};
	size_t p;

	if (!d->npara)
		return;
	r = rules_for(lang, d->text, d->len);
	for (p = 0; p < d->npara; p++)
		split_one(out, r, &sc, d->text + d->paras[p].start,
		          d->paras[p].end - d->paras[p].start,
		          d->paras[p].start, p);
	free(sc.iv);
}

void seg_split_text(struct seg_list *out, const char *s, size_t n,
                    const char *lang, size_t para)
{
	struct scratch sc = {NULL, 0};

	split_one(out, rules_for(lang, s, n), &sc, s, n, 0, para);
	free(sc.iv);
}
