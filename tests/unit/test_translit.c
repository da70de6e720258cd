/* Unit tests of translit: romanisation and the loose key. */
#include <string.h>

#include "translit.h"
#include "unit.h"

static const char *latin(const char *s)
{
	static struct buf b;

	buf_release(&b);
	buf_init(&b);
	translit_latin(&b, s, strlen(s), TL_AUTO);
	return b.data;
}

/* Do a and b get the same key? */
static int same_key(const char *a, const char *b)
{
	struct buf ka, kb;
	int same;

	buf_init(&ka);
	buf_init(&kb);
	translit_key(&ka, a, strlen(a));
	translit_key(&kb, b, strlen(b));
	same = !strcmp(ka.data, kb.data);
	buf_release(&ka);
	buf_release(&kb);
	return same;
}

TEST(translit_detect_orthography)
{
	CHECK_INT(translit_detect("Ціханоўская", strlen("Ціханоўская")), TL_BE);
	CHECK_INT(translit_detect("Лукашэнка", strlen("Лукашэнка")), TL_RU);
	CHECK_INT(translit_detect("Зеленський", strlen("Зеленський")), TL_RU);
	CHECK_INT(translit_detect("Київ", strlen("Київ")), TL_UK);
	CHECK_INT(translit_detect("Йовановић", strlen("Йовановић")), TL_SR);
	CHECK_INT(translit_detect("Тихановская", strlen("Тихановская")), TL_RU);
}

TEST(translit_latin_by_language)
{
	CHECK_STR(latin("Тихановская"), "Tikhanovskaya");
	CHECK_STR(latin("Лукашенко сказал"), "Lukashenko skazal");
	CHECK_STR(latin("Ціханоўская"), "Tsikhanouskaia");
	CHECK_STR(latin("Київ"), "Kyiv");
	CHECK_STR(latin("Trump, 33"), "Trump, 33");
}

TEST(translit_key_brings_spellings_together)
{
	CHECK(same_key("Tikhanovskaya", "Тихановская"));
	CHECK(same_key("Lukashenko", "Лукашенко"));
	CHECK(same_key("Tsikhanouskaya", "Ціханоўская"));
	CHECK(!same_key("Lukashenko", "Tsikhanouskaya"));
}
