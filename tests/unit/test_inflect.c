/* Unit tests of inflect: reading name forms and putting bases in them. */
#include <string.h>

#include "inflect.h"
#include "unit.h"

/* Does some reading of word have this base and slot? */
static int has_reading(const char *word, const char *lang, const char *base,
                       enum inflect_slot slot)
{
	struct inflect_reading r[8];
	size_t n = inflect_readings(r, 8, word, strlen(word), lang), i;

	for (i = 0; i < n; i++)
		if (!strcmp(r[i].base, base) && r[i].slot == slot)
			return 1;
	return 0;
}

/* Read word in lang, take the reading whose base is `as`, put `house` in
 * that form. */
static const char *swap(const char *word, const char *as, const char *house,
                        const char *lang)
{
	static struct buf out;
	struct inflect_reading r[8];
	size_t n = inflect_readings(r, 8, word, strlen(word), lang), i;

	buf_release(&out);
	buf_init(&out);
	for (i = 0; i < n; i++)
		if (!strcmp(r[i].base, as)) {
			inflect_apply(&out, house, strlen(house), &r[i], lang);
			return out.data;
		}
	return "(no reading)";
}

TEST(inflect_readings_russian)
{
	CHECK(has_reading("Тихановской", "ru", "Тихановская", INFL_GEN));
	CHECK(has_reading("Тихановскую", "ru", "Тихановская", INFL_ACC));
	CHECK(has_reading("Тихановская", "ru", "Тихановская", INFL_BASE));
	CHECK(has_reading("Лосика", "ru", "Лосик", INFL_GEN));
	CHECK(has_reading("Беляцкого", "ru", "Беляцкий", INFL_GEN));
	CHECK(has_reading("Александром", "ru", "Александр", INFL_INS));
	/* indeclinable: no reading strips an ending */
	CHECK(!has_reading("Лукашенко", "ru", "Лукашенк", INFL_GEN));
}

TEST(inflect_readings_belarusian_and_latin)
{
	CHECK(has_reading("Лукашэнкі", "be", "Лукашэнка", INFL_GEN));
	CHECK(has_reading("Ціханоўскай", "be", "Ціханоўская", INFL_GEN));
	CHECK(has_reading("Tikhanovskaya's", "en", "Tikhanovskaya", INFL_BASE));
	CHECK(has_reading("Cichanouskiej", "pl", "Cichanouska", INFL_GEN));
	CHECK(has_reading("Lukaschenkos", "de", "Lukaschenko", INFL_BASE));
	CHECK(has_reading("Jurkonis’", "en", "Jurkonis", INFL_BASE));
}

TEST(inflect_apply_carries_the_form)
{
	CHECK_STR(swap("Цихановской", "Цихановская", "Тихановская", "ru"),
	          "Тихановской");
	CHECK_STR(swap("Цихановскую", "Цихановская", "Тихановская", "ru"),
	          "Тихановскую");
	CHECK_STR(
	    swap("Tikhanovskaya’s", "Tikhanovskaya", "Tsikhanouskaya", "en"),
	    "Tsikhanouskaya’s");
	CHECK_STR(swap("Лукашэнкам", "Лукашэнка", "Лукашэнка", "be"),
	          "Лукашэнкам");
	/* an indeclinable house form stays as it is */
	CHECK_STR(swap("Лукашенки", "Лукашенка", "Лукашенко", "ru"),
	          "Лукашенко");
	CHECK_STR(swap("Беляцкого", "Беляцкий", "Бяляцкий", "ru"), "Бяляцкого");
	/* Belarusian and Ukrainian soft stems: Алесь, Алеся */
	CHECK(has_reading("Алеся", "be", "Алесь", INFL_GEN));
	CHECK_STR(swap("Алеся", "Алесь", "Алесь", "be"), "Алеся");
	CHECK_STR(swap("Василя", "Василь", "Василь", "uk"), "Василя");
	CHECK(has_reading("Василем", "uk", "Василь", INFL_INS));
}
