/*
 * newstm delete: remove one unit.
 */
#include <limits.h>
#include <stdio.h>

#include "cmds.h"
#include "store.h"
#include "banned.h"

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {NULL, 0, NULL, 0},
	};
	struct store *st = NULL;
	struct err e;
	long id;
	int c, rc;

	while ((c = cli_getopt(argc, argv, opts, "delete")) != -1) {
		if (c == CLI_OPT_HELP)
			return CLI_OK;
		return CLI_USAGE;
	}
	if (argc - optind != 1)
		return cli_usage_error("delete", "give one unit ID");
	if (cli_parse_long(&id, argv[optind], 1, LONG_MAX, "delete", "ID") < 0)
		return CLI_USAGE;
	err_clear(&e);
	if (store_open(&st, ctx->tm_path, 0, &e) < 0)
		return cli_fail(&e);
	rc = store_delete(st, id, &e);
	store_free(st);
	if (rc < 0)
		return cli_fail(&e);
	printf("deleted unit %ld\n", id);
	return CLI_OK;
}

const struct cli_cmd cmd_delete = {
    "delete",
    run,
    "remove one unit from the memory",
    "delete ID",
    "Deletes unit ID (as `newstm show` and suggestions number it) with its\n"
    "origins, props and notes, and the texts no other unit uses.\n"
    "\n"
    "example:\n"
    "  newstm delete 1234\n",
};
