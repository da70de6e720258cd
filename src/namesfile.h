/*
 * namesfile: the house-style list of names as a file editors keep under
 * version control (tm/names.tsv), read and written.
 *
 * The format: UTF-8 text, one spelling a line, four fields separated by
 * tabs:
 *
 *   entity TAB lang TAB spelling TAB kind
 *
 *   entity    the label of a person; the lines with one label are one
 *             entity (by convention the English house form)
 *   lang      a BCP 47 language tag (en, ru, be, de-CH ...); "und" for an
 *             alias whose language is not known
 *   spelling  the name in its base form (nominative, no possessive)
 *   kind      house: the house form for lang (one per entity and
 *             language; every entity has at least one); alias: another
 *             known spelling; not: a spelling that is NOT this person,
 *             so that check never takes it for them
 *
 * Lines that are empty or start with # are comments.  Spaces at the ends
 * of a field are dropped; there are no escapes (a name has no tabs).
 * namesfile_write writes the canonical form: a fixed header comment,
 * entities by label, each with its house lines by language, then its
 * alias and not lines by language and spelling, so that reading a file
 * and writing it again gives the same bytes whatever order the editors
 * kept (comments other than the header are not kept).
 *
 * namesfile checks the file (fields, tags, kinds, names that parse,
 * repeated or missing house forms) but does not touch the memory.
 */
#ifndef NEWSTM_NAMESFILE_H
#define NEWSTM_NAMESFILE_H

#include <stddef.h>

#include "buf.h"
#include "err.h"
#include "lang.h"
#include "names.h"

enum namesfile_kind {
	NAMESFILE_HOUSE = 0,
	NAMESFILE_ALIAS,
	NAMESFILE_NOT,
};

/* The word of a kind: "house", "alias", "not". */
const char *namesfile_kind_word(enum namesfile_kind k);

struct namesfile_line {
	char *entity; /* owned by the list */
	char lang[LANG_TAG_MAX];
	char *spelling; /* NFC */
	enum namesfile_kind kind;
	size_t line; /* 1-based line in the file read; 0 if made by hand */
};

struct namesfile {
	struct namesfile_line *v;
	size_t n, cap;
};

void namesfile_init(struct namesfile *f);
void namesfile_release(struct namesfile *f);

/*
 * Append a line (strings copied; lang must be a normalised tag).  No
 * checks: for writing what the memory holds.
 */
void namesfile_add(struct namesfile *f, const char *entity, const char *lang,
                   const char *spelling, enum namesfile_kind kind);

/*
 * Read the lines of text[0..len) (valid UTF-8) into f.  name is what
 * messages call the file.  Every spelling must parse as a name (nm).
 * Fails with ERR_FORMAT and "name:LINE: what is wrong" in e at the first
 * bad line (f then holds the lines before it).
 */
int namesfile_parse(struct namesfile *f, const char *text, size_t len,
                    const char *name, const struct names *nm, struct err *e);

/* Sort f into the canonical order (see above). */
void namesfile_sort(struct namesfile *f);

/* Append the canonical file of f (sorted here) to out. */
void namesfile_write(struct buf *out, struct namesfile *f);

#endif
