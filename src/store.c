#include "store.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <sqlite3.h>

#include "embedded.h"
#include "xalloc.h"
#include "banned.h"

/* PRAGMA application_id of a newstm memory: 'nstm'. */
#define STORE_APP_ID 1853060205

/*
 * Every statement the store runs, prepared on first use and kept for the
 * life of the handle.  Parameters are numbered; see each function.
 */
enum stmt_id {
	S_BEGIN,
	S_COMMIT,
	S_ROLLBACK,
	S_BATCH_INSERT,
	S_BATCH_COUNTS,
	S_BATCH_EXISTS,
	S_BATCH_FORGOTTEN,
	S_SEG_FIND,
	S_SEG_INSERT,
	S_SEG_GC,
	S_DOC_FIND,
	S_DOC_INSERT,
	S_DOC_INFO,
	S_DOC_GC,
	S_UNIT_FIND,
	S_UNIT_INSERT,
	S_UNIT_MERGE,
	S_UNIT_GET,
	S_UNIT_EACH,
	S_UNIT_SEGS,
	S_UNIT_DELETE,
	S_UNIT_RECOUNT,
	S_UNIT_ORIGINS,
	S_UNIT_CONFIRM,
	S_UNIT_TOUCH,
	S_ORIGIN_INSERT,
	S_ORIGIN_EACH,
	S_ORIGIN_DOCS,
	S_ORIGIN_PREV,
	S_BATCH_UNITS,
	S_BATCH_DOCS,
	S_BATCH_DEL_ORIGINS,
	S_DOC_UNITS,
	S_DOC_DEL_ORIGINS,
	S_PROP_INSERT,
	S_PROP_EXISTS,
	S_PROP_EACH,
	S_PROP_DEL_BATCH,
	S_HPROP_INSERT,
	S_HPROP_EACH,
	S_STATS,
	S_STATS_BATCHES,
	S_PAIRS,
	S_INTEGRITY,
	S_FKCHECK,
	S_ORIGIN_PREV_POS,
	S_UNIT_ALTERNATIVES,
	S_SEG_UNITS_SRC,
	S_SEG_UNITS_TGT,
	S_SEG_GET,
	S_IDX_META_GET,
	S_IDX_META_SET,
	S_IDX_TOKEN_COUNT,
	S_IDX_TOKEN_EACH,
	S_IDX_TOKEN_FIND,
	S_IDX_TOKEN_PUT,
	S_IDX_SEG_PUT,
	S_IDX_SEG_EACH,
	S_IDX_CLEAR_TOKENS,
	S_IDX_CLEAR_SEGS,
	S_IDX_COUNTS,
	S_IDX_MISSING,
	S_IDX_UNIT_EACH,
	S_IDX_UNIT_SEGS,
	S_NENT_INSERT,
	S_NENT_UPDATE,
	S_NENT_FIND,
	S_NENT_EACH,
	S_NALIAS_FIND,
	S_NALIAS_INSERT,
	S_NALIAS_UPDATE,
	S_NALIAS_UNHOUSE,
	S_NALIAS_RESTATUS,
	S_NALIAS_EACH,
	S_NKEY_DELETE,
	S_NKEY_INSERT,
	S_NKEY_EACH,
	S_NMETA_GET,
	S_NMETA_SET,
	S_SEGMENT_EACH,
	S_COUNT
};

/* The columns of a unit as S_UNIT_GET and S_UNIT_EACH select them. */
#define UNIT_COLUMNS                                                           \
	"u.id, u.src, u.tgt, u.src_lang, u.tgt_lang, s.text, t.text, "         \
	"s.markup, t.markup, u.confidence, u.aligned, u.confirmed, u.count, "  \
	"u.creator, u.changer, u.created, u.changed, u.last_used, u.usage "    \
	"FROM unit u JOIN segment s ON s.id = u.src "                          \
	"JOIN segment t ON t.id = u.tgt "

/* A language filter on column c with parameter p (RFC 4647 prefix). */
#define LANG_MATCH(c, p)                                                       \
	"(" p " IS NULL OR (" c " >= " p " AND " c " < " p " || '.'))"

static const char *const stmt_sql[S_COUNT] = {
    [S_BEGIN] = "BEGIN IMMEDIATE",
    [S_COMMIT] = "COMMIT",
    [S_ROLLBACK] = "ROLLBACK",
    [S_BATCH_INSERT] = "INSERT INTO batch (command, source, format, "
                       "started) VALUES (?1, ?2, ?3, ?4)",
    [S_BATCH_COUNTS] = "UPDATE batch SET units = ?2, merged = ?3, "
                       "skipped = ?4 WHERE id = ?1",
    [S_BATCH_EXISTS] = "SELECT forgotten FROM batch WHERE id = ?1",
    [S_BATCH_FORGOTTEN] = "UPDATE batch SET forgotten = ?2 WHERE id = ?1",
    [S_SEG_FIND] = "SELECT id, text, markup FROM segment "
                   "WHERE khash = ?1 AND lang = ?2",
    [S_SEG_INSERT] = "INSERT INTO segment (lang, text, markup, khash) "
                     "VALUES (?1, ?2, ?3, ?4)",
    [S_SEG_GC] = "DELETE FROM segment WHERE id = ?1 "
                 "AND NOT EXISTS (SELECT 1 FROM unit WHERE src = ?1) "
                 "AND NOT EXISTS (SELECT 1 FROM unit WHERE tgt = ?1)",
    [S_DOC_FIND] = "SELECT id FROM document WHERE name = ?1",
    [S_DOC_INSERT] = "INSERT INTO document (name) VALUES (?1)",
    [S_DOC_INFO] = "UPDATE document SET title = ?2, date = ?3 "
                   "WHERE id = ?1",
    [S_DOC_GC] = "DELETE FROM document WHERE id = ?1 "
                 "AND NOT EXISTS (SELECT 1 FROM origin WHERE document = ?1)",
    [S_UNIT_FIND] = "SELECT id, confidence, aligned, confirmed, creator, "
                    "created, changer, changed, usage, last_used "
                    "FROM unit WHERE src = ?1 AND tgt = ?2",
    [S_UNIT_INSERT] = "INSERT INTO unit (src, tgt, src_lang, tgt_lang, "
                      "confidence, aligned, confirmed, count, creator, "
                      "created, changer, changed, usage, last_used) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                      "?11, ?12, ?13, ?14)",
    [S_UNIT_MERGE] = "UPDATE unit SET confidence = ?2, aligned = ?3, "
                     "confirmed = ?4, count = count + ?5, creator = ?6, "
                     "created = ?7, changer = ?8, changed = ?9, "
                     "usage = ?10, last_used = ?11 WHERE id = ?1",
    [S_UNIT_GET] = "SELECT " UNIT_COLUMNS "WHERE u.id = ?1",
    [S_UNIT_EACH] = "SELECT " UNIT_COLUMNS
                    "WHERE " LANG_MATCH("u.src_lang", "?1") " AND " LANG_MATCH(
                        "u.tgt_lang",
                        "?2") " AND (?3 IS NULL OR u.id IN (SELECT o.unit FROM "
                              "origin o JOIN document d ON d.id = o.document "
                              "WHERE d.name = ?3)) ORDER BY u.id",
    [S_UNIT_SEGS] = "SELECT src, tgt FROM unit WHERE id = ?1",
    [S_UNIT_DELETE] = "DELETE FROM unit WHERE id = ?1",
    [S_UNIT_RECOUNT] =
        "UPDATE unit SET "
        "count = (SELECT count(*) FROM origin WHERE unit = ?1), "
        "confidence = (SELECT max(confidence) FROM origin "
        "WHERE unit = ?1), "
        "aligned = NOT EXISTS (SELECT 1 FROM origin WHERE unit = ?1 "
        "AND confidence IS NULL) WHERE id = ?1",
    [S_UNIT_ORIGINS] = "SELECT count(*) FROM origin WHERE unit = ?1",
    [S_UNIT_CONFIRM] = "UPDATE unit SET confirmed = 1, changed = ?2 "
                       "WHERE id = ?1",
    [S_UNIT_TOUCH] = "UPDATE unit SET usage = usage + 1, last_used = ?2 "
                     "WHERE id = ?1",
    [S_ORIGIN_INSERT] = "INSERT OR IGNORE INTO origin (unit, batch, "
                        "document, position, confidence) "
                        "VALUES (?1, ?2, ?3, ?4, ?5)",
    [S_ORIGIN_EACH] = "SELECT o.batch, o.document, d.name, o.position, "
                      "o.confidence FROM origin o JOIN document d "
                      "ON d.id = o.document WHERE o.unit = ?1 "
                      "ORDER BY d.name, o.position",
    [S_ORIGIN_DOCS] = "SELECT DISTINCT document FROM origin "
                      "WHERE unit = ?1",
    [S_ORIGIN_PREV] = "SELECT o.unit FROM origin o "
                      "JOIN unit u ON u.id = o.unit "
                      "WHERE o.document = ?1 AND o.position < ?2 "
                      "AND o.position >= 0 "
                      "AND (?3 IS NULL OR u.src_lang = ?3) "
                      "AND (?4 IS NULL OR u.tgt_lang = ?4) "
                      "ORDER BY o.position DESC, o.unit LIMIT 1",
    [S_BATCH_UNITS] = "SELECT DISTINCT unit FROM origin WHERE batch = ?1",
    [S_BATCH_DOCS] = "SELECT DISTINCT document FROM origin "
                     "WHERE batch = ?1",
    [S_BATCH_DEL_ORIGINS] = "DELETE FROM origin WHERE batch = ?1",
    [S_DOC_UNITS] = "SELECT DISTINCT unit FROM origin WHERE document = ?1",
    [S_DOC_DEL_ORIGINS] = "DELETE FROM origin WHERE document = ?1",
    [S_PROP_INSERT] = "INSERT INTO prop (unit, batch, scope, kind, type, "
                      "lang, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [S_PROP_EXISTS] = "SELECT 1 FROM prop WHERE unit = ?1 AND scope = ?2 "
                      "AND kind = ?3 AND type IS ?4 AND lang IS ?5 "
                      "AND value = ?6",
    [S_PROP_EACH] = "SELECT scope, kind, type, lang, value FROM prop "
                    "WHERE unit = ?1 ORDER BY id",
    [S_PROP_DEL_BATCH] = "DELETE FROM prop WHERE unit = ?1 AND batch = ?2",
    [S_HPROP_INSERT] = "INSERT INTO header_prop (batch, kind, type, lang, "
                       "value) VALUES (?1, ?2, ?3, ?4, ?5)",
    [S_HPROP_EACH] = "SELECT kind, type, lang, value FROM header_prop "
                     "WHERE batch IN (SELECT DISTINCT batch FROM origin) "
                     "GROUP BY kind, type, lang, value ORDER BY min(id)",
    [S_STATS] = "SELECT (SELECT count(*) FROM unit), "
                "(SELECT count(*) FROM segment), "
                "(SELECT count(*) FROM document), "
                "(SELECT count(*) FROM unit WHERE confirmed), "
                "(SELECT count(*) FROM unit WHERE aligned), "
                "(SELECT page_count - freelist_count FROM "
                "pragma_page_count(), pragma_freelist_count()) * "
                "(SELECT page_size FROM pragma_page_size())",
    [S_STATS_BATCHES] = "SELECT count(*), min(started), max(started) "
                        "FROM batch WHERE forgotten IS NULL",
    [S_PAIRS] = "SELECT src_lang, tgt_lang, count(*) FROM unit "
                "GROUP BY src_lang, tgt_lang ORDER BY src_lang, tgt_lang",
    [S_INTEGRITY] = "PRAGMA integrity_check(20)",
    [S_FKCHECK] = "PRAGMA foreign_key_check",
    [S_ORIGIN_PREV_POS] = "SELECT max(o.position) FROM origin o "
                          "JOIN unit u ON u.id = o.unit "
                          "WHERE o.document = ?1 AND o.position < ?2 "
                          "AND o.position >= 0 AND " LANG_MATCH(
                              "u.src_lang", "?3") " AND " LANG_MATCH("u.tgt_"
                                                                     "lang",
                                                                     "?4"),
    [S_UNIT_ALTERNATIVES] = "SELECT count(*) FROM unit a JOIN unit u "
                            "ON a.src = u.src AND a.tgt_lang = u.tgt_lang "
                            "AND a.id <> u.id WHERE u.id = ?1",
    [S_SEG_UNITS_SRC] = "SELECT id FROM unit WHERE src = ?1 ORDER BY id",
    [S_SEG_UNITS_TGT] = "SELECT id FROM unit WHERE tgt = ?1 ORDER BY id",
    [S_SEG_GET] = "SELECT lang, text FROM segment WHERE id = ?1",
    [S_IDX_META_GET] = "SELECT value FROM match_meta WHERE key = ?1",
    [S_IDX_META_SET] = "INSERT OR REPLACE INTO match_meta (key, value) "
                       "VALUES (?1, ?2)",
    [S_IDX_TOKEN_COUNT] = "SELECT coalesce(max(id) + 1, 0) FROM match_token",
    [S_IDX_TOKEN_EACH] = "SELECT id, key FROM match_token WHERE id >= ?1 "
                         "ORDER BY id",
    [S_IDX_TOKEN_FIND] = "SELECT id FROM match_token WHERE key = ?1",
    [S_IDX_TOKEN_PUT] = "INSERT INTO match_token (id, key) VALUES (?1, ?2)",
    [S_IDX_SEG_PUT] = "INSERT OR REPLACE INTO match_segment (segment, toks) "
                      "VALUES (?1, ?2)",
    [S_IDX_SEG_EACH] = "SELECT segment, toks FROM match_segment "
                       "WHERE ?1 IS NULL OR instr(toks, ?1) > 0 "
                       "ORDER BY segment",
    [S_IDX_CLEAR_TOKENS] = "DELETE FROM match_token",
    [S_IDX_CLEAR_SEGS] = "DELETE FROM match_segment",
    [S_IDX_COUNTS] = "SELECT (SELECT count(*) FROM segment), "
                     "(SELECT count(*) FROM match_segment)",
    [S_IDX_MISSING] = "SELECT s.id FROM segment s WHERE NOT EXISTS "
                      "(SELECT 1 FROM match_segment m "
                      "WHERE m.segment = s.id) ORDER BY s.id",
    [S_IDX_UNIT_SEGS] =
        "SELECT s.id, s.lang, s.text, m.segment IS NOT NULL "
        "FROM unit u JOIN segment s ON s.id = u.src OR s.id = u.tgt "
        "LEFT JOIN match_segment m ON m.segment = s.id WHERE u.id = ?1",
    [S_IDX_UNIT_EACH] =
        "SELECT u.id, u.src, u.tgt, u.src_lang, u.tgt_lang, m.toks "
        "FROM unit u LEFT JOIN match_segment m ON m.segment = u.src "
        "WHERE " LANG_MATCH("u.src_lang", "?1") " AND " LANG_MATCH(
            "u.tgt_lang", "?2") " ORDER BY u.id",
    [S_NENT_INSERT] = "INSERT INTO name_entity (label, status, source, "
                      "mentions, links, created, changed) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
    [S_NENT_UPDATE] = "UPDATE name_entity SET label = ?2, status = ?3, "
                      "source = ?4, mentions = ?5, links = ?6, "
                      "changed = ?7 WHERE id = ?1",
    [S_NENT_FIND] = "SELECT id FROM name_entity WHERE label = ?1",
    [S_NENT_EACH] = "SELECT id, label, status, source, mentions, links, "
                    "created, changed FROM name_entity "
                    "WHERE ?1 = 0 OR id = ?1 ORDER BY id",
    [S_NALIAS_FIND] = "SELECT id FROM name_alias WHERE entity = ?1 "
                      "AND lang = ?2 AND spelling = ?3",
    [S_NALIAS_INSERT] = "INSERT INTO name_alias (entity, lang, spelling, "
                        "script, house, source, status, count) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    [S_NALIAS_UPDATE] = "UPDATE name_alias SET script = ?2, house = ?3, "
                        "source = ?4, status = ?5, count = ?6 "
                        "WHERE id = ?1",
    [S_NALIAS_UNHOUSE] = "UPDATE name_alias SET house = 0 WHERE entity = ?1 "
                         "AND lang = ?2 AND house = 1 AND id <> ?3",
    [S_NALIAS_RESTATUS] = "UPDATE name_alias SET status = ?3 "
                          "WHERE entity = ?1 AND status = ?2",
    [S_NALIAS_EACH] = "SELECT id, entity, lang, spelling, script, house, "
                      "source, status, count FROM name_alias "
                      "WHERE ?1 = 0 OR entity = ?1 "
                      "ORDER BY entity, house DESC, lang, spelling",
    [S_NKEY_DELETE] = "DELETE FROM name_key WHERE alias = ?1",
    [S_NKEY_INSERT] = "INSERT OR IGNORE INTO name_key (key, alias) "
                      "VALUES (?1, ?2)",
    [S_NKEY_EACH] = "SELECT key, alias FROM name_key "
                    "WHERE ?1 IS NULL OR key = ?1 ORDER BY key, alias",
    [S_NMETA_GET] = "SELECT v FROM name_meta WHERE k = ?1",
    [S_NMETA_SET] = "INSERT OR REPLACE INTO name_meta (k, v) VALUES (?1, ?2)",
    [S_SEGMENT_EACH] = "SELECT id, lang, text FROM segment ORDER BY id",
};

struct store {
	sqlite3 *db;
	char *path;
	const char *schema;
	int version;
	int in_tx;
	sqlite3_stmt *stmt[S_COUNT];
	/* the open batch */
	int64_t batch;
	struct store_counts counts;
	/* the last document looked up, as imports use one for many units */
	char *doc_name;
	int64_t doc_id;
	struct buf key; /* scratch for segment keys */
	/* the first failed bind not yet reported (see bind_check) */
	int bind_rc, bind_param;
	sqlite3_stmt *bind_stmt;
	int bind_failed; /* the parameter whose bind step() just reported */
	int readonly;    /* opened read-only */
	int last_rc;     /* the SQLite code of the last error described */
	unsigned long begins, rollbacks;
	/* a layered module's state (store_set_ext) */
	void *ext;
	void (*ext_free)(void *);
};

static const char *const scope_names[] = {"tu", "src", "tgt"};
static const char *const kind_names[] = {"prop", "note", "attr"};

/*
 * Put a database error in e: what failed, the memory's path, and SQLite's
 * reason in words a user can act on.  Returns what err_set returns.
 */
static int db_explain(struct store *st, int rc, const char *what, struct err *e)
{
	const char *path = st ? st->path : "?";
	const char *why =
	    st && st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
	int sys = st && st->db ? sqlite3_system_errno(st->db) : 0;

	if (st)
		st->last_rc = rc;
	if (st && st->bind_failed) { /* step() did not run the statement */
		int param = st->bind_failed;

		st->bind_failed = 0;
		return err_set(e, ERR_DB,
		               "%s: %s: cannot bind parameter %d (%s)", path,
		               what, param, sqlite3_errstr(rc));
	}
	switch (rc & 0xff) {
	case SQLITE_FULL:
		return err_set(e, ERR_DB,
		               "%s: %s: disk full; nothing of this change was "
		               "kept",
		               path, what);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(e, ERR_DB,
		               "%s: %s: the memory is busy (another newstm is "
		               "writing to it)",
		               path, what);
	case SQLITE_READONLY:
		return err_set(e, ERR_DB,
		               "%s: %s: the memory is read-only (file or "
		               "folder not writable)",
		               path, what);
	case SQLITE_NOTADB:
		return err_set(e, ERR_DB,
		               "%s: not a newstm memory (not an SQLite "
		               "database)",
		               path);
	case SQLITE_CORRUPT:
		return err_set(e, ERR_DB, "%s: %s: the memory is damaged (%s)",
		               path, what, why);
	case SQLITE_IOERR:
		if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC ||
		    rc == SQLITE_IOERR_TRUNCATE || sys == ENOSPC ||
		    sys == EFBIG || sys == EDQUOT)
			return err_set(e, ERR_DB,
			               "%s: %s: cannot write the memory file "
			               "(%s); nothing of this change was kept",
			               path, what,
			               sys ? strerror(sys)
			                   : "disk full or file too large?");
		if (sys)
			return err_set(e, ERR_DB, "%s: %s: %s", path, what,
			               strerror(sys));
		break;
	case SQLITE_CANTOPEN:
		if (sys)
			return err_set(e, ERR_DB, "%s: %s: %s", path, what,
			               strerror(sys));
		break;
	default:
		break;
	}
	return err_set(e, ERR_DB, "%s: %s: %s", path, what, why);
}

/*
 * db_explain, returning ERR_DB where the static analyser sees it: callers
 * such as run_int count on a negative result, and err_set (which returns
 * its code) is in another file.
 */
static int db_error(struct store *st, int rc, const char *what, struct err *e)
{
	(void)db_explain(st, rc, what, e);
	return ERR_DB;
}

/* The statement id, prepared if needed, ready to bind. */
static sqlite3_stmt *prep(struct store *st, enum stmt_id id, struct err *e)
{
	int rc;

	st->bind_failed = 0;
	if (st->stmt[id])
		return st->stmt[id];
	rc = sqlite3_prepare_v3(st->db, stmt_sql[id], -1,
	                        SQLITE_PREPARE_PERSISTENT, &st->stmt[id], NULL);
	if (rc != SQLITE_OK) {
		db_error(st, rc, "preparing a statement", e);
		st->stmt[id] = NULL;
		return NULL;
	}
	return st->stmt[id];
}

/*
 * Bindings.  A failed sqlite3_bind_* is remembered with the store (the
 * first one, with its statement and parameter) and reported by step()
 * when that statement is stepped, so that call sites bind in a row and
 * check once, at the step.  Text is bound SQLITE_STATIC: every string
 * comes from the caller for the duration of the call, and every statement
 * is stepped and reset before the call returns, so the bytes outlive
 * their use.
 */
static void bind_check(struct store *st, sqlite3_stmt *s, int i, int rc)
{
	if (rc == SQLITE_OK || st->bind_rc != SQLITE_OK)
		return;
	st->bind_rc = rc;
	st->bind_stmt = s;
	st->bind_param = i;
}

static void bind_int(struct store *st, sqlite3_stmt *s, int i, int64_t v)
{
	bind_check(st, s, i, sqlite3_bind_int64(s, i, v));
}

static void bind_null(struct store *st, sqlite3_stmt *s, int i)
{
	bind_check(st, s, i, sqlite3_bind_null(s, i));
}

static void bind_text(struct store *st, sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		bind_check(st, s, i,
		           sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC));
	else
		bind_null(st, s, i);
}

/* n bytes at p (NULL when n is 0) as a blob; SQLite takes an int. */
static void bind_blob(struct store *st, sqlite3_stmt *s, int i, const void *p,
                      size_t n)
{
	if (n > INT_MAX)
		bind_check(st, s, i, SQLITE_TOOBIG);
	else
		bind_check(
		    st, s, i,
		    sqlite3_bind_blob(s, i, n ? p : "", (int)n, SQLITE_STATIC));
}

static void bind_date(struct store *st, sqlite3_stmt *s, int i, int64_t v)
{
	if (v)
		bind_int(st, s, i, v);
	else
		bind_null(st, s, i);
}

static void bind_conf(struct store *st, sqlite3_stmt *s, int i, double v)
{
	if (v >= 0)
		bind_check(st, s, i, sqlite3_bind_double(s, i, v));
	else
		bind_null(st, s, i);
}

/*
 * sqlite3_step, unless binding a parameter of s failed: then that error
 * (db_explain describes it) and s is not run.
 */
static int step(struct store *st, sqlite3_stmt *s)
{
	int rc = st->bind_rc;

	st->bind_failed = 0;
	if (rc != SQLITE_OK && st->bind_stmt == s) {
		st->bind_failed = st->bind_param;
		st->bind_rc = SQLITE_OK;
		st->bind_stmt = NULL;
		return rc;
	}
	return sqlite3_step(s);
}

/* Reset a statement after use, keeping it prepared. */
static void done(struct store *st, sqlite3_stmt *s)
{
	if (st->bind_stmt == s) { /* reset before its step: forget it */
		st->bind_rc = SQLITE_OK;
		st->bind_stmt = NULL;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

static const char *col_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

static double col_conf(sqlite3_stmt *s, int i)
{
	return sqlite3_column_type(s, i) == SQLITE_NULL
	           ? -1
	           : sqlite3_column_double(s, i);
}

/* Step a statement that returns no row; resets it. */
static int run(struct store *st, sqlite3_stmt *s, const char *what,
               struct err *e)
{
	int rc = step(st, s);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		/* describe it before the reset does more I/O */
		rc = db_error(st, rc, what, e);
		done(st, s);
		return rc;
	}
	done(st, s);
	return 0;
}

/*
 * Step a statement expected to return at most one row whose first column
 * is an integer: *v gets it and 1 is returned, or 0 when there is no row.
 */
static int run_int(struct store *st, sqlite3_stmt *s, int64_t *v,
                   const char *what, struct err *e)
{
	int rc = step(st, s);

	if (rc == SQLITE_ROW) {
		*v = sqlite3_column_int64(s, 0);
		done(st, s);
		return 1;
	}
	if (rc != SQLITE_DONE)
		rc = db_error(st, rc, what, e);
	else
		rc = 0;
	done(st, s);
	return rc;
}

/*
 * The end of a walk that handed each row of s to a callback (rc: the last
 * sqlite3_step; ret: what the callback last returned).  Resets s and
 * returns as the store_each_* functions do: the callback's negative code,
 * 0 when it stopped with a positive value or the rows ran out, or a
 * database error while reading what.
 */
static int each_done(struct store *st, sqlite3_stmt *s, int rc, int ret,
                     const char *what, struct err *e)
{
	done(st, s);
	if (ret)
		return ret < 0 ? ret : 0;
	if (rc != SQLITE_DONE)
		return db_error(st, rc, what, e);
	return 0;
}

time_t store_now(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (s && *s) {
		errno = 0;
		v = strtoll(s, &end, 10);
		if (!errno && !*end && v >= 0)
			return (time_t)v;
	}
	return time(NULL);
}

/* ---- the schema and its versions ---- */

/*
 * Find the section of schema for version v: the text after the line
 * "-- @version v" up to the next such line.  Returns 0 if there is none.
 */
static int schema_section(const char *schema, int v, const char **start,
                          size_t *len)
{
	const char *p = schema;
	static const char mark[] = "-- @version ";

	*start = NULL;
	while ((p = strstr(p, mark)) != NULL) {
		long n;
		char *end;

		if (p != schema && p[-1] != '\n') {
			p += sizeof(mark) - 1;
			continue;
		}
		n = strtol(p + sizeof(mark) - 1, &end, 10);
		p = end;
		if (*start) {
			const char *line = p;

			while (line > *start && line[-1] != '\n')
				line--;
			*len = (size_t)(line - *start);
			return 1;
		}
		if (n == v)
			*start = p;
	}
	if (*start) {
		*len = strlen(*start);
		return 1;
	}
	return 0;
}

/* The highest version in a schema text. */
static int schema_last(const char *schema)
{
	const char *s;
	size_t n;
	int v = 0;

	while (schema_section(schema, v + 1, &s, &n))
		v++;
	return v;
}

int store_schema_version(void)
{
	return schema_last(embed_schema_sql);
}

/* Run a trusted script (a schema section), statement by statement. */
static int exec_script(struct store *st, const char *sql, size_t len,
                       struct err *e)
{
	const char *p = sql, *end = sql + len, *tail;

	while (p < end) {
		sqlite3_stmt *s = NULL;
		int rc =
		    sqlite3_prepare_v2(st->db, p, (int)(end - p), &s, &tail);

		if (rc != SQLITE_OK)
			return db_error(st, rc, "applying the schema", e);
		if (!s) /* only comments and space left */
			break;
		do
			rc = step(st, s);
		while (rc == SQLITE_ROW);
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return db_error(st, rc, "applying the schema", e);
		p = tail;
	}
	return 0;
}

/* A pragma's integer value (application_id, user_version ...). */
static int pragma_int(struct store *st, const char *sql, int64_t *v,
                      struct err *e)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);

	*v = 0;
	if (rc == SQLITE_OK) {
		rc = step(st, s);
		*v = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
		if (rc == SQLITE_ROW || rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK)
		return db_error(st, rc, "reading the memory", e);
	return 0;
}

/*
 * What is this file?  Sets st->version; refuses files that are not
 * newstm memories and memories newer than last.
 */
static int check_identity(struct store *st, int last, struct err *e)
{
	int64_t app = 0, ver = 0, objects = 0;
	int rc;

	if ((rc = pragma_int(st, "PRAGMA application_id", &app, e)) < 0 ||
	    (rc = pragma_int(st, "PRAGMA user_version", &ver, e)) < 0 ||
	    (rc = pragma_int(st, "SELECT count(*) FROM sqlite_master", &objects,
	                     e)) < 0)
		return rc;
	if (app == 0 && ver == 0 && objects == 0) {
		st->version = 0; /* empty: ours to initialise */
		return 0;
	}
	if (app != STORE_APP_ID)
		return err_set(e, ERR_DB,
		               "%s: not a newstm memory (an SQLite database of "
		               "another program)",
		               st->path);
	if (ver > last)
		return err_set(e, ERR_DB,
		               "%s: the memory has schema version %lld, this "
		               "newstm knows versions up to %d: use a newer "
		               "newstm",
		               st->path, (long long)ver, last);
	if (ver < 1)
		return err_set(e, ERR_DB,
		               "%s: the memory has no schema version",
		               st->path);
	st->version = (int)ver;
	return 0;
}

/*
 * Bring the memory from st->version to upto, one version per transaction.
 * Another process may be doing the same: the version is read again under
 * the write lock.
 */
static int migrate(struct store *st, int upto, struct err *e)
{
	int v, rc;

	for (v = st->version + 1; v <= upto; v++) {
		const char *sql;
		size_t len;
		int64_t now;

		if (!schema_section(st->schema, v, &sql, &len))
			return err_set(e, ERR_DB,
			               "%s: schema version %d missing",
			               st->path, v);
		if ((rc = store_begin(st, e)) < 0)
			return rc;
		if ((rc = pragma_int(st, "PRAGMA user_version", &now, e)) < 0)
			goto fail;
		if (now >= v) { /* someone else got there first */
			store_rollback(st);
			continue;
		}
		if ((rc = exec_script(st, sql, len, e)) < 0)
			goto fail;
		if ((rc = pragma_int(st, "PRAGMA user_version", &now, e)) < 0)
			goto fail;
		if (now != v) {
			rc = err_set(e, ERR_DB,
			             "%s: schema version %d does not set "
			             "user_version",
			             st->path, v);
			goto fail;
		}
		if ((rc = store_commit(st, e)) < 0)
			goto fail;
		st->version = v;
	}
	return 0;
fail:
	store_rollback(st);
	err_prefix(e, "migrating to schema version %d", v);
	return rc;
}

/* Create the folder of path (one level) if it is missing. */
static int make_parent(const char *path, struct err *e)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int rc = 0;

	if (!slash || slash == path)
		return 0;
	dir = xmemdupz(path, (size_t)(slash - path));
	if (mkdir(dir, 0777) < 0 && errno != EEXIST)
		rc = err_set(e, ERR_IO, "cannot create folder '%s': %s", dir,
		             strerror(errno));
	free(dir);
	return rc;
}

static int set_pragma(struct store *st, const char *sql, struct err *e)
{
	int64_t ignored;

	return pragma_int(st, sql, &ignored, e);
}

/* The folder of path, for messages and checks ("." when it has none). */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xmemdupz(path, (size_t)(slash - path));
}

/* Does path with suffix appended name an existing file? */
static int exists_with(const char *path, const char *suffix)
{
	struct buf b;
	struct stat sb;
	int yes;

	buf_init(&b);
	buf_adds(&b, path);
	buf_adds(&b, suffix);
	yes = stat(b.data, &sb) == 0;
	buf_release(&b);
	return yes;
}

/*
 * How to open path read-only.  A memory in a folder on a read-only file
 * system without a -wal file cannot change under us: it is opened
 * immutable (no -shm needed, which could not be created there).  The
 * result is a "file:" URI (caller frees).
 */
static char *readonly_uri(const char *path)
{
	char *dir = folder_of(path);
	struct statvfs vfs;
	struct buf b;
	const char *p;
	int immutable;

	immutable = statvfs(dir, &vfs) == 0 && (vfs.f_flag & ST_RDONLY) &&
	            !exists_with(path, "-wal");
	free(dir);
	buf_init(&b);
	buf_adds(&b, path[0] == '/' ? "file://" : "file:");
	for (p = path; *p; p++)
		if (*p == '%' || *p == '?' || *p == '#')
			buf_addf(&b, "%%%02X", (unsigned)(unsigned char)*p);
		else
			buf_addch(&b, *p);
	buf_adds(&b, immutable ? "?mode=ro&immutable=1" : "?mode=ro");
	return buf_detach(&b, NULL);
}

/*
 * A memory that could not be read: when the cause is the -shm file a
 * memory in WAL mode needs next to it (even to be read), which the folder
 * does not let us create, say so and what to do (replacing the message
 * in e).
 */
static int explain_shm(struct store *st, int rc, struct err *e)
{
	char *dir;

	int why = st->last_rc & 0xff;

	if ((why != SQLITE_READONLY && why != SQLITE_CANTOPEN) ||
	    exists_with(st->path, "-shm"))
		return rc;
	dir = folder_of(st->path);
	if (access(dir, W_OK) != 0)
		rc = err_set(e, ERR_DB,
		             "%s: cannot read the memory: SQLite needs to "
		             "create '%s-shm' next to it (the memory is in WAL "
		             "mode), and the folder '%s' is not writable; make "
		             "the folder writable, or copy the memory to a "
		             "folder that is",
		             st->path, st->path, dir);
	free(dir);
	return rc;
}

int store_open_schema(struct store **out, const char *path, unsigned flags,
                      const char *schema, int upto, struct err *e)
{
	struct store *st;
	struct stat sb;
	char *uri = NULL;
	int last = schema_last(schema), rc, mode, fd, created = 0;

	*out = NULL;
	if (upto <= 0 || upto > last)
		upto = last;
	if ((flags & STORE_READONLY) && (flags & STORE_CREATE))
		return err_set(e, ERR_USAGE,
		               "%s: a memory cannot be created read-only",
		               path);
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			return err_set(e, ERR_IO,
			               "%s: is a folder, not a memory file",
			               path);
		/* an empty file becomes a memory only when written to */
		if (sb.st_size == 0 && !(flags & STORE_CREATE))
			return err_set(e, ERR_FORMAT,
			               "%s: an empty file, not a memory yet "
			               "(add or import something first)",
			               path);
	} else if (errno == ENOENT || errno == ENOTDIR) {
		if (!(flags & STORE_CREATE))
			return err_set(
			    e, ERR_NOTFOUND,
			    "%s: no memory at this path (add or "
			    "import something first, or name another "
			    "memory with --tm)",
			    path);
		if ((flags & STORE_MKDIR) && (rc = make_parent(path, e)) < 0)
			return rc;
		/* create it ourselves, for the true reason if we cannot */
		fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0666);
		if (fd < 0 && errno != EEXIST)
			return err_set(e, ERR_IO,
			               "%s: cannot create the memory: %s", path,
			               strerror(errno));
		if (fd >= 0) {
			close(fd);
			created = 1;
		}
	} else {
		return err_set(e, ERR_IO, "%s: %s", path, strerror(errno));
	}

	st = xcalloc(1, sizeof(*st));
	st->path = xstrdup(path);
	st->schema = schema;
	buf_init(&st->key);
	/* a file we may not write is opened read-only, on purpose */
	st->readonly = (flags & STORE_READONLY) ||
	               (!created && access(path, W_OK) != 0 &&
	                (errno == EACCES || errno == EROFS || errno == EPERM));
	mode = SQLITE_OPEN_NOMUTEX;
	if (st->readonly) {
		mode |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
		uri = readonly_uri(path);
	} else {
		mode |= SQLITE_OPEN_READWRITE;
		if (flags & STORE_CREATE)
			mode |= SQLITE_OPEN_CREATE;
	}
	rc = sqlite3_open_v2(uri ? uri : path, &st->db, mode, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		int sys = st->db ? sqlite3_system_errno(st->db) : 0;

		rc = err_set(e, ERR_DB, "%s: cannot %s the memory: %s", path,
		             (flags & STORE_CREATE) ? "create" : "open",
		             sys ? strerror(sys) : sqlite3_errstr(rc));
		store_free(st);
		if (created)
			unlink(path);
		return rc;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	/* Look before touching anything: a foreign file stays as it was. */
	if ((rc = check_identity(st, last, e)) < 0) {
		rc = explain_shm(st, rc, e);
		goto fail;
	}
	if ((!st->readonly &&
	     (rc = set_pragma(st, "PRAGMA journal_mode = WAL", e)) < 0) ||
	    (rc = set_pragma(st, "PRAGMA synchronous = NORMAL", e)) < 0 ||
	    (rc = set_pragma(st, "PRAGMA foreign_keys = ON", e)) < 0 ||
	    (rc = set_pragma(st, "PRAGMA cache_size = -32768", e)) < 0 ||
	    (rc = set_pragma(st, "PRAGMA journal_size_limit = 67108864", e)) <
	        0)
		goto fail;
	if (st->version < upto && st->readonly) {
		rc =
		    err_set(e, ERR_DB,
		            "%s: the memory has schema version %d and needs "
		            "upgrading to version %d, which needs write access "
		            "to it: run newstm once with write access",
		            path, st->version, upto);
		goto fail;
	}
	if (st->version < upto && (rc = migrate(st, upto, e)) < 0)
		goto fail;
	*out = st;
	return 0;
fail:
	store_free(st);
	if (created) /* leave no half-made memory behind */
		unlink(path);
	return rc;
}

int store_open(struct store **out, const char *path, unsigned flags,
               struct err *e)
{
	return store_open_schema(out, path, flags, embed_schema_sql, 0, e);
}

void store_free(struct store *st)
{
	size_t i;

	if (!st)
		return;
	if (st->in_tx)
		store_rollback(st);
	for (i = 0; i < S_COUNT; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_close(st->db);
	if (st->ext_free)
		st->ext_free(st->ext);
	buf_release(&st->key);
	free(st->doc_name);
	free(st->path);
	free(st);
}

int store_version(const struct store *st)
{
	return st->version;
}

/* ---- transactions and batches ---- */

int store_begin(struct store *st, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (st->in_tx)
		return err_set(e, ERR_USAGE,
		               "%s: a transaction is already open", st->path);
	if (st->readonly) { /* SQLite would begin, and refuse the writes */
		st->last_rc = SQLITE_READONLY;
		return err_set(
		    e, ERR_DB,
		    "%s: the memory is read-only (file or folder not "
		    "writable)",
		    st->path);
	}
	if (!(s = prep(st, S_BEGIN, e)))
		return ERR_DB;
	if ((rc = run(st, s, "starting a transaction", e)) < 0)
		return rc;
	st->in_tx = 1;
	st->begins++;
	return 0;
}

int store_begin_wait(struct store *st, int wait_ms, struct err *e)
{
	int rc;

	st->last_rc = 0;
	sqlite3_busy_timeout(st->db, wait_ms > 0 ? wait_ms : 0);
	rc = store_begin(st, e);
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	return rc;
}

enum store_refusal store_refused(const struct store *st)
{
	switch (st->last_rc & 0xff) {
	case SQLITE_READONLY:
		return STORE_REFUSED_READONLY;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return STORE_REFUSED_BUSY;
	case SQLITE_FULL:
		return STORE_REFUSED_FULL;
	default:
		return STORE_REFUSED_NONE;
	}
}

int store_commit(struct store *st, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (!st->in_tx)
		return err_set(e, ERR_USAGE, "%s: no transaction to commit",
		               st->path);
	if (!(s = prep(st, S_COMMIT, e)))
		return ERR_DB;
	rc = run(st, s, "saving", e);
	if (rc < 0) {
		store_rollback(st);
		return rc;
	}
	st->in_tx = 0;
	return 0;
}

void store_rollback(struct store *st)
{
	sqlite3_stmt *s;

	if (!st->in_tx)
		return;
	st->in_tx = 0;
	st->rollbacks++;
	/* the doc cache may name a document the rollback removes */
	free(st->doc_name);
	st->doc_name = NULL;
	if (sqlite3_get_autocommit(st->db))
		return; /* SQLite already rolled back (e.g. after SQLITE_FULL)
		         */
	s = prep(st, S_ROLLBACK, NULL);
	if (s)
		run(st, s, "rolling back", NULL);
}

int store_batch_begin(struct store *st, const struct store_batch *b,
                      int64_t *id, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	memset(&st->counts, 0, sizeof(st->counts));
	if ((rc = store_begin(st, e)) < 0)
		return rc;
	if (!(s = prep(st, S_BATCH_INSERT, e))) {
		store_rollback(st);
		return ERR_DB;
	}
	bind_text(st, s, 1, b->command);
	bind_text(st, s, 2, b->source ? b->source : "");
	bind_text(st, s, 3, b->format);
	bind_int(st, s, 4, (int64_t)store_now());
	if ((rc = run(st, s, "recording the batch", e)) < 0) {
		store_rollback(st);
		return rc;
	}
	st->batch = sqlite3_last_insert_rowid(st->db);
	if (id)
		*id = st->batch;
	return 0;
}

int store_batch_commit(struct store *st, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (!st->in_tx || !st->batch)
		return err_set(e, ERR_USAGE, "%s: no batch to commit",
		               st->path);
	if (!(s = prep(st, S_BATCH_COUNTS, e))) {
		store_batch_abort(st);
		return ERR_DB;
	}
	bind_int(st, s, 1, st->batch);
	bind_int(st, s, 2, st->counts.added);
	bind_int(st, s, 3, st->counts.merged + st->counts.known);
	bind_int(st, s, 4, st->counts.skipped);
	if ((rc = run(st, s, "recording the batch", e)) < 0) {
		store_batch_abort(st);
		return rc;
	}
	rc = store_commit(st, e);
	st->batch = 0;
	return rc;
}

void store_batch_abort(struct store *st)
{
	store_rollback(st);
	st->batch = 0;
}

void store_batch_skip(struct store *st, long long n)
{
	st->counts.skipped += n;
}

void store_batch_counts(const struct store *st, struct store_counts *c)
{
	*c = st->counts;
}

/* ---- segments ---- */

static int is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/*
 * Append the whitespace-normalised form of s to b: runs of ASCII white
 * space become one space, none at the ends.
 */
static void squeeze(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int pending = 0;

	while (*p && is_ws(*p))
		p++;
	for (; *p; p++) {
		if (is_ws(*p)) {
			pending = 1;
			continue;
		}
		if (pending)
			buf_addch(b, ' ');
		pending = 0;
		buf_addch(b, (char)*p);
	}
}

/* FNV-1a, 64 bits, of lang NUL key. */
static int64_t key_hash(const char *lang, const char *key, size_t n)
{
	uint64_t h = 14695981039346656037ULL;
	size_t i;

	for (i = 0; lang[i]; i++)
		h = (h ^ (unsigned char)lang[i]) * 1099511628211ULL;
	h = (h ^ 0) * 1099511628211ULL;
	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)key[i]) * 1099511628211ULL;
	return (int64_t)h;
}

/* Is the squeezed form of s equal to key? */
static int same_key(const char *s, const char *key, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	int pending = 0;

	while (*p && is_ws(*p))
		p++;
	for (; *p; p++) {
		if (is_ws(*p)) {
			pending = 1;
			continue;
		}
		if (pending) {
			if (i >= n || key[i] != ' ')
				return 0;
			i++;
		}
		pending = 0;
		if (i >= n || key[i] != (char)*p)
			return 0;
		i++;
	}
	return i == n;
}

/* The id of the segment (lang, text, markup), stored if it is new. */
static int segment_id(struct store *st, const char *lang, const char *text,
                      const char *markup, int64_t *id, struct err *e)
{
	sqlite3_stmt *s;
	int64_t h;
	int rc;

	buf_reset(&st->key);
	squeeze(&st->key, markup ? markup : text);
	h = key_hash(lang, st->key.data, st->key.len);
	if (!(s = prep(st, S_SEG_FIND, e)))
		return ERR_DB;
	bind_int(st, s, 1, h);
	bind_text(st, s, 2, lang);
	while ((rc = step(st, s)) == SQLITE_ROW) {
		const char *t = col_text(s, 1), *m = col_text(s, 2);
		int has_markup = m != NULL;

		/* with or without inline codes are different segments */
		if (has_markup != (markup != NULL))
			continue;
		if (same_key(m ? m : (t ? t : ""), st->key.data, st->key.len)) {
			*id = sqlite3_column_int64(s, 0);
			done(st, s);
			return 0;
		}
	}
	done(st, s);
	if (rc != SQLITE_DONE)
		return db_error(st, rc, "looking up a segment", e);
	if (!(s = prep(st, S_SEG_INSERT, e)))
		return ERR_DB;
	bind_text(st, s, 1, lang);
	bind_text(st, s, 2, text);
	bind_text(st, s, 3, markup);
	bind_int(st, s, 4, h);
	if ((rc = run(st, s, "storing a segment", e)) < 0)
		return rc;
	*id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

/* ---- documents ---- */

static int document_id(struct store *st, const char *name, int create,
                       int64_t *id, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (st->doc_name && !strcmp(st->doc_name, name)) {
		*id = st->doc_id;
		return 0;
	}
	if (!(s = prep(st, S_DOC_FIND, e)))
		return ERR_DB;
	bind_text(st, s, 1, name);
	rc = run_int(st, s, id, "looking up a document", e);
	if (rc < 0)
		return rc;
	if (rc == 0) {
		if (!create)
			return ERR_NOTFOUND;
		if (!(s = prep(st, S_DOC_INSERT, e)))
			return ERR_DB;
		bind_text(st, s, 1, name);
		if ((rc = run(st, s, "storing a document", e)) < 0)
			return rc;
		*id = sqlite3_last_insert_rowid(st->db);
	}
	free(st->doc_name);
	st->doc_name = xstrdup(name);
	st->doc_id = *id;
	return 0;
}

int store_document_find(struct store *st, const char *name, int64_t *id,
                        struct err *e)
{
	int64_t local;
	int rc = document_id(st, name, 0, id ? id : &local, e);

	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "%s: no document '%s'",
		               st->path, name);
	return rc;
}

int store_document_info(struct store *st, const char *name, const char *title,
                        int64_t date, struct err *e)
{
	sqlite3_stmt *s;
	int64_t id;
	int rc;

	if (!st->in_tx)
		return err_set(e, ERR_USAGE, "%s: no open transaction",
		               st->path);
	if ((rc = document_id(st, name, 1, &id, e)) < 0)
		return rc;
	if (!(s = prep(st, S_DOC_INFO, e)))
		return ERR_DB;
	bind_int(st, s, 1, id);
	bind_text(st, s, 2, title);
	bind_date(st, s, 3, date);
	return run(st, s, "storing a document", e);
}

/* ---- putting units ---- */

static int prop_insert(struct store *st, int64_t unit,
                       const struct store_prop *p, int check, struct err *e)
{
	sqlite3_stmt *s;
	int64_t one;
	int rc;

	if (check) {
		if (!(s = prep(st, S_PROP_EXISTS, e)))
			return ERR_DB;
		bind_int(st, s, 1, unit);
		bind_text(st, s, 2, scope_names[p->scope]);
		bind_text(st, s, 3, kind_names[p->kind]);
		bind_text(st, s, 4, p->kind == STORE_NOTE ? NULL : p->type);
		bind_text(st, s, 5, p->lang);
		bind_text(st, s, 6, p->value ? p->value : "");
		rc = run_int(st, s, &one, "looking up a prop", e);
		if (rc != 0)
			return rc < 0 ? rc : 0;
	}
	if (!(s = prep(st, S_PROP_INSERT, e)))
		return ERR_DB;
	bind_int(st, s, 1, unit);
	bind_int(st, s, 2, st->batch);
	bind_text(st, s, 3, scope_names[p->scope]);
	bind_text(st, s, 4, kind_names[p->kind]);
	bind_text(st, s, 5, p->kind == STORE_NOTE ? NULL : p->type);
	bind_text(st, s, 6, p->lang);
	bind_text(st, s, 7, p->value ? p->value : "");
	return run(st, s, "storing a prop", e);
}

/* Add the origins of p to unit; *added counts the new ones. */
static int add_origins(struct store *st, int64_t unit,
                       const struct store_pair *p, long long *added,
                       struct err *e)
{
	size_t i;
	int rc;

	*added = 0;
	for (i = 0; i < p->norigins; i++) {
		const struct store_origin *o = &p->origins[i];
		sqlite3_stmt *s;
		int64_t doc;

		if ((rc = document_id(st, o->document, 1, &doc, e)) < 0)
			return rc;
		if (!(s = prep(st, S_ORIGIN_INSERT, e)))
			return ERR_DB;
		bind_int(st, s, 1, unit);
		bind_int(st, s, 2, st->batch);
		bind_int(st, s, 3, doc);
		bind_int(st, s, 4, o->position < 0 ? -1 : o->position);
		bind_conf(st, s, 5, p->confidence);
		if ((rc = run(st, s, "storing an origin", e)) < 0)
			return rc;
		*added += sqlite3_changes(st->db);
	}
	return 0;
}

/* The earlier of two dates, 0 being unknown. */
static int64_t earlier(int64_t a, int64_t b)
{
	return !a ? b : !b ? a : a < b ? a : b;
}

static int64_t later(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

/* Merge p into the stored unit the row of S_UNIT_FIND describes. */
static int merge_unit(struct store *st, sqlite3_stmt *found,
                      const struct store_pair *p, enum store_put_result *res,
                      int64_t *unit_id, struct err *e)
{
	int64_t id = sqlite3_column_int64(found, 0);
	double conf = col_conf(found, 1);
	int aligned = sqlite3_column_int(found, 2);
	int confirmed = sqlite3_column_int(found, 3);
	char *creator = NULL, *changer = NULL;
	int64_t created, changed, last_used;
	long long usage, added;
	sqlite3_stmt *s;
	size_t i;
	int rc;

	if (col_text(found, 4))
		creator = xstrdup(col_text(found, 4));
	created = sqlite3_column_int64(found, 5);
	if (col_text(found, 6))
		changer = xstrdup(col_text(found, 6));
	changed = sqlite3_column_int64(found, 7);
	usage = sqlite3_column_int64(found, 8);
	last_used = sqlite3_column_int64(found, 9);
	done(st, found);
	*unit_id = id;

	if ((rc = add_origins(st, id, p, &added, e)) < 0)
		goto out;
	if (!added) {
		*res = STORE_KNOWN;
		st->counts.known++;
		if (!(p->confirmed && !confirmed))
			goto out;
	} else {
		*res = STORE_MERGED;
		st->counts.merged++;
		for (i = 0; i < p->nprops; i++)
			if ((rc = prop_insert(st, id, &p->props[i], 1, e)) < 0)
				goto out;
	}
	if (p->confidence >= 0 && p->confidence > conf)
		conf = p->confidence;
	if (added && p->confidence < 0)
		aligned = 0;
	if (!creator && p->creator)
		creator = xstrdup(p->creator);
	created = earlier(created, p->created);
	if (p->changed > changed && p->changer) {
		free(changer);
		changer = xstrdup(p->changer);
	}
	changed = later(changed, p->changed);
	if (p->usage > usage)
		usage = p->usage;
	last_used = later(last_used, p->last_used);
	if (!(s = prep(st, S_UNIT_MERGE, e))) {
		rc = ERR_DB;
		goto out;
	}
	bind_int(st, s, 1, id);
	bind_conf(st, s, 2, conf);
	bind_int(st, s, 3, aligned);
	bind_int(st, s, 4, confirmed || p->confirmed);
	bind_int(st, s, 5, added);
	bind_text(st, s, 6, creator);
	bind_date(st, s, 7, created);
	bind_text(st, s, 8, changer);
	bind_date(st, s, 9, changed);
	bind_int(st, s, 10, usage);
	bind_date(st, s, 11, last_used);
	rc = run(st, s, "merging a unit", e);
out:
	free(creator);
	free(changer);
	return rc;
}

int store_put(struct store *st, const struct store_pair *p,
              enum store_put_result *res, int64_t *id, struct err *e)
{
	enum store_put_result local_res;
	int64_t src = 0, tgt = 0, unit, local_id;
	sqlite3_stmt *s;
	long long added;
	size_t i;
	int rc;

	if (!res)
		res = &local_res;
	if (!id)
		id = &local_id;
	if (!st->in_tx || !st->batch)
		return err_set(e, ERR_USAGE, "%s: store_put outside a batch",
		               st->path);
	if (!p->norigins)
		return err_set(e, ERR_USAGE, "%s: a unit needs an origin",
		               st->path);
	if ((rc = segment_id(st, p->src_lang, p->source, p->src_markup, &src,
	                     e)) < 0 ||
	    (rc = segment_id(st, p->tgt_lang, p->target, p->tgt_markup, &tgt,
	                     e)) < 0)
		return rc;
	if (!(s = prep(st, S_UNIT_FIND, e)))
		return ERR_DB;
	bind_int(st, s, 1, src);
	bind_int(st, s, 2, tgt);
	rc = step(st, s);
	if (rc == SQLITE_ROW)
		return merge_unit(st, s, p, res, id, e);
	done(st, s);
	if (rc != SQLITE_DONE)
		return db_error(st, rc, "looking up a unit", e);

	if (!(s = prep(st, S_UNIT_INSERT, e)))
		return ERR_DB;
	bind_int(st, s, 1, src);
	bind_int(st, s, 2, tgt);
	bind_text(st, s, 3, p->src_lang);
	bind_text(st, s, 4, p->tgt_lang);
	bind_conf(st, s, 5, p->confidence);
	bind_int(st, s, 6, p->confidence >= 0);
	bind_int(st, s, 7, p->confirmed != 0);
	bind_int(st, s, 8, (int64_t)p->norigins);
	bind_text(st, s, 9, p->creator);
	bind_date(st, s, 10, p->created);
	bind_text(st, s, 11, p->changer);
	bind_date(st, s, 12, p->changed);
	bind_int(st, s, 13, p->usage > 0 ? p->usage : 0);
	bind_date(st, s, 14, p->last_used);
	if ((rc = run(st, s, "storing a unit", e)) < 0)
		return rc;
	unit = sqlite3_last_insert_rowid(st->db);
	*id = unit;
	if ((rc = add_origins(st, unit, p, &added, e)) < 0)
		return rc;
	if (added != (long long)p->norigins) { /* the list repeated itself */
		if (!(s = prep(st, S_UNIT_RECOUNT, e)))
			return ERR_DB;
		bind_int(st, s, 1, unit);
		if ((rc = run(st, s, "storing a unit", e)) < 0)
			return rc;
	}
	for (i = 0; i < p->nprops; i++)
		if ((rc = prop_insert(st, unit, &p->props[i], 0, e)) < 0)
			return rc;
	*res = STORE_NEW;
	st->counts.added++;
	return 0;
}

int store_header_prop(struct store *st, enum store_kind kind, const char *type,
                      const char *lang, const char *value, struct err *e)
{
	sqlite3_stmt *s;

	if (!st->in_tx || !st->batch)
		return err_set(e, ERR_USAGE, "%s: header prop outside a batch",
		               st->path);
	if (kind == STORE_ATTR)
		return err_set(e, ERR_USAGE,
		               "%s: header props are props or "
		               "notes",
		               st->path);
	if (!(s = prep(st, S_HPROP_INSERT, e)))
		return ERR_DB;
	bind_int(st, s, 1, st->batch);
	bind_text(st, s, 2, kind_names[kind]);
	bind_text(st, s, 3, kind == STORE_NOTE ? NULL : type);
	bind_text(st, s, 4, lang);
	bind_text(st, s, 5, value ? value : "");
	return run(st, s, "storing a header prop", e);
}

/* ---- reading ---- */

/* Fill u from a row of UNIT_COLUMNS; strings borrowed from the row. */
static void unit_from_row(struct store_unit *u, sqlite3_stmt *s)
{
	memset(u, 0, sizeof(*u));
	u->id = sqlite3_column_int64(s, 0);
	u->src_id = sqlite3_column_int64(s, 1);
	u->tgt_id = sqlite3_column_int64(s, 2);
	u->src_lang = col_text(s, 3);
	u->tgt_lang = col_text(s, 4);
	u->source = col_text(s, 5);
	u->target = col_text(s, 6);
	u->src_markup = col_text(s, 7);
	u->tgt_markup = col_text(s, 8);
	u->confidence = col_conf(s, 9);
	u->aligned = sqlite3_column_int(s, 10);
	u->confirmed = sqlite3_column_int(s, 11);
	u->count = sqlite3_column_int64(s, 12);
	u->creator = col_text(s, 13);
	u->changer = col_text(s, 14);
	u->created = sqlite3_column_int64(s, 15);
	u->changed = sqlite3_column_int64(s, 16);
	u->last_used = sqlite3_column_int64(s, 17);
	u->usage = sqlite3_column_int64(s, 18);
}

/* Copy the borrowed strings of u into one block u owns. */
static void unit_own(struct store_unit *u)
{
	const char **f[] = {&u->src_lang, &u->tgt_lang,   &u->source,
	                    &u->target,   &u->src_markup, &u->tgt_markup,
	                    &u->creator,  &u->changer};
	size_t n = sizeof(f) / sizeof(f[0]), i, total = 0;
	char *p;

	for (i = 0; i < n; i++)
		if (*f[i])
			total += strlen(*f[i]) + 1;
	p = u->owned_ = xmalloc(total ? total : 1);
	for (i = 0; i < n; i++)
		if (*f[i]) {
			size_t len = strlen(*f[i]) + 1;

			memcpy(p, *f[i], len);
			*f[i] = p;
			p += len;
		}
}

void store_unit_copy(struct store_unit *dst, const struct store_unit *src)
{
	*dst = *src;
	dst->owned_ = NULL;
	unit_own(dst);
}

void store_unit_release(struct store_unit *u)
{
	if (!u)
		return;
	free(u->owned_);
	memset(u, 0, sizeof(*u));
}

int store_get_unit(struct store *st, int64_t id, struct store_unit *u,
                   struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	memset(u, 0, sizeof(*u));
	if (!(s = prep(st, S_UNIT_GET, e)))
		return ERR_DB;
	bind_int(st, s, 1, id);
	rc = step(st, s);
	if (rc == SQLITE_ROW) {
		unit_from_row(u, s);
		unit_own(u);
		done(st, s);
		return 0;
	}
	done(st, s);
	if (rc != SQLITE_DONE)
		return db_error(st, rc, "reading a unit", e);
	return err_set(e, ERR_NOTFOUND, "%s: no unit %lld", st->path,
	               (long long)id);
}

int store_each_unit(struct store *st, const struct store_filter *f,
                    int (*fn)(void *ctx, const struct store_unit *u), void *ctx,
                    struct err *e)
{
	sqlite3_stmt *s;
	int rc, ret = 0;

	if (!(s = prep(st, S_UNIT_EACH, e)))
		return ERR_DB;
	if (sqlite3_stmt_busy(s))
		return err_set(e, ERR_USAGE,
		               "%s: store_each_unit is not "
		               "re-entrant",
		               st->path);
	if (f) {
		bind_text(st, s, 1, f->src_lang);
		bind_text(st, s, 2, f->tgt_lang);
		bind_text(st, s, 3, f->document);
	}
	while ((rc = step(st, s)) == SQLITE_ROW) {
		struct store_unit u;

		unit_from_row(&u, s);
		ret = fn(ctx, &u);
		if (ret)
			break;
	}
	return each_done(st, s, rc, ret, "reading units", e);
}

int store_each_origin(struct store *st, int64_t id,
                      int (*fn)(void *ctx, const struct store_origin_info *o),
                      void *ctx, struct err *e)
{
	sqlite3_stmt *s;
	int rc, ret = 0;

	if (!(s = prep(st, S_ORIGIN_EACH, e)))
		return ERR_DB;
	bind_int(st, s, 1, id);
	while ((rc = step(st, s)) == SQLITE_ROW) {
		struct store_origin_info o;

		o.batch = sqlite3_column_int64(s, 0);
		o.document_id = sqlite3_column_int64(s, 1);
		o.document = col_text(s, 2);
		o.position = sqlite3_column_int64(s, 3);
		o.confidence = col_conf(s, 4);
		if ((ret = fn(ctx, &o)) != 0)
			break;
	}
	return each_done(st, s, rc, ret, "reading origins", e);
}

static enum store_scope scope_of(const char *s)
{
	return !s                  ? STORE_TU
	       : !strcmp(s, "src") ? STORE_SRC
	       : !strcmp(s, "tgt") ? STORE_TGT
	                           : STORE_TU;
}

static enum store_kind kind_of(const char *s)
{
	return !s                   ? STORE_PROP
	       : !strcmp(s, "note") ? STORE_NOTE
	       : !strcmp(s, "attr") ? STORE_ATTR
	                            : STORE_PROP;
}

int store_each_prop(struct store *st, int64_t id,
                    int (*fn)(void *ctx, const struct store_prop *p), void *ctx,
                    struct err *e)
{
	sqlite3_stmt *s;
	int rc, ret = 0;

	if (!(s = prep(st, S_PROP_EACH, e)))
		return ERR_DB;
	bind_int(st, s, 1, id);
	while ((rc = step(st, s)) == SQLITE_ROW) {
		struct store_prop p;

		p.scope = scope_of(col_text(s, 0));
		p.kind = kind_of(col_text(s, 1));
		p.type = col_text(s, 2);
		p.lang = col_text(s, 3);
		p.value = col_text(s, 4);
		if (!p.value)
			p.value = "";
		if ((ret = fn(ctx, &p)) != 0)
			break;
	}
	return each_done(st, s, rc, ret, "reading props", e);
}

int store_each_header_prop(struct store *st,
                           int (*fn)(void *ctx, const struct store_prop *p),
                           void *ctx, struct err *e)
{
	sqlite3_stmt *s;
	int rc, ret = 0;

	if (!(s = prep(st, S_HPROP_EACH, e)))
		return ERR_DB;
	while ((rc = step(st, s)) == SQLITE_ROW) {
		struct store_prop p;

		p.scope = STORE_TU;
		p.kind = kind_of(col_text(s, 0));
		p.type = col_text(s, 1);
		p.lang = col_text(s, 2);
		p.value = col_text(s, 3);
		if (!p.value)
			p.value = "";
		if ((ret = fn(ctx, &p)) != 0)
			break;
	}
	return each_done(st, s, rc, ret, "reading header props", e);
}

int store_prev_unit(struct store *st, int64_t document_id, long long position,
                    const char *src_lang, const char *tgt_lang, int64_t *id,
                    struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (!(s = prep(st, S_ORIGIN_PREV, e)))
		return ERR_DB;
	bind_int(st, s, 1, document_id);
	bind_int(st, s, 2, position);
	bind_text(st, s, 3, src_lang);
	bind_text(st, s, 4, tgt_lang);
	rc = run_int(st, s, id, "reading a document", e);
	if (rc < 0)
		return rc;
	return rc ? 0 : ERR_NOTFOUND;
}

/* Run an update of one unit by id in its own transaction if none is open. */
static int update_unit(struct store *st, enum stmt_id which, int64_t id,
                       int64_t when, const char *what, struct err *e)
{
	sqlite3_stmt *s;
	int own = !st->in_tx, rc;

	if (own && (rc = store_begin(st, e)) < 0)
		return rc;
	if (!(s = prep(st, which, e))) {
		rc = ERR_DB;
		goto out;
	}
	bind_int(st, s, 1, id);
	bind_int(st, s, 2, when);
	if ((rc = run(st, s, what, e)) < 0)
		goto out;
	if (!sqlite3_changes(st->db)) {
		rc = err_set(e, ERR_NOTFOUND, "%s: no unit %lld", st->path,
		             (long long)id);
		goto out;
	}
	if (own)
		return store_commit(st, e);
	return 0;
out:
	if (own)
		store_rollback(st);
	return rc;
}

int store_touch(struct store *st, int64_t id, int64_t when, struct err *e)
{
	return update_unit(st, S_UNIT_TOUCH, id, when, "counting a use", e);
}

int store_confirm(struct store *st, int64_t id, struct err *e)
{
	return update_unit(st, S_UNIT_CONFIRM, id, (int64_t)store_now(),
	                   "confirming a unit", e);
}

/* ---- deleting ---- */

/* A growable list of ids. */
struct ids {
	int64_t *v;
	size_t n, cap;
};

static void ids_release(struct ids *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Append the first column of every row of s (bound by the caller). */
static int collect(struct store *st, sqlite3_stmt *s, struct ids *l,
                   struct err *e)
{
	int rc;

	while ((rc = step(st, s)) == SQLITE_ROW) {
		XGROW(l->v, l->cap, l->n + 1);
		l->v[l->n++] = sqlite3_column_int64(s, 0);
	}
	done(st, s);
	if (rc != SQLITE_DONE)
		return db_error(st, rc, "reading the memory", e);
	return 0;
}

/* collect into an array the caller frees: *ids (NULL when none), *n. */
static int collect_array(struct store *st, sqlite3_stmt *s, int64_t **ids,
                         size_t *n, struct err *e)
{
	struct ids l = {NULL, 0, 0};
	int rc;

	if ((rc = collect(st, s, &l, e)) < 0) {
		ids_release(&l);
		return rc;
	}
	*ids = l.v;
	*n = l.n;
	return 0;
}

static int gc_segment(struct store *st, int64_t id, struct err *e)
{
	sqlite3_stmt *s = prep(st, S_SEG_GC, e);

	if (!s)
		return ERR_DB;
	bind_int(st, s, 1, id);
	return run(st, s, "removing a segment", e);
}

static int gc_documents(struct store *st, const struct ids *docs, struct err *e)
{
	size_t i;
	int rc;

	for (i = 0; i < docs->n; i++) {
		sqlite3_stmt *s = prep(st, S_DOC_GC, e);

		if (!s)
			return ERR_DB;
		bind_int(st, s, 1, docs->v[i]);
		if ((rc = run(st, s, "removing a document", e)) < 0)
			return rc;
	}
	/* the cached document may be gone */
	free(st->doc_name);
	st->doc_name = NULL;
	return 0;
}

/* Delete one unit (origins and props cascade) and its unused segments. */
static int delete_unit(struct store *st, int64_t id, struct err *e)
{
	sqlite3_stmt *s;
	int64_t src, tgt;
	int rc;

	if (!(s = prep(st, S_UNIT_SEGS, e)))
		return ERR_DB;
	bind_int(st, s, 1, id);
	rc = step(st, s);
	if (rc != SQLITE_ROW) {
		done(st, s);
		if (rc != SQLITE_DONE)
			return db_error(st, rc, "reading a unit", e);
		return err_set(e, ERR_NOTFOUND, "%s: no unit %lld", st->path,
		               (long long)id);
	}
	src = sqlite3_column_int64(s, 0);
	tgt = sqlite3_column_int64(s, 1);
	done(st, s);
	if (!(s = prep(st, S_UNIT_DELETE, e)))
		return ERR_DB;
	bind_int(st, s, 1, id);
	if ((rc = run(st, s, "deleting a unit", e)) < 0)
		return rc;
	if ((rc = gc_segment(st, src, e)) < 0)
		return rc;
	return gc_segment(st, tgt, e);
}

int store_delete(struct store *st, int64_t id, struct err *e)
{
	struct ids docs = {NULL, 0, 0};
	sqlite3_stmt *s;
	int rc;

	if ((rc = store_begin(st, e)) < 0)
		return rc;
	if (!(s = prep(st, S_ORIGIN_DOCS, e))) {
		rc = ERR_DB;
		goto fail;
	}
	bind_int(st, s, 1, id);
	if ((rc = collect(st, s, &docs, e)) < 0 ||
	    (rc = delete_unit(st, id, e)) < 0 ||
	    (rc = gc_documents(st, &docs, e)) < 0 ||
	    (rc = store_commit(st, e)) < 0)
		goto fail;
	ids_release(&docs);
	return 0;
fail:
	store_rollback(st);
	ids_release(&docs);
	return rc;
}

/*
 * After origins were removed: units in list with no origin left are
 * deleted, the others recounted (and lose the props batch added, if
 * batch is not 0).
 */
static int settle_units(struct store *st, const struct ids *units,
                        int64_t batch, struct store_forget *res, struct err *e)
{
	size_t i;
	int rc;

	for (i = 0; i < units->n; i++) {
		sqlite3_stmt *s = prep(st, S_UNIT_ORIGINS, e);
		int64_t left = 0;

		if (!s)
			return ERR_DB;
		bind_int(st, s, 1, units->v[i]);
		if ((rc = run_int(st, s, &left, "counting origins", e)) < 0)
			return rc;
		if (!left) {
			if ((rc = delete_unit(st, units->v[i], e)) < 0)
				return rc;
			res->removed++;
			continue;
		}
		res->kept++;
		if (!(s = prep(st, S_UNIT_RECOUNT, e)))
			return ERR_DB;
		bind_int(st, s, 1, units->v[i]);
		if ((rc = run(st, s, "recounting a unit", e)) < 0)
			return rc;
		if (batch) {
			if (!(s = prep(st, S_PROP_DEL_BATCH, e)))
				return ERR_DB;
			bind_int(st, s, 1, units->v[i]);
			bind_int(st, s, 2, batch);
			if ((rc = run(st, s, "removing props", e)) < 0)
				return rc;
		}
	}
	return 0;
}

int store_forget_batch(struct store *st, int64_t batch,
                       struct store_forget *res, struct err *e)
{
	struct ids units = {NULL, 0, 0}, docs = {NULL, 0, 0};
	sqlite3_stmt *s;
	int64_t forgotten = 0;
	int rc;

	memset(res, 0, sizeof(*res));
	if ((rc = store_begin(st, e)) < 0)
		return rc;
	if (!(s = prep(st, S_BATCH_EXISTS, e))) {
		rc = ERR_DB;
		goto fail;
	}
	bind_int(st, s, 1, batch);
	rc = run_int(st, s, &forgotten, "reading a batch", e);
	if (rc <= 0) {
		if (rc == 0)
			rc = err_set(e, ERR_NOTFOUND, "%s: no batch %lld",
			             st->path, (long long)batch);
		goto fail;
	}
	if (forgotten) {
		rc = err_set(e, ERR_NOTFOUND,
		             "%s: batch %lld was forgotten "
		             "already",
		             st->path, (long long)batch);
		goto fail;
	}
	if (!(s = prep(st, S_BATCH_UNITS, e))) {
		rc = ERR_DB;
		goto fail;
	}
	bind_int(st, s, 1, batch);
	if ((rc = collect(st, s, &units, e)) < 0)
		goto fail;
	if (!(s = prep(st, S_BATCH_DOCS, e))) {
		rc = ERR_DB;
		goto fail;
	}
	bind_int(st, s, 1, batch);
	if ((rc = collect(st, s, &docs, e)) < 0)
		goto fail;
	if (!(s = prep(st, S_BATCH_DEL_ORIGINS, e))) {
		rc = ERR_DB;
		goto fail;
	}
	bind_int(st, s, 1, batch);
	if ((rc = run(st, s, "removing origins", e)) < 0)
		goto fail;
	res->origins = sqlite3_changes(st->db);
	if ((rc = settle_units(st, &units, batch, res, e)) < 0 ||
	    (rc = gc_documents(st, &docs, e)) < 0)
		goto fail;
	if (!(s = prep(st, S_BATCH_FORGOTTEN, e))) {
		rc = ERR_DB;
		goto fail;
	}
	bind_int(st, s, 1, batch);
	bind_int(st, s, 2, (int64_t)store_now());
	if ((rc = run(st, s, "recording the batch", e)) < 0 ||
	    (rc = store_commit(st, e)) < 0)
		goto fail;
	ids_release(&units);
	ids_release(&docs);
	return 0;
fail:
	store_rollback(st);
	ids_release(&units);
	ids_release(&docs);
	return rc;
}

int store_forget_document(struct store *st, const char *name,
                          struct store_forget *res, struct err *e)
{
	struct ids units = {NULL, 0, 0}, docs = {NULL, 0, 0};
	sqlite3_stmt *s;
	int64_t doc = 0;
	int rc;

	memset(res, 0, sizeof(*res));
	if ((rc = store_begin(st, e)) < 0)
		return rc;
	if ((rc = store_document_find(st, name, &doc, e)) < 0)
		goto fail;
	XGROW(docs.v, docs.cap, 1);
	docs.v[docs.n++] = doc;
	if (!(s = prep(st, S_DOC_UNITS, e))) {
		rc = ERR_DB;
		goto fail;
	}
	bind_int(st, s, 1, doc);
	if ((rc = collect(st, s, &units, e)) < 0)
		goto fail;
	if (!(s = prep(st, S_DOC_DEL_ORIGINS, e))) {
		rc = ERR_DB;
		goto fail;
	}
	bind_int(st, s, 1, doc);
	if ((rc = run(st, s, "removing origins", e)) < 0)
		goto fail;
	res->origins = sqlite3_changes(st->db);
	if ((rc = settle_units(st, &units, 0, res, e)) < 0 ||
	    (rc = gc_documents(st, &docs, e)) < 0 ||
	    (rc = store_commit(st, e)) < 0)
		goto fail;
	ids_release(&units);
	ids_release(&docs);
	return 0;
fail:
	store_rollback(st);
	ids_release(&units);
	ids_release(&docs);
	return rc;
}

/* ---- figures and checks ---- */

int store_stats(struct store *st, struct store_stats *out, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	memset(out, 0, sizeof(*out));
	out->version = st->version;
	if (!(s = prep(st, S_STATS, e)))
		return ERR_DB;
	rc = step(st, s);
	if (rc == SQLITE_ROW) {
		out->units = sqlite3_column_int64(s, 0);
		out->segments = sqlite3_column_int64(s, 1);
		out->documents = sqlite3_column_int64(s, 2);
		out->confirmed = sqlite3_column_int64(s, 3);
		out->aligned = sqlite3_column_int64(s, 4);
		out->bytes = sqlite3_column_int64(s, 5);
	}
	done(st, s);
	if (rc != SQLITE_ROW)
		return db_error(st, rc, "reading figures", e);
	if (!(s = prep(st, S_STATS_BATCHES, e)))
		return ERR_DB;
	rc = step(st, s);
	if (rc == SQLITE_ROW) {
		out->batches = sqlite3_column_int64(s, 0);
		out->first_import = sqlite3_column_int64(s, 1);
		out->last_import = sqlite3_column_int64(s, 2);
	}
	done(st, s);
	if (rc != SQLITE_ROW)
		return db_error(st, rc, "reading figures", e);
	return 0;
}

int store_each_pair(struct store *st,
                    int (*fn)(void *ctx, const char *src_lang,
                              const char *tgt_lang, long long units),
                    void *ctx, struct err *e)
{
	sqlite3_stmt *s;
	int rc, ret = 0;

	if (!(s = prep(st, S_PAIRS, e)))
		return ERR_DB;
	while ((rc = step(st, s)) == SQLITE_ROW)
		if ((ret = fn(ctx, col_text(s, 0), col_text(s, 1),
		              sqlite3_column_int64(s, 2))) != 0)
			break;
	return each_done(st, s, rc, ret, "reading language pairs", e);
}

int store_check(struct store *st, struct err *e)
{
	sqlite3_stmt *s;
	struct buf msg;
	int rc, bad = 0;

	buf_init(&msg);
	if (!(s = prep(st, S_INTEGRITY, e)))
		return ERR_DB;
	while ((rc = step(st, s)) == SQLITE_ROW) {
		const char *t = col_text(s, 0);

		if (t && !strcmp(t, "ok"))
			continue;
		bad = 1;
		if (msg.len < 400)
			buf_addf(&msg, "%s%s", msg.len ? "; " : "",
			         t ? t : "?");
	}
	done(st, s);
	if (rc != SQLITE_DONE) {
		buf_release(&msg);
		return db_error(st, rc, "checking the memory", e);
	}
	if (!(s = prep(st, S_FKCHECK, e))) {
		buf_release(&msg);
		return ERR_DB;
	}
	while ((rc = step(st, s)) == SQLITE_ROW) {
		const char *t = col_text(s, 0);

		bad = 1;
		if (msg.len < 400)
			buf_addf(&msg, "%sbroken reference in %s row %lld",
			         msg.len ? "; " : "", t ? t : "?",
			         (long long)sqlite3_column_int64(s, 1));
	}
	done(st, s);
	if (rc != SQLITE_DONE) {
		buf_release(&msg);
		return db_error(st, rc, "checking the memory", e);
	}
	if (bad)
		rc = err_set(e, ERR_DB, "%s: the memory is damaged: %s",
		             st->path, msg.data);
	else
		rc = 0;
	buf_release(&msg);
	return rc;
}

/* ---- for modules layered on the store ---- */

int store_in_transaction(const struct store *st)
{
	return st->in_tx;
}

unsigned long store_rollbacks(const struct store *st)
{
	return st->rollbacks;
}

unsigned long store_transactions(const struct store *st)
{
	return st->begins;
}

void store_set_ext(struct store *st, void *p, void (*free_fn)(void *p))
{
	if (st->ext_free)
		st->ext_free(st->ext);
	st->ext = p;
	st->ext_free = free_fn;
}

void *store_ext(const struct store *st)
{
	return st->ext;
}

const char *store_path(const struct store *st)
{
	return st->path;
}

/* ---- context, alternatives, segments ---- */

int store_prev_position(struct store *st, int64_t document_id,
                        long long position, const char *src_lang,
                        const char *tgt_lang, long long *prev, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (!(s = prep(st, S_ORIGIN_PREV_POS, e)))
		return ERR_DB;
	bind_int(st, s, 1, document_id);
	bind_int(st, s, 2, position);
	bind_text(st, s, 3, src_lang);
	bind_text(st, s, 4, tgt_lang);
	rc = step(st, s);
	if (rc == SQLITE_ROW) {
		int null = sqlite3_column_type(s, 0) == SQLITE_NULL;

		*prev = sqlite3_column_int64(s, 0);
		done(st, s);
		return null ? ERR_NOTFOUND : 0;
	}
	done(st, s);
	return db_error(st, rc, "reading a document", e);
}

int store_unit_alternatives(struct store *st, int64_t id, long long *n,
                            struct err *e)
{
	sqlite3_stmt *s;
	int64_t v = 0;
	int rc;

	if (!(s = prep(st, S_UNIT_ALTERNATIVES, e)))
		return ERR_DB;
	bind_int(st, s, 1, id);
	rc = run_int(st, s, &v, "reading a unit", e);
	if (rc < 0)
		return rc;
	*n = v;
	return 0;
}

int store_segment_units(struct store *st, int64_t segment, int target,
                        int64_t **ids, size_t *n, struct err *e)
{
	sqlite3_stmt *s;

	*ids = NULL;
	*n = 0;
	if (!(s = prep(st, target ? S_SEG_UNITS_TGT : S_SEG_UNITS_SRC, e)))
		return ERR_DB;
	bind_int(st, s, 1, segment);
	return collect_array(st, s, ids, n, e);
}

int store_segment_get(struct store *st, int64_t segment, struct buf *lang,
                      struct buf *text, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (!(s = prep(st, S_SEG_GET, e)))
		return ERR_DB;
	bind_int(st, s, 1, segment);
	rc = step(st, s);
	if (rc == SQLITE_ROW) {
		buf_reset(lang);
		buf_reset(text);
		buf_adds(lang, col_text(s, 0) ? col_text(s, 0) : "");
		buf_add(text, col_text(s, 1) ? col_text(s, 1) : "",
		        (size_t)sqlite3_column_bytes(s, 1));
		done(st, s);
		return 0;
	}
	done(st, s);
	if (rc != SQLITE_DONE)
		return db_error(st, rc, "reading a segment", e);
	return err_set(e, ERR_NOTFOUND, "%s: no segment %lld", st->path,
	               (long long)segment);
}

/* ---- the match index's tables ---- */

int store_index_meta(struct store *st, const char *key, struct buf *value,
                     struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	buf_reset(value);
	if (!(s = prep(st, S_IDX_META_GET, e)))
		return ERR_DB;
	bind_text(st, s, 1, key);
	rc = step(st, s);
	if (rc == SQLITE_ROW) {
		buf_adds(value, col_text(s, 0) ? col_text(s, 0) : "");
		done(st, s);
		return 1;
	}
	done(st, s);
	if (rc != SQLITE_DONE)
		return db_error(st, rc, "reading the match index", e);
	return 0;
}

int store_index_set_meta(struct store *st, const char *key, const char *value,
                         struct err *e)
{
	sqlite3_stmt *s;

	if (!st->in_tx)
		return err_set(e, ERR_USAGE, "%s: no open transaction",
		               st->path);
	if (!(s = prep(st, S_IDX_META_SET, e)))
		return ERR_DB;
	bind_text(st, s, 1, key);
	bind_text(st, s, 2, value);
	return run(st, s, "writing the match index", e);
}

int store_index_token_count(struct store *st, int64_t *n, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	*n = 0;
	if (!(s = prep(st, S_IDX_TOKEN_COUNT, e)))
		return ERR_DB;
	rc = run_int(st, s, n, "reading the match index", e);
	return rc < 0 ? rc : 0;
}

int store_index_each_token(struct store *st, int64_t from,
                           int (*fn)(void *ctx, int64_t id, const void *key,
                                     size_t len),
                           void *ctx, struct err *e)
{
	sqlite3_stmt *s;
	int rc, ret = 0;

	if (!(s = prep(st, S_IDX_TOKEN_EACH, e)))
		return ERR_DB;
	bind_int(st, s, 1, from);
	while ((rc = step(st, s)) == SQLITE_ROW) {
		const void *k = sqlite3_column_blob(s, 1);
		size_t len = (size_t)sqlite3_column_bytes(s, 1);

		if ((ret = fn(ctx, sqlite3_column_int64(s, 0), k ? k : "",
		              len)) != 0)
			break;
	}
	return each_done(st, s, rc, ret, "reading the match index", e);
}

int store_index_token_id(struct store *st, const void *key, size_t len,
                         int64_t *id, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (!(s = prep(st, S_IDX_TOKEN_FIND, e)))
		return ERR_DB;
	bind_blob(st, s, 1, key, len);
	rc = run_int(st, s, id, "reading the match index", e);
	if (rc < 0)
		return rc;
	return rc ? 0 : ERR_NOTFOUND;
}

int store_index_put_token(struct store *st, int64_t id, const void *key,
                          size_t len, struct err *e)
{
	sqlite3_stmt *s;

	if (!st->in_tx)
		return err_set(e, ERR_USAGE, "%s: no open transaction",
		               st->path);
	if (!(s = prep(st, S_IDX_TOKEN_PUT, e)))
		return ERR_DB;
	bind_int(st, s, 1, id);
	bind_blob(st, s, 2, key, len);
	return run(st, s, "writing the match index", e);
}

int store_index_put_segment(struct store *st, int64_t segment, const void *blob,
                            size_t len, struct err *e)
{
	sqlite3_stmt *s;

	if (!st->in_tx)
		return err_set(e, ERR_USAGE, "%s: no open transaction",
		               st->path);
	if (!(s = prep(st, S_IDX_SEG_PUT, e)))
		return ERR_DB;
	bind_int(st, s, 1, segment);
	bind_blob(st, s, 2, blob, len);
	return run(st, s, "writing the match index", e);
}

int store_index_each_segment(struct store *st, const void *needle, size_t n,
                             int (*fn)(void *ctx, int64_t segment,
                                       const void *blob, size_t len),
                             void *ctx, struct err *e)
{
	sqlite3_stmt *s;
	int rc, ret = 0;

	if (!(s = prep(st, S_IDX_SEG_EACH, e)))
		return ERR_DB;
	if (needle)
		bind_blob(st, s, 1, needle, n);
	while ((rc = step(st, s)) == SQLITE_ROW) {
		const void *b = sqlite3_column_blob(s, 1);
		size_t len = (size_t)sqlite3_column_bytes(s, 1);

		if ((ret = fn(ctx, sqlite3_column_int64(s, 0), b ? b : "",
		              len)) != 0)
			break;
	}
	return each_done(st, s, rc, ret, "reading the match index", e);
}

int store_index_clear(struct store *st, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (!st->in_tx)
		return err_set(e, ERR_USAGE, "%s: no open transaction",
		               st->path);
	if (!(s = prep(st, S_IDX_CLEAR_SEGS, e)))
		return ERR_DB;
	if ((rc = run(st, s, "clearing the match index", e)) < 0)
		return rc;
	if (!(s = prep(st, S_IDX_CLEAR_TOKENS, e)))
		return ERR_DB;
	return run(st, s, "clearing the match index", e);
}

int store_index_counts(struct store *st, long long *segments,
                       long long *indexed, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	*segments = *indexed = 0;
	if (!(s = prep(st, S_IDX_COUNTS, e)))
		return ERR_DB;
	rc = step(st, s);
	if (rc == SQLITE_ROW) {
		*segments = sqlite3_column_int64(s, 0);
		*indexed = sqlite3_column_int64(s, 1);
		done(st, s);
		return 0;
	}
	done(st, s);
	return db_error(st, rc, "reading the match index", e);
}

int store_index_missing(struct store *st, int64_t **ids, size_t *n,
                        struct err *e)
{
	sqlite3_stmt *s;

	*ids = NULL;
	*n = 0;
	if (!(s = prep(st, S_IDX_MISSING, e)))
		return ERR_DB;
	return collect_array(st, s, ids, n, e);
}

int store_index_each_unit(struct store *st, const struct store_filter *f,
                          int (*fn)(void *ctx, const struct store_index_row *r),
                          void *ctx, struct err *e)
{
	sqlite3_stmt *s;
	int rc, ret = 0;

	if (!(s = prep(st, S_IDX_UNIT_EACH, e)))
		return ERR_DB;
	if (sqlite3_stmt_busy(s))
		return err_set(e, ERR_USAGE,
		               "%s: store_index_each_unit is not re-entrant",
		               st->path);
	if (f) {
		bind_text(st, s, 1, f->src_lang);
		bind_text(st, s, 2, f->tgt_lang);
	}
	while ((rc = step(st, s)) == SQLITE_ROW) {
		struct store_index_row r;

		r.unit = sqlite3_column_int64(s, 0);
		r.src = sqlite3_column_int64(s, 1);
		r.tgt = sqlite3_column_int64(s, 2);
		r.src_lang = col_text(s, 3);
		r.tgt_lang = col_text(s, 4);
		r.toks = sqlite3_column_blob(s, 5);
		r.len = (size_t)sqlite3_column_bytes(s, 5);
		if (sqlite3_column_type(s, 5) == SQLITE_NULL)
			r.toks = NULL;
		else if (!r.toks)
			r.toks = "";
		if ((ret = fn(ctx, &r)) != 0)
			break;
	}
	return each_done(st, s, rc, ret, "reading the match index", e);
}

int store_index_unit_segments(struct store *st, int64_t id,
                              int (*fn)(void *ctx, int64_t segment,
                                        const char *lang, const char *text,
                                        size_t len, int indexed),
                              void *ctx, struct err *e)
{
	/* rows are copied first: fn writes to the tables the query reads */
	struct {
		int64_t id;
		struct buf lang, text;
		int indexed;
	} row[2];
	sqlite3_stmt *s;
	int rc, ret = 0, n = 0, i;

	if (!(s = prep(st, S_IDX_UNIT_SEGS, e)))
		return ERR_DB;
	for (i = 0; i < 2; i++) {
		buf_init(&row[i].lang);
		buf_init(&row[i].text);
	}
	bind_int(st, s, 1, id);
	while ((rc = step(st, s)) == SQLITE_ROW && n < 2) {
		const char *lang = col_text(s, 1), *text = col_text(s, 2);

		row[n].id = sqlite3_column_int64(s, 0);
		buf_adds(&row[n].lang, lang ? lang : "");
		buf_add(&row[n].text, text ? text : "",
		        (size_t)sqlite3_column_bytes(s, 2));
		row[n].indexed = sqlite3_column_int(s, 3);
		n++;
	}
	done(st, s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		ret = db_error(st, rc, "reading the match index", e);
	else if (!n)
		ret = err_set(e, ERR_NOTFOUND, "%s: no unit %lld", st->path,
		              (long long)id);
	for (i = 0; i < n && !ret; i++)
		ret = fn(ctx, row[i].id, row[i].lang.data, row[i].text.data,
		         row[i].text.len, row[i].indexed);
	for (i = 0; i < 2; i++) {
		buf_release(&row[i].lang);
		buf_release(&row[i].text);
	}
	return ret < 0 ? ret : 0;
}

/* ---- names ---- */

static const char *const name_status_words[] = {"confirmed", "learned",
                                                "proposed", "rejected"};
static const char *const name_source_words[] = {"house", "imported", "learned"};

const char *store_name_status_word(enum store_name_status s)
{
	return (unsigned)s < 4 ? name_status_words[s] : "?";
}

const char *store_name_source_word(enum store_name_source s)
{
	return (unsigned)s < 3 ? name_source_words[s] : "?";
}

static enum store_name_status name_status_of(const char *w)
{
	int i;

	for (i = 0; w && i < 4; i++)
		if (!strcmp(w, name_status_words[i]))
			return (enum store_name_status)i;
	return STORE_NAME_PROPOSED;
}

static enum store_name_source name_source_of(const char *w)
{
	int i;

	for (i = 0; w && i < 3; i++)
		if (!strcmp(w, name_source_words[i]))
			return (enum store_name_source)i;
	return STORE_NAME_FOUND;
}

/* The memory must have the names' tables (schema version 3). */
static int names_ready(struct store *st, struct err *e)
{
	if (st->version < 3)
		return err_set(e, ERR_DB,
		               "%s: the memory has no names tables (schema "
		               "version %d)",
		               st->path, st->version);
	return 0;
}

int store_name_entity_put(struct store *st, struct store_name_entity *ent,
                          struct err *e)
{
	sqlite3_stmt *s;
	int64_t other = 0, now = (int64_t)store_now();
	int rc;

	if ((rc = names_ready(st, e)) < 0)
		return rc;
	rc = store_name_entity_find(st, ent->label, &other, e);
	if (rc < 0)
		return rc;
	if (rc && other != ent->id)
		return err_set(e, ERR_USAGE,
		               "an entity is already called '%s' (entity %lld)",
		               ent->label, (long long)other);
	s = prep(st, ent->id ? S_NENT_UPDATE : S_NENT_INSERT, e);
	if (!s)
		return ERR_DB;
	if (ent->id) {
		bind_int(st, s, 1, ent->id);
		bind_text(st, s, 2, ent->label);
		bind_text(st, s, 3, store_name_status_word(ent->status));
		bind_text(st, s, 4, store_name_source_word(ent->source));
		bind_int(st, s, 5, ent->mentions);
		bind_int(st, s, 6, ent->links);
		bind_int(st, s, 7, now);
		ent->changed = now;
		return run(st, s, "updating a name", e);
	}
	bind_text(st, s, 1, ent->label);
	bind_text(st, s, 2, store_name_status_word(ent->status));
	bind_text(st, s, 3, store_name_source_word(ent->source));
	bind_int(st, s, 4, ent->mentions);
	bind_int(st, s, 5, ent->links);
	bind_int(st, s, 6, now);
	if ((rc = run(st, s, "adding a name", e)) < 0)
		return rc;
	ent->id = sqlite3_last_insert_rowid(st->db);
	ent->created = ent->changed = now;
	return 0;
}

int store_name_entity_find(struct store *st, const char *label, int64_t *id,
                           struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if ((rc = names_ready(st, e)) < 0)
		return rc;
	if (!(s = prep(st, S_NENT_FIND, e)))
		return ERR_DB;
	bind_text(st, s, 1, label);
	return run_int(st, s, id, "looking up a name", e);
}

int store_each_name_entity(struct store *st, int64_t id,
                           int (*fn)(void *ctx,
                                     const struct store_name_entity *ent),
                           void *ctx, struct err *e)
{
	sqlite3_stmt *s;
	int rc, ret = 0;

	if ((rc = names_ready(st, e)) < 0)
		return rc;
	if (!(s = prep(st, S_NENT_EACH, e)))
		return ERR_DB;
	bind_int(st, s, 1, id);
	while ((rc = step(st, s)) == SQLITE_ROW) {
		struct store_name_entity ent;

		ent.id = sqlite3_column_int64(s, 0);
		ent.label = col_text(s, 1);
		ent.status = name_status_of(col_text(s, 2));
		ent.source = name_source_of(col_text(s, 3));
		ent.mentions = sqlite3_column_int64(s, 4);
		ent.links = sqlite3_column_int64(s, 5);
		ent.created = sqlite3_column_int64(s, 6);
		ent.changed = sqlite3_column_int64(s, 7);
		if ((ret = fn(ctx, &ent)) != 0)
			break;
	}
	return each_done(st, s, rc, ret, "reading names", e);
}

int store_name_keys_set(struct store *st, int64_t alias,
                        const char *const *keys, int nkeys, struct err *e)
{
	sqlite3_stmt *s;
	int rc, i;

	if ((rc = names_ready(st, e)) < 0)
		return rc;
	if (!(s = prep(st, S_NKEY_DELETE, e)))
		return ERR_DB;
	bind_int(st, s, 1, alias);
	if ((rc = run(st, s, "indexing a name", e)) < 0)
		return rc;
	for (i = 0; i < nkeys; i++) {
		if (!(s = prep(st, S_NKEY_INSERT, e)))
			return ERR_DB;
		bind_text(st, s, 1, keys[i]);
		bind_int(st, s, 2, alias);
		if ((rc = run(st, s, "indexing a name", e)) < 0)
			return rc;
	}
	return 0;
}

int store_name_alias_put(struct store *st, struct store_name_alias *a,
                         const char *const *keys, int nkeys, struct err *e)
{
	sqlite3_stmt *s;
	int64_t id = 0;
	int rc;

	if ((rc = names_ready(st, e)) < 0)
		return rc;
	if (!(s = prep(st, S_NALIAS_FIND, e)))
		return ERR_DB;
	bind_int(st, s, 1, a->entity);
	bind_text(st, s, 2, a->lang);
	bind_text(st, s, 3, a->spelling);
	if ((rc = run_int(st, s, &id, "looking up a spelling", e)) < 0)
		return rc;
	if (a->house) {
		/* the old house form steps down first (unique index) */
		if (!(s = prep(st, S_NALIAS_UNHOUSE, e)))
			return ERR_DB;
		bind_int(st, s, 1, a->entity);
		bind_text(st, s, 2, a->lang);
		bind_int(st, s, 3, id);
		if ((rc = run(st, s, "setting a house form", e)) < 0)
			return rc;
	}
	if (id) {
		if (!(s = prep(st, S_NALIAS_UPDATE, e)))
			return ERR_DB;
		bind_int(st, s, 1, id);
		bind_text(st, s, 2, a->script);
		bind_int(st, s, 3, a->house ? 1 : 0);
		bind_text(st, s, 4, store_name_source_word(a->source));
		bind_text(st, s, 5, store_name_status_word(a->status));
		bind_int(st, s, 6, a->count);
		if ((rc = run(st, s, "updating a spelling", e)) < 0)
			return rc;
	} else {
		if (!(s = prep(st, S_NALIAS_INSERT, e)))
			return ERR_DB;
		bind_int(st, s, 1, a->entity);
		bind_text(st, s, 2, a->lang);
		bind_text(st, s, 3, a->spelling);
		bind_text(st, s, 4, a->script);
		bind_int(st, s, 5, a->house ? 1 : 0);
		bind_text(st, s, 6, store_name_source_word(a->source));
		bind_text(st, s, 7, store_name_status_word(a->status));
		bind_int(st, s, 8, a->count);
		if ((rc = run(st, s, "adding a spelling", e)) < 0)
			return rc;
		id = sqlite3_last_insert_rowid(st->db);
	}
	a->id = id;
	if (keys)
		return store_name_keys_set(st, id, keys, nkeys, e);
	return 0;
}

int store_name_alias_restatus(struct store *st, int64_t entity,
                              enum store_name_status from,
                              enum store_name_status to, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if ((rc = names_ready(st, e)) < 0)
		return rc;
	if (!(s = prep(st, S_NALIAS_RESTATUS, e)))
		return ERR_DB;
	bind_int(st, s, 1, entity);
	bind_text(st, s, 2, store_name_status_word(from));
	bind_text(st, s, 3, store_name_status_word(to));
	return run(st, s, "updating spellings", e);
}

int store_each_name_alias(struct store *st, int64_t entity,
                          int (*fn)(void *ctx,
                                    const struct store_name_alias *a),
                          void *ctx, struct err *e)
{
	sqlite3_stmt *s;
	int rc, ret = 0;

	if ((rc = names_ready(st, e)) < 0)
		return rc;
	if (!(s = prep(st, S_NALIAS_EACH, e)))
		return ERR_DB;
	if (sqlite3_stmt_busy(s))
		return err_set(e, ERR_USAGE,
		               "%s: store_each_name_alias is not re-entrant",
		               st->path);
	bind_int(st, s, 1, entity);
	while ((rc = step(st, s)) == SQLITE_ROW) {
		struct store_name_alias a;

		a.id = sqlite3_column_int64(s, 0);
		a.entity = sqlite3_column_int64(s, 1);
		a.lang = col_text(s, 2);
		a.spelling = col_text(s, 3);
		a.script = col_text(s, 4);
		a.house = sqlite3_column_int(s, 5);
		a.source = name_source_of(col_text(s, 6));
		a.status = name_status_of(col_text(s, 7));
		a.count = sqlite3_column_int64(s, 8);
		if ((ret = fn(ctx, &a)) != 0)
			break;
	}
	return each_done(st, s, rc, ret, "reading spellings", e);
}

int store_each_name_key(struct store *st, const char *key,
                        int (*fn)(void *ctx, const char *key, int64_t alias),
                        void *ctx, struct err *e)
{
	sqlite3_stmt *s;
	int rc, ret = 0;

	if ((rc = names_ready(st, e)) < 0)
		return rc;
	if (!(s = prep(st, S_NKEY_EACH, e)))
		return ERR_DB;
	bind_text(st, s, 1, key);
	while ((rc = step(st, s)) == SQLITE_ROW)
		if ((ret = fn(ctx, col_text(s, 0),
		              sqlite3_column_int64(s, 1))) != 0)
			break;
	return each_done(st, s, rc, ret, "reading the names index", e);
}

int store_name_meta(struct store *st, const char *k, struct buf *out,
                    struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if ((rc = names_ready(st, e)) < 0)
		return rc;
	if (!(s = prep(st, S_NMETA_GET, e)))
		return ERR_DB;
	bind_text(st, s, 1, k);
	rc = step(st, s);
	if (rc == SQLITE_ROW) {
		const char *v = col_text(s, 0);

		buf_adds(out, v ? v : "");
		done(st, s);
		return 1;
	}
	done(st, s);
	if (rc != SQLITE_DONE)
		return db_error(st, rc, "reading the names index", e);
	return 0;
}

int store_name_meta_set(struct store *st, const char *k, const char *v,
                        struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if ((rc = names_ready(st, e)) < 0)
		return rc;
	if (!(s = prep(st, S_NMETA_SET, e)))
		return ERR_DB;
	bind_text(st, s, 1, k);
	bind_text(st, s, 2, v);
	return run(st, s, "writing the names index", e);
}

int store_each_segment(struct store *st,
                       int (*fn)(void *ctx, int64_t id, const char *lang,
                                 const char *text),
                       void *ctx, struct err *e)
{
	sqlite3_stmt *s;
	int rc, ret = 0;

	if (!(s = prep(st, S_SEGMENT_EACH, e)))
		return ERR_DB;
	if (sqlite3_stmt_busy(s))
		return err_set(e, ERR_USAGE,
		               "%s: store_each_segment is not re-entrant",
		               st->path);
	while ((rc = step(st, s)) == SQLITE_ROW) {
		const char *text = col_text(s, 2);

		if ((ret = fn(ctx, sqlite3_column_int64(s, 0), col_text(s, 1),
		              text ? text : "")) != 0)
			break;
	}
	return each_done(st, s, rc, ret, "reading texts", e);
}
