/* Unit tests of align: beads of small sentence lists written here. */
#include <stdio.h>
#include <string.h>

#include "align.h"
#include "unit.h"

#define MAXS 32

struct pair {
	struct align_sent src[MAXS], tgt[MAXS];
	size_t ns, nt;
	struct align_result r;
	char beads[2048]; /* "[0]:[0] [1, 2]:[1] ..." */
};

/* Sentences from a list; "|" between two entries starts a paragraph. */
static size_t take(struct align_sent *out, const char *const *list)
{
	size_t n = 0, para = 0;

	for (; *list; list++) {
		if (!strcmp(*list, "|")) {
			para++;
			continue;
		}
		out[n].text = *list;
		out[n].len = strlen(*list);
		out[n].para = para;
		n++;
	}
	return n;
}

static void add_side(char *b, size_t cap, size_t from, size_t n)
{
	size_t k;

	snprintf(b + strlen(b), cap - strlen(b), "[");
	for (k = 0; k < n; k++)
		snprintf(b + strlen(b), cap - strlen(b), "%s%zu", k ? ", " : "",
		         from + k);
	snprintf(b + strlen(b), cap - strlen(b), "]");
}

/*
 * Align two lists; check that every sentence is in exactly one bead, in
 * order, and that confidences lie in [0,1]; write the beads as text.
 */
static int run(struct pair *p, const char *const *src, const char *const *tgt,
               const char *src_lang, const char *tgt_lang)
{
	struct align_opts o = {src_lang, tgt_lang, 0};
	struct err e;
	size_t k, i = 0, j = 0;
	int rc;

	p->ns = take(p->src, src);
	p->nt = take(p->tgt, tgt);
	align_result_init(&p->r);
	err_clear(&e);
	rc = align_run(&p->r, p->src, p->ns, p->tgt, p->nt, &o, &e);
	p->beads[0] = '\0';
	for (k = 0; k < p->r.nbead; k++) {
		const struct align_bead *b = &p->r.beads[k];

		CHECK(b->src == i && b->tgt == j);
		CHECK(b->nsrc + b->ntgt > 0);
		CHECK(b->nsrc <= ALIGN_MAX_SIDE && b->ntgt <= ALIGN_MAX_SIDE);
		CHECK(b->confidence >= 0 && b->confidence <= 1);
		i += b->nsrc;
		j += b->ntgt;
		if (k)
			snprintf(p->beads + strlen(p->beads),
			         sizeof(p->beads) - strlen(p->beads), " ");
		add_side(p->beads, sizeof(p->beads), b->src, b->nsrc);
		snprintf(p->beads + strlen(p->beads),
		         sizeof(p->beads) - strlen(p->beads), ":");
		add_side(p->beads, sizeof(p->beads), b->tgt, b->ntgt);
	}
	CHECK_INT(i, p->ns);
	CHECK_INT(j, p->nt);
	return rc;
}

static double conf_of(const struct pair *p, size_t src)
{
	size_t k;

	for (k = 0; k < p->r.nbead; k++)
		if (p->r.beads[k].nsrc && p->r.beads[k].src == src)
			return p->r.beads[k].confidence;
	return -1;
}

static const char *const news_en[] = {
    "Belarus frees 52 prisoners after visit by U.S. delegation",
    "Belarus freed 52 prisoners on Thursday after a visit to Minsk by a "
    "delegation from Washington.",
    "The group was far smaller than the 1,300 prisoners Trump had urged "
    "Minsk to free.",
    "Among those freed was journalist Ihar Losik, 33, who was jailed in "
    "2021.",
    "Lithuanian border guards said 52 people had crossed into Lithuania "
    "by Thursday evening.",
    NULL,
};

static const char *const news_ru[] = {
    "Беларусь освободила 52 заключенных после визита делегации США",
    "Беларусь в четверг освободила 52 заключенных после визита в Минск "
    "делегации из Вашингтона.",
    "Это намного меньше, чем 1300 заключенных, освобождения которых "
    "добивался Трамп.",
    "Среди освобожденных 33-летний журналист Игорь Лосик, осужденный в "
    "2021 году.",
    "Литовские пограничники сообщили, что к вечеру четверга в Литву "
    "перешли 52 человека.",
    NULL,
};

TEST(align_one_to_one)
{
	struct pair p;

	CHECK_INT(run(&p, news_en, news_ru, "en", "ru"), 0);
	CHECK_STR(p.beads, "[0]:[0] [1]:[1] [2]:[2] [3]:[3] [4]:[4]");
	CHECK(conf_of(&p, 2) > 0.5);
	CHECK(!p.r.unrelated);
	align_result_release(&p.r);
}

TEST(align_identical_texts)
{
	struct pair p;

	CHECK_INT(run(&p, news_en, news_en, "en", "en"), 0);
	CHECK_STR(p.beads, "[0]:[0] [1]:[1] [2]:[2] [3]:[3] [4]:[4]");
	CHECK(conf_of(&p, 0) > 0.9 && conf_of(&p, 4) > 0.9);
	CHECK(!p.r.unrelated);
	align_result_release(&p.r);
}

TEST(align_merge_and_split)
{
	/* the translation merges en 1 and 2 and splits en 4 */
	static const char *const en[] = {
	    "Prime minister Kallas arrived in Tallinn on Monday.",
	    "She met 40 delegates from Riga.",
	    "Then she spoke to 300 students at the university.",
	    "The talks ended at 18:00 in the old town.",
	    "Ministers from Vilnius, Warsaw and Helsinki signed a pact on "
	    "energy, and Kallas called it historic.",
	    NULL,
	};
	static const char *const de[] = {
	    "Ministerpräsidentin Kallas traf am Montag in Tallinn ein.",
	    "Sie traf 40 Delegierte aus Riga und sprach dann vor 300 "
	    "Studenten an der Universität.",
	    "Die Gespräche endeten um 18:00 in der Altstadt.",
	    "Minister aus Vilnius, Warschau und Helsinki unterzeichneten "
	    "einen Energiepakt.",
	    "Kallas nannte ihn historisch.",
	    NULL,
	};
	struct pair p;

	CHECK_INT(run(&p, en, de, "en", "de"), 0);
	CHECK_STR(p.beads, "[0]:[0] [1, 2]:[1] [3]:[2] [4]:[3, 4]");
	align_result_release(&p.r);
}

TEST(align_one_to_three)
{
	static const char *const en[] = {
	    "Storms hit Oslo on Friday.",
	    "Flights from Bergen, trains to Stavanger and ferries to "
	    "Kristiansand were cancelled, and 12,000 homes near Trondheim "
	    "lost power for 36 hours.",
	    "Schools reopen on Monday.",
	    NULL,
	};
	static const char *const fr[] = {
	    "Des tempêtes ont frappé Oslo vendredi.",
	    "Les vols au départ de Bergen ont été annulés.",
	    "Les trains vers Stavanger et les ferries vers Kristiansand "
	    "aussi.",
	    "Près de Trondheim, 12 000 foyers ont été privés de courant "
	    "pendant 36 heures.",
	    "Les écoles rouvrent lundi.",
	    NULL,
	};
	struct pair p;

	CHECK_INT(run(&p, en, fr, "en", "fr"), 0);
	CHECK_STR(p.beads, "[0]:[0] [1]:[1, 2, 3] [2]:[4]");
	align_result_release(&p.r);
}

TEST(align_drop_is_not_merged)
{
	/* the translation leaves out en 2; its neighbours stay 1-1 */
	static const char *const en[] = {
	    "Talks between Kyiv and Warsaw resumed on Tuesday.",
	    "The delegations met for 5 hours in Lublin.",
	    "Farmers from Podlasie blocked the border crossing at Dorohusk "
	    "for a third week, demanding 2,000 zlotys a tonne.",
	    "Agreement on 14 points was reached late at night.",
	    "A second round is planned for March in Kyiv.",
	    NULL,
	};
	static const char *const uk[] = {
	    "Переговори між Києвом і Варшавою відновилися у вівторок.",
	    "Делегації зустрічалися 5 годин у Любліні.",
	    "Пізно ввечері дійшли згоди щодо 14 пунктів.",
	    "Другий раунд запланований на березень у Києві.",
	    NULL,
	};
	struct pair p;

	CHECK_INT(run(&p, en, uk, "en", "uk"), 0);
	CHECK_STR(p.beads, "[0]:[0] [1]:[1] [2]:[] [3]:[2] [4]:[3]");
	align_result_release(&p.r);
}

/* Sentences without anchors: only lengths and paragraphs can tell. */
static const char *const blank_tgt[] = {
    "zzzz zzzz zzzz zzzz zzzz zzzz zzzz zzzz zzzz zzzz zzzz zzzz.",
    "|",
    "zzzz zzzz zzzz zzzz zzzz zzzz zzzz zzzz zzzz zzzz zzzz zzzz.",
    NULL,
};

TEST(align_paragraphs_decide)
{
	/* a short sentence between two long ones: merged with the one
	 * in its own paragraph */
	static const char *const first[] = {
	    "xxxx xxxx xxxx xxxx xxxx xxxx xxxx xxxx xxxx.",
	    "xxxx xxxx xxxx.",
	    "|",
	    "xxxx xxxx xxxx xxxx xxxx xxxx xxxx xxxx xxxx.",
	    NULL,
	};
	static const char *const second[] = {
	    "xxxx xxxx xxxx xxxx xxxx xxxx xxxx xxxx xxxx.",
	    "|",
	    "xxxx xxxx xxxx.",
	    "xxxx xxxx xxxx xxxx xxxx xxxx xxxx xxxx xxxx.",
	    NULL,
	};
	struct pair p;

	CHECK_INT(run(&p, first, blank_tgt, NULL, NULL), 0);
	CHECK_STR(p.beads, "[0, 1]:[0] [2]:[1]");
	align_result_release(&p.r);
	CHECK_INT(run(&p, second, blank_tgt, NULL, NULL), 0);
	CHECK_STR(p.beads, "[0]:[0] [1, 2]:[1]");
	align_result_release(&p.r);
}

/*
 * Three sentences of the same length, the middle one left out of the
 * translation: only the numbers tell which one is missing.
 */
static void number_case(const char *const *en, const char *const *tgt,
                        const char *lang)
{
	struct pair p;

	CHECK_INT(run(&p, en, tgt, "en", lang), 0);
	if (!CHECK_STR(p.beads, "[0]:[0] [1]:[] [2]:[1]"))
		fprintf(stderr, "    (target language %s)\n", lang);
	align_result_release(&p.r);
}

TEST(align_numbers_by_value)
{
	static const char *const en[] = {"It cost 1,300 pounds.",
	                                 "It cost 4,500 pounds.",
	                                 "It cost 7,800 pounds.", NULL};
	static const char *const de[] = {"Es kostete 1.300 Pfund.",
	                                 "Es kostete 7.800 Pfund.", NULL};
	static const char *const fr[] = {"Ça coûtait 1 300 livres.",
	                                 "Ça coûtait 7 800 livres.", NULL};
	static const char *const ru[] = {"Это стоило 1300 фунтов.",
	                                 "Это стоило 7800 фунтов.", NULL};
	static const char *const en_dec[] = {
	    "The rate rose 2.5 points.", "The rate rose 3.75 points.",
	    "The rate rose 1.25 points.", NULL};
	static const char *const de_dec[] = {"Die Rate stieg um 2,5 Punkte.",
	                                     "Die Rate stieg um 1,25 Punkte.",
	                                     NULL};
	static const char *const de_mixed[] = {
	    "Die Rate stieg um 2,50 Punkte.", "Die Rate stieg um 1,250 Punkte.",
	    NULL};

	static const char *const en_big[] = {
	    "About 250,000 people came.", "About 480,000 people came.",
	    "About 1,200,000 people came.", NULL};
	static const char *const ru_big[] = {"Пришли около 250 тыс. человек.",
	                                     "Пришли около 1,2 млн человек.",
	                                     NULL};
	static const char *const de_big[] = {
	    "Es kamen etwa 250 Tausend Menschen.",
	    "Es kamen etwa 1,2 Mio. Menschen.", NULL};

	number_case(en, de, "de");
	number_case(en, fr, "fr");
	/* a scale word after a number multiplies it */
	number_case(en_big, ru_big, "ru");
	number_case(en_big, de_big, "de");
	number_case(en, ru, "ru");
	number_case(en_dec, de_dec, "de");
	/* trailing zeros of decimals do not matter; in German 1,250 is a
	 * decimal, not one thousand two hundred and fifty */
	number_case(en_dec, de_mixed, "de");
}

TEST(align_names_across_scripts)
{
	/* only the names tell which sentence was left out */
	static const char *const en[] = {"Lukashenko spoke in Minsk.",
	                                 "Tsikhanouskaya spoke in Vilnius.",
	                                 "Kolesnikova spoke in Gomel.", NULL};
	static const char *const be[] = {"Лукашэнка выступіў у Мінску.",
	                                 "Калеснікава выступіла ў Гомелі.",
	                                 NULL};
	static const char *const ru[] = {"Тихановская выступила в Вильнюсе.",
	                                 "Колесникова выступила в Гомеле.",
	                                 NULL};
	struct pair p;

	CHECK_INT(run(&p, en, be, "en", "be"), 0);
	CHECK_STR(p.beads, "[0]:[0] [1]:[] [2]:[1]");
	align_result_release(&p.r);
	CHECK_INT(run(&p, en, ru, "en", "ru"), 0);
	CHECK_STR(p.beads, "[0]:[] [1]:[0] [2]:[1]");
	align_result_release(&p.r);
}

TEST(align_names_transcribed)
{
	/* transcription changes the vowels: Trump / Трамп */
	static const char *const en[] = {"Trump spoke on Monday.",
	                                 "Biden spoke on Tuesday.",
	                                 "Obama spoke on Friday.", NULL};
	static const char *const ru[] = {"Трамп выступил в понедельник.",
	                                 "Обама выступил в пятницу.", NULL};
	static const char *const ru2[] = {"Байден выступил во вторник.",
	                                  "Обама выступил в пятницу.", NULL};
	struct pair p;

	CHECK_INT(run(&p, en, ru, "en", "ru"), 0);
	CHECK_STR(p.beads, "[0]:[0] [1]:[] [2]:[1]");
	align_result_release(&p.r);
	CHECK_INT(run(&p, en, ru2, "en", "ru"), 0);
	CHECK_STR(p.beads, "[0]:[] [1]:[0] [2]:[1]");
	align_result_release(&p.r);
}

TEST(align_months_and_weekdays)
{
	/* only the names of days and months tell which sentence is left
	 * out, across languages and scripts and with case endings */
	static const char *const en[] = {"The talks began on Monday.",
	                                 "The talks resumed on Wednesday.",
	                                 "The talks ended on Friday.", NULL};
	static const char *const ru[] = {"Переговоры начались в понедельник.",
	                                 "Переговоры завершились в пятницу.",
	                                 NULL};
	static const char *const months[] = {
	    "Prices rose in March.", "Prices fell in August.",
	    "Prices rose again in November.", NULL};
	static const char *const uk[] = {"Ціни зросли у березні.",
	                                 "Ціни впали в серпні.", NULL};
	static const char *const de[] = {
	    "Die Preise stiegen im März.",
	    "Im November stiegen die Preise erneut.", NULL};
	struct pair p;

	CHECK_INT(run(&p, en, ru, "en", "ru"), 0);
	CHECK_STR(p.beads, "[0]:[0] [1]:[] [2]:[1]");
	align_result_release(&p.r);
	CHECK_INT(run(&p, months, uk, "en", "uk"), 0);
	CHECK_STR(p.beads, "[0]:[0] [1]:[1] [2]:[]");
	align_result_release(&p.r);
	CHECK_INT(run(&p, months, de, "en", "de"), 0);
	CHECK_STR(p.beads, "[0]:[0] [1]:[] [2]:[1]");
	align_result_release(&p.r);
}

TEST(align_continuation_joins)
{
	/* the same target, once split at a semicolon before a small letter
	 * and once as two whole sentences: the continuation joins its
	 * sentence, the whole sentence is an addition of the translation */
	static const char *const en[] = {
	    "The delegation reached the border crossing at Terespol late in "
	    "the evening.",
	    "Talks begin on Monday.", NULL};
	static const char *const soft[] = {
	    "Die Delegation erreichte den Grenzübergang Terespol spät am "
	    "Abend;",
	    "die Beamten ließen sie nach einer sofort passieren.",
	    "Die Gespräche beginnen am Montag.", NULL};
	static const char *const whole[] = {
	    "Die Delegation erreichte den Grenzübergang Terespol spät am "
	    "Abend.",
	    "Die Beamten ließen sie nach einer sofort passieren.",
	    "Die Gespräche beginnen am Montag.", NULL};
	struct pair p;

	CHECK_INT(run(&p, en, soft, "en", "de"), 0);
	CHECK_STR(p.beads, "[0]:[0, 1] [1]:[2]");
	align_result_release(&p.r);
	CHECK_INT(run(&p, en, whole, "en", "de"), 0);
	CHECK_STR(p.beads, "[0]:[0] []:[1] [1]:[2]");
	align_result_release(&p.r);
}

TEST(align_drop_beside_merge)
{
	/* the translation adds a sentence and merges the next two: that is
	 * 0-1 and 2-1, not two whole sentences merged on each side (2-2) */
	static const char *const en[] = {
	    "The ministry reported 412 new cases on Friday.",
	    "The figure for Thursday was 388.",
	    "According to the ministry, 1,250 patients are in hospital while "
	    "86,000 tests have been carried out across Latvia.",
	    "Case numbers have fallen since the vaccination campaign began.",
	    "Schools will reopen on 1 September.",
	    "Universities will follow on 15 September.",
	    NULL};
	static const char *const de[] = {
	    "Das Ministerium meldete am Freitag 412 neue Fälle.",
	    "Am Donnerstag waren es 388 gewesen.",
	    "Es fügte hinzu, dass 52.300 Menschen im Land erkrankt und 49.800 "
	    "von ihnen genesen seien.",
	    "Nach Angaben des Ministeriums liegen 1.250 Patienten im "
	    "Krankenhaus, bisher wurden in Lettland 86.000 Tests gemacht, und "
	    "die Fallzahlen sinken seit Beginn der Impfkampagne.",
	    "Die Schulen öffnen am 1. September wieder.",
	    "Die Universitäten folgen am 15. September.",
	    NULL};
	struct pair p;

	CHECK_INT(run(&p, en, de, "en", "de"), 0);
	CHECK_STR(p.beads, "[0]:[0] [1]:[1] []:[2] [2, 3]:[3] [4]:[4] [5]:[5]");
	align_result_release(&p.r);
}

TEST(align_one_to_five)
{
	/* a list in one sentence, its translation split at semicolons */
	static const char *const en[] = {
	    "Scientists from five countries took part: 1952 Augustin Lombard "
	    "in geology, 1953 Albert Meier in botany, 1954 Helmut Heuberger in "
	    "geography, 1955 Erwin Schneider in cartography, 1956 Fritz "
	    "Müller in glaciology.",
	    "The results will be published in 1958.", NULL};
	static const char *const fr[] = {
	    "1952, Augustin Lombard en géologie ;",
	    "1953, Albert Meier en botanique ;",
	    "1954, Helmut Heuberger en géographie ;",
	    "1955, Erwin Schneider en cartographie ;",
	    "1956, Fritz Müller en glaciologie.",
	    "Les résultats seront publiés en 1958.",
	    NULL};
	struct pair p;

	CHECK_INT(run(&p, en, fr, "en", "fr"), 0);
	CHECK_STR(p.beads, "[0]:[0, 1, 2, 3, 4] [1]:[5]");
	align_result_release(&p.r);
}

TEST(align_unrelated_texts)
{
	static const char *const weather[] = {
	    "Heavy rain is expected across Scotland on Saturday.",
	    "Forecasters warned of flooding near Glasgow and Aberdeen.",
	    "Temperatures will fall to 4 degrees overnight.",
	    "Ferries to the islands may be cancelled.",
	    "Drivers should allow extra time on the A9.",
	    "The weather should improve by Tuesday afternoon.",
	    "Snow is possible above 600 metres in the Highlands.",
	    "Farmers have been told to move livestock to higher ground.",
	    "The Met Office will update its warnings at noon.",
	    "Last winter, storms cut power to 30,000 homes.",
	    NULL,
	};
	static const char *const football[] = {
	    "Der FC Bayern gewann am Mittwoch mit 3:1 in Dortmund.",
	    "Kane traf zweimal in der ersten Halbzeit.",
	    "Die Gastgeber verkürzten kurz vor der Pause.",
	    "Nach dem Seitenwechsel drängte Dortmund auf den Ausgleich.",
	    "Musiala entschied das Spiel in der Nachspielzeit.",
	    "Trainer Kompany lobte die Moral seiner Mannschaft.",
	    "Im Stadion waren 81.365 Zuschauer.",
	    "Die Tabellenführung ist damit ausgebaut.",
	    "Am Samstag empfängt München den VfB Stuttgart.",
	    "Die Karten sind seit Wochen ausverkauft.",
	    NULL,
	};
	struct pair p;
	size_t k;

	CHECK_INT(run(&p, weather, football, "en", "de"), 0);
	CHECK(p.r.unrelated);
	CHECK(p.r.relatedness < 0.5);
	for (k = 0; k < p.r.nbead; k++)
		if (p.r.beads[k].nsrc && p.r.beads[k].ntgt)
			CHECK(p.r.beads[k].confidence < 0.5);
	align_result_release(&p.r);
}

TEST(align_uneven_sides)
{
	static const char *const one[] = {
	    "Lithuanian border guards said 52 people had crossed into "
	    "Lithuania by Thursday evening.",
	    NULL,
	};
	static const char *const none[] = {NULL};
	struct pair p;

	/* one sentence against five: it finds its partner */
	CHECK_INT(run(&p, news_en, one, "en", "en"), 0);
	CHECK_STR(p.beads, "[0]:[] [1]:[] [2]:[] [3]:[] [4]:[0]");
	align_result_release(&p.r);
	/* an empty side: every sentence of the other is left alone */
	CHECK_INT(run(&p, none, news_ru, "en", "ru"), 0);
	CHECK_STR(p.beads, "[]:[0] []:[1] []:[2] []:[3] []:[4]");
	align_result_release(&p.r);
	CHECK_INT(run(&p, none, none, NULL, NULL), 0);
	CHECK_INT(p.r.nbead, 0);
	align_result_release(&p.r);
}

TEST(align_too_many_sentences)
{
	struct align_sent s = {"x", 1, 0};
	struct align_result r;
	struct err e;

	align_result_init(&r);
	err_clear(&e);
	/* refused before a single sentence is read */
	CHECK_INT(align_run(&r, &s, ALIGN_MAX_SENTENCES + 1, &s, 1, NULL, &e),
	          ERR_LIMIT);
	CHECK(strstr(e.msg, "too many sentences") != NULL);
	align_result_release(&r);
}

TEST(align_length_only_baseline)
{
	struct align_opts o = {"en", "ru", ALIGN_LENGTH_ONLY};
	struct align_sent s[8], t[8];
	struct align_result r;
	struct err e;
	size_t ns = take(s, news_en), nt = take(t, news_ru);

	align_result_init(&r);
	CHECK_INT(align_run(&r, s, ns, t, nt, &o, &e), 0);
	CHECK_INT(r.nbead, 5);
	align_result_release(&r);
}
