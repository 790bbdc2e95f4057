// SPDX-License-Identifier: GPL-2.0
/*
 * test_oflags.c - open flags as text. Uses the kernel's flag values, as
 * oflags.c does, so this file must not include <fcntl.h>.
 */
#include <string.h>
#include <asm/fcntl.h>

#include "oflags.h"
#include "unit.h"

static void expect_flags(uint32_t flags, const char *expected)
{
	char buf[CGW_OFLAGS_TEXT_SIZE];
	size_t len = cgw_oflags_text(flags, buf, sizeof(buf));

	assert_string_equal(buf, expected);
	assert_int_equal(len, strlen(expected));
}

static void test_access_modes(void **state)
{
	(void)state;
	expect_flags(O_RDONLY, "O_RDONLY");
	expect_flags(O_WRONLY, "O_WRONLY");
	expect_flags(O_RDWR, "O_RDWR");
}

static void test_rdwr_append(void **state)
{
	(void)state;
	expect_flags(O_RDWR | O_APPEND, "O_RDWR|O_APPEND");
}

static void test_write_create_truncate(void **state)
{
	(void)state;
	expect_flags(O_WRONLY | O_CREAT | O_TRUNC, "O_WRONLY|O_CREAT|O_TRUNC");
	expect_flags(O_TRUNC | O_CREAT | O_WRONLY | O_CLOEXEC | O_LARGEFILE,
		     "O_WRONLY|O_CREAT|O_TRUNC|O_LARGEFILE|O_CLOEXEC");
}

/* O_SYNC and O_TMPFILE contain other flags' bits: no double naming. */
static void test_composite_flags(void **state)
{
	(void)state;
	expect_flags(O_WRONLY | O_SYNC, "O_WRONLY|O_SYNC");
	expect_flags(O_WRONLY | O_DSYNC, "O_WRONLY|O_DSYNC");
	expect_flags(O_RDWR | O_TMPFILE, "O_RDWR|O_TMPFILE");
	expect_flags(O_RDONLY | O_DIRECTORY | O_NOFOLLOW,
		     "O_RDONLY|O_DIRECTORY|O_NOFOLLOW");
}

static void test_unknown_bits_hex(void **state)
{
	(void)state;
	expect_flags(O_WRONLY | 0x40000000, "O_WRONLY|0x40000000");
	expect_flags(O_RDWR | O_APPEND | 0x80000000 | 0x40000000,
		     "O_RDWR|O_APPEND|0xc0000000");
	/* access mode 3 has no name */
	expect_flags(3, "0x3");
}

/* Every bit set still fits the documented buffer size. */
static void test_all_bits_fit(void **state)
{
	char buf[CGW_OFLAGS_TEXT_SIZE];
	size_t len = cgw_oflags_text(UINT32_MAX, buf, sizeof(buf));

	(void)state;
	assert_true(len < sizeof(buf) - 1);
	assert_int_equal(strncmp(buf, "O_CREAT|O_EXCL|", 15), 0);
	assert_non_null(strstr(buf, "|O_SYNC|O_ASYNC|"));
	assert_non_null(strstr(buf, "|O_TMPFILE|O_NOFOLLOW|"));
	assert_non_null(strstr(buf, "|O_PATH|0x"));
}

static void test_small_buffer(void **state)
{
	char buf[10];

	(void)state;
	memset(buf, 'x', sizeof(buf));
	cgw_oflags_text(O_WRONLY | O_CREAT | O_TRUNC, buf, sizeof(buf));
	assert_string_equal(buf, "O_WRONLY|");
}

void run_oflags_tests(struct unit_tally *t)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_access_modes),
		cmocka_unit_test(test_rdwr_append),
		cmocka_unit_test(test_write_create_truncate),
		cmocka_unit_test(test_composite_flags),
		cmocka_unit_test(test_unknown_bits_hex),
		cmocka_unit_test(test_all_bits_fit),
		cmocka_unit_test(test_small_buffer),
	};

	UNIT_RUN(t, "oflags", tests);
}
