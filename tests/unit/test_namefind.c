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

TEST(namefind_declined_given_names)
{
	struct namestore *ns = house_store();
	struct namefind *nf = namefind_new(ns, NAMESTORE_CONFIRMED);

	/* a feminine given name beside a -ской surname, which may be
	 * genitive, dative, instrumental or prepositional: the house form
	 * declined is never reported */
	CHECK_INT(count_fixes(nf,
	                      "Встреча со Светланой Тихановской прошла в "
	                      "Вильнюсе. Письмо Светлане Тихановской, слово о "
	                      "Светлане Тихановской.",
	                      "ru"),
	          0);
	CHECK_INT(count_fixes(nf,
	                      "Сустрэча са Святланай Ціханоўскай, ліст "
	                      "Святлане Ціханоўскай, аб Сяргеі Ціханоўскім.",
	                      "be"),
	          0);
	/* a variant: each word in the case the name stands in */
	CHECK_STR(normalized(nf, "со Святланой Цихановской", "ru"),
	          "со Светланой Тихановской");
	CHECK_STR(normalized(nf, "о Святлане Цихановской", "ru"),
	          "о Светлане Тихановской");
	CHECK_STR(normalized(nf, "аб Сергеі Ціханоўскім", "be"),
	          "аб Сяргеі Ціханоўскім");
	namefind_free(nf);
	namestore_free(ns);
}

/* A store of names with apostrophes and hyphens (English house forms). */
static struct namestore *marks_store(void)
{
	static const char *const names[][2] = {
	    {"Jean-Pierre Lacroix", "Jean Pierre Lacroix"},
	    {"Conor O'Brien", NULL},
	    {"Dana Salihović-Whalen", "Salihovic-Whalen"},
	};
	struct namestore *ns = namestore_new();
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		int k = namestore_add_entity(ns, (int64_t)i + 1, names[i][0],
		                             STORE_NAME_CONFIRMED);

		namestore_add_alias(ns, k, 0, "en", names[i][0], 1,
		                    STORE_NAME_CONFIRMED, 0, NULL);
		if (names[i][1])
			namestore_add_alias(ns, k, 0, "en", names[i][1], 0,
			                    STORE_NAME_CONFIRMED, 0, NULL);
	}
	return ns;
}

/* The fixes of text as "found>house" joined by '|'. */
static const char *fixes_of(struct namefind *nf, const char *text)
{
	static struct buf out;
	struct namefind_fixes f;
	size_t i;

	buf_release(&out);
	buf_init(&out);
	namefind_fixes_init(&f);
	namefind_fixes(nf, &f, text, strlen(text), "en");
	for (i = 0; i < f.n; i++)
		buf_addf(&out, "%s%s>%s", i ? "|" : "", f.v[i].found,
		         f.v[i].house);
	namefind_fixes_release(&f);
	return out.data ? out.data : "";
}

TEST(namefind_hyphens_and_apostrophes)
{
	struct namestore *ns = marks_store();
	struct namefind *nf = namefind_new(ns, NAMESTORE_CONFIRMED);

	/* a hyphenated given name written without its hyphen is a variant,
	 * even when it is a registered alias */
	CHECK_STR(fixes_of(nf, "Jean Pierre Lacroix came."),
	          "Jean Pierre>Jean-Pierre");
	CHECK_STR(fixes_of(nf, "Jean-Pierre Lacroix came."), "");
	CHECK_STR(normalized(nf, "Jean Pierre Lacroix came.", "en"),
	          "Jean-Pierre Lacroix came.");
	/* a double surname is reported whole, with or without the given name
	 * and whatever joins its parts; another hyphen is as good */
	CHECK_STR(fixes_of(nf, "Salihovic-Whalen said."),
	          "Salihovic-Whalen>Salihović-Whalen");
	CHECK_STR(fixes_of(nf, "Dana Salihovich-Whalen said."),
	          "Salihovich-Whalen>Salihović-Whalen");
	CHECK_STR(fixes_of(nf, "Salihović Whalen said."),
	          "Salihović Whalen>Salihović-Whalen");
	CHECK_STR(fixes_of(nf, "Salihović\xE2\x80\x90Whalen said."), "");
	CHECK_STR(fixes_of(nf, "Salihovic-Smith said."), "Salihovic>Salihović");
	/* the typographic apostrophe is the house's apostrophe; a variant
	 * keeps the article's apostrophe */
	CHECK_STR(fixes_of(nf, "Conor O’Brien met O’Brien’s aide, O`Brien."),
	          "");
	CHECK_STR(normalized(nf, "Conor O’Brian’s aide.", "en"),
	          "Conor O’Brien’s aide.");
	CHECK_STR(normalized(nf, "Conor O'Brian’s aide.", "en"),
	          "Conor O'Brien’s aide.");
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

TEST(namefind_relatives_not_merged)
{
	struct namestore *ns = house_store();
	struct namefind *nf = namefind_new(ns, NAMESTORE_CONFIRMED);

	/* Sergei Tikhanovsky is her husband: his own house form */
	CHECK_STR(normalized(nf, "Sergei Tikhanovsky spoke.", "en"),
	          "Siarhei Tsikhanouski spoke.");
	/* a given name of nobody known beside the surname: another person */
	CHECK_INT(count_fixes(nf, "Maria Tikhanovskaya spoke.", "en"), 0);
	CHECK_INT(count_fixes(nf, "Viktar Lukashenka spoke.", "en"), 0);
	/* the masculine surname alone is him, not her */
	CHECK_STR(normalized(nf, "Tikhanovsky said.", "en"),
	          "Tsikhanouski said.");
	namefind_free(nf);
	namestore_free(ns);
}

TEST(namefind_other_bytes_unchanged)
{
	struct namestore *ns = house_store();
	struct namefind *nf = namefind_new(ns, NAMESTORE_CONFIRMED);
	const char *in = "\xC2\xA0 Lukashenka\t\r\n«Tikhanovskaya»\xE2\x80\x94"
	                 "Zapad-2025 U.S. NATO LUKASHENKA\n\nend";

	CHECK_STR(normalized(nf, in, "en"),
	          "\xC2\xA0 Lukashenko\t\r\n«Tsikhanouskaya»\xE2\x80\x94"
	          "Zapad-2025 U.S. NATO LUKASHENKA\n\nend");
	/* no names known: the text comes back as it was */
	CHECK_STR(normalized(nf, "Nothing to see, Mr Smith.", "en"),
	          "Nothing to see, Mr Smith.");
	/* no house form in the language: nothing to say */
	CHECK_INT(count_fixes(nf, "Lukashenka said.", "it"), 0);
	namefind_free(nf);
	namestore_free(ns);
}

TEST(namefind_rejected_spelling)
{
	struct namestore *ns = house_store();
	struct namefind *nf;
	int k = namestore_entity_find(ns, 3);

	/* an editor said Lukashenka alone is not him (say, a namesake) */
	CHECK(k >= 0);
	CHECK(namestore_add_alias(ns, k, 0, "en", "Lukashenka", 0,
	                          STORE_NAME_REJECTED, 0, NULL) >= 0);
	nf = namefind_new(ns, NAMESTORE_CONFIRMED);
	CHECK_INT(count_fixes(nf, "Lukashenka said.", "en"), 0);
	CHECK_INT(count_fixes(nf, "Lukashenkа and Lukashenko's", "en"), 0);
	namefind_free(nf);
	namestore_free(ns);
}

TEST(namefind_match_callbacks)
{
	struct namestore *ns = house_store();
	struct namefind *nf = namefind_new(ns, NAMESTORE_CONFIRMED);
	struct match_names mn;
	struct match_result r;
	struct match_unit u;
	struct err e;
	const char *q = "Tikhanovskaya said on Thursday that she would go.";
	struct buf b;

	namefind_match_names(&mn, nf);
	/* a surname in any spelling and form is its entity */
	CHECK_STR(mn.entity(mn.ctx, "Tikhanovskaya", 13, "en"), "1");
	CHECK_STR(mn.entity(mn.ctx, "Тихановской", strlen("Тихановской"), "ru"),
	          "1");
	CHECK_STR(mn.entity(mn.ctx, "Tikhanovsky", 11, "en"), "2");
	CHECK(mn.entity(mn.ctx, "Belarus", 7, "en") == NULL);
	CHECK(mn.entity(mn.ctx, "Sviatlana", 9, "en") == NULL);
	buf_init(&b);
	CHECK_INT(mn.house(mn.ctx, &b, "1", "ru", "Цихановской",
	                   strlen("Цихановской")),
	          0);
	CHECK_STR(b.data, "Тихановской");
	buf_reset(&b);
	CHECK_INT(mn.house(mn.ctx, &b, "1", "it", "Tikhanovskaya", 13), -1);
	buf_release(&b);

	/* a sentence that differs in a name's spelling only: 95-99, and the
	 * proposal carries the target's house form in its case */
	memset(&u, 0, sizeof(u));
	u.id = 1;
	u.src = "Tsikhanouskaya said on Thursday that she would go.";
	u.src_len = strlen(u.src);
	u.tgt = "Как сообщила Цихановская, она поедет. Слова Цихановской.";
	u.tgt_len = strlen(u.tgt);
	u.src_lang = "en";
	u.tgt_lang = "ru";
	u.flags = MATCH_CONFIRMED;
	err_clear(&e);
	CHECK_INT(match_score(&r, q, strlen(q), "en", &u, &mn, NULL, NULL, &e),
	          0);
	CHECK(r.score >= 95 && r.score <= 99);
	CHECK_STR(r.proposed,
	          "Как сообщила Тихановская, она поедет. Слова Тихановской.");
	match_result_release(&r);
	/* without the names, the name is a different word */
	CHECK_INT(match_score(&r, q, strlen(q), "en", &u, NULL, NULL, NULL, &e),
	          0);
	CHECK(r.score < 95);
	match_result_release(&r);
	namefind_free(nf);
	namestore_free(ns);
}

/* The variants of phrase, joined with '|'. */
static const char *variants(struct namefind *nf, const char *phrase,
                            const char *lang)
{
	static struct buf out;
	struct buf v;
	size_t n, i;

	buf_release(&out);
	buf_init(&out);
	buf_init(&v);
	n = namefind_variants(nf, &v, phrase, strlen(phrase), lang);
	for (i = 0; i < v.len; i++)
		buf_addch(&out, v.data[i] ? v.data[i] : '|');
	buf_release(&v);
	if (!n)
		buf_adds(&out, "(none)");
	return out.data;
}

TEST(namefind_variants_for_search)
{
	struct namestore *ns = house_store();
	struct namefind *nf = namefind_new(ns, NAMESTORE_CONFIRMED);

	CHECK_STR(variants(nf, "Lukashenka", "en"),
	          "Lukashenko|Лукашенко|Лукашэнка|");
	CHECK_STR(variants(nf, "тихановской", "ru"),
	          "Tsikhanouskaya|Тихановская|Ціханоўская|");
	CHECK_STR(variants(nf, "Sergei Tikhanovsky", "en"),
	          "Siarhei Tsikhanouski|Сергей Тихановский|Сяргей Ціханоўскі|");
	CHECK_STR(variants(nf, "Minsk", "en"), "(none)");
	namefind_free(nf);
	namestore_free(ns);
}

TEST(namefind_runs)
{
	struct namefind_word w[NAMEFIND_MAX_RUN];
	const char *t = "met A. Lukashenko, Gronkiewicz-Waltz and d’Alexandre "
	                "Loukachenko; NATO O'Brien";
	size_t pos = 0;
	int n;

	n = namefind_next_run(t, strlen(t), &pos, w);
	CHECK_INT(n, 2); /* A. Lukashenko */
	CHECK_INT(w[0].end - w[0].start, 1);
	n = namefind_next_run(t, strlen(t), &pos, w);
	CHECK_INT(n, 2); /* Gronkiewicz-Waltz */
	CHECK_INT(w[1].sep, '-');
	n = namefind_next_run(t, strlen(t), &pos, w);
	CHECK_INT(n, 2); /* Alexandre Loukachenko, the elision left out */
	CHECK_MEM(t + w[0].start, w[0].end - w[0].start, "Alexandre");
	n = namefind_next_run(t, strlen(t), &pos, w);
	CHECK_INT(n, 1); /* NATO is skipped: capitals only */
	CHECK_MEM(t + w[0].start, w[0].end - w[0].start, "O'Brien");
	CHECK_INT(namefind_next_run(t, strlen(t), &pos, w), 0);
}
