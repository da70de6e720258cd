/*
 * buf: the growable byte buffer, the only way newstm builds strings.
 *
 * Invariants: len is authoritative; data[len] is always '\0' (so data can be
 * used as a C string when it holds no NUL); embedded NULs are allowed; data
 * is never NULL once initialised.  A buffer never grows past max bytes
 * (BUF_MAX_DEFAULT unless set): appends that would pass it are dropped and
 * the overflow flag is set, so hostile input cannot grow it without bound and
 * the owner can report it.  buf does no I/O and no encoding work.
 */
#ifndef NEWSTM_BUF_H
#define NEWSTM_BUF_H

#include <stdarg.h>
#include <stddef.h>

#define BUF_MAX_DEFAULT ((size_t)1 << 31)

struct buf {
	char *data;
	size_t len;
	size_t cap;
	size_t max;
	int overflow;
};

/* Initialise an empty buffer; no allocation happens until the first add. */
void buf_init(struct buf *b);
/* Release the memory; the buffer is left initialised and empty. */
void buf_release(struct buf *b);
/* Make the buffer empty, keeping its memory. */
void buf_reset(struct buf *b);
/*
 * Ensure room for n more bytes (plus the NUL).  Returns 0, or -1 (and sets
 * the overflow flag) if that would pass max.
 */
int buf_grow(struct buf *b, size_t n);
void buf_add(struct buf *b, const void *data, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addch(struct buf *b, int c);
void buf_addf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Shorten to n bytes (n <= len). */
void buf_truncate(struct buf *b, size_t n);
/*
 * Hand the bytes to the caller, who frees them with free(); *len (if not
 * NULL) receives the length.  The buffer is left initialised and empty.
 */
char *buf_detach(struct buf *b, size_t *len);

#endif
