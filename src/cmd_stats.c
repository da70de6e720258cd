/*
 * newstm stats: what the memory holds.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cmds.h"
#include "out.h"
#include "store.h"
#include "banned.h"

static void print_date(const char *label, int64_t t)
{
	char d[32];

	out_human_date(d, t);
	printf("%s: %s\n", label, d);
}

static int print_pair(void *ctx, const char *sl, const char *tl, long long n)
{
	(void)ctx;
	printf("  %s -> %s: %lld\n", sl, tl, n);
	return 0;
}

static long long file_bytes(const char *path, const char *suffix)
{
	char p[4096];
	struct stat sb;

	snprintf(p, sizeof(p), "%s%s", path, suffix);
	return stat(p, &sb) == 0 ? (long long)sb.st_size : 0;
}

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"check", no_argument, NULL, 'c'},
	    {NULL, 0, NULL, 0},
	};
	struct store *st = NULL;
	struct store_stats s;
	struct err e;
	int c, check = 0;

	while ((c = cli_getopt(argc, argv, opts, "stats")) != -1) {
		switch (c) {
		case 'c':
			check = 1;
			break;
		case CLI_OPT_HELP:
			return CLI_OK;
		default:
			return CLI_USAGE;
		}
	}
	if (optind < argc)
		return cli_usage_error("stats", "too many arguments");
	err_clear(&e);
	if (store_open(&st, ctx->tm_path, 0, &e) < 0)
		return cli_fail(&e);
	if (store_stats(st, &s, &e) < 0)
		goto fail;
	printf("memory: %s (schema version %d)\n", ctx->tm_path, s.version);
	printf("file size: %lld bytes (+ %lld in the write-ahead log)\n",
	       file_bytes(ctx->tm_path, ""), file_bytes(ctx->tm_path, "-wal"));
	printf("units: %lld (%lld confirmed, %lld from alignments only)\n",
	       s.units, s.confirmed, s.aligned);
	printf("segments: %lld\n", s.segments);
	printf("documents: %lld\n", s.documents);
	printf("imports: %lld\n", s.batches);
	print_date("first import", s.first_import);
	print_date("last import", s.last_import);
	printf("language pairs:\n");
	if (store_each_pair(st, print_pair, NULL, &e) < 0)
		goto fail;
	if (check) {
		if (store_check(st, &e) < 0)
			goto fail;
		printf("integrity: ok\n");
	}
	store_free(st);
	return CLI_OK;
fail:
	store_free(st);
	return cli_fail(&e);
}

const struct cli_cmd cmd_stats = {
    "stats",
    run,
    "what the memory holds: units per language pair, documents, imports",
    "stats [--check]",
    "Prints the memory's path, schema version and file size, the number\n"
    "of units (confirmed, from alignments only), segments, documents and\n"
    "imports, the dates of the first and last import, and the units per\n"
    "language pair.\n"
    "\n"
    "options:\n"
    "  --check   also check the file (SQLite integrity and references);\n"
    "            a damaged memory makes the exit status 1\n"
    "\n"
    "example:\n"
    "  newstm --tm desk.db stats\n",
};
