/*
 * export: write the memory, or part of it, to a file as it streams out.
 *
 * TMX 1.4b (valid against the TMX 1.4 DTD, UTF-8): srclang in the header
 * (the one source language of what is exported, else the --src-lang
 * asked for, else "*all*" with a srclang on each unit), xml:lang, the
 * source variant first.  Units stored one after the other with the same
 * source (the languages of one TMX unit, alternative translations) are
 * written as one <tu> again; its props and notes are those of all of
 * them.  Dates are UTC.  Props, notes and attributes that came with the
 * units are written back; newstm's own data travel as props of the
 * target variant (x-newstm-confidence, x-newstm-confirmed,
 * x-newstm-origin "POSITION DOCUMENT"), which import reads back, so that
 * import -> export -> import -> export is a fixpoint.
 *
 * TSV: "source TAB target", one translation per line, with \t \n \r \\
 * escapes.  JSON Lines: one object per unit with "source", "target",
 * "src_lang", "tgt_lang", "confidence" (null when not aligned),
 * "confirmed", "document" and "position" (its first origin).
 */
#ifndef NEWSTM_EXPORT_H
#define NEWSTM_EXPORT_H

#include <stdio.h>

#include "err.h"
#include "store.h"

enum export_format { EXPORT_TMX, EXPORT_TSV, EXPORT_JSONL };

struct export_opts {
	enum export_format format;
	const char *src_lang, *tgt_lang; /* filters (prefix match), or NULL */
	const char *document;            /* only units seen in it, or NULL */
	const char *version;             /* creationtoolversion */
};

struct export_report {
	long long units;    /* units written */
	long long tus;      /* TMX <tu> elements written */
	long long replaced; /* characters XML 1.0 forbids, written as U+FFFD */
};

/*
 * Write what o selects from st to out (name: for messages), streaming.
 * Errors: ERR_NOTFOUND (o->document is not in the memory; nothing is
 * written), ERR_IO when writing fails (a full disk), ERR_DB.  The output
 * is flushed but not closed.
 */
int export_write(struct store *st, FILE *out, const char *name,
                 const struct export_opts *o, struct export_report *r,
                 struct err *e);

/* Parse "tmx", "tsv" or "jsonl"; returns 0 or -1. */
int export_format_parse(const char *s, enum export_format *out);

#endif
