/*
 * newstm export: write the memory as TMX 1.4b, TSV or JSON Lines.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmds.h"
#include "export.h"
#include "lang.h"
#include "store.h"
#include "banned.h"

#ifndef NEWSTM_VERSION
#define NEWSTM_VERSION "0.0.0"
#endif

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"src-lang", required_argument, NULL, 's'},
	    {"tgt-lang", required_argument, NULL, 't'},
	    {"document", required_argument, NULL, 'd'},
	    {NULL, 0, NULL, 0},
	};
	char src[LANG_TAG_MAX], tgt[LANG_TAG_MAX];
	struct export_opts o;
	struct export_report r;
	struct store *st = NULL;
	const char *path = NULL;
	FILE *out = NULL;
	struct err e;
	int c, rc, fd;

	memset(&o, 0, sizeof(o));
	o.format = EXPORT_TMX;
	o.version = NEWSTM_VERSION;
	while ((c = cli_getopt(argc, argv, opts, "export")) != -1) {
		switch (c) {
		case 'f':
			if (export_format_parse(optarg, &o.format) < 0)
				return cli_usage_error("export",
				                       "--format wants tmx, "
				                       "tsv or jsonl, not '%s'",
				                       optarg);
			break;
		case 's':
			if (cli_parse_lang(src, optarg, "export",
			                   "--src-lang") < 0)
				return CLI_USAGE;
			o.src_lang = src;
			break;
		case 't':
			if (cli_parse_lang(tgt, optarg, "export",
			                   "--tgt-lang") < 0)
				return CLI_USAGE;
			o.tgt_lang = tgt;
			break;
		case 'd':
			o.document = optarg;
			break;
		case CLI_OPT_HELP:
			return CLI_OK;
		default:
			return CLI_USAGE;
		}
	}
	if (cli_file_arg(&path, argc, argv, "export") < 0)
		return CLI_USAGE;
	if (path && !strcmp(path, "-"))
		path = NULL; /* standard output */

	err_clear(&e);
	if (store_open(&st, ctx->tm_path, 0, &e) < 0)
		return cli_fail(&e);
	/*
	 * Standard output is written through a stream of our own, so that a
	 * failed write is reported once, here, and not again at exit.
	 */
	if (path)
		out = fopen(path, "w");
	else if ((fd = dup(STDOUT_FILENO)) >= 0 && !(out = fdopen(fd, "w")))
		close(fd);
	if (!out) {
		cli_warn("cannot write '%s': %s", path ? path : "stdout",
		         strerror(errno));
		store_free(st);
		return CLI_FAIL;
	}
	rc = export_write(st, out, path ? path : "standard output", &o, &r, &e);
	store_free(st);
	if (fclose(out) != 0 && rc == 0)
		rc = err_set(&e, ERR_IO, "write error on %s: %s",
		             path ? path : "standard output", strerror(errno));
	if (rc < 0)
		return cli_fail(&e);
	if (r.replaced)
		cli_warn("%lld character%s not allowed in XML 1.0 written as "
		         "U+FFFD",
		         r.replaced, r.replaced == 1 ? "" : "s");
	return CLI_OK;
}

const struct cli_cmd cmd_export = {
    "export",
    run,
    "write the memory as TMX 1.4b, TSV or JSON Lines",
    "export [--format tmx|tsv|jsonl] [--src-lang L] [--tgt-lang L] "
    "[--document NAME] [FILE|-]",
    "Writes the units of the memory (or those of one language pair or one\n"
    "document) to FILE or standard output, streaming.\n"
    "\n"
    "formats:\n"
    "  tmx    TMX 1.4b in UTF-8 (default), valid against the TMX 1.4 DTD:\n"
    "         srclang in the header, xml:lang, the source first, UTC\n"
    "         dates; props, notes and inline codes as they were imported;\n"
    "         newstm's confidence, confirmation and origins as x-newstm-*\n"
    "         props, which `newstm import` reads back\n"
    "  tsv    source TAB target, one translation a line, \\t \\n \\\\ "
    "escapes\n"
    "  jsonl  one object a line: source, target, src_lang, tgt_lang,\n"
    "         confidence, confirmed, document, position\n"
    "\n"
    "options:\n"
    "  --src-lang L     only units whose source is in L (\"en\": en-US "
    "too)\n"
    "  --tgt-lang L     only units whose target is in L\n"
    "  --document NAME  only units seen in document NAME\n"
    "\n"
    "example:\n"
    "  newstm export --src-lang en --tgt-lang ru desk.tmx\n",
};
