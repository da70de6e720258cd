/*
 * namedb: what the `names` commands change in the memory, each change one
 * transaction: house forms and spellings added by hand, a names.tsv
 * imported or exported, proposals of `names learn` stored, confirmed or
 * rejected.  It brings the lookup keys up to date first
 * (namestore_sync_keys) and computes the keys of every spelling it
 * writes.  It prints nothing; the SQL is store.c's.
 */
#ifndef NEWSTM_NAMEDB_H
#define NEWSTM_NAMEDB_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "namelearn.h"
#include "namesfile.h"
#include "namestore.h"
#include "store.h"

/* What namedb_add did. */
struct namedb_added {
	int64_t entity;
	int created; /* a new entity; else the house form was set in one */
	char label[256];
};

/*
 * Make name the house form for lang of an entity, and aliases (n of
 * them, in lang) its other spellings.  entity > 0: that entity
 * (ERR_NOTFOUND if missing); 0: the confirmed or proposed entity name is
 * the same person as (a name of two words or more, judged as a full
 * name; a single word only by the same spelling), else a new one; < 0:
 * always a new one.  A proposal given a house form is confirmed.  name
 * and aliases must parse as names (ERR_USAGE otherwise); lang must be a
 * normalised tag other than "und".
 */
int namedb_add(struct store *st, const char *name, const char *lang,
               const char *const *aliases, size_t n, int64_t entity,
               struct namedb_added *out, struct err *e);

struct namedb_counts {
	long long created, updated; /* entities */
	long long spellings;        /* lines written */
};

/*
 * Store the lines of f: entities by label (created if new, confirmed if
 * they were proposals), house forms, aliases and rejected spellings ("not"
 * lines).  What the memory holds and the file does not say is kept.
 */
int namedb_import(struct store *st, const struct namesfile *f,
                  struct namedb_counts *c, struct err *e);

/*
 * Fill f with the house style: every confirmed entity with its house
 * forms, confirmed spellings and rejected ones.  namesfile_write then
 * gives the canonical file, which namedb_import reads back to the same.
 */
int namedb_export(struct store *st, struct namesfile *f, struct err *e);

/* What storing a learned person did. */
enum namedb_action {
	NAMEDB_PROPOSED,     /* a new proposal */
	NAMEDB_UPDATED,      /* a stored proposal, counts and spellings */
	NAMEDB_LEARNED,      /* new spellings for a confirmed entity */
	NAMEDB_WAS_REJECTED, /* an editor refused it: not proposed again */
};

struct namedb_learned {
	enum namedb_action action;
	int64_t entity;  /* 0 for WAS_REJECTED with no entity stored */
	long long added; /* spellings new to the entity */
	char label[256];
	unsigned char *fresh; /* per spelling of the person: new to the
	                         entity (owned: free() it) */
};

/*
 * Store what namelearn found: each person of res is matched with the
 * memory's entities (namelearn_known); out[i] (res->n of them, caller's
 * array) tells what became of person i.
 */
int namedb_learn(struct store *st, const struct namelearn_result *res,
                 struct namedb_learned *out, struct err *e);

/*
 * The entities arg names, of a status in mask: a number is an id; else a
 * label; else every entity it is the same person as (names_match).  Up
 * to max ids into ids; returns their count (0: none).
 */
int namedb_find(struct store *st, const char *arg, unsigned mask, int64_t *ids,
                int max, struct err *e);

/*
 * Confirm (status STORE_NAME_CONFIRMED) or reject (STORE_NAME_REJECTED)
 * entity id, or only its spelling alias when alias is not NULL.
 * Confirming an entity confirms its proposed and learned spellings; a
 * rejected spelling stops being a house form.  ERR_NOTFOUND for an
 * unknown entity or spelling.
 */
int namedb_set_status(struct store *st, int64_t id, const char *alias,
                      enum store_name_status status, struct err *e);

/* The script of a spelling: "Latn", "Cyrl", "Grek" or "Zyyy". */
const char *namedb_script(const char *s);

#endif
