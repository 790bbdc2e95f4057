// SPDX-License-Identifier: GPL-2.0
/*
 * args.c - strict parsing of numeric option values.
 *
 * strtoull() alone would accept " 12", "+12", "-1" (as a huge number)
 * and "12abc"; these parsers accept only plain decimal digits.
 */
#include <errno.h>
#include <stdlib.h>

#include "args.h"

static int parse_decimal(const char *s, uint64_t max, uint64_t *value)
{
	unsigned long long v;
	char *end;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end)
		return -EINVAL;
	if (errno == ERANGE || v > max)
		return -ERANGE;
	*value = v;
	return 0;
}

int cgw_parse_count(const char *s, uint64_t *count)
{
	uint64_t v;
	int ret;

	ret = parse_decimal(s, UINT64_MAX, &v);
	if (ret)
		return ret;
	if (v == 0)
		return -EINVAL;
	*count = v;
	return 0;
}

int cgw_parse_timeout(const char *s, uint32_t *seconds)
{
	uint64_t v;
	int ret;

	ret = parse_decimal(s, CGW_TIMEOUT_MAX, &v);
	if (ret)
		return ret;
	*seconds = (uint32_t)v;
	return 0;
}
