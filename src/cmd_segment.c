/*
 * newstm segment: split an article into sentences.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmds.h"
#include "doc.h"
#include "lang.h"
#include "out.h"
#include "seg.h"
#include "banned.h"

enum { FMT_LINES, FMT_JSONL };

/* Write what b holds and empty it; returns -1 once stdout has failed. */
static int flush_buf(struct buf *b)
{
	if (b->len && fwrite(b->data, 1, b->len, stdout) != b->len)
		return -1;
	buf_reset(b);
	return ferror(stdout) ? -1 : 0;
}

static void print_sentences(const struct doc *d, const struct seg_list *l,
                            int format)
{
	struct buf b;
	size_t k;

	buf_init(&b);
	for (k = 0; k < l->len; k++) {
		const struct seg_span *sp = &l->items[k];

		if (format == FMT_JSONL) {
			buf_addf(&b,
			         "{\"paragraph\": %zu, \"index\": %zu, "
			         "\"start\": %zu, \"end\": %zu, \"text\": ",
			         sp->para, k, sp->start, sp->end);
			out_json_str(&b, d->text + sp->start,
			             sp->end - sp->start);
			buf_adds(&b, "}\n");
		} else {
			if (k && sp->para != l->items[k - 1].para)
				buf_addch(&b, '\n');
			buf_add(&b, d->text + sp->start, sp->end - sp->start);
			buf_addch(&b, '\n');
		}
		if (b.len >= 1 << 16 && flush_buf(&b) < 0)
			break;
	}
	flush_buf(&b);
	buf_release(&b);
}

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"lang", required_argument, NULL, 'l'},
	    {"format", required_argument, NULL, 'f'},
	    {"encoding", required_argument, NULL, 'e'},
	    {"lossy", no_argument, NULL, 'L'},
	    {NULL, 0, NULL, 0},
	};
	struct text_opts to = {NULL, 0};
	struct text_info info;
	struct seg_list l;
	struct doc d;
	struct err e;
	char tag[LANG_TAG_MAX];
	const char *path = NULL, *lang = "auto", *name;
	int c, format = FMT_LINES, rc;

	(void)ctx;
	while ((c = cli_getopt(argc, argv, opts, "segment")) != -1) {
		switch (c) {
		case 'l':
			lang = optarg;
			break;
		case 'f':
			if (!strcmp(optarg, "lines"))
				format = FMT_LINES;
			else if (!strcmp(optarg, "jsonl"))
				format = FMT_JSONL;
			else
				return cli_usage_error(
				    "segment",
				    "unknown format '%s' (lines, jsonl)",
				    optarg);
			break;
		case 'e':
			to.encoding = optarg;
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
	if (cli_file_arg(&path, argc, argv, "segment") < 0)
		return CLI_USAGE;
	if (strcmp(lang, "auto") != 0 && lang_normalize(tag, lang) < 0)
		return cli_usage_error("segment", "bad language code '%s'",
		                       lang);
	name = cli_input_name(path);

	doc_init(&d);
	err_clear(&e);
	rc = doc_load(&d, &info, path, name, &to, 0, &e);
	if (rc < 0) {
		doc_release(&d);
		return cli_fail(&e);
	}
	if (info.replaced)
		cli_warn("%s: %zu invalid byte sequence%s replaced with U+FFFD",
		         name, info.replaced, info.replaced == 1 ? "" : "s");
	seg_list_init(&l);
	seg_split_doc(&l, &d, lang);
	print_sentences(&d, &l, format);
	if (l.cut)
		cli_warn("%s: %zu sentence%s longer than %d characters cut",
		         name, l.cut, l.cut == 1 ? "" : "s", SEG_MAX_CHARS);
	seg_list_release(&l);
	doc_release(&d);
	return CLI_OK;
}

const struct cli_cmd cmd_segment = {
    "segment",
    run,
    "split an article into sentences",
    "segment [--lang LANG] [--format lines|jsonl] [--encoding NAME] "
    "[--lossy] [FILE|-]",
    "Reads FILE (or stdin) as `newstm text` does and prints its sentences.\n"
    "A sentence never crosses a paragraph; nothing is added, dropped or\n"
    "reordered.  A sentence longer than 2000 characters is cut, with a\n"
    "warning.\n"
    "\n"
    "options:\n"
    "  --lang LANG      language rules: en ru be uk de fr pl es it nl bg "
    "cs\n"
    "                   kk; other codes get general rules; auto (the\n"
    "                   default) guesses as `newstm text --info` does\n"
    "  --format FMT     lines (default): one sentence a line, a blank line\n"
    "                   between paragraphs; jsonl: one JSON object a\n"
    "                   sentence with paragraph, index (over the whole\n"
    "                   text, 0-based), start and end (byte offsets into\n"
    "                   the text `newstm text` prints) and text\n"
    "  --encoding NAME  read the input as NAME (any name iconv knows)\n"
    "  --lossy          replace invalid bytes with U+FFFD and warn\n"
    "\n"
    "example:\n"
    "  newstm segment --lang de --format jsonl samples/prisoners.de.txt\n",
};
