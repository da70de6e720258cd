#include "text.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <uchardet.h>

#include "norm.h"
#include "banned.h"

/* How much of a file the encoding guess looks at. */
#define SNIFF_BYTES ((size_t)64 * 1024)
/* iconv_pass converts into a buffer with at least this much room. */
#define ICONV_ROOM ((size_t)64 * 1024)

int text_read(struct buf *out, const char *path, const char *name,
              struct err *e)
{
	FILE *f = NULL;
	struct stat st;
	char chunk[65536];
	size_t got;
	int from_stdin = !path || !strcmp(path, "-");
	int rc = 0;

	if (from_stdin) {
		f = stdin;
	} else {
		f = fopen(path, "rb");
		if (!f)
			return err_set(e, ERR_IO, "%s: cannot open: %s", name,
			               strerror(errno));
	}
	if (fstat(fileno(f), &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			rc = err_set(e, ERR_IO, "%s: is a directory", name);
			goto out;
		}
		if (S_ISREG(st.st_mode) &&
		    (size_t)st.st_size > TEXT_MAX_BYTES) {
			rc = err_set(e, ERR_LIMIT,
			             "%s: too large (%lld bytes; the limit is "
			             "%zu)",
			             name, (long long)st.st_size,
			             TEXT_MAX_BYTES);
			goto out;
		}
		if (S_ISREG(st.st_mode))
			buf_grow(out, (size_t)st.st_size);
	}
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (out->len + got > TEXT_MAX_BYTES) {
			rc = err_set(e, ERR_LIMIT,
			             "%s: too large (the limit is %zu bytes)",
			             name, TEXT_MAX_BYTES);
			goto out;
		}
		buf_add(out, chunk, got);
	}
	if (ferror(f))
		rc = err_set(e, ERR_IO, "%s: read error: %s", name,
		             strerror(errno));
out:
	if (f && !from_stdin)
		fclose(f);
	return rc;
}

/*
 * Length of the valid UTF-8 sequence at s[i], or 0 if the byte at i does
 * not start one.
 */
static size_t utf8_seq(const unsigned char *s, size_t n, size_t i)
{
	unsigned char c = s[i];
	size_t len, k;
	uint32_t cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2, cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, cp = c & 0x07;
	else
		return 0;
	if (i + len > n)
		return 0;
	for (k = 1; k < len; k++) {
		if ((s[i + k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i + k] & 0x3F);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

int text_utf8_valid(const char *s, size_t n, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, len;

	while (i < n) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		len = utf8_seq(u, n, i);
		if (!len) {
			if (bad)
				*bad = i;
			return 0;
		}
		i += len;
	}
	return 1;
}

#define ONES 0x0101010101010101ULL
#define HIGH 0x8080808080808080ULL

/* Skip eight bytes at a time while no byte is below 0x20. */
static size_t skip_no_control(const char *s, size_t n)
{
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		/* may flag a byte that is not below 0x20 (borrow, or high
		 * bytes): the caller looks at single bytes then anyway */
		if ((w - 0x20 * ONES) & ~w & HIGH)
			break;
	}
	return i;
}

/* Skip eight bytes at a time while all are ASCII. */
static size_t skip_ascii(const char *s, size_t n)
{
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		if (w & HIGH)
			break;
	}
	return i;
}

/* 1-based line number of byte offset off, counting LF bytes before it. */
static size_t line_of(const char *s, size_t off)
{
	size_t line = 1, i;

	for (i = 0; i < off; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

/*
 * Where decoded text goes: the caller's sink, and what messages need: the
 * input's name and the offset of the text in the file (after a byte order
 * mark), so that a reported byte is the file's.
 */
struct sink {
	text_sink fn;
	void *ctx;
	const char *name;
	struct err *e;
	int wide;    /* UTF-16: the only input that can decode to a NUL */
	size_t base; /* bytes of the file before the text (the BOM) */
};

/* A NUL code unit in UTF-16 input: binary data, with its place. */
static int check_wide_nul(const char *s, size_t n, const struct sink *k)
{
	size_t i, line = 1;

	for (i = 0; i + 1 < n; i += 2) {
		if (!s[i] && !s[i + 1])
			return err_set(k->e, ERR_FORMAT,
			               "%s: binary data, not text (NUL "
			               "character at byte %zu, line %zu)",
			               k->name, k->base + i, line);
		if ((s[i] == '\n' && !s[i + 1]) || (!s[i] && s[i + 1] == '\n'))
			line++;
	}
	return 0;
}

static int emit(struct sink *k, const char *p, size_t n)
{
	if (!n)
		return 0;
	if (k->wide && memchr(p, '\0', n))
		return err_set(k->e, ERR_FORMAT,
		               "%s: binary data, not text (NUL character)",
		               k->name);
	return k->fn(k->ctx, p, n);
}

/*
 * Hand over the decoded bytes in b up to a safe cut (after the last
 * newline or space, where NFC cannot compose across and CR LF is never
 * split), keeping the rest for later; all of it when final.
 */
static int flush(struct sink *k, struct buf *b, int final)
{
	size_t cut = b->len;
	int rc;

	if (!final) {
		while (cut > 0 && b->data[cut - 1] != '\n' &&
		       b->data[cut - 1] != ' ')
			cut--;
		if (cut == 0 && b->len < 65536)
			return 0; /* one long word: wait for more */
		if (cut == 0)
			cut = b->len;
	}
	rc = emit(k, b->data, cut);
	if (rc < 0)
		return rc;
	memmove(b->data, b->data + cut, b->len - cut);
	buf_truncate(b, b->len - cut);
	return 0;
}

/*
 * Pass UTF-8 input on, replacing each invalid byte sequence with U+FFFD
 * (lossy) or failing at the first one.  Valid runs go out unchanged,
 * without a copy.
 */
static int utf8_pass(struct sink *k, struct text_info *info, const char *s,
                     size_t n, int lossy)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0, len;
	int rc;

	while (i < n) {
		if (u[i] < 0x80) {
			i += 1 + skip_ascii(s + i + 1, n - i - 1);
			continue;
		}
		len = utf8_seq(u, n, i);
		if (len) {
			i += len;
			continue;
		}
		if (!lossy)
			return err_set(
			    k->e, ERR_ENCODING,
			    "%s: invalid UTF-8 at byte %zu (line %zu)", k->name,
			    k->base + i, line_of(s, i));
		rc = emit(k, s + run, i - run);
		if (rc < 0)
			return rc;
		rc = emit(k, "\xEF\xBF\xBD", 3);
		if (rc < 0)
			return rc;
		info->replaced++;
		/* skip the whole maximal invalid subpart */
		i++;
		while (i < n && (u[i] & 0xC0) == 0x80)
			i++;
		run = i;
	}
	return emit(k, s + run, n - run);
}

/*
 * Line (1-based) of input byte offset off: newline bytes before it, or
 * newline code units in UTF-16.
 */
static size_t input_line(const char *s, size_t off, int wide)
{
	size_t i, line = 1;

	if (!wide)
		return line_of(s, off);
	for (i = 0; i + 1 < off; i += 2)
		if ((s[i] == '\n' && !s[i + 1]) || (!s[i] && s[i + 1] == '\n'))
			line++;
	return line;
}

/*
 * Convert with iconv from encoding `from` to UTF-8, in chunks handed to the
 * sink.  In lossy mode an invalid byte becomes U+FFFD; otherwise the first
 * one fails with its offset (in the input) and line.
 */
static int iconv_pass(struct sink *k, struct text_info *info, const char *from,
                      const char *s, size_t n, int lossy)
{
	iconv_t cd;
	char *in = (char *)(uintptr_t)s;
	size_t inleft = n;
	struct buf chunk;
	int rc = 0;

	cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return err_set(k->e, ERR_USAGE, "unknown encoding '%s'", from);
	buf_init(&chunk);
	buf_grow(&chunk, 2 * ICONV_ROOM);
	for (;;) {
		char *o;
		size_t oleft, r;

		if (chunk.cap - chunk.len < ICONV_ROOM) {
			rc = flush(k, &chunk, 0);
			if (rc < 0)
				break;
			if (chunk.cap - chunk.len < ICONV_ROOM)
				buf_grow(&chunk, ICONV_ROOM);
		}
		o = chunk.data + chunk.len;
		oleft = chunk.cap - chunk.len - 1;
		r = iconv(cd, inleft ? &in : NULL, &inleft, &o, &oleft);
		chunk.len = (size_t)(o - chunk.data);
		chunk.data[chunk.len] = '\0';
		if (r != (size_t)-1) {
			if (!inleft)
				break; /* shift state flushed by the NULL call
				        */
			continue;
		}
		if (errno == E2BIG)
			continue;
		if (errno == EILSEQ || errno == EINVAL) {
			size_t off = n - inleft;

			if (!lossy) {
				rc = err_set(
				    k->e, ERR_ENCODING,
				    "%s: invalid %s at byte %zu (line %zu)",
				    k->name, from, k->base + off,
				    input_line(s, off, k->wide));
				break;
			}
			buf_add(&chunk, "\xEF\xBF\xBD", 3);
			info->replaced++;
			/* UTF-16 code units are two bytes wide */
			if (!strncasecmp(from, "UTF-16", 6) && inleft >= 2) {
				in += 2;
				inleft -= 2;
			} else {
				in++;
				inleft--;
			}
			continue;
		}
		rc = err_set(k->e, ERR_ENCODING,
		             "%s: cannot convert from %s: %s", k->name, from,
		             strerror(errno));
		break;
	}
	if (rc == 0)
		rc = flush(k, &chunk, 1);
	buf_release(&chunk);
	iconv_close(cd);
	return rc;
}

/*
 * A single-byte encoding as a table: the UTF-8 of every byte value, length
 * 0 for a byte the encoding does not define.  Decoding by table is several
 * times faster than iconv, which goes through UCS-4 byte by byte.
 */
struct byte_table {
	unsigned char len[256];
	char utf8[256][4];
	int ascii; /* bytes 0x00-0x7F are themselves */
};

/*
 * Fill t from iconv for encoding enc; returns 0, or -1 if enc is not a
 * stateless single-byte encoding (a byte that starts a longer sequence,
 * shift states, an unknown name): the caller then uses iconv itself.
 */
static int byte_table_build(struct byte_table *t, const char *enc)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	int b, rc = 0;

	if (cd == (iconv_t)-1)
		return -1;
	t->ascii = 1;
	for (b = 0; b < 256 && rc == 0; b++) {
		char in = (char)b, out[8];
		char *ip = &in, *op = out;
		size_t il = 1, ol = sizeof(out), k = 0;

		iconv(cd, NULL, NULL, NULL, NULL);
		if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
			if (errno != EILSEQ)
				rc = -1; /* EINVAL: a multi-byte lead */
			t->len[b] = 0;
			continue;
		}
		if (iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1)
			rc = -1;
		k = sizeof(out) - ol;
		/* exactly one code point, nothing held back */
		if (rc < 0 || k < 1 || k > 4 || norm_count(out, k) != 1)
			rc = -1;
		else {
			t->len[b] = (unsigned char)k;
			memcpy(t->utf8[b], out, k);
		}
		if (b < 0x80 && (k != 1 || out[0] != in))
			t->ascii = 0;
	}
	iconv_close(cd);
	return rc;
}

/* Decode a single-byte encoding by table, in chunks handed to the sink. */
static int table_pass(struct sink *k, struct text_info *info,
                      const struct byte_table *t, const char *from,
                      const char *s, size_t n, int lossy)
{
	const unsigned char *u = (const unsigned char *)s;
	struct buf chunk;
	size_t i = 0;
	int rc = 0;

	buf_init(&chunk);
	buf_grow(&chunk, ICONV_ROOM * 3);
	while (i < n && rc == 0) {
		size_t end = n - i > ICONV_ROOM ? i + ICONV_ROOM : n;
		char *o;

		/* room for the widest case, written without further checks */
		if (buf_grow(&chunk, (end - i) * 4) < 0) {
			rc = err_set(k->e, ERR_LIMIT, "%s: too large", k->name);
			break;
		}
		o = chunk.data + chunk.len;
		for (; i < end; i++) {
			unsigned char c = u[i];

			if (c < 0x80 && t->ascii) {
				*o++ = (char)c;
			} else if (t->len[c]) {
				memcpy(o, t->utf8[c], 4);
				o += t->len[c];
			} else if (lossy) {
				*o++ = (char)0xEF; /* U+FFFD */
				*o++ = (char)0xBF;
				*o++ = (char)0xBD;
				info->replaced++;
			} else {
				rc = err_set(
				    k->e, ERR_ENCODING,
				    "%s: invalid %s at byte %zu (line %zu)",
				    k->name, from, k->base + i,
				    input_line(s, i, 0));
				break;
			}
		}
		chunk.len = (size_t)(o - chunk.data);
		chunk.data[chunk.len] = '\0';
		if (rc == 0)
			rc = flush(k, &chunk, i >= n);
	}
	buf_release(&chunk);
	return rc;
}

static int sink_to_buf(void *ctx, const char *p, size_t n)
{
	buf_add(ctx, p, n);
	return 0;
}

/* The legacy encodings newstm tells apart by itself. */
static const char *const legacy[] = {
    "WINDOWS-1252", "ISO-8859-1", "WINDOWS-1250", "ISO-8859-2", "WINDOWS-1251",
    "KOI8-R",       "ISO-8859-5", "ISO-8859-15",  "KOI8-U",     "CP866",
};

/* Punctuation and symbols that sit naturally next to letters. */
static int common_symbol(int32_t cp)
{
	switch (cp) {
	case 0x00AB:
	case 0x00BB:
	case 0x2013:
	case 0x2014:
	case 0x2018:
	case 0x2019:
	case 0x201C:
	case 0x201D:
	case 0x201E:
	case 0x2026:
	case 0x00A0:
	case 0x00B0:
	case 0x20AC:
	case 0x2116:
	case 0x00A7:
	case 0x00B7:
	case 0x2022:
	case 0x00AD:
		return 1;
	default:
		return 0;
	}
}

/* What plausibility needs to know of one code point. */
struct cp_info {
	int32_t cp;
	int letter, upper, lower, common;
	enum norm_script script;
};

static void cp_info_set(struct cp_info *c, int32_t cp)
{
	c->cp = cp;
	c->letter = norm_is_letter(cp);
	c->upper = c->letter && norm_is_upper(cp);
	c->lower = c->letter && norm_is_lower(cp);
	c->common = common_symbol(cp);
	c->script = norm_script(cp);
}

/*
 * The plausibility of code point cur between prev and next (NULL at the
 * end): non-ASCII letters inside words with the usual case pattern score;
 * symbols wedged between letters, upper case after lower case in a word,
 * scripts mixed inside a word and control characters cost.
 */
static long score_point(const struct cp_info *prev, const struct cp_info *cur,
                        const struct cp_info *next)
{
	int pl = prev->letter, nl = next && next->letter;
	long score = 0;

	if (cur->cp < 0x80)
		return 0;
	if (cur->cp <= 0x9F)
		return -8;
	if (cur->letter) {
		if (pl || nl)
			score += 2;
		if (pl && prev->lower && cur->upper)
			score -= 4;
		if (nl && next->upper && cur->lower)
			score -= 4;
		if ((pl && prev->script != cur->script) ||
		    (nl && next->script != cur->script))
			score -= 4;
	} else if (!cur->common && pl && nl) {
		score -= 6;
	}
	return score;
}

/*
 * Plausibility of a single-byte decoding, byte by byte from a table of
 * what each byte value is: no decoding, no lookups in the loop.
 */
static long plausibility_table(const struct byte_table *t, const char *s,
                               size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	struct cp_info info[256], space;
	long score = 0;
	size_t i;
	int b;

	for (b = 0; b < 256; b++) {
		size_t at = 0;

		if (t->len[b])
			cp_info_set(&info[b],
			            norm_next(t->utf8[b], t->len[b], &at));
		else
			cp_info_set(&info[b], -1);
	}
	for (i = 0; i < n; i++)
		if (!t->len[u[i]])
			return INT32_MIN;
	cp_info_set(&space, ' ');
	for (i = 0; i < n; i++)
		score += score_point(i ? &info[u[i - 1]] : &space, &info[u[i]],
		                     i + 1 < n ? &info[u[i + 1]] : NULL);
	return score;
}

/*
 * How plausible a decoding is as natural text, summed over its code points
 * (score_point).  Returns INT32_MIN if the bytes do not decode.
 */
static long plausibility(const char *enc, const char *s, size_t n)
{
	struct buf u;
	struct text_info dummy;
	struct byte_table t;
	struct sink k = {sink_to_buf, NULL, "", NULL, 0, 0};
	struct cp_info w[3];
	long score = 0;
	size_t i = 0;
	int32_t next;

	if (byte_table_build(&t, enc) == 0)
		return plausibility_table(&t, s, n);
	buf_init(&u);
	k.ctx = &u;
	memset(&dummy, 0, sizeof(dummy));
	if (iconv_pass(&k, &dummy, enc, s, n, 0) < 0) {
		buf_release(&u);
		return INT32_MIN;
	}
	/* a window of three: w[0] before, w[1] scored, w[2] after */
	cp_info_set(&w[0], ' ');
	cp_info_set(&w[1], i < u.len ? norm_next(u.data, u.len, &i) : ' ');
	for (;;) {
		next = i < u.len ? norm_next(u.data, u.len, &i) : -1;
		if (next != -1)
			cp_info_set(&w[2], next);
		score += score_point(&w[0], &w[1], next != -1 ? &w[2] : NULL);
		if (next == -1)
			break;
		w[0] = w[1];
		w[1] = w[2];
	}
	buf_release(&u);
	return score;
}

/* Ask uchardet; returns "" when it has no opinion. */
static void uchardet_guess(char *out, size_t size, const char *s, size_t n)
{
	uchardet_t ud = uchardet_new();
	const char *cs;

	out[0] = '\0';
	if (!ud)
		return;
	if (uchardet_handle_data(ud, s, n) == 0) {
		uchardet_data_end(ud);
		cs = uchardet_get_charset(ud);
		if (cs)
			snprintf(out, size, "%s", cs);
	}
	uchardet_delete(ud);
}

/*
 * Guess the legacy encoding of bytes that are not UTF-8: every candidate
 * is decoded and scored; uchardet's answer counts as a candidate and wins
 * ties, since it knows letter frequencies we do not model.
 */
static void guess_legacy(char *out, size_t size, const char *s, size_t n)
{
	char ud[48];
	long best = INT32_MIN, score;
	size_t k;

	if (n > SNIFF_BYTES)
		n = SNIFF_BYTES;
	/* uchardet is the slow part: a quarter of the sample is plenty */
	uchardet_guess(ud, sizeof(ud), s, n < 16384 ? n : 16384);
	snprintf(out, size, "WINDOWS-1252");
	if (ud[0] && strcasecmp(ud, "ASCII") != 0 &&
	    strcasecmp(ud, "UTF-8") != 0) {
		best = plausibility(ud, s, n);
		if (best != INT32_MIN)
			snprintf(out, size, "%s", ud);
	}
	for (k = 0; k < sizeof(legacy) / sizeof(legacy[0]); k++) {
		if (!strcasecmp(legacy[k], ud))
			continue;
		score = plausibility(legacy[k], s, n);
		if (score > best) {
			best = score;
			snprintf(out, size, "%s", legacy[k]);
		}
	}
}

/* Which byte is zero more often, odd or even: UTF-16 without a BOM. */
static const char *utf16_without_bom(const unsigned char *u, size_t n)
{
	size_t i, zero_even = 0, zero_odd = 0;

	if (n < 4 || n % 2 || !memchr(u, 0, n))
		return NULL; /* most files: no NUL byte at all, found fast */
	for (i = 0; i + 1 < n; i += 2) {
		zero_even += u[i] == 0;
		zero_odd += u[i + 1] == 0;
	}
	if (zero_odd > n / 4 && zero_even == 0)
		return "UTF-16LE";
	if (zero_even > n / 4 && zero_odd == 0)
		return "UTF-16BE";
	return NULL;
}

/* Reject binary data: NUL bytes or many control bytes. */
static int check_binary(const char *s, size_t n, size_t base, const char *name,
                        struct err *e)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, controls = 0, first = 0;

	for (i = 0; i < n; i++) {
		i += skip_no_control(s + i, n - i);
		if (i >= n)
			break;
		if (u[i] == 0)
			return err_set(e, ERR_FORMAT,
			               "%s: binary data, not text (NUL byte "
			               "at byte %zu, line %zu)",
			               name, base + i, line_of(s, i));
		if (u[i] < 0x20 && u[i] != '\n' && u[i] != '\r' &&
		    u[i] != '\t' && u[i] != '\f' && u[i] != '\v' &&
		    u[i] != 0x1B) {
			if (!controls)
				first = i;
			controls++;
		}
	}
	if (controls > 8 && controls * 100 > n)
		return err_set(e, ERR_FORMAT,
		               "%s: binary data, not text (control byte 0x%02x "
		               "at byte %zu, line %zu)",
		               name, u[first], base + first, line_of(s, first));
	return 0;
}

/*
 * Count well-formed multi-byte sequences and invalid bytes: text with many
 * of the first and a few of the second is damaged UTF-8, not a legacy
 * encoding, and deserves an error rather than mojibake.
 */
static void utf8_census(const char *s, size_t n, size_t *multi, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, len;

	*multi = *bad = 0;
	while (i < n) {
		if (u[i] < 0x80) {
			i += 1 + skip_ascii(s + i + 1, n - i - 1);
			continue;
		}
		if (u[i] >= 0xC2 && u[i] <= 0xDF && i + 1 < n &&
		    (u[i + 1] & 0xC0) == 0x80) {
			(*multi)++; /* the common two-byte case, inline */
			i += 2;
			continue;
		}
		len = utf8_seq(u, n, i);
		if (len) {
			(*multi)++;
			i += len;
		} else {
			(*bad)++;
			i++;
			if (*bad >= 256 && *bad > 4 * *multi)
				return;
		}
	}
}

int text_decode_stream(struct text_info *info, const char *bytes, size_t n,
                       const char *name, const struct text_opts *o,
                       text_sink fn, void *ctx, struct err *e)
{
	const unsigned char *u = (const unsigned char *)bytes;
	struct text_info local;
	struct sink k = {fn, ctx, name, e, 0, 0};
	const char *enc =
	    o && o->encoding && strcasecmp(o->encoding, "auto") != 0
	        ? o->encoding
	        : NULL;
	int lossy = o && o->lossy;
	char guess[48];
	size_t multi = 0, bad = 0;
	int rc;

	if (!info)
		info = &local;
	memset(info, 0, sizeof(*info));
	info->bytes = n;
	if (enc && !*enc)
		return err_set(e, ERR_USAGE, "an empty encoding name");

	/* A byte order mark settles it, whatever the user says. */
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		info->bom = 1;
		bytes += 3, n -= 3, k.base = 3;
		enc = "UTF-8";
	} else if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	                      (u[0] == 0xFE && u[1] == 0xFF))) {
		info->bom = 1;
		enc = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		bytes += 2, n -= 2, k.base = 2;
	}
	if (!enc) {
		enc = utf16_without_bom(u, n);
		if (enc)
			info->guessed = 1;
	}
	if (!enc || strncasecmp(enc, "UTF-16", 6) != 0) {
		rc = check_binary(bytes, n, k.base, name, e);
		if (rc < 0)
			return rc;
	}
	if (!enc) {
		info->guessed = 1;
		utf8_census(bytes, n, &multi, &bad);
		if (!bad || multi >= bad) {
			enc = "UTF-8";
		} else {
			guess_legacy(guess, sizeof(guess), bytes, n);
			enc = guess;
		}
	}
	snprintf(info->encoding, sizeof(info->encoding), "%s", enc);
	k.wide = !strncasecmp(enc, "UTF-16", 6) ||
	         !strncasecmp(enc, "UTF-32", 6) || !strncasecmp(enc, "UCS", 3);
	if (k.wide && !strncasecmp(enc, "UTF-16", 6)) {
		rc = check_wide_nul(bytes, n, &k);
		if (rc < 0)
			return rc;
	}
	if (strcasecmp(enc, "UTF-8") != 0 && strcasecmp(enc, "UTF8") != 0) {
		struct byte_table t;

		if (!k.wide && byte_table_build(&t, enc) == 0)
			return table_pass(&k, info, &t, enc, bytes, n, lossy);
		return iconv_pass(&k, info, enc, bytes, n, lossy);
	}
	if (info->guessed && !bad)
		return emit(&k, bytes, n); /* validated by the census */
	return utf8_pass(&k, info, bytes, n, lossy);
}

int text_decode(struct buf *out, struct text_info *info, const char *bytes,
                size_t n, const char *name, const struct text_opts *o,
                struct err *e)
{
	return text_decode_stream(info, bytes, n, name, o, sink_to_buf, out, e);
}
