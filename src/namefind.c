/*
 * namefind: persons of a namestore in a text (see namefind.h).  Each
 * distinct word is looked at once (its readings, whether one of them hits
 * a lookup key, whether it is a given name) and the answer cached; only
 * runs with a candidate word are parsed and compared.
 */
#include "namefind.h"

#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "norm.h"
#include "xalloc.h"
#include "banned.h"

/* Readings of one word namefind looks at. */
#define MAX_READINGS 8
/* Widest full name tried around a candidate, in words. */
#define MAX_SPAN 4

/* ---- a small string-keyed hash of ints ---- */

struct slot {
	size_t key, klen; /* bytes in the table's key buffer; klen 0: free */
	int a, b;         /* the values */
};

struct table {
	struct slot *v;
	size_t cap, n;
	struct buf keys;
};

static void table_init(struct table *t)
{
	memset(t, 0, sizeof(*t));
	buf_init(&t->keys);
}

static void table_release(struct table *t)
{
	free(t->v);
	buf_release(&t->keys);
}

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* The slot of key (found, or free for it). */
static struct slot *table_slot(struct table *t, const char *key, size_t n)
{
	size_t i;

	if (!t->cap)
		return NULL;
	i = (size_t)hash_bytes(key, n) & (t->cap - 1);
	for (;;) {
		struct slot *s = &t->v[i];

		if (!s->klen)
			return s;
		if (s->klen == n + 1 && !memcmp(t->keys.data + s->key, key, n))
			return s;
		i = (i + 1) & (t->cap - 1);
	}
}

static struct slot *table_find(struct table *t, const char *key, size_t n)
{
	struct slot *s = table_slot(t, key, n);

	return s && s->klen ? s : NULL;
}

static struct slot *table_put(struct table *t, const char *key, size_t n, int a,
                              int b)
{
	struct slot *s;

	if ((t->n + 1) * 2 > t->cap) {
		struct slot *old = t->v;
		size_t oldcap = t->cap, i;

		t->cap = t->cap ? t->cap * 2 : 256;
		t->v = xcalloc(t->cap, sizeof(*t->v));
		for (i = 0; i < oldcap; i++)
			if (old[i].klen) {
				size_t j = (size_t)hash_bytes(t->keys.data +
				                                  old[i].key,
				                              old[i].klen - 1) &
				           (t->cap - 1);

				while (t->v[j].klen)
					j = (j + 1) & (t->cap - 1);
				t->v[j] = old[i];
			}
		free(old);
	}
	s = table_slot(t, key, n);
	if (!s->klen) {
		s->key = t->keys.len;
		buf_add(&t->keys, key, n);
		buf_addch(&t->keys, '\0');
		s->klen = n + 1;
		t->n++;
	}
	s->a = a;
	s->b = b;
	return s;
}

/* ---- the finder ---- */

struct namefind {
	struct namestore *ns;
	const struct names *nm;
	unsigned mask;
	struct table words;  /* lang \1 word -> a: hit bits, b: given bit */
	struct table tokens; /* lang \1 token -> a: entity + 1 (matcher) */
	struct buf key;      /* scratch */
	struct buf spell;    /* the mention's base spelling */
	struct buf house;    /* the house words of a mention */
	char (*idstr)[24];   /* entity ids as strings, for match */
	struct idmap *byid;  /* entity id -> index, sorted */
	int nbyid;
};

struct idmap {
	int64_t id;
	int index;
};

static int cmp_idmap(const void *pa, const void *pb)
{
	const struct idmap *a = pa, *b = pb;

	return a->id < b->id ? -1 : a->id > b->id;
}

struct namefind *namefind_new(struct namestore *ns, unsigned mask)
{
	struct namefind *nf = xcalloc(1, sizeof(*nf));
	int k, n = namestore_entity_count(ns);

	nf->ns = ns;
	nf->nm = namestore_names(ns);
	nf->mask = mask;
	table_init(&nf->words);
	table_init(&nf->tokens);
	buf_init(&nf->key);
	buf_init(&nf->spell);
	buf_init(&nf->house);
	nf->idstr = xcalloc(n ? (size_t)n : 1, sizeof(*nf->idstr));
	nf->byid = xcalloc(n ? (size_t)n : 1, sizeof(*nf->byid));
	for (k = 0; k < n; k++) {
		int64_t id = namestore_entity_id(ns, k);
		struct buf b;

		buf_init(&b);
		buf_addf(&b, "%lld", (long long)id);
		memcpy(nf->idstr[k], b.data,
		       b.len < sizeof(nf->idstr[k]) ? b.len + 1
		                                    : sizeof(nf->idstr[k]));
		nf->idstr[k][sizeof(nf->idstr[k]) - 1] = '\0';
		buf_release(&b);
		nf->byid[k].id = id;
		nf->byid[k].index = k;
	}
	nf->nbyid = n;
	if (n > 1)
		qsort(nf->byid, (size_t)n, sizeof(*nf->byid), cmp_idmap);
	return nf;
}

void namefind_free(struct namefind *nf)
{
	if (!nf)
		return;
	table_release(&nf->words);
	table_release(&nf->tokens);
	buf_release(&nf->key);
	buf_release(&nf->spell);
	buf_release(&nf->house);
	free(nf->idstr);
	free(nf->byid);
	free(nf);
}

/* ---- words and runs ---- */

/*
 * The word that starts at text[i] (a letter): its end, its letters and
 * capitals, and whether it starts with a capital.
 */
static size_t word_end(const char *text, size_t len, size_t i, int *letters,
                       int *uppers, int *lowers)
{
	size_t at;

	*letters = *uppers = *lowers = 0;
	while (i < len) {
		int32_t cp;

		at = i;
		cp = norm_next(text, len, &i);
		if (norm_is_letter(cp)) {
			(*letters)++;
			if (norm_is_upper(cp))
				(*uppers)++;
			else if (norm_is_lower(cp))
				(*lowers)++;
			continue;
		}
		if (norm_is_mark(cp))
			continue;
		if (norm_is_apostrophe(cp) && i < len) {
			size_t j = i;
			int32_t next = norm_next(text, len, &j);

			if (norm_is_letter(next))
				continue; /* O'Brien, Tikhanovskaya’s */
		}
		return at;
	}
	return i;
}

/* Is text[a..b) a separator that keeps two words in one run? */
static char run_sep(const char *text, size_t a, size_t b, int prev_initial)
{
	size_t n = b - a;

	if (n == 1 && (text[a] == ' ' || text[a] == '\n'))
		return ' ';
	if (n == 2 && text[a] == '\r' && text[a + 1] == '\n')
		return ' ';
	if (n == 2 && (unsigned char)text[a] == 0xC2 &&
	    (unsigned char)text[a + 1] == 0xA0)
		return ' '; /* no-break space */
	if (n == 1 && text[a] == '-')
		return '-';
	if (n == 3 && (unsigned char)text[a] == 0xE2 &&
	    (unsigned char)text[a + 1] == 0x80 &&
	    ((unsigned char)text[a + 2] == 0x90 ||
	     (unsigned char)text[a + 2] == 0x91))
		return '-';
	if (prev_initial && n == 2 && text[a] == '.' && text[a + 1] == ' ')
		return ' ';
	return 0;
}

int namefind_next_run(const char *text, size_t len, size_t *pos,
                      struct namefind_word w[NAMEFIND_MAX_RUN])
{
	size_t i = *pos;
	int n = 0;

	while (i < len) {
		size_t at = i, end;
		int32_t cp = norm_next(text, len, &i);
		int letters, uppers, lowers, cap;

		if (!norm_is_letter(cp))
			continue;
		end = word_end(text, len, at, &letters, &uppers, &lowers);
		if (!norm_is_upper(cp)) {
			/* French and Italian elision: d’Alexandre, l’Amico */
			size_t j = i, k;
			int32_t c = 0;
			int small = 1;

			while (j < end && small < 4) {
				k = j;
				c = norm_next(text, len, &j);
				if (!norm_is_letter(c)) {
					j = k;
					break;
				}
				small++;
			}
			if (j < end &&
			    norm_is_apostrophe(norm_next(text, len, &j)) &&
			    j < end) {
				k = j;
				c = norm_next(text, len, &k);
				if (norm_is_upper(c)) {
					at = j;
					i = k;
					cp = c;
					end = word_end(text, len, at, &letters,
					               &uppers, &lowers);
				}
			}
		}
		cap = norm_is_upper(cp) && (letters == 1 || lowers > 0);
		if (n > 0) {
			size_t plen = w[n - 1].end - w[n - 1].start;
			int initial =
			    norm_count(text + w[n - 1].start, plen) == 1;
			char sep = '\0';

			if (cap)
				sep = run_sep(text, w[n - 1].end, at, initial);

			if (!sep || n == NAMEFIND_MAX_RUN) {
				*pos = at;
				return n;
			}
			w[n].sep = sep;
		} else if (!cap) {
			i = end;
			continue;
		} else {
			w[n].sep = 0;
		}
		w[n].start = at;
		w[n].end = end;
		n++;
		i = end;
	}
	*pos = i;
	return n;
}

/* ---- what a word is ---- */

/* The inflect language of a tag: its primary subtag, or NULL. */
static void primary(char out[LANG_TAG_MAX], const char *lang)
{
	out[0] = '\0';
	if (lang && *lang && strcmp(lang, "und") != 0)
		lang_primary(out, lang);
}

size_t namefind_readings(struct inflect_reading *out, size_t max, const char *w,
                         size_t n, const char *ilang)
{
	size_t nr;

	if (max < 2)
		return inflect_readings(out, max, w, n, ilang);
	nr = inflect_readings(out, max - 1, w, n, ilang);
	if (nr && out[0].suffix[0] && n < sizeof(out[0].base)) {
		/* Ales is not the German genitive of Ale: keep it whole too */
		struct inflect_reading *r = &out[nr++];

		memset(r, 0, sizeof(*r));
		memcpy(r->base, w, n);
		r->base[n] = '\0';
		r->slot = INFL_BASE;
		r->slots = r->given_slots = 1u << INFL_BASE;
		r->paradigm = -1;
	}
	return nr;
}

/* Facts about one word (cached): which readings hit a key, given name. */
struct word_info {
	int hits;  /* bit i: reading i shares a key with a stored spelling */
	int given; /* a reading is a given name */
};

static struct word_info word_info(struct namefind *nf, const char *w, size_t n,
                                  const char *ilang)
{
	struct inflect_reading rd[MAX_READINGS];
	struct word_info wi = {0, 0};
	struct slot *s;
	size_t nr, i;

	buf_reset(&nf->key);
	buf_adds(&nf->key, ilang);
	buf_addch(&nf->key, '\x01');
	buf_add(&nf->key, w, n);
	if ((s = table_find(&nf->words, nf->key.data, nf->key.len)) != NULL) {
		wi.hits = s->a;
		wi.given = s->b;
		return wi;
	}
	nr = namefind_readings(rd, MAX_READINGS, w, n, *ilang ? ilang : NULL);
	for (i = 0; i < nr; i++) {
		char keys[NAMES_MAX_KEYS][TRANSLIT_FORM_MAX + 1];
		struct names_name p;
		int k, nk;

		if (names_parse(nf->nm, &p, rd[i].base, strlen(rd[i].base),
		                NULL) < 0 ||
		    p.ntok != 1 || p.tok[0].role == NAMES_INITIAL)
			continue;
		if (p.tok[0].nsets && p.tok[0].exact)
			wi.given = 1;
		nk = names_keys(keys, &p);
		for (k = 0; k < nk; k++)
			if (namestore_has_key(nf->ns, keys[k])) {
				wi.hits |= 1 << i;
				break;
			}
	}
	table_put(&nf->words, nf->key.data, nf->key.len, wi.hits, wi.given);
	return wi;
}

/* ---- mentions ---- */

/* The state of one run. */
struct run {
	const char *text;
	const struct namefind_word *w;
	int n;
	const char *lang; /* the tag, for house forms */
	char ilang[LANG_TAG_MAX];
	struct inflect_reading rd[NAMEFIND_MAX_RUN][MAX_READINGS];
	int nrd[NAMEFIND_MAX_RUN]; /* 0: not read yet */
	struct word_info info[NAMEFIND_MAX_RUN];
};

static void read_word(struct run *r, int i)
{
	if (!r->nrd[i])
		r->nrd[i] = (int)namefind_readings(
		    r->rd[i], MAX_READINGS, r->text + r->w[i].start,
		    r->w[i].end - r->w[i].start, *r->ilang ? r->ilang : NULL);
}

/* A reading of a span: which reading each word takes, and the result. */
struct reading {
	int s, e;
	int slot; /* the case the span was read in, -1: as written */
	int fit;  /* words read in that case (not as written) */
	int choice[NAMEFIND_MAX_RUN];
	struct names_name p;
	int tokword[NAMES_MAX_TOKENS]; /* word of each token */
	struct namestore_hit hit;
};

/*
 * Build the span's string from the chosen readings and parse it; fills
 * rdg->p and rdg->tokword.  Returns 0, or -1 if it does not parse.
 */
static int parse_span(struct namefind *nf, struct run *r, struct reading *rdg)
{
	size_t offs[NAMEFIND_MAX_RUN];
	int i, t;

	buf_reset(&nf->spell);
	for (i = rdg->s; i < rdg->e; i++) {
		if (i > rdg->s)
			buf_addch(&nf->spell, r->w[i].sep == '-' ? '-' : ' ');
		offs[i] = nf->spell.len;
		buf_adds(&nf->spell, r->rd[i][rdg->choice[i]].base);
	}
	if (names_parse(nf->nm, &rdg->p, nf->spell.data, nf->spell.len, NULL) <
	    0)
		return -1;
	for (t = 0; t < rdg->p.ntok; t++) {
		rdg->tokword[t] = -1;
		for (i = rdg->s; i < rdg->e; i++)
			if (offs[i] == rdg->p.tok[t].start)
				rdg->tokword[t] = i;
	}
	return 0;
}

static int words_of(const struct names_name *p)
{
	int t, n = 0;

	for (t = 0; t < p->ntok; t++)
		if (p->tok[t].role != NAMES_INITIAL)
			n++;
	return n;
}

/* Does entity k have a spelling of two words or more? */
static int has_full(struct namestore *ns, int k)
{
	const int *al;
	int n = namestore_entity_aliases(ns, k, &al), i;

	for (i = 0; i < n; i++) {
		struct namestore_alias a;

		namestore_alias(ns, al[i], &a);
		if (a.words >= 2 && a.status != STORE_NAME_REJECTED)
			return 1;
	}
	return 0;
}

/*
 * Append the house word of entity k standing for surname reading rd in
 * lang to out: the house form's surname in rd's form.  Returns 0, or -1
 * if the entity has no house form for lang.
 */
static int house_surname(struct namefind *nf, struct buf *out, int k,
                         const char *lang, const char *ilang,
                         const struct inflect_reading *rd)
{
	int h = namestore_house(nf->ns, k, lang), t;
	const struct names_name *hp;
	struct namestore_alias a;

	if (h < 0 || !(hp = namestore_parsed(nf->ns, h)))
		return -1;
	t = names_surname(hp);
	if (t < 0)
		return -1;
	namestore_alias(nf->ns, h, &a);
	inflect_apply(out, a.spelling + hp->tok[t].start,
	              hp->tok[t].end - hp->tok[t].start, rd,
	              *ilang ? ilang : NULL);
	return 0;
}

/*
 * The best reading of word h alone as an entity's surname, into *best:
 * returns 1, or 0 when none fits or the entities it fits disagree on the
 * house surname.  guard: a given name stands beside it, so entities known
 * by a full name are not taken.
 */
static int resolve_surname(struct namefind *nf, struct run *r, int h, int guard,
                           struct reading *best)
{
	struct namestore_hit hits[NAMESTORE_MAX_HITS];
	struct reading cur;
	struct buf a, b;
	int c, i, n, found = 0, agree = 1;

	read_word(r, h);
	memset(&cur, 0, sizeof(cur));
	cur.s = h;
	cur.e = h + 1;
	cur.slot = -1;
	best->hit.r.score = -1;
	for (c = 0; c < r->nrd[h]; c++) {
		if (!(r->info[h].hits & (1 << c)))
			continue;
		cur.choice[h] = c;
		if (parse_span(nf, r, &cur) < 0 || words_of(&cur.p) != 1)
			continue;
		n = namestore_resolve(nf->ns, &cur.p, nf->mask, hits,
		                      NAMESTORE_MAX_HITS);
		/* a given name beside it: not an entity with a full name */
		for (i = 0; guard && i < n; i++)
			if (has_full(nf->ns, hits[i].entity)) {
				memmove(&hits[i], &hits[i + 1],
				        (size_t)(n - i - 1) * sizeof(hits[0]));
				n--;
				i--;
			}
		if (!n || hits[0].r.score <= best->hit.r.score ||
		    hits[0].r.score < NAMEFIND_SURNAME_MIN)
			continue;
		/* only the entities about as good as the best compete */
		for (i = 1; i < n; i++)
			if (hits[i].r.score <
			    hits[0].r.score - namefind_margin(hits[0].r.score))
				break;
		n = i;
		/* every entity it fits must give the same house surname */
		buf_init(&a);
		buf_init(&b);
		agree = 1;
		for (i = 0; i < n && agree; i++) {
			struct buf *x = i ? &b : &a;
			int rc;

			buf_reset(x);
			rc = house_surname(nf, x, hits[i].entity, r->lang,
			                   r->ilang, &r->rd[h][c]);
			if (rc < 0)
				buf_adds(x, "\x01none");
			if (i && (a.len != b.len ||
			          memcmp(a.data, b.data, a.len) != 0))
				agree = 0;
		}
		buf_release(&a);
		buf_release(&b);
		if (!agree)
			continue;
		cur.hit = hits[0];
		*best = cur;
		found = 1;
	}
	return found;
}

/*
 * Does the parsed span read a given name in a case only a surname class
 * declines so (Марыной as a genitive, by -ына)?
 */
static int given_misread(const struct run *r, const struct reading *rdg)
{
	int t;

	if (rdg->slot <= INFL_BASE)
		return 0;
	for (t = 0; t < rdg->p.ntok; t++) {
		int w = rdg->tokword[t];
		const struct inflect_reading *rd;

		if (w < 0 || rdg->p.tok[t].role != NAMES_GIVEN)
			continue;
		rd = &r->rd[w][rdg->choice[w]];
		if (inflect_in_slot(rd, (enum inflect_slot)rdg->slot) &&
		    !((rd->given_slots >> rdg->slot) & 1u))
			return 1;
	}
	return 0;
}

/*
 * Try span [s, e) in every consistent reading (every word in one case);
 * keep the best in *best: the best score; of equal ones, the fewest words,
 * then the most words that stand in the case (Сяргеі Ціханоўскім is
 * prepositional, not an instrumental with Сяргеі left as written).
 */
static void try_span(struct namefind *nf, struct run *r, int s, int e,
                     struct reading *best)
{
	struct namestore_hit hits[2];
	struct reading cur;
	int slot, i, tried[INFL_NSLOTS + 1][NAMEFIND_MAX_RUN];
	int ntried = 0;

	memset(&cur, 0, sizeof(cur));
	cur.s = s;
	cur.e = e;
	for (i = s; i < e; i++)
		read_word(r, i);
	/* slot -1: every word whole, nothing split off */
	for (slot = -1; slot < INFL_NSLOTS; slot++) {
		int k, dup;

		/* each word in this case if it can be, else as written */
		cur.slot = slot;
		cur.fit = 0;
		for (i = s; i < e; i++) {
			int c;

			cur.choice[i] = 0;
			for (c = 1; slot != INFL_BASE && c < r->nrd[i]; c++)
				if (slot < 0 ? r->rd[i][c].paradigm < 0
				             : inflect_in_slot(
				                   &r->rd[i][c],
				                   (enum inflect_slot)slot)) {
					cur.choice[i] = c;
					cur.fit++;
					break;
				}
		}
		if (slot != INFL_BASE && !cur.fit)
			continue;
		/* one ending often stands for several cases: each choice
		 * once, unless a given name fits one case and not another */
		for (k = 0, dup = 0; k < ntried && !dup; k++) {
			dup = 1;
			for (i = s; i < e; i++) {
				const struct inflect_reading *rd =
				    &r->rd[i][cur.choice[i]];
				int g = slot > INFL_BASE &&
				        ((rd->given_slots >> slot) & 1u);

				if (tried[k][i] != cur.choice[i] * 2 + g)
					dup = 0;
			}
		}
		if (dup)
			continue;
		for (i = s; i < e; i++) {
			const struct inflect_reading *rd =
			    &r->rd[i][cur.choice[i]];

			tried[ntried][i] = cur.choice[i] * 2 +
			                   (slot > INFL_BASE &&
			                    ((rd->given_slots >> slot) & 1u));
		}
		ntried++;
		if (parse_span(nf, r, &cur) < 0 || words_of(&cur.p) < 2 ||
		    given_misread(r, &cur))
			continue;
		if (namestore_resolve(nf->ns, &cur.p, nf->mask, hits, 2) < 1)
			continue;
		cur.hit = hits[0];
		if (cur.hit.r.score > best->hit.r.score + 1e-9 ||
		    (cur.hit.r.score > best->hit.r.score - 1e-9 &&
		     (cur.e - cur.s < best->e - best->s ||
		      (cur.e - cur.s == best->e - best->s &&
		       cur.fit > best->fit))))
			*best = cur;
	}
}

/* Is one of word w's readings the house word hw[0..hn) itself? */
static int reads_as(const struct run *r, int w, const char *hw, size_t hn)
{
	int c;

	for (c = 0; c < r->nrd[w]; c++)
		if (norm_same_but_apostrophes(r->rd[w][c].base,
		                              strlen(r->rd[w][c].base), hw, hn))
			return 1;
	return 0;
}

/*
 * Write the apostrophes of out[from..to) as the written word w[0..n)
 * writes its own (O’Brian -> O’Brien, not O'Brien), if it has one.
 */
static void keep_apostrophe(struct buf *out, size_t from, size_t to,
                            const char *w, size_t n)
{
	size_t i = 0, k;
	int32_t own = 0, cp;
	struct buf b;

	while (i < n && !own) {
		cp = norm_next(w, n, &i);
		if (norm_is_apostrophe(cp))
			own = cp;
	}
	if (!own)
		return;
	buf_init(&b);
	buf_add(&b, out->data + from, out->len - from);
	buf_truncate(out, from);
	for (i = 0; i < b.len;) {
		k = i;
		cp = norm_next(b.data, b.len, &i);
		if (k < to - from && norm_is_apostrophe(cp))
			norm_add(out, own);
		else
			buf_add(out, b.data + k, i - k);
	}
	buf_release(&b);
}

/*
 * The second part of a double surname written after word w (Whalen of
 * Salihovic-Whalen, or of Salihovic Whalen) when the house surname j has
 * one too (hp token j + 1, joined by a hyphen) and it is spelled alike:
 * its reading index in the case of rd, or -1.
 */
static int double_part(struct namefind *nf, struct run *r, int w,
                       const struct names_name *hp, int j,
                       const struct inflect_reading *rd)
{
	struct names_name p;
	int c, pick = 0;

	if (w + 1 >= r->n || j + 1 >= hp->ntok || !hp->tok[j + 1].hyphen ||
	    hp->tok[j + 1].role == NAMES_INITIAL)
		return -1;
	read_word(r, w + 1);
	for (c = 1; c < r->nrd[w + 1]; c++)
		if (inflect_in_slot(&r->rd[w + 1][c], rd->slot)) {
			pick = c;
			break;
		}
	if (names_parse(nf->nm, &p, r->rd[w + 1][pick].base,
	                strlen(r->rd[w + 1][pick].base), NULL) < 0 ||
	    p.ntok != 1 || !names_given_equal(&p.tok[0], &hp->tok[j + 1]))
		return -1;
	return pick;
}

/* Is text[a..b) one hyphen (-, U+2010, U+2011)? */
static int is_hyphen_sep(const char *text, size_t a, size_t b)
{
	size_t i = a;
	int32_t cp;

	if (a >= b)
		return 0;
	cp = norm_next(text, b, &i);
	return i == b && (cp == '-' || cp == 0x2010 || cp == 0x2011);
}

/* A word of a mention and the house word it stands for. */
struct item {
	int w;     /* word of the run */
	int j;     /* token of the house form, -1: none */
	int tok;   /* token of the mention, -1: a double surname's part */
	int house; /* the token has a house word (not an initial) */
	struct inflect_reading rd;
};

/*
 * Report the mention read as rdg: parts with their house words.  Words
 * that stand for the parts of one hyphenated house word (Jean-Pierre,
 * Salihović-Whalen) are one part, so the whole of it is reported, and
 * a hyphen or a space between them is compared too.  *end: the word
 * after the mention's last.
 */
static int emit(struct namefind *nf, struct run *r, const struct reading *rdg,
                int surname, namefind_fn fn, void *ctx, int *end)
{
	struct namefind_part parts[NAMES_MAX_TOKENS];
	struct item it[NAMES_MAX_TOKENS];
	size_t hstart[NAMES_MAX_TOKENS], hlen[NAMES_MAX_TOKENS];
	int hvalid[NAMES_MAX_TOKENS];
	struct namefind_mention m;
	struct names_result hr;
	const struct names_name *hp = NULL;
	struct namestore_alias ha;
	int t, q, n = 0, np = 0, k = rdg->hit.entity;

	memset(&m, 0, sizeof(m));
	memset(it, 0, sizeof(it));
	m.entity = k;
	m.alias = rdg->hit.alias;
	m.score = rdg->hit.r.score;
	m.surname = surname;
	m.house = namestore_house(nf->ns, k, r->lang);
	if (m.house >= 0 && (hp = namestore_parsed(nf->ns, m.house)) != NULL) {
		namestore_alias(nf->ns, m.house, &ha);
		if (surname) {
			memset(&hr, 0, sizeof(hr));
			for (t = 0; t < NAMES_MAX_TOKENS; t++)
				hr.aligned[t] = -1;
			hr.aligned[0] = names_surname(hp);
		} else {
			names_match(nf->nm, &rdg->p, hp, NAMES_THRESHOLD, &hr);
		}
	}
	*end = rdg->e;
	/* the words, each with the house token it stands for */
	for (t = 0; t < rdg->p.ntok && n < NAMES_MAX_TOKENS; t++) {
		int w = rdg->tokword[t];

		/* a word the name did not align (Thursday Mikalai X) is not
		 * part of it */
		if (w < 0 || (!surname && rdg->hit.r.aligned[t] < 0 &&
		              !rdg->hit.r.surname))
			continue;
		it[n].w = w;
		it[n].tok = t;
		it[n].j = hp ? hr.aligned[t] : -1;
		if (hp && it[n].j >= hp->ntok)
			it[n].j = -1;
		it[n].house = it[n].j >= 0 &&
		              rdg->p.tok[t].role != NAMES_INITIAL &&
		              hp->tok[it[n].j].role != NAMES_INITIAL;
		/* the word in the case the whole name was read in (its
		 * reading may stand for several: Тихановской) */
		it[n].rd = r->rd[w][rdg->choice[w]];
		if (rdg->slot > INFL_BASE)
			inflect_set_slot(&it[n].rd,
			                 (enum inflect_slot)rdg->slot);
		n++;
	}
	/* a surname alone: the rest of a double surname written with it */
	while (surname && hp && n > 0 && n < NAMES_MAX_TOKENS &&
	       it[n - 1].house) {
		int c = double_part(nf, r, it[n - 1].w, hp, it[n - 1].j,
		                    &it[n - 1].rd);

		if (c < 0)
			break;
		it[n].w = it[n - 1].w + 1;
		it[n].j = it[n - 1].j + 1;
		it[n].tok = -1;
		it[n].house = 1;
		it[n].rd = r->rd[it[n].w][c];
		inflect_set_slot(&it[n].rd, it[n - 1].rd.slot);
		*end = it[n].w + 1;
		n++;
	}
	buf_reset(&nf->house);
	buf_reset(&nf->spell);
	for (q = 0; q < n; q++) {
		const struct item *x = &it[q];
		const char *ws = r->text + r->w[x->w].start;
		size_t wn = r->w[x->w].end - r->w[x->w].start, at;
		const char *hw;
		size_t hn;
		int join;

		if (nf->spell.len)
			buf_addch(&nf->spell,
			          r->w[x->w].sep == '-' ? '-' : ' ');
		buf_adds(&nf->spell, x->rd.base);
		/* one house word in two written ones: one part */
		join = np > 0 && hvalid[np - 1] && x->house && hp &&
		       it[q - 1].w + 1 == x->w && it[q - 1].j + 1 == x->j &&
		       (r->w[x->w].sep == '-' || hp->tok[x->j].hyphen);
		if (!join) {
			parts[np].start = r->w[x->w].start;
			parts[np].reading = &it[q].rd;
			parts[np].house = NULL;
			parts[np].house_len = 0;
			hvalid[np] = 0;
			hstart[np] = nf->house.len;
			np++;
		}
		parts[np - 1].end = r->w[x->w].end;
		if (!x->house || !hp)
			continue;
		hw = ha.spelling + hp->tok[x->j].start;
		hn = hp->tok[x->j].end - hp->tok[x->j].start;
		if (join) {
			/* the house's hyphen or space; a hyphen as written
			 * where both have one */
			size_t ga = r->w[x->w - 1].end, gb = r->w[x->w].start;
			size_t ha0 = hp->tok[x->j - 1].end;

			if (is_hyphen_sep(r->text, ga, gb) &&
			    is_hyphen_sep(ha.spelling, ha0,
			                  hp->tok[x->j].start))
				buf_add(&nf->house, r->text + ga, gb - ga);
			else
				buf_add(&nf->house, ha.spelling + ha0,
				        hp->tok[x->j].start - ha0);
		}
		at = nf->house.len;
		if (reads_as(r, x->w, hw, hn)) {
			/* the house form itself in some case form (even
			 * where inflect knows no paradigm), whatever its
			 * apostrophe: as written */
			buf_add(&nf->house, ws, wn);
		} else {
			inflect_apply(&nf->house, hw, hn, &x->rd,
			              *r->ilang ? r->ilang : NULL);
			keep_apostrophe(&nf->house, at,
			                nf->house.len - strlen(x->rd.suffix),
			                ws, wn);
		}
		hlen[np - 1] = nf->house.len - hstart[np - 1];
		hvalid[np - 1] = 1;
	}
	if (!np)
		return 0;
	/* the house buffer may have moved while it grew */
	for (t = 0; t < np; t++)
		if (hvalid[t]) {
			parts[t].house = nf->house.data + hstart[t];
			parts[t].house_len = hlen[t];
		}
	m.start = parts[0].start;
	m.end = parts[np - 1].end;
	m.spelling = nf->spell.data;
	m.parts = parts;
	m.nparts = np;
	return fn(ctx, &m);
}

/*
 * Does span [s, e) hold a given name or an initial besides word h?  A full
 * name has one, so spans without are not worth parsing.
 */
static int has_given(const struct run *r, int s, int e, int h)
{
	int i;

	for (i = s; i < e; i++)
		if (i != h && (r->info[i].given ||
		               norm_count(r->text + r->w[i].start,
		                          r->w[i].end - r->w[i].start) == 1))
			return 1;
	return 0;
}

static int scan_run(struct namefind *nf, struct run *r, namefind_fn fn,
                    void *ctx)
{
	int i = 0, lo = 0, rc;

	for (i = 0; i < r->n; i++)
		r->info[i] = word_info(nf, r->text + r->w[i].start,
		                       r->w[i].end - r->w[i].start, r->ilang);
	i = 0;
	while (i < r->n) {
		struct reading best;
		int h = i, s, e, guard, end;

		if (!r->info[i].hits) {
			i++;
			continue;
		}
		best.hit.r.score = -1;
		best.fit = 0;
		best.s = best.e = 0;
		for (s = h - (MAX_SPAN - 1); s <= h; s++) {
			if (s < lo)
				continue;
			for (e = h + 1; e <= r->n && e - s <= MAX_SPAN; e++)
				if (e - s >= 2 && has_given(r, s, e, h))
					try_span(nf, r, s, e, &best);
		}
		if (best.hit.r.score >= 0) {
			if ((rc = emit(nf, r, &best, 0, fn, ctx, &end)) != 0)
				return rc;
			i = lo = end;
			continue;
		}
		guard = (h > lo && r->info[h - 1].given) ||
		        (h + 1 < r->n && r->info[h + 1].given);
		end = h + 1;
		if (resolve_surname(nf, r, h, guard, &best)) {
			if ((rc = emit(nf, r, &best, 1, fn, ctx, &end)) != 0)
				return rc;
			lo = end;
		}
		i = end;
	}
	return 0;
}

int namefind_scan(struct namefind *nf, const char *text, size_t len,
                  const char *lang, namefind_fn fn, void *ctx)
{
	struct namefind_word w[NAMEFIND_MAX_RUN];
	struct run *r = xmalloc(sizeof(*r));
	size_t pos = 0;
	int n, rc = 0;

	while ((n = namefind_next_run(text, len, &pos, w)) > 0) {
		r->text = text;
		r->w = w;
		r->n = n;
		r->lang = lang;
		primary(r->ilang, lang);
		memset(r->nrd, 0, sizeof(r->nrd));
		if ((rc = scan_run(nf, r, fn, ctx)) != 0)
			break;
	}
	free(r);
	return rc;
}

/* ---- fixes ---- */

void namefind_fixes_init(struct namefind_fixes *f)
{
	memset(f, 0, sizeof(*f));
}

void namefind_fixes_release(struct namefind_fixes *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].found);
		free(f->v[i].house);
		free(f->v[i].mention);
	}
	free(f->v);
	memset(f, 0, sizeof(*f));
}

struct fixing {
	struct namefind_fixes *f;
	const char *text;
	size_t len;
	size_t pos, line, col; /* where the line count stands */
};

/* Move the line count to byte off. */
static void advance(struct fixing *x, size_t off)
{
	while (x->pos < off) {
		unsigned char c = (unsigned char)x->text[x->pos];

		if (c == '\n' || (c == '\r' && (x->pos + 1 >= x->len ||
		                                x->text[x->pos + 1] != '\n'))) {
			x->line++;
			x->col = 1;
			x->pos++;
			continue;
		}
		if (c == '\r') {
			x->pos++;
			continue;
		}
		norm_next(x->text, x->len, &x->pos);
		x->col++;
	}
}

static int fix_mention(void *ctx, const struct namefind_mention *m)
{
	struct fixing *x = ctx;
	int i;

	for (i = 0; i < m->nparts; i++) {
		const struct namefind_part *p = &m->parts[i];
		struct namefind_fix *fx;
		size_t n = p->end - p->start;

		if (!p->house || (p->house_len == n &&
		                  !memcmp(p->house, x->text + p->start, n)))
			continue;
		XGROW(x->f->v, x->f->cap, x->f->n + 1);
		fx = &x->f->v[x->f->n++];
		memset(fx, 0, sizeof(*fx));
		advance(x, p->start);
		fx->start = p->start;
		fx->end = p->end;
		fx->line = x->line;
		fx->column = x->col;
		fx->found = xmemdupz(x->text + p->start, n);
		fx->house = xmemdupz(p->house, p->house_len);
		fx->mention = xmemdupz(x->text + m->start, m->end - m->start);
		fx->entity = m->entity;
		fx->score = m->score;
		fx->surname = m->surname;
	}
	return 0;
}

void namefind_fixes(struct namefind *nf, struct namefind_fixes *f,
                    const char *text, size_t len, const char *lang)
{
	struct fixing x = {f, text, len, 0, 1, 1};

	namefind_scan(nf, text, len, lang, fix_mention, &x);
}

void namefind_apply(struct buf *out, const char *text, size_t len,
                    const struct namefind_fixes *f)
{
	size_t i, k = 0;

	for (i = 0; i < f->n; i++) {
		const struct namefind_fix *fx = &f->v[i];

		if (fx->start < k || fx->end > len)
			continue; /* overlapping: cannot happen, but be safe */
		buf_add(out, text + k, fx->start - k);
		buf_adds(out, fx->house);
		k = fx->end;
	}
	buf_add(out, text + k, len - k);
}

/* ---- the matcher's callbacks and variants ---- */

/* A run of one word: the token tok[0..len) in language lang. */
static struct run *one_word(struct namefind *nf, struct namefind_word *w,
                            const char *tok, size_t len, const char *lang)
{
	struct run *r = xcalloc(1, sizeof(*r));

	w->start = 0;
	w->end = len;
	w->sep = 0;
	r->text = tok;
	r->w = w;
	r->n = 1;
	r->lang = lang;
	primary(r->ilang, lang);
	r->info[0] = word_info(nf, tok, len, r->ilang);
	return r;
}

/* The entity the single token is (its surname), or -1; cached. */
static int token_entity(struct namefind *nf, const char *tok, size_t len,
                        const char *lang)
{
	struct namefind_word w;
	struct reading best;
	struct run *r;
	struct slot *s;
	int k = -1;

	buf_reset(&nf->key);
	buf_adds(&nf->key, lang ? lang : "");
	buf_addch(&nf->key, '\x01');
	buf_add(&nf->key, tok, len);
	if ((s = table_find(&nf->tokens, nf->key.data, nf->key.len)) != NULL)
		return s->a - 1;
	r = one_word(nf, &w, tok, len, lang);
	if (r->info[0].hits && resolve_surname(nf, r, 0, 0, &best))
		k = best.hit.entity;
	free(r);
	/* word_info used the scratch key: build it again */
	buf_reset(&nf->key);
	buf_adds(&nf->key, lang ? lang : "");
	buf_addch(&nf->key, '\x01');
	buf_add(&nf->key, tok, len);
	table_put(&nf->tokens, nf->key.data, nf->key.len, k + 1, 0);
	return k;
}

static const char *cb_entity(void *ctx, const char *tok, size_t len,
                             const char *lang)
{
	struct namefind *nf = ctx;
	int k = token_entity(nf, tok, len, lang);

	return k < 0 ? NULL : nf->idstr[k];
}

/* The entity whose id is written in s, or -1. */
static int entity_of(const struct namefind *nf, const char *s)
{
	char *end;
	long long id = strtoll(s, &end, 10);
	int lo = 0, hi = nf->nbyid;

	if (end == s || *end)
		return -1;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (nf->byid[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nf->nbyid && nf->byid[lo].id == id ? nf->byid[lo].index
	                                               : -1;
}

static int cb_house(void *ctx, struct buf *out, const char *entity,
                    const char *lang, const char *written, size_t len)
{
	struct namefind *nf = ctx;
	struct namestore_hit hits[NAMESTORE_MAX_HITS];
	struct namefind_word w;
	struct reading cur;
	struct run *r;
	double best = -1;
	int k = entity_of(nf, entity), c, pick = 0, n, i, rc;

	if (k < 0)
		return -1;
	r = one_word(nf, &w, written, len, lang);
	read_word(r, 0);
	memset(&cur, 0, sizeof(cur));
	cur.e = 1;
	/* the reading of the written word that is this entity's surname */
	for (c = 0; c < r->nrd[0]; c++) {
		cur.choice[0] = c;
		if (parse_span(nf, r, &cur) < 0)
			continue;
		n = namestore_resolve(nf->ns, &cur.p, nf->mask, hits,
		                      NAMESTORE_MAX_HITS);
		for (i = 0; i < n; i++)
			if (hits[i].entity == k && hits[i].r.score > best) {
				best = hits[i].r.score;
				pick = c;
			}
	}
	rc = r->nrd[0]
	         ? house_surname(nf, out, k, lang, r->ilang, &r->rd[0][pick])
	         : -1;
	free(r);
	return rc;
}

void namefind_match_names(struct match_names *out, struct namefind *nf)
{
	out->entity = cb_entity;
	out->house = cb_house;
	out->ctx = nf;
}

/* Append s[0..n) and a NUL to out unless it is there; 1 if appended. */
static int add_unique(struct buf *out, const char *s, size_t n)
{
	const char *p = out->data, *end = out->data + out->len;

	while (p < end) {
		size_t k = strlen(p);

		if (k == n && !memcmp(p, s, n))
			return 0;
		p += k + 1;
	}
	buf_add(out, s, n);
	buf_addch(out, '\0');
	return 1;
}

struct variants {
	int ents[NAMESTORE_MAX_HITS];
	int n;
};

static int variant_mention(void *ctx, const struct namefind_mention *m)
{
	struct variants *v = ctx;
	int i;

	for (i = 0; i < v->n; i++)
		if (v->ents[i] == m->entity)
			return 0;
	if (v->n < NAMESTORE_MAX_HITS)
		v->ents[v->n++] = m->entity;
	return 0;
}

size_t namefind_variants(struct namefind *nf, struct buf *out,
                         const char *phrase, size_t n, const char *lang)
{
	struct namefind_word w[NAMEFIND_MAX_RUN];
	struct variants v;
	size_t pos = 0, count = 0;
	int words = 0, i, j, nr = 0;

	v.n = 0;
	(void)nr;
	/* the words, whatever their case */
	while (pos < n) {
		size_t at = pos, end;
		int32_t cp = norm_next(phrase, n, &pos);
		int letters, uppers, lowers;

		if (!norm_is_letter(cp))
			continue;
		end = word_end(phrase, n, at, &letters, &uppers, &lowers);
		if (words < NAMEFIND_MAX_RUN) {
			w[words].start = at;
			w[words].end = end;
		}
		words++;
		pos = end;
	}
	if (words == 1) {
		/* one word: every entity whose surname it may be */
		struct namestore_hit hits[NAMESTORE_MAX_HITS];
		struct namefind_word one;
		struct reading cur;
		struct run *r;
		double best = -1;
		int c, k;

		r = one_word(nf, &one, phrase + w[0].start,
		             w[0].end - w[0].start, lang);
		read_word(r, 0);
		memset(&cur, 0, sizeof(cur));
		cur.e = 1;
		/* the reading that fits best, with every entity it fits */
		for (c = 0; c < r->nrd[0]; c++) {
			cur.choice[0] = c;
			if (parse_span(nf, r, &cur) < 0)
				continue;
			k = namestore_resolve(nf->ns, &cur.p, nf->mask, hits,
			                      NAMESTORE_MAX_HITS);
			if (!k || hits[0].r.score <= best)
				continue;
			best = hits[0].r.score;
			v.n = 0;
			for (i = 0; i < k; i++)
				if (hits[i].r.score >=
				    best - namefind_margin(best))
					v.ents[v.n++] = hits[i].entity;
		}
		free(r);
	} else if (words > 1) {
		/* a name: as written, and in any form its words stand in */
		struct namestore_hit hits[NAMESTORE_MAX_HITS];
		struct names_name p;
		int k;

		if (names_parse(nf->nm, &p, phrase, n, NULL) == 0) {
			k = namestore_resolve(nf->ns, &p, nf->mask, hits,
			                      NAMESTORE_MAX_HITS);
			for (i = 0; i < k && v.n < NAMESTORE_MAX_HITS; i++) {
				for (j = 0; j < v.n; j++)
					if (v.ents[j] == hits[i].entity)
						break;
				if (j == v.n)
					v.ents[v.n++] = hits[i].entity;
			}
		}
		namefind_scan(nf, phrase, n, lang, variant_mention, &v);
	}
	for (i = 0; i < v.n; i++) {
		const int *al;
		int na = namestore_entity_aliases(nf->ns, v.ents[i], &al);

		for (j = 0; j < na; j++) {
			struct namestore_alias a;
			const struct names_name *p;
			int t;

			namestore_alias(nf->ns, al[j], &a);
			if (a.status == STORE_NAME_REJECTED)
				continue;
			if (words != 1) {
				count += (size_t)add_unique(out, a.spelling,
				                            strlen(a.spelling));
				continue;
			}
			p = namestore_parsed(nf->ns, al[j]);
			t = p ? names_surname(p) : -1;
			if (t >= 0)
				count += (size_t)add_unique(
				    out, a.spelling + p->tok[t].start,
				    p->tok[t].end - p->tok[t].start);
		}
	}
	return count;
}
