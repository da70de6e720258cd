/*
 * newstm names: persons' names and their spellings.  Each subcommand is a
 * row of the table below (name, function, synopsis, help); `compare` is
 * the matcher on its own, the others work on the memory's entities
 * (namedb.h does the writing, namestore.h and namefind.h the reading).
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmds.h"
#include "lang.h"
#include "namedb.h"
#include "namefind.h"
#include "namelearn.h"
#include "names.h"
#include "namesfile.h"
#include "namestore.h"
#include "norm.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"
#include "banned.h"

struct names_sub {
	const char *name;
	int (*run)(int argc, char **argv, const struct cli_ctx *ctx);
	const char *summary;
	const char *usage; /* after "newstm names " */
	const char *help;
};

static const struct names_sub *find_sub(const char *name);

/* Usage error for a subcommand: message, synopsis, hint; returns 2. */
static int sub_usage(const struct names_sub *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int sub_usage(const struct names_sub *s, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "newstm names %s: ", s->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr,
	        "\nusage: newstm names %s\nTry 'newstm names %s --help'.\n",
	        s->usage, s->name);
	return CLI_USAGE;
}

static void sub_help(const struct names_sub *s)
{
	printf("usage: newstm names %s\n\n%s\n", s->usage, s->summary);
	if (s->help && *s->help)
		printf("\n%s", s->help);
}

/*
 * getopt_long for a subcommand: -h/--help print its help and give
 * CLI_OPT_HELP; an unknown option or a missing value prints a usage error
 * and gives CLI_OPT_BAD.
 */
static int sub_getopt(int argc, char **argv, const char *shortopts,
                      const struct option *longopts, const struct names_sub *s)
{
	int c = getopt_long(argc, argv, shortopts, longopts, NULL);

	if (c == 'h') {
		sub_help(s);
		return CLI_OPT_HELP;
	}
	if (c == '?') {
		if (optopt && optopt != '?' && optopt < 127 && optopt > ' ')
			sub_usage(s, "unknown option '-%c'", optopt);
		else
			sub_usage(s, "unknown option '%s'", argv[optind - 1]);
		return CLI_OPT_BAD;
	}
	if (c == ':') {
		sub_usage(s, "option '%s' needs a value", argv[optind - 1]);
		return CLI_OPT_BAD;
	}
	return c;
}

/* What `compare` prints for one pair. */
struct compare_opts {
	double threshold;
	int why;
};

static const char *why_word(const struct names_result *r)
{
	switch (r->why) {
	case NAMES_WHY_SAME:
		return r->surname ? "surname" : "full";
	case NAMES_WHY_GIVEN:
		return "given-names";
	case NAMES_WHY_GENDER:
		return "gender";
	default:
		return "spelling";
	}
}

/* Compare two names and print the line; fails as names_parse. */
static int compare_one(const struct names *nm, const struct compare_opts *o,
                       const char *a, size_t an, const char *b, size_t bn,
                       struct err *e)
{
	struct names_result r;
	int rc;

	rc = names_compare(nm, a, an, b, bn, o->threshold, &r, e);
	if (rc < 0)
		return rc;
	printf("%.3f\t%s", r.score, r.same ? "same" : "different");
	if (o->why)
		printf("\t%s", why_word(&r));
	putchar('\n');
	return 0;
}

/* Read `A TAB B` lines from stdin; stops at the first bad line. */
static int compare_stdin(const struct names *nm, const struct compare_opts *o,
                         struct err *e)
{
	struct buf raw, text;
	struct text_opts to = {NULL, 0};
	size_t pos = 0, line = 0;
	int rc;

	buf_init(&raw);
	buf_init(&text);
	rc = text_read(&raw, NULL, "stdin", e);
	if (rc >= 0)
		rc = text_decode(&text, NULL, raw.data, raw.len, "stdin", &to,
		                 e);
	while (rc >= 0 && pos < text.len) {
		const char *s = text.data + pos, *nl, *tab, *tab2;
		size_t len;

		nl = memchr(s, '\n', text.len - pos);
		len = nl ? (size_t)(nl - s) : text.len - pos;
		pos += len + (nl ? 1 : 0);
		line++;
		if (len && s[len - 1] == '\r')
			len--;
		tab = memchr(s, '\t', len);
		tab2 = tab ? memchr(tab + 1, '\t', len - (size_t)(tab + 1 - s))
		           : NULL;
		if (!tab || tab2) {
			rc = err_set(e, ERR_FORMAT,
			             "stdin: line %zu: expected two names "
			             "separated by one tab",
			             line);
			break;
		}
		rc = compare_one(nm, o, s, (size_t)(tab - s), tab + 1,
		                 len - (size_t)(tab + 1 - s), e);
		if (rc < 0)
			err_prefix(e, "stdin: line %zu", line);
	}
	buf_release(&raw);
	buf_release(&text);
	return rc;
}

static int run_compare(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"threshold", required_argument, NULL, 't'},
	    {"why", no_argument, NULL, 'w'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const struct names_sub *s = find_sub("compare");
	struct compare_opts o = {NAMES_THRESHOLD, 0};
	struct names *nm;
	struct err e;
	char *end;
	int c, rc;

	(void)ctx;
	cli_opt_reset();
	while ((c = sub_getopt(argc, argv, ":h", opts, s)) != -1) {
		switch (c) {
		case 't':
			o.threshold = strtod(optarg, &end);
			if (end == optarg || *end || !(o.threshold >= 0.0) ||
			    o.threshold > 1.0)
				return sub_usage(s,
				                 "--threshold wants a number "
				                 "from 0 to 1, not '%s'",
				                 optarg);
			break;
		case 'w':
			o.why = 1;
			break;
		case CLI_OPT_HELP:
			return CLI_OK;
		default:
			return CLI_USAGE;
		}
	}
	if (argc - optind != 0 && argc - optind != 2)
		return sub_usage(s, "give two names, or none to read "
		                    "'NAME TAB NAME' lines from stdin");
	nm = names_new();
	err_clear(&e);
	if (argc - optind == 2) {
		rc =
		    compare_one(nm, &o, argv[optind], strlen(argv[optind]),
		                argv[optind + 1], strlen(argv[optind + 1]), &e);
		if (rc < 0 && rc != ERR_IO)
			rc = ERR_USAGE; /* a bad argument is a usage error */
	} else {
		rc = compare_stdin(nm, &o, &e);
	}
	names_free(nm);
	if (rc < 0) {
		fflush(stdout);
		if (rc == ERR_USAGE)
			return sub_usage(s, "%s", e.msg);
		return cli_fail(&e);
	}
	return CLI_OK;
}

/* ---- the memory's names ---- */

/* Open the memory; writers create it (and tm/ for the default path). */
static int open_memory(struct store **st, const struct cli_ctx *ctx, int write,
                       struct err *e)
{
	unsigned flags = 0;

	if (write) {
		flags = STORE_CREATE;
		if (!strcmp(ctx->tm_path, CLI_DEFAULT_TM))
			flags |= STORE_MKDIR;
	}
	return store_open(st, ctx->tm_path, flags, e);
}

/*
 * An argument as a name: valid UTF-8, in NFC (caller frees).  NULL and a
 * usage error when it is not text.
 */
static char *name_arg(const struct names_sub *s, const char *what,
                      const char *arg)
{
	struct buf b;

	if (!text_utf8_valid(arg, strlen(arg), NULL)) {
		sub_usage(s, "%s is not valid UTF-8", what);
		return NULL;
	}
	if (strpbrk(arg, "\t\n\r")) {
		sub_usage(s, "%s has a tab or a line break", what);
		return NULL;
	}
	buf_init(&b);
	norm_nfc(&b, arg, strlen(arg));
	return buf_detach(&b, NULL);
}

/* A whole number from 1 up for option opt; -1 and a usage error if bad. */
static int count_arg(const struct names_sub *s, long *out, const char *opt,
                     const char *arg)
{
	char *end;

	errno = 0;
	*out = strtol(arg, &end, 10);
	if (end == arg || *end || errno || *out < 1) {
		sub_usage(s, "%s wants a whole number from 1 up, not '%s'", opt,
		          arg);
		return -1;
	}
	return 0;
}

/* --lang: a language tag, normalised; -1 and a usage error if bad. */
static int lang_arg(const struct names_sub *s, char out[LANG_TAG_MAX],
                    const char *arg)
{
	if (lang_normalize(out, arg) < 0 || !strcmp(out, "*all*") ||
	    !strcmp(out, "und")) {
		sub_usage(s,
		          "--lang wants a language tag (en, ru, be ...), "
		          "not '%s'",
		          arg);
		return -1;
	}
	return 0;
}

static int run_add(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"lang", required_argument, NULL, 'l'},
	    {"alias", required_argument, NULL, 'a'},
	    {"entity", required_argument, NULL, 'E'},
	    {"new", no_argument, NULL, 'N'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const struct names_sub *s = find_sub("add");
	char lang[LANG_TAG_MAX] = "", **aliases = NULL, *name = NULL;
	size_t nal = 0, cap = 0, i;
	struct namedb_added out;
	struct store *st = NULL;
	struct err e;
	long entity = 0;
	int c, rc = CLI_USAGE, fresh = 0;

	cli_opt_reset();
	while ((c = sub_getopt(argc, argv, ":h", opts, s)) != -1) {
		switch (c) {
		case 'l':
			if (lang_arg(s, lang, optarg) < 0)
				goto out;
			break;
		case 'a':
			XGROW(aliases, cap, nal + 1);
			if (!(aliases[nal] = name_arg(s, "--alias", optarg)))
				goto out;
			nal++;
			break;
		case 'E':
			if (count_arg(s, &entity, "--entity", optarg) < 0)
				goto out;
			break;
		case 'N':
			fresh = 1;
			break;
		case CLI_OPT_HELP:
			rc = CLI_OK;
			goto out;
		default:
			goto out;
		}
	}
	if (argc - optind != 1) {
		sub_usage(s, "give one NAME (quote it: 'Given Surname')");
		goto out;
	}
	if (!*lang) {
		sub_usage(s, "--lang is required: the language of the house "
		             "form");
		goto out;
	}
	if (fresh && entity) {
		sub_usage(s, "--new and --entity exclude each other");
		goto out;
	}
	if (!(name = name_arg(s, "NAME", argv[optind])))
		goto out;
	err_clear(&e);
	if (open_memory(&st, ctx, 1, &e) < 0) {
		rc = cli_fail(&e);
		goto out;
	}
	rc = namedb_add(st, name, lang, (const char *const *)aliases, nal,
	                fresh ? -1 : entity, &out, &e);
	if (rc < 0) {
		rc = rc == ERR_USAGE ? sub_usage(s, "%s", e.msg) : cli_fail(&e);
		goto out;
	}
	printf("%s %lld: %s\nhouse form in %s: %s\n",
	       out.created ? "new entity" : "entity", (long long)out.entity,
	       out.label, lang, name);
	for (i = 0; i < nal; i++)
		if (strcmp(aliases[i], name) != 0)
			printf("alias in %s: %s\n", lang, aliases[i]);
	rc = cli_finish_output(CLI_OK);
out:
	store_free(st);
	for (i = 0; i < nal; i++)
		free(aliases[i]);
	free(aliases);
	free(name);
	return rc;
}

/* What `list` shows of each entity. */
struct listing {
	int64_t *ids;
	char **labels, **langs;
	int *status;
	long long *spellings;
	size_t n, cap[5];
	unsigned mask;
};

static int list_entity(void *ctx, const struct store_name_entity *en)
{
	struct listing *l = ctx;

	if (!(l->mask & (1u << en->status)))
		return 0;
	XGROW(l->ids, l->cap[0], l->n + 1);
	XGROW(l->labels, l->cap[1], l->n + 1);
	XGROW(l->langs, l->cap[2], l->n + 1);
	XGROW(l->status, l->cap[3], l->n + 1);
	XGROW(l->spellings, l->cap[4], l->n + 1);
	l->ids[l->n] = en->id;
	l->labels[l->n] = xstrdup(en->label);
	l->langs[l->n] = xstrdup("");
	l->status[l->n] = (int)en->status;
	l->spellings[l->n] = 0;
	l->n++;
	return 0;
}

static int list_alias(void *ctx, const struct store_name_alias *a)
{
	struct listing *l = ctx;
	size_t lo = 0, hi = l->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (l->ids[mid] < a->entity)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == l->n || l->ids[lo] != a->entity)
		return 0;
	l->spellings[lo]++;
	if (a->house) {
		struct buf b;

		buf_init(&b);
		buf_adds(&b, l->langs[lo]);
		buf_addf(&b, "%s%s", *l->langs[lo] ? "," : "", a->lang);
		free(l->langs[lo]);
		l->langs[lo] = buf_detach(&b, NULL);
	}
	return 0;
}

/* --status: a mask of statuses; 0 and a usage error if bad. */
static unsigned status_arg(const struct names_sub *s, const char *arg)
{
	if (!strcmp(arg, "confirmed"))
		return NAMESTORE_CONFIRMED;
	if (!strcmp(arg, "proposed"))
		return NAMESTORE_PROPOSED;
	if (!strcmp(arg, "rejected"))
		return NAMESTORE_REJECTED;
	if (!strcmp(arg, "all"))
		return NAMESTORE_ANY;
	sub_usage(s,
	          "--status wants confirmed, proposed, rejected or all, "
	          "not '%s'",
	          arg);
	return 0;
}

static int run_list(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"status", required_argument, NULL, 's'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const struct names_sub *s = find_sub("list");
	struct listing l;
	struct store *st = NULL;
	struct err e;
	size_t i;
	int c, rc;

	memset(&l, 0, sizeof(l));
	l.mask = NAMESTORE_CONFIRMED | NAMESTORE_PROPOSED;
	cli_opt_reset();
	while ((c = sub_getopt(argc, argv, ":h", opts, s)) != -1) {
		switch (c) {
		case 's':
			if (!(l.mask = status_arg(s, optarg)))
				return CLI_USAGE;
			break;
		case CLI_OPT_HELP:
			return CLI_OK;
		default:
			return CLI_USAGE;
		}
	}
	if (argc != optind)
		return sub_usage(s, "too many arguments");
	err_clear(&e);
	if (open_memory(&st, ctx, 0, &e) < 0)
		return cli_fail(&e);
	rc = store_each_name_entity(st, 0, list_entity, &l, &e);
	if (rc >= 0)
		rc = store_each_name_alias(st, 0, list_alias, &l, &e);
	store_free(st);
	for (i = 0; rc >= 0 && i < l.n; i++)
		printf(
		    "%lld\t%s\t%s\t%s\t%lld spelling%s\n", (long long)l.ids[i],
		    store_name_status_word((enum store_name_status)l.status[i]),
		    l.labels[i], *l.langs[i] ? l.langs[i] : "-", l.spellings[i],
		    l.spellings[i] == 1 ? "" : "s");
	for (i = 0; i < l.n; i++) {
		free(l.labels[i]);
		free(l.langs[i]);
	}
	free(l.ids);
	free(l.labels);
	free(l.langs);
	free(l.status);
	free(l.spellings);
	if (rc < 0)
		return cli_fail(&e);
	return cli_finish_output(CLI_OK);
}

/*
 * The entities ARG names (an id, a label or a name), of a status in mask;
 * prints an error and returns the exit status when there is not exactly
 * one, unless many is set (then up to max).
 */
static int entities_arg(struct store *st, const char *arg, unsigned mask,
                        int64_t *ids, int max, int many, int *n)
{
	struct err e;
	int k;

	err_clear(&e);
	*n = namedb_find(st, arg, mask, ids, max, &e);
	if (*n < 0)
		return cli_fail(&e);
	if (!*n) {
		err_set(&e, ERR_NOTFOUND, "%s: no entity matches '%s'",
		        store_path(st), arg);
		return cli_fail(&e);
	}
	if (*n > 1 && !many) {
		fprintf(stderr, "newstm: %s: '%s' names %d entities (",
		        store_path(st), arg, *n);
		for (k = 0; k < *n; k++)
			fprintf(stderr, "%s%lld", k ? ", " : "",
			        (long long)ids[k]);
		fprintf(stderr, "): give the ID\n");
		return CLI_FAIL;
	}
	return CLI_OK;
}

/* A spelling counted in the memory by `show`. */
struct seen {
	char *spelling;
	char lang[LANG_TAG_MAX];
	long long count;
};

struct counting {
	struct namefind *nf;
	int entity; /* namestore index */
	const char *lang;
	struct seen *v;
	size_t n, cap;
	long long mentions;
};

static int count_mention(void *ctx, const struct namefind_mention *m)
{
	struct counting *c = ctx;
	size_t i;

	if (m->entity != c->entity)
		return 0;
	c->mentions++;
	for (i = 0; i < c->n; i++)
		if (!strcmp(c->v[i].spelling, m->spelling) &&
		    !strcmp(c->v[i].lang, c->lang)) {
			c->v[i].count++;
			return 0;
		}
	XGROW(c->v, c->cap, c->n + 1);
	c->v[c->n].spelling = xstrdup(m->spelling);
	snprintf(c->v[c->n].lang, sizeof(c->v[c->n].lang), "%s", c->lang);
	c->v[c->n++].count = 1;
	return 0;
}

static int count_segment(void *ctx, int64_t id, const char *lang,
                         const char *text)
{
	struct counting *c = ctx;

	(void)id;
	c->lang = lang;
	namefind_scan(c->nf, text, strlen(text), lang, count_mention, c);
	return 0;
}

static const char *kind_of(const struct namestore_alias *a)
{
	if (a->status == STORE_NAME_REJECTED)
		return "not";
	if (a->house)
		return "house";
	if (a->status == STORE_NAME_LEARNED)
		return "learned";
	if (a->status == STORE_NAME_PROPOSED)
		return "proposed";
	return "alias";
}

/* Print entity k with its spellings and their counts in the memory. */
static int show_entity(struct store *st, struct namestore *ns, int k,
                       struct err *e)
{
	struct counting c;
	const int *al;
	int n = namestore_entity_aliases(ns, k, &al), i, rc;
	size_t j;

	memset(&c, 0, sizeof(c));
	c.nf = namefind_new(
	    ns, NAMESTORE_CONFIRMED | NAMESTORE_PROPOSED |
	            (namestore_entity_status(ns, k) == STORE_NAME_REJECTED
	                 ? NAMESTORE_REJECTED
	                 : 0));
	c.entity = k;
	rc = store_each_segment(st, count_segment, &c, e);
	namefind_free(c.nf);
	if (rc >= 0) {
		printf("entity %lld: %s (%s)\nmentions in the memory: %lld\n",
		       (long long)namestore_entity_id(ns, k),
		       namestore_entity_label(ns, k),
		       store_name_status_word(namestore_entity_status(ns, k)),
		       c.mentions);
		for (i = 0; i < n; i++) {
			struct namestore_alias a;
			long long count = 0;

			namestore_alias(ns, al[i], &a);
			for (j = 0; j < c.n; j++)
				if (!strcmp(c.v[j].spelling, a.spelling) &&
				    !strcmp(c.v[j].lang, a.lang)) {
					count = c.v[j].count;
					c.v[j].count = -1; /* shown */
				}
			printf("  %s\t%s\t%s\t%lld\n", kind_of(&a), a.lang,
			       a.spelling, count);
		}
		for (j = 0; j < c.n; j++)
			if (c.v[j].count > 0)
				printf("  seen\t%s\t%s\t%lld\n", c.v[j].lang,
				       c.v[j].spelling, c.v[j].count);
	}
	for (j = 0; j < c.n; j++)
		free(c.v[j].spelling);
	free(c.v);
	return rc;
}

static int run_show(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const struct names_sub *s = find_sub("show");
	int64_t ids[NAMESTORE_MAX_HITS];
	struct namestore *ns = NULL;
	struct store *st = NULL;
	struct err e;
	char *arg = NULL;
	int c, rc, n = 0, i;

	cli_opt_reset();
	while ((c = sub_getopt(argc, argv, ":h", opts, s)) != -1) {
		if (c == CLI_OPT_HELP)
			return CLI_OK;
		return CLI_USAGE;
	}
	if (argc - optind != 1)
		return sub_usage(s,
		                 "give one entity: an ID, a label or a name");
	if (!(arg = name_arg(s, "the entity", argv[optind])))
		return CLI_USAGE;
	err_clear(&e);
	if (open_memory(&st, ctx, 0, &e) < 0) {
		free(arg);
		return cli_fail(&e);
	}
	rc = entities_arg(st, arg, NAMESTORE_ANY, ids, NAMESTORE_MAX_HITS, 1,
	                  &n);
	if (rc == CLI_OK) {
		ns = namestore_new();
		if (namestore_load(ns, st, NAMESTORE_ANY, &e) < 0)
			rc = cli_fail(&e);
	}
	for (i = 0; rc == CLI_OK && i < n; i++) {
		int k = namestore_entity_find(ns, ids[i]);

		if (k < 0)
			continue; /* gone since it was found: nothing to show */
		if (i)
			putchar('\n');
		if (show_entity(st, ns, k, &e) < 0)
			rc = cli_fail(&e);
	}
	namestore_free(ns);
	store_free(st);
	free(arg);
	return rc == CLI_OK ? cli_finish_output(CLI_OK) : rc;
}

static int run_import(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const struct names_sub *s = find_sub("import");
	struct text_opts to = {NULL, 0};
	struct namedb_counts counts;
	struct namesfile f;
	struct names *nm;
	struct store *st = NULL;
	struct buf raw, text;
	struct err e;
	const char *path, *name;
	int c, rc;

	cli_opt_reset();
	while ((c = sub_getopt(argc, argv, ":h", opts, s)) != -1) {
		if (c == CLI_OPT_HELP)
			return CLI_OK;
		return CLI_USAGE;
	}
	if (argc - optind != 1)
		return sub_usage(s, "give one FILE (- for stdin)");
	path = argv[optind];
	name = cli_input_name(path);
	buf_init(&raw);
	buf_init(&text);
	namesfile_init(&f);
	nm = names_new();
	err_clear(&e);
	rc = text_read(&raw, path, name, &e);
	if (rc >= 0)
		rc = text_decode(&text, NULL, raw.data, raw.len, name, &to, &e);
	if (rc >= 0)
		rc = namesfile_parse(&f, text.data, text.len, name, nm, &e);
	if (rc >= 0 && !f.n)
		rc = err_set(&e, ERR_EMPTY, "%s: no names in the file", name);
	if (rc >= 0)
		rc = open_memory(&st, ctx, 1, &e);
	if (rc >= 0)
		rc = namedb_import(st, &f, &counts, &e);
	store_free(st);
	names_free(nm);
	namesfile_release(&f);
	buf_release(&raw);
	buf_release(&text);
	if (rc < 0)
		return cli_fail(&e);
	printf("%s: %lld %s (%lld new, %lld updated), %lld spelling%s\n", name,
	       counts.created + counts.updated,
	       counts.created + counts.updated == 1 ? "entity" : "entities",
	       counts.created, counts.updated, counts.spellings,
	       counts.spellings == 1 ? "" : "s");
	return cli_finish_output(CLI_OK);
}

/* Write data[0..len) to fd, through short writes; -1 with errno set. */
static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t k = write(fd, data, len);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			if (!k)
				errno = EIO;
			return -1;
		}
		data += k;
		len -= (size_t)k;
	}
	return 0;
}

/*
 * Write data[0..len) to path whole or not at all: into a temporary file
 * in the same folder, renamed over path once all of it is written, synced
 * and closed; on any failure the temporary file is removed and path is as
 * it was.  A symbolic link is followed (its target is replaced); the file
 * keeps the permissions of the one it replaces, or gets 0666 less the
 * umask.  Something that is not a regular file (/dev/stdout, a pipe) is
 * written in place.  Fails with ERR_IO, described in e.
 */
static int write_whole(const char *path, const char *data, size_t len,
                       struct err *e)
{
	struct buf real, tmp;
	const char *target, *slash;
	struct stat sb;
	mode_t mode;
	int fd = -1, rc = 0, exists, hops;

	buf_init(&real);
	buf_init(&tmp);
	buf_adds(&real, path);
	exists = stat(path, &sb) == 0;
	/* follow symbolic links to the regular file they name */
	for (hops = 0; hops < 16 && (!exists || S_ISREG(sb.st_mode)); hops++) {
		struct stat lb;
		char link[4096];
		ssize_t k;

		if (lstat(real.data, &lb) != 0 || !S_ISLNK(lb.st_mode) ||
		    (k = readlink(real.data, link, sizeof(link) - 1)) <= 0)
			break;
		link[k] = '\0';
		slash = strrchr(real.data, '/');
		buf_truncate(&real, link[0] != '/' && slash
		                        ? (size_t)(slash + 1 - real.data)
		                        : 0);
		buf_adds(&real, link);
	}
	target = real.data;
	if (exists && !S_ISREG(sb.st_mode)) {
		FILE *fp = fopen(path, "w");

		if (!fp || fwrite(data, 1, len, fp) != len) {
			rc = err_set(e, ERR_IO, "cannot write '%s': %s", path,
			             strerror(errno));
			if (fp)
				fclose(fp);
		} else if (fclose(fp) != 0) {
			rc = err_set(e, ERR_IO, "cannot write '%s': %s", path,
			             strerror(errno));
		}
		goto out;
	}
	if (exists) {
		mode = sb.st_mode & 07777;
	} else {
		mode_t mask = umask(0);

		umask(mask);
		mode = 0666 & ~mask;
	}
	slash = strrchr(target, '/');
	buf_add(&tmp, target, slash ? (size_t)(slash + 1 - target) : 0);
	buf_addf(&tmp, ".%s.XXXXXX", slash ? slash + 1 : target);
	if ((fd = mkstemp(tmp.data)) < 0) {
		rc = err_set(e, ERR_IO, "cannot write '%s': %s", path,
		             strerror(errno));
		goto out;
	}
	if (fchmod(fd, mode) != 0 || write_all(fd, data, len) < 0 ||
	    fsync(fd) != 0) {
		rc = err_set(e, ERR_IO, "cannot write '%s': %s", path,
		             strerror(errno));
		close(fd);
	} else if (close(fd) != 0 || rename(tmp.data, target) != 0) {
		rc = err_set(e, ERR_IO, "cannot write '%s': %s", path,
		             strerror(errno));
	}
	if (rc < 0)
		unlink(tmp.data);
out:
	buf_release(&tmp);
	buf_release(&real);
	return rc;
}

static int run_export(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const struct names_sub *s = find_sub("export");
	struct namesfile f;
	struct store *st = NULL;
	struct buf out;
	struct err e;
	const char *path = NULL;
	int c, rc;

	cli_opt_reset();
	while ((c = sub_getopt(argc, argv, ":h", opts, s)) != -1) {
		if (c == CLI_OPT_HELP)
			return CLI_OK;
		return CLI_USAGE;
	}
	if (argc - optind > 1)
		return sub_usage(s, "too many arguments");
	if (optind < argc && strcmp(argv[optind], "-") != 0)
		path = argv[optind];
	err_clear(&e);
	if (open_memory(&st, ctx, 0, &e) < 0)
		return cli_fail(&e);
	namesfile_init(&f);
	buf_init(&out);
	rc = namedb_export(st, &f, &e);
	store_free(st);
	if (rc >= 0) {
		namesfile_write(&out, &f);
		if (path)
			rc = write_whole(path, out.data, out.len, &e);
		else
			fwrite(out.data, 1, out.len, stdout);
	}
	namesfile_release(&f);
	buf_release(&out);
	if (rc < 0)
		return cli_fail(&e);
	return cli_finish_output(CLI_OK);
}

/* Feeding the learner: texts, then units. */
static int learn_segment(void *ctx, int64_t id, const char *lang,
                         const char *text)
{
	namelearn_text(ctx, id, lang, text, strlen(text));
	return 0;
}

static int learn_unit(void *ctx, const struct store_unit *u)
{
	namelearn_unit(ctx, u->src_id, u->tgt_id);
	return 0;
}

static const char *action_word(enum namedb_action a)
{
	switch (a) {
	case NAMEDB_PROPOSED:
		return "proposed";
	case NAMEDB_UPDATED:
		return "proposal updated";
	case NAMEDB_LEARNED:
		return "learned for";
	default:
		return "rejected before, not proposed again";
	}
}

static int run_learn(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"min-mentions", required_argument, NULL, 'm'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const struct names_sub *s = find_sub("learn");
	struct namelearn_result res;
	struct namedb_learned *done = NULL;
	struct namelearn *nl = NULL;
	struct store *st = NULL;
	struct err e;
	long min = 2, counts[4] = {0, 0, 0, 0};
	long long fresh = 0;
	size_t i, j;
	int c, rc;

	cli_opt_reset();
	while ((c = sub_getopt(argc, argv, ":h", opts, s)) != -1) {
		switch (c) {
		case 'm':
			if (count_arg(s, &min, "--min-mentions", optarg) < 0)
				return CLI_USAGE;
			break;
		case CLI_OPT_HELP:
			return CLI_OK;
		default:
			return CLI_USAGE;
		}
	}
	if (argc != optind)
		return sub_usage(s, "too many arguments");
	err_clear(&e);
	if (open_memory(&st, ctx, 0, &e) < 0)
		return cli_fail(&e);
	memset(&res, 0, sizeof(res));
	nl = namelearn_new();
	rc = store_each_segment(st, learn_segment, nl, &e);
	if (rc >= 0)
		rc = store_each_unit(st, NULL, learn_unit, nl, &e);
	if (rc >= 0) {
		namelearn_run(nl, &res, min);
		done = xcalloc(res.n + 1, sizeof(*done));
		rc = namedb_learn(st, &res, done, &e);
	}
	for (i = 0; rc >= 0 && i < res.n; i++) {
		const struct namelearn_person *p = &res.v[i];

		counts[done[i].action]++;
		if (done[i].action == NAMEDB_LEARNED)
			fresh += done[i].added;
		printf("%s %lld: %s (%lld mention%s",
		       action_word(done[i].action), (long long)done[i].entity,
		       done[i].label, p->mentions, p->mentions == 1 ? "" : "s");
		if (p->links)
			printf("; Latin and Cyrillic linked in %lld unit%s",
			       p->links, p->links == 1 ? "" : "s");
		if (done[i].action == NAMEDB_LEARNED ||
		    done[i].action == NAMEDB_UPDATED)
			printf("; %lld new spelling%s", done[i].added,
			       done[i].added == 1 ? "" : "s");
		printf(")\n");
		if (done[i].action == NAMEDB_WAS_REJECTED)
			continue;
		for (j = 0; j < p->n; j++) {
			int proposal = done[i].action != NAMEDB_LEARNED;

			/* of a known entity, only what is new */
			if (!proposal && !done[i].fresh[j])
				continue;
			printf("  %s\t%s\t%s\t%lld\n",
			       proposal && p->v[j].house ? "house"
			       : p->v[j].full            ? "full"
			                                 : "surname",
			       p->v[j].lang, p->v[j].spelling, p->v[j].count);
		}
	}
	if (rc >= 0)
		printf("%zu person%s: %ld proposed, %ld proposals updated, %ld "
		       "known, %lld new spelling%s of known entities, %ld "
		       "rejected before\n",
		       res.n, res.n == 1 ? "" : "s", counts[NAMEDB_PROPOSED],
		       counts[NAMEDB_UPDATED], counts[NAMEDB_LEARNED], fresh,
		       fresh == 1 ? "" : "s", counts[NAMEDB_WAS_REJECTED]);
	for (i = 0; done && i < res.n; i++)
		free(done[i].fresh);
	free(done);
	namelearn_result_release(&res);
	namelearn_free(nl);
	store_free(st);
	if (rc < 0)
		return cli_fail(&e);
	return cli_finish_output(CLI_OK);
}

/* confirm and reject: one entity, or one spelling of it. */
static int review(int argc, char **argv, const struct cli_ctx *ctx,
                  const char *sub, enum store_name_status status)
{
	static const struct option opts[] = {
	    {"alias", required_argument, NULL, 'a'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const struct names_sub *s = find_sub(sub);
	int64_t ids[NAMESTORE_MAX_HITS];
	struct store *st = NULL;
	struct err e;
	char *alias = NULL, *arg = NULL;
	int c, rc, n;

	cli_opt_reset();
	while ((c = sub_getopt(argc, argv, ":h", opts, s)) != -1) {
		switch (c) {
		case 'a':
			free(alias);
			if (!(alias = name_arg(s, "--alias", optarg)))
				return CLI_USAGE;
			break;
		case CLI_OPT_HELP:
			free(alias);
			return CLI_OK;
		default:
			free(alias);
			return CLI_USAGE;
		}
	}
	if (argc - optind != 1) {
		free(alias);
		return sub_usage(s,
		                 "give one entity: an ID, a label or a name");
	}
	if (!(arg = name_arg(s, "the entity", argv[optind]))) {
		free(alias);
		return CLI_USAGE;
	}
	err_clear(&e);
	rc = open_memory(&st, ctx, 0, &e) < 0 ? cli_fail(&e) : CLI_OK;
	if (rc == CLI_OK)
		rc = entities_arg(st, arg, NAMESTORE_ANY, ids,
		                  NAMESTORE_MAX_HITS, 0, &n);
	if (rc == CLI_OK &&
	    namedb_set_status(st, ids[0], alias, status, &e) < 0)
		rc = cli_fail(&e);
	if (rc == CLI_OK) {
		if (alias)
			printf("%s spelling '%s' of entity %lld\n",
			       status == STORE_NAME_CONFIRMED ? "confirmed"
			                                      : "rejected",
			       alias, (long long)ids[0]);
		else
			printf("%s entity %lld\n",
			       status == STORE_NAME_CONFIRMED ? "confirmed"
			                                      : "rejected",
			       (long long)ids[0]);
		rc = cli_finish_output(CLI_OK);
	}
	store_free(st);
	free(alias);
	free(arg);
	return rc;
}

static int run_confirm(int argc, char **argv, const struct cli_ctx *ctx)
{
	return review(argc, argv, ctx, "confirm", STORE_NAME_CONFIRMED);
}

static int run_reject(int argc, char **argv, const struct cli_ctx *ctx)
{
	return review(argc, argv, ctx, "reject", STORE_NAME_REJECTED);
}

static const struct names_sub subs[] = {
    {"compare", run_compare, "are two spellings of a name the same person?",
     "compare [--threshold T] [--why] [NAME NAME]",
     "Compares two names (any script, any order of words) and prints\n"
     "`score TAB same|different`: a similarity from 0 to 1, and the\n"
     "verdict at the threshold (default 0.78).  Relatives and namesakes\n"
     "are different persons: different given names, or a feminine and a\n"
     "masculine surname, make 'different' however close the surnames.  A\n"
     "name of one word is compared with the surname of the other.\n"
     "With no names, reads `NAME TAB NAME` lines from stdin and prints\n"
     "one line for each, in order; a bad line stops with an error naming\n"
     "it.\n"
     "\n"
     "options:\n"
     "  --threshold T  the verdict's threshold, 0 to 1\n"
     "  --why          add a third column: full or surname (same), or\n"
     "                 what made them different (given-names, gender,\n"
     "                 spelling)\n"
     "\n"
     "examples:\n"
     "  newstm names compare 'Ціханоўская Святлана' 'Sviatlana "
     "Tsikhanouskaya'\n"
     "  printf 'Lukashenka\\tАляксандр Лукашэнка\\n' | newstm names "
     "compare\n"},
    {"add", run_add, "set a person's house form for a language",
     "add NAME --lang L [--alias SPELLING]... [--entity ID | --new]",
     "Makes NAME (the full name, e.g. 'Sviatlana Tsikhanouskaya') the\n"
     "house form in language L of the person it names: the stored entity\n"
     "that NAME is the same person as (by the name matcher, full name\n"
     "against full name), else a new entity.  Its surname is then the\n"
     "house form of surname-only mentions.  A house form given to a\n"
     "proposal of `names learn` confirms it.  Creates the memory if\n"
     "needed.\n"
     "\n"
     "options:\n"
     "  --lang L           the language of NAME (required)\n"
     "  --alias SPELLING   another known spelling in L (repeatable)\n"
     "  --entity ID        add to this entity\n"
     "  --new              always a new entity (a namesake)\n"
     "\n"
     "example:\n"
     "  newstm names add 'Святлана Ціханоўская' --lang be\n"},
    {"list", run_list, "list the entities of the memory",
     "list [--status confirmed|proposed|rejected|all]",
     "Prints one line per entity: `ID TAB status TAB label TAB languages\n"
     "of its house forms TAB number of spellings`, by ID.  By default the\n"
     "confirmed entities and the proposals.\n"},
    {"show", run_show, "an entity's spellings and their counts in the memory",
     "show ID|NAME",
     "Shows the entity with that ID or label, or every entity NAME is the\n"
     "same person as: its spellings (kind TAB language TAB spelling TAB\n"
     "mentions in the memory's texts) and the spellings found in the\n"
     "memory that it does not list yet (kind `seen`).  Kinds: house,\n"
     "alias, learned, proposed, not (a spelling that is not this person),\n"
     "seen.  Inflected mentions count for their base form.\n"},
    {"import", run_import,
     "read a house-style list (names.tsv) into the memory", "import FILE.tsv",
     "Reads lines `entity TAB lang TAB spelling TAB kind` (kind: house,\n"
     "alias or not; # starts a comment) and stores them: entities by\n"
     "label, created or confirmed.  A bad line stores nothing and is\n"
     "named with its line number.  Creates the memory if needed.\n"
     "\n"
     "example:\n"
     "  newstm names import tm/names.tsv\n"},
    {"export", run_export, "write the house style as a names.tsv",
     "export [FILE|-]",
     "Writes the confirmed entities as `entity TAB lang TAB spelling TAB\n"
     "kind` lines, in a canonical order (by label; house forms, then\n"
     "aliases, then not), so that import then export gives the same file.\n"
     "\n"
     "example:\n"
     "  newstm names export tm/names.tsv\n"},
    {"learn", run_learn, "propose entities found in the memory's texts",
     "learn [--min-mentions N]",
     "Finds persons in the stored texts (a given name and a surname, in\n"
     "any case form; surnames alone), clusters their spellings with the\n"
     "name matcher, links Latin and Cyrillic spellings that stand on the\n"
     "two sides of one unit, and stores each person as a proposal (or new\n"
     "spellings of an entity already known).  Rejected proposals are not\n"
     "proposed again.  Prints each person with its spellings (kind TAB\n"
     "language TAB spelling TAB mentions; kinds: house (proposed house\n"
     "form), full, surname); for an entity already confirmed, only the\n"
     "spellings new to it (stored as learned, shown by `names show`).\n"
     "\n"
     "options:\n"
     "  --min-mentions N   propose persons mentioned at least N times\n"
     "                     (default 2)\n"},
    {"confirm", run_confirm, "accept a proposal (or one spelling)",
     "confirm ID|NAME [--alias SPELLING]",
     "Confirms the entity (a proposal of `names learn`) with its proposed\n"
     "and learned spellings, or with --alias only that spelling.\n"},
    {"reject", run_reject, "refuse a proposal (or one spelling)",
     "reject ID|NAME [--alias SPELLING]",
     "Rejects the entity: `names learn` will not propose it again and\n"
     "check ignores it.  With --alias, marks that spelling as not this\n"
     "person.\n"},
};

#define NSUBS (sizeof(subs) / sizeof(subs[0]))

static const struct names_sub *find_sub(const char *name)
{
	size_t i;

	for (i = 0; i < NSUBS; i++)
		if (!strcmp(subs[i].name, name))
			return &subs[i];
	return NULL;
}

static void names_help(void)
{
	size_t i;

	printf("usage: newstm names SUBCOMMAND [ARGS]\n\n%s\n\n"
	       "subcommands:\n",
	       cmd_names.summary);
	for (i = 0; i < NSUBS; i++)
		printf("  %-10s %s\n", subs[i].name, subs[i].summary);
	printf("\n'newstm names SUBCOMMAND --help' for one of them.\n");
}

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	const struct names_sub *s;

	if (argc < 2)
		return cli_usage_error("names", "missing subcommand");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    (!strcmp(argv[1], "help") && argc == 2)) {
		names_help();
		return CLI_OK;
	}
	if (!strcmp(argv[1], "help")) { /* names help SUB: SUB --help */
		static char help_opt[] = "--help";
		char *sub[3];

		s = find_sub(argv[2]);
		if (!s)
			return cli_usage_error(
			    "names", "unknown subcommand '%s'", argv[2]);
		sub[0] = argv[2];
		sub[1] = help_opt;
		sub[2] = NULL;
		return s->run(2, sub, ctx);
	}
	s = find_sub(argv[1]);
	if (!s)
		return cli_usage_error("names", "unknown subcommand '%s'",
		                       argv[1]);
	return s->run(argc - 1, argv + 1, ctx);
}

const struct cli_cmd cmd_names = {
    "names",
    run,
    "persons' names: compare spellings, keep house forms, learn them",
    "names SUBCOMMAND [ARGS]",
    "subcommands:\n"
    "  compare    are two spellings of a name the same person?\n"
    "  add        set a person's house form for a language\n"
    "  list       list the entities of the memory\n"
    "  show       an entity's spellings and their counts in the memory\n"
    "  import     read a house-style list (names.tsv) into the memory\n"
    "  export     write the house style as a names.tsv\n"
    "  learn      propose entities found in the memory's texts\n"
    "  confirm    accept a proposal (or one spelling)\n"
    "  reject     refuse a proposal (or one spelling)\n"
    "\n"
    "'newstm names SUBCOMMAND --help' for one of them.\n",
};
