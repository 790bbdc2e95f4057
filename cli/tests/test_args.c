// SPDX-License-Identifier: GPL-2.0
/*
 * test_args.c - the --count and --timeout value parsers.
 */
#include <errno.h>

#include "args.h"
#include "unit.h"

static int count_of(const char *s, uint64_t *v)
{
	*v = 4242;	/* must stay untouched on error */
	return cgw_parse_count(s, v);
}

static void test_count_valid(void **state)
{
	uint64_t v;

	(void)state;
	assert_int_equal(count_of("1", &v), 0);
	assert_true(v == 1);
	assert_int_equal(count_of("42", &v), 0);
	assert_true(v == 42);
	assert_int_equal(count_of("007", &v), 0);
	assert_true(v == 7);
	assert_int_equal(count_of("18446744073709551615", &v), 0);
	assert_true(v == UINT64_MAX);
}

static void test_count_zero(void **state)
{
	uint64_t v;

	(void)state;
	assert_int_equal(count_of("0", &v), -EINVAL);
	assert_int_equal(count_of("000", &v), -EINVAL);
	assert_true(v == 4242);
}

static void test_count_signs_and_spaces(void **state)
{
	uint64_t v;

	(void)state;
	assert_int_equal(count_of("-1", &v), -EINVAL);
	assert_int_equal(count_of("-0", &v), -EINVAL);
	assert_int_equal(count_of("+5", &v), -EINVAL);
	assert_int_equal(count_of(" 5", &v), -EINVAL);
	assert_int_equal(count_of("5 ", &v), -EINVAL);
	assert_true(v == 4242);
}

static void test_count_not_numeric(void **state)
{
	uint64_t v;

	(void)state;
	assert_int_equal(count_of("", &v), -EINVAL);
	assert_int_equal(count_of("abc", &v), -EINVAL);
	assert_int_equal(count_of("12abc", &v), -EINVAL);
	assert_int_equal(count_of("1.5", &v), -EINVAL);
	assert_int_equal(count_of("0x10", &v), -EINVAL);
	assert_int_equal(count_of("1e3", &v), -EINVAL);
	assert_true(v == 4242);
}

static void test_count_overflow(void **state)
{
	uint64_t v;

	(void)state;
	assert_int_equal(count_of("18446744073709551616", &v), -ERANGE);
	assert_int_equal(count_of("99999999999999999999999999999", &v),
			 -ERANGE);
	assert_true(v == 4242);
}

static void test_timeout_valid(void **state)
{
	uint32_t v = 99;

	(void)state;
	assert_int_equal(cgw_parse_timeout("0", &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(cgw_parse_timeout("30", &v), 0);
	assert_int_equal(v, 30);
	assert_int_equal(cgw_parse_timeout("2147483647", &v), 0);
	assert_int_equal(v, 2147483647u);
}

static void test_timeout_invalid(void **state)
{
	uint32_t v = 99;

	(void)state;
	assert_int_equal(cgw_parse_timeout("-1", &v), -EINVAL);
	assert_int_equal(cgw_parse_timeout("", &v), -EINVAL);
	assert_int_equal(cgw_parse_timeout("ten", &v), -EINVAL);
	assert_int_equal(cgw_parse_timeout("10s", &v), -EINVAL);
	assert_int_equal(cgw_parse_timeout("1.5", &v), -EINVAL);
	assert_int_equal(v, 99);
}

static void test_timeout_too_large(void **state)
{
	uint32_t v = 99;

	(void)state;
	assert_int_equal(cgw_parse_timeout("2147483648", &v), -ERANGE);
	assert_int_equal(cgw_parse_timeout("18446744073709551616", &v),
			 -ERANGE);
	assert_int_equal(v, 99);
}

void run_args_tests(struct unit_tally *t)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_count_valid),
		cmocka_unit_test(test_count_zero),
		cmocka_unit_test(test_count_signs_and_spaces),
		cmocka_unit_test(test_count_not_numeric),
		cmocka_unit_test(test_count_overflow),
		cmocka_unit_test(test_timeout_valid),
		cmocka_unit_test(test_timeout_invalid),
		cmocka_unit_test(test_timeout_too_large),
	};

	UNIT_RUN(t, "args", tests);
}
