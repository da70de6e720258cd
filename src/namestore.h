/*
 * namestore: the persons of the memory, loaded for finding them in texts.
 *
 * An entity is one person: a label, a status (confirmed, proposed,
 * rejected) and its spellings, each in one language, one of them per
 * language the house form.  Spellings are indexed by their lookup keys
 * (names_keys: the consonant skeletons of the surname), so that a mention
 * is compared (names_match) only with the few spellings that share a key,
 * however many entities there are.  A spelling marked rejected is not the
 * person: a mention whose best match among an entity's spellings is a
 * rejected one is not that entity.
 *
 * The table is filled from the memory (namestore_load) or by hand
 * (namestore_add_entity, namestore_add_alias: tests, learn).  It does not
 * write to the memory, except namestore_sync_keys, which brings the
 * stored keys up to date; it does not read texts (namefind.c) or files
 * (namesfile.c).
 */
#ifndef NEWSTM_NAMESTORE_H
#define NEWSTM_NAMESTORE_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "names.h"
#include "store.h"

struct namestore;

/* Bit masks of entity statuses, for loading and resolving. */
#define NAMESTORE_CONFIRMED (1u << STORE_NAME_CONFIRMED)
#define NAMESTORE_PROPOSED  (1u << STORE_NAME_PROPOSED)
#define NAMESTORE_REJECTED  (1u << STORE_NAME_REJECTED)
#define NAMESTORE_ANY                                                          \
	(NAMESTORE_CONFIRMED | NAMESTORE_PROPOSED | NAMESTORE_REJECTED)

/* An empty table with its own matcher (names_new).  Free with
 * namestore_free. */
struct namestore *namestore_new(void);
void namestore_free(struct namestore *ns);

/* The matcher the table parses with (borrowed for the table's life). */
const struct names *namestore_names(const struct namestore *ns);

/*
 * Add an entity (id: its row in the memory, or any number for a table
 * made by hand; label copied).  Returns its index (0, 1, ...).
 */
int namestore_add_entity(struct namestore *ns, int64_t id, const char *label,
                         enum store_name_status status);

/*
 * Add a spelling of entity k (strings copied).  lang is a normalised tag
 * ("und" for unknown); house marks the house form for lang (a later house
 * form for the same language wins).  The spelling must parse as a name
 * (names_parse): else ERR_EMPTY or ERR_LIMIT, described in e.  Returns its
 * index, or the negative code.
 */
int namestore_add_alias(struct namestore *ns, int k, int64_t id,
                        const char *lang, const char *spelling, int house,
                        enum store_name_status status, long long count,
                        struct err *e);

/*
 * Load the entities of the memory whose status is in mask, with all
 * their spellings and their lookup keys (computed here when the stored
 * ones are of another key version).  A memory without the names tables
 * gives an empty table.
 */
int namestore_load(struct namestore *ns, struct store *st, unsigned mask,
                   struct err *e);

/*
 * The version of the lookup keys: a digest of the keys names_keys gives
 * a fixed list of spellings, so that a change of the matcher's forms
 * shows.  Static string.
 */
const char *namestore_key_version(void);

/*
 * The lookup keys of a spelling, as names_keys gives them, written to out
 * (NUL-terminated).  Returns their count, or a negative code if the
 * spelling does not parse.
 */
int namestore_spelling_keys(const struct namestore *ns,
                            char out[NAMES_MAX_KEYS][TRANSLIT_FORM_MAX + 1],
                            const char *spelling, struct err *e);

/*
 * If the memory's keys are not of namestore_key_version, recompute the
 * keys of every stored spelling and record the version.  Call inside a
 * transaction.  Returns 1 if it rebuilt them, 0 if they were current.
 */
int namestore_sync_keys(const struct namestore *ns, struct store *st,
                        struct err *e);

/* Counts and fields. */
int namestore_entity_count(const struct namestore *ns);
int64_t namestore_entity_id(const struct namestore *ns, int k);
const char *namestore_entity_label(const struct namestore *ns, int k);
enum store_name_status namestore_entity_status(const struct namestore *ns,
                                               int k);
/* The entity with this id, or -1. */
int namestore_entity_find(const struct namestore *ns, int64_t id);
/* The spellings of entity k: their number, and *first a borrowed array of
 * alias indices. */
int namestore_entity_aliases(const struct namestore *ns, int k,
                             const int **first);

struct namestore_alias {
	int64_t id;
	int entity;           /* index */
	const char *spelling; /* borrowed */
	const char *lang;
	int house;
	enum store_name_status status;
	enum store_name_source source; /* as loaded; house for hand-made */
	long long count;
	int words; /* words of the name, initials not counted */
};
/* Alias a's fields (strings borrowed for the table's life; the spelling
 * is parsed if it was not, for words). */
void namestore_alias(struct namestore *ns, int a, struct namestore_alias *out);
/* Alias a parsed (borrowed; parsed on first use). */
const struct names_name *namestore_parsed(struct namestore *ns, int a);

/*
 * The house form of entity k for language lang: the house spelling of
 * that very tag, else of a tag with the same primary language (en-GB
 * for en, en for en-GB).  Returns the alias index, or -1 if none.
 */
int namestore_house(const struct namestore *ns, int k, const char *lang);

/* Is key among the lookup keys of some spelling? */
int namestore_has_key(struct namestore *ns, const char *key);

/* The most entities namestore_resolve reports. */
#define NAMESTORE_MAX_HITS 8

/* An entity a mention may be. */
struct namestore_hit {
	int entity;            /* index */
	int alias;             /* its spelling that matched best */
	struct names_result r; /* mention against that spelling */
};

/*
 * The entities (of a status in mask) that the parsed mention names, best
 * first, into hits[0..max): the spellings sharing a lookup key with the
 * mention are compared with names_match at NAMES_THRESHOLD.  A mention of
 * two or more words meets only spellings of two or more words (a full
 * name is judged as a full name: relatives are not merged through a
 * surname); a mention of one word meets every spelling's surname.  An
 * entity whose best matching spelling is a rejected one is left out.
 * Returns the number of hits.
 */
int namestore_resolve(struct namestore *ns, const struct names_name *mention,
                      unsigned mask, struct namestore_hit *hits, int max);

#endif
