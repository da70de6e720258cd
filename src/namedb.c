/*
 * namedb: the names commands' changes to the memory (see namedb.h).
 */
#include "namedb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "norm.h"
#include "xalloc.h"
#include "banned.h"

const char *namedb_script(const char *s)
{
	size_t i = 0, n = strlen(s);

	while (i < n) {
		int32_t cp = norm_next(s, n, &i);

		if (!norm_is_letter(cp))
			continue;
		switch (norm_script(cp)) {
		case SCRIPT_LATIN:
			return "Latn";
		case SCRIPT_CYRILLIC:
			return "Cyrl";
		case SCRIPT_GREEK:
			return "Grek";
		default:
			return "Zyyy";
		}
	}
	return "Zyyy";
}

/* A copy of a stored entity. */
struct entity {
	struct store_name_entity en;
	char label[256];
	int found;
};

static int get_entity_fn(void *ctx, const struct store_name_entity *en)
{
	struct entity *x = ctx;

	x->en = *en;
	snprintf(x->label, sizeof(x->label), "%s", en->label);
	x->en.label = x->label;
	x->found = 1;
	return 1;
}

/* Read entity id into *x: 1 if it exists, 0 if not, or an error. */
static int get_entity(struct store *st, int64_t id, struct entity *x,
                      struct err *e)
{
	int rc;

	memset(x, 0, sizeof(*x));
	if (id <= 0)
		return 0; /* the store reads 0 as "every entity" */
	rc = store_each_name_entity(st, id, get_entity_fn, x, e);
	return rc < 0 ? rc : x->found;
}

/* Open a transaction with current lookup keys. */
static int begin(struct store *st, const struct namestore *ns, struct err *e)
{
	int rc = store_begin(st, e);

	if (rc < 0)
		return rc;
	if ((rc = namestore_sync_keys(ns, st, e)) < 0) {
		store_rollback(st);
		return rc;
	}
	return 0;
}

static int finish(struct store *st, int rc, struct err *e)
{
	if (rc < 0) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st, e);
}

/* Put a spelling with its keys. */
static int put_alias(struct store *st, const struct namestore *ns,
                     struct store_name_alias *a, struct err *e)
{
	char keys[NAMES_MAX_KEYS][TRANSLIT_FORM_MAX + 1];
	const char *kp[NAMES_MAX_KEYS];
	int n = namestore_spelling_keys(ns, keys, a->spelling, e), k;

	if (n < 0) {
		err_prefix(e, "'%s'", a->spelling);
		return ERR_USAGE;
	}
	for (k = 0; k < n; k++)
		kp[k] = keys[k];
	if (!a->script)
		a->script = namedb_script(a->spelling);
	return store_name_alias_put(st, a, kp, n, e);
}

/* A label not used yet: label, else "label (2)", "label (3)" ... */
static int free_label(struct store *st, char out[256], const char *label,
                      struct err *e)
{
	int64_t id;
	int k, rc;

	snprintf(out, 256, "%s", label);
	for (k = 2;; k++) {
		if ((rc = store_name_entity_find(st, out, &id, e)) <= 0)
			return rc;
		snprintf(out, 256, "%.240s (%d)", label, k);
	}
}

static int new_entity(struct store *st, const char *label,
                      enum store_name_status status,
                      enum store_name_source source, long long mentions,
                      long long links, struct entity *x, struct err *e)
{
	int rc;

	memset(x, 0, sizeof(*x));
	if ((rc = free_label(st, x->label, label, e)) < 0)
		return rc;
	x->en.label = x->label;
	x->en.status = status;
	x->en.source = source;
	x->en.mentions = mentions;
	x->en.links = links;
	x->found = 1;
	return store_name_entity_put(st, &x->en, e);
}

/* The number of words of a name (initials not counted), or -1. */
static int words_of(const struct names *nm, const char *s, struct names_name *p)
{
	int t, n = 0;

	if (names_parse(nm, p, s, strlen(s), NULL) < 0)
		return -1;
	for (t = 0; t < p->ntok; t++)
		if (p->tok[t].role != NAMES_INITIAL)
			n++;
	return n;
}

/*
 * The entity that already owns name: a full name as the matcher resolves
 * it, a one-word name by its exact spelling.  *id is 0 when none does; a
 * name that fits several entities is an error (ERR_NOTFOUND: no one
 * entity) listing their IDs, since picking one would give a house form to
 * the wrong person.
 */
static int owner_of(struct store *st, const char *name, int64_t *id,
                    struct err *e)
{
	struct namestore *ns = namestore_new();
	struct namestore_hit hits[NAMESTORE_MAX_HITS];
	int64_t ids[NAMESTORE_MAX_HITS];
	struct names_name p;
	int rc, k, words, n = 0;

	*id = 0;
	rc =
	    namestore_load(ns, st, NAMESTORE_CONFIRMED | NAMESTORE_PROPOSED, e);
	words = words_of(namestore_names(ns), name, &p);
	if (rc >= 0 && words >= 2) {
		n = namestore_resolve(ns, &p, NAMESTORE_ANY, hits,
		                      NAMESTORE_MAX_HITS);
		for (k = 0; k < n; k++)
			ids[k] = namestore_entity_id(ns, hits[k].entity);
	}
	for (k = 0; rc >= 0 && words == 1 && k < namestore_entity_count(ns);
	     k++) {
		const int *al;
		int na = namestore_entity_aliases(ns, k, &al), i;

		for (i = 0; i < na && n < NAMESTORE_MAX_HITS; i++) {
			struct namestore_alias a;

			namestore_alias(ns, al[i], &a);
			if (!strcmp(a.spelling, name) &&
			    a.status != STORE_NAME_REJECTED) {
				ids[n++] = namestore_entity_id(ns, k);
				break;
			}
		}
	}
	namestore_free(ns);
	if (rc < 0)
		return rc;
	if (n == 1)
		*id = ids[0];
	if (n > 1) {
		char list[NAMESTORE_MAX_HITS * 24] = "";
		size_t len = 0;

		for (k = 0; k < n; k++)
			len += (size_t)snprintf(list + len, sizeof(list) - len,
			                        "%s%lld", k ? ", " : "",
			                        (long long)ids[k]);
		return err_set(e, ERR_NOTFOUND,
		               "%s: '%s' names %d entities (%s): give the ID "
		               "with --entity, or --new for another person",
		               store_path(st), name, n, list);
	}
	return 0;
}

int namedb_add(struct store *st, const char *name, const char *lang,
               const char *const *aliases, size_t n, int64_t entity,
               struct namedb_added *out, struct err *e)
{
	struct namestore *ns = namestore_new();
	struct store_name_alias a;
	struct entity x;
	struct names_name p;
	size_t i;
	int rc;

	memset(out, 0, sizeof(*out));
	if (words_of(namestore_names(ns), name, &p) < 1) {
		namestore_free(ns);
		return err_set(e, ERR_USAGE, "'%s' is not a name", name);
	}
	for (i = 0; i < n; i++)
		if (words_of(namestore_names(ns), aliases[i], &p) < 1) {
			namestore_free(ns);
			return err_set(e, ERR_USAGE, "'%s' is not a name",
			               aliases[i]);
		}
	if ((rc = begin(st, ns, e)) < 0) {
		namestore_free(ns);
		return rc;
	}
	if (entity == 0)
		rc = owner_of(st, name, &entity, e);
	if (rc >= 0 && entity > 0) {
		rc = get_entity(st, entity, &x, e);
		if (rc == 0)
			rc = err_set(e, ERR_NOTFOUND, "%s: no entity %lld",
			             store_path(st), (long long)entity);
		if (rc > 0 && x.en.status != STORE_NAME_CONFIRMED) {
			/* a house form given to a proposal accepts it */
			x.en.status = STORE_NAME_CONFIRMED;
			rc = store_name_entity_put(st, &x.en, e);
			if (rc >= 0)
				rc = store_name_alias_restatus(
				    st, x.en.id, STORE_NAME_PROPOSED,
				    STORE_NAME_CONFIRMED, e);
		}
	} else if (rc >= 0) {
		rc = new_entity(st, name, STORE_NAME_CONFIRMED,
		                STORE_NAME_HOUSE, 0, 0, &x, e);
		out->created = 1;
	}
	for (i = 0; rc >= 0 && i <= n; i++) {
		if (i > 0 && !strcmp(aliases[i - 1], name))
			continue; /* the house form itself: stays the house form
			           */
		memset(&a, 0, sizeof(a));
		a.entity = x.en.id;
		a.lang = lang;
		a.spelling = i == 0 ? name : aliases[i - 1];
		a.house = i == 0;
		a.source = STORE_NAME_HOUSE;
		a.status = STORE_NAME_CONFIRMED;
		rc = put_alias(st, ns, &a, e);
	}
	if (rc >= 0) {
		out->entity = x.en.id;
		snprintf(out->label, sizeof(out->label), "%s", x.label);
	}
	namestore_free(ns);
	return finish(st, rc, e);
}

int namedb_import(struct store *st, const struct namesfile *f,
                  struct namedb_counts *c, struct err *e)
{
	struct namestore *ns = namestore_new();
	struct namesfile sorted;
	struct entity x;
	size_t i;
	int rc;

	memset(c, 0, sizeof(*c));
	namesfile_init(&sorted);
	for (i = 0; i < f->n; i++)
		namesfile_add(&sorted, f->v[i].entity, f->v[i].lang,
		              f->v[i].spelling, f->v[i].kind);
	namesfile_sort(&sorted);
	if ((rc = begin(st, ns, e)) < 0)
		goto out;
	memset(&x, 0, sizeof(x));
	for (i = 0; rc >= 0 && i < sorted.n; i++) {
		const struct namesfile_line *l = &sorted.v[i];
		struct store_name_alias a;
		int64_t id;

		if (!i || strcmp(l->entity, sorted.v[i - 1].entity) != 0) {
			rc = store_name_entity_find(st, l->entity, &id, e);
			if (rc == 0) {
				rc = new_entity(
				    st, l->entity, STORE_NAME_CONFIRMED,
				    STORE_NAME_IMPORTED, 0, 0, &x, e);
				c->created++;
			} else if (rc > 0) {
				rc = get_entity(st, id, &x, e);
				if (rc > 0) {
					x.en.status = STORE_NAME_CONFIRMED;
					rc =
					    store_name_entity_put(st, &x.en, e);
				}
				c->updated++;
			}
			if (rc < 0)
				break;
		}
		memset(&a, 0, sizeof(a));
		a.entity = x.en.id;
		a.lang = l->lang;
		a.spelling = l->spelling;
		a.house = l->kind == NAMESFILE_HOUSE;
		a.source = STORE_NAME_IMPORTED;
		a.status = l->kind == NAMESFILE_NOT ? STORE_NAME_REJECTED
		                                    : STORE_NAME_CONFIRMED;
		rc = put_alias(st, ns, &a, e);
		c->spellings++;
	}
	rc = finish(st, rc, e);
out:
	namesfile_release(&sorted);
	namestore_free(ns);
	return rc;
}

struct exporting {
	struct store *st;
	struct namesfile *f;
	int64_t *ids;
	char **labels;
	size_t n, cap, cap2;
};

static int export_entity(void *ctx, const struct store_name_entity *en)
{
	struct exporting *x = ctx;

	if (en->status != STORE_NAME_CONFIRMED)
		return 0;
	XGROW(x->ids, x->cap, x->n + 1);
	XGROW(x->labels, x->cap2, x->n + 1);
	x->ids[x->n] = en->id;
	x->labels[x->n++] = xstrdup(en->label);
	return 0;
}

static int export_alias(void *ctx, const struct store_name_alias *a)
{
	struct exporting *x = ctx;
	size_t lo = 0, hi = x->n;

	while (lo < hi) { /* ids come in order */
		size_t mid = lo + (hi - lo) / 2;

		if (x->ids[mid] < a->entity)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == x->n || x->ids[lo] != a->entity)
		return 0;
	if (a->status == STORE_NAME_REJECTED)
		namesfile_add(x->f, x->labels[lo], a->lang, a->spelling,
		              NAMESFILE_NOT);
	else if (a->status == STORE_NAME_CONFIRMED)
		namesfile_add(x->f, x->labels[lo], a->lang, a->spelling,
		              a->house ? NAMESFILE_HOUSE : NAMESFILE_ALIAS);
	return 0;
}

int namedb_export(struct store *st, struct namesfile *f, struct err *e)
{
	struct exporting x;
	size_t i;
	int rc;

	memset(&x, 0, sizeof(x));
	x.st = st;
	x.f = f;
	rc = store_each_name_entity(st, 0, export_entity, &x, e);
	if (rc >= 0)
		rc = store_each_name_alias(st, 0, export_alias, &x, e);
	for (i = 0; i < x.n; i++)
		free(x.labels[i]);
	free(x.labels);
	free(x.ids);
	if (rc >= 0)
		namesfile_sort(f);
	return rc < 0 ? rc : 0;
}

/* ---- learn ---- */

/* The stored spelling of entity k in lang, or -1. */
static int spelling_of(struct namestore *ns, int k, const char *lang,
                       const char *s)
{
	const int *al;
	int n = namestore_entity_aliases(ns, k, &al), i;

	for (i = 0; i < n; i++) {
		struct namestore_alias a;

		namestore_alias(ns, al[i], &a);
		if (!strcmp(a.lang, lang) && !strcmp(a.spelling, s))
			return al[i];
	}
	return -1;
}

static int learn_one(struct store *st, struct namestore *known,
                     const struct namelearn_person *p,
                     struct namedb_learned *out, struct err *e)
{
	int k = namelearn_known(known, p), rc = 0;
	struct entity x;
	size_t i;

	memset(out, 0, sizeof(*out));
	out->fresh = xcalloc(p->n + 1, 1);
	if (k >= 0) {
		enum store_name_status s = namestore_entity_status(known, k);

		out->entity = namestore_entity_id(known, k);
		snprintf(out->label, sizeof(out->label), "%s",
		         namestore_entity_label(known, k));
		if (s == STORE_NAME_REJECTED) {
			out->action = NAMEDB_WAS_REJECTED;
			return 0;
		}
		out->action =
		    s == STORE_NAME_CONFIRMED ? NAMEDB_LEARNED : NAMEDB_UPDATED;
		if ((rc = get_entity(st, out->entity, &x, e)) <= 0)
			return rc < 0 ? rc : ERR_NOTFOUND;
		x.en.mentions = p->mentions;
		x.en.links = p->links;
		if ((rc = store_name_entity_put(st, &x.en, e)) < 0)
			return rc;
	} else {
		out->action = NAMEDB_PROPOSED;
		rc = new_entity(st, p->label, STORE_NAME_PROPOSED,
		                STORE_NAME_FOUND, p->mentions, p->links, &x, e);
		if (rc < 0)
			return rc;
		out->entity = x.en.id;
		snprintf(out->label, sizeof(out->label), "%s", x.label);
	}
	for (i = 0; i < p->n; i++) {
		const struct namelearn_spelling *sp = &p->v[i];
		struct store_name_alias a;
		int have =
		    k >= 0 ? spelling_of(known, k, sp->lang, sp->spelling) : -1;

		memset(&a, 0, sizeof(a));
		a.entity = x.en.id;
		a.lang = sp->lang;
		a.spelling = sp->spelling;
		a.script = sp->script;
		a.count = sp->count;
		if (have >= 0) {
			struct namestore_alias h;

			/* known: the count changes, nothing else */
			namestore_alias(known, have, &h);
			a.house = h.house;
			a.status = h.status;
			a.source = h.source;
		} else {
			a.source = STORE_NAME_FOUND;
			a.status = out->action == NAMEDB_LEARNED
			               ? STORE_NAME_LEARNED
			               : STORE_NAME_PROPOSED;
			a.house =
			    sp->house && out->action != NAMEDB_LEARNED &&
			    (k < 0 || namestore_house(known, k, sp->lang) < 0);
			out->added++;
			out->fresh[i] = 1;
		}
		if ((rc = put_alias(st, known, &a, e)) < 0)
			return rc;
	}
	return 0;
}

int namedb_learn(struct store *st, const struct namelearn_result *res,
                 struct namedb_learned *out, struct err *e)
{
	struct namestore *known = namestore_new();
	size_t i;
	int rc;

	if ((rc = begin(st, known, e)) < 0) {
		namestore_free(known);
		return rc;
	}
	rc = namestore_load(known, st, NAMESTORE_ANY, e);
	for (i = 0; rc >= 0 && i < res->n; i++)
		rc = learn_one(st, known, &res->v[i], &out[i], e);
	namestore_free(known);
	return finish(st, rc, e);
}

/* ---- finding and reviewing ---- */

int namedb_find(struct store *st, const char *arg, unsigned mask, int64_t *ids,
                int max, struct err *e)
{
	struct namestore *ns;
	struct namestore_hit hits[NAMESTORE_MAX_HITS];
	struct names_name p;
	struct entity x;
	const char *c;
	int64_t id = 0;
	int rc, n = 0, i;

	/* an ID: up to 18 digits (longer is no ID, and cannot overflow) */
	for (c = arg; *c >= '0' && *c <= '9' && c - arg < 18; c++)
		id = id * 10 + (*c - '0');
	if (c != arg && !*c) {
		rc = get_entity(st, id, &x, e);
		if (rc <= 0)
			return rc;
		if (!(mask & (1u << x.en.status)) || max < 1)
			return 0;
		ids[0] = id;
		return 1;
	}
	if ((rc = store_name_entity_find(st, arg, &id, e)) < 0)
		return rc;
	if (rc > 0) {
		if ((rc = get_entity(st, id, &x, e)) < 0)
			return rc;
	}
	if (rc > 0 && (mask & (1u << x.en.status)) && max > 0) {
		ids[0] = id;
		return 1;
	}
	ns = namestore_new();
	rc = namestore_load(ns, st, mask, e);
	if (rc >= 0 &&
	    names_parse(namestore_names(ns), &p, arg, strlen(arg), NULL) == 0) {
		int nh =
		    namestore_resolve(ns, &p, mask, hits, NAMESTORE_MAX_HITS);

		for (i = 0; i < nh && n < max; i++)
			ids[n++] = namestore_entity_id(ns, hits[i].entity);
	}
	namestore_free(ns);
	return rc < 0 ? rc : n;
}

struct restatus {
	const char *spelling;
	struct store_name_alias a;
	char lang[LANG_TAG_MAX], spell[512], script[8];
	int found;
};

static int find_alias(void *ctx, const struct store_name_alias *a)
{
	struct restatus *r = ctx;

	if (strcmp(a->spelling, r->spelling) != 0)
		return 0;
	r->a = *a;
	snprintf(r->lang, sizeof(r->lang), "%s", a->lang);
	snprintf(r->spell, sizeof(r->spell), "%s", a->spelling);
	snprintf(r->script, sizeof(r->script), "%s", a->script);
	r->a.lang = r->lang;
	r->a.spelling = r->spell;
	r->a.script = r->script;
	r->found = 1;
	return 1;
}

int namedb_set_status(struct store *st, int64_t id, const char *alias,
                      enum store_name_status status, struct err *e)
{
	struct namestore *ns = namestore_new();
	struct restatus r;
	struct entity x;
	int rc;

	if ((rc = begin(st, ns, e)) < 0) {
		namestore_free(ns);
		return rc;
	}
	rc = get_entity(st, id, &x, e);
	if (rc == 0)
		rc = err_set(e, ERR_NOTFOUND, "%s: no entity %lld",
		             store_path(st), (long long)id);
	if (rc > 0 && !alias) {
		x.en.status = status;
		rc = store_name_entity_put(st, &x.en, e);
		if (rc >= 0 && status == STORE_NAME_CONFIRMED)
			rc = store_name_alias_restatus(st, id,
			                               STORE_NAME_PROPOSED,
			                               STORE_NAME_CONFIRMED, e);
		if (rc >= 0 && status == STORE_NAME_CONFIRMED)
			rc = store_name_alias_restatus(st, id,
			                               STORE_NAME_LEARNED,
			                               STORE_NAME_CONFIRMED, e);
	} else if (rc > 0) {
		memset(&r, 0, sizeof(r));
		r.spelling = alias;
		rc = store_each_name_alias(st, id, find_alias, &r, e);
		if (rc >= 0 && !r.found)
			rc = err_set(e, ERR_NOTFOUND,
			             "%s: entity %lld has no spelling '%s'",
			             store_path(st), (long long)id, alias);
		if (rc >= 0) {
			r.a.status = status;
			if (status == STORE_NAME_REJECTED)
				r.a.house = 0;
			rc = store_name_alias_put(st, &r.a, NULL, 0, e);
		}
	}
	namestore_free(ns);
	return finish(st, rc, e);
}
