/*
 * tok: a sentence cut into the tokens the matcher compares.
 *
 * Tokens are words, numbers, symbols and punctuation, each with its byte
 * span in the original text (so that diffs and substitutions are shown on
 * the text as written) and a comparison key: words NFC and case folded,
 * with typographic apostrophes and hyphens unified; numbers replaced by a
 * placeholder that keeps only their shape, so that "1,300" and "1,400"
 * compare equal and the matcher can treat them as placeables.  Whitespace
 * separates tokens and is never a token.  tok knows nothing of names
 * (the matcher rewrites the keys of name tokens) and does not segment
 * sentences.
 *
 * Word rules: a word is a run of letters, marks and digits that starts
 * with a letter or mark; an apostrophe (norm_is_apostrophe: ' ’ ʼ ‘ ` ´)
 * or hyphen between two letters joins
 * ("Thursday's", "government-funded"), and so do the full stops of an
 * initialism ("U.S.", "e.g."; a single initial "A." is a word and a full
 * stop).  A
 * number (num.h) followed directly by letters is one token whose key keeps
 * the letters ("1990s", "33rd").  Each symbol is a token, and so are
 * the punctuation marks that carry meaning (% # & @ * § ¶ † ‡ ‰ ′ ″); a
 * run of one other punctuation character is one token ("...", "“").
 */
#ifndef NEWSTM_TOK_H
#define NEWSTM_TOK_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "num.h"

enum tok_kind {
	TOK_WORD = 1, /* letters (and digits after a letter) */
	TOK_NUM,      /* a number, with or without letters after it */
	TOK_SYM,      /* a symbol: % $ € + ° ... */
	TOK_PUNCT,    /* punctuation */
};

/* The first byte of every number key; never part of a word key. */
#define TOK_NUM_MARK '\x01'
/* The first byte of every name key the matcher writes. */
#define TOK_NAME_MARK '\x02'

struct tok {
	uint32_t start, end;   /* bytes of the token in the text */
	uint32_t key, key_len; /* the key: bytes in the list's keys buffer */
	uint8_t kind;          /* enum tok_kind */
	uint8_t cap;           /* first letter is upper case */
	uint8_t name;          /* key rewritten to a name key by the caller */
	uint32_t num;          /* numbers: index into the list's nums */
};

struct tok_list {
	struct tok *v;
	size_t n, cap;
	struct num *nums;
	size_t nnums, nums_cap;
	struct buf keys; /* the keys, back to back */
};

void tok_list_init(struct tok_list *l);
void tok_list_release(struct tok_list *l);
/* Empty the list, keeping its memory. */
void tok_list_reset(struct tok_list *l);

/*
 * Append the tokens of s[0..n) (valid UTF-8, NFC) to l; lang (a language
 * tag, may be NULL) decides how numbers are read.  Spans are relative to
 * s.  Never fails; any byte sequence gives some tokens.
 */
void tok_split(struct tok_list *l, const char *s, size_t n, const char *lang);

/* The key of token t of l (not NUL-terminated; length t->key_len). */
static inline const char *tok_key(const struct tok_list *l, const struct tok *t)
{
	return l->keys.data + t->key;
}

/*
 * Nonzero if the token counts in the score (a word, number or symbol);
 * punctuation does not.
 */
static inline int tok_scored(const struct tok *t)
{
	return t->kind != TOK_PUNCT;
}

#endif
