/*
 * seg: sentence segmentation of news text.
 *
 * Splits the paragraphs of a document (doc.h) into sentences, with rules
 * for each language and abbreviation lists kept as data (seg_data.c): en,
 * ru, be, uk, de, fr, pl, es, it, nl, bg, cs, kk, and fallback rules for
 * any other language.  A sentence is a byte span of the text; the text is
 * never altered, so that joining the sentences of a paragraph with single
 * spaces gives back the paragraph (up to whitespace).  When a break is
 * uncertain, seg does not break.  Time is linear in the input and memory
 * is bounded by the paragraph; a sentence longer than SEG_MAX_CHARS is cut.
 *
 * seg is pure: no I/O, no globals.  It does not read files, guess encodings
 * or find paragraphs (doc.c), and it never joins paragraphs: a sentence
 * never crosses a paragraph.
 */
#ifndef NEWSTM_SEG_H
#define NEWSTM_SEG_H

#include <stddef.h>

#include "doc.h"

/*
 * The longest sentence, in code points.  A longer run of text without a
 * sentence end is cut: at its last space if that leaves a piece of at
 * least half the cap, else after exactly SEG_MAX_CHARS code points.
 */
#define SEG_MAX_CHARS 2000

/* One sentence: bytes [start, end) of the text, trimmed, never empty. */
struct seg_span {
	size_t start, end;
	size_t para; /* index of its paragraph (0-based) */
};

/*
 * A growable list of sentences, in text order.  cut counts the sentences
 * that were cut at SEG_MAX_CHARS (callers warn about them).
 */
struct seg_list {
	struct seg_span *items;
	size_t len, cap;
	size_t cut;
};

/* Initialise an empty list (allocates nothing). */
void seg_list_init(struct seg_list *l);
/* Free the items; l is left initialised and empty. */
void seg_list_release(struct seg_list *l);

/*
 * The rule table segmenting for lang uses: its code ("en", "ru", ...), or
 * "und" for the fallback rules.  lang is an ISO 639-1 code or a language
 * tag ("en-GB" uses "en"); NULL or "auto" guesses from text[0..n) with
 * lang_guess (the guess `newstm text --info` reports); codes without a
 * table of their own, and tags that are not language tags, get "und".
 * Returns a static string.
 */
const char *seg_lang(const char *lang, const char *text, size_t n);

/*
 * Split every paragraph of d into sentences and append them to out, with
 * offsets into d->text and paragraph indices into d->paras.  lang as for
 * seg_lang (for "auto" the guess is made once, on the whole text).  Adds
 * the sentences cut at SEG_MAX_CHARS to out->cut.  Cannot fail.
 */
void seg_split_doc(struct seg_list *out, const struct doc *d, const char *lang);

/*
 * Split one paragraph, s[0..n) (valid UTF-8; any whitespace, line breaks
 * included, counts as a space), and append its sentences to out with
 * offsets relative to s and paragraph index para.  lang as for seg_lang
 * ("auto" guesses from s alone, which is weak on short strings: pass the
 * code when the caller knows it).  Adds to out->cut like seg_split_doc.
 */
void seg_split_text(struct seg_list *out, const char *s, size_t n,
                    const char *lang, size_t para);

#endif
