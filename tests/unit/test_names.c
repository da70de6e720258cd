/* Unit tests of names: parsing, given-name sets, matching. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "names.h"
#include "text.h"
#include "unit.h"

/* Compare a and b; returns the result (score, verdict, why). */
static struct names_result cmp(const struct names *nm, const char *a,
                               const char *b)
{
	struct names_result r;
	struct err e;

	memset(&r, 0, sizeof(r));
	err_clear(&e);
	if (names_compare(nm, a, strlen(a), b, strlen(b), NAMES_THRESHOLD, &r,
	                  &e) < 0)
		r.score = -1;
	return r;
}

static int same(const struct names *nm, const char *a, const char *b)
{
	struct names_result r = cmp(nm, a, b);
	struct names_result r2 = cmp(nm, b, a);

	/* the comparison is symmetric */
	unit_check(r.same == r2.same && r.score == r2.score,
	           "names_compare is symmetric", __FILE__, __LINE__);
	return r.same;
}

static int parse(const struct names *nm, struct names_name *out, const char *s)
{
	struct err e;

	err_clear(&e);
	return names_parse(nm, out, s, strlen(s), &e);
}

/* Are the single words a and b the same given name? */
static int given_equal(const struct names *nm, const char *a, const char *b)
{
	struct names_name na, nb;

	if (parse(nm, &na, a) < 0 || parse(nm, &nb, b) < 0)
		return -1;
	return names_given_equal(&na.tok[0], &nb.tok[0]);
}

TEST(names_given_sets)
{
	struct names *nm = names_new();
	static const char *const aleksandr[] = {
	    "Аляксандр", "Александр", "Aliaksandr", "Alexander",
	    "Aleksandr", "Ales",      "Олександр",  "Aleksander",
	};
	static const char *const sergei[] = {
	    "Сяргей", "Сергей", "Siarhei", "Sergei", "Sergey", "Serhiy",
	};
	static const char *const vladimir[] = {
	    "Уладзімір", "Владимир",  "Volodymyr",
	    "Vladimir",  "Uladzimir", "Włodzimierz",
	};
	size_t i, j;

	for (i = 0; i < 8; i++)
		for (j = 0; j < 8; j++)
			CHECK(given_equal(nm, aleksandr[i], aleksandr[j]) == 1);
	for (i = 0; i < 6; i++)
		for (j = 0; j < 6; j++) {
			CHECK(given_equal(nm, sergei[i], sergei[j]) == 1);
			CHECK(given_equal(nm, vladimir[i], vladimir[j]) == 1);
			CHECK(given_equal(nm, sergei[i], vladimir[j]) == 0);
		}
	/* male and female forms are different names */
	CHECK(given_equal(nm, "Aleksandr", "Aleksandra") == 0);
	CHECK(given_equal(nm, "Yevgeny", "Yevgenia") == 0);
	CHECK(given_equal(nm, "Valery", "Veronika") == 0);
	CHECK(given_equal(nm, "Vitali", "Wladimir") == 0);
	CHECK(given_equal(nm, "Sviatlana", "Светлана") == 1);
	CHECK(given_equal(nm, "Hanna", "Анна") == 1);
	names_free(nm);
}

TEST(names_parse_roles)
{
	struct names *nm = names_new();
	struct names_name n;

	CHECK_INT(parse(nm, &n, "Лукашенко Александр Григорьевич"), 0);
	CHECK_INT(n.ntok, 3);
	CHECK_INT(n.tok[0].role, NAMES_SURNAME);
	CHECK_INT(n.tok[1].role, NAMES_GIVEN);
	CHECK_INT(n.tok[2].role, NAMES_PATRONYMIC);
	CHECK_INT(names_surname(&n), 0);

	CHECK_INT(parse(nm, &n, "Yu. V. Tymoshenko"), 0);
	CHECK_INT(n.ntok, 3);
	CHECK_INT(n.tok[0].role, NAMES_INITIAL);
	CHECK_INT(n.tok[1].role, NAMES_INITIAL);
	CHECK_INT(names_surname(&n), 2);

	/* before a comma, or in capitals among other words: the surname */
	CHECK_INT(parse(nm, &n, "Roman, Pavel"), 0);
	CHECK_INT(names_surname(&n), 0);
	CHECK_INT(parse(nm, &n, "PAVEL Roman"), 0);
	CHECK_INT(names_surname(&n), 0);
	CHECK_INT(parse(nm, &n, "Roman Pavel"), 0);
	CHECK_INT(names_surname(&n), 1);

	/* words: hyphens split, apostrophes join, possessives go */
	CHECK_INT(parse(nm, &n, "Hanna Gronkiewicz-Waltz"), 0);
	CHECK_INT(n.ntok, 3);
	CHECK_INT(parse(nm, &n, "Tikhanovskaya's"), 0);
	CHECK_INT(n.ntok, 1);
	CHECK_STR(n.tok[0].form, "tihanovskaja");
	CHECK_INT(n.tok[0].end, strlen("Tikhanovskaya"));
	CHECK_INT(parse(nm, &n, "Лукашенко’s"), 0);
	CHECK_STR(n.tok[0].form, "lukawenko");
	CHECK_INT(parse(nm, &n, "Sinéad O'Connor"), 0);
	CHECK_INT(n.ntok, 2);
	CHECK_STR(n.tok[1].form, "oconor");

	/* genders of surname endings */
	CHECK_INT(parse(nm, &n, "Tsikhanouskaya"), 0);
	CHECK_INT(n.tok[0].gender, NAMES_FEMALE);
	CHECK_INT(parse(nm, &n, "Tsikhanouski"), 0);
	CHECK_INT(n.tok[0].gender, NAMES_MALE);
	CHECK_INT(parse(nm, &n, "Klitschko"), 0);
	CHECK_INT(n.tok[0].gender, NAMES_UNKNOWN);
	names_free(nm);
}

TEST(names_parse_errors_and_nfd)
{
	struct names *nm = names_new();
	struct names_name n;
	struct err e;
	/* й and é decomposed: и + U+0306, e + U+0301 */
	const char nfd[] = "Андре\xd0\xb8\xcc\x86 Se\xcc\x81verin";

	err_clear(&e);
	CHECK_INT(names_parse(nm, &n, " ,. 12 ", 7, &e), ERR_EMPTY);
	CHECK_STR(e.msg, "no letters in the name");
	CHECK_INT(parse(nm, &n, "a b c d e f g h i j k"), ERR_LIMIT);
	CHECK_INT(parse(nm, &n, "a b c d e f g h i j"), 0);
	CHECK_INT(parse(nm, &n, nfd), 0);
	CHECK_INT(n.ntok, 2);
	CHECK_STR(n.tok[0].form, "andrej");
	CHECK_STR(n.tok[1].form, "severin");
	names_free(nm);
}

TEST(names_relatives_are_different)
{
	struct names *nm = names_new();
	struct names_result r;

	CHECK(!same(nm, "Sviatlana Tsikhanouskaya", "Siarhei Tsikhanouski"));
	CHECK(!same(nm, "Vitali Klitschko", "Wladimir Klitschko"));
	CHECK(!same(nm, "Valery Tsepkalo", "Veronika Tsepkalo"));
	CHECK(!same(nm, "Святлана Ціханоўская", "Сергей Тихановский"));
	r = cmp(nm, "Vitali Klitschko", "Wladimir Klitschko");
	CHECK_INT(r.why, NAMES_WHY_GIVEN);
	/* the same surname with a different given name: a namesake */
	CHECK(!same(nm, "Alexander Lukashenko", "Viktor Lukashenko"));
	/* feminine and masculine surnames alone */
	r = cmp(nm, "Tsikhanouskaya", "Tsikhanouski");
	CHECK(!r.same);
	CHECK_INT(r.why, NAMES_WHY_GENDER);
	CHECK(!same(nm, "Kolesnikova", "Колесников"));
	/* a given name in one is not the surname of the other */
	CHECK(!same(nm, "Ivan Petrov", "Petr Ivanov"));
	/* masculine and feminine given names, in the table or not */
	CHECK(!same(nm, "Jan Novák", "Jana Novák"));
	CHECK(!same(nm, "Ivan Sutherland", "Ivana Sutherland"));
	CHECK(!same(nm, "Stanislav Smith", "Stanislava Smith"));
	CHECK(!same(nm, "Mario Rossi", "Maria Rossi"));
	/* but not Belarusian akanne in a given name */
	CHECK(same(nm, "Бойко Тодоров", "Бойка Тодараў"));
	/* Jr. and II are other persons, Sr. is the same */
	CHECK(!same(nm, "Donald Sutherland", "Donald Sutherland Jr."));
	CHECK(!same(nm, "Sutherland Jr", "Donald Sutherland"));
	CHECK(!same(nm, "John Paul II", "John Paul III"));
	CHECK(same(nm, "Donald Sutherland Sr.", "Donald Sutherland"));
	names_free(nm);
}

TEST(names_order_patronymic_initials)
{
	struct names *nm = names_new();
	struct names_result r;

	/* the alignment, word for word */
	r = cmp(nm, "Лукашенко Александр Григорьевич", "Aliaksandr Lukashenka");
	CHECK(r.same);
	CHECK_INT(r.aligned[0], 1);
	CHECK_INT(r.aligned[1], 0);
	CHECK_INT(r.aligned[2], -1);

	CHECK(same(nm, "Lukashenko, Alexander", "Alexander Lukashenko"));
	CHECK(same(nm, "Лукашенко Александр Григорьевич",
	           "Aliaksandr Lukashenka"));
	CHECK(same(nm, "LUKASHENKA Aliaksandr", "Alexander Lukashenko"));
	CHECK(same(nm, "A. Lukashenko", "Alexander Lukashenko"));
	CHECK(same(nm, "А. Г. Лукашенко", "Aliaksandr Lukashenka"));
	CHECK(same(nm, "U. Zelenskyi", "Владимир Зеленский"));
	CHECK(!same(nm, "M. Tsikhanouski", "Siarhei Tsikhanouski"));
	/* patronymics are optional, but two that differ are two fathers */
	CHECK(same(nm, "Иван Петрович Сидоров", "Ivan Sidorov"));
	CHECK(!same(nm, "Иван Петрович Сидоров", "Иван Сергеевич Сидоров"));
	names_free(nm);
}

TEST(names_surname_alone)
{
	struct names *nm = names_new();
	struct names_result r;

	r = cmp(nm, "Lukashenka", "Alexander Lukashenko");
	CHECK(r.same);
	CHECK(r.surname);
	CHECK_INT(r.tok_a, 0);
	CHECK_INT(r.tok_b, 1);
	r = cmp(nm, "Лукашенко Александр", "Lukashenka's");
	CHECK(r.same);
	CHECK(r.surname);
	CHECK_INT(r.tok_a, 0);
	CHECK_INT(r.tok_b, 0);
	CHECK(same(nm, "Tikhanovskaya's", "Sviatlana Tsikhanouskaya"));
	/* a given name alone is not a mention of the surname */
	CHECK(!same(nm, "Sviatlana", "Sviatlana Tsikhanouskaya"));
	/* initials beside a surname must fit */
	CHECK(same(nm, "Tsikhanouskaya S.", "Sviatlana Tsikhanouskaya"));
	/* titles are not words of the name */
	r = cmp(nm, "Mr Lukashenko", "Aliaksandr Lukashenka");
	CHECK(r.same);
	CHECK(r.surname);
	CHECK(same(nm, "господин Лукашенко", "Alexander Lukashenko"));
	CHECK(same(nm, "Dr. Sviatlana Tsikhanouskaya", "Святлана Ціханоўская"));
	names_free(nm);
}

/* Do names a and b share a lookup key? */
static int share_key(const struct names *nm, const char *a, const char *b)
{
	struct names_name na, nb;
	char ka[NAMES_MAX_KEYS][TRANSLIT_FORM_MAX + 1];
	char kb[NAMES_MAX_KEYS][TRANSLIT_FORM_MAX + 1];
	int i, j, n, m;

	if (parse(nm, &na, a) < 0 || parse(nm, &nb, b) < 0)
		return -1;
	n = names_keys(ka, &na);
	m = names_keys(kb, &nb);
	for (i = 0; i < n; i++)
		for (j = 0; j < m; j++)
			if (!strcmp(ka[i], kb[j]))
				return 1;
	return 0;
}

TEST(names_keys_find_candidates)
{
	struct names *nm = names_new();
	struct names_name n;
	char k[NAMES_MAX_KEYS][TRANSLIT_FORM_MAX + 1];

	CHECK_INT(
	    share_key(nm, "Sviatlana Tsikhanouskaya", "Тихановская, Светлана"),
	    1);
	CHECK_INT(share_key(nm, "Mikalai Statkevich", "Статкевіч"), 1);
	CHECK_INT(share_key(nm, "Clint Eastwood", "Клинт Иствуд"), 1);
	CHECK_INT(share_key(nm, "George Clooney", "Джордж Клуни"), 1);
	CHECK_INT(
	    share_key(nm, "Hanna Gronkiewicz-Waltz", "Гронкевич-Вальц, Ханна"),
	    1);
	CHECK_INT(share_key(nm, "Петкова Мария Стоянова", "Maria Petkova"), 1);
	CHECK_INT(share_key(nm, "Sviatlana Tsikhanouskaya", "Lukashenka"), 0);
	/* a Latin spelling without its diacritics (ę, ć, đ read as sounds
	 * give other skeletons) */
	CHECK_INT(share_key(nm, "Lech Wałęsa", "Walesa"), 1);
	CHECK_INT(share_key(nm, "Dana Salihović-Whalen", "Salihovic"), 1);
	CHECK_INT(share_key(nm, "Zoran Đorđević", "Dordevic"), 1);
	CHECK_INT(share_key(nm, "Andrej Babiš", "Babis"), 1);
	CHECK(same(nm, "Lech Wałęsa", "Lech Walesa"));
	/* an English reading gives a second key */
	CHECK_INT(parse(nm, &n, "George Clooney"), 0);
	CHECK_INT(names_keys(k, &n), 2);
	CHECK_STR(k[0], "tln");
	CHECK_STR(k[1], "kln");
	CHECK_INT(parse(nm, &n, "Лукашенко"), 0);
	CHECK_INT(names_keys(k, &n), 1);
	CHECK_STR(k[0], "lksnk");
	names_free(nm);
}

/*
 * Every pair of tests/data/names/compare.tsv: NAME TAB NAME TAB
 * same|different.  A failure names the line.
 */
TEST(names_compare_table)
{
	struct names *nm = names_new();
	struct buf raw;
	struct err e;
	size_t pos = 0, line = 0;
	int pairs = 0;

	buf_init(&raw);
	err_clear(&e);
	CHECK_INT(text_read(&raw, unit_path("data/names/compare.tsv"),
	                    "compare.tsv", &e),
	          0);
	while (pos < raw.len) {
		char *s = raw.data + pos, *nl, *t1, *t2;
		char what[256];
		struct names_result r;
		int want;

		nl = memchr(s, '\n', raw.len - pos);
		if (nl)
			*nl = '\0';
		pos += strlen(s) + 1;
		line++;
		if (!*s || *s == '#')
			continue;
		t1 = strchr(s, '\t');
		t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		snprintf(what, sizeof(what), "compare.tsv:%zu: %s", line, s);
		if (!t2) {
			unit_check(0, what, __FILE__, __LINE__);
			continue;
		}
		*t1 = *t2 = '\0';
		want = !strcmp(t2 + 1, "same");
		unit_check(want || !strcmp(t2 + 1, "different"), what, __FILE__,
		           __LINE__);
		err_clear(&e);
		CHECK_INT(names_compare(nm, s, strlen(s), t1 + 1,
		                        strlen(t1 + 1), NAMES_THRESHOLD, &r,
		                        &e),
		          0);
		snprintf(what, sizeof(what),
		         "compare.tsv:%zu: %s | %s: want %s, got %.3f", line, s,
		         t1 + 1, want ? "same" : "different", r.score);
		unit_check(r.same == want, what, __FILE__, __LINE__);
		pairs++;
	}
	CHECK(pairs >= 100);
	buf_release(&raw);
	names_free(nm);
}
