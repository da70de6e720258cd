/*
 * newstm import: put TMX, XLIFF, TSV or JSON Lines files into the memory.
 *
 * A test hook, for the test suite only (not a user feature, and not in
 * README.md): with NEWSTM_TEST_PAUSE_AFTER_UNITS=N in the environment the
 * import stops after its Nth unit of a file, inside that file's write
 * transaction, for NEWSTM_TEST_PAUSE_SECONDS seconds (default 30), after
 * printing "newstm: test hook: paused after N units" on stderr, so that
 * tests can kill it there (nothing of the file may be kept) or run a
 * second writer or a reader against the held write lock
 * (tests/cli/store-kill-import, store-concurrent, suggest-busy).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cmds.h"
#include "import.h"
#include "lang.h"
#include "store.h"
#include "banned.h"

struct hook {
	const char *name;
	int progress;       /* stderr is a terminal */
	long long pause_at; /* NEWSTM_TEST_PAUSE_AFTER_UNITS */
	unsigned pause_s;
};

/*
 * Called after each unit, inside the file's transaction: progress on a
 * terminal, and the test hook described at the top of this file.
 */
static void progress(void *ctx, long long units)
{
	struct hook *h = ctx;

	if (h->progress && units % 10000 == 0)
		fprintf(stderr, "\rimporting %s: %lld units", h->name, units);
	if (h->pause_at && units == h->pause_at) {
		fprintf(stderr, "newstm: test hook: paused after %lld units\n",
		        units);
		fflush(stderr);
		sleep(h->pause_s);
	}
}

static void report(const char *name, const struct import_report *r)
{
	size_t i;

	printf("%s: %lld unit%s imported, %lld merged, %lld skipped; batch "
	       "%lld\n",
	       name, r->counts.added, r->counts.added == 1 ? "" : "s",
	       r->counts.merged + r->counts.known, r->skipped,
	       (long long)r->batch);
	if (r->counts.known)
		cli_warn("%s: %lld of the merged unit%s already came from "
		         "this very place (a file imported again): nothing "
		         "changed for %s",
		         name, r->counts.known, r->counts.known == 1 ? "" : "s",
		         r->counts.known == 1 ? "it" : "them");
	for (i = 0; i < r->nskips; i++) {
		const struct import_skip *s = &r->skips[i];

		cli_warn("%s: %lld unit%s skipped: %s%s%s%s", s->where,
		         s->count, s->count == 1 ? "" : "s", s->reason,
		         s->detail ? " (" : "", s->detail ? s->detail : "",
		         s->detail ? ")" : "");
	}
	for (i = 0; i < IMPORT_MAX_BAD && (long long)i < r->bad; i++)
		cli_warn("%s (skipped)", r->bad_msgs[i]);
	if (r->bad > IMPORT_MAX_BAD)
		cli_warn("%s: %lld more bad parts skipped", name,
		         r->bad - IMPORT_MAX_BAD);
}

/* Remove a memory file and its WAL companions (a memory left empty). */
static void remove_memory(const char *path)
{
	static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
	struct buf b;
	size_t k;

	buf_init(&b);
	for (k = 0; k < sizeof(ext) / sizeof(ext[0]); k++) {
		buf_reset(&b);
		buf_addf(&b, "%s%s", path, ext[k]);
		remove(b.data);
	}
	buf_release(&b);
}

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"src-lang", required_argument, NULL, 's'},
	    {"tgt-lang", required_argument, NULL, 't'},
	    {"skip-bad", no_argument, NULL, 'k'},
	    {NULL, 0, NULL, 0},
	};
	char src[LANG_TAG_MAX], tgt[LANG_TAG_MAX];
	struct import_opts o;
	struct store *st = NULL;
	struct hook h;
	struct err e;
	unsigned flags = STORE_CREATE;
	const char *env;
	int c, i, status = CLI_OK, existed, stored = 0;

	memset(&o, 0, sizeof(o));
	while ((c = cli_getopt(argc, argv, opts, "import")) != -1) {
		switch (c) {
		case 'f':
			if (import_format_parse(optarg, &o.format) < 0)
				return cli_usage_error("import",
				                       "--format wants tmx, "
				                       "xliff, tsv or jsonl, "
				                       "not '%s'",
				                       optarg);
			break;
		case 's':
			if (cli_parse_lang(src, optarg, "import",
			                   "--src-lang") < 0)
				return CLI_USAGE;
			o.src_lang = src;
			break;
		case 't':
			if (cli_parse_lang(tgt, optarg, "import",
			                   "--tgt-lang") < 0)
				return CLI_USAGE;
			o.tgt_lang = tgt;
			break;
		case 'k':
			o.skip_bad = 1;
			break;
		case CLI_OPT_HELP:
			return CLI_OK;
		default:
			return CLI_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage_error("import", "no file to import");
	if (o.src_lang && o.tgt_lang && !strcmp(o.src_lang, o.tgt_lang))
		return cli_usage_error(
		    "import",
		    "--src-lang and --tgt-lang are both "
		    "'%s': a translation needs two languages "
		    "(en-US and en-GB are two)",
		    o.src_lang);

	memset(&h, 0, sizeof(h));
	h.progress = ctx->progress;
	env = getenv("NEWSTM_TEST_PAUSE_AFTER_UNITS");
	if (env && *env) {
		h.pause_at = atoll(env);
		env = getenv("NEWSTM_TEST_PAUSE_SECONDS");
		h.pause_s = env && *env ? (unsigned)atoi(env) : 30;
	}
	o.progress = progress;
	o.progress_ctx = &h;

	err_clear(&e);
	if (!strcmp(ctx->tm_path, CLI_DEFAULT_TM))
		flags |= STORE_MKDIR; /* the default home, tm/, on first use */
	/* a memory this run creates goes again if nothing went into it */
	existed = access(ctx->tm_path, F_OK) == 0;
	if (store_open(&st, ctx->tm_path, flags, &e) < 0)
		return cli_fail(&e);
	for (i = optind; i < argc; i++) {
		struct import_report r;
		const char *name = cli_input_name(argv[i]);

		h.name = name;
		import_report_init(&r);
		err_clear(&e);
		if (import_file(st, argv[i], &o, &r, &e) < 0) {
			if (h.progress)
				fputs("\r\033[K", stderr);
			cli_fail(&e);
			status = CLI_FAIL;
		} else {
			if (h.progress)
				fputs("\r\033[K", stderr);
			report(name, &r);
			stored++;
			if (r.cut_short) {
				/* the good units before the error are stored,
				 * but the rest of the file was never read */
				cli_warn("%s: the rest of the file after that "
				         "error was not read",
				         name);
				status = CLI_FAIL;
			}
		}
		import_report_release(&r);
	}
	store_free(st);
	if (!existed && !stored)
		remove_memory(ctx->tm_path);
	return status;
}

const struct cli_cmd cmd_import = {
    "import",
    run,
    "put TMX, XLIFF, TSV or JSON Lines translations into the memory",
    "import [--format tmx|xliff|tsv|jsonl] [--src-lang L] [--tgt-lang L] "
    "[--skip-bad] FILE...",
    "Reads each FILE (- for stdin) and stores its translation units in the\n"
    "memory (--tm, default tm/memory.db, created with its folder tm/ on\n"
    "first use).  Each file is one transaction and one batch: all of it or\n"
    "nothing.  Units equal to stored ones after whitespace normalisation\n"
    "are merged, not stored twice: a unit counts the places (file and\n"
    "position) it came from, so importing a file again adds nothing.\n"
    "\n"
    "formats (from --format, else the extension, else the content):\n"
    "  tmx    TMX 1.1, 1.2, 1.4b; UTF-8 or UTF-16; lang= or xml:lang=;\n"
    "         several targets per unit; inline codes, props and notes kept\n"
    "  xliff  XLIFF 1.2 trans-unit and 2.x segment source/target\n"
    "  tsv    source TAB target (or confidence TAB source TAB target, as\n"
    "         `newstm align` writes it), with \\t \\n \\\\ escapes\n"
    "  jsonl  the JSON Lines of `newstm align` (or of `newstm export`)\n"
    "\n"
    "options:\n"
    "  --format F       the input format (default: tell from the file)\n"
    "  --src-lang L     the source language (TMX: which variant is the\n"
    "                   source; TSV, JSONL: default guessed)\n"
    "  --tgt-lang L     only targets in L (\"en\" matches en-US too)\n"
    "  --skip-bad       keep the good units of a file with bad parts\n"
    "                   (malformed lines; a TMX up to its first error)\n"
    "\n"
    "Prints \"FILE: N units imported, M merged, K skipped; batch B\" per\n"
    "file, and why units were skipped.  A file rejected as a whole (not\n"
    "well-formed, wrong encoding, entity definitions) stores nothing and\n"
    "makes the exit status 1; skipped units do not.\n"
    "\n"
    "example:\n"
    "  newstm import --src-lang en wire-2024.tmx desk.tsv\n",
};
