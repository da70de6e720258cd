/*
 * json: reading one JSON object, as a line of JSON Lines holds it.
 *
 * Strict JSON (RFC 8259): strings with every escape including surrogate
 * pairs, numbers, true, false, null, nested arrays and objects (to a
 * limited depth).  The fields of the top-level object are handed to a
 * callback one by one; nested values are checked and summarised (an array
 * of numbers gives its first element and its length), not kept.  It does
 * not write JSON (out.c does).
 */
#ifndef NEWSTM_JSON_H
#define NEWSTM_JSON_H

#include <stddef.h>

#include "buf.h"

#define JSON_MAX_DEPTH 32

enum json_type {
	JSON_NULL,
	JSON_BOOL,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT
};

/* A top-level field; strings borrowed for the callback. */
struct json_field {
	const char *key; /* decoded, NUL-terminated */
	enum json_type type;
	const char *str; /* JSON_STRING: decoded UTF-8 (may hold NULs) */
	size_t len;
	double num;   /* JSON_NUMBER; JSON_ARRAY: its first number */
	int boolean;  /* JSON_BOOL */
	size_t count; /* JSON_ARRAY: elements */
	int numbers;  /* JSON_ARRAY: all elements are numbers */
};

/*
 * Parse the object in s[0..n) (white space around it allowed) and call fn
 * for each field in order; fn returns 0 to go on, non-zero to stop (that
 * value is returned, *what stays NULL).  On a syntax error returns
 * ERR_FORMAT with *where the byte offset of the problem and *what a short
 * description (static).  where and what may be NULL.
 */
int json_object_each(const char *s, size_t n,
                     int (*fn)(void *ctx, const struct json_field *f),
                     void *ctx, size_t *where, const char **what);

#endif
