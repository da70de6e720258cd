/*
 * newstm text: print an article as newstm reads it.
 */
#include <stdio.h>
#include <string.h>

#include "cmds.h"
#include "doc.h"
#include "lang.h"
#include "norm.h"
#include "seg.h"
#include "banned.h"

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"encoding", required_argument, NULL, 'e'},
	    {"info", no_argument, NULL, 'i'},
	    {"lossy", no_argument, NULL, 'L'},
	    {NULL, 0, NULL, 0},
	};
	struct text_opts to = {NULL, 0};
	struct text_info info;
	struct doc d;
	struct err e;
	const char *path = NULL;
	int c, want_info = 0, rc;

	(void)ctx;
	while ((c = cli_getopt(argc, argv, opts, "text")) != -1) {
		switch (c) {
		case 'e':
			to.encoding = optarg;
			break;
		case 'i':
			want_info = 1;
			break;
		case 'L':
			to.lossy = 1;
			break;
		case CLI_OPT_HELP:
			return CLI_OK;
		default:
			return CLI_USAGE;
		}
	}
	if (cli_file_arg(&path, argc, argv, "text") < 0)
		return CLI_USAGE;

	doc_init(&d);
	err_clear(&e);
	rc = doc_load(&d, &info, path, cli_input_name(path), &to, 0, &e);
	if (rc < 0) {
		doc_release(&d);
		return cli_fail(&e);
	}
	if (info.replaced)
		cli_warn("%s: %zu invalid byte sequence%s replaced with U+FFFD",
		         cli_input_name(path), info.replaced,
		         info.replaced == 1 ? "" : "s");
	fwrite(d.text, 1, d.len, stdout);
	fputc('\n', stdout);
	if (want_info) {
		/* the guess, and the rules `newstm segment` takes for it */
		const char *rules = seg_lang("auto", d.text, d.len);
		int sure;
		const char *lang = lang_guess_sure(d.text, d.len, &sure);

		fprintf(stderr,
		        "file: %s\nencoding: %s%s%s\nlanguage: %s%s\n"
		        "sentence rules: %s%s\n"
		        "layout: %s\nparagraphs: %zu\ncharacters: %zu\n"
		        "bytes: %zu\n",
		        cli_input_name(path), info.encoding,
		        info.bom ? " (byte order mark)" : "",
		        info.guessed ? " (detected)" : "", lang,
		        sure ? "" : " (a guess from little evidence)", rules,
		        strcmp(rules, "und") ? "" : " (general)",
		        d.hard_wrapped ? "hard-wrapped lines"
		                       : "one paragraph per line",
		        d.npara, norm_count(d.text, d.len), info.bytes);
	}
	doc_release(&d);
	return CLI_OK;
}

const struct cli_cmd cmd_text = {
    "text",
    run,
    "print an article as newstm reads it (normalised UTF-8)",
    "text [--encoding NAME] [--lossy] [--info] [FILE|-]",
    "Reads FILE (or stdin), detects its encoding (byte order mark, UTF-8,\n"
    "then a guess among the legacy encodings), converts it to UTF-8 in\n"
    "NFC, unifies newlines and spaces, removes invisible characters and\n"
    "prints one paragraph per line with one blank line between them.\n"
    "\n"
    "options:\n"
    "  --encoding NAME  read the input as NAME (any name iconv knows)\n"
    "  --lossy          replace invalid bytes with U+FFFD and warn\n"
    "  --info           print encoding, language, layout and counts on\n"
    "                   stderr\n"
    "\n"
    "example:\n"
    "  newstm text --info samples/prisoners.ru.txt\n",
};
