/*
 * namestore: the persons of the memory in memory (see namestore.h).
 * Spellings are parsed when first compared; the key index is a sorted
 * array of (key, spelling), searched by bisection.
 */
#include "namestore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "xalloc.h"
#include "banned.h"

struct ns_alias {
	int64_t id;
	int entity;
	char *spelling;
	char lang[LANG_TAG_MAX];
	unsigned char house, status, source;
	signed char words; /* -1: not parsed yet */
	unsigned char bad; /* did not parse */
	long long count;
	struct names_name *parsed;
	unsigned stamp; /* last resolve that met it */
};

struct ns_entity {
	int64_t id;
	char *label;
	unsigned char status;
	int *aliases;
	int naliases;
	size_t cap;
};

struct ns_key {
	char key[TRANSLIT_FORM_MAX + 1];
	int alias;
};

struct namestore {
	struct names *nm;
	struct ns_entity *ent;
	int nent;
	size_t entcap;
	struct ns_alias *al;
	int nal;
	size_t alcap;
	struct ns_key *keys;
	size_t nkeys, keycap;
	size_t nsorted; /* keys[0..nsorted) are sorted; the rest pending */
	unsigned stamp;
};

struct namestore *namestore_new(void)
{
	struct namestore *ns = xcalloc(1, sizeof(*ns));

	ns->nm = names_new();
	return ns;
}

void namestore_free(struct namestore *ns)
{
	int i;

	if (!ns)
		return;
	for (i = 0; i < ns->nent; i++) {
		free(ns->ent[i].label);
		free(ns->ent[i].aliases);
	}
	for (i = 0; i < ns->nal; i++) {
		free(ns->al[i].spelling);
		free(ns->al[i].parsed);
	}
	free(ns->ent);
	free(ns->al);
	free(ns->keys);
	names_free(ns->nm);
	free(ns);
}

const struct names *namestore_names(const struct namestore *ns)
{
	return ns->nm;
}

int namestore_add_entity(struct namestore *ns, int64_t id, const char *label,
                         enum store_name_status status)
{
	struct ns_entity *en;

	XGROW(ns->ent, ns->entcap, ns->nent + 1);
	en = &ns->ent[ns->nent];
	memset(en, 0, sizeof(*en));
	en->id = id;
	en->label = xstrdup(label ? label : "");
	en->status = (unsigned char)status;
	return ns->nent++;
}

/* Add a spelling without parsing it (the memory's are known good). */
static int add_alias(struct namestore *ns, int k, int64_t id, const char *lang,
                     const char *spelling, int house,
                     enum store_name_status status, long long count)
{
	struct ns_entity *en = &ns->ent[k];
	struct ns_alias *a;
	int i;

	XGROW(ns->al, ns->alcap, ns->nal + 1);
	a = &ns->al[ns->nal];
	memset(a, 0, sizeof(*a));
	a->id = id;
	a->entity = k;
	a->spelling = xstrdup(spelling);
	snprintf(a->lang, sizeof(a->lang), "%s", lang && *lang ? lang : "und");
	a->status = (unsigned char)status;
	a->count = count;
	a->words = -1;
	if (house) {
		/* one house form per language: the last one given wins */
		for (i = 0; i < en->naliases; i++) {
			struct ns_alias *o = &ns->al[en->aliases[i]];

			if (o->house && !strcmp(o->lang, a->lang))
				o->house = 0;
		}
		a->house = 1;
	}
	XGROW(en->aliases, en->cap, en->naliases + 1);
	en->aliases[en->naliases++] = ns->nal;
	return ns->nal++;
}

static void add_key(struct namestore *ns, const char *key, int alias)
{
	struct ns_key *k;
	size_t n = strlen(key);

	if (n >= sizeof(k->key))
		n = sizeof(k->key) - 1;
	XGROW(ns->keys, ns->keycap, ns->nkeys + 1);
	k = &ns->keys[ns->nkeys++];
	memcpy(k->key, key, n);
	k->key[n] = '\0';
	k->alias = alias;
}

/* Parse alias a if not done yet; NULL if it does not parse. */
static const struct names_name *parsed(struct namestore *ns, int a)
{
	struct ns_alias *al = &ns->al[a];
	struct err e;
	int i;

	if (al->parsed || al->bad)
		return al->parsed;
	al->parsed = xmalloc(sizeof(*al->parsed));
	err_clear(&e);
	if (names_parse(ns->nm, al->parsed, al->spelling, strlen(al->spelling),
	                &e) < 0) {
		free(al->parsed);
		al->parsed = NULL;
		al->bad = 1;
		al->words = 0;
		return NULL;
	}
	al->words = 0;
	for (i = 0; i < al->parsed->ntok; i++)
		if (al->parsed->tok[i].role != NAMES_INITIAL)
			al->words++;
	return al->parsed;
}

const struct names_name *namestore_parsed(struct namestore *ns, int a)
{
	return parsed(ns, a);
}

/* Index alias a under the keys of its parsed form. */
static void key_alias(struct namestore *ns, int a)
{
	char keys[NAMES_MAX_KEYS][TRANSLIT_FORM_MAX + 1];
	const struct names_name *p = parsed(ns, a);
	int n, i;

	if (!p)
		return;
	n = names_keys(keys, p);
	for (i = 0; i < n; i++)
		add_key(ns, keys[i], a);
}

int namestore_add_alias(struct namestore *ns, int k, int64_t id,
                        const char *lang, const char *spelling, int house,
                        enum store_name_status status, long long count,
                        struct err *e)
{
	struct names_name tmp;
	int rc, a;

	rc = names_parse(ns->nm, &tmp, spelling, strlen(spelling), e);
	if (rc < 0)
		return rc;
	a = add_alias(ns, k, id, lang, spelling, house, status, count);
	key_alias(ns, a);
	return a;
}

/* ---- the key version ---- */

/* Spellings whose keys stand for the matcher's forms (any change of the
 * transliteration that matters changes some of them). */
static const char *const probe_names[] = {
    "Sviatlana Tsikhanouskaya",
    "Светлана Тихановская",
    "Ціханоўская",
    "Tichanowskaja",
    "Cichanouska",
    "Лукашэнка",
    "Lukaschenko",
    "Jurij Gagarin",
    "Хрущёв",
    "Shcherbakova",
    "Щербаков",
    "Željko Ražnatović",
    "Їжакевич",
    "Гончаренко",
    "Jean-Claude Juncker",
    "Ng",
    "Schewtschenko",
    "Zhukovsky",
    "Дзмітрый Ждановіч",
    "Sturgeonová",
};

const char *namestore_key_version(void)
{
	static char version[32];
	struct names *nm;
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	if (version[0])
		return version;
	nm = names_new();
	for (i = 0; i < sizeof(probe_names) / sizeof(probe_names[0]); i++) {
		char keys[NAMES_MAX_KEYS][TRANSLIT_FORM_MAX + 1];
		struct names_name p;
		int n, k;
		const char *c;

		if (names_parse(nm, &p, probe_names[i], strlen(probe_names[i]),
		                NULL) < 0)
			continue;
		n = names_keys(keys, &p);
		for (k = 0; k < n; k++)
			for (c = keys[k]; *c || c == keys[k]; c++) {
				h ^= (unsigned char)*c;
				h *= 1099511628211ULL;
				if (!*c)
					break;
			}
	}
	names_free(nm);
	snprintf(version, sizeof(version), "1-%016llx", (unsigned long long)h);
	return version;
}

int namestore_spelling_keys(const struct namestore *ns,
                            char out[NAMES_MAX_KEYS][TRANSLIT_FORM_MAX + 1],
                            const char *spelling, struct err *e)
{
	struct names_name p;
	int rc = names_parse(ns->nm, &p, spelling, strlen(spelling), e);

	if (rc < 0)
		return rc;
	return names_keys(out, &p);
}

/* ---- loading ---- */

struct idmap {
	int64_t id;
	int index;
};

static int cmp_idmap(const void *pa, const void *pb)
{
	const struct idmap *a = pa, *b = pb;

	return a->id < b->id ? -1 : a->id > b->id;
}

static int idmap_find(const struct idmap *m, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && m[lo].id == id ? m[lo].index : -1;
}

struct load {
	struct namestore *ns;
	unsigned mask;
	struct idmap *ents, *als;
	size_t nents, entcap, nals, alcap;
	int stale; /* the stored keys are of another version */
};

static int load_entity(void *ctx, const struct store_name_entity *en)
{
	struct load *l = ctx;
	int k;

	if (!(l->mask & (1u << en->status)))
		return 0;
	k = namestore_add_entity(l->ns, en->id, en->label, en->status);
	XGROW(l->ents, l->entcap, l->nents + 1);
	l->ents[l->nents].id = en->id;
	l->ents[l->nents++].index = k;
	return 0;
}

static int load_alias(void *ctx, const struct store_name_alias *a)
{
	struct load *l = ctx;
	int k = idmap_find(l->ents, l->nents, a->entity), i;

	if (k < 0)
		return 0;
	i = add_alias(l->ns, k, a->id, a->lang, a->spelling, a->house,
	              a->status, a->count);
	l->ns->al[i].source = (unsigned char)a->source;
	if (l->stale)
		key_alias(l->ns, i);
	XGROW(l->als, l->alcap, l->nals + 1);
	l->als[l->nals].id = a->id;
	l->als[l->nals++].index = i;
	return 0;
}

static int load_key(void *ctx, const char *key, int64_t alias)
{
	struct load *l = ctx;
	int a = idmap_find(l->als, l->nals, alias);

	if (a >= 0 && key)
		add_key(l->ns, key, a);
	return 0;
}

int namestore_load(struct namestore *ns, struct store *st, unsigned mask,
                   struct err *e)
{
	struct load l;
	struct buf v;
	int rc;

	if (store_version(st) < 3)
		return 0;
	memset(&l, 0, sizeof(l));
	l.ns = ns;
	l.mask = mask;
	buf_init(&v);
	rc = store_name_meta(st, "key_version", &v, e);
	if (rc >= 0)
		l.stale = !rc || strcmp(v.data, namestore_key_version()) != 0;
	buf_release(&v);
	if (rc >= 0)
		rc = store_each_name_entity(st, 0, load_entity, &l, e);
	/* entity ids come in order: the map is sorted */
	if (rc >= 0)
		rc = store_each_name_alias(st, 0, load_alias, &l, e);
	if (rc >= 0 && !l.stale) {
		if (l.nals > 1)
			qsort(l.als, l.nals, sizeof(*l.als), cmp_idmap);
		rc = store_each_name_key(st, NULL, load_key, &l, e);
	}
	free(l.ents);
	free(l.als);
	return rc < 0 ? rc : 0;
}

struct rekey {
	int64_t *ids;
	char **spellings;
	size_t n, cap, cap2;
};

static int collect_alias(void *ctx, const struct store_name_alias *a)
{
	struct rekey *r = ctx;

	XGROW(r->ids, r->cap, r->n + 1);
	XGROW(r->spellings, r->cap2, r->n + 1);
	r->ids[r->n] = a->id;
	r->spellings[r->n++] = xstrdup(a->spelling);
	return 0;
}

int namestore_sync_keys(const struct namestore *ns, struct store *st,
                        struct err *e)
{
	struct rekey r;
	struct buf v;
	size_t i;
	int rc;

	buf_init(&v);
	rc = store_name_meta(st, "key_version", &v, e);
	if (rc > 0 && !strcmp(v.data, namestore_key_version()))
		rc = 0;
	else if (rc >= 0)
		rc = 1;
	buf_release(&v);
	if (rc <= 0)
		return rc;
	memset(&r, 0, sizeof(r));
	rc = store_each_name_alias(st, 0, collect_alias, &r, e);
	for (i = 0; rc >= 0 && i < r.n; i++) {
		char keys[NAMES_MAX_KEYS][TRANSLIT_FORM_MAX + 1];
		const char *kp[NAMES_MAX_KEYS];
		int n = namestore_spelling_keys(ns, keys, r.spellings[i], NULL);
		int k;

		if (n < 0)
			n = 0;
		for (k = 0; k < n; k++)
			kp[k] = keys[k];
		rc = store_name_keys_set(st, r.ids[i], kp, n, e);
	}
	for (i = 0; i < r.n; i++)
		free(r.spellings[i]);
	free(r.spellings);
	free(r.ids);
	if (rc >= 0)
		rc = store_name_meta_set(st, "key_version",
		                         namestore_key_version(), e);
	return rc < 0 ? rc : 1;
}

/* ---- fields ---- */

int namestore_entity_count(const struct namestore *ns)
{
	return ns->nent;
}

int64_t namestore_entity_id(const struct namestore *ns, int k)
{
	return ns->ent[k].id;
}

const char *namestore_entity_label(const struct namestore *ns, int k)
{
	return ns->ent[k].label;
}

enum store_name_status namestore_entity_status(const struct namestore *ns,
                                               int k)
{
	return (enum store_name_status)ns->ent[k].status;
}

int namestore_entity_find(const struct namestore *ns, int64_t id)
{
	int i;

	for (i = 0; i < ns->nent; i++)
		if (ns->ent[i].id == id)
			return i;
	return -1;
}

int namestore_entity_aliases(const struct namestore *ns, int k,
                             const int **first)
{
	*first = ns->ent[k].aliases;
	return ns->ent[k].naliases;
}

void namestore_alias(struct namestore *ns, int a, struct namestore_alias *out)
{
	const struct ns_alias *al = &ns->al[a];

	if (al->words < 0)
		parsed(ns, a);
	out->id = al->id;
	out->entity = al->entity;
	out->spelling = al->spelling;
	out->lang = al->lang;
	out->house = al->house;
	out->status = (enum store_name_status)al->status;
	out->source = (enum store_name_source)al->source;
	out->count = al->count;
	out->words = (int)al->words;
}

int namestore_house(const struct namestore *ns, int k, const char *lang)
{
	const struct ns_entity *en = &ns->ent[k];
	char want[LANG_TAG_MAX], have[LANG_TAG_MAX];
	int i;

	if (!lang)
		return -1;
	for (i = 0; i < en->naliases; i++) {
		const struct ns_alias *a = &ns->al[en->aliases[i]];

		if (a->house && !strcmp(a->lang, lang))
			return en->aliases[i];
	}
	lang_primary(want, lang);
	for (i = 0; i < en->naliases; i++) {
		const struct ns_alias *a = &ns->al[en->aliases[i]];

		if (!a->house)
			continue;
		lang_primary(have, a->lang);
		if (!strcmp(have, want))
			return en->aliases[i];
	}
	return -1;
}

/* ---- lookup ---- */

static int cmp_key(const void *pa, const void *pb)
{
	const struct ns_key *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	return c ? c : a->alias - b->alias;
}

/* Pending keys looked at one by one before they are merged in. */
#define KEYS_PENDING 256

/*
 * Merge the pending keys into the sorted ones once there are enough of
 * them: adding a spelling between lookups (learn) then costs a sort of
 * the few new keys and a linear merge, not a sort of them all.
 */
static void sort_keys(struct namestore *ns)
{
	size_t pend = ns->nkeys - ns->nsorted, i, j, k;
	struct ns_key *merged;

	if (pend < KEYS_PENDING)
		return;
	qsort(ns->keys + ns->nsorted, pend, sizeof(*ns->keys), cmp_key);
	if (ns->nsorted) {
		merged = xreallocarray(NULL, ns->nkeys, sizeof(*merged));
		for (i = 0, j = ns->nsorted, k = 0; k < ns->nkeys; k++)
			if (j == ns->nkeys ||
			    (i < ns->nsorted &&
			     cmp_key(&ns->keys[i], &ns->keys[j]) <= 0))
				merged[k] = ns->keys[i++];
			else
				merged[k] = ns->keys[j++];
		memcpy(ns->keys, merged, ns->nkeys * sizeof(*merged));
		free(merged);
	}
	ns->nsorted = ns->nkeys;
}

/* The first sorted key entry not below key. */
static size_t key_lower(const struct namestore *ns, const char *key)
{
	size_t lo = 0, hi = ns->nsorted;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(ns->keys[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The next key entry equal to key at or after *i (start with *i =
 * NO_KEY): its index, or NO_KEY when there is none left.  Sorted entries
 * first, then the pending ones.
 */
#define NO_KEY ((size_t)-1)
static size_t key_next(const struct namestore *ns, const char *key, size_t *i)
{
	if (*i == NO_KEY)
		*i = key_lower(ns, key);
	else
		(*i)++;
	if (*i < ns->nsorted) {
		if (!strcmp(ns->keys[*i].key, key))
			return *i;
		*i = ns->nsorted;
	}
	for (; *i < ns->nkeys; (*i)++)
		if (!strcmp(ns->keys[*i].key, key))
			return *i;
	return NO_KEY;
}

int namestore_has_key(struct namestore *ns, const char *key)
{
	size_t i = NO_KEY;

	sort_keys(ns);
	return key_next(ns, key, &i) != NO_KEY;
}

/* Per entity met by a mention: its best spelling, and the best rejected. */
struct met {
	int entity;
	struct namestore_hit best;
	double rejected; /* best score of a rejected spelling, -1 none */
};

static int cmp_hit(const void *pa, const void *pb)
{
	const struct namestore_hit *a = pa, *b = pb;

	if (a->r.score != b->r.score)
		return a->r.score < b->r.score ? 1 : -1;
	return a->entity - b->entity;
}

int namestore_resolve(struct namestore *ns, const struct names_name *mention,
                      unsigned mask, struct namestore_hit *hits, int max)
{
	char keys[NAMES_MAX_KEYS][TRANSLIT_FORM_MAX + 1];
	struct met *met = NULL;
	size_t nmet = 0, metcap = 0, i;
	int nk, k, words = 0, n = 0;

	for (k = 0; k < mention->ntok; k++)
		if (mention->tok[k].role != NAMES_INITIAL)
			words++;
	nk = names_keys(keys, mention);
	if (!words || !nk)
		return 0;
	sort_keys(ns);
	if (++ns->stamp == 0) { /* wrapped: forget every stamp */
		for (k = 0; k < ns->nal; k++)
			ns->al[k].stamp = 0;
		ns->stamp = 1;
	}
	for (k = 0; k < nk; k++) {
		size_t at = NO_KEY;

		while ((i = key_next(ns, keys[k], &at)) != NO_KEY) {
			int a = ns->keys[i].alias;
			struct ns_alias *al = &ns->al[a];
			const struct names_name *p;
			struct names_result r;
			size_t m;

			if (al->stamp == ns->stamp)
				continue;
			al->stamp = ns->stamp;
			if (!(mask & (1u << ns->ent[al->entity].status)))
				continue;
			if (!(p = parsed(ns, a)))
				continue;
			if (words >= 2 && al->words < 2)
				continue;
			names_match(ns->nm, mention, p, NAMES_THRESHOLD, &r);
			if (!r.same)
				continue;
			for (m = 0; m < nmet; m++)
				if (met[m].entity == al->entity)
					break;
			if (m == nmet) {
				XGROW(met, metcap, nmet + 1);
				met[m].entity = al->entity;
				met[m].best.entity = al->entity;
				met[m].best.alias = -1;
				met[m].best.r.score = -1;
				met[m].rejected = -1;
				nmet++;
			}
			if (al->status == STORE_NAME_REJECTED) {
				if (r.score > met[m].rejected)
					met[m].rejected = r.score;
			} else if (r.score > met[m].best.r.score) {
				met[m].best.alias = a;
				met[m].best.r = r;
			}
		}
	}
	for (i = 0; i < nmet; i++) {
		if (met[i].best.alias < 0 ||
		    met[i].rejected >= met[i].best.r.score)
			continue;
		met[n++].best = met[i].best; /* n <= i: compacts */
	}
	if (n > 1) {
		struct namestore_hit *tmp = xcalloc((size_t)n, sizeof(*tmp));

		for (k = 0; k < n; k++)
			tmp[k] = met[k].best;
		qsort(tmp, (size_t)n, sizeof(*tmp), cmp_hit);
		for (k = 0; k < n && k < max; k++)
			hits[k] = tmp[k];
		free(tmp);
	} else if (n == 1 && max > 0) {
		hits[0] = met[0].best;
	}
	free(met);
	return n < max ? n : max;
}
