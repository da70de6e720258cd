/*
 * doc: an article as newstm reads it.
 *
 * Takes UTF-8 text (from text.c), cleans it (norm_clean: NFC, newlines,
 * spaces, invisible characters) and finds its paragraphs: a blank line
 * always ends one; a single line break ends one too (news copy puts one
 * paragraph on each line), except in hard-wrapped text, where it is a
 * space unless the line was visibly ended (it would have had room for the
 * next word, the next line is indented, a list item or a capitalised
 * heading).  Inside a paragraph runs of spaces become one space.  The result
 * is the normalised text: paragraphs joined by one blank line.  doc keeps a
 * map back to source lines and columns for messages.  It does not split
 * sentences (seg.c).
 */
#ifndef NEWSTM_DOC_H
#define NEWSTM_DOC_H

#include <stddef.h>

#include "err.h"
#include "text.h"

struct doc_para {
	size_t start, end; /* byte range in doc.text */
	size_t line;       /* source line (1-based) where it starts */
};

/* Where a source line's text begins in doc.text. */
struct doc_anchor {
	size_t off;  /* byte offset in doc.text */
	size_t line; /* source line, 1-based */
	size_t col;  /* source column (code points, 1-based) at off */
};

struct doc {
	char *
	    text; /* normalised text, NUL-terminated; owned; NULL until built */
	size_t len;
	struct doc_para *paras;
	size_t npara, cap;
	struct doc_anchor *anchors;
	size_t nanchor, acap;
	int hard_wrapped; /* single line breaks were read as spaces */
};

enum {
	DOC_LINES = 1 << 0, /* every line is its own paragraph: no reflow */
};

/* Initialise an empty document (allocates nothing). */
void doc_init(struct doc *d);
/* Free what d owns; d is left initialised and empty. */
void doc_release(struct doc *d);

/*
 * Build d (initialised, empty) from n bytes of valid UTF-8.  flags: DOC_*.
 * Never fails; an input without text gives npara == 0.
 */
void doc_build(struct doc *d, const char *utf8, size_t n, unsigned flags);

/*
 * Read, decode and build a document from path (NULL or "-": stdin); name is
 * what messages call it; info (may be NULL) receives what text_decode
 * found.  Fails as text_read and text_decode do, and with ERR_EMPTY when
 * the input holds no text.
 */
int doc_load(struct doc *d, struct text_info *info, const char *path,
             const char *name, const struct text_opts *o, unsigned flags,
             struct err *e);

/* Source line and column (1-based) of byte offset off of d->text. */
void doc_where(const struct doc *d, size_t off, size_t *line, size_t *col);

#endif
