/*
 * norm: Unicode for the rest of newstm, on top of utf8proc.
 *
 * NFC normalisation, case folding, character categories and the
 * character-level clean-up of input text (newlines, odd spaces, invisible
 * characters).  Every function here takes valid UTF-8 (text.c guarantees
 * it); none of them reads files or knows about paragraphs or sentences.
 */
#ifndef NEWSTM_NORM_H
#define NEWSTM_NORM_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/*
 * Decode the code point at s[*i] (s valid UTF-8, *i < n) and advance *i
 * past it.  Never reads beyond n; a malformed byte decodes as itself.
 */
int32_t norm_next(const char *s, size_t n, size_t *i);
/* Decode the code point that ends at s[*i] (*i > 0) and move *i to its start.
 */
int32_t norm_prev(const char *s, size_t *i);
/* Encode cp as UTF-8 into out; returns the byte count (1-4). */
size_t norm_encode(char out[4], int32_t cp);
/* Append cp to b as UTF-8. */
void norm_add(struct buf *b, int32_t cp);
/*
 * Length of the run of printable ASCII (U+0020 to U+007E) that s[0..n)
 * starts with; reads eight bytes at a time, for the readers' fast paths.
 */
size_t norm_ascii_run(const char *s, size_t n);
/* Number of code points in s[0..n). */
size_t norm_count(const char *s, size_t n);

/* Append the NFC form of s[0..n) to out. */
void norm_nfc(struct buf *out, const char *s, size_t n);
/*
 * Append a comparison key of s: NFC, case folded (Unicode full case
 * folding, so "Straße" and "STRASSE" fold alike).
 */
void norm_fold(struct buf *out, const char *s, size_t n);
/*
 * Append s case folded and with diacritics removed (é -> e, ł -> l,
 * й -> и): a loose key for names and cognates.  Letters that are not
 * decomposable (ø, ß, ł) are mapped to their base letters by a small table.
 */
void norm_fold_strip(struct buf *out, const char *s, size_t n);

/*
 * Append the cleaned form of raw UTF-8 text: CRLF and CR become LF, U+2028
 * LF, U+2029 two LFs; tab, no-break, thin and every other space separator
 * become U+0020; soft hyphens, zero-width characters, bidi controls and
 * other control characters are removed; the result is in NFC.  Line
 * structure is otherwise kept, byte for byte where nothing changes.
 */
void norm_clean(struct buf *out, const char *s, size_t n);

/* Character classes (Unicode general categories). */
int norm_is_letter(int32_t cp);
int norm_is_upper(int32_t cp);  /* Lu or Lt */
int norm_is_lower(int32_t cp);  /* Ll */
int norm_is_digit(int32_t cp);  /* Nd */
int norm_is_mark(int32_t cp);   /* Mn, Mc, Me */
int norm_is_punct(int32_t cp);  /* P* */
int norm_is_symbol(int32_t cp); /* S* */
int norm_is_space(int32_t cp);  /* Zs, tab, LF, CR */
/*
 * An apostrophe as people type one inside a word (O'Brien, Tikhanovskaya’s):
 * U+0027, U+2019, U+02BC, and the look-alikes U+2018, U+0060 and U+00B4.
 * The one set the tokeniser and the name modules use.
 */
int norm_is_apostrophe(int32_t cp);
/* Are a[0..an) and b[0..bn) the same code points but for which apostrophe
 * (norm_is_apostrophe) each uses? */
int norm_same_but_apostrophes(const char *a, size_t an, const char *b,
                              size_t bn);
int32_t norm_lower(int32_t cp);
/* The first code point of cp's canonical decomposition: ą -> a, й -> и;
 * cp itself when it has none (ł, ø). */
int32_t norm_base(int32_t cp);
/* Is s[0..n) empty or only ASCII white space (space, \t \n \v \f \r)? */
int norm_blank(const char *s, size_t n);

enum norm_script {
	SCRIPT_OTHER = 0,
	SCRIPT_LATIN,
	SCRIPT_CYRILLIC,
	SCRIPT_GREEK,
};
/* The script of a letter (SCRIPT_OTHER for non-letters and other scripts). */
enum norm_script norm_script(int32_t cp);

#endif
