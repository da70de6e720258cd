/*
 * import: bring a file of translations into the memory.
 *
 * Formats: TMX 1.1/1.2/1.4b and XLIFF 1.2/2.x (tmx.c), TSV ("source TAB
 * target", or "confidence TAB source TAB target" as `newstm align` writes
 * it; \t \n \r \\ escapes) and the JSON Lines of `newstm align` (objects
 * with "source", "target", "confidence" and the "src"/"tgt" index lists).
 * The format comes from the caller, else the file name's extension, else
 * the first bytes.  Each file is one batch and one transaction: a file
 * rejected as a whole (not well-formed, wrong encoding, refused DOCTYPE,
 * a malformed line) leaves nothing in the memory, unless skip_bad asks to
 * keep the good units (a TMX or XLIFF file is then kept up to its first
 * fatal error).  Units that cannot or should not be stored (a language
 * pair not asked for, an empty segment, no translation) are skipped and
 * counted by reason; they do not reject the file.
 *
 * Which variant of a TMX unit is the source: the one in src_lang when the
 * caller names it, else the unit's or the header's srclang, else the
 * first.  Every other variant gives one unit source -> it, so a unit with
 * three languages gives two, and two variants in one language two
 * alternatives.  Where a unit came from: its newstm origins
 * (x-newstm-origin props written by export), else an XLIFF <file
 * original>, a document prop (x-document, document, x-filename, filename,
 * file, Okapi's Txt::FileName), or the file's name, at the unit's position in
 * the file.
 *
 * It prints nothing; the caller reports what import_report holds.
 */
#ifndef NEWSTM_IMPORT_H
#define NEWSTM_IMPORT_H

#include <stdint.h>

#include "err.h"
#include "store.h"

enum import_format {
	IMPORT_AUTO,
	IMPORT_TMX,
	IMPORT_XLIFF,
	IMPORT_TSV,
	IMPORT_JSONL
};

struct import_opts {
	enum import_format format;
	const char *src_lang, *tgt_lang; /* normalised tags, or NULL */
	int skip_bad; /* keep the good units of a file with bad parts */
	/*
	 * Called after every unit put into the memory, inside the batch's
	 * transaction, with the number put so far (may be NULL).
	 */
	void (*progress)(void *ctx, long long units);
	void *progress_ctx;
};

/* Units skipped for one reason. */
struct import_skip {
	char *reason; /* "language pair not asked for" ... */
	long long count;
	char *where; /* "file:line:column" (or "file:line") of the first */
	char
	    *detail; /* about the first ("en -> fr", a language code) or NULL */
};

/* A bad part kept out under skip_bad: "file:line:column: what". */
#define IMPORT_MAX_BAD 20

struct import_report {
	int64_t batch;
	enum import_format format;
	struct store_counts counts;
	long long skipped;
	struct import_skip *skips;
	size_t nskips, cap;
	long long bad;                  /* bad parts skipped (skip_bad) */
	char *bad_msgs[IMPORT_MAX_BAD]; /* the first of them */
	int cut_short; /* skip_bad: an XML error ended the reading, so what
	                  followed it was not read */
};

void import_report_init(struct import_report *r);
void import_report_release(struct import_report *r);

/*
 * Import the file at path ("-": stdin) into st as one batch.  On success
 * r (initialised) tells what happened.  On failure nothing of the file is
 * stored and e says why, as "file:line:column: what is wrong" where there
 * is a place to name.  Errors: ERR_IO, ERR_FORMAT, ERR_ENCODING, ERR_LIMIT,
 * ERR_EMPTY (nothing but white space: "FILE: empty input (no text)"),
 * ERR_DB.
 */
int import_file(struct store *st, const char *path, const struct import_opts *o,
                struct import_report *r, struct err *e);

/* "tmx", "xliff", "tsv", "jsonl" (and "auto"). */
const char *import_format_name(enum import_format f);
/* Parse a format name; returns 0 or -1. */
int import_format_parse(const char *s, enum import_format *out);

/*
 * Does tag match the filter (RFC 4647 basic filtering: "en" matches "en"
 * and "en-US")?  A NULL filter matches everything.
 */
int import_lang_match(const char *filter, const char *tag);

#endif
