/*
 * cmds: the subcommands, one struct cli_cmd each, defined in cmd_<name>.c.
 * cli.c lists them in its table; adding a command is a new cmd_<name>.c,
 * one line here and one row there.
 */
#ifndef NEWSTM_CMDS_H
#define NEWSTM_CMDS_H

#include "cli.h"

extern const struct cli_cmd cmd_add;
extern const struct cli_cmd cmd_align;
extern const struct cli_cmd cmd_names;
extern const struct cli_cmd cmd_check;
extern const struct cli_cmd cmd_normalize;
extern const struct cli_cmd cmd_segment;
extern const struct cli_cmd cmd_text;
extern const struct cli_cmd cmd_import;
extern const struct cli_cmd cmd_export;
extern const struct cli_cmd cmd_stats;
extern const struct cli_cmd cmd_show;
extern const struct cli_cmd cmd_confirm;
extern const struct cli_cmd cmd_delete;
extern const struct cli_cmd cmd_forget;
extern const struct cli_cmd cmd_suggest;
extern const struct cli_cmd cmd_pretranslate;
extern const struct cli_cmd cmd_search;

#endif
