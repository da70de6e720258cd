/*
 * cli_pair: the options, argument checks and warnings of the commands that
 * read an article and its translation (align, add).
 */
#include <string.h>

#include "cli_pair.h"
#include "lang.h"
#include "seg.h"
#include "banned.h"

int cli_pair_option(struct bitext_opts *o, int c, const char *arg,
                    const char *cmd)
{
	char tag[LANG_TAG_MAX];

	switch (c) {
	case 's':
	case 't':
		if (lang_normalize(tag, arg) < 0) {
			cli_usage_error(
			    cmd, "%s wants a language tag, not '%s'",
			    c == 's' ? "--src-lang" : "--tgt-lang", arg);
			return -1;
		}
		if (c == 's')
			o->src_lang = arg;
		else
			o->tgt_lang = arg;
		return 1;
	case 'p':
		o->presegmented = 1;
		return 1;
	case 'e':
		o->src_to.encoding = o->tgt_to.encoding = arg;
		return 1;
	case 'E':
		o->src_to.encoding = arg;
		return 1;
	case 'T':
		o->tgt_to.encoding = arg;
		return 1;
	case 'L':
		o->src_to.lossy = o->tgt_to.lossy = 1;
		return 1;
	default:
		return 0;
	}
}

int cli_pair_paths(int n, char *const *args, const char *cmd)
{
	if (n != 2)
		return cli_usage_error(cmd, n < 2 ? "needs SRC and TGT"
		                                  : "too many arguments");
	if (!strcmp(args[0], "-") && !strcmp(args[1], "-"))
		return cli_usage_error(cmd,
		                       "only one of SRC and TGT can be stdin");
	return CLI_OK;
}

static void warn_side(const struct bitext_side *s)
{
	if (s->info.replaced)
		cli_warn("%s: %zu invalid byte sequence%s replaced with U+FFFD",
		         s->name, s->info.replaced,
		         s->info.replaced == 1 ? "" : "s");
	if (s->cut)
		cli_warn("%s: %zu sentence%s longer than %d characters cut",
		         s->name, s->cut, s->cut == 1 ? "" : "s",
		         SEG_MAX_CHARS);
}

void cli_pair_warn(const struct bitext *bt)
{
	warn_side(&bt->src);
	warn_side(&bt->tgt);
}
