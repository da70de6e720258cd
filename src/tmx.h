/*
 * tmx: translation memory exchange files.
 *
 * Reading: TMX 1.1, 1.2 and 1.4b, and the bilingual XLIFF 1.2 and 2.x that
 * CAT tools hand back, as a stream of units (one <tu>, or one XLIFF
 * segment, at a time), on top of xml.c.  Each unit keeps everything a
 * round trip needs: the language of each variant as written (TMX 1.1
 * lang= or xml:lang=), the text with its inline codes (bpt, ept, it, ph,
 * hi, sub, ut) as TMX markup, the same text flattened for matching (code
 * content left out, hi and plain text kept), and the props, notes and
 * attributes of the unit and of each variant.  XLIFF inline codes become
 * TMX ones (<g> a bpt/ept pair, <x/> a ph ...) with the XLIFF element as
 * their native code.  Texts are NFC.
 *
 * Writing: TMX 1.4b that validates against the TMX 1.4 DTD, into a struct
 * buf: only the attributes the DTD allows, required ones always present,
 * text escaped by out.c (characters XML 1.0 forbids become U+FFFD).
 *
 * It does not decide which variant is the source or which units to keep
 * (import.c), and does not touch the memory.
 */
#ifndef NEWSTM_TMX_H
#define NEWSTM_TMX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "err.h"

enum tmx_kind { TMX_PROP, TMX_NOTE, TMX_ATTR };

/* A <prop> (type, lang, value), <note> (lang, value) or attribute. */
struct tmx_prop {
	enum tmx_kind kind;
	char *type; /* prop type or attribute name; NULL for a note */
	char *lang; /* xml:lang as written, or NULL */
	char *value;
};

struct tmx_props {
	struct tmx_prop *v;
	size_t n, cap;
};

/* One language variant: a TMX <tuv>, an XLIFF source or target. */
struct tmx_tuv {
	char *lang;             /* as written; NULL when missing */
	struct buf text;        /* plain text, inline codes flattened, NFC */
	struct buf markup;      /* the content with inline codes, TMX XML */
	int codes;              /* markup holds inline codes */
	struct tmx_props props; /* its notes, props and attributes other
	                           than the language */
	unsigned long line, column;
};

/* One unit as read; everything is borrowed for the callback. */
struct tmx_unit {
	const char *srclang; /* the unit's srclang, else the file's; NULL */
	struct tmx_tuv *tuv; /* in document order */
	size_t ntuv;
	struct tmx_props props; /* of the <tu>: notes, props, attributes */
	long long index;        /* 0-based number of the unit in the file */
	unsigned long line, column;
	const char *document; /* XLIFF <file original="...">, else NULL */
	int confirmed;        /* XLIFF: approved, final, signed-off */
	const char *skip;     /* XLIFF: why this is not a translation */
};

/* What a file says about itself, before its units. */
struct tmx_header {
	int xliff;              /* 0 TMX; 1 or 2: the XLIFF major version */
	const char *version;    /* of TMX or XLIFF, as written */
	const char *srclang;    /* TMX header srclang, XLIFF source language */
	const char *tgtlang;    /* XLIFF target language; NULL for TMX */
	const char *tool;       /* TMX creationtool */
	struct tmx_props props; /* TMX <header> props and notes */
};

/* Which roots tmx_read accepts. */
enum { TMX_ACCEPT_TMX = 1, TMX_ACCEPT_XLIFF = 2 };

struct tmx_callbacks {
	/* once per TMX file (after <header>) or XLIFF <file> */
	int (*header)(void *ctx, const struct tmx_header *h, struct err *e);
	int (*unit)(void *ctx, const struct tmx_unit *u, struct err *e);
};

/*
 * Read the TMX or XLIFF document in head[0..head_len) and the rest of f
 * (as xml_read takes it; name: for messages) and call cb for
 * its header(s) and units, in order.  accept says which roots are welcome
 * (TMX_ACCEPT_*).  Errors: those of xml_read, ERR_FORMAT for a root that
 * is not accepted, and what a callback returns.  Memory use is bounded by
 * the largest unit.  Each text is limited to TMX_MAX_TEXT bytes.
 */
#define TMX_MAX_TEXT ((size_t)16 << 20)
int tmx_read(FILE *f, const char *head, size_t head_len, const char *name,
             unsigned accept, const struct tmx_callbacks *cb, void *ctx,
             struct err *e);

/*
 * Parse a TMX date (YYYYMMDDThhmmssZ; also accepted: without Z, with
 * - and :, or a date alone) into Unix seconds.  Returns 0 or -1.
 */
int tmx_parse_date(const char *s, int64_t *out);

/* ---- writing TMX 1.4b ---- */

/* A prop, note or attribute to write; strings borrowed. */
struct tmx_item {
	enum tmx_kind kind;
	const char *type;
	const char *lang;
	const char *value;
};

/*
 * Append the XML declaration, <tmx version="1.4"> and the <header> with
 * the required attributes (srclang: a language or "*all*"; tool and
 * version: creationtool, creationtoolversion) and its props and notes,
 * then <body>.  Returns the number of characters replaced as not allowed
 * in XML 1.0.
 */
size_t tmx_write_header(struct buf *b, const char *srclang, const char *tool,
                        const char *version, const struct tmx_item *items,
                        size_t n);
/*
 * Open a <tu>: attributes from the TMX_ATTR items the DTD allows on <tu>
 * (others are left out), then its props and notes.
 */
size_t tmx_write_tu_open(struct buf *b, const struct tmx_item *items, size_t n);
/*
 * Write a <tuv xml:lang="lang"> with the attributes, props and notes of
 * items and a <seg>: markup when not NULL (TMX inline XML as tmx_read
 * gives it, written as it is), else text escaped.
 */
size_t tmx_write_tuv(struct buf *b, const char *lang,
                     const struct tmx_item *items, size_t n, const char *text,
                     const char *markup);
void tmx_write_tu_close(struct buf *b);
/* Close <body> and <tmx>. */
void tmx_write_end(struct buf *b);

#endif
