/*
 * newstm search: concordance, every unit whose source (or target) holds a
 * word or phrase, shown as keyword in context with the other side.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmds.h"
#include "concord.h"
#include "lang.h"
#include "store.h"
#include "banned.h"

/* Code points of context on each side of the keyword. */
#define CONTEXT 40

#define HILITE "\033[1;31m"
#define PLAIN  "\033[0m"

static int is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

static size_t cps_of(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += !is_cont((unsigned char)s[i]);
	return n;
}

/* The byte offset of code point k of s[0..len). */
static size_t cp_offset(const char *s, size_t len, size_t k)
{
	size_t i = 0;

	for (; i < len; i++)
		if (!is_cont((unsigned char)s[i]) && k-- == 0)
			break;
	return i;
}

/* Append the last n code points of s[0..len), "…" first if cut. */
static void add_tail(struct buf *b, const char *s, size_t len, size_t n)
{
	size_t total = cps_of(s, len), at;

	if (total <= n) {
		buf_add(b, s, len);
		return;
	}
	at = cp_offset(s, len, total - (n - 1));
	buf_adds(b, "\xe2\x80\xa6");
	buf_add(b, s + at, len - at);
}

/* Append the first n code points of s[0..len), "…" last if cut. */
static void add_head(struct buf *b, const char *s, size_t len, size_t n)
{
	if (cps_of(s, len) <= n) {
		buf_add(b, s, len);
		return;
	}
	buf_add(b, s, cp_offset(s, len, n - 1));
	buf_adds(b, "\xe2\x80\xa6");
}

/*
 * One hit: the unit, its languages, the left context right-aligned, the
 * keyword, the right context (of the side searched); the other side
 * below.
 */
static void print_hit(struct buf *b, struct buf *left,
                      const struct concord_hit *h, int target, int color)
{
	const char *t = h->text;
	size_t len = strlen(t), w;
	int n;
	char head[96];

	/* the unit's direction, source > target, whichever side is shown */
	n = snprintf(head, sizeof(head), "%6lld %s>%s  ", (long long)h->unit,
	             target ? h->other_lang : h->lang,
	             target ? h->lang : h->other_lang);
	buf_adds(b, head);
	buf_reset(left);
	add_tail(left, t, h->start, CONTEXT);
	for (w = cps_of(left->data, left->len); w < CONTEXT; w++)
		buf_addch(b, ' ');
	buf_add(b, left->data, left->len);
	buf_adds(b, color ? HILITE : "[");
	buf_add(b, t + h->start, h->end - h->start);
	buf_adds(b, color ? PLAIN : "]");
	add_head(b, t + h->end, len - h->end, CONTEXT);
	buf_addch(b, '\n');
	for (; n > 0; n--)
		buf_addch(b, ' ');
	buf_adds(b, h->other);
	buf_addch(b, '\n');
}

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"target", no_argument, NULL, 'T'},
	    {"lang", required_argument, NULL, 'l'},
	    {"max", required_argument, NULL, 'n'},
	    {NULL, 0, NULL, 0},
	};
	char lang[LANG_TAG_MAX];
	struct concord_opts o;
	struct concord_result r;
	struct store *st = NULL;
	struct buf b, left, phrase;
	struct err e;
	size_t i;
	long v;
	int c, rc, status = CLI_OK;

	memset(&o, 0, sizeof(o));
	o.max = 20;
	while ((c = cli_getopt(argc, argv, opts, "search")) != -1) {
		switch (c) {
		case 'T':
			o.target = 1;
			break;
		case 'l':
			if (lang_normalize(lang, optarg) < 0 ||
			    !strcmp(lang, "*all*"))
				return cli_usage_error("search",
				                       "--lang: '%s' is not a "
				                       "language code",
				                       optarg);
			o.lang = lang;
			break;
		case 'n':
			if (cli_parse_long(&v, optarg, 0, 1000000, "search",
			                   "--max") < 0)
				return CLI_USAGE;
			o.max = (size_t)v;
			break;
		case CLI_OPT_HELP:
			return CLI_OK;
		default:
			return CLI_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage_error("search", "no word or phrase to search");
	buf_init(&phrase);
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		if (phrase.len)
			buf_addch(&phrase, ' ');
		buf_adds(&phrase, argv[i]);
	}

	err_clear(&e);
	concord_result_init(&r);
	buf_init(&b);
	buf_init(&left);
	if (store_open(&st, ctx->tm_path, 0, &e) < 0) {
		status = cli_fail(&e);
		goto out;
	}
	rc = concord_search(&r, st, phrase.data, phrase.len, &o, &e);
	if (rc == ERR_USAGE) {
		status = cli_usage_error("search", "%s", e.msg);
		goto out;
	}
	if (rc < 0) {
		status = cli_fail(&e);
		goto out;
	}
	if (r.note)
		cli_warn("%s", r.note);
	for (i = 0; i < r.n; i++) {
		buf_reset(&b);
		print_hit(&b, &left, &r.v[i], o.target, ctx->color);
		fwrite(b.data, 1, b.len, stdout);
	}
	if (r.n < r.total)
		printf("%zu units (the newest %zu shown; --max 0 shows all)\n",
		       r.total, r.n);
	else
		printf("%zu unit%s\n", r.total, r.total == 1 ? "" : "s");
	if (!r.total && !o.target && !fflush(stdout))
		cli_warn("no source holds it: --target searches the "
		         "translations");
out:
	concord_result_release(&r);
	buf_release(&b);
	buf_release(&left);
	buf_release(&phrase);
	store_free(st);
	return status;
}

const struct cli_cmd cmd_search = {
    "search",
    run,
    "concordance: the units whose source or target holds a word or phrase",
    "search [--target] [--lang L] [--max N] TEXT",
    "Finds the units of the memory (--tm) whose source (with --target:\n"
    "target) holds TEXT, a word or a phrase (several arguments are one\n"
    "phrase), and shows each as keyword in context, the keyword in\n"
    "[brackets] (in colour on a terminal), with the other side below.\n"
    "Words match whole, whatever their case (NFC, case folded),\n"
    "punctuation between them does not count, numbers match by value,\n"
    "and every spelling the names capability knows of a name counts as\n"
    "the name.  The newest units come first.\n"
    "\n"
    "options:\n"
    "  --target   search the targets instead of the sources\n"
    "  --lang L   only texts in language L (\"en\" takes en-US too)\n"
    "  --max N    show at most N units (default 20; 0: all)\n"
    "\n"
    "example:\n"
    "  newstm search --lang en \"political prisoners\"\n",
};
