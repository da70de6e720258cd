/*
 * newstm show: one unit with everything the memory knows about it.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "cmds.h"
#include "out.h"
#include "store.h"
#include "banned.h"

/* A text on one line: tab, newline and backslash escaped as in TSV. */
static void print_text(const char *label, const char *s)
{
	struct buf b;

	buf_init(&b);
	out_tsv_field(&b, s, strlen(s));
	printf("%s: %s\n", label, b.data);
	buf_release(&b);
}

static void print_date(const char *label, int64_t t, const char *who)
{
	char d[32];

	if (!t && !who)
		return;
	out_human_date(d, t);
	printf("%s: %s%s%s\n", label, d, who ? " by " : "", who ? who : "");
}

static int print_origin(void *ctx, const struct store_origin_info *o)
{
	(void)ctx;
	if (o->position >= 0)
		printf("origin: %s, position %lld (batch %lld)\n", o->document,
		       o->position, (long long)o->batch);
	else
		printf("origin: %s (batch %lld)\n", o->document,
		       (long long)o->batch);
	return 0;
}

static int print_prop(void *ctx, const struct store_prop *p)
{
	static const char *const scopes[] = {"tu", "source", "target"};
	static const char *const kinds[] = {"prop", "note", "attribute"};
	struct buf b;

	(void)ctx;
	buf_init(&b);
	buf_addf(&b, "%s %s", scopes[p->scope], kinds[p->kind]);
	if (p->type)
		buf_addf(&b, " %s", p->type);
	if (p->lang)
		buf_addf(&b, " (%s)", p->lang);
	print_text(b.data, p->value);
	buf_release(&b);
	return 0;
}

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {NULL, 0, NULL, 0},
	};
	struct store *st = NULL;
	struct store_unit u;
	struct err e;
	long id;
	int c;

	while ((c = cli_getopt(argc, argv, opts, "show")) != -1) {
		if (c == CLI_OPT_HELP)
			return CLI_OK;
		return CLI_USAGE;
	}
	if (argc - optind != 1)
		return cli_usage_error("show", "give one unit ID");
	if (cli_parse_long(&id, argv[optind], 1, LONG_MAX, "show", "ID") < 0)
		return CLI_USAGE;
	err_clear(&e);
	if (store_open(&st, ctx->tm_path, 0, &e) < 0)
		return cli_fail(&e);
	if (store_get_unit(st, id, &u, &e) < 0) {
		store_free(st);
		return cli_fail(&e);
	}
	printf("unit %lld\n", (long long)u.id);
	printf("languages: %s -> %s\n", u.src_lang, u.tgt_lang);
	print_text("source", u.source);
	print_text("target", u.target);
	if (u.src_markup)
		print_text("source with codes", u.src_markup);
	if (u.tgt_markup)
		print_text("target with codes", u.tgt_markup);
	if (u.confidence >= 0)
		printf("confidence: %.2f%s\n", u.confidence,
		       u.aligned ? " (from alignments only)" : "");
	printf("confirmed: %s\n", u.confirmed ? "yes" : "no");
	printf("count: %lld\n", u.count);
	print_date("created", u.created, u.creator);
	print_date("changed", u.changed, u.changer);
	if (u.usage || u.last_used) {
		printf("usage: %lld\n", u.usage);
		print_date("last used", u.last_used, NULL);
	}
	if (store_each_origin(st, id, print_origin, NULL, &e) < 0 ||
	    store_each_prop(st, id, print_prop, NULL, &e) < 0) {
		store_unit_release(&u);
		store_free(st);
		return cli_fail(&e);
	}
	store_unit_release(&u);
	store_free(st);
	return CLI_OK;
}

const struct cli_cmd cmd_show = {
    "show",
    run,
    "show one unit: texts, languages, origins, dates, props and notes",
    "show ID",
    "Prints unit ID: its languages, source and target (tab, newline and\n"
    "backslash escaped as \\t \\n \\\\), the texts with their inline codes\n"
    "when they have some, confidence, confirmation, how often it was\n"
    "seen, dates, where it was seen (document, position, batch) and the\n"
    "props, notes and attributes it came with.\n"
    "\n"
    "example:\n"
    "  newstm show 1234\n",
};
