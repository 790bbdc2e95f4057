/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Real files for the KUnit suites. The KUnit guest (tests/guest/kunit.sh)
 * mounts these hierarchies before it loads the tests, so the suites test
 * the module against real cgroup v1, cgroup2 and tmpfs superblocks.
 */
#ifndef CGWATCH_KUNIT_FILES_H
#define CGWATCH_KUNIT_FILES_H

#include <kunit/test.h>
#include <linux/fs.h>

#define KT_RDMA_NOR	"/sys/fs/cgroup/rdma/notify_on_release"
#define KT_RDMA_PROCS	"/sys/fs/cgroup/rdma/cgroup.procs"
#define KT_RDMA_AGENT	"/sys/fs/cgroup/rdma/release_agent"
#define KT_NAMED_NOR	"/sys/fs/cgroup/named/child/notify_on_release"
#define KT_CPUSET_NOR	"/sys/fs/cgroup/cpuset/notify_on_release"
#define KT_V2_PROCS	"/sys/fs/cgroup/unified/cgroup.procs"
#define KT_TMPFS_NOR	"/tmp/notify_on_release"

/* Open @path with @flags for the length of @test; fails the test if not. */
static inline struct file *kt_open(struct kunit *test, const char *path,
				   int flags)
{
	struct file *file = filp_open(path, flags, 0);

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(file), "cannot open %s: %ld",
			       path, PTR_ERR(file));
	return file;
}

#endif /* CGWATCH_KUNIT_FILES_H */
