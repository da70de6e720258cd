/*
 * newstm normalize: an article with every known person's name in the
 * house form, on stdout (never in place), or the change as a unified
 * diff.  Replacing a name never adds or removes a line, so the diff pairs
 * line i with line i.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "namecheck.h"
#include "xalloc.h"
#include "banned.h"

/* Lines of diff context around a change. */
#define CONTEXT 3

/* The starts of the lines of s (a final line without \n counts). */
static size_t *line_starts(const char *s, size_t n, size_t *count)
{
	size_t *v = NULL, cap = 0, i, k = 0;

	XGROW(v, cap, 2);
	v[k++] = 0;
	for (i = 0; i < n; i++)
		if (s[i] == '\n' && i + 1 < n) {
			XGROW(v, cap, k + 2);
			v[k++] = i + 1;
		}
	*count = n ? k : 0;
	v[k] = n;
	return v;
}

static void diff_line(struct buf *out, char mark, const char *s, size_t a,
                      size_t b)
{
	buf_addch(out, mark);
	buf_add(out, s + a, b - a);
	if (b == a || s[b - 1] != '\n')
		buf_adds(out, "\n\\ No newline at end of file\n");
}

static void range(struct buf *out, size_t start, size_t len)
{
	if (len == 1)
		buf_addf(out, "%zu", start + 1);
	else
		buf_addf(out, "%zu,%zu", len ? start + 1 : start, len);
}

/*
 * Append the unified diff of a (old) and b (new) to out: they have the
 * same number of lines, and line i of one stands for line i of the other.
 */
static void unified(struct buf *out, const char *name, const char *a, size_t an,
                    const char *b, size_t bn)
{
	size_t na, nb, i = 0, *la = line_starts(a, an, &na),
	               *lb = line_starts(b, bn, &nb);
	size_t n = na < nb ? na : nb;
	int header = 0;

	while (i < n) {
		size_t first, last, start, end, k;

		/* the next changed line */
		while (i < n && la[i + 1] - la[i] == lb[i + 1] - lb[i] &&
		       !memcmp(a + la[i], b + lb[i], la[i + 1] - la[i]))
			i++;
		if (i == n)
			break;
		first = last = i;
		/* take in changes close enough to share context */
		for (k = i + 1; k < n && k <= last + 2 * (size_t)CONTEXT; k++)
			if (la[k + 1] - la[k] != lb[k + 1] - lb[k] ||
			    memcmp(a + la[k], b + lb[k], la[k + 1] - la[k]) !=
			        0)
				last = k;
		start = first > CONTEXT ? first - CONTEXT : 0;
		end = last + CONTEXT + 1 < n ? last + CONTEXT + 1 : n;
		if (!header) {
			buf_addf(out, "--- %s\n+++ %s\n", name, name);
			header = 1;
		}
		buf_adds(out, "@@ -");
		range(out, start, end - start);
		buf_adds(out, " +");
		range(out, start, end - start);
		buf_adds(out, " @@\n");
		for (k = start; k < end;) {
			size_t j = k;

			while (j < end &&
			       (la[j + 1] - la[j] != lb[j + 1] - lb[j] ||
			        memcmp(a + la[j], b + lb[j],
			               la[j + 1] - la[j]) != 0))
				j++;
			if (j == k) { /* an equal line */
				diff_line(out, ' ', a, la[k], la[k + 1]);
				k++;
				continue;
			}
			for (i = k; i < j; i++)
				diff_line(out, '-', a, la[i], la[i + 1]);
			for (i = k; i < j; i++)
				diff_line(out, '+', b, lb[i], lb[i + 1]);
			k = j;
		}
		i = end;
	}
	free(la);
	free(lb);
}

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"lang", required_argument, NULL, 'l'},
	    {"dry-run", no_argument, NULL, 'n'},
	    {"encoding", required_argument, NULL, 'e'},
	    {NULL, 0, NULL, 0},
	};
	struct text_opts to = {NULL, 0};
	char lang[LANG_TAG_MAX] = "";
	const char *path = NULL, *name;
	struct namecheck nc;
	struct buf fixed, out;
	size_t bom;
	struct err e;
	int c, dry = 0, rc = 0;

	while ((c = cli_getopt(argc, argv, opts, "normalize")) != -1) {
		switch (c) {
		case 'l':
			if (lang_normalize(lang, optarg) < 0 ||
			    !strcmp(lang, "*all*") || !strcmp(lang, "und"))
				return cli_usage_error(
				    "normalize",
				    "--lang wants a language tag (en, ru, be "
				    "...), not '%s'",
				    optarg);
			break;
		case 'n':
			dry = 1;
			break;
		case 'e':
			to.encoding = optarg;
			break;
		case CLI_OPT_HELP:
			return CLI_OK;
		default:
			return CLI_USAGE;
		}
	}
	if (cli_file_arg(&path, argc, argv, "normalize") < 0)
		return CLI_USAGE;
	name = cli_input_name(path);

	buf_init(&fixed);
	buf_init(&out);
	namecheck_init(&nc);
	err_clear(&e);
	if (namecheck_run(&nc, path, name, &to, lang, ctx->tm_path, &e) < 0) {
		rc = cli_fail(&e);
		goto out;
	}
	/* the bytes as they came: a UTF-8 byte order mark too, so that a
	 * diff's first line is the file's first line */
	if (nc.info.bom && !strcmp(nc.info.encoding, "UTF-8"))
		buf_adds(&fixed, "\xEF\xBB\xBF");
	else if (strcmp(nc.info.encoding, "UTF-8") != 0)
		cli_warn("%s: %s as UTF-8 (it was %s)", name,
		         dry ? "the diff is written" : "written",
		         nc.info.encoding);
	bom = fixed.len;
	namefind_apply(&fixed, nc.text.data, nc.text.len, &nc.fixes);
	if (dry) {
		struct buf was;

		buf_init(&was);
		buf_add(&was, fixed.data, bom);
		buf_add(&was, nc.text.data, nc.text.len);
		unified(&out, name, was.data, was.len, fixed.data, fixed.len);
		buf_release(&was);
	} else {
		buf_add(&out, fixed.data, fixed.len);
	}
	fwrite(out.data, 1, out.len, stdout);
	rc = cli_finish_output(CLI_OK);
out:
	namecheck_release(&nc);
	buf_release(&fixed);
	buf_release(&out);
	return rc;
}

const struct cli_cmd cmd_normalize = {
    "normalize",
    run,
    "write an article with persons' names in the house form",
    "normalize [--lang L] [--dry-run] [--encoding NAME] [ARTICLE|-]",
    "Reads ARTICLE (or stdin) and writes it to stdout with every spelling\n"
    "that `newstm check` reports replaced by the house form, in the same\n"
    "grammatical form (English possessive kept, Slavic case endings\n"
    "carried over), every other byte unchanged.  It never writes the file\n"
    "itself.  The output is UTF-8 (an input in another encoding is\n"
    "converted, with a warning).\n"
    "\n"
    "options:\n"
    "  --lang L         the article's language (default: guessed)\n"
    "  --dry-run        print a unified diff of the changes instead\n"
    "                   (nothing when there is none)\n"
    "  --encoding NAME  read the article as NAME (default: detected)\n"
    "\n"
    "example:\n"
    "  newstm normalize draft.txt > draft.fixed.txt\n"
    "  newstm normalize --dry-run draft.txt | less\n",
};
