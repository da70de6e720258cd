/*
 * xml: a safe, streaming XML reader on top of expat (the only module that
 * includes expat.h).
 *
 * It reads a file in pieces, so memory stays bounded whatever its size,
 * and hands elements and text to callbacks.  Encodings: UTF-8 and UTF-16
 * (byte order mark or declaration), ISO-8859-1 and US-ASCII by expat, and
 * any single-byte encoding iconv knows (windows-1252, KOI8-R ...) through
 * text.c.  It refuses what a translation memory never needs and an
 * attacker would use: entity declarations (so no "billion laughs"),
 * external entities and undeclared entity references.  A DOCTYPE naming
 * an external DTD is accepted and the DTD is never fetched.  Errors read
 * "name:line:column: what is wrong", line and column 1-based.
 *
 * It knows nothing of TMX or XLIFF (tmx.c) and does not validate.
 */
#ifndef NEWSTM_XML_H
#define NEWSTM_XML_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"

/* Elements may nest this deep, no deeper. */
#define XML_MAX_DEPTH 256

struct xml_reader;

/*
 * What the reader calls.  Element names and attributes are UTF-8 as
 * written (no namespace processing); attrs is name, value, ..., NULL.
 * Text comes in pieces of any size, UTF-8.  A callback returns 0 to go on
 * or a negative ERR_* code (with e filled, e.g. by xml_error) to stop:
 * xml_read then returns that code.  Any callback may be NULL.
 */
struct xml_handler {
	int (*start)(void *ctx, struct xml_reader *r, const char *name,
	             const char **attrs, struct err *e);
	int (*end)(void *ctx, struct xml_reader *r, const char *name,
	           struct err *e);
	int (*text)(void *ctx, struct xml_reader *r, const char *s, size_t n,
	            struct err *e);
};

/*
 * Parse the XML document made of head[0..head_len) (bytes the caller has
 * already read from f, e.g. to tell the format; may be empty) followed by
 * the rest of f; name is what messages call it.  Returns 0, ERR_FORMAT for
 * XML that is not well-formed or that the rules above refuse, ERR_IO when
 * reading fails, or what a callback returned.
 */
int xml_read(FILE *f, const char *head, size_t head_len, const char *name,
             const struct xml_handler *h, void *ctx, struct err *e);

/* The current position (1-based) in the document, for messages. */
unsigned long xml_line(const struct xml_reader *r);
unsigned long xml_column(const struct xml_reader *r);

/*
 * Fill e with "name:line:column: <formatted>" at the current position and
 * return code.
 */
int xml_error(const struct xml_reader *r, struct err *e, int code,
              const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
