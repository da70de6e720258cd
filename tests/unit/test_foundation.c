/* Unit tests of the foundation: buf, err, norm, text, doc, lang. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "err.h"
#include "lang.h"
#include "norm.h"
#include "text.h"
#include "unit.h"

TEST(buf_add_and_detach)
{
	struct buf b;
	char *p;
	size_t len;

	buf_init(&b);
	CHECK_INT(b.len, 0);
	CHECK_STR(b.data, "");
	buf_adds(&b, "abc");
	buf_addch(&b, 'd');
	buf_addf(&b, "-%d-", 42);
	buf_add(&b, "x\0y", 3);
	CHECK_INT(b.len, 11);
	CHECK(!memcmp(b.data, "abcd-42-x\0y", 12));
	buf_truncate(&b, 4);
	CHECK_STR(b.data, "abcd");
	p = buf_detach(&b, &len);
	CHECK_INT(len, 4);
	CHECK_STR(p, "abcd");
	CHECK_INT(b.len, 0);
	free(p);
	buf_release(&b);
}

TEST(buf_max_stops_growth)
{
	struct buf b;

	buf_init(&b);
	b.max = 8;
	buf_adds(&b, "12345678");
	CHECK(!b.overflow);
	buf_adds(&b, "9");
	CHECK(b.overflow);
	CHECK_INT(b.len, 8);
	buf_release(&b);
}

TEST(err_set_and_prefix)
{
	struct err e;

	err_clear(&e);
	CHECK_INT(err_set(&e, ERR_IO, "cannot open: %s", "x"), ERR_IO);
	err_prefix(&e, "a.txt");
	CHECK_STR(e.msg, "a.txt: cannot open: x");
	CHECK_INT(err_set(NULL, ERR_DB, "ignored"), ERR_DB);
}

TEST(norm_decode_encode)
{
	const char *s = "aé€𝄞";
	size_t i = 0, n = strlen(s);
	char out[4];

	CHECK_INT(norm_next(s, n, &i), 'a');
	CHECK_INT(norm_next(s, n, &i), 0xE9);
	CHECK_INT(norm_next(s, n, &i), 0x20AC);
	CHECK_INT(norm_next(s, n, &i), 0x1D11E);
	CHECK_INT(i, n);
	CHECK_INT(norm_prev(s, &i), 0x1D11E);
	CHECK_INT(norm_prev(s, &i), 0x20AC);
	CHECK_INT(norm_encode(out, 0x0439), 2);
	CHECK(!memcmp(out, "й", 2));
	CHECK_INT(norm_count(s, n), 4);
}

static void check_clean(const char *in, const char *want)
{
	struct buf b;

	buf_init(&b);
	norm_clean(&b, in, strlen(in));
	CHECK_STR(b.data, want);
	buf_release(&b);
}

TEST(norm_clean_spaces_newlines_invisibles)
{
	check_clean("a\r\nb\rc\n", "a\nb\nc\n");
	check_clean("1\xc2\xa0"
	            "300\xe2\x80\xaf"
	            "km\tx",
	            "1 300 km x");
	check_clean("Tsi\xc2\xadkhanouskaya", "Tsikhanouskaya");
	check_clean("a\xe2\x80\x8b"
	            "b\xef\xbb\xbf"
	            "c\xe2\x80\x8d"
	            "d",
	            "abcd");
	check_clean("a\xe2\x80\xa8"
	            "b\xe2\x80\xa9"
	            "c",
	            "a\nb\n\nc");
	check_clean("x\x01y\x7fz", "xyz");
	/* decomposed é and й become precomposed (NFC) */
	check_clean("Cafe\xcc\x81 \xd0\xb8\xcc\x86", "Caf\xc3\xa9 \xd0\xb9");
}

TEST(norm_fold_and_strip)
{
	struct buf b;

	buf_init(&b);
	norm_fold(&b, "Straße ÉTÉ Лукашенко", strlen("Straße ÉTÉ Лукашенко"));
	CHECK_STR(b.data, "strasse été лукашенко");
	buf_reset(&b);
	norm_fold_strip(&b, "Łukasz Tikhanovskaïa Ёж Øre",
	                strlen("Łukasz Tikhanovskaïa Ёж Øre"));
	CHECK_STR(b.data, "lukasz tikhanovskaia еж ore");
	buf_release(&b);
}

TEST(norm_classes)
{
	CHECK(norm_is_letter(0x0416));
	CHECK(norm_is_upper(0x0416));
	CHECK(norm_is_lower(0x0436));
	CHECK(!norm_is_letter('1'));
	CHECK(norm_is_digit('7'));
	CHECK(norm_is_punct(0x201D));
	CHECK(norm_is_space(0xA0));
	CHECK_INT(norm_lower(0x040E), 0x045E);
	CHECK_INT(norm_script('a'), SCRIPT_LATIN);
	CHECK_INT(norm_script(0x045E), SCRIPT_CYRILLIC);
	CHECK_INT(norm_script('.'), SCRIPT_OTHER);
}

/* Decode bytes with default options; returns the rc. */
static int decode(struct buf *out, struct text_info *info, const char *bytes,
                  size_t n, const char *enc, struct err *e)
{
	struct text_opts o = {enc, 0};

	buf_reset(out);
	err_clear(e);
	return text_decode(out, info, bytes, n, "t.txt", &o, e);
}

TEST(text_detects_encodings)
{
	/* "Лукашэнка сказаў: «Мір»." in several encodings */
	static const char utf8[] =
	    "\xd0\x9b\xd1\x83\xd0\xba\xd0\xb0\xd1\x88\xd1\x8d\xd0\xbd\xd0"
	    "\xba\xd0\xb0 \xd1\x81\xd0\xba\xd0\xb0\xd0\xb7\xd0\xb0\xd1\x9e";
	static const char cp1251[] = "\xcb\xf3\xea\xe0\xf8\xfd\xed\xea\xe0 "
	                             "\xf1\xea\xe0\xe7\xe0\xa2";
	static const char utf16le[] = "\xff\xfe\x1b\x04\x43\x04";
	struct buf b;
	struct text_info info;
	struct err e;

	buf_init(&b);
	CHECK_INT(decode(&b, &info, utf8, strlen(utf8), NULL, &e), 0);
	CHECK_STR(info.encoding, "UTF-8");
	CHECK_STR(b.data, utf8);
	CHECK_INT(decode(&b, &info, cp1251, strlen(cp1251), NULL, &e), 0);
	CHECK_STR(info.encoding, "WINDOWS-1251");
	CHECK_STR(b.data, utf8);
	CHECK_INT(decode(&b, &info, utf16le, 6, NULL, &e), 0);
	CHECK_STR(info.encoding, "UTF-16LE");
	CHECK(info.bom);
	CHECK_STR(b.data, "\xd0\x9b\xd1\x83");
	CHECK_INT(decode(&b, &info, "\xef\xbb\xbfok", 5, NULL, &e), 0);
	CHECK_STR(b.data, "ok");
	CHECK(info.bom);
	buf_release(&b);
}

TEST(text_rejects_bad_input)
{
	struct buf b;
	struct text_info info;
	struct err e;
	struct text_opts lossy = {"UTF-8", 1};

	buf_init(&b);
	CHECK_INT(decode(&b, &info, "a\nb\0c", 5, NULL, &e), ERR_FORMAT);
	CHECK_STR(e.msg,
	          "t.txt: binary data, not text (NUL byte at byte 3, line 2)");
	/* mostly UTF-8 with one bad byte: an error, not a legacy guess */
	CHECK_INT(decode(&b, &info, "\xc3\xa9t\xc3\xa9\n\n\xff", 8, NULL, &e),
	          ERR_ENCODING);
	CHECK_STR(e.msg, "t.txt: invalid UTF-8 at byte 7 (line 3)");
	CHECK_INT(decode(&b, &info, "ab\xe2\x82", 4, "UTF-8", &e),
	          ERR_ENCODING);
	CHECK_STR(e.msg, "t.txt: invalid UTF-8 at byte 2 (line 1)");
	/* 0x98 is undefined in Windows-1251 */
	CHECK_INT(decode(&b, &info, "ab\n\x98", 4, "WINDOWS-1251", &e),
	          ERR_ENCODING);
	CHECK_STR(e.msg, "t.txt: invalid WINDOWS-1251 at byte 3 (line 2)");
	CHECK_INT(decode(&b, &info, "x", 1, "NO-SUCH-ENCODING", &e), ERR_USAGE);
	buf_reset(&b);
	{
		/* single-byte encodings go by table: lossy too, ASCII kept */
		struct text_opts cyr = {"WINDOWS-1251", 1};

		CHECK_INT(
		    text_decode(&b, &info, "\xcc\x98 ok", 5, "t", &cyr, &e), 0);
		CHECK_STR(b.data, "\xd0\x9c\xef\xbf\xbd ok");
		CHECK_INT(info.replaced, 1);
		buf_reset(&b);
		/* a multi-byte encoding is not taken for a single-byte one */
		cyr.encoding = "SHIFT_JIS";
		cyr.lossy = 0;
		CHECK_INT(text_decode(&b, &info, "\x82\xa0", 2, "t", &cyr, &e),
		          0);
		CHECK_STR(b.data, "\xe3\x81\x82");
		buf_reset(&b);
	}
	CHECK_INT(text_decode(&b, &info, "a\xffz\xc3", 4, "t", &lossy, &e), 0);
	CHECK_STR(b.data, "a\xef\xbf\xbdz\xef\xbf\xbd");
	CHECK_INT(info.replaced, 2);
	buf_release(&b);
}

TEST(text_utf8_validity)
{
	size_t bad = 0;

	CHECK(text_utf8_valid("h\xc3\xa9", 3, &bad));
	CHECK(!text_utf8_valid("\xc0\xaf", 2, &bad)); /* overlong */
	CHECK_INT(bad, 0);
	CHECK(!text_utf8_valid("ab\xed\xa0\x80", 5, &bad)); /* surrogate */
	CHECK_INT(bad, 2);
	CHECK(!text_utf8_valid("\xf4\x90\x80\x80", 4, &bad)); /* > 10FFFF */
}

static void build(struct doc *d, const char *s)
{
	doc_release(d);
	doc_build(d, s, strlen(s), 0);
}

TEST(doc_paragraph_per_line)
{
	struct doc d;

	doc_init(&d);
	build(&d, "HEADLINE HERE\nFirst para.  Two  spaces.\n\n\n"
	          "  Second para.\n‘A SUBHEAD’\nThird.\n");
	CHECK_INT(d.npara, 5);
	CHECK_STR(d.text, "HEADLINE HERE\n\nFirst para. Two spaces.\n\n"
	                  "Second para.\n\n‘A SUBHEAD’\n\nThird.");
	CHECK(!d.hard_wrapped);
	CHECK_INT(d.paras[2].line, 5);
	doc_release(&d);
}

TEST(doc_hard_wrapped)
{
	struct doc d;
	size_t line, col;

	doc_init(&d);
	build(&d, "The quick brown fox jumps over the lazy dog and then\n"
	          "runs away into the forest, where it meets a bear who\n"
	          "says hello to the fox.\n"
	          "Another paragraph starts here and goes on for a while\n"
	          "until it is done with every-\n"
	          "thing it had to say.\n"
	          "\n"
	          "SUBHEAD\n"
	          "Last paragraph is short.\n");
	CHECK(d.hard_wrapped);
	CHECK_INT(d.npara, 4);
	CHECK_STR(d.text,
	          "The quick brown fox jumps over the lazy dog and then runs "
	          "away into the forest, where it meets a bear who says hello "
	          "to the fox.\n\n"
	          "Another paragraph starts here and goes on for a while until "
	          "it is done with every-thing it had to say.\n\n"
	          "SUBHEAD\n\nLast paragraph is short.");
	doc_where(&d, (size_t)(strstr(d.text, "bear") - d.text), &line, &col);
	CHECK_INT(line, 2);
	CHECK_INT(col, 45);
	doc_release(&d);
}

TEST(doc_empty)
{
	struct doc d;

	doc_init(&d);
	build(&d, " \n\n\t\xc2\xa0\n");
	CHECK_INT(d.npara, 0);
	CHECK_STR(d.text, "");
	doc_release(&d);
}

TEST(lang_guess_languages)
{
	const char *en = "The prisoners were released on Thursday and the "
	                 "embassy said it was not clear.";

	CHECK_STR(lang_guess(en, strlen(en)), "en");
	CHECK_STR(lang_guess("Заключенные были освобождены в четверг, и это "
	                     "было неожиданно.",
	                     strlen("Заключенные были освобождены в четверг, и "
	                            "это было неожиданно.")),
	          "ru");
	CHECK_STR(lang_guess("Вязні былі вызваленыя ў чацвер, і гэта было "
	                     "нечакана.",
	                     strlen("Вязні былі вызваленыя ў чацвер, і гэта "
	                            "было нечакана.")),
	          "be");
	CHECK_STR(
	    lang_guess("Die Gefangenen wurden am Donnerstag freigelassen, "
	               "sagte die Botschaft.",
	               strlen("Die Gefangenen wurden am Donnerstag "
	                      "freigelassen, sagte die Botschaft.")),
	    "de");
	CHECK_STR(lang_guess("Les prisonniers ont été libérés jeudi, a déclaré "
	                     "l'ambassade.",
	                     strlen("Les prisonniers ont été libérés jeudi, a "
	                            "déclaré l'ambassade.")),
	          "fr");
	CHECK_STR(lang_guess("12 34", 5), "und");
	{
		int sure = 1;
		const char *a = "Exiled leader Svetlana Tikhanovskaya spoke. "
		                "Tikhanovskaya's aide agreed.";
		const char *b = "Svetlana Tikhanovskaya met Lukashenka.";

		/* the s of a possessive is not a Czech word */
		CHECK_STR(lang_guess_sure(a, strlen(a), &sure), "und");
		CHECK(!sure);
		/* one Dutch-looking word is a guess, not a sure one */
		lang_guess_sure(b, strlen(b), &sure);
		CHECK(!sure);
		lang_guess_sure(en, strlen(en), &sure);
		CHECK(sure);
		/* letters a language does not have decide between close ones:
		 * и is not Belarusian, ў and і are not Russian */
		{
			const char *ru = "Он сказал, что это не так и что "
			                 "всё было иначе.";
			const char *be = "Ён сказаў, што гэта не так і што "
			                 "усё было інакш.";

			CHECK_STR(lang_guess_sure(ru, strlen(ru), &sure), "ru");
			CHECK(sure);
			CHECK_STR(lang_guess_sure(be, strlen(be), &sure), "be");
			CHECK(sure);
		}
	}
}

TEST(lang_normalize_tags)
{
	char out[LANG_TAG_MAX];

	CHECK_INT(lang_normalize(out, "en_US"), 0);
	CHECK_STR(out, "en-US");
	CHECK_INT(lang_normalize(out, "EN-us"), 0);
	CHECK_STR(out, "en-US");
	CHECK_INT(lang_normalize(out, "sr_latn_rs"), 0);
	CHECK_STR(out, "sr-Latn-RS");
	CHECK_INT(lang_normalize(out, "x-klingon"), 0);
	CHECK_STR(out, "x-klingon");
	CHECK_INT(lang_normalize(out, "*all*"), 0);
	CHECK_INT(lang_normalize(out, "e"), -1);
	CHECK_INT(lang_normalize(out, "en--US"), -1);
	CHECK_INT(lang_normalize(out, "en-"), -1);
	CHECK_INT(lang_normalize(out, "e n"), -1);
	CHECK_INT(lang_normalize(out, ""), -1);
	lang_primary(out, "pt-BR");
	CHECK_STR(out, "pt");
}
