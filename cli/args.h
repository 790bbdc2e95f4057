/* SPDX-License-Identifier: GPL-2.0 */
/*
 * args.h - checks for the values of command-line options.
 */
#ifndef CGW_ARGS_H
#define CGW_ARGS_H

#include <stdint.h>

/* Longest --timeout accepted, in seconds (about 68 years). */
#define CGW_TIMEOUT_MAX		INT32_MAX

/*
 * --count N: a whole number from 1 to UINT64_MAX, decimal digits only.
 * Returns 0 and sets @count, -EINVAL if @s is not such a number (empty,
 * sign, space, other characters, zero), -ERANGE if it is too large.
 */
int cgw_parse_count(const char *s, uint64_t *count);

/*
 * --timeout SECONDS: a whole number from 0 to CGW_TIMEOUT_MAX, decimal
 * digits only. Same return values as cgw_parse_count().
 */
int cgw_parse_timeout(const char *s, uint32_t *seconds);

#endif /* CGW_ARGS_H */
