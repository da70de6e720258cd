/*
 * inflect: the case endings of names, so that a name can be found in any
 * grammatical form and replaced by the house form in the same form.
 *
 * A table of surname and given-name paradigms per language (Russian,
 * Belarusian, Ukrainian, Polish, Czech: -ская/-ской/-скую, -ов/-ова/-ову,
 * -ski/-skiej/-ską ...), the English possessive ('s, ’s) and the German
 * genitive -s.  inflect_readings lists the ways a word can be read as a
 * form of some base (an ending is often ambiguous: Лосика is Лосик in the
 * genitive, Светлана is a base); inflect_apply puts another base into the
 * form of one reading.  It knows nothing of persons (names.c), does no I/O.
 */
#ifndef NEWSTM_INFLECT_H
#define NEWSTM_INFLECT_H

#include <stddef.h>

#include "buf.h"

/* The grammatical form a word stood in. */
enum inflect_slot {
	INFL_BASE = 0, /* nominative, or not recognised */
	INFL_GEN,
	INFL_DAT,
	INFL_ACC,
	INFL_INS,
	INFL_LOC,
	INFL_NSLOTS,
};

#define INFLECT_MAX_BASE 128

/* One way of reading a word. */
struct inflect_reading {
	char base[INFLECT_MAX_BASE]; /* the base form, NUL-terminated */
	enum inflect_slot slot;      /* the case the word stood in: the first
	                                of slots */
	unsigned slots; /* every case the ending may stand for (bit 1 << slot):
	                   Тихановской is genitive, dative, instrumental and
	                   prepositional alike */
	unsigned given_slots; /* of slots, the cases a given name may stand
	                         in with this ending: the surname classes
	                         (-ская, -ов, -ына ...) left out, so
	                         Марыной is no genitive of the given name */
	int paradigm;         /* index into the table, -1: none */
	char suffix[8]; /* a possessive or genitive marker after the name as
	                   written ('s, ’s, ’, s), "" if none */
};

/*
 * Fill out[0..max) with the readings of word[0..n) (one word, valid UTF-8)
 * and return how many: first the word as it stands (slot INFL_BASE, with
 * a possessive marker split off if there is one), then each base the word
 * may be a form of, longest ending first, with every case that ending
 * stands for in slots (over every paradigm that gives that base).  lang is the
 * ISO 639-1 code of the text ("ru", "be", "en" ...); NULL or another code tries
 * every language of the word's script.  Words longer than INFLECT_MAX_BASE - 8
 * bytes get only the first reading.
 */
size_t inflect_readings(struct inflect_reading *out, size_t max,
                        const char *word, size_t n, const char *lang);

/*
 * Append base[0..n) put into the form of reading r to out: the paradigm of
 * base is found from its own ending (in lang, as above); if base has none,
 * or r is a base reading, base is written as it is (so indeclinable names
 * like Лукашенко stay as they are).  r's suffix follows.
 */
void inflect_apply(struct buf *out, const char *base, size_t n,
                   const struct inflect_reading *r, const char *lang);

/* Can reading r be read in case slot? */
static inline int inflect_in_slot(const struct inflect_reading *r,
                                  enum inflect_slot slot)
{
	return (r->slots >> slot) & 1u;
}

/*
 * Set r's case to slot, one of r->slots (what inflect_apply will put a
 * base in); returns 0, or -1 (r unchanged) when r cannot stand in slot.
 */
int inflect_set_slot(struct inflect_reading *r, enum inflect_slot slot);

#endif
