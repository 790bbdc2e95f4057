/* SPDX-License-Identifier: GPL-2.0 */
/*
 * escape.h - make strings from the kernel safe to print.
 *
 * Paths, command names and container ids are chosen by whoever runs the
 * process, so they may hold spaces, newlines, terminal escapes or bytes
 * that are not UTF-8. The text output quotes and escapes them so that a
 * finding stays one line; the JSON output needs valid UTF-8.
 */
#ifndef CGW_ESCAPE_H
#define CGW_ESCAPE_H

#include <stdbool.h>
#include <stdio.h>

/* True if @s must be quoted to be printed as one text token. */
bool cgw_token_needs_quotes(const char *s);

/*
 * Print @s as one token: unchanged if it is non-empty printable ASCII
 * without space, '"' or '\'; otherwise in double quotes with \" \\ \n
 * \t \r and \xNN escapes (NN for every other byte below 0x20 or above
 * 0x7e). Returns 0, or -1 if writing failed.
 */
int cgw_put_token(FILE *out, const char *s);

/*
 * A copy of @s in which every byte that is not part of a valid UTF-8
 * sequence is replaced by U+FFFD. Returns NULL if out of memory; the
 * caller frees the copy.
 */
char *cgw_utf8_clean(const char *s);

/* Is @s well-formed UTF-8 (as cgw_utf8_clean() would leave it)? */
bool cgw_utf8_valid(const char *s);

#endif /* CGW_ESCAPE_H */
