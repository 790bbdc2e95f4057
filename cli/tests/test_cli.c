// SPDX-License-Identifier: GPL-2.0
/*
 * test_cli.c - the cgwatch program's own argument handling: run the
 * built binary with bad arguments and check that it says what is wrong,
 * hints at --help, prints nothing on stdout and exits 2. None of these
 * runs gets as far as opening a netlink socket.
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "unit.h"

#ifndef CGWATCH_BIN
#error "CGWATCH_BIN must name the cgwatch binary to test"
#endif

extern char **environ;

struct run {
	int status;		/* exit code, or -1 if it did not exit */
	char out[8192];
	char err[8192];
};

static void slurp(FILE *f, char *buf, size_t size)
{
	size_t n;

	rewind(f);
	n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	fclose(f);
}

/*
 * Run cgwatch with @args (NULL-terminated, without argv[0]), its output
 * to @out_path if not NULL, else captured in @r->out.
 */
static void run_cli_to(const char *out_path, const char *const *args,
		       struct run *r)
{
	char *argv[16] = { (char *)CGWATCH_BIN };
	posix_spawn_file_actions_t fa;
	FILE *out = tmpfile(), *err = tmpfile();
	int i, wstatus;
	pid_t pid;

	assert_non_null(out);
	assert_non_null(err);
	for (i = 0; args[i]; i++)
		argv[i + 1] = (char *)args[i];
	posix_spawn_file_actions_init(&fa);
	if (out_path)
		posix_spawn_file_actions_addopen(&fa, 1, out_path, O_WRONLY,
						 0);
	else
		posix_spawn_file_actions_adddup2(&fa, fileno(out), 1);
	posix_spawn_file_actions_adddup2(&fa, fileno(err), 2);
	assert_int_equal(posix_spawn(&pid, CGWATCH_BIN, &fa, NULL, argv,
				     environ), 0);
	posix_spawn_file_actions_destroy(&fa);
	assert_int_equal(waitpid(pid, &wstatus, 0), pid);
	r->status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
	slurp(out, r->out, sizeof(r->out));
	slurp(err, r->err, sizeof(r->err));
}

static void run_cli(const char *const *args, struct run *r)
{
	run_cli_to(NULL, args, r);
}

#define HINT	"Try 'cgwatch --help' for more information.\n"

static void expect_usage_error(const char *const *args, const char *message)
{
	struct run r;
	char expected[512];

	run_cli(args, &r);
	snprintf(expected, sizeof(expected), "cgwatch: %s\n" HINT, message);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.err, expected);
	assert_string_equal(r.out, "");
}

#define ARGS(...)	((const char *const[]){ __VA_ARGS__, NULL })

static void test_help(void **state)
{
	struct run r, again;

	(void)state;
	run_cli(ARGS("--help"), &r);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_int_equal(strncmp(r.out, "Usage: cgwatch COMMAND [OPTIONS]\n",
				 33), 0);
	assert_non_null(strstr(r.out, "\nExit status:\n  0  success"));
	assert_non_null(strstr(r.out, "  3  the cgwatch kernel module is "
				      "not loaded\n"));

	run_cli(ARGS("help"), &again);
	assert_int_equal(again.status, 0);
	assert_string_equal(again.out, r.out);
	run_cli(ARGS("listen", "--help"), &again);
	assert_int_equal(again.status, 0);
	assert_string_equal(again.out, r.out);
}

static void test_version(void **state)
{
	struct run r;

	(void)state;
	run_cli(ARGS("--version"), &r);
	assert_int_equal(r.status, 0);
	assert_int_equal(strncmp(r.out, "cgwatch ", 8), 0);
	assert_non_null(strstr(r.out, " (protocol 1)\n"));
	assert_string_equal(r.err, "");
}

/* Output that cannot be written is an error, said on stderr. */
static void test_write_failure(void **state)
{
	struct run r;

	(void)state;
	run_cli_to("/dev/full", ARGS("--version"), &r);
	assert_int_equal(r.status, 1);
	assert_string_equal(r.err,
		"cgwatch: cannot write the version: No space left on device\n");
	run_cli_to("/dev/full", ARGS("listen", "--help"), &r);
	assert_int_equal(r.status, 1);
	assert_string_equal(r.err,
		"cgwatch: cannot write the help: No space left on device\n");
}

static void test_bad_count(void **state)
{
	(void)state;
	expect_usage_error(ARGS("listen", "--count", "0"),
		"invalid --count '0': expected a whole number of 1 or more");
	expect_usage_error(ARGS("listen", "--count=-3"),
		"invalid --count '-3': expected a whole number of 1 or more");
	expect_usage_error(ARGS("listen", "-c", "ten"),
		"invalid --count 'ten': expected a whole number of 1 or more");
	expect_usage_error(ARGS("listen", "--count", "18446744073709551616"),
		"invalid --count '18446744073709551616': too large (at most 18446744073709551615)");
	expect_usage_error(ARGS("listen", "--count"),
		"option '--count' of 'listen' needs a value");
}

static void test_bad_timeout(void **state)
{
	(void)state;
	expect_usage_error(ARGS("listen", "--timeout", "-1"),
		"invalid --timeout '-1': expected a whole number of seconds, 0 or more");
	expect_usage_error(ARGS("listen", "--json", "--timeout", "soon"),
		"invalid --timeout 'soon': expected a whole number of seconds, 0 or more");
	expect_usage_error(ARGS("listen", "--timeout", "2147483648"),
		"invalid --timeout '2147483648': too large (at most 2147483647 seconds)");
}

static void test_unknown_command_or_option(void **state)
{
	struct run r;

	(void)state;
	expect_usage_error(ARGS("frobnicate"), "unknown command 'frobnicate'");
	expect_usage_error(ARGS("--frob"), "unknown option '--frob'");
	expect_usage_error(ARGS("listen", "--frob"),
			   "unknown option '--frob' for 'listen'");
	expect_usage_error(ARGS("listen", "-x"),
			   "unknown option '-x' for 'listen'");
	expect_usage_error(ARGS("status", "--count", "1"),
			   "unknown option '--count' for 'status'");
	expect_usage_error(ARGS("status", "now"),
			   "unexpected argument 'now' for 'status'");

	run_cli((const char *const[]){ NULL }, &r);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.err, "cgwatch: no command given\n" HINT);
}

void run_cli_tests(struct unit_tally *t)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_write_failure),
		cmocka_unit_test(test_bad_count),
		cmocka_unit_test(test_bad_timeout),
		cmocka_unit_test(test_unknown_command_or_option),
	};

	UNIT_RUN(t, "cli", tests);
}
