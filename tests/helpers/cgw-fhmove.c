// SPDX-License-Identifier: GPL-2.0
/*
 * cgw-fhmove: move process PID to the root cgroup of the cgroup hierarchy
 * mounted at DIR, through a kernfs file handle. This is how a
 * privileged container (CAP_DAC_READ_SEARCH) leaves the part of the
 * hierarchy that its cgroup namespace shows it: open_by_handle_at()
 * reaches nodes above the mount's root. On 64-bit kernels the root of
 * every kernfs hierarchy has node id 1.
 *
 *   cgw-fhmove DIR PID
 *
 * Exits 0 once the process is in the root cgroup, or prints why not and
 * exits 1 (a kernel may refuse handles outside the mount).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The handle type of kernfs (include/linux/exportfs.h): a 64-bit node id. */
#define FILEID_KERNFS	0xfe

static int fail(const char *what, const char *dir)
{
	fprintf(stderr, "cgw-fhmove: %s %s: ", what, dir);
	perror(NULL);
	return 1;
}

int main(int argc, char **argv)
{
	const uint64_t root_id = 1;
	struct file_handle *fh;
	int mnt, root, procs;
	size_t len;

	if (argc != 3) {
		fprintf(stderr, "usage: cgw-fhmove DIR PID\n");
		return 2;
	}
	fh = malloc(sizeof(*fh) + sizeof(root_id));
	if (!fh)
		return fail("allocating a handle for", argv[1]);
	fh->handle_bytes = sizeof(root_id);
	fh->handle_type = FILEID_KERNFS;
	memcpy(fh->f_handle, &root_id, sizeof(root_id));

	mnt = open(argv[1], O_RDONLY | O_DIRECTORY);
	if (mnt < 0)
		return fail("opening", argv[1]);
	root = open_by_handle_at(mnt, fh, O_RDONLY | O_DIRECTORY);
	if (root < 0)
		return fail("opening the root of the hierarchy at", argv[1]);
	procs = openat(root, "cgroup.procs", O_WRONLY);
	if (procs < 0)
		return fail("opening the root's cgroup.procs at", argv[1]);
	len = strlen(argv[2]);
	if (write(procs, argv[2], len) != (ssize_t)len)
		return fail("moving into the root cgroup at", argv[1]);
	return 0;
}
