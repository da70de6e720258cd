/*
 * namesfile: tm/names.tsv read and written (see namesfile.h).
 */
#include "namesfile.h"

#include <stdlib.h>
#include <string.h>

#include "norm.h"
#include "xalloc.h"
#include "banned.h"

static const char *const kind_words[] = {"house", "alias", "not"};

const char *namesfile_kind_word(enum namesfile_kind k)
{
	return (unsigned)k < 3 ? kind_words[k] : "?";
}

void namesfile_init(struct namesfile *f)
{
	memset(f, 0, sizeof(*f));
}

void namesfile_release(struct namesfile *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].entity);
		free(f->v[i].spelling);
	}
	free(f->v);
	memset(f, 0, sizeof(*f));
}

static struct namesfile_line *add_line(struct namesfile *f)
{
	struct namesfile_line *l;

	XGROW(f->v, f->cap, f->n + 1);
	l = &f->v[f->n++];
	memset(l, 0, sizeof(*l));
	return l;
}

void namesfile_add(struct namesfile *f, const char *entity, const char *lang,
                   const char *spelling, enum namesfile_kind kind)
{
	struct namesfile_line *l = add_line(f);
	size_t n = strlen(lang);

	l->entity = xstrdup(entity);
	if (n >= sizeof(l->lang))
		n = sizeof(l->lang) - 1;
	memcpy(l->lang, lang, n);
	l->lang[n] = '\0';
	l->spelling = xstrdup(spelling);
	l->kind = kind;
}

/* A field without the spaces at its ends, as an NFC string (caller frees). */
static char *field(const char *s, size_t n)
{
	struct buf b;

	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	buf_init(&b);
	norm_nfc(&b, s, n);
	return buf_detach(&b, NULL);
}

static int fail(struct err *e, const char *name, size_t line, const char *what,
                const char *arg)
{
	return err_set(e, ERR_FORMAT, "%s:%zu: %s%s%s%s", name, line, what,
	               arg ? " '" : "", arg ? arg : "", arg ? "'" : "");
}

/* Order of lines for the checks: entity, language, line. */
static int cmp_check(const void *pa, const void *pb)
{
	const struct namesfile_line *a =
	    *(const struct namesfile_line *const *)pa;
	const struct namesfile_line *b =
	    *(const struct namesfile_line *const *)pb;
	int c = strcmp(a->entity, b->entity);

	if (c)
		return c;
	if ((c = strcmp(a->lang, b->lang)) != 0)
		return c;
	return a->line < b->line ? -1 : a->line > b->line;
}

/*
 * The checks across lines (lines first.. of f): no spelling twice in one
 * entity and language, one house form per entity and language, a house
 * form for every entity.  Reports the problem that comes first in the
 * file, at the later of the lines involved.
 */
static int check_lines(const struct namesfile *f, size_t first,
                       const char *name, struct err *e)
{
	size_t n = f->n - first, i, j, bad_line = 0;
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	const struct namesfile_line **v = xcalloc(n + 1, sizeof(*v));
	struct buf msg;
	const char *subject = NULL;
	int rc = 0;

	buf_init(&msg);
	for (i = 0; i < n; i++)
		v[i] = &f->v[first + i];
	if (n > 1)
		/* NOLINTNEXTLINE(bugprone-sizeof-expression): as above */
		qsort(v, n, sizeof(*v), cmp_check);
	for (i = 0; i < n; i = j) {
		size_t k, m;
		int has_house = 0;

		/* one entity: v[i..j) */
		for (j = i; j < n && !strcmp(v[j]->entity, v[i]->entity); j++)
			has_house |= v[j]->kind == NAMESFILE_HOUSE;
		if (!has_house) {
			size_t at = v[i]->line;

			for (k = i; k < j; k++)
				if (v[k]->line < at)
					at = v[k]->line;
			if (!bad_line || at < bad_line) {
				bad_line = at;
				buf_reset(&msg);
				buf_adds(&msg, "no house form for entity");
				subject = v[i]->entity;
			}
		}
		for (k = i; k < j; k++) {
			for (m = k + 1;
			     m < j && !strcmp(v[m]->lang, v[k]->lang); m++) {
				const struct namesfile_line *o = v[k],
				                            *l = v[m];

				if (bad_line && l->line >= bad_line)
					break;
				if (!strcmp(o->spelling, l->spelling)) {
					bad_line = l->line;
					buf_reset(&msg);
					buf_addf(&msg,
					         "repeats line %zu:", o->line);
					subject = l->entity;
				} else if (o->kind == NAMESFILE_HOUSE &&
				           l->kind == NAMESFILE_HOUSE) {
					bad_line = l->line;
					buf_reset(&msg);
					buf_addf(&msg,
					         "a second house form in '%s' "
					         "(line %zu) for",
					         l->lang, o->line);
					subject = l->entity;
				}
			}
		}
	}
	if (bad_line)
		rc = fail(e, name, bad_line, msg.data, subject);
	buf_release(&msg);
	free(v);
	return rc;
}

int namesfile_parse(struct namesfile *f, const char *text, size_t len,
                    const char *name, const struct names *nm, struct err *e)
{
	size_t pos = 0, line = 0, first = f->n;

	while (pos < len) {
		const char *s = text + pos, *nl, *p;
		const char *fs[4];
		size_t fl[4], n, k;
		struct namesfile_line *l;
		struct names_name parsed;
		char *entity, *lang, *spelling, *kind;
		int nf = 0, rc;

		nl = memchr(s, '\n', len - pos);
		n = nl ? (size_t)(nl - s) : len - pos;
		pos += n + (nl ? 1 : 0);
		line++;
		if (n && s[n - 1] == '\r')
			n--;
		for (k = 0; k < n && (s[k] == ' ' || s[k] == '\t'); k++)
			;
		if (k == n || s[k] == '#')
			continue;
		p = s;
		for (k = 0; k < n; k++)
			nf += s[k] == '\t';
		nf++;
		if (nf != 4) {
			struct buf m;

			buf_init(&m);
			buf_addf(&m,
			         "expected 4 fields separated by tabs (entity, "
			         "lang, spelling, kind), found %d",
			         nf);
			rc = fail(e, name, line, m.data, NULL);
			buf_release(&m);
			return rc;
		}
		for (k = 0; k < 4; k++) {
			const char *tab = memchr(p, '\t', n - (size_t)(p - s));

			fs[k] = p;
			fl[k] = tab ? (size_t)(tab - p) : n - (size_t)(p - s);
			p = tab ? tab + 1 : p;
		}
		entity = field(fs[0], fl[0]);
		lang = field(fs[1], fl[1]);
		spelling = field(fs[2], fl[2]);
		kind = field(fs[3], fl[3]);
		l = add_line(f);
		l->entity = entity;
		l->spelling = spelling;
		l->line = line;
		rc = 0;
		if (!*entity)
			rc = fail(e, name, line, "empty entity label", NULL);
		else if (lang_normalize(l->lang, lang) < 0 ||
		         !strcmp(l->lang, "*all*"))
			rc = fail(e, name, line, "bad language tag", lang);
		else if (!strcmp(kind, "house"))
			l->kind = NAMESFILE_HOUSE;
		else if (!strcmp(kind, "alias"))
			l->kind = NAMESFILE_ALIAS;
		else if (!strcmp(kind, "not"))
			l->kind = NAMESFILE_NOT;
		else
			rc =
			    fail(e, name, line,
			         "kind must be house, alias or not, not", kind);
		if (!rc && l->kind == NAMESFILE_HOUSE &&
		    !strcmp(l->lang, "und"))
			rc = fail(e, name, line,
			          "a house form needs a language, not", "und");
		if (!rc && names_parse(nm, &parsed, spelling, strlen(spelling),
		                       e) < 0) {
			struct buf m;

			buf_init(&m);
			buf_addf(&m, "%s in", e->msg);
			rc = fail(e, name, line, m.data, spelling);
			buf_release(&m);
		}
		free(lang);
		free(kind);
		if (rc)
			return rc;
	}
	return check_lines(f, first, name, e);
}

static int cmp_line(const void *pa, const void *pb)
{
	const struct namesfile_line *a = pa, *b = pb;
	int c = strcmp(a->entity, b->entity);

	if (c)
		return c;
	if (a->kind != b->kind)
		return (int)a->kind - (int)b->kind;
	if ((c = strcmp(a->lang, b->lang)) != 0)
		return c;
	return strcmp(a->spelling, b->spelling);
}

void namesfile_sort(struct namesfile *f)
{
	if (f->n > 1)
		qsort(f->v, f->n, sizeof(*f->v), cmp_line);
}

void namesfile_write(struct buf *out, struct namesfile *f)
{
	size_t i;

	namesfile_sort(f);
	buf_adds(out,
	         "# newstm names: the house style for persons' names.\n"
	         "# entity TAB lang TAB spelling TAB kind (house, alias or "
	         "not)\n");
	for (i = 0; i < f->n; i++) {
		const struct namesfile_line *l = &f->v[i];

		if (i && strcmp(l->entity, f->v[i - 1].entity) != 0)
			buf_addch(out, '\n');
		buf_addf(out, "%s\t%s\t%s\t%s\n", l->entity, l->lang,
		         l->spelling, namesfile_kind_word(l->kind));
	}
}
