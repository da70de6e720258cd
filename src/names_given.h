/*
 * names_given: the given-name equivalence sets, data for names.c.
 *
 * One row per name: its gender and the spellings that stand for it across
 * languages and scripts (Russian, Belarusian, Ukrainian, Bulgarian and
 * Serbian Cyrillic; the usual romanisations; the Polish, Czech, German,
 * French, English ... forms journalists use for the same person), and
 * the common short forms.  names.c turns the spellings into forms
 * (translit.h) and indexes them; nothing here is code.
 */
#ifndef NEWSTM_NAMES_GIVEN_H
#define NEWSTM_NAMES_GIVEN_H

#include <stddef.h>

struct names_given {
	char gender;       /* 'm', 'f' */
	const char *names; /* spellings separated by spaces */
};

extern const struct names_given names_given_sets[];
extern const size_t names_given_count;

#endif
