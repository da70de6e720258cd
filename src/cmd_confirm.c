/*
 * newstm confirm: mark one unit as checked by a person.
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

	while ((c = cli_getopt(argc, argv, opts, "confirm")) != -1) {
		if (c == CLI_OPT_HELP)
			return CLI_OK;
		return CLI_USAGE;
	}
	if (argc - optind != 1)
		return cli_usage_error("confirm", "give one unit ID");
	if (cli_parse_long(&id, argv[optind], 1, LONG_MAX, "confirm", "ID") < 0)
		return CLI_USAGE;
	err_clear(&e);
	if (store_open(&st, ctx->tm_path, 0, &e) < 0)
		return cli_fail(&e);
	rc = store_confirm(st, id, &e);
	store_free(st);
	if (rc < 0)
		return cli_fail(&e);
	printf("confirmed unit %ld\n", id);
	return CLI_OK;
}

const struct cli_cmd cmd_confirm = {
    "confirm",
    run,
    "mark one unit as confirmed by a person",
    "confirm ID",
    "Marks unit ID as confirmed: it then outranks units that only came\n"
    "from an automatic alignment.  Its change date becomes now.\n"
    "\n"
    "example:\n"
    "  newstm confirm 1234\n",
};
