/* SPDX-License-Identifier: GPL-2.0 */
/*
 * format.h - print findings and status as text lines or as JSON.
 *
 * Each finding is exactly one line in either form, so the output can be
 * followed with tail -f or fed line by line to jq. Fields whose
 * attribute was absent are left out.
 */
#ifndef CGW_FORMAT_H
#define CGW_FORMAT_H

#include <stdio.h>

#include "decode.h"

/* "2026-12-03T19:10:58.123456789Z" and its NUL. */
#define CGW_TIME_TEXT_SIZE	40
/* "4095:1048575" and its NUL, with room to spare. */
#define CGW_DEV_TEXT_SIZE	24

/* @ns since the epoch as RFC 3339 UTC with nanoseconds. */
int cgw_format_time(uint64_t ns, char *buf, size_t size);

/* A device in the kernel's new_encode_dev() form as "major:minor". */
void cgw_format_dev(uint32_t dev, char *buf, size_t size);

/*
 * The runtime's name: CGWATCH_A_RUNTIME_NAME if present, else the name
 * of the CGWATCH_A_RUNTIME number, else NULL.
 */
const char *cgw_runtime_name(const struct cgw_finding *f);

/*
 * Each of these writes one complete line (ending in '\n') and returns 0,
 * or -1 if writing or allocating failed.
 */
int cgw_print_finding_text(FILE *out, const struct cgw_finding *f);
int cgw_print_finding_json(FILE *out, const struct cgw_finding *f);

/* Status as text is one "label: value" line per field. */
int cgw_print_status_text(FILE *out, const struct cgw_status *s);
int cgw_print_status_json(FILE *out, const struct cgw_status *s);

#endif /* CGW_FORMAT_H */
