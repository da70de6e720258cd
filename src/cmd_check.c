/*
 * newstm check: every spelling of a known person in an article that is
 * not the house form, as file:line:column lines or JSON Lines.  Exit
 * status as diff and grep have it: 0 none, 1 some, 2 trouble.
 */
#include <stdio.h>
#include <string.h>

#include "cmds.h"
#include "namecheck.h"
#include "out.h"
#include "banned.h"

/* Does some confirmed entity have a house form for lang? */
static int any_house(struct namestore *ns, const char *lang)
{
	int k;

	for (k = 0; k < namestore_entity_count(ns); k++)
		if (namestore_house(ns, k, lang) >= 0)
			return 1;
	return 0;
}

static void print_jsonl(struct buf *b, const char *name,
                        const struct namefind_fix *fx,
                        const struct namestore *ns)
{
	buf_adds(b, "{\"file\": ");
	out_json_str(b, name, strlen(name));
	buf_addf(b,
	         ", \"line\": %zu, \"column\": %zu, \"offset\": %zu, "
	         "\"end\": %zu, \"found\": ",
	         fx->line, fx->column, fx->start, fx->end);
	out_json_str(b, fx->found, strlen(fx->found));
	buf_adds(b, ", \"house\": ");
	out_json_str(b, fx->house, strlen(fx->house));
	buf_adds(b, ", \"mention\": ");
	out_json_str(b, fx->mention, strlen(fx->mention));
	buf_addf(b, ", \"entity\": %lld, \"label\": ",
	         (long long)namestore_entity_id(ns, fx->entity));
	out_json_str(b, namestore_entity_label(ns, fx->entity),
	             strlen(namestore_entity_label(ns, fx->entity)));
	buf_addf(b, ", \"score\": %.3f, \"surname\": %s}\n", fx->score,
	         fx->surname ? "true" : "false");
}

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"lang", required_argument, NULL, 'l'},
	    {"format", required_argument, NULL, 'f'},
	    {"encoding", required_argument, NULL, 'e'},
	    {NULL, 0, NULL, 0},
	};
	struct text_opts to = {NULL, 0};
	char lang[LANG_TAG_MAX] = "";
	const char *path = NULL, *name;
	struct namecheck nc;
	struct buf out;
	struct err e;
	int c, jsonl = 0, rc = 0;
	size_t i;

	while ((c = cli_getopt(argc, argv, opts, "check")) != -1) {
		switch (c) {
		case 'l':
			if (lang_normalize(lang, optarg) < 0 ||
			    !strcmp(lang, "*all*") || !strcmp(lang, "und")) {
				cli_usage_error("check",
				                "--lang wants a language tag "
				                "(en, ru, be ...), not '%s'",
				                optarg);
				return CLI_USAGE;
			}
			break;
		case 'f':
			if (!strcmp(optarg, "jsonl"))
				jsonl = 1;
			else if (!strcmp(optarg, "text"))
				jsonl = 0;
			else
				return cli_usage_error("check",
				                       "--format wants text or "
				                       "jsonl, not '%s'",
				                       optarg);
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
	if (cli_file_arg(&path, argc, argv, "check") < 0)
		return CLI_USAGE;
	name = cli_input_name(path);

	buf_init(&out);
	namecheck_init(&nc);
	err_clear(&e);
	if (namecheck_run(&nc, path, name, &to, lang, ctx->tm_path, &e) < 0) {
		cli_fail(&e);
		rc = CLI_USAGE; /* trouble is 2 for check, as for diff */
		goto out;
	}
	if (!any_house(nc.ns, nc.lang))
		cli_warn("%s: no house forms for '%s'", ctx->tm_path, nc.lang);
	for (i = 0; i < nc.fixes.n; i++) {
		const struct namefind_fix *fx = &nc.fixes.v[i];

		if (jsonl)
			print_jsonl(&out, name, fx, nc.ns);
		else
			buf_addf(&out, "%s:%zu:%zu: %s -> %s\n", name, fx->line,
			         fx->column, fx->found, fx->house);
	}
	fwrite(out.data, 1, out.len, stdout);
	if (cli_finish_output(CLI_OK) != CLI_OK)
		rc = CLI_USAGE; /* could not write: trouble */
	else
		rc = nc.fixes.n ? 1 : 0;
out:
	namecheck_release(&nc);
	buf_release(&out);
	return rc;
}

const struct cli_cmd cmd_check = {
    "check",
    run,
    "find persons' names that are not in the house form",
    "check [--lang L] [--format text|jsonl] [--encoding NAME] [ARTICLE|-]",
    "Reads ARTICLE (or stdin) and prints every spelling of a person the\n"
    "memory knows (`newstm names`) that is not that person's house form\n"
    "for the article's language, one line per word:\n"
    "  FILE:LINE:COLUMN: FOUND -> HOUSE\n"
    "LINE and COLUMN are the file's (1-based, columns in characters).\n"
    "Inflected forms and possessives are found and the house form is put\n"
    "in the same form (Цихановской -> Тихановской when the house form is\n"
    "Тихановская; Tikhanovskaya's -> Tsikhanouskaya's).  A full name is\n"
    "judged as a full name: a relative with the same surname is another\n"
    "person.  A surname alone is reported when it fits one person clearly\n"
    "best, or every person it fits as well has the same house surname.\n"
    "\n"
    "Exit status: 0 nothing found, 1 something found, 2 trouble (bad\n"
    "input, no memory, usage).\n"
    "\n"
    "options:\n"
    "  --lang L         the article's language (default: guessed)\n"
    "  --format F       text (default) or jsonl: one object per word with\n"
    "                   file, line, column, offset and end (bytes of the\n"
    "                   UTF-8 text), found, house, mention, entity, label,\n"
    "                   score, surname\n"
    "  --encoding NAME  read the article as NAME (default: detected)\n"
    "\n"
    "example:\n"
    "  newstm check draft.txt || echo 'names to fix'\n",
};
