/* Unit tests of xml, tmx and json: reading, inline codes, safety, writing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "import.h"
#include "json.h"
#include "tmx.h"
#include "unit.h"

/* What the callbacks saw: one line per variant, "lang|text|markup". */
struct seen {
	struct buf out;
	struct buf props;
	int units;
	char srclang[32];
};

static int seen_header(void *ctx, const struct tmx_header *h, struct err *e)
{
	struct seen *s = ctx;

	(void)e;
	snprintf(s->srclang, sizeof(s->srclang), "%s",
	         h->srclang ? h->srclang : "-");
	return 0;
}

static int seen_unit(void *ctx, const struct tmx_unit *u, struct err *e)
{
	struct seen *s = ctx;
	size_t i, j;

	(void)e;
	s->units++;
	if (u->skip)
		buf_addf(&s->out, "skip:%s\n", u->skip);
	for (i = 0; i < u->props.n; i++)
		buf_addf(&s->props, "tu:%d:%s=%s;", (int)u->props.v[i].kind,
		         u->props.v[i].type ? u->props.v[i].type : "-",
		         u->props.v[i].value);
	for (i = 0; i < u->ntuv; i++) {
		const struct tmx_tuv *t = &u->tuv[i];

		buf_addf(&s->out, "%s|%s|%s\n", t->lang ? t->lang : "-",
		         t->text.data, t->codes ? t->markup.data : "-");
		for (j = 0; j < t->props.n; j++)
			buf_addf(&s->props, "tuv:%d:%s=%s;",
			         (int)t->props.v[j].kind,
			         t->props.v[j].type ? t->props.v[j].type : "-",
			         t->props.v[j].value);
	}
	return 0;
}

static int read_str(struct seen *s, const char *xml, unsigned accept,
                    struct err *e)
{
	static const struct tmx_callbacks cb = {seen_header, seen_unit};
	FILE *f = fmemopen((void *)(uintptr_t)xml, strlen(xml), "r");
	int rc;

	memset(s, 0, sizeof(*s));
	buf_init(&s->out);
	buf_init(&s->props);
	err_clear(e);
	if (!f)
		return -100;
	rc = tmx_read(f, NULL, 0, "t.tmx", accept, &cb, s, e);
	fclose(f);
	return rc;
}

static void seen_release(struct seen *s)
{
	buf_release(&s->out);
	buf_release(&s->props);
}

#define HEAD                                                                   \
	"<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header "               \
	"creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" "   \
	"o-tmf=\"t\" adminlang=\"en\" srclang=\"en\" "                         \
	"datatype=\"plaintext\"/><body>\n"

TEST(tmx_inline_codes_kept_and_flattened)
{
	struct seen s;
	struct err e;

	CHECK_INT(read_str(&s,
	                   HEAD "<tu><tuv xml:lang=\"en\"><seg>A <bpt i=\"1\" "
	                        "foo=\"x\">&lt;b></bpt>bold<ept i=\"1\">&lt;/b>"
	                        "</ept> <ph x=\"2\">&lt;img alt=\"<sub>a "
	                        "map</sub>\"/></ph><hi type=\"x\">hi</hi><it>"
	                        "&lt;u></it>.</seg></tuv></tu>"
	                        "<tu><tuv xml:lang=\"en\"><seg>x<bpt>{</bpt>y"
	                        "<ept>}</ept><unknown>z</unknown> &amp; "
	                        "plain</seg></tuv></tu></body></tmx>",
	                   TMX_ACCEPT_TMX, &e),
	          0);
	CHECK_STR(s.srclang, "en");
	CHECK_INT(s.units, 2);
	/* code content out of the text, <hi> and plain text in; unknown
	   attributes dropped, required ones made up */
	CHECK_STR(s.out.data,
	          "en|A bold hi.|A <bpt i=\"1\">&lt;b&gt;</bpt>bold<ept "
	          "i=\"1\">&lt;/b&gt;</ept> <ph x=\"2\">&lt;img alt=\"<sub>a "
	          "map</sub>\"/&gt;</ph><hi type=\"x\">hi</hi><it "
	          "pos=\"begin\">&lt;u&gt;</it>.\n"
	          "en|xyz & plain|x<bpt i=\"1\">{</bpt>y<ept "
	          "i=\"1\">}</ept>z &amp; plain\n");
	seen_release(&s);
}

TEST(tmx_props_notes_attributes_languages)
{
	struct seen s;
	struct err e;

	CHECK_INT(read_str(&s,
	                   HEAD "<tu tuid=\"7\" srclang=\"en\"><prop "
	                        "type=\"x-A\">1</prop><note>n</note><tuv "
	                        "lang=\"EN-us\" creationid=\"me\"><prop "
	                        "type=\"p\">v</prop><seg>Hi</seg></tuv><tuv "
	                        "xml:lang=\"de\"><seg>Hallo</seg></tuv></tu>"
	                        "</body></tmx>",
	                   TMX_ACCEPT_TMX, &e),
	          0);
	CHECK_STR(s.out.data, "EN-us|Hi|-\nde|Hallo|-\n");
	CHECK_STR(s.props.data, "tu:2:tuid=7;tu:0:x-A=1;tu:1:-=n;"
	                        "tuv:2:creationid=me;tuv:0:p=v;");
	seen_release(&s);
}

TEST(tmx_xliff_codes_become_tmx)
{
	struct seen s;
	struct err e;

	CHECK_INT(
	    read_str(&s,
	             "<xliff version=\"1.2\"><file source-language=\"en\" "
	             "target-language=\"de\" original=\"a.html\"><body>"
	             "<trans-unit id=\"1\"><source>A <g id=\"1\">b</g>"
	             "<x id=\"2\"/><bx id=\"3\"/><ex id=\"3\"/></source>"
	             "<target>B <g id=\"1\">c</g><x id=\"2\"/><bx "
	             "id=\"3\"/><ex id=\"3\"/></target></trans-unit>"
	             "<trans-unit id=\"2\"><source>Only</source>"
	             "</trans-unit></body></file></xliff>",
	             TMX_ACCEPT_XLIFF, &e),
	    0);
	CHECK_STR(s.out.data,
	          "en|A b|A <bpt i=\"1\">&lt;g id=\"1\"&gt;</bpt>b<ept "
	          "i=\"1\">&lt;/g&gt;</ept><ph>&lt;x id=\"2\"/&gt;</ph><it "
	          "pos=\"begin\">&lt;bx id=\"3\"/&gt;</it><it "
	          "pos=\"end\">&lt;ex id=\"3\"/&gt;</it>\n"
	          "de|B c|B <bpt i=\"1\">&lt;g id=\"1\"&gt;</bpt>c<ept "
	          "i=\"1\">&lt;/g&gt;</ept><ph>&lt;x id=\"2\"/&gt;</ph><it "
	          "pos=\"begin\">&lt;bx id=\"3\"/&gt;</it><it "
	          "pos=\"end\">&lt;ex id=\"3\"/&gt;</it>\n"
	          "skip:no <target>\nen|Only|-\n");
	seen_release(&s);
	/* an XLIFF file where a TMX is expected */
	CHECK_INT(read_str(&s, "<xliff version=\"2.0\"/>", TMX_ACCEPT_TMX, &e),
	          ERR_FORMAT);
	CHECK_STR(e.msg, "t.tmx:1:1: <xliff> is not a TMX file (<tmx>)");
	seen_release(&s);
}

TEST(tmx_refuses_entities)
{
	struct seen s;
	struct err e;

	CHECK_INT(
	    read_str(&s,
	             "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<!ENTITY a "
	             "\"b\">\n]>\n<tmx version=\"1.4\"/>",
	             TMX_ACCEPT_TMX, &e),
	    ERR_FORMAT);
	CHECK_STR(e.msg, "t.tmx:3:12: entity declaration 'a' refused: a "
	                 "DOCTYPE may not define entities");
	seen_release(&s);
	CHECK_INT(read_str(&s,
	                   "<!DOCTYPE tmx [<!ENTITY % p SYSTEM "
	                   "\"http://x.invalid/p\"> %p;]><tmx/>",
	                   TMX_ACCEPT_TMX, &e),
	          ERR_FORMAT);
	CHECK(strstr(e.msg, "refused") != NULL);
	seen_release(&s);
	/* a DOCTYPE naming the DTD is fine, and nothing is fetched */
	CHECK_INT(read_str(&s,
	                   "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM "
	                   "\"http://x.invalid/tmx14.dtd\">\n<tmx "
	                   "version=\"1.4\"><body/></tmx>",
	                   TMX_ACCEPT_TMX, &e),
	          0);
	seen_release(&s);
	CHECK_INT(read_str(&s,
	                   HEAD "<tu><tuv xml:lang=\"en\"><seg>&nope;"
	                        "</seg></tuv></tu></body></tmx>",
	                   TMX_ACCEPT_TMX, &e),
	          ERR_FORMAT);
	CHECK(strstr(e.msg, "t.tmx:6:") == e.msg ||
	      strstr(e.msg, "undefined entity") != NULL);
	seen_release(&s);
}

TEST(tmx_errors_name_the_place)
{
	struct seen s;
	struct err e;

	CHECK_INT(read_str(&s, HEAD "<tu>\n<tuv xml:lang=\"en\"><seg>x</seg>",
	                   TMX_ACCEPT_TMX, &e),
	          ERR_FORMAT);
	CHECK_STR(e.msg, "t.tmx:4:32: the file ends inside <tuv> (opened at "
	                 "line 4): unclosed tag");
	seen_release(&s);
	CHECK_INT(read_str(&s,
	                   HEAD "<tu><tuv xml:lang=\"en\"><seg>caf\xe9"
	                        "</seg></tuv></tu></body></tmx>",
	                   TMX_ACCEPT_TMX, &e),
	          ERR_ENCODING);
	CHECK_STR(e.msg, "t.tmx:3:32: invalid UTF-8 (byte 0xE9 at byte 207 of "
	                 "the file)");
	seen_release(&s);
	CHECK_INT(read_str(&s, "", TMX_ACCEPT_TMX, &e), ERR_FORMAT);
	CHECK(strstr(e.msg, "no XML element") != NULL);
	seen_release(&s);
}

TEST(tmx_dates)
{
	int64_t t = 0;

	CHECK_INT(tmx_parse_date("20250911T000000Z", &t), 0);
	CHECK_INT(t, 1757548800);
	CHECK_INT(tmx_parse_date("2025-09-11T00:00:01Z", &t), 0);
	CHECK_INT(t, 1757548801);
	CHECK_INT(tmx_parse_date("20250911", &t), 0);
	CHECK_INT(t, 1757548800);
	CHECK_INT(tmx_parse_date("19700101T000000", &t), 0);
	CHECK_INT(t, 0);
	CHECK_INT(tmx_parse_date("2025091", &t), -1);
	CHECK_INT(tmx_parse_date("20251311T000000Z", &t), -1);
	CHECK_INT(tmx_parse_date("20250911T000000Zx", &t), -1);
	CHECK_INT(tmx_parse_date("yesterday", &t), -1);
}

TEST(tmx_writer_keeps_to_the_dtd)
{
	struct tmx_item tu[] = {
	    {TMX_ATTR, "tuid", NULL, "1"},
	    {TMX_ATTR, "bogus", NULL, "x"},         /* not in the DTD */
	    {TMX_ATTR, "segtype", NULL, "chapter"}, /* not an allowed value */
	    {TMX_ATTR, "tuid", NULL, "2"},          /* a second one */
	    {TMX_PROP, "x-A", NULL, "a<b"},
	    {TMX_NOTE, NULL, "en", "n\x01"},
	};
	struct tmx_item tuv[] = {
	    {TMX_ATTR, "tuid", NULL, "9"}, /* not on a <tuv> */
	    {TMX_ATTR, "creationid", NULL, "me"},
	};
	struct buf b;
	size_t replaced;

	buf_init(&b);
	tmx_write_header(&b, "en", "newstm", "1", NULL, 0);
	replaced = tmx_write_tu_open(&b, tu, 6);
	CHECK_INT(replaced, 1);
	tmx_write_tuv(&b, "en", tuv, 2, "a & b", NULL);
	tmx_write_tuv(&b, "de", NULL, 0, "x", "<ph x=\"1\"/>x");
	tmx_write_tu_close(&b);
	tmx_write_end(&b);
	CHECK_STR(b.data,
	          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	          "<tmx version=\"1.4\">\n<header creationtool=\"newstm\" "
	          "creationtoolversion=\"1\" segtype=\"sentence\" "
	          "o-tmf=\"newstm\" adminlang=\"en\" srclang=\"en\" "
	          "datatype=\"plaintext\"/>\n<body>\n"
	          "<tu tuid=\"1\">\n"
	          "  <prop type=\"x-A\">a&lt;b</prop>\n"
	          "  <note xml:lang=\"en\">n\xEF\xBF\xBD</note>\n"
	          "  <tuv xml:lang=\"en\" creationid=\"me\">\n"
	          "    <seg>a &amp; b</seg>\n  </tuv>\n"
	          "  <tuv xml:lang=\"de\">\n    <seg><ph x=\"1\"/>x</seg>\n"
	          "  </tuv>\n</tu>\n</body>\n</tmx>\n");
	buf_release(&b);
}

struct jseen {
	struct buf b;
};

static int jfield(void *ctx, const struct json_field *f)
{
	struct jseen *j = ctx;

	buf_addf(&j->b, "%s:%d", f->key, (int)f->type);
	if (f->type == JSON_STRING)
		buf_addf(&j->b, "=%.*s", (int)f->len, f->str);
	if (f->type == JSON_NUMBER || (f->type == JSON_ARRAY && f->count))
		buf_addf(&j->b, "=%g", f->num);
	if (f->type == JSON_ARRAY)
		buf_addf(&j->b, "/%zu%s", f->count, f->numbers ? "n" : "");
	buf_addch(&j->b, ';');
	return 0;
}

TEST(json_reads_align_lines)
{
	const char *line = "{\"src\": [2, 3], \"tgt\": [], \"confidence\": "
	                   "0.71, \"source\": \"a\\\"b\\\\c\\n\\u00e9\\ud83d"
	                   "\\ude00\", \"x\": {\"y\": [true, null]}, \"ok\": "
	                   "false}";
	struct jseen j;
	size_t where = 0;
	const char *what = NULL;

	buf_init(&j.b);
	CHECK_INT(
	    json_object_each(line, strlen(line), jfield, &j, &where, &what), 0);
	CHECK(what == NULL);
	CHECK_STR(j.b.data, "src:4=2/2n;tgt:4/0n;confidence:2=0.71;"
	                    "source:3=a\"b\\c\n\xC3\xA9\xF0\x9F\x98\x80;x:5;"
	                    "ok:1;");
	buf_release(&j.b);
}

TEST(json_errors)
{
	static const struct {
		const char *in;
		size_t where;
	} bad[] = {
	    {"[1]", 0},          {"{\"a\" 1}", 5},
	    {"{\"a\": tru}", 6}, {"{\"a\": \"\\ud800\"}", 13},
	    {"{\"a\": 01}", 7},  {"{\"a\": 1} x", 9},
	    {"{\"a\": \"x", 8},  {"{\"a\": \"\x01\"}", 7},
	};
	struct jseen j;
	size_t i, where;
	const char *what;

	buf_init(&j.b);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		what = NULL;
		where = 999;
		CHECK_INT(json_object_each(bad[i].in, strlen(bad[i].in), jfield,
		                           &j, &where, &what),
		          ERR_FORMAT);
		CHECK(what != NULL);
		if (where != bad[i].where)
			fprintf(stderr,
			        "  json case %zu: where %zu, want %zu\n", i,
			        where, bad[i].where);
		CHECK_INT(where, bad[i].where);
	}
	buf_release(&j.b);
}

TEST(import_language_filter)
{
	CHECK(import_lang_match("en", "en"));
	CHECK(import_lang_match("en", "en-US"));
	CHECK(!import_lang_match("en", "eng"));
	CHECK(!import_lang_match("en-US", "en"));
	CHECK(import_lang_match(NULL, "de"));
	CHECK(import_lang_match("sr-Latn", "sr-Latn-RS"));
}
