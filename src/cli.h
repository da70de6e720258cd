/*
 * cli: the command line.  The table of subcommands, the global options
 * (--tm, --color), usage and help, option parsing shared by the commands,
 * printing errors and the exit status: 0 success, 1 failure, 2 usage.
 * Only cli.c, its helpers cli_*.c and the cmd_*.c files print or exit.
 */
#ifndef NEWSTM_CLI_H
#define NEWSTM_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "err.h"
#include "lang.h"

#define CLI_OK    0
#define CLI_FAIL  1
#define CLI_USAGE 2

/* The default memory, relative to the working folder. */
#define CLI_DEFAULT_TM "tm/memory.db"

/* What every command gets besides its own arguments. */
struct cli_ctx {
	const char *tm_path; /* --tm, else $NEWSTM_TM, else CLI_DEFAULT_TM */
	int color;           /* colour on stdout: a terminal, NO_COLOR unset */
	int progress;        /* stderr is a terminal: show progress */
};

struct cli_cmd {
	const char *name;
	int (*run)(int argc, char **argv, const struct cli_ctx *ctx);
	const char *summary; /* one line for the command list */
	const char *usage;   /* the synopsis, after "newstm " */
	const char *help;    /* the option list and an example */
};

/* Run newstm with argv; returns the exit status. */
int cli_main(int argc, char **argv);

/* Print "newstm: <message>" for e on stderr; returns the exit status. */
int cli_fail(const struct err *e);

/* Print "newstm: <formatted>" on stderr. */
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Exit status for a core return code (0, 1 or 2). */
int cli_status(int rc);

/*
 * Print "newstm CMD: <formatted>", the command's usage line and a hint to
 * --help on stderr; returns CLI_USAGE.
 */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * getopt_long for a command: `--help` and `-h` print the command's help
 * and yield CLI_OPT_HELP; an unknown option or a missing argument prints
 * a usage error and yields CLI_OPT_BAD.  Otherwise as getopt_long.  The
 * first call for a command must come after cli_opt_reset().
 */
#define CLI_OPT_HELP (-2)
#define CLI_OPT_BAD  (-3)
void cli_opt_reset(void);
int cli_getopt(int argc, char **argv, const struct option *longopts,
               const char *cmd);

/* The command called name, or NULL. */
const struct cli_cmd *cli_find(const char *name);

/* Print the help of a command on f. */
void cli_print_help(FILE *f, const struct cli_cmd *c);

/*
 * Parse a number in [lo, hi] from an option; on failure print a usage error
 * naming the option and return -1.
 */
int cli_parse_double(double *out, const char *arg, double lo, double hi,
                     const char *cmd, const char *opt);
int cli_parse_long(long *out, const char *arg, long lo, long hi,
                   const char *cmd, const char *opt);
/*
 * Parse a language tag from an option into out, normalised as
 * lang_normalize does; "*all*" is not one.  On failure print a usage
 * error naming the option and return -1.
 */
int cli_parse_lang(char out[LANG_TAG_MAX], const char *arg, const char *cmd,
                   const char *opt);

/*
 * The arguments after the options of a command that takes at most one
 * file, [FILE|-]: *path is FILE (borrowed from argv), or NULL when there
 * is none.  Returns 0, or -1 after printing a usage error if there are
 * more.
 */
int cli_file_arg(const char **path, int argc, char **argv, const char *cmd);

/* Flush stdout and report a write error (full disk, closed pipe). */
int cli_finish_output(int status);

/* The name messages use for an input path ("stdin" for NULL or "-"). */
const char *cli_input_name(const char *path);

#endif
