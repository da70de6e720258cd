/*
 * newstm names: persons' names and their spellings.  Each subcommand is a
 * row of the table below (name, function, synopsis, help); `compare` is
 * the matcher on its own, the memory's subcommands come as more rows.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "names.h"
#include "text.h"
#include "banned.h"

struct names_sub {
	const char *name;
	int (*run)(int argc, char **argv, const struct cli_ctx *ctx);
	const char *summary;
	const char *usage; /* after "newstm names " */
	const char *help;
};

static const struct names_sub *find_sub(const char *name);

/* Usage error for a subcommand: message, synopsis, hint; returns 2. */
static int sub_usage(const struct names_sub *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int sub_usage(const struct names_sub *s, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "newstm names %s: ", s->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr,
	        "\nusage: newstm names %s\nTry 'newstm names %s --help'.\n",
	        s->usage, s->name);
	return CLI_USAGE;
}

static void sub_help(const struct names_sub *s)
{
	printf("usage: newstm names %s\n\n%s\n", s->usage, s->summary);
	if (s->help && *s->help)
		printf("\n%s", s->help);
}

/*
 * getopt_long for a subcommand: -h/--help print its help and give
 * CLI_OPT_HELP; an unknown option or a missing value prints a usage error
 * and gives CLI_OPT_BAD.
 */
static int sub_getopt(int argc, char **argv, const char *shortopts,
                      const struct option *longopts, const struct names_sub *s)
{
	int c = getopt_long(argc, argv, shortopts, longopts, NULL);

	if (c == 'h') {
		sub_help(s);
		return CLI_OPT_HELP;
	}
	if (c == '?') {
		if (optopt && optopt != '?' && optopt < 127 && optopt > ' ')
			sub_usage(s, "unknown option '-%c'", optopt);
		else
			sub_usage(s, "unknown option '%s'", argv[optind - 1]);
		return CLI_OPT_BAD;
	}
	if (c == ':') {
		sub_usage(s, "option '%s' needs a value", argv[optind - 1]);
		return CLI_OPT_BAD;
	}
	return c;
}

/* What `compare` prints for one pair. */
struct compare_opts {
	double threshold;
	int why;
};

static const char *why_word(const struct names_result *r)
{
	switch (r->why) {
	case NAMES_WHY_SAME:
		return r->surname ? "surname" : "full";
	case NAMES_WHY_GIVEN:
		return "given-names";
	case NAMES_WHY_GENDER:
		return "gender";
	default:
		return "spelling";
	}
}

/* Compare two names and print the line; fails as names_parse. */
static int compare_one(const struct names *nm, const struct compare_opts *o,
                       const char *a, size_t an, const char *b, size_t bn,
                       struct err *e)
{
	struct names_name na, nb;
	struct names_result r;
	int rc;

	rc = names_parse(nm, &na, a, an, e);
	if (rc < 0) {
		err_prefix(e, "first name");
		return rc;
	}
	rc = names_parse(nm, &nb, b, bn, e);
	if (rc < 0) {
		err_prefix(e, "second name");
		return rc;
	}
	names_match(nm, &na, &nb, o->threshold, &r);
	printf("%.3f\t%s", r.score, r.same ? "same" : "different");
	if (o->why)
		printf("\t%s", why_word(&r));
	putchar('\n');
	return 0;
}

/* Read `A TAB B` lines from stdin; stops at the first bad line. */
static int compare_stdin(const struct names *nm, const struct compare_opts *o,
                         struct err *e)
{
	struct buf raw, text;
	struct text_opts to = {NULL, 0};
	size_t pos = 0, line = 0;
	int rc;

	buf_init(&raw);
	buf_init(&text);
	rc = text_read(&raw, NULL, "stdin", e);
	if (rc >= 0)
		rc = text_decode(&text, NULL, raw.data, raw.len, "stdin", &to,
		                 e);
	while (rc >= 0 && pos < text.len) {
		const char *s = text.data + pos, *nl, *tab, *tab2;
		size_t len;

		nl = memchr(s, '\n', text.len - pos);
		len = nl ? (size_t)(nl - s) : text.len - pos;
		pos += len + (nl ? 1 : 0);
		line++;
		if (len && s[len - 1] == '\r')
			len--;
		tab = memchr(s, '\t', len);
		tab2 = tab ? memchr(tab + 1, '\t', len - (size_t)(tab + 1 - s))
		           : NULL;
		if (!tab || tab2) {
			rc = err_set(e, ERR_FORMAT,
			             "stdin: line %zu: expected two names "
			             "separated by one tab",
			             line);
			break;
		}
		rc = compare_one(nm, o, s, (size_t)(tab - s), tab + 1,
		                 len - (size_t)(tab + 1 - s), e);
		if (rc < 0)
			err_prefix(e, "stdin: line %zu", line);
	}
	buf_release(&raw);
	buf_release(&text);
	return rc;
}

static int run_compare(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"threshold", required_argument, NULL, 't'},
	    {"why", no_argument, NULL, 'w'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const struct names_sub *s = find_sub("compare");
	struct compare_opts o = {NAMES_THRESHOLD, 0};
	struct names *nm;
	struct err e;
	char *end;
	int c, rc;

	(void)ctx;
	cli_opt_reset();
	while ((c = sub_getopt(argc, argv, ":h", opts, s)) != -1) {
		switch (c) {
		case 't':
			o.threshold = strtod(optarg, &end);
			if (end == optarg || *end || !(o.threshold >= 0.0) ||
			    o.threshold > 1.0)
				return sub_usage(s,
				                 "--threshold wants a number "
				                 "from 0 to 1, not '%s'",
				                 optarg);
			break;
		case 'w':
			o.why = 1;
			break;
		case CLI_OPT_HELP:
			return CLI_OK;
		default:
			return CLI_USAGE;
		}
	}
	if (argc - optind != 0 && argc - optind != 2)
		return sub_usage(s, "give two names, or none to read "
		                    "'NAME TAB NAME' lines from stdin");
	nm = names_new();
	err_clear(&e);
	if (argc - optind == 2) {
		rc =
		    compare_one(nm, &o, argv[optind], strlen(argv[optind]),
		                argv[optind + 1], strlen(argv[optind + 1]), &e);
		if (rc < 0 && rc != ERR_IO)
			rc = ERR_USAGE; /* a bad argument is a usage error */
	} else {
		rc = compare_stdin(nm, &o, &e);
	}
	names_free(nm);
	if (rc < 0) {
		fflush(stdout);
		if (rc == ERR_USAGE)
			return sub_usage(s, "%s", e.msg);
		return cli_fail(&e);
	}
	return CLI_OK;
}

static const struct names_sub subs[] = {
    {"compare", run_compare, "are two spellings of a name the same person?",
     "compare [--threshold T] [--why] [NAME NAME]",
     "Compares two names (any script, any order of words) and prints\n"
     "`score TAB same|different`: a similarity from 0 to 1, and the\n"
     "verdict at the threshold (default 0.78).  Relatives and namesakes\n"
     "are different persons: different given names, or a feminine and a\n"
     "masculine surname, make 'different' however close the surnames.  A\n"
     "name of one word is compared with the surname of the other.\n"
     "With no names, reads `NAME TAB NAME` lines from stdin and prints\n"
     "one line for each, in order; a bad line stops with an error naming\n"
     "it.\n"
     "\n"
     "options:\n"
     "  --threshold T  the verdict's threshold, 0 to 1\n"
     "  --why          add a third column: full or surname (same), or\n"
     "                 what made them different (given-names, gender,\n"
     "                 spelling)\n"
     "\n"
     "examples:\n"
     "  newstm names compare 'Ціханоўская Святлана' 'Sviatlana "
     "Tsikhanouskaya'\n"
     "  printf 'Lukashenka\\tАляксандр Лукашэнка\\n' | newstm names "
     "compare\n"},
};

#define NSUBS (sizeof(subs) / sizeof(subs[0]))

static const struct names_sub *find_sub(const char *name)
{
	size_t i;

	for (i = 0; i < NSUBS; i++)
		if (!strcmp(subs[i].name, name))
			return &subs[i];
	return NULL;
}

static void names_help(void)
{
	size_t i;

	printf("usage: newstm names SUBCOMMAND [ARGS]\n\n%s\n\n"
	       "subcommands:\n",
	       cmd_names.summary);
	for (i = 0; i < NSUBS; i++)
		printf("  %-10s %s\n", subs[i].name, subs[i].summary);
	printf("\n'newstm names SUBCOMMAND --help' for one of them.\n");
}

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	const struct names_sub *s;

	if (argc < 2)
		return cli_usage_error("names", "missing subcommand");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		names_help();
		return CLI_OK;
	}
	s = find_sub(argv[1]);
	if (!s)
		return cli_usage_error("names", "unknown subcommand '%s'",
		                       argv[1]);
	return s->run(argc - 1, argv + 1, ctx);
}

const struct cli_cmd cmd_names = {
    "names",
    run,
    "persons' names: compare spellings across scripts and conventions",
    "names SUBCOMMAND [ARGS]",
    "subcommands:\n"
    "  compare    are two spellings of a name the same person?\n"
    "\n"
    "'newstm names SUBCOMMAND --help' for one of them.\n",
};
