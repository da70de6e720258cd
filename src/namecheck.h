/*
 * namecheck: what `newstm check` and `newstm normalize` do before they
 * part ways: read an article in any encoding, tell its language, load the
 * confirmed persons of the memory and find every spelling of them that is
 * not the house form.  It prints nothing and changes nothing: check
 * reports the fixes, normalize applies them.
 */
#ifndef NEWSTM_NAMECHECK_H
#define NEWSTM_NAMECHECK_H

#include "buf.h"
#include "err.h"
#include "lang.h"
#include "namefind.h"
#include "namestore.h"
#include "store.h"
#include "text.h"

struct namecheck {
	struct buf text;         /* the article in UTF-8 */
	struct text_info info;   /* what reading it found */
	char lang[LANG_TAG_MAX]; /* as given, else guessed */
	struct store *st;        /* the memory, open */
	struct namestore *ns;    /* its confirmed persons */
	struct namefind *nf;
	struct namefind_fixes fixes; /* in the order of the text */
};

/* Initialise an empty check (allocates nothing). */
void namecheck_init(struct namecheck *c);
/* Free what c owns, closing the memory; c is left initialised. */
void namecheck_release(struct namecheck *c);

/*
 * Read path (NULL or "-": stdin; name is what messages call it) with the
 * options to, take lang as its language (a normalised tag; "" to guess
 * it), open the memory at tm_path and fill c->fixes.  c was initialised
 * by namecheck_init.  Fails as text_read, text_decode, store_open and
 * namestore_load do, and with ERR_FORMAT for an article whose language
 * cannot be told; what was done so far stays in c for namecheck_release.
 */
int namecheck_run(struct namecheck *c, const char *path, const char *name,
                  const struct text_opts *to, const char *lang,
                  const char *tm_path, struct err *e);

#endif
