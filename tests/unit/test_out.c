/* Unit tests of out: escaping for JSON, XML and TSV, dates. */
#include <string.h>

#include "out.h"
#include "unit.h"

TEST(out_json_escapes)
{
	struct buf b;

	buf_init(&b);
	out_json_str(&b, "a\"b\\c\nd\te\x01 «ж»",
	             strlen("a\"b\\c\nd\te\x01 «ж»"));
	CHECK_STR(b.data, "\"a\\\"b\\\\c\\nd\\te\\u0001 «ж»\"");
	buf_release(&b);
}

TEST(out_xml_escapes)
{
	struct buf b;

	buf_init(&b);
	CHECK_INT(out_xml_text(&b, "<a & \"b\">\x02", 10, 0), 1);
	CHECK_STR(b.data, "&lt;a &amp; \"b\"&gt;\xEF\xBF\xBD");
	buf_reset(&b);
	out_xml_text(&b, "say \"hi\"\n", 9, 1);
	CHECK_STR(b.data, "say &quot;hi&quot;&#10;");
	buf_release(&b);
}

TEST(out_tsv_round_trip)
{
	struct buf b, back;
	const char *s = "tab\there\nnew \\ back \\q";

	buf_init(&b);
	buf_init(&back);
	out_tsv_field(&b, s, strlen(s));
	CHECK_STR(b.data, "tab\\there\\nnew \\\\ back \\\\q");
	out_tsv_unescape(&back, b.data, b.len);
	CHECK_STR(back.data, s);
	buf_release(&b);
	buf_release(&back);
}

TEST(out_dates)
{
	char d[17];

	out_utc_date(d, 0);
	CHECK_STR(d, "19700101T000000Z");
	out_utc_date(d, 1757548800);
	CHECK_STR(d, "20250911T000000Z");
}
