#include "inflect.h"

#include <stdio.h>
#include <string.h>

#include "norm.h"
#include "banned.h"

/*
 * A paradigm: the language, then the endings for INFL_BASE .. INFL_LOC.
 * The base ending identifies the paradigm of a house form; the others are
 * what a text may carry.  Where one ending serves several cases the first
 * case listed is the one a reading reports, which is harmless: applying it
 * to a base of the same paradigm gives the same ending back.  Surname
 * classes come before given-name classes, longer endings before shorter.
 */
static const struct paradigm {
	const char *lang;
	const char *end[INFL_NSLOTS];
} paradigms[] = {
    /* Russian surnames */
    {"ru", {"ская", "ской", "ской", "скую", "ской", "ской"}},
    {"ru", {"цкая", "цкой", "цкой", "цкую", "цкой", "цкой"}},
    {"ru", {"ский", "ского", "скому", "ского", "ским", "ском"}},
    {"ru", {"цкий", "цкого", "цкому", "цкого", "цким", "цком"}},
    {"ru", {"ова", "овой", "овой", "ову", "овой", "овой"}},
    {"ru", {"ева", "евой", "евой", "еву", "евой", "евой"}},
    {"ru", {"ёва", "ёвой", "ёвой", "ёву", "ёвой", "ёвой"}},
    {"ru", {"ов", "ова", "ову", "ова", "овым", "ове"}},
    {"ru", {"ев", "ева", "еву", "ева", "евым", "еве"}},
    {"ru", {"ёв", "ёва", "ёву", "ёва", "ёвым", "ёве"}},
    {"ru", {"ин", "ина", "ину", "ина", "иным", "ине"}},
    {"ru", {"ына", "ыной", "ыной", "ыну", "ыной", "ыной"}},
    {"ru", {"ын", "ына", "ыну", "ына", "ыным", "ыне"}},
    /* Russian given names and other nouns */
    {"ru", {"ий", "ия", "ию", "ия", "ием", "ии"}},
    {"ru", {"ия", "ии", "ии", "ию", "ией", "ии"}},
    {"ru", {"ей", "ея", "ею", "ея", "еем", "ее"}},
    {"ru", {"ай", "ая", "аю", "ая", "аем", "ае"}},
    {"ru", {"ья", "ьи", "ье", "ью", "ьей", "ье"}},
    {"ru", {"ь", "я", "ю", "я", "ем", "е"}},
    /* after к, г, х, ж, ш, ч, щ Russian writes и, not ы */
    {"ru", {"ка", "ки", "ке", "ку", "кой", "ке"}},
    {"ru", {"га", "ги", "ге", "гу", "гой", "ге"}},
    {"ru", {"ха", "хи", "хе", "ху", "хой", "хе"}},
    {"ru", {"ша", "ши", "ше", "шу", "шей", "ше"}},
    {"ru", {"жа", "жи", "же", "жу", "жей", "же"}},
    {"ru", {"ча", "чи", "че", "чу", "чей", "че"}},
    {"ru", {"а", "ы", "е", "у", "ой", "е"}},
    {"ru", {"я", "и", "е", "ю", "ей", "е"}},
    {"ru", {"", "а", "у", "а", "ом", "е"}},
    /* Belarusian */
    {"be", {"ская", "скай", "скай", "скую", "скай", "скай"}},
    {"be", {"цкая", "цкай", "цкай", "цкую", "цкай", "цкай"}},
    {"be", {"скі", "скага", "скаму", "скага", "скім", "скім"}},
    {"be", {"цкі", "цкага", "цкаму", "цкага", "цкім", "цкім"}},
    {"be", {"ава", "авай", "авай", "аву", "авай", "авай"}},
    {"be", {"ева", "евай", "евай", "еву", "евай", "евай"}},
    {"be", {"аў", "ава", "аву", "ава", "авым", "аве"}},
    {"be", {"еў", "ева", "еву", "ева", "евым", "еве"}},
    {"be", {"ка", "кі", "ку", "ку", "кам", "ку"}},
    {"be", {"ін", "іна", "іну", "іна", "іным", "іне"}},
    {"be", {"ей", "ея", "ею", "ея", "еем", "еі"}},
    {"be", {"ай", "ая", "аю", "ая", "аем", "аі"}},
    {"be", {"а", "ы", "е", "у", "ай", "е"}},
    {"be", {"я", "і", "і", "ю", "яй", "і"}},
    {"be", {"ь", "я", "ю", "я", "ем", "і"}},
    {"be", {"", "а", "у", "а", "ам", "е"}},
    /* Ukrainian */
    {"uk", {"ська", "ської", "ській", "ську", "ською", "ській"}},
    {"uk", {"цька", "цької", "цькій", "цьку", "цькою", "цькій"}},
    {"uk", {"ський", "ського", "ському", "ського", "ським", "ському"}},
    {"uk", {"цький", "цького", "цькому", "цького", "цьким", "цькому"}},
    {"uk", {"ова", "ової", "овій", "ову", "овою", "овій"}},
    {"uk", {"ов", "ова", "ову", "ова", "овим", "ові"}},
    {"uk", {"ій", "ія", "ію", "ія", "ієм", "ії"}},
    {"uk", {"а", "и", "і", "у", "ою", "і"}},
    {"uk", {"ь", "я", "ю", "я", "ем", "і"}},
    {"uk", {"", "а", "у", "а", "ом", "і"}},
    /* Polish */
    {"pl", {"ska", "skiej", "skiej", "ską", "ską", "skiej"}},
    {"pl", {"cka", "ckiej", "ckiej", "cką", "cką", "ckiej"}},
    {"pl", {"ski", "skiego", "skiemu", "skiego", "skim", "skim"}},
    {"pl", {"cki", "ckiego", "ckiemu", "ckiego", "ckim", "ckim"}},
    {"pl", {"owa", "owej", "owej", "ową", "ową", "owej"}},
    /* Czech */
    {"cs", {"ská", "ské", "ské", "skou", "skou", "ské"}},
    {"cs", {"cká", "cké", "cké", "ckou", "ckou", "cké"}},
    {"cs", {"ský", "ského", "skému", "ského", "ským", "ském"}},
    {"cs", {"cký", "ckého", "ckému", "ckého", "ckým", "ckém"}},
    {"cs", {"ová", "ové", "ové", "ovou", "ovou", "ové"}},
};

#define NPARADIGMS (sizeof(paradigms) / sizeof(paradigms[0]))

/* The languages whose paradigms apply to a word of this script. */
static int lang_applies(const char *plang, const char *lang, int cyrillic)
{
	int p_cyr = !strcmp(plang, "ru") || !strcmp(plang, "be") ||
	            !strcmp(plang, "uk");

	if (p_cyr != cyrillic)
		return 0;
	if (!lang || !*lang)
		return 1;
	if (!strcmp(lang, "ru") || !strcmp(lang, "be") || !strcmp(lang, "uk") ||
	    !strcmp(lang, "pl") || !strcmp(lang, "cs"))
		return !strcmp(plang, lang);
	return 1; /* another language: a foreign name may carry any */
}

static int ends_with(const char *w, size_t n, const char *end)
{
	size_t k = strlen(end);

	return k <= n && !memcmp(w + n - k, end, k);
}

/* Split a trailing possessive marker off word: returns its byte length. */
static size_t possessive(const char *w, size_t n, const char *lang)
{
	static const char *const marks[] = {"'s", "\xE2\x80\x99s", "'",
	                                    "\xE2\x80\x99"};
	size_t k;

	for (k = 0; k < sizeof(marks) / sizeof(marks[0]); k++) {
		size_t len = strlen(marks[k]);

		if (len >= n || memcmp(w + n - len, marks[k], len) != 0)
			continue;
		/* a bare apostrophe only after s (Jurkonis’) */
		if (k >= 2 && w[n - len - 1] != 's')
			continue;
		return len;
	}
	/* German genitive: Lukaschenkos, Tichanowskajas */
	if (lang && !strcmp(lang, "de") && n > 3 && w[n - 1] == 's' &&
	    strchr("aeiou", w[n - 2]))
		return 1;
	return 0;
}

/*
 * Paradigms with an empty base ending (Александр, Лосик) only fit bases
 * that end in a consonant: Лукашенко or Шойгу are indeclinable.
 */
static int fits_empty_ending(const char *w, size_t n)
{
	size_t i = n;
	int32_t cp;

	if (!n)
		return 0;
	cp = norm_lower(norm_prev(w, &i));
	return norm_is_letter(cp) &&
	       !(cp == 0x430 || cp == 0x435 || cp == 0x451 || cp == 0x438 ||
	         cp == 0x43E || cp == 0x443 || cp == 0x44B || cp == 0x44D ||
	         cp == 0x44E || cp == 0x44F || cp == 0x456 || cp == 0x45E ||
	         cp == 0x439 || cp == 0x44C || cp == 0x44A || cp == 0x454 ||
	         cp == 0x457);
}

static int is_cyrillic_word(const char *w, size_t n)
{
	size_t i = 0;

	while (i < n) {
		int32_t cp = norm_next(w, n, &i);

		if (norm_is_letter(cp))
			return norm_script(cp) == SCRIPT_CYRILLIC;
	}
	return 0;
}

size_t inflect_readings(struct inflect_reading *out, size_t max,
                        const char *word, size_t n, const char *lang)
{
	size_t count = 0, poss, k, stem_min = 2;
	int cyr = is_cyrillic_word(word, n);
	int slot;
	size_t len;

	if (!max)
		return 0;
	poss = cyr ? 0 : possessive(word, n, lang);
	memset(&out[0], 0, sizeof(out[0]));
	out[0].paradigm = -1;
	if (n - poss >= INFLECT_MAX_BASE - 8) {
		snprintf(out[0].base, sizeof(out[0].base), "%.*s",
		         (int)(INFLECT_MAX_BASE - 8), word);
		return 1;
	}
	memcpy(out[0].base, word, n - poss);
	out[0].base[n - poss] = '\0';
	memcpy(out[0].suffix, word + n - poss, poss);
	out[0].suffix[poss] = '\0';
	count = 1;
	n -= poss;

	/* every ending of every paradigm, longest first */
	for (len = 12; len > 0 && count < max; len--) {
		for (k = 0; k < NPARADIGMS && count < max; k++) {
			const struct paradigm *p = &paradigms[k];

			if (!lang_applies(p->lang, lang, cyr))
				continue;
			for (slot = INFL_GEN; slot < INFL_NSLOTS; slot++) {
				const char *end = p->end[slot];
				size_t elen = strlen(end), blen;
				struct inflect_reading *r;
				size_t j;
				int dup = 0;

				if (elen != len || !ends_with(word, n, end))
					continue;
				if (norm_count(word, n - elen) < stem_min)
					continue;
				if (!*p->end[INFL_BASE] &&
				    !fits_empty_ending(word, n - elen))
					continue;
				blen = n - elen + strlen(p->end[INFL_BASE]);
				if (blen >= INFLECT_MAX_BASE)
					continue;
				r = &out[count];
				memcpy(r->base, word, n - elen);
				memcpy(r->base + n - elen, p->end[INFL_BASE],
				       strlen(p->end[INFL_BASE]));
				r->base[blen] = '\0';
				for (j = 0; j < count; j++)
					if (!strcmp(out[j].base, r->base))
						dup = 1;
				if (dup)
					break;
				r->slot = (enum inflect_slot)slot;
				r->paradigm = (int)k;
				r->suffix[0] = '\0';
				count++;
				break; /* one reading per paradigm */
			}
		}
	}
	return count;
}

void inflect_apply(struct buf *out, const char *base, size_t n,
                   const struct inflect_reading *r, const char *lang)
{
	size_t k, best = NPARADIGMS, best_len = 0;
	int cyr = is_cyrillic_word(base, n);

	if (r->slot != INFL_BASE) {
		for (k = 0; k < NPARADIGMS; k++) {
			const char *end = paradigms[k].end[INFL_BASE];
			size_t elen = strlen(end);

			if (!lang_applies(paradigms[k].lang, lang, cyr) ||
			    !ends_with(base, n, end) ||
			    norm_count(base, n - elen) < 2 ||
			    (!elen && !fits_empty_ending(base, n)))
				continue;
			if (best == NPARADIGMS || elen > best_len) {
				best = k;
				best_len = elen;
			}
		}
	}
	if (best == NPARADIGMS || r->slot == INFL_BASE) {
		buf_add(out, base, n);
	} else {
		buf_add(out, base, n - best_len);
		buf_adds(out, paradigms[best].end[r->slot]);
	}
	buf_adds(out, r->suffix);
}
