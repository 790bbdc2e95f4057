// SPDX-License-Identifier: GPL-2.0
/*
 * openloop: the benchmark's workload. Opens and closes one file N times
 * in a tight loop and prints what one open()+close() pair took, by the
 * guest's CLOCK_MONOTONIC (under QEMU's -icount, one ns per instruction
 * the guest executed).
 *
 *   openloop PATH r|w N
 *
 * r opens O_RDONLY, w opens O_WRONLY. Prints one line:
 *   ns_per_pair=<float> total_ns=<n> pairs=<n>
 * and exits 0, or prints why not and exits 1 (2 on bad arguments).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int parse_pairs(const char *s, unsigned long *n)
{
	char *end;

	errno = 0;
	*n = strtoul(s, &end, 10);
	return errno || end == s || *end || *n == 0 || s[0] == '-' ? -1 : 0;
}

int main(int argc, char **argv)
{
	unsigned long pairs, i;
	uint64_t start, total;
	int flags, fd;

	if (argc != 4 || (strcmp(argv[2], "r") && strcmp(argv[2], "w")) ||
	    parse_pairs(argv[3], &pairs)) {
		fprintf(stderr, "usage: openloop PATH r|w N (N >= 1)\n");
		return 2;
	}
	flags = argv[2][0] == 'w' ? O_WRONLY : O_RDONLY;

	/* One open outside the clock: it fails here, not halfway. */
	fd = open(argv[1], flags);
	if (fd < 0) {
		fprintf(stderr, "openloop: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	close(fd);

	start = now_ns();
	for (i = 0; i < pairs; i++) {
		fd = open(argv[1], flags);
		if (fd < 0) {
			fprintf(stderr, "openloop: %s: %s\n", argv[1],
				strerror(errno));
			return 1;
		}
		close(fd);
	}
	total = now_ns() - start;
	printf("ns_per_pair=%.1f total_ns=%" PRIu64 " pairs=%lu\n",
	       (double)total / pairs, total, pairs);
	return 0;
}
