/*
 * newstm align: align an article with its translation, sentence by
 * sentence, and print the beads as TSV, JSON Lines, bead lists or two
 * columns for review.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "bitext.h"
#include "cli_pair.h"
#include "cmds.h"
#include "doc.h"
#include "norm.h"
#include "out.h"
#include "tmx.h"
#include "xalloc.h"
#include "banned.h"

enum format { FMT_TSV, FMT_JSONL, FMT_BEADS, FMT_TEXT, FMT_TMX };

/* Weak pairs: the text format marks beads below this confidence. */
#define WEAK 0.5

struct align_cmd_opts {
	struct bitext_opts bo; /* languages, encodings, presegmented */
	enum format format;
	double min_conf;
	long width;
};

static void add_indices(struct buf *b, size_t from, size_t n)
{
	size_t k;

	buf_addch(b, '[');
	for (k = 0; k < n; k++)
		buf_addf(b, "%s%zu", k ? ", " : "", from + k);
	buf_addch(b, ']');
}

/* ---- the text format: two columns ---------------------------------------- */

/* Display width of s[0..n): code points, marks count nothing. */
static size_t width_of(const char *s, size_t n)
{
	size_t i = 0, w = 0;

	while (i < n)
		if (!norm_is_mark(norm_next(s, n, &i)))
			w++;
	return w;
}

/*
 * Cut s[*pos..n) to the next line of at most width columns, broken at a
 * space where there is one; returns the line's byte length and moves *pos
 * past it and the space.
 */
static size_t next_line(const char *s, size_t n, size_t *pos, size_t width)
{
	size_t i = *pos, w = 0, last_space = 0, len;
	int have_space = 0;

	while (i < n) {
		size_t j = i;
		int32_t cp = norm_next(s, n, &j);

		if (cp == ' ') {
			if (w > width)
				break;
			last_space = i;
			have_space = 1;
		}
		if (!norm_is_mark(cp)) {
			if (w == width)
				break;
			w++;
		}
		i = j;
	}
	if (i >= n) {
		len = n - *pos;
		*pos = n;
		return len;
	}
	if (have_space && last_space > *pos) {
		len = last_space - *pos;
		*pos = last_space + 1;
		return len;
	}
	len = i - *pos;
	*pos = i;
	while (*pos < n && s[*pos] == ' ')
		(*pos)++;
	return len;
}

static void add_padded(struct buf *out, const char *s, size_t n, size_t width)
{
	size_t w = width_of(s, n);

	buf_add(out, s, n);
	while (w++ < width)
		buf_addch(out, ' ');
}

static void text_bead(struct buf *out, const char *mark, const char *a,
                      size_t na, const char *b, size_t nb, size_t col)
{
	size_t pa = 0, pb = 0;
	int first = 1;

	while (first || pa < na || pb < nb) {
		size_t la, lb;
		const char *sa = a + pa, *sb = b + pb;

		la = pa < na ? next_line(a, na, &pa, col) : 0;
		lb = pb < nb ? next_line(b, nb, &pb, col) : 0;
		add_padded(out, first ? mark : "", first ? strlen(mark) : 0, 6);
		add_padded(out, sa, la, col);
		buf_adds(out, " | ");
		buf_add(out, sb, lb);
		while (out->len && out->data[out->len - 1] == ' ')
			out->len--;
		out->data[out->len] = '\0';
		buf_addch(out, '\n');
		first = 0;
	}
}

/* ---- output ---------------------------------------------------------- */

/* Append one TMX <tu> of a pair, with its confidence as a prop. */
static void tmx_pair(struct buf *out, const struct bitext *bt, const char *a,
                     const char *b, double conf, const char *date)
{
	char cbuf[16];
	struct tmx_item items[3];

	snprintf(cbuf, sizeof(cbuf), "%.2f", conf);
	items[0] = (struct tmx_item){TMX_ATTR, "creationdate", NULL, date};
	items[1] = (struct tmx_item){TMX_ATTR, "creationtool", NULL, "newstm"};
	items[2] =
	    (struct tmx_item){TMX_PROP, "x-newstm-confidence", NULL, cbuf};
	tmx_write_tu_open(out, items, 3);
	tmx_write_tuv(out, bt->src.tag[0] ? bt->src.tag : "und", NULL, 0, a,
	              NULL);
	tmx_write_tuv(out, bt->tgt.tag[0] ? bt->tgt.tag : "und", NULL, 0, b,
	              NULL);
	tmx_write_tu_close(out);
}

static void print_beads(const struct bitext *bt, const struct align_cmd_opts *o)
{
	const struct align_result *r = &bt->r;
	char date[17];
	struct buf out, a, b;
	size_t k, col, pairs = 0, weak = 0, lone_s = 0, lone_t = 0, shown = 0;
	char mark[16];

	buf_init(&out);
	buf_init(&a);
	buf_init(&b);
	col = o->width > 20 ? (size_t)(o->width - 9) / 2 : 10;
	out_utc_date(date, time(NULL));
	if (o->format == FMT_TMX) {
		tmx_write_header(&out, bt->src.tag[0] ? bt->src.tag : "*all*",
		                 "newstm", NEWSTM_VERSION, NULL, 0);
		fwrite(out.data, 1, out.len, stdout);
	}
	for (k = 0; k < r->nbead; k++) {
		const struct align_bead *bd = &r->beads[k];
		int pair = bd->nsrc && bd->ntgt;
		/* compared as printed, so that 0.497 shown as 0.50 is not
		 * below --min-confidence 0.5 */
		double conf = floor(bd->confidence * 100 + 0.5) / 100;

		buf_reset(&out);
		if (o->format == FMT_BEADS) {
			add_indices(&out, bd->src, bd->nsrc);
			buf_addch(&out, ':');
			add_indices(&out, bd->tgt, bd->ntgt);
			buf_addch(&out, '\n');
			fwrite(out.data, 1, out.len, stdout);
			continue;
		}
		if (pair) {
			pairs++;
			weak += conf < WEAK;
		} else {
			lone_s += bd->nsrc;
			lone_t += bd->ntgt;
		}
		if (conf < o->min_conf)
			continue;
		if ((o->format == FMT_TSV || o->format == FMT_TMX) && !pair)
			continue;
		shown++;
		buf_reset(&a);
		buf_reset(&b);
		bitext_join(&a, &bt->src, bd->src, bd->nsrc);
		bitext_join(&b, &bt->tgt, bd->tgt, bd->ntgt);
		switch (o->format) {
		case FMT_TSV:
			buf_addf(&out, "%.2f\t", conf);
			out_tsv_field(&out, a.data, a.len);
			buf_addch(&out, '\t');
			out_tsv_field(&out, b.data, b.len);
			buf_addch(&out, '\n');
			break;
		case FMT_JSONL:
			buf_adds(&out, "{\"src\": ");
			add_indices(&out, bd->src, bd->nsrc);
			buf_adds(&out, ", \"tgt\": ");
			add_indices(&out, bd->tgt, bd->ntgt);
			buf_addf(&out,
			         ", \"confidence\": %.2f, \"source\": ", conf);
			out_json_str(&out, a.data, a.len);
			buf_adds(&out, ", \"target\": ");
			out_json_str(&out, b.data, b.len);
			if (r->evidence) {
				const double *ev =
				    r->evidence + k * ALIGN_NEVIDENCE;
				size_t f;

				buf_adds(&out, ", \"evidence\": [");
				for (f = 0; f < ALIGN_NEVIDENCE; f++)
					buf_addf(&out, "%s%.6g", f ? ", " : "",
					         ev[f]);
				buf_addch(&out, ']');
			}
			buf_adds(&out, "}\n");
			break;
		case FMT_TEXT:
			if (!pair)
				snprintf(mark, sizeof(mark), "  -");
			else
				snprintf(mark, sizeof(mark), "%s%.2f",
				         conf < WEAK ? "?" : " ", conf);
			if (shown > 1)
				buf_addch(&out, '\n');
			text_bead(&out, mark, a.data, a.len, b.data, b.len,
			          col);
			break;
		case FMT_TMX:
			tmx_pair(&out, bt, a.data, b.data, conf, date);
			break;
		case FMT_BEADS:
			break;
		}
		fwrite(out.data, 1, out.len, stdout);
	}
	if (o->format == FMT_TMX) {
		buf_reset(&out);
		tmx_write_end(&out);
		fwrite(out.data, 1, out.len, stdout);
	}
	if (o->format == FMT_TEXT)
		printf("\n%zu pairs (%zu weak, below %.2f, marked ?), %zu "
		       "source and %zu target sentences without counterpart "
		       "(-)\n",
		       pairs, weak, WEAK, lone_s, lone_t);
	buf_release(&out);
	buf_release(&a);
	buf_release(&b);
}

static int parse_format(enum format *f, const char *s)
{
	if (!strcmp(s, "tsv"))
		*f = FMT_TSV;
	else if (!strcmp(s, "jsonl"))
		*f = FMT_JSONL;
	else if (!strcmp(s, "beads"))
		*f = FMT_BEADS;
	else if (!strcmp(s, "text"))
		*f = FMT_TEXT;
	else if (!strcmp(s, "tmx"))
		*f = FMT_TMX;
	else
		return -1;
	return 0;
}

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    CLI_PAIR_OPTIONS,
	    {"format", required_argument, NULL, 'f'},
	    {"min-confidence", required_argument, NULL, 'm'},
	    {"width", required_argument, NULL, 'w'},
	    /* hidden: plain Gale & Church, the baseline of make bench */
	    {"length-only", no_argument, NULL, 'G'},
	    /* hidden: what each confidence is computed from, in jsonl (for
	     * tests/dev/align-calibrate.py) */
	    {"evidence", no_argument, NULL, 'V'},
	    {NULL, 0, NULL, 0},
	};
	struct align_cmd_opts o;
	struct bitext bt;
	struct err e;
	int c, rc = CLI_OK;

	(void)ctx;
	memset(&o, 0, sizeof(o));
	o.width = 80;
	while ((c = cli_getopt(argc, argv, opts, "align")) != -1) {
		switch (c) {
		case 'f':
			if (parse_format(&o.format, optarg) < 0)
				return cli_usage_error(
				    "align",
				    "unknown format '%s' (tsv, jsonl, "
				    "beads, text or tmx)",
				    optarg);
			break;
		case 'm':
			if (cli_parse_double(&o.min_conf, optarg, 0, 1, "align",
			                     "--min-confidence") < 0)
				return CLI_USAGE;
			break;
		case 'w':
			if (cli_parse_long(&o.width, optarg, 40, 1000, "align",
			                   "--width") < 0)
				return CLI_USAGE;
			break;
		case 'G':
			o.bo.align_flags |= ALIGN_LENGTH_ONLY;
			break;
		case 'V':
			o.bo.align_flags |= ALIGN_EVIDENCE;
			break;
		case CLI_OPT_HELP:
			return CLI_OK;
		default:
			if (cli_pair_option(&o.bo, c, optarg, "align") <= 0)
				return CLI_USAGE;
			break;
		}
	}
	if (cli_pair_paths(argc - optind, argv + optind, "align") != CLI_OK)
		return CLI_USAGE;
	bitext_init(&bt);
	err_clear(&e);
	if (bitext_load(&bt, argv[optind], argv[optind + 1], &o.bo, &e) < 0) {
		rc = cli_fail(&e);
		goto out;
	}
	cli_pair_warn(&bt);
	if (bt.r.unrelated)
		cli_warn("%s and %s do not look like translations of each "
		         "other (relatedness %.2f)",
		         bt.src.name, bt.tgt.name, bt.r.relatedness);
	print_beads(&bt, &o);
out:
	bitext_release(&bt);
	return rc;
}

const struct cli_cmd cmd_align = {
    "align",
    run,
    "align an article with its translation, sentence by sentence",
    "align [--src-lang L] [--tgt-lang L] [--presegmented]\n"
    "       [--encoding NAME] [--src-encoding NAME] [--tgt-encoding NAME]\n"
    "       [--lossy] [--format tsv|jsonl|beads|text|tmx]\n"
    "       [--min-confidence X] [--width N] SRC TGT",
    "Splits SRC and its translation TGT into sentences and finds which\n"
    "sentences translate which, including sentences merged, split or\n"
    "left out.  Each pair gets a confidence from 0 to 1; pairs below 0.5\n"
    "are likely wrong.  Warns when the texts do not look like\n"
    "translations of each other.  One of SRC and TGT may be - (stdin).\n"
    "\n"
    "options:\n"
    "  --src-lang L, --tgt-lang L  languages of SRC and TGT (default:\n"
    "                   guessed); they tell how numbers are written\n"
    "  --presegmented   each input line is one sentence, taken as it\n"
    "                   is; a blank line separates paragraphs\n"
    "  --format F       tsv (default): confidence, source and target\n"
    "                   separated by tabs, one line per pair;\n"
    "                   jsonl: one object per bead with the sentence\n"
    "                   numbers (0-based), confidence and texts;\n"
    "                   beads: [i, j]:[k] per bead, [] for a side\n"
    "                   without counterpart;\n"
    "                   text: two columns to review, weak pairs marked ?;\n"
    "                   tmx: TMX 1.4b of the pairs, for a CAT tool\n"
    "  --min-confidence X  leave out beads below X (not from beads)\n"
    "  --encoding NAME  read both inputs as NAME (default: detect);\n"
    "                   --src-encoding, --tgt-encoding for one side\n"
    "  --lossy          replace invalid bytes with U+FFFD and warn\n"
    "  --width N        width of the text format (default 80)\n"
    "\n"
    "example:\n"
    "  newstm align samples/prisoners.en.txt samples/prisoners.ru.txt\n",
};
