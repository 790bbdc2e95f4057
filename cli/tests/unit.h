/* SPDX-License-Identifier: GPL-2.0 */
/*
 * unit.h - what the unit test files share: the suite runners that
 * unit_main.c calls, and the tally they add to.
 */
#ifndef CGW_TEST_UNIT_H
#define CGW_TEST_UNIT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

struct unit_tally {
	int total;
	int failed;
};

/* Run one cmocka group and add its results to @t. */
#define UNIT_RUN(t, name, tests) do { \
	int failed_ = cmocka_run_group_tests_name(name, tests, NULL, NULL); \
	(t)->total += (int)ARRAY_SIZE(tests); \
	(t)->failed += failed_; \
} while (0)

void run_args_tests(struct unit_tally *t);
void run_decode_tests(struct unit_tally *t);
void run_escape_tests(struct unit_tally *t);
void run_oflags_tests(struct unit_tally *t);
void run_format_tests(struct unit_tally *t);
void run_nl_tests(struct unit_tally *t);
void run_cli_tests(struct unit_tally *t);

#endif /* CGW_TEST_UNIT_H */
