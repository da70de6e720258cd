/*
 * text: the door every article comes through, bytes to valid UTF-8.
 *
 * Reads a file or stdin whole, detects its encoding (byte order mark, then
 * UTF-8 validity, then a guess by uchardet checked against the plausibility
 * of the decoded letters) or takes the one the user names, and converts it
 * with iconv.  Rejects what is not text: NUL bytes, binary control bytes,
 * bytes invalid in the encoding, directories.  It does not normalise
 * (norm.c) and knows nothing of paragraphs (doc.c).
 */
#ifndef NEWSTM_TEXT_H
#define NEWSTM_TEXT_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

/* Inputs larger than this are refused (ERR_LIMIT). */
#define TEXT_MAX_BYTES ((size_t)1 << 30)

struct text_opts {
	const char *encoding; /* NULL or "auto": detect */
	int lossy;            /* replace invalid bytes with U+FFFD */
};

struct text_info {
	char encoding[48]; /* the encoding used, as iconv names it */
	int bom;           /* a byte order mark was present (and removed) */
	int guessed;       /* the encoding was guessed, not told or marked */
	size_t replaced;   /* invalid sequences replaced (lossy mode) */
	size_t bytes;      /* size of the input in bytes */
};

/*
 * Read all of path into out; path NULL or "-" reads stdin.  name is what
 * messages call the input.  Fails with ERR_IO (cannot open or read, a
 * directory) or ERR_LIMIT (larger than TEXT_MAX_BYTES).
 */
int text_read(struct buf *out, const char *path, const char *name,
              struct err *e);

/*
 * Convert n bytes of text to UTF-8 (BOM removed, nothing else changed) and
 * append them to out; info (may be NULL) tells what was found.  name is
 * used in messages, which give the byte offset (0-based) and line (1-based)
 * of a problem.  Errors: ERR_FORMAT (binary data), ERR_ENCODING (invalid
 * bytes, unless o->lossy), ERR_USAGE (an encoding iconv does not know).
 */
int text_decode(struct buf *out, struct text_info *info, const char *bytes,
                size_t n, const char *name, const struct text_opts *o,
                struct err *e);

/*
 * Check that s[0..n) is valid UTF-8 (no overlong forms, surrogates or code
 * points above U+10FFFF).  Returns 1 if valid; else 0 and, if bad is not
 * NULL, the offset of the first invalid byte in *bad.
 */
int text_utf8_valid(const char *s, size_t n, size_t *bad);

#endif
