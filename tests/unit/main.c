/*
 * The unit-test runner: runs every TEST in the table (or those whose names
 * start with the arguments) and ends with "unit: N passed, N failed".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#define T(name) void test_##name(void);
#include "tests.def"
#undef T

static const struct {
	const char *name;
	void (*fn)(void);
} tests[] = {
#define T(name) {#name, test_##name},
#include "tests.def"
#undef T
};

static int failures;

int unit_check(int ok, const char *what, const char *file, int line)
{
	if (!ok) {
		fprintf(stderr, "  %s:%d: check failed: %s\n", file, line,
		        what);
		failures++;
	}
	return ok;
}

int unit_check_str(const char *got, const char *want, const char *what,
                   const char *file, int line)
{
	if ((!got && !want) || (got && want && !strcmp(got, want)))
		return 1;
	fprintf(stderr, "  %s:%d: %s\n    got:  \"%s\"\n    want: \"%s\"\n",
	        file, line, what, got ? got : "(null)", want ? want : "(null)");
	failures++;
	return 0;
}

int unit_check_long(long long got, long long want, const char *what,
                    const char *file, int line)
{
	if (got == want)
		return 1;
	fprintf(stderr, "  %s:%d: %s is %lld, want %lld\n", file, line, what,
	        got, want);
	failures++;
	return 0;
}

int unit_check_mem(const char *got, size_t got_len, const char *want,
                   const char *what, const char *file, int line)
{
	if (got && got_len == strlen(want) && !memcmp(got, want, got_len))
		return 1;
	fprintf(stderr, "  %s:%d: %s\n    got:  \"%.*s\"\n    want: \"%s\"\n",
	        file, line, what, got ? (int)got_len : 6, got ? got : "(null)",
	        want);
	failures++;
	return 0;
}

const char *unit_path(const char *rel)
{
	static char path[4096];
	const char *base = getenv("NEWSTM_TESTS");

	snprintf(path, sizeof(path), "%s/%s", base ? base : "tests", rel);
	return path;
}

const char *unit_tmp_dir(void)
{
	static char dir[64];

	snprintf(dir, sizeof(dir), "/tmp/newstm-unit.XXXXXX");
	if (!mkdtemp(dir))
		return NULL;
	return dir;
}

void unit_rm_dir(const char *dir)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "  could not remove %s\n", dir);
}

const char *unit_path_in(const char *dir, const char *name)
{
	static char p[2][256];
	static int k;

	k = !k;
	snprintf(p[k], sizeof(p[k]), "%s/%s", dir, name);
	return p[k];
}

int main(int argc, char **argv)
{
	size_t i;
	int passed = 0, failed = 0, a;

	for (i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		int before = failures, run = argc < 2;

		for (a = 1; a < argc; a++)
			if (!strncmp(tests[i].name, argv[a], strlen(argv[a])))
				run = 1;
		if (!run)
			continue;
		tests[i].fn();
		if (failures == before) {
			passed++;
		} else {
			failed++;
			fprintf(stderr, "FAIL unit %s\n", tests[i].name);
		}
	}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
