/* SPDX-License-Identifier: GPL-2.0 */
/*
 * oflags.h - names for the open flags (O_*) that a finding carries.
 */
#ifndef CGW_OFLAGS_H
#define CGW_OFLAGS_H

#include <stddef.h>
#include <stdint.h>

/* Long enough for every known name at once plus unknown bits in hex. */
#define CGW_OFLAGS_TEXT_SIZE	256

/*
 * Write @flags as "O_WRONLY|O_CREAT|O_TRUNC": the access mode first,
 * then the known flags, then any bits left over as one hex number. The
 * values are the kernel's for the architecture this is built for, which
 * is also the module's. Returns the length written.
 */
size_t cgw_oflags_text(uint32_t flags, char *buf, size_t size);

#endif /* CGW_OFLAGS_H */
