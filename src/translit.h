/*
 * translit: Cyrillic to Latin, and one comparable form for the spellings of
 * a name.
 *
 * translit_latin romanises Cyrillic by the rules of the word's own
 * language, told by its letters (і, ў: Belarusian; ї, є, ґ: Ukrainian;
 * ъ inside words: Bulgarian, where щ is sht; ј, љ, њ: Serbian; otherwise
 * Russian); Latin and other text passes through.  That is for people to
 * read.
 *
 * For machines there is the form of a word: a short ASCII string in which
 * the Cyrillic of each language and the Latin spelling conventions of
 * English, German, French, Polish, Czech, the South Slavic languages and
 * others all come to one alphabet of sounds (see translit.c for the
 * letters), so that Tsikhanouskaya, Tikhanovskaya, Tichanowskaja,
 * Cichanouska and Ціханоўская differ by a few cheap steps.
 * translit_similarity compares two forms with an edit distance whose costs
 * know which differences are conventions (a/o akanne, g/h, ts/t tsekanne,
 * v/u for ў, ch read as х, ч or ш ...) and which are not.  The skeleton of a
 * form keeps only classes of consonants, a cheap key for finding
 * candidates.  None of this knows about persons or the memory (names.c).
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

/* The most bytes a form or a skeleton holds, without its NUL. */
#define TRANSLIT_FORM_MAX 47

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
 * Append a loose key of s to out: every word (run of letters) replaced by
 * its form, everything else (spaces, digits, punctuation) case folded and
 * kept.  Two spellings of one name get equal or near keys (compare words
 * with translit_similarity when they are not equal).
 */
void translit_key(struct buf *out, const char *s, size_t n);

/*
 * Write the form of one word s[0..n) (valid UTF-8, NFC) into out and
 * return its length (at most TRANSLIT_FORM_MAX; longer forms are cut).
 * Cyrillic letters are read by the orthography lang (TL_AUTO: detected
 * from s itself; give the language of the whole name when the word alone
 * may not tell), Latin letters by the conventions the word's own letters
 * suggest.  Characters that are not letters are skipped.  The form uses
 * the lower-case letters a-z (not y) and 'C' (a Latin ch that may be read
 * as х, ч or ш).
 */
size_t translit_form(char out[TRANSLIT_FORM_MAX + 1], const char *s, size_t n,
                     enum translit_lang lang);

/*
 * translit_form for a Latin word read as English, the way Cyrillic
 * transcribes English names (j and soft g as дж, soft c as s, w as у, ee
 * as i, a silent final e): Jake, Джейк; George, Джордж.  Use it as a
 * second reading beside translit_form.
 */
size_t translit_form_english(char out[TRANSLIT_FORM_MAX + 1], const char *s,
                             size_t n);

/*
 * Write the consonant skeleton of a form into out and return its length:
 * vowels, й, v and f (also ў, w, the u of ou) and an h after a consonant
 * dropped, consonants reduced to classes that spelling conventions do not
 * cross (b/p; g/h/k/х; d/t/ц; s/z/ш/ж/ч), repeats collapsed.  Equal
 * skeletons are candidates, not proof.
 */
size_t translit_skeleton(char out[TRANSLIT_FORM_MAX + 1], const char *form,
                         size_t n);

/*
 * Similarity of two forms in [0, 1]: 1 - weighted edit distance / the
 * weight of the heavier form.  Vowels weigh half a consonant; differences
 * that spelling conventions and the regular Belarusian, Russian and
 * Ukrainian correspondences make cost a fraction of a substitution.
 */
double translit_similarity(const char *a, size_t an, const char *b, size_t bn);

/*
 * translit_similarity when only similarities of at least min matter:
 * below min it may stop early and return any value below min.
 */
double translit_similarity_min(const char *a, size_t an, const char *b,
                               size_t bn, double min);

#endif
