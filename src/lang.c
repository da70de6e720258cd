#include "lang.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "norm.h"
#include "banned.h"

/*
 * Per language: its script, frequent function words (space-separated,
 * lower case) and letters that are frequent in it and rare elsewhere.
 */
static const struct lang_profile {
	const char *code;
	enum norm_script script;
	const char *words;
	const char *letters;
	const char *absent; /* letters its orthography does not have */
} profiles[] = {
    {"en", SCRIPT_LATIN,
     "the and of to in is that for on with was said it as at by from "
     "has have he his be are not this who were will an which she her "
     "they their had but been would after also its more than into "
     "about over when there what all we",
     "", ""},
    {"de", SCRIPT_LATIN,
     "der die und das den des nicht ist mit sich auf dem ein eine zu "
     "von im für wurde sagte auch es er sie wie bei nach noch aus nur "
     "einer einem wird werden hat haben sind war",
     "äöüß", ""},
    {"fr", SCRIPT_LATIN,
     "le la les des et est une un que qui dans du pour pas sur au il "
     "elle a ont été avec ce par son aux plus ne se sa ses leur mais "
     "cette selon été était",
     "éèêàçùâîôœëï", ""},
    {"es", SCRIPT_LATIN,
     "el la los las de que y en del por con una un para es se al su "
     "como más fue dijo lo ha sus pero",
     "ñáíóú¿¡", ""},
    {"it", SCRIPT_LATIN,
     "il di che e la per non un una del della gli le è sono con da al "
     "nel ha alla dei si anche ma",
     "àèìòù", ""},
    {"nl", SCRIPT_LATIN,
     "de het een van en is niet dat op te in zijn voor met die er aan "
     "ook als maar heeft werd door naar",
     "", ""}, /* its "ij" is two letters: counted alone they favour Dutch */
    {"pl", SCRIPT_LATIN,
     "się nie i w na że z do jest to jak po od za o ale przez co był "
     "jego oraz tak czy już",
     "ąęłńśźżć", ""},
    {"cs", SCRIPT_LATIN,
     "se na je že a v to s z do jsou byl by ale jak podle o pro jeho "
     "která který také už",
     "řěůčšžýťďň", ""},
    {"pt", SCRIPT_LATIN,
     "o a os as de que e do da em um uma para com não por se na no "
     "dos das foi mais ao",
     "ãõçâê", ""},
    {"ru", SCRIPT_CYRILLIC,
     "и в не на что с по это как он она к из за от о его то для был "
     "было так также который",
     "ыэё", "ўіїєґј"},
    {"be", SCRIPT_CYRILLIC,
     "і ў не на што з па гэта як ён яна да ад за аб яго для быў было "
     "таксама які але",
     "ўіыэ", "ищъїєґј"},
    {"uk", SCRIPT_CYRILLIC,
     "і в не на що з та до у як він вона це за від про його для був "
     "було також який але",
     "їєґі", "ыэёъј"},
    {"bg", SCRIPT_CYRILLIC,
     "и на за да от се е че са не в с по като това той тя към които "
     "беше бяха ще",
     "ъѝ", "ыэёїєґј"},
    {"kk", SCRIPT_CYRILLIC,
     "және мен да де бұл деп үшін бар жоқ бойынша осы болды", "әғқңөұүһі",
     "їєґј"},
    {"sr", SCRIPT_CYRILLIC, "и у је да на се не за од са су као то што из",
     "јљњћђџ", "ыэёйщъїєґ"},
};

#define NPROFILES (sizeof(profiles) / sizeof(profiles[0]))

/* Is the word w (length n) in the space-separated list? */
static int in_list(const char *list, const char *w, size_t n)
{
	const char *p = list;

	while (*p) {
		const char *q = strchr(p, ' ');
		size_t len = q ? (size_t)(q - p) : strlen(p);

		if (len == n && !memcmp(p, w, n))
			return 1;
		if (!q)
			break;
		p = q + 1;
	}
	return 0;
}

static int has_letter(const char *letters, int32_t cp)
{
	size_t i = 0, n = strlen(letters);

	while (i < n)
		if (norm_next(letters, n, &i) == cp)
			return 1;
	return 0;
}

/* Add a finished word's evidence to the scores. */
static void score_word(double *score, const char *w, size_t n)
{
	size_t k;

	for (k = 0; k < NPROFILES; k++)
		if (in_list(profiles[k].words, w, n))
			score[k] += 1;
}

const char *lang_guess(const char *s, size_t n)
{
	return lang_guess_sure(s, n, NULL);
}

static int is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

const char *lang_guess_sure(const char *s, size_t n, int *sure)
{
	double score[NPROFILES] = {0};
	size_t script[4] = {0};
	struct buf word;
	size_t i = 0, words = 0, k, best, second;
	enum norm_script main_script;

	if (sure)
		*sure = 0;
	buf_init(&word);
	while (i < n && words < 5000) {
		int32_t cp = norm_next(s, n, &i);
		size_t j = i;

		/* an apostrophe inside a word belongs to it: the s of
		 * Tikhanovskaya's is not a Czech preposition */
		if (is_apostrophe(cp) && word.len && j < n &&
		    norm_is_letter(norm_next(s, n, &j))) {
			norm_add(&word, cp);
			continue;
		}
		if (norm_is_letter(cp)) {
			int32_t lc = norm_lower(cp);

			script[norm_script(cp)]++;
			norm_add(&word, lc);
			for (k = 0; k < NPROFILES; k++) {
				if (has_letter(profiles[k].letters, lc))
					score[k] += 0.3;
				if (has_letter(profiles[k].absent, lc))
					score[k] -= 1;
			}
		} else if (word.len) {
			score_word(score, word.data, word.len);
			words++;
			buf_reset(&word);
		}
	}
	if (word.len)
		score_word(score, word.data, word.len);
	buf_release(&word);
	main_script = script[SCRIPT_CYRILLIC] > script[SCRIPT_LATIN]
	                  ? SCRIPT_CYRILLIC
	                  : SCRIPT_LATIN;
	if (script[main_script] < 8)
		return "und";
	best = second = NPROFILES;
	for (k = 0; k < NPROFILES; k++) {
		if (profiles[k].script != main_script)
			continue;
		if (best == NPROFILES || score[k] > score[best]) {
			second = best;
			best = k;
		} else if (second == NPROFILES || score[k] > score[second]) {
			second = k;
		}
	}
	if (best == NPROFILES || score[best] < 1)
		return "und";
	/* sure: enough evidence, well ahead of the runner-up */
	if (sure && score[best] >= 2 &&
	    (second == NPROFILES || score[best] >= 2 * score[second]))
		*sure = 1;
	return profiles[best].code;
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

int lang_normalize(char out[LANG_TAG_MAX], const char *tag)
{
	size_t len = strlen(tag), i, o = 0, sub = 0;

	out[0] = '\0';
	if (!strcmp(tag, "*all*")) {
		snprintf(out, LANG_TAG_MAX, "*all*");
		return 0;
	}
	if (!len || len >= LANG_TAG_MAX)
		return -1;
	i = 0;
	while (i < len) {
		size_t j = i, k;

		while (j < len && tag[j] != '-' && tag[j] != '_')
			j++;
		if (j == i || j - i > 8)
			return -1;
		for (k = i; k < j; k++)
			if (!is_alnum(tag[k]))
				return -1;
		if (sub == 0) {
			/* language: 2-8 letters, or the x- / i- prefixes */
			int prefix =
			    j - i == 1 && (tag[i] == 'x' || tag[i] == 'X' ||
			                   tag[i] == 'i' || tag[i] == 'I');

			if (j - i < 2 && !prefix)
				return -1;
			for (k = i; k < j; k++)
				if (!is_alpha(tag[k]))
					return -1;
		}
		if (o)
			out[o++] = '-';
		for (k = i; k < j; k++) {
			char c = tag[k];

			if (c >= 'A' && c <= 'Z')
				c = (char)(c + 32);
			if (sub > 0 && j - i == 2 && is_alpha(tag[i]) &&
			    is_alpha(tag[i + 1]) && c >= 'a' && c <= 'z')
				c = (char)(c - 32); /* region */
			if (sub > 0 && j - i == 4 && k == i && c >= 'a' &&
			    c <= 'z' && is_alpha(tag[i + 1]))
				c = (char)(c - 32); /* Script */
			out[o++] = c;
		}
		sub++;
		i = j + 1;
		if (j == len)
			break;
		if (i == len)
			return -1; /* trailing separator */
	}
	out[o] = '\0';
	return 0;
}

void lang_primary(char out[LANG_TAG_MAX], const char *tag)
{
	size_t i = 0;

	while (tag[i] && tag[i] != '-' && tag[i] != '_' &&
	       i < LANG_TAG_MAX - 1) {
		char c = tag[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		out[i++] = c;
	}
	out[i] = '\0';
}
