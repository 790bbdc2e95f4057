// SPDX-License-Identifier: GPL-2.0
/*
 * unit_main.c - runs every unit test suite of the CLI and ends with one
 * "cli-unit: N passed, N failed" line that scripts can add up.
 */
#include <stdio.h>

#include "unit.h"

int main(void)
{
	struct unit_tally t = { 0 };
	int passed;

	/* Keep cmocka's stdout and stderr lines in order in a log. */
	setvbuf(stdout, NULL, _IOLBF, 0);

	run_args_tests(&t);
	run_decode_tests(&t);
	run_escape_tests(&t);
	run_oflags_tests(&t);
	run_format_tests(&t);
	run_nl_tests(&t);
	run_cli_tests(&t);

	passed = t.total - t.failed;
	if (passed < 0)
		passed = 0;
	fflush(stderr);
	printf("cli-unit: %d passed, %d failed\n", passed, t.failed);
	return t.failed ? 1 : 0;
}
