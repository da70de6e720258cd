#include "doc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "norm.h"
#include "xalloc.h"
#include "banned.h"

/* One source line, trimmed. */
struct line {
	size_t start, end; /* content bytes in the cleaned text, trimmed */
	size_t indent;     /* leading spaces (code points) */
	size_t chars;      /* content length in code points */
	size_t first_word; /* code points of the first word */
	size_t lineno;     /* 1-based */
	int blank;
	int ends_sentence; /* . ! ? … : ; then closing quotes or brackets */
	int ends_comma;    /* , or a hyphen: clearly continued */
	int starts_lower;  /* first letter lowercase */
	int all_caps;      /* letters but no lowercase one */
	int bullet;        /* a list item marker */
	int joins;         /* one paragraph a line: the next line goes on it */
};

void doc_init(struct doc *d)
{
	memset(d, 0, sizeof(*d));
}

void doc_release(struct doc *d)
{
	free(d->text);
	free(d->paras);
	free(d->anchors);
	memset(d, 0, sizeof(*d));
}

static int closing(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' ||
	       cp == 0x201D || cp == 0x2019 || cp == 0x00BB || cp == 0x203A ||
	       cp == 0x201C || cp == '*';
}

static int bullet_at(const char *s, size_t i, size_t end)
{
	size_t j = i;
	int32_t cp;

	cp = norm_next(s, end, &j);
	if ((cp == '-' || cp == '*' || cp == 0x2022 || cp == 0x2013 ||
	     cp == 0x25AA || cp == 0x25CF) &&
	    j < end && s[j] == ' ')
		return 1;
	j = i;
	while (j < end && s[j] >= '0' && s[j] <= '9' && j - i < 3)
		j++;
	if (j > i && j + 1 < end && (s[j] == '.' || s[j] == ')') &&
	    s[j + 1] == ' ')
		return 1;
	return 0;
}

/*
 * Describe one line.  Every scan stops as soon as it knows its answer, so
 * that a long line costs one pass of byte counting and little more.
 */
static void scan_line(struct line *l, const char *s, size_t start, size_t end)
{
	size_t i = start, j;
	int32_t cp = 0, lastcp = 0;
	int seen_letter = 0;

	memset(l, 0, sizeof(*l));
	while (i < end && s[i] == ' ')
		i++, l->indent++;
	j = end;
	while (j > i && s[j - 1] == ' ')
		j--;
	l->start = i;
	l->end = j;
	l->blank = i == j;
	if (l->blank)
		return;
	l->bullet = bullet_at(s, i, j);
	l->chars = norm_count(s + i, j - i);
	while (i < j && s[i] != ' ')
		i++;
	l->first_word = norm_count(s + l->start, i - l->start);
	/* the first letter's case; all capitals means no lowercase at all */
	l->all_caps = 1;
	for (i = l->start; i < j;) {
		cp = norm_next(s, j, &i);
		if (!norm_is_letter(cp))
			continue;
		if (!seen_letter++)
			l->starts_lower = norm_is_lower(cp);
		if (norm_is_lower(cp)) {
			l->all_caps = 0;
			break;
		}
	}
	if (seen_letter < 2)
		l->all_caps = 0;
	/* the last character that is not a closing quote or bracket */
	i = j;
	cp = norm_prev(s, &i);
	lastcp = cp;
	while (closing(lastcp) && i > l->start)
		lastcp = norm_prev(s, &i);
	l->ends_sentence = lastcp == '.' || lastcp == '!' || lastcp == '?' ||
	                   lastcp == 0x2026 || lastcp == ':' || lastcp == ';';
	l->ends_comma = lastcp == ',' || (lastcp == '-' && cp == '-');
}

/*
 * Hard-wrapped text breaks lines in mid-sentence: lines that end without
 * punctuation and go on in lower case, or lines that end in a comma.  News
 * copy with one paragraph per line almost never does either.
 */
static int is_hard_wrapped(const struct line *lines, size_t n, size_t *width)
{
	size_t i, continued = 0, mid = 0, full = 0, w = 0;

	for (i = 0; i + 1 < n; i++)
		if (!lines[i].blank && !lines[i + 1].blank &&
		    lines[i].chars > w)
			w = lines[i].chars;
	*width = w;
	for (i = 0; i + 1 < n; i++) {
		const struct line *a = &lines[i], *b = &lines[i + 1];

		if (a->blank || b->blank)
			continue;
		continued++;
		if (a->ends_comma ||
		    (!a->ends_sentence && b->starts_lower && !b->bullet))
			mid++;
		if (a->chars * 4 >= w * 3)
			full++;
	}
	/* lists and verse: lines this short are not wrapped at a width */
	if (continued < 2 || !mid || w < 25)
		return 0;
	if (mid >= 2 && mid * 4 >= continued)
		return 1;
	return w <= 120 && continued >= 3 && full * 10 >= continued * 6;
}

/*
 * In text with one paragraph a line, a line break can still fall inside a
 * sentence ("It was a cold\nnight in the city."): a line that does not end
 * a sentence (and is not a heading in capitals) goes on with the next if
 * that one starts in lower case, and the run of such lines ends with a
 * sentence end.  Lines without any end ("features\ncontact manager") stay
 * lines of their own.
 */
static void find_joins(struct line *lines, size_t n)
{
	size_t i;
	int end_ok = 0; /* the run from line i + 1 ends a sentence */

	for (i = n; i-- > 0;) {
		struct line *a = &lines[i];
		int cand = i + 1 < n && !a->blank && !lines[i + 1].blank &&
		           !a->ends_sentence && !a->all_caps &&
		           lines[i + 1].starts_lower && !lines[i + 1].bullet;

		a->joins = cand && end_ok;
		end_ok = cand ? end_ok : a->ends_sentence;
	}
}

/* In hard-wrapped text, does a paragraph end between lines a and b? */
static int wrapped_break(const struct line *a, const struct line *b,
                         size_t width)
{
	if (b->bullet || b->indent > a->indent || b->all_caps || a->all_caps)
		return 1;
	if (a->ends_comma || (b->starts_lower && !a->ends_sentence))
		return 0;
	/* the next word would have fitted: the line was ended on purpose */
	return a->chars + 1 + b->first_word <= width;
}

static void add_anchor(struct doc *d, size_t off, size_t line, size_t col)
{
	XGROW(d->anchors, d->acap, d->nanchor + 1);
	d->anchors[d->nanchor].off = off;
	d->anchors[d->nanchor].line = line;
	d->anchors[d->nanchor].col = col;
	d->nanchor++;
}

/*
 * The first of two spaces in a row in s[i, end), or end: eight bytes at a
 * time, since text rarely has any and every line is searched.
 */
static size_t double_space(const char *s, size_t i, size_t end)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t high = 0x8080808080808080ULL;

	while (i + 9 <= end) {
		uint64_t a, b, x;

		/* byte k of x is zero where s[i + k] and s[i + k + 1] are
		 * both spaces; the zero-byte test below is exact */
		memcpy(&a, s + i, 8);
		memcpy(&b, s + i + 1, 8);
		x = (a ^ (0x20 * ones)) | (b ^ (0x20 * ones));
		if ((x - ones) & ~x & high)
			break; /* within these eight: the loop below finds it */
		i += 8;
	}
	for (; i + 1 < end; i++)
		if (s[i] == ' ' && s[i + 1] == ' ')
			return i;
	return end;
}

/* Append a line's content with runs of spaces squeezed to one. */
static void add_squeezed(struct buf *out, const char *s, size_t start,
                         size_t end)
{
	size_t i = start, run = start;

	while ((i = double_space(s, i, end)) < end) {
		buf_add(out, s + run, i + 1 - run);
		while (i < end && s[i] == ' ')
			i++;
		run = i;
	}
	buf_add(out, s + run, end - run);
}

/* Build d from text that norm_clean has already cleaned. */
static void build_clean(struct doc *d, const struct buf *clean, unsigned flags)
{
	struct buf out;
	struct line *lines = NULL;
	size_t nlines = 0, cap = 0, i, start, width = 0, lineno = 1;
	int open = 0;

	buf_init(&out);
	/* the text never grows by more than a byte a line: reserve it once
	 * rather than copying a large buffer at every doubling */
	buf_grow(&out, clean->len + clean->len / 8 + 64);
	for (start = 0; start <= clean->len;) {
		const char *nl =
		    memchr(clean->data + start, '\n', clean->len - start);
		size_t end = nl ? (size_t)(nl - clean->data) : clean->len;

		if (!nl && end == start)
			break;
		XGROW(lines, cap, nlines + 1);
		scan_line(&lines[nlines], clean->data, start, end);
		lines[nlines].lineno = lineno++;
		nlines++;
		start = end + 1;
	}
	d->hard_wrapped =
	    !(flags & DOC_LINES) && is_hard_wrapped(lines, nlines, &width);
	if (!d->hard_wrapped && !(flags & DOC_LINES))
		find_joins(lines, nlines);
	for (i = 0; i < nlines; i++) {
		const struct line *l = &lines[i];

		if (l->blank) {
			open = 0;
			continue;
		}
		if (open &&
		    (d->hard_wrapped ? wrapped_break(&lines[i - 1], l, width)
		                     : !lines[i - 1].joins))
			open = 0;
		if (!open) {
			if (d->npara) {
				d->paras[d->npara - 1].end = out.len;
				buf_add(&out, "\n\n", 2);
			}
			XGROW(d->paras, d->cap, d->npara + 1);
			d->paras[d->npara].start = out.len;
			d->paras[d->npara].line = l->lineno;
			d->npara++;
			open = 1;
		} else {
			/* a word broken by a hyphen at the line end stays
			 * whole; elsewhere a line break is a space */
			if (!(lines[i - 1].ends_comma &&
			      clean->data[lines[i - 1].end - 1] == '-' &&
			      l->starts_lower))
				buf_addch(&out, ' ');
		}
		add_anchor(d, out.len, l->lineno, l->indent + 1);
		add_squeezed(&out, clean->data, l->start, l->end);
	}
	if (d->npara)
		d->paras[d->npara - 1].end = out.len;
	free(d->text);
	d->text = buf_detach(&out, &d->len);
	free(lines);
}

void doc_build(struct doc *d, const char *utf8, size_t n, unsigned flags)
{
	struct buf clean;

	buf_init(&clean);
	norm_clean(&clean, utf8, n);
	build_clean(d, &clean, flags);
	buf_release(&clean);
}

static int clean_sink(void *ctx, const char *utf8, size_t n)
{
	norm_clean(ctx, utf8, n);
	return 0;
}

int doc_load(struct doc *d, struct text_info *info, const char *path,
             const char *name, const struct text_opts *o, unsigned flags,
             struct err *e)
{
	struct buf raw, clean;
	int rc;

	buf_init(&raw);
	buf_init(&clean);
	rc = text_read(&raw, path, name, e);
	if (rc < 0)
		goto out;
	/* room for the decoded text at once (a single-byte encoding can
	 * double in UTF-8); pages never written cost no memory */
	buf_grow(&clean, 2 * raw.len + 64);
	/* decoding and cleaning in one pass, without a copy in between */
	rc = text_decode_stream(info, raw.data, raw.len, name, o, clean_sink,
	                        &clean, e);
	if (rc < 0)
		goto out;
	buf_release(&raw);
	build_clean(d, &clean, flags);
	if (!d->npara)
		rc = err_set(e, ERR_EMPTY, "%s: empty input (no text)", name);
out:
	buf_release(&raw);
	buf_release(&clean);
	return rc;
}

void doc_where(const struct doc *d, size_t off, size_t *line, size_t *col)
{
	size_t lo = 0, hi = d->nanchor;

	*line = 1;
	*col = 1;
	if (!d->nanchor)
		return;
	/* the last anchor at or before off */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->anchors[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = d->anchors[lo].line;
	*col = d->anchors[lo].col;
	if (off > d->anchors[lo].off)
		*col += norm_count(d->text + d->anchors[lo].off,
		                   off - d->anchors[lo].off);
}
