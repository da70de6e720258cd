/*
 * translit: Cyrillic to Latin, and one loose Latin key for spellings.
 *
 * translit_latin romanises Cyrillic by the rules of the word's own
 * language, told by its letters (і, ў: Belarusian; ї, є, ґ: Ukrainian;
 * ъ inside words, щ: Bulgarian; ј, љ, њ: Serbian; otherwise Russian);
 * Latin and other text passes through.  translit_key maps any spelling
 * of a name (either script, any Western convention) to one comparison key,
 * so that Tsikhanouskaya, Tikhanovskaya, Tichanowskaja and Тихановская
 * come close.  Neither knows about persons or the memory (names.c).
 */
#ifndef NEWSTM_TRANSLIT_H
#define NEWSTM_TRANSLIT_H

#include <stddef.h>

#include "buf.h"

enum translit_lang {
	TL_AUTO = 0, /* tell from the letters */
	TL_RU,
	TL_BE,
	TL_UK,
	TL_BG,
	TL_SR,
	TL_MK,
	TL_KK,
};

/*
 * The Cyrillic orthography s is written in, told by its letters; TL_RU
 * when nothing distinguishes it (or when s is not Cyrillic).
 */
enum translit_lang translit_detect(const char *s, size_t n);

/*
 * Append the Latin romanisation of s (valid UTF-8) to out: Cyrillic letters
 * by the table of lang (TL_AUTO: translit_detect per word), keeping case;
 * everything else unchanged.
 */
void translit_latin(struct buf *out, const char *s, size_t n,
                    enum translit_lang lang);

/*
 * Append a loose key of s to out: romanised, case folded, diacritics
 * removed and Western spelling conventions brought to one form.  Two
 * spellings of one name usually get equal or near keys.
 */
void translit_key(struct buf *out, const char *s, size_t n);

#endif
