// SPDX-License-Identifier: GPL-2.0
/*
 * cgw-open: open a file for writing in the ways a shell cannot, so that
 * the VM scenarios can check what cgwatch sees of each.
 *
 *   cgw-open METHOD PATH
 *
 * METHOD:
 *   openat-dirfd   openat() on the parent directory's fd, relative name
 *   openat2        openat2() with RESOLVE_NO_SYMLINKS
 *   opath          O_PATH open (no security_file_open: no finding)
 *   uring          io_uring IORING_OP_OPENAT, O_WRONLY, inline
 *   uring-async    the same with IOSQE_ASYNC (runs in an io-wq worker)
 *
 * Writes "1" through the file descriptor it got (except for O_PATH) and
 * exits 0, or prints why not and exits 1. uring-async also prints where
 * the kernel ran the open: "io-wq=threads" when its workers are threads
 * of this process (mainline 5.12 on, and kernels with that backported),
 * "io-wq=kernel" when they are kernel threads of their own.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <linux/openat2.h>
#include <dirent.h>
#include <liburing.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static int open_dirfd(const char *path)
{
	char *dir_copy = strdup(path), *base_copy = strdup(path);
	int dirfd, fd;

	if (!dir_copy || !base_copy)
		return -ENOMEM;
	dirfd = open(dirname(dir_copy), O_RDONLY | O_DIRECTORY);
	if (dirfd < 0)
		return -errno;
	fd = openat(dirfd, basename(base_copy), O_WRONLY);
	if (fd < 0)
		fd = -errno;
	close(dirfd);
	free(dir_copy);
	free(base_copy);
	return fd;
}

static int open_openat2(const char *path)
{
	struct open_how how = {
		.flags = O_WRONLY,
		.resolve = RESOLVE_NO_SYMLINKS,
	};
	long fd = syscall(SYS_openat2, AT_FDCWD, path, &how, sizeof(how));

	return fd < 0 ? -errno : (int)fd;
}

/* Is one of this process's threads an io-wq worker ("iou-wrk-<tid>")? */
static bool has_io_wq_thread(void)
{
	struct dirent *d;
	bool found = false;
	DIR *dir = opendir("/proc/self/task");

	while (dir && !found && (d = readdir(dir))) {
		char path[300], comm[32] = "";
		FILE *f;

		snprintf(path, sizeof(path), "/proc/self/task/%s/comm", d->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		found = fgets(comm, sizeof(comm), f) &&
			!strncmp(comm, "iou-wrk-", 8);
		fclose(f);
	}
	if (dir)
		closedir(dir);
	return found;
}

static int open_uring(const char *path, unsigned int sqe_flags)
{
	struct io_uring_cqe *cqe;
	struct io_uring_sqe *sqe;
	struct io_uring ring;
	int err, fd;

	err = io_uring_queue_init(4, &ring, 0);
	if (err)
		return err;
	sqe = io_uring_get_sqe(&ring);
	io_uring_prep_openat(sqe, AT_FDCWD, path, O_WRONLY, 0);
	sqe->flags |= sqe_flags;
	err = io_uring_submit(&ring);
	if (err < 0) {
		io_uring_queue_exit(&ring);
		return err;
	}
	err = io_uring_wait_cqe(&ring, &cqe);
	fd = err ? err : cqe->res;
	if (!err)
		io_uring_cqe_seen(&ring, cqe);
	/* An idle worker lingers for a while: it is still there to see. */
	if (sqe_flags & IOSQE_ASYNC)
		printf("io-wq=%s\n", has_io_wq_thread() ? "threads" : "kernel");
	io_uring_queue_exit(&ring);
	return fd;
}

static int open_by(const char *method, const char *path)
{
	if (!strcmp(method, "openat-dirfd"))
		return open_dirfd(path);
	if (!strcmp(method, "openat2"))
		return open_openat2(path);
	if (!strcmp(method, "opath"))
		return open(path, O_PATH) < 0 ? -errno : 0;
	if (!strcmp(method, "uring"))
		return open_uring(path, 0);
	if (!strcmp(method, "uring-async"))
		return open_uring(path, IOSQE_ASYNC);
	fprintf(stderr, "cgw-open: unknown method '%s'\n", method);
	exit(2);
}

int main(int argc, char **argv)
{
	int fd;

	if (argc != 3) {
		fprintf(stderr, "usage: cgw-open METHOD PATH\n");
		return 2;
	}
	fd = open_by(argv[1], argv[2]);
	if (fd < 0) {
		fprintf(stderr, "cgw-open: %s %s: %s\n", argv[1], argv[2],
			strerror(-fd));
		return 1;
	}
	if (strcmp(argv[1], "opath") && write(fd, "1", 1) != 1) {
		perror("cgw-open: write");
		return 1;
	}
	return 0;
}
