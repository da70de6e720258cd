/*
 * newstm add: segment and align an article with its translation and store
 * the pairs in the memory; --list does it for a whole archive.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "add.h"
#include "bitext.h"
#include "cli_pair.h"
#include "cmds.h"
#include "store.h"
#include "xalloc.h"
#include "banned.h"

struct add_cmd_opts {
	struct bitext_opts bo;
	double min_conf;
	const char *list;
};

/* One pair of article paths from the command line or a --list file. */
struct pair_path {
	char *src, *tgt;
	size_t line; /* in the list file; 0 for the command line */
};

/*
 * Add one pair of articles; prints its line and returns the exit status.
 * The memory is opened (*st) only once there is something to store, so a
 * pair that cannot be read leaves no empty memory behind.
 */
static int add_one(struct store **st, const struct pair_path *pp,
                   const struct add_cmd_opts *o, const struct cli_ctx *ctx)
{
	unsigned flags = STORE_CREATE;
	struct bitext bt;
	struct add_report r;
	struct err e;
	int status = CLI_OK;

	bitext_init(&bt);
	err_clear(&e);
	if (bitext_load(&bt, pp->src, pp->tgt, &o->bo, &e) < 0) {
		status = cli_fail(&e);
		goto out;
	}
	cli_pair_warn(&bt);
	if (bt.r.unrelated)
		cli_warn("%s and %s do not look like translations of each "
		         "other (relatedness %.2f): pairs below %.2f are left "
		         "out",
		         bt.src.name, bt.tgt.name, bt.r.relatedness,
		         o->min_conf);
	if (add_languages(&bt, &e) < 0) { /* before the memory is created */
		status = cli_fail(&e);
		goto out;
	}
	if (add_count(&bt, o->min_conf, &r) == 0) {
		/* nothing to store: no memory is created or changed */
		printf("%s %s: 0 new, 0 already known; %lld below %.2f left "
		       "out, %lld sentence%s without counterpart (nothing "
		       "stored)\n",
		       bt.src.name, bt.tgt.name, r.weak, o->min_conf, r.lone,
		       r.lone == 1 ? "" : "s");
		fflush(stdout);
		goto out;
	}
	if (!*st && !strcmp(ctx->tm_path, CLI_DEFAULT_TM))
		flags |= STORE_MKDIR; /* the default home, tm/, on first use */
	if (!*st && store_open(st, ctx->tm_path, flags, &e) < 0) {
		status = cli_fail(&e);
		goto out;
	}
	if (add_pair(*st, &bt, o->min_conf, &r, &e) < 0) {
		status = cli_fail(&e);
		goto out;
	}
	printf("%s %s: %lld new, %lld already known; %lld below %.2f left "
	       "out, %lld sentence%s without counterpart (batch %lld)\n",
	       bt.src.name, bt.tgt.name, r.added, r.known, r.weak, o->min_conf,
	       r.lone, r.lone == 1 ? "" : "s", (long long)r.batch);
	/* a log of a long --list keeps every pair added, even if killed */
	fflush(stdout);
out:
	bitext_release(&bt);
	return status;
}

/* A path from a list file: relative paths are relative to the list. */
static char *list_path(const char *list, const char *p, size_t n)
{
	const char *slash = strrchr(list, '/');
	struct buf b;

	buf_init(&b);
	if (p[0] != '/' && slash)
		buf_add(&b, list, (size_t)(slash - list) + 1);
	buf_add(&b, p, n);
	return buf_detach(&b, NULL);
}

/*
 * Read the --list file: one `src TAB tgt` per line, blank lines and lines
 * starting with # ignored.  A malformed line is reported with its number
 * and counted in *bad; the other pairs are still returned.  Returns the
 * number of pairs, or -1 (reported) when the file cannot be read.
 */
static long read_list(struct pair_path **out, const char *list, long *bad)
{
	struct buf raw;
	struct err e;
	struct pair_path *pp = NULL;
	size_t n = 0, cap = 0, pos = 0, line = 0;

	*bad = 0;
	buf_init(&raw);
	err_clear(&e);
	if (text_read(&raw, list, cli_input_name(list), &e) < 0) {
		cli_fail(&e);
		buf_release(&raw);
		return -1;
	}
	while (pos < raw.len) {
		const char *s = raw.data + pos, *nl, *tab;
		size_t len;

		nl = memchr(s, '\n', raw.len - pos);
		len = nl ? (size_t)(nl - s) : raw.len - pos;
		pos += len + 1;
		line++;
		if (len && s[len - 1] == '\r')
			len--;
		if (!len || s[0] == '#')
			continue;
		tab = memchr(s, '\t', len);
		if (!tab || tab == s || tab == s + len - 1 ||
		    memchr(tab + 1, '\t', len - (size_t)(tab + 1 - s))) {
			cli_warn(
			    "%s: line %zu: expected two paths separated by "
			    "one tab; line skipped",
			    cli_input_name(list), line);
			(*bad)++;
			continue;
		}
		XGROW(pp, cap, n + 1);
		pp[n].src = list_path(list, s, (size_t)(tab - s));
		pp[n].tgt =
		    list_path(list, tab + 1, len - (size_t)(tab + 1 - s));
		pp[n].line = line;
		n++;
	}
	buf_release(&raw);
	*out = pp;
	return (long)n;
}

static void progress(size_t done, size_t total)
{
	char bar[31];
	size_t k, fill = total ? done * 30 / total : 30;

	for (k = 0; k < 30; k++)
		bar[k] = k < fill ? '#' : '.';
	bar[30] = '\0';
	fprintf(stderr, "\r[%s] %zu/%zu article pairs", bar, done, total);
	fflush(stderr);
}

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    CLI_PAIR_OPTIONS,
	    {"min-confidence", required_argument, NULL, 'm'},
	    {"list", required_argument, NULL, 'l'},
	    {NULL, 0, NULL, 0},
	};
	struct add_cmd_opts o;
	struct pair_path *pairs = NULL, one;
	struct store *st = NULL;
	long npairs = 0, bad = 0, k;
	int c, status = CLI_OK;

	memset(&o, 0, sizeof(o));
	o.min_conf = ADD_MIN_CONFIDENCE;
	while ((c = cli_getopt(argc, argv, opts, "add")) != -1) {
		switch (c) {
		case 'm':
			if (cli_parse_double(&o.min_conf, optarg, 0, 1, "add",
			                     "--min-confidence") < 0)
				return CLI_USAGE;
			break;
		case 'l':
			o.list = optarg;
			break;
		case CLI_OPT_HELP:
			return CLI_OK;
		default:
			if (cli_pair_option(&o.bo, c, optarg, "add") <= 0)
				return CLI_USAGE;
			break;
		}
	}
	if (o.list) {
		if (optind < argc)
			return cli_usage_error("add",
			                       "--list takes no SRC TGT");
		npairs = read_list(&pairs, o.list, &bad);
		if (npairs < 0)
			return CLI_FAIL;
		if (bad)
			status = CLI_FAIL; /* reported; the good lines go on */
	} else {
		if (cli_pair_paths(argc - optind, argv + optind, "add") !=
		    CLI_OK)
			return CLI_USAGE;
		one.src = argv[optind];
		one.tgt = argv[optind + 1];
		one.line = 0;
		pairs = &one;
		npairs = 1;
	}
	for (k = 0; k < npairs; k++) {
		if (o.list && ctx->progress)
			progress((size_t)k, (size_t)npairs);
		if (o.list && ctx->progress)
			fputs("\r\033[K", stderr);
		if (add_one(&st, &pairs[k], &o, ctx) != CLI_OK) {
			if (o.list)
				cli_warn("%s: line %zu: article pair not added",
				         o.list, pairs[k].line);
			status = CLI_FAIL;
		}
		if (ferror(stdout))
			break;
	}
	store_free(st);
	if (o.list) {
		for (k = 0; k < npairs; k++)
			free(pairs[k].src), free(pairs[k].tgt);
		free(pairs);
	}
	return status;
}

const struct cli_cmd cmd_add = {
    "add",
    run,
    "align an article with its translation and store the pairs",
    "add [--src-lang L] [--tgt-lang L] [--presegmented]\n"
    "       [--encoding NAME] [--src-encoding NAME] [--tgt-encoding NAME]\n"
    "       [--lossy] [--min-confidence X] SRC TGT\n"
    "       newstm add [options] --list FILE",
    "Splits SRC and its translation TGT into sentences, aligns them (as\n"
    "`newstm align` does) and stores every pair with a confidence of at\n"
    "least X in the memory (--tm, default tm/memory.db, created with its\n"
    "folder tm/ on first use), as one transaction: all of it or nothing.\n"
    "Sentences without counterpart are not stored.  Adding the same\n"
    "articles again stores nothing new: \"0 new, N already known\".\n"
    "\n"
    "options:\n"
    "  --src-lang L, --tgt-lang L  languages (default: guessed)\n"
    "  --min-confidence X  store pairs at or above X (default 0.50)\n"
    "  --presegmented   each input line is one sentence\n"
    "  --encoding NAME  read both inputs as NAME (default: detect);\n"
    "                   --src-encoding, --tgt-encoding for one side\n"
    "  --lossy          replace invalid bytes with U+FFFD and warn\n"
    "  --list FILE      add every pair in FILE: one `SRC TAB TGT` per\n"
    "                   line (relative paths are relative to FILE's\n"
    "                   folder; lines starting with # are comments),\n"
    "                   each pair its own transaction, with a progress\n"
    "                   bar on a terminal; a bad line or pair is\n"
    "                   reported and the others are still added\n"
    "\n"
    "Prints, per pair: \"SRC TGT: N new, M already known; K below X left\n"
    "out, L sentences without counterpart (batch B)\".\n"
    "\n"
    "example:\n"
    "  newstm add samples/prisoners.en.txt samples/prisoners.ru.txt\n",
};
