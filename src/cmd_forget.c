/*
 * newstm forget: remove what one import brought, or one document.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cmds.h"
#include "store.h"
#include "banned.h"

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"document", required_argument, NULL, 'd'},
	    {"batch", required_argument, NULL, 'b'},
	    {NULL, 0, NULL, 0},
	};
	const char *doc = NULL;
	long batch = 0;
	struct store *st = NULL;
	struct store_forget f;
	struct err e;
	int c, rc;

	while ((c = cli_getopt(argc, argv, opts, "forget")) != -1) {
		switch (c) {
		case 'd':
			doc = optarg;
			break;
		case 'b':
			if (cli_parse_long(&batch, optarg, 1, LONG_MAX,
			                   "forget", "--batch") < 0)
				return CLI_USAGE;
			break;
		case CLI_OPT_HELP:
			return CLI_OK;
		default:
			return CLI_USAGE;
		}
	}
	if (optind < argc)
		return cli_usage_error("forget", "too many arguments");
	if (!doc == !batch)
		return cli_usage_error("forget",
		                       "give either --document NAME or --batch "
		                       "ID");
	err_clear(&e);
	if (store_open(&st, ctx->tm_path, 0, &e) < 0)
		return cli_fail(&e);
	rc = doc ? store_forget_document(st, doc, &f, &e)
	         : store_forget_batch(st, batch, &f, &e);
	store_free(st);
	if (rc < 0)
		return cli_fail(&e);
	if (doc)
		printf("forgot document %s", doc);
	else
		printf("forgot batch %ld", batch);
	printf(": %lld unit%s removed, %lld kept (seen elsewhere too)\n",
	       f.removed, f.removed == 1 ? "" : "s", f.kept);
	return CLI_OK;
}

const struct cli_cmd cmd_forget = {
    "forget",
    run,
    "remove what one import brought, or everything from one document",
    "forget --document NAME | --batch ID",
    "Removes the origins one import (batch) or one document gave the\n"
    "memory, with the units that nothing else holds; a unit also seen in\n"
    "another import or document stays, with its count lowered (and, for\n"
    "--batch, the props that import added removed).  The batch id is\n"
    "what `newstm import` printed; documents are named as `newstm show`\n"
    "lists them (for an import: the file name as given).  One transaction.\n"
    "\n"
    "options:\n"
    "  --document NAME  everything seen in document NAME\n"
    "  --batch ID       what import (or add) batch ID brought\n"
    "\n"
    "example:\n"
    "  newstm forget --batch 7\n",
};
