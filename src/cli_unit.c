/*
 * cli_unit: one command body for the commands that change one unit.
 */
#include <limits.h>
#include <stdio.h>

#include "cli_unit.h"
#include "banned.h"

int cli_unit_change(int argc, char **argv, const struct cli_ctx *ctx,
                    const char *cmd,
                    int (*change)(struct store *, int64_t, struct err *),
                    const char *done)
{
	static const struct option opts[] = {
	    {NULL, 0, NULL, 0},
	};
	struct store *st = NULL;
	struct err e;
	long id;
	int c, rc;

	while ((c = cli_getopt(argc, argv, opts, cmd)) != -1) {
		if (c == CLI_OPT_HELP)
			return CLI_OK;
		return CLI_USAGE;
	}
	if (argc - optind != 1)
		return cli_usage_error(cmd, "give one unit ID");
	if (cli_parse_long(&id, argv[optind], 1, LONG_MAX, cmd, "ID") < 0)
		return CLI_USAGE;
	err_clear(&e);
	if (store_open(&st, ctx->tm_path, 0, &e) < 0)
		return cli_fail(&e);
	rc = change(st, id, &e);
	store_free(st);
	if (rc < 0)
		return cli_fail(&e);
	printf("%s unit %ld\n", done, id);
	return CLI_OK;
}
