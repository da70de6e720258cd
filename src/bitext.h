/*
 * bitext: an article and its translation, read, split into sentences and
 * aligned: the part `newstm align` and `newstm add` share.
 *
 * Each side is read through doc_load (any encoding), its language taken
 * from the caller or guessed, and split with seg.c (or, presegmented, one
 * sentence a line, a blank line between paragraphs); then align.c pairs
 * the sentences.  bitext prints nothing: warnings (replaced bytes,
 * sentences cut at the length cap, texts that do not look like
 * translations) are left in the struct for the command to report.
 */
#ifndef NEWSTM_BITEXT_H
#define NEWSTM_BITEXT_H

#include <stddef.h>

#include "align.h"
#include "buf.h"
#include "doc.h"
#include "err.h"
#include "lang.h"
#include "text.h"

/* One side: its document, sentences and language. */
struct bitext_side {
	const char *path;        /* as given; NULL or "-" is stdin */
	const char *name;        /* what messages call it */
	struct doc d;            /* owned */
	struct align_sent *sent; /* owned array; texts point into d.text */
	size_t n, cap;
	char tag[LANG_TAG_MAX];  /* normalised tag as given, else the guess;
	                            "" when unknown */
	char lang[LANG_TAG_MAX]; /* its primary subtag ("en" of "en-US") */
	struct text_info info;   /* what the reader found */
	size_t cut;              /* sentences cut at SEG_MAX_CHARS */
};

struct bitext {
	struct bitext_side src, tgt;
	struct align_result r; /* the beads */
};

struct bitext_opts {
	const char *src_lang, *tgt_lang; /* tags, or NULL to guess */
	struct text_opts src_to, tgt_to; /* encodings, lossy */
	int presegmented;                /* one sentence a line */
	unsigned align_flags;            /* ALIGN_* */
};

/* Initialise an empty bitext (allocates nothing). */
void bitext_init(struct bitext *b);
/* Free what b owns; b is left initialised and empty. */
void bitext_release(struct bitext *b);

/*
 * Read src_path and tgt_path (at most one of them stdin), split both and
 * align them into b (initialised by the caller; the paths are borrowed and
 * must outlive b).  Fails as doc_load does (ERR_IO, ERR_ENCODING,
 * ERR_EMPTY ...), with ERR_USAGE for a language tag that is not one, and
 * ERR_LIMIT from align_run.
 */
int bitext_load(struct bitext *b, const char *src_path, const char *tgt_path,
                const struct bitext_opts *o, struct err *e);

/* Append sentences from .. from+n-1 of side s joined by single spaces. */
void bitext_join(struct buf *out, const struct bitext_side *s, size_t from,
                 size_t n);

#endif
