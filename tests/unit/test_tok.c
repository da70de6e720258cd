/* Unit tests of tok: the tokens the matcher compares. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "tok.h"
#include "unit.h"

/*
 * Describe the tokens of s as "kind:text=key" separated by spaces, kinds
 * w n s p; key bytes below 0x20 shown as #.
 */
static const char *toks(struct buf *out, const char *s, const char *lang)
{
	struct tok_list l;
	size_t i, k;

	tok_list_init(&l);
	tok_split(&l, s, strlen(s), lang);
	buf_reset(out);
	for (i = 0; i < l.n; i++) {
		const struct tok *t = &l.v[i];
		const char *key = tok_key(&l, t);

		buf_addf(out, "%s%c:%.*s=", i ? " " : "", "?wnsp"[t->kind],
		         (int)(t->end - t->start), s + t->start);
		for (k = 0; k < t->key_len; k++)
			buf_addch(out,
			          (unsigned char)key[k] < 0x20 ? '#' : key[k]);
	}
	tok_list_release(&l);
	return out->data;
}

TEST(tok_apostrophes_one_set)
{
	struct buf b;

	buf_init(&b);
	/* every apostrophe norm_is_apostrophe knows joins a word and keys
	 * as ' (the set names and namefind use) */
	CHECK_STR(
	    toks(&b, "O'Brien O’Brien Oʼbrien O‘Brien O`Brien O´Brien", "en"),
	    "w:O'Brien=o'brien w:O’Brien=o'brien w:Oʼbrien=o'brien "
	    "w:O‘Brien=o'brien w:O`Brien=o'brien w:O´Brien=o'brien");
	/* quotes around a word are not inside it */
	CHECK_STR(toks(&b, "‘Brien’ `x´", "en"),
	          "p:‘=‘ w:Brien=brien p:’=’ s:`=` w:x=x s:´=´");
	buf_release(&b);
}

TEST(tok_words_numbers_punctuation)
{
	struct buf b;

	buf_init(&b);
	CHECK_STR(
	    toks(&b, "Lukashenko, who  has spent 2020 courting the U.S.", "en"),
	    "w:Lukashenko=lukashenko p:,=, w:who=who w:has=has "
	    "w:spent=spent n:2020=#N w:courting=courting w:the=the "
	    "w:U.S.=u.s.");
	CHECK_STR(toks(&b, "U.S. embassy, А. И. Семенов, e.g.,", "ru"),
	          "w:U.S.=u.s. w:embassy=embassy p:,=, w:А=а p:.=. w:И=и "
	          "p:.=. w:Семенов=семенов p:,=, w:e.g.=e.g. p:,=,");
	CHECK_STR(toks(&b, "“We are glad,” Tikhanovskaya’s aide said...", "en"),
	          "p:“=“ w:We=we w:are=are w:glad=glad p:,=, p:”=” "
	          "w:Tikhanovskaya’s=tikhanovskaya's w:aide=aide w:said=said "
	          "p:...=...");
	CHECK_STR(toks(&b, "government-funded Zapad-2025 drills", "en"),
	          "w:government-funded=government-funded w:Zapad=zapad p:-=- "
	          "n:2025=#N w:drills=drills");
	CHECK_STR(toks(&b, "52% of 1,300 in the 1990s, 33rd", "en"),
	          "n:52=#N s:%=% w:of=of n:1,300=#N w:in=in w:the=the "
	          "n:1990s=#Ns p:,=, n:33rd=#Nrd");
	CHECK_STR(toks(&b, "STRASSE Straße", NULL),
	          "w:STRASSE=strasse w:Straße=strasse");
	buf_release(&b);
}

TEST(tok_numbers_follow_the_language)
{
	struct buf b;

	buf_init(&b);
	CHECK_STR(toks(&b, "меньше, чем 1 300 заключенных", "ru"),
	          "w:меньше=меньше p:,=, w:чем=чем n:1 300=#N "
	          "w:заключенных=заключенных");
	CHECK_STR(toks(&b, "1 300 prisoners", "en"),
	          "n:1=#N n:300=#N w:prisoners=prisoners");
	CHECK_STR(toks(&b, "33-летний, 22.08.2025 um 15:30", "de"),
	          "n:33=#N p:-=- w:летний=летний p:,=, n:22.08.2025=#C.3 "
	          "w:um=um n:15:30=#C:2");
	buf_release(&b);
}

TEST(tok_spans_and_flags)
{
	const char *s = "  Minsk said: “No.”";
	struct tok_list l;

	tok_list_init(&l);
	tok_split(&l, s, strlen(s), "en");
	CHECK_INT(l.n, 7);
	CHECK_INT(l.v[0].start, 2);
	CHECK_INT(l.v[0].end, 7);
	CHECK(l.v[0].cap);
	CHECK(!l.v[1].cap);
	CHECK_INT(l.v[3].kind, TOK_PUNCT);
	CHECK_MEM(s + l.v[3].start, l.v[3].end - l.v[3].start, "“");
	CHECK(tok_scored(&l.v[4]));
	CHECK(!tok_scored(&l.v[5]));
	tok_list_reset(&l);
	CHECK_INT(l.n, 0);
	tok_split(&l, "", 0, "en");
	CHECK_INT(l.n, 0);
	tok_list_release(&l);
}
