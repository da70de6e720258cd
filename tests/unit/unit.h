/*
 * unit: the unit-test harness.  A test is `TEST(name) { ... }` in any
 * file of tests/unit; the Makefile collects the names into the runner's table.
 * CHECK records file:line of a failed condition and keeps going.
 */
#ifndef NEWSTM_UNIT_H
#define NEWSTM_UNIT_H

#include <stddef.h>

#define TEST(name)                                                             \
	void test_##name(void);                                                \
	void test_##name(void)

int unit_check(int ok, const char *what, const char *file, int line);
int unit_check_str(const char *got, const char *want, const char *what,
                   const char *file, int line);
int unit_check_long(long long got, long long want, const char *what,
                    const char *file, int line);
int unit_check_mem(const char *got, size_t got_len, const char *want,
                   const char *what, const char *file, int line);

#define CHECK(cond) unit_check(!!(cond), #cond, __FILE__, __LINE__)
/* Compare C strings; NULL matches only NULL. */
#define CHECK_STR(got, want)                                                   \
	unit_check_str((got), (want), #got, __FILE__, __LINE__)
#define CHECK_INT(got, want)                                                   \
	unit_check_long((long long)(got), (long long)(want), #got, __FILE__,   \
	                __LINE__)
/* Compare a (data, len) pair with a C string. */
#define CHECK_MEM(got, len, want)                                              \
	unit_check_mem((got), (len), (want), #got, __FILE__, __LINE__)

/* A test-data path: $NEWSTM_TESTS (default "tests") + "/" + rel. */
const char *unit_path(const char *rel);

/* A fresh temporary folder (a static path, until the next call), or NULL. */
const char *unit_tmp_dir(void);
/* Remove dir and all it holds (a folder of unit_tmp_dir). */
void unit_rm_dir(const char *dir);
/*
 * dir/name in a static buffer; the results of two calls in a row can be
 * used together.
 */
const char *unit_path_in(const char *dir, const char *name);

#endif
