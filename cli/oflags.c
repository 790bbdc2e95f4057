// SPDX-License-Identifier: GPL-2.0
/*
 * oflags.c - turn a file's open flags into "O_RDWR|O_APPEND" text.
 *
 * The numbers come from the kernel's UAPI header, not from libc: libc
 * defines O_LARGEFILE as 0 on 64-bit builds, while the kernel sets it in
 * every file's flags there. This file must therefore not include
 * <fcntl.h>.
 */
#include <stdio.h>
#include <asm/fcntl.h>

#include "oflags.h"

struct oflag_name {
	uint32_t bits;
	const char *name;
};

/* Composites (O_SYNC, O_TMPFILE) come before the bits they contain. */
static const struct oflag_name oflag_names[] = {
	{ O_CREAT,	"O_CREAT" },
	{ O_EXCL,	"O_EXCL" },
	{ O_NOCTTY,	"O_NOCTTY" },
	{ O_TRUNC,	"O_TRUNC" },
	{ O_APPEND,	"O_APPEND" },
	{ O_NONBLOCK,	"O_NONBLOCK" },
	{ O_SYNC,	"O_SYNC" },
	{ O_DSYNC,	"O_DSYNC" },
	{ FASYNC,	"O_ASYNC" },
	{ O_DIRECT,	"O_DIRECT" },
	{ O_LARGEFILE,	"O_LARGEFILE" },
	{ O_TMPFILE,	"O_TMPFILE" },
	{ O_DIRECTORY,	"O_DIRECTORY" },
	{ O_NOFOLLOW,	"O_NOFOLLOW" },
	{ O_NOATIME,	"O_NOATIME" },
	{ O_CLOEXEC,	"O_CLOEXEC" },
	{ O_PATH,	"O_PATH" },
};

static const char *access_mode_name(uint32_t flags)
{
	switch (flags & O_ACCMODE) {
	case O_RDONLY:
		return "O_RDONLY";
	case O_WRONLY:
		return "O_WRONLY";
	case O_RDWR:
		return "O_RDWR";
	}
	return NULL;	/* 3: no name; shown with the unknown bits */
}

/* snprintf that never moves past the end of @buf. */
static size_t append(char *buf, size_t size, size_t len, const char *sep,
		     const char *name)
{
	int n;

	if (len >= size)
		return len;
	n = snprintf(buf + len, size - len, "%s%s", len ? sep : "", name);
	if (n < 0)
		return len;
	return len + (size_t)n < size ? len + n : size - 1;
}

size_t cgw_oflags_text(uint32_t flags, char *buf, size_t size)
{
	const char *mode = access_mode_name(flags);
	uint32_t rest = flags & ~(uint32_t)O_ACCMODE;
	char hex[16];
	size_t len = 0;
	size_t i;

	if (size)
		buf[0] = '\0';
	if (mode)
		len = append(buf, size, len, "|", mode);
	else
		rest |= flags & O_ACCMODE;

	for (i = 0; i < sizeof(oflag_names) / sizeof(oflag_names[0]); i++) {
		uint32_t bits = oflag_names[i].bits;

		if ((rest & bits) == bits) {
			len = append(buf, size, len, "|", oflag_names[i].name);
			rest &= ~bits;
		}
	}
	if (rest) {
		snprintf(hex, sizeof(hex), "%#x", rest);
		len = append(buf, size, len, "|", hex);
	}
	return len;
}
