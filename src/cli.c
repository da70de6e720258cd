#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmds.h"
#include "xalloc.h"
#include "banned.h"

#ifndef NEWSTM_VERSION
#define NEWSTM_VERSION "0.0.0"
#endif

/* The subcommands, in the order `newstm --help` lists them. */
/* clang-format off */
static const struct cli_cmd *const commands[] = {
	&cmd_text,
	&cmd_segment,
	&cmd_align,
	&cmd_add,
	&cmd_import,
	&cmd_export,
	&cmd_suggest,
	&cmd_search,
	&cmd_pretranslate,
	&cmd_names,
	&cmd_check,
	&cmd_normalize,
	&cmd_stats,
	&cmd_show,
	&cmd_confirm,
	&cmd_delete,
	&cmd_forget,
};
/* clang-format on */

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const char global_usage[] =
    "usage: newstm [--tm PATH] [--color WHEN] COMMAND [ARGS]\n"
    "       newstm --help | --version | help COMMAND\n";

const struct cli_cmd *cli_find(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (!strcmp(commands[i]->name, name))
			return commands[i];
	return NULL;
}

static void print_main_help(FILE *f)
{
	size_t i;

	fprintf(f, "newstm %s: a translation memory for news\n\n",
	        NEWSTM_VERSION);
	fputs(global_usage, f);
	fputs("\ncommands:\n", f);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-13s %s\n", commands[i]->name,
		        commands[i]->summary);
	fputs("\nglobal options (--tm and --color before or after the "
	      "command):\n"
	      "  --tm PATH      the memory (default $NEWSTM_TM, else "
	      "tm/memory.db)\n"
	      "  --color WHEN   auto (default: on a terminal, unless NO_COLOR "
	      "is set\n"
	      "                 or TERM is dumb), always (also --color alone) "
	      "or never\n"
	      "                 (also --no-color)\n"
	      "  -h, --help     this help; `newstm COMMAND --help` for one "
	      "command\n"
	      "  -V, --version  print the version\n"
	      "\nexit status: 0 success, 1 failure, 2 usage error\n",
	      f);
}

void cli_print_help(FILE *f, const struct cli_cmd *c)
{
	fprintf(f, "usage: newstm %s\n\n%s\n", c->usage, c->summary);
	if (c->help && *c->help)
		fprintf(f, "\n%s", c->help);
}

int cli_status(int rc)
{
	if (rc >= 0)
		return CLI_OK;
	return rc == ERR_USAGE ? CLI_USAGE : CLI_FAIL;
}

int cli_fail(const struct err *e)
{
	fprintf(stderr, "newstm: %s\n", e->msg[0] ? e->msg : "failed");
	return cli_status(e->code ? e->code : ERR_IO);
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;

	fputs("newstm: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	const struct cli_cmd *c = cmd ? cli_find(cmd) : NULL;
	va_list ap;

	fprintf(stderr, "newstm%s%s: ", cmd ? " " : "", cmd ? cmd : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (c)
		fprintf(stderr, "usage: newstm %s\nTry 'newstm %s --help'.\n",
		        c->usage, c->name);
	else
		fprintf(stderr, "%sTry 'newstm --help'.\n", global_usage);
	return CLI_USAGE;
}

void cli_opt_reset(void)
{
	optind = 0; /* GNU: reinitialise the scan */
	opterr = 0;
}

int cli_getopt(int argc, char **argv, const struct option *longopts,
               const char *cmd)
{
	char shortopts[128];
	size_t n = 0;
	const struct option *o;
	int c, prev = optind;

	/* the only short option is -h: the long options' vals are internal
	 * codes, and documented options are long ones (a hidden option
	 * must not answer to a letter a user might try, such as -V) */
	shortopts[n++] = ':';
	shortopts[n++] = 'h';
	shortopts[n] = '\0';
	{
		struct option all[64];
		size_t k = 0;

		for (o = longopts; o && o->name && k < 62; o++)
			all[k++] = *o;
		all[k].name = "help";
		all[k].has_arg = no_argument;
		all[k].flag = NULL;
		all[k].val = 'h';
		k++;
		memset(&all[k], 0, sizeof(all[k]));
		c = getopt_long(argc, argv, shortopts, all, NULL);
	}
	if (c == 'h') {
		cli_print_help(stdout, cli_find(cmd));
		return CLI_OPT_HELP;
	}
	if (c == '?') {
		const char *arg = optind - 1 < argc && optind - 1 >= prev
		                      ? argv[optind - 1]
		                      : NULL;

		if (optopt)
			cli_usage_error(cmd, "unknown option '-%c'", optopt);
		else
			cli_usage_error(cmd, "unknown option '%s'",
			                arg ? arg : "?");
		return CLI_OPT_BAD;
	}
	if (c == ':') {
		if (optopt)
			cli_usage_error(cmd, "option '-%c' needs a value",
			                optopt);
		else
			cli_usage_error(cmd, "option '%s' needs a value",
			                argv[optind - 1]);
		return CLI_OPT_BAD;
	}
	return c;
}

int cli_parse_double(double *out, const char *arg, double lo, double hi,
                     const char *cmd, const char *opt)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (errno || end == arg || *end || !(v >= lo && v <= hi)) {
		cli_usage_error(cmd,
		                "%s wants a number from %g to %g, not '%s'",
		                opt, lo, hi, arg);
		return -1;
	}
	*out = v;
	return 0;
}

int cli_parse_long(long *out, const char *arg, long lo, long hi,
                   const char *cmd, const char *opt)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < lo || v > hi) {
		cli_usage_error(cmd,
		                "%s wants a whole number from %ld to %ld, not "
		                "'%s'",
		                opt, lo, hi, arg);
		return -1;
	}
	*out = v;
	return 0;
}

int cli_parse_lang(char out[LANG_TAG_MAX], const char *arg, const char *cmd,
                   const char *opt)
{
	if (lang_normalize(out, arg) < 0 || !strcmp(out, "*all*")) {
		cli_usage_error(cmd, "%s: '%s' is not a language code", opt,
		                arg);
		return -1;
	}
	return 0;
}

int cli_file_arg(const char **path, int argc, char **argv, const char *cmd)
{
	if (argc - optind > 1) {
		cli_usage_error(cmd, "too many arguments");
		return -1;
	}
	*path = optind < argc ? argv[optind] : NULL;
	return 0;
}

int cli_finish_output(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "newstm: write error on standard output: %s\n",
		        strerror(errno ? errno : EIO));
		return CLI_FAIL;
	}
	return status;
}

const char *cli_input_name(const char *path)
{
	return !path || !strcmp(path, "-") ? "stdin" : path;
}

static int is_when(const char *w)
{
	return !strcmp(w, "auto") || !strcmp(w, "always") ||
	       !strcmp(w, "never");
}

/*
 * Take the global options out of argv wherever they stand (before the first
 * "--"): --tm PATH, --tm=PATH, --color[=WHEN], --no-color.  Returns the new
 * argc, or -1 after printing a usage error.
 */
static int take_globals(int argc, char **argv, struct cli_ctx *ctx,
                        const char **color)
{
	int i, o = 1;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--")) {
			while (i < argc)
				argv[o++] = argv[i++];
			break;
		}
		if (!strcmp(a, "--tm")) {
			if (i + 1 >= argc) {
				cli_usage_error(NULL, "option '--tm' needs a "
				                      "path");
				return -1;
			}
			ctx->tm_path = argv[++i];
		} else if (!strncmp(a, "--tm=", 5)) {
			ctx->tm_path = a + 5;
		} else if (!strcmp(a, "--color")) {
			/* --color WHEN, or alone for always (as ls has it) */
			if (i + 1 < argc && is_when(argv[i + 1])) {
				*color = argv[++i];
			} else if (i + 2 < argc && argv[i + 1][0] != '-' &&
			           !cli_find(argv[i + 1])) {
				cli_usage_error(NULL,
				                "--color wants auto, always or "
				                "never, not '%s'",
				                argv[i + 1]);
				return -1;
			} else {
				*color = "always";
			}
		} else if (!strncmp(a, "--color=", 8)) {
			*color = a + 8;
		} else if (!strcmp(a, "--no-color")) {
			*color = "never";
		} else {
			argv[o++] = argv[i];
		}
	}
	argv[o] = NULL;
	if (ctx->tm_path && !*ctx->tm_path) {
		cli_usage_error(NULL, "option '--tm' needs a path");
		return -1;
	}
	return o;
}

int cli_main(int argc, char **argv)
{
	struct cli_ctx ctx;
	const struct cli_cmd *c;
	const char *color = "auto";
	const char *env;
	int status;

	/* a closed pipe is a write error we report, not a silent death */
	signal(SIGPIPE, SIG_IGN);
	memset(&ctx, 0, sizeof(ctx));
	argc = take_globals(argc, argv, &ctx, &color);
	if (argc < 0)
		return CLI_USAGE;
	if (!ctx.tm_path) {
		env = getenv("NEWSTM_TM");
		ctx.tm_path = env && *env ? env : CLI_DEFAULT_TM;
	}
	if (!strcmp(color, "always"))
		ctx.color = 1;
	else if (!strcmp(color, "never"))
		ctx.color = 0;
	else if (!strcmp(color, "auto"))
		ctx.color = isatty(STDOUT_FILENO) &&
		            !((env = getenv("NO_COLOR")) && *env) &&
		            !((env = getenv("TERM")) && !strcmp(env, "dumb"));
	else
		return cli_usage_error(NULL,
		                       "--color wants auto, always or never, "
		                       "not '%s'",
		                       color);
	ctx.progress = isatty(STDERR_FILENO);

	if (argc < 2) {
		fputs(global_usage, stderr);
		fputs("Try 'newstm --help'.\n", stderr);
		return CLI_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		print_main_help(stdout);
		return cli_finish_output(CLI_OK);
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		printf("newstm %s\n", NEWSTM_VERSION);
		return cli_finish_output(CLI_OK);
	}
	if (!strcmp(argv[1], "help")) {
		if (argc < 3) {
			print_main_help(stdout);
			return cli_finish_output(CLI_OK);
		}
		c = cli_find(argv[2]);
		if (!c)
			return cli_usage_error(NULL, "unknown command '%s'",
			                       argv[2]);
		if (argc > 3) {
			/* help names compare: the subcommand's own --help */
			static char help_opt[] = "--help";
			char *sub[4];

			sub[0] = argv[2];
			sub[1] = argv[3];
			sub[2] = help_opt;
			sub[3] = NULL;
			cli_opt_reset();
			return cli_finish_output(c->run(3, sub, &ctx));
		}
		cli_print_help(stdout, c);
		return cli_finish_output(CLI_OK);
	}
	if (argv[1][0] == '-')
		return cli_usage_error(NULL, "unknown option '%s'", argv[1]);
	c = cli_find(argv[1]);
	if (!c)
		return cli_usage_error(NULL, "unknown command '%s'", argv[1]);
	cli_opt_reset();
	status = c->run(argc - 1, argv + 1, &ctx);
	/* a command that failed on its output has said so, with its status */
	if (status != CLI_OK && ferror(stdout))
		return status;
	return cli_finish_output(status);
}
