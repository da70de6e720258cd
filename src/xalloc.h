/*
 * xalloc: allocation wrappers that never return NULL.
 *
 * On out-of-memory or a size that would overflow they print one line on
 * stderr and exit with status 1; this is the one place core code may exit.
 * They do not track or pool memory: free what they return with free().
 */
#ifndef NEWSTM_XALLOC_H
#define NEWSTM_XALLOC_H

#include <stddef.h>

/* malloc(n); never returns NULL (n == 0 gives a valid, unique pointer). */
void *xmalloc(size_t n);
/* calloc(count, size) with the product checked for overflow. */
void *xcalloc(size_t count, size_t size);
/*
 * realloc(p, count * size) with the product checked; returns the new block,
 * the old pointer is no longer valid.  Use as p = xreallocarray(p, n, sz).
 */
void *xreallocarray(void *p, size_t count, size_t size);
/* strdup(s); caller frees. */
char *xstrdup(const char *s);
/* A copy of the first n bytes of s, NUL-terminated; caller frees. */
char *xmemdupz(const void *s, size_t n);

/*
 * Grow an array described by (items, len, cap) so that it holds at least
 * need elements.  Doubles the capacity, so appending is amortised O(1).
 */
#define XGROW(items, cap, need)                                                \
	do {                                                                   \
		if ((size_t)(need) > (cap)) {                                  \
			size_t xg_n = (cap) ? (cap)*2 : 8;                     \
			while (xg_n < (size_t)(need))                          \
				xg_n *= 2;                                     \
			(items) =                                              \
			    xreallocarray((items), xg_n, sizeof(*(items)));    \
			(cap) = xg_n;                                          \
		}                                                              \
	} while (0)

#endif
