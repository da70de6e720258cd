/*
 * match_bench: queries per second of the match index against a brute-force
 * scan of the same memory, on generated news-like sentence pairs, and a
 * check that both return the same matches.  Built by `make
 * build/std/match-bench`, run by tests/bench/bench-match.sh.
 *
 *   match-bench [--units N] [--queries Q] [--runs R] [--mode M]
 *               [--brute-sample K] [--seed S]
 *
 * Modes: "both" (default) builds the index, scans every query by brute
 * force at min-score 50 (the matches at 75 are those scoring 75 or
 * more), checks the index's answers at 50 and 75 against them and times
 * the index R times (the median is printed); "index" the same with brute
 * force on the first K queries only (default 20); "brute" only the brute
 * force on K queries (for its memory); "minimal" the second baseline
 * below; "load" times opening a stored index; "show" prints a few units
 * and queries.  Prints "key value"
 * lines.  "tsv" and "queries" print the units (source TAB target) and
 * the queries (one a line) instead, for tests/bench/bench-suggest.sh.
 *
 * The memory does not hold the texts: unit i is generated again from its
 * number whenever the matcher asks for it (as a store would read it), so
 * that the memory figures are the index's.
 *
 * Generated text: English-like sentences of 5-60 tokens (about 22), words
 * drawn from a Zipf distribution over a vocabulary whose first ranks are
 * real English news words and the rest made-up words, with numbers
 * (counts, years, "1,300", decimals), capitalised names, commas and
 * quotes.  One unit in ten is an edited copy of an earlier one (news
 * repeats itself).  Targets are German-looking (numbers in German style).
 * Queries: 20% copies of a stored source, 30% near-duplicates (1-4 edits:
 * a number, a word, an insertion, a deletion, case, punctuation), 50% new.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "buf.h"
#include "err.h"
#include "match.h"
#include "tok.h"
#include "xalloc.h"

static const char *const top_words[] = {
    "the",        "of",        "to",        "and",        "a",
    "in",         "said",      "on",        "that",       "for",
    "was",        "is",        "with",      "he",         "it",
    "as",         "at",        "by",        "from",       "his",
    "have",       "has",       "be",        "are",        "were",
    "an",         "not",       "they",      "who",        "but",
    "had",        "this",      "will",      "after",      "would",
    "been",       "their",     "which",     "year",       "we",
    "more",       "one",       "two",       "its",        "also",
    "government", "police",    "people",    "president",  "minister",
    "officials",  "country",   "state",     "last",       "new",
    "first",      "told",      "week",      "could",      "over",
    "about",      "than",      "up",        "into",       "out",
    "other",      "there",     "some",      "when",       "since",
    "military",   "forces",    "election",  "opposition", "security",
    "talks",      "news",      "agency",    "statement",  "according",
    "prime",      "foreign",   "percent",   "million",    "billion",
    "years",      "party",     "leader",    "former",     "court",
    "group",      "rights",    "prisoners", "border",     "war",
    "attack",     "city",      "capital",   "region",     "international",
    "union",      "European",  "sanctions", "economic",   "market",
    "prices",     "bank",      "oil",       "gas",        "energy",
    "company",    "spokesman", "reporters", "meeting",    "visit",
    "deal",       "support",   "plan",      "law",        "power",
    "report",     "killed",    "released",  "arrested",   "held",
    "called",     "added",     "asked",     "under",      "against",
    "between",    "during",    "before",    "while",      "where",
    "because",    "including", "Thursday",  "Friday",     "Monday",
    "Tuesday",    "Wednesday", "Saturday",  "Sunday",     "ministry",
    "troops",     "exercises", "drills",    "protests",   "crackdown",
    "journalist", "colony",    "embassy",   "delegation", "lawyer",
    "pardoned",   "freed",     "exile",     "charges",    "unrest",
};
#define NTOP  (sizeof(top_words) / sizeof(top_words[0]))
#define VOCAB 200000
#define NAMES 5000

static double *word_cdf, *name_cdf;
static uint64_t seed = 7;

/* splitmix64: a reproducible stream per (seed, what, i). */
struct rng {
	uint64_t s;
};

static uint64_t next(struct rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static unsigned below(struct rng *r, unsigned n)
{
	return (unsigned)(next(r) % n);
}

static double unit01(struct rng *r)
{
	return (double)(next(r) >> 11) / 9007199254740992.0;
}

static struct rng stream(uint64_t what, uint64_t i)
{
	struct rng r;

	r.s = seed * 0x100000001B3ULL ^ what * 0xD6E8FEB86659FD93ULL ^ i;
	next(&r);
	return r;
}

static double *zipf_cdf(size_t n, double s)
{
	double *c = xcalloc(n, sizeof(*c)), sum = 0;
	size_t k;

	for (k = 0; k < n; k++) {
		sum += 1.0 / pow((double)(k + 1), s);
		c[k] = sum;
	}
	for (k = 0; k < n; k++)
		c[k] /= sum;
	return c;
}

static size_t zipf_draw(const double *cdf, size_t n, struct rng *r)
{
	double u = unit01(r);
	size_t lo = 0, hi = n - 1;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cdf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A made-up word for a rank: syllables chosen by the rank. */
static void made_up(struct buf *b, uint64_t rank, int cap)
{
	static const char *const on[] = {
	    "b", "d", "k",  "l",  "m",  "n",  "p",  "r",  "s",  "t",
	    "v", "z", "st", "tr", "ch", "sh", "gr", "pl", "kr", "dr"};
	static const char *const nu[] = {"a",  "e",  "i",  "o", "u",
	                                 "ia", "ou", "ai", "y", "ei"};
	struct rng r = stream(11, rank);
	unsigned syl = 2 + below(&r, 3), k;
	size_t at = b->len;

	for (k = 0; k < syl; k++) {
		buf_adds(b, on[below(&r, 20)]);
		buf_adds(b, nu[below(&r, 10)]);
	}
	if (below(&r, 3) == 0)
		buf_adds(b, on[below(&r, 12)]);
	if (cap)
		b->data[at] = (char)(b->data[at] - 32);
}

static void add_word(struct buf *b, size_t rank)
{
	if (rank < NTOP)
		buf_adds(b, top_words[rank]);
	else
		made_up(b, rank, 0);
}

/* A number, written in English (de = 0) or German style. */
static void add_number(struct buf *b, struct rng *r, int de)
{
	unsigned k = below(r, 100);

	if (k < 55) {
		buf_addf(b, "%u", 1 + below(r, 99));
	} else if (k < 75) {
		buf_addf(b, "%u", 1990 + below(r, 36));
	} else if (k < 93) {
		buf_addf(b, "%u%c%03u", 1 + below(r, 99), de ? '.' : ',',
		         below(r, 1000));
	} else {
		buf_addf(b, "%u%c%u", below(r, 20), de ? ',' : '.',
		         1 + below(r, 9));
	}
}

/* One token of a sentence: ' ' between tokens is the caller's. */
static void add_token(struct buf *src, struct buf *tgt, struct rng *r,
                      int first)
{
	unsigned k = below(r, 1000);

	if (k < 60) {
		struct rng nr = *r;

		add_number(src, r, 0);
		add_number(tgt, &nr, 1);
		return;
	}
	if (k < 100) {
		size_t n = zipf_draw(name_cdf, NAMES, r);

		made_up(src, 1000000 + n, 1);
		made_up(tgt, 1000000 + n, 1);
		return;
	}
	{
		size_t w = zipf_draw(word_cdf, VOCAB, r);
		size_t at = src->len;

		add_word(src, w);
		if (first && src->data[at] >= 'a' && src->data[at] <= 'z')
			src->data[at] = (char)(src->data[at] - 32);
		/* the "translation": another made-up word per rank */
		made_up(tgt, 2000000 + w, first);
	}
}

static void punct(struct buf *src, struct buf *tgt, struct rng *r)
{
	if (below(r, 100) < 9) {
		buf_addch(src, ',');
		buf_addch(tgt, ',');
	}
}

static void sentence(struct buf *src, struct buf *tgt, struct rng *r)
{
	unsigned len = 5 + below(r, 12) + below(r, 12) + below(r, 12), k;
	int quote = below(r, 10) == 0;

	buf_reset(src);
	buf_reset(tgt);
	if (quote) {
		buf_adds(src, "\xe2\x80\x9c");
		buf_adds(tgt, "\xe2\x80\x9e");
	}
	for (k = 0; k < len; k++) {
		if (k) {
			buf_addch(src, ' ');
			buf_addch(tgt, ' ');
		}
		add_token(src, tgt, r, k == 0);
		if (k + 1 < len)
			punct(src, tgt, r);
	}
	buf_adds(src, quote ? ".\xe2\x80\x9d" : ".");
	buf_adds(tgt, quote ? ".\xe2\x80\x9c" : ".");
}

/*
 * Apply edits to a sentence (space-separated tokens): replace a word,
 * insert one, delete one, change a number, change case, drop a comma.
 */
static void edit(struct buf *out, const char *s, struct rng *r, unsigned edits)
{
	size_t start[256], len[256];
	unsigned n = 0, i, k;
	unsigned op[256];
	const char *p = s;
	struct buf tmp;

	buf_init(&tmp);
	while (*p && n < 256) {
		const char *q = strchr(p, ' ');
		size_t l = q ? (size_t)(q - p) : strlen(p);

		start[n] = (size_t)(p - s);
		len[n++] = l;
		p += l + (q != NULL);
	}
	memset(op, 0, sizeof(op));
	for (k = 0; k < edits && n; k++)
		op[below(r, n)] = 1 + below(r, 6);
	buf_reset(out);
	for (i = 0; i < n; i++) {
		const char *w = s + start[i];
		size_t l = len[i];

		if (op[i] == 3 && n > 3)
			continue; /* deleted */
		if (out->len)
			buf_addch(out, ' ');
		switch (op[i]) {
		case 1: /* another word */
			buf_reset(&tmp);
			add_word(&tmp, zipf_draw(word_cdf, VOCAB, r));
			buf_add(out, tmp.data, tmp.len);
			break;
		case 2: /* an inserted word */
			buf_add(out, w, l);
			buf_addch(out, ' ');
			add_word(out, zipf_draw(word_cdf, VOCAB, r));
			break;
		case 4: /* a number */
			if (w[0] >= '0' && w[0] <= '9') {
				add_number(out, r, 0);
				while (l &&
				       (w[l - 1] == ',' || w[l - 1] == '.'))
					l--;
				buf_add(out, w + l, len[i] - l);
			} else {
				buf_add(out, w, l);
			}
			break;
		case 5: /* case */
			buf_add(out, w, l);
			if (w[0] >= 'a' && w[0] <= 'z')
				out->data[out->len - l] = (char)(w[0] - 32);
			else if (w[0] >= 'A' && w[0] <= 'Z')
				out->data[out->len - l] = (char)(w[0] + 32);
			break;
		case 6: /* punctuation */
			if (l > 1 && w[l - 1] == ',')
				buf_add(out, w, l - 1);
			else {
				buf_add(out, w, l);
				buf_addch(out, ',');
			}
			break;
		default:
			buf_add(out, w, l);
		}
	}
	buf_release(&tmp);
}

/* Unit i of the memory (0-based): its texts into src and tgt. */
static void make_unit(struct buf *src, struct buf *tgt, uint64_t i)
{
	struct rng r = stream(1, i);

	if (i > 100 && below(&r, 10) == 0) {
		/* an edited copy of an earlier unit (never itself a copy) */
		uint64_t j = i - 1 - below(&r, (unsigned)(i < 5000 ? i : 5000));
		struct buf s2;

		for (;;) {
			struct rng rj = stream(1, j);

			if (j <= 100 || below(&rj, 10) != 0)
				break;
			j--;
		}
		make_unit(src, tgt, j);
		buf_init(&s2);
		edit(&s2, src->data, &r, 1 + below(&r, 3));
		buf_reset(src);
		buf_add(src, s2.data, s2.len);
		buf_release(&s2);
		return;
	}
	sentence(src, tgt, &r);
}

static void make_query(struct buf *q, uint64_t k, uint64_t nunits)
{
	struct rng r = stream(2, k);
	unsigned kind = below(&r, 10);
	struct buf tgt, src;

	buf_init(&tgt);
	buf_init(&src);
	if (kind < 5) {
		sentence(q, &tgt, &r);
	} else {
		make_unit(&src, &tgt, next(&r) % nunits);
		if (kind < 7)
			edit(q, src.data, &r, 0);
		else
			edit(q, src.data, &r, 1 + below(&r, 4));
	}
	buf_release(&tgt);
	buf_release(&src);
}

/* The store: texts generated again on demand. */
struct store {
	struct buf src, tgt;
	long fetches;
};

static int fetch(void *ctx, struct match_unit *u, int64_t id, struct err *e)
{
	struct store *st = ctx;

	(void)e;
	st->fetches++;
	make_unit(&st->src, &st->tgt, (uint64_t)id - 1);
	u->id = id;
	u->src = st->src.data;
	u->src_len = st->src.len;
	u->tgt = st->tgt.data;
	u->tgt_len = st->tgt.len;
	u->src_lang = "en";
	u->tgt_lang = "de";
	u->doc = (id - 1) / 20 + 1;
	u->pos = (int)((id - 1) % 20);
	u->flags = (id % 7) ? MATCH_CONFIRMED : MATCH_ALIGNED;
	u->alternatives = (id % 31) == 0;
	return 0;
}

/*
 * The second baseline: a minimal exact inverted index with a prefix
 * filter, as the issue describes it.  Every token of every unit is
 * posted; a query takes its n - ceil(s n / 100) + 1 rarest tokens, scans
 * their whole posting lists with a length filter, and verifies each new
 * candidate with the dynamic-programming edit distance match_token_distance
 * (the real index uses a bit-parallel one where it can).  It shares the
 * dictionary of the real index, so its token ids are the same.
 */
struct minimal {
	size_t nunits;
	uint32_t *start, *post; /* postings per token id */
	uint32_t *df;
	size_t ntok;
	const uint32_t **toks;
	uint16_t *len;
	uint32_t *seen, stamp;
	unsigned *row;
};

static void minimal_build(struct minimal *mi, struct match_index *idx,
                          size_t nunits)
{
	size_t u, k, total = 0;
	uint32_t *cursor, *last;
	int pass;

	memset(mi, 0, sizeof(*mi));
	mi->nunits = nunits;
	mi->ntok = match_index_token_count(idx);
	mi->toks = xcalloc(nunits, sizeof(*mi->toks));
	mi->len = xcalloc(nunits, sizeof(*mi->len));
	mi->start = xcalloc(mi->ntok + 2, sizeof(*mi->start));
	mi->df = xcalloc(mi->ntok + 1, sizeof(*mi->df));
	last = xcalloc(mi->ntok + 1, sizeof(*last));
	cursor = xcalloc(mi->ntok + 1, sizeof(*cursor));
	for (u = 0; u < nunits; u++) {
		size_t n;

		match_index_unit_tokens(idx, (int64_t)u + 1, &mi->toks[u], &n);
		mi->len[u] = (uint16_t)n;
	}
	/* count, then fill; a unit once per token however often it has it */
	for (pass = 0; pass < 2; pass++) {
		memset(last, 0, (mi->ntok + 1) * sizeof(*last));
		for (u = 0; u < nunits; u++)
			for (k = 0; k < mi->len[u]; k++) {
				uint32_t t = mi->toks[u][k];

				if (last[t] == u + 1)
					continue;
				last[t] = (uint32_t)u + 1;
				if (pass)
					mi->post[cursor[t]++] = (uint32_t)u;
				else
					mi->df[t]++;
			}
		if (pass)
			break;
		for (k = 0; k < mi->ntok; k++) {
			mi->start[k + 1] = mi->start[k] + mi->df[k];
			total += mi->df[k];
		}
		memcpy(cursor, mi->start, mi->ntok * sizeof(*cursor));
		mi->post = xcalloc(total + 1, sizeof(*mi->post));
	}
	free(cursor);
	free(last);
	mi->seen = xcalloc(nunits + 1, sizeof(*mi->seen));
	mi->row = xcalloc(MATCH_MAX_TOKENS + 2, sizeof(*mi->row));
}

static void minimal_free(struct minimal *mi)
{
	free(mi->start);
	free(mi->post);
	free(mi->df);
	free(mi->toks);
	free(mi->len);
	free(mi->seen);
	free(mi->row);
}

static struct minimal *sort_mi;

static int cmp_rare(const void *pa, const void *pb)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	uint32_t da = a < sort_mi->ntok ? sort_mi->df[a] : 0;
	uint32_t db = b < sort_mi->ntok ? sort_mi->df[b] : 0;

	if (da != db)
		return da < db ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* Matches of q at min-score s by the minimal index; returns their count. */
static size_t minimal_query(struct minimal *mi, struct match_index *idx,
                            struct store *st, const char *text, size_t len,
                            int s, size_t *cand)
{
	struct tok_list tl;
	uint32_t ids[MATCH_MAX_TOKENS], sorted[MATCH_MAX_TOKENS];
	size_t n = 0, i, p, found = 0, mlo, mhi;
	struct err e;

	tok_list_init(&tl);
	tok_split(&tl, text, len, "en");
	for (i = 0; i < tl.n; i++)
		if (tok_scored(&tl.v[i]))
			match_index_intern(idx, &ids[n++],
			                   tok_key(&tl, &tl.v[i]),
			                   tl.v[i].key_len);
	tok_list_release(&tl);
	memcpy(sorted, ids, n * sizeof(*ids));
	sort_mi = mi;
	qsort(sorted, n, sizeof(*sorted), cmp_rare);
	p = n - (n * (size_t)s + 99) / 100 + 1;
	mlo = (n * (size_t)s + 99) / 100;
	mhi = 100 * n / (size_t)s;
	mi->stamp++;
	for (i = 0; i < p && i < n; i++) {
		uint32_t t = sorted[i], a, b;

		if (t >= mi->ntok || (i && sorted[i - 1] == t))
			continue;
		for (a = mi->start[t], b = mi->start[t + 1]; a < b; a++) {
			uint32_t u = mi->post[a];
			size_t m = mi->len[u], L = m > n ? m : n;
			unsigned kmax, ed;

			if (mi->seen[u] == mi->stamp)
				continue;
			mi->seen[u] = mi->stamp;
			if (m < mlo || m > mhi)
				continue;
			(*cand)++;
			kmax = (unsigned)(L - (L * (size_t)s + 99) / 100);
			ed = match_token_distance(ids, n, mi->toks[u], m, kmax,
			                          mi->row);
			if (ed <= kmax) {
				struct match_unit mu;
				struct match_result r;

				memset(&mu, 0, sizeof(mu));
				fetch(st, &mu, (int64_t)u + 1, &e);
				if (match_score(&r, text, len, "en", &mu, NULL,
				                NULL, NULL, &e) == 0 &&
				    r.score >= s)
					found++;
				match_result_release(&r);
			}
		}
	}
	return found;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The matches of one query, as (id, score) pairs. */
struct answer {
	int64_t *id;
	int *score;
	size_t n;
};

static void keep(struct answer *a, const struct match_set *s, int min)
{
	size_t i;

	a->id = xcalloc(s->n + 1, sizeof(*a->id));
	a->score = xcalloc(s->n + 1, sizeof(*a->score));
	a->n = 0;
	for (i = 0; i < s->n; i++)
		if (s->v[i].score >= min) {
			a->id[a->n] = s->v[i].id;
			a->score[a->n++] = s->v[i].score;
		}
}

static int same(const struct answer *a, const struct match_set *s)
{
	size_t i;

	if (a->n != s->n)
		return 0;
	for (i = 0; i < s->n; i++)
		if (a->id[i] != s->v[i].id || a->score[i] != s->v[i].score)
			return 0;
	return 1;
}

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return a < b ? -1 : a > b;
}

static void die(const struct err *e)
{
	fprintf(stderr, "match-bench: %s\n", e->msg);
	exit(1);
}

/*
 * What opening a stored index costs: the dictionary and one blob of token
 * ids per unit (what the store would keep, here in memory) are read back
 * into a new index, which then builds its postings.  No texts are
 * tokenised.  Frees idx.
 */
static void load(struct match_index *idx, size_t nunits, struct store *st)
{
	struct buf blobs;
	size_t *off = xcalloc(nunits + 1, sizeof(*off)), u, n, id, ntok;
	struct match_index *y;
	struct err e;
	double t0, t1, t2;

	buf_init(&blobs);
	for (u = 0; u < nunits; u++) {
		const uint32_t *toks;

		off[u] = blobs.len;
		match_index_unit_tokens(idx, (int64_t)u + 1, &toks, &n);
		match_tokens_encode(&blobs, toks, n);
	}
	off[nunits] = blobs.len;
	ntok = match_index_token_count(idx);
	y = match_index_new(NULL, fetch, st);
	t0 = now();
	for (id = 0; id < ntok; id++) {
		const char *key = match_index_token(idx, (uint32_t)id, &n);
		uint32_t got;

		match_index_intern(y, &got, key, n);
	}
	for (u = 0; u < nunits; u++) {
		struct match_unit mu;
		uint32_t *toks;

		if (match_tokens_decode(&toks, &n, blobs.data + off[u],
		                        off[u + 1] - off[u]) < 0)
			exit(1);
		memset(&mu, 0, sizeof(mu));
		mu.id = (int64_t)u + 1;
		mu.src_lang = "en";
		mu.tgt_lang = "de";
		if (match_index_add_tokens(y, &mu, toks, n, &e) < 0)
			die(&e);
		free(toks);
	}
	t1 = now();
	match_index_build(y);
	t2 = now();
	printf("blob_mb %.1f\n", (double)blobs.len / 1048576.0);
	printf("load_s %.2f\n", t1 - t0);
	printf("postings_s %.2f\n", t2 - t1);
	match_index_free(y);
	match_index_free(idx);
	buf_release(&blobs);
	free(off);
}

/* Run the queries at min-score s until at least 0.25 s passed: q/s. */
static double timed(struct match_index *idx, struct buf *queries, size_t nq,
                    int s, struct match_set *set)
{
	double t0 = now(), t;
	size_t done = 0, k;
	struct err e;

	do {
		for (k = 0; k < nq; k++) {
			struct match_query q;

			memset(&q, 0, sizeof(q));
			q.text = queries[k].data;
			q.len = queries[k].len;
			q.min_score = s;
			if (match_index_query(set, idx, &q, &e) < 0)
				die(&e);
		}
		done += nq;
		t = now() - t0;
	} while (t < 0.25);
	return (double)done / t;
}

int main(int argc, char **argv)
{
	size_t nunits = 100000, nq = 1000, runs = 3, sample = 20, i, k;
	const char *mode = "both";
	struct match_index *idx;
	struct store st;
	struct buf src, tgt, *queries;
	struct match_set set;
	struct match_stats ms;
	struct err e;
	struct answer *brute = NULL;
	size_t nbrute = 0;
	double t0, t;
	int a, mins[2] = {50, 75}, m;
	struct rusage ru;

	for (a = 1; a + 1 < argc; a += 2) {
		if (!strcmp(argv[a], "--units"))
			nunits = strtoul(argv[a + 1], NULL, 10);
		else if (!strcmp(argv[a], "--queries"))
			nq = strtoul(argv[a + 1], NULL, 10);
		else if (!strcmp(argv[a], "--runs"))
			runs = strtoul(argv[a + 1], NULL, 10);
		else if (!strcmp(argv[a], "--brute-sample"))
			sample = strtoul(argv[a + 1], NULL, 10);
		else if (!strcmp(argv[a], "--mode"))
			mode = argv[a + 1];
		else if (!strcmp(argv[a], "--seed"))
			seed = strtoull(argv[a + 1], NULL, 10);
		else {
			fprintf(stderr, "match-bench: unknown option %s\n",
			        argv[a]);
			return 2;
		}
	}
	if (!runs || !nunits || !nq || a != argc ||
	    (strcmp(mode, "both") && strcmp(mode, "index") &&
	     strcmp(mode, "brute") && strcmp(mode, "minimal") &&
	     strcmp(mode, "load") && strcmp(mode, "show") &&
	     strcmp(mode, "tsv") && strcmp(mode, "queries"))) {
		fprintf(stderr,
		        "usage: match-bench [--units N] [--queries Q] "
		        "[--runs R] [--brute-sample K] [--seed S] "
		        "[--mode both|index|brute|minimal|load|show|tsv|"
		        "queries]\n");
		return 2;
	}
	word_cdf = zipf_cdf(VOCAB, 1.05);
	name_cdf = zipf_cdf(NAMES, 1.0);
	memset(&st, 0, sizeof(st));
	buf_init(&st.src);
	buf_init(&st.tgt);
	buf_init(&src);
	buf_init(&tgt);
	match_set_init(&set);
	err_clear(&e);

	if (!strcmp(mode, "tsv")) {
		/* the memory as `newstm import` reads it: source TAB target */
		for (i = 0; i < nunits; i++) {
			make_unit(&src, &tgt, i);
			printf("%s\t%s\n", src.data, tgt.data);
		}
		return fflush(stdout) || ferror(stdout) ? 1 : 0;
	}
	if (!strcmp(mode, "queries")) {
		/* the queries, one a line (`newstm suggest --presegmented`) */
		for (k = 0; k < nq; k++) {
			make_query(&src, k, nunits);
			printf("%s\n", src.data);
		}
		return fflush(stdout) || ferror(stdout) ? 1 : 0;
	}
	if (!strcmp(mode, "show")) {
		/* a look at the data: units, then queries */
		for (i = 0; i < 8; i++) {
			make_unit(&src, &tgt, nunits - 1 - i);
			printf("unit  %s\n      %s\n", src.data, tgt.data);
		}
		for (k = 0; k < 8; k++) {
			make_query(&src, k, nunits);
			printf("query %s\n", src.data);
		}
		return 0;
	}
	/* the memory; postings only where the index is measured */
	idx = match_index_new(NULL, fetch, &st);
	t0 = now();
	for (i = 0; i < nunits; i++) {
		struct match_unit u;

		make_unit(&src, &tgt, i);
		memset(&u, 0, sizeof(u));
		u.id = (int64_t)i + 1;
		u.src = src.data;
		u.src_len = src.len;
		u.src_lang = "en";
		u.tgt_lang = "de";
		if (match_index_add(idx, &u, &e) < 0)
			die(&e);
	}
	if (!strcmp(mode, "both") || !strcmp(mode, "index"))
		match_index_build(idx);
	t = now() - t0;
	match_index_stats(idx, &ms);
	printf("units %zu\n", ms.units);
	printf("build_s %.2f\n", t);
	printf("tokens %zu\n", ms.tokens);
	printf("postings %zu\n", ms.postings);
	printf("index_mb %.1f\n", (double)ms.bytes / 1048576.0);

	if (!strcmp(mode, "load")) {
		load(idx, nunits, &st);
		return 0;
	}
	queries = xcalloc(nq, sizeof(*queries));
	for (k = 0; k < nq; k++) {
		buf_init(&queries[k]);
		make_query(&queries[k], k, nunits);
	}

	/* brute force at 50; the matches at 75 are those scoring 75 up */
	if (strcmp(mode, "minimal"))
		nbrute = !strcmp(mode, "both") ? nq : sample < nq ? sample : nq;
	if (nbrute) {
		brute = xcalloc(nbrute * 2, sizeof(*brute));
		t0 = now();
		for (k = 0; k < nbrute; k++) {
			struct match_query q;

			memset(&q, 0, sizeof(q));
			q.text = queries[k].data;
			q.len = queries[k].len;
			q.min_score = 50;
			if (match_index_brute(&set, idx, &q, &e) < 0)
				die(&e);
			keep(&brute[2 * k], &set, 50);
			keep(&brute[2 * k + 1], &set, 75);
		}
		t = now() - t0;
		printf("brute_queries %zu\n", nbrute);
		printf("brute_qps %.2f\n", (double)nbrute / t);
	}

	if (!strcmp(mode, "both") || !strcmp(mode, "index"))
		for (m = 0; m < 2; m++) {
			double *qps = xcalloc(runs, sizeof(*qps));
			size_t r, diff = 0, found = 0, cand = 0;

			/* the answers, checked against brute force */
			for (k = 0; k < nq; k++) {
				struct match_query q;

				memset(&q, 0, sizeof(q));
				q.text = queries[k].data;
				q.len = queries[k].len;
				q.min_score = mins[m];
				if (match_index_query(&set, idx, &q, &e) < 0)
					die(&e);
				found += set.n;
				cand += set.candidates;
				if (k < nbrute &&
				    !same(&brute[2 * k + m], &set))
					diff++;
			}
			for (r = 0; r < runs; r++)
				qps[r] = timed(idx, queries, nq, mins[m], &set);
			qsort(qps, runs, sizeof(*qps), cmp_double);
			printf("index_qps_%d %.1f\n", mins[m], qps[runs / 2]);
			printf("matches_%d %zu\n", mins[m], found);
			printf("candidates_%d %.1f\n", mins[m],
			       (double)cand / (double)nq);
			printf("checked_%d %zu\n", mins[m], nbrute);
			printf("differ_%d %zu\n", mins[m], diff);
			free(qps);
		}

	if (!strcmp(mode, "minimal")) {
		struct minimal mi;

		minimal_build(&mi, idx, nunits);
		for (m = 0; m < 2; m++) {
			size_t found = 0, cand = 0;

			t0 = now();
			for (k = 0; k < nq; k++)
				found += minimal_query(
				    &mi, idx, &st, queries[k].data,
				    queries[k].len, mins[m], &cand);
			t = now() - t0;
			printf("minimal_qps_%d %.1f\n", mins[m],
			       (double)nq / t);
			printf("minimal_matches_%d %zu\n", mins[m], found);
			printf("minimal_candidates_%d %.1f\n", mins[m],
			       (double)cand / (double)nq);
		}
		minimal_free(&mi);
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("maxrss_kb %ld\n", ru.ru_maxrss);
	for (k = 0; brute && k < 2 * nbrute; k++) {
		free(brute[k].id);
		free(brute[k].score);
	}
	free(brute);
	for (k = 0; k < nq; k++)
		buf_release(&queries[k]);
	free(queries);
	match_set_release(&set);
	match_index_free(idx);
	buf_release(&src);
	buf_release(&tgt);
	buf_release(&st.src);
	buf_release(&st.tgt);
	free(word_cdf);
	free(name_cdf);
	return 0;
}
