/* Unit tests of num: reading and writing numbers per language. */
#include <string.h>

#include "buf.h"
#include "num.h"
#include "unit.h"

/* Scan the number at the start of s; returns its length. */
static size_t scan(struct num *n, const char *s, const char *lang)
{
	return num_scan(n, s, strlen(s), 0, lang);
}

TEST(num_scan_english)
{
	struct num n;

	CHECK_INT(scan(&n, "1,300 prisoners", "en"), 5);
	CHECK_STR(n.value, "1300");
	CHECK_INT(n.group, ',');
	CHECK_INT(n.int_digits, 4);
	CHECK(!n.compound);
	CHECK_INT(scan(&n, "1,300,000.50 dollars", "en"), 12);
	CHECK_STR(n.value, "1300000.5");
	CHECK_STR(n.digits, "1300000.50");
	CHECK_INT(n.decimal, '.');
	CHECK_INT(scan(&n, "2.5 percent", "en-GB"), 3);
	CHECK_STR(n.value, "2.5");
	CHECK_INT(scan(&n, "1.300", "en"), 5);
	CHECK_STR(n.value, "1.3");
	/* a comma not followed by a three-digit group is not in the number */
	CHECK_INT(scan(&n, "1,30", "en"), 1);
	CHECK_INT(scan(&n, "2021.", "en"), 4);
	CHECK_STR(n.value, "2021");
	CHECK_INT(scan(&n, "0070", NULL), 4);
	CHECK_STR(n.value, "70");
	CHECK_STR(n.digits, "0070");
	/* a plain space groups digits only where the language does so */
	CHECK_INT(scan(&n, "1 300", "en"), 1);
	CHECK_INT(scan(&n, "x", "en"), 0);
}

TEST(num_scan_other_languages)
{
	struct num n;

	CHECK_INT(scan(&n, "1.300 Gefangene", "de"), 5);
	CHECK_STR(n.value, "1300");
	CHECK_INT(n.group, '.');
	CHECK_INT(scan(&n, "2,5 Prozent", "de"), 3);
	CHECK_STR(n.value, "2.5");
	CHECK_INT(n.decimal, ',');
	CHECK_INT(scan(&n, "1 300 заключенных", "ru"), 5);
	CHECK_STR(n.value, "1300");
	CHECK_INT(n.group, ' ');
	CHECK_INT(scan(&n, "1 300,75 €", "fr"), 8);
	CHECK_STR(n.value, "1300.75");
	/* four digits and a group: no, that is two numbers */
	CHECK_INT(scan(&n, "2020 300", "ru"), 4);
	/* a no-break space groups in any language */
	CHECK_INT(scan(&n,
	               "1\xc2\xa0"
	               "300",
	               "en"),
	          6);
	CHECK_STR(n.value, "1300");
	CHECK_INT(n.group, 0xA0);
	CHECK_INT(scan(&n, "33-летний", "ru"), 2);
	CHECK_STR(n.value, "33");
}

TEST(num_scan_compounds)
{
	struct num n;

	CHECK_INT(scan(&n, "22.08.2025 in Minsk", "de"), 10);
	CHECK(n.compound);
	CHECK_STR(n.value, "22|8|2025");
	CHECK_INT(n.sep, '.');
	CHECK_INT(n.nparts, 3);
	CHECK_INT(n.width[1], 2);
	CHECK_INT(scan(&n, "22.08.2025", "en"), 10);
	CHECK(n.compound);
	CHECK_INT(scan(&n, "15:30 GMT", "en"), 5);
	CHECK_STR(n.value, "15|30");
	CHECK_INT(scan(&n, "2019-2020", "en"), 9);
	CHECK_STR(n.value, "2019|2020");
	CHECK_INT(scan(&n, "9/11", "en"), 4);
	CHECK_STR(n.value, "9|11");
	CHECK_INT(scan(&n, "2025-09-12", "en"), 10);
	CHECK_STR(n.value, "2025|9|12");
	CHECK_INT(scan(&n, "123456789012345678901234567890", "en"), 30);
	CHECK(n.big);
}

TEST(num_same_value_across_languages)
{
	struct num a, b;

	scan(&a, "1,300", "en");
	scan(&b, "1 300", "fr");
	CHECK(num_same_value(&a, &b));
	scan(&b, "1300", "ru");
	CHECK(num_same_value(&a, &b));
	scan(&b, "1.300", "en");
	CHECK(!num_same_value(&a, &b));
	scan(&a, "2.50", "en");
	scan(&b, "2,5", "de");
	CHECK(num_same_value(&a, &b));
	scan(&a, "15:30", "en");
	scan(&b, "15.30", "de");
	CHECK(num_same_value(&a, &b));
}

/* Format value (read as English) for lang, like example (read in lang). */
static const char *fmt(struct buf *b, const char *value, const char *lang,
                       const char *example)
{
	struct num v, ex;

	buf_reset(b);
	scan(&v, value, "en");
	if (example)
		scan(&ex, example, lang);
	num_format(b, &v, example ? &ex : NULL, lang);
	return b->data;
}

TEST(num_format_per_language)
{
	struct buf b;

	buf_init(&b);
	CHECK_STR(fmt(&b, "1400", "en", NULL), "1,400");
	CHECK_STR(fmt(&b, "1400", "ru", NULL), "1 400");
	CHECK_STR(fmt(&b, "1400", "be", NULL), "1 400");
	CHECK_STR(fmt(&b, "1400", "uk", NULL), "1 400");
	CHECK_STR(fmt(&b, "1400", "fr", NULL), "1 400");
	CHECK_STR(fmt(&b, "1400", "de", NULL), "1.400");
	CHECK_STR(fmt(&b, "1234567.25", "de", NULL), "1.234.567,25");
	CHECK_STR(fmt(&b, "2.75", "ru", NULL), "2,75");
	CHECK_STR(fmt(&b, "2.75", "en", NULL), "2.75");
	CHECK_STR(fmt(&b, "34", "de", NULL), "34");
	CHECK_STR(fmt(&b, "1400", "xx", NULL), "1,400");
	buf_release(&b);
}

TEST(num_format_keeps_target_style)
{
	struct buf b;

	buf_init(&b);
	/* Russian copy that leaves four-digit numbers ungrouped */
	CHECK_STR(fmt(&b, "1400", "ru", "1300"), "1400");
	CHECK_STR(fmt(&b, "12500", "ru", "1300"), "12 500");
	/* a target that groups with a no-break space keeps it */
	CHECK_STR(fmt(&b, "1400", "fr",
	              "1\xc2\xa0"
	              "300"),
	          "1\xc2\xa0"
	          "400");
	/* an English target with a decimal comma in it?  it keeps it */
	CHECK_STR(fmt(&b, "2.75", "de", "2,5"), "2,75");
	CHECK_STR(fmt(&b, "1400", "de", "1.300"), "1.400");
	buf_release(&b);
}

TEST(num_rewrite_compound_dates)
{
	struct num t, o, n;
	struct buf b;
	const char *tgt = "23.08.2025";

	buf_init(&b);
	/* the English source writes month first, the German target day first */
	scan(&o, "8/22/2025", "en");
	scan(&n, "8/23/2025", "en");
	scan(&t, "22.08.2025", "de");
	CHECK_INT(num_rewrite_compound(&b, "22.08.2025", &t, &o, &n), 0);
	CHECK_STR(b.data, tgt);
	/* in order, zero padding kept */
	buf_reset(&b);
	scan(&o, "09.05.2025", "de");
	scan(&n, "10.05.2025", "de");
	scan(&t, "09/05/2025", "fr");
	CHECK_INT(num_rewrite_compound(&b, "09/05/2025", &t, &o, &n), 0);
	CHECK_STR(b.data, "10/05/2025");
	/* a time */
	buf_reset(&b);
	scan(&o, "15:30", "en");
	scan(&n, "16:05", "en");
	scan(&t, "15.30", "de");
	CHECK_INT(num_rewrite_compound(&b, "15.30", &t, &o, &n), 0);
	CHECK_STR(b.data, "16.05");
	/* parts the target does not have */
	buf_reset(&b);
	scan(&t, "1.2.2024", "de");
	CHECK_INT(num_rewrite_compound(&b, "1.2.2024", &t, &o, &n), -1);
	CHECK_INT(b.len, 0);
	buf_release(&b);
}
