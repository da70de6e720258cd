/*
 * newstm confirm: mark one unit as checked by a person.
 */
#include "cli_unit.h"
#include "cmds.h"
#include "banned.h"

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	return cli_unit_change(argc, argv, ctx, "confirm", store_confirm,
	                       "confirmed");
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
