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
#include "cmds.h"
#include "doc.h"
#include "lang.h"
#include "norm.h"
#include "out.h"
#include "xalloc.h"
#include "banned.h"

enum format { FMT_TSV, FMT_JSONL, FMT_BEADS, FMT_TEXT };

/* Weak pairs: the text format marks beads below this confidence. */
#define WEAK 0.5

struct align_cmd_opts {
	const char *src_lang, *tgt_lang; /* NULL: guess */
	struct text_opts src_to, tgt_to;
	int presegmented;
	enum format format;
	double min_conf;
	long width;
	unsigned flags; /* ALIGN_* */
};

/* One side: the document and its sentences. */
struct side_in {
	const char *path, *name;
	struct doc d;
	struct align_sent *sent;
	size_t n, cap;
	char lang[LANG_TAG_MAX];
};

static void add_sent(struct side_in *s, size_t start, size_t end, size_t para)
{
	while (start < end && s->d.text[start] == ' ')
		start++;
	while (end > start && s->d.text[end - 1] == ' ')
		end--;
	if (start == end)
		return;
	XGROW(s->sent, s->cap, s->n + 1);
	s->sent[s->n].text = s->d.text + start;
	s->sent[s->n].len = end - start;
	s->sent[s->n].para = para;
	s->n++;
}

/*
 * Presegmented input: the document was read with DOC_LINES, so each
 * paragraph is one source line, a sentence; a gap in the line numbers is a
 * blank line, which starts a new paragraph.
 */
static void take_lines(struct side_in *s)
{
	size_t k, para = 0;

	for (k = 0; k < s->d.npara; k++) {
		if (k > 0 && s->d.paras[k].line > s->d.paras[k - 1].line + 1)
			para++;
		add_sent(s, s->d.paras[k].start, s->d.paras[k].end, para);
	}
}

/* ---- TODO: replace with seg.c when merged ------------------------------
 * A minimal stand-in for the sentence splitter so that running text aligns
 * end to end: a sentence ends after . ! ? or … and any closing quotes or
 * brackets, before a space and then an upper-case letter, a digit or an
 * opening quote or bracket, unless the word before a full stop is a single
 * letter (an initial) or one of a few abbreviations; a closing quote glued
 * to a capital (`Lukashenko.”We`) ends one too.  The paragraph ends one.
 */
static int placeholder_closing(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' ||
	       cp == 0x201D || cp == 0x2019 || cp == 0xBB || cp == 0x201C;
}

static int placeholder_opening(int32_t cp)
{
	return cp == '"' || cp == '(' || cp == '[' || cp == 0x201C ||
	       cp == 0x201E || cp == 0xAB || cp == 0x2018 || cp == 0x201A;
}

static int placeholder_abbrev(const char *s, size_t start, size_t dot)
{
	static const char *const abbr[] = {
	    "Mr",   "Mrs", "Ms",  "Dr",  "St",  "Jr",  "Sr",  "Prof", "Gen",
	    "Gov",  "Sen", "Rep", "Jan", "Feb", "Mar", "Apr", "Aug",  "Sep",
	    "Sept", "Oct", "Nov", "Dec", "No",  "vs",  "etc", "Nr",   "z",
	    "B",    "M",   "Mme", "г",   "гг",  "им",  "ул",  "т",    "тыс",
	    "руб",  "S",   "ca",  "bzw", "usw", "vgl", "Abb"};
	size_t i = dot, n = 0, k;
	int32_t cp;

	while (i > start) {
		size_t j = i;

		cp = norm_prev(s, &j);
		if (!norm_is_letter(cp))
			break;
		i = j;
		n++;
	}
	if (n == 1)
		return 1; /* an initial: A. Lukashenko, U.S. */
	for (k = 0; k < sizeof(abbr) / sizeof(abbr[0]); k++)
		if (strlen(abbr[k]) == dot - i &&
		    !memcmp(s + i, abbr[k], dot - i))
			return 1;
	return 0;
}

static void split_paragraph(struct side_in *s, size_t start, size_t end,
                            size_t para)
{
	const char *t = s->d.text;
	size_t i = start, from = start;

	while (i < end) {
		size_t at = i, j, k;
		int32_t cp = norm_next(t, end, &i), nx;
		int glued = 0;

		if (cp != '.' && cp != '!' && cp != '?' && cp != 0x2026)
			continue;
		while (i < end) { /* more of them: ?! ... */
			j = i;
			nx = norm_next(t, end, &j);
			if (nx != '.' && nx != '!' && nx != '?' && nx != 0x2026)
				break;
			i = j;
		}
		while (i < end) { /* closing quotes and brackets */
			j = i;
			nx = norm_next(t, end, &j);
			if (!placeholder_closing(nx))
				break;
			glued = nx == 0x201D || nx == 0xBB || nx == '"';
			i = j;
		}
		if (i >= end)
			break;
		k = i;
		nx = norm_next(t, end, &k);
		if (nx == ' ') {
			nx = norm_next(t, end, &k);
			if (!norm_is_upper(nx) && !norm_is_digit(nx) &&
			    !placeholder_opening(nx))
				continue;
		} else if (!(glued && norm_is_upper(nx))) {
			continue;
		}
		if (cp == '.' && placeholder_abbrev(t, from, at))
			continue;
		add_sent(s, from, i, para);
		from = i;
	}
	add_sent(s, from, end, para);
}

/*
 * Split the paragraphs of s->d into sentences (s->sent, with their
 * paragraph numbers), in the language s->lang ("" if unknown): the one
 * call the real splitter replaces.
 */
static void split_sentences(struct side_in *s)
{
	size_t k;

	for (k = 0; k < s->d.npara; k++)
		split_paragraph(s, s->d.paras[k].start, s->d.paras[k].end, k);
}
/* ---- end of the stand-in splitter -------------------------------------- */

static int load_side(struct side_in *s, const struct text_opts *to,
                     const char *lang, int presegmented, struct err *e)
{
	struct text_info info;
	char tag[LANG_TAG_MAX];
	const char *guess;
	int rc;

	s->name = cli_input_name(s->path);
	rc = doc_load(&s->d, &info, s->path, s->name, to,
	              presegmented ? DOC_LINES : 0, e);
	if (rc < 0)
		return rc;
	if (info.replaced)
		cli_warn("%s: %zu invalid byte sequence%s replaced with U+FFFD",
		         s->name, info.replaced, info.replaced == 1 ? "" : "s");
	if (lang && lang_normalize(tag, lang) == 0) {
		lang_primary(s->lang, tag);
	} else {
		guess = lang_guess(s->d.text, s->d.len);
		snprintf(s->lang, sizeof(s->lang), "%s",
		         strcmp(guess, "und") ? guess : "");
	}
	if (presegmented)
		take_lines(s);
	else
		split_sentences(s);
	return 0;
}

static void side_release(struct side_in *s)
{
	doc_release(&s->d);
	free(s->sent);
}

/* Append sentences from .. from+n-1 of s joined by single spaces. */
static void join(struct buf *b, const struct side_in *s, size_t from, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		if (k)
			buf_addch(b, ' ');
		buf_add(b, s->sent[from + k].text, s->sent[from + k].len);
	}
}

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

static void print_beads(const struct align_result *r, const struct side_in *s,
                        const struct side_in *t, const struct align_cmd_opts *o)
{
	struct buf out, a, b;
	size_t k, col, pairs = 0, weak = 0, lone_s = 0, lone_t = 0, shown = 0;
	char mark[16];

	buf_init(&out);
	buf_init(&a);
	buf_init(&b);
	col = o->width > 20 ? (size_t)(o->width - 9) / 2 : 10;
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
		if (o->format == FMT_TSV && !pair)
			continue;
		shown++;
		buf_reset(&a);
		buf_reset(&b);
		join(&a, s, bd->src, bd->nsrc);
		join(&b, t, bd->tgt, bd->ntgt);
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
		case FMT_BEADS:
			break;
		}
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
	else
		return -1;
	return 0;
}

static int parse_lang(const char **out, const char *arg, const char *opt)
{
	char norm[LANG_TAG_MAX];

	if (lang_normalize(norm, arg) < 0) {
		cli_usage_error("align", "%s wants a language tag, not '%s'",
		                opt, arg);
		return -1;
	}
	*out = arg;
	return 0;
}

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"src-lang", required_argument, NULL, 's'},
	    {"tgt-lang", required_argument, NULL, 't'},
	    {"presegmented", no_argument, NULL, 'p'},
	    {"format", required_argument, NULL, 'f'},
	    {"min-confidence", required_argument, NULL, 'm'},
	    {"encoding", required_argument, NULL, 'e'},
	    {"src-encoding", required_argument, NULL, 'E'},
	    {"tgt-encoding", required_argument, NULL, 'T'},
	    {"lossy", no_argument, NULL, 'L'},
	    {"width", required_argument, NULL, 'w'},
	    /* hidden: plain Gale & Church, the baseline of make bench */
	    {"length-only", no_argument, NULL, 'G'},
	    {NULL, 0, NULL, 0},
	};
	struct align_cmd_opts o;
	struct side_in s, t;
	struct align_result r;
	struct align_opts ao;
	struct err e;
	int c, rc = CLI_OK;

	(void)ctx;
	memset(&o, 0, sizeof(o));
	o.width = 80;
	while ((c = cli_getopt(argc, argv, opts, "align")) != -1) {
		switch (c) {
		case 's':
			if (parse_lang(&o.src_lang, optarg, "--src-lang") < 0)
				return CLI_USAGE;
			break;
		case 't':
			if (parse_lang(&o.tgt_lang, optarg, "--tgt-lang") < 0)
				return CLI_USAGE;
			break;
		case 'p':
			o.presegmented = 1;
			break;
		case 'f':
			if (parse_format(&o.format, optarg) < 0)
				return cli_usage_error(
				    "align",
				    "unknown format '%s' (tsv, jsonl, "
				    "beads or text)",
				    optarg);
			break;
		case 'm':
			if (cli_parse_double(&o.min_conf, optarg, 0, 1, "align",
			                     "--min-confidence") < 0)
				return CLI_USAGE;
			break;
		case 'e':
			o.src_to.encoding = o.tgt_to.encoding = optarg;
			break;
		case 'E':
			o.src_to.encoding = optarg;
			break;
		case 'T':
			o.tgt_to.encoding = optarg;
			break;
		case 'L':
			o.src_to.lossy = o.tgt_to.lossy = 1;
			break;
		case 'w':
			if (cli_parse_long(&o.width, optarg, 40, 1000, "align",
			                   "--width") < 0)
				return CLI_USAGE;
			break;
		case 'G':
			o.flags |= ALIGN_LENGTH_ONLY;
			break;
		case CLI_OPT_HELP:
			return CLI_OK;
		default:
			return CLI_USAGE;
		}
	}
	if (argc - optind != 2)
		return cli_usage_error("align", argc - optind < 2
		                                    ? "needs SRC and TGT"
		                                    : "too many arguments");
	memset(&s, 0, sizeof(s));
	memset(&t, 0, sizeof(t));
	s.path = argv[optind];
	t.path = argv[optind + 1];
	if (!strcmp(s.path, "-") && !strcmp(t.path, "-"))
		return cli_usage_error("align",
		                       "only one of SRC and TGT can be stdin");
	doc_init(&s.d);
	doc_init(&t.d);
	align_result_init(&r);
	err_clear(&e);
	if (load_side(&s, &o.src_to, o.src_lang, o.presegmented, &e) < 0 ||
	    load_side(&t, &o.tgt_to, o.tgt_lang, o.presegmented, &e) < 0) {
		rc = cli_fail(&e);
		goto out;
	}
	ao.src_lang = s.lang;
	ao.tgt_lang = t.lang;
	ao.flags = o.flags;
	if (align_run(&r, s.sent, s.n, t.sent, t.n, &ao, &e) < 0) {
		rc = cli_fail(&e);
		goto out;
	}
	if (r.unrelated)
		cli_warn("%s and %s do not look like translations of each "
		         "other (relatedness %.2f)",
		         s.name, t.name, r.relatedness);
	print_beads(&r, &s, &t, &o);
out:
	align_result_release(&r);
	side_release(&s);
	side_release(&t);
	return rc;
}

const struct cli_cmd cmd_align = {
    "align",
    run,
    "align an article with its translation, sentence by sentence",
    "align [--src-lang L] [--tgt-lang L] [--presegmented]\n"
    "       [--format tsv|jsonl|beads|text] [--min-confidence X] SRC TGT",
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
    "                   text: two columns to review, weak pairs marked ?\n"
    "  --min-confidence X  leave out beads below X (not from beads)\n"
    "  --encoding NAME  read both inputs as NAME (default: detect);\n"
    "                   --src-encoding, --tgt-encoding for one side\n"
    "  --lossy          replace invalid bytes with U+FFFD and warn\n"
    "  --width N        width of the text format (default 80)\n"
    "\n"
    "example:\n"
    "  newstm align samples/prisoners.en.txt samples/prisoners.ru.txt\n",
};
