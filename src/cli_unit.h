/*
 * cli_unit: the body of the commands that change one unit of the memory
 * given by its ID (confirm, delete): the arguments, opening the memory,
 * the change and the line that reports it.  Like cli.c it prints.
 */
#ifndef NEWSTM_CLI_UNIT_H
#define NEWSTM_CLI_UNIT_H

#include <stdint.h>

#include "cli.h"
#include "store.h"

/*
 * Run the command cmd, whose only argument is a unit ID (and whose only
 * option is --help): open the memory of ctx, apply change (a store call
 * that is one transaction) to the unit and print "<done> unit ID".
 * Returns the exit status, after printing what went wrong.
 */
int cli_unit_change(int argc, char **argv, const struct cli_ctx *ctx,
                    const char *cmd,
                    int (*change)(struct store *, int64_t, struct err *),
                    const char *done);

#endif
