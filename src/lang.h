/*
 * lang: language codes and a guess at the language of a text.
 *
 * The guess looks at the script and at letters particular to one language
 * (ў is Belarusian, ї Ukrainian, ß German, ł Polish ...) and counts common
 * function words from a small table per language.  It only chooses among
 * the languages in its tables; anything else is "und".  Language tags are
 * checked for BCP 47 syntax and case-normalised, never looked up in a
 * registry.
 */
#ifndef NEWSTM_LANG_H
#define NEWSTM_LANG_H

#include <stddef.h>

/* Longest tag lang_normalize writes, with its NUL. */
#define LANG_TAG_MAX 64

/*
 * Guess the language of UTF-8 text: an ISO 639-1 code from the built-in
 * tables ("en", "ru", "be", ...), or "und" when the text has too few
 * letters or words to tell.  Returns a static string.
 */
const char *lang_guess(const char *s, size_t n);

/*
 * lang_guess, and whether the guess is sure: at least two pieces of
 * evidence, and twice the runner-up's in the same script.  A short or
 * mixed text may get a best guess that is not sure; callers that act on
 * the language (check, normalize) should then ask for it.  sure may be
 * NULL.
 */
const char *lang_guess_sure(const char *s, size_t n, int *sure);

/*
 * Normalise a language tag: '_' becomes '-', the language subtag is lower
 * case, a 4-letter script subtag title case, a 2-letter region upper case
 * ("EN_us" -> "en-US", "sr_latn_rs" -> "sr-Latn-RS").  "*all*" is kept.
 * Returns 0, or -1 if tag is not syntactically a language tag (subtags of
 * 1-8 letters or digits, the first 2-8 letters, or "x-"/"i-" forms).
 */
int lang_normalize(char out[LANG_TAG_MAX], const char *tag);

/* The primary language subtag of a normalised tag ("en" of "en-US"). */
void lang_primary(char out[LANG_TAG_MAX], const char *tag);

#endif
