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

int namesfile_parse(struct namesfile *f, const char *text, size_t len,
                    const char *name, const struct names *nm, struct err *e)
{
	size_t pos = 0, line = 0, first = f->n, i;

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
		for (i = first; !rc && i + 1 < f->n; i++) {
			const struct namesfile_line *o = &f->v[i];
			struct buf m;

			if (strcmp(o->entity, entity) != 0 ||
			    strcmp(o->lang, l->lang) != 0)
				continue;
			buf_init(&m);
			if (!strcmp(o->spelling, spelling))
				buf_addf(&m, "repeats line %zu:", o->line);
			else if (o->kind == NAMESFILE_HOUSE &&
			         l->kind == NAMESFILE_HOUSE)
				buf_addf(&m,
				         "a second house form in '%s' (line "
				         "%zu) for",
				         l->lang, o->line);
			if (m.len)
				rc = fail(e, name, line, m.data, entity);
			buf_release(&m);
		}
		free(lang);
		free(kind);
		if (rc)
			return rc;
	}
	/* every entity has a house form */
	for (i = first; i < f->n; i++) {
		size_t j;
		int house = 0;

		for (j = first; j < f->n && !house; j++)
			house = f->v[j].kind == NAMESFILE_HOUSE &&
			        !strcmp(f->v[j].entity, f->v[i].entity);
		if (!house)
			return fail(e, name, f->v[i].line,
			            "no house form for entity", f->v[i].entity);
	}
	return 0;
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
