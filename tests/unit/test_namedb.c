/* Unit tests of the names in the memory: namesfile, namelearn, namedb and
 * the store's names tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "embedded.h"
#include "namedb.h"
#include "namelearn.h"
#include "namesfile.h"
#include "namestore.h"
#include "store.h"
#include "unit.h"

/* A fresh memory in a temporary folder; *dir receives the folder. */
static struct store *temp_store(char dir[64])
{
	struct store *st = NULL;
	const char *d = unit_tmp_dir();

	if (!d)
		return NULL;
	snprintf(dir, 64, "%s", d);
	if (store_open(&st, unit_path_in(dir, "m.db"), STORE_CREATE, NULL) < 0)
		return NULL;
	return st;
}

static void temp_done(struct store *st, const char *dir)
{
	store_free(st);
	unit_rm_dir(dir);
}

static const char house_tsv[] =
    "# comment\n"
    "Sviatlana Tsikhanouskaya\ten\tSviatlana Tsikhanouskaya\thouse\n"
    "Sviatlana Tsikhanouskaya\tru\tСветлана Тихановская\thouse\n"
    "Sviatlana Tsikhanouskaya\tde\tTichanowskaja\talias\n"
    "\n"
    "Alexander Lukashenko\ten\tAlexander Lukashenko\thouse\r\n"
    "Sviatlana Tsikhanouskaya\ten\tSiarhei Tsikhanouski\tnot\n";

/* The canonical file of f (k: which of two buffers to use). */
static const char *written_k(struct namesfile *f, int k)
{
	static struct buf b[2];

	buf_release(&b[k]);
	buf_init(&b[k]);
	namesfile_write(&b[k], f);
	return b[k].data;
}

#define written(f) written_k((f), 0)

TEST(namedb_file_parse_and_write)
{
	struct names *nm = names_new();
	struct namesfile f, g;
	struct err e;
	const char *out;

	namesfile_init(&f);
	namesfile_init(&g);
	err_clear(&e);
	CHECK_INT(
	    namesfile_parse(&f, house_tsv, strlen(house_tsv), "h.tsv", nm, &e),
	    0);
	CHECK_INT(f.n, 5);
	out = written(&f);
	CHECK_STR(out,
	          "# newstm names: the house style for persons' names.\n"
	          "# entity TAB lang TAB spelling TAB kind (house, alias or "
	          "not)\n"
	          "Alexander Lukashenko\ten\tAlexander Lukashenko\thouse\n"
	          "\n"
	          "Sviatlana Tsikhanouskaya\ten\tSviatlana Tsikhanouskaya\t"
	          "house\n"
	          "Sviatlana Tsikhanouskaya\tru\tСветлана Тихановская\thouse\n"
	          "Sviatlana Tsikhanouskaya\tde\tTichanowskaja\talias\n"
	          "Sviatlana Tsikhanouskaya\ten\tSiarhei Tsikhanouski\tnot\n");
	/* what it wrote reads back to the same bytes */
	CHECK_INT(namesfile_parse(&g, out, strlen(out), "w.tsv", nm, &e), 0);
	CHECK_STR(written_k(&g, 1), out);
	namesfile_release(&f);
	namesfile_release(&g);
	names_free(nm);
}

/* The error message of parsing text, or "ok". */
static const char *parse_error(const char *text)
{
	static struct err e;
	struct names *nm = names_new();
	struct namesfile f;
	int rc;

	namesfile_init(&f);
	err_clear(&e);
	rc = namesfile_parse(&f, text, strlen(text), "x.tsv", nm, &e);
	namesfile_release(&f);
	names_free(nm);
	return rc < 0 ? e.msg : "ok";
}

TEST(namedb_file_errors)
{
	CHECK_STR(parse_error("# only\n\nA B\ten\tA B\thouse\n"), "ok");
	CHECK_STR(parse_error("A B\ten\tA B\n"),
	          "x.tsv:1: expected 4 fields separated by tabs (entity, "
	          "lang, spelling, kind), found 3");
	CHECK_STR(parse_error("A B\ten\tA B\thouse\nA B\tr_u_s_s_i_a_n\tА "
	                      "Б\thouse\n"),
	          "x.tsv:2: bad language tag 'r_u_s_s_i_a_n'");
	CHECK_STR(parse_error("A B\ten\tA B\tpreferred\n"),
	          "x.tsv:1: kind must be house, alias or not, not "
	          "'preferred'");
	CHECK_STR(parse_error("A B\ten\tA B\thouse\nA B\ten\tA C\thouse\n"),
	          "x.tsv:2: a second house form in 'en' (line 1) for 'A B'");
	CHECK_STR(parse_error("A B\ten\tA B\thouse\n\nA B\ten\tA B\talias\n"),
	          "x.tsv:3: repeats line 1: 'A B'");
	CHECK_STR(parse_error("A B\ten\t1984\thouse\n"),
	          "x.tsv:1: no letters in the name in '1984'");
	CHECK_STR(parse_error("A B\ten\tA B\talias\n"),
	          "x.tsv:1: no house form for entity 'A B'");
	CHECK_STR(parse_error("A B\tund\tA B\thouse\n"),
	          "x.tsv:1: a house form needs a language, not 'und'");
	CHECK_STR(parse_error("\tund\tA B\talias\n"),
	          "x.tsv:1: empty entity label");
}

TEST(namedb_import_export_fixpoint)
{
	char dir[64];
	struct store *st = temp_store(dir);
	struct names *nm = names_new();
	struct namesfile f, g;
	struct namedb_counts c;
	struct err e;
	const char *once;
	struct buf first;

	CHECK(st != NULL);
	namesfile_init(&f);
	namesfile_init(&g);
	buf_init(&first);
	err_clear(&e);
	namesfile_parse(&f, house_tsv, strlen(house_tsv), "h.tsv", nm, &e);
	CHECK_INT(namedb_import(st, &f, &c, &e), 0);
	CHECK_INT(c.created, 2);
	CHECK_INT(c.spellings, 5);
	CHECK_INT(namedb_export(st, &g, &e), 0);
	once = written(&g);
	CHECK_STR(once, written_k(&f, 1));
	buf_adds(&first, once);
	/* importing again changes nothing */
	CHECK_INT(namedb_import(st, &g, &c, &e), 0);
	CHECK_INT(c.created, 0);
	CHECK_INT(c.updated, 2);
	namesfile_release(&g);
	namesfile_init(&g);
	CHECK_INT(namedb_export(st, &g, &e), 0);
	CHECK_STR(written(&g), first.data);
	buf_release(&first);
	namesfile_release(&f);
	namesfile_release(&g);
	names_free(nm);
	temp_done(st, dir);
}

TEST(namedb_add_find_review)
{
	char dir[64];
	struct store *st = temp_store(dir);
	const char *aliases[] = {"Tikhanovskaya"};
	struct namedb_added a;
	struct namestore *ns;
	int64_t ids[4];
	struct err e;
	int k;

	CHECK(st != NULL);
	err_clear(&e);
	CHECK_INT(namedb_add(st, "Sviatlana Tsikhanouskaya", "en", aliases, 1,
	                     0, &a, &e),
	          0);
	CHECK(a.created);
	CHECK_INT(a.entity, 1);
	/* the same person in Belarusian: the same entity */
	CHECK_INT(
	    namedb_add(st, "Святлана Ціханоўская", "be", NULL, 0, 0, &a, &e),
	    0);
	CHECK(!a.created);
	CHECK_INT(a.entity, 1);
	/* her husband: another entity */
	CHECK_INT(
	    namedb_add(st, "Siarhei Tsikhanouski", "en", NULL, 0, 0, &a, &e),
	    0);
	CHECK(a.created);
	CHECK_INT(a.entity, 2);
	/* a second house form for a language replaces the first */
	CHECK_INT(namedb_add(st, "Sviatlana Tsikhanouskaja", "en", NULL, 0, 1,
	                     &a, &e),
	          0);
	CHECK_INT(namedb_add(st, "Nobody Here", "en", NULL, 0, 99, &a, &e),
	          ERR_NOTFOUND);
	CHECK_INT(namedb_add(st, "1984", "en", NULL, 0, 0, &a, &e), ERR_USAGE);
	CHECK_INT(namedb_find(st, "2", NAMESTORE_ANY, ids, 4, &e), 1);
	CHECK_INT(
	    namedb_find(st, "Siarhei Tsikhanouski", NAMESTORE_ANY, ids, 4, &e),
	    1);
	CHECK_INT(ids[0], 2);
	CHECK_INT(namedb_find(st, "Тихановская", NAMESTORE_ANY, ids, 4, &e), 1);
	CHECK_INT(ids[0], 1);
	CHECK_INT(namedb_find(st, "Nobody", NAMESTORE_ANY, ids, 4, &e), 0);

	ns = namestore_new();
	CHECK_INT(namestore_load(ns, st, NAMESTORE_CONFIRMED, &e), 0);
	CHECK_INT(namestore_entity_count(ns), 2);
	k = namestore_entity_find(ns, 1);
	if (CHECK(k >= 0)) {
		struct namestore_alias al;
		int h = namestore_house(ns, k, "en");

		CHECK(h >= 0);
		namestore_alias(ns, h, &al);
		CHECK_STR(al.spelling, "Sviatlana Tsikhanouskaja");
		CHECK(namestore_house(ns, k, "be-BY") >= 0);
		CHECK(namestore_house(ns, k, "de") < 0);
	}
	namestore_free(ns);

	/* rejecting: an entity, a spelling */
	CHECK_INT(namedb_set_status(st, 2, NULL, STORE_NAME_REJECTED, &e), 0);
	CHECK_INT(namedb_find(st, "2", NAMESTORE_CONFIRMED, ids, 4, &e), 0);
	CHECK_INT(
	    namedb_set_status(st, 1, "Tikhanovskaya", STORE_NAME_REJECTED, &e),
	    0);
	CHECK_INT(namedb_set_status(st, 1, "Nope", STORE_NAME_REJECTED, &e),
	          ERR_NOTFOUND);
	CHECK_INT(namedb_set_status(st, 7, NULL, STORE_NAME_CONFIRMED, &e),
	          ERR_NOTFOUND);
	temp_done(st, dir);
}

/* A learner fed with texts: id, language, text; and units. */
static void feed(struct namelearn *nl)
{
	static const char *const texts[][2] = {
	    {"en", "Sviatlana Tsikhanouskaya met Siarhei Tsikhanouski."},
	    {"ru", "Светлана Тихановская встретилась с Сергеем Тихановским."},
	    {"en", "Tsikhanouskaya said Lukashenko had lost."},
	    {"ru", "Тихановская заявила, что Лукашенко проиграл."},
	    {"en", "President Alexander Lukashenko disagreed with John "
	           "Coale."},
	    {"ru", "Президент Александр Лукашенко не согласился с Джоном "
	           "Коулом."},
	    {"be", "Гэта сказаў Аляксандр Лукашэнка. Калі Лукашэнку спыталі."},
	    {"en", "The letter of Tsikhanouskaya’s office."},
	};
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		namelearn_text(nl, (int64_t)i + 1, texts[i][0], texts[i][1],
		               strlen(texts[i][1]));
	namelearn_unit(nl, 1, 2);
	namelearn_unit(nl, 3, 4);
	namelearn_unit(nl, 5, 6);
}

/* The person of res with this label, or NULL. */
static const struct namelearn_person *person(const struct namelearn_result *r,
                                             const char *label)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (!strcmp(r->v[i].label, label))
			return &r->v[i];
	return NULL;
}

/* The count of spelling s (lang) of p, or -1. */
static long long spelling(const struct namelearn_person *p, const char *lang,
                          const char *s)
{
	size_t i;

	for (i = 0; p && i < p->n; i++)
		if (!strcmp(p->v[i].lang, lang) && !strcmp(p->v[i].spelling, s))
			return p->v[i].count;
	return -1;
}

TEST(namedb_learn_clusters)
{
	struct namelearn *nl = namelearn_new();
	struct namelearn_result res;
	const struct namelearn_person *p;

	memset(&res, 0, sizeof(res));
	feed(nl);
	namelearn_run(nl, &res, 1);
	CHECK_INT(res.n, 4);
	/* she and her husband are two persons; case forms come to base */
	p = person(&res, "Sviatlana Tsikhanouskaya");
	CHECK(p != NULL);
	CHECK_INT(spelling(p, "ru", "Светлана Тихановская"), 1);
	CHECK_INT(spelling(p, "en", "Tsikhanouskaya"), 2);
	CHECK_INT(spelling(p, "ru", "Тихановская"), 1);
	CHECK_INT(spelling(p, "ru", "Сергей Тихановский"), -1);
	p = person(&res, "Siarhei Tsikhanouski");
	CHECK_INT(spelling(p, "ru", "Сергей Тихановский"), 1);
	/* Lukashenko in three spellings and cases, linked across scripts */
	p = person(&res, "Alexander Lukashenko");
	CHECK_INT(spelling(p, "be", "Аляксандр Лукашэнка"), 1);
	CHECK_INT(spelling(p, "be", "Лукашэнка"), 1);
	CHECK_INT(spelling(p, "ru", "Лукашенко"), 1);
	CHECK(p && p->links == 2);
	CHECK(p && p->mentions == 6);
	/* Коул is not close enough to Coale by itself: the unit links them */
	p = person(&res, "John Coale");
	CHECK_INT(spelling(p, "ru", "Джон Коул"), 1);
	CHECK(p && p->links == 1);
	for (p = res.v; p < res.v + res.n; p++) {
		/* a sentence-initial Калі is not a surname in the dative */
		CHECK_INT(spelling(p, "be", "Каль"), -1);
		CHECK_INT(spelling(p, "be", "Калі"), -1);
	}
	namelearn_result_release(&res);
	/* at least three mentions: Coale and the husband are left out */
	namelearn_run(nl, &res, 3);
	CHECK_INT(res.n, 2);
	namelearn_result_release(&res);
	namelearn_free(nl);
}

TEST(namedb_learn_declined_names)
{
	static const char *const texts[][2] = {
	    {"ru", "Встреча со Светланой Тихановской прошла."},
	    {"ru", "Письмо Светлане Тихановской передали."},
	    {"ru", "Говорили о Марине Петровской и с Мариной Петровской."},
	    {"be", "Гаварылі аб Сяргеі Ціханоўскім і з Сяргеем Ціханоўскім."},
	};
	struct namelearn *nl = namelearn_new();
	struct namelearn_result res;
	const struct namelearn_person *p;
	size_t i;

	memset(&res, 0, sizeof(res));
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		namelearn_text(nl, (int64_t)i + 1, texts[i][0], texts[i][1],
		               strlen(texts[i][1]));
	namelearn_run(nl, &res, 1);
	/* the given name and the surname brought back to the nominative
	 * together, whichever case their endings share */
	p = person(&res, "Светлана Тихановская");
	CHECK_INT(spelling(p, "ru", "Светлана Тихановская"), 2);
	p = person(&res, "Марина Петровская");
	CHECK_INT(spelling(p, "ru", "Марина Петровская"), 2);
	p = person(&res, "Сяргей Ціханоўскі");
	CHECK_INT(spelling(p, "be", "Сяргей Ціханоўскі"), 2);
	namelearn_result_release(&res);
	namelearn_free(nl);
}

TEST(namedb_learn_stores_proposals)
{
	char dir[64];
	struct store *st = temp_store(dir);
	struct namelearn *nl = namelearn_new();
	struct namelearn_result res;
	struct namedb_learned out[8];
	struct namedb_added a;
	struct err e;
	size_t i;
	int proposed = 0, learned = 0, rejected = 0;

	CHECK(st != NULL);
	memset(&res, 0, sizeof(res));
	err_clear(&e);
	feed(nl);
	namelearn_run(nl, &res, 1);
	CHECK_INT(
	    namedb_add(st, "Alexander Lukashenko", "en", NULL, 0, 0, &a, &e),
	    0);
	CHECK(res.n <= 8);
	CHECK_INT(namedb_learn(st, &res, out, &e), 0);
	for (i = 0; i < res.n; i++) {
		proposed += out[i].action == NAMEDB_PROPOSED;
		learned += out[i].action == NAMEDB_LEARNED;
		if (out[i].action == NAMEDB_LEARNED)
			CHECK_INT(out[i].entity, a.entity);
		if (!strcmp(out[i].label, "John Coale"))
			CHECK_INT(namedb_set_status(st, out[i].entity, NULL,
			                            STORE_NAME_REJECTED, &e),
			          0);
		free(out[i].fresh);
	}
	CHECK_INT(proposed, 3);
	CHECK_INT(learned, 1);
	/* again: proposals updated, the rejected one not proposed again */
	proposed = learned = 0;
	CHECK_INT(namedb_learn(st, &res, out, &e), 0);
	for (i = 0; i < res.n; i++) {
		proposed += out[i].action == NAMEDB_PROPOSED;
		rejected += out[i].action == NAMEDB_WAS_REJECTED;
		CHECK_INT(out[i].added, 0);
		free(out[i].fresh);
	}
	CHECK_INT(proposed, 0);
	CHECK_INT(rejected, 1);
	namelearn_result_release(&res);
	namelearn_free(nl);
	temp_done(st, dir);
}

static int count_keys(void *ctx, const char *key, int64_t alias)
{
	(void)key;
	(void)alias;
	(*(int *)ctx)++;
	return 0;
}

TEST(namedb_keys_rebuilt)
{
	char dir[64];
	struct store *st = temp_store(dir);
	struct namedb_added a;
	struct namestore *ns = namestore_new();
	struct buf v;
	struct err e;
	int n = 0;

	CHECK(st != NULL);
	err_clear(&e);
	buf_init(&v);
	CHECK_INT(namedb_add(st, "Ihar Losik", "en", NULL, 0, 0, &a, &e), 0);
	CHECK_INT(store_name_meta(st, "key_version", &v, &e), 1);
	CHECK_STR(v.data, namestore_key_version());
	/* keys of another version: rebuilt by the next write */
	CHECK_INT(store_begin(st, &e), 0);
	CHECK_INT(store_name_meta_set(st, "key_version", "0-old", &e), 0);
	CHECK_INT(store_name_keys_set(st, 1, NULL, 0, &e), 0);
	CHECK_INT(store_commit(st, &e), 0);
	CHECK_INT(store_each_name_key(st, NULL, count_keys, &n, &e), 0);
	CHECK_INT(n, 0);
	/* a reader computes them itself meanwhile */
	CHECK_INT(namestore_load(ns, st, NAMESTORE_ANY, &e), 0);
	CHECK(namestore_has_key(ns, "lsk"));
	CHECK_INT(store_begin(st, &e), 0);
	CHECK_INT(namestore_sync_keys(ns, st, &e), 1);
	CHECK_INT(namestore_sync_keys(ns, st, &e), 0);
	CHECK_INT(store_commit(st, &e), 0);
	CHECK_INT(store_each_name_key(st, NULL, count_keys, &n, &e), 0);
	CHECK(n >= 1);
	buf_release(&v);
	namestore_free(ns);
	temp_done(st, dir);
}

TEST(namedb_migration_from_version_1)
{
	char dir[64], path[128];
	struct store *st = NULL;
	struct namedb_added a;
	struct store_pair p;
	struct store_origin o = {"doc", 0};
	struct store_batch b = {"import", "x", "tsv"};
	struct err e;
	int64_t batch;

	snprintf(dir, sizeof(dir), "/tmp/newstm-unit.XXXXXX");
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/m.db", dir);
	err_clear(&e);
	/* a memory of version 1, with a unit */
	CHECK_INT(
	    store_open_schema(&st, path, STORE_CREATE, embed_schema_sql, 1, &e),
	    0);
	CHECK_INT(store_version(st), 1);
	CHECK_INT(namedb_add(st, "Ihar Losik", "en", NULL, 0, 0, &a, &e),
	          ERR_DB);
	memset(&p, 0, sizeof(p));
	p.src_lang = "en";
	p.tgt_lang = "ru";
	p.source = "Ihar Losik was freed.";
	p.target = "Игорь Лосик вышел на свободу.";
	p.origins = &o;
	p.norigins = 1;
	p.confidence = -1;
	CHECK_INT(store_batch_begin(st, &b, &batch, &e), 0);
	CHECK_INT(store_put(st, &p, NULL, NULL, &e), 0);
	CHECK_INT(store_batch_commit(st, &e), 0);
	store_free(st);
	/* opened by this newstm: migrated, the unit kept, names usable */
	CHECK_INT(store_open(&st, path, 0, &e), 0);
	CHECK_INT(store_version(st), store_schema_version());
	CHECK(store_schema_version() >= 3);
	CHECK_INT(namedb_add(st, "Ihar Losik", "en", NULL, 0, 0, &a, &e), 0);
	CHECK_INT(a.entity, 1);
	CHECK_INT(store_check(st, &e), 0);
	temp_done(st, dir);
}
