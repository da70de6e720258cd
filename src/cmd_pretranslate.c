/*
 * newstm pretranslate: the draft translation of a new article, each
 * sentence replaced by its best match from the memory, the rest marked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmds.h"
#include "lang.h"
#include "out.h"
#include "suggest.h"
#include "tmx.h"
#include "xalloc.h"
#include "banned.h"

#ifndef NEWSTM_VERSION
#define NEWSTM_VERSION "0.0.0"
#endif

/* Around a sentence left in the source language, in the text draft. */
#define MARK_OPEN  "\xe2\x9f\xa6" /* U+27E6 ⟦ */
#define MARK_CLOSE "\xe2\x9f\xa7" /* U+27E7 ⟧ */

enum format { FMT_TEXT, FMT_XLIFF, FMT_TMX };

struct run {
	struct suggest_job *job;
	enum format format;
	int min_score;
	struct buf out, text;
	struct buf *dbufs;
	const char **docs;
	size_t ndocs;
	size_t last_para; /* text: the paragraph being written */
	int64_t *used;    /* units whose proposal went into the draft */
	size_t nused, ucap;
	size_t sentences, exact, fuzzy, none;
	size_t replaced; /* characters XML does not allow */
};

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

static int on_item(void *ctx, const struct suggest_item *it, struct err *e)
{
	struct run *r = ctx;
	const struct match_result *best =
	    it->set->n && it->set->v[0].score >= r->min_score ? &it->set->v[0]
	                                                      : NULL;
	char score[16];
	int rc;

	r->sentences++;
	if (!best)
		r->none++;
	else if (best->score >= 100)
		r->exact++;
	else
		r->fuzzy++;
	if (best) {
		XGROW(r->used, r->ucap, r->nused + 1);
		r->used[r->nused++] = best->id;
	}
	buf_reset(&r->out);
	switch (r->format) {
	case FMT_TEXT:
		if (r->sentences > 1)
			buf_adds(&r->out,
			         it->para != r->last_para ? "\n\n" : " ");
		r->last_para = it->para;
		if (best) {
			buf_add(&r->out, best->proposed, best->proposed_len);
		} else {
			buf_adds(&r->out, MARK_OPEN);
			buf_add(&r->out, it->text, it->len);
			buf_adds(&r->out, MARK_CLOSE);
		}
		break;
	case FMT_XLIFF:
		if ((rc = names_of(r, it->set, e)) < 0)
			return rc;
		suggest_xliff_unit(&r->out, it, r->job->src, r->job->tgt,
		                   r->docs, 1, r->min_score);
		break;
	case FMT_TMX:
		if (!best)
			break;
		snprintf(score, sizeof(score), "%d", best->score);
		{
			struct tmx_item item = {TMX_PROP, "x-newstm-score",
			                        NULL, score};

			r->replaced += tmx_write_tu_open(&r->out, &item, 1);
		}
		buf_reset(&r->text);
		buf_add(&r->text, it->text, it->len);
		r->replaced += tmx_write_tuv(&r->out, r->job->src, NULL, 0,
		                             r->text.data, NULL);
		r->replaced += tmx_write_tuv(&r->out, r->job->tgt, NULL, 0,
		                             best->proposed, NULL);
		tmx_write_tu_close(&r->out);
		break;
	}
	fwrite(r->out.data, 1, r->out.len, stdout);
	return 0;
}

/* How long counting uses waits for another writer (an import). */
#define USES_WAIT_MS 5000

/*
 * Count one use of every unit that went into the draft: one transaction,
 * which does not wait minutes behind an import (the draft is out).
 */
static int count_uses(struct run *r, struct err *e)
{
	int64_t now = (int64_t)store_now();
	size_t i;
	int rc;

	if (!r->nused)
		return 0;
	if ((rc = store_begin_wait(r->job->st, USES_WAIT_MS, e)) < 0)
		return rc;
	for (i = 0; i < r->nused; i++)
		if ((rc = store_touch(r->job->st, r->used[i], now, e)) < 0) {
			store_rollback(r->job->st);
			return rc;
		}
	return store_commit(r->job->st, e);
}

static int run(int argc, char **argv, const struct cli_ctx *ctx)
{
	static const struct option opts[] = {
	    {"src-lang", required_argument, NULL, 's'},
	    {"tgt-lang", required_argument, NULL, 't'},
	    {"min-score", required_argument, NULL, 'm'},
	    {"format", required_argument, NULL, 'f'},
	    {"encoding", required_argument, NULL, 'e'},
	    {"lossy", no_argument, NULL, 'L'},
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
	int c, rc, status = CLI_OK;

	memset(&in, 0, sizeof(in));
	memset(&o, 0, sizeof(o));
	memset(&job, 0, sizeof(job));
	memset(&r, 0, sizeof(r));
	o.min_score = 75;
	o.max = 3;
	while ((c = cli_getopt(argc, argv, opts, "pretranslate")) != -1) {
		switch (c) {
		case 's':
			if (cli_parse_lang(src, optarg, "pretranslate",
			                   "--src-lang") < 0)
				return CLI_USAGE;
			in.src = src;
			break;
		case 't':
			if (cli_parse_lang(tgt, optarg, "pretranslate",
			                   "--tgt-lang") < 0)
				return CLI_USAGE;
			in.tgt = tgt;
			break;
		case 'm':
			if (cli_parse_long(&v, optarg, 0, 101, "pretranslate",
			                   "--min-score") < 0)
				return CLI_USAGE;
			o.min_score = (int)v;
			break;
		case 'f':
			if (!strcmp(optarg, "text"))
				r.format = FMT_TEXT;
			else if (!strcmp(optarg, "xliff"))
				r.format = FMT_XLIFF;
			else if (!strcmp(optarg, "tmx"))
				r.format = FMT_TMX;
			else
				return cli_usage_error("pretranslate",
				                       "--format wants text, "
				                       "xliff or tmx, not '%s'",
				                       optarg);
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
	if (cli_file_arg(&in.article, argc, argv, "pretranslate") < 0)
		return CLI_USAGE;
	in.tm_path = ctx->tm_path;

	err_clear(&e);
	rc = suggest_job_open(&job, &in, &e);
	if (rc < 0) {
		suggest_job_release(&job);
		if (rc == ERR_USAGE)
			return cli_usage_error("pretranslate", "%s", e.msg);
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
	r.min_score = o.min_score;
	buf_init(&r.out);
	buf_init(&r.text);
	if (r.format == FMT_XLIFF)
		suggest_xliff_head(&r.out, cli_input_name(in.article), job.src,
		                   job.tgt, NEWSTM_VERSION);
	else if (r.format == FMT_TMX)
		r.replaced += tmx_write_header(&r.out, job.src, "newstm",
		                               NEWSTM_VERSION, NULL, 0);
	fwrite(r.out.data, 1, r.out.len, stdout);
	rc = suggest_run(job.st, job.ti, job.d.text, &job.sl, &o, on_item, &r,
	                 &e);
	if (rc < 0) {
		status = cli_fail(&e);
		goto out;
	}
	buf_reset(&r.out);
	if (r.format == FMT_XLIFF)
		suggest_xliff_end(&r.out);
	else if (r.format == FMT_TMX)
		tmx_write_end(&r.out);
	else if (r.sentences)
		buf_addch(&r.out, '\n');
	fwrite(r.out.data, 1, r.out.len, stdout);
	if (r.replaced)
		cli_warn("%zu character%s not allowed in XML replaced with "
		         "U+FFFD",
		         r.replaced, r.replaced == 1 ? "" : "s");
	if (fflush(stdout) != 0 || ferror(stdout))
		goto out; /* no draft, no use: cli reports the write error */
	cli_warn("%zu sentence%s (%s -> %s): %zu exact (100-101), %zu fuzzy "
	         "(%d-99), %zu left in the source language%s",
	         r.sentences, r.sentences == 1 ? "" : "s", job.src, job.tgt,
	         r.exact, r.fuzzy, o.min_score, r.none,
	         r.format == FMT_TEXT ? " (marked " MARK_OPEN "..." MARK_CLOSE
	                                ")"
	                              : "");
	err_clear(&e);
	if (count_uses(&r, &e) < 0)
		cli_warn("uses not counted: %s", e.msg);
out:
	for (i = 0; i < r.ndocs; i++)
		buf_release(&r.dbufs[i]);
	free(r.dbufs);
	free(r.docs);
	free(r.used);
	buf_release(&r.out);
	buf_release(&r.text);
	suggest_job_release(&job);
	return status;
}

const struct cli_cmd cmd_pretranslate = {
    "pretranslate",
    run,
    "a draft translation of a new article from the memory's best matches",
    "pretranslate [--src-lang L] [--tgt-lang L] [--min-score N] "
    "[--format text|xliff|tmx] [--encoding NAME] [--lossy] [ARTICLE|-]",
    "Splits ARTICLE (or stdin) into sentences and replaces each with the\n"
    "proposed target of its best match in the memory (--tm) scoring at\n"
    "least --min-score: numbers changed in the article are changed in the\n"
    "proposal.  Sentences without such a match stay in the source\n"
    "language.  Each unit used counts one use in the memory.\n"
    "\n"
    "options:\n"
    "  --src-lang L     the article's language (default: the memory's\n"
    "                   source language if it has one, else a guess)\n"
    "  --tgt-lang L     the language to translate into (default: the\n"
    "                   only one the memory holds for the source)\n"
    "  --min-score N    use matches scoring N or more (0-101; default 75)\n"
    "  --format F       text (default): the draft, one paragraph a line\n"
    "                   with a blank line between, sentences left in the\n"
    "                   source language between " MARK_OPEN " and " MARK_CLOSE
    ";\n"
    "                   xliff: XLIFF 1.2, a trans-unit a sentence, its\n"
    "                   target state translated (100, 101),\n"
    "                   needs-review-translation (fuzzy) or new (the\n"
    "                   source copied), the matches as alt-trans;\n"
    "                   tmx: the translated sentences as TMX 1.4b pairs\n"
    "  --encoding NAME  read the article as NAME (default: detected)\n"
    "  --lossy          replace invalid bytes with U+FFFD and warn\n"
    "\n"
    "A summary goes to stderr.\n"
    "\n"
    "example:\n"
    "  newstm pretranslate --tgt-lang de samples/followup.en.txt\n",
};
