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
	/* Belarusian locative after р (-ы) and of persons after к (-у):
	 * the house form takes the ending the word had */
	CHECK(has_reading("Аляксандры", "be", "Аляксандр", INFL_LOC));
	CHECK_STR(swap("Александры", "Александр", "Аляксандр", "be"),
	          "Аляксандры");
	CHECK_STR(swap("Александре", "Александр", "Аляксандр", "be"),
	          "Аляксандре");
	/* Polish: alternations in the dative and locative; a Latin stem
	 * ending in a vowel takes no consonant-stem ending */
	CHECK(has_reading("Łukaszence", "pl", "Łukaszenka", INFL_DAT));
	CHECK(has_reading("Łosikiem", "pl", "Łosik", INFL_INS));
	CHECK(has_reading("Iharze", "pl", "Ihar", INFL_LOC));
	CHECK(!has_reading("Sergia", "pl", "Sergi", INFL_GEN));
	CHECK_STR(swap("Ihorze", "Ihor", "Ihar", "pl"), "Iharze");
	/* Czech masculine names, Lukašenko declined; English words are
	 * never read as Polish or Czech noun forms */
	CHECK(has_reading("Losika", "cs", "Losik", INFL_GEN));
	CHECK(has_reading("Lukašenkem", "cs", "Lukašenko", INFL_INS));
	CHECK_STR(swap("Igora", "Igor", "Ihar", "cs"), "Ihara");
	CHECK(!has_reading("Lukashenka", "en", "Lukashenko", INFL_GEN));
	CHECK(!has_reading("Losika", "en", "Losik", INFL_GEN));
	/* Ukrainian -ія names and the masculine dative in -ові */
	CHECK(has_reading("Марії", "uk", "Марія", INFL_GEN));
	CHECK(has_reading("Юлією", "uk", "Юлія", INFL_INS));
	CHECK_STR(swap("Владимирові", "Владимир", "Володимир", "uk"),
	          "Володимирові");
	CHECK_STR(swap("Владимиру", "Владимир", "Володимир", "uk"),
	          "Володимиру");
	CHECK(has_reading("Василем", "uk", "Василь", INFL_INS));
}

/* Can word be read as base in case slot (as any name; as a given name)? */
static int reads_in(const char *word, const char *lang, const char *base,
                    enum inflect_slot slot, int given)
{
	struct inflect_reading r[8];
	size_t n = inflect_readings(r, 8, word, strlen(word), lang), i;

	for (i = 0; i < n; i++)
		if (!strcmp(r[i].base, base) &&
		    ((given ? r[i].given_slots : r[i].slots) >> slot & 1u))
			return 1;
	return 0;
}

TEST(inflect_readings_every_case_of_an_ending)
{
	static const enum inflect_slot oblique[] = {INFL_GEN, INFL_DAT,
	                                            INFL_INS, INFL_LOC};
	size_t i;

	/* one ending, four cases: each of them is a reading */
	for (i = 0; i < 4; i++) {
		CHECK(reads_in("Тихановской", "ru", "Тихановская", oblique[i],
		               0));
		CHECK(reads_in("Ціханоўскай", "be", "Ціханоўская", oblique[i],
		               0));
	}
	CHECK(!reads_in("Тихановской", "ru", "Тихановская", INFL_ACC, 0));
	CHECK(reads_in("Ціханоўскім", "be", "Ціханоўскі", INFL_INS, 0));
	CHECK(reads_in("Ціханоўскім", "be", "Ціханоўскі", INFL_LOC, 0));
	CHECK(reads_in("Светлане", "ru", "Светлана", INFL_DAT, 1));
	CHECK(reads_in("Светлане", "ru", "Светлана", INFL_LOC, 1));
	CHECK(reads_in("Сергея", "ru", "Сергей", INFL_ACC, 1));
	/* the surname class -ына reads Марыной as a genitive too, but a
	 * given name declines as a noun: only the instrumental */
	CHECK(reads_in("Марыной", "ru", "Марына", INFL_GEN, 0));
	CHECK(!reads_in("Марыной", "ru", "Марына", INFL_GEN, 1));
	CHECK(reads_in("Марыной", "ru", "Марына", INFL_INS, 1));
	CHECK(!reads_in("Тихановской", "ru", "Тихановская", INFL_GEN, 1));
}

TEST(inflect_set_slot_picks_one_of_the_cases)
{
	struct inflect_reading r[8];
	struct buf out;
	size_t n = inflect_readings(r, 8, "Цихановской", strlen("Цихановской"),
	                            "ru"),
	       i;

	buf_init(&out);
	for (i = 0; i < n; i++)
		if (!strcmp(r[i].base, "Цихановская"))
			break;
	CHECK(i < n);
	if (i < n) {
		CHECK_INT(inflect_set_slot(&r[i], INFL_INS), 0);
		CHECK_INT(r[i].slot, INFL_INS);
		CHECK_INT(inflect_set_slot(&r[i], INFL_ACC), -1);
		CHECK_INT(r[i].slot, INFL_INS);
		/* a given name put in that case */
		inflect_apply(&out, "Светлана", strlen("Светлана"), &r[i],
		              "ru");
		CHECK_STR(out.data, "Светланой");
	}
	buf_release(&out);
}
