/*
 * namecheck: read an article and find the names that are not in the
 * house form.
 */
#include <stdio.h>
#include <string.h>

#include "namecheck.h"
#include "norm.h"
#include "banned.h"

void namecheck_init(struct namecheck *c)
{
	memset(c, 0, sizeof(*c));
	buf_init(&c->text);
	namefind_fixes_init(&c->fixes);
}

void namecheck_release(struct namecheck *c)
{
	namefind_fixes_release(&c->fixes);
	namefind_free(c->nf);
	namestore_free(c->ns);
	store_free(c->st);
	buf_release(&c->text);
	namecheck_init(c);
}

int namecheck_run(struct namecheck *c, const char *path, const char *name,
                  const struct text_opts *to, const char *lang,
                  const char *tm_path, struct err *e)
{
	struct buf raw;
	int rc;

	buf_init(&raw);
	rc = text_read(&raw, path, name, e);
	if (rc >= 0)
		rc = text_decode(&c->text, &c->info, raw.data, raw.len, name,
		                 to, e);
	buf_release(&raw);
	if (rc < 0)
		return rc;
	if (norm_blank(c->text.data, c->text.len))
		return err_set(e, ERR_EMPTY, "%s: empty input (no text)", name);
	if (*lang) {
		snprintf(c->lang, sizeof(c->lang), "%s", lang);
	} else {
		int sure;
		const char *g =
		    lang_guess_sure(c->text.data, c->text.len, &sure);

		/* a wrong guess would check against the wrong house forms
		 * and pass silently: ask rather than guess */
		if (!strcmp(g, "und"))
			return err_set(e, ERR_FORMAT,
			               "%s: cannot tell the language of the "
			               "article: give --lang",
			               name);
		if (!sure)
			return err_set(e, ERR_FORMAT,
			               "%s: too little text to be sure of its "
			               "language (it may be '%s'): give --lang",
			               name, g);
		lang_normalize(c->lang, g);
	}
	if ((rc = store_open(&c->st, tm_path, 0, e)) < 0)
		return rc;
	c->ns = namestore_new();
	if ((rc = namestore_load(c->ns, c->st, NAMESTORE_CONFIRMED, e)) < 0)
		return rc;
	c->nf = namefind_new(c->ns, NAMESTORE_CONFIRMED);
	namefind_fixes(c->nf, &c->fixes, c->text.data, c->text.len, c->lang);
	return 0;
}
