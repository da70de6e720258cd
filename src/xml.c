#include "xml.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <expat.h>

#include "buf.h"
#include "norm.h"
#include "text.h"
#include "xalloc.h"
#include "banned.h"

/* Bytes read and handed to expat at a time. */
#define XML_CHUNK 65536

struct open_element {
	char *name;
	unsigned long line;
};

struct xml_reader {
	XML_Parser p;
	const char *name;
	const struct xml_handler *h;
	void *ctx;
	struct err *e;
	int rc; /* set when a callback or a rule stopped the parser */
	struct open_element stack[XML_MAX_DEPTH];
	size_t depth;
	char declared[64]; /* the encoding the XML declaration names */
	int not_utf8;      /* a UTF-16 byte order mark or another encoding */
	const char *chunk; /* the bytes expat is parsing, for messages */
	size_t chunk_len;
	XML_Index chunk_off;
};

unsigned long xml_line(const struct xml_reader *r)
{
	return (unsigned long)XML_GetCurrentLineNumber(r->p);
}

unsigned long xml_column(const struct xml_reader *r)
{
	return (unsigned long)XML_GetCurrentColumnNumber(r->p) + 1;
}

int xml_error(const struct xml_reader *r, struct err *e, int code,
              const char *fmt, ...)
{
	char what[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	return err_set(e, code, "%s:%lu:%lu: %s", r->name, xml_line(r),
	               xml_column(r), what);
}

/* Stop the parser with an error already in r->e. */
static void stop(struct xml_reader *r, int rc)
{
	r->rc = rc;
	XML_StopParser(r->p, XML_FALSE);
}

static void XMLCALL on_start(void *data, const XML_Char *name,
                             const XML_Char **attrs)
{
	struct xml_reader *r = data;
	int rc;

	if (r->rc)
		return;
	if (r->depth >= XML_MAX_DEPTH) {
		stop(r, xml_error(r, r->e, ERR_LIMIT,
		                  "elements nested deeper than %d",
		                  XML_MAX_DEPTH));
		return;
	}
	r->stack[r->depth].name = xstrdup(name);
	r->stack[r->depth].line = xml_line(r);
	r->depth++;
	if (r->h->start && (rc = r->h->start(r->ctx, r, name, attrs, r->e)) < 0)
		stop(r, rc);
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
	struct xml_reader *r = data;
	int rc;

	if (r->rc)
		return;
	if (r->depth) {
		r->depth--;
		free(r->stack[r->depth].name);
		r->stack[r->depth].name = NULL;
	}
	if (r->h->end && (rc = r->h->end(r->ctx, r, name, r->e)) < 0)
		stop(r, rc);
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len)
{
	struct xml_reader *r = data;
	int rc;

	if (r->rc || len <= 0)
		return;
	if (r->h->text &&
	    (rc = r->h->text(r->ctx, r, s, (size_t)len, r->e)) < 0)
		stop(r, rc);
}

static void XMLCALL on_xml_decl(void *data, const XML_Char *version,
                                const XML_Char *encoding, int standalone)
{
	struct xml_reader *r = data;

	(void)version;
	(void)standalone;
	if (encoding) {
		snprintf(r->declared, sizeof(r->declared), "%s", encoding);
		if (strcasecmp(encoding, "UTF-8") != 0 &&
		    strcasecmp(encoding, "UTF8") != 0)
			r->not_utf8 = 1;
	}
}

/*
 * Entity declarations are refused whatever they are: internal ones are
 * how "billion laughs" bombs are built, external ones would make us fetch
 * files or URLs, and no translation memory needs either.
 */
static void XMLCALL on_entity_decl(void *data, const XML_Char *name,
                                   int is_parameter, const XML_Char *value,
                                   int value_length, const XML_Char *base,
                                   const XML_Char *system_id,
                                   const XML_Char *public_id,
                                   const XML_Char *notation)
{
	struct xml_reader *r = data;

	(void)value;
	(void)value_length;
	(void)base;
	(void)public_id;
	(void)notation;
	if (r->rc)
		return;
	stop(r, xml_error(r, r->e, ERR_FORMAT,
	                  "%sentity declaration '%s%s' refused: a DOCTYPE "
	                  "may not define entities%s",
	                  system_id ? "external " : "", is_parameter ? "%" : "",
	                  name, system_id ? " (nothing is fetched)" : ""));
}

static void XMLCALL on_skipped_entity(void *data, const XML_Char *name,
                                      int is_parameter)
{
	struct xml_reader *r = data;

	if (r->rc)
		return;
	stop(r, xml_error(r, r->e, ERR_FORMAT,
	                  "reference to undeclared entity '%s%s;'",
	                  is_parameter ? "%" : "&", name));
}

static int XMLCALL on_external_entity(XML_Parser p, const XML_Char *context,
                                      const XML_Char *base,
                                      const XML_Char *system_id,
                                      const XML_Char *public_id)
{
	struct xml_reader *r = XML_GetUserData(p);

	(void)context;
	(void)base;
	(void)public_id;
	if (!r->rc)
		stop(r, xml_error(r, r->e, ERR_FORMAT,
		                  "external entity '%s' refused (nothing is "
		                  "fetched)",
		                  system_id ? system_id : "?"));
	return XML_STATUS_ERROR;
}

/* Names of multi-byte encodings a one-byte table cannot describe. */
static int multibyte_name(const char *name)
{
	static const char *const families[] = {
	    "utf",  "ucs",        "jis",        "euc",        "gb",
	    "big5", "2022",       "hz",         "uhc",        "johab",
	    "cp93", "cp94",       "cp95",       "ms93",       "ms94",
	    "ms95", "windows-93", "windows-94", "windows-95",
	};
	char low[64];
	size_t i;

	for (i = 0; name[i] && i + 1 < sizeof(low); i++)
		low[i] =
		    (char)((name[i] >= 'A' && name[i] <= 'Z') ? name[i] + 32
		                                              : name[i]);
	low[i] = '\0';
	for (i = 0; i < sizeof(families) / sizeof(families[0]); i++)
		if (strstr(low, families[i]))
			return 1;
	return 0;
}

/*
 * An encoding expat does not know: if it is a single-byte encoding that
 * iconv knows and that agrees with ASCII, give expat its table.
 */
static int XMLCALL on_unknown_encoding(void *data, const XML_Char *name,
                                       XML_Encoding *info)
{
	static const char ascii[] = "<?xml version=\"1.0\"?>AZaz09&;#'";
	struct text_opts o = {name, 0};
	struct buf out;
	struct err ignored;
	int i, high = 0;

	(void)data;
	err_clear(&ignored);
	if (multibyte_name(name))
		return XML_STATUS_ERROR;
	buf_init(&out);
	if (text_decode(&out, NULL, ascii, sizeof(ascii) - 1, "xml", &o,
	                &ignored) < 0 ||
	    out.len != sizeof(ascii) - 1 ||
	    memcmp(out.data, ascii, out.len) != 0) {
		buf_release(&out);
		return XML_STATUS_ERROR;
	}
	for (i = 0; i < 128; i++)
		info->map[i] = i;
	for (i = 128; i < 256; i++) {
		char byte = (char)i;
		size_t k = 0;

		buf_reset(&out);
		info->map[i] = -1;
		if (text_decode(&out, NULL, &byte, 1, "xml", &o, &ignored) <
		        0 ||
		    !out.len)
			continue;
		{
			int32_t cp = norm_next(out.data, out.len, &k);

			if (k == out.len && cp > 0) {
				info->map[i] = cp;
				high++;
			}
		}
	}
	buf_release(&out);
	info->data = NULL;
	info->convert = NULL;
	info->release = NULL;
	return high ? XML_STATUS_OK : XML_STATUS_ERROR;
}

/* Say what went wrong when expat gave up on its own. */
static int expat_error(struct xml_reader *r, struct err *e)
{
	enum XML_Error code = XML_GetErrorCode(r->p);
	XML_Index at = XML_GetCurrentByteIndex(r->p);

	switch (code) {
	case XML_ERROR_NO_ELEMENTS:
		if (r->depth)
			return xml_error(r, e, ERR_FORMAT,
			                 "the file ends inside <%s> (opened "
			                 "at line %lu): unclosed tag",
			                 r->stack[r->depth - 1].name,
			                 r->stack[r->depth - 1].line);
		return xml_error(r, e, ERR_FORMAT,
		                 "no XML element found (an empty or "
		                 "truncated file?)");
	case XML_ERROR_TAG_MISMATCH:
		if (r->depth)
			return xml_error(r, e, ERR_FORMAT,
			                 "closing tag does not match <%s> "
			                 "(opened at line %lu)",
			                 r->stack[r->depth - 1].name,
			                 r->stack[r->depth - 1].line);
		break;
	case XML_ERROR_INCORRECT_ENCODING:
		return xml_error(r, e, ERR_FORMAT,
		                 "the encoding declaration (\"%s\") does not "
		                 "match the bytes of the file",
		                 r->declared[0] ? r->declared : "?");
	case XML_ERROR_UNKNOWN_ENCODING:
		return xml_error(r, e, ERR_FORMAT,
		                 "unsupported encoding \"%s\" (newstm reads "
		                 "XML in UTF-8, UTF-16 and single-byte "
		                 "encodings)",
		                 r->declared[0] ? r->declared : "?");
	case XML_ERROR_INVALID_TOKEN:
	case XML_ERROR_PARTIAL_CHAR:
		if (!r->not_utf8 && at >= r->chunk_off &&
		    at < r->chunk_off + (XML_Index)r->chunk_len) {
			size_t off = (size_t)(at - r->chunk_off);
			size_t n =
			    r->chunk_len - off < 4 ? r->chunk_len - off : 4;
			const unsigned char *b =
			    (const unsigned char *)r->chunk + off;
			size_t bad = 0;

			if (b[0] >= 0x80 &&
			    !text_utf8_valid((const char *)b, n, &bad) &&
			    bad == 0)
				return xml_error(
				    r, e, ERR_ENCODING,
				    "invalid UTF-8 (byte 0x%02X at "
				    "byte %lld of the file)",
				    b[0], (long long)at);
		}
		if (code == XML_ERROR_PARTIAL_CHAR)
			return xml_error(r, e, ERR_ENCODING,
			                 "the file ends inside a character");
		return xml_error(r, e, ERR_FORMAT,
		                 "not well-formed (invalid token)");
	case XML_ERROR_UNDEFINED_ENTITY:
		return xml_error(r, e, ERR_FORMAT,
		                 "reference to an undefined entity");
	default:
		break;
	}
	return xml_error(r, e, ERR_FORMAT, "%s", XML_ErrorString(code));
}

int xml_read(FILE *f, const char *head, size_t head_len, const char *name,
             const struct xml_handler *h, void *ctx, struct err *e)
{
	struct xml_reader *r = xcalloc(1, sizeof(*r));
	char *chunk = xmalloc(XML_CHUNK);
	XML_Index off = 0;
	int rc = 0, first = 1;

	r->name = name;
	r->h = h;
	r->ctx = ctx;
	r->e = e;
	r->p = XML_ParserCreate(NULL);
	if (!r->p) {
		free(chunk);
		free(r);
		return err_set(e, ERR_LIMIT, "%s: out of memory for XML", name);
	}
	XML_SetUserData(r->p, r);
	XML_SetElementHandler(r->p, on_start, on_end);
	XML_SetCharacterDataHandler(r->p, on_text);
	XML_SetXmlDeclHandler(r->p, on_xml_decl);
	XML_SetEntityDeclHandler(r->p, on_entity_decl);
	XML_SetSkippedEntityHandler(r->p, on_skipped_entity);
	XML_SetExternalEntityRefHandler(r->p, on_external_entity);
	XML_SetUnknownEncodingHandler(r->p, on_unknown_encoding, r);
	XML_SetParamEntityParsing(r->p, XML_PARAM_ENTITY_PARSING_NEVER);

	for (;;) {
		size_t n = 0;
		int eof;

		if (head_len) { /* what the caller read first */
			n = head_len < XML_CHUNK ? head_len : XML_CHUNK;
			memcpy(chunk, head, n);
			head += n;
			head_len -= n;
		}
		if (!head_len && n < XML_CHUNK)
			n += fread(chunk + n, 1, XML_CHUNK - n, f);
		eof = n < XML_CHUNK && !head_len;
		if (ferror(f)) {
			rc = err_set(e, ERR_IO, "%s: read error: %s", name,
			             strerror(errno ? errno : EIO));
			break;
		}
		if (first && n >= 2 &&
		    (((unsigned char)chunk[0] == 0xFF &&
		      (unsigned char)chunk[1] == 0xFE) ||
		     ((unsigned char)chunk[0] == 0xFE &&
		      (unsigned char)chunk[1] == 0xFF)))
			r->not_utf8 = 1;
		first = 0;
		r->chunk = chunk;
		r->chunk_len = n;
		r->chunk_off = off;
		if (XML_Parse(r->p, chunk, (int)n, eof) == XML_STATUS_ERROR) {
			rc = r->rc ? r->rc : expat_error(r, e);
			break;
		}
		if (r->rc) {
			rc = r->rc;
			break;
		}
		off += (XML_Index)n;
		if (eof)
			break;
	}
	while (r->depth)
		free(r->stack[--r->depth].name);
	XML_ParserFree(r->p);
	free(chunk);
	free(r);
	return rc;
}
