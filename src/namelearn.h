/*
 * namelearn: persons found in the memory's texts, for `newstm names
 * learn` to propose.
 *
 * Each text is read as runs of capitalised words (namefind_next_run).  A
 * word that is a given name as written, or in one of its case forms
 * (Светлану is Светлана), starts a full name: the given names, a
 * patronymic if one follows, and the next word as the surname, all put
 * in the case the given name stood in (Алеся Беляцкого is Алесь
 * Беляцкий).  Every other capitalised word is a possible surname alone.
 *
 * Full names are clustered with the name matcher, most frequent first: a
 * name joins the cluster of the best matching name unless a name of that
 * cluster is a relative or namesake of it (different given names,
 * feminine and masculine surnames).  Surnames alone then join the one
 * cluster whose surname they match in some reading (Тихановской,
 * Lukashenka); a surname that fits several clusters is left out.  Last,
 * the translation units link clusters across scripts: when the source of
 * a unit names a person in one script and the target names one in the
 * other, and the two are similar enough with no conflict (John Coale,
 * Джон Коул), they are one person; each such unit counts as a link.
 *
 * namelearn does no I/O and knows nothing of the tables: the caller feeds
 * texts and units and stores the result.
 */
#ifndef NEWSTM_NAMELEARN_H
#define NEWSTM_NAMELEARN_H

#include <stddef.h>
#include <stdint.h>

#include "lang.h"
#include "namestore.h"

/* Least similarity of two names a unit links across scripts. */
#define NAMELEARN_LINK_MIN 0.6

struct namelearn;

/* A new learner; free with namelearn_free. */
struct namelearn *namelearn_new(void);
void namelearn_free(struct namelearn *nl);

/*
 * Read one stored text (id: the caller's number for it, e.g. the segment
 * id; lang its language tag; valid UTF-8) for mentions of persons.
 */
void namelearn_text(struct namelearn *nl, int64_t id, const char *lang,
                    const char *text, size_t len);

/* A translation unit joins texts src and tgt (ids given to
 * namelearn_text). */
void namelearn_unit(struct namelearn *nl, int64_t src, int64_t tgt);

/* A spelling of a person found in the texts. */
struct namelearn_spelling {
	char *spelling;          /* base form (owned) */
	char lang[LANG_TAG_MAX]; /* of the texts it was found in */
	char script[5];          /* "Latn", "Cyrl", "Grek", "Zyyy" */
	long long count;         /* mentions */
	int full;                /* a full name; else a surname alone */
	int house; /* the most frequent full name of its language */
};

/* A person: spellings by language, full names first, then by count. */
struct namelearn_person {
	struct namelearn_spelling *v;
	size_t n, cap;
	long long mentions; /* of every spelling */
	long long links;    /* units with a Latin and a Cyrillic spelling
	                       of it on their two sides */
	const char *label;  /* a full spelling, Latin and English if any */
};

struct namelearn_result {
	struct namelearn_person *v;
	size_t n, cap;
};

void namelearn_result_release(struct namelearn_result *res);

/*
 * Cluster what was read into persons with at least min_mentions
 * mentions, most mentioned first (appended to res).
 */
void namelearn_run(struct namelearn *nl, struct namelearn_result *res,
                   long long min_mentions);

/*
 * The entity of known (entities of any status, with their spellings) that
 * person p is: its full names are resolved in known and the entity most
 * of its mentions point to, with no relative's conflict, is returned;
 * -1 if none.
 */
int namelearn_known(struct namestore *known, const struct namelearn_person *p);

#endif
