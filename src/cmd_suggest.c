/*
 * newstm suggest: for each sentence of a new article, what the memory
 * translated before, how close it is, what differs, and a proposal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "cmds.h"
#include "lang.h"
#include "out.h"
#include "suggest.h"
#include "xalloc.h"
#include "banned.h"

#ifndef NEWSTM_VERSION
#define NEWSTM_VERSION "0.0.0"
#endif

enum format { FMT_TEXT, FMT_JSONL, FMT_TSV, FMT_XLIFF };

struct run {
	struct suggest_job *job;
	enum format format;
	int color;
	struct buf out, name, diff;
	const char **docs; /* document names of a set, for XLIFF */
	struct buf *dbufs;
	size_t ndocs;
	/* figures for the text summary */
	size_t sentences, context, exact, high, fuzzy, none;
};

/* The document names of a set's matches, into r->docs. */
static int names_of(struct run *r, const struct match_set *set, struct err *e)
{
	size_t i;
	int rc;

	if (set->n > r->ndocs) {
		r->dbufs = xreallocarray(r->dbufs, set->n, sizeof(*r->dbufs));
		r->docs = xreallocarray(r->docs, set->n, sizeof(*r->docs));
		for (i = r->ndocs; i < set->n; i++)
			buf_init(&r->dbufs[i]);
		r->ndocs = set->n;
	}
	for (i = 0; i < set->n; i++) {
		if ((rc = suggest_document(&r->dbufs[i], r->job->st, &set->v[i],
		                           e)) < 0)
			return rc;
		r->docs[i] = r->dbufs[i].data;
	}
	return 0;
}

static void count(struct run *r, const struct match_set *set)
{
	int s = set->n ? set->v[0].score : -1;

	r->sentences++;
	if (s >= 101)
		r->context++;
	else if (s == 100)
		r->exact++;
	else if (s >= 95)
		r->high++;
	else if (s >= 0)
		r->fuzzy++;
	else
		r->none++;
}

static void text_item(struct run *r, const struct suggest_item *it)
{
	struct buf *b = &r->out;
	size_t i;

	buf_addf(b, "#%zu ", it->index);
	buf_add(b, it->text, it->len);
	buf_addch(b, '\n');
	if (it->too_long)
		buf_adds(b, "  (too long to match)\n");
	else if (!it->set->n)
		buf_adds(b, "  no match\n");
	for (i = 0; i < it->set->n; i++) {
		const struct match_result *m = &it->set->v[i];

		buf_addf(b, "  %d [%s] unit %lld", m->score, m->band,
		         (long long)m->id);
		if (r->docs[i][0])
			buf_addf(b, ", %s", r->docs[i]);
		buf_adds(b, "\n    diff:     ");
		buf_reset(&r->diff);
		match_render_diff(&r->diff, m, it->text, it->len,
		                  r->color ? DIFF_COLOR : DIFF_PLAIN);
		buf_add(b, r->diff.data, r->diff.len);
		buf_adds(b, "\n    target:   ");
		buf_add(b, m->target, m->target_len);
		buf_adds(b, "\n    proposed: ");
		buf_add(b, m->proposed, m->proposed_len);
		buf_addch(b, '\n');
		if (m->npen || m->edits) {
			/* how the score came about */
			buf_addf(b, "    score:    %d for %d word edit%s",
			         m->base, m->edits, m->edits == 1 ? "" : "s");
			if (m->npen) {
				buf_adds(b, ", minus ");
				suggest_penalties(b, m);
			}
			buf_addch(b, '\n');
		}
	}
	buf_addch(b, '\n');
}

static void jsonl_item(struct run *r, const struct suggest_item *it)
{
	struct buf *b = &r->out;
	size_t i;
	int k;

	buf_addf(b, "{\"index\": %zu, \"source\": ", it->index);
	out_json_str(b, it->text, it->len);
	buf_adds(b, ", \"matches\": [");
	for (i = 0; i < it->set->n; i++) {
		const struct match_result *m = &it->set->v[i];

		buf_addf(b,
		         "%s{\"score\": %d, \"band\": \"%s\", \"tu\": %lld, "
		         "\"source\": ",
		         i ? ", " : "", m->score, m->band, (long long)m->id);
		out_json_str(b, m->source, m->source_len);
		buf_adds(b, ", \"target\": ");
		out_json_str(b, m->target, m->target_len);
		buf_adds(b, ", \"proposed\": ");
		out_json_str(b, m->proposed, m->proposed_len);
		buf_adds(b, ", \"penalties\": [");
		for (k = 0; k < m->npen; k++) {
			buf_adds(b, k ? ", {\"why\": " : "{\"why\": ");
			out_json_str(b, m->pen[k].why, strlen(m->pen[k].why));
			buf_addf(b, ", \"points\": %d}", m->pen[k].points);
		}
		buf_adds(b, "], \"document\": ");
		out_json_str(b, r->docs[i], strlen(r->docs[i]));
		buf_adds(b, "}");
	}
	buf_adds(b, "]}\n");
}

/* index TAB score TAB source TAB proposed; no match: score 0, empty. */
static void tsv_item(struct run *r, const struct suggest_item *it)
{
	struct buf *b = &r->out;
	const struct match_result *m = it->set->n ? &it->set->v[0] : NULL;

	buf_addf(b, "%zu\t%d\t", it->index, m ? m->score : 0);
	out_tsv_field(b, it->text, it->len);
	buf_addch(b, '\t');
	if (m)
		out_tsv_field(b, m->proposed, m->proposed_len);
	buf_addch(b, '\n');
}

static int on_item(void *ctx, const struct suggest_item *it, struct err *e)
{
	struct run *r = ctx;
	int rc;

	if ((rc = names_of(r, it->set, e)) < 0)
		return rc;
	count(r, it->set);
	buf_reset(&r->out);
	switch (r->format) {
	case FMT_TEXT:
		text_item(r, it);
		break;
	case FMT_JSONL:
		jsonl_item(r, it);
		break;
	case FMT_TSV:
		tsv_item(r, it);
		break;
	case FMT_XLIFF:
		suggest_xliff_unit(&r->out, it, r->job->src, r->job->tgt,
		                   r->docs, 0, 0);
		break;
	}
	fwrite(r->out.data, 1, r->out.len, stdout);
	return 0;
}

/* Seconds on the monotonic clock. */
static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int parse_format(enum format *f, const char *s)
{
	static const char *const names[] = {"text", "jsonl", "tsv", "xliff"};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(s, names[i])) {
			*f = (enum format)i;
			return 0;
		}
	return -1;
}

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"src-lang", required_argument, NULL, 's'},
	    {"tgt-lang", required_argument, NULL, 't'},
	    {"min-score", required_argument, NULL, 'm'},
	    {"max", required_argument, NULL, 'n'},
	    {"presegmented", no_argument, NULL, 'p'},
	    {"format", required_argument, NULL, 'f'},
	    {"encoding", required_argument, NULL, 'e'},
	    {"lossy", no_argument, NULL, 'L'},
	    /* hidden: compare with every unit (make bench's baseline) */
	    {"brute-force", no_argument, NULL, 'B'},
	    /* hidden: time opening and matching, on stderr (make bench) */
	    {"timing", no_argument, NULL, 'T'},
	    {NULL, 0, NULL, 0},
	};
	char src[LANG_TAG_MAX], tgt[LANG_TAG_MAX];
	struct suggest_input in;
	struct suggest_opts o;
	struct suggest_job job;
	struct run r;
	struct err e;
	size_t i;
	long v;
	int c, rc, status = CLI_OK, timing = 0;
	double t0, t1, t2;

	memset(&in, 0, sizeof(in));
	memset(&o, 0, sizeof(o));
	memset(&job, 0, sizeof(job));
	memset(&r, 0, sizeof(r));
	o.min_score = 50;
	o.max = 3;
	while ((c = cli_getopt(argc, argv, opts, "suggest")) != -1) {
		switch (c) {
		case 's':
			if (cli_parse_lang(src, optarg, "suggest",
			                   "--src-lang") < 0)
				return CLI_USAGE;
			in.src = src;
			break;
		case 't':
			if (cli_parse_lang(tgt, optarg, "suggest",
			                   "--tgt-lang") < 0)
				return CLI_USAGE;
			in.tgt = tgt;
			break;
		case 'm':
			if (cli_parse_long(&v, optarg, 0, 101, "suggest",
			                   "--min-score") < 0)
				return CLI_USAGE;
			o.min_score = (int)v;
			break;
		case 'n':
			if (cli_parse_long(&v, optarg, 0, 1000000, "suggest",
			                   "--max") < 0)
				return CLI_USAGE;
			o.max = (size_t)v;
			break;
		case 'p':
			in.presegmented = 1;
			break;
		case 'f':
			if (parse_format(&r.format, optarg) < 0)
				return cli_usage_error("suggest",
				                       "--format wants text, "
				                       "jsonl, tsv or xliff, "
				                       "not '%s'",
				                       optarg);
			break;
		case 'B':
			o.brute = 1;
			break;
		case 'T':
			timing = 1;
			break;
		case 'e':
			in.text.encoding = optarg;
			break;
		case 'L':
			in.text.lossy = 1;
			break;
		case CLI_OPT_HELP:
			return CLI_OK;
		default:
			return CLI_USAGE;
		}
	}
	if (cli_file_arg(&in.article, argc, argv, "suggest") < 0)
		return CLI_USAGE;
	in.tm_path = ctx->tm_path;

	err_clear(&e);
	t0 = now();
	rc = suggest_job_open(&job, &in, &e);
	t1 = now();
	if (rc < 0) {
		suggest_job_release(&job);
		if (rc == ERR_USAGE)
			return cli_usage_error("suggest", "%s", e.msg);
		return cli_fail(&e);
	}
	if (tmindex_note(job.ti))
		cli_warn("%s", tmindex_note(job.ti));
	if (job.info.replaced)
		cli_warn("%s: %zu invalid byte sequence%s replaced with U+FFFD",
		         cli_input_name(in.article), job.info.replaced,
		         job.info.replaced == 1 ? "" : "s");
	o.src_lang = job.src;
	o.tgt_lang = job.tgt;
	r.job = &job;
	r.color = ctx->color;
	buf_init(&r.out);
	buf_init(&r.name);
	buf_init(&r.diff);
	if (r.format == FMT_XLIFF) {
		buf_reset(&r.out);
		suggest_xliff_head(&r.out, cli_input_name(in.article), job.src,
		                   job.tgt, NEWSTM_VERSION);
		fwrite(r.out.data, 1, r.out.len, stdout);
	}
	rc = suggest_run(job.st, job.ti, job.d.text, &job.sl, &o, on_item, &r,
	                 &e);
	t2 = now();
	if (timing)
		fprintf(stderr, "open_s %.4f\nquery_s %.4f\nqueries %zu\n",
		        t1 - t0, t2 - t1, job.sl.len);
	if (rc < 0) {
		status = cli_fail(&e);
	} else if (r.format == FMT_XLIFF) {
		buf_reset(&r.out);
		suggest_xliff_end(&r.out);
		fwrite(r.out.data, 1, r.out.len, stdout);
	} else if (r.format == FMT_TEXT) {
		printf("%zu sentence%s (%s -> %s): %zu context matches (101), "
		       "%zu exact (100), %zu at 95-99, %zu fuzzy (%d-94), %zu "
		       "without a match\n",
		       r.sentences, r.sentences == 1 ? "" : "s", job.src,
		       job.tgt, r.context, r.exact, r.high, r.fuzzy,
		       o.min_score, r.none);
	}
	for (i = 0; i < r.ndocs; i++)
		buf_release(&r.dbufs[i]);
	free(r.dbufs);
	free(r.docs);
	buf_release(&r.out);
	buf_release(&r.name);
	buf_release(&r.diff);
	suggest_job_release(&job);
	return status;
}

const struct cli_cmd cmd_suggest = {
    "suggest",
    run,
    "matches from the memory for each sentence of a new article",
    "suggest [--src-lang L] [--tgt-lang L] [--min-score N] [--max N] "
    "[--presegmented] [--format text|jsonl|tsv|xliff] [--encoding NAME] "
    "[--lossy] [ARTICLE|-]",
    "Splits ARTICLE (or stdin) into sentences and shows, for each, the\n"
    "best matches in the memory (--tm): score, band (101, 100, 95-99,\n"
    "85-94, 75-84, 50-74), a word diff from the stored source to the new\n"
    "sentence ([-old-]{+new+}, or colours on a terminal), the stored\n"
    "target and the proposed target, with numbers changed in the new\n"
    "sentence already changed, and the penalties that explain the score.\n"
    "101: a 100 whose previous sentence matched the unit stored just\n"
    "before it in the same document.  Units and their use counts are\n"
    "not changed.\n"
    "\n"
    "options:\n"
    "  --src-lang L     the article's language (default: the memory's\n"
    "                   source language if it has one, else a guess)\n"
    "  --tgt-lang L     the language to translate into (default: the\n"
    "                   only one the memory holds for the source)\n"
    "  --min-score N    matches scoring N or more (0-101; default 50)\n"
    "  --max N          at most N matches a sentence (default 3; 0: all)\n"
    "  --presegmented   one sentence a line: no sentence splitting\n"
    "  --format F       text (default); jsonl: one object a sentence\n"
    "                   {index, source, matches: [{score, band, tu,\n"
    "                   source, target, proposed, penalties, document}]};\n"
    "                   tsv: index, score, sentence, proposed target of\n"
    "                   the best match (score 0 and an empty proposal\n"
    "                   when there is none); xliff: XLIFF 1.2, a\n"
    "                   trans-unit a sentence, matches as alt-trans\n"
    "  --encoding NAME  read the article as NAME (default: detected)\n"
    "  --lossy          replace invalid bytes with U+FFFD and warn\n"
    "\n"
    "example:\n"
    "  newstm suggest --tgt-lang ru samples/followup.en.txt\n",
};
