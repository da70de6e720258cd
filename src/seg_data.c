/*
 * seg_data: the rule tables of the sentence splitter, one per language.
 *
 * Every list is sorted bytewise and free of duplicates (the unit tests
 * check it): keep it so when adding a word.  Keys are lower case; an
 * abbreviation is the word before its full stop with internal full stops
 * kept ("u.s", "sig.ra") and the parts of a spaced one joined by a full
 * stop ("z. B." is "z.b").  The words are common knowledge of each
 * language's typography, written for newstm.
 */
#include "seg_data.h"

#include <stdlib.h>
#include <string.h>

#include "banned.h"

#define WORDS(a)                                                               \
	{                                                                      \
		a, sizeof(a) / sizeof((a)[0])                                  \
	}
#define NOWORDS                                                                \
	{                                                                      \
		NULL, 0                                                        \
	}

/* shared by every language */
static const char *const common_title[] = {
    "dr", "mr", "mrs", "ms", "mt", "prof", "sgt",
};
static const char *const common_inner[] = {
    "cf", "e.g", "i.e", "n.º", "n°", "nº", "vs",
};
static const char *const common_any[] = {
    "a.m", "al", "etc", "ibid", "op.cit", "p.m", "ph.d",
};
const struct seg_rules seg_rules_common = {
    "common",
    WORDS(common_title),
    WORDS(common_inner),
    WORDS(common_any),
    NOWORDS,
    NOWORDS,
    0,
};

/* English */
static const char *const en_title[] = {
    "adm",  "atty", "brig", "capt", "cmdr", "col",  "cpl",  "det", "dr",
    "drs",  "gen",  "gens", "gov",  "hon",  "insp", "lt",   "maj", "messrs",
    "mmes", "mr",   "mrs",  "ms",   "msgr", "pres", "prof", "pvt", "rep",
    "reps", "rev",  "sen",  "sens", "sgt",  "supt",
};
static const char *const en_inner[] = {
    "approx", "esp", "et", "incl", "viz",
};
static const char *const en_any[] = {
    "ala",   "apr",   "ariz", "ark",  "assn", "assoc", "aug",  "ave",  "blvd",
    "bros",  "calif", "ch",   "co",   "colo", "conn",  "cont", "corp", "dec",
    "dept",  "dist",  "div",  "ed",   "eds",  "eq",    "esq",  "est",  "feb",
    "fig",   "figs",  "fla",  "fri",  "ft",   "ga",    "govt", "hr",   "hrs",
    "hwy",   "inc",   "inst", "intl", "jan",  "jr",    "jul",  "jun",  "kan",
    "ky",    "lb",    "lbs",  "ltd",  "mar",  "md",    "mfg",  "mich", "minn",
    "mont",  "mt",    "natl", "neb",  "nev",  "no",    "nos",  "nov",  "oct",
    "okla",  "ore",   "oz",   "pa",   "pp",   "rd",    "ref",  "sec",  "sep",
    "sept",  "sq",    "sr",   "st",   "tel",  "tenn",  "tex",  "thu",  "thur",
    "thurs", "tue",   "tues", "univ", "va",   "vol",   "vols", "vt",   "wis",
    "wyo",   "yr",    "yrs",
};
static const char *const en_start[] = {
    "a",           "about",      "above",        "according",   "across",
    "after",       "afterward",  "afterwards",   "again",       "against",
    "ahead",       "all",        "almost",       "along",       "already",
    "also",        "although",   "always",       "amid",        "among",
    "an",          "and",        "another",      "any",         "anyone",
    "anything",    "are",        "aren",         "around",      "as",
    "at",          "back",       "because",      "before",      "behind",
    "being",       "below",      "besides",      "between",     "beyond",
    "both",        "but",        "by",           "can",         "cannot",
    "could",       "couldn",     "despite",      "did",         "didn",
    "do",          "does",       "doesn",        "don",         "down",
    "during",      "each",       "earlier",      "either",      "else",
    "elsewhere",   "even",       "eventually",   "ever",        "every",
    "everyone",    "everything", "few",          "finally",     "first",
    "five",        "for",        "four",         "from",        "further",
    "furthermore", "given",      "had",          "has",         "hasn",
    "have",        "haven",      "having",       "he",          "her",
    "here",        "hers",       "herself",      "him",         "himself",
    "his",         "how",        "however",      "i",           "if",
    "in",          "indeed",     "inside",       "instead",     "into",
    "is",          "isn",        "it",           "its",         "itself",
    "just",        "last",       "later",        "let",         "like",
    "many",        "maybe",      "meanwhile",    "might",       "more",
    "moreover",    "most",       "much",         "must",        "my",
    "neither",     "never",      "nevertheless", "next",        "nine",
    "no",          "nobody",     "none",         "nonetheless", "nor",
    "not",         "nothing",    "now",          "of",          "off",
    "often",       "on",         "once",         "one",         "only",
    "or",          "other",      "others",       "otherwise",   "our",
    "out",         "outside",    "over",         "overall",     "perhaps",
    "please",      "rather",     "recently",     "seven",       "several",
    "she",         "should",     "shouldn",      "similarly",   "since",
    "six",         "so",         "some",         "somebody",    "someone",
    "something",   "sometimes",  "soon",         "still",       "such",
    "ten",         "that",       "the",          "their",       "theirs",
    "them",        "themselves", "then",         "there",       "therefore",
    "these",       "they",       "this",         "those",       "though",
    "three",       "through",    "throughout",   "thus",        "to",
    "today",       "together",   "tomorrow",     "too",         "toward",
    "towards",     "two",        "under",        "unless",      "unlike",
    "until",       "up",         "upon",         "us",          "was",
    "wasn",        "we",         "were",         "weren",       "what",
    "whatever",    "when",       "whenever",     "where",       "whereas",
    "wherever",    "whether",    "which",        "while",       "who",
    "whoever",     "whom",       "whose",        "why",         "will",
    "with",        "within",     "without",      "won",         "would",
    "wouldn",      "yes",        "yesterday",    "yet",         "you",
    "your",        "yours",
};
static const struct seg_rules rules_en = {
    "en",
    WORDS(en_title),
    WORDS(en_inner),
    WORDS(en_any),
    NOWORDS,
    WORDS(en_start),
    0,
};

/* German */
static const char *const de_title[] = {
    "dipl", "dipl.-inf", "dipl.-ing", "dipl.-kfm", "dr",   "dr.-ing", "fr",
    "frl",  "hl",        "hr",        "hrn",       "ing",  "jur",     "mag",
    "med",  "nat",       "pfr",       "phil",      "prof", "rer",     "st",
};
static const char *const de_inner[] = {
    "abb",  "bsp",   "bspw", "bzgl", "bzw",  "ca",  "d.h", "ehem", "evtl",
    "exkl", "geb",   "gegr", "gem",  "gest", "ggf", "ggü", "hg",   "hrsg",
    "i.a",  "i.d.r", "i.v",  "inkl", "insb", "jew", "kap", "lt",   "m.e",
    "mind", "o.g",   "s.o",  "s.u",  "sog",  "u.a", "u.u", "v.a",  "verh",
    "vgl",  "z.b",   "z.t",  "z.zt", "zzgl", "zzt",
};
static const char *const de_any[] = {
    "a.d",   "abs",   "abt", "allg", "apr",   "art",   "aufl", "aug", "bd",
    "bde",   "bhf",   "co",  "dez",  "di",    "do",    "dt",   "e.v", "ebd",
    "engl",  "ev",    "feb", "febr", "ff",    "frz",   "hbf",  "inc", "ital",
    "jahrh", "jan",   "jg",  "jh",   "jhd",   "kath",  "ltd",  "max", "mi",
    "min",   "mio",   "mo",  "mrd",  "n.chr", "nov",   "nr",   "o.ä", "okt",
    "pkt",   "sa",    "sek", "sep",  "sept",  "std",   "str",  "tab", "tel",
    "tsd",   "u.v.m", "u.ä", "usf",  "usw",   "v.chr", "verf",
};
static const char *const de_suffix[] = {
    "str",
};
static const char *const de_start[] = {
    "aber",         "alle",        "allein",    "allerdings",  "als",
    "also",         "am",          "an",        "anders",      "angesichts",
    "anschließend", "auch",        "auf",       "aus",         "außer",
    "außerdem",     "bei",         "beide",     "beim",        "bereits",
    "besonders",    "bevor",       "bis",       "bisher",      "da",
    "dabei",        "dadurch",     "dafür",     "dagegen",     "daher",
    "damals",       "damit",       "danach",    "daneben",     "dann",
    "daran",        "darauf",      "darin",     "darum",       "darüber",
    "das",          "dass",        "davon",     "davor",       "dazu",
    "dem",          "demnach",     "den",       "denn",        "dennoch",
    "der",          "deren",       "derzeit",   "des",         "deshalb",
    "dessen",       "die",         "dies",      "diese",       "diesem",
    "diesen",       "dieser",      "dieses",    "doch",        "dort",
    "drei",         "du",          "durch",     "ein",         "eine",
    "einem",        "einen",       "einer",     "eines",       "einige",
    "einmal",       "er",          "erst",      "es",          "etwa",
    "euch",         "falls",       "ferner",    "für",         "gegen",
    "gemeinsam",    "genau",       "gerade",    "gestern",     "gleichzeitig",
    "hier",         "hinzu",       "ich",       "ihm",         "ihn",
    "ihnen",        "ihr",         "ihre",      "im",          "immer",
    "in",           "indes",       "insgesamt", "inzwischen",  "ja",
    "je",           "jede",        "jeder",     "jedes",       "jedoch",
    "jetzt",        "kein",        "keine",     "laut",        "man",
    "manche",       "mehr",        "mehrere",   "meist",       "mit",
    "nach",         "nachdem",     "neben",     "nein",        "nicht",
    "nichts",       "noch",        "nun",       "nur",         "ob",
    "obwohl",       "oder",        "ohne",      "schließlich", "schon",
    "sein",         "seine",       "seit",      "seitdem",     "sie",
    "sind",         "so",          "sogar",     "solche",      "soll",
    "sollte",       "somit",       "sondern",   "sowohl",      "später",
    "statt",        "stattdessen", "trotz",     "trotzdem",    "um",
    "und",          "uns",         "unser",     "unsere",      "unter",
    "viele",        "vielleicht",  "vom",       "von",         "vor",
    "vorher",       "wann",        "warum",     "was",         "weder",
    "weil",         "weiter",      "weitere",   "welche",      "welcher",
    "wenn",         "wer",         "wie",       "wieder",      "wir",
    "wo",           "wobei",       "wodurch",   "woher",       "wohl",
    "während",      "zudem",       "zugleich",  "zuletzt",     "zum",
    "zunächst",     "zur",         "zwar",      "zwei",        "zwischen",
    "über",
};
static const struct seg_rules rules_de = {
    "de",
    WORDS(de_title),
    WORDS(de_inner),
    WORDS(de_any),
    WORDS(de_suffix),
    WORDS(de_start),
    SEG_F_ORDINAL | SEG_F_REVQUOTES,
};

/* French */
static const char *const fr_title[] = {
    "dr",  "m",    "me", "mgr",  "mlle", "mlles", "mm",
    "mme", "mmes", "pr", "prof", "st",   "ste",
};
static const char *const fr_inner[] = {
    "av", "bd", "boul", "c.-à-d", "c.à.d", "env", "ex", "p.ex", "resp",
};
static const char *const fr_any[] = {
    "apr",  "apr.j.-c", "art",    "av.j.-c", "avr", "chap", "cie", "coll",
    "dim",  "déc",      "dép",    "fig",     "fév", "févr", "hab", "j.-c",
    "janv", "jeu",      "juil",   "lun",     "mar", "max",  "mer", "min",
    "nov",  "oct",      "op.cit", "p",       "pp",  "s.a",  "sam", "sept",
    "sq",   "sté",      "tél",    "ven",     "vol", "éd",
};
static const char *const fr_start[] = {
    "afin",
    "ailleurs",
    "ainsi",
    "alors",
    "après",
    "au",
    "aucun",
    "aucune",
    "aujourd",
    "auparavant",
    "aussi",
    "autant",
    "autour",
    "autre",
    "autres",
    "aux",
    "avant",
    "avec",
    "c",
    "car",
    "ce",
    "cela",
    "celle",
    "celles",
    "celui",
    "cependant",
    "certains",
    "ces",
    "cet",
    "cette",
    "ceux",
    "chacun",
    "chaque",
    "chez",
    "comme",
    "comment",
    "contrairement",
    "d",
    "dans",
    "de",
    "depuis",
    "derrière",
    "des",
    "deux",
    "donc",
    "dont",
    "du",
    "durant",
    "dès",
    "désormais",
    "elle",
    "elles",
    "en",
    "encore",
    "enfin",
    "ensuite",
    "entre",
    "et",
    "face",
    "hier",
    "il",
    "ils",
    "j",
    "jamais",
    "je",
    "jusqu",
    "l",
    "la",
    "le",
    "les",
    "leur",
    "leurs",
    "lors",
    "lorsqu",
    "lorsque",
    "lui",
    "là",
    "mais",
    "malgré",
    "mes",
    "moi",
    "mon",
    "même",
    "n",
    "ne",
    "ni",
    "non",
    "nos",
    "notre",
    "nous",
    "néanmoins",
    "on",
    "or",
    "ou",
    "outre",
    "où",
    "par",
    "parce",
    "parfois",
    "parmi",
    "pas",
    "pendant",
    "peu",
    "peut",
    "plus",
    "plusieurs",
    "pour",
    "pourquoi",
    "pourtant",
    "près",
    "puis",
    "qu",
    "quand",
    "que",
    "quel",
    "quelle",
    "quelles",
    "quelque",
    "quelques",
    "quels",
    "qui",
    "s",
    "sa",
    "sans",
    "se",
    "selon",
    "ses",
    "si",
    "sinon",
    "son",
    "sous",
    "souvent",
    "suite",
    "sur",
    "tandis",
    "tant",
    "toujours",
    "tous",
    "tout",
    "toute",
    "toutefois",
    "toutes",
    "trois",
    "très",
    "un",
    "une",
    "vers",
    "voici",
    "voilà",
    "vous",
    "y",
    "à",
    "ça",
};
static const struct seg_rules rules_fr = {
    "fr",
    WORDS(fr_title),
    WORDS(fr_inner),
    WORDS(fr_any),
    NOWORDS,
    WORDS(fr_start),
    0,
};

/* Spanish */
static const char *const es_title[] = {
    "arq",  "cnel", "d",    "dr",    "dra",  "dña", "excma", "excmo",
    "fdo",  "fr",   "gral", "ilma",  "ilmo", "ing", "lic",   "mons",
    "ntra", "pbro", "prof", "profa", "sr",   "sra", "sras",  "sres",
    "srta", "sta",  "sto",  "tte",   "ud",   "uds", "vd",    "vds",
};
static const char *const es_inner[] = {
    "aprox", "av", "avda", "c", "dcha", "ej", "izq", "p.ej",
};
static const char *const es_any[] = {
    "a.c", "abr", "ago", "art",   "arts", "atte", "cap",  "cía",
    "d.c", "dic", "ed",  "ee.uu", "ene",  "feb",  "jul",  "jun",
    "máx", "mín", "núm", "oct",   "pp",   "pág",  "págs", "ref",
    "s.a", "s.l", "sep", "sept",  "ss",   "tel",  "vol",
};
static const char *const es_start[] = {
    "a",        "actualmente", "además",  "ahora",    "al",      "algunas",
    "algunos",  "allí",        "ante",    "antes",    "aquí",    "así",
    "aun",      "aunque",      "ayer",    "bajo",     "cada",    "casi",
    "como",     "con",         "contra",  "cuando",   "cuándo",  "cómo",
    "de",       "debido",      "del",     "desde",    "después", "donde",
    "dos",      "durante",     "dónde",   "e",        "el",      "ella",
    "ellas",    "ellos",       "en",      "entonces", "entre",   "es",
    "esa",      "esas",        "ese",     "eso",      "esos",    "esta",
    "estas",    "este",        "esto",    "estos",    "está",    "finalmente",
    "fue",      "gracias",     "ha",      "hace",     "hasta",   "hay",
    "hoy",      "incluso",     "la",      "las",      "le",      "les",
    "lo",       "los",         "luego",   "mañana",   "me",      "mi",
    "mientras", "mis",         "muchos",  "muy",      "más",     "nada",
    "nadie",    "ni",          "ninguno", "no",       "nos",     "nosotros",
    "nuestra",  "nuestro",     "o",       "otra",     "otras",   "otro",
    "otros",    "para",        "pero",    "poco",     "por",     "porque",
    "pues",     "que",         "quien",   "quienes",  "quién",   "qué",
    "se",       "según",       "ser",     "si",       "sin",     "sino",
    "sobre",    "su",          "sus",     "sí",       "también", "tampoco",
    "tan",      "tanto",       "todas",   "todo",     "todos",   "tras",
    "tres",     "tu",          "tú",      "un",       "una",     "uno",
    "unos",     "usted",       "ustedes", "y",        "ya",      "yo",
    "él",
};
static const struct seg_rules rules_es = {
    "es",
    WORDS(es_title),
    WORDS(es_inner),
    WORDS(es_any),
    NOWORDS,
    WORDS(es_start),
    0,
};

/* Italian */
static const char *const it_title[] = {
    "arch", "avv",  "c.so",    "cav",     "dott", "dott.ssa", "dr",
    "egr",  "gent", "gent.ma", "gent.mo", "geom", "ill.mo",   "ing",
    "mons", "on",   "p.le",    "p.zza",   "prof", "prof.ssa", "rag",
    "sen",  "sig",  "sig.na",  "sig.ra",  "sigg", "spett",    "v.le",
};
static const char *const it_inner[] = {
    "all", "c.a",  "ca",  "cfr", "cit", "co",   "d.l", "d.lgs",
    "es",  "lett", "n",   "nn",  "nr",  "p.es", "pag", "pagg",
    "par", "parr", "sez", "sgg", "tab", "tel",  "vd",
};
static const char *const it_any[] = {
    "a.c", "ago", "apr",   "art",   "cap", "d.c", "dic",  "ecc", "ed",
    "feb", "fig", "gen",   "giu",   "lug", "mag", "mar",  "max", "min",
    "nov", "ott", "s.p.a", "s.r.l", "sec", "set", "sett", "ss",  "vol",
};
static const char *const it_start[] = {
    "a",        "ad",       "adesso",   "al",      "alla",       "alle",
    "allo",     "allora",   "altri",    "anche",   "ancora",     "avendo",
    "benché",   "che",      "chi",      "ci",      "ciò",        "come",
    "comunque", "con",      "cosa",     "così",    "da",         "dai",
    "dal",      "dalla",    "dalle",    "dei",     "del",        "della",
    "delle",    "dello",    "di",       "dopo",    "dove",       "due",
    "dunque",   "durante",  "e",        "ecco",    "ed",         "egli",
    "ella",     "entrambi", "era",      "essa",    "esse",       "essi",
    "esso",     "fino",     "fra",      "già",     "gli",        "i",
    "ieri",     "il",       "in",       "infatti", "infine",     "inoltre",
    "insieme",  "intanto",  "invece",   "io",      "l",          "la",
    "le",       "lei",      "lo",       "loro",    "lui",        "ma",
    "mentre",   "mi",       "molti",    "molto",   "ne",         "negli",
    "nei",      "nel",      "nella",    "nelle",   "nello",      "nemmeno",
    "neppure",  "nessuno",  "noi",      "non",     "nonostante", "o",
    "oggi",     "ogni",     "oltre",    "ora",     "ovvero",     "per",
    "perché",   "però",     "più",      "poi",     "prima",      "proprio",
    "pure",     "quale",    "quando",   "quanto",  "quasi",      "quella",
    "quelle",   "quelli",   "quello",   "questa",  "queste",     "questi",
    "questo",   "qui",      "se",       "secondo", "sempre",     "senza",
    "si",       "sia",      "solo",     "sono",    "sopra",      "sotto",
    "su",       "sul",      "sulla",    "sulle",   "sì",         "tra",
    "tre",      "tu",       "tuttavia", "tutte",   "tutti",      "tutto",
    "un",       "una",      "uno",      "vi",      "voi",        "è",
};
static const struct seg_rules rules_it = {
    "it",
    WORDS(it_title),
    WORDS(it_inner),
    WORDS(it_any),
    NOWORDS,
    WORDS(it_start),
    0,
};

/* Dutch */
static const char *const nl_title[] = {
    "dhr", "dr",   "drs", "ds", "gen", "ing",  "ir", "kol",
    "lt",  "mevr", "mgr", "mr", "mw",  "prof", "st",
};
static const char *const nl_inner[] = {
    "a.s",   "art",   "bijv",  "blz",     "ca",    "d.d",   "d.w.z",
    "evt",   "excl",  "geb",   "i.c.m",   "i.p.v", "i.v.m", "incl",
    "jl",    "m.a.w", "m.b.t", "m.i",     "m.i.v", "m.n",   "n.a.v",
    "nr",    "o.a",   "o.m",   "resp",    "t.a.v", "t.o.v", "t.w",
    "t.z.t", "vgl",   "vnl",   "z.g.a.n", "z.i",   "z.s.m",
};
static const char *const nl_any[] = {
    "a.u.b", "apr",   "aug", "b.v",   "bv",    "dec", "e.a", "e.d",
    "e.v",   "enz",   "feb", "jan",   "jul",   "jun", "max", "min",
    "mld",   "mln",   "mrt", "n.chr", "n.v",   "nov", "nv",  "o.i.d",
    "okt",   "s.v.p", "sep", "sept",  "v.chr",
};
static const char *const nl_suffix[] = {
    "str",
};
static const char *const nl_start[] = {
    "'n",        "'s",       "'t",      "aan",     "achter", "al",
    "alle",      "alleen",   "als",     "alsnog",  "bij",    "binnen",
    "buiten",    "daar",     "daarbij", "daarmee", "daarna", "daarnaast",
    "daarom",    "daarop",   "dan",     "dat",     "de",     "deze",
    "die",       "dit",      "doch",    "door",    "dus",    "echter",
    "een",       "eerder",   "eerst",   "en",      "enkele", "er",
    "even",      "gisteren", "haar",    "heel",    "hem",    "het",
    "hier",      "hij",      "hoe",     "hun",     "ik",     "in",
    "inmiddels", "is",       "je",      "jij",     "kort",   "later",
    "maar",      "met",      "mijn",    "na",      "naar",   "naast",
    "niemand",   "niet",     "niets",   "nog",     "nooit",  "nu",
    "of",        "ofwel",    "ok",      "om",      "omdat",  "ondanks",
    "onder",     "ons",      "ook",     "op",      "over",   "sinds",
    "soms",      "tegen",    "terwijl", "toch",    "toen",   "tot",
    "tussen",    "twee",     "u",       "uit",     "van",    "vandaag",
    "vanwege",   "veel",     "volgens", "voor",    "vooral", "voordat",
    "waar",      "waardoor", "waarom",  "wanneer", "want",   "wat",
    "we",        "wel",      "welke",   "wie",     "wij",    "ze",
    "zij",       "zijn",     "zo",      "zoals",   "zonder", "zowel",
};
static const struct seg_rules rules_nl = {
    "nl",
    WORDS(nl_title),
    WORDS(nl_inner),
    WORDS(nl_any),
    WORDS(nl_suffix),
    WORDS(nl_start),
    0,
};

/* Polish */
static const char *const pl_title[] = {
    "abp",  "al",    "bp",  "doc",  "dr",   "dyr",  "gen",  "gm",
    "hab",  "im",    "inż", "kard", "kmdr", "kpt",  "ks",   "lek",
    "m.st", "marsz", "mgr", "mjr",  "ob",   "os",   "pl",   "por",
    "pos",  "posł",  "pow", "ppor", "ppłk", "prez", "prof", "płk",
    "red",  "sierż", "ul",  "woj",  "św",
};
static const char *const pl_inner[] = {
    "ang",  "art",  "cz", "dot", "ds",  "ew", "franc", "godz", "jw", "m.in",
    "niem", "np",   "nt", "ok",  "pkt", "pt", "ros",   "str",  "tj", "tzn",
    "tzw",  "tłum", "ur", "ust", "ww",  "zm", "zob",   "łac",
};
static const char *const pl_any[] = {
    "b.r", "br",    "cze",   "ed",  "gr",   "gru",  "in",  "itd",   "itp",
    "kwi", "lip",   "lis",   "lut", "mar",  "mies", "min", "mld",   "mln",
    "n.e", "oprac", "p.n.e", "paź", "proc", "r",    "rr",  "s.a",   "sek",
    "sie", "sp",    "tys",   "ub",  "ub.r", "wrz",  "wyd", "z.o.o",
};
static const char *const pl_start[] = {
    "a",       "aby",     "albo",     "ale",       "bez",      "bo",
    "by",      "był",     "była",     "było",      "były",     "chociaż",
    "choć",    "co",      "czy",      "dla",       "dlatego",  "do",
    "dopiero", "dotąd",   "dzisiaj",  "dziś",      "gdy",      "gdyby",
    "gdyż",    "gdzie",   "i",        "ich",       "ile",      "im",
    "inne",    "ja",      "jak",      "jaki",      "jako",     "je",
    "jednak",  "jego",    "jej",      "jest",      "jeszcze",  "jeśli",
    "jeżeli",  "już",     "każdy",    "kiedy",     "kto",      "która",
    "które",   "który",   "którzy",   "ku",        "mimo",     "może",
    "my",      "na",      "nad",      "natomiast", "nic",      "nie",
    "nigdy",   "niż",     "o",        "od",        "ona",      "one",
    "oni",     "ono",     "oraz",     "oto",       "po",       "pod",
    "podczas", "ponadto", "ponieważ", "potem",     "poza",     "przed",
    "przez",   "przy",    "również",  "sam",       "sama",     "się",
    "so",      "ta",      "tak",      "takie",     "także",    "tam",
    "te",      "tego",    "tej",      "ten",       "teraz",    "też",
    "to",      "tu",      "tutaj",    "tylko",     "w",        "wczoraj",
    "we",      "według",  "więc",     "wszyscy",   "wszystko", "wtedy",
    "wy",      "z",       "za",       "zaś",       "ze",       "że",
    "żeby",
};
static const struct seg_rules rules_pl = {
    "pl",
    WORDS(pl_title),
    WORDS(pl_inner),
    WORDS(pl_any),
    NOWORDS,
    WORDS(pl_start),
    0,
};

/* Czech */
static const char *const cs_title[] = {
    "bc",   "doc",  "dr",  "gen",  "ing",   "judr", "kpt", "mgr", "mjr",
    "mudr", "mvdr", "nám", "p",    "paedr", "phdr", "plk", "por", "pplk",
    "ppor", "prof", "pí",  "rndr", "sv",    "tř",   "ul",
};
static const char *const cs_inner[] = {
    "cca", "ev",  "mj", "např", "odst", "popř", "písm", "resp", "s",   "srov",
    "str", "tel", "tj", "tzn",  "tzv",  "viz",  "zvl",  "č",    "čís",
};
static const char *const cs_any[] = {
    "a.s",  "aj",     "apod", "atd",   "bře", "dub",  "hod",
    "kvě",  "led",    "lis",  "mil",   "min", "mld",  "n.l",
    "pro",  "př.n.l", "r",    "s.r.o", "sek", "spol", "srp",
    "stol", "tis",    "zář",  "úno",   "čvc", "čvn",  "říj",
};
static const char *const cs_start[] = {
    "a",      "aby",    "ale",    "ani",     "ačkoli",  "ačkoliv", "až",
    "bez",    "by",     "byl",    "byla",    "byli",    "bylo",    "co",
    "což",    "dnes",   "do",     "i",       "jak",     "jako",    "je",
    "jeho",   "jejich", "její",   "jen",     "jenž",    "jestli",  "ještě",
    "již",    "jsem",   "jsou",   "já",      "k",       "kde",     "kdo",
    "kdy",    "když",   "kromě",  "kterou",  "která",   "které",   "který",
    "kvůli",  "mezi",   "mu",     "my",      "na",      "nad",     "navíc",
    "ne",     "nebo",   "než",    "nicméně", "o",       "od",      "on",
    "ona",    "oni",    "ono",    "pak",     "po",      "pod",     "podle",
    "pokud",  "potom",  "poté",   "proto",   "protože", "před",    "přes",
    "přesto", "při",    "přitom", "s",       "se",      "tak",     "také",
    "tam",    "tato",   "tedy",   "ten",     "tento",   "teď",     "to",
    "tu",     "tyto",   "u",      "už",      "v",       "ve",      "vy",
    "včera",  "však",   "z",      "za",      "zatím",   "že",
};
static const struct seg_rules rules_cs = {
    "cs",
    WORDS(cs_title),
    WORDS(cs_inner),
    WORDS(cs_any),
    NOWORDS,
    WORDS(cs_start),
    0,
};

/* Russian */
static const char *const ru_title[] = {
    "акад", "ген", "гр", "д",   "доц", "им",  "кв", "корп",
    "наб",  "о",   "оз", "пер", "пл",  "пос", "пр", "просп",
    "проф", "с",   "св", "ст",  "стр", "тов", "ул", "ш",
};
static const char *const ru_inner[] = {
    "англ", "букв", "в.т.ч", "и.о", "лат", "мн",  "напр", "нем", "ок",    "см",
    "сокр", "ср",   "т.е",   "т.з", "т.к", "т.н", "т.о",  "т.ч", "франц",
};
static const char *const ru_any[] = {
    "авг", "апр",  "в",    "вв",  "вс",  "вт",   "вып",  "г",   "гг",  "гл",
    "дек", "долл", "др",   "ед",  "изд", "июл",  "июн",  "км",  "коп", "л",
    "м",   "мар",  "мес",  "мин", "млн", "млрд", "н.э",  "нед", "ноя", "нояб",
    "обл", "окт",  "п",    "пн",  "пол", "пп",   "прим", "пт",  "р",   "ред",
    "рис", "руб",  "сб",   "сек", "сен", "сент", "т",    "т.д", "т.п", "табл",
    "тыс", "фев",  "февр", "ч",   "чел", "чт",   "шт",   "экз", "янв",
};
static const char *const ru_start[] = {
    "а",          "без",    "благодаря", "более",    "больше",  "будет",
    "бы",         "был",    "была",      "были",     "было",    "в",
    "вместе",     "вместо", "во",        "вот",      "впервые", "впрочем",
    "все",        "всего",  "всё",       "вчера",    "вы",      "где",
    "да",         "даже",   "далее",     "для",      "до",      "его",
    "ее",         "если",   "еще",       "ещё",      "её",      "же",
    "за",         "затем",  "здесь",     "и",        "из",      "или",
    "им",         "именно", "иначе",     "их",       "к",       "кажется",
    "как",        "когда",  "которые",   "который",  "кроме",   "кстати",
    "кто",        "ли",     "либо",      "лишь",     "между",   "менее",
    "мы",         "на",     "над",       "накануне", "наконец", "напомним",
    "например",   "не",     "него",      "несмотря", "нет",     "ни",
    "но",         "ну",     "о",         "об",       "однако",  "около",
    "он",         "она",    "они",       "оно",      "от",      "откуда",
    "отмечается", "очень",  "перед",     "по",       "позже",   "пока",
    "помимо",     "после",  "потом",     "потому",   "почему",  "поэтому",
    "при",        "причем", "причём",    "про",      "ранее",   "с",
    "сам",        "сама",   "сегодня",   "сейчас",   "со",      "согласно",
    "среди",      "так",    "также",     "там",      "тем",     "теперь",
    "то",         "тогда",  "того",      "тоже",     "только",  "тут",
    "у",          "уже",    "хотя",      "чем",      "через",   "что",
    "чтобы",      "эта",    "эти",       "это",      "этот",    "я",
};
static const struct seg_rules rules_ru = {
    "ru",
    WORDS(ru_title),
    WORDS(ru_inner),
    WORDS(ru_any),
    NOWORDS,
    WORDS(ru_start),
    0,
};

/* Ukrainian */
static const char *const uk_title[] = {
    "акад", "буд", "бульв", "вул",  "ген",   "доц",  "кв", "м",  "о",
    "оз",   "п",   "пл",    "пров", "просп", "проф", "с",  "св", "ім",
};
static const char *const uk_inner[] = {
    "англ", "в.о", "див", "зокр", "напр", "нім", "порівн", "т.б", "т.зв", "т.ч",
};
static const char *const uk_any[] = {
    "бер", "вер", "год",  "грн", "груд", "дол", "жовт", "квіт",
    "кг",  "км",  "коп",  "лип", "лист", "лют", "млн",  "млрд",
    "н.е", "обл", "р",    "рр",  "серп", "ст",  "стор", "січ",
    "т.д", "т.п", "т.ін", "тис", "трав", "хв",  "черв", "ін",
};
static const char *const uk_start[] = {
    "а",      "адже",    "але",    "б",     "без",    "бо",      "був",
    "була",   "були",    "було",   "в",     "вже",    "вона",    "вони",
    "воно",   "все",     "всі",    "втім",  "вчора",  "від",     "він",
    "де",     "для",     "до",     "з",     "за",     "завдяки", "зараз",
    "згідно", "зокрема", "й",      "йому",  "коли",   "крім",    "лише",
    "ми",     "на",      "навіть", "над",   "наразі", "не",      "нині",
    "ні",     "о",       "однак",  "окрім", "от",     "отже",    "по",
    "поки",   "понад",   "потім",  "при",   "про",    "проте",   "під",
    "після",  "раніше",  "саме",   "серед", "так",    "також",   "там",
    "тепер",  "ти",      "тим",    "то",    "тоді",   "тому",    "тут",
    "у",      "усі",     "хоча",   "це",    "цей",    "ця",      "ці",
    "через",  "що",      "щоб",    "я",     "як",     "яка",     "який",
    "якщо",   "які",     "і",      "із",
};
static const struct seg_rules rules_uk = {
    "uk",
    WORDS(uk_title),
    WORDS(uk_inner),
    WORDS(uk_any),
    NOWORDS,
    WORDS(uk_start),
    0,
};

/* Belarusian */
static const char *const be_title[] = {
    "аг",  "акад", "в",  "вул",  "ген",   "дац", "зав",
    "пас", "пл",   "пр", "праф", "просп", "св",  "ім",
};
static const char *const be_inner[] = {
    "англ", "бел", "г.зн", "гл", "напр", "ням", "рус", "т.зв",
};
static const char *const be_any[] = {
    "вер",  "вобл",  "г",   "г.д", "гад",  "гг",   "дал",  "жн",
    "кап",  "кастр", "кг",  "км",  "крас", "лют",  "ліп",  "ліст",
    "млн",  "млрд",  "н.э", "руб", "с",    "сак",  "снеж", "ст",
    "стар", "студз", "т.д", "тыс", "хв",   "чэрв", "інш",
};
static const char *const be_start[] = {
    "а",    "аб",    "аднак",  "акрамя",  "але",   "без",   "бо",      "была",
    "было", "былі",  "быў",    "ва",      "вось",  "вы",    "гэта",    "гэтая",
    "гэты", "гэтыя", "да",     "дзе",     "для",   "з",     "за",      "зараз",
    "й",    "каб",   "кажуць", "калі",    "мы",    "на",    "нават",   "над",
    "не",   "ні",    "па",     "паводле", "паміж", "пасля", "потым",   "пра",
    "праз", "пры",   "раней",  "сярод",   "сёння", "тады",  "таксама", "там",
    "таму", "тут",   "у",      "ужо",     "усе",   "учора", "хаця",    "хоць",
    "хто",  "цяпер", "шмат",   "што",     "я",     "як",    "якая",    "які",
    "якія", "яна",   "яно",    "яны",     "ён",    "і",
};
static const struct seg_rules rules_be = {
    "be",
    WORDS(be_title),
    WORDS(be_inner),
    WORDS(be_any),
    NOWORDS,
    WORDS(be_start),
    0,
};

/* Bulgarian */
static const char *const bg_title[] = {
    "акад", "ап",   "арх", "бл",   "бр",  "бул", "в",  "вх",
    "ген",  "гр",   "доц", "ет",   "ж.к", "инж", "кв", "общ",
    "пл",   "полк", "пр",  "проф", "с",   "св",  "сп", "ул",
};
static const char *const bg_inner[] = {
    "англ", "вж",  "лат", "напр",  "нем", "рус",
    "срв",  "т.е", "т.к", "т.нар", "фр",
};
static const char *const bg_any[] = {
    "авг",   "ал",   "апр", "г",    "гг",    "дек", "др",   "изд",  "изм",
    "кг",    "км",   "лв",  "м.г",  "мин",   "млн", "млрд", "ноем", "окт",
    "пр.хр", "прил", "сек", "септ", "сл.хр", "ст",  "стр",  "т",    "т.г",
    "т.н",   "фев",  "хил", "ч",    "чл",    "ян",
};
static const char *const bg_start[] = {
    "а",       "аз",     "ако",    "без",    "би",    "бил",    "била",
    "били",    "било",   "в",      "вече",   "все",   "всички", "вчера",
    "въпреки", "го",     "да",     "дали",   "днес",  "до",     "докато",
    "е",       "за",     "защото", "и",      "или",   "им",     "именно",
    "какво",   "както",  "като",   "когато", "които", "кой",    "който",
    "която",   "към",    "ли",     "между",  "много", "му",     "на",
    "над",     "не",     "него",   "нея",    "ни",    "ние",    "но",
    "няма",    "обаче",  "около",  "освен",  "от",    "пак",    "по",
    "под",     "поради", "после",  "преди",  "през",  "при",    "с",
    "са",      "сега",   "след",   "според", "със",   "също",   "там",
    "те",      "тези",   "това",   "тогава", "този",  "той",    "тук",
    "тя",      "у",      "че",     "ще",     "я",
};
static const struct seg_rules rules_bg = {
    "bg",
    WORDS(bg_title),
    WORDS(bg_inner),
    WORDS(bg_any),
    NOWORDS,
    WORDS(bg_start),
    0,
};

/* Kazakh */
static const char *const kk_title[] = {
    "а", "акад", "ауд", "даң", "доц", "көш", "обл", "проф", "ш.а", "қ",
};
static const char *const kk_inner[] = {
    "мыс",
};
static const char *const kk_any[] = {
    "б",   "б.з",  "б.з.б", "бет", "ж",   "жж",    "кг",  "км", "мин",
    "млн", "млрд", "мың",   "сағ", "т.б", "т.с.с", "т.т", "ғ",  "ғғ",
};
static const char *const kk_start[] = {
    "ал",    "алайда", "барлық",   "біз",   "бірақ",     "бүгін",   "бұл",
    "бұрын", "бұған",  "егер",     "енді",  "ертең",     "және",    "кейбір",
    "кейін", "кеше",   "көптеген", "мен",   "менің",     "мұнда",   "ол",
    "олар",  "онда",   "оны",      "оның",  "осы",       "оған",    "себебі",
    "сен",   "содан",  "сол",      "сонда", "сондықтан", "сонымен", "сіз",
    "тіпті", "қазір",  "әр",       "әрі",   "өйткені",
};
static const struct seg_rules rules_kk = {
    "kk",
    WORDS(kk_title),
    WORDS(kk_inner),
    WORDS(kk_any),
    NOWORDS,
    WORDS(kk_start),
    0,
};

/* fallback for any other language: the common lists */
static const struct seg_rules rules_und = {
    "und", NOWORDS, NOWORDS, NOWORDS, NOWORDS, NOWORDS, 0,
};

static const struct seg_rules *const all_rules[] = {
    &rules_en, &rules_de, &rules_fr, &rules_es,  &rules_it,
    &rules_nl, &rules_pl, &rules_cs, &rules_ru,  &rules_uk,
    &rules_be, &rules_bg, &rules_kk, &rules_und,
};

#define NRULES (sizeof(all_rules) / sizeof(all_rules[0]))

const struct seg_rules *seg_rules_find(const char *code)
{
	size_t i;

	for (i = 0; i < NRULES; i++)
		if (strcmp(all_rules[i]->code, "und") != 0 &&
		    !strcmp(all_rules[i]->code, code))
			return all_rules[i];
	return NULL;
}

const struct seg_rules *seg_rules_fallback(void)
{
	return &rules_und;
}

const struct seg_rules *const *seg_rules_all(size_t *n)
{
	*n = NRULES;
	return all_rules;
}

static int cmp_key(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

int seg_words_has(const struct seg_words *l, const char *key)
{
	return l->n && bsearch(key, l->w, l->n, sizeof(l->w[0]), cmp_key);
}
