/*
 * out: the escaping every output format needs, in one place.  JSON string
 * literals, XML text and attributes (with the characters XML 1.0 forbids
 * replaced), TSV fields with \t \n \\ escapes and their reverse, TMX-style
 * UTC dates.  out appends to buffers; it never writes files.
 */
#ifndef NEWSTM_OUT_H
#define NEWSTM_OUT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "buf.h"

/* Append s (valid UTF-8) as a JSON string literal, quotes included. */
void out_json_str(struct buf *b, const char *s, size_t n);

/*
 * Append s escaped for XML: & < > always, " too when attr is set.
 * Characters XML 1.0 does not allow (C0 controls other than tab, LF, CR;
 * U+FFFE, U+FFFF) become U+FFFD.  Returns how many were replaced.
 */
size_t out_xml_text(struct buf *b, const char *s, size_t n, int attr);

/* Append s as one TSV field: tab, newline, CR and backslash as \t \n \r \\. */
void out_tsv_field(struct buf *b, const char *s, size_t n);

/*
 * Append the TSV field s with \t \n \r \\ decoded (any other backslash
 * sequence is kept as it stands).
 */
void out_tsv_unescape(struct buf *b, const char *s, size_t n);

/* Write t as a date for people, "YYYY-MM-DD hh:mm:ss UTC"; "-" for 0. */
void out_human_date(char out[32], int64_t t);

/* Write t as a UTC date in the TMX form YYYYMMDDThhmmssZ (17 bytes). */
void out_utc_date(char out[17], time_t t);

#endif
