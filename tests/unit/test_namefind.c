/* Unit tests of namestore and namefind: lookup, check and normalize on
 * strings, the matcher's callbacks, variants. */
#include <stdio.h>
#include <string.h>

#include "match.h"
#include "namefind.h"
#include "namestore.h"
#include "unit.h"

/* The house style of the tests: English, Russian and Belarusian forms. */
static const char *const house[][4] = {
    {"Sviatlana Tsikhanouskaya", "Светлана Тихановская", "Святлана Ціханоўская",
     NULL},
    {"Siarhei Tsikhanouski", "Сергей Тихановский", "Сяргей Ціханоўскі", NULL},
    {"Alexander Lukashenko", "Александр Лукашенко", "Аляксандр Лукашэнка",
     NULL},
    {"Ales Bialiatski", "Алесь Беляцкий", "Алесь Бяляцкі", NULL},
    {"Ihar Losik", "Игорь Лосик", "Ігар Лосік", NULL},
};

static struct namestore *house_store(void)
{
	static const char *const langs[] = {"en", "ru", "be"};
	struct namestore *ns = namestore_new();
	size_t i;
	int l;

	for (i = 0; i < sizeof(house) / sizeof(house[0]); i++) {
		int k = namestore_add_entity(ns, (int64_t)i + 1, house[i][0],
		                             STORE_NAME_CONFIRMED);

		for (l = 0; l < 3; l++)
			namestore_add_alias(ns, k, 0, langs[l], house[i][l], 1,
			                    STORE_NAME_CONFIRMED, 0, NULL);
	}
	return ns;
}

/* The text with every fix for lang applied. */
static const char *normalized(struct namefind *nf, const char *text,
                              const char *lang)
{
	static struct buf out;
	struct namefind_fixes f;

	buf_release(&out);
	buf_init(&out);
	namefind_fixes_init(&f);
	namefind_fixes(nf, &f, text, strlen(text), lang);
	namefind_apply(&out, text, strlen(text), &f);
	namefind_fixes_release(&f);
	return out.data;
}

static size_t count_fixes(struct namefind *nf, const char *text,
                          const char *lang)
{
	struct namefind_fixes f;
	size_t n;

	namefind_fixes_init(&f);
	namefind_fixes(nf, &f, text, strlen(text), lang);
	n = f.n;
	namefind_fixes_release(&f);
	return n;
}

TEST(namefind_english_variants)
{
	struct namestore *ns = house_store();
	struct namefind *nf = namefind_new(ns, NAMESTORE_CONFIRMED);

	CHECK_STR(normalized(nf, "Lukashenka said so.", "en"),
	          "Lukashenko said so.");
	/* possessive kept, curly or straight */
	CHECK_STR(
	    normalized(nf, "Tikhanovskaya’s office and Tikhanovskaya's.", "en"),
	    "Tsikhanouskaya’s office and Tsikhanouskaya's.");
	/* full names word by word; the husband is not her */
	CHECK_STR(normalized(nf,
	                     "Svetlana Tikhanovskaya, whose husband Sergei "
	                     "Tikhanovsky was freed",
	                     "en"),
	          "Sviatlana Tsikhanouskaya, whose husband Siarhei "
	          "Tsikhanouski was freed");
	/* the house form is left alone, and so is everything else */
	CHECK_INT(count_fixes(nf,
	                      "President Alexander Lukashenko met Ihar Losik "
	                      "in Minsk; Belarus, Reuters, Trump.",
	                      "en"),
	          0);
	CHECK_STR(
	    normalized(nf, "President Alexander Lukashenka met them.", "en"),
	    "President Alexander Lukashenko met them.");
	CHECK_STR(normalized(nf, "Ales Byalyatski, and Bialiatsky.", "en"),
	          "Ales Bialiatski, and Bialiatski.");
	namefind_free(nf);
	namestore_free(ns);
}

TEST(namefind_case_endings)
{
	struct namestore *ns = house_store();
	struct namefind *nf = namefind_new(ns, NAMESTORE_CONFIRMED);

	/* Russian: the ending of the written form carried over */
	CHECK_STR(normalized(nf, "в заявлении Цихановской, а", "ru"),
	          "в заявлении Тихановской, а");
	CHECK_STR(normalized(nf, "встретил Светлану Цихановскую.", "ru"),
	          "встретил Светлану Тихановскую.");
	CHECK_INT(count_fixes(nf,
	                      "критиков Лукашенко и Алеся Беляцкого, "
	                      "Игоря Лосика и Светлану Тихановскую",
	                      "ru"),
	          0);
	/* Belarusian declined forms of the house form are not variants */
	CHECK_INT(count_fixes(nf, "кіравання Лукашэнкі і Лукашэнку", "be"), 0);
	CHECK_STR(normalized(nf, "курсу Лукашенкі.", "be"), "курсу Лукашэнкі.");
	namefind_free(nf);
	namestore_free(ns);
}

TEST(namefind_fix_positions)
{
	struct namestore *ns = house_store();
	struct namefind *nf = namefind_new(ns, NAMESTORE_CONFIRMED);
	struct namefind_fixes f;
	const char *text = "Line one.\r\nСказал «Лукашэнка»: Tikhanovskaya’s";

	namefind_fixes_init(&f);
	namefind_fixes(nf, &f, text, strlen(text), "en");
	/* a Cyrillic spelling in an English text is not the house form */
	CHECK_INT(f.n, 2);
	if (f.n == 2) {
		CHECK_INT(f.v[0].line, 2);
		CHECK_INT(f.v[0].column, 9);
		CHECK_STR(f.v[0].house, "Lukashenko");
		CHECK_INT(f.v[1].line, 2);
		CHECK_INT(f.v[1].column, 21);
		CHECK_INT(f.v[1].start,
		          strlen(text) - strlen("Tikhanovskaya’s"));
		CHECK_INT(f.v[1].end, strlen(text));
		CHECK_STR(f.v[1].found, "Tikhanovskaya’s");
		CHECK_STR(f.v[1].house, "Tsikhanouskaya’s");
		CHECK_STR(f.v[1].mention, "Tikhanovskaya’s");
		CHECK_INT(f.v[1].surname, 1);
		CHECK_INT(f.v[1].entity, 0);
	}
	namefind_fixes_release(&f);
	namefind_free(nf);
	namestore_free(ns);
}
