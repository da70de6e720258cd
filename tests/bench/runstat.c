/*
 * runstat: run a command several times and print the median wall time and
 * the peak resident memory, for `make bench`.
 *
 *   runstat [-n RUNS] [-i INPUT] [-o OUTPUT] COMMAND [ARGS...]
 *
 * stdin comes from INPUT (default /dev/null), stdout goes to OUTPUT
 * (default /dev/null).  Prints "median_s min_s peak_rss_kb status" on one
 * line; status is the last run's exit status.
 */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	const char *in = "/dev/null", *out = "/dev/null";
	double times[101];
	long peak = 0;
	int runs = 5, i, c, status = 0;

	while ((c = getopt(argc, argv, "+n:i:o:")) != -1) {
		if (c == 'n')
			runs = atoi(optarg);
		else if (c == 'i')
			in = optarg;
		else if (c == 'o')
			out = optarg;
		else
			return 2;
	}
	if (optind >= argc || runs < 1 || runs > 101) {
		fprintf(stderr, "usage: runstat [-n RUNS] [-i IN] [-o OUT] "
		                "COMMAND [ARGS...]\n");
		return 2;
	}
	for (i = 0; i < runs; i++) {
		struct timespec t0, t1;
		struct rusage ru;
		pid_t pid;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0) {
			int fi = open(in, O_RDONLY);
			int fo = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);

			if (fi < 0 || fo < 0)
				_exit(126);
			dup2(fi, 0);
			dup2(fo, 1);
			execvp(argv[optind], argv + optind);
			_exit(127);
		}
		if (wait4(pid, &status, 0, &ru) < 0)
			return 1;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		times[i] = (double)(t1.tv_sec - t0.tv_sec) +
		           (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		if (ru.ru_maxrss > peak)
			peak = ru.ru_maxrss;
	}
	qsort(times, (size_t)runs, sizeof(times[0]), cmp_double);
	printf("%.4f %.4f %ld %d\n", times[runs / 2], times[0], peak,
	       WIFEXITED(status) ? WEXITSTATUS(status) : 128);
	return 0;
}
