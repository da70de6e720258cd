#include "json.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "norm.h"
#include "text.h"
#include "banned.h"

struct jp {
	const char *s;
	size_t n, i;
	const char *what;
	struct buf key, str;
};

static int fail(struct jp *p, const char *what)
{
	if (!p->what)
		p->what = what;
	return -1;
}

static void ws(struct jp *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
	                       p->s[p->i] == '\n' || p->s[p->i] == '\r'))
		p->i++;
}

static int hex4(struct jp *p, uint32_t *v)
{
	size_t k;

	*v = 0;
	if (p->i + 4 > p->n)
		return fail(p, "short \\u escape");
	for (k = 0; k < 4; k++) {
		char c = p->s[p->i++];

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*v |= (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*v |= (uint32_t)(c - 'A' + 10);
		else
			return fail(p, "bad \\u escape");
	}
	return 0;
}

/* A string at p->i (on the quote), decoded into out. */
static int string(struct jp *p, struct buf *out)
{
	size_t run;

	buf_reset(out);
	p->i++; /* the opening quote */
	run = p->i;
	while (p->i < p->n) {
		unsigned char c = (unsigned char)p->s[p->i];
		uint32_t cp, lo;

		if (c == '"') {
			buf_add(out, p->s + run, p->i - run);
			p->i++;
			return 0;
		}
		if (c < 0x20)
			return fail(p, "control character in a string");
		if (c != '\\') {
			p->i++;
			continue;
		}
		buf_add(out, p->s + run, p->i - run);
		if (++p->i >= p->n)
			break;
		c = (unsigned char)p->s[p->i++];
		switch (c) {
		case '"':
		case '\\':
		case '/':
			buf_addch(out, c);
			break;
		case 'b':
			buf_addch(out, '\b');
			break;
		case 'f':
			buf_addch(out, '\f');
			break;
		case 'n':
			buf_addch(out, '\n');
			break;
		case 'r':
			buf_addch(out, '\r');
			break;
		case 't':
			buf_addch(out, '\t');
			break;
		case 'u':
			if (hex4(p, &cp) < 0)
				return -1;
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (p->i + 6 > p->n || p->s[p->i] != '\\' ||
				    p->s[p->i + 1] != 'u')
					return fail(p, "lone surrogate");
				p->i += 2;
				if (hex4(p, &lo) < 0)
					return -1;
				if (lo < 0xDC00 || lo > 0xDFFF)
					return fail(p, "lone surrogate");
				cp = 0x10000 + ((cp - 0xD800) << 10) +
				     (lo - 0xDC00);
			} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
				return fail(p, "lone surrogate");
			}
			norm_add(out, (int32_t)cp);
			break;
		default:
			p->i--;
			return fail(p, "bad escape in a string");
		}
		run = p->i;
	}
	return fail(p, "unterminated string");
}

static int number(struct jp *p, double *v)
{
	size_t start = p->i;
	char tmp[64];
	char *end;

	if (p->i < p->n && p->s[p->i] == '-')
		p->i++;
	if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9')
		return fail(p, "bad number");
	if (p->s[p->i] == '0')
		p->i++;
	else
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
	if (p->i < p->n && p->s[p->i] == '.') {
		p->i++;
		if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9')
			return fail(p, "bad number");
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9')
			return fail(p, "bad number");
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
	}
	if (p->i - start >= sizeof(tmp))
		return fail(p, "number too long");
	memcpy(tmp, p->s + start, p->i - start);
	tmp[p->i - start] = '\0';
	errno = 0;
	*v = strtod(tmp, &end);
	return 0;
}

static int word(struct jp *p, const char *w)
{
	size_t n = strlen(w);

	if (p->i + n > p->n || memcmp(p->s + p->i, w, n) != 0)
		return fail(p, "unexpected character");
	p->i += n;
	return 0;
}

/*
 * A value at p->i.  top: fill f (strings into p->str); deeper values are
 * only checked.
 */
static int value(struct jp *p, struct json_field *f, int depth)
{
	double num;

	ws(p);
	if (p->i >= p->n)
		return fail(p, "missing value");
	if (depth > JSON_MAX_DEPTH)
		return fail(p, "nested too deep");
	switch (p->s[p->i]) {
	case '"':
		if (f) {
			f->type = JSON_STRING;
			if (string(p, &p->str) < 0)
				return -1;
			f->str = p->str.data;
			f->len = p->str.len;
			return 0;
		} else {
			struct buf tmp;
			int rc;

			buf_init(&tmp);
			rc = string(p, &tmp);
			buf_release(&tmp);
			return rc;
		}
	case '{':
		if (f)
			f->type = JSON_OBJECT;
		p->i++;
		ws(p);
		if (p->i < p->n && p->s[p->i] == '}') {
			p->i++;
			return 0;
		}
		for (;;) {
			struct buf tmp;
			int rc;

			ws(p);
			if (p->i >= p->n || p->s[p->i] != '"')
				return fail(p, "expected a key");
			buf_init(&tmp);
			rc = string(p, &tmp);
			buf_release(&tmp);
			if (rc < 0)
				return -1;
			ws(p);
			if (p->i >= p->n || p->s[p->i] != ':')
				return fail(p, "expected ':'");
			p->i++;
			if (value(p, NULL, depth + 1) < 0)
				return -1;
			ws(p);
			if (p->i < p->n && p->s[p->i] == ',') {
				p->i++;
				continue;
			}
			if (p->i < p->n && p->s[p->i] == '}') {
				p->i++;
				return 0;
			}
			return fail(p, "expected ',' or '}'");
		}
	case '[':
		if (f) {
			f->type = JSON_ARRAY;
			f->numbers = 1;
		}
		p->i++;
		ws(p);
		if (p->i < p->n && p->s[p->i] == ']') {
			p->i++;
			return 0;
		}
		for (;;) {
			ws(p);
			if (f && p->i < p->n &&
			    (p->s[p->i] == '-' ||
			     (p->s[p->i] >= '0' && p->s[p->i] <= '9'))) {
				if (number(p, &num) < 0)
					return -1;
				if (!f->count)
					f->num = num;
			} else {
				if (f)
					f->numbers = 0;
				if (value(p, NULL, depth + 1) < 0)
					return -1;
			}
			if (f)
				f->count++;
			ws(p);
			if (p->i < p->n && p->s[p->i] == ',') {
				p->i++;
				continue;
			}
			if (p->i < p->n && p->s[p->i] == ']') {
				p->i++;
				return 0;
			}
			return fail(p, "expected ',' or ']'");
		}
	case 't':
		if (f)
			f->type = JSON_BOOL, f->boolean = 1;
		return word(p, "true");
	case 'f':
		if (f)
			f->type = JSON_BOOL, f->boolean = 0;
		return word(p, "false");
	case 'n':
		if (f)
			f->type = JSON_NULL;
		return word(p, "null");
	default:
		if (number(p, &num) < 0)
			return -1;
		if (f)
			f->type = JSON_NUMBER, f->num = num;
		return 0;
	}
}

int json_object_each(const char *s, size_t n,
                     int (*fn)(void *ctx, const struct json_field *f),
                     void *ctx, size_t *where, const char **what)
{
	struct jp p;
	int rc = -1, ret;
	size_t bad;

	if (what)
		*what = NULL;
	memset(&p, 0, sizeof(p));
	p.s = s;
	p.n = n;
	buf_init(&p.key);
	buf_init(&p.str);
	if (!text_utf8_valid(s, n, &bad)) {
		p.i = bad;
		fail(&p, "invalid UTF-8");
		goto out;
	}
	ws(&p);
	if (p.i >= n || s[p.i] != '{') {
		fail(&p, "expected an object ('{')");
		goto out;
	}
	p.i++;
	ws(&p);
	if (p.i < n && s[p.i] == '}') {
		p.i++;
		goto end;
	}
	for (;;) {
		struct json_field f;

		ws(&p);
		if (p.i >= n || s[p.i] != '"') {
			fail(&p, "expected a key");
			goto out;
		}
		if (string(&p, &p.key) < 0)
			goto out;
		ws(&p);
		if (p.i >= n || s[p.i] != ':') {
			fail(&p, "expected ':'");
			goto out;
		}
		p.i++;
		memset(&f, 0, sizeof(f));
		if (value(&p, &f, 1) < 0)
			goto out;
		f.key = p.key.data;
		if ((ret = fn(ctx, &f)) != 0) {
			rc = ret;
			goto done;
		}
		ws(&p);
		if (p.i < n && s[p.i] == ',') {
			p.i++;
			continue;
		}
		if (p.i < n && s[p.i] == '}') {
			p.i++;
			break;
		}
		fail(&p, "expected ',' or '}'");
		goto out;
	}
end:
	ws(&p);
	if (p.i < n) {
		fail(&p, "text after the object");
		goto out;
	}
	rc = 0;
	goto done;
out:
	if (where)
		*where = p.i;
	if (what)
		*what = p.what ? p.what : "syntax error";
	rc = ERR_FORMAT;
done:
	buf_release(&p.key);
	buf_release(&p.str);
	return rc;
}
