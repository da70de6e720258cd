/*
 * Unit tests of seg: the per-language cases of tests/data/seg/<lang>.txt,
 * the text-intact property, the data tables, offsets, the length cap and
 * inputs that must stay linear.
 *
 * A case file holds blocks:
 *
 *     @ en-3.2 what the case is about
 *     the input paragraph (one line or more; a line break is a space)
 *     =
 *     the first expected sentence
 *     the second expected sentence
 *
 * ending at a blank line, the next "@" or the end of the file.  Lines
 * starting with "#" are comments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "norm.h"
#include "seg.h"
#include "seg_data.h"
#include "text.h"
#include "unit.h"

/* Every file of cases, by the language code it is split with. */
static const char *const case_langs[] = {
    "en", "ru", "be", "uk", "de", "fr", "pl",
    "es", "it", "nl", "bg", "cs", "kk", "und",
};

#define NLANGS (sizeof(case_langs) / sizeof(case_langs[0]))

/* The end of the code point at i, and the start of the one before i. */
static size_t cp_len_after(const char *s, size_t n, size_t i)
{
	norm_next(s, n, &i);
	return i;
}

static size_t cp_start_before(const char *s, size_t i)
{
	norm_prev(s, &i);
	return i;
}

/* Is s[a..b) only whitespace? */
static int blank(const char *s, size_t a, size_t b)
{
	while (a < b) {
		int32_t cp = norm_next(s, b, &a);

		if (!(cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		      norm_is_space(cp)))
			return 0;
	}
	return 1;
}

/*
 * The properties every split must have: spans in order, inside s, trimmed,
 * non-empty, no longer than the cap, and nothing but whitespace between
 * them, so that the sentences joined with single spaces give back s up to
 * whitespace.  Returns 1 if all hold.
 */
static int check_intact(const char *s, size_t n, const struct seg_list *l,
                        size_t from, const char *what)
{
	size_t k, prev_end = 0;
	int ok = 1;

	for (k = from; k < l->len && ok; k++) {
		const struct seg_span *sp = &l->items[k];

		ok = sp->start < sp->end && sp->end <= n &&
		     sp->start >= prev_end && blank(s, prev_end, sp->start) &&
		     !blank(s, sp->start, cp_len_after(s, n, sp->start)) &&
		     !blank(s, cp_start_before(s, sp->end), sp->end) &&
		     norm_count(s + sp->start, sp->end - sp->start) <=
		         SEG_MAX_CHARS;
		prev_end = sp->end;
	}
	ok = ok && blank(s, prev_end, n);
	if (!ok)
		fprintf(stderr, "  %s: text not intact or bad spans\n", what);
	return ok;
}

struct case_stats {
	size_t cases, failed;
};

/* Split one case and compare; print the difference on failure. */
static void run_case(struct case_stats *st, const char *lang, const char *id,
                     const struct buf *in, const struct buf *want)
{
	struct seg_list l;
	struct buf got;
	size_t k;
	int ok;

	seg_list_init(&l);
	buf_init(&got);
	seg_split_text(&l, in->data, in->len, lang, 0);
	for (k = 0; k < l.len; k++) {
		buf_add(&got, in->data + l.items[k].start,
		        l.items[k].end - l.items[k].start);
		buf_addch(&got, '\n');
	}
	ok = got.len == want->len && !memcmp(got.data, want->data, got.len);
	ok = check_intact(in->data, in->len, &l, 0, id) && ok;
	st->cases++;
	if (!ok) {
		st->failed++;
		fprintf(stderr, "  case %s (%s) failed\n  got:\n%s  want:\n%s",
		        id, lang, got.data, want->data);
	}
	buf_release(&got);
	seg_list_release(&l);
}

/* Run every case of tests/data/seg/<lang>.txt. */
static void run_file(struct case_stats *st, const char *lang)
{
	char rel[64], line[8192], id[128] = "";
	struct buf in, want;
	FILE *f;
	int state = 0; /* 0 between cases, 1 input, 2 expected */
	size_t before = st->cases;

	snprintf(rel, sizeof(rel), "data/seg/%s.txt", lang);
	f = fopen(unit_path(rel), "r");
	if (!CHECK(f != NULL))
		return;
	buf_init(&in);
	buf_init(&want);
	for (;;) {
		char *got = fgets(line, sizeof(line), f);
		size_t len = got ? strlen(line) : 0;
		int end_case = !got || line[0] == '@' || line[0] == '\n';

		if (got && line[0] == '#')
			continue;
		if (end_case && state == 2) {
			run_case(st, lang, id, &in, &want);
			state = 0;
		}
		if (!got)
			break;
		if (line[0] == '@') {
			snprintf(id, sizeof(id), "%.*s",
			         (int)strcspn(line + 2, " \n"), line + 2);
			buf_reset(&in);
			buf_reset(&want);
			state = 1;
		} else if (state == 1 && !strcmp(line, "=\n")) {
			state = 2;
		} else if (state == 1) {
			buf_add(&in, line, len);
		} else if (state == 2 && line[0] != '\n') {
			buf_add(&want, line, len);
		}
	}
	fclose(f);
	/* every language has its cases */
	CHECK(st->cases - before >= 10);
	buf_release(&in);
	buf_release(&want);
}

TEST(seg_cases)
{
	struct case_stats st = {0, 0};
	size_t k;

	for (k = 0; k < NLANGS; k++)
		run_file(&st, case_langs[k]);
	if (st.failed)
		fprintf(stderr, "  seg cases: %zu of %zu failed\n", st.failed,
		        st.cases);
	CHECK_INT(st.failed, 0);
	CHECK(st.cases >= 14 * 10);
}

TEST(seg_data_sorted)
{
	size_t n, k;
	const struct seg_rules *const *all = seg_rules_all(&n);

	CHECK(n >= 14);
	for (k = 0; k <= n; k++) {
		const struct seg_rules *r = k < n ? all[k] : &seg_rules_common;
		const struct seg_words *lists[] = {
		    &r->title, &r->inner, &r->any, &r->suffix, &r->starters};
		size_t li, i;

		for (li = 0; li < 5; li++)
			for (i = 1; i < lists[li]->n; i++)
				if (!CHECK(strcmp(lists[li]->w[i - 1],
				                  lists[li]->w[i]) < 0))
					fprintf(stderr, "  %s: \"%s\" \"%s\"\n",
					        r->code, lists[li]->w[i - 1],
					        lists[li]->w[i]);
		/* an abbreviation has one kind */
		for (li = 0; li < 3; li++)
			for (i = 0; i < lists[li]->n; i++) {
				size_t lj;

				for (lj = li + 1; lj < 3; lj++)
					if (!CHECK(!seg_words_has(
					        lists[lj], lists[li]->w[i])))
						fprintf(
						    stderr, "  %s: \"%s\"\n",
						    r->code, lists[li]->w[i]);
			}
	}
}

TEST(seg_lang_codes)
{
	static const char german[] = "Das Treffen ist am 3. Oktober in "
	                             "Berlin. Die Details folgen morgen.";
	static const char *const codes[] = {"en", "ru", "be", "uk", "de",
	                                    "fr", "pl", "es", "it", "nl",
	                                    "bg", "cs", "kk"};
	size_t k;

	for (k = 0; k < sizeof(codes) / sizeof(codes[0]); k++) {
		CHECK_STR(seg_lang(codes[k], "", 0), codes[k]);
		CHECK(seg_rules_find(codes[k]) != NULL);
	}
	CHECK_STR(seg_lang("en-GB", "", 0), "en");
	CHECK_STR(seg_lang("DE_at", "", 0), "de");
	CHECK_STR(seg_lang("pt", "", 0), "und");
	CHECK_STR(seg_lang("und", "", 0), "und");
	CHECK_STR(seg_lang("not a tag", "", 0), "und");
	CHECK_STR(seg_lang("auto",
	                   "Это был тихий вечер, и он сказал, что "
	                   "всё уже было решено.",
	                   0 + strlen("Это был тихий вечер, и он сказал, что "
	                              "всё уже было решено.")),
	          "ru");
	CHECK_STR(seg_lang(NULL, "", 0), "und");
	/* i and j are not Dutch letters of their own */
	CHECK_STR(seg_lang("auto", german, strlen(german)), "de");
}

/* The same words split alike whatever the language, where rules agree. */
TEST(seg_unknown_language_uses_fallback)
{
	static const char s[] = "Dr. Silva chegou. Ele saiu às 5 horas.";
	struct seg_list a, b;

	seg_list_init(&a);
	seg_list_init(&b);
	seg_split_text(&a, s, strlen(s), "pt", 0);
	seg_split_text(&b, s, strlen(s), "und", 0);
	CHECK_INT(a.len, 2);
	CHECK_INT(b.len, a.len);
	CHECK_MEM(s + a.items[0].start, a.items[0].end - a.items[0].start,
	          "Dr. Silva chegou.");
	seg_list_release(&a);
	seg_list_release(&b);
}

TEST(seg_doc_offsets_and_paragraphs)
{
	static const char src[] = "Headline without a stop\n"
	                          "First one. Second one?\n\n"
	                          "  Third  one!   Fourth.\n";
	struct doc d;
	struct seg_list l;
	static const char *const want[] = {"Headline without a stop",
	                                   "First one.", "Second one?",
	                                   "Third one!", "Fourth."};
	static const size_t want_para[] = {0, 1, 1, 2, 2};
	size_t k;

	doc_init(&d);
	doc_build(&d, src, strlen(src), 0);
	seg_list_init(&l);
	seg_split_doc(&l, &d, "en");
	CHECK_INT(l.len, 5);
	for (k = 0; k < l.len && k < 5; k++) {
		const struct seg_span *sp = &l.items[k];

		CHECK_MEM(d.text + sp->start, sp->end - sp->start, want[k]);
		CHECK_INT(sp->para, want_para[k]);
		CHECK(sp->start >= d.paras[sp->para].start);
		CHECK(sp->end <= d.paras[sp->para].end);
	}
	CHECK_INT(l.cut, 0);
	seg_list_release(&l);
	doc_release(&d);
}

TEST(seg_appends_and_empty_input)
{
	struct seg_list l;

	seg_list_init(&l);
	seg_split_text(&l, "", 0, "en", 0);
	CHECK_INT(l.len, 0);
	seg_split_text(&l, "   \n\t ", 6, "en", 0);
	CHECK_INT(l.len, 0);
	seg_split_text(&l, "One. Two.", 9, "en", 3);
	seg_split_text(&l, " Three. ", 8, "en", 4);
	CHECK_INT(l.len, 3);
	CHECK_INT(l.items[1].para, 3);
	CHECK_INT(l.items[2].para, 4);
	CHECK_INT(l.items[2].start, 1);
	CHECK_INT(l.items[2].end, 7);
	seg_list_release(&l);
	CHECK_INT(l.len, 0);
}

/* Every sample, split as newstm splits it, keeps its text. */
TEST(seg_samples_intact)
{
	static const char *const files[] = {
	    "prisoners.en.txt", "prisoners.ru.txt", "prisoners.be.txt",
	    "prisoners.de.txt", "prisoners.fr.txt", "followup.en.txt"};
	size_t k, p;

	for (k = 0; k < sizeof(files) / sizeof(files[0]); k++) {
		char path[512];
		struct text_opts o = {NULL, 0};
		struct doc d;
		struct seg_list l;
		struct err e;

		snprintf(path, sizeof(path), "%s/../samples/%s", unit_path(""),
		         files[k]);
		doc_init(&d);
		err_clear(&e);
		if (!CHECK(doc_load(&d, NULL, path, path, &o, 0, &e) == 0)) {
			fprintf(stderr, "  %s\n", e.msg);
			continue;
		}
		seg_list_init(&l);
		seg_split_doc(&l, &d, "auto");
		CHECK(l.len > d.npara);
		for (p = 0; p < d.npara; p++) {
			struct seg_list one;

			seg_list_init(&one);
			seg_split_text(&one, d.text + d.paras[p].start,
			               d.paras[p].end - d.paras[p].start,
			               seg_lang("auto", d.text, d.len), p);
			CHECK(check_intact(d.text + d.paras[p].start,
			                   d.paras[p].end - d.paras[p].start,
			                   &one, 0, files[k]));
			seg_list_release(&one);
		}
		seg_list_release(&l);
		doc_release(&d);
	}
}

/* Split s and check the properties; returns the sentence count. */
static size_t split_checked(const char *s, size_t n, const char *lang,
                            size_t *cut, const char *what)
{
	struct seg_list l;
	size_t len;

	seg_list_init(&l);
	seg_split_text(&l, s, n, lang, 0);
	CHECK(check_intact(s, n, &l, 0, what));
	len = l.len;
	*cut = l.cut;
	seg_list_release(&l);
	return len;
}

TEST(seg_cap_cuts_long_sentences)
{
	struct buf b;
	size_t k, cut, n;

	/* words without punctuation: cut at spaces */
	buf_init(&b);
	for (k = 0; k < 1000; k++)
		buf_adds(&b, "слово ");
	n = split_checked(b.data, b.len, "ru", &cut, "words");
	CHECK(n >= 3 && n <= 6);
	CHECK_INT(cut, n - 1);
	/* one word longer than the cap: cut inside it */
	buf_reset(&b);
	for (k = 0; k < SEG_MAX_CHARS * 2 + 10; k++)
		buf_adds(&b, "ж");
	n = split_checked(b.data, b.len, "ru", &cut, "one word");
	CHECK_INT(n, 3);
	CHECK_INT(cut, 2);
	/* exactly the cap: no cut */
	buf_reset(&b);
	for (k = 0; k < SEG_MAX_CHARS - 1; k++)
		buf_addch(&b, 'a');
	buf_addch(&b, '.');
	n = split_checked(b.data, b.len, "en", &cut, "at the cap");
	CHECK_INT(n, 1);
	CHECK_INT(cut, 0);
	buf_release(&b);
}

/*
 * Inputs that a quadratic splitter would choke on.  The sizes keep the
 * sanitizer build within seconds; the bench runs 50 MB.
 */
TEST(seg_linear_inputs)
{
	struct buf b;
	size_t k, cut, n;

	buf_init(&b);
	/* 4 MB paragraph without punctuation */
	while (b.len < 4u << 20)
		buf_adds(&b, "lorem ipsum dolor sit amet ");
	n = split_checked(b.data, b.len, "en", &cut, "4 MB of words");
	CHECK(n > 2000);
	CHECK_INT(cut, n - 1);
	/* ten thousand full stops, and a million, in one token */
	buf_reset(&b);
	for (k = 0; k < 10000; k++)
		buf_addch(&b, '.');
	n = split_checked(b.data, b.len, "en", &cut, "full stops");
	CHECK_INT(n, 5);
	buf_reset(&b);
	for (k = 0; k < 1000000; k++)
		buf_adds(&b, ". ");
	n = split_checked(b.data, b.len, "en", &cut, "spaced full stops");
	CHECK(n >= 1);
	/* glued sentences in one token: "aa.Bb.Cc..." */
	buf_reset(&b);
	for (k = 0; k < 200000; k++)
		buf_adds(&b, "word.Then");
	n = split_checked(b.data, b.len, "en", &cut, "glued");
	CHECK(n > 1000);
	/* deep brackets and quotes */
	buf_reset(&b);
	for (k = 0; k < 200000; k++)
		buf_adds(&b, "(« „“ word. Next ");
	n = split_checked(b.data, b.len, "de", &cut, "brackets");
	CHECK(n > 1000);
	/* abbreviations everywhere */
	buf_reset(&b);
	for (k = 0; k < 200000; k++)
		buf_adds(&b, "z. B. u. a. Dr. med. т. е. U.S. ");
	n = split_checked(b.data, b.len, "de", &cut, "abbreviations");
	CHECK(n >= 1);
	buf_release(&b);
}

TEST(seg_doc_million_lines)
{
	struct buf b;
	struct doc d;
	struct seg_list l;
	size_t k;

	buf_init(&b);
	for (k = 0; k < 1000000; k++)
		buf_adds(&b, "word\n");
	doc_init(&d);
	doc_build(&d, b.data, b.len, DOC_LINES);
	seg_list_init(&l);
	seg_split_doc(&l, &d, "auto");
	CHECK_INT(d.npara, 1000000);
	CHECK_INT(l.len, 1000000);
	CHECK_INT(l.items[999999].para, 999999);
	seg_list_release(&l);
	doc_release(&d);
	buf_release(&b);
}

/* Split src read as newstm reads files; the sentences joined by "|". */
static void split_read(struct buf *out, const char *src)
{
	struct doc d;
	struct seg_list l;
	size_t k;

	doc_init(&d);
	doc_build(&d, src, strlen(src), 0);
	seg_list_init(&l);
	seg_split_doc(&l, &d, "en");
	buf_reset(out);
	for (k = 0; k < l.len; k++) {
		if (k)
			buf_addch(out, '|');
		buf_add(out, d.text + l.items[k].start,
		        l.items[k].end - l.items[k].start);
	}
	seg_list_release(&l);
	doc_release(&d);
}

/*
 * Line breaks in text with one paragraph a line: inside a sentence that
 * goes on in lower case they are spaces; lines without any sentence end
 * stay sentences of their own.
 */
TEST(seg_doc_line_breaks)
{
	struct buf b;

	buf_init(&b);
	split_read(&b, "This is a sentence\ncut off in the middle because "
	               "pdf.\n");
	CHECK_STR(b.data,
	          "This is a sentence cut off in the middle because pdf.");
	split_read(&b, "It was a cold \nnight in the city.\n");
	CHECK_STR(b.data, "It was a cold night in the city.");
	split_read(&b, "features\ncontact manager\nevents, activities\n");
	CHECK_STR(b.data, "features|contact manager|events, activities");
	split_read(&b, "Belarus frees prisoners\nMINSK, Sept 11 (Reuters) - "
	               "Belarus freed 52 prisoners. The group was small.\n"
	               "‘A SUBHEAD’\nthe next line.\n");
	CHECK_STR(b.data, "Belarus frees prisoners|MINSK, Sept 11 (Reuters) - "
	                  "Belarus freed 52 prisoners.|The group was small.|"
	                  "‘A SUBHEAD’|the next line.");
	buf_release(&b);
}

/*
 * Random paragraphs made of the pieces splitters trip on, in every
 * language: the text must stay intact and the spans valid, whatever the
 * split.  A fixed seed keeps failures reproducible.
 */
TEST(seg_random_intact)
{
	static const char *const pieces[] = {
	    "word",     "Word",
	    "U.S.",     "Mr.",
	    "z. B.",    "т. е.",
	    "г.",       "А.",
	    "e.g.",     "3.",
	    "1,300",    "22.08.2025",
	    ". ",       ".",
	    "?",        "!",
	    "?!",       "...",
	    "…",        ". . .",
	    "«",        "»",
	    "„",        "“",
	    "”",        "\"",
	    "'",        "(",
	    ")",        "[",
	    "]",        " ",
	    "  ",       "\n",
	    "\xc2\xa0", "• ",
	    "- ",       "1) ",
	    "a. ",      "www.example.com",
	    "a@b.cd",   "https://x.org/a.b?c=d.",
	    "。",       "？",
	    "Die",      "The",
	    "Он",       "¿",
	    "¡",        "—",
	    "–",        "’s ",
	    "ж",        "\xe2\x80\xaf",
	    "x.Y",      "(a)",
	    "2.)",      "Jr.'s",
	};
	const size_t np = sizeof(pieces) / sizeof(pieces[0]);
	unsigned long seed = 12345;
	struct buf b;
	size_t iter, k;

	buf_init(&b);
	for (iter = 0; iter < 3000; iter++) {
		struct seg_list l;
		size_t len;

		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		len = 1 + (seed >> 33) % (iter % 100 == 0 ? 3000 : 40);
		buf_reset(&b);
		for (k = 0; k < len; k++) {
			seed = seed * 6364136223846793005UL +
			       1442695040888963407UL;
			buf_adds(&b, pieces[(seed >> 33) % np]);
			if ((seed >> 20) % 3)
				buf_addch(&b, ' ');
		}
		seg_list_init(&l);
		seg_split_text(&l, b.data, b.len, case_langs[iter % NLANGS], 0);
		if (!CHECK(check_intact(b.data, b.len, &l, 0, "random"))) {
			fprintf(stderr, "  input (%s): \"%s\"\n",
			        case_langs[iter % NLANGS], b.data);
			seg_list_release(&l);
			break;
		}
		seg_list_release(&l);
	}
	buf_release(&b);
}
