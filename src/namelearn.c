/*
 * namelearn: persons found in stored texts (see namelearn.h).  Mentions
 * are kept as occurrences (text id, full name or surname, language,
 * spelling) and aggregated when the learner runs; the clusters of full
 * names live in a namestore of their own, so that a name meets only the
 * clusters that share a lookup key with it.
 */
#include "namelearn.h"

#include <stdlib.h>
#include <string.h>

#include "inflect.h"
#include "namefind.h"
#include "norm.h"
#include "xalloc.h"
#include "banned.h"

#define MAX_READINGS 8

/* One mention in one text. */
struct occ {
	int64_t seg;
	int full;         /* a full name; else a surname alone */
	size_t off;       /* the spelling: bytes in the learner's strings */
	const char *text; /* the same, set when the learner runs */
	char lang[LANG_TAG_MAX];
	size_t item; /* set by the run: its distinct spelling */
};

/* A distinct spelling (a full name, or a word that may be a surname). */
struct item {
	const char *text; /* borrowed from the learner's strings */
	char lang[LANG_TAG_MAX];
	char script[5];
	int full;
	long long count;
	int cluster; /* -1: none */
	char *base;  /* surname alone: the reading that matched (owned) */
};

struct unit {
	int64_t src, tgt;
};

struct namelearn {
	struct names *nm;
	struct occ *occ;
	size_t nocc, occcap;
	struct buf strings;
	struct unit *units;
	size_t nunits, unitcap;
};

struct namelearn *namelearn_new(void)
{
	struct namelearn *nl = xcalloc(1, sizeof(*nl));

	nl->nm = names_new();
	buf_init(&nl->strings);
	return nl;
}

void namelearn_free(struct namelearn *nl)
{
	if (!nl)
		return;
	names_free(nl->nm);
	free(nl->occ);
	free(nl->units);
	buf_release(&nl->strings);
	free(nl);
}

static void add_occ(struct namelearn *nl, int64_t seg, int full,
                    const char *lang, const char *s, size_t n)
{
	struct occ *o;
	size_t k = strlen(lang);

	XGROW(nl->occ, nl->occcap, nl->nocc + 1);
	o = &nl->occ[nl->nocc++];
	memset(o, 0, sizeof(*o));
	o->seg = seg;
	o->full = full;
	o->off = nl->strings.len;
	buf_add(&nl->strings, s, n);
	buf_addch(&nl->strings, '\0');
	if (k >= sizeof(o->lang))
		k = sizeof(o->lang) - 1;
	memcpy(o->lang, lang, k);
	o->lang[k] = '\0';
}

/* Is base a given name as it is written? */
static int is_given(const struct names *nm, const char *base)
{
	struct names_name p;

	return names_parse(nm, &p, base, strlen(base), NULL) == 0 &&
	       p.ntok == 1 && p.tok[0].role != NAMES_INITIAL &&
	       p.tok[0].nsets && p.tok[0].exact;
}

/* The words of one run with their readings. */
struct lrun {
	struct namefind_word w[NAMEFIND_MAX_RUN];
	struct inflect_reading rd[NAMEFIND_MAX_RUN][MAX_READINGS];
	int nrd[NAMEFIND_MAX_RUN];
	int given[NAMEFIND_MAX_RUN]; /* bit c: reading c is a given name */
	int initial[NAMEFIND_MAX_RUN];
};

/*
 * The reading of word i in slot s (a given name's: mask holds its given
 * readings, and the ending must be a given name's in s), else its first
 * given reading, else its first reading.
 */
static int in_slot(const struct lrun *r, int i, int slot, int mask)
{
	int c;

	for (c = 0; c < r->nrd[i]; c++)
		if (!mask
		        ? inflect_in_slot(&r->rd[i][c], (enum inflect_slot)slot)
		        : (mask & (1 << c)) &&
		              ((r->rd[i][c].given_slots >> slot) & 1u))
			return c;
	if (mask) {
		for (c = 0; c < r->nrd[i]; c++)
			if (mask & (1 << c))
				return c;
	}
	return 0;
}

/* Does word i have a reading in slot s? */
static int has_slot(const struct lrun *r, int i, int slot)
{
	int c;

	for (c = 0; c < r->nrd[i]; c++)
		if (inflect_in_slot(&r->rd[i][c], (enum inflect_slot)slot))
			return 1;
	return 0;
}

/* Append words [s, e) to b, each in the reading of choice[]. */
static void join(struct buf *b, const struct lrun *r, int s, int e,
                 const int *choice)
{
	int i;

	buf_reset(b);
	for (i = s; i < e; i++) {
		if (i > s)
			buf_addch(b, r->w[i].sep == '-' ? '-' : ' ');
		buf_adds(b, r->rd[i][choice[i]].base);
	}
}

void namelearn_text(struct namelearn *nl, int64_t id, const char *lang,
                    const char *text, size_t len)
{
	struct lrun *r = xmalloc(sizeof(*r));
	char ilang[LANG_TAG_MAX] = "";
	struct buf b;
	size_t pos = 0;
	int n;

	if (lang && *lang && strcmp(lang, "und") != 0)
		lang_primary(ilang, lang);
	buf_init(&b);
	while ((n = namefind_next_run(text, len, &pos, r->w)) > 0) {
		int i, j, c;

		for (i = 0; i < n; i++) {
			const char *w = text + r->w[i].start;
			size_t wn = r->w[i].end - r->w[i].start;

			r->nrd[i] =
			    (int)namefind_readings(r->rd[i], MAX_READINGS, w,
			                           wn, *ilang ? ilang : NULL);
			r->given[i] = 0;
			r->initial[i] = norm_count(w, wn) == 1;
			/* a possessive ends a name: not a given name's */
			for (c = 0; c < r->nrd[i] && !r->initial[i]; c++)
				if (!r->rd[i][c].suffix[0] &&
				    is_given(nl->nm, r->rd[i][c].base))
					r->given[i] |= 1 << c;
		}
		i = 0;
		while (i < n) {
			int choice[NAMEFIND_MAX_RUN], slot = INFL_BASE, end, k;

			if (!r->given[i]) {
				if (!r->initial[i])
					add_occ(nl, id, 0, lang ? lang : "und",
					        text + r->w[i].start,
					        r->w[i].end - r->w[i].start);
				i++;
				continue;
			}
			j = i;
			while (j + 1 < n &&
			       (r->given[j + 1] || r->initial[j + 1]))
				j++;
			if (j + 1 >= n) { /* given names without a surname */
				i = j + 1;
				continue;
			}
			/* the case of the name: a case of the given name that
			 * the surname can stand in too, else as written */
			for (c = 0; c < r->nrd[i] && slot == INFL_BASE; c++) {
				int sl;

				if (!(r->given[i] & (1 << c)))
					continue;
				for (sl = INFL_GEN; sl < INFL_NSLOTS; sl++)
					if (((r->rd[i][c].given_slots >> sl) &
					     1u) &&
					    has_slot(r, j + 1, sl)) {
						slot = sl;
						break;
					}
			}
			end = j + 2;
			for (k = i; k < n && k < j + 3; k++)
				choice[k] = in_slot(r, k, slot,
				                    k <= j ? r->given[k] : 0);
			if (j + 2 < n) {
				/* Given Patronymic Surname */
				struct names_name p;

				join(&b, r, i, j + 3, choice);
				if (names_parse(nl->nm, &p, b.data, b.len,
				                NULL) == 0 &&
				    p.ntok == j + 3 - i &&
				    p.tok[j + 1 - i].role == NAMES_PATRONYMIC)
					end = j + 3;
			}
			join(&b, r, i, end, choice);
			add_occ(nl, id, 1, lang ? lang : "und", b.data, b.len);
			i = end;
		}
	}
	buf_release(&b);
	free(r);
}

void namelearn_unit(struct namelearn *nl, int64_t src, int64_t tgt)
{
	XGROW(nl->units, nl->unitcap, nl->nunits + 1);
	nl->units[nl->nunits].src = src;
	nl->units[nl->nunits++].tgt = tgt;
}

void namelearn_result_release(struct namelearn_result *res)
{
	size_t i, j;

	for (i = 0; i < res->n; i++) {
		for (j = 0; j < res->v[i].n; j++)
			free(res->v[i].v[j].spelling);
		free(res->v[i].v);
	}
	free(res->v);
	memset(res, 0, sizeof(*res));
}

/* ---- the run ---- */

struct run {
	struct namelearn *nl;
	struct item *items;
	size_t nitems;
	struct namestore *cl; /* clusters of full names */
	int *parent;          /* union-find over clusters */
	int *next, *tail;     /* the clusters of each root, as a list */
	long long *links;
	int nclusters;
};

static int cmp_occ(const void *pa, const void *pb)
{
	const struct occ *a = pa, *b = pb;
	int c;

	if (a->full != b->full)
		return b->full - a->full;
	if ((c = strcmp(a->lang, b->lang)) != 0)
		return c;
	return strcmp(a->text, b->text);
}

static int cmp_occ_seg(const void *pa, const void *pb)
{
	const struct occ *a = pa, *b = pb;

	return a->seg < b->seg ? -1 : a->seg > b->seg;
}

static void script_of(char out[5], const char *s)
{
	size_t i = 0, n = strlen(s);

	while (i < n) {
		int32_t cp = norm_next(s, n, &i);

		if (!norm_is_letter(cp))
			continue;
		switch (norm_script(cp)) {
		case SCRIPT_LATIN:
			memcpy(out, "Latn", 5);
			return;
		case SCRIPT_CYRILLIC:
			memcpy(out, "Cyrl", 5);
			return;
		case SCRIPT_GREEK:
			memcpy(out, "Grek", 5);
			return;
		default:
			break;
		}
	}
	memcpy(out, "Zyyy", 5);
}

/* Aggregate the occurrences into distinct spellings. */
static void aggregate(struct run *r)
{
	struct namelearn *nl = r->nl;
	size_t i, cap = 0;

	for (i = 0; i < nl->nocc; i++)
		nl->occ[i].text = nl->strings.data + nl->occ[i].off;
	if (nl->nocc > 1)
		qsort(nl->occ, nl->nocc, sizeof(*nl->occ), cmp_occ);
	for (i = 0; i < nl->nocc; i++) {
		struct occ *o = &nl->occ[i];
		struct item *it;

		if (i && !cmp_occ(&nl->occ[i - 1], o)) {
			o->item = r->nitems - 1;
			r->items[o->item].count++;
			continue;
		}
		XGROW(r->items, cap, r->nitems + 1);
		it = &r->items[r->nitems];
		memset(it, 0, sizeof(*it));
		it->text = o->text;
		memcpy(it->lang, o->lang, sizeof(it->lang));
		it->full = o->full;
		it->count = 1;
		it->cluster = -1;
		script_of(it->script, it->text);
		o->item = r->nitems++;
	}
}

static int cmp_item_count(const void *pa, const void *pb)
{
	const struct item *const *a = pa, *const *b = pb;

	if ((*a)->count != (*b)->count)
		return (*a)->count < (*b)->count ? 1 : -1;
	return strcmp((*a)->text, (*b)->text);
}

/* Items of one kind, most frequent first (caller frees). */
static struct item **by_count(struct run *r, int full, size_t *n)
{
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	struct item **v = xcalloc(r->nitems + 1, sizeof(*v));
	size_t i;

	*n = 0;
	for (i = 0; i < r->nitems; i++)
		if (r->items[i].full == full)
			v[(*n)++] = &r->items[i];
	if (*n > 1)
		/* NOLINTNEXTLINE(bugprone-sizeof-expression): as above */
		qsort(v, *n, sizeof(*v), cmp_item_count);
	return v;
}

/*
 * Is the parsed name p a relative or namesake of a spelling of entity k
 * in ns (given names or gender differ)?
 */
static int conflicts(struct namestore *ns, const struct names *nm,
                     const struct names_name *p, int k, double *best)
{
	const int *al;
	int n = namestore_entity_aliases(ns, k, &al), i;

	for (i = 0; i < n; i++) {
		const struct names_name *q = namestore_parsed(ns, al[i]);
		struct names_result res;

		if (!q)
			continue;
		names_match(nm, p, q, NAMES_THRESHOLD, &res);
		if (!res.same &&
		    (res.why == NAMES_WHY_GIVEN ||
		     res.why == NAMES_WHY_GENDER) &&
		    !res.surname)
			return 1;
		if (best && res.score > *best)
			*best = res.score;
	}
	return 0;
}

static void cluster_fulls(struct run *r)
{
	struct namestore_hit hits[NAMESTORE_MAX_HITS];
	size_t n, i;
	struct item **v = by_count(r, 1, &n);

	for (i = 0; i < n; i++) {
		struct names_name p;
		int nh, h, k = -1;

		if (names_parse(r->nl->nm, &p, v[i]->text, strlen(v[i]->text),
		                NULL) < 0)
			continue;
		nh = namestore_resolve(r->cl, &p, NAMESTORE_ANY, hits,
		                       NAMESTORE_MAX_HITS);
		for (h = 0; h < nh && k < 0; h++)
			if (!conflicts(r->cl, r->nl->nm, &p, hits[h].entity,
			               NULL))
				k = hits[h].entity;
		if (k < 0)
			k = namestore_add_entity(r->cl, r->nclusters++, "",
			                         STORE_NAME_PROPOSED);
		namestore_add_alias(r->cl, k, 0, v[i]->lang, v[i]->text, 0,
		                    STORE_NAME_PROPOSED, v[i]->count, NULL);
		v[i]->cluster = k;
	}
	free(v);
}

/* Surnames alone join the one cluster they fit. */
static void attach_singles(struct run *r)
{
	struct namestore_hit hits[NAMESTORE_MAX_HITS];
	struct inflect_reading rd[MAX_READINGS];
	size_t n, i;
	struct item **v = by_count(r, 0, &n);

	for (i = 0; i < n; i++) {
		char ilang[LANG_TAG_MAX] = "";
		double best = -1;
		int nr, c, k = -1, pick = -1, ambiguous = 0;

		if (strcmp(v[i]->lang, "und") != 0)
			lang_primary(ilang, v[i]->lang);
		nr = (int)namefind_readings(rd, MAX_READINGS, v[i]->text,
		                            strlen(v[i]->text),
		                            *ilang ? ilang : NULL);
		for (c = 0; c < nr; c++) {
			struct names_name p;
			int nh;

			if (names_parse(r->nl->nm, &p, rd[c].base,
			                strlen(rd[c].base), NULL) < 0 ||
			    p.ntok != 1 || p.tok[0].role == NAMES_INITIAL)
				continue;
			nh = namestore_resolve(r->cl, &p, NAMESTORE_ANY, hits,
			                       NAMESTORE_MAX_HITS);
			if (!nh || hits[0].r.score <= best ||
			    hits[0].r.score < NAMEFIND_SURNAME_MIN)
				continue;
			best = hits[0].r.score;
			k = hits[0].entity;
			pick = c;
			ambiguous =
			    nh > 1 && hits[1].r.score >=
			                  hits[0].r.score -
			                      namefind_margin(hits[0].r.score);
		}
		if (k < 0 || ambiguous)
			continue;
		v[i]->cluster = k;
		v[i]->base = xstrdup(rd[pick].base);
	}
	free(v);
}

static int find(int *parent, int k)
{
	while (parent[k] != k) {
		parent[k] = parent[parent[k]];
		k = parent[k];
	}
	return k;
}

/* May the sets of clusters a and b (roots) be one person? */
static int compatible(struct run *r, int a, int b)
{
	double best = 0;
	int k, j;

	for (k = a; k >= 0; k = r->next[k]) {
		const int *al;
		int n = namestore_entity_aliases(r->cl, k, &al), i;

		for (i = 0; i < n; i++) {
			const struct names_name *p =
			    namestore_parsed(r->cl, al[i]);

			if (!p)
				continue;
			for (j = b; j >= 0; j = r->next[j])
				if (conflicts(r->cl, r->nl->nm, p, j, &best))
					return 0;
		}
	}
	return best >= NAMELEARN_LINK_MIN;
}

/* Make b (a root) part of a (a root). */
static void join_sets(struct run *r, int a, int b)
{
	r->parent[b] = a;
	r->links[a] += r->links[b];
	r->next[r->tail[a]] = b;
	r->tail[a] = r->tail[b];
}

/* The clusters named in text seg (from occurrences sorted by text). */
static size_t seg_clusters(const struct run *r, int64_t seg, int *out,
                           char (*script)[5], size_t max)
{
	const struct namelearn *nl = r->nl;
	size_t lo = 0, hi = nl->nocc, n = 0, i;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (nl->occ[mid].seg < seg)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < nl->nocc && nl->occ[i].seg == seg && n < max; i++) {
		const struct item *it = &r->items[nl->occ[i].item];

		if (it->cluster < 0)
			continue;
		out[n] = it->cluster;
		memcpy(script[n], it->script, 5);
		n++;
	}
	return n;
}

static void link_units(struct run *r)
{
	struct namelearn *nl = r->nl;
	int xs[64], ys[64];
	char sx[64][5], sy[64][5];
	size_t u, i, j, nx, ny;

	if (nl->nocc > 1)
		qsort(nl->occ, nl->nocc, sizeof(*nl->occ), cmp_occ_seg);
	for (u = 0; u < nl->nunits; u++) {
		int linked[64], nlinked = 0, k;

		nx = seg_clusters(r, nl->units[u].src, xs, sx, 64);
		ny = seg_clusters(r, nl->units[u].tgt, ys, sy, 64);
		for (i = 0; i < nx; i++)
			for (j = 0; j < ny; j++) {
				int a, b, seen = 0;

				if (!strcmp(sx[i], sy[j]) ||
				    !strcmp(sx[i], "Zyyy") ||
				    !strcmp(sy[j], "Zyyy"))
					continue;
				a = find(r->parent, xs[i]);
				b = find(r->parent, ys[j]);
				if (a != b) {
					if (!compatible(r, a, b))
						continue;
					join_sets(r, a, b);
				}
				for (k = 0; k < nlinked; k++)
					if (find(r->parent, linked[k]) == a)
						seen = 1;
				if (!seen && nlinked < 64) {
					linked[nlinked++] = a;
					r->links[a]++;
				}
			}
	}
}

static int cmp_spelling(const void *pa, const void *pb)
{
	const struct namelearn_spelling *a = pa, *b = pb;
	int c;

	if (a->full != b->full)
		return b->full - a->full;
	if ((c = strcmp(a->lang, b->lang)) != 0)
		return c;
	if (a->count != b->count)
		return a->count < b->count ? 1 : -1;
	return strcmp(a->spelling, b->spelling);
}

static int cmp_person(const void *pa, const void *pb)
{
	const struct namelearn_person *a = pa, *b = pb;

	if (a->mentions != b->mentions)
		return a->mentions < b->mentions ? 1 : -1;
	return strcmp(a->label, b->label);
}

static void add_spelling(struct namelearn_person *p, const char *s,
                         const char *lang, const char *script, long long count,
                         int full)
{
	struct namelearn_spelling *sp;
	size_t i, k = strlen(lang);

	for (i = 0; i < p->n; i++)
		if (p->v[i].full == full && !strcmp(p->v[i].spelling, s) &&
		    !strcmp(p->v[i].lang, lang)) {
			p->v[i].count += count;
			p->mentions += count;
			return;
		}
	XGROW(p->v, p->cap, p->n + 1);
	sp = &p->v[p->n++];
	memset(sp, 0, sizeof(*sp));
	sp->spelling = xstrdup(s);
	if (k >= sizeof(sp->lang))
		k = sizeof(sp->lang) - 1;
	memcpy(sp->lang, lang, k);
	sp->lang[k] = '\0';
	memcpy(sp->script, script, 5);
	sp->count = count;
	sp->full = full;
	p->mentions += count;
}

/* House forms and label of a person whose spellings are sorted. */
static void settle(struct namelearn_person *p)
{
	size_t i;
	long long best_en = 0, best_latn = 0, best = 0;

	p->label = NULL;
	for (i = 0; i < p->n; i++) {
		struct namelearn_spelling *s = &p->v[i];
		char prim[LANG_TAG_MAX];

		if (!s->full)
			continue;
		/* sorted by language, most frequent first */
		s->house = !i || !p->v[i - 1].full ||
		           strcmp(p->v[i - 1].lang, s->lang) != 0;
		lang_primary(prim, s->lang);
		if (!strcmp(prim, "en") && s->count > best_en) {
			best_en = s->count;
			p->label = s->spelling;
		}
		if (!best_en && !strcmp(s->script, "Latn") &&
		    s->count > best_latn) {
			best_latn = s->count;
			p->label = s->spelling;
		}
		if (!best_en && !best_latn && s->count > best) {
			best = s->count;
			p->label = s->spelling;
		}
	}
	if (!p->label)
		p->label = p->n ? p->v[0].spelling : "";
}

void namelearn_run(struct namelearn *nl, struct namelearn_result *res,
                   long long min_mentions)
{
	struct run r;
	size_t i, start = res->n;
	int k;

	memset(&r, 0, sizeof(r));
	r.nl = nl;
	r.cl = namestore_new();
	aggregate(&r);
	cluster_fulls(&r);
	attach_singles(&r);
	r.parent = xcalloc((size_t)r.nclusters + 1, sizeof(*r.parent));
	r.links = xcalloc((size_t)r.nclusters + 1, sizeof(*r.links));
	r.next = xcalloc((size_t)r.nclusters + 1, sizeof(*r.next));
	r.tail = xcalloc((size_t)r.nclusters + 1, sizeof(*r.tail));
	for (k = 0; k < r.nclusters; k++) {
		r.parent[k] = k;
		r.next[k] = -1;
		r.tail[k] = k;
	}
	link_units(&r);
	for (k = 0; k < r.nclusters; k++) {
		struct namelearn_person p;

		if (find(r.parent, k) != k)
			continue;
		memset(&p, 0, sizeof(p));
		p.links = r.links[k];
		for (i = 0; i < r.nitems; i++) {
			const struct item *it = &r.items[i];

			if (it->cluster < 0 || find(r.parent, it->cluster) != k)
				continue;
			add_spelling(&p, it->full ? it->text : it->base,
			             it->lang, it->script, it->count, it->full);
		}
		if (!p.n || p.mentions < min_mentions) {
			for (i = 0; i < p.n; i++)
				free(p.v[i].spelling);
			free(p.v);
			continue;
		}
		qsort(p.v, p.n, sizeof(*p.v), cmp_spelling);
		settle(&p);
		XGROW(res->v, res->cap, res->n + 1);
		res->v[res->n++] = p;
	}
	if (res->n - start > 1)
		qsort(res->v + start, res->n - start, sizeof(*res->v),
		      cmp_person);
	for (i = 0; i < r.nitems; i++)
		free(r.items[i].base);
	free(r.items);
	free(r.parent);
	free(r.links);
	free(r.next);
	free(r.tail);
	namestore_free(r.cl);
	/* occurrences stay with the learner, in text order */
}

int namelearn_known(struct namestore *known, const struct namelearn_person *p)
{
	struct namestore_hit hits[NAMESTORE_MAX_HITS];
	const struct names *nm = namestore_names(known);
	long long *votes;
	int n = namestore_entity_count(known), best = -1, k;
	size_t i;

	if (!n)
		return -1;
	votes = xcalloc((size_t)n, sizeof(*votes));
	for (i = 0; i < p->n; i++) {
		struct names_name q;
		int nh, h;

		if (!p->v[i].full ||
		    names_parse(nm, &q, p->v[i].spelling,
		                strlen(p->v[i].spelling), NULL) < 0)
			continue;
		nh = namestore_resolve(known, &q, NAMESTORE_ANY, hits,
		                       NAMESTORE_MAX_HITS);
		for (h = 0; h < nh; h++)
			if (!conflicts(known, nm, &q, hits[h].entity, NULL)) {
				votes[hits[h].entity] += p->v[i].count;
				break;
			}
	}
	for (k = 0; k < n; k++)
		if (votes[k] && (best < 0 || votes[k] > votes[best]))
			best = k;
	free(votes);
	return best;
}
