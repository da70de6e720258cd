/* Unit tests of match: scores, penalties, placeables, the index. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "match.h"
#include "unit.h"
#include "xalloc.h"

/* ---- a fake names module: two people, a few spellings each ---- */

static const struct {
	const char *spelling, *entity;
} fake_spellings[] = {
    {"Lukashenko", "Q1"},     {"Lukashenka", "Q1"},    {"Lukaschenko", "Q1"},
    {"Лукашенко", "Q1"},      {"Лукашэнка", "Q1"},     {"LUKASHENKO", "Q1"},
    {"Tsikhanouskaya", "Q2"}, {"Tikhanovskaya", "Q2"}, {"Тихановская", "Q2"},
    {"Тихановской", "Q2"},
};

static const struct {
	const char *entity, *lang, *house;
} fake_house[] = {
    {"Q1", "en", "Lukashenko"},  {"Q1", "ru", "Лукашенко"},
    {"Q1", "de", "Lukaschenko"}, {"Q2", "en", "Tsikhanouskaya"},
    {"Q2", "ru", "Тихановская"},
};

static int fake_calls;

static const char *fake_entity(void *ctx, const char *tok, size_t len,
                               const char *lang)
{
	size_t i;

	(void)ctx;
	(void)lang;
	fake_calls++;
	for (i = 0; i < sizeof(fake_spellings) / sizeof(fake_spellings[0]); i++)
		if (strlen(fake_spellings[i].spelling) == len &&
		    !memcmp(fake_spellings[i].spelling, tok, len))
			return fake_spellings[i].entity;
	return NULL;
}

static int fake_house_form(void *ctx, struct buf *out, const char *entity,
                           const char *lang, const char *written, size_t len)
{
	size_t i;

	(void)ctx;
	/* a real names module keeps case endings; the fake keeps "ой" */
	for (i = 0; i < sizeof(fake_house) / sizeof(fake_house[0]); i++)
		if (!strcmp(fake_house[i].entity, entity) &&
		    !strcmp(fake_house[i].lang, lang)) {
			const char *h = fake_house[i].house;
			size_t hl = strlen(h);

			if (len > 4 && !memcmp(written + len - 4, "ой", 4) &&
			    hl > 4 && !memcmp(h + hl - 4, "ая", 4)) {
				buf_add(out, h, hl - 4);
				buf_adds(out, "ой");
			} else {
				buf_adds(out, h);
			}
			return 0;
		}
	return -1;
}

static const struct match_names fake_names = {fake_entity, fake_house_form,
                                              NULL};

/* ---- helpers ---- */

static struct match_unit unit(int64_t id, const char *src, const char *tgt,
                              const char *sl, const char *tl)
{
	struct match_unit u;

	memset(&u, 0, sizeof(u));
	u.id = id;
	u.src = src;
	u.src_len = strlen(src);
	u.tgt = tgt;
	u.tgt_len = strlen(tgt);
	u.src_lang = sl;
	u.tgt_lang = tl;
	u.flags = MATCH_CONFIRMED;
	return u;
}

/* Score q against u with the defaults; r must be released. */
static int score(struct match_result *r, const char *q, const char *lang,
                 const struct match_unit *u)
{
	struct err e;

	err_clear(&e);
	CHECK_INT(
	    match_score(r, q, strlen(q), lang, u, &fake_names, NULL, NULL, &e),
	    0);
	return r->score;
}

/* The penalty whose reason starts with head, or NULL. */
static const struct match_penalty *pen(const struct match_result *r,
                                       const char *head)
{
	int i;

	for (i = 0; i < r->npen; i++)
		if (!strncmp(r->pen[i].why, head, strlen(head)))
			return &r->pen[i];
	return NULL;
}

static int pen_total(const struct match_result *r)
{
	int i, t = 0;

	for (i = 0; i < r->npen; i++)
		t += r->pen[i].points;
	return t;
}

/* ---- the score ---- */

TEST(match_score_formula)
{
	struct match_unit u =
	    unit(1, "the cat sat on the mat", "x", "en", "de");
	struct match_result r;

	/* one substitution in six tokens: floor(100 * 5 / 6) = 83 */
	CHECK_INT(score(&r, "the cat sat on a mat", "en", &u), 83);
	CHECK_INT(r.base, 83);
	CHECK_INT(r.edits, 1);
	CHECK_STR(r.band, "75-84");
	CHECK_INT(r.npen, 0);
	match_result_release(&r);
	/* a deletion: the longer count is 6, floor(100 * 5 / 6) */
	CHECK_INT(score(&r, "the cat sat on mat", "en", &u), 83);
	match_result_release(&r);
	/* three of six: 50 */
	CHECK_INT(score(&r, "a dog sat on a mat", "en", &u), 50);
	CHECK_STR(r.band, "50-74");
	match_result_release(&r);
	/* two insertions: longer count 8, floor(100 * 6 / 8) = 75 */
	CHECK_INT(score(&r, "the cat sat on the big red mat", "en", &u), 75);
	match_result_release(&r);
	/* nothing shared */
	CHECK_INT(score(&r, "dogs bark", "en", &u), 0);
	CHECK_STR(r.band, "0-49");
	match_result_release(&r);
	/* whitespace does not count: identical is 100 */
	CHECK_INT(score(&r, "  the cat  sat on the\tmat ", "en", &u), 100);
	CHECK_STR(r.band, "100");
	CHECK_INT(r.npen, 0);
	CHECK_STR(r.proposed, "x");
	match_result_release(&r);
}

TEST(match_score_penalties_case_and_punctuation)
{
	struct match_unit u =
	    unit(1, "Belarus freed 52 prisoners on Thursday.", "t", "en", "de");
	struct match_result r;
	const struct match_penalty *p;

	/* case only: never 100 */
	CHECK_INT(
	    score(&r, "belarus freed 52 prisoners on Thursday.", "en", &u), 99);
	CHECK_INT(r.base, 100);
	p = pen(&r, "case");
	CHECK(p && p->points == 1);
	CHECK(p && strstr(p->why, "Belarus -> belarus"));
	match_result_release(&r);
	/* three tokens in capitals cost the case maximum, 3 */
	CHECK_INT(
	    score(&r, "BELARUS FREED 52 PRISONERS ON THURSDAY.", "en", &u), 97);
	match_result_release(&r);
	/* punctuation: replaced, removed, added */
	CHECK_INT(
	    score(&r, "Belarus freed 52 prisoners on Thursday!", "en", &u), 99);
	p = pen(&r, "punctuation");
	CHECK(p && strstr(p->why, ". -> !"));
	match_result_release(&r);
	CHECK_INT(score(&r, "Belarus freed 52 prisoners on Thursday", "en", &u),
	          99);
	CHECK(strstr(pen(&r, "punctuation")->why, ". removed") != NULL);
	match_result_release(&r);
	CHECK_INT(
	    score(&r, "“Belarus freed 52 prisoners, on Thursday.”", "en", &u),
	    97);
	CHECK_INT(pen(&r, "punctuation")->points, 3);
	match_result_release(&r);
	/* a typographic apostrophe is the same word, written differently */
	u = unit(2, "Thursday's release", "t", "en", "de");
	CHECK_INT(score(&r, "Thursday’s release", "en", &u), 99);
	CHECK(pen(&r, "punctuation") != NULL);
	match_result_release(&r);
	/* penalties and word edits add up */
	u = unit(3, "the cat sat on the mat.", "t", "en", "de");
	CHECK_INT(score(&r, "The cat sat on a mat!", "en", &u), 81);
	CHECK_INT(r.base, 83);
	CHECK_INT(pen_total(&r), 2);
	match_result_release(&r);
}

TEST(match_score_penalties_origin)
{
	struct match_unit u =
	    unit(1, "Minsk said so.", "Minsk sagte das.", "en", "de");
	struct match_result r;

	/* a confident alignment: a verbatim repeat stays a 100 */
	u.flags = MATCH_ALIGNED;
	u.confidence = 0.95;
	CHECK_INT(score(&r, "Minsk said so.", "en", &u), 100);
	CHECK_INT(r.npen, 0);
	match_result_release(&r);
	/* 0.895 is shown as 0.90: sure as well */
	u.confidence = 0.895;
	CHECK_INT(score(&r, "Minsk said so.", "en", &u), 100);
	match_result_release(&r);
	/* an unsure one costs 1, a weak one 2, with the reason */
	u.confidence = 0.62;
	CHECK_INT(score(&r, "Minsk said so.", "en", &u), 99);
	CHECK(pen(&r, "automatic alignment") != NULL);
	CHECK_STR(pen(&r, "automatic")->why,
	          "automatic alignment, confidence 0.62");
	CHECK_INT(pen(&r, "automatic")->points, 1);
	match_result_release(&r);
	u.confidence = 0.3;
	CHECK_INT(score(&r, "Minsk said so.", "en", &u), 98);
	CHECK_STR(pen(&r, "automatic")->why,
	          "automatic alignment, confidence 0.30");
	CHECK_INT(pen(&r, "automatic")->points, 2);
	match_result_release(&r);
	/* never for a confirmed unit, whatever the aligner thought */
	u.flags = MATCH_ALIGNED | MATCH_CONFIRMED;
	CHECK_INT(score(&r, "Minsk said so.", "en", &u), 100);
	match_result_release(&r);
	/* nor for a unit that did not come from an alignment */
	u.flags = 0;
	u.confidence = 0;
	CHECK_INT(score(&r, "Minsk said so.", "en", &u), 100);
	match_result_release(&r);
	u.flags = MATCH_ALIGNED | MATCH_CONFIRMED;
	u.alternatives = 2;
	CHECK_INT(score(&r, "Minsk said so.", "en", &u), 99);
	CHECK_STR(pen(&r, "2 other")->why,
	          "2 other translations in the memory");
	match_result_release(&r);
	{
		struct match_weights w;
		struct err e;

		match_weights_default(&w);
		w.alternatives = 7;
		u.flags = MATCH_ALIGNED;
		u.confidence = 0.7;
		CHECK_INT(match_score(&r, "Minsk said so.", 14, "en", &u, NULL,
		                      &w, NULL, &e),
		          0);
		CHECK_INT(r.score, 92);
		CHECK_INT(r.npen, 2);
		match_result_release(&r);
	}
}

TEST(match_score_101_context)
{
	struct match_unit a =
	    unit(10, "First sentence here.", "A.", "en", "de");
	struct match_unit b =
	    unit(11, "Second sentence here.", "B.", "en", "de");
	struct match_set prev;
	struct match_result r;
	struct err e;

	a.doc = b.doc = 7;
	a.pos = 3;
	b.pos = 4;
	match_set_init(&prev);
	CHECK_INT(
	    match_score(&r, a.src, a.src_len, "en", &a, NULL, NULL, NULL, &e),
	    0);
	CHECK_INT(r.score, 100);
	/* the previous sentence's matches: a at 100 */
	prev.v = &r;
	prev.n = 1;
	{
		struct match_result r2;

		CHECK_INT(match_score(&r2, b.src, b.src_len, "en", &b, NULL,
		                      NULL, &prev, &e),
		          0);
		CHECK_INT(r2.score, 101);
		CHECK_STR(r2.band, "101");
		match_result_release(&r2);
		/* not the unit just before b in its document */
		CHECK_INT(r.norigins, 1);
		r.origins[0].pos = 2;
		CHECK_INT(match_score(&r2, b.src, b.src_len, "en", &b, NULL,
		                      NULL, &prev, &e),
		          0);
		CHECK_INT(r2.score, 100);
		match_result_release(&r2);
		/* another document */
		r.origins[0].pos = 3;
		r.origins[0].doc = 8;
		CHECK_INT(match_score(&r2, b.src, b.src_len, "en", &b, NULL,
		                      NULL, &prev, &e),
		          0);
		CHECK_INT(r2.score, 100);
		match_result_release(&r2);
		/* the previous match was not a 100 */
		r.origins[0].doc = 7;
		r.score = 99;
		CHECK_INT(match_score(&r2, b.src, b.src_len, "en", &b, NULL,
		                      NULL, &prev, &e),
		          0);
		CHECK_INT(r2.score, 100);
		match_result_release(&r2);
		/* this one is not a 100 itself */
		r.score = 100;
		CHECK_INT(match_score(&r2, "Second sentence here!", 21, "en",
		                      &b, NULL, NULL, &prev, &e),
		          0);
		CHECK_INT(r2.score, 99);
		match_result_release(&r2);
	}
	match_result_release(&r);
	/* a unit seen in several documents: any origin counts */
	{
		static const struct match_origin more[] = {{9, 40}, {12, 5}};
		struct match_result r1, r2;

		a.doc = 3; /* first seen elsewhere */
		a.pos = 0;
		a.origins = more;
		a.norigins = 2;
		b.doc = 12;
		b.pos = 6;
		CHECK_INT(match_score(&r1, a.src, a.src_len, "en", &a, NULL,
		                      NULL, NULL, &e),
		          0);
		CHECK_INT(r1.norigins, 3);
		prev.v = &r1;
		prev.n = 1;
		CHECK_INT(match_score(&r2, b.src, b.src_len, "en", &b, NULL,
		                      NULL, &prev, &e),
		          0);
		CHECK_INT(r2.score, 101);
		match_result_release(&r2);
		b.pos = 7;
		CHECK_INT(match_score(&r2, b.src, b.src_len, "en", &b, NULL,
		                      NULL, &prev, &e),
		          0);
		CHECK_INT(r2.score, 100);
		match_result_release(&r2);
		match_result_release(&r1);
	}
	CHECK_STR(match_band(101), "101");
	CHECK_STR(match_band(100), "100");
	CHECK_STR(match_band(95), "95-99");
	CHECK_STR(match_band(94), "85-94");
	CHECK_STR(match_band(85), "85-94");
	CHECK_STR(match_band(84), "75-84");
	CHECK_STR(match_band(74), "50-74");
	CHECK_STR(match_band(49), "0-49");
}

/* Score q (English) against src -> tgt in lang; check score and proposal. */
static void check_proposal(const char *src, const char *tgt, const char *sl,
                           const char *tl, const char *q, int want_score,
                           const char *want, int line)
{
	struct match_unit u = unit(1, src, tgt, sl, tl);
	struct match_result r;
	struct err e;

	err_clear(&e);
	if (!CHECK_INT(match_score(&r, q, strlen(q), sl, &u, &fake_names, NULL,
	                           NULL, &e),
	               0))
		return;
	if (r.score != want_score || strcmp(r.proposed, want))
		fprintf(stderr, "  (check_proposal at line %d)\n", line);
	CHECK_INT(r.score, want_score);
	CHECK_STR(r.proposed, want);
	match_result_release(&r);
}

TEST(match_numbers_as_placeables)
{
	const char *en =
	    "Even so, the group was far smaller than the 1,300 prisoners.";
	const char *q =
	    "Even so, the group was far smaller than the 1,400 prisoners.";

	/* Russian copy that writes 1300 ungrouped keeps its style */
	check_proposal(en, "Однако это намного меньше, чем 1300 заключенных.",
	               "en", "ru", q, 99,
	               "Однако это намного меньше, чем 1400 заключенных.",
	               __LINE__);
	check_proposal(en, "Аднак гэта значна менш за 1 300 вязняў.", "en",
	               "be", q, 99, "Аднак гэта значна менш за 1 400 вязняў.",
	               __LINE__);
	check_proposal(
	    en, "Das sind weit weniger als die 1.300 Gefangenen.", "en", "de",
	    q, 99, "Das sind weit weniger als die 1.400 Gefangenen.", __LINE__);
	check_proposal(en, "C'est bien moins que les 1 300 détenus.", "en",
	               "fr", q, 99, "C'est bien moins que les 1 400 détenus.",
	               __LINE__);
	/* into English */
	check_proposal("Das sind weniger als die 1.300 Gefangenen.",
	               "That is fewer than the 1,300 prisoners.", "de", "en",
	               "Das sind weniger als die 1.400 Gefangenen.", 99,
	               "That is fewer than the 1,400 prisoners.", __LINE__);
	/* the target shows no style for thousands: the language's own */
	check_proposal("Border guards said 52 people crossed.",
	               "Пограничники сообщили, что границу пересекли 52 "
	               "человека.",
	               "en", "ru", "Border guards said 1052 people crossed.",
	               99,
	               "Пограничники сообщили, что границу пересекли 1 052 "
	               "человека.",
	               __LINE__);
	check_proposal("Border guards said 52 people crossed.",
	               "Grenzschützer sagten, 52 Menschen seien gekommen.",
	               "en", "de", "Border guards said 51 people crossed.", 99,
	               "Grenzschützer sagten, 51 Menschen seien gekommen.",
	               __LINE__);
	/* decimals */
	check_proposal("Prices rose 2.5 percent in May.",
	               "Die Preise stiegen im Mai um 2,5 Prozent.", "en", "de",
	               "Prices rose 2.75 percent in May.", 99,
	               "Die Preise stiegen im Mai um 2,75 Prozent.", __LINE__);
	/* two numbers, one of them in a date */
	check_proposal("As of September 10, Viasna counted about 1,150 "
	               "political prisoners.",
	               "По данным «Вясны», на 10 сентября в Беларуси было "
	               "около 1150 политзаключенных.",
	               "en", "ru",
	               "As of September 12, Viasna counted about 1,100 "
	               "political prisoners.",
	               98,
	               "По данным «Вясны», на 12 сентября в Беларуси было "
	               "около 1100 политзаключенных.",
	               __LINE__);
	/* a numeric date written another way in the target */
	check_proposal("The talks ended on 8/22/2025.",
	               "Die Gespräche endeten am 22.08.2025.", "en", "de",
	               "The talks ended on 8/23/2025.", 99,
	               "Die Gespräche endeten am 23.08.2025.", __LINE__);
	/* the same value written differently costs a point, changes nothing */
	check_proposal(en, "Меньше, чем 1300.", "en", "ru",
	               "Even so, the group was far smaller than the 1300 "
	               "prisoners.",
	               99, "Меньше, чем 1300.", __LINE__);
}

TEST(match_numbers_missing_in_target)
{
	struct match_unit u = unit(1, "He was sentenced to 15 years.",
	                           "Ему дали пятнадцать лет.", "en", "ru");
	struct match_result r;
	const struct match_penalty *p;

	CHECK_INT(score(&r, "He was sentenced to 16 years.", "en", &u), 94);
	p = pen(&r, "number not in the stored target");
	CHECK(p && p->points == 5);
	CHECK(p && strstr(p->why, ": 15"));
	CHECK_STR(r.proposed, u.tgt);
	match_result_release(&r);
	/* more than four changed numbers cost four */
	u = unit(2, "1 2 3 4 5 6 7 8 9 10", "1 2 3 4 5 6 7 8 9 10", "en", "en");
	CHECK_INT(score(&r, "11 12 13 14 15 6 7 8 9 10", "en", &u), 96);
	CHECK_STR(r.proposed, "11 12 13 14 15 6 7 8 9 10");
	match_result_release(&r);
}

TEST(match_names_as_placeables)
{
	struct match_unit u = unit(
	    1, "Lukashenko denies that Belarus holds any prisoners.",
	    "Лукашэнка отрицает, что в Беларуси есть заключенные.", "en", "ru");
	struct match_result r;
	const struct match_penalty *p;

	CHECK_INT(score(&r,
	                "Lukashenka denies that Belarus holds any prisoners.",
	                "en", &u),
	          99);
	p = pen(&r, "name spelling");
	CHECK(p && p->points == 1);
	CHECK(p && strstr(p->why, "Lukashenko -> Lukashenka"));
	CHECK_STR(r.proposed,
	          "Лукашенко отрицает, что в Беларуси есть заключенные.");
	match_result_release(&r);
	/* the same spelling: the target is left alone */
	CHECK_INT(score(&r,
	                "Lukashenko denies that Belarus holds any prisoners.",
	                "en", &u),
	          100);
	CHECK_STR(r.proposed, u.tgt);
	match_result_release(&r);
	/* a case ending the house callback keeps */
	u = unit(2, "They met Tsikhanouskaya in Vilnius.",
	         "Они встретились с Тихановской в Вильнюсе.", "en", "ru");
	CHECK_INT(score(&r, "They met Tikhanovskaya in Vilnius.", "en", &u),
	          99);
	CHECK_STR(r.proposed, u.tgt);
	match_result_release(&r);
	/* case only in a name is a case penalty */
	u = unit(3, "Lukashenko spoke.", "Лукашенко выступил.", "en", "ru");
	CHECK_INT(score(&r, "LUKASHENKO spoke.", "en", &u), 99);
	CHECK(pen(&r, "case") != NULL);
	CHECK(pen(&r, "name") == NULL);
	match_result_release(&r);
	/* without the names capability a variant is a different word */
	{
		struct err e;

		CHECK_INT(match_score(&r, "Lukashenka spoke.", 17, "en", &u,
		                      NULL, NULL, NULL, &e),
		          0);
		CHECK_INT(r.score, 50);
		match_result_release(&r);
	}
}

TEST(match_diff_rendering)
{
	struct match_unit u =
	    unit(1,
	         "In 2022 Russian forces invaded Ukraine partly from "
	         "Belarusian soil, although Belarus has kept its own troops "
	         "out of the war.",
	         "t", "en", "de");
	const char *q = "In 2022 Russian forces invaded Ukraine partly from "
	                "Belarusian territory, although Belarus has kept its "
	                "own army out of the war.";
	struct match_result r;
	struct buf b;

	buf_init(&b);
	score(&r, q, "en", &u);
	CHECK_INT(r.score, 90);
	match_render_diff(&b, &r, q, strlen(q), DIFF_PLAIN);
	CHECK_STR(b.data, "In 2022 Russian forces invaded Ukraine partly from "
	                  "Belarusian [-soil-]{+territory+}, although Belarus "
	                  "has kept its own [-troops-]{+army+} out of the "
	                  "war.");
	buf_reset(&b);
	match_render_diff(&b, &r, q, strlen(q), DIFF_COLOR);
	CHECK(strstr(b.data, "\033[31msoil\033[m\033[32mterritory\033[m"));
	match_result_release(&r);
	/* numbers and case show in the diff too */
	u = unit(2, "The 52 prisoners were freed.", "t", "en", "de");
	q = "the 51 prisoners were freed.";
	score(&r, q, "en", &u);
	buf_reset(&b);
	match_render_diff(&b, &r, q, strlen(q), DIFF_PLAIN);
	CHECK_STR(b.data, "[-The 52-]{+the 51+} prisoners were freed.");
	match_result_release(&r);
	buf_release(&b);
}

TEST(match_score_errors)
{
	struct match_unit u = unit(1, "a b", "c", "en", "de");
	struct match_result r;
	struct err e;
	struct buf big;
	int i;

	buf_init(&big);
	for (i = 0; i < MATCH_MAX_TOKENS + 1; i++)
		buf_adds(&big, "w ");
	err_clear(&e);
	CHECK_INT(
	    match_score(&r, big.data, big.len, "en", &u, NULL, NULL, NULL, &e),
	    ERR_LIMIT);
	CHECK(strstr(e.msg, "too long") != NULL);
	u.src = big.data;
	u.src_len = big.len;
	CHECK_INT(match_score(&r, "a b", 3, "en", &u, NULL, NULL, NULL, &e),
	          ERR_LIMIT);
	CHECK(strstr(e.msg, "unit 1") != NULL);
	buf_release(&big);
}

/* ---- the index ---- */

TEST(match_index_basics)
{
	struct match_index *x = match_index_new(&fake_names, NULL, NULL);
	struct match_unit u;
	struct match_set s;
	struct match_query q;
	struct err e;

	match_set_init(&s);
	u = unit(100, "Belarus freed 52 prisoners on Thursday.",
	         "Беларусь освободила 52 заключенных в четверг.", "en", "ru");
	CHECK_INT(match_index_add(x, &u, &e), 0);
	u = unit(101, "Belarus freed 52 prisoners on Thursday.",
	         "Belarus ließ am Donnerstag 52 Gefangene frei.", "en", "de");
	CHECK_INT(match_index_add(x, &u, &e), 0);
	u = unit(102, "Lukashenko met a U.S. delegation in Minsk.",
	         "Лукашенко встретился с делегацией США в Минске.", "en", "ru");
	CHECK_INT(match_index_add(x, &u, &e), 0);
	CHECK_INT(match_index_add(x, &u, &e), ERR_USAGE);
	CHECK_INT(match_index_size(x), 3);

	memset(&q, 0, sizeof(q));
	q.text = "Belarus freed 51 prisoners on Thursday.";
	q.len = strlen(q.text);
	q.src_lang = "en";
	q.tgt_lang = "ru";
	q.min_score = 75;
	CHECK_INT(match_index_query(&s, x, &q, &e), 0);
	CHECK_INT(s.n, 1);
	CHECK_INT(s.v[0].id, 100);
	CHECK_INT(s.v[0].score, 99);
	CHECK_STR(s.v[0].proposed,
	          "Беларусь освободила 51 заключенных в четверг.");
	q.tgt_lang = NULL;
	CHECK_INT(match_index_query(&s, x, &q, &e), 0);
	CHECK_INT(s.n, 2);
	CHECK_INT(s.v[0].id, 101); /* same score: the newer id first */
	q.max = 1;
	CHECK_INT(match_index_query(&s, x, &q, &e), 0);
	CHECK_INT(s.n, 1);
	q.max = 0;
	q.text = "Lukashenka met a U.S. delegation in Minsk.";
	q.len = strlen(q.text);
	q.min_score = 95;
	CHECK_INT(match_index_query(&s, x, &q, &e), 0);
	CHECK_INT(s.n, 1);
	CHECK_INT(s.v[0].score, 99);
	/* bad thresholds */
	q.min_score = 102;
	CHECK_INT(match_index_query(&s, x, &q, &e), ERR_USAGE);
	q.min_score = -1;
	CHECK_INT(match_index_brute(&s, x, &q, &e), ERR_USAGE);
	/* removal, and adding the id again */
	CHECK_INT(match_index_remove(x, 102), 0);
	CHECK_INT(match_index_remove(x, 102), ERR_NOTFOUND);
	q.min_score = 50;
	CHECK_INT(match_index_query(&s, x, &q, &e), 0);
	CHECK_INT(s.n, 0);
	u = unit(102, "Lukashenko met a delegation in Minsk.", "x", "en", "ru");
	CHECK_INT(match_index_add(x, &u, &e), 0);
	CHECK_INT(match_index_query(&s, x, &q, &e), 0);
	CHECK_INT(s.n, 1);
	CHECK_INT(s.v[0].score, 84);
	CHECK_INT(match_index_size(x), 3);
	match_set_release(&s);
	match_index_free(x);
}

/* A tiny xorshift generator, so that the data are the same every run. */
static uint64_t rng_state;

static unsigned rnd(unsigned n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state % n);
}

static const char *const words[] = {
    "the",     "the",     "of",        "and",     "said",   "prisoners",
    "Minsk",   "Belarus", "freed",     "on",      "in",     "a",
    "border",  "guards",  "Thursday",  "state",   "news",   "agency",
    "release", "talks",   "sanctions", "Union",   "leader", "opposition",
    "rights",  "group",   "Poland",    "Vilnius", "colony", "journalist",
    "war",     "army",    "the",       "of",      "to",     "was",
};
static const char *const names[] = {"Lukashenko", "Lukashenka",
                                    "Tsikhanouskaya", "Tikhanovskaya"};
static const char *const puncts[] = {",", ",", ";", " –", ":", "“", "”"};

static void add_word(struct buf *b)
{
	unsigned r = rnd(100);

	if (b->len)
		buf_addch(b, ' ');
	if (r < 8)
		buf_addf(b, "%u", rnd(3) ? rnd(60) : 1000 + rnd(3000));
	else if (r < 10)
		buf_addf(b, "%u,%03u", 1 + rnd(9), rnd(1000));
	else if (r < 14)
		buf_adds(b, names[rnd(4)]);
	else if (r < 40)
		buf_addf(b, "w%u", rnd(3000)); /* a rare word */
	else
		buf_adds(b, words[rnd(sizeof(words) / sizeof(words[0]))]);
	if (rnd(100) < 10)
		buf_adds(b, puncts[rnd(sizeof(puncts) / sizeof(puncts[0]))]);
}

static void gen_sentence(struct buf *b, unsigned len)
{
	unsigned i;

	buf_reset(b);
	for (i = 0; i < len; i++)
		add_word(b);
	buf_adds(b, rnd(5) ? "." : "!");
}

/*
 * Edit a sentence a few times: words replaced, inserted or deleted,
 * numbers and names changed, case and punctuation changed.
 */
static void mutate(struct buf *out, const char *s, unsigned edits)
{
	struct buf w;
	const char *p = s;
	unsigned i, nwords = 0;
	size_t start[400], len[400];

	buf_init(&w);
	buf_reset(out);
	while (*p && nwords < 400) {
		const char *q = strchr(p, ' ');
		size_t n = q ? (size_t)(q - p) : strlen(p);

		start[nwords] = (size_t)(p - s);
		len[nwords++] = n;
		p += n + (q != NULL);
	}
	for (i = 0; i < nwords; i++) {
		unsigned r = rnd(nwords * 4 + 1);
		const char *word = s + start[i];

		if (r < edits && r % 4 == 0)
			continue; /* deleted */
		if (out->len)
			buf_addch(out, ' ');
		if (r < edits && r % 4 == 1) {
			buf_reset(&w);
			add_word(&w);
			buf_add(out, w.data, w.len);
			continue;
		}
		if (r < edits && r % 4 == 2 && word[0] >= 'a' &&
		    word[0] <= 'z') {
			buf_addch(out, word[0] - 32);
			buf_add(out, word + 1, len[i] - 1);
			continue;
		}
		buf_add(out, word, len[i]);
		if (r < edits && r % 4 == 3) {
			buf_reset(&w);
			add_word(&w);
			buf_add(out, w.data, w.len);
		}
	}
	buf_release(&w);
}

/* How often each word occurs in the test store (words sorted, counted). */
struct freq {
	char **w;
	size_t n;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A word as the frequency table keeps it: up to the first space or mark. */
static char *word_key(const char *s, size_t n)
{
	size_t k = 0;

	if (n && s[0] >= '0' && s[0] <= '9')
		return xstrdup("#"); /* numbers are one placeholder */
	while (k < n && !strchr(" ,;:.!", s[k]) && (unsigned char)s[k] != 0xE2)
		k++;
	return xmemdupz(s, k);
}

static void freq_fill(struct freq *f, char **text, size_t n)
{
	size_t i, cap = 0;

	f->w = NULL;
	f->n = 0;
	for (i = 0; i < n; i++) {
		const char *p = text[2 * i];

		while (*p) {
			const char *q = strchr(p, ' ');
			size_t len = q ? (size_t)(q - p) : strlen(p);

			XGROW(f->w, cap, f->n + 1);
			f->w[f->n++] = word_key(p, len);
			p += len + (q != NULL);
		}
	}
	qsort(f->w, f->n, sizeof(*f->w), cmp_str);
}

static size_t freq_of(const struct freq *f, const char *w)
{
	size_t lo = 0, hi = f->n, a, b;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(f->w[mid], w) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	a = b = lo;
	while (b < f->n && !strcmp(f->w[b], w))
		b++;
	return b - a;
}

static void freq_release(struct freq *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->w[i]);
	free(f->w);
}

/*
 * The query a prefix filter finds hardest: a unit whose rarest words are
 * replaced by new words, pct percent of its words, so that what it still
 * shares are its most common words.
 */
static void mutate_rare(struct buf *out, const char *s, unsigned pct,
                        const struct freq *f)
{
	const char *p = s;
	size_t start[400], len[400], cnt[400];
	unsigned i, j, nwords = 0, k;
	char sub[400];

	while (*p && nwords < 400) {
		const char *q = strchr(p, ' ');
		size_t n = q ? (size_t)(q - p) : strlen(p);
		char *w = word_key(p, n);

		start[nwords] = (size_t)(p - s);
		cnt[nwords] = freq_of(f, w);
		free(w);
		len[nwords++] = n;
		p += n + (q != NULL);
	}
	memset(sub, 0, sizeof(sub));
	k = (nwords * pct + 99) / 100;
	for (j = 0; j < k; j++) {
		unsigned best = nwords;

		for (i = 0; i < nwords; i++)
			if (!sub[i] && (best == nwords || cnt[i] < cnt[best]))
				best = i;
		if (best < nwords)
			sub[best] = 1;
	}
	buf_reset(out);
	for (i = 0; i < nwords; i++) {
		if (out->len)
			buf_addch(out, ' ');
		if (sub[i]) {
			/* the word changes, its punctuation stays */
			char *w = word_key(s + start[i], len[i]);
			size_t wl = s[start[i]] >= '0' && s[start[i]] <= '9'
			                ? strspn(s + start[i], "0123456789,")
			                : strlen(w);

			if (wl && s[start[i] + wl - 1] == ',')
				wl--;
			buf_addf(out, "z%u", rnd(100000));
			buf_add(out, s + start[i] + wl, len[i] - wl);
			free(w);
		} else {
			buf_add(out, s + start[i], len[i]);
		}
	}
}

/* Whether two sets hold the same units with the same scores, in order. */
static int same_sets(const struct match_set *a, const struct match_set *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (a->v[i].id != b->v[i].id ||
		    a->v[i].score != b->v[i].score ||
		    strcmp(a->v[i].proposed, b->v[i].proposed))
			return 0;
	return 1;
}

/* The units of the property test, kept for the fetch callback. */
struct store {
	struct match_unit *u;
	char **text;
	size_t n;
	int fetches;
};

static int store_fetch(void *ctx, struct match_unit *out, int64_t id,
                       struct err *e)
{
	struct store *st = ctx;

	st->fetches++;
	if (id < 1 || (size_t)id > st->n)
		return err_set(e, ERR_NOTFOUND, "no unit %lld", (long long)id);
	*out = st->u[id - 1];
	return 0;
}

static void store_fill(struct store *st, size_t n)
{
	struct buf b, t;
	size_t i;

	buf_init(&b);
	buf_init(&t);
	st->n = n;
	st->u = xcalloc(n, sizeof(*st->u));
	st->text = xcalloc(2 * n, sizeof(char *));
	for (i = 0; i < n; i++) {
		unsigned len = 3 + rnd(30);

		if (i % 400 == 7)
			len = 70 + rnd(230); /* long: DP and oversize paths */
		if (i % 25 == 3)
			len = 1 + rnd(2); /* short: one or two words */
		if (i > 10 && rnd(5) == 0) {
			/* a near-duplicate of an earlier unit */
			mutate(&b, st->text[2 * rnd((unsigned)i)], rnd(4));
			if (!b.len)
				gen_sentence(&b, len);
		} else {
			gen_sentence(&b, len);
		}
		if (i == 5) {
			buf_reset(&b);
			buf_adds(&b, "– …");
		}
		buf_reset(&t);
		buf_addf(&t, "[%zu] %s", i, b.data);
		st->text[2 * i] = xstrdup(b.data);
		st->text[2 * i + 1] = xstrdup(t.data);
		st->u[i] = unit((int64_t)i + 1, st->text[2 * i],
		                st->text[2 * i + 1], "en", i % 3 ? "ru" : "de");
		st->u[i].doc = (int64_t)(i / 10) + 1;
		st->u[i].pos = (int)(i % 10);
		if (i % 7 == 0) {
			/* seen again in a later document */
			static const struct match_origin again[] = {{9000, 3},
			                                            {9000, 4}};

			st->u[i].origins = &again[(i / 7) % 2];
			st->u[i].norigins = 1;
		}
		st->u[i].flags = rnd(4) ? MATCH_CONFIRMED : MATCH_ALIGNED;
		st->u[i].alternatives = rnd(10) == 0;
	}
	buf_release(&b);
	buf_release(&t);
}

static void store_release(struct store *st)
{
	size_t i;

	for (i = 0; i < 2 * st->n; i++)
		free(st->text[i]);
	free(st->text);
	free(st->u);
}

TEST(match_index_equals_brute_force)
{
	static const int thresholds[] = {30, 50, 55, 60, 75, 90, 100, 101};
	static const unsigned rare_pct[] = {10, 25, 40, 45, 50};
	struct freq fr;
	struct store st;
	struct match_index *own, *fetched;
	struct match_set a, b, c, prev;
	struct match_query q;
	struct buf qt;
	struct err e;
	size_t i, k, k2, nonempty = 0, total = 0, n101 = 0;
	unsigned last = 0;
	int bad = 0;

	rng_state = 88172645463325252ULL;
	memset(&st, 0, sizeof(st));
	store_fill(&st, 2000);
	freq_fill(&fr, st.text, st.n);
	own = match_index_new(&fake_names, NULL, NULL);
	fetched = match_index_new(&fake_names, store_fetch, &st);
	for (i = 0; i < st.n; i++) {
		CHECK_INT(match_index_add(own, &st.u[i], &e), 0);
		CHECK_INT(match_index_add(fetched, &st.u[i], &e), 0);
	}
	match_set_init(&a);
	match_set_init(&b);
	match_set_init(&c);
	match_set_init(&prev);
	buf_init(&qt);
	for (i = 0; i < 120 && !bad; i++) {
		if (i % 4 == 3)
			mutate_rare(&qt, st.text[2 * rnd((unsigned)st.n)],
			            rare_pct[rnd(5)], &fr);
		else if (i % 2)
			mutate(&qt, st.text[2 * (last = rnd((unsigned)st.n))],
			       rnd(3));
		else if (i % 4 == 0)
			gen_sentence(&qt, 3 + rnd(30));
		else { /* the unit after the last one: 101 if both are 100 */
			buf_reset(&qt);
			buf_adds(&qt, st.text[2 * ((last + 1) % st.n)]);
		}
		if (i == 10)
			gen_sentence(&qt, 80); /* longer than 64 tokens */
		if (i % 8 == 6)
			gen_sentence(&qt, 1 + rnd(2)); /* one or two words */
		if (i == 12) {
			buf_reset(&qt);
			buf_adds(&qt, "… –");
		}
		memset(&q, 0, sizeof(q));
		q.text = qt.data;
		q.len = qt.len;
		q.src_lang = "en";
		q.tgt_lang = i % 3 ? NULL : "ru";
		q.prev = &prev;
		for (k = 0; k < sizeof(thresholds) / sizeof(thresholds[0]);
		     k++) {
			q.min_score = thresholds[k];
			CHECK_INT(match_index_query(&a, own, &q, &e), 0);
			CHECK_INT(match_index_brute(&b, own, &q, &e), 0);
			CHECK_INT(match_index_query(&c, fetched, &q, &e), 0);
			/* the same units reached the threshold by their base */
			if (!same_sets(&a, &b) || !same_sets(&a, &c) ||
			    a.verified != b.verified) {
				fprintf(stderr,
				        "  query %zu at %d: index %zu, brute "
				        "%zu, fetched %zu matches, %zu/%zu "
				        "verified: %s\n",
				        i, q.min_score, a.n, b.n, c.n,
				        a.verified, b.verified, qt.data);
				bad = 1;
			}
			total += a.n;
			nonempty += a.n > 0;
			for (k2 = 0; k2 < a.n; k2++)
				n101 += a.v[k2].score == 101;
		}
		/* the next query's previous sentence */
		q.min_score = 100;
		match_index_query(&prev, own, &q, &e);
	}
	CHECK(!bad);
	/* the test means something only if there were matches to find */
	CHECK(n101 > 0);
	CHECK(nonempty > 300);
	CHECK(total > 500);
	CHECK(st.fetches > 0);
	match_set_release(&a);
	match_set_release(&b);
	match_set_release(&c);
	match_set_release(&prev);
	buf_release(&qt);
	match_index_free(own);
	match_index_free(fetched);
	freq_release(&fr);
	store_release(&st);
}

TEST(match_scores_never_exceed_base)
{
	struct store st;
	struct buf qt;
	struct match_result r;
	struct err e;
	size_t i, k, over = 0, checked = 0;

	rng_state = 1234567;
	memset(&st, 0, sizeof(st));
	store_fill(&st, 300);
	buf_init(&qt);
	for (i = 0; i < 30; i++) {
		mutate(&qt, st.text[2 * rnd(300)], rnd(3));
		for (k = 0; k < st.n; k++) {
			if (match_score(&r, qt.data, qt.len, "en", &st.u[k],
			                &fake_names, NULL, NULL, &e) < 0)
				continue;
			checked++;
			if (r.score > r.base)
				over++;
			match_result_release(&r);
		}
	}
	CHECK_INT(over, 0);
	CHECK_INT(checked, 30 * 300);
	buf_release(&qt);
	store_release(&st);
}

TEST(match_index_store_and_load)
{
	struct store st;
	struct match_index *x, *y;
	struct match_set a, b;
	struct match_query q;
	struct buf blob;
	struct err e;
	size_t i, n, id, found = 0;
	int same = 1;

	rng_state = 99;
	memset(&st, 0, sizeof(st));
	store_fill(&st, 300);
	x = match_index_new(&fake_names, NULL, NULL);
	for (i = 0; i < st.n; i++)
		match_index_add(x, &st.u[i], &e);
	/* what a store would write: the dictionary and a blob per unit */
	y = match_index_new(&fake_names, store_fetch, &st);
	for (id = 0; id < match_index_token_count(x); id++) {
		const char *key = match_index_token(x, (uint32_t)id, &n);
		uint32_t got;

		match_index_intern(y, &got, key, n);
		CHECK_INT(got, id);
	}
	buf_init(&blob);
	for (i = 0; i < st.n; i++) {
		const uint32_t *toks;
		uint32_t *back;
		size_t nb;

		CHECK_INT(match_index_unit_tokens(x, st.u[i].id, &toks, &n), 0);
		buf_reset(&blob);
		match_tokens_encode(&blob, toks, n);
		CHECK_INT(match_tokens_decode(&back, &nb, blob.data, blob.len),
		          0);
		CHECK_INT(nb, n);
		CHECK(!n || !memcmp(back, toks, n * sizeof(*toks)));
		CHECK_INT(match_index_add_tokens(y, &st.u[i], back, nb, &e), 0);
		free(back);
	}
	match_set_init(&a);
	match_set_init(&b);
	memset(&q, 0, sizeof(q));
	for (i = 0; i < 40; i++) {
		q.text = st.text[2 * rnd(300)];
		q.len = strlen(q.text);
		q.min_score = 50 + (int)rnd(51);
		match_index_query(&a, x, &q, &e);
		match_index_query(&b, y, &q, &e);
		same &= same_sets(&a, &b);
		found += a.n;
	}
	CHECK(same);
	CHECK(found > 40);
	/* malformed input */
	{
		uint32_t bad = 999999, *t;
		struct match_unit u = unit(5000, "x", "y", "en", "de");

		CHECK_INT(match_index_add_tokens(y, &u, &bad, 1, &e),
		          ERR_FORMAT);
		CHECK(strstr(e.msg, "999999") != NULL);
		CHECK_INT(match_tokens_decode(&t, &n, "\x80\x80", 2),
		          ERR_FORMAT);
		CHECK_INT(
		    match_tokens_decode(&t, &n, "\xff\xff\xff\xff\xff\x01", 6),
		    ERR_FORMAT);
		{
			const uint32_t *ct;

			CHECK_INT(match_index_unit_tokens(y, 5000, &ct, &n),
			          ERR_NOTFOUND);
		}
	}
	{
		struct match_stats s1;

		match_index_stats(x, &s1);
		CHECK_INT(s1.units, 300);
		CHECK(s1.postings > 300 && s1.bytes > s1.postings);
	}
	buf_release(&blob);
	match_set_release(&a);
	match_set_release(&b);
	match_index_free(x);
	match_index_free(y);
	store_release(&st);
}

TEST(match_ties_ordered)
{
	/* six units that score the same for the same sentence */
	static const struct {
		unsigned flags;
		double conf;
		long long usage;
		int64_t date;
	} u[] = {
	    {MATCH_ALIGNED, 0.95, 0, 0}, /* id 1 */
	    {MATCH_CONFIRMED, -1, 0, 0}, /* id 2: confirmed first */
	    {MATCH_ALIGNED, 0.99, 0, 0}, /* id 3 */
	    {0, -1, 0, 100},             /* id 4: not aligned: sure */
	    {0, -1, 5, 50},              /* id 5: used more */
	    {0, -1, 0, 100},             /* id 6: as 4, newer id */
	};
	static const int64_t want[] = {2, 5, 6, 4, 3, 1};
	struct match_set s;
	struct err e;
	size_t i;

	match_set_init(&s);
	for (i = 0; i < 6; i++) {
		struct match_unit mu =
		    unit((int64_t)i + 1, "Minsk said so.", "t", "en", "de");

		mu.flags = u[i].flags;
		mu.confidence = u[i].conf;
		mu.usage = u[i].usage;
		mu.date = u[i].date;
		XGROW(s.v, s.cap, s.n + 1);
		CHECK_INT(match_score(&s.v[s.n], "Minsk said so.", 14, "en",
		                      &mu, NULL, NULL, NULL, &e),
		          0);
		CHECK_INT(s.v[s.n].score, 100);
		s.n++;
	}
	match_set_finish(&s, 0);
	for (i = 0; i < 6; i++)
		CHECK_INT(s.v[i].id, want[i]);
	match_set_finish(&s, 2);
	CHECK_INT(s.n, 2);
	match_set_release(&s);
}

TEST(match_token_distance_exact_and_capped)
{
	/* kitten -> sitting as token ids: 3 edits */
	static const uint32_t a[] = {1, 2, 3, 3, 4, 5};
	static const uint32_t b[] = {6, 2, 3, 3, 2, 5, 7};
	static const uint32_t none[1] = {0};
	unsigned row[8];

	CHECK_INT(match_token_distance(a, 6, b, 7, 10, row), 3);
	CHECK_INT(match_token_distance(b, 7, a, 6, 3, row), 3);
	CHECK_INT(match_token_distance(a, 6, a, 6, 0, row), 0);
	/* beyond kmax: kmax + 1 */
	CHECK_INT(match_token_distance(a, 6, b, 7, 2, row), 3);
	CHECK_INT(match_token_distance(a, 6, b, 7, 1, row), 2);
	/* against nothing: every token is one insertion */
	CHECK_INT(match_token_distance(none, 0, b, 7, 10, row), 7);
	CHECK_INT(match_token_distance(a, 6, none, 0, 10, row), 6);
}
