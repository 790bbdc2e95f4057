// SPDX-License-Identifier: GPL-2.0
/*
 * test_escape.c - quoting of text tokens and UTF-8 repair.
 */
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "unit.h"

/* What cgw_put_token() writes for @s, in a buffer the caller frees. */
static char *token(const char *s)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	assert_non_null(out);
	assert_int_equal(cgw_put_token(out, s), 0);
	assert_int_equal(fclose(out), 0);
	return text;
}

static void expect_token(const char *s, const char *expected)
{
	char *text = token(s);

	assert_string_equal(text, expected);
	free(text);
}

static void test_plain_tokens_unchanged(void **state)
{
	(void)state;
	expect_token("sh", "sh");
	expect_token("/tmp/c/x/notify_on_release",
		     "/tmp/c/x/notify_on_release");
	expect_token("a=b:c,d", "a=b:c,d");
	assert_false(cgw_token_needs_quotes("O_WRONLY|O_CREAT"));
}

static void test_space_and_empty_quoted(void **state)
{
	(void)state;
	expect_token("/tmp/my prog", "\"/tmp/my prog\"");
	expect_token("", "\"\"");
	assert_true(cgw_token_needs_quotes(" "));
}

static void test_quote_and_backslash_escaped(void **state)
{
	(void)state;
	expect_token("a\"b\\c", "\"a\\\"b\\\\c\"");
}

static void test_control_characters_escaped(void **state)
{
	char *text;

	(void)state;
	expect_token("a\nb\tc\rd", "\"a\\nb\\tc\\rd\"");
	/* A terminal escape sequence and DEL become visible text. */
	expect_token("x\x1b[31my\x7f", "\"x\\x1b[31my\\x7f\"");
	text = token("one\ntwo\x01");
	assert_null(strchr(text, '\n'));
	assert_null(strchr(text, '\x01'));
	free(text);
}

static void test_non_ascii_escaped(void **state)
{
	(void)state;
	expect_token("caf\xc3\xa9", "\"caf\\xc3\\xa9\"");
}

static void expect_clean(const char *s, const char *expected)
{
	char *clean = cgw_utf8_clean(s);

	assert_non_null(clean);
	assert_string_equal(clean, expected);
	free(clean);
}

#define FFFD	"\xef\xbf\xbd"

static void test_utf8_valid_kept(void **state)
{
	(void)state;
	expect_clean("plain", "plain");
	expect_clean("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
		     "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
	expect_clean("", "");
}

static void test_utf8_invalid_replaced(void **state)
{
	(void)state;
	expect_clean("a\xff" "b", "a" FFFD "b");
	/* overlong "/" */
	expect_clean("\xc0\xaf", FFFD FFFD);
	/* UTF-16 surrogate U+D800 */
	expect_clean("\xed\xa0\x80", FFFD FFFD FFFD);
	/* beyond U+10FFFF */
	expect_clean("\xf4\x90\x80\x80", FFFD FFFD FFFD FFFD);
	/* cut short at the end */
	expect_clean("x\xe2\x82", "x" FFFD FFFD);
}

/* What cgw_utf8_clean() leaves alone is valid; what it changes is not. */
static void test_utf8_valid_agrees_with_clean(void **state)
{
	(void)state;
	assert_true(cgw_utf8_valid(""));
	assert_true(cgw_utf8_valid("/docker/3f4e/notify_on_release"));
	assert_true(cgw_utf8_valid("caf\xc3\xa9 \xf0\x9f\x98\x80"));
	assert_false(cgw_utf8_valid("a\xff" "b"));
	assert_false(cgw_utf8_valid("\xc0\xaf"));
	assert_false(cgw_utf8_valid("\xed\xa0\x80"));
	assert_false(cgw_utf8_valid("\xf4\x90\x80\x80"));
	assert_false(cgw_utf8_valid("x\xe2\x82"));
}

void run_escape_tests(struct unit_tally *t)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_tokens_unchanged),
		cmocka_unit_test(test_space_and_empty_quoted),
		cmocka_unit_test(test_quote_and_backslash_escaped),
		cmocka_unit_test(test_control_characters_escaped),
		cmocka_unit_test(test_non_ascii_escaped),
		cmocka_unit_test(test_utf8_valid_kept),
		cmocka_unit_test(test_utf8_invalid_replaced),
		cmocka_unit_test(test_utf8_valid_agrees_with_clean),
	};

	UNIT_RUN(t, "escape", tests);
}
