// SPDX-License-Identifier: GPL-2.0
/*
 * escape.c - quoting for the text output and UTF-8 repair for JSON.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

static bool byte_is_plain(unsigned char c)
{
	return c > ' ' && c < 0x7f && c != '"' && c != '\\';
}

bool cgw_token_needs_quotes(const char *s)
{
	if (!*s)
		return true;
	for (; *s; s++)
		if (!byte_is_plain((unsigned char)*s))
			return true;
	return false;
}

static int put_escaped_byte(FILE *out, unsigned char c)
{
	switch (c) {
	case '"':
		return fputs("\\\"", out);
	case '\\':
		return fputs("\\\\", out);
	case '\n':
		return fputs("\\n", out);
	case '\t':
		return fputs("\\t", out);
	case '\r':
		return fputs("\\r", out);
	}
	if (c < ' ' || c > 0x7e)
		return fprintf(out, "\\x%02x", c);
	return fputc(c, out);
}

int cgw_put_token(FILE *out, const char *s)
{
	if (!cgw_token_needs_quotes(s))
		return fputs(s, out) < 0 ? -1 : 0;

	if (fputc('"', out) == EOF)
		return -1;
	for (; *s; s++)
		if (put_escaped_byte(out, (unsigned char)*s) < 0)
			return -1;
	return fputc('"', out) == EOF ? -1 : 0;
}

/*
 * Length of the well-formed UTF-8 sequence that starts at @s, or 0 if
 * there is none: no overlong forms, no surrogates, nothing past U+10FFFF.
 */
static size_t utf8_sequence_length(const unsigned char *s)
{
	static const uint32_t min_value[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	unsigned char c = s[0];
	uint32_t cp;
	size_t n, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xc0 && c < 0xe0)
		n = 2;
	else if (c >= 0xe0 && c < 0xf0)
		n = 3;
	else if (c >= 0xf0 && c < 0xf8)
		n = 4;
	else
		return 0;

	cp = c & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)	/* also stops at the NUL */
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if (cp < min_value[n] || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

bool cgw_utf8_valid(const char *s)
{
	const unsigned char *in = (const unsigned char *)s;
	size_t n;

	for (; *in; in += n) {
		n = utf8_sequence_length(in);
		if (!n)
			return false;
	}
	return true;
}

char *cgw_utf8_clean(const char *s)
{
	static const char replacement[] = "\xef\xbf\xbd";	/* U+FFFD */
	const unsigned char *in = (const unsigned char *)s;
	char *copy, *out;
	size_t n;

	/* Worst case: every byte becomes a 3-byte replacement. */
	copy = malloc(3 * strlen(s) + 1);
	if (!copy)
		return NULL;
	for (out = copy; *in; in += n) {
		n = utf8_sequence_length(in);
		if (n) {
			memcpy(out, in, n);
			out += n;
		} else {
			memcpy(out, replacement, 3);
			out += 3;
			n = 1;
		}
	}
	*out = '\0';
	return copy;
}
