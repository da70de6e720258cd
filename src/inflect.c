#include "inflect.h"

#include <stdio.h>
#include <string.h>

#include "norm.h"
#include "banned.h"

/* What a paradigm declines. */
enum { NOUN = 0, SURNAME = 1 };

/*
 * A paradigm: the language, whether it is a surname class (adjectival
 * -ская, -ский, possessive -ов, -ин: given names never decline so, so
 * Марыной is no genitive of the given name Марына), then the endings for
 * INFL_BASE .. INFL_LOC.  The base ending identifies the paradigm of a
 * house form; the others are what a text may carry.  Where one ending
 * serves several cases a reading carries all of them (inflect_reading
 * slots).  Surname classes come before given-name classes, longer endings
 * before shorter.
 */
static const struct paradigm {
	const char *lang;
	int kind; /* NOUN or SURNAME */
	const char *end[INFL_NSLOTS];
} paradigms[] = {
    /* Russian surnames */
    {"ru", SURNAME, {"ская", "ской", "ской", "скую", "ской", "ской"}},
    {"ru", SURNAME, {"цкая", "цкой", "цкой", "цкую", "цкой", "цкой"}},
    {"ru", SURNAME, {"ский", "ского", "скому", "ского", "ским", "ском"}},
    {"ru", SURNAME, {"цкий", "цкого", "цкому", "цкого", "цким", "цком"}},
    {"ru", SURNAME, {"ова", "овой", "овой", "ову", "овой", "овой"}},
    {"ru", SURNAME, {"ева", "евой", "евой", "еву", "евой", "евой"}},
    {"ru", SURNAME, {"ёва", "ёвой", "ёвой", "ёву", "ёвой", "ёвой"}},
    {"ru", SURNAME, {"ов", "ова", "ову", "ова", "овым", "ове"}},
    {"ru", SURNAME, {"ев", "ева", "еву", "ева", "евым", "еве"}},
    {"ru", SURNAME, {"ёв", "ёва", "ёву", "ёва", "ёвым", "ёве"}},
    {"ru", SURNAME, {"ин", "ина", "ину", "ина", "иным", "ине"}},
    {"ru", SURNAME, {"ына", "ыной", "ыной", "ыну", "ыной", "ыной"}},
    {"ru", SURNAME, {"ын", "ына", "ыну", "ына", "ыным", "ыне"}},
    /* Russian given names and other nouns */
    {"ru", NOUN, {"ий", "ия", "ию", "ия", "ием", "ии"}},
    {"ru", NOUN, {"ия", "ии", "ии", "ию", "ией", "ии"}},
    {"ru", NOUN, {"ей", "ея", "ею", "ея", "еем", "ее"}},
    {"ru", NOUN, {"ай", "ая", "аю", "ая", "аем", "ае"}},
    {"ru", NOUN, {"ья", "ьи", "ье", "ью", "ьей", "ье"}},
    {"ru", NOUN, {"ь", "я", "ю", "я", "ем", "е"}},
    /* after к, г, х, ж, ш, ч, щ Russian writes и, not ы */
    {"ru", NOUN, {"ка", "ки", "ке", "ку", "кой", "ке"}},
    {"ru", NOUN, {"га", "ги", "ге", "гу", "гой", "ге"}},
    {"ru", NOUN, {"ха", "хи", "хе", "ху", "хой", "хе"}},
    {"ru", NOUN, {"ша", "ши", "ше", "шу", "шей", "ше"}},
    {"ru", NOUN, {"жа", "жи", "же", "жу", "жей", "же"}},
    {"ru", NOUN, {"ча", "чи", "че", "чу", "чей", "че"}},
    {"ru", NOUN, {"а", "ы", "е", "у", "ой", "е"}},
    {"ru", NOUN, {"я", "и", "е", "ю", "ей", "е"}},
    {"ru", NOUN, {"", "а", "у", "а", "ом", "е"}},
    /* Belarusian */
    {"be", SURNAME, {"ская", "скай", "скай", "скую", "скай", "скай"}},
    {"be", SURNAME, {"цкая", "цкай", "цкай", "цкую", "цкай", "цкай"}},
    {"be", SURNAME, {"скі", "скага", "скаму", "скага", "скім", "скім"}},
    {"be", SURNAME, {"цкі", "цкага", "цкаму", "цкага", "цкім", "цкім"}},
    {"be", SURNAME, {"ава", "авай", "авай", "аву", "авай", "авай"}},
    {"be", SURNAME, {"ева", "евай", "евай", "еву", "евай", "евай"}},
    {"be", SURNAME, {"аў", "ава", "аву", "ава", "авым", "аве"}},
    {"be", SURNAME, {"еў", "ева", "еву", "ева", "евым", "еве"}},
    {"be", NOUN, {"ка", "кі", "ку", "ку", "кам", "ку"}},
    {"be", SURNAME, {"ін", "іна", "іну", "іна", "іным", "іне"}},
    {"be", NOUN, {"ей", "ея", "ею", "ея", "еем", "еі"}},
    {"be", NOUN, {"ай", "ая", "аю", "ая", "аем", "аі"}},
    {"be", NOUN, {"а", "ы", "е", "у", "ай", "е"}},
    {"be", NOUN, {"я", "і", "і", "ю", "яй", "і"}},
    {"be", NOUN, {"ь", "я", "ю", "я", "ем", "і"}},
    {"be", NOUN, {"", "а", "у", "а", "ам", "е"}},
    /* the locative after р and hardened consonants (аб Аляксандры), and
     * of persons after к, г, х (аб Лосіку) */
    {"be", NOUN, {"", "а", "у", "а", "ам", "ы"}},
    {"be", NOUN, {"", "а", "у", "а", "ам", "у"}},
    /* Ukrainian */
    {"uk", SURNAME, {"ська", "ської", "ській", "ську", "ською", "ській"}},
    {"uk", SURNAME, {"цька", "цької", "цькій", "цьку", "цькою", "цькій"}},
    {"uk", SURNAME, {"ський", "ського", "ському", "ського", "ським", "ському"}},
    {"uk", SURNAME, {"цький", "цького", "цькому", "цького", "цьким", "цькому"}},
    {"uk", SURNAME, {"ова", "ової", "овій", "ову", "овою", "овій"}},
    {"uk", SURNAME, {"ов", "ова", "ову", "ова", "овим", "ові"}},
    {"uk", NOUN, {"ій", "ія", "ію", "ія", "ієм", "ії"}},
    {"uk", NOUN, {"ія", "ії", "ії", "ію", "ією", "ії"}},
    {"uk", NOUN, {"а", "и", "і", "у", "ою", "і"}},
    {"uk", NOUN, {"я", "і", "і", "ю", "ею", "і"}},
    {"uk", NOUN, {"ь", "я", "ю", "я", "ем", "і"}},
    {"uk", NOUN, {"", "а", "у", "а", "ом", "і"}},
    /* the masculine dative and locative in -ові (Володимирові) */
    {"uk", NOUN, {"", "а", "ові", "а", "ом", "ові"}},
    /* Polish */
    {"pl", SURNAME, {"ska", "skiej", "skiej", "ską", "ską", "skiej"}},
    {"pl", SURNAME, {"cka", "ckiej", "ckiej", "cką", "cką", "ckiej"}},
    {"pl", SURNAME, {"ski", "skiego", "skiemu", "skiego", "skim", "skim"}},
    {"pl", SURNAME, {"cki", "ckiego", "ckiemu", "ckiego", "ckim", "ckim"}},
    {"pl", SURNAME, {"owa", "owej", "owej", "ową", "ową", "owej"}},
    /* Polish given names and surnames like nouns: -a with the
     * alternations of the dative and locative (Łukaszenka, Łukaszence;
     * Marta, Marcie), consonant stems (Łosik, Łosikiem; Alaksandr, o
     * Alaksandrze) */
    {"pl", NOUN, {"ka", "ki", "ce", "kę", "ką", "ce"}},
    {"pl", NOUN, {"ga", "gi", "dze", "gę", "gą", "dze"}},
    {"pl", NOUN, {"ta", "ty", "cie", "tę", "tą", "cie"}},
    {"pl", NOUN, {"ra", "ry", "rze", "rę", "rą", "rze"}},
    {"pl", NOUN, {"a", "y", "ie", "ę", "ą", "ie"}},
    {"pl", NOUN, {"k", "ka", "kowi", "ka", "kiem", "ku"}},
    {"pl", NOUN, {"g", "ga", "gowi", "ga", "giem", "gu"}},
    {"pl", NOUN, {"r", "ra", "rowi", "ra", "rem", "rze"}},
    {"pl", NOUN, {"t", "ta", "towi", "ta", "tem", "cie"}},
    {"pl", NOUN, {"", "a", "owi", "a", "em", "ie"}},
    {"pl", NOUN, {"", "a", "owi", "a", "em", "u"}},
    /* Czech */
    {"cs", SURNAME, {"ská", "ské", "ské", "skou", "skou", "ské"}},
    {"cs", SURNAME, {"cká", "cké", "cké", "ckou", "ckou", "cké"}},
    {"cs", SURNAME, {"ský", "ského", "skému", "ského", "ským", "ském"}},
    {"cs", SURNAME, {"cký", "ckého", "ckému", "ckého", "ckým", "ckém"}},
    {"cs", SURNAME, {"ová", "ové", "ové", "ovou", "ovou", "ové"}},
    /* Czech masculine names, Lukašenko included (Czech declines it:
     * Lukašenka, Lukašenkovi, Lukašenkem).  Feminine given names are not
     * modelled: a name is then left as it stands, never cut short */
    {"cs", NOUN, {"o", "a", "ovi", "a", "em", "ovi"}},
    {"cs", NOUN, {"", "a", "ovi", "a", "em", "ovi"}},
    {"cs", NOUN, {"", "a", "u", "a", "em", "u"}},
};

#define NPARADIGMS (sizeof(paradigms) / sizeof(paradigms[0]))

/* The languages whose paradigms apply to a word of this script. */
static int lang_applies(const struct paradigm *p, const char *lang,
                        int cyrillic)
{
	const char *plang = p->lang;
	int p_cyr = !strcmp(plang, "ru") || !strcmp(plang, "be") ||
	            !strcmp(plang, "uk");

	if (p_cyr != cyrillic)
		return 0;
	if (!lang || !*lang)
		return p_cyr || p->kind == SURNAME;
	if (!strcmp(lang, "ru") || !strcmp(lang, "be") || !strcmp(lang, "uk") ||
	    !strcmp(lang, "pl") || !strcmp(lang, "cs"))
		return !strcmp(plang, lang);
	/* another language: a foreign surname may carry its own endings
	 * (Cichanouskiej quoted in English), but reading an English word
	 * as a Polish or Czech noun form would only misread it */
	return p_cyr || p->kind == SURNAME;
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
	if (cp < 0x250) { /* Latin: not a vowel (with or without marks) */
		int32_t b = norm_base(cp);

		return norm_is_letter(cp) && !(b < 0x80 && strchr("aeiouy", b));
	}
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
	out[0].slots = out[0].given_slots = 1u << INFL_BASE;
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

			if (!lang_applies(p, lang, cyr))
				continue;
			for (slot = INFL_GEN; slot < INFL_NSLOTS; slot++) {
				const char *end = p->end[slot];
				size_t elen = strlen(end), blen;
				struct inflect_reading *r;
				unsigned slots = 0;
				size_t j;
				int s2;

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
				/* every case this ending stands for */
				for (s2 = slot; s2 < INFL_NSLOTS; s2++)
					if (!strcmp(p->end[s2], end))
						slots |= 1u << s2;
				r = &out[count];
				memcpy(r->base, word, n - elen);
				memcpy(r->base + n - elen, p->end[INFL_BASE],
				       strlen(p->end[INFL_BASE]));
				r->base[blen] = '\0';
				for (j = 0; j < count; j++)
					if (!strcmp(out[j].base, r->base))
						break;
				if (j < count) {
					/* the same base by another paradigm:
					 * its cases too (not the word as it
					 * stands: that is no case form) */
					if (j > 0) {
						out[j].slots |= slots;
						if (p->kind == NOUN)
							out[j].given_slots |=
							    slots;
					}
					break;
				}
				r->slot = (enum inflect_slot)slot;
				r->slots = slots;
				r->given_slots = p->kind == NOUN ? slots : 0;
				r->paradigm = (int)k;
				r->suffix[0] = '\0';
				count++;
				break; /* one reading per paradigm */
			}
		}
	}
	return count;
}

int inflect_set_slot(struct inflect_reading *r, enum inflect_slot slot)
{
	if (!inflect_in_slot(r, slot))
		return -1;
	r->slot = slot;
	return 0;
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

			if (!lang_applies(&paradigms[k], lang, cyr) ||
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
	/* among paradigms that fit equally, the one the word was read by:
	 * Александры read as a locative in -ы gives Аляксандры, not the
	 * first paradigm's Аляксандре */
	if (best < NPARADIGMS && r->paradigm >= 0 &&
	    (size_t)r->paradigm < NPARADIGMS && (size_t)r->paradigm != best) {
		const struct paradigm *q = &paradigms[r->paradigm];

		if (!strcmp(q->lang, paradigms[best].lang) &&
		    !strcmp(q->end[INFL_BASE], paradigms[best].end[INFL_BASE]))
			best = (size_t)r->paradigm;
	}
	if (best == NPARADIGMS || r->slot == INFL_BASE) {
		buf_add(out, base, n);
	} else {
		buf_add(out, base, n - best_len);
		buf_adds(out, paradigms[best].end[r->slot]);
	}
	buf_adds(out, r->suffix);
}
