/*
 * newstm delete: remove one unit.
 */
#include "cli_unit.h"
#include "cmds.h"
#include "banned.h"

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	return cli_unit_change(argc, argv, ctx, "delete", store_delete,
	                       "deleted");
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
