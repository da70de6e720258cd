#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "banned.h"

static void die_oom(size_t n)
{
	fprintf(stderr, "newstm: out of memory (allocating %zu bytes)\n", n);
	exit(1);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die_oom(n);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p;

	if (size && count > SIZE_MAX / size)
		die_oom(SIZE_MAX);
	p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		die_oom(count * size);
	return p;
}

void *xreallocarray(void *p, size_t count, size_t size)
{
	void *q;

	if (size && count > SIZE_MAX / size)
		die_oom(SIZE_MAX);
	q = realloc(p, count && size ? count * size : 1);
	if (!q)
		die_oom(count * size);
	return q;
}

char *xstrdup(const char *s)
{
	return xmemdupz(s, strlen(s));
}

char *xmemdupz(const void *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX)
		die_oom(n);
	p = xmalloc(n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
